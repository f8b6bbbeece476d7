import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ostoja.common.exceptions import ApplicationError
from ostoja.common.tests.access import build_world, collect_rules
from ostoja.partners import selectors, services
from ostoja.partners.models import Contribution, ContributionStatus
from ostoja.partners.validators import find_pesel_like
from ostoja.programme.tests.builders import (
    accepted_contribution,
    counselling_centre,
    programme_with_tasks,
)
from ostoja.reporting.registry import Period, registry

S = ContributionStatus


@pytest.fixture
def setup(demo):
    users = demo["konin"]
    office = users["head"].office
    school = users["partner"].partner_institution
    poradnia = counselling_centre(office)
    _programme, task1, task2 = programme_with_tasks(office, users["head"], [school, poradnia])
    return users, office, school, poradnia, task1, task2


def _values(task, **by_code):
    codes = {i.code: i.pk for i in task.indicators.all()}
    return {codes[c]: Decimal(v) for c, v in by_code.items()}


@pytest.mark.django_db
def test_full_cycle_draft_submit_return_submit_accept(setup):
    users, _office, school, _poradnia, task1, _ = setup
    partner, head = users["partner"], users["head"]
    c = services.contribution_open(acting_user=partner, task=task1, partner=school, year=2018)
    c = services.contribution_save(
        acting_user=partner,
        contribution=c,
        narrative="Opis",
        activities=["Koło", " ", "Chór"],
        values=_values(task1, **{"porady-rodzice": 198}),
    )
    assert [a.text for a in c.activities.all()] == ["Koło", "Chór"]
    c = services.contribution_submit(acting_user=partner, contribution=c)
    assert c.status == S.SUBMITTED
    with pytest.raises(PermissionDenied):  # a partner cannot accept its own contribution
        services.contribution_accept(acting_user=partner, contribution=c)
    with pytest.raises(ValidationError):  # return needs a comment
        services.contribution_return(acting_user=head, contribution=c, comment=" ")
    c = services.contribution_return(
        acting_user=head, contribution=c, comment="Podaj liczbę diagnoz."
    )
    assert c.status == S.RETURNED and c.review_comment == "Podaj liczbę diagnoz."
    c = services.contribution_save(
        acting_user=partner,
        contribution=c,
        narrative="Opis",
        activities=[],
        values=_values(task1, **{"porady-rodzice": 198, "diagnozy": 291}),
        expected_version=c.version,
    )
    c = services.contribution_submit(acting_user=partner, contribution=c)
    c = services.contribution_accept(acting_user=users["reporting_officer"], contribution=c)
    assert c.status == S.ACCEPTED and c.accepted_at
    # Accepted is locked for everyone.
    for user in (partner, head):
        with pytest.raises(PermissionDenied):
            services.contribution_save(
                acting_user=user, contribution=c, narrative="x", activities=[], values={}
            )
    with pytest.raises(ApplicationError, match="nie można zmienić"):
        services.contribution_return(acting_user=head, contribution=c, comment="x")


@pytest.mark.django_db
def test_transitions_not_in_the_table_are_refused(setup):
    users, _office, school, _p, task1, _ = setup
    c = services.contribution_open(acting_user=users["head"], task=task1, partner=school, year=2018)
    with pytest.raises(ApplicationError):
        services.contribution_accept(acting_user=users["head"], contribution=c)  # draft → accepted
    with pytest.raises(ApplicationError, match="pusty"):
        services.contribution_submit(acting_user=users["head"], contribution=c)


@pytest.mark.django_db
def test_stale_version_is_refused(setup):
    users, _office, school, _p, task1, _ = setup
    c = services.contribution_open(
        acting_user=users["partner"], task=task1, partner=school, year=2018
    )
    services.contribution_save(
        acting_user=users["partner"], contribution=c, narrative="a", activities=[], values={}
    )
    with pytest.raises(ApplicationError, match="Ktoś inny"):
        services.contribution_save(
            acting_user=users["head"],
            contribution=c,
            narrative="b",
            activities=[],
            values={},
            expected_version=c.version,
        )


