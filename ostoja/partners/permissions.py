"""Who may see and change partner contributions.

* head and reporting officer: every contribution of their office; enter one on a
  partner's behalf, return it for correction, accept it, send reminders;
* auditor: reads every contribution of the office;
* partner: only their own institution's contributions, and edits them only while
  they are a draft or returned and the office's deadline for the year has not
  passed; partners never see families or any other personal data;
* everyone else: nothing.
"""

import rules
from django.db.models import QuerySet
from django.utils import timezone

from ostoja.accounts.models import Role
from ostoja.accounts.permissions import has_role, same_office
from ostoja.partners.models import Contribution, ContributionDeadline, ContributionStatus

is_contribution_staff = has_role(Role.HEAD, Role.REPORTING_OFFICER)
can_read_all_contributions = has_role(Role.HEAD, Role.REPORTING_OFFICER, Role.AUDITOR)
OPEN_FOR_PARTNER = (ContributionStatus.DRAFT, ContributionStatus.RETURNED)


@rules.predicate
def is_partner_user(user) -> bool:
    return has_role(Role.PARTNER)(user) and user.partner_institution_id is not None


def visible_contributions(user) -> QuerySet[Contribution]:
    """Contributions the user may read; every read of a contribution starts here."""
    if can_read_all_contributions(user):
        return Contribution.objects.filter(office_id=user.office_id)
    if is_partner_user(user):
        return Contribution.objects.filter(
            office_id=user.office_id, partner_id=user.partner_institution_id
        )
    return Contribution.objects.none()


def deadline_for(office_id: int, year: int):
    """The office's deadline for `year`, or None when none is set."""
    return (
        ContributionDeadline.objects.filter(office_id=office_id, year=year)
        .values_list("deadline", flat=True)
        .first()
    )


def deadline_passed(office_id: int, year: int) -> bool:
    deadline = deadline_for(office_id, year)
    return deadline is not None and timezone.localdate() > deadline


@rules.predicate
def owns_contribution(user, contribution: Contribution) -> bool:
    return (
        is_partner_user(user)
        and contribution.partner_id == user.partner_institution_id
        and contribution.office_id == user.office_id
    )


@rules.predicate
def partner_may_edit(user, contribution: Contribution) -> bool:
    return contribution.status in OPEN_FOR_PARTNER and not deadline_passed(
        contribution.office_id, contribution.year
    )


@rules.predicate
def not_accepted(user, contribution: Contribution) -> bool:
    return contribution.status != ContributionStatus.ACCEPTED


can_view_contribution = (can_read_all_contributions & same_office) | owns_contribution
can_edit_contribution = (is_contribution_staff & same_office & not_accepted) | (
    owns_contribution & partner_may_edit
)
can_review_contribution = is_contribution_staff & same_office

rules.add_perm("partners.view_contribution", can_view_contribution)
rules.add_perm("partners.change_contribution", can_edit_contribution)
rules.add_perm("partners.review_contribution", can_review_contribution)
rules.add_perm("partners.view_overview", can_read_all_contributions)
rules.add_perm("partners.manage_contributions", is_contribution_staff)
rules.add_perm("partners.use_portal", is_partner_user)
