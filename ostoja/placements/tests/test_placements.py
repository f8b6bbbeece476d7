import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ostoja.accounts.models import Office
from ostoja.casework.models import Assignment, AssistantCase, CaseStatus
from ostoja.common.exceptions import ApplicationError
from ostoja.families.models import Family, Person
from ostoja.families.timeline import family_timeline
from ostoja.placements import metrics, services
from ostoja.placements.models import CoFinancingRate, Placement
from ostoja.placements.permissions import visible_placements
from ostoja.reporting.registry import Period, registry

pytestmark = pytest.mark.django_db

D = datetime.date
Y2017 = Period.year(2017)


def family_with_children(office, name="Rodzina Testowa", children=1, social_worker=None):
    family = Family.objects.create(office=office, name=name, social_worker=social_worker)
    kids = [
        Person.objects.create(
            family=family,
            first_name=f"Dziecko{i}",
            last_name="Testowe",
            family_role="child",
            sex="F",
        )
        for i in range(children)
    ]
    return family, kids


def place(head, child, form, start, end=None, ended_by=""):
    placement = services.placement_create(
        acting_user=head, child=child, form=form, start_date=start
    )
    if end:
        services.placement_end(
            acting_user=head, placement=placement, end_date=end, ended_by=ended_by
        )
    return placement


@pytest.fixture
def konin(demo):
    return Office.objects.get(slug="konin"), demo["konin"]


# --- services -------------------------------------------------------------------------------


def test_foster_care_flag_follows_the_form(konin):
    office, users = konin
    _f, (a, b, c) = family_with_children(office, children=3)
    head = users["head"]
    assert place(head, a, "kinship_foster_family", D(2017, 1, 1)).is_foster_care is True
    assert place(head, b, "mow", D(2017, 1, 1)).is_foster_care is False
    other = services.placement_create(
        acting_user=head, child=c, form="other", start_date=D(2017, 1, 1), is_foster_care=True
    )
    assert other.is_foster_care is True


def test_overlapping_placements_refused_and_transfer_on_same_day_allowed(konin):
    office, users = konin
    head = users["head"]
    _f, (child,) = family_with_children(office)
    first = place(head, child, "emergency_foster_family", D(2017, 2, 1))
    with pytest.raises(ApplicationError, match="ma już umieszczenie"):
        place(head, child, "kinship_foster_family", D(2017, 3, 1))
    services.placement_end(
        acting_user=head, placement=first, end_date=D(2017, 5, 1), ended_by="transfer"
    )
    second = place(head, child, "kinship_foster_family", D(2017, 5, 1))
    assert second.pk and Placement.objects.filter(child=child).count() == 2
    with pytest.raises(ApplicationError, match="już zakończone"):
        services.placement_end(acting_user=head, placement=first, end_date=D(2017, 6, 1))


def test_only_a_child_of_the_family_can_be_placed(konin):
    office, users = konin
    family, _kids = family_with_children(office)
    mother = Person.objects.create(
        family=family, first_name="Anna", last_name="Testowa", family_role="mother", sex="F"
    )
    with pytest.raises(ValidationError, match="dziecko"):
        place(users["head"], mother, "mos", D(2017, 1, 1))


def test_end_before_start_refused(konin):
    office, users = konin
    _f, (child,) = family_with_children(office)
    placement = place(users["head"], child, "mos", D(2017, 5, 1))
    with pytest.raises(ValidationError):
        services.placement_end(
            acting_user=users["head"], placement=placement, end_date=D(2017, 1, 1)
        )


def test_permissions_to_record_a_placement(demo):
    konin_users, other_users = demo["konin"], demo["wieruszow"]
    office = konin_users["head"].office
    _family, (child,) = family_with_children(office, social_worker=konin_users["social_worker"])
    # allowed: head, the family's social worker
    place(konin_users["head"], child, "mos", D(2017, 1, 1))
    _f2, (child2,) = family_with_children(office, social_worker=konin_users["social_worker"])
    place(konin_users["social_worker"], child2, "mos", D(2017, 1, 1))
    # denied: roles without casework, an assistant not assigned, another office's head
    for user in (
        konin_users["reporting_officer"],
        konin_users["partner"],
        konin_users["administrator"],
        konin_users["auditor"],
        konin_users["assistant"],
        other_users["head"],
    ):
        _f, (kid,) = family_with_children(office)
        with pytest.raises(PermissionDenied):
            place(user, kid, "mos", D(2017, 1, 1))


