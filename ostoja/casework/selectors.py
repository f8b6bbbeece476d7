"""Reads of assistant cases; every read starts from visible_cases()."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ostoja.accounts.models import Office, Role, User
from ostoja.casework.models import (
    ASSESSMENT_INTERVAL_MONTHS,
    Assignment,
    AssistantCase,
    CaseloadLimit,
    CaseStatus,
    Contact,
    Goal,
    Monitoring,
    add_months,
)
from ostoja.casework.permissions import current_assignments, visible_cases


def assistant_family_ids(user, *, current_only: bool = False) -> QuerySet:
    """Ids of families assigned to the assistant (now, or ever) as a subquery."""
    qs = Assignment.objects.filter(assistant=user, case__office_id=user.office_id)
    if current_only:
        qs = qs.filter(current_assignments())
    return qs.values("case__family_id")


def case_get_for_user(user, pk: int) -> AssistantCase:
    """Return a case the user may see; 404 both for missing and forbidden."""
    return get_object_or_404(
        visible_cases(user).select_related("family", "office", "requested_by", "closure_reason"),
        pk=pk,
    )


def _with_due_dates(qs: QuerySet[AssistantCase]) -> Any:
    """Annotate the last contact and the date the next assessment counts from."""
    return qs.annotate(
        last_contact_on=Max("contacts__date"),
        last_assessment_on=Max("assessments__assessed_on"),
    ).annotate(assessment_base=Coalesce("last_assessment_on", "opened_on"))


def assessment_due_on(case: AssistantCase) -> datetime.date | None:
    """The day the next periodic assessment is due (derived, never typed)."""
    base = getattr(case, "assessment_base", None)
    if base is None:
        last = case.assessments.aggregate(m=Max("assessed_on"))["m"]
        base = last or case.opened_on
    return add_months(base, ASSESSMENT_INTERVAL_MONTHS) if base else None


def overdue_cutoff(today: datetime.date | None = None) -> datetime.date:
    """Cases whose assessment base is before this day are overdue today."""
    return add_months(today or timezone.localdate(), -ASSESSMENT_INTERVAL_MONTHS)


def _decorate(cases, today: datetime.date) -> list[AssistantCase]:
    rows = list(cases)
    for case in rows:
        case.assessment_due = assessment_due_on(case)
        case.is_overdue = case.assessment_due is not None and case.assessment_due < today
    return rows


def my_families(user, *, today: datetime.date | None = None) -> list[AssistantCase]:
    """The assistant's current cases with last contact and next assessment due."""
    today = today or timezone.localdate()
    current = Assignment.objects.filter(current_assignments(today), assistant=user)
    qs = _with_due_dates(
        visible_cases(user).filter(status=CaseStatus.ACTIVE, pk__in=current.values("case_id"))
    ).select_related("family")
    return _decorate(qs.order_by("assessment_base", "family__name", "pk"), today)


def overdue_assessments(user, *, today: datetime.date | None = None) -> list[AssistantCase]:
    """Active cases whose periodic assessment is overdue (assistant: own current cases)."""
    today = today or timezone.localdate()
    qs = visible_cases(user).filter(status=CaseStatus.ACTIVE)
    if not user.has_role(Role.HEAD, Role.AUDITOR):
        current = Assignment.objects.filter(current_assignments(today), assistant=user)
        qs = qs.filter(pk__in=current.values("case_id"))
    # Day before cutoff: due = base + 6 months < today  <=>  base < today - 6 months.
    qs = _with_due_dates(qs).filter(assessment_base__lt=overdue_cutoff(today))
    assistant = Assignment.objects.filter(current_assignments(today), case=OuterRef("pk"))
    qs = qs.annotate(
        current_assistant_id=Subquery(assistant.values("assistant_id")[:1])
    ).select_related("family")
    rows: list[Any] = _decorate(qs.order_by("assessment_base", "pk"), today)
    names = {
        u.pk: u
        for u in User.objects.filter(
            pk__in={r.current_assistant_id for r in rows if r.current_assistant_id}
        )
    }
    for row in rows:
        row.current_assistant = names.get(row.current_assistant_id)
    return rows


