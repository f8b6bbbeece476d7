"""Writes of assistant cases: validated, stamped, audited, permission-checked.

Every status change goes through :func:`case_transition`, which checks
:data:`TRANSITIONS`.
"""

import datetime
import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ostoja.accounts.models import Office, Role
from ostoja.casework.models import (
    MONITORING_AFTER_MONTHS,
    Assessment,
    Assignment,
    AssignmentEndReason,
    AssistantCase,
    CaseloadLimit,
    CaseStatus,
    ClosureReason,
    Contact,
    Cooperation,
    Decision,
    DecisionKind,
    Goal,
    LegalBasis,
    Monitoring,
    MonitoringResult,
    Outcome,
    RequestedBy,
    WorkPlan,
    add_months,
)
from ostoja.casework.selectors import assistant_peak_load, caseload_limit_on
from ostoja.common.exceptions import ApplicationError
from ostoja.families.models import Family

logger = logging.getLogger(__name__)

#: Allowed status changes: from → the statuses it may go to.
TRANSITIONS: dict[str, frozenset[str]] = {
    CaseStatus.REQUESTED: frozenset({CaseStatus.GRANTED, CaseStatus.WAITING, CaseStatus.REFUSED}),
    CaseStatus.WAITING: frozenset({CaseStatus.GRANTED, CaseStatus.REFUSED}),
    CaseStatus.GRANTED: frozenset({CaseStatus.ACTIVE, CaseStatus.WAITING}),
    CaseStatus.ACTIVE: frozenset({CaseStatus.CLOSED}),
    CaseStatus.REFUSED: frozenset(),
    CaseStatus.CLOSED: frozenset(),
}

#: The permission the acting user needs to move a case into a status.
TRANSITION_PERMISSIONS: dict[str, str] = {
    CaseStatus.GRANTED: "casework.decide_case",
    CaseStatus.WAITING: "casework.decide_case",
    CaseStatus.REFUSED: "casework.decide_case",
    CaseStatus.ACTIVE: "casework.assign_case",
    CaseStatus.CLOSED: "casework.close_case",
}

#: Statuses in which the head may still decide on the request.
DECIDABLE = frozenset(s for s, targets in TRANSITIONS.items() if CaseStatus.REFUSED in targets)

DECISION_STATUS = {
    DecisionKind.GRANTED: CaseStatus.GRANTED,
    DecisionKind.WAITING_LIST: CaseStatus.WAITING,
    DecisionKind.REFUSED: CaseStatus.REFUSED,
}


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _not_future(day: datetime.date, field: str) -> None:
    if day > timezone.localdate():
        raise ApplicationError(_("%(field)s nie może być datą z przyszłości.") % {"field": field})


def _locked(case: AssistantCase) -> AssistantCase:
    """Re-read the case under a row lock so concurrent writes serialise."""
    return AssistantCase.objects.select_for_update().select_related("family").get(pk=case.pk)


def _check_version(case: AssistantCase, expected_version: int | None) -> None:
    """Refuse a stale edit: the case changed since the form was opened."""
    if expected_version is not None and case.version != expected_version:
        raise ApplicationError(
            _(
                "Ktoś inny zapisał zmiany w tym rekordzie, gdy go edytowałeś(-aś). "
                "Twoje dane są poniżej: sprawdź aktualną wersję i zapisz ponownie."
            )
        )


def _locked_current(case: AssistantCase, expected_version: int | None) -> AssistantCase:
    """Lock the case row and refuse a stale edit; return the current row."""
    current = _locked(case)
    _check_version(current, expected_version)
    return current


def _bump_version(case: AssistantCase, current: AssistantCase, acting_user, *fields: str) -> None:
    """Save `fields` of the case with a new version (every change of a case bumps it)."""
    case.version = current.version + 1
    case.stamp(acting_user)
    case.save(update_fields=[*fields, "version", "modified_by", "modified_at"])


