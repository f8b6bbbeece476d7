import json

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from ostoja.accounts.models import Office
from ostoja.reporting import services
from ostoja.reporting.models import AnnualReport, ReportStatus

YEAR = 2025


@pytest.fixture
def report(demo, report_metrics):
    report_metrics[("konin", YEAR)] = {"assistant.closures.total": 7}
    office = Office.objects.get(slug="konin")
    return services.report_create(acting_user=demo["konin"]["head"], office=office, year=YEAR)


def _login(client, demo, role, office="konin"):
    client.force_login(demo[office][role])


@pytest.mark.django_db
def test_create_via_htmx_redirects_to_the_draft(client, demo, report_metrics):
    _login(client, demo, "reporting_officer")
    response = client.post(reverse("reporting:create"), {"year": YEAR}, HTTP_HX_REQUEST="true")
    report = AnnualReport.objects.get(year=YEAR)
    assert response.status_code == 204
    assert response["HX-Redirect"] == reverse("reporting:detail", args=[report.pk])
    response = client.post(reverse("reporting:create"), {"year": YEAR})
    assert "już istnieje" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["docx", "pdf", "html", "json"])
def test_download_each_format_is_logged(client, demo, report, fmt):
    _login(client, demo, "auditor")
    before = LogEntry.objects.count()
    response = client.get(reverse("reporting:download", args=[report.pk, fmt]))
    assert response.status_code == 200
    assert f"sprawozdanie-konin-{YEAR}-v1.{fmt}" in response["Content-Disposition"]
    assert LogEntry.objects.count() == before + 1
    if fmt == "json":
        assert json.loads(response.content)["report"]["year"] == YEAR


@pytest.mark.django_db
def test_drilldown_shows_personal_data_only_to_head_and_auditor(client, demo, report):
    url = reverse("reporting:figure", args=[report.pk, "assistant.families_served"])
    family = Office.objects.get(slug="konin").families.order_by("pk").first()
    report.figures.all()  # figures exist
    for role, sees in (("head", True), ("auditor", True), ("reporting_officer", False)):
        _login(client, demo, role)
        response = client.get(url)
        assert response.status_code == 200
        body = response.content.decode()
        assert "Co liczy" in body
        assert (str(family) in body) is sees, role
    _login(client, demo, "head", "wieruszow")
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_approve_only_by_head_and_page_shows_changed_figures(client, demo, report, report_metrics):
    _login(client, demo, "reporting_officer")
    url = reverse("reporting:transition", args=[report.pk])
    client.post(url, {"to": ReportStatus.SUBMITTED})
    assert client.post(url, {"to": ReportStatus.APPROVED}).status_code == 403
    _login(client, demo, "head")
    client.post(url, {"to": ReportStatus.APPROVED})
    assert AnnualReport.objects.get(pk=report.pk).status == ReportStatus.APPROVED
    report_metrics[("konin", YEAR)] = {"assistant.closures.total": 9}
    body = client.get(reverse("reporting:detail", args=[report.pk])).content.decode()
    assert "Liczby, które zmieniły się od zatwierdzenia" in body
    assert "obecnie: 9\u00a0rodzin" in body


@pytest.mark.django_db
def test_section_edit_keeps_input_on_error(client, demo, report):
    _login(client, demo, "head")
    url = reverse("reporting:section_edit", args=[report.pk, "assistants"])
    response = client.post(url, {"narrative": "Zepsute {{ x.y|zz }}", "version": report.version})
    body = response.content.decode()
    assert response.status_code == 200 and "Nieznana forma" in body and "Zepsute" in body
    response = client.post(url, {"narrative": "Nowy tekst.", "version": report.version})
    assert response.status_code == 302
    snapshot = AnnualReport.objects.get(pk=report.pk).snapshot
    assert (
        next(s for s in snapshot["sections"] if s["key"] == "assistants")["narrative"]
        == "Nowy tekst."
    )


@pytest.mark.django_db
def test_readiness_reports_parts_that_do_not_add_up(client, demo, report_metrics):
    report_metrics[("konin", YEAR)] = {
        "assistant.closures.total": 7,
        "assistant.closures.goals_achieved": 1,
        "assistant.closures.family_withdrew": 2,
        "assistant.closures.moved_away": 1,
    }
    _login(client, demo, "reporting_officer")
    body = client.get(reverse("reporting:readiness") + f"?year={YEAR}").content.decode()
    assert "Części nie sumują się do całości: Zakończenie: osiągnięcie celów" in body
    assert f"za {YEAR} rok" in body and "{year}" not in body  # the template title as printed
    report_metrics[("konin", YEAR)]["assistant.closures.moved_away"] = 4
    body = client.get(reverse("reporting:readiness") + f"?year={YEAR}").content.decode()
    assert "Zakończenie: osiągnięcie celów" not in body
