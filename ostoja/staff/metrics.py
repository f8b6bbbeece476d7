"""Family assistants as staff: how many were employed, in which form, trainings and costs.

An assistant counts as employed in a period when an employment period overlaps it,
and on its last day when an employment period covers that day. Spending is the sum
of monthly cost entries for the months of the period, by funding source.
"""

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_noop as N_

from ostoja.reporting.registry import MetricSpec, Period, metric_group
from ostoja.staff.models import (
    AssistantCost,
    AssistantEmployment,
    EmploymentForm,
    FundingSource,
    Training,
)
from ostoja.staff.selectors import employed_on

FORMS = [(f.value, str(f.label)) for f in EmploymentForm]
SOURCES = [(s.value, str(s.label)) for s in FundingSource]


def _overlaps(period: Period) -> Q:
    return Q(start_date__lte=period.end) & (
        Q(end_date__isnull=True) | Q(end_date__gte=period.start)
    )


def _employment_definitions(period: Period) -> dict[str, Q]:
    during, at_end = _overlaps(period), employed_on(period.end)
    defs = {
        "assistant.assistants_employed": during,
        "assistant.assistants_at_period_end": at_end,
    }
    for form, _label in FORMS:
        defs[f"assistant.assistants_employed.{form}"] = during & Q(form=form)
        defs[f"assistant.assistants_at_period_end.{form}"] = at_end & Q(form=form)
    return defs


def _employment_specs() -> list[MetricSpec]:
    specs = [
        MetricSpec(
            "assistant.assistants_employed",
            N_("Asystenci rodziny zatrudnieni w okresie"),
            "assistants",
            N_("Różne osoby z umową asystenta (każda forma) obowiązującą choć jeden dzień okresu."),
        ),
        MetricSpec(
            "assistant.assistants_at_period_end",
            N_("Asystenci rodziny zatrudnieni w ostatnim dniu okresu"),
            "assistants",
            N_("Różne osoby z umową asystenta obowiązującą w ostatnim dniu okresu."),
            kind="stock",
        ),
    ]
    for form, label in FORMS:
        specs += [
            MetricSpec(
                f"assistant.assistants_employed.{form}",
                f"{N_('Asystenci zatrudnieni w okresie')}: {label}",
                "assistants",
                N_("Różne osoby z umową w tej formie obowiązującą choć jeden dzień okresu."),
            ),
            MetricSpec(
                f"assistant.assistants_at_period_end.{form}",
                f"{N_('Asystenci w ostatnim dniu okresu')}: {label}",
                "assistants",
                N_("Różne osoby z umową asystenta w tej formie w ostatnim dniu okresu."),
                kind="stock",
            ),
        ]
    return specs


def employment_drilldown(office, period: Period, key: str):
    """The employment periods behind an employment figure."""
    return (
        AssistantEmployment.objects.filter(office=office)
        .filter(_employment_definitions(period)[key])
        .select_related("assistant")
        .order_by("assistant__last_name", "start_date", "pk")
    )


@metric_group(*_employment_specs(), drilldown=employment_drilldown)
def employment_figures(office, period: Period) -> dict[str, int]:
    """Assistants employed, by form, during the period and on its last day: one query."""
    defs = _employment_definitions(period)
    aggregates = {
        f"m{i}": Count("assistant", distinct=True, filter=q) for i, q in enumerate(defs.values())
    }
    row = AssistantEmployment.objects.filter(office=office).aggregate(**aggregates)
    return {key: row[f"m{i}"] or 0 for i, key in enumerate(defs)}


def _in_period(period: Period) -> Q:
    return Q(date__gte=period.start, date__lte=period.end)


def training_drilldown(office, period: Period, key: str):
    """The trainings behind a training figure."""
    return (
        Training.objects.filter(office=office)
        .filter(_in_period(period))
        .select_related("assistant")
        .order_by("date", "pk")
    )


@metric_group(
    MetricSpec(
        "assistant.trainings",
        N_("Udział asystentów w szkoleniach"),
        "trainings",
        N_("Liczba wpisów o udziale asystenta w szkoleniu, kursie lub konferencji w okresie."),
    ),
    MetricSpec(
        "assistant.trainings.assistants",
        N_("Asystenci, którzy uczestniczyli w szkoleniach"),
        "assistants",
        N_("Różne osoby z co najmniej jednym szkoleniem w okresie."),
    ),
    MetricSpec(
        "assistant.trainings.hours",
        N_("Godziny szkoleń asystentów"),
        "hours",
        N_("Suma godzin szkoleń w okresie (wpisy bez liczby godzin się nie liczą)."),
    ),
    drilldown=training_drilldown,
)
def training_figures(office, period: Period) -> dict:
    """Trainings of assistants in the period: one query."""
    row = (
        Training.objects.filter(office=office)
        .filter(_in_period(period))
        .aggregate(n=Count("pk"), assistants=Count("assistant", distinct=True), hours=Sum("hours"))
    )
    return {
        "assistant.trainings": row["n"],
        "assistant.trainings.assistants": row["assistants"],
        "assistant.trainings.hours": row["hours"] or Decimal(0),
    }


def _cost_months(period: Period) -> Q:
    return Q(month__gte=period.start.replace(day=1), month__lte=period.end)


def cost_drilldown(office, period: Period, key: str):
    """The monthly cost entries behind a spending figure."""
    qs = AssistantCost.objects.filter(office=office).filter(_cost_months(period))
    source = key.removeprefix("assistant.spending.")
    if source != "total":
        qs = qs.filter(funding_source=source)
    return qs.select_related("assistant").order_by("month", "assistant__last_name", "pk")


@metric_group(
    MetricSpec(
        "assistant.spending.total",
        N_("Wydatki na asystentów rodziny"),
        "pln",
        N_("Suma miesięcznych kosztów asystentów za miesiące okresu, ze wszystkich źródeł."),
    ),
    *[
        MetricSpec(
            f"assistant.spending.{source}",
            f"{N_('Wydatki na asystentów rodziny')}: {label}",
            "pln",
            N_("Suma miesięcznych kosztów asystentów z tego źródła za miesiące okresu."),
        )
        for source, label in SOURCES
    ],
    drilldown=cost_drilldown,
)
def spending_figures(office, period: Period) -> dict:
    """Spending on family assistants by funding source: one query."""
    aggregates = {"total": Sum("amount")}
    for source, _label in SOURCES:
        aggregates[source] = Sum("amount", filter=Q(funding_source=source))
    row = (
        AssistantCost.objects.filter(office=office)
        .filter(_cost_months(period))
        .aggregate(**aggregates)
    )
    values = {"assistant.spending.total": row["total"] or Decimal("0.00")}
    for source, _label in SOURCES:
        values[f"assistant.spending.{source}"] = row[source] or Decimal("0.00")
    return values
