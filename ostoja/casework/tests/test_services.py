"""Services of casework: lifecycle transitions, caseload limit, history, due dates."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ostoja.casework import selectors, services
from ostoja.casework.models import (
    Assignment,
    AssignmentEndReason,
    CaseloadLimit,
    CaseStatus,
    ClosureReason,
    DecisionKind,
    LegalBasis,
    MonitoringResult,
    OutcomeKind,
    add_months,
)
from ostoja.casework.services import TRANSITIONS
from ostoja.casework.tests.scenarios import (
    active_case,
    closed_case,
    new_family,
    requested_case,
    worked_case,
)
from ostoja.common.exceptions import ApplicationError

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def konin(demo):
    return demo["konin"]


def test_add_months_clamps_to_month_end():
    assert add_months(datetime.date(2026, 8, 31), 6) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2026, 1, 15), -6) == datetime.date(2025, 7, 15)


# --- transitions ---------------------------------------------------------------------


def test_transitions_table_covers_every_status():
    assert set(TRANSITIONS) == set(CaseStatus.values)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind,status",
    [
        (DecisionKind.GRANTED, CaseStatus.GRANTED),
        (DecisionKind.WAITING_LIST, CaseStatus.WAITING),
        (DecisionKind.REFUSED, CaseStatus.REFUSED),
    ],
)
def test_decision_moves_request(konin, kind, status):
    case = requested_case(konin, new_family(konin, "Rodzina Nowaków"))
    decision = services.case_decide(
        acting_user=konin["head"], case=case, kind=kind, decided_on=TODAY, note="uzasadnienie"
    )
    case.refresh_from_db()
    assert case.status == status
    assert decision.decided_by == konin["head"]


@pytest.mark.django_db
def test_waiting_list_then_granted_keeps_both_decisions(konin):
    case = requested_case(konin, new_family(konin, "Rodzina Nowaków"))
    head = konin["head"]
    services.case_decide(
        acting_user=head, case=case, kind=DecisionKind.WAITING_LIST, decided_on=TODAY
    )
    services.case_decide(acting_user=head, case=case, kind=DecisionKind.GRANTED, decided_on=TODAY)
    assert [d.kind for d in case.decisions.all()] == ["waiting_list", "granted"]
    assert case.status == CaseStatus.GRANTED


@pytest.mark.django_db
def test_refusal_requires_a_reason(konin):
    case = requested_case(konin, new_family(konin, "Rodzina Nowaków"))
    with pytest.raises(ApplicationError, match="uzasadnienie odmowy"):
        services.case_decide(
            acting_user=konin["head"], case=case, kind=DecisionKind.REFUSED, decided_on=TODAY
        )


@pytest.mark.django_db
def test_illegal_transitions_are_refused_in_polish(konin):
    case = active_case(konin, new_family(konin, "Rodzina Nowaków"))
    with pytest.raises(ApplicationError, match="Nie można zmienić statusu sprawy z „w toku”"):
        services.case_decide(
            acting_user=konin["head"], case=case, kind=DecisionKind.GRANTED, decided_on=TODAY
        )
    refused = requested_case(konin, new_family(konin, "Rodzina Wiśniewskich"))
    services.case_decide(
        acting_user=konin["head"],
        case=refused,
        kind=DecisionKind.REFUSED,
        decided_on=TODAY,
        note="brak przesłanek",
    )
    with pytest.raises(ApplicationError, match="dopiero po decyzji"):
        services.case_assign(
            acting_user=konin["head"], case=refused, assistant=konin["assistant"], start_date=TODAY
        )
    with pytest.raises(ApplicationError):
        services.case_transition(acting_user=konin["head"], case=refused, status=CaseStatus.ACTIVE)


@pytest.mark.django_db
def test_request_cannot_be_assigned_before_a_decision(konin):
    case = requested_case(konin, new_family(konin, "Rodzina Nowaków"))
    with pytest.raises(ApplicationError, match="dopiero po decyzji"):
        services.case_assign(
            acting_user=konin["head"], case=case, assistant=konin["assistant"], start_date=TODAY
        )


@pytest.mark.django_db
def test_closed_case_cannot_be_closed_again(konin):
    case = closed_case(konin, new_family(konin, "Rodzina Nowaków"))
    with pytest.raises(ApplicationError, match="z „zakończona”"):
        services.case_close(
            acting_user=konin["head"],
            case=case,
            closed_on=TODAY,
            reason=ClosureReason.objects.get(code="other"),
            reason_text="x",
        )
    with pytest.raises(ApplicationError, match="z „zakończona”"):
        services.case_transition(acting_user=konin["head"], case=case, status=CaseStatus.CLOSED)


@pytest.mark.django_db
def test_only_one_open_case_per_family(konin):
    family = new_family(konin, "Rodzina Nowaków")
    requested_case(konin, family)
    with pytest.raises(ApplicationError, match="ma już otwartą sprawę"):
        requested_case(konin, family)


@pytest.mark.django_db
def test_court_obliged_request_needs_court_and_date(konin):
    family = new_family(konin, "Rodzina Nowaków")
    with pytest.raises(ApplicationError, match=r"art\. 109 KRO"):
        requested_case(konin, family, legal_basis=LegalBasis.COURT_OBLIGED)
    case = requested_case(
        konin,
        family,
        legal_basis=LegalBasis.COURT_OBLIGED,
        requested_by_kind="court",
        court_name="Sąd Rejonowy w Koninie",
        court_order_date=TODAY,
    )
    assert case.legal_basis == "court_obliged"


# --- permissions inside services -----------------------------------------------------


@pytest.mark.django_db
def test_who_may_request_decide_and_assign(konin, demo):
    family = new_family(konin, "Rodzina Nowaków")
    for role in ("assistant", "auditor", "partner", "administrator"):
        with pytest.raises(PermissionDenied):
            services.case_request_create(acting_user=konin[role], family=family, requested_on=TODAY)
    other_head = demo["wieruszow"]["head"]
    with pytest.raises(PermissionDenied):
        services.case_request_create(acting_user=other_head, family=family, requested_on=TODAY)
    case = requested_case(konin, family)
    for user in (konin["social_worker"], konin["assistant"], other_head):
        with pytest.raises(PermissionDenied):
            services.case_decide(
                acting_user=user, case=case, kind=DecisionKind.GRANTED, decided_on=TODAY
            )


@pytest.mark.django_db
def test_only_current_assistant_or_head_works_on_case(konin, demo):
    case = active_case(konin, new_family(konin, "Rodzina Nowaków"))
    for user in (konin["social_worker"], konin["auditor"], demo["wieruszow"]["assistant"]):
        with pytest.raises(PermissionDenied):
            services.contact_create(
                acting_user=user, case=case, date=TODAY, form="phone", duration_minutes=10
            )
    contact = services.contact_create(
        acting_user=konin["assistant"], case=case, date=TODAY, form="phone", duration_minutes=10
    )
    assert contact.assistant == konin["assistant"]


@pytest.mark.django_db
def test_future_and_pre_opening_dates_are_refused(konin):
    case = active_case(konin, new_family(konin, "Rodzina Nowaków"), on=TODAY - 10 * DAY)
    with pytest.raises(ApplicationError, match="z przyszłości"):
        services.contact_create(
            acting_user=konin["assistant"],
            case=case,
            date=TODAY + DAY,
            form="phone",
            duration_minutes=10,
        )
    with pytest.raises(ApplicationError, match="wcześniejsza niż początek pracy"):
        services.assessment_create(
            acting_user=konin["assistant"],
            case=case,
            assessed_on=TODAY - 20 * DAY,
            progress="unchanged",
            summary="x",
        )


# --- assignment, reassignment, limit -------------------------------------------------


@pytest.mark.django_db
def test_reassignment_keeps_history_and_read_only_access(konin, demo):
    second = _extra_assistant(konin)
    case = active_case(konin, new_family(konin, "Rodzina Nowaków"), on=TODAY - 30 * DAY)
    services.case_assign(
        acting_user=konin["head"], case=case, assistant=second, start_date=TODAY - 5 * DAY
    )
    history = list(case.assignments.order_by("start_date"))
    assert [(a.assistant, a.start_date, a.end_date, a.end_reason) for a in history] == [
        (konin["assistant"], TODAY - 30 * DAY, TODAY - 6 * DAY, AssignmentEndReason.REASSIGNED),
        (second, TODAY - 5 * DAY, None, ""),
    ]
    first = konin["assistant"]
    assert first.has_perm("casework.view_case", case)
    assert not first.has_perm("casework.work_case", case)
    assert second.has_perm("casework.work_case", case)


@pytest.mark.django_db
def test_reassignment_must_start_after_current_assignment(konin, demo):
    case = active_case(konin, new_family(konin, "Rodzina Nowaków"))
    with pytest.raises(ApplicationError, match="już pracuje"):
        services.case_assign(
            acting_user=konin["head"], case=case, assistant=konin["assistant"], start_date=TODAY
        )


@pytest.mark.django_db
def test_assignee_must_be_an_assistant_of_the_office(konin, demo):
    case = requested_case(konin, new_family(konin, "Rodzina Nowaków"))
    services.case_decide(
        acting_user=konin["head"], case=case, kind=DecisionKind.GRANTED, decided_on=TODAY
    )
    for user in (konin["social_worker"], demo["wieruszow"]["assistant"]):
        with pytest.raises(ApplicationError, match="nie jest asystentem"):
            services.case_assign(
                acting_user=konin["head"], case=case, assistant=user, start_date=TODAY
            )


def _fill_caseload(konin, n: int, *, on: datetime.date):
    for i in range(n):
        active_case(konin, new_family(konin, f"Rodzina Limitowa{i}", children=0), on=on)


@pytest.mark.django_db
def test_sixteenth_family_is_refused_and_accepted_with_override(konin):
    assistant = konin["assistant"]
    start = TODAY - 40 * DAY
    existing = selectors.assistant_load_on(assistant, start)  # demo cases start later
    _fill_caseload(konin, 15 - existing, on=start)
    assert selectors.caseload_limit_on(konin["head"].office, TODAY) == 15
    assert selectors.assistant_load_on(assistant, TODAY) == 15
    family = new_family(konin, "Rodzina Szesnasta")
    case = requested_case(konin, family, on=TODAY)
    services.case_decide(
        acting_user=konin["head"], case=case, kind=DecisionKind.GRANTED, decided_on=TODAY
    )
    with pytest.raises(ApplicationError, match="ma już 15 rodzin") as exc:
        services.case_assign(
            acting_user=konin["head"], case=case, assistant=assistant, start_date=TODAY
        )
    assert exc.value.extra["over_limit"] is True
    assert not Assignment.objects.filter(case=case).exists()
    reason = "Rodzina w kryzysie, brak innego asystenta; przejściowo do końca miesiąca."
    assignment = services.case_assign(
        acting_user=konin["head"],
        case=case,
        assistant=assistant,
        start_date=TODAY,
        override_reason=reason,
    )
    assert assignment.override_reason == reason
    assert selectors.assistant_load_on(assistant, TODAY) == 16
    entry = LogEntry.objects.get_for_object(assignment).get()
    assert entry.changes_dict["override_reason"][1] == reason
    assert entry.additional_data["office_id"] == konin["head"].office_id


@pytest.mark.django_db
def test_limit_is_effective_dated_and_a_change_is_data(konin):
    office = konin["head"].office
    assert selectors.caseload_limit_on(office, datetime.date(2014, 6, 1)) == 20
    assert selectors.caseload_limit_on(office, datetime.date(2017, 6, 1)) == 15
    CaseloadLimit.objects.create(office=None, valid_from=TODAY + 365 * DAY, limit=10)
    assert selectors.caseload_limit_on(office, TODAY + 400 * DAY) == 10
    services.caseload_limit_set(
        acting_user=konin["head"], office=office, valid_from=TODAY - DAY, limit=12
    )
    assert selectors.caseload_limit_on(office, TODAY) == 12
    assert selectors.caseload_limit_on(office, datetime.date(2017, 6, 1)) == 15
    with pytest.raises(PermissionDenied):
        services.caseload_limit_set(
            acting_user=konin["assistant"], office=office, valid_from=TODAY, limit=14
        )


def _extra_assistant(konin, username="konin.asystent2"):
    from ostoja.accounts.services import user_create

    return user_create(
        username=username,
        password="x-Strong-Passw0rd!",
        office=konin["head"].office,
        roles=["assistant"],
        first_name="Zofia",
        last_name="Druga",
    )


@pytest.mark.django_db
def test_limit_counts_families_at_the_same_time_only(konin):
    """A family whose work ended before the new start does not count; an open one does."""
    assistant = _extra_assistant(konin)
    start = TODAY - 300 * DAY
    services.caseload_limit_set(
        acting_user=konin["head"], office=konin["head"].office, valid_from=start, limit=1
    )
    early = active_case(konin, new_family(konin, "Rodzina Pierwsza"), on=start, assistant=assistant)
    services.case_close(
        acting_user=assistant,
        case=early,
        closed_on=start + 10 * DAY,
        reason=ClosureReason.objects.get(code="moved_away"),
    )
    active_case(konin, new_family(konin, "Rodzina Druga"), on=start + 20 * DAY, assistant=assistant)
    assert selectors.assistant_load_on(assistant, start + 5 * DAY) == 1
    assert selectors.assistant_load_on(assistant, TODAY) == 1
    with pytest.raises(ApplicationError, match="ma już 1 rodzinę"):
        active_case(konin, new_family(konin, "Rodzina Trzecia"), assistant=assistant)
    # Starting before a later assignment counts that assignment too (peak from the start).
    assert selectors.assistant_peak_load(assistant, start + 15 * DAY) == 1


# --- work, due dates, closure, monitoring --------------------------------------------


@pytest.mark.django_db
def test_assessment_due_is_derived_and_overdue_listed(konin):
    opened = TODAY - 200 * DAY
    case = active_case(konin, new_family(konin, "Rodzina Nowaków"), on=opened)
    assert selectors.assessment_due_on(case) == add_months(opened, 6)
    overdue = selectors.overdue_assessments(konin["assistant"])
    assert case in overdue
    assert case in selectors.overdue_assessments(konin["head"])
    assert case not in selectors.overdue_assessments(konin["social_worker"])
    services.assessment_create(
        acting_user=konin["assistant"],
        case=case,
        assessed_on=TODAY - 10 * DAY,
        progress="unchanged",
        summary="Bez zmian.",
    )
    assert selectors.assessment_due_on(case) == add_months(TODAY - 10 * DAY, 6)
    assert case not in selectors.overdue_assessments(konin["assistant"])
    rows = {c.pk: c for c in selectors.my_families(konin["assistant"])}
    assert rows[case.pk].assessment_due == add_months(TODAY - 10 * DAY, 6)
    assert rows[case.pk].is_overdue is False


@pytest.mark.django_db
def test_closure_requires_reason_text_and_goal_attainment(konin):
    case = worked_case(konin, new_family(konin, "Rodzina Nowaków"))
    assistant = konin["assistant"]
    with pytest.raises(ApplicationError, match="Wybierz przyczynę"):
        services.case_close(acting_user=assistant, case=case, closed_on=TODAY, reason=None)
    other = ClosureReason.objects.get(code="other")
    with pytest.raises(ApplicationError, match="Opisz przyczynę"):
        services.case_close(acting_user=assistant, case=case, closed_on=TODAY, reason=other)
    with pytest.raises(ApplicationError, match="Oceń stopień osiągnięcia"):
        services.case_close(
            acting_user=assistant, case=case, closed_on=TODAY, reason=other, reason_text="x"
        )
    goal = case.plans.get().goals.get()
    services.case_close(
        acting_user=assistant,
        case=case,
        closed_on=TODAY,
        reason=other,
        reason_text="Rodzina wyjechała za granicę",
        attainments={goal.pk: "partly"},
    )
    case.refresh_from_db()
    goal.refresh_from_db()
    assert (case.status, case.closed_on, goal.attainment) == ("closed", TODAY, "partly")
    assignment = case.assignments.get()
    assert (assignment.end_date, assignment.end_reason) == (TODAY, "closed")
    assert case.monitoring.due_on == add_months(TODAY, 3)


@pytest.mark.django_db
def test_monitoring_relapse_reopens_as_a_new_case(konin):
    case = closed_case(konin, new_family(konin, "Rodzina Nowaków"))
    assert konin["assistant"].has_perm("casework.monitor_case", case)
    assert [m.case for m in selectors.monitoring_due(konin["assistant"])] == [case]
    assert list(selectors.monitoring_due(konin["social_worker"])) == []
    assert not konin["social_worker"].has_perm("casework.monitor_case", case)
    new = services.monitoring_record(
        acting_user=konin["assistant"],
        monitoring=case.monitoring,
        done_on=TODAY,
        result=MonitoringResult.RELAPSE,
        note="Powrót problemu alkoholowego",
        reopen=True,
    )
    assert new is not None and new.pk != case.pk
    assert (new.status, new.reopened_from, new.family) == ("requested", case, case.family)
    case.refresh_from_db()
    assert case.status == "closed"
    with pytest.raises(ApplicationError, match="już zapisany"):
        services.monitoring_record(
            acting_user=konin["head"], monitoring=case.monitoring, done_on=TODAY, result="stable"
        )


@pytest.mark.django_db
def test_outcome_person_must_belong_to_the_family(konin):
    case = active_case(konin, new_family(konin, "Rodzina Nowaków"))
    stranger = new_family(konin, "Rodzina Obcych").members.first()
    job = OutcomeKind.objects.get(code="employment_contract")
    with pytest.raises(ApplicationError, match="nie należy do rodziny"):
        services.outcome_create(
            acting_user=konin["assistant"], case=case, kind=job, achieved_on=TODAY, person=stranger
        )
    with pytest.raises(ApplicationError, match="wybierz członka rodziny"):
        services.outcome_create(
            acting_user=konin["assistant"], case=case, kind=job, achieved_on=TODAY
        )
    flat = OutcomeKind.objects.get(code="social_flat_granted")
    outcome = services.outcome_create(
        acting_user=konin["assistant"], case=case, kind=flat, achieved_on=TODAY
    )
    assert outcome.person is None


@pytest.mark.django_db
def test_dictionaries_hold_the_konin_categories():
    from ostoja.casework.models import InstitutionKind

    assert InstitutionKind.objects.filter(is_active=True).count() >= 11
    for code in (
        "addiction_therapy_inpatient",
        "addiction_therapy_outpatient",
        "counselling_centre_child",
        "employment_contract",
        "employment_abroad",
        "internship",
        "seasonal_work",
        "social_flat_granted",
        "social_flat_waiting_list",
        "psychiatric_support",
        "day_support_centre",
        "crisis_shelter",
        "parental_authority_restored",
    ):
        assert OutcomeKind.objects.filter(code=code).exists(), code
    assert set(ClosureReason.objects.values_list("code", flat=True)) >= {
        "goals_achieved",
        "family_withdrew",
        "moved_away",
        "no_effects",
        "children_placed",
        "court_order_changed",
        "no_basis",
        "other",
    }
