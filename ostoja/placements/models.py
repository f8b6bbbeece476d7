"""Children placed outside the family, their returns home, and the gmina's co-financing.

A return home is the end of a placement with ``ended_by=return_home``; a change of
the place of care ends one placement (``transfer``) and starts another. A placement
never closes an assistant case (art. 10 ust. 4: work with the family goes on).
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ostoja.accounts.models import Office
from ostoja.common.models import TrackedModel
from ostoja.families.models import Family, FamilyRole, Person


class PlacementForm(models.TextChoices):
    KINSHIP_FOSTER_FAMILY = "kinship_foster_family", _("spokrewniona rodzina zastępcza")
    NON_PROFESSIONAL_FOSTER_FAMILY = (
        "non_professional_foster_family",
        _("niezawodowa rodzina zastępcza"),
    )
    PROFESSIONAL_FOSTER_FAMILY = "professional_foster_family", _("zawodowa rodzina zastępcza")
    EMERGENCY_FOSTER_FAMILY = (
        "emergency_foster_family",
        _("zawodowa rodzina zastępcza pełniąca funkcję pogotowia rodzinnego"),
    )
    FAMILY_CHILDRENS_HOME = "family_childrens_home", _("rodzinny dom dziecka")
    CARE_INSTITUTION = "care_institution", _("placówka opiekuńczo-wychowawcza")
    EMERGENCY_CARE_INSTITUTION = (
        "emergency_care_institution",
        _("placówka interwencyjna (Pogotowie Opiekuńcze)"),
    )
    MOS = "mos", _("młodzieżowy ośrodek socjoterapii (MOS)")
    MOW = "mow", _("młodzieżowy ośrodek wychowawczy (MOW)")
    OTHER = "other", _("inna forma")


#: Forms of foster care (piecza zastępcza). MOS and MOW belong to the education
#: system; for "other" the user says whether it is foster care.
FOSTER_CARE_FORMS = frozenset(
    {
        PlacementForm.KINSHIP_FOSTER_FAMILY,
        PlacementForm.NON_PROFESSIONAL_FOSTER_FAMILY,
        PlacementForm.PROFESSIONAL_FOSTER_FAMILY,
        PlacementForm.EMERGENCY_FOSTER_FAMILY,
        PlacementForm.FAMILY_CHILDRENS_HOME,
        PlacementForm.CARE_INSTITUTION,
        PlacementForm.EMERGENCY_CARE_INSTITUTION,
    }
)


class EndReason(models.TextChoices):
    RETURN_HOME = "return_home", _("powrót do rodziny")
    TRANSFER = "transfer", _("zmiana formy lub miejsca pieczy")
    ADULTHOOD = "adulthood", _("usamodzielnienie / pełnoletność")
    ADOPTION = "adoption", _("przysposobienie (adopcja)")
    OTHER = "other", _("inna przyczyna")


class Placement(TrackedModel):
    """One stay of a child outside the family, from the court's placement to its end."""

    office = models.ForeignKey(
        Office, verbose_name=_("ośrodek"), on_delete=models.PROTECT, related_name="placements"
    )
    family = models.ForeignKey(
        Family, verbose_name=_("rodzina"), on_delete=models.PROTECT, related_name="placements"
    )
    child = models.ForeignKey(
        Person, verbose_name=_("dziecko"), on_delete=models.PROTECT, related_name="placements"
    )
    form = models.CharField(_("forma"), max_length=40, choices=PlacementForm.choices)
    is_foster_care = models.BooleanField(
        _("piecza zastępcza"),
        default=True,
        help_text=_("MOS i MOW należą do systemu oświaty, nie do pieczy zastępczej."),
    )
    place_name = models.CharField(_("nazwa placówki lub rodziny"), max_length=200, blank=True)
    county = models.CharField(_("powiat umieszczenia"), max_length=120, blank=True)
    start_date = models.DateField(_("data umieszczenia"))
    end_date = models.DateField(
        _("data zakończenia"),
        null=True,
        blank=True,
        help_text=_("Dzień, w którym dziecko opuściło to miejsce (np. wróciło do domu)."),
    )
    ended_by = models.CharField(
        _("przyczyna zakończenia"), max_length=16, choices=EndReason.choices, blank=True
    )
    court = models.CharField(_("sąd"), max_length=200, blank=True)
    ruling_reference = models.CharField(_("sygnatura postanowienia"), max_length=80, blank=True)
    ruling_date = models.DateField(_("data postanowienia"), null=True, blank=True)
    reason = models.CharField(_("przyczyna umieszczenia"), max_length=250, blank=True)
    notes = models.TextField(_("uwagi"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("umieszczenie dziecka")
        verbose_name_plural = _("umieszczenia dzieci")
        ordering = ["-start_date", "-pk"]
        indexes = [
            models.Index(fields=["office", "start_date"]),
            models.Index(fields=["office", "end_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="placement_valid_range",
            ),
            models.CheckConstraint(
                condition=(Q(end_date__isnull=True) & Q(ended_by=""))
                | (Q(end_date__isnull=False) & ~Q(ended_by="")),
                name="placement_end_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.child}: {self.get_form_display()} ({self.start_date:%d.%m.%Y})"

    def get_additional_data(self) -> dict:
        return {"office_id": self.office_id, "family_id": self.family_id}

    def clean(self) -> None:
        super().clean()
        errors: dict[str, object] = {}
        if self.child_id and self.family_id:
            if self.child.family_id != self.family_id:
                errors["child"] = _("Dziecko nie należy do tej rodziny.")
            elif self.child.family_role != FamilyRole.CHILD:
                errors["child"] = _("Umieścić poza rodziną można tylko osobę o roli „dziecko”.")
        if self.family_id and self.office_id and self.family.office_id != self.office_id:
            errors["family"] = _("Rodzina należy do innego ośrodka.")
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("Data zakończenia nie może być wcześniejsza niż umieszczenia.")
        if self.end_date and not self.ended_by:
            errors["ended_by"] = _("Podaj przyczynę zakończenia.")
        if self.ended_by and not self.end_date:
            errors["end_date"] = _("Podaj datę zakończenia.")
        if errors:
            raise ValidationError(errors)

    def is_active_on(self, day: datetime.date) -> bool:
        """In care on `day`: placed on or before it and not yet left (left on `day` = home)."""
        return self.start_date <= day and (self.end_date is None or self.end_date > day)


class CoFinancingRate(models.Model):
    """The gmina's share of foster-care costs by year of stay (art. 191 ust. 9), effective-dated."""

    year_of_stay = models.PositiveSmallIntegerField(
        _("rok pobytu"),
        validators=[MinValueValidator(1)],
        help_text=_("Najwyższy rok obejmuje także lata następne."),
    )
    percent = models.DecimalField(
        _("udział gminy (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    valid_from = models.DateField(_("obowiązuje od"))
    valid_to = models.DateField(_("obowiązuje do"), null=True, blank=True)

    class Meta:
        verbose_name = _("stawka współfinansowania pieczy")
        verbose_name_plural = _("stawki współfinansowania pieczy")
        ordering = ["valid_from", "year_of_stay"]
        constraints = [
            models.UniqueConstraint(
                fields=["year_of_stay", "valid_from"], name="unique_cofinancing_rate_version"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="cofinancing_rate_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year_of_stay}: {self.percent} %"


class CoFinancingEntry(TrackedModel):
    """One month of a child's foster-care cost charged to the gmina (powiat's debit note)."""

    placement = models.ForeignKey(
        Placement,
        verbose_name=_("umieszczenie"),
        on_delete=models.PROTECT,
        related_name="cofinancing_entries",
    )
    office = models.ForeignKey(
        Office, verbose_name=_("ośrodek"), on_delete=models.PROTECT, related_name="+"
    )
    month = models.DateField(_("miesiąc"), help_text=_("Pierwszy dzień miesiąca."))
    cost = models.DecimalField(
        _("koszt pobytu (zł)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )
    year_of_stay = models.PositiveSmallIntegerField(_("rok pobytu"))
    percent = models.DecimalField(_("udział gminy (%)"), max_digits=5, decimal_places=2)
    amount = models.DecimalField(_("kwota gminy (zł)"), max_digits=12, decimal_places=2)
    document = models.CharField(_("nota obciążeniowa / dokument"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("współfinansowanie pieczy – miesiąc")
        verbose_name_plural = _("współfinansowanie pieczy – miesiące")
        ordering = ["-month", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "month"], name="unique_cofinancing_month"),
        ]

    def __str__(self) -> str:
        return f"{self.placement.child} {self.month:%m.%Y}: {self.amount} zł"

    def get_additional_data(self) -> dict:
        return {"office_id": self.office_id, "family_id": self.placement.family_id}
