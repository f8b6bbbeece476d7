"""PDF with fpdf2, embedding DejaVu Sans from matplotlib's bundled fonts (Polish glyphs)."""

from __future__ import annotations

import io
from pathlib import Path

from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.fonts import FontFace

from ostoja.reporting.document import BulletList, Chart, Document, Paragraph, Table
from ostoja.reporting.renderers.charts import chart_png

FAMILY = "DejaVu"


def font_paths() -> tuple[Path, Path]:
    import matplotlib

    base = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return base / "DejaVuSans.ttf", base / "DejaVuSans-Bold.ttf"


class _ReportPDF(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(FAMILY, "", 9)
        self.cell(0, 10, _("Strona %(n)s") % {"n": self.page_no()}, align="C")


def _cell_text(content) -> str:
    lines = []
    for block in content:
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, BulletList):
            lines.extend(f"• {item.text}" for item in block.items)
    return "\n".join(lines)


def _blocks(pdf: FPDF, blocks) -> None:
    width = pdf.epw
    for block in blocks:
        if isinstance(block, Paragraph):
            pdf.set_font(FAMILY, "", 10.5)
            pdf.multi_cell(width, 5.5, block.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif isinstance(block, BulletList):
            pdf.set_font(FAMILY, "", 10.5)
            for item in block.items:
                pdf.set_x(pdf.l_margin + 4)
                pdf.cell(5, 5.5, "•")
                pdf.multi_cell(width - 9, 5.5, item.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif isinstance(block, Table):
            if block.caption:
                pdf.set_font(FAMILY, "B", 10)
                pdf.multi_cell(width, 5.5, block.caption, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font(FAMILY, "", 9)
            cols = max(len(block.header), max((len(r) for r in block.rows), default=1))
            widths = list(block.widths) if len(block.widths) == cols else [2.5] + [1.0] * (cols - 1)
            with pdf.table(
                col_widths=widths,
                headings_style=FontFace(emphasis="BOLD", fill_color=(238, 243, 248)),
                line_height=5,
                text_align=tuple("RIGHT" if i in block.numeric else "LEFT" for i in range(cols)),
                repeat_headings=1,
            ) as table:
                head = table.row()
                for text in block.header + [""] * (cols - len(block.header)):
                    head.cell(text)
                for row in block.rows:
                    r = table.row()
                    for content in row:
                        r.cell(_cell_text(content))
            pdf.ln(3)
        elif isinstance(block, Chart):
            png = chart_png(block)
            pdf.image(
                io.BytesIO(png), w=min(width, 160), x=pdf.l_margin + (width - min(width, 160)) / 2
            )
            pdf.set_font(FAMILY, "", 9)
            pdf.multi_cell(width, 5, block.title, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)


def render_pdf(doc: Document) -> bytes:
    regular, bold = font_paths()
    pdf = _ReportPDF(format="A4")
    pdf.add_font(FAMILY, "", str(regular))
    pdf.add_font(FAMILY, "B", str(bold))
    pdf.set_title(doc.title)
    pdf.set_author(doc.office_name)
    pdf.set_lang("pl")
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(22, 20, 22)
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 13)
    pdf.multi_cell(0, 7, doc.office_name, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(40)
    pdf.set_font(FAMILY, "B", 17)
    pdf.multi_cell(0, 9, doc.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font(FAMILY, "", 12)
    pdf.multi_cell(
        0,
        7,
        _("Gmina %(municipality)s – rok %(year)s")
        % {"municipality": doc.municipality, "year": doc.year},
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(60)
    if doc.month_text:
        pdf.multi_cell(
            0, 7, f"{doc.place}, {doc.month_text}", align="C", new_x="LMARGIN", new_y="NEXT"
        )
    if doc.approved_by:
        pdf.multi_cell(
            0,
            7,
            _("Zatwierdza: %(name)s") % {"name": doc.approved_by},
            align="C",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.multi_cell(
        0,
        7,
        _("Wersja %(n)s – %(status)s") % {"n": doc.version_number, "status": doc.status_label},
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.add_page()
    _blocks(pdf, doc.legal_basis)
    for section in doc.sections:
        if section.show_heading:
            size = 13 if section.level == 1 else 11.5
            if pdf.will_page_break(20):
                pdf.add_page()
            pdf.start_section(section.full_heading[:120], level=section.level - 1)
            pdf.set_font(FAMILY, "B", size)
            pdf.multi_cell(0, 7, section.full_heading, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        _blocks(pdf, section.blocks)
    return bytes(pdf.output())
