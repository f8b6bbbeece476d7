"""Indicator values of accepted contributions as metrics.

Key scheme (all sums over *accepted* contributions of the period's year(s)):

* ``<indicator.metric_key>``: the indicator summed over every partner, e.g.
  ``counselling_centre.diagnoses.psychological``; indicators of several tasks that
  share a metric key are added together;
* ``programme.t<task number>.<indicator code>``: the same, for every indicator,
  whether it has a metric key or not;
* ``programme.t<task number>.<indicator code>.<partner kind>``: the part reported
  by partners of one kind (``school``, ``county_family_centre`` …).
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from ostoja.accounts.models import PartnerKind
from ostoja.programme.metrics import as_number
from ostoja.reporting.registry import MetricSpec, MetricValue, Period, metric, metric_provider


@metric_provider
def contribution_indicators(office, period: Period) -> dict[str, MetricValue]:
    """Sums of indicator values over accepted contributions, grouped in the database (1 query)."""
    from ostoja.partners.models import ContributionStatus, ContributionValue

    rows = (
        ContributionValue.objects.filter(
            contribution__office=office,
            contribution__status=ContributionStatus.ACCEPTED,
            contribution__year__gte=period.start.year,
            contribution__year__lte=period.end.year,
        )
        .values(
            "indicator__metric_key",
            "indicator__task__number",
            "indicator__code",
            "indicator__label",
            "indicator__unit",
            "contribution__partner__kind",
        )
        .annotate(total=Sum("value"))
        .order_by()
    )
    totals: dict[str, Decimal] = defaultdict(Decimal)
    meta: dict[str, tuple[str, str]] = {}
    kinds = dict(PartnerKind.choices)
    for row in rows:
        label, unit, total = row["indicator__label"], row["indicator__unit"], row["total"]
        task_key = f"programme.t{row['indicator__task__number']}.{row['indicator__code']}"
        kind = row["contribution__partner__kind"]
        keys = {
            task_key: label,
            f"{task_key}.{kind}": f"{label} ({kinds.get(kind, kind)})",
        }
        if row["indicator__metric_key"]:
            keys[row["indicator__metric_key"]] = label
        for key, key_label in keys.items():
            totals[key] += total
            meta.setdefault(key, (key_label, unit))
    return {
        key: MetricValue(
            MetricSpec(
                key,
                meta[key][0],
                meta[key][1],
                description=_("Suma wartości wskaźnika z przyjętych wkładów partnerów."),
                source="partner",
            ),
            as_number(total),
            period,
        )
        for key, total in totals.items()
    }


@metric(
    "partners.contributions_accepted",
    label="Przyjęte wkłady instytucji partnerskich",
    unit="events",
    source="partner",
)
def contributions_accepted(office, period: Period) -> int:
    """Contributions for the period's year(s) that the office accepted."""
    from ostoja.partners.models import Contribution, ContributionStatus

    return Contribution.objects.filter(
        office=office,
        status=ContributionStatus.ACCEPTED,
        year__gte=period.start.year,
        year__lte=period.end.year,
    ).aggregate(n=Count("pk"))["n"]
