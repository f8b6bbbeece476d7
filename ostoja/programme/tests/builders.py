"""Test data built through the services: a programme with partners, a Blue Card."""

import datetime
from decimal import Decimal

from ostoja.accounts.models import PartnerInstitution, PartnerKind
from ostoja.partners import services as partner_services
from ostoja.programme import services


def counselling_centre(office) -> PartnerInstitution:
    partner, _ = PartnerInstitution.objects.get_or_create(
        office=office,
        name=f"Poradnia Psychologiczno-Pedagogiczna ({office.municipality})",
        defaults={"kind": PartnerKind.COUNSELLING_CENTRE, "email": "poradnia@example.org"},
    )
    return partner


def programme_with_tasks(office, head, partners, *, year_from=2016, year_to=2018):
    """A programme with two tasks, every given partner named in both, and indicators."""
    programme = services.programme_create(
        acting_user=head,
        office=office,
        name="Program Wspierania Rodziny",
        resolution_number="XX/153/2016",
        resolution_date=datetime.date(2016, 2, 25),
        year_from=year_from,
        year_to=year_to,
        main_goal="stworzenie spójnego systemu opieki nad rodziną",
        goals=["wielopłaszczyznowe wsparcie dla rodzin"],
    )
    goal = programme.goals.get()
    task1 = services.task_save(
        acting_user=head,
        programme=programme,
        number=2,
        title="Zapewnienie rodzinom specjalistycznego poradnictwa i wsparcia.",
        goal=goal,
        partners=partners,
    )
    task2 = services.task_save(
        acting_user=head,
        programme=programme,
        number=7,
        title="Poszerzanie ofert zajęć pozalekcyjnych dla dzieci i młodzieży.",
        goal=goal,
        partners=partners,
    )
    services.indicator_save(
        acting_user=head,
        task=task1,
        code="porady-rodzice",
        label="Porady i konsultacje dla rodziców",
        unit="persons",
        kind="count",
        metric_key="counselling_centre.advice.parents",
    )
    services.indicator_save(
        acting_user=head,
        task=task1,
        code="diagnozy",
        label="Diagnozy psychologiczne",
        unit="persons",
        kind="count",
    )
    services.indicator_save(
        acting_user=head,
        task=task2,
        code="zajecia",
        label="Prowadzono zajęcia pozalekcyjne",
        unit="events",
        kind="yes_no",
    )
    return programme, task1, task2


def accepted_contribution(head, partner_user_or_staff, task, partner, year, values, activities=()):
    """A contribution saved, submitted and accepted (values keyed by indicator code)."""
    contribution = partner_services.contribution_open(
        acting_user=partner_user_or_staff, task=task, partner=partner, year=year
    )
    by_code = {i.code: i.pk for i in task.indicators.all()}
    contribution = partner_services.contribution_save(
        acting_user=partner_user_or_staff,
        contribution=contribution,
        narrative="",
        activities=list(activities),
        values={by_code[code]: Decimal(v) for code, v in values.items()},
    )
    contribution = partner_services.contribution_submit(
        acting_user=partner_user_or_staff, contribution=contribution
    )
    return partner_services.contribution_accept(acting_user=head, contribution=contribution)
