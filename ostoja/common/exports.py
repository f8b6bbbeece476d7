"""Safe values for spreadsheet exports (CSV/XLSX): no formula injection."""

from typing import Any

#: A cell starting with one of these is read as a formula (or can start one) by spreadsheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Return `value` fit for a CSV/XLSX cell: text that a spreadsheet could run as a
    formula gets a leading apostrophe; numbers, dates and None pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_row(values) -> list[Any]:
    """`safe_cell` applied to each value of a row."""
    return [safe_cell(v) for v in values]
