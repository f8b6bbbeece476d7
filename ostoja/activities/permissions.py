"""Who may see activities and their participants (participants only from visible families)."""

import rules
from django.db.models import QuerySet

from ostoja.accounts.models import Role
from ostoja.accounts.permissions import (
    can_read_family_registry,
    has_role,
    is_case_staff,
    same_office,
)
from ostoja.activities.models import GroupActivity, Participation
from ostoja.families.permissions import can_change_family, visible_families


def visible_activities(user) -> QuerySet[GroupActivity]:
    """Activities of the user's office, for roles that work with families."""
    if not can_read_family_registry(user):
        return GroupActivity.objects.none()
    return GroupActivity.objects.filter(office_id=user.office_id)


def visible_participations(user) -> QuerySet[Participation]:
    """Participations of persons from families the user may see."""
    return Participation.objects.filter(
        activity__in=visible_activities(user), family__in=visible_families(user)
    )


@rules.predicate
def can_change_participant_family(user, family) -> bool:
    return can_change_family(user, family)


can_list_activities = can_read_family_registry
can_manage_activities = has_role(Role.HEAD, Role.SOCIAL_WORKER)

rules.add_perm("activities.list_groupactivity", can_list_activities)
rules.add_perm("activities.view_groupactivity", same_office & can_list_activities)
rules.add_perm("activities.add_groupactivity", can_manage_activities)
rules.add_perm("activities.change_groupactivity", same_office & can_manage_activities)
rules.add_perm("activities.enrol_participants", is_case_staff)
#: Adding a person to an activity is a change of the person's family record.
rules.add_perm("activities.add_participation", can_change_participant_family)
