"""Statement of needs (przedstawienie potrzeb): computed lines, then the office's own text."""

from __future__ import annotations

import math

from django.utils.translation import gettext as _

from ostoja.reporting import keys as K
from ostoja.reporting.document import Block, Chart, Fig, Paragraph, Run, Table

ASSISTANTS_NEEDED = "needs.assistants_needed"
ASSISTANTS_SHORTFALL = "needs.assistants_shortfall"


def _run(fig: Fig, ref: str = "", case: str = "nom") -> Run:
    from ostoja.reporting.build import format_figure

    return Run(format_figure(fig.value, fig.unit, case), figure=fig, ref=ref or fig.key)


def _row(label: str, fig: Fig) -> list:
    return [[Paragraph([Run(label)])], [Paragraph([_run(fig)])]]


def _employed_verb(employed: Fig) -> str:
    """'zatrudniony był 1 asystent' but 'zatrudnionych było 3/6 asystentów'.

    The unit table writes 2–4 in the masculine-personal form ("3 asystentów"), which takes
    the neuter singular verb, like 5 and more.
    """
    one = employed.value == 1
    if one:
        return _("; na koniec roku zatrudniony był ")
    return _("; na koniec roku zatrudnionych było ")


def assistants_needed(served: Fig, waiting: Fig | None, limit: Fig) -> int:
    """ceil((families supported + families waiting) / caseload limit)."""
    total = served.value + (waiting.value if waiting else 0)
    return math.ceil(total / limit.value) if limit.value else 0


def statement_of_needs(ctx) -> list[Block]:
    from ostoja.reporting.build import change_short, derived_fig

    get = lambda key: ctx.figures.get(key, ctx.period)  # noqa: E731
    prev = lambda key: ctx.figures.get(key, ctx.prev_period)  # noqa: E731
    blocks: list[Block] = []
    served, waiting = get(K.FAMILIES_SERVED), get(K.WAITING_LIST)
    limit, employed = get(K.CASELOAD_LIMIT), get(K.ASSISTANTS_EMPLOYED_END)

    rows = []
    if served:
        rows.append(_row(_("Rodziny objęte wsparciem asystenta rodziny w roku"), served))
    if waiting:
        rows.append(_row(_("Rodziny oczekujące na przydzielenie asystenta (koniec roku)"), waiting))
    if limit:
        rows.append(_row(_("Limit rodzin pod opieką jednego asystenta (art. 15 ust. 4)"), limit))
    needed_fig = None
    if served and limit and limit.value:
        needed = assistants_needed(served, waiting, limit)
        needed_fig = derived_fig(
            ASSISTANTS_NEEDED, needed, "assistants", _("Potrzebna liczba asystentów"), ctx.year
        )
        rows.append(_row(_("Asystenci rodziny potrzebni przy limicie"), needed_fig))
    if employed:
        rows.append(_row(_("Asystenci rodziny zatrudnieni (koniec roku)"), employed))
    overdue = get(K.ASSESSMENTS_OVERDUE)
    if overdue:
        rows.append(_row(_("Okresowe oceny sytuacji rodziny po terminie"), overdue))
    cofinancing = get(K.FOSTER_CARE_COFINANCING)
    if cofinancing and cofinancing.value:
        rows.append(
            _row(
                _("Współfinansowanie pieczy zastępczej przez gminę (art. 191 ust. 9)"), cofinancing
            )
        )
    if rows:
        blocks.append(
            Table(
                _("Przedstawienie potrzeb – wskaźniki"),
                [_("Wskaźnik"), _("Wartość")],
                rows,
                numeric=frozenset({1}),
                kind="needs",
            )
        )
    if needed_fig and employed:
        runs = [
            Run(_("Przy limicie ")),
            _run(limit, case="gen"),
            Run(_(" na jednego asystenta do objęcia wsparciem rodzin obecnie wspieranych")),
            Run(_(" i oczekujących potrzeba ") if waiting else _(" potrzeba ")),
            _run(needed_fig, case="gen"),
            Run(_employed_verb(employed)),
            _run(employed),
            Run(". "),
        ]
        gap = needed_fig.value - employed.value
        if gap > 0:
            shortfall = derived_fig(
                ASSISTANTS_SHORTFALL, gap, "assistants", _("Brakująca liczba asystentów"), ctx.year
            )
            runs += [Run(_("Brakuje ")), _run(shortfall, case="gen"), Run(".")]
        else:
            runs.append(Run(_("Zatrudnienie asystentów odpowiada potrzebom.")))
        blocks.append(Paragraph(runs))

    trend_rows = []
    for key in (K.CHILDREN_PLACED, K.CHILDREN_RETURNED, K.FAMILIES_SERVED, K.WAITING_LIST):
        cur = get(key)
        if cur is None:
            continue
        before = prev(key)
        trend_rows.append(
            [
                [Paragraph([Run(cur.label)])],
                [Paragraph([_run(before)]) if before else Paragraph([Run("—")])],
                [Paragraph([_run(cur)])],
                [Paragraph([Run(change_short(cur, before))])],
            ]
        )
    if trend_rows:
        blocks.append(
            Table(
                _("Zmiany w porównaniu z poprzednim rokiem"),
                [_("Wskaźnik"), str(ctx.year - 1), str(ctx.year), _("Zmiana")],
                trend_rows,
                numeric=frozenset({1, 2, 3}),
                kind="needs",
            )
        )
    placed, returned = get(K.CHILDREN_PLACED), get(K.CHILDREN_RETURNED)
    if placed and returned:
        p_prev, r_prev = prev(K.CHILDREN_PLACED), prev(K.CHILDREN_RETURNED)
        series = []
        if p_prev or r_prev:
            series.append(
                (
                    str(ctx.year - 1),
                    [float(p_prev.value if p_prev else 0), float(r_prev.value if r_prev else 0)],
                )
            )
        series.append((str(ctx.year), [float(placed.value), float(returned.value)]))
        blocks.append(
            Chart(
                _("Umieszczenia dzieci w pieczy zastępczej i powroty do rodzin"),
                [_("umieszczenia"), _("powroty")],
                series,
                _("liczba dzieci"),
                _("Liczba dzieci umieszczonych w pieczy i dzieci, które wróciły do rodzin."),
            )
        )

    spending = sorted(
        (
            f
            for f in ctx.figures
            if f.key.startswith(K.SPENDING_PREFIX)
            and f.value
            and (f.period_start, f.period_end) == (ctx.period.start, ctx.period.end)
        ),
        key=lambda f: f.key,
    )
    if spending:
        blocks.append(
            Table(
                _("Wydatki na wspieranie rodziny według źródła finansowania"),
                [_("Źródło finansowania"), _("Kwota")],
                [_row(f.label, f) for f in spending],
                numeric=frozenset({1}),
                kind="needs",
            )
        )
    return blocks
