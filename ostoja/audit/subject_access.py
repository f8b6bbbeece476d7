"""Everything Ostoja holds about one person, for a subject-access request (RODO art. 15).

Apps add their data with `register_subject_data(provider)`; a provider gets the person and
returns a list of `Section`s (bounded queries; only records of the person's office).
"""

import datetime
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ostoja.families.models import Family, Person


@dataclass
class Section:
    title: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


_PROVIDERS: list[Callable[[Person], list[Section]]] = []


def register_subject_data(provider: Callable[[Person], list[Section]]) -> Callable:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def _text(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def _field(obj, name: str) -> tuple[str, str]:
    model_field = obj._meta.get_field(name)
    display = getattr(obj, f"get_{name}_display", None)
    value = display() if display and getattr(obj, name) else getattr(obj, name)
    return (str(model_field.verbose_name).capitalize(), _text(value))


@register_subject_data
def family_registry_data(person: Person) -> list[Section]:
    family = person.family
    personal = Section(
        _("Dane osobowe"),
        fields=[
            _field(person, name)
            for name in (
                "first_name",
                "last_name",
                "family_role",
                "pesel",
                "birth_date",
                "sex",
                "disability",
                "address",
                "created_at",
                "modified_at",
            )
        ],
    )
    family_section = Section(
        _("Rodzina"),
        fields=[
            _field(family, "name"),
            (_("Adres"), _text(family.address)),
            _field(family, "social_worker"),
            (
                _("Obszary problemowe"),
                _text(", ".join(a.name for a in family.problem_areas.all())),
            ),
            _field(family, "notes"),
        ],
    )
    return [personal, family_section]


ACTIONS = {
    LogEntry.Action.CREATE: "utworzenie",
    LogEntry.Action.UPDATE: "zmiana",
    LogEntry.Action.DELETE: "usunięcie",
    LogEntry.Action.ACCESS: "odczyt",
}


@register_subject_data
def access_log_data(person: Person) -> list[Section]:
    """Who read or changed the person's and their family's records (the recipients)."""
    person_type = ContentType.objects.get_for_model(Person)
    family_type = ContentType.objects.get_for_model(Family)
    entries = (
        LogEntry.objects.filter(
            Q(content_type=person_type, object_pk=str(person.pk))
            | Q(content_type=family_type, object_pk=str(person.family_id))
        )
        .select_related("actor", "content_type")
        .order_by("timestamp", "pk")
    )
    rows = [
        [
            _text(entry.timestamp),
            _text(entry.actor),
            ACTIONS.get(entry.action, str(entry.action)),
            str(entry.content_type.name),
            ", ".join(sorted((entry.changes_dict or {}).keys())) or "—",
        ]
        for entry in entries
    ]
    return [
        Section(
            _("Kto i kiedy odczytywał lub zmieniał dane"),
            columns=[_("Kiedy"), _("Kto"), _("Zdarzenie"), _("Rodzaj danych"), _("Zmienione pola")],
            rows=rows,
        )
    ]


def subject_data(person: Person) -> list[Section]:
    sections: list[Section] = []
    for provider in _PROVIDERS:
        sections.extend(provider(person))
    return sections


def subject_data_json(person: Person, office) -> dict:
    return {
        "document": "Informacja o przetwarzanych danych osobowych (art. 15 RODO)",
        "controller": office.name,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "subject": {"id": person.pk, "name": str(person)},
        "sections": [asdict(section) for section in subject_data(person)],
    }
