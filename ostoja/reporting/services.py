"""Writes of templates and annual reports: create, edit, submit, approve, new version."""

from __future__ import annotations

import copy
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ostoja.common.exceptions import ApplicationError
from ostoja.reporting.build import FigureTable, build_document, compute_live
from ostoja.reporting.document import Document, Fig
from ostoja.reporting.models import (
    AnnualReport,
    ReportFigure,
    ReportStatus,
    ReportTemplate,
    TemplateSection,
)
from ostoja.reporting.placeholders import PlaceholderError, bare_numbers, parse_narrative
from ostoja.reporting.templates_data import template_definition

GENERIC_TEMPLATE = "generic"

#: Allowed status changes of an annual report.
TRANSITIONS: dict[str, frozenset[str]] = {
    ReportStatus.DRAFT: frozenset({ReportStatus.SUBMITTED}),
    ReportStatus.SUBMITTED: frozenset({ReportStatus.APPROVED, ReportStatus.DRAFT}),
    ReportStatus.APPROVED: frozenset(),
}


def _require(user, perm: str, obj=None) -> None:
    if user is not None and not user.has_perm(perm, obj):
        raise PermissionDenied


# ---------------------------------------------------------------- templates


@transaction.atomic
def template_load(*, name: str, office=None, acting_user=None) -> ReportTemplate:
    """Create or replace a template from its definition in templates_data/ (for `office`)."""
    data = template_definition(name)
    template, _created = ReportTemplate.objects.update_or_create(
        office=office,
        name=name,
        defaults={
            "title": data["title"],
            "legal_basis": data.get("legal_basis", ""),
            "aliases": data.get("aliases", {}),
            "is_active": True,
        },
    )
    template.stamp(acting_user)
    template.save()
    template.sections.all().delete()
    by_key: dict[str, TemplateSection] = {}
    for order, section in enumerate(data["sections"]):
        row = TemplateSection(
            template=template,
            key=section["key"],
            order=order,
            parent=by_key.get(section.get("parent") or ""),
            label=section.get("label", ""),
            heading=section["heading"],
            show_heading=section.get("show_heading", True),
            kind=section.get("kind", "narrative"),
            narrative=section.get("narrative", ""),
            config=section.get("config", {}),
        )
        row.stamp(acting_user)
        row.full_clean(exclude=["parent", "template"])
        row.save()
        by_key[row.key] = row
    if office is not None:
        ReportTemplate.objects.filter(office=office).exclude(pk=template.pk).update(is_active=False)
    return template


def generic_template() -> ReportTemplate:
    template = ReportTemplate.objects.filter(office=None, name=GENERIC_TEMPLATE).first()
    return template or template_load(name=GENERIC_TEMPLATE)


def template_for_office(office) -> ReportTemplate:
    """The office's active template, or the generic one."""
    template = (
        ReportTemplate.objects.filter(office=office, is_active=True)
        .order_by("-modified_at")
        .first()
    )
    return template or generic_template()


def template_snapshot(template: ReportTemplate) -> dict:
    sections = list(template.sections.select_related("parent").order_by("order", "pk"))
    return {
        "name": template.name,
        "title": template.title,
        "legal_basis": template.legal_basis,
        "aliases": dict(template.aliases or {}),
        "sections": [
            {
                "key": s.key,
                "parent": s.parent.key if s.parent else None,
                "label": s.label,
                "heading": s.heading,
                "show_heading": s.show_heading,
                "kind": s.kind,
                "narrative": s.narrative,
                "config": s.config or {},
            }
            for s in sections
        ],
    }


def validate_narrative(narrative: str) -> list[str]:
    """Raise ApplicationError on a malformed placeholder; return warnings (typed numbers)."""
    try:
        parse_narrative(narrative)
    except PlaceholderError as exc:
        raise ApplicationError(exc.message) from exc
    numbers = bare_numbers(narrative)
    if numbers:
        return [
            _(
                "Tekst zawiera liczby wpisane ręcznie (%(numbers)s). Liczby ze sprawozdania "
                "wstawiaj jako wskaźniki, np. {{ assistant.families_served }}."
            )
            % {"numbers": ", ".join(numbers[:5])}
        ]
    return []


@transaction.atomic
def template_section_update(
    *, acting_user, section: TemplateSection, narrative: str, expected_version: int | None = None
) -> list[str]:
    """Change a template section's narrative (the office's own template only)."""
    template = ReportTemplate.objects.select_for_update().get(pk=section.template_id)
    if template.office_id is None:
        raise ApplicationError(_("Szablonu ogólnego nie można zmieniać; utwórz szablon ośrodka."))
    _require(acting_user, "reporting.change_template", template)
    if expected_version is not None and expected_version != template.version:
        raise ApplicationError(_("Szablon zmienił ktoś inny. Odśwież stronę i wprowadź zmiany."))
    warnings = validate_narrative(narrative)
    section.narrative = narrative
    section.stamp(acting_user)
    section.save()
    template.version += 1
    template.stamp(acting_user)
    template.save()
    return warnings


