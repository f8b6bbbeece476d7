"""Figures of the family assistants' casework: families served, requests, closures,
outcomes per person, cooperation per institution kind, caseload and deadlines.

Conventions (each figure's description repeats what applies to it):

* a family is *served* in a period when one of its cases has an assignment to an
  assistant overlapping the period (``start_date <= end`` and no ``end_date`` or
  ``end_date >= start``); children are the members with the family role "child";
* requests count on ``requested_on``, decisions on ``decided_on``, closures on
  ``closed_on`` (distinct families, by ``closure_reason.code``);
* outcomes count distinct persons (or families) with an outcome of the kind
  *achieved* in the period, except attendance (overlapping the period) and the
  flat waiting list (open on the period's last day);
* cooperation counts distinct families with a cooperation record of the
  institution kind overlapping the period (the rows of Konin's table).

Every group is one aggregate query; the same filters give the drill-downs.
"""

from __future__ import annotations

import datetime
import importlib
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce
from django.utils.text import slugify
from django.utils.translation import gettext_noop as N_

from ostoja.casework.models import (
    ASSESSMENT_INTERVAL_MONTHS,
    Assignment,
    AssistantCase,
    Contact,
    ContactForm,
    Cooperation,
    Decision,
    DecisionKind,
    FundingSource,
    Outcome,
    RequestedBy,
    add_months,
)
from ostoja.casework.selectors import caseload_limit_on
from ostoja.families.models import FamilyRole, Person
from ostoja.reporting.registry import (
    MetricSpec,
    MetricValue,
    Period,
    metric,
    metric_group,
    metric_provider,
)

_DICTIONARIES = importlib.import_module("ostoja.casework.migrations.0004_dictionaries")
#: Closure reason codes as seeded (names may change, codes are stable).
CLOSURE_CODES = [(code, name) for code, name, _text in _DICTIONARIES.CLOSURE_REASONS]

#: Outcome kinds the metrics below need beyond the seeded dictionary; the
#: dictionary is extensible, `outcome_kinds_ensure` adds them (idempotent).
EXTRA_OUTCOME_KINDS = [
    # (code, name, level, is_state)
    (
        "addiction_treatment_extension",
        "możliwość przedłużenia leczenia w ośrodku (do dnia)",
        "person",
        True,
    ),
    (
        "bereavement_support",
        "wsparcie rodziny po śmierci dziecka (sprawy bieżące, pochówek, pomoc psychologiczna)",
        "family",
        False,
    ),
]

RESIDENTIAL = "addiction_treatment_residential"
EXTENSION = "addiction_treatment_extension"


def outcome_kinds_ensure() -> None:
    """Create the outcome kinds of EXTRA_OUTCOME_KINDS that are missing."""
    from ostoja.casework.models import OutcomeKind

    start = 100
    for order, (code, name, level, is_state) in enumerate(EXTRA_OUTCOME_KINDS, start):
        OutcomeKind.objects.get_or_create(
            code=code,
            defaults={"name": name, "order": order, "level": level, "is_state": is_state},
        )


# --- periods ------------------------------------------------------------------------


def assigned_during(period: Period, prefix: str = "") -> Q:
    """Assignments (or, with a prefix, rows joined to them) overlapping the period."""
    return Q(**{f"{prefix}start_date__lte": period.end}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": period.start})
    )


def assigned_on(day: datetime.date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}start_date__lte": day}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": day})
    )


def _served_family_ids(office, period: Period, **extra):
    return (
        Assignment.objects.filter(case__office=office)
        .filter(assigned_during(period), **extra)
        .values("case__family_id")
    )


# --- families served ----------------------------------------------------------------

SOURCES = [(s.value, str(s.label)) for s in FundingSource]


