"""Writes of assistants' employment, trainings and costs: permission-checked inside."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ostoja.accounts.models import Role, User
from ostoja.common.exceptions import ApplicationError
from ostoja.staff.models import AssistantCost, AssistantEmployment, Training

EMPLOYMENT_FIELDS = (
    "form",
    "employer",
    "start_date",
    "end_date",
    "fte",
    "hours_per_month",
    "notes",
)


def _check_assistant(acting_user, assistant: User) -> None:
    if not acting_user.has_perm("staff.change_assistant", assistant):
        raise PermissionDenied
    if not assistant.has_role(Role.ASSISTANT):
        raise ApplicationError(_("Ta osoba nie ma roli asystenta rodziny."))


def _check_overlap(employment: AssistantEmployment) -> None:
    others = AssistantEmployment.objects.filter(assistant_id=employment.assistant_id).exclude(
        pk=employment.pk
    )
    end = employment.end_date or datetime.date.max
    if others.filter(start_date__lte=end).exclude(end_date__lt=employment.start_date).exists():
        raise ApplicationError(
            _(
                "W tym czasie asystent ma już inną umowę. Zakończ poprzednią umowę "
                "dzień wcześniej (zmiana formy zatrudnienia to nowa umowa)."
            )
        )


@transaction.atomic
def employment_create(*, acting_user, assistant: User, **data) -> AssistantEmployment:
    """Record a period of an assistant's employment in one form."""
    _check_assistant(acting_user, assistant)
    employment = AssistantEmployment(
        office=assistant.office,
        assistant=assistant,
        **{k: v for k, v in data.items() if k in EMPLOYMENT_FIELDS},
    )
    employment.stamp(acting_user)
    employment.full_clean()
    _check_overlap(employment)
    employment.save()
    return employment


@transaction.atomic
def employment_update(
    *, acting_user, employment: AssistantEmployment, expected_version: int | None = None, **data
) -> AssistantEmployment:
    """Correct or end an employment period, refusing a stale edit."""
    _check_assistant(acting_user, employment.assistant)
    current = AssistantEmployment.objects.select_for_update().get(pk=employment.pk)
    if expected_version is not None and current.version != expected_version:
        raise ApplicationError(
            _(
                "Ktoś inny zapisał zmiany w tym rekordzie, gdy go edytowałeś(-aś). "
                "Twoje dane są poniżej: sprawdź aktualną wersję i zapisz ponownie."
            )
        )
    for key, value in data.items():
        if key in EMPLOYMENT_FIELDS:
            setattr(employment, key, value)
    employment.version = current.version + 1
    employment.stamp(acting_user)
    employment.full_clean()
    _check_overlap(employment)
    employment.save()
    return employment


@transaction.atomic
def training_create(
    *,
    acting_user,
    assistant: User,
    date: datetime.date,
    title: str,
    hours: Decimal | None = None,
    organiser: str = "",
) -> Training:
    """Record a training an assistant attended."""
    _check_assistant(acting_user, assistant)
    training = Training(
        office=assistant.office,
        assistant=assistant,
        date=date,
        title=title,
        hours=hours,
        organiser=organiser,
    )
    training.stamp(acting_user)
    training.full_clean()
    training.save()
    return training


@transaction.atomic
def cost_create(
    *,
    acting_user,
    assistant: User,
    month: datetime.date,
    amount: Decimal,
    funding_source: str,
    programme_name: str = "",
) -> AssistantCost:
    """Record what an assistant cost in a month from one funding source."""
    _check_assistant(acting_user, assistant)
    month = month.replace(day=1)
    if AssistantCost.objects.filter(
        assistant=assistant,
        month=month,
        funding_source=funding_source,
        programme_name=programme_name,
    ).exists():
        raise ApplicationError(_("Koszt za ten miesiąc z tego źródła jest już wpisany."))
    cost = AssistantCost(
        office=assistant.office,
        assistant=assistant,
        month=month,
        amount=amount,
        funding_source=funding_source,
        programme_name=programme_name,
    )
    cost.stamp(acting_user)
    cost.full_clean()
    cost.save()
    return cost
