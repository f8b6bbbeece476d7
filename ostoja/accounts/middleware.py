"""Enforce the second factor on every page except the login and set-up pages."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from ostoja.accounts.twofactor import has_confirmed_device, second_factor_required

OPEN_URL_NAMES = ("login", "logout", "otp_setup", "otp_verify")


class SecondFactorMiddleware:
    """Send a logged-in user who must use 2FA and has not yet done so in this session to
    the verification page (or to set-up if they have no device yet)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._open_paths: frozenset[str] | None = None

    def open_paths(self) -> frozenset[str]:
        if self._open_paths is None:
            self._open_paths = frozenset(reverse(name) for name in OPEN_URL_NAMES)
        return self._open_paths

    def __call__(self, request):
        if settings.OSTOJA_REQUIRE_2FA and not self.is_open(request.path_info):
            user = request.user
            if user.is_authenticated and not user.is_verified() and second_factor_required(user):
                target = "otp_verify" if has_confirmed_device(user) else "otp_setup"
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse(target)}?{query}")
        return self.get_response(request)

    def is_open(self, path: str) -> bool:
        return path in self.open_paths() or path.startswith(settings.STATIC_URL)
