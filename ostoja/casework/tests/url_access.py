from ostoja.casework.dictionaries import dictionaries_ensure
from ostoja.casework.tests.scenarios import closed_case, requested_case, worked_case
from ostoja.common.tests.access import (
    ADMINISTRATOR,
    ASSISTANT,
    AUDITOR,
    HEAD,
    SOCIAL_WORKER,
    Rule,
)
from ostoja.families.models import Family

READERS = frozenset({HEAD, SOCIAL_WORKER, ASSISTANT, AUDITOR})
WORKERS = frozenset({HEAD, ASSISTANT})
HEAD_ONLY = frozenset({HEAD})


def build(world) -> None:
    """Three demo families without a case: one worked on, one requested, one closed."""
    dictionaries_ensure()
    free = list(
        Family.objects.filter(office=world.office, assistant_cases__isnull=True).order_by("pk")
    )
    world.case = worked_case(world.users, free[0])
    world.plan = world.case.plans.get()
    world.requested_case = requested_case(world.users, free[1])
    world.closed_case = closed_case(world.users, free[2])


def _case(w):
    return {"pk": w.case.pk}


URL_ACCESS = {
    "casework:my_families": Rule(allowed=frozenset({ASSISTANT}), office_scoped=False),
    "casework:case_list": Rule(
        allowed=frozenset({HEAD, SOCIAL_WORKER, AUDITOR}), office_scoped=False
    ),
    "casework:request_create": Rule(allowed=frozenset({HEAD, SOCIAL_WORKER}), office_scoped=False),
    "casework:decision_queue": Rule(allowed=frozenset({HEAD, AUDITOR}), office_scoped=False),
    "casework:overdue": Rule(allowed=frozenset({HEAD, AUDITOR, ASSISTANT}), office_scoped=False),
    "casework:caseload_board": Rule(allowed=frozenset({HEAD, AUDITOR}), office_scoped=False),
    "casework:caseload_limits": Rule(allowed=frozenset({HEAD, ADMINISTRATOR}), office_scoped=False),
    "casework:assistant_caseload": Rule(
        allowed=frozenset({HEAD, AUDITOR, ASSISTANT}),
        kwargs=lambda w: {"pk": w.users[ASSISTANT].pk},
    ),
    "casework:case_detail": Rule(allowed=READERS, kwargs=_case),
    "casework:decide": Rule(allowed=HEAD_ONLY, kwargs=lambda w: {"pk": w.requested_case.pk}),
    "casework:assign": Rule(allowed=HEAD_ONLY, kwargs=_case),
    "casework:consent": Rule(allowed=WORKERS, kwargs=_case),
    "casework:plan_create": Rule(allowed=WORKERS, kwargs=_case),
    "casework:goal_create": Rule(allowed=WORKERS, kwargs=lambda w: {"pk": w.plan.pk}),
    "casework:contact_create": Rule(allowed=WORKERS, kwargs=_case),
    "casework:assessment_create": Rule(allowed=WORKERS, kwargs=_case),
    "casework:cooperation_create": Rule(allowed=WORKERS, kwargs=_case),
    "casework:outcome_create": Rule(allowed=WORKERS, kwargs=_case),
    "casework:close": Rule(allowed=WORKERS, kwargs=_case),
    "casework:monitoring": Rule(allowed=WORKERS, kwargs=lambda w: {"pk": w.closed_case.pk}),
}
