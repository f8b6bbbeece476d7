"""Dictionaries of casework and the statutory caseload limit, as data.

Codes are stable (metrics count by them); names may be edited. The caseload limit
change date (20 → 15) is not confirmed (law.md §1.6): it is seeded as 1 Jan 2015
and can be corrected, or a future limit added, as data.
"""

import datetime

from django.db import migrations

TASK_CODES = [
    ("work_plan", "opracowanie i realizacja planu pracy z rodziną", "art. 15 ust. 1 pkt 1"),
    ("plan_with_foster_care", "plan pracy skoordynowany z planem pomocy dziecku w pieczy", "art. 15 ust. 1 pkt 2"),
    ("life_situation", "poprawa sytuacji życiowej, prowadzenie gospodarstwa domowego", "art. 15 ust. 1 pkt 3"),
    ("social_problems", "rozwiązywanie problemów socjalnych", "art. 15 ust. 1 pkt 4"),
    ("psychological_problems", "rozwiązywanie problemów psychologicznych", "art. 15 ust. 1 pkt 5"),
    ("upbringing_problems", "rozwiązywanie problemów wychowawczych z dziećmi", "art. 15 ust. 1"),
    ("social_activity", "wspieranie aktywności społecznej rodziny", "art. 15 ust. 1"),
    ("vocational_skills", "motywowanie do podnoszenia kwalifikacji zawodowych", "art. 15 ust. 1"),
    ("employment", "pomoc w poszukiwaniu, podjęciu i utrzymaniu pracy", "art. 15 ust. 1"),
    ("parent_groups", "motywowanie do udziału w zajęciach grupowych dla rodziców", "art. 15 ust. 1"),
    ("child_support", "wsparcie dzieci, w tym zajęcia psychoedukacyjne", "art. 15 ust. 1"),
    ("intervention", "działania interwencyjne i zaradcze (zagrożenie bezpieczeństwa)", "art. 15 ust. 1"),
    ("consultations", "indywidualne konsultacje wychowawcze", "art. 15 ust. 1"),
    ("documentation", "prowadzenie dokumentacji pracy z rodziną", "art. 15 ust. 1"),
    ("assessment", "okresowa ocena sytuacji rodziny", "art. 15 ust. 1"),
    ("monitoring", "monitorowanie funkcjonowania rodziny po zakończeniu pracy", "art. 15 ust. 1"),
    ("court_opinion", "opinia o rodzinie na wniosek sądu", "art. 15 ust. 1"),
    ("cooperation", "współpraca z instytucjami, organizacjami, zespołem interdyscyplinarnym", "art. 15 ust. 1"),
    ("za_zyciem", "koordynacja wsparcia z ustawy „Za życiem”", "art. 8 ustawy „Za życiem”"),
]

INSTITUTION_KINDS = [
    ("office_social_affairs", "ośrodek pomocy (inni specjaliści), urząd – sprawy społeczne"),
    ("court", "sąd rejonowy (kuratorzy, komornicy)"),
    ("counselling_centre", "poradnia psychologiczno-pedagogiczna"),
    ("labour_office", "powiatowy urząd pracy"),
    ("emergency_foster_care", "pogotowie rodzinne (zawodowa rodzina zastępcza), pogotowie opiekuńcze"),
    ("schools_care_facilities", "placówki oświatowe i opiekuńczo-wychowawcze"),
    ("housing_department", "urząd gminy – sprawy lokalowe"),
    ("housing_cooperative", "spółdzielnie mieszkaniowe i zarządcy budynków"),
    ("health_care", "placówki służby zdrowia"),
    ("ngo", "organizacje pozarządowe i fundacje"),
    ("police", "policja"),
    ("interdisciplinary_team", "zespół interdyscyplinarny / grupa robocza"),
    ("other", "inna instytucja"),
]

