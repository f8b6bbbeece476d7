"""MOPR Konin, 2015–2018: synthetic records from which the 2017 report's figures follow.

Nothing here stores a figure. The plan below says how many records of each kind
to create (90 families served in 2017, 7 closures, 12 placements …); the metrics
then count them. Cases, assignments (within the caseload limit of 15 families at
the same time), closures, placements, Blue Card procedures, project participation
and employment go through the services; bulk rows whose correctness no service
adds (family members, plans, contacts, assessments, cooperation, outcomes) are
created with ``bulk_create`` to keep the load fast.

Deterministic: one seeded random generator; run twice, the second run changes
nothing. The audit log is switched off while building (as for retention): the
records are synthetic history, not changes made by the office's users, and
thousands of entries dated today would only bury real ones.
"""

from __future__ import annotations

import datetime
import random
import time
from dataclasses import dataclass, field
from decimal import Decimal

from auditlog.context import disable_auditlog
from django.db import transaction

from ostoja.accounts.demo import DEMO_OFFICES, demo_users_ensure, office_ensure
from ostoja.accounts.models import Office, Role, RoleAssignment, User
from ostoja.activities.models import ActivityKind
from ostoja.activities.services import activity_create, participation_create
from ostoja.casework import services as cases
from ostoja.casework.dictionaries import dictionaries_ensure
from ostoja.casework.metrics import outcome_kinds_ensure
from ostoja.casework.models import (
    Assessment,
    AssistantCase,
    ClosureReason,
    Contact,
    ContactForm,
    Cooperation,
    DecisionKind,
    FundingSource,
    Goal,
    InstitutionKind,
    LegalBasis,
    Outcome,
    OutcomeKind,
    Progress,
    RequestedBy,
    TaskCode,
    WorkPlan,
    add_months,
)
from ostoja.examples.synthetic import PeopleFactory
from ostoja.families.models import Disability, Family, FamilyRole, Person
from ostoja.placements import services as placements
from ostoja.placements.models import PlacementForm
from ostoja.staff.models import EmploymentForm
from ostoja.staff.services import employment_create
from ostoja.violence import services as violence
from ostoja.violence.models import AgeGroup, Initiator
from ostoja.violence.models import ClosureReason as BlueCardClosure

SEED = 2017
YEAR_START, YEAR_END = datetime.date(2017, 1, 1), datetime.date(2017, 12, 31)
MARKER_USERNAME = "konin.asystent.1"

#: Concurrent families each of the six assistants carries (limit: 15).
CAPACITIES = [15, 15, 14, 13, 13, 13]
#: Children per family: 72 families funded by the government programme, 18 by the gmina.
GOVERNMENT_CHILDREN = [1] * 16 + [2] * 32 + [3] * 18 + [4] * 4 + [5] * 2
OWN_BUDGET_CHILDREN = [1] * 11 + [2] * 6 + [3] * 1
#: Closures in 2017: (day, reason code); each freed place goes to a family waiting for it.
CLOSURES_2017 = [
    (datetime.date(2017, 2, 15), "moved_away"),
    (datetime.date(2017, 3, 20), "family_withdrew"),
    (datetime.date(2017, 4, 28), "moved_away"),
    (datetime.date(2017, 6, 9), "goals_achieved"),
    (datetime.date(2017, 7, 21), "moved_away"),
    (datetime.date(2017, 9, 8), "family_withdrew"),
    (datetime.date(2017, 10, 13), "moved_away"),
]
DISABLED_CHILDREN = 14
#: Placements begun in 2017: form → children (one child per family).
PLACEMENTS_2017 = {
    PlacementForm.KINSHIP_FOSTER_FAMILY: 4,
    PlacementForm.EMERGENCY_FOSTER_FAMILY: 5,
    PlacementForm.MOS: 2,
    PlacementForm.MOW: 1,
}
#: Children in foster care placed before 2017, per family (14 families, 26 children).
IN_CARE_BEFORE = [2] * 12 + [1] * 2
#: Cooperation: institution kind → families (the rows of the table).
COOPERATION = {
    "office_social_affairs": 90,
    "court": 74,
    "counselling_centre": 36,
    "labour_office": 70,
    "emergency_foster_care": 17,
    "schools_care_facilities": 86,
    "housing_department": 55,
    "housing_cooperative": 23,
    "health_care": 90,
    "ngo": 90,
    "police": 26,
}
PURPOSES = {
    "office_social_affairs": "świadczenia z pomocy społecznej, rodzinne i wychowawcze",
    "court": "wspólne wizyty z kuratorem; komornik – alimenty na dzieci",
    "counselling_centre": "diagnoza możliwości rozwojowych dziecka",
    "labour_office": "kontakt z doradcą zawodowym, Klub Pracy",
    "emergency_foster_care": "monitorowanie sytuacji dzieci, wymiana informacji",
    "schools_care_facilities": "kontakt z wychowawcą i pedagogiem, dożywianie",
    "housing_department": "przydział lokalu, dodatki mieszkaniowe, zadłużenie",
    "housing_cooperative": "rozłożenie zaległości czynszowych na raty",
    "health_care": "wizyty u lekarza, kontynuacja leczenia",
    "ngo": "bezpłatna żywność i odzież",
    "police": "wspólne wizyty z dzielnicowym",
}
#: Outcomes for persons (disjoint groups of adults): kind → persons.
ADULT_OUTCOMES = {
    "addiction_therapy_inpatient": 12,
    "addiction_therapy_outpatient": 26,
    "employment_contract": 23,
    "employment_abroad": 1,
    "internship": 3,
    "seasonal_work": 31,
    "flat_exchanged": 1,
}
STREETS = ["Przemysłowa", "Kolejowa", "Szpitalna", "Dworcowa", "Zakładowa", "Okólna", "Wodna"]


