import io
import json
import shutil
import subprocess
import zipfile
from decimal import Decimal

import pytest
from docx import Document as open_docx

from ostoja.reporting.build import FigureTable, build_document
from ostoja.reporting.document import Fig
from ostoja.reporting.registry import Period
from ostoja.reporting.renderers import render

SNAPSHOT = {
    "title": "Sprawozdanie za {year} rok",
    "legal_basis": "Na podstawie art. 179 ustawy.",
    "aliases": {"x.families_again": "x.families"},
    "sections": [
        {
            "key": "a",
            "heading": "Asystenci rodziny",
            "kind": "narrative",
            "narrative": "Asystenci objęli wsparciem {{ x.families|acc }} {{ x.families|change }}, "
            "w tym {{ x.children|acc }}.\n\n- w {{ x.families_again|loc }} – zażółć gęślą jaźń",
        },
        {
            "key": "b",
            "parent": "a",
            "label": "Ad.1.",
            "heading": "Tabela",
            "kind": "table",
            "config": {
                "columns": ["Lp.", "Instytucja", "Rodziny", "Działania"],
                "numeric": [2],
                "widths": [0.5, 2.2, 1.1, 3.2],
                "rows": [["1.", "Sąd Rejonowy", "{{ x.families }}", "- wizyty\n- kontakt"]],
            },
        },
        {
            "key": "c",
            "heading": "Wykres",
            "kind": "chart",
            "config": {
                "title": "Rodziny i dzieci",
                "keys": ["x.families", "x.children"],
                "compare": True,
            },
        },
        {"key": "d", "heading": "Liczby", "kind": "figures", "config": {"keys": ["x.families"]}},
    ],
}


class _Office:
    name = "Miejski Ośrodek Pomocy Rodzinie w Łodzi"
    municipality = "Łódź"
    head_name = "Małgorzata Żółć"


def _doc():
    table = FigureTable()
    for year, families, children in ((2017, 22, 33), (2016, 20, 30)):
        p = Period.year(year)
        table.add(Fig("x.families", Decimal(families), "families", "Rodziny", p.start, p.end))
        table.add(Fig("x.children", Decimal(children), "children", "Dzieci", p.start, p.end))
    return build_document(office=_Office(), year=2017, snapshot=SNAPSHOT, figures=table)


def test_document_text_agrees_and_compares():
    doc = _doc()
    text = doc.sections[0].blocks[0].text.replace("\u00a0", " ")
    assert text == (
        "Asystenci objęli wsparciem 22 rodziny (w 2016 r. – 20 rodzin; wzrost o 2 rodziny)"
        ", w tym 33 dzieci."
    )
    assert (
        doc.sections[0].blocks[1].items[0].text.replace("\u00a0", " ").startswith("w 22 rodzinach")
    )
    assert doc.title == "Sprawozdanie za 2017 rok"


def test_docx_table_columns_follow_template_widths_and_rows_do_not_split():
    docx = open_docx(io.BytesIO(render(_doc(), "docx")))
    first = docx.tables[0]
    widths = [round(c.width.cm, 1) for c in first.columns]
    # 16.6 cm of text width shared 0.5 : 2.2 : 1.1 : 3.2
    assert widths == [1.2, 5.2, 2.6, 7.6]
    assert [round(c.width.cm, 1) for c in first.rows[1].cells] == widths
    assert "cantSplit" in first.rows[1]._tr.trPr.xml
    figures = docx.tables[1]
    assert round(figures.columns[0].width.cm, 1) == round(16.6 * 2.5 / 5.5, 1)


def test_docx_has_heading_styles_table_with_header_row_and_page_field():
    data = render(_doc(), "docx")
    docx = open_docx(io.BytesIO(data))
    styles = {p.style.name for p in docx.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Bullet"} <= styles
    assert len(docx.tables) >= 2
    first = docx.tables[0]
    assert [c.text for c in first.rows[0].cells] == ["Lp.", "Instytucja", "Rodziny", "Działania"]
    assert first.rows[0]._tr.trPr is not None and "tblHeader" in first.rows[0]._tr.trPr.xml
    assert first.rows[1].cells[2].text == "22\u00a0rodziny"
    footer_xml = docx.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "fldChar" in footer_xml
    body = "\n".join(p.text for p in docx.paragraphs)
    assert "zażółć gęślą jaźń" in body and "Łódź" in body
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert any(n.startswith("word/media/") and n.endswith(".png") for n in z.namelist())
        assert "Arial" in z.read("word/styles.xml").decode()


def test_pdf_embeds_a_truetype_font_with_polish_glyphs():
    data = render(_doc(), "pdf")
    assert data.startswith(b"%PDF")
    assert b"/FontFile2" in data
    assert b"DejaVu" in data


def test_html_is_a_standalone_page_with_accessible_chart():
    html = render(_doc(), "html").decode()
    assert html.startswith("<!DOCTYPE html>") and 'lang="pl"' in html
    assert "<h1" in html and html.count("<h1") == 1
    assert '<th scope="col"' in html and "<caption>" in html
    assert 'role="img"' in html and "<title" in html
    assert "22\u00a0rodziny" in html
    assert "<script" not in html


def test_json_lists_every_figure_with_key_period_value_unit_and_sentence():
    payload = json.loads(render(_doc(), "json"))
    assert set(payload) == {"schema", "report", "sections", "figures", "warnings"}
    assert payload["report"]["year"] == 2017
    assert [s["key"] for s in payload["sections"]] == ["a", "b", "c", "d"]
    required = {"key", "ref", "section", "label", "period", "value", "unit", "text", "sentence"}
    for figure in payload["figures"]:
        assert required <= set(figure)
        assert set(figure["period"]) == {"start", "end"}
        assert isinstance(figure["value"], int | float)
    first = payload["figures"][0]
    assert first["key"] == "x.families" and first["value"] == 22 and first["unit"] == "families"
    assert first["period"] == {"start": "2017-01-01", "end": "2017-12-31"}
    assert first["sentence"].startswith("Asystenci objęli wsparciem 22")
    aliased = [f for f in payload["figures"] if f["ref"] == "x.families_again"]
    assert aliased and aliased[0]["key"] == "x.families"


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="libreoffice is not installed")
def test_libreoffice_converts_the_docx_to_pdf(tmp_path):
    source = tmp_path / "raport.docx"
    source.write_bytes(render(_doc(), "docx"))
    result = subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "raport.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("employed", "expected"),
    [
        (1, "zatrudniony był 1\u00a0asystent"),
        (3, "zatrudnionych było 3\u00a0asystentów"),
        (6, "zatrudnionych było 6\u00a0asystentów"),
    ],
)
def test_needs_sentence_verb_agrees_with_the_number_employed(employed, expected):
    from ostoja.reporting.needs import _employed_verb

    p = Period.year(2017)
    fig = Fig("staff.assistants", Decimal(employed), "assistants", "Asystenci", p.start, p.end)
    from ostoja.reporting.build import format_figure

    text = _employed_verb(fig) + format_figure(fig.value, fig.unit)
    assert text.endswith(expected)
