"""Office statistics as metrics: each statistic kind's ``key`` is a metric key."""

from decimal import Decimal

from django.db.models import Sum

from ostoja.reporting.registry import MetricSpec, MetricValue, Period, metric_provider


def as_number(value: Decimal | None):
    """Counts stay ints; amounts keep their decimals."""
    if value is None:
        return 0
    return int(value) if value == value.to_integral_value() else value


@metric_provider
def office_statistics(office, period: Period) -> dict[str, MetricValue]:
    """Each statistic kind of the office: the value entered for the period's year(s).

    For a period spanning several years the yearly values are added (1 query).
    """
    from ostoja.programme.models import StatisticValue

    rows = (
        StatisticValue.objects.filter(
            office=office, year__gte=period.start.year, year__lte=period.end.year
        )
        .values("kind__key", "kind__label", "kind__unit")
        .annotate(total=Sum("value"))
        .order_by()
    )
    result = {}
    for row in rows:
        spec = MetricSpec(
            row["kind__key"],
            row["kind__label"],
            row["kind__unit"],
            description="Statystyka ośrodka wpisana lub zaimportowana za rok.",
            source="aggregate",
        )
        result[spec.key] = MetricValue(spec, as_number(row["total"]), period)
    return result