def test_assistant_records_placement_in_an_assigned_family(konin):
    office, users = konin
    family, (child,) = family_with_children(office)
    case = AssistantCase.objects.create(
        office=office, family=family, status=CaseStatus.ACTIVE, requested_on=D(2017, 1, 1)
    )
    Assignment.objects.create(case=case, assistant=users["assistant"], start_date=D(2017, 1, 2))
    placement = place(users["assistant"], child, "kinship_foster_family", D(2017, 3, 1))
    assert placement in visible_placements(users["assistant"])
    case.refresh_from_db()
    assert case.status == CaseStatus.ACTIVE  # art. 10 ust. 4: the case stays open


def test_visible_placements_scoping(demo):
    users, other = demo["konin"], demo["wieruszow"]
    office = users["head"].office
    _f1, (mine,) = family_with_children(office, social_worker=users["social_worker"])
    _f2, (theirs,) = family_with_children(office)
    p1 = place(users["head"], mine, "mos", D(2017, 1, 1))
    p2 = place(users["head"], theirs, "mos", D(2017, 1, 1))
    assert set(visible_placements(users["head"])) >= {p1, p2}
    assert set(visible_placements(users["auditor"])) >= {p1, p2}
    sw = set(visible_placements(users["social_worker"]))
    assert p1 in sw and p2 not in sw
    for role in ("reporting_officer", "partner", "administrator", "blue_card_coordinator"):
        assert not visible_placements(users[role]).exists()
    assert not visible_placements(other["head"]).filter(pk__in=[p1.pk, p2.pk]).exists()


# --- metrics --------------------------------------------------------------------------------


@pytest.fixture
def year_2017(konin):
    """Hand-built placements of four families; the expected figures are in the tests."""
    office, users = konin
    head = users["head"]
    _f1, (a, b) = family_with_children(office, "F1", 2)
    _f2, (c, d) = family_with_children(office, "F2", 2)
    _f3, (e, g) = family_with_children(office, "F3", 2)
    _f4, (h,) = family_with_children(office, "F4", 1)
    place(head, a, "emergency_care_institution", D(2016, 6, 1), D(2017, 12, 31), "return_home")
    place(head, b, "kinship_foster_family", D(2017, 3, 1))
    place(head, c, "professional_foster_family", D(2016, 11, 1), D(2018, 2, 1), "transfer")
    place(head, d, "emergency_foster_family", D(2017, 2, 1), D(2017, 5, 1), "transfer")
    place(head, d, "kinship_foster_family", D(2017, 5, 1))
    place(head, e, "mos", D(2017, 9, 1), D(2017, 11, 30), "return_home")
    place(head, g, "care_institution", D(2017, 12, 31))
    place(head, h, "kinship_foster_family", D(2015, 4, 1), D(2017, 1, 1), "return_home")
    # another office's placement in the same year is never counted
    other = Office.objects.get(slug="wieruszow")
    _fo, (x,) = family_with_children(other, "Obca")
    other_head = other.users.get(role_assignments__role="head")
    place(other_head, x, "kinship_foster_family", D(2017, 6, 1))
    return office


EXPECTED_2017 = {
    "placements.children": 4,  # B, D (twice: counted once), E, G
    "placements.families": 3,
    "assistant.families_without_expected_effects": 3,
    "placements.kinship_foster_family.children": 2,  # B and D
    "placements.kinship_foster_family.families": 2,
    "placements.emergency_foster_family.children": 1,
    "placements.mos.children": 1,
    "placements.mos.families": 1,
    "placements.mow.children": 0,
    "placements.care_institution.children": 1,  # placed on 31 December
    "placements.foster_care.children": 3,  # MOS is not foster care
    "placements.children_at_end": 4,  # B, C (spans the year), D, G; A returned on 31 Dec
    "foster_care.children_at_end": 4,
    "foster_care.families_at_end": 3,
    "placements.kinship_foster_family.children_at_end": 2,
    "placements.professional_foster_family.children_at_end": 1,
    "returns.children": 3,  # A (on 31 Dec), E, H (on 1 Jan)
    "returns.families": 3,
    "returns.from_emergency_care_institution": 1,
    "returns.from_mos": 1,
    "returns.from_mow": 0,
    "returns.from_kinship_foster_family": 1,
    "foster_care.children_in_care": 2,  # A and C were placed before 2017 and stayed into it
    "foster_care.families_with_children_in_care": 2,
    "foster_care.children_in_care_during": 5,  # A, B, C, D, G
    "foster_care.families_in_care_during": 3,
    "assistant.children_in_foster_care": 5,
    "assistant.families_with_child_in_foster_care": 3,
}