def _served_specs() -> list[MetricSpec]:
    specs = [
        MetricSpec(
            "assistant.families_served",
            N_("Rodziny objęte wsparciem asystenta rodziny"),
            "families",
            N_("Różne rodziny z przydziałem asystenta obowiązującym choć jeden dzień okresu."),
        ),
        MetricSpec(
            "assistant.children_in_families",
            N_("Dzieci w rodzinach objętych wsparciem asystenta"),
            "children",
            N_("Różne osoby o roli „dziecko” w rodzinach objętych wsparciem asystenta w okresie."),
        ),
        MetricSpec(
            "assistant.children_with_disability_certificate",
            N_("Dzieci z orzeczeniem o niepełnosprawności w rodzinach z asystentem"),
            "children",
            N_("Jak dzieci w rodzinach z asystentem, z wpisanym orzeczeniem o niepełnosprawności."),
        ),
        MetricSpec(
            "assistant.adults_in_families",
            N_("Dorośli w rodzinach objętych wsparciem asystenta"),
            "persons",
            N_("Różne osoby o roli innej niż „dziecko” w rodzinach z asystentem w okresie."),
        ),
        MetricSpec(
            "assistant.assistants_working",
            N_("Asystenci rodziny pracujący z rodzinami w okresie"),
            "assistants",
            N_("Różni asystenci z przydziałem rodziny obowiązującym choć jeden dzień okresu."),
        ),
        MetricSpec(
            "assistant.families_at_period_end",
            N_("Rodziny pod opieką asystentów w ostatnim dniu okresu"),
            "families",
            N_("Różne rodziny z przydziałem asystenta obowiązującym w ostatnim dniu okresu."),
            kind="stock",
        ),
    ]
    for source, label in SOURCES:
        specs += [
            MetricSpec(
                f"assistant.{source}.families",
                f"{N_('Rodziny z asystentem finansowanym ze źródła')}: {label}",
                "families",
                N_(
                    "Różne rodziny z przydziałem asystenta w okresie, "
                    "którego finansowanie wpisano jako to źródło."
                ),
            ),
            MetricSpec(
                f"assistant.{source}.children",
                f"{N_('Dzieci w rodzinach z asystentem finansowanym ze źródła')}: {label}",
                "children",
                N_("Różne osoby o roli „dziecko” w rodzinach z takim przydziałem w okresie."),
            ),
        ]
    return specs


def served_drilldown(office, period: Period, key: str):
    """Cases behind a families figure; family members behind a persons figure."""
    source = key.split(".")[1]
    extra = {"funding_source": source} if source in dict(SOURCES) else {}
    if key.endswith(("children", "adults_in_families", "certificate")):
        people = Person.objects.filter(family__in=_served_family_ids(office, period, **extra))
        if key.endswith("adults_in_families"):
            people = people.exclude(family_role=FamilyRole.CHILD)
        else:
            people = people.filter(family_role=FamilyRole.CHILD)
        if key.endswith("certificate"):
            people = people.exclude(disability="")
        return people.select_related("family").order_by("family__name", "birth_date", "pk")
    when = (
        assigned_on(period.end, "assignments__")
        if key.endswith("period_end")
        else assigned_during(period, "assignments__")
    )
    extra = {f"assignments__{k}": v for k, v in extra.items()}
    return (
        AssistantCase.objects.filter(office=office)
        .filter(when, **extra)
        .distinct()
        .select_related("family")
        .order_by("family__name", "pk")
    )


@metric_group(*_served_specs(), drilldown=served_drilldown)
def served_figures(office, period: Period) -> dict:
    """Families, children and assistants of the cases served in the period: two queries."""
    during = assigned_during(period)
    aggregates = {
        "families": Count("case__family", distinct=True),
        "assistants": Count("assistant", distinct=True),
        "at_end": Count("case__family", distinct=True, filter=assigned_on(period.end)),
    }
    for source, _label in SOURCES:
        aggregates[source] = Count("case__family", distinct=True, filter=Q(funding_source=source))
    row = Assignment.objects.filter(case__office=office).filter(during).aggregate(**aggregates)

    child = Q(family_role=FamilyRole.CHILD)
    people = {
        "children": Count("pk", filter=child),
        "disability": Count("pk", filter=child & ~Q(disability="")),
        "adults": Count("pk", filter=~child),
    }
    for source, _label in SOURCES:
        people[source] = Count(
            "pk",
            filter=child & Q(family__in=_served_family_ids(office, period, funding_source=source)),
        )
    persons = Person.objects.filter(family__in=_served_family_ids(office, period)).aggregate(
        **people
    )
    values = {
        "assistant.families_served": row["families"],
        "assistant.assistants_working": row["assistants"],
        "assistant.families_at_period_end": row["at_end"],
        "assistant.children_in_families": persons["children"],
        "assistant.children_with_disability_certificate": persons["disability"],
        "assistant.adults_in_families": persons["adults"],
    }
    for source, _label in SOURCES:
        values[f"assistant.{source}.families"] = row[source]
        values[f"assistant.{source}.children"] = persons[source]
    return values


