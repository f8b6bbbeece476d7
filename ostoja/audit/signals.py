"""Hooks on django-auditlog's LogEntry: chain each new entry; refuse changes and deletes.

See docs/adr/0004-audit-log-hash-chain.md for why a signal is the hook here.
"""

from auditlog.models import LogEntry
from django.db.models.signals import post_save, pre_delete, pre_save

from ostoja.audit import chain
from ostoja.audit.models import AppendOnlyError


def chain_new_entry(sender, instance: LogEntry, created: bool, raw: bool = False, **kwargs):
    if created and not raw:
        chain.append(instance)


def refuse_change(sender, instance: LogEntry, raw: bool = False, **kwargs):
    if not instance._state.adding and not raw:
        raise AppendOnlyError("The audit log is append-only: an entry cannot be changed.")


def refuse_delete(sender, instance, **kwargs):
    raise AppendOnlyError("The audit log is append-only: an entry cannot be deleted.")


def connect() -> None:
    post_save.connect(chain_new_entry, sender=LogEntry, dispatch_uid="ostoja_audit_chain")
    pre_save.connect(refuse_change, sender=LogEntry, dispatch_uid="ostoja_audit_no_change")
    pre_delete.connect(refuse_delete, sender=LogEntry, dispatch_uid="ostoja_audit_no_delete")
