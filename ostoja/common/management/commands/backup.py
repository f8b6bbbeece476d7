from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ostoja.common.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the whole database (SQLite or PostgreSQL) with a manifest of record counts."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", required=True, help="the archive to write")

    def handle(self, *args, **options):
        try:
            manifest = backup(Path(options["output"]))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Kopia zapisana: {options['output']} ({manifest['engine']}, "
                f"tabel: {len(manifest['tables'])}, rekordów: {manifest['records']}, "
                f"SHA-256 danych: {manifest['sha256']})."
            )
        )