# --- requests, decisions, closures --------------------------------------------------


def _in(period: Period, field: str) -> Q:
    return Q(**{f"{field}__gte": period.start, f"{field}__lte": period.end})


def _case_definitions(period: Period) -> dict[str, tuple[Q, str]]:
    """Metric key → (filter on the office's cases, field counted distinctly)."""
    requested, closed = _in(period, "requested_on"), _in(period, "closed_on")
    defs: dict[str, tuple[Q, str]] = {
        "assistant.requests_received": (requested, "pk"),
        "assistant.closures.total": (closed, "family"),
        "assistant.closures.without_reason": (closed & Q(closure_reason__isnull=True), "pk"),
    }
    for kind in RequestedBy:
        defs[f"assistant.requests_received.{kind.value}"] = (
            requested & Q(requested_by_kind=kind),
            "pk",
        )
    for code, _name in CLOSURE_CODES:
        defs[f"assistant.closures.{code}"] = (closed & Q(closure_reason__code=code), "family")
    return defs


def _case_specs() -> list[MetricSpec]:
    specs = [
        MetricSpec(
            "assistant.requests_received",
            N_("Wnioski o przydzielenie asystenta rodziny"),
            "applications",
            N_(
                "Sprawy asystenckie z datą wniosku w okresie (każdy wnioskujący, także wznowienia)."
            ),
        ),
        MetricSpec(
            "assistant.closures.total",
            N_("Rodziny, z którymi asystenci zakończyli współpracę"),
            "families",
            N_("Różne rodziny ze sprawą zakończoną w okresie (data zakończenia w okresie)."),
        ),
        MetricSpec(
            "assistant.closures.without_reason",
            N_("Sprawy zakończone bez wpisanej przyczyny"),
            "cases",
            N_("Sprawy z datą zakończenia w okresie i bez przyczyny zakończenia (błąd danych)."),
        ),
    ]
    for kind in RequestedBy:
        specs.append(
            MetricSpec(
                f"assistant.requests_received.{kind.value}",
                f"{N_('Wnioski o asystenta – wnioskujący')}: {kind.label}",
                "applications",
                N_("Sprawy z datą wniosku w okresie złożone przez tego wnioskującego."),
            )
        )
    for code, name in CLOSURE_CODES:
        specs.append(
            MetricSpec(
                f"assistant.closures.{code}",
                f"{N_('Zakończenie współpracy – przyczyna')}: {name}",
                "families",
                N_("Różne rodziny ze sprawą zakończoną w okresie z tą przyczyną (kod słownika)."),
            )
        )
    return specs


def case_drilldown(office, period: Period, key: str):
    """The cases behind a request or closure figure."""
    q, _field = _case_definitions(period)[key]
    return (
        AssistantCase.objects.filter(office=office)
        .filter(q)
        .select_related("family", "closure_reason")
        .order_by("family__name", "pk")
    )


@metric_group(*_case_specs(), drilldown=case_drilldown)
def case_figures(office, period: Period) -> dict[str, int]:
    """Requests by who asked and closures by reason, in one aggregate query."""
    defs = _case_definitions(period)
    aggregates = {
        f"m{i}": Count(field, distinct=True, filter=q) for i, (q, field) in enumerate(defs.values())
    }
    row = AssistantCase.objects.filter(office=office).aggregate(**aggregates)
    return {key: row[f"m{i}"] or 0 for i, key in enumerate(defs)}


def decision_drilldown(office, period: Period, key: str):
    """The head's decisions behind a decision figure."""
    kind = key.rsplit(".", 1)[1]
    return (
        Decision.objects.filter(case__office=office, kind=kind)
        .filter(_in(period, "decided_on"))
        .select_related("case__family")
        .order_by("decided_on", "pk")
    )


