import datetime

from ostoja.common.tests.access import BLUE_CARD_COORDINATOR, Rule
from ostoja.violence import services

COORDINATOR = frozenset({BLUE_CARD_COORDINATOR})


def build(world) -> None:
    """A Blue Card procedure of a demo family, a team member and a team meeting."""
    coordinator = world.users[BLUE_CARD_COORDINATOR]
    world.team_member = services.team_member_save(
        acting_user=coordinator, office=world.office, name="Jan Dzielnicowy", institution="KPP"
    )
    world.procedure = services.procedure_create(
        acting_user=coordinator,
        office=world.office,
        family=world.family,
        initiator="police",
        started_on=datetime.date(2018, 3, 1),
        working_group=[world.team_member],
    )


def _pk(w) -> dict:
    return {"pk": w.procedure.pk}


URL_ACCESS = {
    "violence:list": Rule(allowed=COORDINATOR, office_scoped=False),
    "violence:create": Rule(allowed=COORDINATOR, office_scoped=False),
    "violence:detail": Rule(allowed=COORDINATOR, kwargs=_pk),
    "violence:edit": Rule(allowed=COORDINATOR, kwargs=_pk),
    "violence:person_add": Rule(allowed=COORDINATOR, kwargs=_pk),
    "violence:group_meeting_create": Rule(allowed=COORDINATOR, kwargs=_pk),
    "violence:team": Rule(allowed=COORDINATOR, office_scoped=False),
    "violence:member_create": Rule(allowed=COORDINATOR, office_scoped=False),
    "violence:member_edit": Rule(allowed=COORDINATOR, kwargs=lambda w: {"pk": w.team_member.pk}),
    "violence:team_meeting_create": Rule(allowed=COORDINATOR, office_scoped=False),
}
