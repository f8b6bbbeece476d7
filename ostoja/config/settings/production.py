"""Production settings: required variables have no defaults and fail at start."""

from ostoja.config.env import env_bool, env_int, env_list, env_str
from ostoja.config.settings.base import *  # noqa: F403

SECRET_KEY = env_str("OSTOJA_SECRET_KEY")
ALLOWED_HOSTS = env_list("OSTOJA_ALLOWED_HOSTS")
DEBUG = False

SECURE_SSL_REDIRECT = env_bool("OSTOJA_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("OSTOJA_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
CSRF_TRUSTED_ORIGINS = env_list("OSTOJA_CSRF_TRUSTED_ORIGINS")
OSTOJA_REQUIRE_2FA = True
OSTOJA_PROXY_COUNT = env_int("OSTOJA_PROXY_COUNT", 1)
