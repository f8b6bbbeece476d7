from ostoja.common.tests.access import AUDITOR, HEAD, PARTNER, REPORTING_OFFICER, Rule
from ostoja.programme import services
from ostoja.programme.tests.builders import counselling_centre, programme_with_tasks

READERS = frozenset({HEAD, REPORTING_OFFICER, AUDITOR})
EDITORS = frozenset({HEAD, REPORTING_OFFICER})


def build(world) -> None:
    """A programme 2016–2018 naming the demo partner and a counselling centre; a statistic."""
    head = world.users[HEAD]
    world.partner = world.users[PARTNER].partner_institution
    world.other_partner = counselling_centre(world.office)
    world.programme, world.task, world.task2 = programme_with_tasks(
        world.office, head, [world.partner, world.other_partner]
    )
    world.indicator = world.task.indicators.first()
    world.statistic_kind = services.statistic_kind_save(
        acting_user=head,
        office=world.office,
        code="POM-MAT",
        key="material_aid.families",
        label="Rodziny objęte pomocą materialną",
        unit="families",
    )


URL_ACCESS = {
    "programme:list": Rule(allowed=READERS, office_scoped=False),
    "programme:create": Rule(allowed=EDITORS, office_scoped=False),
    "programme:detail": Rule(allowed=READERS, kwargs=lambda w: {"pk": w.programme.pk}),
    "programme:edit": Rule(allowed=EDITORS, kwargs=lambda w: {"pk": w.programme.pk}),
    "programme:copy": Rule(allowed=EDITORS, kwargs=lambda w: {"pk": w.programme.pk}),
    "programme:task_create": Rule(allowed=EDITORS, kwargs=lambda w: {"pk": w.programme.pk}),
    "programme:task_edit": Rule(allowed=EDITORS, kwargs=lambda w: {"pk": w.task.pk}),
    "programme:indicator_create": Rule(allowed=EDITORS, kwargs=lambda w: {"task_pk": w.task.pk}),
    "programme:indicator_edit": Rule(allowed=EDITORS, kwargs=lambda w: {"pk": w.indicator.pk}),
    "programme:statistics": Rule(allowed=READERS, office_scoped=False, query="rok=2018"),
    "programme:statistic_kinds": Rule(allowed=READERS, office_scoped=False),
    "programme:statistic_kind_create": Rule(allowed=EDITORS, office_scoped=False),
    "programme:statistic_kind_edit": Rule(
        allowed=EDITORS, kwargs=lambda w: {"pk": w.statistic_kind.pk}
    ),
    "programme:statistics_import": Rule(allowed=EDITORS, office_scoped=False),
    "programme:statistics_export": Rule(
        allowed=READERS, ok_status=405, office_scoped=False, query="rok=2018"
    ),
}
