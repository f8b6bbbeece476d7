import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ostoja.accounts.models import Office
from ostoja.activities import metrics, services
from ostoja.activities.models import Participation
from ostoja.activities.permissions import visible_participations
from ostoja.common.exceptions import ApplicationError
from ostoja.families.models import Family, Person
from ostoja.reporting.registry import Period, registry

pytestmark = pytest.mark.django_db

D = datetime.date
Y2017 = Period.year(2017)


def family(office, name, adults=1, children=1, social_worker=None):
    fam = Family.objects.create(office=office, name=name, social_worker=social_worker)
    people = [
        Person.objects.create(
            family=fam, first_name=f"M{i}", last_name=name, family_role="mother", sex="F"
        )
        for i in range(adults)
    ] + [
        Person.objects.create(
            family=fam, first_name=f"D{i}", last_name=name, family_role="child", sex="M"
        )
        for i in range(children)
    ]
    return fam, people


@pytest.fixture
def konin(demo):
    return Office.objects.get(slug="konin"), demo["konin"]


def project(head, office, **extra):
    data = {
        "name": "Wspiera. MY",
        "kind": "eu_project",
        "funding_source": "eu_project",
        "project_name": "WRPO 2014-2020",
        "report_key": "project_wspiera_my",
        "start_date": D(2016, 10, 1),
    }
    data.update(extra)
    return services.activity_create(acting_user=head, office=office, **data)


def enrol(user, activity, person, start, end=None, role=""):
    return services.participation_create(
        acting_user=user,
        activity=activity,
        person=person,
        start_date=start,
        end_date=end,
        role=role,
    )


def test_create_activity_permissions(konin, demo):
    office, users = konin
    assert project(users["head"], office).pk
    assert services.activity_create(
        acting_user=users["social_worker"],
        office=office,
        name="Kolonie",
        kind="summer_programme",
        start_date=D(2017, 7, 1),
    ).pk
    for role in ("assistant", "reporting_officer", "partner", "administrator", "auditor"):
        with pytest.raises(PermissionDenied):
            project(users[role], office, report_key="")
    with pytest.raises(PermissionDenied):
        project(demo["wieruszow"]["head"], office, report_key="")


def test_report_key_validated_and_unique_per_office(konin):
    office, users = konin
    project(users["head"], office)
    with pytest.raises(ValidationError):
        project(users["head"], office)
    with pytest.raises(ValidationError):
        project(users["head"], office, report_key="Zły klucz")


def test_participation_role_from_family_role_and_no_duplicates(konin):
    office, users = konin
    activity = project(users["head"], office)
    _fam, (mother, child) = family(office, "A")
    assert enrol(users["head"], activity, mother, D(2017, 1, 1)).role == "adult"
    assert enrol(users["head"], activity, child, D(2017, 1, 1)).role == "child"
    with pytest.raises(ApplicationError, match="już uczestniczy"):
        enrol(users["head"], activity, child, D(2017, 2, 1))
    _fam, (m2, _c2) = family(office, "B")
    with pytest.raises(ValidationError):
        enrol(users["head"], activity, m2, D(2016, 1, 1))  # before the project started


def test_enrolment_needs_the_right_to_change_the_family(konin, demo):
    office, users = konin
    activity = project(users["head"], office)
    _fam, (mother, _child) = family(office, "A")  # no social worker, no assistant
    for role in ("social_worker", "assistant", "auditor", "partner", "reporting_officer"):
        with pytest.raises(PermissionDenied):
            enrol(users[role], activity, mother, D(2017, 1, 1))
    other_office = Office.objects.get(slug="wieruszow")
    _f, (stranger, _k) = family(other_office, "Obcy")
    with pytest.raises(PermissionDenied):
        enrol(users["head"], activity, stranger, D(2017, 1, 1))
    with pytest.raises(PermissionDenied):
        enrol(demo["wieruszow"]["head"], activity, stranger, D(2017, 1, 1))


def test_participants_visible_only_from_visible_families(konin):
    office, users = konin
    activity = project(users["head"], office)
    _f1, (m1, _c1) = family(office, "Moja", social_worker=users["social_worker"])
    _f2, (m2, _c2) = family(office, "Cudza")
    p1 = enrol(users["head"], activity, m1, D(2017, 1, 1))
    p2 = enrol(users["head"], activity, m2, D(2017, 1, 1))
    assert set(visible_participations(users["head"])) == {p1, p2}
    assert set(visible_participations(users["social_worker"])) == {p1}
    assert not visible_participations(users["partner"]).exists()


