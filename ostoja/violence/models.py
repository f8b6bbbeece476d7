"""Blue Card (Niebieska Karta) procedures, the interdisciplinary team and its meetings.

Restricted data: read only through ``ostoja.violence.permissions``.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ostoja.accounts.models import Office, PartnerInstitution
from ostoja.common.models import TrackedModel
from ostoja.families.models import Family, Person, Sex


class Initiator(models.TextChoices):
    POLICE = "police", _("Policja")
    OPS = "ops", _("ośrodek pomocy społecznej")
    EDUCATION = "education", _("oświata")
    HEALTH_CARE = "health_care", _("ochrona zdrowia")
    ADDICTION_COMMISSION = "addiction_commission", _("gminna komisja rozwiązywania problemów alk.")


class ClosureReason(models.TextChoices):
    VIOLENCE_ENDED = "violence_ended", _("ustanie przemocy i realizacja planu pomocy")
    NO_GROUNDS = "no_grounds", _("brak zasadności podejmowania działań")
    OTHER = "other", _("inna przyczyna")


class AgeGroup(models.TextChoices):
    ADULT = "adult", _("dorosły")
    CHILD = "child", _("dziecko")


class TeamMember(TrackedModel):
    """A member of the interdisciplinary team (may also sit in working groups)."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="team_members")
    name = models.CharField(_("imię i nazwisko"), max_length=160)
    institution = models.CharField(_("reprezentowana instytucja"), max_length=250)
    partner = models.ForeignKey(
        PartnerInstitution,
        verbose_name=_("instytucja partnerska"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="team_members",
    )
    user = models.ForeignKey(
        "accounts.User",
        verbose_name=_("konto w Ostoi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="team_memberships",
    )
    active = models.BooleanField(_("aktywny"), default=True)

    class Meta:
        verbose_name = _("członek zespołu interdyscyplinarnego")
        verbose_name_plural = _("członkowie zespołu interdyscyplinarnego")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.institution})"


class Procedure(TrackedModel):
    """One Blue Card procedure for a family, from the NK-A form to closure."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="blue_cards")
    family = models.ForeignKey(
        Family, verbose_name=_("rodzina"), on_delete=models.PROTECT, related_name="blue_cards"
    )
    number = models.CharField(_("numer karty"), max_length=40, blank=True)
    initiator = models.CharField(_("wszczynający"), max_length=24, choices=Initiator.choices)
    started_on = models.DateField(_("data wszczęcia"))
    working_group = models.ManyToManyField(
        TeamMember, verbose_name=_("grupa robocza"), blank=True, related_name="procedures"
    )
    closed_on = models.DateField(_("data zakończenia"), null=True, blank=True)
    closure_reason = models.CharField(
        _("przyczyna zakończenia"), max_length=24, choices=ClosureReason.choices, blank=True
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("procedura Niebieskiej Karty")
        verbose_name_plural = _("procedury Niebieskiej Karty")
        ordering = ["-started_on", "-pk"]
        indexes = [models.Index(fields=["office", "started_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("started_on")),
                name="procedure_valid_range",
            ),
            models.CheckConstraint(
                condition=(Q(closed_on__isnull=True) & Q(closure_reason=""))
                | (Q(closed_on__isnull=False) & ~Q(closure_reason="")),
                name="procedure_closure_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"NK {self.number or self.pk} – {self.family}"

    def get_additional_data(self) -> dict:
        return {"office_id": self.office_id, "family_id": self.family_id}


class ProcedurePerson(models.Model):
    """A person named in a procedure: affected by violence or suspected of it."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="persons")
    person = models.ForeignKey(
        Person,
        verbose_name=_("członek rodziny"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    sex = models.CharField(_("płeć"), max_length=1, choices=Sex.choices)
    age_group = models.CharField(_("grupa wieku"), max_length=8, choices=AgeGroup.choices)
    suspected_perpetrator = models.BooleanField(_("osoba podejrzewana o stosowanie przemocy"))

    class Meta:
        verbose_name = _("osoba w procedurze")
        verbose_name_plural = _("osoby w procedurze")
        ordering = ["suspected_perpetrator", "age_group", "pk"]

    def __str__(self) -> str:
        return f"{self.get_sex_display()}, {self.get_age_group_display()}"

    def get_additional_data(self) -> dict:
        return {"office_id": self.procedure.office_id, "family_id": self.procedure.family_id}


class TeamMeeting(TrackedModel):
    """A sitting (posiedzenie) of the interdisciplinary team."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="team_meetings")
    date = models.DateField(_("data posiedzenia"))
    attendees = models.ManyToManyField(
        TeamMember, verbose_name=_("obecni"), blank=True, related_name="team_meetings"
    )
    notes = models.TextField(_("ustalenia"), blank=True)

    class Meta:
        verbose_name = _("posiedzenie zespołu")
        verbose_name_plural = _("posiedzenia zespołu")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y}"


class WorkingGroupMeeting(TrackedModel):
    """A meeting of the working group handling one procedure."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("data spotkania"))
    attendees = models.ManyToManyField(
        TeamMember, verbose_name=_("obecni"), blank=True, related_name="group_meetings"
    )
    notes = models.TextField(_("ustalenia"), blank=True)

    class Meta:
        verbose_name = _("spotkanie grupy roboczej")
        verbose_name_plural = _("spotkania grup roboczych")
        ordering = ["-date", "-pk"]

    def get_additional_data(self) -> dict:
        return {"office_id": self.procedure.office_id, "family_id": self.procedure.family_id}
