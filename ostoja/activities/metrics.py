"""Participants of group activities and projects: children, adults and families.

A person counts for a period when their participation overlaps it (qualified on or
before its last day and not finished before its first). Persons and families are
distinct within each figure.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext_noop as N_

from ostoja.activities.models import ActivityKind, ParticipantRole, Participation
from ostoja.reporting.registry import MetricSpec, MetricValue, Period, metric_group, metric_provider

KINDS = [(k.value, str(k.label)) for k in ActivityKind]


def _overlaps(period: Period) -> Q:
    return Q(start_date__lte=period.end) & (
        Q(end_date__isnull=True) | Q(end_date__gte=period.start)
    )


def _definitions() -> dict[str, tuple[Q, str]]:
    """Metric key → (filter on participations overlapping the period, field counted)."""
    child, adult = Q(role=ParticipantRole.CHILD), Q(role=ParticipantRole.ADULT)
    defs: dict[str, tuple[Q, str]] = {
        "activities.children": (child, "person"),
        "activities.adults": (adult, "person"),
        "activities.families": (Q(), "family"),
    }
    for kind, _label in KINDS:
        of_kind = Q(activity__kind=kind)
        defs[f"activities.{kind}.children"] = (of_kind & child, "person")
        defs[f"activities.{kind}.adults"] = (of_kind & adult, "person")
        defs[f"activities.{kind}.families"] = (of_kind, "family")
    return defs


def _specs() -> list[MetricSpec]:
    specs = [
        MetricSpec(
            "activities.children",
            N_("Dzieci uczestniczące w zajęciach grupowych i projektach"),
            "children",
            N_("Różne dzieci z udziałem w dowolnych zajęciach lub projekcie w okresie."),
        ),
        MetricSpec(
            "activities.adults",
            N_("Dorośli uczestniczący w zajęciach grupowych i projektach"),
            "persons",
            N_("Różne osoby dorosłe z udziałem w dowolnych zajęciach lub projekcie w okresie."),
        ),
        MetricSpec(
            "activities.families",
            N_("Rodziny uczestniczące w zajęciach grupowych i projektach"),
            "families",
            N_("Różne rodziny, z których ktoś uczestniczył w zajęciach w okresie."),
        ),
    ]
    for kind, label in KINDS:
        specs += [
            MetricSpec(
                f"activities.{kind}.children",
                f"{N_('Dzieci – uczestnicy')}: {label}",
                "children",
                N_("Różne dzieci z udziałem w zajęciach tego rodzaju w okresie."),
            ),
            MetricSpec(
                f"activities.{kind}.adults",
                f"{N_('Dorośli – uczestnicy')}: {label}",
                "persons",
                N_("Różne osoby dorosłe z udziałem w zajęciach tego rodzaju w okresie."),
            ),
            MetricSpec(
                f"activities.{kind}.families",
                f"{N_('Rodziny uczestników')}: {label}",
                "families",
                N_("Różne rodziny uczestników zajęć tego rodzaju w okresie."),
            ),
        ]
    return specs


def participation_drilldown(office, period: Period, key: str):
    """The participations behind an activity figure."""
    q, _field = _definitions()[key]
    return (
        Participation.objects.filter(activity__office=office)
        .filter(_overlaps(period) & q)
        .select_related("activity", "person", "family")
        .order_by("activity__name", "family__name", "pk")
    )


@metric_group(*_specs(), drilldown=participation_drilldown)
def activity_figures(office, period: Period) -> dict[str, int]:
    """Participants by kind of activity, in one aggregate query."""
    defs = _definitions()
    aggregates = {
        f"m{i}": Count(field, distinct=True, filter=q) for i, (q, field) in enumerate(defs.values())
    }
    row = (
        Participation.objects.filter(activity__office=office)
        .filter(_overlaps(period))
        .aggregate(**aggregates)
    )
    return {key: row[f"m{i}"] or 0 for i, key in enumerate(defs)}


@metric_provider
def project_figures(office, period: Period) -> dict[str, MetricValue]:
    """Per-activity figures under its report key (project_wspiera_my.children_qualified …).

    One GROUP BY query over the office's activities that have a report key.
    """
    rows = (
        Participation.objects.filter(activity__office=office)
        .exclude(activity__report_key="")
        .filter(_overlaps(period))
        .values("activity__report_key", "activity__name")
        .annotate(
            children=Count("person", distinct=True, filter=Q(role=ParticipantRole.CHILD)),
            adults=Count("person", distinct=True, filter=Q(role=ParticipantRole.ADULT)),
            families=Count("family", distinct=True),
        )
        .order_by("activity__report_key")
    )
    values: dict[str, MetricValue] = {}
    for row in rows:
        prefix, name = row["activity__report_key"], row["activity__name"]
        parts = [
            ("children_qualified", N_("Dzieci zakwalifikowane do udziału"), "children"),
            ("adults_qualified", N_("Dorośli zakwalifikowani do udziału"), "persons"),
            ("families", N_("Rodziny uczestników"), "families"),
        ]
        for suffix, label, unit in parts:
            spec = MetricSpec(
                f"{prefix}.{suffix}",
                f"{label}: {name}",
                unit,
                N_("Różne osoby (rodziny) z udziałem w tych zajęciach lub projekcie w okresie."),
            )
            field = suffix.split("_")[0]
            values[spec.key] = MetricValue(spec, row[field], period)
    return values
