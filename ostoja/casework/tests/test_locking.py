"""No lost work in casework: stale edits of a case are refused, double submits too."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ostoja.casework import services
from ostoja.casework.models import (
    AssistantCase,
    CaseStatus,
    ClosureReason,
    Contact,
    Decision,
    DecisionKind,
    Monitoring,
    MonitoringResult,
    TaskCode,
)
from ostoja.casework.tests.scenarios import (
    active_case,
    closed_case,
    new_family,
    requested_case,
    worked_case,
)
from ostoja.common.exceptions import ApplicationError

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
STALE = "Ktoś inny zapisał zmiany"


@pytest.fixture
def konin(demo):
    return demo["konin"]


def _version(case) -> int:
    return AssistantCase.objects.get(pk=case.pk).version


# --- services ------------------------------------------------------------------------


def test_decision_with_a_stale_version_is_refused_and_saves_nothing(konin):
    case = requested_case(konin, new_family(konin, "Rodzina Wersja"))
    stale = _version(case)
    services.case_decide(
        acting_user=konin["head"],
        case=case,
        kind=DecisionKind.WAITING_LIST,
        decided_on=TODAY,
        expected_version=stale,
    )
    assert _version(case) == stale + 1
    with pytest.raises(ApplicationError, match=STALE):
        services.case_decide(
            acting_user=konin["head"],
            case=case,
            kind=DecisionKind.GRANTED,
            decided_on=TODAY,
            expected_version=stale,
        )
    assert Decision.objects.filter(case=case).count() == 1
    assert AssistantCase.objects.get(pk=case.pk).status == CaseStatus.WAITING
    services.case_decide(
        acting_user=konin["head"],
        case=case,
        kind=DecisionKind.GRANTED,
        decided_on=TODAY,
        expected_version=stale + 1,
    )
    assert _version(case) == stale + 2


def test_every_case_edit_bumps_the_version_and_refuses_the_old_one(konin):
    case = active_case(konin, new_family(konin, "Rodzina Przydział"))
    v = _version(case)
    services.case_record_consent(
        acting_user=konin["assistant"], case=case, consent_on=TODAY, expected_version=v
    )
    with pytest.raises(ApplicationError, match=STALE):
        services.case_record_consent(
            acting_user=konin["assistant"], case=case, consent_on=TODAY, expected_version=v
        )
    assert _version(case) == v + 1


def test_assignment_with_a_stale_version_is_refused(konin):
    other = konin["assistant"]
    case = active_case(
        konin, new_family(konin, "Rodzina Zmiana"), on=TODAY - datetime.timedelta(days=10)
    )
    v = _version(case)
    with pytest.raises(ApplicationError, match=STALE):
        services.case_assign(
            acting_user=konin["head"],
            case=case,
            assistant=other,
            start_date=TODAY,
            expected_version=v - 1,
        )
    assert case.assignments.count() == 1


def test_closure_with_a_stale_version_keeps_the_case_open(konin):
    case = worked_case(konin, new_family(konin, "Rodzina Zamykana"))
    goals = {g.pk: "achieved" for g in case.plans.get().goals.all()}
    stale = _version(case) - 1
    with pytest.raises(ApplicationError, match=STALE):
        services.case_close(
            acting_user=konin["assistant"],
            case=case,
            closed_on=TODAY,
            reason=ClosureReason.objects.get(code="goals_achieved"),
            attainments=goals,
            expected_version=stale,
        )
    case.refresh_from_db()
    assert case.status == CaseStatus.ACTIVE
    assert not Monitoring.objects.filter(case=case).exists()
    assert not case.plans.get().goals.exclude(attainment="").exists()


def test_monitoring_with_a_stale_version_is_refused(konin):
    case = closed_case(konin, new_family(konin, "Rodzina Monitorowana"))
    v = _version(case)
    services.monitoring_record(
        acting_user=konin["head"],
        monitoring=case.monitoring,
        done_on=TODAY,
        result=MonitoringResult.STABLE,
        expected_version=v,
    )
    assert _version(case) == v + 1
    with pytest.raises(ApplicationError, match=STALE):
        services.monitoring_record(
            acting_user=konin["head"],
            monitoring=Monitoring.objects.get(case=case),
            done_on=TODAY,
            result=MonitoringResult.RELAPSE,
            expected_version=v,
        )
    assert Monitoring.objects.get(case=case).result == MonitoringResult.STABLE


def test_a_second_identical_contact_is_refused_but_a_different_one_is_saved(konin):
    case = active_case(konin, new_family(konin, "Rodzina Kontakt"))
    tasks = list(TaskCode.objects.filter(code__in=["work_plan"]))
    data = {
        "acting_user": konin["assistant"],
        "case": case,
        "date": TODAY,
        "form": "home_visit",
        "duration_minutes": 45,
        "note": "Wizyta",
        "tasks": tasks,
    }
    services.contact_create(**data)
    with pytest.raises(ApplicationError, match="nie zapisano go drugi raz"):
        services.contact_create(**data)
    assert Contact.objects.filter(case=case).count() == 1
    services.contact_create(**{**data, "tasks": []})
    services.contact_create(**{**data, "duration_minutes": 30})
    assert Contact.objects.filter(case=case).count() == 3


def test_a_second_identical_assessment_is_refused(konin):
    case = active_case(konin, new_family(konin, "Rodzina Ocena"))
    data = {
        "acting_user": konin["assistant"],
        "case": case,
        "assessed_on": TODAY,
        "progress": "improved",
        "summary": "Poprawa.",
    }
    services.assessment_create(**data)
    with pytest.raises(ApplicationError, match="nie zapisano go drugi raz"):
        services.assessment_create(**data)
    assert case.assessments.count() == 1


# --- pages ---------------------------------------------------------------------------


def test_close_form_carries_the_version_and_a_stale_post_keeps_the_input(client, konin):
    case = worked_case(konin, new_family(konin, "Rodzina Formularz"))
    goal = case.plans.get().goals.get()
    client.force_login(konin["assistant"])
    url = reverse("casework:close", args=[case.pk])
    page = client.get(url)
    opened = case.version
    assert page.context["form"].initial["version"] == opened
    assert f'name="version" value="{opened}"' in page.content.decode()
    services.case_record_consent(acting_user=konin["head"], case=case, consent_on=TODAY)
    reason = ClosureReason.objects.get(code="goals_achieved")
    response = client.post(
        url,
        {
            "version": opened,
            "closed_on": TODAY.isoformat(),
            "reason": reason.pk,
            "final_assessment": "Moja ocena końcowa",
            f"goal_{goal.pk}": "partly",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert STALE in html
    assert "Moja ocena końcowa" in html
    assert AssistantCase.objects.get(pk=case.pk).status == CaseStatus.ACTIVE


def test_double_submitted_quick_contact_saves_one_row(client, konin):
    case = active_case(konin, new_family(konin, "Rodzina Dwuklik"))
    client.force_login(konin["assistant"])
    data = {"date": TODAY.isoformat(), "form": "phone", "duration_minutes": "20", "note": "Tel."}
    url = reverse("casework:contact_create", args=[case.pk])
    assert client.post(url, data).status_code == 302
    response = client.post(url, data)
    assert response.status_code == 200
    assert "nie zapisano go drugi raz" in response.content.decode()
    assert Contact.objects.filter(case=case).count() == 1


def test_double_submitted_request_saves_one_case(client, konin):
    family = new_family(konin, "Rodzina Wniosek")
    client.force_login(konin["social_worker"])
    data = {
        "family": family.pk,
        "requested_on": TODAY.isoformat(),
        "requested_by_kind": "social_worker",
        "legal_basis": "voluntary",
    }
    assert client.post(reverse("casework:request_create"), data).status_code == 302
    response = client.post(reverse("casework:request_create"), data)
    assert response.status_code == 200
    assert "ma już otwartą sprawę" in response.content.decode()
    assert AssistantCase.objects.filter(family=family).count() == 1
