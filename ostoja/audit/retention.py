"""Retention periods per record kind and anonymisation of records past them.

A kind says which records are due (last activity before the cut-off) and how to
anonymise one. Anonymisation keeps the rows (so the counts of past reports stay the same)
but removes what identifies a person: names, PESEL, addresses, notes; a birth date keeps
its year and month (ages on month ends, used by the reports, do not change).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, Exists, Max, OuterRef, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from ostoja.audit.models import Anonymisation
from ostoja.families.models import Family, Person

ANONYMISED = "(zanonimizowano)"


@dataclass(frozen=True)
class RetentionKind:
    key: str
    label: str
    due: Callable[[datetime.datetime], QuerySet]
    anonymise: Callable[[Any], list[str]]


_KINDS: dict[str, RetentionKind] = {}


def register_retention(kind: RetentionKind) -> RetentionKind:
    _KINDS[kind.key] = kind
    return kind


def retention_years(key: str) -> int:
    return int(settings.OSTOJA_RETENTION_YEARS[key])


def cutoff(key: str, today: datetime.date | None = None) -> datetime.datetime:
    today = today or timezone.localdate()
    years = retention_years(key)
    try:
        day = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        day = today.replace(year=today.year - years, day=28)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _not_anonymised(key: str):
    pk_text = Cast(OuterRef("pk"), output_field=CharField())
    return ~Exists(Anonymisation.objects.filter(kind=key, object_pk=pk_text))


def families_due(before: datetime.datetime) -> QuerySet[Family]:
    """Families with no change to them or their members since `before` and no open case."""
    from ostoja.casework.models import AssistantCase, CaseStatus

    open_case = AssistantCase.objects.filter(family=OuterRef("pk")).exclude(
        status=CaseStatus.CLOSED
    )
    recent_case = AssistantCase.objects.filter(family=OuterRef("pk")).filter(
        Q(modified_at__gte=before) | Q(closed_on__gte=before.date())
    )
    return (
        Family.objects.annotate(last_member_change=Max("members__modified_at"))
        .filter(modified_at__lt=before)
        .filter(Q(last_member_change__isnull=True) | Q(last_member_change__lt=before))
        .filter(~Exists(open_case), ~Exists(recent_case), _not_anonymised("family"))
        .select_related("office")
        .order_by("office_id", "pk")
    )


def anonymise_family(family: Family) -> list[str]:
    """Remove what identifies the family and its members; return the fields cleared."""
    family.name = f"Rodzina {ANONYMISED} nr {family.pk}"
    family.street = ""
    family.postal_code = ""
    family.notes = ""
    family.version += 1
    family.save(update_fields=["name", "street", "postal_code", "notes", "version", "modified_at"])
    for person in Person.objects.filter(family=family):
        person.first_name = ANONYMISED
        person.last_name = ""
        person.pesel = ""
        person.address = ""
        if person.birth_date:
            person.birth_date = person.birth_date.replace(day=1)
        person.version += 1
        person.save(
            update_fields=[
                "first_name",
                "last_name",
                "pesel",
                "address",
                "birth_date",
                "version",
                "modified_at",
            ]
        )
    return [
        "family.name",
        "family.street",
        "family.postal_code",
        "family.notes",
        "person.first_name",
        "person.last_name",
        "person.pesel",
        "person.address",
        "person.birth_date (day)",
    ]


register_retention(
    RetentionKind("family", "rodziny i ich członkowie", families_due, anonymise_family)
)


def kinds() -> list[RetentionKind]:
    return [k for k in _KINDS.values() if k.key in settings.OSTOJA_RETENTION_YEARS]


def due(kind: RetentionKind, today: datetime.date | None = None) -> QuerySet:
    return kind.due(cutoff(kind.key, today))


@transaction.atomic
def apply(kind: RetentionKind, obj, acting_user=None) -> Anonymisation:
    """Anonymise one record past retention and log it (without the old values)."""
    with disable_auditlog():
        cleared = kind.anonymise(obj)
    years = retention_years(kind.key)
    mark = Anonymisation.objects.create(
        kind=kind.key, object_pk=str(obj.pk), office_id=obj.office_id, retention_years=years
    )
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(obj.__class__),
        object_pk=str(obj.pk),
        object_id=obj.pk,
        object_repr=str(obj),
        action=LogEntry.Action.UPDATE,
        changes_text="",
        actor=acting_user,
        additional_data={
            "office_id": obj.office_id,
            "anonymised": kind.key,
            "retention_years": years,
            "fields": cleared,
        },
    )
    return mark