@pytest.fixture
def year_2017(konin):
    office, users = konin
    head = users["head"]
    wspiera = project(head, office)
    summer = services.activity_create(
        acting_user=head,
        office=office,
        name="Kolonie",
        kind="summer_programme",
        start_date=D(2017, 7, 1),
    )
    _a, (ma, ca) = family(office, "A")
    _b, (mb, cb1, cb2) = family(office, "B", children=2)
    _c, (mc, cc) = family(office, "C")
    enrol(head, wspiera, ma, D(2016, 10, 1))  # qualified before 2017, still in
    enrol(head, wspiera, ca, D(2016, 10, 1), D(2016, 12, 31))  # finished before 2017
    enrol(head, wspiera, mb, D(2017, 12, 31))  # qualified on the last day
    enrol(head, wspiera, cb1, D(2017, 3, 1))
    enrol(head, wspiera, cb2, D(2018, 1, 1))  # too late for 2017
    enrol(head, summer, cb1, D(2017, 7, 1), D(2017, 7, 14))  # the same child in two activities
    enrol(head, summer, cc, D(2017, 7, 1), D(2017, 7, 14))
    enrol(head, summer, mc, D(2017, 7, 1), D(2017, 7, 14), role="child")  # role set explicitly
    return office


def test_activity_metrics_2017(year_2017):
    values = metrics.activity_figures(year_2017, Y2017)
    assert values["activities.children"] == 3  # cb1 (once), cc, mc as a child
    assert values["activities.adults"] == 2  # ma, mb
    assert values["activities.families"] == 3
    assert values["activities.eu_project.children"] == 1
    assert values["activities.eu_project.adults"] == 2
    assert values["activities.eu_project.families"] == 2
    assert values["activities.summer_programme.children"] == 3
    assert values["activities.summer_programme.families"] == 2
    assert values["activities.support_group.families"] == 0


def test_project_provider_uses_report_key(year_2017, django_assert_num_queries):
    with django_assert_num_queries(1):
        values = metrics.project_figures(year_2017, Y2017)
    assert {k: v.value for k, v in values.items()} == {
        "project_wspiera_my.children_qualified": 1,
        "project_wspiera_my.adults_qualified": 2,
        "project_wspiera_my.families": 2,
    }
    assert values["project_wspiera_my.families"].text == "2\u00a0rodziny"
    later = metrics.project_figures(year_2017, Period.year(2018))
    assert later["project_wspiera_my.children_qualified"].value == 2


def test_activity_drilldown(year_2017):
    rows = registry.drilldown("activities.summer_programme.children", year_2017, Y2017)
    assert sorted(p.person.first_name for p in rows) == ["D0", "D0", "M0"]


def test_activity_metrics_constant_queries(year_2017, konin, django_assert_num_queries):
    office, users = konin
    with django_assert_num_queries(1):
        metrics.activity_figures(office, Y2017)
    activity = office.activities.get(report_key="project_wspiera_my")
    for i in range(20):
        _f, (m, c) = family(office, f"X{i}")
        enrol(users["head"], activity, m, D(2017, 5, 1))
        enrol(users["head"], activity, c, D(2017, 5, 1))
    with django_assert_num_queries(1):
        values = metrics.activity_figures(office, Y2017)
    assert values["activities.eu_project.children"] == 21


LIST_QUERIES = 9
DETAIL_QUERIES = 17


def test_pages_queries_do_not_grow(client, year_2017, konin, django_assert_num_queries):
    office, users = konin
    client.force_login(users["head"])
    activity = office.activities.get(report_key="project_wspiera_my")
    urls = [
        (reverse("activities:list"), LIST_QUERIES),
        (reverse("activities:detail", args=[activity.pk]), DETAIL_QUERIES),
    ]
    for url, n in urls:
        with django_assert_num_queries(n):
            assert client.get(url).status_code == 200
    for i in range(20):
        _f, (m, c) = family(office, f"Y{i}")
        enrol(users["head"], activity, m, D(2017, 5, 1))
        enrol(users["head"], activity, c, D(2017, 5, 1))
        services.activity_create(
            acting_user=users["head"],
            office=office,
            name=f"Grupa {i}",
            kind="support_group",
            start_date=D(2017, 1, 1),
        )
    for url, n in urls:
        with django_assert_num_queries(n):
            client.get(url)


def test_enrol_page_and_other_office_404(client, konin, demo):
    office, users = konin
    activity = project(users["head"], office)
    _f, (mother, _c) = family(office, "Z")
    client.force_login(users["head"])
    response = client.post(
        reverse("activities:participation_create", args=[activity.pk]),
        {"person": mother.pk, "start_date": "2017-01-01"},
    )
    assert response.status_code == 302
    assert Participation.objects.filter(activity=activity, person=mother).exists()
    client.force_login(demo["wieruszow"]["head"])
    assert client.get(reverse("activities:detail", args=[activity.pk])).status_code == 404
