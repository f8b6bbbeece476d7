"""Renderers of the intermediate document: DOCX, PDF, HTML and JSON."""

from collections.abc import Callable

from ostoja.reporting.document import Document

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "json": "application/json",
}


def render(doc: Document, fmt: str) -> bytes:
    """Render `doc` in `fmt` (docx, pdf, html, json)."""
    renderers: dict[str, Callable[[Document], bytes]]
    from ostoja.reporting.renderers import docx, html, json, pdf

    renderers = {
        "docx": docx.render_docx,
        "pdf": pdf.render_pdf,
        "html": html.render_html_file,
        "json": json.render_json,
    }
    return renderers[fmt](doc)
