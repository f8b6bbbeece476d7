"""CSV/XLSX import of office statistics: parse, check every row, then apply all or nothing."""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core import signing
from django.db import transaction
from django.utils.translation import gettext as _

from ostoja.accounts.models import Office
from ostoja.programme.models import StatisticKind, StatisticValue

MAX_ROWS = 5000
#: StatisticValue.value is DECIMAL(14, 2): at most 12 digits before the point, 2 after.
MAX_VALUE = Decimal(10) ** 12
CENT = Decimal("0.01")
MAX_BYTES = 2 * 1024 * 1024
SIGNING_SALT = "ostoja.programme.statistics-import"
REQUIRED = ("kod", "rok", "wartość")
OPTIONAL = ("źródło", "nazwa")
HEADER_ALIASES = {"wartosc": "wartość", "zrodlo": "źródło", "zródło": "źródło"}


@dataclass
class ImportRow:
    line: int
    code: str
    year: int
    value: Decimal
    source: str = ""
    label: str = ""
    unit: str = ""
    current: Decimal | None = None


@dataclass
class ParseResult:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def _read_table(name: str, data: bytes) -> list[list]:
    """Return the file's rows as lists of cells (header included)."""
    if name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2)]
        workbook.close()
        return rows
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1250")
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _header_name(cell) -> str:
    name = str(cell or "").strip().lower()
    return HEADER_ALIASES.get(name, name)


