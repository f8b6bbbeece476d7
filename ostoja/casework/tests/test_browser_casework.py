"""The main path in a real browser, with an axe check on every step:
request → decision → assignment → plan → contact (htmx) → assessment → closure."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from ostoja.accounts.demo import demo_username
from ostoja.casework.dictionaries import dictionaries_ensure
from ostoja.casework.models import AssistantCase
from ostoja.common.testing import assert_accessible, browser_login
from ostoja.families.models import Family

pytestmark = pytest.mark.browser


def _login_as(page, live_server, office, role):
    page.context.clear_cookies()
    browser_login(page, live_server.url, demo_username(office, role))


def test_main_path_from_request_to_closure(page, live_server, demo_live):
    dictionaries_ensure()
    family = Family.objects.filter(office__slug="konin", assistant_cases__isnull=True).first()
    office = family.office
    assistant = demo_live["konin"]["assistant"]

    # Social worker files the request.
    _login_as(page, live_server, office, "social_worker")
    page.goto(f"{live_server.url}{reverse('casework:request_create')}")
    assert_accessible(page)
    page.get_by_label(re.compile(r"^Rodzina")).select_option(label=family.name)
    page.get_by_label("Uzasadnienie wniosku").fill("Trudności opiekuńczo-wychowawcze.")
    page.get_by_role("button", name="Złóż wniosek").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(family.name)
    assert_accessible(page)
    case = AssistantCase.objects.get(family=family)

    # Head decides and assigns.
    _login_as(page, live_server, office, "head")
    page.goto(f"{live_server.url}{reverse('casework:decision_queue')}")
    assert_accessible(page)
    page.get_by_role("link", name=f"Zdecyduj: {family.name}").click()
    page.get_by_label("przyznano asystenta").check()
    assert_accessible(page)
    page.get_by_role("button", name="Zapisz").click()
    page.get_by_role("link", name="Przydziel asystenta").click()
    assert_accessible(page)
    page.get_by_label(re.compile(r"^Asystent rodziny")).select_option(label=str(assistant))
    page.get_by_role("button", name="Przydziel").click()
    expect(page.get_by_role("status")).to_contain_text("Przydzielono asystenta")
    assert_accessible(page)

    # The assistant works: plan with a goal, a quick contact, an assessment.
    _login_as(page, live_server, office, "assistant")
    page.goto(f"{live_server.url}{reverse('casework:my_families')}")
    assert_accessible(page)
    page.get_by_role("link", name=family.name).click()
    assert_accessible(page)
    page.get_by_role("link", name="Nowy plan pracy").click()
    today = timezone.localdate()
    page.get_by_label("Data podpisania przez rodzinę").fill(today.isoformat())
    assert_accessible(page)
    page.get_by_role("button", name="Zapisz").click()
    page.get_by_label(re.compile(r"^Cel\b")).fill("Dzieci regularnie chodzą do szkoły")
    page.get_by_label("Termin realizacji").fill((today + datetime.timedelta(days=90)).isoformat())
    page.get_by_label("Przewidywany efekt").fill("Frekwencja powyżej 90%")
    assert_accessible(page)
    page.get_by_role("button", name="Zapisz").click()
    expect(page.get_by_role("cell", name="Dzieci regularnie chodzą do szkoły")).to_be_visible()

    page.evaluate("window.__noReload = true")
    page.get_by_label("Forma").select_option(label="wizyta w domu rodziny")
    page.get_by_label("Czas trwania (min)").fill("45")
    page.get_by_label("Notatka").fill("Rozmowa o planie dnia dzieci")
    page.get_by_role("button", name="Zapisz kontakt").click()
    expect(page.get_by_role("cell", name="Rozmowa o planie dnia dzieci")).to_be_visible()
    expect(page.locator("#contacts-section [role=status]")).to_contain_text("Zapisano kontakt")
    assert page.evaluate("window.__noReload") is True, "the quick contact reloaded the page"
    assert_accessible(page)

    page.get_by_role("link", name="Ocena okresowa").click()
    page.get_by_label("Zmiana sytuacji").select_option(label="poprawa")
    page.get_by_label("Ocena sytuacji rodziny").fill("Rodzina realizuje plan.")
    assert_accessible(page)
    page.get_by_role("button", name="Zapisz").click()
    expect(page.get_by_role("status")).to_contain_text("Zapisano ocenę")

    # Closure with the goal's attainment.
    page.get_by_role("link", name="Zakończ pracę z rodziną").click()
    page.get_by_label("Przyczyna zakończenia").select_option(label="osiągnięcie celów planu pracy")
    page.get_by_label("osiągnięty", exact=True).check()
    assert_accessible(page)
    page.get_by_role("button", name="Zakończ pracę z rodziną").click()
    expect(page.get_by_role("status")).to_contain_text("Zakończono pracę")
    assert_accessible(page)
    case.refresh_from_db()
    assert case.status == "closed"
    assert re.search(r"Termin monitoringu", page.content())
