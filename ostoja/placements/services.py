"""Writes of placements, returns home and co-financing entries: permission-checked inside."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ostoja.common.exceptions import ApplicationError
from ostoja.families.models import Person
from ostoja.placements import selectors
from ostoja.placements.models import (
    FOSTER_CARE_FORMS,
    CoFinancingEntry,
    CoFinancingRate,
    EndReason,
    Placement,
    PlacementForm,
)

PLACEMENT_FIELDS = (
    "form",
    "place_name",
    "county",
    "start_date",
    "end_date",
    "ended_by",
    "court",
    "ruling_reference",
    "ruling_date",
    "reason",
    "notes",
)


#: Art. 191 ust. 9 as in force since 1 Jan 2012 (also loaded by migration 0002).
DEFAULT_RATES = ((1, Decimal("10")), (2, Decimal("30")), (3, Decimal("50")))
DEFAULT_RATES_FROM = datetime.date(2012, 1, 1)


def cofinancing_rates_ensure() -> None:
    """Load the statutory 10/30/50 % table when the rate table is empty (fresh test databases)."""
    if not CoFinancingRate.objects.exists():
        CoFinancingRate.objects.bulk_create(
            CoFinancingRate(year_of_stay=year, percent=pct, valid_from=DEFAULT_RATES_FROM)
            for year, pct in DEFAULT_RATES
        )


def _foster_care_flag(form: str, given: bool | None) -> bool:
    if form == PlacementForm.OTHER:
        return bool(given)
    return form in FOSTER_CARE_FORMS


def _check_overlap(placement: Placement) -> None:
    """A child is in one place at a time: refuse overlapping placements."""
    others = Placement.objects.filter(child_id=placement.child_id).exclude(pk=placement.pk)
    end = placement.end_date or datetime.date.max
    clash = others.filter(start_date__lt=end).exclude(end_date__lte=placement.start_date).exists()
    if clash:
        raise ApplicationError(
            _(
                "To dziecko ma już umieszczenie w tym czasie. Zakończ poprzednie "
                "umieszczenie (np. z przyczyną „zmiana formy lub miejsca pieczy”)."
            )
        )


@transaction.atomic
def placement_create(
    *, acting_user, child: Person, is_foster_care: bool | None = None, **data
) -> Placement:
    """Record that a child was placed outside the family; the family's case stays open."""
    family = child.family
    if not acting_user.has_perm("placements.add_placement", family):
        raise PermissionDenied
    placement = Placement(
        office_id=family.office_id,
        family=family,
        child=child,
        **{k: v for k, v in data.items() if k in PLACEMENT_FIELDS},
    )
    placement.is_foster_care = _foster_care_flag(placement.form, is_foster_care)
    placement.stamp(acting_user)
    placement.full_clean()
    _check_overlap(placement)
    placement.save()
    return placement


@transaction.atomic
def placement_update(
    *,
    acting_user,
    placement: Placement,
    expected_version: int | None = None,
    is_foster_care: bool | None = None,
    **data,
) -> Placement:
    """Correct a placement's data, refusing a stale edit."""
    if not acting_user.has_perm("placements.change_placement", placement):
        raise PermissionDenied
    current = Placement.objects.select_for_update().get(pk=placement.pk)
    if expected_version is not None and current.version != expected_version:
        raise ApplicationError(
            _(
                "Ktoś inny zapisał zmiany w tym rekordzie, gdy go edytowałeś(-aś). "
                "Twoje dane są poniżej: sprawdź aktualną wersję i zapisz ponownie."
            )
        )
    for key, value in data.items():
        if key in PLACEMENT_FIELDS:
            setattr(placement, key, value)
    placement.is_foster_care = _foster_care_flag(placement.form, is_foster_care)
    placement.version = current.version + 1
    placement.stamp(acting_user)
    placement.full_clean()
    _check_overlap(placement)
    placement.save()
    return placement


@transaction.atomic
def placement_end(
    *,
    acting_user,
    placement: Placement,
    end_date: datetime.date,
    ended_by: str = EndReason.RETURN_HOME,
    notes: str = "",
) -> Placement:
    """End a placement: a return home (the default), a transfer, adulthood, adoption …"""
    if not acting_user.has_perm("placements.change_placement", placement):
        raise PermissionDenied
    current = Placement.objects.select_for_update().get(pk=placement.pk)
    if current.end_date is not None:
        raise ApplicationError(_("To umieszczenie jest już zakończone."))
    placement.end_date = end_date
    placement.ended_by = ended_by
    if notes:
        placement.notes = "\n".join(p for p in (placement.notes, notes) if p)
    placement.version = current.version + 1
    placement.stamp(acting_user)
    placement.full_clean()
    _check_overlap(placement)
    placement.save()
    return placement


@transaction.atomic
def cofinancing_entry_create(
    *,
    acting_user,
    placement: Placement,
    month: datetime.date,
    cost: Decimal,
    document: str = "",
) -> CoFinancingEntry:
    """Record a month's foster-care cost; the gmina's share follows the rate table in force."""
    if not acting_user.has_perm("placements.add_cofinancingentry", placement):
        raise PermissionDenied
    if not placement.is_foster_care:
        raise ApplicationError(
            _("Współfinansowanie dotyczy tylko pieczy zastępczej (nie MOS ani MOW).")
        )
    month = month.replace(day=1)
    first_day_in_care = placement.start_date.replace(day=1)
    if month < first_day_in_care or (placement.end_date and month > placement.end_date):
        raise ApplicationError(_("W tym miesiącu dziecko nie przebywało w tym miejscu."))
    if CoFinancingEntry.objects.filter(placement=placement, month=month).exists():
        raise ApplicationError(_("Koszt za ten miesiąc jest już wpisany."))
    first = selectors.first_foster_care_start(placement.child_id) or placement.start_date
    year = selectors.year_of_stay(first, month)
    percent = selectors.cofinancing_percent(year, month)
    if percent is None:
        raise ApplicationError(
            _("Brak stawki współfinansowania na ten miesiąc. Uzupełnij tabelę stawek.")
        )
    amount = (Decimal(cost) * percent / Decimal(100)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    entry = CoFinancingEntry(
        placement=placement,
        office_id=placement.office_id,
        month=month,
        cost=cost,
        year_of_stay=year,
        percent=percent,
        amount=amount,
        document=document,
    )
    entry.stamp(acting_user)
    entry.full_clean()
    entry.save()
    return entry
