"""Every list page of casework uses the same, exact number of queries at 1× and 10× data."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ostoja.casework import services
from ostoja.casework.models import InstitutionKind, OutcomeKind
from ostoja.casework.tests.scenarios import closed_case, new_family, requested_case, worked_case

TODAY = timezone.localdate()

#: Exact query counts per page (session, user and roles included).
EXPECTED = {
    "my_families": 9,
    "case_list": 9,
    "decision_queue": 8,
    "overdue": 9,
    "caseload_board": 11,
    "assistant_caseload": 12,
    "case_detail": 29,  # incl. the chained read log entry
    "family_detail": 25,  # incl. the chained read log entry
    "dashboard_head": 13,
    "dashboard_assistant": 12,
}


def build(konin, scale: int):
    """2×scale worked cases (half with an overdue assessment), scale requests and closures."""
    assistant = konin["assistant"]
    cases = []
    for i in range(2 * scale):
        opened = TODAY - datetime.timedelta(days=250 if i % 2 else 20)
        case = worked_case(
            konin,
            new_family(konin, f"Rodzina Testowa{i}", children=2),
            on=opened,
            override_reason="Test obciążenia",
        )
        services.cooperation_create(
            acting_user=assistant,
            case=case,
            institution_kind=InstitutionKind.objects.get(code="labour_office"),
            purpose="Rejestracja w PUP",
            started_on=opened,
        )
        services.outcome_create(
            acting_user=assistant,
            case=case,
            kind=OutcomeKind.objects.get(code="social_flat_granted"),
            achieved_on=opened,
        )
        cases.append(case)
    for i in range(scale):
        requested_case(konin, new_family(konin, f"Rodzina Czekająca{i}"))
        closed_case(
            konin,
            new_family(konin, f"Rodzina Zamknięta{i}"),
            on=TODAY - datetime.timedelta(days=120),
            override_reason="Test obciążenia",
        )
    main = cases[0]
    for i in range(3 * scale):
        services.contact_create(
            acting_user=assistant,
            case=main,
            date=TODAY - datetime.timedelta(days=i % 15),
            form="phone",
            duration_minutes=15,
            note=f"Rozmowa {i}",
        )
    return main


def pages(konin, main):
    head, assistant = konin["head"], konin["assistant"]
    return {
        "my_families": (assistant, reverse("casework:my_families")),
        "case_list": (head, reverse("casework:case_list")),
        "decision_queue": (head, reverse("casework:decision_queue")),
        "overdue": (head, reverse("casework:overdue")),
        "caseload_board": (head, reverse("casework:caseload_board")),
        "assistant_caseload": (
            head,
            reverse("casework:assistant_caseload", args=[assistant.pk]),
        ),
        "case_detail": (assistant, reverse("casework:case_detail", args=[main.pk])),
        "family_detail": (head, reverse("families:detail", args=[main.family_id])),
        "dashboard_head": (head, reverse("dashboard")),
        "dashboard_assistant": (assistant, reverse("dashboard")),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("scale", [1, 10])
def test_list_pages_use_a_constant_number_of_queries(client, demo, scale):
    konin = demo["konin"]
    main = build(konin, scale)
    counts = {}
    for name, (user, url) in pages(konin, main).items():
        client.force_login(user)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = len(ctx.captured_queries)
    assert counts == EXPECTED