@metric_group(
    *[
        MetricSpec(
            f"assistant.decisions.{kind.value}",
            f"{N_('Decyzje kierownika w sprawie asystenta')}: {kind.label}",
            "decisions",
            N_("Decyzje tego rodzaju z datą decyzji w okresie."),
        )
        for kind in DecisionKind
    ],
    drilldown=decision_drilldown,
)
def decision_figures(office, period: Period) -> dict[str, int]:
    """The head's decisions on requests by kind: one query."""
    row = (
        Decision.objects.filter(case__office=office)
        .filter(_in(period, "decided_on"))
        .aggregate(**{k.value: Count("pk", filter=Q(kind=k)) for k in DecisionKind})
    )
    return {f"assistant.decisions.{k.value}": row[k.value] for k in DecisionKind}


def _waiting_on(office, day: datetime.date):
    """Cases whose decision in force on `day` is the waiting list, not yet assigned."""
    latest = Decision.objects.filter(case=OuterRef("pk"), decided_on__lte=day).order_by(
        "-decided_on", "-pk"
    )
    return (
        AssistantCase.objects.filter(office=office)
        .annotate(decision_in_force=Subquery(latest.values("kind")[:1]))
        .filter(decision_in_force=DecisionKind.WAITING_LIST)
        .exclude(assignments__start_date__lte=day)
        .exclude(closed_on__lte=day)
    )


def waiting_list_drilldown(office, period: Period, key: str):
    """The cases on the waiting list on the period's last day."""
    return _waiting_on(office, period.end).select_related("family").order_by("requested_on", "pk")


@metric(
    "assistant.waiting_list",
    label=N_("Rodziny oczekujące na przydzielenie asystenta (ostatni dzień okresu)"),
    unit="families",
    kind="stock",
    drilldown=waiting_list_drilldown,
)
def waiting_list(office, period: Period) -> int:
    """Różne rodziny, których sprawa w ostatnim dniu okresu ma w mocy decyzję o wpisaniu na
    listę oczekujących i nie ma jeszcze przydziału asystenta."""
    return _waiting_on(office, period.end).values("family").distinct().count()


# --- caseload, staff, deadlines -----------------------------------------------------


@metric(
    "casework.caseload_limit",
    label=N_("Limit rodzin pod opieką jednego asystenta (art. 15 ust. 4)"),
    unit="families",
    kind="stock",
)
def caseload_limit(office, period: Period) -> int:
    """Limit rodzin na asystenta obowiązujący w ośrodku w ostatnim dniu okresu."""
    return caseload_limit_on(office, period.end)


def employed_end_drilldown(office, period: Period, key: str):
    from ostoja.staff.models import AssistantEmployment
    from ostoja.staff.selectors import employed_on

    return (
        AssistantEmployment.objects.filter(office=office)
        .filter(employed_on(period.end))
        .select_related("assistant")
        .order_by("assistant__last_name", "pk")
    )


@metric(
    "assistant.assistants_employed_end",
    label=N_("Asystenci rodziny zatrudnieni na koniec okresu"),
    unit="assistants",
    kind="stock",
    drilldown=employed_end_drilldown,
)
def assistants_employed_end(office, period: Period) -> int:
    """Różne osoby z umową asystenta obowiązującą w ostatnim dniu okresu (to samo co
    assistant.assistants_at_period_end; tego klucza używa część o potrzebach)."""
    return (
        employed_end_drilldown(office, period, "").order_by().values("assistant").distinct().count()
    )


def _overdue_on(office, day: datetime.date):
    """Cases in work on `day` whose last assessment (or start) is over 6 months before it."""
    return (
        AssistantCase.objects.filter(office=office, opened_on__lte=day)
        .exclude(closed_on__lte=day)
        .filter(pk__in=Assignment.objects.filter(assigned_on(day)).values("case_id"))
        .annotate(
            last_assessment_on=Max(
                "assessments__assessed_on", filter=Q(assessments__assessed_on__lte=day)
            )
        )
        .annotate(assessment_base=Coalesce("last_assessment_on", "opened_on"))
        .filter(assessment_base__lt=add_months(day, -ASSESSMENT_INTERVAL_MONTHS))
    )


def overdue_drilldown(office, period: Period, key: str):
    """Cases with an overdue periodic assessment on the period's last day."""
    return _overdue_on(office, period.end).select_related("family").order_by("assessment_base")


