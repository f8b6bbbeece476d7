"""Build the intermediate document of an annual report from a template snapshot and figures."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from ostoja.common.formatting import format_money, format_percent, plural_index
from ostoja.reporting import keys as K
from ostoja.reporting.document import (
    Block,
    BulletList,
    Chart,
    Document,
    Fig,
    FigureUse,
    Paragraph,
    Run,
    Section,
    Table,
)
from ostoja.reporting.grammar import DECLENSIONS, format_count_case, format_number, noun_form
from ostoja.reporting.placeholders import (
    ListBlock,
    Para,
    Placeholder,
    Text,
    parse_narrative,
    parse_placeholder,
)
from ostoja.reporting.registry import Period, registry
from ostoja.reporting.units import format_value

#: Sources of activity lists: name → function (office, year) -> list of item texts.
ACTIVITY_SOURCES: dict[str, Callable[..., list[str]]] = {}


def register_activity_source(name: str, func: Callable[..., list[str]]) -> None:
    """Let an app supply an activity list (e.g. partners' accepted contributions).

    `func(office, year, config)` returns plain lines; `config` is the section's
    settings (e.g. ``{"source": "partners.activities", "task": 7}``).
    """
    ACTIVITY_SOURCES[name] = func


@dataclass
class FigureTable:
    """Figures by (key, period): live from the registry or frozen from the database."""

    figures: dict[tuple[str, datetime.date, datetime.date], Fig] = field(default_factory=dict)

    def add(self, fig: Fig) -> None:
        self.figures[(fig.key, fig.period_start, fig.period_end)] = fig

    def get(self, key: str, period: Period) -> Fig | None:
        return self.figures.get((key, period.start, period.end))

    def __iter__(self):
        return iter(self.figures.values())


# ---------------------------------------------------------------- which figures are needed


def resolve(key: str, aliases: dict[str, str]) -> str:
    return aliases.get(key, key)


def _cell_sources(section: dict) -> Iterable[str]:
    yield section.get("narrative", "")
    config = section.get("config") or {}
    for row in config.get("rows", []):
        yield from (str(c) for c in row)
    yield from (str(i) for i in config.get("items", []))


def needed_keys(snapshot: dict) -> tuple[set[str], set[str]]:
    """Metric keys the snapshot needs for the year and for the previous year."""
    aliases = snapshot.get("aliases", {})
    current: set[str] = set()
    previous: set[str] = set()
    for section in snapshot.get("sections", []):
        for source in _cell_sources(section):
            for match in re.finditer(r"\{\{(.*?)\}\}", source or "", re.S):
                ph = parse_placeholder(match.group(1))
                if ph.key in REPORT_VALUES:
                    continue
                metric = resolve(ph.key, aliases)
                current.add(metric)
                if ph.mode in ("prev", "change"):
                    previous.add(metric)
        config = section.get("config") or {}
        kind = section.get("kind")
        if kind == "figures":
            chosen = [resolve(k, aliases) for k in config.get("keys", K.HEADLINE_KEYS)]
            current.update(chosen)
            previous.update(chosen)
        elif kind == "chart":
            chosen = [resolve(k, aliases) for k in config.get("keys", [])]
            current.update(chosen)
            if config.get("compare"):
                previous.update(chosen)
        elif kind == "needs":
            current.update(K.NEEDS_KEYS)
            registered = registry.keys()
            current.update(k for k in registered if k.startswith(K.SPENDING_PREFIX))
            previous.update(K.NEEDS_TREND_KEYS)
    return current, previous


def compute_live(office, year: int, snapshot: dict) -> FigureTable:
    """Compute the snapshot's figures now: one registry pass per year needed."""
    current, previous = needed_keys(snapshot)
    now = timezone.now()
    table = FigureTable()
    for period, wanted in ((Period.year(year), current), (Period.year(year - 1), previous)):
        if not wanted:
            continue
        for key, mv in registry.compute_all(office, period, keys=sorted(wanted)).items():
            table.add(
                Fig(
                    key,
                    Decimal(str(mv.value)),
                    mv.spec.unit,
                    str(mv.spec.label),
                    period.start,
                    period.end,
                    now,
                )
            )
    return table


# ---------------------------------------------------------------- writing figures


def format_figure(value: Decimal | int, unit: str, case: str = "nom") -> str:
    """A figure with its noun in `case`: '22 rodziny', 'w 12 rodzinach', '1 234,56 zł'."""
    if unit == "pln":
        return format_money(value)
    if unit == "percent":
        return format_percent(value)
    if unit in DECLENSIONS:
        return format_count_case(value, unit, case)
    return format_value(value, unit)


def change_text(current: Fig, previous: Fig | None, year: int) -> str:
    """'w 2016 r. – 80 rodzin; wzrost o 10 rodzin' or '… ; bez zmian' (no nested brackets)."""
    if previous is None:
        return _("brak danych za poprzedni rok")
    diff = current.value - previous.value
    before = format_figure(previous.value, previous.unit)
    if diff == 0:
        return _("w %(year)s r. – %(before)s; bez zmian") % {
            "year": year - 1,
            "before": before,
        }
    word = _("wzrost") if diff > 0 else _("spadek")
    return _("w %(year)s r. – %(before)s; %(word)s o %(diff)s") % {
        "word": word,
        "diff": format_figure(abs(diff), current.unit, "acc"),
        "year": year - 1,
        "before": before,
    }


def change_short(current: Fig, previous: Fig | None) -> str:
    if previous is None:
        return "—"
    diff = current.value - previous.value
    if diff == 0:
        return _("bez zmian")
    sign = "+" if diff > 0 else "−"
    text = f"{sign}{format_number(abs(diff))}"
    if previous.value:
        pct = (diff / previous.value * 100).quantize(Decimal("0.1"))
        text += f" ({'+' if pct > 0 else '−'}{format_percent(abs(pct))})"
    return text


@dataclass
class Context:
    office: Any
    year: int
    figures: FigureTable
    aliases: dict[str, str]
    uses: list[FigureUse] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    section_key: str = ""

    @property
    def period(self) -> Period:
        return Period.year(self.year)

    @property
    def prev_period(self) -> Period:
        return Period.year(self.year - 1)


#: Placeholders that are facts about the report itself, not figures.
REPORT_VALUES: dict[str, Callable[[Context], str]] = {
    "report.year": lambda ctx: str(ctx.year),
    "report.previous_year": lambda ctx: str(ctx.year - 1),
    "report.office": lambda ctx: ctx.office.name,
    "report.municipality": lambda ctx: ctx.office.municipality,
}


def figure_run(ph: Placeholder, ctx: Context) -> Run:
    if ph.key in REPORT_VALUES:
        return Run(REPORT_VALUES[ph.key](ctx))
    metric = resolve(ph.key, ctx.aliases)
    fig = ctx.figures.get(metric, ctx.prev_period if ph.mode == "prev" else ctx.period)
    if fig is None:
        ctx.warnings.append(_("Brak danych wskaźnika %(key)s.") % {"key": metric})
        return Run(_("[brak danych: %(key)s]") % {"key": ph.key}, ref=ph.key, missing=True)
    if ph.mode == "num":
        text = format_number(fig.value) if fig.unit != "pln" else format_money(fig.value)
    elif ph.mode == "noun":
        text = noun_form(fig.value, fig.unit, ph.case) if fig.unit in DECLENSIONS else ""
    elif ph.mode == "forms":
        whole = fig.value == fig.value.to_integral_value()
        text = ph.forms[plural_index(int(fig.value)) if whole else 1]
    elif ph.mode == "change":
        previous = ctx.figures.get(metric, ctx.prev_period)
        text = f"({change_text(fig, previous, ctx.year)})" if previous else ""
    else:
        text = format_figure(fig.value, fig.unit, ph.case)
    return Run(text, figure=fig, ref=ph.key)


def para_from(parsed: Para, ctx: Context) -> Paragraph:
    runs: list[Run] = []
    for part in parsed.parts:
        run = Run(part.text) if isinstance(part, Text) else figure_run(part, ctx)
        if not run.text:
            # an empty change (no previous year): drop it with the space before it
            if runs and runs[-1].figure is None:
                runs[-1].text = runs[-1].text.rstrip()
            continue
        runs.append(run)
    return Paragraph(runs)


def blocks_from_markup(source: str, ctx: Context) -> list[Block]:
    blocks: list[Block] = []
    for parsed in parse_narrative(source):
        if isinstance(parsed, ListBlock):
            blocks.append(BulletList([para_from(item, ctx) for item in parsed.items]))
        else:
            blocks.append(para_from(parsed, ctx))
    return blocks


def fig_paragraph(fig: Fig | None, text: str = "", ref: str = "") -> Paragraph:
    if fig is None:
        return Paragraph([Run(text or "—")])
    return Paragraph([Run(text or format_figure(fig.value, fig.unit), figure=fig, ref=ref)])


# ---------------------------------------------------------------- sections by kind


def figures_table(keys: Iterable[str], ctx: Context, caption: str) -> Table | None:
    rows = []
    for ref in keys:
        metric = resolve(ref, ctx.aliases)
        cur = ctx.figures.get(metric, ctx.period)
        if cur is None:
            continue
        prev = ctx.figures.get(metric, ctx.prev_period)
        rows.append(
            [
                [Paragraph([Run(cur.label)])],
                [fig_paragraph(prev, ref=ref) if prev else Paragraph([Run("—")])],
                [fig_paragraph(cur, ref=ref)],
                [Paragraph([Run(change_short(cur, prev))])],
            ]
        )
    if not rows:
        return None
    header = [_("Wskaźnik"), str(ctx.year - 1), str(ctx.year), _("Zmiana")]
    return Table(caption, header, rows, numeric=frozenset({1, 2, 3}), kind="figures")


def table_block(config: dict, ctx: Context) -> Table:
    header = [str(c) for c in config.get("columns", [])]
    rows = [[blocks_from_markup(str(cell), ctx) for cell in row] for row in config.get("rows", [])]
    return Table(
        str(config.get("caption", "")),
        header,
        rows,
        numeric=frozenset(config.get("numeric", [])),
        widths=tuple(config.get("widths", ())),
    )


def chart_block(config: dict, ctx: Context) -> Chart | None:
    refs = config.get("keys", [])
    labels = config.get("labels") or []
    categories, values, prev_values = [], [], []
    unit = ""
    for i, ref in enumerate(refs):
        metric = resolve(ref, ctx.aliases)
        fig = ctx.figures.get(metric, ctx.period)
        if fig is None:
            continue
        unit = unit or fig.unit
        categories.append(labels[i] if i < len(labels) else fig.label)
        values.append(float(fig.value))
        prev = ctx.figures.get(metric, ctx.prev_period)
        prev_values.append(float(prev.value) if prev else 0.0)
    if not categories:
        return None
    series = [(str(ctx.year), values)]
    if config.get("compare") and any(prev_values):
        series.insert(0, (str(ctx.year - 1), prev_values))
    unit_label = ""
    if unit in DECLENSIONS:
        unit_label = _("liczba: %(noun)s") % {"noun": DECLENSIONS[unit][1][1]}
    elif unit == "pln":
        unit_label = "zł"
    title = str(config.get("title", ""))
    return Chart(title, categories, series, unit_label, description=title)


def needs_blocks(ctx: Context) -> list[Block]:
    """The computed part of the statement of needs; lines without data are left out."""
    from ostoja.reporting.needs import statement_of_needs

    return statement_of_needs(ctx)


def section_blocks(section: dict, ctx: Context) -> list[Block]:
    kind = section.get("kind", "narrative")
    config = section.get("config") or {}
    blocks: list[Block] = []
    if kind == "needs":
        blocks.extend(needs_blocks(ctx))
    blocks.extend(blocks_from_markup(section.get("narrative", ""), ctx))
    if kind == "figures":
        table = figures_table(config.get("keys", K.HEADLINE_KEYS), ctx, config.get("caption", ""))
        if table:
            blocks.append(table)
    elif kind == "table":
        blocks.append(table_block(config, ctx))
    elif kind == "activity_list":
        items = [str(i) for i in config.get("items", [])]
        source = ACTIVITY_SOURCES.get(config.get("source", ""))
        if source:
            # lines typed by others are text, never placeholders
            items.extend(
                line.replace("{", "(").replace("}", ")")
                for line in source(ctx.office, ctx.year, config)
            )
        if items:
            blocks.append(
                BulletList(
                    [
                        p
                        for i in items
                        for p in blocks_from_markup(i, ctx)
                        if isinstance(p, Paragraph)
                    ]
                )
            )
    elif kind == "chart":
        chart = chart_block(config, ctx)
        if chart:
            blocks.append(chart)
    return blocks


# ---------------------------------------------------------------- figure uses (JSON)

_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ0-9„–-])")


