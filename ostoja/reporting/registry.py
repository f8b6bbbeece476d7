"""The metric registry: every figure of every report is a named, documented metric.

A metric is computed for an office and a period by aggregating in the database.
Apps declare metrics in their ``metrics.py`` (imported by :func:`autodiscover`):

    @metric("assistant.families_served", label="Rodziny objęte wsparciem asystenta",
            unit="families", source="casework")
    def families_served(office, period):
        '''Distinct families with an assignment overlapping the period.'''
        return AssistantCase.objects.filter(...).values("family").distinct().count()

Several figures that one GROUP BY query yields are declared together:

    @metric_group(
        MetricSpec("assistant.closures.goals_achieved", "…", "families"),
        MetricSpec("assistant.closures.refused", "…", "families"),
        source="casework",
    )
    def closures(office, period) -> dict[str, int]:
        ...

Figures whose keys live in data (programme indicators, office statistics) come
from a *provider*: ``@metric_provider`` functions return ``{key: MetricValue}``
for an office and period in a bounded number of queries.

Drill-down: ``drilldown=`` gives a function ``(office, period, key) -> QuerySet``
of the records behind a figure; the UI shows them to roles allowed to read them.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.apps import apps

from ostoja.reporting.units import UNITS, format_value

Number = int | Decimal
SOURCES = frozenset({"casework", "partner", "aggregate", "narrative"})


@dataclass(frozen=True)
class Period:
    """A closed date range [start, end]; reports use calendar years."""

    start: datetime.date
    end: datetime.date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    @property
    def label(self) -> str:
        whole = (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31)
        if whole and self.start.year == self.end.year:
            return str(self.start.year)
        return f"{self.start:%d.%m.%Y}–{self.end:%d.%m.%Y}"

    def previous_year(self) -> Period:
        return Period(
            self.start.replace(year=self.start.year - 1), self.end.replace(year=self.end.year - 1)
        )


@dataclass(frozen=True)
class MetricSpec:
    """What a figure is: key, Polish label, unit and an exact description."""

    key: str
    label: str
    unit: str
    description: str = ""
    source: str = "casework"
    #: "flow" counts what happened during the period, "stock" the state on its last day.
    kind: str = "flow"

    def __post_init__(self) -> None:
        assert self.unit in UNITS, f"{self.key}: unknown unit {self.unit}"
        assert self.source in SOURCES, f"{self.key}: unknown source {self.source}"
        assert self.kind in ("flow", "stock"), self.key


@dataclass(frozen=True)
class MetricValue:
    spec: MetricSpec
    value: Number
    period: Period

    @property
    def key(self) -> str:
        return self.spec.key

    @property
    def text(self) -> str:
        return format_value(self.value, self.spec.unit)


@dataclass
class _Entry:
    specs: tuple[MetricSpec, ...]
    compute: Callable[..., Any]
    grouped: bool
    drilldown: Callable[..., Any] | None = None
    module: str = ""


@dataclass
class Registry:
    entries: list[_Entry] = field(default_factory=list)
    providers: list[Callable[..., dict[str, MetricValue]]] = field(default_factory=list)
    _by_key: dict[str, tuple[_Entry, MetricSpec]] = field(default_factory=dict)

    def add(self, entry: _Entry) -> None:
        for spec in entry.specs:
            if spec.key in self._by_key:
                existing = self._by_key[spec.key][0]
                if (existing.module, existing.compute.__qualname__) == (
                    entry.module,
                    entry.compute.__qualname__,
                ) and entry.module:
                    return  # re-import of the same module
                raise ValueError(f"metric {spec.key} is registered twice")
        self.entries.append(entry)
        for spec in entry.specs:
            self._by_key[spec.key] = (entry, spec)

    def spec(self, key: str) -> MetricSpec:
        return self._by_key[key][1]

    def keys(self) -> list[str]:
        return sorted(self._by_key)

    def has(self, key: str) -> bool:
        return key in self._by_key

    def compute_all(
        self, office, period: Period, keys: Iterable[str] | None = None
    ) -> dict[str, MetricValue]:
        """Compute registered metrics (all, or `keys`) and every provider's figures."""
        wanted = set(keys) if keys is not None else None
        values: dict[str, MetricValue] = {}
        for entry in self.entries:
            if wanted is not None and not wanted.intersection(s.key for s in entry.specs):
                continue
            if entry.grouped:
                result = entry.compute(office, period)
                for spec in entry.specs:
                    values[spec.key] = MetricValue(spec, result.get(spec.key, 0), period)
            else:
                spec = entry.specs[0]
                values[spec.key] = MetricValue(spec, entry.compute(office, period), period)
        for provider in self.providers:
            for key, value in provider(office, period).items():
                if wanted is None or key in wanted:
                    values[key] = value
        return values

    def compute(self, key: str, office, period: Period) -> MetricValue:
        values = self.compute_all(office, period, keys=[key])
        return values[key]

    def drilldown(self, key: str, office, period: Period):
        """The records behind a figure, or None when the metric has no drill-down."""
        if key not in self._by_key:
            return None
        entry, _spec = self._by_key[key]
        if entry.drilldown is None:
            return None
        return entry.drilldown(office, period, key)


registry = Registry()


def metric(
    key: str,
    *,
    label: str,
    unit: str,
    source: str = "casework",
    kind: str = "flow",
    drilldown: Callable[..., Any] | None = None,
):
    """Register a function ``(office, period) -> number`` as the metric `key`."""

    def decorator(func):
        spec = MetricSpec(key, label, unit, (func.__doc__ or "").strip(), source, kind)
        registry.add(
            _Entry((spec,), func, grouped=False, drilldown=drilldown, module=func.__module__)
        )
        return func

    return decorator


def metric_group(*specs: MetricSpec, drilldown: Callable[..., Any] | None = None):
    """Register a function ``(office, period) -> {key: number}`` yielding several metrics."""

    def decorator(func):
        doc = (func.__doc__ or "").strip()
        filled = tuple(
            s if s.description else MetricSpec(s.key, s.label, s.unit, doc, s.source, s.kind)
            for s in specs
        )
        registry.add(
            _Entry(filled, func, grouped=True, drilldown=drilldown, module=func.__module__)
        )
        return func

    return decorator


def metric_provider(func):
    """Register ``(office, period) -> {key: MetricValue}`` for figures keyed by data."""
    if func not in registry.providers:
        registry.providers.append(func)
    return func


def autodiscover() -> None:
    """Import every Ostoja app's metrics module so its metrics register."""
    for config in apps.get_app_configs():
        if config.name.startswith("ostoja."):
            try:
                importlib.import_module(f"{config.name}.metrics")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.metrics":
                    raise
