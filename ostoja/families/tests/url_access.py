from ostoja.common.tests.access import ASSISTANT, AUDITOR, HEAD, SOCIAL_WORKER, Rule
from ostoja.families.models import Family

READERS = frozenset({HEAD, SOCIAL_WORKER, ASSISTANT, AUDITOR})
EDITORS = frozenset({HEAD, SOCIAL_WORKER, ASSISTANT})


def build(world) -> None:
    """Pick a family of the office handled by its social worker and assigned to its assistant."""
    world.family = (
        Family.objects.filter(
            office=world.office, assistant_cases__assignments__assistant=world.users[ASSISTANT]
        )
        .distinct()
        .first()
    )
    world.person = world.family.members.first()


URL_ACCESS = {
    "families:list": Rule(allowed=READERS, office_scoped=False),
    "families:create": Rule(allowed=frozenset({HEAD, SOCIAL_WORKER}), office_scoped=False),
    "families:detail": Rule(allowed=READERS, kwargs=lambda w: {"pk": w.family.pk}),
    "families:edit": Rule(allowed=EDITORS, kwargs=lambda w: {"pk": w.family.pk}),
    "families:person_create": Rule(allowed=EDITORS, kwargs=lambda w: {"family_pk": w.family.pk}),
    "families:person": Rule(allowed=READERS, kwargs=lambda w: {"pk": w.person.pk}),
    "families:person_edit": Rule(allowed=EDITORS, kwargs=lambda w: {"pk": w.person.pk}),
}
