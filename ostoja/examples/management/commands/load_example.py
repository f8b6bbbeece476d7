from django.core.management.base import BaseCommand, CommandError

from ostoja.accounts.models import Office
from ostoja.examples.registry import EXAMPLES
from ostoja.reporting.services import template_load


class Command(BaseCommand):
    help = "Build a worked example's office and records (e.g. konin-2017, wieruszow-2018)."

    def add_arguments(self, parser):
        parser.add_argument("example", choices=sorted(EXAMPLES))

    def handle(self, *args, **options):
        example = EXAMPLES[options["example"]]
        try:
            builder = example.builder()
        except ModuleNotFoundError as exc:
            raise CommandError(f"Example {example.slug} has no builder yet.") from exc
        summary = builder()
        office = Office.objects.get(slug=example.office_slug)
        template = template_load(name=example.template, office=office)
        self.stdout.write(f"Loaded {example.slug}: {summary}; report template {template.name}")
