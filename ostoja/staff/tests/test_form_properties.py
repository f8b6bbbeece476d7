"""Bad input on the staff forms: a Polish message or a redirect, never a 500 or half a save."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ostoja.common.tests.access import build_world
from ostoja.common.tests.properties import PROPERTY_SETTINGS, check_form_page

pytestmark = pytest.mark.django_db

TOUCHED = ("staff", "families", "auditlog")


@pytest.fixture
def world(demo):
    return build_world(demo)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_employment_create_form(client, world, data):
    client.force_login(world.users["head"])
    url = reverse("staff:employment_create")
    check_form_page(client, url, data, apps_touched=TOUCHED)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_cost_create_form(client, world, data):
    client.force_login(world.users["administrator"])
    url = reverse("staff:cost_create")
    check_form_page(client, url, data, apps_touched=TOUCHED)
