"""Who may see and change which families (one scoping function for every read)."""

import rules
from django.db.models import Q, QuerySet

from ostoja.accounts.models import Role
from ostoja.accounts.permissions import (
    can_read_family_registry,
    has_role,
    is_assistant,
    is_auditor,
    is_head,
    is_social_worker,
    same_office,
)
from ostoja.families.models import Family

__all__ = ["can_read_family_registry", "visible_families"]


def visible_families(user) -> QuerySet[Family]:
    """Families the user may read; every family read starts here.

    Head and auditor: all families of their office. Social worker: families they
    handle or registered. Family assistant: families assigned to them now or in
    the past. Everyone else (partner, reporting officer, administrator, Blue Card
    coordinator): none.
    """
    if not getattr(user, "is_authenticated", False) or user.office_id is None:
        return Family.objects.none()
    office_families = Family.objects.filter(office_id=user.office_id)
    if user.has_role(Role.HEAD, Role.AUDITOR):
        return office_families
    scope = Q(pk__in=[])
    if user.has_role(Role.SOCIAL_WORKER):
        scope |= Q(social_worker=user) | Q(created_by=user)
    if user.has_role(Role.ASSISTANT):
        scope |= Q(pk__in=_assigned_family_ids(user))
    return office_families.filter(scope)


def _assigned_family_ids(user, current_only: bool = False):
    from ostoja.casework.selectors import assistant_family_ids

    return assistant_family_ids(user, current_only=current_only)


@rules.predicate
def handles_family(user, family: Family) -> bool:
    return family.social_worker_id == user.pk or family.created_by_id == user.pk


@rules.predicate
def currently_assigned(user, family: Family) -> bool:
    return _assigned_family_ids(user, current_only=True).filter(case__family_id=family.pk).exists()


@rules.predicate
def ever_assigned(user, family: Family) -> bool:
    return _assigned_family_ids(user).filter(case__family_id=family.pk).exists()


can_view_family = same_office & (
    is_head | is_auditor | (is_social_worker & handles_family) | (is_assistant & ever_assigned)
)
can_change_family = same_office & (
    is_head | (is_social_worker & handles_family) | (is_assistant & currently_assigned)
)
can_create_family = has_role(Role.HEAD, Role.SOCIAL_WORKER)

rules.add_perm("families.list_family", can_read_family_registry)
rules.add_perm("families.view_family", can_view_family)
rules.add_perm("families.change_family", can_change_family)
rules.add_perm("families.add_family", can_create_family)
