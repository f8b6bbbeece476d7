"""Figures about children placed outside the family, returns home and foster-care co-financing.

Every figure counts distinct children (or families) of the office's family registry.
A placement is "in care on a day" when it started on or before the day and had not
ended by it; a child who left on the last day of the period (e.g. returned home on
31 December) is home on that day. All placement figures are one aggregate query;
co-financing figures are a second one. The same filters give the drill-downs.
"""

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_noop as N_

from ostoja.placements.models import CoFinancingEntry, EndReason, Placement, PlacementForm
from ostoja.placements.selectors import active_on
from ostoja.reporting.registry import MetricSpec, Period, metric_group

FORMS = [(f.value, str(f.label)) for f in PlacementForm]


def _started(period: Period) -> Q:
    return Q(start_date__gte=period.start, start_date__lte=period.end)


def _returned(period: Period) -> Q:
    return Q(ended_by=EndReason.RETURN_HOME, end_date__gte=period.start, end_date__lte=period.end)


def _in_care_during(period: Period) -> Q:
    return Q(is_foster_care=True, start_date__lte=period.end) & (
        Q(end_date__isnull=True) | Q(end_date__gt=period.start)
    )


def _still_in_care(period: Period) -> Q:
    """Foster care that began before the period and went on into it."""
    return Q(is_foster_care=True, start_date__lt=period.start) & (
        Q(end_date__isnull=True) | Q(end_date__gt=period.start)
    )


def _definitions(period: Period) -> dict[str, tuple[Q, str]]:
    """Metric key → (filter on the office's placements, field counted distinctly)."""
    started, returned, at_end = _started(period), _returned(period), active_on(period.end)
    during, still = _in_care_during(period), _still_in_care(period)
    defs: dict[str, tuple[Q, str]] = {
        "placements.children": (started, "child"),
        "placements.families": (started, "family"),
        "assistant.families_without_expected_effects": (started, "family"),
        "placements.foster_care.children": (started & Q(is_foster_care=True), "child"),
        "placements.foster_care.families": (started & Q(is_foster_care=True), "family"),
        "placements.children_at_end": (at_end, "child"),
        "foster_care.children_at_end": (at_end & Q(is_foster_care=True), "child"),
        "foster_care.families_at_end": (at_end & Q(is_foster_care=True), "family"),
        "foster_care.children_in_care": (still, "child"),
        "foster_care.families_with_children_in_care": (still, "family"),
        "foster_care.children_in_care_during": (during, "child"),
        "foster_care.families_in_care_during": (during, "family"),
        "assistant.children_in_foster_care": (during, "child"),
        "assistant.families_with_child_in_foster_care": (during, "family"),
        "returns.children": (returned, "child"),
        "returns.families": (returned, "family"),
    }
    for form, _label in FORMS:
        defs[f"placements.{form}.children"] = (started & Q(form=form), "child")
        defs[f"placements.{form}.families"] = (started & Q(form=form), "family")
        defs[f"placements.{form}.children_at_end"] = (at_end & Q(form=form), "child")
        defs[f"returns.from_{form}"] = (returned & Q(form=form), "child")
    return defs


