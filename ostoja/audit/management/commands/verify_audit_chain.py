from django.core.management.base import BaseCommand, CommandError

from ostoja.audit.chain import verify


class Command(BaseCommand):
    help = "Verify the hash chain of the audit log; name the first broken entry."

    def handle(self, *args, **options):
        report = verify()
        if not report.ok:
            where = f"wpis nr {report.broken_entry_id}" if report.broken_entry_id else "łańcuch"
            raise CommandError(
                f"Rejestr zdarzeń naruszony: {where}: {report.problem} "
                f"(sprawdzono ogniw: {report.checked})."
            )
        self.stdout.write(
            self.style.SUCCESS(f"Rejestr zdarzeń nienaruszony: {report.checked} wpisów w łańcuchu.")
        )