@pytest.mark.django_db
def test_partner_works_only_on_own_institution(setup, demo):
    users, _office, school, poradnia, task1, _ = setup
    partner = users["partner"]
    with pytest.raises(PermissionDenied):
        services.contribution_open(acting_user=partner, task=task1, partner=poradnia, year=2018)
    other = services.contribution_open(
        acting_user=users["head"], task=task1, partner=poradnia, year=2018
    )
    with pytest.raises(PermissionDenied):
        services.contribution_save(
            acting_user=partner, contribution=other, narrative="", activities=[], values={}
        )
    assert other not in selectors.contribution_overview(partner, 2018)
    assert list(selectors.due_forms_for_partner(partner, 2018)) and all(
        f.partner == school for f in selectors.due_forms_for_partner(partner, 2018)
    )
    for role in ("social_worker", "assistant", "administrator", "blue_card_coordinator"):
        with pytest.raises(PermissionDenied):
            services.contribution_open(
                acting_user=users[role], task=task1, partner=school, year=2018
            )
    with pytest.raises(PermissionDenied):
        services.contribution_open(
            acting_user=demo["wieruszow"]["head"], task=task1, partner=school, year=2018
        )


@pytest.mark.django_db
def test_deadline_closes_partner_editing_but_not_staff(setup):
    users, office, school, _p, task1, _ = setup
    c = services.contribution_open(
        acting_user=users["partner"], task=task1, partner=school, year=2018
    )
    services.deadline_set(
        acting_user=users["head"], office=office, year=2018, deadline=datetime.date(2019, 1, 31)
    )
    with pytest.raises(PermissionDenied):
        services.contribution_save(
            acting_user=users["partner"], contribution=c, narrative="x", activities=[], values={}
        )
    saved = services.contribution_save(
        acting_user=users["head"], contribution=c, narrative="x", activities=[], values={}
    )
    assert saved.narrative == "x"
    with pytest.raises(ApplicationError, match="Termin"):
        services.contribution_submit(acting_user=users["partner"], contribution=saved)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("PESEL 44051401359", True),
        ("nr 440 514 013 59 w tekście", True),
        ("4405-1401-359", True),
        ("44051401358", False),  # wrong checksum
        ("telefon 627841554 i 12345678901", False),
        ("2018 – 2020, 323 rodzin, 1199 wniosków", False),
    ],
)
def test_pesel_like_numbers_are_found(text, found):
    assert bool(find_pesel_like(text)) is found


@pytest.mark.django_db
def test_contribution_with_pesel_is_refused_in_polish(setup):
    users, _office, school, _p, task1, _ = setup
    c = services.contribution_open(
        acting_user=users["partner"], task=task1, partner=school, year=2018
    )
    for narrative, activities in (
        ("Jan, PESEL 440 514 013 59", []),
        ("", ["Kowalski 44051401359"]),
    ):
        with pytest.raises(ValidationError) as exc:
            services.contribution_save(
                acting_user=users["partner"],
                contribution=c,
                narrative=narrative,
                activities=activities,
                values={},
            )
        assert "PESEL" in str(exc.value)
    assert Contribution.objects.get(pk=c.pk).narrative == ""


