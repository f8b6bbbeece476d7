import datetime
from decimal import Decimal

from ostoja.common.tests.access import ASSISTANT, AUDITOR, HEAD, SOCIAL_WORKER, Rule
from ostoja.families.models import FamilyRole
from ostoja.placements import services

READERS = frozenset({HEAD, SOCIAL_WORKER, ASSISTANT, AUDITOR})
EDITORS = frozenset({HEAD, SOCIAL_WORKER, ASSISTANT})


def build(world) -> None:
    """A child of the assistant's family, placed in a foster family, with one month of costs."""
    head = world.users[HEAD]
    services.cofinancing_rates_ensure()
    world.child = world.family.members.filter(family_role=FamilyRole.CHILD).first()
    world.placement = services.placement_create(
        acting_user=head,
        child=world.child,
        form="kinship_foster_family",
        start_date=datetime.date(2025, 3, 1),
        court="Sąd Rejonowy w Koninie",
    )
    services.cofinancing_entry_create(
        acting_user=head,
        placement=world.placement,
        month=datetime.date(2025, 4, 1),
        cost=Decimal("2500.00"),
    )


URL_ACCESS = {
    "placements:list": Rule(allowed=READERS, office_scoped=False),
    "placements:start": Rule(allowed=EDITORS, office_scoped=False),
    "placements:detail": Rule(allowed=READERS, kwargs=lambda w: {"pk": w.placement.pk}),
    "placements:edit": Rule(allowed=EDITORS, kwargs=lambda w: {"pk": w.placement.pk}),
    "placements:end": Rule(allowed=EDITORS, kwargs=lambda w: {"pk": w.placement.pk}),
    "placements:cofinancing_create": Rule(
        allowed=frozenset({HEAD}), kwargs=lambda w: {"pk": w.placement.pk}
    ),
    "placements:child_history": Rule(allowed=READERS, kwargs=lambda w: {"person_pk": w.child.pk}),
    "placements:create": Rule(allowed=EDITORS, kwargs=lambda w: {"person_pk": w.child.pk}),
}
