"""The URL × role permission matrix, collected from every app.

Each app with pages has `tests/url_access.py` defining:

* ``build(world)`` (optional): add the objects its URLs need to `world`, a
  namespace holding ``world.office``, ``world.other_office``, ``world.users``
  (role → user of `office`) and ``world.other_users``;
* ``URL_ACCESS``: URL name → :class:`Rule`.

The matrix test fails when a URL of the URL conf has no rule, so a new page is
covered the day it is added.
"""

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.apps import apps

from ostoja.accounts.models import Role

ALL_ROLES = frozenset(r.value for r in Role)
HEAD = Role.HEAD.value
SOCIAL_WORKER = Role.SOCIAL_WORKER.value
ASSISTANT = Role.ASSISTANT.value
BLUE_CARD_COORDINATOR = Role.BLUE_CARD_COORDINATOR.value
REPORTING_OFFICER = Role.REPORTING_OFFICER.value
PARTNER = Role.PARTNER.value
ADMINISTRATOR = Role.ADMINISTRATOR.value
AUDITOR = Role.AUDITOR.value


@dataclass(frozen=True)
class Rule:
    """Who may GET a URL (200) in their own office; all others get 403 or 404."""

    allowed: frozenset[str] = frozenset()
    kwargs: Callable[[SimpleNamespace], dict] | None = None
    #: Response code expected for an allowed role (200; 405 for POST-only URLs).
    ok_status: int = 200
    #: Whether a user of another office must be refused (objects of `world.office`).
    office_scoped: bool = True
    query: str = ""
    #: A file download (JSON, CSV, XLSX, PDF …), not an HTML page: the browser test skips it.
    download: bool = False
    note: str = field(default="", compare=False)


def url_access_modules():
    for config in apps.get_app_configs():
        if not config.name.startswith("ostoja."):
            continue
        try:
            yield importlib.import_module(f"{config.name}.tests.url_access")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.tests.url_access":
                raise


def collect_rules() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for module in url_access_modules():
        for name, rule in module.URL_ACCESS.items():
            assert name not in rules, f"{name} has two rules"
            rules[name] = rule
    return rules


def build_world(demo: dict) -> SimpleNamespace:
    from ostoja.accounts.models import Office

    world = SimpleNamespace(
        office=Office.objects.get(slug="konin"),
        other_office=Office.objects.get(slug="wieruszow"),
        users=demo["konin"],
        other_users=demo["wieruszow"],
    )
    for module in url_access_modules():
        builder = getattr(module, "build", None)
        if builder:
            builder(world)
    return world
