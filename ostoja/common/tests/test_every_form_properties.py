"""The sweep over the remaining form pages of every app (the main forms have their own
property tests in their apps): whatever is typed, a redirect after a save or the form
again with Polish messages and no row changed — never a server error."""

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from ostoja.common.tests.access import build_world
from ostoja.common.tests.properties import PROPERTY_SETTINGS, check_form_page

pytestmark = pytest.mark.django_db

ALL_APPS = (
    "families",
    "casework",
    "placements",
    "staff",
    "activities",
    "programme",
    "partners",
    "violence",
    "reporting",
    "auditlog",
)


def _pk(attr: str):
    return lambda w: {"pk": getattr(w, attr).pk}


#: (url name, its kwargs from the world, the role that may use it)
PAGES = [
    ("casework:assign", _pk("case"), "head"),
    ("casework:consent", _pk("case"), "assistant"),
    ("casework:plan_create", _pk("case"), "assistant"),
    ("casework:goal_create", _pk("plan"), "assistant"),
    ("casework:cooperation_create", _pk("case"), "assistant"),
    ("casework:outcome_create", _pk("case"), "head"),
    ("casework:monitoring", _pk("closed_case"), "head"),
    ("casework:caseload_limits", lambda w: {}, "head"),
    ("families:person_edit", _pk("person"), "head"),
    ("placements:edit", _pk("placement"), "head"),
    ("placements:cofinancing_create", _pk("placement"), "head"),
    ("staff:employment_edit", _pk("employment"), "head"),
    ("staff:training_create", lambda w: {}, "administrator"),
    ("activities:edit", _pk("activity"), "social_worker"),
    ("programme:create", lambda w: {}, "head"),
    ("programme:edit", _pk("programme"), "reporting_officer"),
    ("programme:task_edit", _pk("task"), "head"),
    ("programme:indicator_edit", _pk("indicator"), "head"),
    ("programme:statistic_kind_create", lambda w: {}, "head"),
    ("programme:statistic_kind_edit", _pk("statistic_kind"), "head"),
    ("partners:deadline", lambda w: {}, "reporting_officer"),
    ("partners:institution_create", lambda w: {}, "head"),
    ("partners:institution_edit", _pk("other_partner"), "reporting_officer"),
    ("violence:edit", _pk("procedure"), "blue_card_coordinator"),
    ("violence:person_add", _pk("procedure"), "blue_card_coordinator"),
    ("violence:group_meeting_create", _pk("procedure"), "blue_card_coordinator"),
    ("violence:member_create", lambda w: {}, "blue_card_coordinator"),
    ("violence:member_edit", _pk("team_member"), "blue_card_coordinator"),
    ("violence:team_meeting_create", lambda w: {}, "blue_card_coordinator"),
    (
        "reporting:template_section_edit",
        lambda w: {"pk": w.report_template.pk, "section_pk": w.template_section.pk},
        "head",
    ),
]


@pytest.fixture
def world(demo):
    return build_world(demo)


@pytest.mark.parametrize(
    "name,kwargs,role", PAGES, ids=[name.replace(":", "-") for name, _k, _r in PAGES]
)
@settings(PROPERTY_SETTINGS, max_examples=25)
@given(data=st.data())
def test_form_page(client, world, name, kwargs, role, data):
    client.force_login(world.users[role])
    check_form_page(client, reverse(name, kwargs=kwargs(world)), data, apps_touched=ALL_APPS)