def _sentence_around(text: str, start: int, end: int) -> str:
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    lo = max(b for b in bounds if b <= start)
    hi = min((b for b in bounds if b >= end and b > lo), default=len(text))
    return text[lo:hi].strip()


def _collect_uses(blocks: list[Block], section: str, out: list[FigureUse]) -> None:
    for block in blocks:
        if isinstance(block, Paragraph):
            paragraphs = [block]
        elif isinstance(block, BulletList):
            paragraphs = block.items
        elif isinstance(block, Table):
            label_rows = []
            for row in block.rows:
                row_text = " – ".join(
                    " ".join(b.text for b in cell if isinstance(b, Paragraph)) for cell in row
                )
                for cell in row:
                    for inner in cell:
                        label_rows.append((inner, row_text))
            for inner, row_text in label_rows:
                items = inner.items if isinstance(inner, BulletList) else [inner]
                for p in items:
                    for run in p.runs:
                        if run.figure is not None:
                            out.append(
                                FigureUse(
                                    run.figure.key, run.ref, section, run.figure, run.text, row_text
                                )
                            )
            continue
        else:
            continue
        for p in paragraphs:
            text = p.text
            pos = 0
            for run in p.runs:
                start, pos = pos, pos + len(run.text)
                if run.figure is not None:
                    out.append(
                        FigureUse(
                            run.figure.key,
                            run.ref,
                            section,
                            run.figure,
                            run.text,
                            _sentence_around(text, start, pos),
                        )
                    )


