"""Assistant cases: request, decision, assignment, plan, contacts, assessments, closure.

Field groups carry short docstrings that say exactly what they record, so that
metrics (``casework/metrics.py``, written elsewhere) can count from them:

* a case is *served* in a period when one of its assignments overlaps the period;
* a *request* is counted on ``AssistantCase.requested_on``;
* a *closure* is counted on ``AssistantCase.closed_on`` with ``closure_reason.code``;
* an *outcome* is counted on ``Outcome.achieved_on`` (flow) or, for states such as the
  social-flat waiting list, as open on a day (``achieved_on <= day`` and ``ended_on``
  empty or later);
* *cooperation* is counted for the families whose ``Cooperation`` period overlaps the
  period, per ``InstitutionKind.code`` (Konin's table rows).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ostoja.accounts.models import Office, PartnerInstitution
from ostoja.common.models import TrackedModel
from ostoja.families.models import Family, Person

#: A periodic assessment is due at most this many months after the previous one
#: (art. 15 ust. 1: "nie rzadziej niż co pół roku").
ASSESSMENT_INTERVAL_MONTHS = 6
#: Post-closure monitoring is due this many months after closure (not statutory).
MONITORING_AFTER_MONTHS = 3


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Return `day` shifted by `months`, clamped to the month's last day."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


# --- dictionaries --------------------------------------------------------------------


class DictionaryEntry(models.Model):
    """An entry of an extensible dictionary; `code` is stable and used by metrics."""

    code = models.SlugField(_("kod"), max_length=64, unique=True)
    name = models.CharField(_("nazwa"), max_length=250)
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)
    is_active = models.BooleanField(_("w użyciu"), default=True)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class TaskCode(DictionaryEntry):
    """A task of the family assistant (art. 15 ust. 1 pkt …) used to code contacts."""

    legal_reference = models.CharField(_("podstawa prawna"), max_length=120, blank=True)

    class Meta(DictionaryEntry.Meta):
        verbose_name = _("zadanie asystenta (art. 15)")
        verbose_name_plural = _("zadania asystenta (art. 15)")


class InstitutionKind(DictionaryEntry):
    """A kind of institution the assistant cooperates with (rows of Konin's table)."""

    class Meta(DictionaryEntry.Meta):
        verbose_name = _("rodzaj instytucji")
        verbose_name_plural = _("rodzaje instytucji")


class OutcomeLevel(models.TextChoices):
    PERSON = "person", _("dotyczy osoby")
    FAMILY = "family", _("dotyczy rodziny")


class OutcomeKind(DictionaryEntry):
    """A kind of outcome of the assistant's work (job, therapy, social flat …).

    ``level`` says whether an outcome of this kind names a person (counted in
    persons/children) or only the family (counted in families).
    """

    level = models.CharField(
        _("dotyczy"), max_length=8, choices=OutcomeLevel.choices, default=OutcomeLevel.PERSON
    )
    is_state = models.BooleanField(
        _("trwa w czasie"),
        default=False,
        help_text=_("Np. lista oczekujących na lokal: liczona jako stan na dzień."),
    )

    class Meta(DictionaryEntry.Meta):
        verbose_name = _("rodzaj efektu")
        verbose_name_plural = _("rodzaje efektów")


class ClosureReason(DictionaryEntry):
    """A reason for ending work with a family (law.md §3.2)."""

    requires_text = models.BooleanField(_("wymaga opisu"), default=False)

    class Meta(DictionaryEntry.Meta):
        verbose_name = _("przyczyna zakończenia")
        verbose_name_plural = _("przyczyny zakończenia")


# --- caseload limit ------------------------------------------------------------------


class CaseloadLimit(models.Model):
    """Maximum families per assistant at the same time (art. 15 ust. 4), from a date.

    A row with an empty office is the statutory default for every office; a row of
    an office overrides the default from its ``valid_from``. The limit on a day is
    the office's latest row with ``valid_from <= day`` or, without one, the
    default's latest such row.
    """

    office = models.ForeignKey(
        Office,
        verbose_name=_("ośrodek"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="caseload_limits",
        help_text=_("Puste: wartość ustawowa dla wszystkich ośrodków."),
    )
    valid_from = models.DateField(_("obowiązuje od"))
    limit = models.PositiveSmallIntegerField(_("limit rodzin na asystenta"))
    note = models.CharField(_("podstawa / uwagi"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("limit rodzin na asystenta")
        verbose_name_plural = _("limity rodzin na asystenta")
        ordering = ["office_id", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["office", "valid_from"], name="unique_caseload_limit"),
            models.UniqueConstraint(
                fields=["valid_from"],
                condition=Q(office__isnull=True),
                name="unique_default_caseload_limit",
            ),
            models.CheckConstraint(condition=Q(limit__gte=1), name="caseload_limit_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.limit} ({self.valid_from:%d.%m.%Y})"


# --- the case ------------------------------------------------------------------------


class CaseStatus(models.TextChoices):
    REQUESTED = "requested", _("wniosek złożony")
    GRANTED = "granted", _("przyznano – czeka na przydzielenie")
    WAITING = "waiting", _("oczekuje na asystenta")
    REFUSED = "refused", _("odmowa")
    ACTIVE = "active", _("w toku")
    CLOSED = "closed", _("zakończona")


class RequestedBy(models.TextChoices):
    SOCIAL_WORKER = "social_worker", _("pracownik socjalny (art. 11 ust. 3)")
    COURT = "court", _("sąd rodzinny (art. 109 KRO)")
    FAMILY = "family", _("rodzina")
    ZA_ZYCIEM = "za_zyciem", _("rodzina – ustawa „Za życiem”")
    OTHER = "other", _("inny podmiot")


class LegalBasis(models.TextChoices):
    VOLUNTARY = "voluntary", _("dobrowolna współpraca (wniosek pracownika socjalnego)")
    COURT_OBLIGED = "court_obliged", _("zobowiązanie przez sąd (art. 109 KRO)")
    ZA_ZYCIEM = "za_zyciem", _("ustawa „Za życiem”")
    ART_11_1A = "art_11_1a", _("art. 11 ust. 1a (małoletnia w ciąży / małoletni rodzic)")


class FundingSource(models.TextChoices):
    OWN_BUDGET = "own_budget", _("budżet własny gminy")
    GOVERNMENT_PROGRAMME = "government_programme", _("program rządowy / resortowy")
    EU_PROJECT = "eu_project", _("projekt unijny")


class AssistantCase(TrackedModel):
    """One episode of a family's work with a family assistant, from request to closure.

    A re-opened case is a new case (``reopened_from`` points back), so a closure
    once counted stays counted and the new request is counted again.
    """

    office = models.ForeignKey(
        Office, verbose_name=_("ośrodek"), on_delete=models.PROTECT, related_name="assistant_cases"
    )
    family = models.ForeignKey(
        Family, verbose_name=_("rodzina"), on_delete=models.PROTECT, related_name="assistant_cases"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=CaseStatus.choices, default=CaseStatus.REQUESTED
    )
    # Request: who asked, on what legal basis, when (counted on requested_on).
    requested_on = models.DateField(_("data wniosku"))
    requested_by_kind = models.CharField(
        _("kto wnioskuje"),
        max_length=16,
        choices=RequestedBy.choices,
        default=RequestedBy.SOCIAL_WORKER,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pracownik składający wniosek"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assistant_requests",
    )
    legal_basis = models.CharField(
        _("podstawa współpracy"),
        max_length=16,
        choices=LegalBasis.choices,
        default=LegalBasis.VOLUNTARY,
    )
    court_name = models.CharField(_("sąd"), max_length=200, blank=True)
    court_case_number = models.CharField(_("sygnatura akt"), max_length=60, blank=True)
    court_order_date = models.DateField(_("data postanowienia sądu"), null=True, blank=True)
    request_reason = models.TextField(_("uzasadnienie wniosku"), blank=True)
    reopened_from = models.ForeignKey(
        "self",
        verbose_name=_("wznowienie sprawy"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reopenings",
    )
    # Work: opened_on is the first assignment's start; consent_on the family's consent.
    opened_on = models.DateField(_("początek pracy z rodziną"), null=True, blank=True)
    consent_on = models.DateField(_("data zgody rodziny"), null=True, blank=True)
    # Closure: closed_on with a reason from the dictionary (text when it requires one).
    closed_on = models.DateField(_("data zakończenia"), null=True, blank=True)
    closure_reason = models.ForeignKey(
        ClosureReason,
        verbose_name=_("przyczyna zakończenia"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
    )
    closure_reason_text = models.TextField(_("opis przyczyny zakończenia"), blank=True)
    final_assessment = models.TextField(_("ocena końcowa"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("sprawa asystencka")
        verbose_name_plural = _("sprawy asystenckie")
        ordering = ["-requested_on", "-pk"]
        indexes = [
            models.Index(fields=["office", "status"]),
            models.Index(fields=["office", "closed_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.family} ({self.requested_on:%d.%m.%Y})"

    def get_additional_data(self) -> dict:
        return {"office_id": self.office_id, "family_id": self.family_id}


class DecisionKind(models.TextChoices):
    GRANTED = "granted", _("przyznano asystenta")
    REFUSED = "refused", _("odmowa")
    WAITING_LIST = "waiting_list", _("wpisano na listę oczekujących")


class Decision(TrackedModel):
    """The head's decision on a request, with its date; a case may get several
    (e.g. waiting list, later granted), the latest on or before a day is in force."""

    case = models.ForeignKey(
        AssistantCase, verbose_name=_("sprawa"), on_delete=models.CASCADE, related_name="decisions"
    )
    kind = models.CharField(_("decyzja"), max_length=16, choices=DecisionKind.choices)
    decided_on = models.DateField(_("data decyzji"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decydujący"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("uzasadnienie"), blank=True)

    class Meta:
        verbose_name = _("decyzja kierownika")
        verbose_name_plural = _("decyzje kierownika")
        ordering = ["decided_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.decided_on:%d.%m.%Y})"

    def get_additional_data(self) -> dict:
        return {"office_id": self.case.office_id, "family_id": self.case.family_id}


class AssignmentEndReason(models.TextChoices):
    REASSIGNED = "reassigned", _("zmiana asystenta")
    CLOSED = "closed", _("zakończenie pracy z rodziną")


class Assignment(TrackedModel):
    """A period during which an assistant works with the family of a case.

    The family counts toward the assistant's caseload on every day from
    ``start_date`` to ``end_date`` inclusive (open end: still assigned). A head's
    override of the caseload limit is kept in ``override_reason``.
    ``funding_source`` says from which budget the work with this family is paid
    (e.g. the government programme "Asystent rodziny …").
    """

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
    end_reason = models.CharField(
        _("powód zakończenia przydziału"),
        max_length=16,
        choices=AssignmentEndReason.choices,
        blank=True,
    )
    funding_source = models.CharField(
        _("źródło finansowania"), max_length=24, choices=FundingSource.choices, blank=True
    )
    override_reason = models.TextField(_("uzasadnienie przekroczenia limitu"), blank=True)

    class Meta:
        verbose_name = _("przydzielenie asystenta")
        verbose_name_plural = _("przydzielenia asystentów")
        ordering = ["start_date", "pk"]
        indexes = [models.Index(fields=["assistant", "start_date", "end_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="assignment_valid_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.assistant} → {self.case.family}"

    def get_additional_data(self) -> dict:
        return {"office_id": self.case.office_id, "family_id": self.case.family_id}


# --- the work ------------------------------------------------------------------------


class WorkPlan(TrackedModel):
    """The work plan with the family (art. 15 ust. 1 pkt 1, ust. 2–3).

    ``co_signed_on`` is the day the family co-signed it; ``consulted_on`` the day the
    social worker was consulted.
    """

    case = models.ForeignKey(
        AssistantCase, verbose_name=_("sprawa"), on_delete=models.CASCADE, related_name="plans"
    )
    drawn_up_on = models.DateField(_("data sporządzenia"))
    co_signed_on = models.DateField(_("data podpisania przez rodzinę"), null=True, blank=True)
    consulted_on = models.DateField(
        _("data konsultacji z pracownikiem socjalnym"), null=True, blank=True
    )
    coordinated_with_child_plan = models.BooleanField(
        _("skoordynowany z planem pomocy dziecku (art. 15 ust. 1 pkt 2)"), default=False
    )

    class Meta:
        verbose_name = _("plan pracy z rodziną")
        verbose_name_plural = _("plany pracy z rodziną")
        ordering = ["drawn_up_on", "pk"]

    def __str__(self) -> str:
        return _("Plan z dnia %(day)s") % {"day": f"{self.drawn_up_on:%d.%m.%Y}"}

    def get_additional_data(self) -> dict:
        return {"office_id": self.case.office_id, "family_id": self.case.family_id}


class Attainment(models.TextChoices):
    ACHIEVED = "achieved", _("osiągnięty")
    PARTLY = "partly", _("osiągnięty częściowo")
    NOT_ACHIEVED = "not_achieved", _("nieosiągnięty")


class Goal(TrackedModel):
    """A goal of a work plan: actions, deadline, expected effect; attainment at closure."""

    plan = models.ForeignKey(
        WorkPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="goals"
    )
    description = models.TextField(_("cel"))
    actions = models.TextField(_("działania"), blank=True)
    responsible = models.CharField(_("osoba odpowiedzialna"), max_length=200, blank=True)
    deadline = models.DateField(_("termin realizacji"))
    expected_effect = models.TextField(_("przewidywany efekt"))
    attainment = models.CharField(
        _("stopień osiągnięcia"), max_length=16, choices=Attainment.choices, blank=True
    )

    class Meta:
        verbose_name = _("cel planu")
        verbose_name_plural = _("cele planu")
        ordering = ["deadline", "pk"]

    def __str__(self) -> str:
        return self.description[:80]

    def get_additional_data(self) -> dict:
        case = self.plan.case
        return {"office_id": case.office_id, "family_id": case.family_id}


class ContactForm(models.TextChoices):
    HOME_VISIT = "home_visit", _("wizyta w domu rodziny")
    OFFICE = "office", _("spotkanie w ośrodku")
    PHONE = "phone", _("rozmowa telefoniczna")
    ACCOMPANYING = "accompanying", _("towarzyszenie w instytucji")
    OTHER = "other", _("inna forma")


class Contact(TrackedModel):
    """A contact of the assistant with the family, coded by art. 15 tasks."""

    case = models.ForeignKey(
        AssistantCase, verbose_name=_("sprawa"), on_delete=models.CASCADE, related_name="contacts"
    )
    assistant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asystent"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    date = models.DateField(_("data"))
    form = models.CharField(_("forma"), max_length=16, choices=ContactForm.choices)
    duration_minutes = models.PositiveSmallIntegerField(_("czas trwania (min)"))
    tasks = models.ManyToManyField(
        TaskCode, verbose_name=_("zadania (art. 15)"), blank=True, related_name="contacts"
    )
    note = models.TextField(_("notatka"), blank=True)

    class Meta:
        verbose_name = _("kontakt z rodziną")
        verbose_name_plural = _("kontakty z rodziną")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["case", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=1) & Q(duration_minutes__lte=1440),
                name="contact_duration_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_form_display()} {self.date:%d.%m.%Y}"

    def get_additional_data(self) -> dict:
        return {"office_id": self.case.office_id, "family_id": self.case.family_id}


class Progress(models.TextChoices):
    IMPROVED = "improved", _("poprawa")
    UNCHANGED = "unchanged", _("bez zmian")
    WORSE = "worse", _("pogorszenie")


class Assessment(TrackedModel):
    """A periodic assessment of the family's situation (art. 15, at least every 6 months).

    The next one is due ``ASSESSMENT_INTERVAL_MONTHS`` after the latest assessment or,
    before the first, after the case's ``opened_on``; the due date is derived.
    """

    case = models.ForeignKey(
        AssistantCase,
        verbose_name=_("sprawa"),
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    assessed_on = models.DateField(_("data oceny"))
    progress = models.CharField(_("zmiana sytuacji"), max_length=16, choices=Progress.choices)
    summary = models.TextField(_("ocena sytuacji rodziny"))
    recommendations = models.TextField(_("wnioski i zalecenia"), blank=True)

    class Meta:
        verbose_name = _("okresowa ocena sytuacji rodziny")
        verbose_name_plural = _("okresowe oceny sytuacji rodziny")
        ordering = ["-assessed_on", "-pk"]

    def __str__(self) -> str:
        return _("Ocena z dnia %(day)s") % {"day": f"{self.assessed_on:%d.%m.%Y}"}

    def get_additional_data(self) -> dict:
        return {"office_id": self.case.office_id, "family_id": self.case.family_id}


class Cooperation(TrackedModel):
    """Cooperation with an institution for the family (or one member), and what for.

    Counted per family and ``institution_kind.code`` for the days from
    ``started_on`` to ``ended_on`` (open end: ongoing).
    """

    case = models.ForeignKey(
        AssistantCase,
        verbose_name=_("sprawa"),
        on_delete=models.CASCADE,
        related_name="cooperations",
    )
    institution_kind = models.ForeignKey(
        InstitutionKind,
        verbose_name=_("rodzaj instytucji"),
        on_delete=models.PROTECT,
        related_name="cooperations",
    )
    institution_name = models.CharField(_("nazwa instytucji"), max_length=250, blank=True)
    partner = models.ForeignKey(
        PartnerInstitution,
        verbose_name=_("instytucja partnerska"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cooperations",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("dotyczy osoby"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cooperations",
    )
    purpose = models.TextField(_("cel współpracy"))
    started_on = models.DateField(_("od"))
    ended_on = models.DateField(_("do"), null=True, blank=True)

    class Meta:
        verbose_name = _("współpraca z instytucją")
        verbose_name_plural = _("współpraca z instytucjami")
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="cooperation_valid_range",
            )
        ]

    def __str__(self) -> str:
        return self.institution_name or str(self.institution_kind)

    def get_additional_data(self) -> dict:
        return {"office_id": self.case.office_id, "family_id": self.case.family_id}


class Outcome(TrackedModel):
    """An outcome of the work for a person (or the family): a job, therapy, a flat …

    ``achieved_on`` is when it happened or began; ``ended_on`` when a lasting state
    ended (e.g. left the waiting list). ``institution`` names where (e.g. MONAR).
    """

    case = models.ForeignKey(
        AssistantCase, verbose_name=_("sprawa"), on_delete=models.CASCADE, related_name="outcomes"
    )
    kind = models.ForeignKey(
        OutcomeKind, verbose_name=_("rodzaj efektu"), on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("osoba"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outcomes",
    )
    achieved_on = models.DateField(_("data"))
    ended_on = models.DateField(_("do"), null=True, blank=True)
    institution = models.CharField(_("instytucja / miejsce"), max_length=250, blank=True)
    note = models.TextField(_("uwagi"), blank=True)

    class Meta:
        verbose_name = _("efekt pracy z rodziną")
        verbose_name_plural = _("efekty pracy z rodziną")
        ordering = ["-achieved_on", "-pk"]
        indexes = [models.Index(fields=["kind", "achieved_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("achieved_on")),
                name="outcome_valid_range",
            )
        ]

    def __str__(self) -> str:
        return str(self.kind)

    def get_additional_data(self) -> dict:
        return {"office_id": self.case.office_id, "family_id": self.case.family_id}

    def clean(self) -> None:
        super().clean()
        if (
            self.person is not None
            and self.case_id
            and self.person.family_id != self.case.family_id
        ):
            raise ValidationError({"person": _("Ta osoba nie należy do rodziny z tej sprawy.")})


class MonitoringResult(models.TextChoices):
    STABLE = "stable", _("sytuacja stabilna")
    RELAPSE = "relapse", _("pogorszenie – potrzebne wsparcie")
    NO_CONTACT = "no_contact", _("brak kontaktu z rodziną")


class Monitoring(TrackedModel):
    """Monitoring of the family after closure (art. 15); due date derived from closure."""

    case = models.OneToOneField(
        AssistantCase,
        verbose_name=_("sprawa"),
        on_delete=models.CASCADE,
        related_name="monitoring",
    )
    due_on = models.DateField(_("termin monitoringu"), editable=False)
    done_on = models.DateField(_("data monitoringu"), null=True, blank=True)
    result = models.CharField(
        _("wynik"), max_length=16, choices=MonitoringResult.choices, blank=True
    )
    note = models.TextField(_("uwagi"), blank=True)

    class Meta:
        verbose_name = _("monitoring po zakończeniu")
        verbose_name_plural = _("monitoring po zakończeniu")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return _("Monitoring do %(day)s") % {"day": f"{self.due_on:%d.%m.%Y}"}

    def get_additional_data(self) -> dict:
        return {"office_id": self.case.office_id, "family_id": self.case.family_id}
