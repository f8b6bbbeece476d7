"""MGOPS Wieruszów 2018 as records: ``ostoja load_example wieruszow-2018``.

Everything goes through the apps' services, as staff would enter it: the programme
2016–2018 with its 15 tasks and indicators, partner institutions and their accepted
2018 contributions, the office statistics, Blue Card procedures and meetings, the
family assistant's cases and one foster-care placement, and the psychologist's
clients. No total is stored; ``verify_example`` counts them from these records.

Synthetic but consistent (fake names, valid PESELs, seed 2018); deterministic.
Building twice changes nothing: the second run finds the programme and stops.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from ostoja.accounts.demo import DEMO_OFFICES, DEMO_PASSWORD, demo_users_ensure, office_ensure
from ostoja.accounts.models import Office, PartnerInstitution, User
from ostoja.examples.synthetic import PeopleFactory
from ostoja.examples.wieruszow_2018 import data
from ostoja.families.models import Family, FamilyRole, Person

YEAR = 2018
OFFICE_SLUG = "wieruszow"
SEED = 2018
d = datetime.date

#: Children in each of the 15 families the assistant worked with in 2018 (33 in all).
ASSISTED_CHILDREN = [1, 2, 3, 2, 4, 1, 2, 3, 2, 2, 3, 1, 2, 3, 2]
#: Index of the assisted family whose child is in a foster family (task 11).
FOSTER_FAMILY = 4


def _office() -> Office:
    return office_ensure(next(o for o in DEMO_OFFICES if o["slug"] == OFFICE_SLUG))


def already_loaded(office: Office) -> bool:
    from ostoja.programme.models import Programme

    return Programme.objects.filter(
        office=office, resolution_number=data.PROGRAMME["resolution_number"]
    ).exists()


@transaction.atomic
def build() -> str:
    """Create the example office's records; return a one-line summary."""
    office = _office()
    if already_loaded(office):
        return "already loaded (programme XX/153/2016 exists); nothing changed"
    users = demo_users_ensure(office)
    people = Registry(office, users["social_worker"], PeopleFactory(SEED))
    partners = _partners(office, users["head"])
    programme, indicators = _programme(office, users["reporting_officer"], partners)
    contributions = _contributions(users["reporting_officer"], programme, partners, indicators)
    statistics = _statistics(office, users["reporting_officer"])
    cases = _casework(office, users, people)
    cards = _blue_cards(office, users["blue_card_coordinator"], people, partners)
    clients = _psychologist(office, users["head"], people)
    return (
        f"office {office.slug}: programme {programme.resolution_number} with "
        f"{programme.tasks.count()} tasks and {len(indicators)} indicators, "
        f"{len(partners)} partners, {contributions} accepted contributions, "
        f"{statistics} statistics, {people.families} families ({people.persons} persons), "
        f"{cases} assistant cases, {cards} Blue Card procedures, "
        f"{clients} families helped by the psychologist"
    )


# ------------------------------------------------------------------------ people


class Registry:
    """Families with members drawn from the seeded people factory."""

    def __init__(self, office: Office, social_worker: User, people: PeopleFactory) -> None:
        self.office, self.social_worker, self.people = office, social_worker, people
        self.families = self.persons = 0

    def family(self, members: Sequence[tuple[str, str, int]], street_no: int) -> Family:
        """A family; members are (role, sex, birth year), the first one names the family."""
        male, female, plural = self.people.surname()
        family = Family(
            office=self.office,
            name=f"Rodzina {plural}",
            street=f"ul. Ogrodowa {street_no}",
            postal_code="98-400",
            city=self.office.municipality,
            social_worker=self.social_worker,
        )
        family.full_clean()
        family.save()
        self.families += 1
        for role, sex, year in members:
            born = self.people.birth_date(d(year, 1, 1), d(year, 12, 28))
            person = Person(
                family=family,
                first_name=self.people.first_name(sex),
                last_name=female if sex == "F" else male,
                family_role=role,
                sex=sex,
                birth_date=born,
                pesel=self.people.pesel(born, sex),
            )
            person.full_clean()
            person.save()
            self.persons += 1
        return family


