"""Who may see and do what in assistant cases (one scoping function for every read).

Head: everything of the office (decides, assigns, overrides the limit). Social
worker: reads the cases of families they handle and files requests for them.
Family assistant: works on cases assigned to them now; reads cases assigned in the
past (read-only after handover). Auditor: reads everything of the office. Others:
nothing.
"""

import rules
from django.db.models import Q, QuerySet
from django.utils import timezone

from ostoja.accounts.models import Role
from ostoja.accounts.permissions import (
    has_role,
    is_administrator,
    is_assistant,
    is_auditor,
    is_head,
    same_office,
)
from ostoja.casework.models import Assignment, AssistantCase, CaseStatus
from ostoja.families.permissions import handles_family


def visible_cases(user) -> QuerySet[AssistantCase]:
    """Cases the user may read; every case read starts here."""
    if not getattr(user, "is_authenticated", False) or user.office_id is None:
        return AssistantCase.objects.none()
    office_cases = AssistantCase.objects.filter(office_id=user.office_id)
    if user.has_role(Role.HEAD, Role.AUDITOR):
        return office_cases
    scope = Q(pk__in=[])
    if user.has_role(Role.SOCIAL_WORKER):
        scope |= Q(family__social_worker=user) | Q(family__created_by=user) | Q(requested_by=user)
    if user.has_role(Role.ASSISTANT):
        scope |= Q(pk__in=Assignment.objects.filter(assistant=user).values("case_id"))
    return office_cases.filter(scope)


def current_assignments(on=None) -> Q:
    """Filter of assignments in force on a day (default: today)."""
    day = on or timezone.localdate()
    return Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gte=day))


@rules.predicate
def is_current_assistant(user, case: AssistantCase) -> bool:
    return case.assignments.filter(current_assignments(), assistant=user).exists()


@rules.predicate
def was_assistant(user, case: AssistantCase) -> bool:
    return case.assignments.filter(assistant=user).exists()


@rules.predicate
def was_last_assistant(user, case: AssistantCase) -> bool:
    last = case.assignments.order_by("-start_date", "-pk").first()
    return last is not None and last.assistant_id == user.pk


@rules.predicate
def social_worker_of_case(user, case: AssistantCase) -> bool:
    return user.has_role(Role.SOCIAL_WORKER) and (
        handles_family(user, case.family) or case.requested_by_id == user.pk
    )


@rules.predicate
def case_is_active(user, case: AssistantCase) -> bool:
    return case.status == CaseStatus.ACTIVE


@rules.predicate
def case_is_closed(user, case: AssistantCase) -> bool:
    return case.status == CaseStatus.CLOSED


@rules.predicate
def social_worker_handles(user, family) -> bool:
    return user.has_role(Role.SOCIAL_WORKER) and handles_family(user, family)


@rules.predicate
def is_self(user, other) -> bool:
    return other is not None and other.pk == user.pk


can_view_case = same_office & (
    is_head | is_auditor | social_worker_of_case | (is_assistant & was_assistant)
)
can_work_on_case = same_office & case_is_active & (is_head | (is_assistant & is_current_assistant))
can_close_case = same_office & (is_head | (is_assistant & is_current_assistant))
can_manage_case = same_office & is_head
can_monitor_case = same_office & case_is_closed & (is_head | (is_assistant & was_last_assistant))
can_request_for_family = same_office & (is_head | social_worker_handles)

rules.add_perm("casework.view_case", can_view_case)
rules.add_perm("casework.work_case", can_work_on_case)
rules.add_perm("casework.close_case", can_close_case)
rules.add_perm("casework.decide_case", can_manage_case)
rules.add_perm("casework.assign_case", can_manage_case)
rules.add_perm("casework.monitor_case", can_monitor_case)
rules.add_perm("casework.request_case", can_request_for_family)
rules.add_perm("casework.file_request", has_role(Role.HEAD, Role.SOCIAL_WORKER))
rules.add_perm("casework.list_cases", has_role(Role.HEAD, Role.SOCIAL_WORKER, Role.AUDITOR))
rules.add_perm("casework.view_my_families", is_assistant)
rules.add_perm("casework.view_queue", is_head | is_auditor)
rules.add_perm("casework.view_caseload", is_head | is_auditor)
rules.add_perm("casework.view_assistant_caseload", same_office & (is_head | is_auditor | is_self))
rules.add_perm("casework.view_overdue", is_head | is_auditor | is_assistant)
rules.add_perm("casework.manage_limits", is_head | is_administrator)