@dataclass(eq=False)
class Plan:
    """One family of the example and what happens to it."""

    index: int
    children: int
    funding: str = FundingSource.OWN_BUDGET
    opened_on: datetime.date | None = None
    closed_on: datetime.date | None = None
    closure_reason: str = ""
    assistant: int = 0
    served: bool = True
    waiting_from: datetime.date | None = None  # request put on the waiting list
    refused: bool = False
    reassigned: tuple[datetime.date, int] | None = None
    surnames: tuple[str, str] = ("", "")
    placed: list[Person] = field(default_factory=list)
    family: Family | None = None
    case: AssistantCase | None = None
    adults: list[Person] = field(default_factory=list)
    kids: list[Person] = field(default_factory=list)

    @property
    def opened(self) -> datetime.date:
        """The first day of work (only for families that got an assistant)."""
        assert self.opened_on is not None
        return self.opened_on

    @property
    def fam(self) -> Family:
        assert self.family is not None
        return self.family

    @property
    def window(self) -> tuple[datetime.date, datetime.date]:
        """The part of 2017 in which the family worked with its assistant."""
        assert self.opened_on is not None
        start = max(self.opened_on, YEAR_START)
        end = min(self.closed_on or YEAR_END, YEAR_END)
        return start, end


class Builder:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.people = PeopleFactory(SEED)
        self.office: Office
        self.users: dict[str, User]
        self.assistants: list[User] = []
        self.closure_reasons: dict[str, ClosureReason] = {}
        self.outcome_kinds: dict[str, OutcomeKind] = {}

    # --- helpers ----------------------------------------------------------------------

    def day_between(self, start: datetime.date, end: datetime.date) -> datetime.date:
        return start + datetime.timedelta(days=self.rng.randint(0, max((end - start).days, 0)))

    def day_in(self, plan: Plan) -> datetime.date:
        return self.day_between(*plan.window)

    # --- plan -------------------------------------------------------------------------

    def make_plans(self) -> list[Plan]:
        rng = self.rng
        counts = [(c, FundingSource.GOVERNMENT_PROGRAMME) for c in GOVERNMENT_CHILDREN] + [
            (c, FundingSource.OWN_BUDGET) for c in OWN_BUDGET_CHILDREN
        ]
        rng.shuffle(counts)
        served = [Plan(i, c, f) for i, (c, f) in enumerate(counts)]
        base, late = served[:83], served[83:]
        # Base families: opened from March 2015 to September 2017, spread.
        span = (datetime.date(2017, 9, 30) - datetime.date(2015, 3, 1)).days
        for k, plan in enumerate(base):
            offset = span * k // len(base) + rng.randint(0, 6)
            plan.opened_on = datetime.date(2015, 3, 1) + datetime.timedelta(days=offset)
        # One place per family at the same time: a list of assistant indices by capacity.
        places = [a for a, cap in enumerate(CAPACITIES) for _ in range(cap)]
        rng.shuffle(places)
        for plan, assistant in zip(base, places, strict=True):
            plan.assistant = assistant
        # Seven families opened before 2017 close in 2017; a waiting family takes each place.
        early = [p for p in base if p.opened_on and p.opened.year <= 2016]
        closing = rng.sample(early, len(CLOSURES_2017))
        for plan, newcomer, (day, reason) in zip(closing, late, CLOSURES_2017, strict=True):
            plan.closed_on, plan.closure_reason = day, reason
            newcomer.assistant = plan.assistant
            newcomer.waiting_from = day - datetime.timedelta(days=rng.randint(20, 60))
            newcomer.opened_on = day + datetime.timedelta(days=rng.randint(3, 30))
        # One family changed assistant in mid-2016 (between the two with spare places).
        movers = [p for p in base if p.assistant == 3 and p.opened < datetime.date(2016, 1, 1)]
        movers = [p for p in movers if p not in closing]
        movers[0].reassigned = (datetime.date(2016, 6, 1), 4)

        others: list[Plan] = []
        n = len(served)
        # Four families worked with in 2015–2016 only (spare places of assistants 3–5).
        for k, (assistant, opened, closed, reason) in enumerate(
            [
                (3, datetime.date(2015, 4, 13), datetime.date(2016, 3, 31), "goals_achieved"),
                (3, datetime.date(2015, 9, 7), datetime.date(2016, 10, 14), "moved_away"),
                (4, datetime.date(2015, 6, 1), datetime.date(2016, 12, 30), "family_withdrew"),
                (5, datetime.date(2016, 2, 8), datetime.date(2016, 8, 19), "no_effects"),
            ]
        ):
            others.append(
                Plan(
                    n + k,
                    1 + k % 3,
                    FundingSource.OWN_BUDGET,
                    opened_on=opened,
                    closed_on=closed,
                    closure_reason=reason,
                    assistant=assistant,
                    served=False,
                )
            )
        # Three requests of late 2017 on the waiting list, one refused.
        for k, day in enumerate(
            [datetime.date(2017, 11, 6), datetime.date(2017, 11, 27), datetime.date(2017, 12, 11)]
        ):
            others.append(Plan(n + 4 + k, 2, served=False, waiting_from=day))
        others.append(
            Plan(n + 7, 1, served=False, waiting_from=datetime.date(2017, 5, 8), refused=True)
        )
        return served + others

    # --- people -----------------------------------------------------------------------

    def create_families(self, plans: list[Plan]) -> None:
        people, rng = self.people, self.rng
        families = []
        for plan in plans:
            male, female, plural = people.surname()
            plan.surnames = (male, female)
            families.append(
                Family(
                    office=self.office,
                    name=f"Rodzina {plural}",
                    street=f"ul. {rng.choice(STREETS)} {rng.randint(1, 60)}",
                    postal_code="62-510",
                    city="Konin",
                    social_worker=self.users["social_worker"],
                    created_by=self.users["social_worker"],
                    modified_by=self.users["social_worker"],
                )
            )
        Family.objects.bulk_create(families)
        members: list[tuple[Plan, Person]] = []
        for plan, family in zip(plans, families, strict=True):
            plan.family = family
            male, female = plan.surnames

            def person(role, sex, born_from, born_to, family=family, male=male, female=female):
                born = people.birth_date(born_from, born_to)
                return Person(
                    family=family,
                    first_name=people.first_name(sex),
                    last_name=female if sex == "F" else male,
                    family_role=role,
                    sex=sex,
                    birth_date=born,
                    pesel=people.pesel(born, sex),
                    created_by=self.users["social_worker"],
                )

            members.append(
                (
                    plan,
                    person(
                        FamilyRole.MOTHER,
                        "F",
                        datetime.date(1975, 1, 1),
                        datetime.date(1994, 12, 31),
                    ),
                )
            )
            if rng.random() < 0.62:
                members.append(
                    (
                        plan,
                        person(
                            FamilyRole.FATHER,
                            "M",
                            datetime.date(1970, 1, 1),
                            datetime.date(1993, 12, 31),
                        ),
                    )
                )
            if plan.index % 17 == 5:
                members.append(
                    (
                        plan,
                        person(
                            FamilyRole.GRANDPARENT,
                            "F",
                            datetime.date(1950, 1, 1),
                            datetime.date(1962, 12, 31),
                        ),
                    )
                )
            for _ in range(plan.children):
                sex = rng.choice("FM")
                members.append(
                    (
                        plan,
                        person(
                            FamilyRole.CHILD,
                            sex,
                            datetime.date(2001, 1, 1),
                            datetime.date(2013, 12, 31),
                        ),
                    )
                )
        Person.objects.bulk_create([p for _plan, p in members])
        for plan, p in members:
            (plan.kids if p.family_role == FamilyRole.CHILD else plan.adults).append(p)
        served_kids = [k for plan in plans if plan.served for k in plan.kids]
        disabled = rng.sample(served_kids, DISABLED_CHILDREN)
        for kid in disabled:
            kid.disability = Disability.CHILD
        Person.objects.bulk_update(disabled, ["disability"])

    # --- staff ------------------------------------------------------------------------

    def create_assistants(self) -> None:
        head = self.users["head"]
        hired = [
            datetime.date(2012, 3, 1),
            datetime.date(2012, 3, 1),
            datetime.date(2013, 1, 2),
            datetime.date(2014, 9, 1),
            datetime.date(2015, 2, 2),
            datetime.date(2015, 2, 2),
        ]
        for i, start in enumerate(hired, 1):
            _male, female, _plural = self.people.surname()
            user = User(
                username=f"konin.asystent.{i}",
                office=self.office,
                first_name=self.people.first_name("F"),
                last_name=female,
                password=head.password,  # the demo password's hash (hashing is slow)
            )
            user.full_clean(exclude=["password"])
            user.save()
            RoleAssignment.objects.create(user=user, role=Role.ASSISTANT)
            employment_create(
                acting_user=head,
                assistant=user,
                form=EmploymentForm.TASK_BASED_EMPLOYMENT,
                start_date=start,
                fte=Decimal("1.00"),
                notes="Zadaniowy czas pracy.",
            )
            self.assistants.append(user)

    # --- cases ------------------------------------------------------------------------

    def request_case(self, plan: Plan) -> None:
        """The social worker's request and the head's first decision on it."""
        head, worker = self.users["head"], self.users["social_worker"]
        assert plan.family is not None
        if plan.waiting_from:
            requested = plan.waiting_from
        else:
            assert plan.opened_on is not None
            requested = plan.opened_on - datetime.timedelta(days=self.rng.randint(10, 40))
        court = plan.index % 9 == 4
        plan.case = cases.case_request_create(
            acting_user=worker,
            family=plan.family,
            requested_on=requested,
            requested_by_kind=RequestedBy.COURT if court else RequestedBy.SOCIAL_WORKER,
            legal_basis=LegalBasis.COURT_OBLIGED if court else LegalBasis.VOLUNTARY,
            court_name="Sąd Rejonowy w Koninie, III Wydział Rodzinny i Nieletnich" if court else "",
            court_order_date=requested - datetime.timedelta(days=14) if court else None,
            request_reason="Trudności w wypełnianiu funkcji opiekuńczo-wychowawczych.",
        )
        if plan.refused:
            cases.case_decide(
                acting_user=head,
                case=plan.case,
                kind=DecisionKind.REFUSED,
                decided_on=requested + datetime.timedelta(days=6),
                note="Rodzina nie wyraziła zgody na współpracę z asystentem.",
            )
        elif plan.waiting_from:
            cases.case_decide(
                acting_user=head,
                case=plan.case,
                kind=DecisionKind.WAITING_LIST,
                decided_on=requested + datetime.timedelta(days=3),
                note="Brak wolnego miejsca u asystentów (limit 15 rodzin).",
            )

    def assign_case(self, plan: Plan) -> None:
        """Grant, assign within the caseload limit, record consent and the work plan."""
        head = self.users["head"]
        assert plan.case is not None and plan.opened_on is not None
        opened = plan.opened_on
        cases.case_decide(
            acting_user=head,
            case=plan.case,
            kind=DecisionKind.GRANTED,
            decided_on=opened - datetime.timedelta(days=2),
        )
        cases.case_assign(
            acting_user=head,
            case=plan.case,
            assistant=self.assistants[plan.assistant],
            start_date=opened,
            funding_source=plan.funding,
        )
        AssistantCase.objects.filter(pk=plan.case.pk).update(
            consent_on=opened + datetime.timedelta(days=3)
        )
        self.work_plan(plan)

    def work_plan(self, plan: Plan) -> None:
        assert plan.case is not None and plan.opened_on is not None
        drawn = plan.opened_on + datetime.timedelta(days=10)
        author = self.assistants[plan.assistant]
        wp = WorkPlan.objects.create(
            case=plan.case,
            drawn_up_on=drawn,
            co_signed_on=drawn + datetime.timedelta(days=2),
            consulted_on=drawn - datetime.timedelta(days=2),
            created_by=author,
        )
        Goal.objects.bulk_create(
            [
                Goal(
                    plan=wp,
                    description="Poprawa organizacji życia codziennego i budżetu domowego",
                    deadline=add_months(drawn, 6),
                    expected_effect="Regularne opłaty, zaplanowane zakupy",
                    created_by=author,
                ),
                Goal(
                    plan=wp,
                    description="Wzmocnienie umiejętności opiekuńczo-wychowawczych rodziców",
                    deadline=add_months(drawn, 12),
                    expected_effect="Dzieci regularnie uczęszczają do szkoły",
                    created_by=author,
                ),
            ]
        )

    def close_case(self, plan: Plan) -> None:
        assert plan.case is not None and plan.closed_on is not None
        goals = Goal.objects.filter(plan__case=plan.case).values_list("pk", flat=True)
        achieved = plan.closure_reason == "goals_achieved"
        cases.case_close(
            acting_user=self.users["head"],
            case=plan.case,
            closed_on=plan.closed_on,
            reason=self.closure_reasons[plan.closure_reason],
            reason_text="Brak podstaw do dalszej pracy."
            if plan.closure_reason == "no_basis"
            else "",
            final_assessment="Zakończenie współpracy z rodziną.",
            attainments=dict.fromkeys(goals, "achieved" if achieved else "partly"),
        )

    def reassign(self, plan: Plan) -> None:
        assert plan.case is not None and plan.reassigned is not None
        day, assistant = plan.reassigned
        cases.case_assign(
            acting_user=self.users["head"],
            case=plan.case,
            assistant=self.assistants[assistant],
            start_date=day,
            funding_source=plan.funding,
        )

    def run_cases(self, plans: list[Plan]) -> None:
        """Requests, decisions, assignments, reassignment and closures, in date order."""
        events: list[tuple[datetime.date, int, int, str]] = []
        for k, plan in enumerate(plans):
            assert plan.waiting_from or plan.opened_on
            requested_by = plan.waiting_from or plan.opened - datetime.timedelta(days=40)
            events.append((requested_by, 1, k, "request"))
            if plan.opened_on:
                events.append((plan.opened_on, 2, k, "assign"))
            if plan.closed_on:
                events.append((plan.closed_on, 0, k, "close"))
            if plan.reassigned:
                events.append((plan.reassigned[0], 0, k, "reassign"))
        actions = {
            "request": self.request_case,
            "assign": self.assign_case,
            "close": self.close_case,
            "reassign": self.reassign,
        }
        for _day, _order, k, what in sorted(events):
            actions[what](plans[k])

    def assistant_on(self, plan: Plan, day: datetime.date) -> User:
        if plan.reassigned and day >= plan.reassigned[0]:
            return self.assistants[plan.reassigned[1]]
        return self.assistants[plan.assistant]

    # --- the work: contacts, assessments ----------------------------------------------

    def create_contacts_and_assessments(self, plans: list[Plan]) -> None:
        rng = self.rng
        tasks = list(TaskCode.objects.order_by("order").values_list("pk", flat=True))
        forms = [ContactForm.HOME_VISIT] * 6 + [
            ContactForm.OFFICE,
            ContactForm.PHONE,
            ContactForm.PHONE,
            ContactForm.ACCOMPANYING,
        ]
        contacts, assessments = [], []
        worked = [p for p in plans if p.case is not None and p.opened_on]
        overdue = [p for p in worked if p.served and not p.closed_on]
        overdue = [p for p in overdue if p.opened < datetime.date(2016, 6, 1)][3:5]
        for plan in worked:
            assert plan.opened_on is not None
            end = min(plan.closed_on or YEAR_END, YEAR_END)
            day = max(plan.opened_on, datetime.date(2016, 9, 1))
            while day <= end:
                contacts.append(
                    Contact(
                        case=plan.case,
                        assistant=self.assistant_on(plan, day),
                        date=day,
                        form=rng.choice(forms),
                        duration_minutes=rng.choice([30, 45, 60, 90, 120]),
                        note="Rozmowa o realizacji planu pracy.",
                        created_by=self.assistant_on(plan, day),
                    )
                )
                day += datetime.timedelta(days=rng.randint(8, 16))
            due = add_months(plan.opened_on, 5)
            while due <= end and not (plan in overdue and due > datetime.date(2017, 5, 31)):
                assessments.append(
                    Assessment(
                        case=plan.case,
                        assessed_on=due,
                        progress=rng.choice(list(Progress)),
                        summary="Ocena sytuacji rodziny z rodziną i pracownikiem socjalnym.",
                        created_by=self.assistant_on(plan, due),
                    )
                )
                due = add_months(due, 5)
        Contact.objects.bulk_create(contacts)
        Through = Contact.tasks.through
        Through.objects.bulk_create(
            [Through(contact_id=c.pk, taskcode_id=rng.choice(tasks)) for c in contacts]
        )
        Assessment.objects.bulk_create(assessments)

    # --- cooperation and outcomes -----------------------------------------------------

    def create_cooperation(self, served: list[Plan], groups: dict[str, list[Plan]]) -> None:
        rng = self.rng
        kinds = {k.code: k for k in InstitutionKind.objects.all()}
        required = {
            "counselling_centre": groups["counselling"],
            "emergency_foster_care": groups["emergency_ff"] + groups["in_care"][:12],
            "housing_department": groups["flat_granted"] + groups["flat_waiting"],
            "police": groups["blue_card"],
            "labour_office": groups["employment"],
        }
        rows = []
        for code, count in COOPERATION.items():
            chosen = list(dict.fromkeys(required.get(code, [])))
            rest = [p for p in served if p not in chosen]
            chosen += rng.sample(rest, count - len(chosen))
            for plan in chosen:
                start, end = plan.window
                began = self.day_between(start, end)
                person = None
                if code == "counselling_centre":
                    person = plan.kids[0]
                rows.append(
                    Cooperation(
                        case=plan.case,
                        institution_kind=kinds[code],
                        purpose=PURPOSES[code],
                        started_on=began,
                        ended_on=plan.closed_on if plan.closed_on else None,
                        person=person,
                        created_by=self.assistant_on(plan, began),
                    )
                )
                if code == "court" and plan.index % 5 == 0:  # a second record: the bailiff
                    rows.append(
                        Cooperation(
                            case=plan.case,
                            institution_kind=kinds[code],
                            institution_name="Komornik Sądowy przy Sądzie Rejonowym w Koninie",
                            purpose="egzekucja alimentów",
                            started_on=began,
                            ended_on=plan.closed_on,
                            created_by=self.assistant_on(plan, began),
                        )
                    )
        Cooperation.objects.bulk_create(rows)

    def outcome(self, plan: Plan, code: str, *, person=None, day=None, **extra) -> Outcome:
        day = day or self.day_in(plan)
        return Outcome(
            case=plan.case,
            kind=self.outcome_kinds[code],
            person=person,
            achieved_on=day,
            created_by=self.assistant_on(plan, max(day, plan.opened)),
            **extra,
        )

    def create_outcomes(self, served: list[Plan], groups: dict[str, list[Plan]]) -> None:
        rng = self.rng
        rows: list[Outcome] = []
        # Adults: disjoint groups per kind of outcome.
        adults = [(p, a) for p in served for a in p.adults]
        rng.shuffle(adults)
        for code, count in ADULT_OUTCOMES.items():
            picked, adults = adults[:count], adults[count:]
            for plan, person in picked:
                day = self.day_in(plan)
                extra = {}
                if code == "addiction_therapy_inpatient":
                    day = min(day, YEAR_END - datetime.timedelta(days=49))
                    day = max(day, plan.window[0])
                    extra = {
                        "ended_on": day + datetime.timedelta(weeks=7),
                        "institution": "Szpitalny Oddział Leczenia Uzależnień",
                    }
                rows.append(self.outcome(plan, code, person=person, day=day, **extra))
        # Treatment away from home: two mothers (MONAR with a possible extension, Zapowiednik).
        monar, zapowiednik = groups["treatment_away"]
        day = datetime.date(2017, 5, 15)
        rows += [
            self.outcome(
                monar,
                "addiction_treatment_residential",
                person=monar.adults[0],
                day=day,
                ended_on=datetime.date(2018, 5, 15),
                institution="MONAR",
                note="Ośrodek Leczenia, Terapii i Rehabilitacji Uzależnień MONAR w Nowolipsku.",
            ),
            self.outcome(
                monar,
                "addiction_treatment_extension",
                person=monar.adults[0],
                day=day,
                ended_on=datetime.date(2018, 11, 15),
                institution="MONAR",
            ),
            self.outcome(
                zapowiednik,
                "addiction_treatment_residential",
                person=zapowiednik.adults[0],
                day=datetime.date(2017, 9, 4),
                ended_on=datetime.date(2018, 9, 4),
                institution="Zapowiednik",
                note="Centrum Leczenia Uzależnień „Zapowiednik” – pobyt z dzieckiem.",
            ),
        ]
        # Counselling centre: 36 families, 42 children (two children in six families).
        for k, plan in enumerate(groups["counselling"]):
            for kid in plan.kids[: 2 if k < 6 else 1]:
                rows.append(self.outcome(plan, "counselling_centre_child", person=kid))
        # Day-support centres: 51 children not placed outside the family, attending all year.
        placed = {id(k) for p in served for k in p.placed}
        kids = [(p, k) for p in served for k in p.kids if id(k) not in placed]
        for plan, kid in rng.sample(kids, 51):
            start = self.day_between(datetime.date(2016, 9, 1), plan.window[1])
            start = max(start, plan.opened)
            rows.append(self.outcome(plan, "day_support_centre", person=kid, day=start))
        # Housing: 5 flats granted (the families waited since 2016), 19 still waiting.
        for plan in groups["flat_granted"]:
            granted = self.day_in(plan)
            waited = max(plan.opened, datetime.date(2016, 3, 1))
            rows.append(
                self.outcome(plan, "social_flat_waiting_list", day=waited, ended_on=granted)
            )
            rows.append(self.outcome(plan, "social_flat_granted", day=granted))
        for plan in groups["flat_waiting"]:
            rows.append(self.outcome(plan, "social_flat_waiting_list"))
        for code, group in [
            ("psychiatric_support", "psychiatric"),
            ("crisis_shelter", "crisis_shelter"),
            ("parental_authority_restored", "authority_restored"),
            ("bereavement_support", "bereaved"),
        ]:
            for plan in groups[group]:
                rows.append(self.outcome(plan, code))
        for plan in served:
            rows.append(
                self.outcome(
                    plan, "material_help", institution="Caritas, Chrześcijańska Służba Charytatywna"
                )
            )
        # Earlier years do not count in 2017: seasonal work in 2016 of a few adults.
        for plan in [p for p in served if p.opened.year == 2015][:6]:
            rows.append(
                self.outcome(
                    plan, "seasonal_work", person=plan.adults[0], day=datetime.date(2016, 7, 1)
                )
            )
        Outcome.objects.bulk_create(rows)

    # --- placements -------------------------------------------------------------------

    def create_placements(self, groups: dict[str, list[Plan]]) -> None:
        head = self.users["head"]
        court = "Sąd Rejonowy w Koninie"
        earlier_forms = [
            PlacementForm.KINSHIP_FOSTER_FAMILY,
            PlacementForm.NON_PROFESSIONAL_FOSTER_FAMILY,
            PlacementForm.PROFESSIONAL_FOSTER_FAMILY,
            PlacementForm.CARE_INSTITUTION,
        ]
        # 26 children of 14 families in foster care since before the assistant came;
        # the first two families' four children were in the Pogotowie Opiekuńcze and
        # returned home in 2017.
        returns = [datetime.date(2017, 4, 10), datetime.date(2017, 9, 22)]
        for k, (plan, count) in enumerate(zip(groups["in_care"], IN_CARE_BEFORE, strict=True)):
            plan.placed = plan.kids[:count]
            started = plan.opened - datetime.timedelta(days=self.rng.randint(30, 300))
            form = PlacementForm.EMERGENCY_CARE_INSTITUTION if k < 2 else earlier_forms[k % 4]
            for kid in plan.placed:
                p = placements.placement_create(
                    acting_user=head,
                    child=kid,
                    form=form,
                    start_date=started,
                    court=court,
                    reason="Zaniedbania opiekuńcze",
                )
                if k < 2:
                    placements.placement_end(acting_user=head, placement=p, end_date=returns[k])
        # Returns from a MOS and a MOW (sent there in 2016).
        for plan, form, sent, back in [
            (
                groups["return_mos"][0],
                PlacementForm.MOS,
                datetime.date(2016, 9, 1),
                datetime.date(2017, 6, 30),
            ),
            (
                groups["return_mow"][0],
                PlacementForm.MOW,
                datetime.date(2016, 3, 1),
                datetime.date(2017, 7, 15),
            ),
        ]:
            plan.placed = plan.kids[-1:]
            p = placements.placement_create(
                acting_user=head, child=plan.kids[-1], form=form, start_date=sent, court=court
            )
            placements.placement_end(acting_user=head, placement=p, end_date=back)
        # 2017: twelve families without the intended effect, one child each.
        families = iter(groups["placed_2017"])
        for form, count in PLACEMENTS_2017.items():
            for _ in range(count):
                plan = next(families)
                plan.placed = plan.kids[:1]
                placements.placement_create(
                    acting_user=head,
                    child=plan.kids[0],
                    form=form,
                    start_date=self.day_in(plan),
                    court=court,
                    reason="Brak poprawy w wypełnianiu funkcji opiekuńczo-wychowawczej",
                )

    # --- Blue Card, project, staff ------------------------------------------------------

    def create_blue_cards(self, groups: dict[str, list[Plan]]) -> None:
        coordinator = self.users["blue_card_coordinator"]
        for k, plan in enumerate(groups["blue_card"] + groups["blue_card_2016"]):
            started = self.day_between(datetime.date(2016, 2, 1), datetime.date(2017, 10, 31))
            if plan in groups["blue_card_2016"]:
                started = datetime.date(2016, 3, 14)
            procedure = violence.procedure_create(
                acting_user=coordinator,
                office=self.office,
                family=plan.fam,
                number=f"NK/{started.year}/{k + 1}",
                initiator=Initiator.POLICE if k % 3 else Initiator.OPS,
                started_on=started,
            )
            violence.procedure_person_add(
                acting_user=coordinator,
                procedure=procedure,
                person=plan.adults[0],
                sex=plan.adults[0].sex,
                age_group=AgeGroup.ADULT,
                suspected_perpetrator=False,
            )
            closed = None
            if plan in groups["blue_card_2016"]:
                closed = datetime.date(2016, 11, 30)
            elif k % 4 == 0:
                closed = max(started, datetime.date(2017, 1, 1)) + datetime.timedelta(days=120)
            if closed:
                violence.procedure_update(
                    acting_user=coordinator,
                    procedure=procedure,
                    closed_on=closed,
                    closure_reason=BlueCardClosure.VIOLENCE_ENDED,
                )

    def create_project(self, served: list[Plan]) -> None:
        head = self.users["head"]
        activity = activity_create(
            acting_user=head,
            office=self.office,
            name="Wspiera. MY",
            kind=ActivityKind.EU_PROJECT,
            funding_source="eu_project",
            project_name="Wielkopolski Regionalny Program Operacyjny na lata 2014-2020 (EFS)",
            report_key="project_wspiera_my",
            start_date=datetime.date(2016, 10, 1),
            end_date=datetime.date(2018, 12, 31),
        )
        open_all_year = [p for p in served if not p.closed_on and p.opened.year <= 2016]
        kids = [(p, k) for p in open_all_year for k in p.kids]
        adults = [(p, a) for p in open_all_year for a in p.adults]
        for _plan, person in self.rng.sample(kids, 15) + self.rng.sample(adults, 36):
            participation_create(
                acting_user=head,
                activity=activity,
                person=person,
                start_date=self.day_between(datetime.date(2016, 10, 1), datetime.date(2017, 6, 30)),
            )

    # --- the whole ------------------------------------------------------------------------

    def groups(self, served: list[Plan]) -> dict[str, list[Plan]]:
        """Which served families get which special records (disjoint where it matters)."""
        rng = self.rng
        open_all = [p for p in served if not p.closed_on]
        before = [p for p in open_all if p.opened.year <= 2016]
        two_kids = [p for p in before if p.children >= 2]
        in_care = rng.sample(two_kids, len(IN_CARE_BEFORE))
        rest = [p for p in before if p not in in_care]
        return_mos, return_mow = rest[0], rest[1]
        placed_2017 = rng.sample(
            [p for p in open_all if p not in in_care and p not in (return_mos, return_mow)], 12
        )
        calm = [p for p in before if p not in in_care + placed_2017 + [return_mos, return_mow]]
        counselling = rng.sample([p for p in open_all if p.children >= 2], 6)
        counselling += rng.sample([p for p in served if p not in counselling], 30)
        housing = rng.sample(served, 24)
        granted = [p for p in housing if not p.closed_on][:5]
        return {
            "in_care": in_care,
            "return_mos": [return_mos],
            "return_mow": [return_mow],
            "placed_2017": placed_2017,
            "emergency_ff": placed_2017[4:9],
            "counselling": counselling,
            "flat_granted": granted,
            "flat_waiting": [p for p in housing if p not in granted],
            "blue_card": rng.sample(served, 12),
            "blue_card_2016": [calm[0]],
            "psychiatric": rng.sample(served, 13),
            "crisis_shelter": rng.sample(served, 2),
            "treatment_away": rng.sample([p for p in calm[1:] if p.adults], 2),
            "authority_restored": in_care[:1],
            "bereaved": [p for p in calm[3:] if p.children >= 2][:1],
            "employment": [],
        }


