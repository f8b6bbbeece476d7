"""Reads of annual reports and templates; every report read starts from visible_reports()."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from ostoja.reporting.models import AnnualReport, ReportTemplate
from ostoja.reporting.permissions import visible_reports


def report_list(user) -> QuerySet[AnnualReport]:
    return visible_reports(user).select_related("approved_by").order_by("-year", "-version_number")


def report_get_for_user(user, pk: int) -> AnnualReport:
    """A report the user may see; 404 for missing and forbidden alike."""
    return get_object_or_404(visible_reports(user).select_related("office", "approved_by"), pk=pk)


def latest_version_number(report: AnnualReport) -> int:
    return (
        AnnualReport.objects.filter(office_id=report.office_id, year=report.year)
        .order_by("-version_number")
        .values_list("version_number", flat=True)
        .first()
        or 0
    )


def office_templates(user) -> QuerySet[ReportTemplate]:
    if user.office_id is None:
        return ReportTemplate.objects.none()
    return ReportTemplate.objects.filter(office_id=user.office_id).order_by("name")


def template_get_for_user(user, pk: int) -> ReportTemplate:
    return get_object_or_404(office_templates(user), pk=pk)
