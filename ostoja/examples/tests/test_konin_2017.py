"""Konin 2017: the records reproduce every fact, and the figures follow the records."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ostoja.accounts.models import Office, Role, RoleAssignment, User
from ostoja.casework import services as cases
from ostoja.casework.models import (
    Assignment,
    AssistantCase,
    CaseStatus,
    ClosureReason,
    Cooperation,
    FundingSource,
    Goal,
    InstitutionKind,
    Outcome,
    OutcomeKind,
)
from ostoja.casework.selectors import assistant_peak_load
from ostoja.examples.konin_2017.build import build
from ostoja.examples.registry import EXAMPLES, verify
from ostoja.families.models import Family, FamilyRole, Person
from ostoja.placements import services as placements
from ostoja.placements.models import EndReason, Placement, PlacementForm
from ostoja.reporting.registry import Period, registry

Y2017 = Period.year(2017)
EXAMPLE = EXAMPLES["konin-2017"]
FACTS = 67


@pytest.fixture
def konin(db):
    build()
    return Office.objects.get(slug="konin")


def figures(office, *keys):
    values = registry.compute_all(office, Y2017, keys=keys)
    return {k: values[k].value for k in keys}


def head(office):
    return User.objects.get(username="konin.kierownik")


def _verify_output(*args) -> list[str]:
    out = io.StringIO()
    call_command("verify_example", "konin-2017", *args, stdout=out)
    return out.getvalue().splitlines()


@pytest.mark.django_db
def test_load_and_verify_reproduces_every_fact():
    out = io.StringIO()
    call_command("load_example", "konin-2017", stdout=out)
    assert "90 served in 2017" in out.getvalue()
    lines = _verify_output()
    assert lines[-1] == f"{FACTS}/{FACTS} facts reproduced"
    assert sum(line.startswith("OK ") for line in lines) == FACTS

    families = Family.objects.count()
    again = io.StringIO()
    call_command("load_example", "konin-2017", stdout=again)
    assert "already loaded" in again.getvalue()
    assert Family.objects.count() == families


@pytest.mark.django_db
def test_records_are_consistent_and_a_mismatch_is_reported(konin, tmp_path):
    # No assistant ever had more than 15 families at the same time.
    for assistant in User.objects.filter(username__startswith="konin.asystent."):
        assert assistant_peak_load(assistant, datetime.date(2012, 1, 1)) <= 15
    assert not Assignment.objects.filter(case__office=konin).exclude(override_reason="").exists()
    # Every worked case has a plan and assessments; every served family had contacts in 2017.
    worked = AssistantCase.objects.filter(office=konin, assignments__isnull=False).distinct()
    assert not worked.filter(plans__isnull=True).exists()
    assert not worked.filter(
        assessments__isnull=True, opened_on__lt=datetime.date(2017, 6, 1)
    ).exists()
    assert figures(konin, "assistant.contacts.families") == {"assistant.contacts.families": 90}
    for person in Person.objects.filter(family__office=konin)[:50]:
        person.full_clean()
    # Closed cases carry a reason; figures are never stored: the values come from rows.
    assert not AssistantCase.objects.filter(
        office=konin, status=CaseStatus.CLOSED, closure_reason__isnull=True
    ).exists()
    values = figures(
        konin, "assistant.waiting_list", "casework.caseload_limit", "assistant.assessments_overdue"
    )
    assert values == {
        "assistant.waiting_list": 3,
        "casework.caseload_limit": 15,
        "assistant.assessments_overdue": 2,
    }

    text = EXAMPLE.facts_path.read_text(encoding="utf-8")
    changed = text.replace(
        "    value: 90\n    unit: families\n", "    value: 91\n    unit: families\n", 1
    )
    path = tmp_path / "facts.yaml"
    path.write_text(changed, encoding="utf-8")
    results = verify(EXAMPLE, path)
    bad = [r for r in results if not r.ok]
    assert [(r.fact_id, r.expected, r.computed) for r in bad] == [
        ("assistant.families_served", 91, 90)
    ]
    with pytest.raises(CommandError, match="1 facts not reproduced"):
        _verify_output("--facts", str(path))


@pytest.mark.django_db
def test_verify_against_the_master_copy(konin):
    master = EXAMPLE.master_facts_path
    if not master.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    lines = _verify_output("--facts", str(master))
    assert lines[-1] == f"{FACTS}/{FACTS} facts reproduced"


def _active_case(office) -> AssistantCase:
    """A case worked on since 2016 whose family has no child placed."""
    return (
        AssistantCase.objects.filter(office=office, status=CaseStatus.ACTIVE)
        .filter(opened_on__year=2016)
        .exclude(family__placements__isnull=False)
        .order_by("pk")
        .first()
    )


@pytest.mark.django_db
def test_closing_a_case_moves_the_closure_figures(konin):
    keys = (
        "assistant.closures.total",
        "assistant.closures.moved_away",
        "assistant.families_served",
        "assistant.families_at_period_end",
    )
    before = figures(konin, *keys)
    case = _active_case(konin)
    goals = Goal.objects.filter(plan__case=case).values_list("pk", flat=True)
    cases.case_close(
        acting_user=head(konin),
        case=case,
        closed_on=datetime.date(2017, 12, 1),
        reason=ClosureReason.objects.get(code="moved_away"),
        attainments=dict.fromkeys(goals, "partly"),
    )
    after = figures(konin, *keys)
    assert after == {
        "assistant.closures.total": before["assistant.closures.total"] + 1,
        "assistant.closures.moved_away": before["assistant.closures.moved_away"] + 1,
        "assistant.families_served": before["assistant.families_served"],
        "assistant.families_at_period_end": before["assistant.families_at_period_end"] - 1,
    }
    # The same closure does not count in 2018.
    closures_2018 = registry.compute("assistant.closures.total", konin, Period.year(2018))
    assert closures_2018.value == 0


@pytest.mark.django_db
def test_adding_a_placement_moves_the_placement_figures(konin):
    keys = (
        "placements.kinship_foster_family.children",
        "placements.kinship_foster_family.families",
        "assistant.families_without_expected_effects",
        "foster_care.children_in_care",
    )
    before = figures(konin, *keys)
    case = _active_case(konin)
    child = case.family.members.filter(family_role=FamilyRole.CHILD).first()
    placements.placement_create(
        acting_user=head(konin),
        child=child,
        form=PlacementForm.KINSHIP_FOSTER_FAMILY,
        start_date=datetime.date(2017, 11, 20),
    )
    after = figures(konin, *keys)
    assert after == {
        "placements.kinship_foster_family.children": before[keys[0]] + 1,
        "placements.kinship_foster_family.families": before[keys[1]] + 1,
        "assistant.families_without_expected_effects": before[keys[2]] + 1,
        "foster_care.children_in_care": before[keys[3]],  # placed in 2017: not "still"
    }


@pytest.mark.django_db
def test_a_return_home_moves_the_return_figures_of_its_year_only(konin):
    keys = ("returns.children", "returns.families", "returns.from_care_institution")
    before = figures(konin, *keys)
    in_care = Placement.objects.filter(
        office=konin, form=PlacementForm.CARE_INSTITUTION, end_date__isnull=True
    ).order_by("pk")
    first, second = in_care[0], in_care.exclude(family=in_care[0].family)[0]
    placements.placement_end(
        acting_user=head(konin), placement=first, end_date=datetime.date(2017, 12, 15)
    )
    placements.placement_end(
        acting_user=head(konin),
        placement=second,
        end_date=datetime.date(2018, 1, 10),
        ended_by=EndReason.RETURN_HOME,
    )
    after = figures(konin, *keys)
    assert after == {
        "returns.children": before["returns.children"] + 1,
        "returns.families": before["returns.families"] + 1,
        "returns.from_care_institution": before["returns.from_care_institution"] + 1,
    }
    assert registry.compute("foster_care.children_in_care", konin, Y2017).value == 26


@pytest.mark.django_db
def test_an_outcome_and_cooperation_move_their_rows(konin):
    keys = (
        "assistant.outcomes.employment.internship",
        "cooperation_table.police",
        "assistant.outcomes.housing.waiting_list",
    )
    before = figures(konin, *keys)
    case = _active_case(konin)
    user = head(konin)
    adult = case.family.members.exclude(family_role=FamilyRole.CHILD).first()
    cases.outcome_create(
        acting_user=user,
        case=case,
        kind=OutcomeKind.objects.get(code="internship"),
        person=adult,
        achieved_on=datetime.date(2017, 10, 2),
    )
    if not Cooperation.objects.filter(case=case, institution_kind__code="police").exists():
        expected_police = before["cooperation_table.police"] + 1
    else:
        expected_police = before["cooperation_table.police"]
    cases.cooperation_create(
        acting_user=user,
        case=case,
        institution_kind=InstitutionKind.objects.get(code="police"),
        purpose="wspólna wizyta z dzielnicowym",
        started_on=datetime.date(2017, 10, 3),
    )
    # Left the flat waiting list on the last day of the year: not waiting any more.
    waiting = Outcome.objects.filter(
        case__office=konin, kind__code="social_flat_waiting_list", ended_on__isnull=True
    ).first()
    waiting.ended_on = datetime.date(2017, 12, 31)
    waiting.save()
    assert figures(konin, *keys) == {
        "assistant.outcomes.employment.internship": before[keys[0]] + 1,
        "cooperation_table.police": expected_police,
        "assistant.outcomes.housing.waiting_list": before[keys[2]] - 1,
    }


# --- bounded queries ----------------------------------------------------------------------


def _casework_keys() -> list[str]:
    return [
        s.key for e in registry.entries if e.module == "ostoja.casework.metrics" for s in e.specs
    ]


def _more_families(office: Office, count: int) -> None:
    """Add `count` served families with children, cases, assignments, outcomes, cooperation."""
    assistants = []
    for i in range(count // 15 + 1):
        user = User.objects.create(username=f"extra.asystent.{i}", office=office)
        RoleAssignment.objects.create(user=user, role=Role.ASSISTANT)
        assistants.append(user)
    families = Family.objects.bulk_create(
        [Family(office=office, name=f"Rodzina Dodatkowa {i}") for i in range(count)]
    )
    Person.objects.bulk_create(
        [
            Person(family=f, first_name="Jan", last_name="Dodatkowy", family_role=role, sex="M")
            for f in families
            for role in (FamilyRole.FATHER, FamilyRole.CHILD, FamilyRole.CHILD)
        ]
    )
    opened = datetime.date(2017, 3, 1)
    case_rows = AssistantCase.objects.bulk_create(
        [
            AssistantCase(
                office=office,
                family=f,
                status=CaseStatus.ACTIVE,
                requested_on=datetime.date(2017, 2, 1),
                opened_on=opened,
            )
            for f in families
        ]
    )
    Assignment.objects.bulk_create(
        [
            Assignment(
                case=c,
                assistant=assistants[i // 15],
                start_date=opened,
                funding_source=FundingSource.GOVERNMENT_PROGRAMME,
            )
            for i, c in enumerate(case_rows)
        ]
    )
    kind = OutcomeKind.objects.get(code="seasonal_work")
    police = InstitutionKind.objects.get(code="police")
    Outcome.objects.bulk_create(
        [Outcome(case=c, kind=kind, achieved_on=datetime.date(2017, 6, 1)) for c in case_rows]
    )
    Cooperation.objects.bulk_create(
        [
            Cooperation(case=c, institution_kind=police, purpose="x", started_on=opened)
            for c in case_rows
        ]
    )


def _queries(func) -> int:
    with CaptureQueriesContext(connection) as ctx:
        func()
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_metric_queries_do_not_grow_with_ten_times_more_families(konin):
    keys = _casework_keys()
    compute = lambda: registry.compute_all(konin, Y2017, keys=keys)  # noqa: E731
    command = lambda: call_command(  # noqa: E731
        "metrics", "--office", "konin", "--year", "2017", stdout=io.StringIO()
    )
    casework_before, command_before = _queries(compute), _queries(command)
    served = registry.compute("assistant.families_served", konin, Y2017).value

    _more_families(konin, 10 * served)

    assert registry.compute("assistant.families_served", konin, Y2017).value == 11 * served
    assert _queries(compute) == casework_before
    assert _queries(command) == command_before
    # The casework groups: served (2), cases, decisions, waiting list, limit, employed at
    # the end, overdue, contacts, cooperation, outcomes, and the treatment-away provider.
    providers = len(registry.providers)
    assert casework_before == 11 + providers


@pytest.mark.django_db
def test_figures_drill_down_to_their_records(konin, client):
    from django.urls import reverse

    from ostoja.reporting import services as reports

    user = head(konin)
    report = reports.report_create(acting_user=user, office=konin, year=2017)
    client.force_login(user)
    url = reverse("reporting:figure", args=[report.pk, "assistant.closures.moved_away"])
    body = client.get(url).content.decode()
    closed = AssistantCase.objects.filter(
        office=konin, closed_on__year=2017, closure_reason__code="moved_away"
    )
    assert closed.count() == 4
    for case in closed:
        assert str(case.family) in body
    for key, count in [
        ("cooperation_table.police", 26),
        ("assistant.children_with_disability_certificate", 14),
        ("assistant.outcomes.counselling_centre.children", 42),
        ("assistant.waiting_list", 3),
    ]:
        assert registry.drilldown(key, konin, Y2017).count() == count, key
        response = client.get(reverse("reporting:figure", args=[report.pk, key]))
        assert response.status_code == 200, key