# ---------------------------------------------------------------- the document


def build_document(
    *,
    office,
    year: int,
    snapshot: dict,
    figures: FigureTable,
    place: str = "",
    dated: datetime.date | None = None,
    approved_by: str = "",
    status_label: str = "",
    version_number: int = 1,
    frozen: bool = False,
) -> Document:
    from ostoja.common.formatting import format_month_year

    ctx = Context(office=office, year=year, figures=figures, aliases=snapshot.get("aliases", {}))
    title = snapshot.get("title", "").replace("{year}", str(year))
    computed = [f.computed_at for f in figures if f.computed_at]
    doc = Document(
        title=title,
        office_name=office.name,
        municipality=office.municipality,
        year=year,
        place=place or office.municipality,
        month_text=format_month_year(dated) if dated else "",
        approved_by=approved_by or office.head_name,
        status_label=status_label,
        version_number=version_number,
        frozen=frozen,
        computed_at=max(computed) if computed else None,
    )
    doc.legal_basis = blocks_from_markup(snapshot.get("legal_basis", ""), ctx)
    sections = snapshot.get("sections", [])
    for data in sections:
        ctx.section_key = data["key"]
        section = Section(
            key=data["key"],
            label=data.get("label", ""),
            heading=data.get("heading", ""),
            level=2 if data.get("parent") else 1,
            show_heading=data.get("show_heading", True),
            blocks=section_blocks(data, ctx),
        )
        doc.sections.append(section)
        _collect_uses(section.blocks, section.key, ctx.uses)
    doc.uses = ctx.uses
    doc.warnings = sorted(set(ctx.warnings))
    seen = {(u.figure.key, u.figure.period_start) for u in ctx.uses}
    doc.figures = [f for f in figures if (f.key, f.period_start) in seen]
    return doc


def derived_fig(key: str, value, unit: str, label: str, year: int) -> Fig:
    period = Period.year(year)
    return Fig(key, Decimal(value), unit, label, period.start, period.end, None)
