"""Test-only metrics: the report engine is tested against these, not against other apps."""

from __future__ import annotations

import pytest

from ostoja.reporting.registry import MetricSpec, _Entry, registry

#: (office slug, year) → {key: value}; tests change it to change "the records".
STORE: dict[tuple[str, int], dict[str, object]] = {}

GROUP_SPECS = (
    MetricSpec("assistant.children_in_families", "Dzieci w rodzinach z asystentem", "children"),
    MetricSpec("assistant.closures.total", "Rodziny, z którymi zakończono współpracę", "families"),
    MetricSpec("assistant.closures.goals_achieved", "Zakończenie: osiągnięcie celów", "families"),
    MetricSpec("assistant.closures.family_withdrew", "Zakończenie: rezygnacja rodziny", "families"),
    MetricSpec(
        "assistant.closures.moved_away", "Zakończenie: zmiana miejsca zamieszkania", "families"
    ),
    MetricSpec(
        "assistant.waiting_list", "Rodziny oczekujące na asystenta", "families", kind="stock"
    ),
    MetricSpec(
        "assistant.assistants_employed_end", "Asystenci zatrudnieni", "assistants", kind="stock"
    ),
    MetricSpec("casework.caseload_limit", "Limit rodzin na asystenta", "families", kind="stock"),
    MetricSpec("assistant.assessments_overdue", "Oceny po terminie", "assessments", kind="stock"),
    MetricSpec("placements.children_placed", "Dzieci umieszczone w pieczy", "children"),
    MetricSpec("returns.children", "Dzieci, które wróciły do rodzin", "children"),
    MetricSpec("staff.spending.own_budget", "Budżet gminy", "pln", source="aggregate"),
    MetricSpec("staff.spending.government", "Program rządowy", "pln", source="aggregate"),
    MetricSpec(
        "foster_care.cofinancing_pln", "Współfinansowanie pieczy", "pln", source="aggregate"
    ),
)


def _group(office, period):
    from ostoja.accounts.models import Office

    Office.objects.filter(pk=office.pk).exists()  # one query, as a real metric would make
    return dict(STORE.get((office.slug, period.start.year), {}))


def _families(office, period):
    """Families of the office (test metric)."""
    from ostoja.families.models import Family

    return Family.objects.filter(office=office).count()


def _families_drilldown(office, period, key):
    from ostoja.families.models import Family

    return Family.objects.filter(office=office).order_by("pk")


@pytest.fixture
def report_metrics():
    """Swap the registry's contents for the test metrics; restore afterwards."""
    saved = (list(registry.entries), list(registry.providers), dict(registry._by_key))
    registry.entries.clear()
    registry.providers.clear()
    registry._by_key.clear()
    registry.add(
        _Entry(
            (MetricSpec("assistant.families_served", "Rodziny objęte wsparciem", "families"),),
            _families,
            grouped=False,
            drilldown=_families_drilldown,
        )
    )
    registry.add(_Entry(GROUP_SPECS, _group, grouped=True))
    STORE.clear()
    yield STORE
    registry.entries[:] = saved[0]
    registry.providers[:] = saved[1]
    registry._by_key.clear()
    registry._by_key.update(saved[2])
    STORE.clear()
