"""Demo offices and users (one per role per office) for `make demo` and the tests."""

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from ostoja.accounts.models import Office, OfficeKind, PartnerInstitution, PartnerKind, Role, User
from ostoja.accounts.services import user_create

DEMO_PASSWORD = "demo-ostoja-2026"  # noqa: S105 - printed for the demo only
#: The demo staff's shared TOTP secret (hex); `ostoja demo_totp` prints its current code.
DEMO_TOTP_KEY = "6f73746f6a612d64656d6f2d746f74702d6b6579"

DEMO_OFFICES = [
    {
        "slug": "konin",
        "name": "Miejski Ośrodek Pomocy Rodzinie w Koninie",
        "kind": OfficeKind.MOPR,
        "municipality": "Konin",
        "teryt": "3061011",
        "council": "Rada Miasta Konina",
        "address": "ul. Zakładowa 4, 62-510 Konin",
        "head_name": "Anna Kierownik",
    },
    {
        "slug": "wieruszow",
        "name": "Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieruszowie",
        "kind": OfficeKind.MGOPS,
        "municipality": "Wieruszów",
        "teryt": "1022043",
        "council": "Rada Miejska w Wieruszowie",
        "address": "ul. Rynek 1–7, 98-400 Wieruszów",
        "head_name": "Anna Kierownik",
    },
]

ROLE_LOGINS = {
    Role.HEAD: "kierownik",
    Role.SOCIAL_WORKER: "pracownik",
    Role.ASSISTANT: "asystent",
    Role.BLUE_CARD_COORDINATOR: "koordynator",
    Role.REPORTING_OFFICER: "sprawozdawca",
    Role.PARTNER: "partner",
    Role.ADMINISTRATOR: "admin",
    Role.AUDITOR: "audytor",
}

ROLE_NAMES = {
    Role.HEAD: ("Anna", "Kierownik"),
    Role.SOCIAL_WORKER: ("Barbara", "Socjalna"),
    Role.ASSISTANT: ("Celina", "Asystentka"),
    Role.BLUE_CARD_COORDINATOR: ("Dorota", "Koordynatorka"),
    Role.REPORTING_OFFICER: ("Ewa", "Sprawozdawczyni"),
    Role.PARTNER: ("Filip", "Partner"),
    Role.ADMINISTRATOR: ("Grzegorz", "Administrator"),
    Role.AUDITOR: ("Halina", "Audytorka"),
}


def demo_username(office: Office, role: str) -> str:
    return f"{office.slug}.{ROLE_LOGINS[Role(role)]}"


@transaction.atomic
def office_ensure(data: dict) -> Office:
    office, _ = Office.objects.update_or_create(slug=data["slug"], defaults=data)
    return office


@transaction.atomic
def demo_users_ensure(office: Office, password: str = DEMO_PASSWORD) -> dict[str, User]:
    """Create one user per role in `office` (idempotent); return them by role."""
    partner, _ = PartnerInstitution.objects.get_or_create(
        office=office,
        name=f"Szkoła Podstawowa nr 1 ({office.municipality})",
        defaults={"kind": PartnerKind.SCHOOL, "short_name": "SP nr 1"},
    )
    users = {}
    for role in Role:
        username = demo_username(office, role)
        user = User.objects.filter(username=username).first()
        if user is None:
            first, last = ROLE_NAMES[role]
            user = user_create(
                username=username,
                password=password,
                office=office,
                roles=[role],
                first_name=first,
                last_name=f"{last} ({office.municipality})",
                partner_institution=partner if role == Role.PARTNER else None,
            )
        demo_totp_device_ensure(user)  # partners too: optional for them, on in the demo
        users[role.value] = user
    return users


def demo_totp_device_ensure(user: User) -> TOTPDevice:
    """Give a demo user a confirmed authenticator device with the known demo secret."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user,
        confirmed=True,
        defaults={"name": "Aplikacja uwierzytelniająca (demo)", "key": DEMO_TOTP_KEY},
    )
    return device


def demo_totp_secret() -> str:
    """The demo authenticator secret in base32, as typed into an app."""
    from base64 import b32encode

    return b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode()
