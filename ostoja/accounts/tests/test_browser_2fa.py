"""The second factor in a real browser: set-up with a QR code, then codes at each login."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from ostoja.accounts.demo import DEMO_PASSWORD, demo_username
from ostoja.accounts.models import Office, Role
from ostoja.accounts.services import user_create
from ostoja.accounts.twofactor import current_totp_code
from ostoja.common.testing import assert_accessible, browser_login

pytestmark = pytest.mark.browser


@pytest.fixture
def require_2fa(settings):
    settings.OSTOJA_REQUIRE_2FA = True


def test_demo_staff_log_in_with_password_and_code(page, live_server, demo_live, require_2fa):
    office = Office.objects.get(slug="konin")
    username = demo_username(office, Role.HEAD)
    page.goto(f"{live_server.url}/logowanie/")
    page.get_by_label("Nazwa użytkownika").fill(username)
    page.get_by_label("Hasło").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_url(re.compile(r"/weryfikacja/\?next="))
    assert_accessible(page)
    page.get_by_label("Kod jednorazowy").fill("111111")
    page.get_by_role("button", name="Potwierdź").click()
    assert "Kod jest nieprawidłowy" in page.get_by_role("alert").inner_text()
    assert_accessible(page)
    device = TOTPDevice.objects.get(user__username=username)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    device.refresh_from_db()
    page.get_by_label("Kod jednorazowy").fill(current_totp_code(device))
    page.get_by_role("button", name="Potwierdź").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("h1").count() == 1


def test_new_staff_member_sets_up_the_authenticator(page, live_server, demo_live, require_2fa):
    office = Office.objects.get(slug="konin")
    user_create(
        username="konin.nowa", password=DEMO_PASSWORD, office=office, roles=[Role.ASSISTANT]
    )
    page.goto(f"{live_server.url}/logowanie/")
    page.get_by_label("Nazwa użytkownika").fill("konin.nowa")
    page.get_by_label("Hasło").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_url(re.compile(r"/weryfikacja/konfiguracja/"))
    assert page.get_by_role("img", name=re.compile("Kod QR")).is_visible()
    assert_accessible(page)
    device = TOTPDevice.objects.get(user__username="konin.nowa", confirmed=False)
    page.get_by_label("Kod z aplikacji").fill(current_totp_code(device))
    page.get_by_role("button", name="Potwierdź i włącz").click()
    assert page.locator(".recovery-codes li").count() == 10
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("przejdź dalej")).click()
    page.wait_for_url(f"{live_server.url}/")


def test_browser_login_helper_types_the_code(page, live_server, demo_live, require_2fa):
    office = Office.objects.get(slug="konin")
    browser_login(page, live_server.url, demo_username(office, Role.SOCIAL_WORKER))
    response = page.goto(f"{live_server.url}/rodziny/")
    assert response is not None and response.status == 200
    assert "/weryfikacja/" not in page.url
