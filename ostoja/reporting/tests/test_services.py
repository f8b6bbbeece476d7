import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ostoja.accounts.models import Office
from ostoja.common.exceptions import ApplicationError
from ostoja.families.models import Family
from ostoja.reporting import services
from ostoja.reporting.models import AnnualReport, ReportStatus

YEAR = 2025


@pytest.fixture
def konin(demo):
    return Office.objects.get(slug="konin")


def _numbers(store, slug="konin", year=YEAR, **extra):
    values = {
        "assistant.children_in_families": 33,
        "assistant.closures.total": 7,
        "assistant.closures.goals_achieved": 1,
        "assistant.closures.family_withdrew": 2,
        "assistant.closures.moved_away": 4,
        "assistant.waiting_list": 10,
        "assistant.assistants_employed_end": 6,
        "casework.caseload_limit": 15,
        "placements.children_placed": 12,
        "returns.children": 6,
        "staff.spending.own_budget": 120000,
    }
    values.update(extra)
    store[(slug, year)] = values


@pytest.mark.django_db
def test_approval_freezes_figures_and_shows_the_difference(konin, demo, report_metrics):
    _numbers(report_metrics)
    head = demo["konin"]["head"]
    officer = demo["konin"]["reporting_officer"]
    report = services.report_create(acting_user=officer, office=konin, year=YEAR)
    services.report_transition(acting_user=officer, report=report, to=ReportStatus.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.report_transition(acting_user=officer, report=report, to=ReportStatus.APPROVED)
    services.report_transition(acting_user=head, report=report, to=ReportStatus.APPROVED)
    report.refresh_from_db()
    assert report.approved_by == head and report.approved_at is not None
    frozen = report.figures.get(metric_key="assistant.closures.total", period_start__year=YEAR)
    assert frozen.value == 7 and "zakończyli współpracę z 7\u00a0rodzinami" in frozen.text

    _numbers(report_metrics, **{"assistant.closures.total": 9})  # records edited afterwards
    report.refresh_from_db()
    doc = services.report_document(report)
    texts = [u.text for u in doc.uses if u.key == "assistant.closures.total"]
    assert "7\u00a0rodzinami" in texts
    diffs = services.figure_differences(report)
    assert [(d["stored"].value, d["live"].value) for d in diffs] == [(7, 9)]
    with pytest.raises(ApplicationError):
        services.report_regenerate(acting_user=head, report=report)
    with pytest.raises(ApplicationError):
        services.report_section_update(
            acting_user=head, report=report, section_key="assistants", narrative="x"
        )


@pytest.mark.django_db
def test_new_version_keeps_the_old_one(konin, demo, report_metrics):
    _numbers(report_metrics)
    head = demo["konin"]["head"]
    report = services.report_create(acting_user=head, office=konin, year=YEAR)
    with pytest.raises(ApplicationError):
        services.report_create(acting_user=head, office=konin, year=YEAR)  # a draft exists
    with pytest.raises(ApplicationError):
        services.report_new_version(acting_user=head, report=report)  # drafts are edited
    services.report_transition(acting_user=head, report=report, to=ReportStatus.SUBMITTED)
    services.report_transition(acting_user=head, report=report, to=ReportStatus.APPROVED)
    _numbers(report_metrics, **{"assistant.closures.total": 9})
    new = services.report_new_version(acting_user=head, report=report)
    assert new.version_number == 2 and new.status == ReportStatus.DRAFT
    assert AnnualReport.objects.filter(office=konin, year=YEAR).count() == 2
    old = AnnualReport.objects.get(pk=report.pk)
    assert old.status == ReportStatus.APPROVED
    assert (
        old.figures.get(metric_key="assistant.closures.total", period_start__year=YEAR).value == 7
    )
    assert (
        new.figures.get(metric_key="assistant.closures.total", period_start__year=YEAR).value == 9
    )
    with pytest.raises(ApplicationError):
        services.report_new_version(acting_user=head, report=old)  # not the latest


@pytest.mark.django_db
def test_transitions_follow_the_table(konin, demo, report_metrics):
    head = demo["konin"]["head"]
    report = services.report_create(acting_user=head, office=konin, year=YEAR)
    with pytest.raises(ApplicationError, match="Nie można zmienić statusu"):
        services.report_transition(acting_user=head, report=report, to=ReportStatus.APPROVED)
    services.report_transition(acting_user=head, report=report, to=ReportStatus.SUBMITTED)
    services.report_transition(acting_user=head, report=report, to=ReportStatus.DRAFT)
    assert AnnualReport.objects.get(pk=report.pk).status == ReportStatus.DRAFT


@pytest.mark.django_db
def test_only_preparers_of_the_same_office_create(konin, demo, report_metrics):
    for role in ("assistant", "auditor", "partner", "social_worker"):
        with pytest.raises(PermissionDenied):
            services.report_create(acting_user=demo["konin"][role], office=konin, year=YEAR)
    with pytest.raises(PermissionDenied):
        services.report_create(acting_user=demo["wieruszow"]["head"], office=konin, year=YEAR)


@pytest.mark.django_db
def test_narrative_edit_validates_placeholders_and_warns_on_typed_numbers(
    konin, demo, report_metrics
):
    _numbers(report_metrics)
    head = demo["konin"]["head"]
    report = services.report_create(acting_user=head, office=konin, year=YEAR)
    with pytest.raises(ApplicationError, match="Nieznana forma"):
        services.report_section_update(
            acting_user=head, report=report, section_key="assistants", narrative="{{ a.b|xx }}"
        )
    warnings = services.report_section_update(
        acting_user=head,
        report=report,
        section_key="assistants",
        narrative="Wsparciem objęto 90 rodzin, czyli {{ assistant.closures.total|acc }}.",
    )
    assert warnings and "90" in warnings[0]
    report.refresh_from_db()
    doc = services.report_document(report)
    assistants = next(s for s in doc.sections if s.key == "assistants")
    assert assistants.blocks[0].text == "Wsparciem objęto 90 rodzin, czyli 7\u00a0rodzin."


@pytest.mark.django_db
def test_needs_section_computes_assistants_needed(konin, demo, report_metrics):
    _numbers(report_metrics)
    report_metrics[("konin", YEAR - 1)] = {"placements.children_placed": 9}
    report = services.report_create(acting_user=demo["konin"]["head"], office=konin, year=YEAR)
    doc = services.report_document(report)
    needs = next(s for s in doc.sections if s.key == "needs")
    texts = " ".join(b.text for b in needs.blocks if hasattr(b, "runs")).replace("\u00a0", " ")
    families = report.figures.get(
        metric_key="assistant.families_served", period_start__year=YEAR
    ).value
    needed = -(-(int(families) + 10) // 15)
    assert f"potrzeba {needed} asystent" in texts
    keys = {u.key for u in doc.uses if u.section == "needs"}
    assert {
        "needs.assistants_needed",
        "assistant.waiting_list",
        "staff.spending.own_budget",
    } <= keys
    assert "foster_care.cofinancing_pln" not in keys  # no amount → the line is left out
    stored = report.figures.get(metric_key="needs.assistants_needed")
    assert stored.value == needed


def _generation_queries(office, user):
    with CaptureQueriesContext(connection) as ctx:
        report = services.report_create(acting_user=user, office=office, year=YEAR)
    report.delete()
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_generation_takes_a_bounded_number_of_queries(konin, demo, report_metrics):
    _numbers(report_metrics)
    head = demo["konin"]["head"]
    _generation_queries(konin, head)  # warm-up: the generic template loads once, caches fill
    small = _generation_queries(konin, head)
    families = [Family(office=konin, name=f"Rodzina {i}") for i in range(50)]
    Family.objects.bulk_create(families)
    _numbers(report_metrics, **{"assistant.closures.total": 70})
    large = _generation_queries(konin, head)
    assert small == large
    assert small == 33, small  # incl. chained audit entries of the new report
