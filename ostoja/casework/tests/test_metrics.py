"""Casework metrics: what each figure counts, at the edges of the period."""

import datetime

import pytest

from ostoja.casework import metrics, services
from ostoja.casework.models import (
    ClosureReason,
    DecisionKind,
    FundingSource,
    InstitutionKind,
    OutcomeKind,
)
from ostoja.casework.tests.scenarios import active_case, new_family, requested_case
from ostoja.families.models import FamilyRole
from ostoja.reporting.registry import Period, registry

Y2017 = Period.year(2017)
D = datetime.date


@pytest.fixture
def users(demo):
    return demo["konin"]


def values(office, *keys, period=Y2017):
    computed = registry.compute_all(office, period, keys=keys)
    return {k: computed[k].value for k in keys}


def close(users, case, on, code="moved_away"):
    return services.case_close(
        acting_user=users["head"],
        case=case,
        closed_on=on,
        reason=ClosureReason.objects.get(code=code),
    )


@pytest.mark.django_db
def test_served_families_and_children_at_the_edges_of_the_year(users):
    office = users["head"].office
    # Ended on the last day of 2016: not served in 2017.
    before = active_case(users, new_family(users, "Rodzina Przed"), on=D(2016, 3, 1))
    close(users, before, D(2016, 12, 31))
    # Began on 31 December 2017 with the government programme: served (two children).
    late = new_family(users, "Rodzina Późna", children=2)
    active_case(users, late, on=D(2017, 12, 31), funding_source=FundingSource.GOVERNMENT_PROGRAMME)
    # Requested in 2017 but never assigned: not served, yet a request of 2017.
    requested_case(users, new_family(users, "Rodzina Czekająca", children=3), on=D(2017, 6, 1))
    child = late.members.filter(family_role=FamilyRole.CHILD).first()
    child.disability = "child"
    child.save()

    assert values(
        office,
        "assistant.families_served",
        "assistant.children_in_families",
        "assistant.children_with_disability_certificate",
        "assistant.government_programme.families",
        "assistant.government_programme.children",
        "assistant.own_budget.families",
        "assistant.requests_received",
        "assistant.families_at_period_end",
    ) == {
        "assistant.families_served": 1,
        "assistant.children_in_families": 2,
        "assistant.children_with_disability_certificate": 1,
        "assistant.government_programme.families": 1,
        "assistant.government_programme.children": 2,
        "assistant.own_budget.families": 0,
        "assistant.requests_received": 2,
        "assistant.families_at_period_end": 1,
    }
    assert values(office, "assistant.families_served", period=Period.year(2016)) == {
        "assistant.families_served": 1
    }
    people = registry.drilldown("assistant.children_in_families", office, Y2017)
    assert {p.family_id for p in people} == {late.pk}


@pytest.mark.django_db
def test_closures_by_reason_and_the_waiting_list(users):
    office = users["head"].office
    for name, code in [("A", "moved_away"), ("B", "moved_away"), ("C", "family_withdrew")]:
        case = active_case(users, new_family(users, f"Rodzina {name}"), on=D(2017, 2, 1))
        close(users, case, D(2017, 11, 30), code)
    waiting = requested_case(users, new_family(users, "Rodzina Lista"), on=D(2017, 10, 1))
    services.case_decide(
        acting_user=users["head"],
        case=waiting,
        kind=DecisionKind.WAITING_LIST,
        decided_on=D(2017, 10, 2),
    )
    assert values(
        office,
        "assistant.closures.total",
        "assistant.closures.moved_away",
        "assistant.closures.family_withdrew",
        "assistant.closures.goals_achieved",
        "assistant.waiting_list",
        "assistant.decisions.waiting_list",
    ) == {
        "assistant.closures.total": 3,
        "assistant.closures.moved_away": 2,
        "assistant.closures.family_withdrew": 1,
        "assistant.closures.goals_achieved": 0,
        "assistant.waiting_list": 1,
        "assistant.decisions.waiting_list": 1,
    }
    # Assigned in 2018: still waiting on 31 December 2017, no longer at the end of 2018.
    services.case_decide(
        acting_user=users["head"], case=waiting, kind=DecisionKind.GRANTED, decided_on=D(2018, 1, 5)
    )
    services.case_assign(
        acting_user=users["head"],
        case=waiting,
        assistant=users["assistant"],
        start_date=D(2018, 1, 8),
    )
    assert values(office, "assistant.waiting_list")["assistant.waiting_list"] == 1
    assert values(office, "assistant.waiting_list", period=Period.year(2018)) == {
        "assistant.waiting_list": 0
    }
    drill = registry.drilldown("assistant.closures.moved_away", office, Y2017)
    assert sorted(c.family.name for c in drill) == ["Rodzina A", "Rodzina B"]