@transaction.atomic
def template_copy_for_office(*, acting_user, office) -> ReportTemplate:
    """Give the office its own editable copy of the template it uses now."""
    _require(acting_user, "reporting.add_report")
    source = template_for_office(office)
    if source.office_id == office.id:
        return source
    snapshot = template_snapshot(source)
    template = ReportTemplate.objects.create(
        office=office,
        name=f"{source.name}-{office.slug}"[:80],
        title=snapshot["title"],
        legal_basis=snapshot["legal_basis"],
        aliases=snapshot["aliases"],
    )
    by_key: dict[str, TemplateSection] = {}
    for order, s in enumerate(snapshot["sections"]):
        by_key[s["key"]] = TemplateSection.objects.create(
            template=template,
            key=s["key"],
            order=order,
            parent=by_key.get(s["parent"] or ""),
            label=s["label"],
            heading=s["heading"],
            show_heading=s["show_heading"],
            kind=s["kind"],
            narrative=s["narrative"],
            config=s["config"],
        )
    return template


# ---------------------------------------------------------------- figures


def frozen_figures(report: AnnualReport) -> FigureTable:
    table = FigureTable()
    for f in report.figures.all():
        table.add(
            Fig(f.metric_key, f.value, f.unit, f.label, f.period_start, f.period_end, f.computed_at)
        )
    return table


def report_figures(report: AnnualReport) -> FigureTable:
    """The figures a report shows: stored ones (drafts are refreshed by regenerating)."""
    return frozen_figures(report)


def report_document(report: AnnualReport, figures: FigureTable | None = None) -> Document:
    return build_document(
        office=report.office,
        year=report.year,
        snapshot=report.snapshot,
        figures=figures if figures is not None else report_figures(report),
        place=report.place,
        dated=report.dated,
        approved_by=(report.approved_by.get_full_name() or str(report.approved_by))
        if report.approved_by
        else "",
        status_label=str(report.get_status_display()),
        version_number=report.version_number,
        frozen=report.is_frozen,
    )


def _store_figures(report: AnnualReport) -> Document:
    """Compute the report's figures now and store them with the sentences they appear in."""
    table = compute_live(report.office, report.year, report.snapshot)
    doc = report_document(report, table)
    texts: dict[tuple, list[str]] = {}
    for use in doc.uses:
        ident = (use.figure.key, use.figure.period_start, use.figure.period_end)
        texts.setdefault(ident, [])
        if use.sentence not in texts[ident]:
            texts[ident].append(use.sentence)
    figures = {(f.key, f.period_start, f.period_end): f for f in table}
    for use in doc.uses:  # derived figures (statement of needs) are stored as well
        figures.setdefault(
            (use.figure.key, use.figure.period_start, use.figure.period_end), use.figure
        )
    now = timezone.now()
    report.figures.all().delete()
    ReportFigure.objects.bulk_create(
        [
            ReportFigure(
                report=report,
                metric_key=f.key,
                period_start=f.period_start,
                period_end=f.period_end,
                value=Decimal(f.value),
                unit=f.unit,
                label=str(f.label)[:300],
                computed_at=f.computed_at or now,
                text="\n".join(texts.get(ident, [])),
            )
            for ident, f in figures.items()
        ]
    )
    report.generated_at = now
    return doc


def figure_differences(report: AnnualReport) -> list[dict]:
    """Figures whose live value now differs from the stored (frozen) one."""
    live = compute_live(report.office, report.year, report.snapshot)
    stored = frozen_figures(report)
    diffs = []
    for fig in stored:
        now = live.figures.get((fig.key, fig.period_start, fig.period_end))
        if now is not None and now.value != fig.value:
            diffs.append({"stored": fig, "live": now})
    return diffs


# ---------------------------------------------------------------- annual reports