def _refuse_duplicate(exists: bool, record) -> None:
    """Double-submit safety: refuse a record identical to one already saved.

    Called under the case's row lock, so two submits of one form serialise and the
    second one finds the first record.
    """
    if exists:
        raise ApplicationError(
            _(
                "Identyczny wpis (%(record)s) jest już zapisany w tej sprawie, więc nie "
                "zapisano go drugi raz. Czy formularz nie został wysłany dwukrotnie?"
            )
            % {"record": record._meta.verbose_name}
        )


def _check_transition(old: str, new: str) -> None:
    if new not in TRANSITIONS[old]:
        raise ApplicationError(
            _("Nie można zmienić statusu sprawy z „%(old)s” na „%(new)s”.")
            % {"old": CaseStatus(old).label, "new": CaseStatus(new).label}
        )


@transaction.atomic
def case_transition(*, acting_user, case: AssistantCase, status: str) -> AssistantCase:
    """Move a case to `status` if TRANSITIONS allows it; the one place status changes."""
    _require(acting_user, TRANSITION_PERMISSIONS.get(status, "casework.decide_case"), case)
    current = _locked(case)
    _check_transition(current.status, status)
    case.status = status
    case.version = current.version + 1
    case.stamp(acting_user)
    case.save(update_fields=["status", "version", "modified_by", "modified_at"])
    return case


# --- request and decision ------------------------------------------------------------


@transaction.atomic
def case_request_create(
    *,
    acting_user,
    family,
    requested_on: datetime.date,
    requested_by_kind: str = RequestedBy.SOCIAL_WORKER,
    legal_basis: str = LegalBasis.VOLUNTARY,
    court_name: str = "",
    court_case_number: str = "",
    court_order_date: datetime.date | None = None,
    request_reason: str = "",
    reopened_from: AssistantCase | None = None,
) -> AssistantCase:
    """File a request for a family assistant for a family (art. 11 ust. 3, court, family)."""
    if reopened_from is None:
        _require(acting_user, "casework.request_case", family)
    else:
        _require(acting_user, "casework.monitor_case", reopened_from)
    _not_future(requested_on, _("Data wniosku"))
    # Lock the family row: two submits of the same request serialise here and the
    # second one finds the first case (double-submit safe).
    Family.objects.select_for_update().filter(pk=family.pk).first()
    if AssistantCase.objects.filter(
        family=family,
        status__in=[
            CaseStatus.REQUESTED,
            CaseStatus.WAITING,
            CaseStatus.GRANTED,
            CaseStatus.ACTIVE,
        ],
    ).exists():
        raise ApplicationError(
            _("Ta rodzina ma już otwartą sprawę asystencką lub wniosek czekający na decyzję.")
        )
    if legal_basis == LegalBasis.COURT_OBLIGED and not (court_name and court_order_date):
        raise ApplicationError(
            _("Przy zobowiązaniu przez sąd podaj sąd i datę postanowienia (art. 109 KRO).")
        )
    case = AssistantCase(
        office_id=family.office_id,
        family=family,
        requested_on=requested_on,
        requested_by_kind=requested_by_kind,
        requested_by=acting_user if acting_user.has_role(Role.SOCIAL_WORKER) else None,
        legal_basis=legal_basis,
        court_name=court_name,
        court_case_number=court_case_number,
        court_order_date=court_order_date,
        request_reason=request_reason,
        reopened_from=reopened_from,
    )
    case.stamp(acting_user)
    case.full_clean()
    case.save()
    return case


@transaction.atomic
def case_decide(
    *,
    acting_user,
    case: AssistantCase,
    kind: str,
    decided_on: datetime.date,
    note: str = "",
    expected_version: int | None = None,
) -> Decision:
    """Record the head's decision on a request and move the case accordingly."""
    _require(acting_user, "casework.decide_case", case)
    current = _locked_current(case, expected_version)
    _not_future(decided_on, _("Data decyzji"))
    if decided_on < current.requested_on:
        raise ApplicationError(_("Decyzja nie może być wcześniejsza niż wniosek."))
    if kind == DecisionKind.REFUSED and not note.strip():
        raise ApplicationError(_("Podaj uzasadnienie odmowy."))
    case_transition(acting_user=acting_user, case=case, status=DECISION_STATUS[DecisionKind(kind)])
    decision = Decision(
        case=case, kind=kind, decided_on=decided_on, decided_by=acting_user, note=note
    )
    decision.stamp(acting_user)
    decision.full_clean()
    decision.save()
    return decision


