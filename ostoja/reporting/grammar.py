"""Polish declension of the units of figures: a count agrees with its noun in every case.

Rules for a count ``n`` with a noun in a given case:

* nominative / accusative: 1 → singular; 2–4 (not 12–14) → plural nominative
  (accusative plural; for masculine-personal nouns the genitive plural); otherwise
  genitive plural ("5 rodzin", "22 rodziny", "w tym 33 dzieci");
* genitive, dative, instrumental, locative: 1 → singular of the case, otherwise
  plural of the case ("dla 33 dzieci", "z 7 rodzinami", "w 12 rodzinach");
* a fraction takes the genitive singular ("1,5 roku").
"""

from __future__ import annotations

from decimal import Decimal

from ostoja.common.formatting import NBSP, format_decimal, format_int, plural_index

CASES = ("nom", "gen", "dat", "acc", "ins", "loc")

#: unit → (singular forms, plural forms), each in the order of CASES.
DECLENSIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "families": (
        ("rodzina", "rodziny", "rodzinie", "rodzinę", "rodziną", "rodzinie"),
        ("rodziny", "rodzin", "rodzinom", "rodziny", "rodzinami", "rodzinach"),
    ),
    "children": (
        ("dziecko", "dziecka", "dziecku", "dziecko", "dzieckiem", "dziecku"),
        ("dzieci", "dzieci", "dzieciom", "dzieci", "dziećmi", "dzieciach"),
    ),
    "persons": (
        ("osoba", "osoby", "osobie", "osobę", "osobą", "osobie"),
        ("osoby", "osób", "osobom", "osoby", "osobami", "osobach"),
    ),
    "women": (
        ("kobieta", "kobiety", "kobiecie", "kobietę", "kobietą", "kobiecie"),
        ("kobiety", "kobiet", "kobietom", "kobiety", "kobietami", "kobietach"),
    ),
    "men": (
        ("mężczyzna", "mężczyzny", "mężczyźnie", "mężczyznę", "mężczyzną", "mężczyźnie"),
        ("mężczyźni", "mężczyzn", "mężczyznom", "mężczyzn", "mężczyznami", "mężczyznach"),
    ),
    "decisions": (
        ("decyzja", "decyzji", "decyzji", "decyzję", "decyzją", "decyzji"),
        ("decyzje", "decyzji", "decyzjom", "decyzje", "decyzjami", "decyzjach"),
    ),
    "applications": (
        ("wniosek", "wniosku", "wnioskowi", "wniosek", "wnioskiem", "wniosku"),
        ("wnioski", "wniosków", "wnioskom", "wnioski", "wnioskami", "wnioskach"),
    ),
    "meetings": (
        ("posiedzenie", "posiedzenia", "posiedzeniu", "posiedzenie", "posiedzeniem", "posiedzeniu"),
        (
            "posiedzenia",
            "posiedzeń",
            "posiedzeniom",
            "posiedzenia",
            "posiedzeniami",
            "posiedzeniach",
        ),
    ),
    "cards": (
        ("karta", "karty", "karcie", "kartę", "kartą", "karcie"),
        ("karty", "kart", "kartom", "karty", "kartami", "kartach"),
    ),
    "hours": (
        ("godzina", "godziny", "godzinie", "godzinę", "godziną", "godzinie"),
        ("godziny", "godzin", "godzinom", "godziny", "godzinami", "godzinach"),
    ),
    "institutions": (
        ("instytucja", "instytucji", "instytucji", "instytucję", "instytucją", "instytucji"),
        ("instytucje", "instytucji", "instytucjom", "instytucje", "instytucjami", "instytucjach"),
    ),
    "flats": (
        ("mieszkanie", "mieszkania", "mieszkaniu", "mieszkanie", "mieszkaniem", "mieszkaniu"),
        ("mieszkania", "mieszkań", "mieszkaniom", "mieszkania", "mieszkaniami", "mieszkaniach"),
    ),
    "consultations": (
        ("konsultacja", "konsultacji", "konsultacji", "konsultację", "konsultacją", "konsultacji"),
        (
            "konsultacje",
            "konsultacji",
            "konsultacjom",
            "konsultacje",
            "konsultacjami",
            "konsultacjach",
        ),
    ),
    "trainings": (
        ("szkolenie", "szkolenia", "szkoleniu", "szkolenie", "szkoleniem", "szkoleniu"),
        ("szkolenia", "szkoleń", "szkoleniom", "szkolenia", "szkoleniami", "szkoleniach"),
    ),
    "programmes": (
        ("program", "programu", "programowi", "program", "programem", "programie"),
        ("programy", "programów", "programom", "programy", "programami", "programach"),
    ),
    "rulings": (
        ("orzeczenie", "orzeczenia", "orzeczeniu", "orzeczenie", "orzeczeniem", "orzeczeniu"),
        ("orzeczenia", "orzeczeń", "orzeczeniom", "orzeczenia", "orzeczeniami", "orzeczeniach"),
    ),
    "opinions": (
        ("opinia", "opinii", "opinii", "opinię", "opinią", "opinii"),
        ("opinie", "opinii", "opiniom", "opinie", "opiniami", "opiniach"),
    ),
    "groups": (
        ("grupa", "grupy", "grupie", "grupę", "grupą", "grupie"),
        ("grupy", "grup", "grupom", "grupy", "grupami", "grupach"),
    ),
    "classes": (  # plurale tantum: "1 zajęcia", "5 zajęć"
        ("zajęcia", "zajęć", "zajęciom", "zajęcia", "zajęciami", "zajęciach"),
        ("zajęcia", "zajęć", "zajęciom", "zajęcia", "zajęciami", "zajęciach"),
    ),
    "years": (
        ("rok", "roku", "rokowi", "rok", "rokiem", "roku"),
        ("lata", "lat", "latom", "lata", "latami", "latach"),
    ),
    "weeks": (
        ("tydzień", "tygodnia", "tygodniowi", "tydzień", "tygodniem", "tygodniu"),
        ("tygodnie", "tygodni", "tygodniom", "tygodnie", "tygodniami", "tygodniach"),
    ),
    "assistants": (
        ("asystent", "asystenta", "asystentowi", "asystenta", "asystentem", "asystencie"),
        ("asystentów", "asystentów", "asystentom", "asystentów", "asystentami", "asystentach"),
    ),
    "contacts": (
        ("kontakt", "kontaktu", "kontaktowi", "kontakt", "kontaktem", "kontakcie"),
        ("kontakty", "kontaktów", "kontaktom", "kontakty", "kontaktami", "kontaktach"),
    ),
    "cases": (
        ("sprawa", "sprawy", "sprawie", "sprawę", "sprawą", "sprawie"),
        ("sprawy", "spraw", "sprawom", "sprawy", "sprawami", "sprawach"),
    ),
    "assessments": (
        ("ocena", "oceny", "ocenie", "ocenę", "oceną", "ocenie"),
        ("oceny", "ocen", "ocenom", "oceny", "ocenami", "ocenach"),
    ),
    "events": (
        ("zdarzenie", "zdarzenia", "zdarzeniu", "zdarzenie", "zdarzeniem", "zdarzeniu"),
        ("zdarzenia", "zdarzeń", "zdarzeniom", "zdarzenia", "zdarzeniami", "zdarzeniach"),
    ),
}

