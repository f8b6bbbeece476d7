"""htmx works under the strict Content-Security-Policy, with no violation reported."""

import pytest

from ostoja.accounts.demo import demo_username
from ostoja.common.testing import browser_login
from ostoja.common.tests.access import build_world

pytestmark = pytest.mark.browser


def test_htmx_search_runs_without_csp_violations(page, live_server, demo_live):
    world = build_world(demo_live)
    problems: list[str] = []
    page.on(
        "console",
        lambda msg: (
            problems.append(msg.text)
            if "Content Security Policy" in msg.text or "Refused" in msg.text
            else None
        ),
    )
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    browser_login(page, live_server.url, demo_username(world.office, "head"))
    page.goto(f"{live_server.url}/rodziny/")
    assert page.evaluate("typeof htmx") == "object"
    assert page.evaluate("htmx.config.includeIndicatorStyles") is False
    surname = world.person.last_name
    with page.expect_response(lambda r: "/rodziny/?q=" in r.url and r.status == 200):
        page.get_by_label("Szukaj rodziny").fill(surname)
    page.wait_for_timeout(200)
    assert surname[:4] in page.locator("#family-results").inner_text()
    assert "?q=" in page.url  # hx-push-url
    assert not problems, problems