@metric(
    "assistant.assessments_overdue",
    label=N_("Okresowe oceny sytuacji rodziny po terminie (ostatni dzień okresu)"),
    unit="assessments",
    kind="stock",
    drilldown=overdue_drilldown,
)
def assessments_overdue(office, period: Period) -> int:
    """Sprawy w toku w ostatnim dniu okresu, w których od ostatniej oceny okresowej (albo od
    początku pracy) minęło ponad 6 miesięcy (art. 15: ocena nie rzadziej niż co pół roku)."""
    return _overdue_on(office, period.end).count()


# --- contacts -----------------------------------------------------------------------


def contact_drilldown(office, period: Period, key: str):
    qs = Contact.objects.filter(case__office=office).filter(_in(period, "date"))
    if key == "assistant.contacts.home_visits":
        qs = qs.filter(form=ContactForm.HOME_VISIT)
    return qs.select_related("case__family", "assistant").order_by("date", "pk")


@metric_group(
    MetricSpec(
        "assistant.contacts",
        N_("Kontakty asystentów z rodzinami"),
        "contacts",
        N_("Wpisy kontaktów asystenta z rodziną z datą w okresie (każda forma)."),
    ),
    MetricSpec(
        "assistant.contacts.home_visits",
        N_("Wizyty asystentów w domach rodzin"),
        "contacts",
        N_("Kontakty w formie wizyty w domu rodziny z datą w okresie."),
    ),
    MetricSpec(
        "assistant.contacts.families",
        N_("Rodziny, z którymi asystenci mieli kontakt"),
        "families",
        N_("Różne rodziny z co najmniej jednym kontaktem w okresie."),
    ),
    MetricSpec(
        "assistant.contacts.hours",
        N_("Czas kontaktów asystentów z rodzinami"),
        "hours",
        N_("Suma czasu trwania kontaktów w okresie w godzinach (z dokładnością do 0,1)."),
    ),
    drilldown=contact_drilldown,
)
def contact_figures(office, period: Period) -> dict:
    """Contacts of the assistants with families in the period: one query."""
    row = (
        Contact.objects.filter(case__office=office)
        .filter(_in(period, "date"))
        .aggregate(
            n=Count("pk"),
            home=Count("pk", filter=Q(form=ContactForm.HOME_VISIT)),
            families=Count("case__family", distinct=True),
            minutes=Sum("duration_minutes"),
        )
    )
    hours = (Decimal(row["minutes"] or 0) / 60).quantize(Decimal("0.1"))
    return {
        "assistant.contacts": row["n"],
        "assistant.contacts.home_visits": row["home"],
        "assistant.contacts.families": row["families"],
        "assistant.contacts.hours": hours,
    }


# --- cooperation per institution kind (Konin's table) -------------------------------

#: metric key → institution kind code (rows of Konin's table, then the rest).
COOPERATION_ROWS = {
    "cooperation_table.mopr_social_affairs": "office_social_affairs",
    "cooperation_table.district_court": "court",
    "cooperation_table.counselling_centre": "counselling_centre",
    "cooperation_table.labour_office": "labour_office",
    "cooperation_table.emergency_foster_care": "emergency_foster_care",
    "cooperation_table.schools_care_facilities": "schools_care_facilities",
    "cooperation_table.housing_department": "housing_department",
    "cooperation_table.housing_cooperatives": "housing_cooperative",
    "cooperation_table.health_care": "health_care",
    "cooperation_table.ngos_foundations": "ngo",
    "cooperation_table.police": "police",
    "cooperation_table.interdisciplinary_team": "interdisciplinary_team",
    "cooperation_table.other": "other",
    # The same figures told again in the description of the table (Ad.7, Ad.8).
    "assistant.outcomes.housing.department_contact_families": "housing_department",
    "assistant.outcomes.housing_cooperatives.families": "housing_cooperative",
}
_INSTITUTION_NAMES = dict(_DICTIONARIES.INSTITUTION_KINDS)


def _cooperation_specs() -> list[MetricSpec]:
    specs = [
        MetricSpec(
            "assistant.cooperation.families",
            N_("Rodziny, w których asystent współpracował z instytucjami"),
            "families",
            N_("Różne rodziny z wpisem współpracy z dowolną instytucją trwającej w okresie."),
        )
    ]
    for key, code in COOPERATION_ROWS.items():
        specs.append(
            MetricSpec(
                key,
                f"{N_('Rodziny, których wsparcie obejmowało współpracę z')}: "
                f"{_INSTITUTION_NAMES[code]}",
                "families",
                N_(
                    "Różne rodziny z wpisem współpracy z instytucją tego rodzaju "
                    "trwającej choć jeden dzień okresu."
                ),
            )
        )
    return specs


