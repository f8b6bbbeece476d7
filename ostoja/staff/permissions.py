"""Who may see and record assistants' employment, trainings and costs."""

import rules
from django.db.models import QuerySet

from ostoja.accounts.models import Role
from ostoja.accounts.permissions import has_role, is_assistant
from ostoja.staff.models import AssistantCost, AssistantEmployment, Training

#: Staff figures of the whole office (aggregates on the list page).
can_list_staff = has_role(Role.HEAD, Role.REPORTING_OFFICER, Role.ADMINISTRATOR, Role.AUDITOR)
#: One assistant's records, pay included: not the reporting officer's business.
can_view_all_staff_records = has_role(Role.HEAD, Role.ADMINISTRATOR, Role.AUDITOR)
can_manage_staff = has_role(Role.HEAD, Role.ADMINISTRATOR)


@rules.predicate
def is_self(user, assistant) -> bool:
    return assistant is not None and assistant.pk == user.pk


@rules.predicate
def same_office_user(user, assistant) -> bool:
    return (
        assistant is not None
        and user.office_id is not None
        and assistant.office_id == user.office_id
    )


def _scope(model, user) -> QuerySet:
    if not getattr(user, "is_authenticated", False) or user.office_id is None:
        return model.objects.none()
    qs = model.objects.filter(office_id=user.office_id)
    if can_view_all_staff_records(user):
        return qs
    if is_assistant(user):
        return qs.filter(assistant=user)
    return qs.none()


def visible_employments(user) -> QuerySet[AssistantEmployment]:
    return _scope(AssistantEmployment, user)


def visible_trainings(user) -> QuerySet[Training]:
    return _scope(Training, user)


def visible_costs(user) -> QuerySet[AssistantCost]:
    return _scope(AssistantCost, user)


rules.add_perm("staff.list_staff", can_list_staff)
rules.add_perm(
    "staff.view_assistant",
    same_office_user & (can_view_all_staff_records | (is_assistant & is_self)),
)
rules.add_perm("staff.view_all_staff_records", can_view_all_staff_records)
rules.add_perm("staff.manage_staff", can_manage_staff)
rules.add_perm("staff.change_assistant", same_office_user & can_manage_staff)
