"""Assistant cases and the assignment of family assistants to them."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ostoja.accounts.models import Office
from ostoja.common.models import TrackedModel
from ostoja.families.models import Family


class CaseStatus(models.TextChoices):
    REQUESTED = "requested", _("wniosek złożony")
    WAITING = "waiting", _("oczekuje na asystenta")
    REFUSED = "refused", _("odmowa")
    ACTIVE = "active", _("w toku")
    CLOSED = "closed", _("zakończona")


class AssistantCase(TrackedModel):
    """One episode of a family's work with a family assistant, from request to closure."""

    office = models.ForeignKey(
        Office, verbose_name=_("ośrodek"), on_delete=models.PROTECT, related_name="assistant_cases"
    )
    family = models.ForeignKey(
        Family, verbose_name=_("rodzina"), on_delete=models.PROTECT, related_name="assistant_cases"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=CaseStatus.choices, default=CaseStatus.REQUESTED
    )
    requested_on = models.DateField(_("data wniosku"))
    opened_on = models.DateField(_("początek pracy z rodziną"), null=True, blank=True)
    closed_on = models.DateField(_("data zakończenia"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("sprawa asystencka")
        verbose_name_plural = _("sprawy asystenckie")
        ordering = ["-requested_on", "-pk"]
        indexes = [models.Index(fields=["office", "status"])]

    def __str__(self) -> str:
        return f"{self.family} ({self.requested_on:%d.%m.%Y})"

    def get_additional_data(self) -> dict:
        return {"office_id": self.office_id, "family_id": self.family_id}


class Assignment(TrackedModel):
    """A period during which an assistant works with the family of a case."""

    case = models.ForeignKey(
        AssistantCase,
        verbose_name=_("sprawa"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    assistant = models.ForeignKey(
        "accounts.User",
        verbose_name=_("asystent rodziny"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    start_date = models.DateField(_("od"))
    end_date = models.DateField(_("do"), null=True, blank=True)

    class Meta:
        verbose_name = _("przydzielenie asystenta")
        verbose_name_plural = _("przydzielenia asystentów")
        ordering = ["start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="assignment_valid_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.assistant} → {self.case.family}"
