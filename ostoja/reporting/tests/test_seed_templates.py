"""The starting templates reproduce the seeds' section order and write every fact with its noun."""

import io
import json
from decimal import Decimal

import pytest
import yaml
from docx import Document as open_docx

from ostoja.examples.registry import SHARED_SEEDS
from ostoja.reporting.build import FigureTable, build_document
from ostoja.reporting.document import Fig
from ostoja.reporting.registry import Period
from ostoja.reporting.renderers import render
from ostoja.reporting.templates_data import template_definition, template_names

SEEDS = SHARED_SEEDS
CASES = [
    ("konin_2017", "002_ea7ccc4a9242dde8", 2017),
    ("wieruszow_2018", "000_73059c7f296dcaf6", 2018),
]


class _Office:
    def __init__(self, report):
        self.name = report["office"]
        self.municipality = report["municipality"]
        self.head_name = ""


def test_templates_are_listed_and_parse():
    assert {"generic", "konin_2017", "wieruszow_2018"} <= set(template_names())
    for name in template_names():
        data = template_definition(name)
        keys = [s["key"] for s in data["sections"]]
        assert len(keys) == len(set(keys))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed reports are not available")
@pytest.mark.parametrize(("name", "seed", "year"), CASES)
def test_seed_template_reproduces_order_and_every_fact(name, seed, year):
    facts_file = yaml.safe_load((SEEDS / f"{seed}.facts.yaml").read_text(encoding="utf-8"))
    snapshot = template_definition(name)
    assert [s["key"] for s in snapshot["sections"]] == [s["id"] for s in facts_file["sections"]]
    for section, seed_section in zip(snapshot["sections"], facts_file["sections"], strict=True):
        # the seed's „Ad. 8.” is written like the other labels („Ad.8.”)
        assert section.get("label", "") == seed_section.get("label", "").replace(" ", "")
        assert section.get("parent") == seed_section.get("parent")
    aliases = snapshot["aliases"]
    period = Period.year(year)
    table = FigureTable()
    for fact in facts_file["facts"]:
        key = aliases.get(fact["id"], fact["id"])
        table.add(
            Fig(key, Decimal(str(fact["value"])), fact["unit"], key, period.start, period.end)
        )
    doc = build_document(
        office=_Office(facts_file["report"]), year=year, snapshot=snapshot, figures=table
    )
    assert not doc.warnings
    payload = json.loads(render(doc, "json"))
    by_ref = {}
    for figure in payload["figures"]:
        by_ref.setdefault(figure["ref"], []).append(figure)
    docx_text = "\n".join(
        [p.text for p in open_docx(io.BytesIO(render(doc, "docx"))).paragraphs]
        + [
            c.text
            for t in open_docx(io.BytesIO(render(doc, "docx"))).tables
            for r in t.rows
            for c in r.cells
        ]
    )
    for fact in facts_file["facts"]:
        uses = by_ref.get(fact["id"])
        assert uses, f"{fact['id']} is not in the report"
        assert all(Decimal(str(u["value"])) == Decimal(str(fact["value"])) for u in uses)
        assert all(u["key"] == aliases.get(fact["id"], fact["id"]) for u in uses)
        for use in uses:
            assert use["text"] in docx_text, (fact["id"], use["text"])
    assert f"za {year} rok" in payload["report"]["title"]