# ------------------------------------------------------------- programme, partners


def _partners(office: Office, head: User) -> dict[str, PartnerInstitution]:
    from ostoja.partners.services import partner_institution_save, partner_user_create

    partners = {}
    for code, (name, short, kind) in data.PARTNERS.items():
        partners[code] = partner_institution_save(
            acting_user=head,
            office=office,
            name=name,
            short_name=short,
            kind=kind,
            email=f"{code.replace('_', '.')}@example.org",
        )
    for code, (first, last) in {
        "pcpr": ("Irena", "Pracownik PCPR"),
        "ppp": ("Jolanta", "Pracownik Poradni"),
        "moptuiw": ("Karol", "Pracownik MOPTUiW"),
    }.items():
        username = f"{OFFICE_SLUG}.{code}"
        if not User.objects.filter(username=username).exists():
            partner_user_create(
                acting_user=head,
                partner=partners[code],
                username=username,
                password=DEMO_PASSWORD,
                first_name=first,
                last_name=last,
            )
    # the demo partner login speaks for a real partner of the programme (PCPR), so
    # its portal shows the forms due from it; its stand-in institution goes away
    from ostoja.partners.models import Contribution

    demo_partner = User.objects.filter(username=f"{OFFICE_SLUG}.partner").first()
    stand_in = demo_partner.partner_institution if demo_partner else None
    if demo_partner is not None and stand_in is not None:
        demo_partner.partner_institution = partners["pcpr"]
        demo_partner.save(update_fields=["partner_institution"])
        in_use = stand_in.users.exists() or Contribution.objects.filter(partner=stand_in).exists()
        if not in_use:
            stand_in.delete()
    return partners


