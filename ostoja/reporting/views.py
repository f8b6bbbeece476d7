"""Pages of annual reports: list, generate, edit narrative, approve, download, drill down."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ostoja.audit import services as audit_services
from ostoja.common.exceptions import ApplicationError
from ostoja.common.views import apply_service
from ostoja.reporting import selectors, services
from ostoja.reporting.forms import NarrativeForm, ReportCreateForm, YearForm
from ostoja.reporting.models import ReportStatus, TemplateSection
from ostoja.reporting.readiness import run_checks
from ostoja.reporting.registry import Period, registry
from ostoja.reporting.renderers import CONTENT_TYPES
from ostoja.reporting.renderers import render as render_report
from ostoja.reporting.renderers.html import document_context

FORMATS = tuple(CONTENT_TYPES)
DRILLDOWN_LIMIT = 50


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _post_only(request):
    return None if request.method == "POST" else HttpResponseNotAllowed(["POST"])


def _redirect(request, url: str):
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


def _metric_choices() -> list[dict]:
    keys = registry.keys()
    return [{"key": k, "label": registry.spec(k).label} for k in keys]


def report_list(request):
    _require(request.user, "reporting.list_report")
    context = {
        "reports": selectors.report_list(request.user),
        "form": ReportCreateForm(),
        "can_add": request.user.has_perm("reporting.add_report"),
    }
    return render(request, "reporting/report_list.html", context)


def report_create(request):
    _require(request.user, "reporting.add_report")
    if not_allowed := _post_only(request):
        return not_allowed
    form = ReportCreateForm(request.POST)
    report = None
    if form.is_valid():
        report = apply_service(
            form,
            lambda: services.report_create(
                acting_user=request.user, office=request.user.office, year=form.cleaned_data["year"]
            ),
        )
    if report is None:
        context = {
            "reports": selectors.report_list(request.user),
            "form": form,
            "can_add": True,
        }
        return render(request, "reporting/report_list.html", context, status=200)
    messages.success(request, _("Utworzono projekt sprawozdania."))
    return _redirect(request, reverse("reporting:detail", args=[report.pk]))


def _figure_link(report):
    def link(run) -> str | None:
        if run.figure is None or not registry.has(run.figure.key):
            return None
        url = reverse("reporting:figure", args=[report.pk, run.figure.key])
        if run.figure.period_start.year != report.year:
            url += f"?rok={run.figure.period_start.year}"
        return url

    return link


def report_detail(request, pk: int):
    report = selectors.report_get_for_user(request.user, pk)
    doc = services.report_document(report)
    differences = services.figure_differences(report) if report.status != ReportStatus.DRAFT else []
    from ostoja.reporting.build import format_figure

    diffs = {
        (d["stored"].key, d["stored"].period_start, d["stored"].period_end): format_figure(
            d["live"].value, d["live"].unit
        )
        for d in differences
    }
    can_change = request.user.has_perm("reporting.change_report", report)
    is_draft = report.status == ReportStatus.DRAFT
    context = {
        "report": report,
        "doc": doc,
        **document_context(doc, _figure_link(report), diffs),
        "differences": [
            {
                "key": d["stored"].key,
                "label": d["stored"].label,
                "stored": format_figure(d["stored"].value, d["stored"].unit),
                "live": format_figure(d["live"].value, d["live"].unit),
            }
            for d in differences
        ],
        "formats": FORMATS,
        "can_edit": can_change and is_draft,
        "can_submit": can_change and is_draft,
        "can_approve": request.user.has_perm("reporting.approve_report", report)
        and report.status == ReportStatus.SUBMITTED,
        "can_return": can_change and report.status == ReportStatus.SUBMITTED,
        "can_new_version": can_change
        and not is_draft
        and selectors.latest_version_number(report) == report.version_number,
        "section_links": [
            {"key": s["key"], "heading": f"{s['label']} {s['heading']}".strip()}
            for s in report.snapshot.get("sections", [])
        ],
    }
    return render(request, "reporting/report_detail.html", context)


def report_regenerate(request, pk: int):
    report = selectors.report_get_for_user(request.user, pk)
    _require(request.user, "reporting.change_report", report)
    if not_allowed := _post_only(request):
        return not_allowed
    try:
        services.report_regenerate(acting_user=request.user, report=report)
        messages.success(request, _("Przeliczono liczby sprawozdania."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return _redirect(request, reverse("reporting:detail", args=[pk]))


def report_transition(request, pk: int):
    report = selectors.report_get_for_user(request.user, pk)
    _require(request.user, "reporting.change_report", report)
    if not_allowed := _post_only(request):
        return not_allowed
    to = request.POST.get("to", "")
    if to not in ReportStatus.values:
        raise Http404
    try:
        services.report_transition(acting_user=request.user, report=report, to=to)
        messages.success(request, _("Zmieniono status sprawozdania."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("reporting:detail", pk=pk)


def report_new_version(request, pk: int):
    report = selectors.report_get_for_user(request.user, pk)
    _require(request.user, "reporting.change_report", report)
    if not_allowed := _post_only(request):
        return not_allowed
    try:
        new = services.report_new_version(acting_user=request.user, report=report)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("reporting:detail", pk=pk)
    messages.success(
        request, _("Utworzono nową wersję sprawozdania; poprzednia została zachowana.")
    )
    return redirect("reporting:detail", pk=new.pk)


@require_http_methods(["GET", "POST"])
def report_section_edit(request, pk: int, key: str):
    report = selectors.report_get_for_user(request.user, pk)
    _require(request.user, "reporting.change_report", report)
    section = next((s for s in report.snapshot.get("sections", []) if s["key"] == key), None)
    if section is None:
        raise Http404
    form = NarrativeForm(
        request.POST or None, initial={"narrative": section["narrative"], "version": report.version}
    )
    if request.method == "POST" and form.is_valid():
        warnings = apply_service(
            form,
            lambda: services.report_section_update(
                acting_user=request.user,
                report=report,
                section_key=key,
                narrative=form.cleaned_data["narrative"],
                expected_version=form.cleaned_data.get("version"),
            ),
        )
        if warnings is not None:
            for warning in warnings:
                messages.warning(request, warning)
            messages.success(request, _("Zapisano tekst sekcji."))
            return redirect("reporting:detail", pk=pk)
    context = {
        "report": report,
        "section": section,
        "form": form,
        "metrics": _metric_choices(),
        "editable": report.status == ReportStatus.DRAFT,
    }
    return render(request, "reporting/section_edit.html", context)


def report_download(request, pk: int, fmt: str):
    report = selectors.report_get_for_user(request.user, pk)
    if fmt not in FORMATS:
        raise Http404
    doc = services.report_document(report)
    data = render_report(doc, fmt)
    audit_services.record_export(request.user, f"annual_report.{fmt}", object=report, format=fmt)
    slug = f"sprawozdanie-{report.office.slug}-{report.year}-v{report.version_number}"
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{slug}.{fmt}"'
    return response


def figure_detail(request, pk: int, key: str):
    report = selectors.report_get_for_user(request.user, pk)
    if not registry.has(key):
        raise Http404
    try:
        year = int(request.GET.get("rok", report.year))
    except ValueError:
        year = report.year
    if year not in (report.year, report.year - 1):
        year = report.year
    period = Period.year(year)
    stored = report.figures.filter(
        metric_key=key, period_start=period.start, period_end=period.end
    ).first()
    spec = registry.spec(key)
    live = registry.compute(key, report.office, period)
    records = registry.drilldown(key, report.office, period)
    can_see_records = request.user.has_perm("reporting.view_records", report)
    shown, count = [], None
    if records is not None:
        count = records.count()
        if can_see_records:
            shown = list(records[:DRILLDOWN_LIMIT])
            for record in shown:
                audit_services.record_read(request.user, record)
    from ostoja.reporting.build import format_figure

    context = {
        "report": report,
        "spec": spec,
        "period": period,
        "stored": stored,
        "stored_text": format_figure(stored.value, stored.unit) if stored else "",
        "live_text": format_figure(live.value, spec.unit) if live else "",
        "differs": stored is not None and live is not None and stored.value != live.value,
        "has_drilldown": records is not None,
        "count": count,
        "records": [str(r) for r in shown],
        "more": count is not None and count > len(shown) and can_see_records,
        "can_see_records": can_see_records,
        "sentences": stored.text.splitlines() if stored else [],
    }
    return render(request, "reporting/figure_detail.html", context)


def readiness(request):
    _require(request.user, "reporting.add_report")
    form = YearForm(request.GET or None)
    year = timezone.localdate().year - 1
    if form.is_valid() and form.cleaned_data.get("year"):
        year = form.cleaned_data["year"]
    office = request.user.office
    template = services.template_for_office(office)
    snapshot = services.template_snapshot(template)
    issues = run_checks(office, year, snapshot)
    context = {
        "form": form,
        "year": year,
        "issues": issues,
        "template": template,
        # the title as the report will print it, not the template's "{year}" placeholder
        "template_title": template.title.replace("{year}", str(year)),
    }
    return render(request, "reporting/readiness.html", context)


def template_list(request):
    _require(request.user, "reporting.add_report")
    context = {
        "templates": selectors.office_templates(request.user),
        "current": services.template_for_office(request.user.office),
    }
    return render(request, "reporting/template_list.html", context)


def template_copy(request):
    _require(request.user, "reporting.add_report")
    if not_allowed := _post_only(request):
        return not_allowed
    template = services.template_copy_for_office(
        acting_user=request.user, office=request.user.office
    )
    messages.success(request, _("Ośrodek ma teraz własny szablon sprawozdania."))
    return redirect("reporting:template_detail", pk=template.pk)


def template_detail(request, pk: int):
    _require(request.user, "reporting.add_report")
    template = selectors.template_get_for_user(request.user, pk)
    sections = template.sections.select_related("parent").order_by("order", "pk")
    return render(
        request, "reporting/template_detail.html", {"template": template, "sections": sections}
    )


@require_http_methods(["GET", "POST"])
def template_section_edit(request, pk: int, section_pk: int):
    _require(request.user, "reporting.add_report")
    template = selectors.template_get_for_user(request.user, pk)
    section = get_object_or_404(TemplateSection, template=template, pk=section_pk)
    form = NarrativeForm(
        request.POST or None, initial={"narrative": section.narrative, "version": template.version}
    )
    if request.method == "POST" and form.is_valid():
        warnings = apply_service(
            form,
            lambda: services.template_section_update(
                acting_user=request.user,
                section=section,
                narrative=form.cleaned_data["narrative"],
                expected_version=form.cleaned_data.get("version"),
            ),
        )
        if warnings is not None:
            for warning in warnings:
                messages.warning(request, warning)
            messages.success(request, _("Zapisano tekst sekcji szablonu."))
            return redirect("reporting:template_detail", pk=pk)
    context = {
        "template": template,
        "section": {"label": section.label, "heading": section.heading},
        "form": form,
        "metrics": _metric_choices(),
        "editable": True,
        "back_url": reverse("reporting:template_detail", args=[pk]),
    }
    return render(request, "reporting/section_edit.html", context)
