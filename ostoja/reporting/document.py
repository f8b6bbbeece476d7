"""The intermediate document every renderer (DOCX, PDF, HTML, JSON) draws from."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Fig:
    """A figure's value for a period, live or frozen."""

    key: str
    value: Decimal
    unit: str
    label: str
    period_start: datetime.date
    period_end: datetime.date
    computed_at: datetime.datetime | None = None


@dataclass
class Run:
    """A piece of text; a figure run also carries the figure it writes."""

    text: str
    figure: Fig | None = None
    ref: str = ""
    missing: bool = False


@dataclass
class Paragraph:
    runs: list[Run] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class BulletList:
    items: list[Paragraph] = field(default_factory=list)


Cell = list  # list[Paragraph | BulletList]


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list[Cell]]
    numeric: frozenset[int] = frozenset()
    kind: str = "table"
    #: relative column widths (PDF); empty = the first column wider
    widths: tuple[float, ...] = ()


@dataclass
class Chart:
    title: str
    categories: list[str]
    series: list[tuple[str, list[float]]]
    unit_label: str = ""
    description: str = ""


Block = Paragraph | BulletList | Table | Chart


@dataclass
class Section:
    key: str
    label: str
    heading: str
    level: int
    show_heading: bool
    blocks: list[Block] = field(default_factory=list)

    @property
    def full_heading(self) -> str:
        return f"{self.label} {self.heading}".strip() if self.label else self.heading


@dataclass
class FigureUse:
    """One appearance of a figure in the report, for the JSON listing."""

    key: str
    ref: str
    section: str
    figure: Fig
    text: str
    sentence: str


@dataclass
class Document:
    title: str
    office_name: str
    municipality: str
    year: int
    place: str
    month_text: str
    approved_by: str
    status_label: str
    version_number: int
    frozen: bool
    computed_at: datetime.datetime | None
    legal_basis: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    uses: list[FigureUse] = field(default_factory=list)
    figures: list[Fig] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
