"""Pages of casework: forms call the services, errors stay on the form, htmx swaps."""

import pytest
from django.urls import reverse
from django.utils import timezone

from ostoja.casework.models import Assignment, AssistantCase, CaseStatus, Contact
from ostoja.casework.tests.scenarios import (
    active_case,
    closed_case,
    new_family,
    requested_case,
    worked_case,
)

TODAY = timezone.localdate().isoformat()


@pytest.fixture
def konin(demo):
    return demo["konin"]


@pytest.mark.django_db
def test_social_worker_files_a_request_for_a_handled_family(client, konin):
    family = new_family(konin, "Rodzina Nowaków")
    client.force_login(konin["social_worker"])
    response = client.post(
        reverse("casework:request_create"),
        {
            "family": family.pk,
            "requested_on": TODAY,
            "requested_by_kind": "social_worker",
            "legal_basis": "voluntary",
            "request_reason": "Trudności opiekuńczo-wychowawcze",
        },
    )
    case = AssistantCase.objects.get(family=family)
    assert response.status_code == 302
    assert response["Location"] == reverse("casework:case_detail", args=[case.pk])
    assert case.requested_by == konin["social_worker"]


@pytest.mark.django_db
def test_request_form_offers_only_families_the_user_may_request_for(client, konin, demo):
    other = new_family(demo["wieruszow"], "Rodzina Obcych")
    client.force_login(konin["social_worker"])
    response = client.post(
        reverse("casework:request_create"),
        {
            "family": other.pk,
            "requested_on": TODAY,
            "requested_by_kind": "social_worker",
            "legal_basis": "voluntary",
        },
    )
    assert response.status_code == 200
    assert not AssistantCase.objects.filter(family=other).exists()


@pytest.mark.django_db
def test_head_decides_and_assigns_with_override_on_the_pages(client, konin, settings):
    from ostoja.casework import services

    office = konin["head"].office
    services.caseload_limit_set(
        acting_user=konin["head"], office=office, valid_from=timezone.localdate(), limit=3
    )
    case = requested_case(konin, new_family(konin, "Rodzina Nowaków"))
    client.force_login(konin["head"])
    response = client.post(
        reverse("casework:decide", args=[case.pk]), {"kind": "granted", "decided_on": TODAY}
    )
    assert response.status_code == 302
    url = reverse("casework:assign", args=[case.pk])
    data = {"assistant": konin["assistant"].pk, "start_date": TODAY}
    response = client.post(url, data)  # the demo assistant has 3 families already
    assert response.status_code == 200
    assert "ma już 3 rodziny" in response.content.decode()
    assert not Assignment.objects.filter(case=case).exists()
    response = client.post(url, {**data, "override_reason": "Pilna sytuacja dzieci"})
    assert response.status_code == 302
    assert Assignment.objects.get(case=case).override_reason == "Pilna sytuacja dzieci"


@pytest.mark.django_db
def test_quick_contact_by_htmx_swaps_in_the_new_row(client, konin):
    case = active_case(konin, new_family(konin, "Rodzina Nowaków"))
    client.force_login(konin["assistant"])
    url = reverse("casework:contact_create", args=[case.pk])
    response = client.post(
        url,
        {"date": TODAY, "form": "home_visit", "duration_minutes": "45", "note": "Wizyta"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<section id="contacts-section"')
    assert 'class="new-row"' in html and "Wizyta" in html
    assert "Zapisano kontakt" in html
    assert Contact.objects.filter(case=case).count() == 1
    response = client.post(
        url, {"date": TODAY, "form": "home_visit", "duration_minutes": ""}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert Contact.objects.filter(case=case).count() == 1


@pytest.mark.django_db
def test_contact_is_refused_to_others_and_after_handover(client, konin):
    case = active_case(konin, new_family(konin, "Rodzina Nowaków"))
    url = reverse("casework:contact_create", args=[case.pk])
    data = {"date": TODAY, "form": "phone", "duration_minutes": "5"}
    for role in ("social_worker", "auditor", "partner"):
        client.force_login(konin[role])
        assert client.post(url, data).status_code in (403, 404)
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_close_form_asks_for_each_goal_and_sets_monitoring(client, konin):
    case = worked_case(konin, new_family(konin, "Rodzina Nowaków"))
    goal = case.plans.get().goals.get()
    client.force_login(konin["assistant"])
    url = reverse("casework:close", args=[case.pk])
    response = client.post(url, {"closed_on": TODAY, "reason": ""})
    assert response.status_code == 200
    from ostoja.casework.models import ClosureReason

    reason = ClosureReason.objects.get(code="goals_achieved")
    response = client.post(
        url, {"closed_on": TODAY, "reason": reason.pk, f"goal_{goal.pk}": "achieved"}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    page = client.get(reverse("casework:case_detail", args=[case.pk])).content.decode()
    assert "Zapisz monitoring" in page


@pytest.mark.django_db
def test_monitoring_page_reopens_a_case(client, konin):
    case = closed_case(konin, new_family(konin, "Rodzina Nowaków"))
    client.force_login(konin["assistant"])
    response = client.post(
        reverse("casework:monitoring", args=[case.pk]),
        {"done_on": TODAY, "result": "relapse", "note": "Nawrót", "reopen": "on"},
    )
    new = AssistantCase.objects.get(reopened_from=case)
    assert response["Location"] == reverse("casework:case_detail", args=[new.pk])


@pytest.mark.django_db
def test_my_families_shows_due_dates_and_overdue_badge(client, konin):
    import datetime

    old = timezone.localdate() - datetime.timedelta(days=220)
    active_case(konin, new_family(konin, "Rodzina Zaległych"), on=old)
    client.force_login(konin["assistant"])
    html = client.get(reverse("casework:my_families")).content.decode()
    assert "Rodzina Zaległych" in html and "zaległa" in html
    html = client.get(reverse("casework:overdue")).content.decode()
    assert "Rodzina Zaległych" in html


@pytest.mark.django_db
def test_timeline_shows_casework_only_to_those_who_see_the_case(client, konin):
    case = worked_case(konin, new_family(konin, "Rodzina Nowaków"))
    client.force_login(konin["head"])
    html = client.get(reverse("families:detail", args=[case.family_id])).content.decode()
    for label in ("Wniosek", "Decyzja", "Przydział", "Kontakt", "Ocena"):
        assert f'<span class="badge">{label}</span>' in html, label
    from ostoja.casework.timeline import casework_events

    assert casework_events(case.family, konin["partner"]) == []


@pytest.mark.django_db
def test_caseload_limits_page_adds_a_dated_limit(client, konin):
    client.force_login(konin["administrator"])
    url = reverse("casework:caseload_limits")
    response = client.post(url, {"valid_from": TODAY, "limit": "12", "note": "uchwała"})
    assert response.status_code == 302
    from ostoja.casework.selectors import caseload_limit_on

    assert caseload_limit_on(konin["head"].office, timezone.localdate()) == 12
    response = client.post(url, {"valid_from": TODAY, "limit": "25"})
    assert "od 1 do 20" in response.content.decode()
