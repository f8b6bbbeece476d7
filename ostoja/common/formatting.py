"""Polish formatting of numbers, money, dates and counted nouns.

Every figure a user reads passes through here, so that "1 rodzina, 2 rodziny,
5 rodzin" and "1 234,56 zł" are written one way everywhere.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"

MONTHS_GENITIVE = (
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
)
MONTHS_NOMINATIVE = (
    "styczeń",
    "luty",
    "marzec",
    "kwiecień",
    "maj",
    "czerwiec",
    "lipiec",
    "sierpień",
    "wrzesień",
    "październik",
    "listopad",
    "grudzień",
)


def plural_index(n: int) -> int:
    """Return the Polish plural form index (0 one, 1 few, 2 many) as gettext's Plural-Forms."""
    n = abs(int(n))
    if n == 1:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


def plural(n: int, one: str, few: str, many: str) -> str:
    """Pick the noun form agreeing with `n`: plural(5, "rodzina", "rodziny", "rodzin")."""
    return (one, few, many)[plural_index(n)]


def format_int(n: int) -> str:
    """Group thousands with a non-breaking space from 10 000 up, as Polish typography does."""
    text = f"{int(n):d}"
    sign = "-" if text.startswith("-") else ""
    digits = text.lstrip("-")
    if len(digits) <= 4:
        return sign + digits
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sign + NBSP.join(groups)


def format_decimal(value: Decimal | float | int, places: int = 2) -> str:
    """Format a decimal with a comma and grouped thousands: 1 234,56."""
    quant = Decimal(1).scaleb(-places)
    d = Decimal(str(value)).quantize(quant, rounding=ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    whole, _, frac = f"{abs(d):f}".partition(".")
    groups: list[str] = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    out = NBSP.join(groups) or "0"
    return sign + out + ("," + frac if places else "")


def format_money(value: Decimal | float | int) -> str:
    """Format an amount in złoty: 1 234,56 zł."""
    return f"{format_decimal(value, 2)}{NBSP}zł"


def format_percent(value: Decimal | float | int, places: int = 1) -> str:
    text = format_decimal(value, places)
    if places and text.endswith("," + "0" * places):
        text = text.split(",")[0]
    return f"{text}{NBSP}%"


def format_date(value: datetime.date | None) -> str:
    """Format a date as 25 lutego 2015 r."""
    if value is None:
        return ""
    return f"{value.day} {MONTHS_GENITIVE[value.month - 1]} {value.year}{NBSP}r."


def format_date_short(value: datetime.date | None) -> str:
    """Format a date as 25.02.2015."""
    return "" if value is None else value.strftime("%d.%m.%Y")


def format_month_year(value: datetime.date) -> str:
    """Format a month as 'styczeń 2018' (the place-and-date line of a report)."""
    return f"{MONTHS_NOMINATIVE[value.month - 1]} {value.year}"


def format_count(n: int, one: str, few: str, many: str) -> str:
    """Write a count with its agreeing noun: '22 rodziny'."""
    return f"{format_int(n)}{NBSP}{plural(n, one, few, many)}"
