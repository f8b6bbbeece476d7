from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ostoja.common.backup import BackupError, read_manifest, restore


class Command(BaseCommand):
    help = (
        "Replace the configured database's content with a backup made by `ostoja backup`, "
        "then compare the record count of every table with the backup's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="a file written by `ostoja backup`")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="do not ask"
        )

    def handle(self, *args, **options):
        path = Path(options["archive"])
        try:
            manifest = read_manifest(path)
            if options["interactive"]:
                answer = input(
                    f"Kopia z {manifest['created_at']} zastąpi WSZYSTKIE dane w bazie. "
                    "Wpisz 'tak', aby kontynuować: "
                )
                if answer.strip().lower() != "tak":
                    raise CommandError("Przerwano.")
            report = restore(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if not report.ok:
            raise CommandError(
                "Liczby rekordów po odtworzeniu nie zgadzają się z kopią: "
                + "; ".join(report.mismatches)
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Odtworzono i sprawdzono: tabel {report.tables}, rekordów {report.records}; "
                "liczby rekordów zgodne z kopią. Sprawdź rejestr: ostoja verify_audit_chain."
            )
        )
