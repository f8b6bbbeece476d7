from django.core.management.base import BaseCommand
from django_otp.plugins.otp_totp.models import TOTPDevice

from ostoja.accounts.demo import DEMO_TOTP_KEY
from ostoja.accounts.twofactor import current_totp_code


class Command(BaseCommand):
    help = "Print the current one-time code of the demo users' shared authenticator secret."

    def handle(self, *args, **options):
        device = TOTPDevice(key=DEMO_TOTP_KEY)
        self.stdout.write(current_totp_code(device))
