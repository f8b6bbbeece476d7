"""Bad input on the activities forms: a Polish message or a redirect, never a 500 or half a save."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ostoja.common.tests.access import build_world
from ostoja.common.tests.properties import PROPERTY_SETTINGS, check_form_page

pytestmark = pytest.mark.django_db

TOUCHED = ("activities", "families", "auditlog")


@pytest.fixture
def world(demo):
    return build_world(demo)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_activity_create_form(client, world, data):
    client.force_login(world.users["head"])
    url = reverse("activities:create")
    check_form_page(client, url, data, apps_touched=TOUCHED)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_participation_create_form(client, world, data):
    client.force_login(world.users["assistant"])
    url = reverse("activities:participation_create", args=[world.activity.pk])
    check_form_page(client, url, data, apps_touched=TOUCHED)
