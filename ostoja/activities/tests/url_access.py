import datetime

from ostoja.activities import services
from ostoja.common.tests.access import ASSISTANT, AUDITOR, HEAD, SOCIAL_WORKER, Rule
from ostoja.families.models import FamilyRole

READERS = frozenset({HEAD, SOCIAL_WORKER, ASSISTANT, AUDITOR})
MANAGERS = frozenset({HEAD, SOCIAL_WORKER})


def build(world) -> None:
    """An EU project of the office with a mother and a child of the assistant's family."""
    head = world.users[HEAD]
    world.activity = services.activity_create(
        acting_user=head,
        office=world.office,
        name="Wspiera. MY",
        kind="eu_project",
        funding_source="eu_project",
        project_name="WRPO 2014-2020",
        report_key="project_wspiera_my",
        start_date=datetime.date(2025, 10, 1),
    )
    for person in world.family.members.filter(
        family_role__in=[FamilyRole.MOTHER, FamilyRole.CHILD]
    )[:2]:
        services.participation_create(
            acting_user=head,
            activity=world.activity,
            person=person,
            start_date=datetime.date(2025, 10, 1),
        )


URL_ACCESS = {
    "activities:list": Rule(allowed=READERS, office_scoped=False),
    "activities:create": Rule(allowed=MANAGERS, office_scoped=False),
    "activities:detail": Rule(allowed=READERS, kwargs=lambda w: {"pk": w.activity.pk}),
    "activities:edit": Rule(allowed=MANAGERS, kwargs=lambda w: {"pk": w.activity.pk}),
    "activities:participation_create": Rule(
        allowed=READERS - {AUDITOR}, kwargs=lambda w: {"pk": w.activity.pk}
    ),
}
