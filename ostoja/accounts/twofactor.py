"""Two-factor authentication (TOTP with recovery codes) on top of django-otp."""

import time
from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ostoja.accounts.models import Role

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Aplikacja uwierzytelniająca"
RECOVERY_DEVICE_NAME = "Kody zapasowe"


def second_factor_required(user) -> bool:
    """Staff must use a second factor; a partner only once they have set one up."""
    if not settings.OSTOJA_REQUIRE_2FA or not user.is_authenticated:
        return False
    roles = user.roles
    if roles and roles <= {Role.PARTNER.value}:
        return user_has_device(user)
    return True


def has_confirmed_device(user) -> bool:
    return user_has_device(user, confirmed=True)


def pending_totp_device(user) -> TOTPDevice:
    """The unconfirmed TOTP device being set up (the same secret on every reload)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for typing into an app by hand."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> SafeString:
    """The provisioning URI as an inline SVG QR code (no script, no inline style)."""
    svg = segno.make(device.config_url, error="m").svg_inline(scale=5, border=4)
    label = _("Kod QR do zeskanowania aplikacją uwierzytelniającą")
    opening = format_html('<svg role="img" aria-label="{}" ', label)
    return mark_safe(svg.replace("<svg ", opening, 1))  # noqa: S308 - segno's own markup


@transaction.atomic
def confirm_totp_device(request, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm a device with the first code from the app; return new recovery codes."""
    if not device.verify_token(token.strip().replace(" ", "")):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    codes = recovery_codes_replace(device.user)
    otp_login(request, device)
    return codes


@transaction.atomic
def recovery_codes_replace(user) -> list[str]:
    """Give the user fresh single-use recovery codes (the old ones stop working)."""
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=c) for c in codes])
    return codes


def verify_second_factor(request, token: str) -> bool:
    """Check a code from the app or a recovery code; mark the session verified."""
    token = token.strip().replace(" ", "").lower()
    if not token:
        return False
    device = match_token(request.user, token)
    if device is None:
        return False
    otp_login(request, device)
    return True


def current_totp_code(device: TOTPDevice) -> str:
    """The code an app would show now for `device` and that the device still accepts
    (used by the demo and the tests; never shown to users)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    step = max(totp.t(), device.last_t + 1)
    while step > totp.t() + device.tolerance:
        time.sleep(1)
        totp.time = time.time()
    totp.time = device.t0 + step * device.step
    return f"{totp.token():0{device.digits}d}"


__all__ = [
    "confirm_totp_device",
    "current_totp_code",
    "devices_for_user",
    "has_confirmed_device",
    "pending_totp_device",
    "qr_code_svg",
    "recovery_codes_replace",
    "second_factor_required",
    "secret_text",
    "verify_second_factor",
]
