from django.core.management import call_command
from django.core.management.base import BaseCommand

from ostoja.accounts.demo import DEMO_PASSWORD, demo_totp_secret
from ostoja.accounts.models import Role
from ostoja.examples.demo import demo_setup
from ostoja.examples.registry import EXAMPLES


class Command(BaseCommand):
    help = (
        "Create the demo offices, one user per role per office, example families, "
        "and load the worked examples (Konin 2017, Wieruszów 2018)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-examples", action="store_true", help="skip loading the worked examples"
        )

    def handle(self, *args, **options):
        offices = demo_setup()
        if not options["no_examples"]:
            for slug in EXAMPLES:
                call_command("load_example", slug, stdout=self.stdout)
        self.stdout.write(f"Demo users (password for all: {DEMO_PASSWORD}):")
        self.stdout.write(
            f"Second factor: authenticator key {demo_totp_secret()} (base32, shared by all"
            " demo users); or print the current code with `ostoja demo_totp`."
        )
        for slug, users in offices.items():
            for role, user in users.items():
                self.stdout.write(f"  {user.username:28} {Role(role).label} ({slug})")
