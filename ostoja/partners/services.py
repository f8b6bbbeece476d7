"""Writes of contributions: save, submit, return, accept; deadlines and reminders."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ostoja.accounts.models import Office, PartnerInstitution, Role
from ostoja.common.exceptions import ApplicationError
from ostoja.partners.models import (
    Contribution,
    ContributionActivity,
    ContributionDeadline,
    ContributionStatus,
    ContributionValue,
    Reminder,
)
from ostoja.partners.permissions import is_contribution_staff, is_partner_user
from ostoja.partners.validators import validate_no_pesel
from ostoja.programme.models import IndicatorKind, Task, TaskInstitution

S = ContributionStatus
#: status → statuses it may move to, and who may move it there.
TRANSITIONS: dict[str, dict[str, str]] = {
    S.DRAFT: {S.SUBMITTED: "author"},
    S.SUBMITTED: {S.RETURNED: "office", S.ACCEPTED: "office"},
    S.RETURNED: {S.SUBMITTED: "author"},
    S.ACCEPTED: {},
}
MAX_ACTIVITIES = 200


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _is_due_from(task: Task, partner: PartnerInstitution) -> bool:
    return TaskInstitution.objects.filter(task=task, partner=partner).exists()


@transaction.atomic
def contribution_open(
    *, acting_user, task: Task, partner: PartnerInstitution, year: int
) -> Contribution:
    """Return the contribution of a partner for a task and year, creating a draft."""
    office_id = task.programme.office_id
    if partner.office_id != office_id or acting_user.office_id != office_id:
        raise PermissionDenied
    if is_partner_user(acting_user):
        if acting_user.partner_institution_id != partner.pk:
            raise PermissionDenied
    elif not is_contribution_staff(acting_user):
        raise PermissionDenied
    if not task.programme.covers(year):
        raise ApplicationError(_("Program nie obejmuje roku %(year)s.") % {"year": year})
    if not _is_due_from(task, partner):
        raise ApplicationError(_("Ta instytucja nie jest wskazana w tym zadaniu programu."))
    contribution, created = Contribution.objects.get_or_create(
        year=year,
        task=task,
        partner=partner,
        defaults={"office_id": office_id, "created_by": acting_user, "modified_by": acting_user},
    )
    if created and not acting_user.has_perm("partners.change_contribution", contribution):
        raise ApplicationError(_("Termin przesyłania wkładów za ten rok minął."))
    return contribution


@transaction.atomic
def contribution_save(
    *,
    acting_user,
    contribution: Contribution,
    narrative: str,
    activities: list[str],
    values: dict[int, Decimal | None],
    expected_version: int | None = None,
) -> Contribution:
    """Store indicator values, listed activities and narrative; refuse PESEL-like numbers."""
    current = Contribution.objects.select_for_update().get(pk=contribution.pk)
    _require(acting_user, "partners.change_contribution", current)
    if expected_version is not None and current.version != expected_version:
        raise ApplicationError(
            _("Ktoś inny zapisał zmiany w tym wkładzie. Sprawdź aktualną wersję i zapisz ponownie.")
        )
    lines = [a.strip() for a in activities if a and a.strip()]
    if len(lines) > MAX_ACTIVITIES:
        raise ApplicationError(_("Za dużo pozycji na liście działań (najwyżej 200)."))
    errors: dict[str, list] = {}
    for name, text in (("narrative", narrative), ("activities", "\n".join(lines))):
        try:
            validate_no_pesel(text)
        except ValidationError as exc:
            errors[name] = exc.messages
    indicators = {i.pk: i for i in contribution.task.indicators.all()}
    if set(values) - set(indicators):
        raise PermissionDenied
    for pk, value in values.items():
        if value is None:
            continue
        if value < 0:
            errors.setdefault(f"indicator_{pk}", []).append(_("Wartość nie może być ujemna."))
        elif indicators[pk].kind == IndicatorKind.YES_NO and value not in (0, 1):
            errors.setdefault(f"indicator_{pk}", []).append(_("Wpisz 1 (tak) albo 0 (nie)."))
        elif indicators[pk].kind == IndicatorKind.COUNT and value != int(value):
            errors.setdefault(f"indicator_{pk}", []).append(_("Wpisz liczbę całkowitą."))
    if errors:
        raise ValidationError(errors)
    current.narrative = narrative.strip()
    current.version += 1
    current.stamp(acting_user)
    current.full_clean()
    current.save()
    current.activities.all().delete()
    ContributionActivity.objects.bulk_create(
        ContributionActivity(contribution=current, order=i, text=text[:500])
        for i, text in enumerate(lines)
    )
    ContributionValue.objects.filter(contribution=current).delete()
    ContributionValue.objects.bulk_create(
        ContributionValue(contribution=current, indicator_id=pk, value=value)
        for pk, value in values.items()
        if value is not None
    )
    return current


def _actor_side(user, contribution: Contribution) -> set[str]:
    sides = set()
    if user.has_perm("partners.change_contribution", contribution):
        sides.add("author")
    if user.has_perm("partners.review_contribution", contribution):
        sides.add("office")
    return sides


@transaction.atomic
def contribution_transition(
    *, acting_user, contribution: Contribution, to_status: str, comment: str = ""
) -> Contribution:
    """Move a contribution along TRANSITIONS; the office's return needs a comment."""
    current = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if not acting_user.has_perm("partners.view_contribution", current):
        raise PermissionDenied
    side = TRANSITIONS[current.status].get(to_status)
    if side is None:
        raise ApplicationError(
            _("Wkładu o statusie „%(from)s” nie można zmienić na „%(to)s”.")
            % {"from": S(current.status).label, "to": S(to_status).label}
        )
    if side not in _actor_side(acting_user, current):
        if side == "author" and is_partner_user(acting_user):
            raise ApplicationError(_("Termin przesyłania wkładów za ten rok minął."))
        raise PermissionDenied
    if to_status == S.RETURNED:
        if not comment.strip():
            raise ValidationError({"comment": _("Napisz, co partner ma poprawić.")})
        validate_no_pesel(comment)
        current.review_comment = comment.strip()
    if to_status == S.SUBMITTED:
        if (
            not current.values.exists()
            and not current.activities.exists()
            and not current.narrative
        ):
            raise ApplicationError(_("Wkład jest pusty: podaj wartości wskaźników lub działania."))
        current.submitted_at = timezone.now()
    if to_status == S.ACCEPTED:
        current.accepted_at = timezone.now()
    current.status = to_status
    current.version += 1
    current.stamp(acting_user)
    current.save()
    return current