# (code, name, level, is_state)
OUTCOME_KINDS = [
    ("addiction_therapy_inpatient", "terapia uzależnień – leczenie stacjonarne", "person", False),
    ("addiction_therapy_outpatient", "terapia uzależnień – poradnia (ambulatoryjnie)", "person", False),
    ("addiction_treatment_residential", "leczenie uzależnień w ośrodku poza miejscem zamieszkania", "person", False),
    ("counselling_centre_child", "pomoc poradni psychologiczno-pedagogicznej dla dziecka", "person", False),
    ("employment_contract", "podjęcie zatrudnienia na umowę o pracę", "person", False),
    ("employment_abroad", "podjęcie pracy za granicą", "person", False),
    ("internship", "staż zawodowy", "person", False),
    ("seasonal_work", "praca sezonowa lub dorywcza", "person", False),
    ("social_flat_granted", "przyznanie mieszkania socjalnego", "family", False),
    ("social_flat_waiting_list", "oczekiwanie na lokal socjalny lub komunalny (złożony wniosek)", "family", True),
    ("flat_exchanged", "zamiana mieszkania", "person", False),
    ("psychiatric_support", "wsparcie w leczeniu choroby psychicznej", "family", False),
    ("day_support_centre", "uczęszczanie do placówki wsparcia dziennego / świetlicy", "person", False),
    ("crisis_shelter", "schronienie w ośrodku interwencji kryzysowej", "family", False),
    ("material_help", "pomoc materialna lub rzeczowa (m.in. organizacje pozarządowe)", "family", False),
    ("parental_authority_restored", "przywrócenie pełnej władzy rodzicielskiej", "family", False),
    ("other", "inny efekt", "person", False),
]

CLOSURE_REASONS = [
    ("goals_achieved", "osiągnięcie celów planu pracy", False),
    ("family_withdrew", "rezygnacja rodziny / zaprzestanie współpracy", False),
    ("moved_away", "zmiana miejsca zamieszkania", False),
    ("no_effects", "brak efektów pracy", False),
    ("children_placed", "umieszczenie dzieci w pieczy zastępczej", False),
    ("court_order_changed", "zmiana lub uchylenie postanowienia sądu", False),
    ("no_basis", "brak podstaw (pełnoletność, przysposobienie, śmierć …)", True),
    ("za_zyciem_ended", "zakończenie wsparcia z ustawy „Za życiem”", False),
    ("other", "inna przyczyna", True),
]

DEFAULT_LIMITS = [
    (datetime.date(2012, 1, 1), 20, "art. 15 ust. 4 (brzmienie pierwotne)"),
    (datetime.date(2015, 1, 1), 15, "art. 15 ust. 4 (data zmiany do potwierdzenia)"),
]


def forwards(apps, schema_editor):
    TaskCode = apps.get_model("casework", "TaskCode")
    InstitutionKind = apps.get_model("casework", "InstitutionKind")
    OutcomeKind = apps.get_model("casework", "OutcomeKind")
    ClosureReason = apps.get_model("casework", "ClosureReason")
    CaseloadLimit = apps.get_model("casework", "CaseloadLimit")
    for order, (code, name, ref) in enumerate(TASK_CODES, 1):
        TaskCode.objects.update_or_create(
            code=code, defaults={"name": name, "legal_reference": ref, "order": order}
        )
    for order, (code, name) in enumerate(INSTITUTION_KINDS, 1):
        InstitutionKind.objects.update_or_create(code=code, defaults={"name": name, "order": order})
    for order, (code, name, level, is_state) in enumerate(OUTCOME_KINDS, 1):
        OutcomeKind.objects.update_or_create(
            code=code,
            defaults={"name": name, "order": order, "level": level, "is_state": is_state},
        )
    for order, (code, name, requires_text) in enumerate(CLOSURE_REASONS, 1):
        ClosureReason.objects.update_or_create(
            code=code, defaults={"name": name, "order": order, "requires_text": requires_text}
        )
    for valid_from, limit, note in DEFAULT_LIMITS:
        CaseloadLimit.objects.update_or_create(
            office=None, valid_from=valid_from, defaults={"limit": limit, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [("casework", "0003_case_lifecycle")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
