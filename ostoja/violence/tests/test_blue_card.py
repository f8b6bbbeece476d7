import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ostoja.accounts.models import Role
from ostoja.families.models import Family
from ostoja.families.timeline import family_timeline
from ostoja.reporting.registry import Period, registry
from ostoja.violence import selectors, services
from ostoja.violence.permissions import visible_procedures

D = datetime.date


@pytest.fixture
def blue(demo):
    users = demo["konin"]
    office = users["head"].office
    coordinator = users["blue_card_coordinator"]
    families = list(Family.objects.filter(office=office)[:4])
    member = services.team_member_save(
        acting_user=coordinator,
        office=office,
        name="Barbara Socjalna",
        institution="MOPR",
        user=users["social_worker"],
    )
    police = services.team_member_save(
        acting_user=coordinator, office=office, name="Dzielnicowy", institution="KPP"
    )
    p1 = (
        services.procedure_create(  # started 2017, still open in 2018, group with the social worker
            acting_user=coordinator,
            office=office,
            family=families[0],
            initiator="police",
            started_on=D(2017, 11, 5),
            working_group=[member, police],
        )
    )
    p2 = services.procedure_create(
        acting_user=coordinator,
        office=office,
        family=families[1],
        initiator="ops",
        started_on=D(2018, 2, 1),
        working_group=[police],
    )
    p3 = services.procedure_create(  # second card of the same family in 2018
        acting_user=coordinator,
        office=office,
        family=families[1],
        initiator="education",
        started_on=D(2018, 6, 1),
    )
    p4 = services.procedure_create(  # closed before 2018: not counted
        acting_user=coordinator,
        office=office,
        family=families[2],
        initiator="police",
        started_on=D(2016, 1, 1),
    )
    services.procedure_update(
        acting_user=coordinator,
        procedure=p4,
        closed_on=D(2017, 12, 31),
        closure_reason="no_grounds",
    )
    services.procedure_update(
        acting_user=coordinator,
        procedure=p2,
        closed_on=D(2018, 10, 1),
        closure_reason="violence_ended",
    )
    for procedure, persons in (
        (p1, [("F", "adult", False), ("M", "adult", True), ("M", "child", False)]),
        (p2, [("F", "adult", False), ("F", "child", False)]),
        (p3, [("M", "adult", False)]),
        (p4, [("F", "adult", False)]),
    ):
        for sex, age, perp in persons:
            services.procedure_person_add(
                acting_user=coordinator,
                procedure=procedure,
                sex=sex,
                age_group=age,
                suspected_perpetrator=perp,
            )
    for day in (D(2018, 1, 10), D(2018, 3, 10), D(2019, 1, 5)):
        services.working_group_meeting_create(
            acting_user=coordinator, procedure=p1, date=day, attendees=[member]
        )
    services.working_group_meeting_create(
        acting_user=coordinator, procedure=p2, date=D(2018, 2, 20)
    )
    services.working_group_meeting_create(acting_user=coordinator, procedure=p4, date=D(2017, 6, 1))
    for day in (D(2018, 3, 1), D(2018, 6, 1), D(2017, 12, 1)):
        services.team_meeting_create(
            acting_user=coordinator, office=office, date=day, attendees=[member, police]
        )
    return users, office, [p1, p2, p3, p4], families


@pytest.mark.django_db
def test_blue_card_metrics(blue):
    _users, office, _procs, _families = blue
    v = {k: m.value for k, m in registry.compute_all(office, Period.year(2018)).items()}
    assert v["blue_card.families"] == 2
    assert v["blue_card.procedures"] == 3
    assert v["blue_card.cards_new"] == 2
    assert v["blue_card.cards_new.ops"] == 1 and v["blue_card.cards_new.education"] == 1
    assert v["blue_card.cards_new.police"] == 0
    assert v["blue_card.closures"] == 1 and v["blue_card.closures.violence_ended"] == 1
    assert v["blue_card.persons_affected"] == 5
    assert (
        v["blue_card.persons_affected.women"],
        v["blue_card.persons_affected.men"],
        v["blue_card.persons_affected.children"],
    ) == (2, 1, 2)
    assert v["blue_card.suspected_perpetrators"] == 1
    assert v["interdisciplinary_team.meetings"] == 2
    assert v["interdisciplinary_team.working_group_meetings"] == 3
    # Persons of p1 and p2 (whose groups met in 2018): 3 + 2.
    assert v["interdisciplinary_team.persons_discussed"] == 5
    assert (
        v["interdisciplinary_team.persons_discussed.women"],
        v["interdisciplinary_team.persons_discussed.men"],
        v["interdisciplinary_team.persons_discussed.children"],
    ) == (2, 1, 2)
    v17 = {k: m.value for k, m in registry.compute_all(office, Period.year(2017)).items()}
    assert v17["blue_card.families"] == 2 and v17["blue_card.closures.no_grounds"] == 1


