import json

from django.core.management.base import BaseCommand, CommandError

from ostoja.accounts.models import Office
from ostoja.reporting.registry import Period, registry


class Command(BaseCommand):
    help = "Compute every metric for an office and a year and print them."

    def add_arguments(self, parser):
        parser.add_argument("--office", required=True, help="office slug, e.g. konin")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument("--key", action="append", help="only this metric (repeatable)")

    def handle(self, *args, **options):
        office = Office.objects.filter(slug=options["office"]).first()
        if office is None:
            raise CommandError(f"No office with slug {options['office']!r}.")
        period = Period.year(options["year"])
        values = registry.compute_all(office, period, keys=options["key"])
        if options["format"] == "json":
            payload = [
                {
                    "key": v.key,
                    "label": v.spec.label,
                    "unit": v.spec.unit,
                    "source": v.spec.source,
                    "period": {"start": str(period.start), "end": str(period.end)},
                    "value": float(v.value) if not isinstance(v.value, int) else v.value,
                    "text": v.text,
                }
                for v in sorted(values.values(), key=lambda v: v.key)
            ]
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        width = max((len(k) for k in values), default=10)
        for key in sorted(values):
            v = values[key]
            self.stdout.write(f"{key:<{width}}  {v.value!s:>8}  {v.spec.label}")
