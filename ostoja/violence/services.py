"""Writes of Blue Card data; only the coordinator records them."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from ostoja.accounts.models import Office
from ostoja.families.models import Family, Person
from ostoja.violence.models import (
    Procedure,
    ProcedurePerson,
    TeamMeeting,
    TeamMember,
    WorkingGroupMeeting,
)

PROCEDURE_FIELDS = ("number", "initiator", "started_on")


def _require_office(user, office_id: int) -> None:
    if not user.has_perm("violence.manage") or user.office_id != office_id:
        raise PermissionDenied


def _members(office_id: int, members) -> list[TeamMember]:
    members = list(members)
    if any(m.office_id != office_id for m in members):
        raise PermissionDenied
    return members


@transaction.atomic
def team_member_save(
    *, acting_user, office: Office, member: TeamMember | None = None, **data
) -> TeamMember:
    _require_office(acting_user, office.pk)
    member = member or TeamMember(office=office)
    if member.office_id != office.pk:
        raise PermissionDenied
    for key in ("name", "institution", "partner", "user", "active"):
        if key in data:
            setattr(member, key, data[key])
    if member.user is not None and member.user.office_id != office.pk:
        raise PermissionDenied
    if member.partner is not None and member.partner.office_id != office.pk:
        raise PermissionDenied
    member.stamp(acting_user)
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def procedure_create(
    *, acting_user, office: Office, family: Family, working_group=(), **data
) -> Procedure:
    """Open a Blue Card procedure for a family of the office."""
    _require_office(acting_user, office.pk)
    if family.office_id != office.pk:
        raise PermissionDenied
    procedure = Procedure(
        office=office, family=family, **{k: v for k, v in data.items() if k in PROCEDURE_FIELDS}
    )
    procedure.stamp(acting_user)
    procedure.full_clean()
    procedure.save()
    procedure.working_group.set(_members(office.pk, working_group))
    return procedure


@transaction.atomic
def procedure_update(
    *,
    acting_user,
    procedure: Procedure,
    working_group=None,
    closed_on=None,
    closure_reason="",
    **data,
) -> Procedure:
    """Change a procedure; closing it needs both a date and a reason."""
    _require_office(acting_user, procedure.office_id)
    for key, value in data.items():
        if key in PROCEDURE_FIELDS:
            setattr(procedure, key, value)
    procedure.closed_on = closed_on
    procedure.closure_reason = closure_reason or ""
    if bool(procedure.closed_on) != bool(procedure.closure_reason):
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext as _

        raise ValidationError(
            {"closure_reason": _("Zakończenie wymaga daty i przyczyny (albo żadnej z nich).")}
        )
    procedure.version += 1
    procedure.stamp(acting_user)
    procedure.full_clean()
    procedure.save()
    if working_group is not None:
        procedure.working_group.set(_members(procedure.office_id, working_group))
    return procedure


@transaction.atomic
def procedure_person_add(
    *,
    acting_user,
    procedure: Procedure,
    sex: str,
    age_group: str,
    suspected_perpetrator: bool,
    person: Person | None = None,
) -> ProcedurePerson:
    _require_office(acting_user, procedure.office_id)
    if person is not None and person.family_id != procedure.family_id:
        raise PermissionDenied
    row = ProcedurePerson(
        procedure=procedure,
        person=person,
        sex=sex,
        age_group=age_group,
        suspected_perpetrator=suspected_perpetrator,
    )
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def team_meeting_create(
    *, acting_user, office: Office, date, attendees=(), notes: str = ""
) -> TeamMeeting:
    _require_office(acting_user, office.pk)
    meeting = TeamMeeting(office=office, date=date, notes=notes)
    meeting.stamp(acting_user)
    meeting.full_clean()
    meeting.save()
    meeting.attendees.set(_members(office.pk, attendees))
    return meeting


@transaction.atomic
def working_group_meeting_create(
    *, acting_user, procedure: Procedure, date, attendees=(), notes: str = ""
) -> WorkingGroupMeeting:
    _require_office(acting_user, procedure.office_id)
    meeting = WorkingGroupMeeting(procedure=procedure, date=date, notes=notes)
    meeting.stamp(acting_user)
    meeting.full_clean()
    meeting.save()
    meeting.attendees.set(_members(procedure.office_id, attendees))
    return meeting
