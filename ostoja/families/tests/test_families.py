import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ostoja.common.exceptions import ApplicationError
from ostoja.examples.synthetic import make_pesel
from ostoja.families import services
from ostoja.families.models import Family, Person
from ostoja.families.permissions import visible_families
from ostoja.families.selectors import problem_areas_valid_on

pytestmark = pytest.mark.django_db


def test_pesel_checksum_and_consistency(demo):
    family = Family.objects.filter(office__slug="konin").first()
    head = demo["konin"]["head"]
    good = make_pesel(datetime.date(2012, 3, 4), "F", 7)
    person = services.person_create(
        acting_user=head,
        family=family,
        first_name="Ola",
        last_name="Nowak",
        family_role="child",
        pesel=good,
        sex="",
    )
    assert person.birth_date == datetime.date(2012, 3, 4)
    assert person.sex == "F"
    with pytest.raises(ValidationError) as exc:
        services.person_create(
            acting_user=head,
            family=family,
            first_name="Ola",
            last_name="Nowak",
            family_role="child",
            pesel=good[:-1] + str((int(good[-1]) + 1) % 10),
            sex="F",
        )
    assert "PESEL" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.person_create(
            acting_user=head,
            family=family,
            first_name="Jan",
            last_name="Nowak",
            family_role="child",
            pesel=make_pesel(datetime.date(2012, 3, 4), "F", 8),
            sex="M",
        )
    assert "Płeć nie zgadza się" in str(exc.value)


def test_person_without_pesel_is_allowed(demo):
    family = Family.objects.filter(office__slug="konin").first()
    person = services.person_create(
        acting_user=demo["konin"]["head"],
        family=family,
        first_name="Amir",
        last_name="K",
        family_role="child",
        pesel="",
        sex="M",
        birth_date=datetime.date(2015, 1, 1),
    )
    assert person.pk


@pytest.mark.parametrize(
    "born,message",
    [
        (datetime.date.today() + datetime.timedelta(days=1), "z przyszłości"),
        (datetime.date(2100, 5, 1), "z przyszłości"),
        (datetime.date(1899, 12, 31), "1 stycznia 1900"),
        (datetime.date(1900, 1, 1), None),
    ],
)
def test_birth_date_lies_between_1900_and_today(demo, client, born, message):
    family = Family.objects.filter(office__slug="konin").first()
    head = demo["konin"]["head"]
    data = {"first_name": "Ala", "last_name": "K", "family_role": "child", "sex": "F"}
    before = Person.objects.count()
    if message is None:
        services.person_create(acting_user=head, family=family, birth_date=born, **data)
        assert Person.objects.count() == before + 1
        return
    with pytest.raises(ValidationError, match=message):
        services.person_create(acting_user=head, family=family, birth_date=born, **data)
    client.force_login(head)
    response = client.post(
        reverse("families:person_create", args=[family.pk]),
        {**data, "birth_date": born.isoformat()},
    )
    assert response.status_code == 200
    assert message in str(response.context["form"].errors["birth_date"])
    assert Person.objects.count() == before


def test_pesel_of_a_future_birth_date_is_refused(demo):
    family = Family.objects.filter(office__slug="konin").first()
    future = make_pesel(datetime.date.today() + datetime.timedelta(days=400), "M", 3)
    with pytest.raises(ValidationError, match="z przyszłości"):
        services.person_create(
            acting_user=demo["konin"]["head"],
            family=family,
            first_name="Jan",
            last_name="K",
            family_role="child",
            pesel=future,
        )


def test_visibility_per_role(demo):
    konin = demo["konin"]
    total = Family.objects.filter(office__slug="konin").count()
    assert visible_families(konin["head"]).count() == total
    assert visible_families(konin["auditor"]).count() == total
    assert visible_families(konin["social_worker"]).count() == total  # handles all demo families
    assigned = visible_families(konin["assistant"])
    assert 0 < assigned.count() < total
    for role in ("partner", "reporting_officer", "administrator", "blue_card_coordinator"):
        assert visible_families(konin[role]).count() == 0
    assert not visible_families(konin["head"]).filter(office__slug="wieruszow").exists()