def _cooperating(period: Period) -> Q:
    return Q(started_on__lte=period.end) & (
        Q(ended_on__isnull=True) | Q(ended_on__gte=period.start)
    )


def cooperation_drilldown(office, period: Period, key: str):
    """The cooperation records behind a table row."""
    qs = Cooperation.objects.filter(case__office=office).filter(_cooperating(period))
    if key in COOPERATION_ROWS:
        qs = qs.filter(institution_kind__code=COOPERATION_ROWS[key])
    return qs.select_related("case__family", "institution_kind", "person").order_by(
        "case__family__name", "started_on", "pk"
    )


@metric_group(*_cooperation_specs(), drilldown=cooperation_drilldown)
def cooperation_figures(office, period: Period) -> dict[str, int]:
    """Families per kind of cooperating institution, in one aggregate query."""
    codes = sorted(set(COOPERATION_ROWS.values()))
    aggregates = {
        f"c{i}": Count("case__family", distinct=True, filter=Q(institution_kind__code=code))
        for i, code in enumerate(codes)
    }
    row = (
        Cooperation.objects.filter(case__office=office)
        .filter(_cooperating(period))
        .aggregate(any=Count("case__family", distinct=True), **aggregates)
    )
    by_code = {code: row[f"c{i}"] for i, code in enumerate(codes)}
    values = {key: by_code[code] for key, code in COOPERATION_ROWS.items()}
    values["assistant.cooperation.families"] = row["any"]
    return values


# --- outcomes -----------------------------------------------------------------------

ACHIEVED, OVERLAP, OPEN_AT_END = "achieved", "overlap", "open_at_end"


@dataclass(frozen=True)
class OutcomeFigure:
    key: str
    label: str
    unit: str
    codes: tuple[str, ...]
    counted: str = "person"  # "person" or "family"
    when: str = ACHIEVED
    women_only: bool = False

    def description(self) -> str:
        who = "Różne osoby" if self.counted == "person" else "Różne rodziny"
        if self.women_only:
            who = "Różne rodziny kobiet"
        when = {
            ACHIEVED: "z datą efektu w okresie",
            OVERLAP: "trwającym choć jeden dzień okresu (od daty efektu do daty „do”)",
            OPEN_AT_END: "trwającym w ostatnim dniu okresu (bez daty „do” lub z późniejszą)",
        }[self.when]
        return f"{who} z efektem rodzaju {', '.join(self.codes)} {when}."