@pytest.mark.django_db
def test_outcomes_count_distinct_persons_and_states_on_the_last_day(users):
    office = users["head"].office
    family = new_family(users, "Rodzina Efekt", children=2)
    case = active_case(users, family, on=D(2017, 1, 10))
    mother = family.members.get(family_role=FamilyRole.MOTHER)
    kids = list(family.members.filter(family_role=FamilyRole.CHILD))
    kind = {k.code: k for k in OutcomeKind.objects.all()}
    add = lambda code, **kw: services.outcome_create(  # noqa: E731
        acting_user=users["head"], case=case, kind=kind[code], **kw
    )
    add("seasonal_work", person=mother, achieved_on=D(2017, 6, 1))
    add("seasonal_work", person=mother, achieved_on=D(2017, 8, 1))  # the same person
    add("seasonal_work", person=mother, achieved_on=D(2016, 12, 31))  # another year
    add("addiction_therapy_inpatient", person=mother, achieved_on=D(2017, 3, 1),
        ended_on=D(2017, 4, 19))  # fmt: skip
    add("counselling_centre_child", person=kids[0], achieved_on=D(2017, 3, 1))
    add("counselling_centre_child", person=kids[1], achieved_on=D(2017, 4, 1))
    add("social_flat_waiting_list", achieved_on=D(2017, 2, 1), ended_on=D(2017, 12, 31))
    add("day_support_centre", person=kids[0], achieved_on=D(2016, 9, 1))  # attends on
    assert values(
        office,
        "assistant.outcomes.employment.seasonal",
        "assistant.outcomes.addiction_therapy.persons",
        "assistant.outcomes.addiction_therapy.inpatient_weeks",
        "assistant.outcomes.counselling_centre.families",
        "assistant.outcomes.counselling_centre.children",
        "assistant.outcomes.housing.waiting_list",
        "assistant.outcomes.day_support.children",
    ) == {
        "assistant.outcomes.employment.seasonal": 1,
        "assistant.outcomes.addiction_therapy.persons": 1,
        "assistant.outcomes.addiction_therapy.inpatient_weeks": 7,
        "assistant.outcomes.counselling_centre.families": 1,
        "assistant.outcomes.counselling_centre.children": 2,
        "assistant.outcomes.housing.waiting_list": 0,  # left the list on 31 December
        "assistant.outcomes.day_support.children": 1,
    }


@pytest.mark.django_db
def test_treatment_away_is_counted_per_institution_with_stay_lengths(users):
    metrics.outcome_kinds_ensure()
    office = users["head"].office
    family = new_family(users, "Rodzina Leczenie")
    case = active_case(users, family, on=D(2017, 1, 10))
    mother = family.members.get(family_role=FamilyRole.MOTHER)
    kind = {k.code: k for k in OutcomeKind.objects.all()}
    for code, end in [
        ("addiction_treatment_residential", D(2018, 5, 15)),
        ("addiction_treatment_extension", D(2018, 11, 15)),
    ]:
        services.outcome_create(
            acting_user=users["head"],
            case=case,
            kind=kind[code],
            person=mother,
            achieved_on=D(2017, 5, 15),
            ended_on=end,
            institution="MONAR",
        )
    computed = registry.compute_all(office, Y2017)
    prefix = "assistant.outcomes.treatment_away"
    assert computed[f"{prefix}.monar.women"].value == 1
    assert computed[f"{prefix}.monar.stay_years"].value == 1
    assert str(computed[f"{prefix}.monar.max_stay_years"].value) == "1.5"
    assert computed[f"{prefix}.families"].value == 1
    assert f"{prefix}.monar.women" not in registry.compute_all(office, Period.year(2018))


