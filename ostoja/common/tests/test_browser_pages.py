"""Each role logs in with real Chromium and visits every page it may; axe-core checks each."""

import pytest
from django.urls import reverse

from ostoja.accounts.demo import demo_username
from ostoja.common.testing import assert_accessible, browser_login
from ostoja.common.tests.access import ALL_ROLES, build_world, collect_rules

pytestmark = pytest.mark.browser


def test_login_page_is_accessible(page, live_server, demo_live):
    page.goto(f"{live_server.url}/logowanie/")
    assert page.locator("html").get_attribute("lang") == "pl"
    header_colour = page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert header_colour == "rgb(11, 79, 138)", "the stylesheet did not load"
    assert_accessible(page)
    page.get_by_role("button", name="Zaloguj się").click()
    assert page.get_by_role("alert").is_visible()
    assert_accessible(page)


@pytest.mark.parametrize("role", sorted(ALL_ROLES))
def test_role_visits_every_allowed_page(page, live_server, demo_live, role):
    world = build_world(demo_live)
    browser_login(page, live_server.url, demo_username(world.office, role))
    visited = 0
    for name, rule in collect_rules().items():
        if role not in rule.allowed or rule.ok_status != 200 or rule.download:
            continue
        url = reverse(name, kwargs=rule.kwargs(world) if rule.kwargs else None)
        response = page.goto(f"{live_server.url}{url}{'?' + rule.query if rule.query else ''}")
        assert response is not None and response.status == 200, f"{role} {name}"
        assert page.locator("h1").count() == 1, f"{name} must have exactly one h1"
        assert_accessible(page)
        visited += 1
    assert visited >= 2


def test_family_form_keeps_input_and_shows_polish_errors(page, live_server, demo_live):
    world = build_world(demo_live)
    browser_login(page, live_server.url, demo_username(world.office, "social_worker"))
    url = reverse("families:person_create", kwargs={"family_pk": world.family.pk})
    page.goto(f"{live_server.url}{url}")
    page.get_by_label("Imię").fill("Zofia")
    page.get_by_label("Nazwisko").fill("Testowa")
    page.get_by_label("Rola w rodzinie").select_option("child")
    page.get_by_label("PESEL").fill("12345678901")
    page.get_by_role("button", name="Zapisz").click()
    alert = page.get_by_role("alert")
    assert "PESEL jest nieprawidłowy" in alert.inner_text()
    assert page.get_by_label("Imię").input_value() == "Zofia"
    assert_accessible(page)
    page.keyboard.press("Tab")


def test_axe_check_catches_a_violation(page):
    page.set_content('<html><body><img src="x.png"><input type="text"></body></html>')
    with pytest.raises(AssertionError, match=r"image-alt|label"):
        assert_accessible(page)
