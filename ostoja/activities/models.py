"""Group activities and projects (summer programmes, EU projects, workshops) and who took part."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ostoja.accounts.models import Office
from ostoja.common.models import TrackedModel
from ostoja.families.models import Family, Person
from ostoja.staff.models import FundingSource


class ActivityKind(models.TextChoices):
    SUMMER_PROGRAMME = "summer_programme", _("wypoczynek letni / kolonie")
    EU_PROJECT = "eu_project", _("projekt współfinansowany ze środków UE")
    PARENTING_WORKSHOP = "parenting_workshop", _("warsztaty dla rodziców")
    SUPPORT_GROUP = "support_group", _("grupa wsparcia")
    OTHER = "other", _("inne zajęcia")


class ParticipantRole(models.TextChoices):
    CHILD = "child", _("dziecko")
    ADULT = "adult", _("osoba dorosła")


class GroupActivity(TrackedModel):
    """A group activity or project run or joined by the office."""

    office = models.ForeignKey(
        Office, verbose_name=_("ośrodek"), on_delete=models.PROTECT, related_name="activities"
    )
    name = models.CharField(_("nazwa"), max_length=250)
    kind = models.CharField(_("rodzaj"), max_length=32, choices=ActivityKind.choices)
    funding_source = models.CharField(
        _("źródło finansowania"), max_length=32, choices=FundingSource.choices, blank=True
    )
    project_name = models.CharField(
        _("program lub projekt"),
        max_length=250,
        blank=True,
        help_text=_("Np. Wielkopolski Regionalny Program Operacyjny na lata 2014-2020."),
    )
    report_key = models.CharField(
        _("klucz w sprawozdaniu"),
        max_length=60,
        blank=True,
        validators=[
            RegexValidator(
                r"^[a-z][a-z0-9_]*$", _("Tylko małe litery łacińskie, cyfry i podkreślenia.")
            )
        ],
        help_text=_("Np. project_wspiera_my: wskaźniki uczestników będą miały ten przedrostek."),
    )
    start_date = models.DateField(_("początek"))
    end_date = models.DateField(_("koniec"), null=True, blank=True)
    description = models.TextField(_("opis"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("zajęcia grupowe / projekt")
        verbose_name_plural = _("zajęcia grupowe i projekty")
        ordering = ["-start_date", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="activity_valid_range",
            ),
            models.UniqueConstraint(
                fields=["office", "report_key"],
                condition=~Q(report_key=""),
                name="unique_activity_report_key",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"office_id": self.office_id, "family_id": None}


class Participation(TrackedModel):
    """A person's participation (or qualification) in a group activity."""

    activity = models.ForeignKey(
        GroupActivity,
        verbose_name=_("zajęcia / projekt"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("uczestnik"), on_delete=models.PROTECT, related_name="participations"
    )
    family = models.ForeignKey(
        Family, verbose_name=_("rodzina"), on_delete=models.PROTECT, related_name="participations"
    )
    role = models.CharField(_("uczestnik jako"), max_length=8, choices=ParticipantRole.choices)
    start_date = models.DateField(_("od (zakwalifikowanie)"))
    end_date = models.DateField(_("do"), null=True, blank=True)

    class Meta:
        verbose_name = _("udział w zajęciach")
        verbose_name_plural = _("udział w zajęciach")
        ordering = ["activity", "family", "person"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "person"], name="unique_participation"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="participation_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.activity}"

    def get_additional_data(self) -> dict:
        return {"office_id": self.activity.office_id, "family_id": self.family_id}

    def clean(self) -> None:
        super().clean()
        if self.person_id and self.family_id and self.person.family_id != self.family_id:
            raise ValidationError({"person": _("Osoba nie należy do tej rodziny.")})
        if self.person_id and self.activity_id:
            if self.person.family.office_id != self.activity.office_id:
                raise ValidationError({"person": _("Osoba jest z rodziny innego ośrodka.")})
            if self.start_date and self.start_date < self.activity.start_date:
                raise ValidationError(
                    {"start_date": _("Udział nie może zacząć się przed początkiem zajęć.")}
                )
