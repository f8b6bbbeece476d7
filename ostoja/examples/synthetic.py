"""Deterministic synthetic people: fake names and valid PESEL numbers."""

import datetime
import random

from stdnum.pl import pesel as stdnum_pesel

FEMALE_NAMES = [
    "Anna",
    "Maria",
    "Katarzyna",
    "Agnieszka",
    "Joanna",
    "Monika",
    "Ewa",
    "Magdalena",
    "Karolina",
    "Natalia",
    "Zuzanna",
    "Julia",
    "Lena",
    "Maja",
    "Hanna",
    "Oliwia",
]
MALE_NAMES = [
    "Piotr",
    "Krzysztof",
    "Tomasz",
    "Marcin",
    "Paweł",
    "Michał",
    "Jakub",
    "Kamil",
    "Szymon",
    "Filip",
    "Antoni",
    "Jan",
    "Franciszek",
    "Aleksander",
    "Wojciech",
    "Igor",
]
SURNAMES = [
    ("Nowak", "Nowak", "Nowaków"),
    ("Wójcik", "Wójcik", "Wójcików"),
    ("Kowalczyk", "Kowalczyk", "Kowalczyków"),
    ("Woźniak", "Woźniak", "Woźniaków"),
    ("Mazur", "Mazur", "Mazurów"),
    ("Krawczyk", "Krawczyk", "Krawczyków"),
    ("Kowalski", "Kowalska", "Kowalskich"),
    ("Wiśniewski", "Wiśniewska", "Wiśniewskich"),
    ("Lewandowski", "Lewandowska", "Lewandowskich"),
    ("Zieliński", "Zielińska", "Zielińskich"),
    ("Szymański", "Szymańska", "Szymańskich"),
    ("Dąbrowski", "Dąbrowska", "Dąbrowskich"),
    ("Jankowski", "Jankowska", "Jankowskich"),
    ("Pawłowski", "Pawłowska", "Pawłowskich"),
    ("Michalski", "Michalska", "Michalskich"),
    ("Król", "Król", "Królów"),
    ("Wieczorek", "Wieczorek", "Wieczorków"),
    ("Jabłoński", "Jabłońska", "Jabłońskich"),
    ("Majewski", "Majewska", "Majewskich"),
    ("Olszewski", "Olszewska", "Olszewskich"),
]


def make_pesel(birth: datetime.date, sex: str, serial: int) -> str:
    """Build a valid PESEL for a birth date, sex ('F'/'M') and a serial 0–999."""
    month = birth.month + {18: 80, 19: 0, 20: 20, 21: 40, 22: 60}[birth.year // 100]
    serial = serial % 1000
    sex_digit = (serial % 5) * 2 + (1 if sex == "M" else 0)
    body = f"{birth.year % 100:02d}{month:02d}{birth.day:02d}{serial:03d}{sex_digit}"
    weights = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    check = (10 - sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 10) % 10
    number = body + str(check)
    stdnum_pesel.validate(number)
    return number


class PeopleFactory:
    """Draw names, birth dates and PESELs from a seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.serial = 0

    def surname(self) -> tuple[str, str, str]:
        return self.rng.choice(SURNAMES)

    def first_name(self, sex: str) -> str:
        return self.rng.choice(FEMALE_NAMES if sex == "F" else MALE_NAMES)

    def birth_date(self, born_from: datetime.date, born_to: datetime.date) -> datetime.date:
        span = (born_to - born_from).days
        return born_from + datetime.timedelta(days=self.rng.randint(0, max(span, 0)))

    def pesel(self, birth: datetime.date, sex: str) -> str:
        self.serial += 1
        return make_pesel(birth, sex, self.serial)
