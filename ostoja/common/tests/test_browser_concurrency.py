"""Two people edit one family at once: the second save is refused, with its input kept."""

import pytest
from django.urls import reverse

from ostoja.accounts.demo import demo_username
from ostoja.common.testing import browser_login
from ostoja.common.tests.access import build_world
from ostoja.families.models import Family

pytestmark = pytest.mark.browser


def test_second_concurrent_edit_is_refused_and_keeps_its_input(browser, live_server, demo_live):
    world = build_world(demo_live)
    url = f"{live_server.url}{reverse('families:edit', kwargs={'pk': world.family.pk})}"
    first_context = browser.new_context(locale="pl-PL")
    second_context = browser.new_context(locale="pl-PL")
    try:
        first, second = first_context.new_page(), second_context.new_page()
        browser_login(first, live_server.url, demo_username(world.office, "head"))
        browser_login(second, live_server.url, demo_username(world.office, "social_worker"))
        first.goto(url)
        second.goto(url)

        first.get_by_label("Uwagi").fill("Notatka kierownika")
        first.get_by_role("button", name="Zapisz").click()
        first.wait_for_url(lambda u: "/edycja/" not in u)
        assert "Zapisano zmiany" in first.get_by_role("status").inner_text()

        second.get_by_label("Uwagi").fill("Notatka pracownika socjalnego")
        second.get_by_label("Ulica i numer").fill("ul. Kolejowa 9")
        second.get_by_role("button", name="Zapisz").click()
        alert = second.get_by_role("alert")
        assert "Ktoś inny zapisał zmiany" in alert.inner_text()
        assert second.get_by_label("Uwagi").input_value() == "Notatka pracownika socjalnego"
        assert second.get_by_label("Ulica i numer").input_value() == "ul. Kolejowa 9"

        family = Family.objects.get(pk=world.family.pk)
        assert family.notes == "Notatka kierownika"
        assert family.street != "ul. Kolejowa 9"
    finally:
        first_context.close()
        second_context.close()
