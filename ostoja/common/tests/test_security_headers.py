"""Transport and browser hardening: CSP and other headers, templates, deploy check."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2]
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def templates() -> list[Path]:
    return sorted(p for p in PACKAGE.glob("**/templates/**/*.html") if ".venv" not in p.parts)


@pytest.mark.django_db
def test_pages_send_a_strict_csp_and_security_headers(client, demo):
    client.force_login(demo["konin"]["head"])
    for url in ("/logowanie/", "/", "/rodziny/"):
        response = client.get(url, follow=True)
        assert response.status_code == 200
        csp = response["Content-Security-Policy"]
        assert "default-src 'self'" in csp
        assert "script-src 'self'" in csp
        assert "style-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_the_template_scan_finds_inline_code():
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert not INLINE_SCRIPT.search('<script src="/static/x.js" defer></script>')
    assert STYLE_ATTRIBUTE.search('<p style="color:red">')
    assert EVENT_HANDLER.search('<a onclick="x()">')
    assert not EVENT_HANDLER.search('<a class="button">')


#: Documents rendered to a downloaded file (never served as an app page): their own
#: <style> is needed offline, and they are sent as attachments.
STANDALONE_FILES = {"report_standalone.html"}


def test_no_template_has_inline_script_or_style():
    found = templates()
    assert len(found) > 10
    offenders = []
    for path in found:
        text = path.read_text(encoding="utf-8")
        for name, pattern in (
            ("inline <script>", INLINE_SCRIPT),
            ("style= attribute", STYLE_ATTRIBUTE),
            ("<style> element", STYLE_ELEMENT),
            ("on…= handler", EVENT_HANDLER),
        ):
            standalone_style = path.name in STANDALONE_FILES and name == "<style> element"
            if pattern.search(text) and not standalone_style:
                offenders.append(f"{path.relative_to(PACKAGE)}: {name}")
    assert not offenders, "\n".join(offenders)


def production_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OSTOJA_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="ostoja.config.settings.production",
        OSTOJA_SECRET_KEY=secrets.token_urlsafe(60),
        OSTOJA_ALLOWED_HOSTS="ostoja.example.gov.pl",
        OSTOJA_CSRF_TRUSTED_ORIGINS="https://ostoja.example.gov.pl",
        **extra,
    )
    return env


def test_production_settings_pass_the_deploy_check():
    result = subprocess.run(
        [sys.executable, "-m", "ostoja", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_never_shows_debug_pages():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, "
        "settings.SECURE_HSTS_SECONDS > 0, settings.SECURE_SSL_REDIRECT)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=production_env(OSTOJA_DEBUG="1"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.stdout.split() == ["False", "True", "True", "True", "True"], result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env()
    del env["OSTOJA_SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "-m", "ostoja", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "OSTOJA_SECRET_KEY" in result.stderr


def test_project_stylesheet_is_served(client, demo):
    """The layout's own CSS is found by the static-files finders (and so by collectstatic)."""
    from django.contrib.staticfiles import finders

    assert finders.find("ostoja/ostoja.css")
    client.force_login(demo["konin"]["head"])
    assert "/static/ostoja/ostoja.css" in client.get("/").content.decode()
