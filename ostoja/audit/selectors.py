"""Reads of the audit log, scoped to the auditor's office."""

import datetime

from auditlog.models import LogEntry
from django.db.models import Q, QuerySet

from ostoja.accounts.models import Role


def visible_log_entries(user) -> QuerySet[LogEntry]:
    """Entries about the auditor's office: its records, or acts of its users."""
    if not user.is_authenticated or user.office_id is None or not user.has_role(Role.AUDITOR):
        return LogEntry.objects.none()
    return LogEntry.objects.filter(
        Q(additional_data__office_id=user.office_id) | Q(actor__office_id=user.office_id)
    )


def log_entry_search(
    user,
    *,
    actor: str = "",
    action: int | None = None,
    object_repr: str = "",
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[LogEntry]:
    qs = visible_log_entries(user)
    if actor:
        qs = qs.filter(Q(actor__username__icontains=actor) | Q(actor__last_name__icontains=actor))
    if action is not None:
        qs = qs.filter(action=action)
    if object_repr:
        qs = qs.filter(object_repr__icontains=object_repr)
    if date_from:
        qs = qs.filter(timestamp__date__gte=date_from)
    if date_to:
        qs = qs.filter(timestamp__date__lte=date_to)
    return qs.select_related("actor", "content_type").order_by("-timestamp", "-pk")
