"""JSON: every figure with its metric key, period, value, unit and the text it appears in."""

from __future__ import annotations

import json
from decimal import Decimal

from ostoja.reporting.document import Document, Fig

SCHEMA_VERSION = 1


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _period(fig: Fig) -> dict:
    return {"start": fig.period_start.isoformat(), "end": fig.period_end.isoformat()}


def document_json(doc: Document) -> dict:
    return {
        "schema": SCHEMA_VERSION,
        "report": {
            "office": doc.office_name,
            "municipality": doc.municipality,
            "year": doc.year,
            "title": doc.title,
            "version": doc.version_number,
            "status": doc.status_label,
            "frozen": doc.frozen,
            "computed_at": doc.computed_at.isoformat() if doc.computed_at else None,
        },
        "sections": [
            {"key": s.key, "label": s.label, "heading": s.heading, "level": s.level}
            for s in doc.sections
        ],
        "figures": [
            {
                "key": use.key,
                "ref": use.ref,
                "section": use.section,
                "label": use.figure.label,
                "period": _period(use.figure),
                "value": _number(use.figure.value),
                "unit": use.figure.unit,
                "text": use.text,
                "sentence": use.sentence,
                "computed_at": use.figure.computed_at.isoformat()
                if use.figure.computed_at
                else None,
            }
            for use in doc.uses
        ],
        "warnings": doc.warnings,
    }


def render_json(doc: Document) -> bytes:
    return json.dumps(document_json(doc), ensure_ascii=False, indent=2).encode("utf-8")
