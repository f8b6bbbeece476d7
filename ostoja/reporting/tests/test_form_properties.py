"""Bad input on the reporting forms: a Polish message or a redirect, never a 500 or half a save."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ostoja.common.tests.access import build_world
from ostoja.common.tests.properties import PROPERTY_SETTINGS, check_form_page

pytestmark = pytest.mark.django_db

TOUCHED = ("reporting", "families", "auditlog")


@pytest.fixture
def world(demo):
    return build_world(demo)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_section_edit_form(client, world, data):
    client.force_login(world.users["reporting_officer"])
    url = reverse(
        "reporting:section_edit", kwargs={"pk": world.report.pk, "key": world.report_section_key}
    )
    check_form_page(client, url, data, apps_touched=TOUCHED)
