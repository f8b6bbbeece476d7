"""Bad input on the contribution form: a Polish message or a redirect, never a 500 or
half a save (PESEL-like numbers in the texts are refused)."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ostoja.common.tests.access import build_world
from ostoja.common.tests.properties import PROPERTY_SETTINGS, check_form_page, pesels, texts
from ostoja.partners.models import Contribution, ContributionStatus

pytestmark = pytest.mark.django_db

TOUCHED = ("partners", "programme", "auditlog")


@pytest.fixture
def world(demo):
    return build_world(demo)


@pytest.mark.parametrize("role", ["partner", "reporting_officer"])
@PROPERTY_SETTINGS
@given(data=st.data())
def test_contribution_form(client, world, role, data):
    client.force_login(world.users[role])
    url = reverse(
        "partners:form",
        kwargs={"year": 2018, "task_pk": world.task.pk, "partner_pk": world.partner.pk},
    )
    with_pesel = st.one_of(texts, pesels, pesels.map(lambda p: f"Pan Jan, PESEL {p}, uczestnik"))
    extra = {
        "narrative": with_pesel,
        "activities": st.lists(with_pesel, max_size=4).map("\n".join),
        "submit": st.sampled_from([None, "1"]),
    }
    check_form_page(client, url, data, apps_touched=TOUCHED, extra=extra)
    # A submitted contribution is no longer the partner's to edit: back to a draft for the
    # next example (the status, not the data under test).
    Contribution.objects.filter(pk=world.contribution.pk).update(status=ContributionStatus.DRAFT)


def test_a_refused_submit_leaves_the_saved_draft_unchanged(client, world):
    """Save-and-submit is one write: when the submit is refused, the save is undone too."""
    submitted = world.other_contribution
    client.force_login(world.users["reporting_officer"])
    url = reverse(
        "partners:form",
        kwargs={"year": 2018, "task_pk": submitted.task_id, "partner_pk": submitted.partner_id},
    )
    form = client.get(url).context["form"]
    response = client.post(
        url,
        {"version": form.initial["version"], "narrative": "Nowy opis", "submit": "1"},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    submitted.refresh_from_db()
    assert submitted.narrative == "Porady dla rodziców."
    assert submitted.status == ContributionStatus.SUBMITTED
