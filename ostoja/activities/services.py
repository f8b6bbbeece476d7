"""Writes of group activities and participations: permission-checked inside."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ostoja.accounts.models import Office
from ostoja.activities.models import GroupActivity, ParticipantRole, Participation
from ostoja.common.exceptions import ApplicationError
from ostoja.families.models import FamilyRole, Person

ACTIVITY_FIELDS = (
    "name",
    "kind",
    "funding_source",
    "project_name",
    "report_key",
    "start_date",
    "end_date",
    "description",
)


@transaction.atomic
def activity_create(*, acting_user, office: Office, **data) -> GroupActivity:
    """Register a group activity or project of the acting user's office."""
    if (
        not acting_user.has_perm("activities.add_groupactivity")
        or acting_user.office_id != office.pk
    ):
        raise PermissionDenied
    activity = GroupActivity(
        office=office, **{k: v for k, v in data.items() if k in ACTIVITY_FIELDS}
    )
    activity.stamp(acting_user)
    activity.full_clean()
    activity.save()
    return activity


@transaction.atomic
def activity_update(
    *, acting_user, activity: GroupActivity, expected_version: int | None = None, **data
) -> GroupActivity:
    """Change an activity's data, refusing a stale edit."""
    if not acting_user.has_perm("activities.change_groupactivity", activity):
        raise PermissionDenied
    current = GroupActivity.objects.select_for_update().get(pk=activity.pk)
    if expected_version is not None and current.version != expected_version:
        raise ApplicationError(
            _(
                "Ktoś inny zapisał zmiany w tym rekordzie, gdy go edytowałeś(-aś). "
                "Twoje dane są poniżej: sprawdź aktualną wersję i zapisz ponownie."
            )
        )
    for key, value in data.items():
        if key in ACTIVITY_FIELDS:
            setattr(activity, key, value)
    activity.version = current.version + 1
    activity.stamp(acting_user)
    activity.full_clean()
    activity.save()
    return activity


def default_role(person: Person) -> str:
    return (
        ParticipantRole.CHILD if person.family_role == FamilyRole.CHILD else ParticipantRole.ADULT
    )


@transaction.atomic
def participation_create(
    *,
    acting_user,
    activity: GroupActivity,
    person: Person,
    start_date: datetime.date,
    end_date: datetime.date | None = None,
    role: str = "",
) -> Participation:
    """Enrol a family member in an activity (a child or an adult, by the family role by default)."""
    if activity.office_id != acting_user.office_id or not acting_user.has_perm(
        "activities.add_participation", person.family
    ):
        raise PermissionDenied
    if Participation.objects.filter(activity=activity, person=person).exists():
        raise ApplicationError(_("Ta osoba już uczestniczy w tych zajęciach."))
    participation = Participation(
        activity=activity,
        person=person,
        family_id=person.family_id,
        role=role or default_role(person),
        start_date=start_date,
        end_date=end_date,
    )
    participation.stamp(acting_user)
    participation.full_clean()
    participation.save()
    return participation
