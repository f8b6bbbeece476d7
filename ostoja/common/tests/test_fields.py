"""The shared multiple-choice field: a key beyond the integer range is an invalid choice."""

import pytest
from django.urls import reverse

from ostoja.casework.models import TaskCode
from ostoja.common.forms import ModelMultipleChoiceField
from ostoja.common.tests.access import build_world

pytestmark = pytest.mark.django_db

HUGE = str(2**63)


def test_a_key_beyond_the_integer_range_is_an_invalid_choice(demo):
    field = ModelMultipleChoiceField(queryset=TaskCode.objects.all(), required=False)
    with pytest.raises(Exception) as exc:
        field.clean([HUGE])
    assert exc.value.code == "invalid_choice"
    task = TaskCode.objects.first()
    if task is not None:
        assert list(field.clean([str(task.pk)])) == [task]


def test_the_task_form_answers_a_huge_key_with_a_message(client, demo):
    world = build_world(demo)
    client.force_login(world.users["head"])
    url = reverse("programme:task_edit", args=[world.task.pk])
    response = client.post(url, {"title": "Zadanie", "partners": [HUGE]})
    assert response.status_code == 200
    assert response.context["form"].errors["partners"]