def _specs() -> list[MetricSpec]:
    flow, stock = "flow", "stock"
    specs = [
        MetricSpec(
            "placements.children",
            N_("Dzieci umieszczone poza rodziną w okresie"),
            "children",
            N_("Różne dzieci umieszczone w okresie (każda forma, także MOS i MOW)."),
        ),
        MetricSpec(
            "placements.families",
            N_("Rodziny, z których umieszczono dzieci w okresie"),
            "families",
            N_("Różne rodziny z co najmniej jednym umieszczeniem dziecka rozpoczętym w okresie."),
        ),
        MetricSpec(
            "assistant.families_without_expected_effects",
            N_("Rodziny, w których nie uzyskano zamierzonych efektów (umieszczenie dzieci)"),
            "families",
            N_("Jak placements.families: rodziny dzieci umieszczonych w okresie."),
        ),
        MetricSpec(
            "placements.foster_care.children",
            N_("Dzieci umieszczone w pieczy zastępczej w okresie"),
            "children",
            N_("Różne dzieci umieszczone w okresie w pieczy zastępczej (bez MOS i MOW)."),
        ),
        MetricSpec(
            "placements.foster_care.families",
            N_("Rodziny, z których umieszczono dzieci w pieczy zastępczej w okresie"),
            "families",
            N_("Różne rodziny dzieci umieszczonych w pieczy zastępczej w okresie."),
        ),
        MetricSpec(
            "placements.children_at_end",
            N_("Dzieci przebywające poza rodziną w ostatnim dniu okresu"),
            "children",
            N_("Różne dzieci poza rodziną (każda forma) w ostatnim dniu okresu."),
            kind=stock,
        ),
        MetricSpec(
            "foster_care.children_at_end",
            N_("Dzieci w pieczy zastępczej w ostatnim dniu okresu"),
            "children",
            N_("Różne dzieci w pieczy w ostatnim dniu okresu (powrót tego dnia: w domu)."),
            kind=stock,
        ),
        MetricSpec(
            "foster_care.families_at_end",
            N_("Rodziny z dziećmi w pieczy zastępczej w ostatnim dniu okresu"),
            "families",
            N_("Różne rodziny dzieci w pieczy zastępczej w ostatnim dniu okresu."),
            kind=stock,
        ),
        MetricSpec(
            "foster_care.children_in_care",
            N_("Dzieci nadal przebywające w pieczy zastępczej (umieszczone przed okresem)"),
            "children",
            N_("Różne dzieci w pieczy rozpoczętej przed okresem i trwającej w okresie."),
        ),
        MetricSpec(
            "foster_care.families_with_children_in_care",
            N_("Rodziny z dziećmi nadal przebywającymi w pieczy zastępczej"),
            "families",
            N_("Różne rodziny dzieci w pieczy rozpoczętej przed okresem i trwającej w nim."),
        ),
        MetricSpec(
            "foster_care.children_in_care_during",
            N_("Dzieci przebywające w pieczy zastępczej w okresie"),
            "children",
            N_("Różne dzieci, które choć jeden dzień okresu były w pieczy zastępczej."),
        ),
        MetricSpec(
            "foster_care.families_in_care_during",
            N_("Rodziny z dziećmi w pieczy zastępczej w okresie"),
            "families",
            N_("Różne rodziny dzieci, które choć jeden dzień okresu były w pieczy zastępczej."),
        ),
        MetricSpec(
            "assistant.children_in_foster_care",
            N_("Dzieci z rodzin wspieranych przebywające w pieczy zastępczej"),
            "children",
            N_("Jak foster_care.children_in_care_during."),
        ),
        MetricSpec(
            "assistant.families_with_child_in_foster_care",
            N_("Rodziny wspierane, których dziecko przebywało w pieczy zastępczej"),
            "families",
            N_("Jak foster_care.families_in_care_during."),
        ),
        MetricSpec(
            "returns.children",
            N_("Dzieci, które wróciły do domu rodzinnego w okresie"),
            "children",
            N_("Różne dzieci, których umieszczenie zakończyło się w okresie powrotem do rodziny."),
        ),
        MetricSpec(
            "returns.families",
            N_("Rodziny, do których wróciły dzieci w okresie"),
            "families",
            N_("Różne rodziny dzieci, które wróciły do domu w okresie."),
        ),
    ]
    for form, label in FORMS:
        specs += [
            MetricSpec(
                f"placements.{form}.children",
                f"{N_('Dzieci umieszczone w okresie')}: {label}",
                "children",
                N_("Różne dzieci z umieszczeniem w tej formie rozpoczętym w okresie."),
                kind=flow,
            ),
            MetricSpec(
                f"placements.{form}.families",
                f"{N_('Rodziny, z których umieszczono dzieci')}: {label}",
                "families",
                N_("Różne rodziny dzieci umieszczonych w tej formie w okresie."),
            ),
            MetricSpec(
                f"placements.{form}.children_at_end",
                f"{N_('Dzieci w ostatnim dniu okresu')}: {label}",
                "children",
                N_("Różne dzieci przebywające w tej formie w ostatnim dniu okresu."),
                kind=stock,
            ),
            MetricSpec(
                f"returns.from_{form}",
                f"{N_('Dzieci, które wróciły do domu')} – {N_('z formy')}: {label}",
                "children",
                N_("Różne dzieci, które w okresie wróciły do rodziny z umieszczenia w tej formie."),
            ),
        ]
    return specs


def placement_drilldown(office, period: Period, key: str):
    """The placements behind a placement figure."""
    q, _field = _definitions(period)[key]
    return (
        Placement.objects.filter(office=office)
        .filter(q)
        .select_related("child", "family")
        .order_by("start_date", "pk")
    )


@metric_group(*_specs(), drilldown=placement_drilldown)
def placement_figures(office, period: Period) -> dict[str, int]:
    """Placement figures of an office for a period, in one aggregate query."""
    aggregates = {
        key: Count(field, distinct=True, filter=q)
        for key, (q, field) in _definitions(period).items()
    }
    # Aliases of the aggregate names must be SQL-safe.
    safe = {f"m{i}": agg for i, agg in enumerate(aggregates.values())}
    row = Placement.objects.filter(office=office).aggregate(**safe)
    return {key: row[f"m{i}"] or 0 for i, key in enumerate(aggregates)}


def _cofinancing_month(period: Period) -> Q:
    return Q(month__gte=period.start.replace(day=1), month__lte=period.end)


def cofinancing_drilldown(office, period: Period, key: str):
    """The monthly co-financing entries behind a co-financing figure."""
    return (
        CoFinancingEntry.objects.filter(office=office)
        .filter(_cofinancing_month(period))
        .select_related("placement__child", "placement__family")
        .order_by("month", "pk")
    )


@metric_group(
    MetricSpec(
        "foster_care.cofinancing.amount",
        N_("Wydatki gminy na współfinansowanie pieczy zastępczej (art. 191 ust. 9)"),
        "pln",
        N_("Suma kwot gminy z miesięcznych wpisów kosztów pieczy za miesiące okresu."),
    ),
    MetricSpec(
        "foster_care.cofinancing.cost",
        N_("Koszt pobytu dzieci w pieczy zastępczej objęty współfinansowaniem"),
        "pln",
        N_("Suma kosztów pobytu (noty powiatu) za miesiące okresu."),
    ),
    MetricSpec(
        "foster_care.cofinancing.children",
        N_("Dzieci, za których pobyt w pieczy gmina współfinansowała"),
        "children",
        N_("Różne dzieci z co najmniej jednym miesięcznym wpisem kosztów w okresie."),
    ),
    drilldown=cofinancing_drilldown,
)
def cofinancing_figures(office, period: Period) -> dict:
    """Co-financing sums of an office for a period, in one aggregate query."""
    row = (
        CoFinancingEntry.objects.filter(office=office)
        .filter(_cofinancing_month(period))
        .aggregate(
            amount=Sum("amount"),
            cost=Sum("cost"),
            children=Count("placement__child", distinct=True),
        )
    )
    return {
        "foster_care.cofinancing.amount": row["amount"] or Decimal("0.00"),
        "foster_care.cofinancing.cost": row["cost"] or Decimal("0.00"),
        "foster_care.cofinancing.children": row["children"] or 0,
    }
