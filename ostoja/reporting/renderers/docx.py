"""DOCX with python-docx: real heading styles, tables with header rows, PAGE field in the footer."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ostoja.reporting.document import BulletList, Chart, Document, Paragraph, Table
from ostoja.reporting.renderers.charts import chart_png

#: A4 width (21 cm) less the 2.2 cm margins on both sides
TEXT_WIDTH_CM = 16.6

FONT = (
    "Arial"  # has every Polish glyph; LibreOffice substitutes the metric-compatible Liberation Sans
)


def _set_font(style, size: int | None = None, bold: bool | None = None) -> None:
    style.font.name = FONT
    if size:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]


def _page_field(paragraph) -> None:
    """Insert a PAGE field (Word and LibreOffice fill in the page number)."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    text = OxmlElement("w:t")
    text.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instr, separate, text, end):
        run._r.append(element)


def _mark_header_row(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _keep_row_together(row) -> None:
    """A body row is not split across pages (w:cantSplit)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _add_runs(paragraph, para: Paragraph) -> None:
    for run in para.runs:
        paragraph.add_run(run.text)


def _add_blocks(container, blocks, doc) -> None:
    for block in blocks:
        if isinstance(block, Paragraph):
            _add_runs(container.add_paragraph(), block)
        elif isinstance(block, BulletList):
            for item in block.items:
                _add_runs(container.add_paragraph(style="List Bullet"), item)
        elif isinstance(block, Table):
            _add_table(container, block, doc)
        elif isinstance(block, Chart):
            _add_chart(container, block)


def _column_widths(table: Table, cols: int) -> list:
    """Column widths over the text width: the template's relative widths, or the first wider.

    The same rule as the PDF, so a narrow "Lp." column does not take a quarter of the page.
    """
    relative = list(table.widths) if len(table.widths) == cols else [2.5] + [1.0] * (cols - 1)
    total = sum(relative) or 1
    return [Cm(TEXT_WIDTH_CM * w / total) for w in relative]


def _add_table(container, table: Table, doc) -> None:
    if table.caption:
        caption = container.add_paragraph(style="Caption")
        caption.add_run(table.caption)
        caption.paragraph_format.keep_with_next = True  # not left alone above the table
    cols = max(len(table.header), max((len(r) for r in table.rows), default=0))
    t = container.add_table(rows=1, cols=cols)
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    column_widths = _column_widths(table, cols)
    for i, width in enumerate(column_widths):
        t.columns[i].width = width
    for i, text in enumerate(table.header):
        cell = t.rows[0].cells[i]
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    _mark_header_row(t.rows[0])
    for i, width in enumerate(column_widths):
        t.rows[0].cells[i].width = width
    for row in table.rows:
        new_row = t.add_row()
        _keep_row_together(new_row)
        cells = new_row.cells
        for i, width in enumerate(column_widths):
            cells[i].width = width
        for i, content in enumerate(row):
            cell = cells[i]
            first = cell.paragraphs[0]
            used_first = False
            for block in content:
                if isinstance(block, Paragraph) and not used_first:
                    _add_runs(first, block)
                    if i in table.numeric:
                        first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    used_first = True
                elif isinstance(block, BulletList):
                    for item in block.items:
                        p = first if not used_first else cell.add_paragraph(style="List Bullet")
                        if p is first:
                            p.style = doc.styles["List Bullet"]
                        used_first = True
                        _add_runs(p, item)
                elif isinstance(block, Paragraph):
                    _add_runs(cell.add_paragraph(), block)
    container.add_paragraph()


def _add_chart(container, chart: Chart) -> None:
    png = chart_png(chart)
    paragraph = container.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    shape = run.add_picture(io.BytesIO(png), width=Cm(15))
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", chart.description or chart.title)
    doc_pr.set("title", chart.title)
    caption = container.add_paragraph(style="Caption")
    caption.add_run(chart.title)


def render_docx(doc: Document) -> bytes:
    out = new_docx()
    styles = out.styles
    _set_font(styles["Normal"], 11)
    for name, size in (("Title", 20), ("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        _set_font(styles[name], size, bold=True)
    for name in ("Caption", "List Bullet", "Subtitle"):
        _set_font(styles[name])
    section = out.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    section.different_first_page_header_footer = True
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(_("Strona "))
    _page_field(footer)

    # title page
    out.core_properties.title = doc.title
    out.core_properties.language = "pl-PL"
    p = out.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(doc.office_name)
    r.bold = True
    r.font.size = Pt(14)
    for _i in range(4):
        out.add_paragraph()
    title = out.add_paragraph(doc.title, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub = out.add_paragraph(style="Subtitle")
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub.add_run(
        _("Gmina %(municipality)s – rok %(year)s")
        % {"municipality": doc.municipality, "year": doc.year}
    )
    for _i in range(6):
        out.add_paragraph()
    if doc.month_text:
        line = out.add_paragraph(f"{doc.place}, {doc.month_text}")
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if doc.approved_by:
        line = out.add_paragraph(_("Zatwierdza: %(name)s") % {"name": doc.approved_by})
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    status = out.add_paragraph(
        _("Wersja %(n)s – %(status)s") % {"n": doc.version_number, "status": doc.status_label}
    )
    status.alignment = WD_ALIGN_PARAGRAPH.CENTER
    status.add_run().add_break(WD_BREAK.PAGE)

    _add_blocks(out, doc.legal_basis, out)
    for section_ in doc.sections:
        if section_.show_heading:
            out.add_heading(section_.full_heading, level=min(section_.level, 3))
        _add_blocks(out, section_.blocks, out)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
