"""Charts as PNG (for DOCX and PDF) with matplotlib's Agg backend, and as simple SVG for HTML."""

from __future__ import annotations

import io
from html import escape

from ostoja.reporting.document import Chart
from ostoja.reporting.grammar import format_number

COLOURS = ("#7a9cc6", "#0b4f8a")


def chart_png(chart: Chart, dpi: int = 150) -> bytes:
    """Draw a grouped horizontal bar chart with value labels (no colour-only information)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    n = len(chart.categories)
    fig = Figure(figsize=(6.4, 0.6 + 0.45 * n * max(1, len(chart.series))), dpi=dpi)
    ax = fig.add_subplot()
    height = 0.8 / max(1, len(chart.series))
    for s, (name, values) in enumerate(chart.series):
        positions = [i + s * height for i in range(n)]
        bars = ax.barh(
            positions,
            values,
            height=height,
            label=name,
            color=COLOURS[(s + len(COLOURS) - len(chart.series)) % len(COLOURS)],
            hatch="//" if s < len(chart.series) - 1 else None,
            edgecolor="#1a1a1a",
        )
        ax.bar_label(bars, labels=[format_number(v) for v in values], padding=3, fontsize=8)
    ax.set_yticks([i + height * (len(chart.series) - 1) / 2 for i in range(n)])
    ax.set_yticklabels(chart.categories, fontsize=8)
    ax.invert_yaxis()
    # no title inside the picture: the caption under it (DOCX, PDF) carries it in full
    if chart.unit_label:
        ax.set_xlabel(chart.unit_label, fontsize=8)
    if len(chart.series) > 1:
        ax.legend(fontsize=8)
    ax.margins(x=0.15)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def chart_svg(chart: Chart, chart_id: str) -> str:
    """A small accessible SVG bar chart (presentation attributes only, no inline styles)."""
    width, bar_h, gap = 640, 16, 6
    # room for the longest category label (12px DejaVu Sans: about 7.5px a character)
    label_w = min(320, 16 + int(7.5 * max((len(c[:40]) for c in chart.categories), default=10)))
    single = len(chart.series) == 1
    values = [v for _name, vs in chart.series for v in vs]
    top = max(values) if values else 1
    top = top or 1
    rows = []
    y = 10
    for i, category in enumerate(chart.categories):
        rows.append(
            f'<text x="0" y="{y + bar_h}" class="chart-label">{escape(category[:40])}</text>'
        )
        for s, (name, vs) in enumerate(chart.series):
            w = int((width - label_w - 60) * vs[i] / top)
            colour = COLOURS[(s + len(COLOURS) - len(chart.series)) % len(COLOURS)]
            rows.append(
                f'<rect x="{label_w}" y="{y}" width="{max(w, 1)}" height="{bar_h}" '
                f'fill="{colour}" stroke="#1a1a1a"><title>{escape(name)}: '
                f"{escape(category)} – {format_number(vs[i])}</title></rect>"
            )
            rows.append(
                f'<text x="{label_w + max(w, 1) + 4}" y="{y + bar_h - 3}" class="chart-value">'
                f"{'' if single else escape(name) + ': '}{format_number(vs[i])}</text>"
            )
            y += bar_h + 2
        y += gap
    title_id = f"{chart_id}-title"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{title_id}" '
        f'width="{width}" height="{y + 10}" viewBox="0 0 {width} {y + 10}" class="chart">'
        f'<title id="{title_id}">{escape(chart.title)}</title>{"".join(rows)}</svg>'
    )
