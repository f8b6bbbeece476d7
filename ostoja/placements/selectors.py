"""Reads of placements; every read starts from visible_placements()."""

import datetime

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from ostoja.families.models import Person
from ostoja.families.permissions import visible_families
from ostoja.placements.models import CoFinancingEntry, CoFinancingRate, Placement
from ostoja.placements.permissions import visible_cofinancing_entries, visible_placements


def placement_list(
    user, *, status: str = "", form: str = "", day: datetime.date | None = None
) -> QuerySet[Placement]:
    """The office's placement register as the user may see it.

    `status` "current" keeps children in care on `day`, "ended" those that ended.
    """
    qs = visible_placements(user)
    if form:
        qs = qs.filter(form=form)
    if status == "current" and day is not None:
        qs = qs.filter(active_on(day))
    elif status == "ended":
        qs = qs.filter(end_date__isnull=False)
    return qs.select_related("child", "family").order_by("-start_date", "-pk")


def active_on(day: datetime.date) -> Q:
    """Placements in care on `day` (a child who left on `day` is already home)."""
    return Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gt=day))


def placement_get_for_user(user, pk: int) -> Placement:
    """Return a placement the user may see; 404 both for missing and forbidden."""
    return get_object_or_404(
        visible_placements(user).select_related("child", "family", "office"), pk=pk
    )


def child_get_for_user(user, pk: int) -> Person:
    """A child of a family the user may see; 404 otherwise."""
    return get_object_or_404(
        Person.objects.filter(
            family__in=visible_families(user), family_role="child"
        ).select_related("family"),
        pk=pk,
    )


def children_of_visible_families(user) -> QuerySet[Person]:
    """Children the user could record a placement for (families the user may see)."""
    return (
        Person.objects.filter(family__in=visible_families(user), family_role="child")
        .select_related("family")
        .order_by("family__name", "last_name", "first_name", "pk")
    )


def child_placements(child: Person) -> QuerySet[Placement]:
    """A child's placement history, oldest first."""
    return Placement.objects.filter(child=child).order_by("start_date", "pk")


def placement_cofinancing_entries(user, placement: Placement) -> QuerySet[CoFinancingEntry]:
    return visible_cofinancing_entries(user).filter(placement=placement).order_by("month", "pk")


def first_foster_care_start(child_id: int) -> datetime.date | None:
    """The start of the child's first stay in foster care (art. 191 ust. 9 counts from it)."""
    first = (
        Placement.objects.filter(child_id=child_id, is_foster_care=True)
        .order_by("start_date")
        .values_list("start_date", flat=True)
        .first()
    )
    return first


def year_of_stay(first_start: datetime.date, month: datetime.date) -> int:
    """Year of stay in which `month` falls, counted in 12-month periods from the first placement.

    The law (art. 191 ust. 9) does not say how the year is counted; 12-month periods
    from the first placement are the reading of law.md §1.14, marked unconfirmed.
    """
    months = (month.year - first_start.year) * 12 + (month.month - first_start.month)
    return 1 + max(0, months) // 12


def cofinancing_percent(year: int, day: datetime.date):
    """The gmina's share in `year` of stay under the rate table in force on `day`, or None."""
    rates = CoFinancingRate.objects.filter(valid_from__lte=day).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )
    rate = rates.filter(year_of_stay__lte=year).order_by("-year_of_stay").first()
    return rate.percent if rate else None
