"""Families, their members and their problem areas (art. 7 of the Social Assistance Act)."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum.pl import pesel as stdnum_pesel

from ostoja.accounts.models import Office
from ostoja.common.models import TrackedModel

#: No member of a family is born before this day (a typo guard, e.g. 1019 for 2019).
EARLIEST_BIRTH_DATE = datetime.date(1900, 1, 1)


class ProblemArea(models.Model):
    """An entry of the effective-dated dictionary of reasons for assistance."""

    code = models.SlugField(_("kod"), max_length=64)
    name = models.CharField(_("nazwa"), max_length=250)
    legal_reference = models.CharField(_("podstawa prawna"), max_length=120, blank=True)
    valid_from = models.DateField(_("obowiązuje od"), default=datetime.date(2004, 5, 1))
    valid_to = models.DateField(_("obowiązuje do"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("obszar problemowy")
        verbose_name_plural = _("obszary problemowe")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "valid_from"], name="unique_problem_area_version"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="problem_area_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


def validate_pesel(value: str) -> None:
    """Reject a PESEL whose checksum or date is wrong, in Polish."""
    try:
        stdnum_pesel.validate(value)
    except Exception as exc:
        raise ValidationError(
            _("Numer PESEL jest nieprawidłowy (sprawdź cyfry, sumę kontrolną i datę urodzenia)."),
            code="invalid_pesel",
        ) from exc


class Family(TrackedModel):
    """A family supported by the office; the unit that casework and reports count."""

    office = models.ForeignKey(
        Office, verbose_name=_("ośrodek"), on_delete=models.PROTECT, related_name="families"
    )
    name = models.CharField(
        _("nazwa rodziny"), max_length=160, help_text=_("Np. Rodzina Kowalskich.")
    )
    street = models.CharField(_("ulica i numer"), max_length=160, blank=True)
    postal_code = models.CharField(
        _("kod pocztowy"),
        max_length=6,
        blank=True,
        validators=[RegexValidator(r"^\d{2}-\d{3}$", _("Kod pocztowy wpisz w formacie 00-000."))],
    )
    city = models.CharField(_("miejscowość"), max_length=120, blank=True)
    social_worker = models.ForeignKey(
        "accounts.User",
        verbose_name=_("pracownik socjalny prowadzący"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="families_handled",
    )
    problem_areas = models.ManyToManyField(
        ProblemArea, verbose_name=_("obszary problemowe"), blank=True, related_name="families"
    )
    notes = models.TextField(_("uwagi"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("rodzina")
        verbose_name_plural = _("rodziny")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["office", "name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        place = " ".join(p for p in (self.postal_code, self.city) if p)
        return ", ".join(p for p in (self.street, place) if p)

    def get_additional_data(self) -> dict:
        return {"office_id": self.office_id, "family_id": self.pk}


class FamilyRole(models.TextChoices):
    MOTHER = "mother", _("matka")
    FATHER = "father", _("ojciec")
    CHILD = "child", _("dziecko")
    LEGAL_GUARDIAN = "guardian", _("opiekun prawny")
    PARTNER = "partner", _("partner / partnerka rodzica")
    GRANDPARENT = "grandparent", _("dziadek / babcia")
    SIBLING_ADULT = "adult_sibling", _("pełnoletnie rodzeństwo")
    OTHER = "other", _("inna osoba")


class Sex(models.TextChoices):
    FEMALE = "F", _("kobieta")
    MALE = "M", _("mężczyzna")


class Disability(models.TextChoices):
    NONE = "", _("brak orzeczenia")
    CHILD = "child", _("orzeczenie o niepełnosprawności (dziecko do 16 lat)")
    MILD = "mild", _("stopień lekki")
    MODERATE = "moderate", _("stopień umiarkowany")
    SEVERE = "severe", _("stopień znaczny")


class Person(TrackedModel):
    """A member of a family."""

    family = models.ForeignKey(
        Family, verbose_name=_("rodzina"), on_delete=models.PROTECT, related_name="members"
    )
    first_name = models.CharField(_("imię"), max_length=80)
    last_name = models.CharField(_("nazwisko"), max_length=120)
    family_role = models.CharField(_("rola w rodzinie"), max_length=16, choices=FamilyRole.choices)
    pesel = models.CharField(
        _("PESEL"),
        max_length=11,
        blank=True,
        validators=[validate_pesel],
        help_text=_("Zostaw puste, jeśli osoba nie ma numeru PESEL."),
    )
    birth_date = models.DateField(_("data urodzenia"), null=True, blank=True)
    sex = models.CharField(_("płeć"), max_length=1, choices=Sex.choices, blank=True)
    disability = models.CharField(
        _("orzeczenie o niepełnosprawności"), max_length=16, choices=Disability.choices, blank=True
    )
    address = models.CharField(_("adres, jeśli inny niż rodziny"), max_length=250, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("osoba")
        verbose_name_plural = _("osoby")
        ordering = ["family", "birth_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["family", "pesel"],
                condition=~Q(pesel=""),
                name="unique_pesel_in_family",
            )
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def office_id(self) -> int:
        return self.family.office_id

    def get_additional_data(self) -> dict:
        return {"office_id": self.family.office_id, "family_id": self.family_id}

    def clean(self) -> None:
        """Check that PESEL agrees with the birth date and sex; fill the date from it.

        The birth date (typed or read from PESEL) lies between 1900 and today.
        """
        super().clean()
        if not self.pesel:
            errors = self._birth_date_errors()
            if not self.sex:
                errors["sex"] = _("Podaj płeć (bez numeru PESEL nie da się jej ustalić).")
            if errors:
                raise ValidationError(errors)
            return
        try:
            stdnum_pesel.validate(self.pesel)
        except Exception:
            return  # the field validator reports it
        errors = {}
        born = stdnum_pesel.get_birth_date(self.pesel)
        if self.birth_date is None:
            self.birth_date = born
        elif self.birth_date != born:
            errors["birth_date"] = _("Data urodzenia nie zgadza się z numerem PESEL.")
        for field, message in self._birth_date_errors().items():
            errors.setdefault(field, message)
        sex = "F" if stdnum_pesel.get_gender(self.pesel) == "F" else "M"
        if self.sex and self.sex != sex:
            errors["sex"] = _("Płeć nie zgadza się z numerem PESEL.")
        elif not self.sex:
            self.sex = sex
        if errors:
            raise ValidationError(errors)

    def _birth_date_errors(self) -> dict:
        if self.birth_date is None:
            return {}
        if self.birth_date > timezone.localdate():
            return {"birth_date": _("Data urodzenia nie może być datą z przyszłości.")}
        if self.birth_date < EARLIEST_BIRTH_DATE:
            return {
                "birth_date": _("Data urodzenia nie może być wcześniejsza niż 1 stycznia 1900 r.")
            }
        return {}

    def age_on(self, day: datetime.date) -> int | None:
        if self.birth_date is None:
            return None
        b = self.birth_date
        return day.year - b.year - ((day.month, day.day) < (b.month, b.day))
