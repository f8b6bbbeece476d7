"""Demo offices, users and a few families for `make demo`."""

import datetime

from django.db import transaction

from ostoja.accounts.demo import DEMO_OFFICES, demo_users_ensure, office_ensure
from ostoja.accounts.models import Office, User
from ostoja.casework.models import Assignment, AssistantCase, CaseStatus
from ostoja.examples.synthetic import PeopleFactory
from ostoja.families.models import Family, FamilyRole, Person


@transaction.atomic
def demo_families_ensure(
    office: Office, users: dict[str, User], count: int = 6, seed: int = 1
) -> None:
    """Give an office a few families, half of them assigned to its demo assistant."""
    if Family.objects.filter(office=office).exists():
        return
    people = PeopleFactory(seed)
    social_worker = users["social_worker"]
    for i in range(count):
        male, female, plural = people.surname()
        family = Family.objects.create(
            office=office,
            name=f"Rodzina {plural}",
            city=office.municipality,
            street=f"ul. Polna {i + 1}",
            social_worker=social_worker,
        )
        mother_born = people.birth_date(datetime.date(1980, 1, 1), datetime.date(1995, 12, 31))
        Person.objects.create(
            family=family,
            first_name=people.first_name("F"),
            last_name=female,
            family_role=FamilyRole.MOTHER,
            sex="F",
            birth_date=mother_born,
            pesel=people.pesel(mother_born, "F"),
        )
        for _ in range(1 + i % 3):
            sex = people.rng.choice("FM")
            born = people.birth_date(datetime.date(2010, 1, 1), datetime.date(2022, 12, 31))
            Person.objects.create(
                family=family,
                first_name=people.first_name(sex),
                last_name=female if sex == "F" else male,
                family_role=FamilyRole.CHILD,
                sex=sex,
                birth_date=born,
                pesel=people.pesel(born, sex),
            )
        if i % 2 == 0:
            opened = datetime.date(2026, 2, 1)
            case = AssistantCase.objects.create(
                office=office,
                family=family,
                status=CaseStatus.ACTIVE,
                requested_on=datetime.date(2026, 1, 10),
                opened_on=opened,
            )
            Assignment.objects.create(case=case, assistant=users["assistant"], start_date=opened)


def demo_setup() -> dict[str, dict[str, User]]:
    """Create both demo offices with users and families; return users by office and role."""
    result: dict[str, dict[str, User]] = {}
    for data in DEMO_OFFICES:
        office = office_ensure(data)
        users = demo_users_ensure(office)
        demo_families_ensure(office, users, seed=len(result) + 1)
        result[office.slug] = users
    return result