def test_assistant_cannot_edit_after_handover(demo):
    assistant = demo["konin"]["assistant"]
    family = visible_families(assistant).first()
    assert assistant.has_perm("families.change_family", family)
    family.assistant_cases.first().assignments.update(end_date=datetime.date(2026, 3, 1))
    assert assistant.has_perm("families.view_family", family)
    assert not assistant.has_perm("families.change_family", family)
    with pytest.raises(PermissionDenied):
        services.family_update(acting_user=assistant, family=family, name="X")


def test_stale_edit_is_refused(demo):
    head = demo["konin"]["head"]
    family = Family.objects.filter(office__slug="konin").first()
    version = family.version
    services.family_update(acting_user=head, family=family, expected_version=version, notes="first")
    with pytest.raises(ApplicationError):
        services.family_update(
            acting_user=head, family=family, expected_version=version, notes="second"
        )
    family.refresh_from_db()
    assert family.notes == "first"


def test_problem_area_dictionary_is_effective_dated(db):
    before = {a.name for a in problem_areas_valid_on(datetime.date(2023, 1, 1))}
    after = {a.name for a in problem_areas_valid_on(datetime.date(2024, 1, 1))}
    assert "przemoc w rodzinie" in before and "przemoc domowa" not in before
    assert "przemoc domowa" in after and "przemoc w rodzinie" not in after


def test_reads_and_changes_are_logged(client, demo):
    head = demo["konin"]["head"]
    family = Family.objects.filter(office__slug="konin").first()
    client.force_login(head)
    client.get(reverse("families:detail", args=[family.pk]))
    person = family.members.first()
    client.get(reverse("families:person", args=[person.pk]))
    reads = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=head)
    assert reads.filter(object_pk=str(family.pk), content_type__model="family").exists()
    assert reads.filter(object_pk=str(person.pk), content_type__model="person").exists()
    response = client.post(
        reverse("families:edit", args=[family.pk]),
        {"name": "Rodzina Zmieniona", "version": family.version, "city": "Konin"},
    )
    assert response.status_code == 302
    change = LogEntry.objects.filter(
        action=LogEntry.Action.UPDATE, object_pk=str(family.pk)
    ).latest("timestamp")
    assert change.actor == head
    assert "name" in change.changes_dict
    assert change.additional_data["office_id"] == family.office_id


def test_invalid_form_keeps_input(client, demo):
    client.force_login(demo["konin"]["social_worker"])
    family = Family.objects.filter(office__slug="konin").first()
    before = Person.objects.count()
    response = client.post(
        reverse("families:person_create", args=[family.pk]),
        {"first_name": "Zofia", "last_name": "Testowa", "family_role": "child", "pesel": "123"},
    )
    assert response.status_code == 200
    assert "Zofia" in response.content.decode()
    assert Person.objects.count() == before


FAMILY_LIST_QUERIES = 9  # session, user, roles, count, page, menu/cards; not per family


def test_family_list_queries_do_not_grow(client, demo, django_assert_num_queries):
    head = demo["konin"]["head"]
    client.force_login(head)
    url = reverse("families:list")
    with django_assert_num_queries(FAMILY_LIST_QUERIES):
        client.get(url)
    office = head.office
    Family.objects.bulk_create([Family(office=office, name=f"Rodzina {i}") for i in range(60)])
    with django_assert_num_queries(FAMILY_LIST_QUERIES):
        client.get(url)


def test_search_finds_by_member_surname(client, demo):
    client.force_login(demo["konin"]["head"])
    person = Person.objects.filter(family__office__slug="konin").first()
    response = client.get(reverse("families:list"), {"q": person.last_name})
    assert person.family.name in response.content.decode()


def test_other_office_family_is_404(client, demo):
    client.force_login(demo["konin"]["head"])
    other = Family.objects.filter(office__slug="wieruszow").first()
    assert client.get(reverse("families:detail", args=[other.pk])).status_code == 404
