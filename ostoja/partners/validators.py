"""Refuse personal data in partners' texts: no PESEL-like numbers."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# 11 digits, possibly grouped by spaces, non-breaking spaces or hyphens.
_CANDIDATE = re.compile(r"(?<![\d])\d(?:[ \u00a0-]?\d){10}(?![\d])")
_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)


def pesel_checksum_ok(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:10], _WEIGHTS, strict=True))
    return (10 - total % 10) % 10 == int(digits[10])


def find_pesel_like(text: str) -> list[str]:
    """Every 11-digit number in `text` (spaces allowed) that passes the PESEL checksum."""
    found = []
    for match in _CANDIDATE.finditer(text or ""):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) == 11 and pesel_checksum_ok(digits):
            found.append(match.group())
    return found


def validate_no_pesel(text: str) -> None:
    if find_pesel_like(text):
        raise ValidationError(
            _(
                "Tekst zawiera numer wyglądający jak PESEL. Partnerzy nie przekazują danych "
                "osobowych – usuń ten numer."
            ),
            code="pesel_like",
        )