def overdue_count(user, *, today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    qs = visible_cases(user).filter(status=CaseStatus.ACTIVE)
    if not user.has_role(Role.HEAD, Role.AUDITOR):
        current = Assignment.objects.filter(current_assignments(today), assistant=user)
        qs = qs.filter(pk__in=current.values("case_id"))
    return _with_due_dates(qs).filter(assessment_base__lt=overdue_cutoff(today)).count()


def case_list(user, *, status: str = "") -> QuerySet[AssistantCase]:
    qs = visible_cases(user).select_related("family")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-requested_on", "-pk")


def decision_queue(user) -> QuerySet[AssistantCase]:
    """Requests awaiting the head: a decision, or an assistant after a grant."""
    return (
        visible_cases(user)
        .filter(status__in=[CaseStatus.REQUESTED, CaseStatus.WAITING, CaseStatus.GRANTED])
        .select_related("family", "requested_by")
        .order_by("requested_on", "pk")
    )


def case_detail(case: AssistantCase) -> dict:
    """Everything shown on the case page, in a fixed number of queries."""
    from ostoja.casework.models import Cooperation, Outcome, WorkPlan

    plans = WorkPlan.objects.filter(case=case).prefetch_related(
        Prefetch("goals", queryset=Goal.objects.order_by("deadline", "pk"))
    )
    return {
        "decisions": list(case.decisions.select_related("decided_by")),
        "assignments": list(
            case.assignments.select_related("assistant").order_by("start_date", "pk")
        ),
        "plans": list(plans),
        "contacts": list(
            Contact.objects.filter(case=case).select_related("assistant").prefetch_related("tasks")
        ),
        "assessments": list(case.assessments.all()),
        "cooperations": list(
            Cooperation.objects.filter(case=case).select_related("institution_kind", "person")
        ),
        "outcomes": list(Outcome.objects.filter(case=case).select_related("kind", "person")),
        "monitoring": Monitoring.objects.filter(case=case).first(),
    }


# --- caseload ------------------------------------------------------------------------


def caseload_limit_on(office: Office | None, day: datetime.date) -> int:
    """The limit of families per assistant on `day` (office row, else the default)."""
    rows = (
        CaseloadLimit.objects.filter(valid_from__lte=day)
        .filter(Q(office=office) | Q(office__isnull=True))
        .order_by("-valid_from")
        .values_list("office_id", "limit")
    )
    default = None
    for office_id, limit in rows:
        if office_id is not None:
            return limit
        if default is None:
            default = limit
    return default if default is not None else 15


def assistant_load_on(assistant, day: datetime.date) -> int:
    """Distinct families assigned to the assistant on `day`."""
    return (
        Assignment.objects.filter(current_assignments(day), assistant=assistant)
        .values("case__family_id")
        .distinct()
        .count()
    )


def assistant_peak_load(assistant, start: datetime.date, *, exclude_family_id=None) -> int:
    """Most families assigned to the assistant at the same time on any day from `start`.

    Checks the start day and every later day an assignment begins (the only days
    the count can rise).
    """
    spans = list(
        Assignment.objects.filter(assistant=assistant)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
        .exclude(case__family_id=exclude_family_id)
        .values_list("case__family_id", "start_date", "end_date")
    )
    days = {start} | {s for _, s, _ in spans if s > start}
    peak = 0
    for day in days:
        families = {f for f, s, e in spans if s <= day and (e is None or e >= day)}
        peak = max(peak, len(families))
    return peak


@dataclass
class CaseloadRow:
    assistant: User
    load: int
    limit: int

    @property
    def over(self) -> bool:
        return self.load > self.limit

    @property
    def free(self) -> int:
        return max(self.limit - self.load, 0)


def caseload_board(office: Office, *, day: datetime.date | None = None) -> list[CaseloadRow]:
    """Each active assistant of the office with the families assigned on `day`."""
    day = day or timezone.localdate()
    limit = caseload_limit_on(office, day)
    on_day = Q(assignments__start_date__lte=day) & (
        Q(assignments__end_date__isnull=True) | Q(assignments__end_date__gte=day)
    )
    assistants = (
        User.objects.filter(office=office, is_active=True, role_assignments__role=Role.ASSISTANT)
        .annotate(load=Count("assignments__case__family", filter=on_day, distinct=True))
        .order_by("last_name", "first_name", "pk")
    )
    return [CaseloadRow(a, a.load, limit) for a in assistants]


def assistant_assignments(assistant) -> QuerySet[Assignment]:
    """Every assignment of the assistant, newest first (the caseload history)."""
    return (
        Assignment.objects.filter(assistant=assistant)
        .select_related("case__family")
        .order_by("-start_date", "-pk")
    )


def office_assistants_for_assignment(office: Office) -> QuerySet[User]:
    return User.objects.filter(
        office=office, is_active=True, role_assignments__role=Role.ASSISTANT
    ).order_by("last_name", "first_name", "pk")


def caseload_limits(office: Office) -> QuerySet[CaseloadLimit]:
    return CaseloadLimit.objects.filter(Q(office=office) | Q(office__isnull=True)).order_by(
        "-valid_from", "office_id"
    )


def monitoring_due(user) -> QuerySet[Monitoring]:
    """Post-closure monitoring not yet done: the head's office, an assistant's own closures."""
    qs = Monitoring.objects.filter(case__in=visible_cases(user), done_on__isnull=True)
    if not user.has_role(Role.HEAD, Role.AUDITOR):
        last = Assignment.objects.filter(case=OuterRef("case_id")).order_by("-start_date", "-pk")
        qs = qs.annotate(last_assistant_id=Subquery(last.values("assistant_id")[:1])).filter(
            last_assistant_id=user.pk
        )
    return qs.select_related("case__family").order_by("due_on", "pk")
