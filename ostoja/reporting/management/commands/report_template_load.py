from django.core.management.base import BaseCommand, CommandError

from ostoja.accounts.models import Office
from ostoja.reporting.services import template_load
from ostoja.reporting.templates_data import template_names


class Command(BaseCommand):
    help = "Load a starting report template (generic, konin_2017, wieruszow_2018) for an office."

    def add_arguments(self, parser):
        parser.add_argument("name", choices=template_names())
        parser.add_argument("--office", help="office slug; without it the template is generic")

    def handle(self, *args, **options):
        office = None
        if options["office"]:
            office = Office.objects.filter(slug=options["office"]).first()
            if office is None:
                raise CommandError(f"No office with slug {options['office']!r}.")
        template = template_load(name=options["name"], office=office)
        self.stdout.write(f"{template.name}: {template.sections.count()} sections")