def test_placement_metrics_2017(year_2017):
    values = metrics.placement_figures(year_2017, Y2017)
    for key, expected in EXPECTED_2017.items():
        assert values[key] == expected, key
    assert set(values) == set(metrics._definitions(Y2017))


def test_placement_metrics_next_year(year_2017):
    values = metrics.placement_figures(year_2017, Period.year(2018))
    assert values["returns.children"] == 0  # C's transfer is not a return; A returned in 2017
    assert values["placements.children"] == 0
    assert values["foster_care.children_in_care"] == 4  # B, C, D, G carried into 2018
    assert values["foster_care.children_at_end"] == 3  # C left on 1 Feb 2018


def test_placement_metrics_registered_and_drilldown(year_2017):
    assert registry.compute("returns.from_mos", year_2017, Y2017).value == 1
    rows = registry.drilldown("returns.children", year_2017, Y2017)
    assert sorted(p.family.name for p in rows) == ["F1", "F3", "F4"]
    assert registry.drilldown("placements.children_at_end", year_2017, Y2017).count() == 4


def test_placement_metrics_one_query_with_ten_times_more_data(
    year_2017, konin, django_assert_num_queries
):
    office, users = konin
    with django_assert_num_queries(1):
        metrics.placement_figures(office, Y2017)
    for i in range(30):
        _f, (kid,) = family_with_children(office, f"Więcej {i}")
        place(users["head"], kid, "mos", D(2017, 3, 1), D(2017, 4, 1), "return_home")
    with django_assert_num_queries(1):
        values = metrics.placement_figures(office, Y2017)
    assert values["returns.from_mos"] == 31


# --- co-financing ---------------------------------------------------------------------------


def test_cofinancing_rate_by_year_of_stay_and_effective_dating(konin):
    office, users = konin
    head = users["head"]
    _f, (child,) = family_with_children(office)
    placement = place(head, child, "kinship_foster_family", D(2015, 3, 15))
    first = services.cofinancing_entry_create(
        acting_user=head, placement=placement, month=D(2015, 4, 1), cost=Decimal("1000.00")
    )
    second = services.cofinancing_entry_create(
        acting_user=head, placement=placement, month=D(2016, 3, 1), cost=Decimal("1000.00")
    )
    third = services.cofinancing_entry_create(
        acting_user=head, placement=placement, month=D(2017, 3, 20), cost=Decimal("1001.00")
    )
    assert (first.year_of_stay, first.percent, first.amount) == (1, 10, Decimal("100.00"))
    assert (second.year_of_stay, second.amount) == (2, Decimal("300.00"))
    assert (third.month, third.year_of_stay, third.amount) == (D(2017, 3, 1), 3, Decimal("500.50"))
    # a new rate table is a data change: from 2030 the third year costs the gmina 60 %
    CoFinancingRate.objects.filter(valid_to__isnull=True).update(valid_to=D(2029, 12, 31))
    for year, pct in ((1, 10), (2, 30), (3, 60)):
        CoFinancingRate.objects.create(year_of_stay=year, percent=pct, valid_from=D(2030, 1, 1))
    later = services.cofinancing_entry_create(
        acting_user=head, placement=placement, month=D(2030, 1, 1), cost=Decimal("1000.00")
    )
    assert (later.year_of_stay, later.amount) == (15, Decimal("600.00"))
    values = metrics.cofinancing_figures(office, Period.year(2016))
    assert values["foster_care.cofinancing.amount"] == Decimal("300.00")
    assert values["foster_care.cofinancing.cost"] == Decimal("1000.00")
    assert values["foster_care.cofinancing.children"] == 1
    assert (
        registry.drilldown("foster_care.cofinancing.amount", office, Period.year(2016)).count() == 1
    )


