"""Bad input on the programme forms: a Polish message or a redirect, never a 500 or half a save."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ostoja.common.tests.access import build_world
from ostoja.common.tests.properties import PROPERTY_SETTINGS, check_form_page

pytestmark = pytest.mark.django_db

TOUCHED = ("programme", "families", "auditlog")


@pytest.fixture
def world(demo):
    return build_world(demo)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_task_create_form(client, world, data):
    client.force_login(world.users["reporting_officer"])
    url = reverse("programme:task_create", args=[world.programme.pk])
    check_form_page(client, url, data, apps_touched=TOUCHED)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_indicator_create_form(client, world, data):
    client.force_login(world.users["head"])
    url = reverse("programme:indicator_create", args=[world.task.pk])
    check_form_page(client, url, data, apps_touched=TOUCHED)
