"""The municipal family-support programme (tasks, indicators) and office statistics."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ostoja.accounts.models import Office, PartnerInstitution
from ostoja.common.models import TrackedModel
from ostoja.reporting.units import UNITS


def validate_unit(value: str) -> None:
    """Accept only the units the reporting registry knows (ostoja/reporting/units.py)."""
    if value not in UNITS:
        raise ValidationError(_("Nieznana jednostka: %(unit)s."), params={"unit": value})


METRIC_KEY_RE = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$"


class Programme(TrackedModel):
    """A 3-year municipal family-support programme adopted by a council resolution."""

    office = models.ForeignKey(
        Office, verbose_name=_("ośrodek"), on_delete=models.PROTECT, related_name="programmes"
    )
    name = models.CharField(_("nazwa programu"), max_length=250)
    resolution_number = models.CharField(_("numer uchwały"), max_length=60)
    resolution_date = models.DateField(_("data uchwały"))
    year_from = models.PositiveSmallIntegerField(_("od roku"))
    year_to = models.PositiveSmallIntegerField(_("do roku"))
    main_goal = models.TextField(_("cel główny"))
    previous = models.ForeignKey(
        "self",
        verbose_name=_("poprzedni program"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("program wspierania rodziny")
        verbose_name_plural = _("programy wspierania rodziny")
        ordering = ["-year_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year_to__gte=F("year_from")), name="programme_valid_years"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.year_from}–{self.year_to})"

    def clean(self) -> None:
        if self.year_from and self.year_to and self.year_to < self.year_from:
            raise ValidationError({"year_to": _("Rok końcowy nie może być wcześniejszy.")})

    def covers(self, year: int) -> bool:
        return self.year_from <= year <= self.year_to


class SpecificGoal(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="goals", verbose_name=_("program")
    )
    number = models.PositiveSmallIntegerField(_("numer"))
    text = models.TextField(_("cel szczegółowy"))

    class Meta:
        verbose_name = _("cel szczegółowy")
        verbose_name_plural = _("cele szczegółowe")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="unique_goal_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"


class Task(models.Model):
    """A numbered task of a programme, with the institutions that carry it out."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("program")
    )
    number = models.PositiveSmallIntegerField(_("numer zadania"))
    title = models.TextField(_("treść zadania"))
    goal = models.ForeignKey(
        SpecificGoal,
        verbose_name=_("cel szczegółowy"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
    )
    office_responsible = models.BooleanField(_("realizuje ośrodek"), default=True)
    institutions = models.ManyToManyField(  # type: ignore[var-annotated]
        PartnerInstitution,
        through="TaskInstitution",
        verbose_name=_("instytucje"),
        related_name="programme_tasks",
    )

    class Meta:
        verbose_name = _("zadanie programu")
        verbose_name_plural = _("zadania programu")
        ordering = ["programme", "number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="unique_task_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class InstitutionRole(models.TextChoices):
    RESPONSIBLE = "responsible", _("odpowiedzialna")
    PARTNER = "partner", _("partner")


class TaskInstitution(models.Model):
    """A partner institution named in a task; it owes a contribution each year."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="task_institutions")
    partner = models.ForeignKey(
        PartnerInstitution, on_delete=models.PROTECT, related_name="task_institutions"
    )
    role = models.CharField(
        _("rola"), max_length=16, choices=InstitutionRole.choices, default=InstitutionRole.PARTNER
    )

    class Meta:
        verbose_name = _("instytucja zadania")
        verbose_name_plural = _("instytucje zadań")
        constraints = [
            models.UniqueConstraint(fields=["task", "partner"], name="unique_task_partner")
        ]

    def __str__(self) -> str:
        return f"{self.task_id}: {self.partner_id} ({self.role})"


class IndicatorKind(models.TextChoices):
    COUNT = "count", _("liczba (osób, rodzin, dzieci, zdarzeń …)")
    AMOUNT = "amount", _("kwota w zł")
    YES_NO = "yes_no", _("tak / nie")


class Indicator(models.Model):
    """A measure of a task that partners report; its value feeds a metric.

    ``metric_key`` names the figure a report uses (``counselling_centre.diagnoses.
    psychological``); without it the figure is only available under the generated
    ``programme.t<task>.<code>`` keys (see ``ostoja.programme.metrics``).
    """

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("zadanie")
    )
    code = models.SlugField(_("kod"), max_length=60)
    label = models.CharField(_("nazwa wskaźnika"), max_length=250)
    unit = models.CharField(_("jednostka"), max_length=16, validators=[validate_unit])
    kind = models.CharField(
        _("rodzaj"), max_length=8, choices=IndicatorKind.choices, default=IndicatorKind.COUNT
    )
    metric_key = models.CharField(
        _("klucz w sprawozdaniu"),
        max_length=120,
        blank=True,
        validators=[
            RegexValidator(METRIC_KEY_RE, _("Klucz: małe litery, cyfry, podkreślenia i kropki."))
        ],
        help_text=_("Np. counselling_centre.diagnoses.psychological; puste – klucz techniczny."),
    )
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("wskaźnik")
        verbose_name_plural = _("wskaźniki")
        ordering = ["task", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["task", "code"], name="unique_indicator_code")
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if self.kind == IndicatorKind.AMOUNT and self.unit != "pln":
            raise ValidationError({"unit": _("Kwota musi mieć jednostkę pln.")})
        if self.kind != IndicatorKind.AMOUNT and self.unit == "pln":
            raise ValidationError({"kind": _("Jednostka pln wymaga rodzaju „kwota w zł”.")})
        if self.metric_key:
            from ostoja.reporting.registry import registry

            if registry.has(self.metric_key) or self.metric_key.startswith("programme."):
                raise ValidationError(
                    {"metric_key": _("Ten klucz jest zajęty przez inną miarę sprawozdania.")}
                )


class StatisticKind(models.Model):
    """An entry of an office's dictionary of statistics kept in other systems."""

    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="statistic_kinds", verbose_name=_("ośrodek")
    )
    code = models.SlugField(
        _("kod"), max_length=60, help_text=_("Kod używany w plikach importu, np. KDR-KARTY.")
    )
    key = models.CharField(
        _("klucz w sprawozdaniu"),
        max_length=120,
        validators=[
            RegexValidator(METRIC_KEY_RE, _("Klucz: małe litery, cyfry, podkreślenia i kropki."))
        ],
    )
    label = models.CharField(_("nazwa"), max_length=250)
    unit = models.CharField(_("jednostka"), max_length=16, validators=[validate_unit])
    parent = models.ForeignKey(
        "self",
        verbose_name=_("część sumy"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="parts",
    )
    parts_complete = models.BooleanField(
        _("części sumują się do całości"),
        default=False,
        help_text=_("Zaznacz na pozycji nadrzędnej, jeśli jej części muszą dać dokładnie sumę."),
    )
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("rodzaj statystyki")
        verbose_name_plural = _("rodzaje statystyk")
        ordering = ["office", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["office", "code"], name="unique_statistic_code"),
            models.UniqueConstraint(fields=["office", "key"], name="unique_statistic_key"),
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if self.parent_id and self.parent and self.parent.office_id != self.office_id:
            raise ValidationError({"parent": _("Pozycja nadrzędna musi być z tego ośrodka.")})
        if self.key:
            from ostoja.reporting.registry import registry

            if registry.has(self.key):
                raise ValidationError(
                    {"key": _("Ten klucz jest zajęty przez inną miarę sprawozdania.")}
                )


class StatisticValue(TrackedModel):
    """A yearly figure of a statistic kind, with where it comes from."""

    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="statistic_values", verbose_name=_("ośrodek")
    )
    kind = models.ForeignKey(
        StatisticKind, on_delete=models.PROTECT, related_name="values", verbose_name=_("rodzaj")
    )
    year = models.PositiveSmallIntegerField(_("rok"))
    value = models.DecimalField(_("wartość"), max_digits=14, decimal_places=2)
    source = models.CharField(_("źródło"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("wartość statystyki")
        verbose_name_plural = _("wartości statystyk")
        ordering = ["year", "kind__order"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "year"], name="unique_statistic_year"),
            models.CheckConstraint(condition=Q(value__gte=0), name="statistic_non_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.year}: {self.value}"
