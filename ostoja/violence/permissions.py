"""Who may see Blue Card data: a separate permission, need-to-know only.

* Blue Card coordinator: every procedure and meeting of their office; records them.
* Head or social worker who sits in a procedure's working group (a team member
  linked to their account): reads that procedure only. The head has no Blue Card
  access by office rank alone: team members are bound by the confidentiality of
  the domestic-violence act, and the head sees the counts through reports.
* Everyone else (assistant, partner, reporting officer, administrator, auditor,
  and head / social worker outside the group): nothing, 404 for every page; the
  auditor reviews reads of Blue Card data in the access log instead.
"""

import rules
from django.db.models import QuerySet

from ostoja.accounts.models import Role
from ostoja.accounts.permissions import has_role, same_office
from ostoja.violence.models import Procedure, TeamMeeting

is_coordinator = has_role(Role.BLUE_CARD_COORDINATOR)
may_join_groups = has_role(Role.HEAD, Role.SOCIAL_WORKER)


def visible_procedures(user) -> QuerySet[Procedure]:
    """Procedures the user may read; every Blue Card read starts here."""
    if not getattr(user, "is_authenticated", False) or user.office_id is None:
        return Procedure.objects.none()
    office_procedures = Procedure.objects.filter(office_id=user.office_id)
    if is_coordinator(user):
        return office_procedures
    if may_join_groups(user):
        return office_procedures.filter(
            working_group__user=user, working_group__active=True
        ).distinct()
    return Procedure.objects.none()


def visible_team_meetings(user) -> QuerySet[TeamMeeting]:
    if not is_coordinator(user):
        return TeamMeeting.objects.none()
    return TeamMeeting.objects.filter(office_id=user.office_id)


@rules.predicate
def in_working_group(user, procedure: Procedure) -> bool:
    return procedure.working_group.filter(user=user, active=True).exists()


@rules.predicate
def is_group_member_anywhere(user) -> bool:
    return visible_procedures(user).exists()


can_view_procedure = same_office & (is_coordinator | (may_join_groups & in_working_group))

rules.add_perm(
    "violence.list_procedure", is_coordinator | (may_join_groups & is_group_member_anywhere)
)
rules.add_perm("violence.view_procedure", can_view_procedure)
rules.add_perm("violence.change_procedure", is_coordinator & same_office)
rules.add_perm("violence.manage", is_coordinator)
