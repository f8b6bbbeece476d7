import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ostoja.common.exceptions import ApplicationError
from ostoja.programme import selectors, services
from ostoja.programme.models import Indicator, Programme
from ostoja.programme.tests.builders import counselling_centre, programme_with_tasks


@pytest.fixture
def konin(demo):
    users = demo["konin"]
    office = users["head"].office
    partner = users["partner"].partner_institution
    programme, task1, task2 = programme_with_tasks(
        office, users["head"], [partner, counselling_centre(office)]
    )
    return users, office, programme, task1, task2


@pytest.mark.django_db
def test_programme_keeps_resolution_goals_tasks_and_indicators(konin):
    _users, _office, programme, task1, _task2 = konin
    assert programme.resolution_number == "XX/153/2016"
    assert [g.text for g in programme.goals.all()] == ["wielopłaszczyznowe wsparcie dla rodzin"]
    assert [t.number for t in programme.tasks.all()] == [2, 7]
    assert task1.task_institutions.count() == 2
    assert [i.code for i in task1.indicators.all()] == ["porady-rodzice", "diagnozy"]


@pytest.mark.django_db
def test_copy_reuses_structure_for_next_years(konin):
    users, _office, programme, *_ = konin
    new = services.programme_copy(
        acting_user=users["reporting_officer"],
        programme=programme,
        name="Program Wspierania Rodziny 2019–2021",
        resolution_number="V/40/2019",
        resolution_date=datetime.date(2019, 3, 1),
        year_from=2019,
        year_to=2021,
    )
    assert new.previous == programme
    assert new.main_goal == programme.main_goal
    assert [(t.number, t.title, t.goal.text) for t in new.tasks.select_related("goal")] == [
        (t.number, t.title, t.goal.text) for t in programme.tasks.select_related("goal")
    ]
    assert Indicator.objects.filter(task__programme=new).count() == 3
    assert new.tasks.get(number=2).task_institutions.count() == 2
    # The old programme is untouched.
    assert Indicator.objects.filter(task__programme=programme).count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role",
    ["social_worker", "assistant", "partner", "administrator", "auditor", "blue_card_coordinator"],
)
def test_only_head_and_reporting_officer_change_the_programme(konin, role):
    users, _office, programme, task1, _ = konin
    with pytest.raises(PermissionDenied):
        services.programme_update(acting_user=users[role], programme=programme, name="X")
    with pytest.raises(PermissionDenied):
        services.indicator_save(
            acting_user=users[role], task=task1, code="x", label="x", unit="persons", kind="count"
        )
    assert Programme.objects.get(pk=programme.pk).name == programme.name


@pytest.mark.django_db
def test_other_office_cannot_touch_programme(konin, demo):
    _users, _office, programme, *_ = konin
    with pytest.raises(PermissionDenied):
        services.programme_update(
            acting_user=demo["wieruszow"]["head"], programme=programme, name="X"
        )
    assert not selectors.programme_list(demo["wieruszow"]["head"]).exists()


@pytest.mark.django_db
def test_indicator_validation(konin):
    users, _office, _programme, task1, _ = konin
    head = users["head"]
    with pytest.raises(ValidationError) as exc:
        services.indicator_save(
            acting_user=head, task=task1, code="kwota", label="Kwota", unit="persons", kind="amount"
        )
    assert "pln" in str(exc.value)
    with pytest.raises(ValidationError):
        services.indicator_save(
            acting_user=head, task=task1, code="k", label="K", unit="parsecs", kind="count"
        )
    with pytest.raises(ValidationError) as exc:
        services.indicator_save(
            acting_user=head,
            task=task1,
            code="dup",
            label="Klucz zajęty",
            unit="families",
            kind="count",
            metric_key="partners.contributions_accepted",
        )
    assert "zajęty" in str(exc.value)


@pytest.mark.django_db
def test_indicator_with_values_cannot_be_deleted(konin):
    from ostoja.programme.tests.builders import accepted_contribution

    users, _office, _programme, task1, _ = konin
    partner = users["partner"].partner_institution
    accepted_contribution(users["head"], users["partner"], task1, partner, 2018, {"diagnozy": 3})
    with pytest.raises(ApplicationError):
        services.indicator_delete(
            acting_user=users["head"], indicator=task1.indicators.get(code="diagnozy")
        )


@pytest.mark.django_db
def test_programme_detail_query_count_is_bounded(client, konin, django_assert_num_queries):
    users, _office, programme, *_ = konin
    client.force_login(users["head"])
    url = f"/program/{programme.pk}/"
    with django_assert_num_queries(12):
        assert client.get(url).status_code == 200
    for n in range(10, 30):
        task = services.task_save(
            acting_user=users["head"],
            programme=programme,
            number=n,
            title=f"Zadanie {n}",
            partners=[users["partner"].partner_institution],
        )
        services.indicator_save(
            acting_user=users["head"], task=task, code="w", label="W", unit="persons", kind="count"
        )
    with django_assert_num_queries(12):
        assert client.get(url).status_code == 200
