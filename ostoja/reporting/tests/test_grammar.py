import pytest

from ostoja.reporting.grammar import CASES, DECLENSIONS, format_count_case, noun_form
from ostoja.reporting.units import UNIT_FORMS

NB = "\u00a0"


@pytest.mark.parametrize(
    ("n", "case", "expected"),
    [
        (1, "nom", "1 rodzina"),
        (2, "nom", "2 rodziny"),
        (5, "nom", "5 rodzin"),
        (22, "nom", "22 rodziny"),
        (12, "nom", "12 rodzin"),
        (21, "nom", "21 rodzin"),
        (1, "gen", "1 rodziny"),
        (2, "gen", "2 rodzin"),
        (5, "gen", "5 rodzin"),
        (1, "dat", "1 rodzinie"),
        (3, "dat", "3 rodzinom"),
        (1, "acc", "1 rodzinę"),
        (4, "acc", "4 rodziny"),
        (90, "acc", "90 rodzin"),
        (1, "ins", "1 rodziną"),
        (7, "ins", "7 rodzinami"),
        (2, "ins", "2 rodzinami"),
        (1, "loc", "1 rodzinie"),
        (2, "loc", "2 rodzinach"),
        (12, "loc", "12 rodzinach"),
    ],
)
def test_families_agree_in_number_and_case(n, case, expected):
    assert format_count_case(n, "families", case) == expected.replace(" ", NB)


@pytest.mark.parametrize(
    ("n", "unit", "case", "expected"),
    [
        (33, "children", "gen", "33 dzieci"),
        (1, "children", "nom", "1 dziecko"),
        (2, "children", "ins", "2 dziećmi"),
        (1, "children", "loc", "1 dziecku"),
        (291, "persons", "nom", "291 osób"),
        (272, "persons", "nom", "272 osoby"),
        (1, "persons", "acc", "1 osobę"),
        (190, "cards", "acc", "190 kart"),
        (33, "women", "nom", "33 kobiety"),
        (2, "men", "nom", "2 mężczyźni"),
        (2, "men", "acc", "2 mężczyzn"),
        (27, "men", "gen", "27 mężczyzn"),
        (1, "assistants", "gen", "1 asystenta"),
        (7, "assistants", "gen", "7 asystentów"),
        (1, "years", "acc", "1 rok"),
        (2, "years", "nom", "2 lata"),
        (16, "years", "gen", "16 lat"),
        (1.5, "years", "gen", "1,5 roku"),
        (7, "weeks", "acc", "7 tygodni"),
        (4, "meetings", "nom", "4 posiedzenia"),
        (105, "meetings", "loc", "105 posiedzeniach"),
        (12, "classes", "gen", "12 zajęć"),
        (1315, "decisions", "acc", "1315 decyzji"),
        (12345, "applications", "nom", "12 345 wniosków"),
    ],
)
def test_other_units(n, unit, case, expected):
    assert format_count_case(n, unit, case) == expected.replace(" ", NB)


def test_every_unit_has_a_full_declension_matching_its_nominative_forms():
    for unit, (one, few, many) in UNIT_FORMS.items():
        assert unit in DECLENSIONS, unit
        singular, plural = DECLENSIONS[unit]
        assert len(singular) == len(plural) == len(CASES), unit
        assert noun_form(1, unit) == one
        assert noun_form(3, unit) == few
        assert noun_form(5, unit) == many
