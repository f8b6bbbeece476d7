"""Recording reads of personal data (changes are recorded by django-auditlog)."""

from auditlog.context import set_actor
from auditlog.signals import accessed


def record_read(user, instance) -> None:
    """Log that `user` read `instance` (a family, a person, a case …)."""
    with set_actor(user):
        accessed.send(sender=instance.__class__, instance=instance)
