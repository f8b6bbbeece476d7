import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ostoja.accounts.models import Office, Role
from ostoja.accounts.services import user_create
from ostoja.common.exceptions import ApplicationError
from ostoja.reporting.registry import Period, registry
from ostoja.staff import metrics, services
from ostoja.staff.permissions import visible_costs, visible_employments

pytestmark = pytest.mark.django_db

D = datetime.date
Y2017 = Period.year(2017)


@pytest.fixture
def konin(demo):
    return Office.objects.get(slug="konin"), demo["konin"]


def new_assistant(office, name):
    return user_create(
        username=f"{office.slug}.{name}",
        password="x-long-password-1",
        office=office,
        roles=[Role.ASSISTANT],
        first_name=name,
        last_name="Asystentka",
    )


def employ(head, assistant, start, end=None, form="task_based_employment"):
    return services.employment_create(
        acting_user=head, assistant=assistant, form=form, start_date=start, end_date=end
    )


def test_employment_permissions_and_overlap(konin, demo):
    office, users = konin
    a = new_assistant(office, "ala")
    employ(users["head"], a, D(2016, 1, 1), D(2016, 12, 31))
    employ(users["administrator"], a, D(2017, 1, 1), form="service_contract")
    with pytest.raises(ApplicationError, match="inną umowę"):
        employ(users["head"], a, D(2017, 6, 1))
    for role in ("social_worker", "assistant", "reporting_officer", "auditor", "partner"):
        with pytest.raises(PermissionDenied):
            employ(users[role], a, D(2020, 1, 1))
    with pytest.raises(PermissionDenied):
        employ(demo["wieruszow"]["head"], a, D(2020, 1, 1))
    with pytest.raises(ApplicationError, match="roli asystenta"):
        employ(users["head"], users["social_worker"], D(2017, 1, 1))


def test_cost_needs_programme_name_and_is_unique(konin):
    office, users = konin
    a = new_assistant(office, "ala")
    with pytest.raises(ValidationError):
        services.cost_create(
            acting_user=users["head"],
            assistant=a,
            month=D(2017, 1, 1),
            amount=Decimal(1),
            funding_source="government_programme",
        )
    services.cost_create(
        acting_user=users["head"],
        assistant=a,
        month=D(2017, 1, 15),
        amount=Decimal(1),
        funding_source="own_budget",
    )
    with pytest.raises(ApplicationError, match="już wpisany"):
        services.cost_create(
            acting_user=users["head"],
            assistant=a,
            month=D(2017, 1, 1),
            amount=Decimal(2),
            funding_source="own_budget",
        )


def test_visibility_of_staff_records(konin, demo):
    office, users = konin
    me, other = users["assistant"], new_assistant(office, "ola")
    e1 = employ(users["head"], me, D(2017, 1, 1))
    e2 = employ(users["head"], other, D(2017, 1, 1))
    assert set(visible_employments(users["head"])) >= {e1, e2}
    assert set(visible_employments(users["auditor"])) >= {e1, e2}
    assert set(visible_employments(me)) == {e1}
    for role in ("reporting_officer", "social_worker", "partner"):
        assert not visible_employments(users[role]).exists()
        assert not visible_costs(users[role]).exists()
    assert not visible_employments(demo["wieruszow"]["head"]).exists()


@pytest.fixture
def year_2017(konin):
    office, users = konin
    head = users["head"]
    a, b, c, d = (new_assistant(office, n) for n in ("a", "b", "c", "d"))
    employ(head, a, D(2015, 3, 1))  # spans 2017
    employ(head, b, D(2016, 1, 1), D(2017, 3, 31))  # left during 2017
    employ(head, b, D(2017, 4, 1), form="service_contract")  # then a service contract
    employ(head, c, D(2017, 12, 31), form="service_contract")  # started on the last day
    employ(head, d, D(2016, 1, 1), D(2016, 12, 31))  # gone before 2017
    services.training_create(
        acting_user=head, assistant=a, date=D(2017, 4, 3), title="Autyzm", hours=Decimal("6")
    )
    services.training_create(acting_user=head, assistant=a, date=D(2017, 9, 1), title="Konferencja")
    services.training_create(
        acting_user=head, assistant=b, date=D(2018, 1, 2), title="Później", hours=Decimal(8)
    )
    for month in (1, 2):
        services.cost_create(
            acting_user=head,
            assistant=a,
            month=D(2017, month, 1),
            amount=Decimal("4000.50"),
            funding_source="own_budget",
        )
        services.cost_create(
            acting_user=head,
            assistant=a,
            month=D(2017, month, 1),
            amount=Decimal("1000.00"),
            funding_source="government_programme",
            programme_name="Asystent rodziny i koordynator rodzinnej pieczy zastępczej",
        )
    services.cost_create(
        acting_user=head,
        assistant=b,
        month=D(2017, 12, 1),
        amount=Decimal("2500.00"),
        funding_source="eu_project",
        programme_name="Wspiera. MY",
    )
    services.cost_create(
        acting_user=head,
        assistant=b,
        month=D(2018, 1, 1),
        amount=Decimal("9999.00"),
        funding_source="own_budget",
    )
    return office