@transaction.atomic
def report_create(
    *, acting_user, office, year: int, template: ReportTemplate | None = None
) -> AnnualReport:
    """Create a draft report for `year` (a new version when earlier ones exist) and compute it."""
    if acting_user is not None:
        _require(acting_user, "reporting.add_report")
        if acting_user.office_id != office.id:
            raise PermissionDenied
    if not 2000 <= year <= 2100:
        raise ApplicationError(_("Podaj rok sprawozdania między 2000 a 2100."))
    existing = AnnualReport.objects.select_for_update().filter(office=office, year=year)
    if existing.filter(status=ReportStatus.DRAFT).exists():
        raise ApplicationError(
            _("Projekt sprawozdania za %(year)s r. już istnieje – otwórz go i przelicz.")
            % {"year": year}
        )
    template = template or template_for_office(office)
    number = (existing.aggregate(n=Max("version_number"))["n"] or 0) + 1
    report = AnnualReport(
        office=office,
        year=year,
        version_number=number,
        template=template,
        snapshot=template_snapshot(template),
        place=office.municipality,
        dated=timezone.localdate(),
    )
    report.stamp(acting_user)
    report.full_clean()
    report.save()
    _store_figures(report)
    report.save(update_fields=["generated_at"])
    return report


def _lock(report: AnnualReport) -> AnnualReport:
    return AnnualReport.objects.select_for_update().select_related("office").get(pk=report.pk)


def _check_version(report: AnnualReport, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != report.version:
        raise ApplicationError(
            _("Sprawozdanie zmienił w międzyczasie ktoś inny. Odśwież stronę i spróbuj ponownie.")
        )


@transaction.atomic
def report_regenerate(*, acting_user, report: AnnualReport) -> AnnualReport:
    """Recompute a draft's figures from the records as they are now."""
    report = _lock(report)
    _require(acting_user, "reporting.change_report", report)
    if report.status != ReportStatus.DRAFT:
        raise ApplicationError(_("Przeliczyć można tylko projekt sprawozdania."))
    _store_figures(report)
    report.stamp(acting_user)
    report.version += 1
    report.save()
    return report


@transaction.atomic
def report_section_update(
    *,
    acting_user,
    report: AnnualReport,
    section_key: str,
    narrative: str,
    expected_version: int | None = None,
) -> list[str]:
    """Change this year's narrative of one section; returns warnings (typed numbers)."""
    report = _lock(report)
    _require(acting_user, "reporting.change_report", report)
    if report.status != ReportStatus.DRAFT:
        raise ApplicationError(
            _("Zatwierdzonego ani przekazanego sprawozdania nie można zmieniać.")
        )
    _check_version(report, expected_version)
    warnings = validate_narrative(narrative)
    snapshot = copy.deepcopy(report.snapshot)
    for section in snapshot["sections"]:
        if section["key"] == section_key:
            section["narrative"] = narrative
            break
    else:
        raise ApplicationError(_("Nie ma takiej sekcji sprawozdania."))
    report.snapshot = snapshot
    _store_figures(report)  # the new text may refer to other figures
    report.version += 1
    report.stamp(acting_user)
    report.save()
    return warnings


@transaction.atomic
def report_transition(
    *, acting_user, report: AnnualReport, to: str, expected_version: int | None = None
) -> AnnualReport:
    """Move a report to status `to` along TRANSITIONS; approval freezes the figures."""
    report = _lock(report)
    perm = "reporting.approve_report" if to == ReportStatus.APPROVED else "reporting.change_report"
    _require(acting_user, perm, report)
    if to not in TRANSITIONS.get(report.status, frozenset()):
        raise ApplicationError(
            _("Nie można zmienić statusu z „%(from)s” na „%(to)s”.")
            % {"from": report.get_status_display(), "to": ReportStatus(to).label}
        )
    _check_version(report, expected_version)
    now = timezone.now()
    if to == ReportStatus.SUBMITTED:
        report.submitted_by, report.submitted_at = acting_user, now
    elif to == ReportStatus.APPROVED:
        _store_figures(report)  # the figures as approved, frozen from now on
        report.approved_by, report.approved_at = acting_user, now
    report.status = to
    report.version += 1
    report.stamp(acting_user)
    report.save()
    return report


@transaction.atomic
def report_new_version(*, acting_user, report: AnnualReport) -> AnnualReport:
    """Start a new draft version from a submitted or approved report; the old one is kept."""
    report = _lock(report)
    _require(acting_user, "reporting.change_report", report)
    latest = (
        AnnualReport.objects.select_for_update()
        .filter(office_id=report.office_id, year=report.year)
        .order_by("-version_number")
        .first()
    )
    if latest is not None and latest.pk != report.pk:
        raise ApplicationError(_("Nową wersję tworzy się z najnowszej wersji sprawozdania."))
    if report.status == ReportStatus.DRAFT:
        raise ApplicationError(_("To jest już projekt – zmieniaj go bez tworzenia nowej wersji."))
    new = AnnualReport(
        office=report.office,
        year=report.year,
        version_number=report.version_number + 1,
        template=report.template,
        snapshot=copy.deepcopy(report.snapshot),
        place=report.place,
        dated=timezone.localdate(),
    )
    new.stamp(acting_user)
    new.save()
    _store_figures(new)
    new.save(update_fields=["generated_at"])
    return new
