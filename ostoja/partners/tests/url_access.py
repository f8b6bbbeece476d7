from ostoja.common.tests.access import AUDITOR, HEAD, PARTNER, REPORTING_OFFICER, Rule
from ostoja.partners import services

STAFF = frozenset({HEAD, REPORTING_OFFICER})
READERS = frozenset({HEAD, REPORTING_OFFICER, AUDITOR})


def build(world) -> None:
    """A draft of the demo partner (task 2, 2018) and a submitted one of another partner."""
    partner_user = world.users[PARTNER]
    world.contribution = services.contribution_open(
        acting_user=partner_user, task=world.task, partner=world.partner, year=2018
    )
    staff = world.users[REPORTING_OFFICER]
    other = services.contribution_open(
        acting_user=staff, task=world.task, partner=world.other_partner, year=2018
    )
    other = services.contribution_save(
        acting_user=staff,
        contribution=other,
        narrative="Porady dla rodziców.",
        activities=["Warsztaty"],
        values={world.indicator.pk: 198},
    )
    world.other_contribution = services.contribution_submit(acting_user=staff, contribution=other)


def _form(w) -> dict:
    return {"year": 2018, "task_pk": w.task.pk, "partner_pk": w.partner.pk}


URL_ACCESS = {
    "partners:overview": Rule(allowed=READERS, office_scoped=False, query="rok=2018"),
    "partners:portal": Rule(allowed=frozenset({PARTNER}), office_scoped=False),
    "partners:form": Rule(allowed=STAFF | {PARTNER}, kwargs=_form),
    "partners:detail": Rule(
        allowed=READERS | {PARTNER}, kwargs=lambda w: {"pk": w.contribution.pk}
    ),
    "partners:submit": Rule(
        allowed=STAFF | {PARTNER}, ok_status=405, kwargs=lambda w: {"pk": w.contribution.pk}
    ),
    "partners:return": Rule(allowed=STAFF, kwargs=lambda w: {"pk": w.contribution.pk}),
    "partners:accept": Rule(
        allowed=STAFF, ok_status=405, kwargs=lambda w: {"pk": w.contribution.pk}
    ),
    "partners:reminders": Rule(allowed=STAFF, ok_status=405, office_scoped=False),
    "partners:deadline": Rule(allowed=STAFF, office_scoped=False),
    "partners:institutions": Rule(allowed=STAFF, office_scoped=False),
    "partners:institution_create": Rule(allowed=STAFF, office_scoped=False),
    "partners:institution_edit": Rule(allowed=STAFF, kwargs=lambda w: {"pk": w.partner.pk}),
}
