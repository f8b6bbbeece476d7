"""Test helpers: browser login and the axe-core accessibility check."""

from axe_playwright_python.sync_playwright import Axe

from ostoja.accounts.demo import DEMO_PASSWORD

_axe = Axe()


def browser_login(page, live_server_url: str, username: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the form; when the second factor is asked for (OSTOJA_REQUIRE_2FA),
    type the current code of the user's authenticator device like the user would."""
    page.goto(f"{live_server_url}/logowanie/")
    page.get_by_label("Nazwa użytkownika").fill(username)
    page.get_by_label("Hasło").fill(password)
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_url(lambda url: "/logowanie/" not in url)
    if "/weryfikacja/" in page.url and "/konfiguracja/" not in page.url:
        page.get_by_label("Kod jednorazowy").fill(totp_code_for(username))
        page.get_by_role("button", name="Potwierdź").click()
        page.wait_for_url(lambda url: "/weryfikacja/" not in url)


def totp_code_for(username: str) -> str:
    """The code the user's authenticator app shows now (accepted by their device)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from ostoja.accounts.twofactor import current_totp_code

    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    return current_totp_code(device)


def assert_accessible(page) -> None:
    """Fail with axe-core's report when the page has any WCAG violation."""
    results = _axe.run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
            }
        },
    )
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
