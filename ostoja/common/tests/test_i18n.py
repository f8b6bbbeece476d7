"""The Polish catalogue gives all three plural forms."""

import pytest
from django.utils import translation
from django.utils.translation import ngettext

FORMS = {
    1: "1 rodzinę",
    2: "2 rodziny",
    4: "4 rodziny",
    5: "5 rodzin",
    12: "12 rodzin",
    22: "22 rodziny",
}


@pytest.mark.parametrize(("n", "expected"), FORMS.items())
def test_family_count_plural(n, expected):
    with translation.override("pl"):
        text = ngettext("Znaleziono %(counter)s rodzinę.", "Znaleziono %(counter)s rodzin.", n) % {
            "counter": n
        }
    assert text == f"Znaleziono {expected}."


def test_every_plural_entry_is_translated():
    """Each msgid_plural in the catalogue has all its Polish forms filled in."""
    from pathlib import Path

    po = Path(__file__).resolve().parents[2] / "locale/pl/LC_MESSAGES/django.po"
    entries = po.read_text(encoding="utf-8").split("\n\n")
    missing = [
        e.splitlines()[0:3]
        for e in entries
        if "msgid_plural" in e and ('msgstr[2] ""' in e or "msgstr[2]" not in e)
    ]
    assert not missing, missing
    assert po.with_suffix(".mo").exists(), "run `make messages` to compile the catalogue"