# --- assignment and the caseload limit -----------------------------------------------


@transaction.atomic
def case_assign(
    *,
    acting_user,
    case: AssistantCase,
    assistant,
    start_date: datetime.date,
    override_reason: str = "",
    funding_source: str = "",
    expected_version: int | None = None,
) -> Assignment:
    """Assign (or reassign) an assistant, within the caseload limit unless overridden.

    A reassignment ends the current assignment the day before `start_date`, so the
    history of who worked with the family stays complete.
    """
    _require(acting_user, "casework.assign_case", case)
    current = _locked_current(case, expected_version)
    if assistant.office_id != current.office_id or not assistant.has_role(Role.ASSISTANT):
        raise ApplicationError(_("Wybrana osoba nie jest asystentem rodziny w tym ośrodku."))
    _not_future(start_date, _("Data przydzielenia"))
    open_assignment = current.assignments.filter(end_date__isnull=True).first()
    if current.status == CaseStatus.ACTIVE:
        if open_assignment is None:
            raise ApplicationError(_("Sprawa nie ma bieżącego przydziału do zmiany."))
        if open_assignment.assistant_id == assistant.pk:
            raise ApplicationError(_("Ten asystent już pracuje z tą rodziną."))
        if start_date <= open_assignment.start_date:
            raise ApplicationError(
                _("Nowy przydział musi zacząć się po początku obecnego (%(day)s).")
                % {"day": f"{open_assignment.start_date:%d.%m.%Y}"}
            )
    elif current.status not in TRANSITIONS or CaseStatus.ACTIVE not in TRANSITIONS[current.status]:
        raise ApplicationError(
            _("Asystenta można przydzielić dopiero po decyzji o przyznaniu (status: „%(s)s”).")
            % {"s": CaseStatus(current.status).label}
        )
    elif start_date < current.requested_on:
        raise ApplicationError(_("Przydział nie może być wcześniejszy niż wniosek."))

    limit = caseload_limit_on(current.office, start_date)
    load = assistant_peak_load(assistant, start_date, exclude_family_id=current.family_id)
    override_reason = override_reason.strip()
    if load + 1 > limit:
        if not override_reason:
            raise ApplicationError(
                ngettext(
                    "Asystent ma już %(load)s rodzinę, limit to %(limit)s.",
                    "Asystent ma już %(load)s rodzin, limit to %(limit)s.",
                    load,
                )
                % {"load": load, "limit": limit}
                + " "
                + _("Przydział ponad limit (art. 15 ust. 4) wymaga pisemnego uzasadnienia."),
                extra={"over_limit": True, "load": load, "limit": limit},
            )
        if not acting_user.has_role(Role.HEAD):
            raise PermissionDenied
        logger.warning(
            "Caseload limit overridden: case %s, assistant %s, load %s, limit %s, by %s",
            current.pk,
            assistant.pk,
            load + 1,
            limit,
            acting_user.pk,
        )
    else:
        override_reason = ""

    if open_assignment is not None:
        open_assignment.end_date = start_date - datetime.timedelta(days=1)
        open_assignment.end_reason = AssignmentEndReason.REASSIGNED
        open_assignment.stamp(acting_user)
        open_assignment.full_clean()
        open_assignment.save()
    assignment = Assignment(
        case=current,
        assistant=assistant,
        start_date=start_date,
        funding_source=funding_source,
        override_reason=override_reason,
    )
    assignment.stamp(acting_user)
    assignment.full_clean()
    assignment.save()
    if current.status != CaseStatus.ACTIVE:
        case_transition(acting_user=acting_user, case=case, status=CaseStatus.ACTIVE)
        case.opened_on = start_date
        case.save(update_fields=["opened_on"])
    else:
        _bump_version(case, current, acting_user)
    return assignment