def test_staff_metrics_2017(year_2017):
    emp = metrics.employment_figures(year_2017, Y2017)
    assert emp["assistant.assistants_employed"] == 3  # a, b, c (d left in 2016)
    assert emp["assistant.assistants_employed.task_based_employment"] == 2  # a, b (until March)
    assert emp["assistant.assistants_employed.service_contract"] == 2  # b (from April), c
    assert emp["assistant.assistants_at_period_end"] == 3
    assert emp["assistant.assistants_at_period_end.task_based_employment"] == 1
    assert emp["assistant.assistants_at_period_end.service_contract"] == 2
    tr = metrics.training_figures(year_2017, Y2017)
    assert (tr["assistant.trainings"], tr["assistant.trainings.assistants"]) == (2, 1)
    assert tr["assistant.trainings.hours"] == Decimal("6")
    money = metrics.spending_figures(year_2017, Y2017)
    assert money["assistant.spending.total"] == Decimal("12501.00")
    assert money["assistant.spending.own_budget"] == Decimal("8001.00")
    assert money["assistant.spending.government_programme"] == Decimal("2000.00")
    assert money["assistant.spending.eu_project"] == Decimal("2500.00")
    assert money["assistant.spending.other"] == Decimal("0.00")
    assert (
        registry.compute("assistant.spending.total", year_2017, Y2017).text
        == "12\u00a0501,00\u00a0zł"
    )


def test_staff_drilldowns(year_2017):
    rows = registry.drilldown("assistant.assistants_employed.service_contract", year_2017, Y2017)
    assert sorted(e.assistant.first_name for e in rows) == ["b", "c"]
    assert registry.drilldown("assistant.spending.eu_project", year_2017, Y2017).count() == 1
    assert registry.drilldown("assistant.trainings", year_2017, Y2017).count() == 2


def test_staff_metrics_queries_constant(year_2017, konin, django_assert_num_queries):
    office, users = konin

    def run():
        with django_assert_num_queries(3):
            for compute in (
                metrics.employment_figures,
                metrics.training_figures,
                metrics.spending_figures,
            ):
                compute(office, Y2017)

    run()
    for i in range(15):
        a = new_assistant(office, f"n{i}")
        employ(users["head"], a, D(2017, 1, 1))
        services.cost_create(
            acting_user=users["head"],
            assistant=a,
            month=D(2017, 5, 1),
            amount=Decimal(10),
            funding_source="other",
        )
    run()
    assert metrics.employment_figures(office, Y2017)["assistant.assistants_employed"] == 18


LIST_QUERIES = 11
DETAIL_QUERIES = 13


def test_pages_queries_do_not_grow(client, year_2017, konin, django_assert_num_queries):
    office, users = konin
    client.force_login(users["head"])
    a = office.users.get(username="konin.a")
    urls = [
        (reverse("staff:list") + "?rok=2017", LIST_QUERIES),
        (reverse("staff:assistant", args=[a.pk]), DETAIL_QUERIES),
    ]
    for url, n in urls:
        with django_assert_num_queries(n):
            assert client.get(url).status_code == 200
    for i in range(15):
        extra = new_assistant(office, f"m{i}")
        employ(users["head"], extra, D(2017, 1, 1))
        services.training_create(
            acting_user=users["head"], assistant=a, date=D(2017, 2, i + 1), title=f"S{i}"
        )
    for url, n in urls:
        with django_assert_num_queries(n):
            client.get(url)


def test_reporting_officer_sees_aggregates_not_people(client, year_2017, konin):
    office, users = konin
    client.force_login(users["reporting_officer"])
    page = client.get(reverse("staff:list") + "?rok=2017").content.decode()
    assert "12\u00a0501,00\u00a0zł" in page
    assert "konin.a" not in page and "Asystentka" not in page
    a = office.users.get(username="konin.a")
    assert client.get(reverse("staff:assistant", args=[a.pk])).status_code == 404


def test_assistant_sees_only_own_detail(client, konin):
    office, users = konin
    other = new_assistant(office, "ola")
    client.force_login(users["assistant"])
    assert client.get(reverse("staff:assistant", args=[users["assistant"].pk])).status_code == 200
    assert client.get(reverse("staff:assistant", args=[other.pk])).status_code == 404


def test_cost_form_keeps_input_on_error(client, konin):
    office, users = konin
    a = new_assistant(office, "ala")
    client.force_login(users["head"])
    response = client.post(
        reverse("staff:cost_create"),
        {"assistant": a.pk, "month": "2017-03", "amount": "123.45", "funding_source": "eu_project"},
    )
    assert response.status_code == 200
    assert "Podaj nazwę programu" in response.content.decode()
    assert "123.45" in response.content.decode()