@pytest.mark.django_db
def test_cooperation_counts_families_per_institution_kind(users):
    office = users["head"].office
    court = InstitutionKind.objects.get(code="court")
    for name, start, end in [
        ("A", D(2016, 5, 1), None),  # ongoing since 2016
        ("B", D(2016, 5, 1), D(2016, 12, 31)),  # ended before 2017
    ]:
        case = active_case(users, new_family(users, f"Rodzina {name}"), on=D(2016, 4, 1))
        for purpose in ("kurator", "kurator: drugi nadzór"):  # two records, one family
            services.cooperation_create(
                acting_user=users["head"],
                case=case,
                institution_kind=court,
                purpose=purpose,
                started_on=start,
                ended_on=end,
            )
    assert values(office, "cooperation_table.district_court", "cooperation_table.police") == {
        "cooperation_table.district_court": 1,
        "cooperation_table.police": 0,
    }


@pytest.mark.django_db
def test_overdue_assessments_and_the_caseload_limit_on_the_last_day(users):
    office = users["head"].office
    on_time = active_case(users, new_family(users, "Rodzina Ocena"), on=D(2017, 1, 10))
    active_case(users, new_family(users, "Rodzina Zaległa"), on=D(2017, 1, 10))
    services.assessment_create(
        acting_user=users["head"],
        case=on_time,
        assessed_on=D(2017, 7, 10),
        progress="improved",
        summary="Poprawa.",
    )
    assert values(office, "assistant.assessments_overdue", "casework.caseload_limit") == {
        "assistant.assessments_overdue": 1,
        "casework.caseload_limit": 15,
    }
    services.caseload_limit_set(
        acting_user=users["head"], office=office, valid_from=D(2017, 12, 31), limit=10
    )
    assert values(office, "casework.caseload_limit") == {"casework.caseload_limit": 10}
    assert values(office, "casework.caseload_limit", period=Period.year(2016)) == {
        "casework.caseload_limit": 15
    }


@pytest.mark.django_db
def test_casework_metrics_have_descriptions_and_no_key_is_shared():
    keys = [s.key for e in registry.entries if e.module == metrics.__name__ for s in e.specs]
    assert len(keys) == len(set(keys))
    for key in keys:
        assert registry.spec(key).description, key


@pytest.mark.django_db
def test_readiness_flags_closures_without_reason_and_overdue_assessments(users):
    from ostoja.casework.models import AssistantCase
    from ostoja.casework.readiness import (
        closures_without_reason,
        overdue_assessments_per_assistant,
    )

    office = users["head"].office
    assert closures_without_reason(office, 2017, None) == []
    assert overdue_assessments_per_assistant(office, 2017, None) == []
    for name in ("A", "B"):
        active_case(users, new_family(users, f"Rodzina {name}"), on=D(2017, 1, 10))
    done = active_case(users, new_family(users, "Rodzina C"), on=D(2017, 1, 10))
    close(users, done, D(2017, 3, 1))
    AssistantCase.objects.filter(pk=done.pk).update(closure_reason=None)  # e.g. an old import

    [closure] = closures_without_reason(office, 2017, None)
    assert closure.severity == "error" and ": 1." in closure.message
    [overdue] = overdue_assessments_per_assistant(office, 2017, None)
    assistant = users["assistant"]
    assert overdue.owner == f"{assistant.first_name} {assistant.last_name}"
    assert "31.12.2017): 2." in overdue.message
