"""Writes of families and persons: validated, stamped, audited, permission-checked."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ostoja.accounts.models import Office
from ostoja.common.exceptions import ApplicationError
from ostoja.families.models import Family, Person

FAMILY_FIELDS = ("name", "street", "postal_code", "city", "social_worker", "notes")
PERSON_FIELDS = (
    "first_name",
    "last_name",
    "family_role",
    "pesel",
    "birth_date",
    "sex",
    "disability",
    "address",
)


def _check_version(obj, expected_version: int | None) -> None:
    if expected_version is not None and obj.version != expected_version:
        raise ApplicationError(
            _(
                "Ktoś inny zapisał zmiany w tym rekordzie, gdy go edytowałeś(-aś). "
                "Twoje dane są poniżej: sprawdź aktualną wersję i zapisz ponownie."
            )
        )


@transaction.atomic
def family_create(*, acting_user, office: Office, problem_areas=(), **data) -> Family:
    """Register a family in the acting user's office."""
    if not acting_user.has_perm("families.add_family") or acting_user.office_id != office.pk:
        raise PermissionDenied
    family = Family(office=office, **{k: v for k, v in data.items() if k in FAMILY_FIELDS})
    if family.social_worker_id is None and acting_user.has_role("social_worker"):
        family.social_worker = acting_user
    family.stamp(acting_user)
    family.full_clean()
    family.save()
    family.problem_areas.set(problem_areas)
    return family


@transaction.atomic
def family_update(
    *, acting_user, family: Family, expected_version: int | None = None, problem_areas=None, **data
) -> Family:
    """Change a family's data, refusing a stale edit (optimistic locking)."""
    if not acting_user.has_perm("families.change_family", family):
        raise PermissionDenied
    current = Family.objects.select_for_update().get(pk=family.pk)
    _check_version(current, expected_version)
    for key, value in data.items():
        if key in FAMILY_FIELDS:
            setattr(family, key, value)
    family.version = current.version + 1
    family.stamp(acting_user)
    family.full_clean()
    family.save()
    if problem_areas is not None:
        family.problem_areas.set(problem_areas)
    return family


@transaction.atomic
def person_create(*, acting_user, family: Family, **data) -> Person:
    """Add a member to a family."""
    if not acting_user.has_perm("families.change_family", family):
        raise PermissionDenied
    person = Person(family=family, **{k: v for k, v in data.items() if k in PERSON_FIELDS})
    person.stamp(acting_user)
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def person_update(
    *, acting_user, person: Person, expected_version: int | None = None, **data
) -> Person:
    """Change a member's data, refusing a stale edit."""
    if not acting_user.has_perm("families.change_family", person.family):
        raise PermissionDenied
    current = Person.objects.select_for_update().get(pk=person.pk)
    _check_version(current, expected_version)
    for key, value in data.items():
        if key in PERSON_FIELDS:
            setattr(person, key, value)
    person.version = current.version + 1
    person.stamp(acting_user)
    person.full_clean()
    person.save()
    return person
