"""HTML: the report as a page in the app and as a standalone file (same partial template)."""

from __future__ import annotations

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from ostoja.reporting.document import BulletList, Chart, Document, Fig, Paragraph, Run, Table
from ostoja.reporting.renderers.charts import chart_svg


def _runs(para: Paragraph, link: Callable[[Run], str | None] | None, diffs: dict) -> list[dict]:
    out = []
    for run in para.runs:
        item = {"text": run.text, "missing": run.missing, "figure": run.figure is not None}
        if run.figure is not None:
            item["key"] = run.figure.key
            item["url"] = link(run) if link else None
            item["live"] = diffs.get(_fig_id(run.figure))
        out.append(item)
    return out


def _fig_id(fig: Fig) -> tuple:
    return (fig.key, fig.period_start, fig.period_end)


def _blocks(blocks, link, diffs, prefix: str) -> list[dict]:
    out: list[dict] = []
    for i, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            out.append({"type": "p", "runs": _runs(block, link, diffs)})
        elif isinstance(block, BulletList):
            out.append({"type": "ul", "items": [_runs(p, link, diffs) for p in block.items]})
        elif isinstance(block, Table):
            out.append(
                {
                    "type": "table",
                    "caption": block.caption,
                    "header": [
                        {"text": h, "num": j in block.numeric} for j, h in enumerate(block.header)
                    ],
                    "rows": [
                        [
                            {
                                "num": j in block.numeric,
                                "blocks": _blocks(cell, link, diffs, f"{prefix}-{i}"),
                            }
                            for j, cell in enumerate(row)
                        ]
                        for row in block.rows
                    ],
                }
            )
        elif isinstance(block, Chart):
            chart_id = f"chart-{prefix}-{i}"
            out.append(
                {
                    "type": "chart",
                    "id": chart_id,
                    "title": block.title,
                    "svg": mark_safe(chart_svg(block, chart_id)),  # noqa: S308 - built with escape()
                    "series_names": [name for name, _v in block.series],
                    "rows": [
                        {
                            "category": category,
                            "values": [values[k] for _n, values in block.series],
                        }
                        for k, category in enumerate(block.categories)
                    ],
                }
            )
    return out


def document_context(
    doc: Document, link: Callable[[Run], str | None] | None = None, diffs: dict | None = None
) -> dict:
    """Plain dicts for the template (no logic in templates)."""
    diffs = diffs or {}
    return {
        "doc": doc,
        "legal_basis": _blocks(doc.legal_basis, link, diffs, "lb"),
        "sections": [
            {
                "key": s.key,
                "heading": s.full_heading,
                "show_heading": s.show_heading,
                "tag": "h2" if s.level == 1 else "h3",
                "blocks": _blocks(s.blocks, link, diffs, s.key),
            }
            for s in doc.sections
        ],
    }


def render_html_file(doc: Document) -> bytes:
    html = render_to_string("reporting/report_standalone.html", document_context(doc))
    return html.encode("utf-8")