@transaction.atomic
def case_record_consent(
    *,
    acting_user,
    case: AssistantCase,
    consent_on: datetime.date,
    expected_version: int | None = None,
):
    """Record the day the family consented to work with the assistant."""
    _require(acting_user, "casework.work_case", case)
    current = _locked_current(case, expected_version)
    _not_future(consent_on, _("Data zgody"))
    case.consent_on = consent_on
    case.full_clean()
    _bump_version(case, current, acting_user, "consent_on")
    return case


# --- the work ------------------------------------------------------------------------


def _check_in_case(case: AssistantCase, day: datetime.date, field: str) -> None:
    _not_future(day, field)
    if case.opened_on and day < case.opened_on:
        raise ApplicationError(
            _("%(field)s nie może być wcześniejsza niż początek pracy z rodziną (%(day)s).")
            % {"field": field, "day": f"{case.opened_on:%d.%m.%Y}"}
        )


@transaction.atomic
def plan_create(
    *,
    acting_user,
    case: AssistantCase,
    drawn_up_on: datetime.date,
    co_signed_on: datetime.date | None = None,
    consulted_on: datetime.date | None = None,
    coordinated_with_child_plan: bool = False,
) -> WorkPlan:
    """Draw up a work plan with the family."""
    _require(acting_user, "casework.work_case", case)
    _check_in_case(case, drawn_up_on, _("Data sporządzenia planu"))
    if co_signed_on and co_signed_on < drawn_up_on:
        raise ApplicationError(_("Rodzina nie mogła podpisać planu przed jego sporządzeniem."))
    _locked(case)
    _refuse_duplicate(
        WorkPlan.objects.filter(
            case=case,
            drawn_up_on=drawn_up_on,
            co_signed_on=co_signed_on,
            consulted_on=consulted_on,
            coordinated_with_child_plan=coordinated_with_child_plan,
        ).exists(),
        WorkPlan,
    )
    plan = WorkPlan(
        case=case,
        drawn_up_on=drawn_up_on,
        co_signed_on=co_signed_on,
        consulted_on=consulted_on,
        coordinated_with_child_plan=coordinated_with_child_plan,
    )
    plan.stamp(acting_user)
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def goal_create(
    *,
    acting_user,
    plan: WorkPlan,
    description: str,
    deadline: datetime.date,
    expected_effect: str,
    actions: str = "",
    responsible: str = "",
) -> Goal:
    """Add a goal with its deadline and expected effect to a plan."""
    _require(acting_user, "casework.work_case", plan.case)
    if deadline < plan.drawn_up_on:
        raise ApplicationError(_("Termin realizacji celu nie może poprzedzać daty planu."))
    _locked(plan.case)
    _refuse_duplicate(
        Goal.objects.filter(
            plan=plan,
            description=description,
            deadline=deadline,
            expected_effect=expected_effect,
            actions=actions,
            responsible=responsible,
        ).exists(),
        Goal,
    )
    goal = Goal(
        plan=plan,
        description=description,
        deadline=deadline,
        expected_effect=expected_effect,
        actions=actions,
        responsible=responsible,
    )
    goal.stamp(acting_user)
    goal.full_clean()
    goal.save()
    return goal


@transaction.atomic
def contact_create(
    *,
    acting_user,
    case: AssistantCase,
    date: datetime.date,
    form: str,
    duration_minutes: int,
    tasks=(),
    note: str = "",
) -> Contact:
    """Record a contact of the assistant with the family."""
    _require(acting_user, "casework.work_case", case)
    _check_in_case(case, date, _("Data kontaktu"))
    _locked(case)
    task_ids = {getattr(t, "pk", t) for t in tasks}
    same = Contact.objects.filter(
        case=case,
        assistant=acting_user,
        date=date,
        form=form,
        duration_minutes=duration_minutes,
        note=note,
    ).prefetch_related("tasks")
    _refuse_duplicate(any({t.pk for t in c.tasks.all()} == task_ids for c in same), Contact)
    contact = Contact(
        case=case,
        assistant=acting_user,
        date=date,
        form=form,
        duration_minutes=duration_minutes,
        note=note,
    )
    contact.stamp(acting_user)
    contact.full_clean()
    contact.save()
    contact.tasks.set(tasks)
    return contact


