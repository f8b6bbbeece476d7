"""Settings for the test suite."""

from ostoja.config.settings.base import *  # noqa: F403
from ostoja.config.settings.base import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Tests log in with force_login: the second factor is switched off here and switched on
# (settings fixture / override_settings) by the tests of the two-factor flow itself.
OSTOJA_REQUIRE_2FA = False
