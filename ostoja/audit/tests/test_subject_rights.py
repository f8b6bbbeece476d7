"""Subject-access export (head and auditor only, logged) and retention with anonymisation."""

import datetime
import json

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.utils import timezone

from ostoja.audit.chain import verify
from ostoja.audit.models import Anonymisation
from ostoja.audit.services import record_read
from ostoja.casework.models import AssistantCase, CaseStatus
from ostoja.families.models import Family, Person
from ostoja.families.services import person_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(demo):
    return Person.objects.filter(family__office__slug="konin").order_by("pk").first()


def exports_of(person) -> list[LogEntry]:
    return [
        e
        for e in LogEntry.objects.filter(object_pk=str(person.pk), action=LogEntry.Action.ACCESS)
        if (e.additional_data or {}).get("export")
    ]


def test_head_gets_everything_held_about_a_person_and_it_is_logged(client, demo, person):
    head = demo["konin"]["head"]
    person_update(acting_user=head, person=person, address="ul. Nowa 5, Konin")
    record_read(demo["konin"]["social_worker"], person)
    client.force_login(head)
    page = client.get(f"/rejestr/osoba/{person.pk}/dane/")
    assert page.status_code == 200
    for text in (
        person.first_name,
        person.last_name,
        person.pesel,
        "ul. Nowa 5, Konin",
        person.family.name,
        "Kto i kiedy odczytywał",
        "Barbara Socjalna",
        "odczyt",
        "zmiana",
    ):
        assert text in page.text, text
    download = client.get(f"/rejestr/osoba/{person.pk}/dane.json")
    assert download["Content-Type"].startswith("application/json")
    assert "attachment" in download["Content-Disposition"]
    data = json.loads(download.content)
    assert data["subject"] == {"id": person.pk, "name": str(person)}
    fields = dict(map(tuple, data["sections"][0]["fields"]))
    assert fields["Pesel"] == person.pesel
    assert fields["Nazwisko"] == person.last_name
    assert [e.actor for e in exports_of(person)] == [head, head]
    assert verify().ok


def test_other_roles_and_other_offices_get_no_subject_export(client, demo, person):
    for role in ("social_worker", "assistant", "administrator", "partner", "reporting_officer"):
        client.force_login(demo["konin"][role])
        assert client.get(f"/rejestr/osoba/{person.pk}/dane/").status_code in (403, 404)
        assert client.get(f"/rejestr/osoba/{person.pk}/dane.json").status_code in (403, 404)
    for role in ("head", "auditor"):
        client.force_login(demo["wieruszow"][role])
        assert client.get(f"/rejestr/osoba/{person.pk}/dane/").status_code == 404
    assert exports_of(person) == []


def age_family(family: Family, years: int) -> None:
    """Pretend nothing has happened to the family for `years` years."""
    past = timezone.now() - datetime.timedelta(days=365 * years + 3)
    Family.objects.filter(pk=family.pk).update(modified_at=past)
    Person.objects.filter(family=family).update(modified_at=past)
    AssistantCase.objects.filter(family=family).update(
        status=CaseStatus.CLOSED, closed_on=past.date(), modified_at=past
    )


def test_retention_lists_and_anonymises_only_families_past_their_period(demo, capsys):
    office_families = Family.objects.filter(office__slug="konin").order_by("pk")
    old, recent, open_case = office_families[0], office_families[1], office_families[2]
    age_family(old, 11)
    age_family(recent, 9)
    age_family(open_case, 11)
    AssistantCase.objects.create(
        office=open_case.office,
        family=open_case,
        status=CaseStatus.ACTIVE,
        requested_on=datetime.date(2014, 1, 1),
    )
    members_before = Person.objects.count()
    families_before = Family.objects.count()
    children = Person.objects.filter(family=old, family_role="child").count()
    births = {p.pk: p.birth_date for p in Person.objects.filter(family=old)}

    call_command("retention", "--list")
    listed = capsys.readouterr().out
    assert f"family nr {old.pk} " in listed
    assert f"family nr {recent.pk} " not in listed
    assert f"family nr {open_case.pk} " not in listed
    assert "do anonimizacji: 1" in listed
    assert Person.objects.filter(family=old).exclude(last_name="").exists()  # listing only

    call_command("retention", "--apply")
    assert "Zanonimizowano razem: 1." in capsys.readouterr().out
    old.refresh_from_db()
    assert "zanonimizowano" in old.name and old.street == "" and old.postal_code == ""
    for member in Person.objects.filter(family=old):
        assert member.last_name == "" and member.pesel == "" and member.address == ""
        assert member.first_name == "(zanonimizowano)"
        assert member.birth_date.replace(day=1) == member.birth_date
        assert member.birth_date.strftime("%Y-%m") == births[member.pk].strftime("%Y-%m")
    recent.refresh_from_db()
    assert "zanonimizowano" not in recent.name
    # Aggregates stay: the same families, members and children.
    assert Family.objects.count() == families_before
    assert Person.objects.count() == members_before
    assert Person.objects.filter(family=old, family_role="child").count() == children
    # Logged (without the old values) and done once.
    entry = LogEntry.objects.filter(additional_data__anonymised="family").get()
    assert entry.object_pk == str(old.pk) and entry.changes is None
    assert Anonymisation.objects.get().object_pk == str(old.pk)
    call_command("retention", "--apply")
    assert "Zanonimizowano razem: 0." in capsys.readouterr().out
    assert verify().ok


def test_retention_period_comes_from_settings(demo, settings, capsys):
    family = Family.objects.filter(office__slug="konin").first()
    age_family(family, 3)
    settings.OSTOJA_RETENTION_YEARS = {"family": 2}
    call_command("retention", "--list")
    out = capsys.readouterr().out
    assert "okres przechowywania (lata): 2;" in out
    assert f"family nr {family.pk} " in out
