"""Who may see and change the programme and the office statistics.

Head and reporting officer manage both; the auditor reads them. The programme
holds no personal data, but partners see tasks only through their contributions.
"""

import rules
from django.db.models import QuerySet

from ostoja.accounts.models import Role
from ostoja.accounts.permissions import has_role, same_office
from ostoja.programme.models import Programme, StatisticKind, StatisticValue

can_manage_programme = has_role(Role.HEAD, Role.REPORTING_OFFICER)
can_read_programme = has_role(Role.HEAD, Role.REPORTING_OFFICER, Role.AUDITOR)


def visible_programmes(user) -> QuerySet[Programme]:
    """Programmes of the user's office, for roles that may read them."""
    if not can_read_programme(user):
        return Programme.objects.none()
    return Programme.objects.filter(office_id=user.office_id)


def visible_statistic_kinds(user) -> QuerySet[StatisticKind]:
    if not can_read_programme(user):
        return StatisticKind.objects.none()
    return StatisticKind.objects.filter(office_id=user.office_id)


def visible_statistic_values(user) -> QuerySet[StatisticValue]:
    if not can_read_programme(user):
        return StatisticValue.objects.none()
    return StatisticValue.objects.filter(office_id=user.office_id)


rules.add_perm("programme.view_programme", can_read_programme)
rules.add_perm("programme.change_programme", can_manage_programme & same_office)
rules.add_perm("programme.add_programme", can_manage_programme)
rules.add_perm("programme.view_statistics", can_read_programme)
rules.add_perm("programme.change_statistics", can_manage_programme)
