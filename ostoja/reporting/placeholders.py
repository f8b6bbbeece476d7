"""A small, safe parser of report narrative: paragraphs, lists and figure placeholders.

Narrative markup (typed by staff in a textarea, never HTML):

* a blank line separates paragraphs;
* a line starting with ``- `` is a list item (consecutive items form one list);
* ``{{ metric.key }}`` writes the figure with its agreeing noun: "22 rodziny";
* ``{{ metric.key|loc }}`` the same in a grammatical case: nom, gen, dat, acc, ins, loc
  ("w {{ assistant.families_served|loc }}" → "w 12 rodzinach");
* ``{{ metric.key|num }}`` the number alone; ``{{ metric.key|noun }}`` the noun alone
  (combine with a case: ``|noun|gen``);
* ``{{ metric.key|forms:skorzystała/skorzystały/skorzystało }}`` the word agreeing with
  the figure (1 / 2–4 / 5+), for verbs and nouns outside the unit tables;
* ``{{ metric.key|prev }}`` the previous year's figure; ``{{ metric.key|change }}`` the
  change against the previous year in words.

Nothing in the text is executed; an unknown filter or a malformed placeholder is a
:class:`PlaceholderError` with a Polish message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ostoja.reporting.grammar import CASES

KEY_RE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")
PLACEHOLDER_RE = re.compile(r"\{\{(.*?)\}\}", re.S)
FILTERS = frozenset({*CASES, "num", "noun", "forms", "prev", "change"})


class PlaceholderError(ValueError):
    """The narrative has a malformed placeholder; `message` is Polish."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Placeholder:
    key: str
    case: str = "nom"
    mode: str = "count"  # count | num | noun | forms | prev | change
    forms: tuple[str, ...] = ()
    source: str = ""


@dataclass
class Text:
    text: str


@dataclass
class Para:
    """A paragraph or one list item: text pieces and placeholders in order."""

    parts: list[Text | Placeholder] = field(default_factory=list)


@dataclass
class ListBlock:
    items: list[Para] = field(default_factory=list)


def parse_placeholder(inner: str) -> Placeholder:
    """Parse the inside of ``{{ … }}``."""
    pieces = [p.strip() for p in inner.split("|")]
    key = pieces[0]
    if not KEY_RE.match(key):
        raise PlaceholderError(
            _("Nieprawidłowy klucz wskaźnika „%(key)s” w „{{%(inner)s}}”.")
            % {"key": key, "inner": inner}
        )
    case, mode = "nom", "count"
    forms: tuple[str, ...] = ()
    for piece in pieces[1:]:
        name, _sep, arg = piece.partition(":")
        name = name.strip()
        if name not in FILTERS:
            raise PlaceholderError(
                _("Nieznana forma „%(name)s” w „{{%(inner)s}}”.") % {"name": name, "inner": inner}
            )
        if name in CASES:
            case = name
        elif name == "forms":
            forms = tuple(f.strip() for f in arg.split("/"))
            if len(forms) != 3 or not all(forms):
                raise PlaceholderError(
                    _("Forma „forms” potrzebuje trzech słów: 1/2–4/5+, np. forms:była/były/było.")
                )
            mode = "forms"
        else:
            mode = name
    return Placeholder(key=key, case=case, mode=mode, forms=forms, source="{{" + inner + "}}")


def parse_inline(text: str) -> list[Text | Placeholder]:
    """Split one paragraph's text into plain text and placeholders."""
    parts: list[Text | Placeholder] = []
    pos = 0
    for match in PLACEHOLDER_RE.finditer(text):
        if match.start() > pos:
            parts.append(Text(text[pos : match.start()]))
        parts.append(parse_placeholder(match.group(1)))
        pos = match.end()
    rest = text[pos:]
    if "{{" in rest or "}}" in rest:
        raise PlaceholderError(_("Niedomknięty znacznik wskaźnika: brakuje „{{” albo „}}”."))
    if rest:
        parts.append(Text(rest))
    return parts


def parse_narrative(source: str) -> list[Para | ListBlock]:
    """Parse narrative markup into paragraphs and lists."""
    blocks: list[Para | ListBlock] = []
    paragraph: list[str] = []
    current_list: ListBlock | None = None

    def flush_paragraph() -> None:
        if paragraph:
            blocks.append(Para(parse_inline(" ".join(paragraph))))
            paragraph.clear()

    for raw in (source or "").replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush_paragraph()
            current_list = None
            continue
        if line.startswith("- "):
            flush_paragraph()
            if current_list is None:
                current_list = ListBlock()
                blocks.append(current_list)
            current_list.items.append(Para(parse_inline(line[2:].strip())))
            continue
        if current_list is not None and not paragraph:
            # a continuation line of the last list item
            current_list.items[-1].parts.extend(parse_inline(" " + line))
            continue
        paragraph.append(line)
    flush_paragraph()
    return blocks


def placeholder_keys(source: str) -> list[str]:
    """Every metric key the narrative refers to, in order of first appearance."""
    keys: list[str] = []
    for match in PLACEHOLDER_RE.finditer(source or ""):
        key = parse_placeholder(match.group(1)).key
        if key not in keys:
            keys.append(key)
    return keys


BARE_NUMBER_RE = re.compile(r"(?<![\w{.,])(\d+(?:[.,]\d+)?)(?![\w}])")


def bare_numbers(source: str) -> list[str]:
    """Numbers typed in the narrative outside placeholders (a figure must be a placeholder)."""
    without = PLACEHOLDER_RE.sub(" ", source or "")
    return BARE_NUMBER_RE.findall(without)
