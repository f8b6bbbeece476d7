from django.core.management.base import BaseCommand, CommandError

from ostoja.audit import retention


class Command(BaseCommand):
    help = "List (--list) or anonymise (--apply) records past their retention period."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--list", action="store_true", help="show what is due")
        group.add_argument("--apply", action="store_true", help="anonymise what is due")

    def handle(self, *args, **options):
        total = 0
        for kind in retention.kinds():
            years = retention.retention_years(kind.key)
            before = retention.cutoff(kind.key)
            records = list(retention.due(kind))
            total += len(records)
            self.stdout.write(
                f"{kind.label}: okres przechowywania (lata): {years}; ostatnia zmiana przed "
                f"{before:%d.%m.%Y}; do anonimizacji: {len(records)}"
            )
            for obj in records:
                if options["apply"]:
                    try:
                        retention.apply(kind, obj)
                    except Exception as exc:
                        raise CommandError(f"{kind.key} {obj.pk}: {exc}") from exc
                    self.stdout.write(f"  zanonimizowano: {kind.key} nr {obj.pk}")
                else:
                    self.stdout.write(f"  {kind.key} nr {obj.pk} ({obj.office}): {obj}")
        verb = "Zanonimizowano" if options["apply"] else "Do anonimizacji"
        self.stdout.write(self.style.SUCCESS(f"{verb} razem: {total}."))