def _already_loaded() -> bool:
    return User.objects.filter(username=MARKER_USERNAME).exists()


@transaction.atomic
def build() -> str:
    """Build MOPR Konin's 2015–2018 records; a second run changes nothing."""
    started = time.monotonic()
    if _already_loaded():
        return "already loaded (nothing changed)"
    with disable_auditlog():
        return _build(started)


def _build(started: float) -> str:
    b = Builder()
    b.office = office_ensure(DEMO_OFFICES[0])
    b.users = demo_users_ensure(b.office)
    dictionaries_ensure()
    outcome_kinds_ensure()
    b.closure_reasons = {r.code: r for r in ClosureReason.objects.all()}
    b.outcome_kinds = {k.code: k for k in OutcomeKind.objects.all()}
    plans = b.make_plans()
    served = [p for p in plans if p.served]
    b.create_families(plans)
    b.create_assistants()
    b.run_cases(plans)
    groups = b.groups(served)
    b.create_placements(groups)
    b.create_contacts_and_assessments(plans)
    b.create_outcomes(served, groups)
    groups["employment"] = _families_with_outcomes(
        served, ["employment_contract", "employment_abroad", "internship", "seasonal_work"]
    )
    b.create_cooperation(served, groups)
    b.create_blue_cards(groups)
    b.create_project(served)
    return (
        f"{len(plans)} families ({len(served)} served in 2017), "
        f"{len(b.assistants)} assistants, in {time.monotonic() - started:.1f} s"
    )


def _families_with_outcomes(served: list[Plan], codes: list[str]) -> list[Plan]:
    ids = set(
        Outcome.objects.filter(
            case__in=[p.case for p in served], kind__code__in=codes, achieved_on__year=2017
        ).values_list("case_id", flat=True)
    )
    return [p for p in served if p.case is not None and p.case.pk in ids]