def _number(cell) -> Decimal | None:
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float | Decimal):
        return Decimal(str(cell))
    text = str(cell or "").strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def parse_statistics_file(office: Office, name: str, data: bytes) -> ParseResult:
    """Check an uploaded file; every problem is reported with its row number, in Polish."""
    result = ParseResult()
    if len(data) > MAX_BYTES:
        result.errors.append(_("Plik jest za duży (najwyżej 2 MB)."))
        return result
    try:
        table = _read_table(name, data)
    except Exception:  # any unreadable file gets the same message
        result.errors.append(
            _("Nie udało się odczytać pliku. Zapisz go jako CSV (UTF-8) lub XLSX.")
        )
        return result
    table = [r for r in table if any(str(c or "").strip() for c in r)]
    if not table:
        result.errors.append(_("Plik jest pusty."))
        return result
    header = [_header_name(c) for c in table[0]]
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c and c not in REQUIRED + OPTIONAL]
    if missing or unknown or len(set(header)) != len(header):
        result.errors.append(
            _(
                "Wiersz 1: nieprawidłowe kolumny. Wymagane: kod, rok, wartość "
                "(opcjonalnie: źródło, nazwa); w pliku: %(found)s."
            )
            % {"found": ", ".join(str(c) for c in table[0] if c is not None) or "—"}
        )
        return result
    if len(table) - 1 > MAX_ROWS:
        result.errors.append(_("Plik ma za dużo wierszy (najwyżej %(n)s).") % {"n": MAX_ROWS})
        return result
    col = {name: header.index(name) for name in header if name}
    kinds = {k.code.lower(): k for k in StatisticKind.objects.filter(office=office)}
    seen: dict[tuple[str, int], int] = {}
    for line, raw in enumerate(table[1:], start=2):
        cells = list(raw) + [None] * (len(header) - len(raw))
        code = str(cells[col["kod"]] or "").strip()
        year_cell, value_cell = cells[col["rok"]], cells[col["wartość"]]
        source = str(cells[col["źródło"]] or "").strip() if "źródło" in col else ""
        if str(value_cell if value_cell is not None else "").strip() == "":
            continue  # an empty value leaves the figure as it is (rows of an exported template)
        errors_before = len(result.errors)
        kind = kinds.get(code.lower())
        if kind is None:
            result.errors.append(
                _("Wiersz %(line)s: nieznany kod „%(code)s” (nie ma go w słowniku statystyk).")
                % {"line": line, "code": code}
            )
        year_number = _number(year_cell)
        # The range first: int() of e.g. 1e999999999 would take the server minutes.
        if (
            year_number is None
            or not 2000 <= year_number <= 2100
            or year_number != year_number.to_integral_value()
        ):
            result.errors.append(
                _("Wiersz %(line)s: w kolumnie „rok” jest „%(value)s” zamiast roku (np. 2018).")
                % {"line": line, "value": year_cell if year_cell is not None else ""}
            )
        value = _number(value_cell)
        if value is None:
            result.errors.append(
                _("Wiersz %(line)s: w kolumnie „wartość” jest „%(value)s” zamiast liczby.")
                % {"line": line, "value": value_cell if value_cell is not None else ""}
            )
        elif value < 0:
            result.errors.append(
                _("Wiersz %(line)s: wartość nie może być ujemna.") % {"line": line}
            )
        elif value >= MAX_VALUE:
            result.errors.append(
                _("Wiersz %(line)s: wartość jest za duża (najwyżej 12 cyfr przed przecinkiem).")
                % {"line": line}
            )
        elif value != value.quantize(CENT):
            result.errors.append(
                _("Wiersz %(line)s: wartość może mieć najwyżej 2 cyfry po przecinku.")
                % {"line": line}
            )
        else:
            value = value.quantize(CENT)  # 0.000 → 0.00: the column keeps two decimals
        if len(source) > 250:
            result.errors.append(
                _("Wiersz %(line)s: źródło jest za długie (najwyżej 250 znaków).") % {"line": line}
            )
        if len(result.errors) > errors_before or kind is None or year_number is None:
            continue
        year = int(year_number)
        assert value is not None
        identity = (kind.code.lower(), year)
        if identity in seen:
            result.errors.append(
                _(
                    "Wiersz %(line)s: powtórzony wiersz – kod „%(code)s” i rok %(year)s "
                    "są już w wierszu %(first)s."
                )
                % {"line": line, "code": code, "year": year, "first": seen[identity]}
            )
            continue
        seen[identity] = line
        result.rows.append(ImportRow(line, kind.code, year, value, source, kind.label, kind.unit))
    if not result.rows and not result.errors:
        result.errors.append(_("Plik nie zawiera żadnych wierszy z danymi."))
    if result.errors:
        result.rows = []
        return result
    current = {
        (v.kind.code, v.year): v.value
        for v in StatisticValue.objects.filter(
            office=office, year__in={r.year for r in result.rows}
        ).select_related("kind")
    }
    for row in result.rows:
        row.current = current.get((row.code, row.year))
    return result


def sign_rows(office: Office, rows: list[ImportRow]) -> str:
    """Carry the checked rows to the confirmation step without server-side state."""
    payload = {
        "office": office.pk,
        "rows": [[r.code, r.year, str(r.value), r.source] for r in rows],
    }
    return signing.dumps(payload, salt=SIGNING_SALT, compress=True)


def unsign_rows(office: Office, token: str) -> list[tuple[str, int, Decimal, str]]:
    payload = signing.loads(token, salt=SIGNING_SALT, max_age=3600)
    if payload["office"] != office.pk:
        raise signing.BadSignature("office")
    return [(c, int(y), Decimal(v), s) for c, y, v, s in payload["rows"]]


@transaction.atomic
def statistics_import_apply(*, acting_user, office: Office, rows) -> int:
    """Save every confirmed row in one transaction; return the number of changed figures."""
    from ostoja.programme.services import statistic_values_save

    kinds = {k.code: k.pk for k in StatisticKind.objects.filter(office=office)}
    by_year: dict[int, dict[int, tuple[Decimal | None, str]]] = {}
    for code, year, value, source in rows:
        by_year.setdefault(year, {})[kinds[code]] = (value, source)
    changed = 0
    for year, values in sorted(by_year.items()):
        changed += statistic_values_save(
            acting_user=acting_user, office=office, year=year, values=values
        )
    return changed