OUTCOME_FIGURES = [
    OutcomeFigure(
        "assistant.outcomes.addiction_therapy.persons",
        N_("Osoby, które podjęły terapię uzależnień"),
        "persons",
        ("addiction_therapy_inpatient", "addiction_therapy_outpatient"),
    ),
    OutcomeFigure(
        "assistant.outcomes.addiction_therapy.inpatient",
        N_("Osoby, które ukończyły stacjonarne leczenie uzależnień"),
        "persons",
        ("addiction_therapy_inpatient",),
    ),
    OutcomeFigure(
        "assistant.outcomes.addiction_therapy.outpatient",
        N_("Osoby korzystające z terapii w poradniach leczenia uzależnień"),
        "persons",
        ("addiction_therapy_outpatient",),
    ),
    OutcomeFigure(
        "assistant.outcomes.treatment_away.families",
        N_("Rodziny, w których kobiety podjęły leczenie poza miejscem zamieszkania"),
        "families",
        (RESIDENTIAL,),
        counted="family",
        women_only=True,
    ),
    OutcomeFigure(
        "assistant.outcomes.counselling_centre.families",
        N_("Rodziny, których dzieci skorzystały z pomocy poradni psychologiczno-pedagogicznej"),
        "families",
        ("counselling_centre_child",),
        counted="family",
    ),
    OutcomeFigure(
        "assistant.outcomes.counselling_centre.children",
        N_("Dzieci, które skorzystały z pomocy poradni psychologiczno-pedagogicznej"),
        "children",
        ("counselling_centre_child",),
    ),
    OutcomeFigure(
        "assistant.outcomes.employment.contract",
        N_("Osoby, które podjęły pracę na umowę o pracę"),
        "persons",
        ("employment_contract",),
    ),
    OutcomeFigure(
        "assistant.outcomes.employment.abroad",
        N_("Osoby, które podjęły pracę za granicą"),
        "persons",
        ("employment_abroad",),
    ),
    OutcomeFigure(
        "assistant.outcomes.employment.internship",
        N_("Osoby, które podjęły staż zawodowy"),
        "persons",
        ("internship",),
    ),
    OutcomeFigure(
        "assistant.outcomes.employment.seasonal",
        N_("Osoby, które podejmowały prace sezonowe lub dorywcze"),
        "persons",
        ("seasonal_work",),
    ),
    OutcomeFigure(
        "assistant.outcomes.housing.social_flat_granted",
        N_("Rodziny, które otrzymały mieszkanie socjalne"),
        "families",
        ("social_flat_granted",),
        counted="family",
    ),
    OutcomeFigure(
        "assistant.outcomes.housing.flat_exchanged",
        N_("Osoby, które zamieniły mieszkanie"),
        "persons",
        ("flat_exchanged",),
    ),
    OutcomeFigure(
        "assistant.outcomes.housing.waiting_list",
        N_("Rodziny oczekujące na lokal socjalny lub komunalny (ostatni dzień okresu)"),
        "families",
        ("social_flat_waiting_list",),
        counted="family",
        when=OPEN_AT_END,
    ),
    OutcomeFigure(
        "assistant.outcomes.psychiatric_support.families",
        N_("Rodziny objęte wsparciem w leczeniu choroby psychicznej"),
        "families",
        ("psychiatric_support",),
        counted="family",
    ),
    OutcomeFigure(
        "assistant.outcomes.ngo_help.families",
        N_("Rodziny, które skorzystały z pomocy materialnej i rzeczowej (m.in. organizacji)"),
        "families",
        ("material_help",),
        counted="family",
    ),
    OutcomeFigure(
        "assistant.outcomes.day_support.children",
        N_("Dzieci uczęszczające do placówek wsparcia dziennego i świetlic"),
        "children",
        ("day_support_centre",),
        when=OVERLAP,
    ),
    OutcomeFigure(
        "assistant.outcomes.crisis_shelter.families",
        N_("Rodziny, które skorzystały ze schronienia w ośrodku interwencji kryzysowej"),
        "families",
        ("crisis_shelter",),
        counted="family",
    ),
    OutcomeFigure(
        "assistant.outcomes.parental_authority_restored",
        N_("Rodziny, w których przywrócono pełną władzę rodzicielską"),
        "families",
        ("parental_authority_restored",),
        counted="family",
    ),
    OutcomeFigure(
        "assistant.bereaved_families",
        N_("Rodziny wspierane po śmierci dziecka"),
        "families",
        ("bereavement_support",),
        counted="family",
    ),
]
_OUTCOME_BY_KEY = {f.key: f for f in OUTCOME_FIGURES}
INPATIENT_WEEKS = "assistant.outcomes.addiction_therapy.inpatient_weeks"


def _outcome_when(when: str, period: Period) -> Q:
    if when == ACHIEVED:
        return _in(period, "achieved_on")
    if when == OVERLAP:
        return Q(achieved_on__lte=period.end) & (
            Q(ended_on__isnull=True) | Q(ended_on__gte=period.start)
        )
    return Q(achieved_on__lte=period.end) & (Q(ended_on__isnull=True) | Q(ended_on__gt=period.end))


def _outcome_filter(figure: OutcomeFigure, period: Period) -> Q:
    q = Q(kind__code__in=figure.codes) & _outcome_when(figure.when, period)
    if figure.women_only:
        q &= Q(person__sex="F")
    return q


def _duration():
    return ExpressionWrapper(F("ended_on") - F("achieved_on"), output_field=DurationField())


def outcome_drilldown(office, period: Period, key: str):
    """The outcome records behind an outcome figure."""
    if key == INPATIENT_WEEKS:
        q = Q(kind__code="addiction_therapy_inpatient") & _in(period, "achieved_on")
    else:
        q = _outcome_filter(_OUTCOME_BY_KEY[key], period)
    return (
        Outcome.objects.filter(case__office=office)
        .filter(q)
        .select_related("case__family", "person", "kind")
        .order_by("achieved_on", "pk")
    )