@pytest.mark.django_db
def test_reminders_go_to_partners_without_contribution(setup, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    users, office, school, poradnia, task1, task2 = setup
    for task in (task1, task2):
        accepted_contribution(
            users["head"],
            users["head"],
            task,
            poradnia,
            2018,
            {} if task == task1 else {"zajecia": 1},
            ["x"],
        )
    school.email = "sp1@example.org"
    school.save()
    sent = services.reminders_send(acting_user=users["reporting_officer"], office=office, year=2018)
    assert sent == 1
    assert mail.outbox[0].to == ["sp1@example.org"]
    assert "2." in mail.outbox[0].body and "7." in mail.outbox[0].body
    with pytest.raises(PermissionDenied):
        services.reminders_send(acting_user=users["partner"], office=office, year=2018)


@pytest.mark.django_db
def test_metrics_sum_accepted_contributions_only(setup):
    users, office, school, poradnia, task1, _ = setup
    accepted_contribution(
        users["head"], users["partner"], task1, school, 2018, {"porady-rodzice": 10}
    )
    accepted_contribution(
        users["head"],
        users["head"],
        task1,
        poradnia,
        2018,
        {"porady-rodzice": 188, "diagnozy": 291},
    )
    draft = services.contribution_open(
        acting_user=users["head"], task=task1, partner=school, year=2017
    )
    services.contribution_save(
        acting_user=users["head"],
        contribution=draft,
        narrative="",
        activities=[],
        values=_values(task1, **{"porady-rodzice": 1000}),
    )
    values = registry.compute_all(office, Period.year(2018))
    assert values["counselling_centre.advice.parents"].value == 198
    assert values["counselling_centre.advice.parents"].spec.source == "partner"
    assert values["programme.t2.porady-rodzice"].value == 198
    assert values["programme.t2.porady-rodzice.school"].value == 10
    assert values["programme.t2.porady-rodzice.counselling_centre"].value == 188
    assert values["programme.t2.diagnozy"].value == 291
    assert values["partners.contributions_accepted"].value == 2
    assert "counselling_centre.advice.parents" not in registry.compute_all(
        office, Period.year(2017)
    )


@pytest.mark.django_db
def test_overview_query_count_is_constant(client, setup, django_assert_num_queries):
    from ostoja.accounts.models import PartnerInstitution

    users, office, _school, _p, task1, task2 = setup
    client.force_login(users["head"])
    with django_assert_num_queries(10):
        assert client.get("/partnerzy/?rok=2018").status_code == 200
    from ostoja.programme import services as programme_services

    for i in range(20):
        p = PartnerInstitution.objects.create(office=office, name=f"Szkoła {i}", kind="school")
        for task in (task1, task2):
            programme_services.task_save(
                acting_user=users["head"],
                programme=task.programme,
                task=task,
                title=task.title,
                partners=[*task.institutions.all(), p],
            )
        services.contribution_open(acting_user=users["head"], task=task1, partner=p, year=2018)
    with django_assert_num_queries(10):
        response = client.get("/partnerzy/?rok=2018")
    assert response.content.decode().count("Wpisz w imieniu instytucji") == 24


# --- a partner user never reads another partner's contribution, a family or a Blue Card ---


@pytest.mark.django_db
def test_partner_cannot_reach_other_partners_contribution_on_any_url(client, demo):
    world = build_world(demo)
    client.force_login(world.users["partner"])
    other = world.other_contribution
    urls = [
        reverse("partners:detail", kwargs={"pk": other.pk}),
        reverse("partners:submit", kwargs={"pk": other.pk}),
        reverse("partners:return", kwargs={"pk": other.pk}),
        reverse("partners:accept", kwargs={"pk": other.pk}),
        reverse(
            "partners:form",
            kwargs={"year": 2018, "task_pk": other.task_id, "partner_pk": other.partner_id},
        ),
    ]
    for url in urls:
        assert client.get(url).status_code in (403, 404), url
        assert client.post(url, {"comment": "x", "narrative": "x"}).status_code in (403, 404), url
    other.refresh_from_db()
    assert other.status == S.SUBMITTED and other.narrative == "Porady dla rodziców."
    portal = client.get(reverse("partners:portal") + "?rok=2018").content.decode()
    assert "Porady dla rodziców" not in portal


@pytest.mark.django_db
def test_partner_cannot_reach_any_family_or_blue_card_url(client, demo):
    world = build_world(demo)
    client.force_login(world.users["partner"])
    checked = 0
    for name, rule in collect_rules().items():
        if not name.startswith(("families:", "violence:", "casework:", "placements:")):
            continue
        assert "partner" not in rule.allowed, name
        url = reverse(name, kwargs=rule.kwargs(world) if rule.kwargs else None)
        assert client.get(url).status_code in (403, 404), url
        assert client.post(url, {}).status_code in (403, 404), url
        checked += 1
    assert checked >= 17