@transaction.atomic
def assessment_create(
    *,
    acting_user,
    case: AssistantCase,
    assessed_on: datetime.date,
    progress: str,
    summary: str,
    recommendations: str = "",
) -> Assessment:
    """Record a periodic assessment of the family's situation."""
    _require(acting_user, "casework.work_case", case)
    _check_in_case(case, assessed_on, _("Data oceny"))
    _locked(case)
    _refuse_duplicate(
        Assessment.objects.filter(
            case=case,
            assessed_on=assessed_on,
            progress=progress,
            summary=summary,
            recommendations=recommendations,
        ).exists(),
        Assessment,
    )
    assessment = Assessment(
        case=case,
        assessed_on=assessed_on,
        progress=progress,
        summary=summary,
        recommendations=recommendations,
    )
    assessment.stamp(acting_user)
    assessment.full_clean()
    assessment.save()
    return assessment


def _check_person(case: AssistantCase, person) -> None:
    if person is not None and person.family_id != case.family_id:
        raise ApplicationError(_("Ta osoba nie należy do rodziny z tej sprawy."))


@transaction.atomic
def cooperation_create(
    *,
    acting_user,
    case: AssistantCase,
    institution_kind,
    purpose: str,
    started_on: datetime.date,
    ended_on: datetime.date | None = None,
    institution_name: str = "",
    partner=None,
    person=None,
) -> Cooperation:
    """Record cooperation with an institution for the family or one member."""
    _require(acting_user, "casework.work_case", case)
    _not_future(started_on, _("Początek współpracy"))
    _check_person(case, person)
    if partner is not None and partner.office_id != case.office_id:
        raise ApplicationError(_("Ta instytucja nie należy do ośrodka."))
    _locked(case)
    _refuse_duplicate(
        Cooperation.objects.filter(
            case=case,
            institution_kind=institution_kind,
            institution_name=institution_name,
            partner=partner,
            person=person,
            purpose=purpose,
            started_on=started_on,
            ended_on=ended_on,
        ).exists(),
        Cooperation,
    )
    cooperation = Cooperation(
        case=case,
        institution_kind=institution_kind,
        institution_name=institution_name,
        partner=partner,
        person=person,
        purpose=purpose,
        started_on=started_on,
        ended_on=ended_on,
    )
    cooperation.stamp(acting_user)
    cooperation.full_clean()
    cooperation.save()
    return cooperation


@transaction.atomic
def outcome_create(
    *,
    acting_user,
    case: AssistantCase,
    kind,
    achieved_on: datetime.date,
    person=None,
    ended_on: datetime.date | None = None,
    institution: str = "",
    note: str = "",
) -> Outcome:
    """Record an outcome of the work for a person or the family."""
    _require(acting_user, "casework.work_case", case)
    _not_future(achieved_on, _("Data efektu"))
    _check_person(case, person)
    if kind.level == "person" and person is None:
        raise ApplicationError(_("Ten rodzaj efektu dotyczy osoby: wybierz członka rodziny."))
    _locked(case)
    _refuse_duplicate(
        Outcome.objects.filter(
            case=case,
            kind=kind,
            person=person,
            achieved_on=achieved_on,
            ended_on=ended_on,
            institution=institution,
            note=note,
        ).exists(),
        Outcome,
    )
    outcome = Outcome(
        case=case,
        kind=kind,
        person=person,
        achieved_on=achieved_on,
        ended_on=ended_on,
        institution=institution,
        note=note,
    )
    outcome.stamp(acting_user)
    outcome.full_clean()
    outcome.save()
    return outcome


# --- closure and monitoring ----------------------------------------------------------


