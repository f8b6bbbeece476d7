"""The hash chain that makes the access and change log tamper-evident."""

from django.db import models
from django.utils.translation import gettext_lazy as _

GENESIS_HASH = "0" * 64


class AppendOnlyError(Exception):
    """Raised on any attempt to change or delete a record of the audit log."""


class LogChain(models.Model):
    """One link per log entry: hash(canonical entry + previous link's hash)."""

    entry = models.OneToOneField(
        "auditlog.LogEntry",
        verbose_name=_("wpis rejestru"),
        on_delete=models.PROTECT,
        related_name="chain",
    )
    position = models.PositiveBigIntegerField(_("pozycja w łańcuchu"), unique=True)
    prev_hash = models.CharField(_("skrót poprzedniego wpisu"), max_length=64)
    hash = models.CharField(_("skrót wpisu"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("ogniwo łańcucha rejestru")
        verbose_name_plural = _("łańcuch rejestru")
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.position}: {self.hash[:12]}…"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("The audit log chain is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The audit log chain is append-only.")


class LogChainHead(models.Model):
    """The single row locked while a link is appended, so the chain never forks."""

    position = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS_HASH)

    class Meta:
        verbose_name = _("koniec łańcucha rejestru")
        verbose_name_plural = _("koniec łańcucha rejestru")

    def __str__(self) -> str:
        return f"{self.position}: {self.hash[:12]}…"


class Anonymisation(models.Model):
    """A record anonymised after its retention period (also the mark not to do it twice)."""

    kind = models.CharField(_("rodzaj danych"), max_length=40)
    object_pk = models.CharField(_("identyfikator rekordu"), max_length=64)
    office = models.ForeignKey(
        "accounts.Office", verbose_name=_("ośrodek"), on_delete=models.PROTECT, related_name="+"
    )
    anonymised_at = models.DateTimeField(_("zanonimizowano"), auto_now_add=True)
    retention_years = models.PositiveSmallIntegerField(_("okres przechowywania (lata)"))

    class Meta:
        verbose_name = _("anonimizacja")
        verbose_name_plural = _("anonimizacje")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_pk"], name="unique_anonymisation")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_pk}"
