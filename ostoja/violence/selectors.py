"""Reads of Blue Card data; every read starts from visible_procedures()."""

from django.db.models import Count, Max, QuerySet
from django.shortcuts import get_object_or_404

from ostoja.families.models import Family
from ostoja.violence.models import Procedure, TeamMeeting, TeamMember
from ostoja.violence.permissions import visible_procedures, visible_team_meetings


def procedure_list(user, *, open_only: bool = False) -> QuerySet[Procedure]:
    qs = visible_procedures(user)
    if open_only:
        qs = qs.filter(closed_on__isnull=True)
    return (
        qs.select_related("family")
        .annotate(
            meeting_count=Count("meetings", distinct=True),
            last_meeting=Max("meetings__date"),
        )
        .order_by("-started_on", "-pk")
    )


def procedure_get_for_user(user, pk: int) -> Procedure:
    """A procedure the user may read; 404 for missing and forbidden alike."""
    return get_object_or_404(visible_procedures(user).select_related("family"), pk=pk)


def procedure_detail(procedure: Procedure) -> dict:
    return {
        "persons": procedure.persons.all(),
        "group": procedure.working_group.all(),
        "meetings": procedure.meetings.prefetch_related("attendees"),
    }


def team_meeting_list(user) -> QuerySet[TeamMeeting]:
    return visible_team_meetings(user).annotate(attendee_count=Count("attendees"))


def team_members(office_id: int) -> QuerySet[TeamMember]:
    return TeamMember.objects.filter(office_id=office_id).select_related("partner", "user")


def families_for_procedure(office_id: int) -> QuerySet[Family]:
    """Families the coordinator may open a procedure for (names only are shown)."""
    return Family.objects.filter(office_id=office_id).only("pk", "name").order_by("name", "pk")
