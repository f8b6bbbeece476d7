"""Partner fills in and submits; the office returns it; partner corrects; office accepts."""

import pytest

from ostoja.accounts.demo import demo_username
from ostoja.common.testing import assert_accessible, browser_login
from ostoja.common.tests.access import build_world
from ostoja.partners.models import Contribution, ContributionStatus

pytestmark = pytest.mark.browser


def _logout(page):
    page.get_by_role("button", name="Wyloguj").click()
    page.wait_for_url(lambda url: "/logowanie/" in url or url.endswith("/"))


def test_partner_path_with_return_and_acceptance(page, live_server, demo_live):
    world = build_world(demo_live)
    base = live_server.url
    task = world.task2  # task 7; no contribution yet

    browser_login(page, base, demo_username(world.office, "partner"))
    page.goto(f"{base}/partnerzy/moje/?rok=2018")
    assert_accessible(page)
    page.get_by_role("link", name="Wypełnij wkład do zadania 7").click()
    assert_accessible(page)
    page.get_by_label("Prowadzono zajęcia pozalekcyjne").fill("1")
    page.get_by_label("Zrealizowane działania").fill("Koło matematyczne\nChór")
    page.get_by_label("Krótki opis").fill("Uczeń 440 514 013 59 chodził na zajęcia.")
    page.get_by_role("button", name="Zapisz i prześlij do ośrodka").click()
    assert "wyglądający jak PESEL" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Zrealizowane działania").input_value() == "Koło matematyczne\nChór"
    assert_accessible(page)
    page.get_by_label("Krótki opis").fill("Zajęcia dla uczniów klas 1–3.")
    page.get_by_role("button", name="Zapisz i prześlij do ośrodka").click()
    assert page.get_by_text("Przesłano wkład do ośrodka.").is_visible()
    assert_accessible(page)
    contribution = Contribution.objects.get(task=task, partner=world.partner, year=2018)
    assert contribution.status == ContributionStatus.SUBMITTED
    _logout(page)

    browser_login(page, base, demo_username(world.office, "head"))
    page.goto(f"{base}/partnerzy/?rok=2018")
    assert_accessible(page)
    page.goto(f"{base}/partnerzy/wklady/{contribution.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Zwróć do poprawy").click()
    assert_accessible(page)
    page.get_by_label("Co partner ma poprawić").fill("Dopisz koło plastyczne.")
    page.get_by_role("button", name="Zwróć do poprawy").click()
    assert page.get_by_text("Zwrócono wkład do poprawy.").is_visible()
    assert_accessible(page)
    _logout(page)

    browser_login(page, base, demo_username(world.office, "partner"))
    page.goto(f"{base}/partnerzy/moje/?rok=2018")
    assert "zwrócony do poprawy" in page.locator("table").inner_text()
    page.get_by_role("link", name="Otwórz wkład do zadania 7").click()
    assert "Dopisz koło plastyczne." in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Edytuj").click()
    assert_accessible(page)
    page.get_by_label("Zrealizowane działania").fill("Koło matematyczne\nChór\nKoło plastyczne")
    page.get_by_role("button", name="Zapisz i prześlij do ośrodka").click()
    assert page.get_by_text("Przesłano wkład do ośrodka.").is_visible()
    assert_accessible(page)
    _logout(page)

    browser_login(page, base, demo_username(world.office, "reporting_officer"))
    page.goto(f"{base}/partnerzy/wklady/{contribution.pk}/")
    page.get_by_role("button", name="Przyjmij wkład").click()
    assert page.get_by_text("Przyjęto wkład.").is_visible()
    assert "przyjęty" in page.locator("main").inner_text()
    assert page.get_by_role("link", name="Edytuj").count() == 0
    assert_accessible(page)
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.ACCEPTED
    assert [a.text for a in contribution.activities.all()] == [
        "Koło matematyczne",
        "Chór",
        "Koło plastyczne",
    ]
