"""Footnotes: their definitions (lines of the original text) and their markers.

Extraction leaves a footnote where the page ended, often in the middle of a later
paragraph, in one of several styles:

* ``¹ 投产项目…`` — a superscript number starting a line;
* ``<sup>1</sup> 1+5+X：…`` — an HTML remnant;
* ``^[1] 二升一降: …`` or the Markdown ``[^1]: …``;
* ``3 TOD（…）是…`` — a bare number and a space. A bare number starts a footnote only if
  the text has cited that number with a marker and not yet defined it, so ``2023 年是…``
  at the start of a line stays running text.

A line right below a footnote line (no blank line between) continues that footnote when
it starts with a superscript number that is already defined (``⁷ 8 为…；`` followed by
``² 为…`` is one footnote with a sub-list) or when the footnote has not yet reached a
full stop (a footnote wrapped by the PDF extraction).

Markers in the running text (``TOD³``, ``<sup>1</sup>``, ``[1]``, ``[^1]``) are found by
:func:`find_markers` once the paragraph is normalised; a marker whose number has no
definition is left in the text as it is (``m²`` is a unit, not a note).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

_DEF_SUPERSCRIPT = re.compile(rf"^\s*([{SUPERSCRIPT_DIGITS}]+)\s*(?=\S)")
_DEF_SUP_TAG = re.compile(r"^\s*<sup>\s*(\d{1,3})\s*</sup>\s*")
_DEF_BRACKET = re.compile(r"^\s*(?:\^\[(\d{1,3})\]|\[\^(\d{1,3})\]:)\s*")
_DEF_BARE = re.compile(r"^\s*(\d{1,3})[ \t\u3000]+(?=[^\d\s])")

_MARKER = re.compile(
    rf"(?P<sup>(?<![mM])[{SUPERSCRIPT_DIGITS}]+)"
    r"|<sup>\s*(?P<tag>\d{1,3})\s*</sup>"
    r"|\^?\[\^?(?P<bracket>\d{1,3})\]"
)
_TERMINAL = tuple("。！？!?")


def superscript_to_int(text: str) -> int:
    return int(text.translate(_FROM_SUPERSCRIPT))


@dataclass
class FootnoteDefinition:
    number: int
    style: str
    first_line: int
    last_line: int
    # (start, end) original offsets of the footnote's own text on each of its lines
    text_spans: list[tuple[int, int]] = field(default_factory=list)
    start: int = 0  # original offset of the definition, marker included
    end: int = 0


@dataclass(frozen=True)
class Marker:
    number: int
    style: str
    start: int  # index range in the text it was found in
    end: int


def find_markers(text: str) -> list[Marker]:
    markers = []
    for m in _MARKER.finditer(text):
        if m.group("sup"):
            markers.append(Marker(superscript_to_int(m.group("sup")), "superscript", m.start(), m.end()))
        elif m.group("tag"):
            markers.append(Marker(int(m.group("tag")), "sup-tag", m.start(), m.end()))
        else:
            markers.append(Marker(int(m.group("bracket")), "bracket", m.start(), m.end()))
    return markers


def find_definitions(lines: list[tuple[int, int, str]]) -> dict[int, FootnoteDefinition]:
    """Footnote definitions among the original lines, keyed by line index.

    ``lines`` are (start, end, text) triples of the original text, one per line; the
    result maps the index of every line that belongs to a footnote to its definition
    (a footnote that runs over several lines appears under each of them).
    """
    pending: set[int] = set()
    defined: set[int] = set()
    by_line: dict[int, FootnoteDefinition] = {}
    previous: FootnoteDefinition | None = None  # the footnote on the line just above

    for index, (start, end, text) in enumerate(lines):
        if not text.strip():
            previous = None
            continue
        match, number, style = _definition(text)
        is_new = (
            match is not None
            and (style != "bare" or number in pending)
            and not (style == "superscript" and number in defined and previous is not None)
        )
        if is_new:
            definition = FootnoteDefinition(number, style, index, index, start=start + _lstrip_len(text), end=end)
            assert match is not None  # a definition line matched its style's pattern
            definition.text_spans.append((start + match.end(), end))
            by_line[index] = definition
            pending.discard(number)
            defined.add(number)
            previous = definition
            continue
        if previous is not None and (
            (match is not None and style == "superscript") or not _joined_text(lines, previous).rstrip().endswith(_TERMINAL)
        ):
            previous.last_line = index
            previous.end = end
            previous.text_spans.append((start, end))
            by_line[index] = previous
            continue
        previous = None
        for marker in find_markers(text):
            if marker.number not in defined:
                pending.add(marker.number)
    return by_line


def _definition(text: str) -> tuple[re.Match | None, int, str]:
    if m := _DEF_SUPERSCRIPT.match(text):
        return m, superscript_to_int(m.group(1)), "superscript"
    if m := _DEF_SUP_TAG.match(text):
        return m, int(m.group(1)), "sup-tag"
    if m := _DEF_BRACKET.match(text):
        return m, int(m.group(1) or m.group(2)), "bracket"
    if m := _DEF_BARE.match(text):
        return m, int(m.group(1)), "bare"
    return None, 0, ""


def _lstrip_len(text: str) -> int:
    return len(text) - len(text.lstrip())


def _joined_text(lines: list[tuple[int, int, str]], definition: FootnoteDefinition) -> str:
    return lines[definition.last_line][2]
