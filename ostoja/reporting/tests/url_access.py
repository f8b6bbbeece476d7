from ostoja.common.tests.access import AUDITOR, HEAD, REPORTING_OFFICER, Rule

READERS = frozenset({HEAD, REPORTING_OFFICER, AUDITOR})
PREPARERS = frozenset({HEAD, REPORTING_OFFICER})
FIGURE_KEY = "assistant.families_served"


def build(world) -> None:
    """A draft report of the office (figures computed), its own template and a section."""
    from ostoja.reporting.services import report_create, template_copy_for_office

    head = world.users[HEAD]
    world.report = report_create(acting_user=head, office=world.office, year=2025)
    world.report_template = template_copy_for_office(acting_user=head, office=world.office)
    world.template_section = world.report_template.sections.order_by("order").first()
    world.report_section_key = world.report.snapshot["sections"][0]["key"]


def _report(w) -> dict:
    return {"pk": w.report.pk}


URL_ACCESS = {
    "reporting:list": Rule(allowed=READERS, office_scoped=False),
    "reporting:create": Rule(allowed=PREPARERS, office_scoped=False, ok_status=405),
    "reporting:readiness": Rule(allowed=PREPARERS, office_scoped=False),
    "reporting:templates": Rule(allowed=PREPARERS, office_scoped=False),
    "reporting:template_copy": Rule(allowed=PREPARERS, office_scoped=False, ok_status=405),
    "reporting:template_detail": Rule(
        allowed=PREPARERS, kwargs=lambda w: {"pk": w.report_template.pk}
    ),
    "reporting:template_section_edit": Rule(
        allowed=PREPARERS,
        kwargs=lambda w: {"pk": w.report_template.pk, "section_pk": w.template_section.pk},
    ),
    "reporting:detail": Rule(allowed=READERS, kwargs=_report),
    "reporting:regenerate": Rule(allowed=PREPARERS, kwargs=_report, ok_status=405),
    "reporting:transition": Rule(allowed=PREPARERS, kwargs=_report, ok_status=405),
    "reporting:new_version": Rule(allowed=PREPARERS, kwargs=_report, ok_status=405),
    "reporting:section_edit": Rule(
        allowed=PREPARERS, kwargs=lambda w: {"pk": w.report.pk, "key": w.report_section_key}
    ),
    "reporting:download": Rule(
        allowed=READERS, kwargs=lambda w: {"pk": w.report.pk, "fmt": "html"}, download=True
    ),
    "reporting:figure": Rule(
        allowed=READERS, kwargs=lambda w: {"pk": w.report.pk, "key": FIGURE_KEY}
    ),
}
