from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ostoja.accounts.models import Office
from ostoja.reporting import services
from ostoja.reporting.build import build_document, compute_live
from ostoja.reporting.models import AnnualReport
from ostoja.reporting.renderers import CONTENT_TYPES, render


class Command(BaseCommand):
    help = (
        "Write an office's annual report (art. 179) for a year as DOCX, PDF, HTML or JSON. "
        "Uses the latest saved version of the report if there is one (frozen figures when "
        "approved), otherwise computes a draft from the office's template without saving it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--office", required=True, help="office slug, e.g. konin")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--format", choices=sorted(CONTENT_TYPES), default="docx")
        parser.add_argument("-o", "--output", required=True, help="file to write")
        parser.add_argument("--template", help="use this template (templates_data name)")

    def handle(self, *args, **options):
        office = Office.objects.filter(slug=options["office"]).first()
        if office is None:
            raise CommandError(f"No office with slug {options['office']!r}.")
        year = options["year"]
        report = (
            AnnualReport.objects.filter(office=office, year=year)
            .select_related("office", "approved_by")
            .order_by("-version_number")
            .first()
        )
        if report is not None and not options["template"]:
            doc = services.report_document(report)
        else:
            if options["template"]:
                from ostoja.reporting.templates_data import template_definition

                snapshot = template_definition(options["template"])
            else:
                snapshot = services.template_snapshot(services.template_for_office(office))
            doc = build_document(
                office=office,
                year=year,
                snapshot=snapshot,
                figures=compute_live(office, year, snapshot),
                status_label="projekt",
                dated=timezone.localdate(),
            )
        data = render(doc, options["format"])
        Path(options["output"]).write_bytes(data)
        for warning in doc.warnings:
            self.stderr.write(warning)
        self.stdout.write(f"{options['output']}: {len(data)} bytes, {len(doc.uses)} figures")
