"""Reads about offices and users."""

from django.db.models import Count, QuerySet

from ostoja.accounts.models import Office, Role, User


def office_users(office: Office) -> QuerySet[User]:
    return User.objects.filter(office=office, is_active=True).prefetch_related("role_assignments")


def office_assistants(office: Office) -> QuerySet[User]:
    """Active family assistants of an office."""
    return User.objects.filter(
        office=office, is_active=True, role_assignments__role=Role.ASSISTANT
    ).order_by("last_name", "first_name")


def office_role_counts(office: Office) -> dict[str, int]:
    rows = (
        User.objects.filter(office=office, is_active=True)
        .values("role_assignments__role")
        .annotate(n=Count("id"))
    )
    return {r["role_assignments__role"]: r["n"] for r in rows if r["role_assignments__role"]}
