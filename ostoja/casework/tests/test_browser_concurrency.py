"""Two people close one case at once: the second is refused, with its input kept."""

import pytest
from django.urls import reverse

from ostoja.accounts.demo import demo_username
from ostoja.casework.dictionaries import dictionaries_ensure
from ostoja.casework.models import AssistantCase, CaseStatus
from ostoja.casework.tests.scenarios import new_family, worked_case
from ostoja.common.testing import assert_accessible, browser_login

pytestmark = pytest.mark.browser

REASON = "osiągnięcie celów planu pracy"


def _fill_closure(page, final_assessment: str, attainment: str) -> None:
    page.get_by_label("Przyczyna zakończenia").select_option(label=REASON)
    page.get_by_label(attainment, exact=True).check()
    page.get_by_label("Ocena końcowa").fill(final_assessment)


def test_second_concurrent_closure_is_refused_and_keeps_its_input(browser, live_server, demo_live):
    dictionaries_ensure()
    users = demo_live["konin"]
    case = worked_case(users, new_family(users, "Rodzina Równoczesna"))
    office = users["head"].office
    url = f"{live_server.url}{reverse('casework:close', args=[case.pk])}"
    first_context = browser.new_context(locale="pl-PL")
    second_context = browser.new_context(locale="pl-PL")
    try:
        first, second = first_context.new_page(), second_context.new_page()
        browser_login(first, live_server.url, demo_username(office, "head"))
        browser_login(second, live_server.url, demo_username(office, "assistant"))
        first.goto(url)
        second.goto(url)

        _fill_closure(first, "Ocena kierowniczki", "osiągnięty")
        first.get_by_role("button", name="Zakończ pracę z rodziną").click()
        first.wait_for_url(lambda u: "/zakonczenie/" not in u)
        assert "Zakończono pracę" in first.get_by_role("status").inner_text()

        _fill_closure(second, "Ocena asystentki", "osiągnięty częściowo")
        second.get_by_role("button", name="Zakończ pracę z rodziną").click()
        alert = second.get_by_role("alert")
        assert "Ktoś inny zapisał zmiany" in alert.inner_text()
        assert "/zakonczenie/" in second.url
        assert second.get_by_label("Ocena końcowa").input_value() == "Ocena asystentki"
        assert second.get_by_label("osiągnięty częściowo", exact=True).is_checked()
        selected = second.get_by_label("Przyczyna zakończenia").evaluate(
            "select => select.selectedOptions[0].textContent"
        )
        assert selected.strip() == REASON
        assert_accessible(second)

        case = AssistantCase.objects.get(pk=case.pk)
        assert case.status == CaseStatus.CLOSED
        assert case.final_assessment == "Ocena kierowniczki"
        assert case.plans.get().goals.get().attainment == "achieved"
    finally:
        first_context.close()
        second_context.close()