@metric_group(
    *[
        MetricSpec(
            f.key,
            f.label,
            f.unit,
            f.description(),
            kind="stock" if f.when == OPEN_AT_END else "flow",
        )
        for f in OUTCOME_FIGURES
    ],
    MetricSpec(
        INPATIENT_WEEKS,
        N_("Długość ukończonego stacjonarnego leczenia uzależnień (tygodnie)"),
        "weeks",
        N_(
            "Najdłuższy czas od przyjęcia do ukończenia (data efektu – data „do”) leczenia "
            "stacjonarnego rozpoczętego w okresie, w pełnych tygodniach (zaokrąglenie)."
        ),
        source="narrative",
    ),
    drilldown=outcome_drilldown,
)
def outcome_figures(office, period: Period) -> dict:
    """Outcomes per person or family by kind, in one aggregate query."""
    aggregates: dict[str, Count | Max] = {
        f"m{i}": Count(
            "person" if f.counted == "person" else "case__family",
            distinct=True,
            filter=_outcome_filter(f, period),
        )
        for i, f in enumerate(OUTCOME_FIGURES)
    }
    aggregates["weeks"] = Max(
        _duration(),
        filter=Q(kind__code="addiction_therapy_inpatient", ended_on__isnull=False)
        & _in(period, "achieved_on"),
    )
    row = Outcome.objects.filter(case__office=office).aggregate(**aggregates)
    values: dict = {f.key: row[f"m{i}"] or 0 for i, f in enumerate(OUTCOME_FIGURES)}
    weeks = row["weeks"]
    values[INPATIENT_WEEKS] = round(weeks.days / 7) if weeks else 0
    return values


def _years(span: datetime.timedelta | None) -> Decimal:
    """A length of stay in years, to the nearest half year."""
    if span is None:
        return Decimal(0)
    return Decimal(round(span.days / Decimal("365.25") * 2)) / 2


@metric_provider
def treatment_away_figures(office, period: Period) -> dict[str, MetricValue]:
    """Addiction treatment away from home, per institution (one GROUP BY query).

    For each institution named on residential-treatment outcomes started in the
    period: ``assistant.outcomes.treatment_away.<institution>.women`` (women
    admitted), ``.stay_years`` (the longest planned stay, from the outcome's dates,
    to half a year) and, when an extension was allowed (outcome kind
    ``addiction_treatment_extension``), ``.max_stay_years`` (its longest span).
    """
    rows = (
        Outcome.objects.filter(case__office=office, kind__code__in=[RESIDENTIAL, EXTENSION])
        .filter(_in(period, "achieved_on"))
        .exclude(institution="")
        .values("institution")
        .annotate(
            women=Count("person", distinct=True, filter=Q(kind__code=RESIDENTIAL, person__sex="F")),
            stay=Max(_duration(), filter=Q(kind__code=RESIDENTIAL)),
            max_stay=Max(_duration(), filter=Q(kind__code=EXTENSION)),
        )
        .order_by("institution")
    )
    values: dict[str, MetricValue] = {}
    for row in rows:
        name = row["institution"]
        prefix = f"assistant.outcomes.treatment_away.{slugify(name).replace('-', '_')}"
        parts = [
            (
                "women",
                N_("Kobiety, które podjęły leczenie uzależnień w ośrodku"),
                "women",
                "casework",
                row["women"],
            ),
            (
                "stay_years",
                N_("Planowany czas pobytu w ośrodku (lata)"),
                "years",
                "narrative",
                _years(row["stay"]),
            ),
        ]
        if row["max_stay"] is not None:
            parts.append(
                (
                    "max_stay_years",
                    N_("Najdłuższy możliwy czas pobytu po przedłużeniu (lata)"),
                    "years",
                    "narrative",
                    _years(row["max_stay"]),
                )
            )
        for suffix, label, unit, source, value in parts:
            spec = MetricSpec(
                f"{prefix}.{suffix}",
                f"{label}: {name}",
                unit,
                N_("Z efektów „leczenie w ośrodku” rozpoczętych w okresie, według ośrodka."),
                source=source,
            )
            values[spec.key] = MetricValue(spec, value, period)
    return values