def contribution_submit(*, acting_user, contribution: Contribution) -> Contribution:
    return contribution_transition(
        acting_user=acting_user, contribution=contribution, to_status=S.SUBMITTED
    )


def contribution_return(*, acting_user, contribution: Contribution, comment: str) -> Contribution:
    return contribution_transition(
        acting_user=acting_user, contribution=contribution, to_status=S.RETURNED, comment=comment
    )


def contribution_accept(*, acting_user, contribution: Contribution) -> Contribution:
    return contribution_transition(
        acting_user=acting_user, contribution=contribution, to_status=S.ACCEPTED
    )


@transaction.atomic
def deadline_set(*, acting_user, office: Office, year: int, deadline) -> ContributionDeadline:
    """Set the day by which partners send their contributions for `year`."""
    _require(acting_user, "partners.manage_contributions")
    if acting_user.office_id != office.pk:
        raise PermissionDenied
    row = ContributionDeadline.objects.filter(office=office, year=year).first()
    row = row or ContributionDeadline(office=office, year=year)
    row.deadline = deadline
    row.stamp(acting_user)
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def reminders_send(*, acting_user, office: Office, year: int) -> int:
    """E-mail every partner that still owes a contribution for `year`; return how many."""
    from ostoja.partners.selectors import partners_missing

    _require(acting_user, "partners.manage_contributions")
    if acting_user.office_id != office.pk:
        raise PermissionDenied
    deadline = ContributionDeadline.objects.filter(office=office, year=year).first()
    sent = 0
    for partner, tasks in partners_missing(office, year):
        recipients = sorted(
            {partner.email}
            | {u.email for u in partner.users.all() if u.email and u.is_active} - {""}
        )
        if not recipients:
            continue
        lines = "\n".join(f"– {t.number}. {t.title}" for t in tasks)
        body = _(
            "Dzień dobry,\n\nprzypominamy o przesłaniu wkładu do sprawozdania z realizacji "
            "programu wspierania rodziny za rok %(year)s%(deadline)s. Brakuje wkładu do zadań:\n"
            "%(tasks)s\n\nWkład można wpisać po zalogowaniu w systemie Ostoja.\n\n%(office)s"
        ) % {
            "year": year,
            "deadline": (
                _(" (termin: %(date)s)") % {"date": f"{deadline.deadline:%d.%m.%Y}"}
                if deadline
                else ""
            ),
            "tasks": lines,
            "office": office.name,
        }
        send_mail(
            _("Przypomnienie: wkład do sprawozdania za rok %(year)s") % {"year": year},
            body,
            None,
            recipients,
        )
        Reminder.objects.create(
            office=office,
            partner=partner,
            year=year,
            sent_by=acting_user,
            recipients=", ".join(recipients),
        )
        sent += 1
    return sent


@transaction.atomic
def partner_institution_save(
    *, acting_user, office: Office, partner: PartnerInstitution | None = None, **data
) -> PartnerInstitution:
    """Create or change a partner institution of the office."""
    _require(acting_user, "partners.manage_contributions")
    if acting_user.office_id != office.pk or (
        partner is not None and partner.office_id != office.pk
    ):
        raise PermissionDenied
    partner = partner or PartnerInstitution(office=office)
    for key in ("name", "short_name", "kind", "email"):
        if key in data:
            setattr(partner, key, data[key])
    partner.full_clean()
    partner.save()
    return partner


def partner_user_create(
    *, acting_user, partner: PartnerInstitution, username: str, password: str, **names
):
    """Give a partner institution a login with the partner role."""
    from ostoja.accounts.services import user_create

    _require(acting_user, "partners.manage_contributions")
    if acting_user.office_id != partner.office_id:
        raise PermissionDenied
    return user_create(
        username=username,
        password=password,
        office=partner.office,
        roles=[Role.PARTNER],
        partner_institution=partner,
        **names,
    )
