"""Who may see and record placements: scoped by the families the user may see."""

import rules
from django.db.models import QuerySet

from ostoja.accounts.models import Role
from ostoja.accounts.permissions import can_read_family_registry, has_role, same_office
from ostoja.families.permissions import can_change_family, can_view_family, visible_families
from ostoja.placements.models import CoFinancingEntry, Placement


def visible_placements(user) -> QuerySet[Placement]:
    """Placements of children from families the user may see; every placement read starts here."""
    office_id = getattr(user, "office_id", None)
    if office_id is None:
        return Placement.objects.none()
    return Placement.objects.filter(office_id=office_id, family__in=visible_families(user))


def visible_cofinancing_entries(user) -> QuerySet[CoFinancingEntry]:
    return CoFinancingEntry.objects.filter(placement__in=visible_placements(user))


@rules.predicate
def can_view_placement_family(user, placement: Placement) -> bool:
    return can_view_family(user, placement.family)


@rules.predicate
def can_change_placement_family(user, placement: Placement) -> bool:
    return can_change_family(user, placement.family)


can_list_placements = can_read_family_registry
#: Recording a placement is a change of the family's record.
can_add_placement = can_change_family
can_change_placement = same_office & can_change_placement_family
#: Foster-care costs are the head's: the gmina pays them from its budget.
can_record_cofinancing = same_office & has_role(Role.HEAD)

rules.add_perm("placements.list_placement", can_list_placements)
rules.add_perm("placements.view_placement", same_office & can_view_placement_family)
rules.add_perm("placements.add_placement", can_add_placement)
rules.add_perm("placements.change_placement", can_change_placement)
rules.add_perm("placements.add_cofinancingentry", can_record_cofinancing)
