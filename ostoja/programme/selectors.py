"""Reads of the programme and of office statistics."""

from decimal import Decimal

from django.db.models import Prefetch, QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from ostoja.programme.models import Indicator, Programme, StatisticKind, Task, TaskInstitution
from ostoja.programme.permissions import (
    visible_programmes,
    visible_statistic_kinds,
    visible_statistic_values,
)


def programme_list(user) -> QuerySet[Programme]:
    return visible_programmes(user).order_by("-year_from", "pk")


def programme_get_for_user(user, pk: int) -> Programme:
    return get_object_or_404(visible_programmes(user), pk=pk)


def programme_tasks(programme: Programme) -> QuerySet[Task]:
    """Tasks with their goal, institutions and indicators (4 queries)."""
    return programme.tasks.select_related("goal").prefetch_related(
        Prefetch(
            "task_institutions",
            queryset=TaskInstitution.objects.select_related("partner").order_by(
                "role", "partner__name"
            ),
        ),
        "indicators",
    )


def task_get_for_user(user, pk: int) -> Task:
    return get_object_or_404(
        Task.objects.filter(programme__in=visible_programmes(user)).select_related("programme"),
        pk=pk,
    )


def indicator_get_for_user(user, pk: int) -> Indicator:
    return get_object_or_404(
        Indicator.objects.filter(task__programme__in=visible_programmes(user)).select_related(
            "task__programme"
        ),
        pk=pk,
    )


def statistic_kinds(user) -> QuerySet[StatisticKind]:
    return visible_statistic_kinds(user).select_related("parent").order_by("order", "code")


def statistic_kind_get_for_user(user, pk: int) -> StatisticKind:
    return get_object_or_404(visible_statistic_kinds(user), pk=pk)


def statistic_values_for_year(user, year: int) -> dict[int, tuple[Decimal, str]]:
    return {
        v.kind_id: (v.value, v.source)
        for v in visible_statistic_values(user).filter(year=year).only("kind_id", "value", "source")
    }


def statistic_export_rows(user, year: int) -> list[tuple]:
    current = statistic_values_for_year(user, year)
    return [
        (k.code, year, current.get(k.pk, (None, ""))[0], current.get(k.pk, (None, ""))[1], k.label)
        for k in statistic_kinds(user)
    ]


def statistic_checks(user, year: int) -> list[str]:
    """Warnings where a year's parts exceed their total, or miss it when they must add up."""
    values = visible_statistic_values(user).filter(year=year)
    parts = {
        row["kind__parent_id"]: row["total"]
        for row in values.filter(kind__parent__isnull=False)
        .values("kind__parent_id")
        .annotate(total=Sum("value"))
        .order_by()
    }
    warnings = []
    for value in values.filter(kind_id__in=parts).select_related("kind"):
        total = parts[value.kind_id]
        if total > value.value:
            warnings.append(
                _("„%(label)s”: części (%(parts)s) przekraczają całość (%(total)s).")
                % {"label": value.kind.label, "parts": total, "total": value.value}
            )
        elif value.kind.parts_complete and total != value.value:
            warnings.append(
                _("„%(label)s”: części (%(parts)s) nie sumują się do całości (%(total)s).")
                % {"label": value.kind.label, "parts": total, "total": value.value}
            )
    return warnings
