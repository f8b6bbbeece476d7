"""Units of figures and their Polish noun forms (one, few, many)."""

from ostoja.common.formatting import format_count, format_money, format_percent

#: unit → (1, 2–4, 5+) nominative forms.
UNIT_FORMS: dict[str, tuple[str, str, str]] = {
    "families": ("rodzina", "rodziny", "rodzin"),
    "children": ("dziecko", "dzieci", "dzieci"),
    "persons": ("osoba", "osoby", "osób"),
    "women": ("kobieta", "kobiety", "kobiet"),
    "men": ("mężczyzna", "mężczyźni", "mężczyzn"),
    "decisions": ("decyzja", "decyzje", "decyzji"),
    "applications": ("wniosek", "wnioski", "wniosków"),
    "meetings": ("posiedzenie", "posiedzenia", "posiedzeń"),
    "cards": ("karta", "karty", "kart"),
    "hours": ("godzina", "godziny", "godzin"),
    "institutions": ("instytucja", "instytucje", "instytucji"),
    "flats": ("mieszkanie", "mieszkania", "mieszkań"),
    "consultations": ("konsultacja", "konsultacje", "konsultacji"),
    "trainings": ("szkolenie", "szkolenia", "szkoleń"),
    "programmes": ("program", "programy", "programów"),
    "rulings": ("orzeczenie", "orzeczenia", "orzeczeń"),  # rulings of a counselling centre or court
    "opinions": ("opinia", "opinie", "opinii"),
    "groups": ("grupa", "grupy", "grup"),
    "classes": ("zajęcia", "zajęcia", "zajęć"),
    "years": ("rok", "lata", "lat"),
    "weeks": ("tydzień", "tygodnie", "tygodni"),
    "assistants": ("asystent", "asystentów", "asystentów"),
    "contacts": ("kontakt", "kontakty", "kontaktów"),
    "cases": ("sprawa", "sprawy", "spraw"),
    "assessments": ("ocena", "oceny", "ocen"),
    "events": ("zdarzenie", "zdarzenia", "zdarzeń"),
}
UNITS = frozenset([*UNIT_FORMS, "pln", "percent"])


def format_value(value, unit: str) -> str:
    """Write a figure with its unit the Polish way: '22 rodziny', '1 234,56 zł', '12 %'."""
    if unit == "pln":
        return format_money(value)
    if unit == "percent":
        return format_percent(value)
    forms = UNIT_FORMS.get(unit)
    if forms is None:
        return str(value)
    return format_count(int(value), *forms)