@pytest.mark.django_db
def test_blue_card_metrics_query_count(blue, django_assert_num_queries):
    _users, office, _procs, _families = blue
    # 6 for the Blue Card group + 1 for each of the two providers (statistics, contributions).
    with django_assert_num_queries(8):
        registry.compute_all(office, Period.year(2018), keys=["blue_card.families"])


@pytest.mark.django_db
@pytest.mark.parametrize("role", [r.value for r in Role])
def test_who_sees_blue_cards(blue, role):
    """Coordinator: all; social worker in a working group: that procedure; everyone else: none."""
    users, _office, procs, _families = blue
    visible = set(visible_procedures(users[role]))
    expected = {
        "blue_card_coordinator": set(procs),
        "social_worker": {procs[0]},
    }.get(role, set())
    assert visible == expected


@pytest.mark.django_db
def test_group_member_reads_only_own_procedure_pages(client, blue):
    users, _office, procs, _families = blue
    client.force_login(users["social_worker"])
    assert client.get(reverse("violence:detail", kwargs={"pk": procs[0].pk})).status_code == 200
    assert client.get(reverse("violence:list")).status_code == 200
    assert client.get(reverse("violence:detail", kwargs={"pk": procs[1].pk})).status_code == 404
    assert client.get(reverse("violence:edit", kwargs={"pk": procs[0].pk})).status_code == 403
    assert client.get(reverse("violence:team")).status_code == 403


@pytest.mark.django_db
def test_head_outside_groups_sees_no_blue_card_but_inside_does(client, blue):
    users, office, procs, _families = blue
    head = users["head"]
    client.force_login(head)
    for pk in (p.pk for p in procs):
        assert client.get(reverse("violence:detail", kwargs={"pk": pk})).status_code == 404
    member = services.team_member_save(
        acting_user=users["blue_card_coordinator"],
        office=office,
        name="Anna Kierownik",
        institution="MOPR",
        user=head,
    )
    services.procedure_update(
        acting_user=users["blue_card_coordinator"], procedure=procs[2], working_group=[member]
    )
    assert client.get(reverse("violence:detail", kwargs={"pk": procs[2].pk})).status_code == 200


@pytest.mark.django_db
def test_only_coordinator_writes_and_other_office_is_refused(blue, demo):
    users, office, _procs, families = blue
    for role in (
        "head",
        "social_worker",
        "assistant",
        "reporting_officer",
        "partner",
        "administrator",
        "auditor",
    ):
        with pytest.raises(PermissionDenied):
            services.procedure_create(
                acting_user=users[role],
                office=office,
                family=families[3],
                initiator="police",
                started_on=D(2018, 1, 1),
            )
    with pytest.raises(PermissionDenied):
        services.procedure_create(
            acting_user=demo["wieruszow"]["blue_card_coordinator"],
            office=office,
            family=families[3],
            initiator="police",
            started_on=D(2018, 1, 1),
        )
    assert not visible_procedures(demo["wieruszow"]["blue_card_coordinator"]).exists()


@pytest.mark.django_db
def test_closure_needs_date_and_reason(blue):
    users, _office, procs, _families = blue
    with pytest.raises(ValidationError):
        services.procedure_update(
            acting_user=users["blue_card_coordinator"], procedure=procs[0], closed_on=D(2018, 5, 1)
        )


@pytest.mark.django_db
def test_timeline_shows_blue_card_events_only_to_allowed_users(blue):
    users, _office, _procs, families = blue
    family = families[0]
    for role, expected in (("social_worker", 4), ("head", 0), ("assistant", 0), ("auditor", 0)):
        events = [e for e in family_timeline(family, users[role]) if e.kind == "Niebieska Karta"]
        assert len(events) == expected, role


@pytest.mark.django_db
def test_register_query_count_is_constant(client, blue, django_assert_num_queries):
    users, office, _procs, families = blue
    client.force_login(users["blue_card_coordinator"])
    with django_assert_num_queries(9):
        assert client.get(reverse("violence:list")).status_code == 200
    for i in range(20):
        services.procedure_create(
            acting_user=users["blue_card_coordinator"],
            office=office,
            family=families[i % 4],
            initiator="health_care",
            started_on=D(2018, 1, 1 + i),
        )
    with django_assert_num_queries(9):
        assert client.get(reverse("violence:list")).status_code == 200


@pytest.mark.django_db
def test_detail_read_is_logged(client, blue):
    from auditlog.models import LogEntry

    users, _office, procs, _families = blue
    client.force_login(users["blue_card_coordinator"])
    before = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count()
    client.get(reverse("violence:detail", kwargs={"pk": procs[0].pk}))
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count() == before + 1
    assert selectors.procedure_get_for_user(users["blue_card_coordinator"], procs[0].pk) == procs[0]
