"""Family assistants as staff: employment (effective-dated), trainings, and what they cost."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ostoja.accounts.models import Office
from ostoja.common.models import TrackedModel


class EmploymentForm(models.TextChoices):
    TASK_BASED_EMPLOYMENT = (
        "task_based_employment",
        _("umowa o pracę w systemie zadaniowego czasu pracy"),
    )
    SERVICE_CONTRACT = "service_contract", _("umowa o świadczenie usług")
    OTHER = "other", _("inna forma")


class FundingSource(models.TextChoices):
    OWN_BUDGET = "own_budget", _("środki własne gminy")
    GOVERNMENT_PROGRAMME = "government_programme", _("program rządowy (budżet państwa)")
    EU_PROJECT = "eu_project", _("projekt unijny")
    OTHER = "other", _("inne źródło")


class AssistantEmployment(TrackedModel):
    """One period of an assistant's employment in one form; a change of form is a new row."""

    office = models.ForeignKey(
        Office, verbose_name=_("ośrodek"), on_delete=models.PROTECT, related_name="+"
    )
    assistant = models.ForeignKey(
        "accounts.User",
        verbose_name=_("asystent rodziny"),
        on_delete=models.PROTECT,
        related_name="employments",
    )
    form = models.CharField(_("forma zatrudnienia"), max_length=32, choices=EmploymentForm.choices)
    employer = models.CharField(
        _("pracodawca"),
        max_length=200,
        blank=True,
        help_text=_("Zostaw puste, gdy zatrudnia ośrodek; wpisz podmiot z art. 190, jeśli inny."),
    )
    start_date = models.DateField(_("od"))
    end_date = models.DateField(_("do"), null=True, blank=True)
    fte = models.DecimalField(
        _("wymiar etatu"),
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Np. 1,00 lub 0,50; przy umowie o świadczenie usług zostaw puste."),
    )
    hours_per_month = models.DecimalField(
        _("godziny w miesiącu"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.1"))],
    )
    notes = models.TextField(_("uwagi"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("zatrudnienie asystenta")
        verbose_name_plural = _("zatrudnienie asystentów")
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="employment_valid_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.assistant}: {self.get_form_display()} ({self.start_date:%d.%m.%Y})"

    def get_additional_data(self) -> dict:
        return {"office_id": self.office_id, "family_id": None}

    def clean(self) -> None:
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("Data końca nie może być wcześniejsza niż początku.")}
            )


class Training(TrackedModel):
    """A training, course or conference an assistant attended."""

    office = models.ForeignKey(
        Office, verbose_name=_("ośrodek"), on_delete=models.PROTECT, related_name="+"
    )
    assistant = models.ForeignKey(
        "accounts.User",
        verbose_name=_("asystent rodziny"),
        on_delete=models.PROTECT,
        related_name="trainings",
    )
    date = models.DateField(_("data"))
    title = models.CharField(_("tytuł"), max_length=250)
    hours = models.DecimalField(
        _("liczba godzin"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.1"))],
    )
    organiser = models.CharField(_("organizator"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("szkolenie asystenta")
        verbose_name_plural = _("szkolenia asystentów")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d.%m.%Y})"

    def get_additional_data(self) -> dict:
        return {"office_id": self.office_id, "family_id": None}


class AssistantCost(TrackedModel):
    """What one assistant cost in one month from one funding source (pay, contributions …)."""

    office = models.ForeignKey(
        Office, verbose_name=_("ośrodek"), on_delete=models.PROTECT, related_name="+"
    )
    assistant = models.ForeignKey(
        "accounts.User",
        verbose_name=_("asystent rodziny"),
        on_delete=models.PROTECT,
        related_name="assistant_costs",
    )
    month = models.DateField(_("miesiąc"), help_text=_("Pierwszy dzień miesiąca."))
    amount = models.DecimalField(
        _("kwota (zł)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.00"))],
    )
    funding_source = models.CharField(
        _("źródło finansowania"), max_length=32, choices=FundingSource.choices
    )
    programme_name = models.CharField(
        _("nazwa programu lub projektu"),
        max_length=250,
        blank=True,
        help_text=_("Np. „Asystent rodziny i koordynator rodzinnej pieczy zastępczej”."),
    )

    class Meta:
        verbose_name = _("koszt asystenta")
        verbose_name_plural = _("koszty asystentów")
        ordering = ["-month", "-pk"]
        indexes = [models.Index(fields=["office", "month"])]
        constraints = [
            models.UniqueConstraint(
                fields=["assistant", "month", "funding_source", "programme_name"],
                name="unique_assistant_cost_month_source",
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="assistant_cost_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.assistant} {self.month:%m.%Y}: {self.amount} zł"

    def get_additional_data(self) -> dict:
        return {"office_id": self.office_id, "family_id": None}

    def clean(self) -> None:
        super().clean()
        if self.month and self.month.day != 1:
            self.month = self.month.replace(day=1)
        needs_name = (FundingSource.GOVERNMENT_PROGRAMME, FundingSource.EU_PROJECT)
        if self.funding_source in needs_name and not self.programme_name:
            raise ValidationError(
                {"programme_name": _("Podaj nazwę programu lub projektu, z którego są środki.")}
            )
