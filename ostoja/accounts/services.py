"""Writes about offices and users."""

from django.db import transaction

from ostoja.accounts.models import Office, PartnerInstitution, RoleAssignment, User


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    office: Office | None,
    roles: list[str],
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    partner_institution: PartnerInstitution | None = None,
) -> User:
    """Create a user of an office with the given roles."""
    user = User(
        username=username,
        office=office,
        first_name=first_name,
        last_name=last_name,
        email=email,
        partner_institution=partner_institution,
    )
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    RoleAssignment.objects.bulk_create([RoleAssignment(user=user, role=r) for r in roles])
    return user
