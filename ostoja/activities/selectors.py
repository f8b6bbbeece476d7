"""Reads of group activities and participants."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from ostoja.activities.models import GroupActivity, ParticipantRole, Participation
from ostoja.activities.permissions import visible_activities, visible_participations
from ostoja.families.models import Person
from ostoja.families.permissions import visible_families


def activity_list(user) -> QuerySet[GroupActivity]:
    """Activities with participant counts (all participants: a count is not personal data)."""
    return (
        visible_activities(user)
        .annotate(
            children=Count("participations", filter=Q(participations__role=ParticipantRole.CHILD)),
            adults=Count("participations", filter=Q(participations__role=ParticipantRole.ADULT)),
            families=Count("participations__family", distinct=True),
        )
        .order_by("-start_date", "name", "pk")
    )


def activity_get_for_user(user, pk: int) -> GroupActivity:
    """Return an activity of the user's office; 404 both for missing and forbidden."""
    return get_object_or_404(activity_list(user), pk=pk)


def activity_participants(user, activity: GroupActivity) -> QuerySet[Participation]:
    """Participants the user may see: those from families visible to them."""
    return (
        visible_participations(user)
        .filter(activity=activity)
        .select_related("person", "family")
        .order_by("family__name", "person__last_name", "person__first_name", "pk")
    )


def persons_to_enrol(user, activity: GroupActivity) -> QuerySet[Person]:
    """Members of visible families not yet taking part in the activity."""
    return (
        Person.objects.filter(family__in=visible_families(user))
        .exclude(participations__activity=activity)
        .select_related("family")
        .order_by("family__name", "last_name", "first_name", "pk")
    )
