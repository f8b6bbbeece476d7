"""Readiness before the deadline: what would make the report incomplete or wrong today.

Checks are functions ``(office, year, figures) -> list[Issue]`` registered with
:func:`readiness_check`; apps add their own (cases without a closure reason, overdue
assessments, contributions not submitted …) in their AppConfig.ready. `figures` are
the office's figures for the year, computed once for every check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ostoja.reporting import keys as K
from ostoja.reporting.build import FigureTable, format_figure, needed_keys, resolve
from ostoja.reporting.registry import Period, registry


@dataclass(frozen=True)
class Issue:
    """One thing to fix: a Polish message, who should fix it, and where."""

    message: str
    owner: str = ""
    url: str = ""
    severity: str = "warning"  # "error" makes the report wrong, "warning" incomplete


Check = Callable[[object, int, FigureTable], list[Issue]]
_CHECKS: list[Check] = []


def readiness_check(func: Check) -> Check:
    """Register a readiness check."""
    if func not in _CHECKS:
        _CHECKS.append(func)
    return func


def relation_keys() -> set[str]:
    return {k for parts, total, _kind in K.PART_TOTAL_RELATIONS for k in (*parts, total)}


def readiness_figures(office, year: int, snapshot: dict | None = None) -> FigureTable:
    """The figures every check needs, in one registry pass."""
    wanted = relation_keys()
    if snapshot:
        wanted |= needed_keys(snapshot)[0]
    period = Period.year(year)
    table = FigureTable()
    from decimal import Decimal

    from ostoja.reporting.document import Fig

    for key, mv in registry.compute_all(office, period, keys=sorted(wanted)).items():
        table.add(
            Fig(
                key,
                Decimal(str(mv.value)),
                mv.spec.unit,
                str(mv.spec.label),
                period.start,
                period.end,
            )
        )
    return table


@readiness_check
def parts_add_up(office, year: int, figures: FigureTable) -> list[Issue]:
    """Parts declared in keys.PART_TOTAL_RELATIONS must make (or stay within) their total."""
    period = Period.year(year)
    issues = []
    for parts, total_key, kind in K.PART_TOTAL_RELATIONS:
        total = figures.get(total_key, period)
        present = [f for f in (figures.get(p, period) for p in parts) if f is not None]
        if total is None or not present:
            continue
        summed = sum(f.value for f in present)
        wrong = summed != total.value if kind == "equals" else summed > total.value
        if wrong:
            issues.append(
                Issue(
                    _(
                        "Części nie sumują się do całości: %(parts)s daje %(sum)s, "
                        "a „%(total)s” wynosi %(value)s."
                    )
                    % {
                        "parts": " + ".join(f.label for f in present),
                        "sum": format_figure(summed, total.unit),
                        "total": total.label,
                        "value": format_figure(total.value, total.unit),
                    },
                    severity="error",
                )
            )
    return issues


def missing_figures(office, year: int, figures: FigureTable, snapshot: dict) -> list[Issue]:
    """Figures the office's template refers to that have no value for the year."""
    period = Period.year(year)
    aliases = snapshot.get("aliases", {})
    current, _prev = needed_keys(snapshot)
    issues = []
    for key in sorted(current):
        metric = resolve(key, aliases)
        if metric in K.NEEDS_KEYS or metric.startswith(K.SPENDING_PREFIX):
            continue  # the statement of needs leaves such lines out
        if figures.get(metric, period) is None:
            reason = (
                _("wskaźnik nie jest zdefiniowany w systemie")
                if not registry.has(metric)
                else _("brak danych za rok")
            )
            issues.append(
                Issue(_("Brak liczby „%(key)s” (%(reason)s).") % {"key": metric, "reason": reason})
            )
    return issues


def run_checks(office, year: int, snapshot: dict) -> list[Issue]:
    figures = readiness_figures(office, year, snapshot)
    issues: list[Issue] = []
    for check in _CHECKS:
        issues.extend(check(office, year, figures))
    issues.extend(missing_figures(office, year, figures, snapshot))
    return issues
