"""Hash chain over django-auditlog's LogEntry: append and verify."""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from ostoja.audit.models import GENESIS_HASH, LogChain, LogChainHead

#: The LogEntry fields covered by the hash, in canonical form.
HASHED_FIELDS = (
    "id",
    "content_type_id",
    "object_pk",
    "object_id",
    "object_repr",
    "serialized_data",
    "action",
    "changes_text",
    "changes",
    "actor_id",
    "cid",
    "remote_addr",
    "remote_port",
    "timestamp",
    "additional_data",
    "actor_email",
)
JSON_FIELDS = {"serialized_data", "changes", "additional_data"}


def _json_value(value):
    """The value as it comes back from a JSON column."""
    if isinstance(value, str | bytes):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def canonical_entry(entry: LogEntry) -> str:
    data = {}
    for name in HASHED_FIELDS:
        value = getattr(entry, name)
        if name in JSON_FIELDS:
            value = _json_value(value)
        elif name == "timestamp":
            value = value.isoformat(timespec="microseconds")
        elif name == "object_pk" or name == "object_repr" or name == "changes_text":
            value = str(value)
        data[name] = value
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def link_hash(entry: LogEntry, prev_hash: str) -> str:
    payload = f"{prev_hash}\n{canonical_entry(entry)}".encode()
    return hashlib.sha256(payload).hexdigest()


@transaction.atomic
def append(entry: LogEntry) -> LogChain:
    """Chain a new entry after the current head (the head row is locked meanwhile)."""
    head = LogChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        head = LogChainHead.objects.create(pk=1)
        head = LogChainHead.objects.select_for_update().get(pk=1)
    link = LogChain.objects.create(
        entry=entry,
        position=head.position + 1,
        prev_hash=head.hash,
        hash=link_hash(entry, head.hash),
    )
    LogChainHead.objects.filter(pk=1).update(position=link.position, hash=link.hash)
    return link


@dataclass
class ChainReport:
    checked: int
    broken_entry_id: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem


def _links() -> Iterator[LogChain]:
    return LogChain.objects.select_related("entry").order_by("position").iterator(chunk_size=2000)


def verify() -> ChainReport:
    """Recompute every link in order; report the first entry that does not match."""
    prev = GENESIS_HASH
    checked = 0
    for link in _links():
        checked += 1
        if link.position != checked:
            return ChainReport(checked, link.entry_id, f"brak ogniwa nr {checked}")
        if link.prev_hash != prev:
            return ChainReport(checked, link.entry_id, "ogniwo nie wskazuje poprzedniego")
        if link_hash(link.entry, prev) != link.hash:
            return ChainReport(checked, link.entry_id, "treść wpisu została zmieniona")
        prev = link.hash
    unchained = LogEntry.objects.filter(chain__isnull=True).order_by("pk").first()
    if unchained is not None:
        return ChainReport(checked, unchained.pk, "wpis spoza łańcucha (dodany z pominięciem)")
    head = LogChainHead.objects.filter(pk=1).first()
    if checked and (head is None or head.position != checked or head.hash != prev):
        return ChainReport(checked, None, "koniec łańcucha nie zgadza się (usunięto wpisy?)")
    return ChainReport(checked)
