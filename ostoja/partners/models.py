"""Partner institutions' yearly contributions to programme tasks."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ostoja.accounts.models import Office, PartnerInstitution
from ostoja.common.models import TrackedModel
from ostoja.programme.models import Indicator, Task


class ContributionStatus(models.TextChoices):
    DRAFT = "draft", _("szkic")
    SUBMITTED = "submitted", _("przesłany")
    RETURNED = "returned", _("zwrócony do poprawy")
    ACCEPTED = "accepted", _("przyjęty")


class ContributionDeadline(TrackedModel):
    """The day by which partners of an office send their contributions for a year."""

    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="contribution_deadlines"
    )
    year = models.PositiveSmallIntegerField(_("rok sprawozdawczy"))
    deadline = models.DateField(_("termin przesłania"))

    class Meta:
        verbose_name = _("termin wkładów")
        verbose_name_plural = _("terminy wkładów")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="unique_deadline_year")
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.deadline:%d.%m.%Y}"


class Contribution(TrackedModel):
    """What one partner institution did for one programme task in one year."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="contributions")
    year = models.PositiveSmallIntegerField(_("rok"))
    task = models.ForeignKey(
        Task, on_delete=models.PROTECT, related_name="contributions", verbose_name=_("zadanie")
    )
    partner = models.ForeignKey(
        PartnerInstitution,
        on_delete=models.PROTECT,
        related_name="contributions",
        verbose_name=_("instytucja"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ContributionStatus.choices,
        default=ContributionStatus.DRAFT,
    )
    narrative = models.TextField(_("opis działań"), blank=True)
    review_comment = models.TextField(_("uwagi ośrodka"), blank=True)
    submitted_at = models.DateTimeField(_("przesłano"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("przyjęto"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("wkład partnera")
        verbose_name_plural = _("wkłady partnerów")
        ordering = ["year", "task__number", "partner__name"]
        constraints = [
            models.UniqueConstraint(fields=["year", "task", "partner"], name="unique_contribution")
        ]
        indexes = [models.Index(fields=["office", "year", "status"])]

    def __str__(self) -> str:
        return f"{self.partner} – {self.task.number}. ({self.year})"

    def get_additional_data(self) -> dict:
        return {"office_id": self.office_id}


class ContributionValue(models.Model):
    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="values", verbose_name=_("wskaźnik")
    )
    value = models.DecimalField(_("wartość"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("wartość wskaźnika")
        verbose_name_plural = _("wartości wskaźników")
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "indicator"], name="unique_contribution_indicator"
            ),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="value_non_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}: {self.value}"


class ContributionActivity(models.Model):
    """One line of a listed activity (a club, a prevention programme …)."""

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="activities"
    )
    order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("działanie"), max_length=500)

    class Meta:
        verbose_name = _("działanie")
        verbose_name_plural = _("działania")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class Reminder(models.Model):
    """A reminder e-mail sent to a partner about a year's contributions."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    partner = models.ForeignKey(PartnerInstitution, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("rok"))
    sent_at = models.DateTimeField(_("wysłano"), auto_now_add=True)
    sent_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", null=True
    )
    recipients = models.TextField(_("adresaci"))

    class Meta:
        verbose_name = _("przypomnienie")
        verbose_name_plural = _("przypomnienia")
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.partner_id} {self.year}"
