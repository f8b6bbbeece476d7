"""Demo offices and users (one per role per office) for `make demo` and the tests."""

from django.db import transaction

from ostoja.accounts.models import Office, OfficeKind, PartnerInstitution, PartnerKind, Role, User
from ostoja.accounts.services import user_create

DEMO_PASSWORD = "demo-ostoja-2026"  # noqa: S105 - printed for the demo only

DEMO_OFFICES = [
    {
        "slug": "konin",
        "name": "Miejski Ośrodek Pomocy Rodzinie w Koninie",
        "kind": OfficeKind.MOPR,
        "municipality": "Konin",
        "teryt": "3061011",
        "council": "Rada Miasta Konina",
        "address": "ul. Zakładowa 4, 62-510 Konin",
        "head_name": "",
    },
    {
        "slug": "wieruszow",
        "name": "Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieruszowie",
        "kind": OfficeKind.MGOPS,
        "municipality": "Wieruszów",
        "teryt": "1022043",
        "council": "Rada Miejska w Wieruszowie",
        "address": "ul. Rynek 1–7, 98-400 Wieruszów",
        "head_name": "",
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
        users[role.value] = user
    return users