@transaction.atomic
def case_close(
    *,
    acting_user,
    case: AssistantCase,
    closed_on: datetime.date,
    reason: ClosureReason | None,
    reason_text: str = "",
    final_assessment: str = "",
    attainments: dict[int, str] | None = None,
    expected_version: int | None = None,
) -> AssistantCase:
    """End the work with the family: reason, per-goal attainment, monitoring due date."""
    _require(acting_user, "casework.close_case", case)
    current = _locked_current(case, expected_version)
    _check_transition(current.status, CaseStatus.CLOSED)
    if reason is None:
        raise ApplicationError(_("Wybierz przyczynę zakończenia współpracy."))
    if reason.requires_text and not reason_text.strip():
        raise ApplicationError(_("Opisz przyczynę zakończenia współpracy."))
    _check_in_case(current, closed_on, _("Data zakończenia"))
    attainments = attainments or {}
    goals = list(Goal.objects.filter(plan__case=case))
    missing = [g for g in goals if not attainments.get(g.pk)]
    if missing:
        raise ApplicationError(
            _("Oceń stopień osiągnięcia każdego celu planu (brak oceny: %(goals)s).")
            % {"goals": "; ".join(str(g) for g in missing)}
        )
    case_transition(acting_user=acting_user, case=case, status=CaseStatus.CLOSED)
    for goal in goals:
        goal.attainment = attainments[goal.pk]
        goal.stamp(acting_user)
        goal.full_clean()
        goal.save(update_fields=["attainment", "modified_by", "modified_at"])
    for assignment in case.assignments.filter(end_date__isnull=True):
        assignment.end_date = max(closed_on, assignment.start_date)
        assignment.end_reason = AssignmentEndReason.CLOSED
        assignment.stamp(acting_user)
        assignment.save()
    case.closed_on = closed_on
    case.closure_reason = reason
    case.closure_reason_text = reason_text
    case.final_assessment = final_assessment
    case.full_clean()
    case.save(
        update_fields=["closed_on", "closure_reason", "closure_reason_text", "final_assessment"]
    )
    monitoring = Monitoring(case=case, due_on=add_months(closed_on, MONITORING_AFTER_MONTHS))
    monitoring.stamp(acting_user)
    monitoring.save()
    return case


@transaction.atomic
def monitoring_record(
    *,
    acting_user,
    monitoring: Monitoring,
    done_on: datetime.date,
    result: str,
    note: str = "",
    reopen: bool = False,
    expected_version: int | None = None,
) -> AssistantCase | None:
    """Record the post-closure monitoring; on request, file a new case (re-open)."""
    case = monitoring.case
    _require(acting_user, "casework.monitor_case", case)
    current = _locked_current(case, expected_version)
    _not_future(done_on, _("Data monitoringu"))
    if current.closed_on and done_on < current.closed_on:
        raise ApplicationError(_("Monitoring nie może być wcześniejszy niż zakończenie sprawy."))
    if Monitoring.objects.filter(pk=monitoring.pk, done_on__isnull=False).exists():
        raise ApplicationError(_("Monitoring tej sprawy został już zapisany."))
    monitoring.done_on = done_on
    monitoring.result = result
    monitoring.note = note
    monitoring.stamp(acting_user)
    monitoring.full_clean()
    monitoring.save()
    _bump_version(case, current, acting_user)
    if not reopen:
        return None
    if result == MonitoringResult.STABLE:
        raise ApplicationError(_("Wznowić można tylko sprawę, w której sytuacja się pogorszyła."))
    return case_request_create(
        acting_user=acting_user,
        family=case.family,
        requested_on=done_on,
        requested_by_kind=RequestedBy.OTHER,
        legal_basis=case.legal_basis,
        court_name=case.court_name,
        court_case_number=case.court_case_number,
        court_order_date=case.court_order_date,
        request_reason=_("Wznowienie po monitoringu: %(note)s") % {"note": note},
        reopened_from=case,
    )


# --- settings ------------------------------------------------------------------------


@transaction.atomic
def caseload_limit_set(
    *, acting_user, office: Office, valid_from: datetime.date, limit: int, note: str = ""
) -> CaseloadLimit:
    """Set the office's caseload limit from a date (a new row; history stays)."""
    _require(acting_user, "casework.manage_limits")
    if acting_user.office_id != office.pk:
        raise PermissionDenied
    if limit < 1 or limit > 20:
        raise ApplicationError(_("Limit musi wynosić od 1 do 20 rodzin (art. 15 ust. 4)."))
    row, _created = CaseloadLimit.objects.update_or_create(
        office=office, valid_from=valid_from, defaults={"limit": limit, "note": note}
    )
    return row
