"""Who may read, edit, approve annual reports and see the records behind figures."""

import rules
from django.db.models import QuerySet

from ostoja.accounts.models import Role
from ostoja.accounts.permissions import has_role, same_office
from ostoja.reporting.models import AnnualReport

can_list_reports = has_role(Role.HEAD, Role.REPORTING_OFFICER, Role.AUDITOR)
can_prepare_reports = has_role(Role.HEAD, Role.REPORTING_OFFICER)
#: Personal data behind a figure: head and auditor only; the reporting officer sees counts.
can_see_records = has_role(Role.HEAD, Role.AUDITOR)

rules.add_perm("reporting.list_report", can_list_reports)
rules.add_perm("reporting.add_report", can_prepare_reports)
rules.add_perm("reporting.view_report", same_office & can_list_reports)
rules.add_perm("reporting.change_report", same_office & can_prepare_reports)
rules.add_perm("reporting.approve_report", same_office & has_role(Role.HEAD))
rules.add_perm("reporting.view_records", same_office & can_see_records)
rules.add_perm("reporting.change_template", same_office & can_prepare_reports)


def visible_reports(user) -> QuerySet[AnnualReport]:
    """Reports of the user's office, for head, reporting officer and auditor; none otherwise."""
    if not getattr(user, "is_authenticated", False) or user.office_id is None:
        return AnnualReport.objects.none()
    if not can_list_reports(user):
        return AnnualReport.objects.none()
    return AnnualReport.objects.filter(office_id=user.office_id)
