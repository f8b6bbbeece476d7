"""Report templates, annual reports (art. 179) and their frozen figures."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ostoja.common.models import TrackedModel


class SectionKind(models.TextChoices):
    NARRATIVE = "narrative", _("tekst")
    FIGURES = "figures", _("zestawienie wskaźników")
    TABLE = "table", _("tabela")
    ACTIVITY_LIST = "activity_list", _("lista działań")
    CHART = "chart", _("wykres")
    NEEDS = "needs", _("przedstawienie potrzeb")


class ReportTemplate(TrackedModel):
    """An office's report layout; `office` empty = the generic template for every office."""

    office = models.ForeignKey(
        "accounts.Office",
        verbose_name=_("ośrodek"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="report_templates",
    )
    name = models.SlugField(_("identyfikator"), max_length=80)
    title = models.CharField(_("tytuł sprawozdania"), max_length=400)
    legal_basis = models.TextField(_("podstawa prawna"), blank=True)
    #: Metric aliases: a reference id used in narrative → the metric key it stands for.
    aliases = models.JSONField(_("aliasy wskaźników"), default=dict, blank=True)
    is_active = models.BooleanField(_("używany"), default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("szablon sprawozdania")
        verbose_name_plural = _("szablony sprawozdań")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "name"], name="unique_template_name_per_office"
            ),
            models.UniqueConstraint(
                fields=["name"], condition=models.Q(office=None), name="unique_generic_template"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class TemplateSection(TrackedModel):
    """One section of a template: heading, label ("Ad.1."), kind and narrative markup."""

    template = models.ForeignKey(ReportTemplate, on_delete=models.CASCADE, related_name="sections")
    key = models.SlugField(_("identyfikator"), max_length=40)
    order = models.PositiveIntegerField(_("kolejność"), default=0)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    label = models.CharField(_("oznaczenie"), max_length=20, blank=True)
    heading = models.CharField(_("nagłówek"), max_length=300)
    show_heading = models.BooleanField(_("nagłówek widoczny"), default=True)
    kind = models.CharField(
        _("rodzaj"), max_length=20, choices=SectionKind.choices, default=SectionKind.NARRATIVE
    )
    narrative = models.TextField(
        _("tekst"),
        blank=True,
        help_text=_(
            "Pusta linia oddziela akapity, „- ” na początku linii to punkt listy. "
            "Liczby tylko jako wskaźniki, np. {{ assistant.families_served }}."
        ),
    )
    #: Kind-specific settings: table rows, chart figures, headline keys, needs lines.
    config = models.JSONField(_("ustawienia"), default=dict, blank=True)

    class Meta:
        verbose_name = _("sekcja szablonu")
        verbose_name_plural = _("sekcje szablonu")
        ordering = ["template", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["template", "key"], name="unique_section_key")
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.heading}".strip()


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("projekt")
    SUBMITTED = "submitted", _("przekazane do zatwierdzenia")
    APPROVED = "approved", _("zatwierdzone")


class AnnualReport(TrackedModel):
    """One version of an office's annual report for a year; a new version is a new row."""

    office = models.ForeignKey(
        "accounts.Office",
        verbose_name=_("ośrodek"),
        on_delete=models.PROTECT,
        related_name="annual_reports",
    )
    year = models.PositiveIntegerField(_("rok"))
    version_number = models.PositiveIntegerField(_("wersja"), default=1)
    template = models.ForeignKey(
        ReportTemplate,
        verbose_name=_("szablon"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
    )
    #: The template as it was when the report was created, with this year's narrative edits.
    snapshot = models.JSONField(_("treść"), default=dict)
    status = models.CharField(
        _("status"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    place = models.CharField(_("miejscowość"), max_length=120, blank=True)
    dated = models.DateField(_("data sprawozdania"), null=True, blank=True)
    generated_at = models.DateTimeField(_("obliczono"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("zatwierdził(a)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("zatwierdzono"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("sprawozdanie roczne")
        verbose_name_plural = _("sprawozdania roczne")
        ordering = ["-year", "-version_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year", "version_number"], name="unique_report_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.office} {self.year} (v{self.version_number})"

    @property
    def is_frozen(self) -> bool:
        return self.status == ReportStatus.APPROVED

    def get_additional_data(self) -> dict:
        return {"office_id": self.office_id}


class ReportFigure(models.Model):
    """A figure of a report as computed (and, once approved, frozen)."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="figures")
    metric_key = models.CharField(_("wskaźnik"), max_length=160)
    period_start = models.DateField()
    period_end = models.DateField()
    value = models.DecimalField(_("wartość"), max_digits=16, decimal_places=2)
    unit = models.CharField(_("jednostka"), max_length=20)
    label = models.CharField(_("nazwa"), max_length=300, blank=True)
    computed_at = models.DateTimeField(_("obliczono"))
    #: The sentences the figure appears in (rendered text), in report order.
    text = models.TextField(_("tekst"), blank=True)

    class Meta:
        verbose_name = _("liczba w sprawozdaniu")
        verbose_name_plural = _("liczby w sprawozdaniu")
        ordering = ["report", "metric_key", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "metric_key", "period_start", "period_end"],
                name="unique_report_figure",
            )
        ]

    def __str__(self) -> str:
        return f"{self.metric_key}={self.value}"
