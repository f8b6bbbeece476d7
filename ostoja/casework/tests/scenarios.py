"""Building casework data through the services, for tests and the URL matrix."""

import datetime

from django.utils import timezone

from ostoja.casework import services
from ostoja.casework.models import ClosureReason, DecisionKind, TaskCode
from ostoja.families.services import family_create, person_create


def new_family(users, name: str, *, children: int = 1):
    """Register a family handled by the office's social worker, with a mother and children."""
    family = family_create(
        acting_user=users["social_worker"], office=users["social_worker"].office, name=name
    )
    person_create(
        acting_user=users["social_worker"],
        family=family,
        first_name="Anna",
        last_name=name.split()[-1],
        family_role="mother",
        sex="F",
    )
    for i in range(children):
        person_create(
            acting_user=users["social_worker"],
            family=family,
            first_name=f"Dziecko{i}",
            last_name=name.split()[-1],
            family_role="child",
            sex="M",
        )
    return family


def requested_case(users, family, *, on: datetime.date | None = None, **kwargs):
    return services.case_request_create(
        acting_user=users["social_worker"],
        family=family,
        requested_on=on or timezone.localdate(),
        **kwargs,
    )


def active_case(users, family, *, on: datetime.date | None = None, assistant=None, **kwargs):
    """Request, grant and assign on day `on` (default today); return the case."""
    day = on or timezone.localdate()
    case = requested_case(users, family, on=day)
    services.case_decide(
        acting_user=users["head"], case=case, kind=DecisionKind.GRANTED, decided_on=day
    )
    services.case_assign(
        acting_user=users["head"],
        case=case,
        assistant=assistant or users["assistant"],
        start_date=day,
        **kwargs,
    )
    case.refresh_from_db()
    return case


def worked_case(users, family, *, on: datetime.date | None = None, **assign_kwargs):
    """An active case with a plan, a goal, a contact and an assessment."""
    day = on or timezone.localdate()
    case = active_case(users, family, on=day, **assign_kwargs)
    assistant = users["assistant"]
    plan = services.plan_create(acting_user=assistant, case=case, drawn_up_on=day, co_signed_on=day)
    services.goal_create(
        acting_user=assistant,
        plan=plan,
        description="Regularne posyłanie dzieci do szkoły",
        deadline=day + datetime.timedelta(days=90),
        expected_effect="Frekwencja powyżej 90%",
    )
    services.contact_create(
        acting_user=assistant,
        case=case,
        date=day,
        form="home_visit",
        duration_minutes=60,
        tasks=TaskCode.objects.filter(code__in=["work_plan", "life_situation"]),
    )
    services.assessment_create(
        acting_user=assistant, case=case, assessed_on=day, progress="improved", summary="Poprawa."
    )
    return case


def closed_case(users, family, *, on: datetime.date | None = None, **assign_kwargs):
    day = on or timezone.localdate()
    case = worked_case(users, family, on=day, **assign_kwargs)
    goals = {g.pk: "achieved" for g in case.plans.get().goals.all()}
    services.case_close(
        acting_user=users["assistant"],
        case=case,
        closed_on=day,
        reason=ClosureReason.objects.get(code="goals_achieved"),
        attainments=goals,
    )
    case.refresh_from_db()
    return case
