"""Bad input on the casework forms: a Polish message or a redirect, never a 500 or half a save."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ostoja.casework.dictionaries import dictionaries_ensure
from ostoja.casework.tests.scenarios import (
    active_case,
    new_family,
    requested_case,
    worked_case,
)
from ostoja.common.tests.properties import PROPERTY_SETTINGS, check_form_page

pytestmark = pytest.mark.django_db

TOUCHED = ("casework", "families", "auditlog")


@pytest.fixture
def konin(demo):
    dictionaries_ensure()
    return demo["konin"]


def _check(client, user, url: str, data) -> None:
    client.force_login(user)
    check_form_page(client, url, data, apps_touched=TOUCHED)


@pytest.fixture
def free_family(konin):
    return new_family(konin, "Rodzina Wnioskowa")


@PROPERTY_SETTINGS
@given(data=st.data())
def test_request_form(client, konin, free_family, data):
    _check(client, konin["social_worker"], reverse("casework:request_create"), data)


@pytest.fixture
def requested(konin):
    return requested_case(konin, new_family(konin, "Rodzina Decyzyjna"))


@PROPERTY_SETTINGS
@given(data=st.data())
def test_decision_form(client, konin, requested, data):
    _check(client, konin["head"], reverse("casework:decide", args=[requested.pk]), data)


@pytest.fixture
def active(konin):
    return active_case(konin, new_family(konin, "Rodzina Aktywna"))


@PROPERTY_SETTINGS
@given(data=st.data())
def test_contact_form(client, konin, active, data):
    _check(client, konin["assistant"], reverse("casework:contact_create", args=[active.pk]), data)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_assessment_form(client, konin, active, data):
    url = reverse("casework:assessment_create", args=[active.pk])
    _check(client, konin["assistant"], url, data)


@pytest.fixture
def worked(konin):
    return worked_case(konin, new_family(konin, "Rodzina Kończąca"))


@PROPERTY_SETTINGS
@given(data=st.data())
def test_closure_form(client, konin, worked, data):
    _check(client, konin["assistant"], reverse("casework:close", args=[worked.pk]), data)
