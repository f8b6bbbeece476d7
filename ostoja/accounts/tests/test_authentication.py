"""Login: second factor, lockout without user enumeration, session expiry, passwords."""

import datetime
import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ostoja.accounts.demo import DEMO_PASSWORD
from ostoja.accounts.models import Role
from ostoja.accounts.services import user_create
from ostoja.accounts.twofactor import current_totp_code
from ostoja.common.tests.access import build_world, collect_rules

pytestmark = pytest.mark.django_db

VERIFY = "/weryfikacja/"
SETUP = "/weryfikacja/konfiguracja/"


@pytest.fixture
def require_2fa(settings):
    settings.OSTOJA_REQUIRE_2FA = True


def new_user(demo, role: str, username: str = "nowy.pracownik"):
    office = demo["konin"]["head"].office
    return user_create(
        username=username, password=DEMO_PASSWORD, office=office, roles=[role], last_name="Nowy"
    )


def main_text(response) -> str:
    return response.text.split('<main id="main"')[1].split("</main>")[0]


def login_with_password(client, username: str, password: str = DEMO_PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_staff_must_enter_a_code_before_any_page(client, demo, require_2fa):
    head = demo["konin"]["head"]
    response = login_with_password(client, head.username)
    assert response.status_code == 302
    response = client.get("/rodziny/")
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=%2Frodziny%2F"
    page = client.get(response["Location"])
    assert "Podaj kod jednorazowy" in page.text

    response = client.post(VERIFY, {"code": "000000", "next": "/rodziny/"})
    assert response.status_code == 200
    assert "Kod jest nieprawidłowy" in response.text
    assert client.get("/rodziny/").status_code == 302

    device = TOTPDevice.objects.get(user=head)
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    response = client.post(VERIFY, {"code": current_totp_code(device), "next": "/rodziny/"})
    assert response.status_code == 302
    assert response["Location"] == "/rodziny/"
    assert client.get("/rodziny/").status_code == 200


def test_every_page_but_login_and_setup_needs_the_second_factor(client, demo, require_2fa):
    world = build_world(demo)
    client.force_login(world.users["head"])
    open_pages = {"login", "logout", "otp_setup", "otp_verify"}
    failures = []
    for name, rule in collect_rules().items():
        url = reverse(name, kwargs=rule.kwargs(world) if rule.kwargs else None)
        response = client.get(url)
        stopped = f"{VERIFY}?{urlencode({'next': url})}"
        redirected = response.status_code == 302 and response["Location"] == stopped
        if redirected == (name in open_pages):
            failures.append(f"{name}: {response.status_code}")
    assert not failures, failures
    assert client.get("/static/nie-ma-takiego-pliku.css").status_code == 404  # not redirected


def test_new_staff_member_sets_up_the_app_and_gets_recovery_codes(client, demo, require_2fa):
    user = new_user(demo, Role.SOCIAL_WORKER)
    login_with_password(client, user.username)
    response = client.get("/")
    assert response["Location"] == f"{SETUP}?next=%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert '<svg role="img" aria-label="Kod QR' in page.text
    assert page["Cache-Control"].startswith("max-age=0")
    secret = re.search(r'<code class="otp-secret">([A-Z2-7 ]+)</code>', page.text)
    assert secret is not None
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.get(SETUP).text.count(secret.group(1)) == 1  # same secret on reload

    response = client.post(SETUP, {"code": "123", "next": "/"})
    assert "Kod jest nieprawidłowy" in response.text
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.save()
    response = client.post(SETUP, {"code": current_totp_code(device), "next": "/"})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>(\w+)</code></li>", response.text)
    assert len(codes) == 10
    assert client.get("/").status_code == 200

    client.logout()
    login_with_password(client, user.username)
    assert client.get("/").status_code == 302
    assert client.post(VERIFY, {"code": codes[0], "next": "/"}).status_code == 302
    assert client.get("/").status_code == 200
    client.logout()
    login_with_password(client, user.username)
    assert client.post(VERIFY, {"code": codes[0], "next": "/"}).status_code == 200  # used up
    assert StaticToken.objects.filter(device__user=user).count() == 9


def test_second_factor_is_optional_for_partners_until_they_turn_it_on(client, demo, require_2fa):
    partner = new_user(demo, Role.PARTNER, username="nowy.partner")
    client.force_login(partner)
    assert client.get("/").status_code == 200
    TOTPDevice.objects.create(user=partner, name="app", confirmed=True)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)


