"""CSV export of office statistics in the import format (round trip)."""

import csv
import io

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """Neutralise a text cell a spreadsheet would run as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def statistics_csv(rows) -> str:
    """Rows of (code, year, value, source, label) as a semicolon CSV with a header."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["kod", "rok", "wartość", "źródło", "nazwa"])
    for code, year, value, source, label in rows:
        number = "" if value is None else str(value).replace(".", ",")
        writer.writerow([safe_cell(code), year, number, safe_cell(source), safe_cell(label)])
    return buffer.getvalue()
