"""Dashboard and account pages, including the second factor (2FA)."""

from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ostoja.accounts import twofactor
from ostoja.accounts.dashboard import dashboard_cards
from ostoja.accounts.forms import SecondFactorForm, SetupCodeForm
from ostoja.accounts.models import Role


def dashboard(request):
    context: dict[str, object] = {
        "cards": dashboard_cards(request.user),
        "role_labels": [Role(r).label for r in sorted(request.user.roles)],
    }
    return render(request, "accounts/dashboard.html", context)


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("dashboard")


def _with_next(name: str, next_url: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


@never_cache
@require_http_methods(["GET", "POST"])
def otp_setup(request):
    """Set up an authenticator app: QR code and secret, then the first code confirms it."""
    next_url = _next_url(request)
    user = request.user
    if twofactor.has_confirmed_device(user):
        if user.is_verified():
            return redirect(next_url)
        return redirect(_with_next("otp_verify", next_url))
    device = twofactor.pending_totp_device(user)
    form = SetupCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = twofactor.confirm_totp_device(request, device, form.cleaned_data["code"])
        if codes:
            request.session.cycle_key()
            return render(
                request, "accounts/otp_recovery_codes.html", {"codes": codes, "next": next_url}
            )
        form.add_error(
            "code",
            _("Kod jest nieprawidłowy albo już wygasł. Wpisz kod, który aplikacja pokazuje teraz."),
        )
    context: dict[str, object] = {
        "form": form,
        "qr_code": twofactor.qr_code_svg(device),
        "secret": twofactor.secret_text(device),
        "next": next_url,
        "required": twofactor.second_factor_required(user),
    }
    return render(request, "accounts/otp_setup.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    """Ask for the code from the app (or a recovery code) once per session."""
    next_url = _next_url(request)
    user = request.user
    if user.is_verified():
        return redirect(next_url)
    if not twofactor.has_confirmed_device(user):
        return redirect(_with_next("otp_setup", next_url))
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.verify_second_factor(request, form.cleaned_data["code"]):
            request.session.cycle_key()
            return redirect(next_url)
        form.add_error(
            "code", _("Kod jest nieprawidłowy albo już wygasł. Spróbuj ponownie za chwilę.")
        )
    return render(request, "accounts/otp_verify.html", {"form": form, "next": next_url})
