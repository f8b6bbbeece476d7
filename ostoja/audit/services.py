"""Recording reads and exports of personal data (changes are recorded by django-auditlog)."""

from auditlog.context import set_actor
from auditlog.models import LogEntry
from auditlog.signals import accessed
from django.contrib.contenttypes.models import ContentType
from django.db import transaction


@transaction.atomic
def record_read(user, instance) -> None:
    """Log that `user` read `instance` (a family, a person, a case …)."""
    with set_actor(user):
        accessed.send(sender=instance.__class__, instance=instance)


@transaction.atomic
def record_export(user, what: str, object=None, **details) -> LogEntry:
    """Log that `user` exported or downloaded `what` (a report, a list, a subject-access
    export …), optionally about `object`; `details` (JSON-serialisable) go with it."""
    target = object if object is not None else (user.office or user)
    data: dict = {}
    if hasattr(target, "get_additional_data"):
        data.update(target.get_additional_data() or {})
    data.setdefault("office_id", getattr(user, "office_id", None))
    data.update(details)
    data["export"] = what
    pk = target.pk
    return LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(target.__class__),
        object_pk=str(pk),
        object_id=pk if isinstance(pk, int) else None,
        object_repr=str(target)[:1000],
        action=LogEntry.Action.ACCESS,
        changes_text="",
        actor=user if getattr(user, "pk", None) else None,
        additional_data=data,
    )
