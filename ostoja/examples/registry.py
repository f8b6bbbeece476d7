"""Worked examples: an office's records built so that its real report is reproduced.

An example builds *records* (families, cases, contacts, placements …), never totals;
`verify` then computes the metrics and compares them with the facts file of the seed
report, fact by fact.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

from ostoja.reporting.registry import Period, registry

HERE = Path(__file__).resolve().parent
SHARED_SEEDS = HERE.parent.parent.parent / "shared" / "seeds"


@dataclass(frozen=True)
class Example:
    slug: str
    office_slug: str
    year: int
    package: str  # module with build(), facts.yaml beside it
    master_facts: str  # file name in ../shared/seeds (the master copy)
    #: the office's report template (a name in ostoja/reporting/templates_data/)
    template: str = "generic"
    #: fact id → metric key where a figure is stated twice or named differently.
    aliases: dict[str, str] = field(default_factory=dict)

    @property
    def facts_path(self) -> Path:
        return HERE / self.package / "facts.yaml"

    @property
    def master_facts_path(self) -> Path:
        return SHARED_SEEDS / self.master_facts

    def builder(self) -> Callable[[], object]:
        return importlib.import_module(f"ostoja.examples.{self.package}.build").build


CRISIS_SHELTER = "assistant.outcomes.crisis_shelter.families"

EXAMPLES: dict[str, Example] = {
    "konin-2017": Example(
        slug="konin-2017",
        office_slug="konin",
        year=2017,
        package="konin_2017",
        master_facts="002_ea7ccc4a9242dde8.facts.yaml",
        template="konin_2017",
        aliases={f"{CRISIS_SHELTER}_ad7": CRISIS_SHELTER},
    ),
    "wieruszow-2018": Example(
        slug="wieruszow-2018",
        office_slug="wieruszow",
        year=2018,
        package="wieruszow_2018",
        master_facts="000_73059c7f296dcaf6.facts.yaml",
        template="wieruszow_2018",
    ),
}


@dataclass(frozen=True)
class FactResult:
    fact_id: str
    metric_key: str
    source: str
    expected: Decimal
    computed: Decimal | None

    @property
    def ok(self) -> bool:
        return self.computed is not None and self.computed == self.expected


def load_facts(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def verify(
    example: Example, facts_path: Path | None = None, sources: set[str] | None = None
) -> list[FactResult]:
    """Compute the example office's metrics and compare them with every fact."""
    from ostoja.accounts.models import Office

    data = load_facts(facts_path or example.facts_path)
    office = Office.objects.get(slug=example.office_slug)
    period = Period.year(example.year)
    facts = [f for f in data["facts"] if sources is None or f["source"] in sources]
    keys = {example.aliases.get(f["id"], f["id"]) for f in facts}
    values = registry.compute_all(office, period, keys=keys)
    results = []
    for fact in facts:
        key = example.aliases.get(fact["id"], fact["id"])
        value = values.get(key)
        computed = None if value is None else Decimal(str(value.value))
        results.append(
            FactResult(fact["id"], key, fact["source"], Decimal(str(fact["value"])), computed)
        )
    return results