#: Masculine-personal nouns: with 2–4 the nominative and accusative take the genitive plural
#: after a numeral written in digits ("2 asystentów"); "mężczyźni" keeps the nominative.
_GEN_PL_AFTER_FEW_ACC = frozenset({"men", "assistants"})


def is_whole(value) -> bool:
    return Decimal(str(value)) == Decimal(str(value)).to_integral_value()


def noun_form(value, unit: str, case: str = "nom") -> str:
    """The form of `unit`'s noun that agrees with the count `value` in `case`."""
    assert case in CASES, case
    singular, plural_forms = DECLENSIONS[unit]
    i = CASES.index(case)
    gen = CASES.index("gen")
    if not is_whole(value):
        return singular[gen]
    n = abs(int(value))
    if case in ("nom", "acc"):
        index = plural_index(n)
        if index == 0:
            return singular[i]
        if index == 1:
            if case == "acc" and unit in _GEN_PL_AFTER_FEW_ACC:
                return plural_forms[gen]
            return plural_forms[i]
        return plural_forms[gen]
    if n == 1:
        return singular[i]
    return plural_forms[i]


def format_number(value) -> str:
    """Write a number the Polish way: 1234, 12 345, 1,5."""
    if is_whole(value):
        return format_int(int(value))
    text = format_decimal(value, 2)
    return text.rstrip("0").rstrip(",") if "," in text else text


def format_count_case(value, unit: str, case: str = "nom") -> str:
    """'22 rodziny', 'w 12 rodzinach' (case='loc'), 'dla 33 dzieci' (case='gen')."""
    return f"{format_number(value)}{NBSP}{noun_form(value, unit, case)}"