def school_chunks(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Split the schools' joint list into contiguous parts, one per school, in order."""
    count = min(len(data.SCHOOLS), len(lines))
    size, extra = divmod(len(lines), count)
    chunks, start = [], 0
    for i, school in enumerate(data.SCHOOLS[:count]):
        end = start + size + (1 if i < extra else 0)
        chunks.append((school, lines[start:end]))
        start = end
    return chunks


def contributions_plan() -> dict[tuple[int, str], tuple[list[str], str]]:
    """(task, partner) → (activities, narrative) for every contribution of 2018."""
    plan: dict[tuple[int, str], tuple[list[str], str]] = {}
    for task, partner, *_rest in data.INDICATORS:
        plan.setdefault((task, partner), ([], ""))
    for key, lines in data.ACTIVITIES.items():
        plan[key] = (list(lines), "")
    for task, lines in data.SCHOOL_ACTIVITIES.items():
        for school, chunk in school_chunks(lines):
            activities = plan.get((task, school), ([], ""))[0]
            plan[(task, school)] = (activities + chunk, "")
    for key, text in data.NARRATIVES.items():
        plan[key] = (plan.get(key, ([], ""))[0], text)
    return plan


def _programme(office: Office, officer: User, partners: dict[str, PartnerInstitution]):
    from ostoja.programme.services import indicator_save, programme_create, task_save

    spec = data.PROGRAMME
    programme = programme_create(
        acting_user=officer,
        office=office,
        name=spec["name"],
        resolution_number=spec["resolution_number"],
        resolution_date=datetime.date.fromisoformat(str(spec["resolution_date"])),
        year_from=spec["year_from"],
        year_to=spec["year_to"],
        main_goal=spec["main_goal"],
        goals=spec["goals"],
    )
    goal = programme.goals.get(number=1)
    named: dict[int, set[str]] = {}
    for task, partner in contributions_plan():
        named.setdefault(task, set()).add(partner)
    tasks = {}
    for number, (title, by_office) in data.TASKS.items():
        tasks[number] = task_save(
            acting_user=officer,
            programme=programme,
            number=number,
            title=title,
            goal=goal,
            office_responsible=by_office,
            partners=[partners[code] for code in sorted(named.get(number, ()))],
        )
    indicators = {}
    for order, (task, _partner, key, label, unit, _value) in enumerate(data.INDICATORS):
        code = key.split(".", 1)[1].replace(".", "-")
        indicators[key] = indicator_save(
            acting_user=officer,
            task=tasks[task],
            code=code,
            label=label,
            unit=unit,
            kind="count",
            metric_key=key,
            order=order,
        )
    return programme, indicators


def _contributions(officer: User, programme, partners, indicators) -> int:
    """Enter each partner's 2018 contribution on its behalf, submit and accept it."""
    from ostoja.partners.services import (
        contribution_accept,
        contribution_open,
        contribution_save,
        contribution_submit,
        deadline_set,
    )

    deadline_set(acting_user=officer, office=programme.office, year=YEAR, deadline=d(2019, 2, 28))
    values: dict[tuple[int, str], dict[int, Decimal | None]] = {}
    for task, partner, key, _label, _unit, value in data.INDICATORS:
        values.setdefault((task, partner), {})[indicators[key].pk] = Decimal(value)
    tasks = {t.number: t for t in programme.tasks.all()}
    accepted = 0
    for (task, partner), (activities, narrative) in sorted(contributions_plan().items()):
        contribution = contribution_open(
            acting_user=officer, task=tasks[task], partner=partners[partner], year=YEAR
        )
        contribution = contribution_save(
            acting_user=officer,
            contribution=contribution,
            narrative=narrative,
            activities=activities,
            values=values.get((task, partner), {}),
        )
        contribution = contribution_submit(acting_user=officer, contribution=contribution)
        contribution_accept(acting_user=officer, contribution=contribution)
        accepted += 1
    return accepted


def _statistics(office: Office, officer: User) -> int:
    from ostoja.programme.services import statistic_kind_save, statistic_values_save

    kinds: dict[str, Any] = {}
    for order, (code, key, label, unit, _value, parent, complete) in enumerate(data.STATISTICS):
        kinds[code] = statistic_kind_save(
            acting_user=officer,
            office=office,
            code=code,
            key=key,
            label=label,
            unit=unit,
            parent=kinds[parent] if parent else None,
            parts_complete=complete,
            order=order,
        )
    source = "Sprawozdania resortowe MGOPS za 2018 r. (systemy dziedzinowe)"
    return statistic_values_save(
        acting_user=officer,
        office=office,
        year=YEAR,
        values={kinds[row[0]].pk: (Decimal(row[4]), source) for row in data.STATISTICS},
    )


# ------------------------------------------------------------------------ casework


@dataclass(frozen=True)
class CasePlan:
    """One assistant case: request, decision, assignment, closure (None: still open)."""

    children: int
    requested: datetime.date
    decided: datetime.date
    assigned: datetime.date | None
    closed: datetime.date | None = None
    closure: str = "goals_achieved"
    refused: bool = False


def case_plans() -> list[CasePlan]:
    """Every case of the example, in the order its assignment starts.

    * 12 families worked with since 2016–2017 (3 of them closed during 2018),
    * 3 families requested and assigned in 2018,
    * 2 families closed in 2017 (not served in 2018),
    * 1 request of December 2018 assigned in January 2019, 1 request refused in 2018:
      5 requests received in 2018, 15 families (33 children) served in 2018.
    """
    c = ASSISTED_CHILDREN
    plans = [
        CasePlan(2, d(2016, 2, 8), d(2016, 2, 15), d(2016, 3, 1), d(2017, 6, 30)),
        CasePlan(3, d(2016, 9, 5), d(2016, 9, 12), d(2016, 10, 3), d(2017, 11, 30), "moved_away"),
    ]
    earlier = [
        d(2016, 4, 4),
        d(2016, 6, 6),
        d(2016, 11, 7),
        d(2017, 1, 9),
        d(2017, 2, 6),
        d(2017, 3, 6),
        d(2017, 5, 8),
        d(2017, 7, 3),
        d(2017, 9, 4),
        d(2017, 10, 2),
        d(2017, 11, 6),
        d(2017, 12, 4),
    ]
    closed_2018 = {0: d(2018, 3, 30), 1: d(2018, 6, 29), 2: d(2018, 9, 28)}
    for i, start in enumerate(earlier):
        requested = start - datetime.timedelta(days=21)
        closed = closed_2018.get(i, d(2019, 6, 28) + datetime.timedelta(days=7 * i))
        plans.append(
            CasePlan(c[i], requested, requested + datetime.timedelta(days=7), start, closed)
        )
    for i, (requested, start, closed) in enumerate(
        [
            (d(2018, 3, 19), d(2018, 4, 16), d(2019, 9, 30)),
            (d(2018, 6, 4), d(2018, 7, 2), d(2019, 10, 31)),
            (d(2018, 9, 10), d(2018, 10, 8), d(2019, 12, 20)),
        ]
    ):
        plans.append(
            CasePlan(c[12 + i], requested, requested + datetime.timedelta(days=7), start, closed)
        )
    plans.append(CasePlan(2, d(2018, 12, 10), d(2018, 12, 20), d(2019, 1, 14), d(2020, 1, 31)))
    plans.append(CasePlan(1, d(2018, 5, 14), d(2018, 5, 25), None, refused=True))
    return plans


def _example_assistant(office: Office, head: User) -> User:
    """The office's one family assistant of 2016–2018, separate from the demo login.

    The demo assistant (`wieruszow.asystent`) keeps today's demo families, so the
    example's history does not count against that login's caseload limit.
    """
    from ostoja.accounts.models import Role, RoleAssignment

    user, created = User.objects.get_or_create(
        username="wieruszow.asystent.1",
        defaults={
            "office": office,
            "first_name": "Iwona",
            "last_name": "Wróblewska",
            "password": head.password,  # the demo password's hash (hashing is slow)
        },
    )
    if created:
        RoleAssignment.objects.create(user=user, role=Role.ASSISTANT)
    return user


def _casework(office: Office, users: dict[str, User], people: Registry) -> int:
    """The family assistant's cases through the casework services, plus one placement."""
    from ostoja.casework.models import ClosureReason, DecisionKind
    from ostoja.casework.services import case_assign, case_close, case_decide, case_request_create

    head, worker = users["head"], users["social_worker"]
    assistant = _example_assistant(office, head)
    reasons = {r.code: r for r in ClosureReason.objects.all()}
    plans = case_plans()
    # Process in order of events so the caseload limit sees the real history: a case
    # is opened only after the earlier ones that end before it have been closed.
    events: list[tuple[datetime.date, int, str]] = []
    families: list[Family] = []
    cases: list[Any] = []
    for n, plan in enumerate(plans):
        members = [(FamilyRole.MOTHER, "F", 1978 + n % 12)]
        if n % 3 != 0:
            members.append((FamilyRole.FATHER, "M", 1975 + n % 12))
        members += [
            (FamilyRole.CHILD, "FM"[k % 2], 2003 + (n + 2 * k) % 13) for k in range(plan.children)
        ]
        families.append(people.family(members, 10 + n))
        cases.append(None)
        events.append((plan.requested, n, "request"))
        if plan.assigned:
            events.append((plan.assigned, n, "assign"))
        if plan.closed:
            events.append((plan.closed, n, "close"))
    order = {"request": 0, "close": 1, "assign": 2}
    for day, n, what in sorted(events, key=lambda e: (e[0], order[e[2]], e[1])):
        plan = plans[n]
        if what == "request":
            case = case_request_create(
                acting_user=worker,
                family=families[n],
                requested_on=day,
                request_reason="Bezradność w sprawach opiekuńczo-wychowawczych.",
            )
            kind = DecisionKind.REFUSED if plan.refused else DecisionKind.GRANTED
            case_decide(
                acting_user=head,
                case=case,
                kind=kind,
                decided_on=plan.decided,
                note="Rodzina nie wyraziła zgody na współpracę." if plan.refused else "",
            )
            cases[n] = case
        elif what == "assign":
            case_assign(
                acting_user=head,
                case=cases[n],
                assistant=assistant,
                start_date=day,
                funding_source="own_budget",
            )
        else:
            case_close(
                acting_user=head,
                case=cases[n],
                closed_on=day,
                reason=reasons[plan.closure],
                final_assessment="Zakończenie pracy z rodziną.",
            )
    # The assisted family of task 11: the child stays in a foster family all of 2018.
    served = [
        n
        for n, p in enumerate(plans)
        if p.assigned is not None
        and p.assigned <= d(YEAR, 12, 31)
        and (p.closed is None or p.closed >= d(YEAR, 1, 1))
    ]
    assisted_index = served[FOSTER_FAMILY]
    _placement(office, head, families[assisted_index])
    return len(plans)


def _placement(office: Office, head: User, family: Family) -> None:
    from ostoja.placements.models import Placement, PlacementForm

    child = family.members.filter(family_role=FamilyRole.CHILD).order_by("birth_date").first()
    placement = Placement(
        office=office,
        family=family,
        child=child,
        form=PlacementForm.NON_PROFESSIONAL_FOSTER_FAMILY,
        is_foster_care=True,
        place_name="Niezawodowa rodzina zastępcza (powiat wieruszowski)",
        county="wieruszowski",
        start_date=d(2017, 6, 12),
        court="Sąd Rejonowy w Wieruszowie, III Wydział Rodzinny i Nieletnich",
        reason="Uzależnienie matki od alkoholu.",
        notes="Dziecko nie wróciło do matki, która wciąż zmaga się z uzależnieniem.",
    )
    placement.stamp(head)
    placement.full_clean()
    placement.save()


# ---------------------------------------------------------------------- Blue Card

#: Procedures open in 2018: 23 families.
BLUE_CARD_FAMILIES = 23
#: Team sittings: one in December 2017 (not counted), four in 2018.
TEAM_MEETINGS = [d(2017, 12, 13), d(2018, 3, 14), d(2018, 6, 13), d(2018, 9, 12), d(2018, 12, 12)]
INITIATORS = (
    ["police"] * 15 + ["ops"] * 4 + ["education"] * 2 + ["health_care", "addiction_commission"]
)


def blue_card_persons(i: int) -> tuple[int, int, int]:
    """Women, men and children named in the i-th procedure of 2018 (33, 27, 7 in all)."""
    return 1 + (i < 10), 1 + (i < 4), int(i < 7)


def blue_card_meetings(i: int) -> int:
    """Working-group meetings of the i-th procedure in 2018 (105 in all)."""
    return 5 if i < 13 else 4


def _blue_cards(office: Office, coordinator: User, people: Registry, partners) -> int:
    from ostoja.violence.services import (
        procedure_create,
        procedure_person_add,
        procedure_update,
        team_meeting_create,
        team_member_save,
        working_group_meeting_create,
    )

    def name(sex: str) -> str:
        return f"{people.people.first_name(sex)} {people.people.surname()[sex == 'F']}"

    members = [
        team_member_save(
            acting_user=coordinator,
            office=office,
            name=name(sex),
            institution=institution,
            partner=partners.get(partner) if partner else None,
        )
        for sex, institution, partner in [
            ("F", "MGOPS w Wieruszowie", None),
            ("F", "MGOPS w Wieruszowie", None),
            ("M", "KPP w Wieruszowie", "kpp"),
            ("F", "MOPTUiW w Wieruszowie", "moptuiw"),
            ("F", "Placówki oświatowe", "sp1"),
            ("M", "Zespół Kuratorskiej Służby Sądowej", "kuratorzy"),
            ("F", "Zakład Opieki Zdrowotnej", None),
            ("F", "Stowarzyszenie integracyjne", None),
            ("M", "Społeczny Rzecznik Praw Dziecka", None),
        ]
    ]
    for day in TEAM_MEETINGS:
        team_meeting_create(acting_user=coordinator, office=office, date=day, attendees=members)
    count = 0
    plans = [(i, True) for i in range(BLUE_CARD_FAMILIES)] + [(i, False) for i in range(2)]
    for i, in_2018 in plans:
        women, men, children = blue_card_persons(i) if in_2018 else (1, 1, 1)
        roles = [(FamilyRole.MOTHER, "F", 1975 + i % 15)]
        if women > 1:
            roles.append((FamilyRole.GRANDPARENT, "F", 1948 + i % 10))
        roles.append((FamilyRole.FATHER, "M", 1972 + i % 15))
        if men > 1:
            roles.append((FamilyRole.SIBLING_ADULT, "M", 1996 + i % 3))
        roles += [(FamilyRole.CHILD, "M" if i % 2 else "F", 2006 + i % 9)] * children
        family = people.family(roles, 100 + count)
        if in_2018:
            started = d(2017, 3 + i, 6) if i < 8 else d(2018, 1 + (i - 8) * 2 // 3, 8 + i % 3)
        else:
            started = d(2016, 10 + i, 3)
        group = [members[i % 2], members[2], members[3 + i % 6]]
        procedure = procedure_create(
            acting_user=coordinator,
            office=office,
            family=family,
            number=f"NK/{started.year}/{count + 1:02d}",
            initiator=INITIATORS[i] if in_2018 else "police",
            started_on=started,
            working_group=group,
        )
        for person in family.members.order_by("pk"):
            procedure_person_add(
                acting_user=coordinator,
                procedure=procedure,
                person=person,
                sex=person.sex,
                age_group="child" if person.family_role == FamilyRole.CHILD else "adult",
                suspected_perpetrator=person.family_role == FamilyRole.FATHER,
            )
        first = started + datetime.timedelta(days=7)
        if in_2018:
            first = max(first, d(YEAR, 1, 8))
        meetings = blue_card_meetings(i) if in_2018 else 3
        days = [first + datetime.timedelta(days=14 * k) for k in range(meetings)]
        for day in days:
            working_group_meeting_create(
                acting_user=coordinator, procedure=procedure, date=day, attendees=group
            )
        if not in_2018 or i < 6:
            procedure_update(
                acting_user=coordinator,
                procedure=procedure,
                closed_on=days[-1] + datetime.timedelta(days=7),
                closure_reason="violence_ended",
            )
        count += 1
    return count


# ------------------------------------------------------------------- psychologist

#: Families given ongoing psychological help by the psychologist in 2018.
PSYCHOLOGIST_FAMILIES = 12


def _psychologist(office: Office, head: User, people: Registry) -> int:
    """The psychologist engaged by MGOPS on a service contract, as a group activity.

    Its report key ``psychologist`` makes the activities provider count the families
    helped as ``psychologist.families``.
    """
    from ostoja.activities.models import GroupActivity, ParticipantRole, Participation

    activity = GroupActivity(
        office=office,
        name="Pomoc psychologiczna – psycholog MGOPS (umowa zlecenia)",
        kind="other",
        funding_source="own_budget",
        report_key="psychologist",
        start_date=d(YEAR, 1, 2),
        end_date=d(YEAR, 12, 31),
        description="Stała pomoc psychologiczna dla rodzin korzystających ze wsparcia Ośrodka.",
    )
    activity.stamp(head)
    activity.full_clean()
    activity.save()
    assisted = list(
        Family.objects.filter(office=office, assistant_cases__isnull=False)
        .distinct()
        .order_by("pk")[:5]
    )
    others = [
        people.family(
            [(FamilyRole.MOTHER, "F", 1980 + k), (FamilyRole.CHILD, "F", 2008 + k)], 200 + k
        )
        for k in range(PSYCHOLOGIST_FAMILIES - len(assisted))
    ]
    for k, family in enumerate(assisted + others):
        adult = family.members.exclude(family_role=FamilyRole.CHILD).order_by("pk").first()
        start = d(YEAR, 1 + k % 8, 10)
        participation = Participation(
            activity=activity,
            person=adult,
            family=family,
            role=ParticipantRole.ADULT,
            start_date=start,
            end_date=d(YEAR, 12, 31) if k % 3 else d(YEAR, 9, 28),
        )
        participation.stamp(head)
        participation.full_clean()
        participation.save()
    return len(assisted) + len(others)
