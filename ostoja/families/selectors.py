"""Reads of families and persons; every read starts from visible_families()."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from ostoja.families.models import Family, Person, ProblemArea
from ostoja.families.permissions import visible_families


def family_list(user, *, search: str = "") -> QuerySet[Family]:
    """Families the user may see, with member counts, filtered by a search phrase."""
    qs = visible_families(user)
    if search:
        words = search.split()
        for word in words[:5]:
            qs = qs.filter(
                Q(name__icontains=word)
                | Q(city__icontains=word)
                | Q(street__icontains=word)
                | Q(members__last_name__icontains=word)
                | Q(members__pesel=word)
            )
        qs = qs.distinct()
    return (
        qs.annotate(
            member_count=Count("members", distinct=True),
            child_count=Count("members", filter=Q(members__family_role="child"), distinct=True),
        )
        .select_related("social_worker")
        .order_by("name", "pk")
    )


def family_get_for_user(user, pk: int) -> Family:
    """Return a family the user may see; 404 both for missing and forbidden."""
    return get_object_or_404(
        visible_families(user).select_related("office", "social_worker"), pk=pk
    )


def family_members(family: Family) -> QuerySet[Person]:
    return family.members.order_by("birth_date", "pk")


def person_get_for_user(user, pk: int) -> Person:
    """Return a person of a family the user may see; 404 otherwise."""
    return get_object_or_404(
        Person.objects.filter(family__in=visible_families(user)).select_related("family"), pk=pk
    )


def problem_areas_valid_on(day) -> QuerySet[ProblemArea]:
    """The dictionary entries in force on `day`."""
    return ProblemArea.objects.filter(valid_from__lte=day).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )
