"""Both worked examples, end to end: records → metrics → the annual report.

Every fact of each seed's facts file must appear in the report's JSON with the right
value, and its text (number with its noun) in the DOCX; the DOCX structure is guarded
by a golden file; generation takes a bounded number of queries.
"""

import io
import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from docx import Document as open_docx

from ostoja.accounts.models import Office
from ostoja.examples.demo import demo_setup
from ostoja.examples.registry import EXAMPLES, load_facts, verify
from ostoja.reporting import services
from ostoja.reporting.build import build_document, compute_live
from ostoja.reporting.renderers import render

GOLDEN = Path(__file__).resolve().parent / "golden"
#: Queries to compute every figure of a report and build its document, whatever the data size.
REPORT_QUERY_LIMIT = 120


@pytest.fixture(scope="module")
def examples(django_db_setup, django_db_blocker):
    """Load both examples once for the module, in a transaction rolled back at the end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            demo_setup()
            for slug in EXAMPLES:
                call_command("load_example", slug, stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def generate(slug: str):
    example = EXAMPLES[slug]
    office = Office.objects.get(slug=example.office_slug)
    snapshot = services.template_snapshot(services.template_for_office(office))
    figures = compute_live(office, example.year, snapshot)
    return build_document(office=office, year=example.year, snapshot=snapshot, figures=figures)


def docx_text(data: bytes) -> str:
    document = open_docx(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def docx_structure(data: bytes) -> list:
    """The DOCX skeleton: heading styles and texts, list/table shapes, pictures, fields."""
    document = open_docx(io.BytesIO(data))
    body = document.element.body
    out: list = []
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[1]
        if tag == "p":
            style = child.xpath("./w:pPr/w:pStyle/@w:val")
            style_name = style[0] if style else "Normal"
            if style_name.startswith(("Heading", "Title")):
                text = "".join(child.xpath(".//w:t/text()"))
                out.append(["heading", style_name, text])
            elif child.xpath(".//w:drawing"):
                out.append(["picture"])
        elif tag == "tbl":
            rows = child.xpath("./w:tr")
            out.append(["table", len(rows), len(rows[0].xpath("./w:tc")) if rows else 0])
    footer = document.sections[0].footer._element.xml
    out.append(["page-field", "PAGE" in footer])
    return out


@pytest.mark.django_db
@pytest.mark.parametrize("slug", sorted(EXAMPLES))
def test_verify_reproduces_every_fact(examples, slug):
    results = verify(EXAMPLES[slug])
    wrong = [(r.fact_id, str(r.expected), str(r.computed)) for r in results if not r.ok]
    assert wrong == []
    master = EXAMPLES[slug].master_facts_path
    if master.exists():
        assert all(r.ok for r in verify(EXAMPLES[slug], master))


@pytest.mark.django_db
@pytest.mark.parametrize("slug", sorted(EXAMPLES))
def test_report_has_every_fact_in_json_and_docx(examples, slug):
    example = EXAMPLES[slug]
    doc = generate(slug)
    payload = json.loads(render(doc, "json"))
    uses: dict[str, list] = {}
    for figure in payload["figures"]:
        if figure["period"]["start"].startswith(str(example.year)):  # not last year's value
            uses.setdefault(figure["ref"], []).append(figure)
    text = docx_text(render(doc, "docx"))
    missing, wrong, not_in_docx = [], [], []
    for fact in load_facts(example.facts_path)["facts"]:
        found = uses.get(fact["id"])
        if not found:
            missing.append(fact["id"])
            continue
        if any(Decimal(str(u["value"])) != Decimal(str(fact["value"])) for u in found):
            wrong.append((fact["id"], fact["value"], [u["value"] for u in found]))
        if not any(u["text"] in text for u in found):
            not_in_docx.append((fact["id"], found[0]["text"]))
    assert (missing, wrong, not_in_docx) == ([], [], [])


@pytest.mark.django_db
@pytest.mark.parametrize("slug", sorted(EXAMPLES))
def test_docx_structure_matches_golden_file(examples, slug):
    structure = docx_structure(render(generate(slug), "docx"))
    golden = GOLDEN / f"{slug}.docx-structure.json"
    if os.environ.get("OSTOJA_UPDATE_GOLDEN") or not golden.exists():
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(json.dumps(structure, ensure_ascii=False, indent=1) + "\n", "utf-8")
    assert structure == json.loads(golden.read_text("utf-8"))
    assert ["page-field", True] in structure


@pytest.mark.django_db
@pytest.mark.parametrize("slug", sorted(EXAMPLES))
def test_report_generation_takes_a_bounded_number_of_queries(examples, slug):
    generate(slug)  # warm caches (content types, templates)
    with CaptureQueriesContext(connection) as ctx:
        generate(slug)
    assert len(ctx.captured_queries) <= REPORT_QUERY_LIMIT, len(ctx.captured_queries)


@pytest.mark.django_db
def test_partners_accepted_activities_are_listed_under_their_task(examples):
    text = docx_text(render(generate("wieruszow-2018"), "docx"))
    assert "Koło fotograficzne" in text  # task 7, accepted school contribution
    assert text.count("Koło fotograficzne") == 1
