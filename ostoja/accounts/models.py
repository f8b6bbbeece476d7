"""Offices (the tenants), the people who use Ostoja and the roles they hold."""

from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class OfficeKind(models.TextChoices):
    OPS = "OPS", _("Ośrodek Pomocy Społecznej (OPS)")
    GOPS = "GOPS", _("Gminny Ośrodek Pomocy Społecznej (GOPS)")
    MOPS = "MOPS", _("Miejski Ośrodek Pomocy Społecznej (MOPS)")
    MGOPS = "MGOPS", _("Miejsko-Gminny Ośrodek Pomocy Społecznej (MGOPS)")
    MOPR = "MOPR", _("Miejski Ośrodek Pomocy Rodzinie (MOPR)")


class Office(models.Model):
    """A municipal social-assistance centre: the tenant that owns its data."""

    slug = models.SlugField(_("identyfikator"), unique=True)
    name = models.CharField(_("nazwa"), max_length=200)
    kind = models.CharField(_("rodzaj"), max_length=8, choices=OfficeKind.choices)
    municipality = models.CharField(_("gmina"), max_length=120)
    teryt = models.CharField(
        _("kod TERYT gminy"),
        max_length=7,
        validators=[RegexValidator(r"^\d{7}$", _("Kod TERYT gminy ma 7 cyfr."))],
    )
    council = models.CharField(_("rada gminy"), max_length=160, blank=True)
    address = models.CharField(_("adres"), max_length=250, blank=True)
    head_name = models.CharField(_("kierownik / dyrektor"), max_length=160, blank=True)

    class Meta:
        verbose_name = _("ośrodek")
        verbose_name_plural = _("ośrodki")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    HEAD = "head", _("Kierownik / dyrektor")
    SOCIAL_WORKER = "social_worker", _("Pracownik socjalny")
    ASSISTANT = "assistant", _("Asystent rodziny")
    BLUE_CARD_COORDINATOR = "blue_card_coordinator", _("Koordynator ZI / Niebieska Karta")
    REPORTING_OFFICER = "reporting_officer", _("Analityk / sprawozdawca")
    PARTNER = "partner", _("Partner (instytucja)")
    ADMINISTRATOR = "administrator", _("Administrator")
    AUDITOR = "auditor", _("Audytor / IOD")


class User(AbstractUser):
    """A person who logs in; belongs to one office and holds one or more roles."""

    office = models.ForeignKey(
        Office,
        verbose_name=_("ośrodek"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    partner_institution = models.ForeignKey(
        "accounts.PartnerInstitution",
        verbose_name=_("instytucja partnerska"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )

    class Meta:
        verbose_name = _("użytkownik")
        verbose_name_plural = _("użytkownicy")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @cached_property
    def roles(self) -> frozenset[str]:
        """The user's roles, read once per request."""
        if not self.pk or not self.is_active:
            return frozenset()
        return frozenset(self.role_assignments.values_list("role", flat=True))

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("rola"), max_length=32, choices=Role.choices)

    class Meta:
        verbose_name = _("rola użytkownika")
        verbose_name_plural = _("role użytkowników")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="unique_user_role")]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}"


class PartnerKind(models.TextChoices):
    SCHOOL = "school", _("szkoła / placówka oświatowa")
    POLICE = "police", _("policja")
    COUNTY_FAMILY_CENTRE = "county_family_centre", _("powiatowe centrum pomocy rodzinie (PCPR)")
    COUNSELLING_CENTRE = "counselling_centre", _("poradnia psychologiczno-pedagogiczna")
    ADDICTION_CENTRE = (
        "addiction_centre",
        _("ośrodek profilaktyki i rozwiązywania problemów uzależnień"),
    )
    COURT_CURATORS = "court_curators", _("kuratorzy sądowi")
    HEALTH_CARE = "health_care", _("ochrona zdrowia")
    NGO = "ngo", _("organizacja pozarządowa")
    CHURCH = "church", _("organizacja kościelna")
    LABOUR_OFFICE = "labour_office", _("urząd pracy")
    MUNICIPALITY = "municipality", _("urząd gminy / miasta")
    HOUSING = "housing", _("zarządca mieszkań / spółdzielnia")
    OTHER = "other", _("inna")


class PartnerInstitution(models.Model):
    """An institution that cooperates with the office (school, police, PCPR …)."""

    office = models.ForeignKey(
        Office, verbose_name=_("ośrodek"), on_delete=models.PROTECT, related_name="partners"
    )
    name = models.CharField(_("nazwa"), max_length=250)
    short_name = models.CharField(_("nazwa skrócona"), max_length=80, blank=True)
    kind = models.CharField(_("rodzaj"), max_length=32, choices=PartnerKind.choices)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("instytucja partnerska")
        verbose_name_plural = _("instytucje partnerskie")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "name"], name="unique_partner_name")
        ]

    def __str__(self) -> str:
        return self.short_name or self.name