def test_cofinancing_refusals(konin):
    office, users = konin
    head = users["head"]
    _f, (a, b) = family_with_children(office, children=2)
    mos = place(head, a, "mos", D(2017, 1, 1))
    with pytest.raises(ApplicationError, match="tylko pieczy"):
        services.cofinancing_entry_create(
            acting_user=head, placement=mos, month=D(2017, 2, 1), cost=Decimal(1)
        )
    care = place(head, b, "care_institution", D(2017, 1, 10), D(2017, 3, 1), "return_home")
    services.cofinancing_entry_create(acting_user=head, placement=care, month=D(2017, 1, 1), cost=1)
    with pytest.raises(ApplicationError, match="już wpisany"):
        services.cofinancing_entry_create(
            acting_user=head, placement=care, month=D(2017, 1, 5), cost=1
        )
    with pytest.raises(ApplicationError, match="nie przebywało"):
        services.cofinancing_entry_create(
            acting_user=head, placement=care, month=D(2017, 4, 1), cost=1
        )
    with pytest.raises(PermissionDenied):
        services.cofinancing_entry_create(
            acting_user=users["social_worker"], placement=care, month=D(2017, 2, 1), cost=1
        )


# --- timeline and pages ---------------------------------------------------------------------


def test_timeline_shows_placement_and_return_to_those_who_may_see_it(konin):
    office, users = konin
    family, (child,) = family_with_children(office)
    place(
        users["head"],
        child,
        "emergency_care_institution",
        D(2017, 1, 5),
        D(2017, 6, 1),
        "return_home",
    )
    events = family_timeline(family, users["head"])
    kinds = [e.kind for e in events if e.date in (D(2017, 1, 5), D(2017, 6, 1))]
    assert kinds == ["Powrót do domu", "Umieszczenie"]
    assert not [e for e in family_timeline(family, users["partner"]) if e.kind == "Umieszczenie"]


def test_pages_post_create_and_end(client, konin):
    office, users = konin
    _family, (child,) = family_with_children(office)
    client.force_login(users["head"])
    response = client.post(
        reverse("placements:create", args=[child.pk]),
        {"form": "emergency_care_institution", "start_date": "2017-01-05", "court": "SR Konin"},
    )
    placement = Placement.objects.get(child=child)
    assert response.status_code == 302
    response = client.post(
        reverse("placements:end", args=[placement.pk]),
        {"end_date": "2017-06-01", "ended_by": "return_home"},
    )
    assert response.status_code == 302
    placement.refresh_from_db()
    assert (placement.end_date, placement.ended_by) == (D(2017, 6, 1), "return_home")
    page = client.get(reverse("placements:child_history", args=[child.pk])).content.decode()
    assert "powrót do rodziny" in page


def test_form_error_keeps_input(client, konin):
    office, users = konin
    _family, (child,) = family_with_children(office)
    place(users["head"], child, "mos", D(2017, 1, 1))
    client.force_login(users["head"])
    response = client.post(
        reverse("placements:create", args=[child.pk]),
        {"form": "mow", "start_date": "2017-02-01", "court": "Sąd Okręgowy X"},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "ma już umieszczenie" in text and "Sąd Okręgowy X" in text


def test_other_office_gets_404(client, demo, konin):
    office, users = konin
    _family, (child,) = family_with_children(office)
    placement = place(users["head"], child, "mos", D(2017, 1, 1))
    client.force_login(demo["wieruszow"]["head"])
    assert client.get(reverse("placements:detail", args=[placement.pk])).status_code == 404
    assert client.get(reverse("placements:child_history", args=[child.pk])).status_code == 404


LIST_QUERIES = 9  # session, user, roles, menu, count, page …; not per placement


def test_register_queries_do_not_grow(client, konin, django_assert_num_queries):
    office, users = konin
    head = users["head"]
    for i in range(3):
        _f, (kid,) = family_with_children(office, f"R{i}")
        place(head, kid, "mos", D(2017, 1, 1))
    client.force_login(head)
    url = reverse("placements:list")
    with django_assert_num_queries(LIST_QUERIES):
        client.get(url)
    for i in range(30):
        _f, (kid,) = family_with_children(office, f"S{i}")
        place(head, kid, "kinship_foster_family", D(2017, 1, 1))
    with django_assert_num_queries(LIST_QUERIES):
        client.get(url)


def test_start_page_lists_children_of_visible_families_only(client, konin):
    office, users = konin
    _mine, (mine,) = family_with_children(office, "Moja", social_worker=users["social_worker"])
    _theirs, (theirs,) = family_with_children(office, "Cudza")
    client.force_login(users["social_worker"])
    page = client.get(reverse("placements:start")).content.decode()
    assert "(Moja)" in page and "(Cudza)" not in page
    response = client.get(reverse("placements:start"), {"child": mine.pk})
    assert response["Location"] == reverse("placements:create", args=[mine.pk])
    assert client.get(reverse("placements:start"), {"child": theirs.pk}).status_code == 200
    assert client.get(reverse("placements:create", args=[theirs.pk])).status_code == 404