def test_verification_never_redirects_to_another_site(client, demo, require_2fa):
    head = demo["konin"]["head"]
    client.force_login(head)
    code = current_totp_code(TOTPDevice.objects.get(user=head))
    response = client.post(VERIFY, {"code": code, "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_setting_off_lets_staff_in_without_a_code(client, demo, settings):
    settings.OSTOJA_REQUIRE_2FA = False
    client.force_login(demo["konin"]["head"])
    assert client.get("/").status_code == 200


def test_demo_totp_command_prints_a_code_the_demo_devices_accept(demo, capsys):
    call_command("demo_totp")
    code = capsys.readouterr().out.strip()
    device = TOTPDevice.objects.get(user=demo["konin"]["assistant"])
    assert device.verify_token(code)


def test_wrong_password_and_unknown_user_get_the_same_polish_message(client, demo):
    head = demo["konin"]["head"]
    wrong_password = login_with_password(client, head.username, "zle-haslo-123")
    unknown_user = login_with_password(client, "nie.ma.takiego", "zle-haslo-123")
    assert wrong_password.status_code == unknown_user.status_code == 200

    def errors(response) -> list[str]:
        return list(response.context["form"].non_field_errors())

    assert errors(wrong_password) == errors(unknown_user)
    assert "poprawn" in errors(wrong_password)[0]


def test_repeated_failures_lock_the_login_with_a_polish_message(client, demo, settings):
    head = demo["konin"]["head"]
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login_with_password(client, head.username, "zle-haslo-123").status_code == 200
    locked = login_with_password(client, head.username, "zle-haslo-123")
    assert locked.status_code == 429
    assert "Zbyt wiele nieudanych prób logowania" in locked.text
    # Even the right password is refused while locked.
    assert login_with_password(client, head.username).status_code == 429
    assert "_auth_user_id" not in client.session
    # An unknown name is locked out exactly the same way (no user enumeration).
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login_with_password(client, "nie.ma.takiego", "zle-haslo-123")
    unknown = login_with_password(client, "nie.ma.takiego", "zle-haslo-123")
    assert unknown.status_code == 429
    assert main_text(unknown) == main_text(locked)
    # Another user is not affected.
    assert login_with_password(client, demo["konin"]["assistant"].username).status_code == 302


def test_a_good_login_resets_the_failure_count(client, demo, settings):
    head = demo["konin"]["head"]
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login_with_password(client, head.username, "zle-haslo-123")
    assert login_with_password(client, head.username).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login_with_password(client, head.username, "zle-haslo-123").status_code == 200


def test_session_expires_after_inactivity_and_each_request_extends_it(client, demo, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    client.force_login(demo["konin"]["head"])
    session = Session.objects.get(session_key=client.session.session_key)
    Session.objects.filter(pk=session.pk).update(
        expire_date=timezone.now() + datetime.timedelta(minutes=1)
    )
    assert client.get("/").status_code == 200
    session.refresh_from_db()
    remaining = session.expire_date - timezone.now()
    assert datetime.timedelta(minutes=29) < remaining <= datetime.timedelta(minutes=30)

    Session.objects.filter(pk=session.pk).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("password", "fragment"),
    [
        ("krotkie1", "za krótkie"),
        ("1234567890123", "wyłącznie z cyfr"),
        ("password123", "zbyt powszechne"),
    ],
)
def test_password_validators_answer_in_polish(password, fragment):
    with translation.override("pl"), pytest.raises(ValidationError) as caught:
        validate_password(password)
    assert any(fragment in message for message in caught.value.messages), caught.value.messages
