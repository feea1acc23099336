"""The document model: Report ▸ Part ▸ Section ▸ Paragraph ▸ Sentence.

Every piece of text carries ``start``/``end`` character offsets into the report's
``original`` text (the file as decoded, before any normalisation), so that any fact can
cite and quote its source exactly as published. Sentences also keep the offset of each
of their characters (``offsets``), because normalisation deletes characters (line
breaks, markdown, footnote markers, spaces) and a sentence may be interrupted by a page
footer in the original.

Ids are stable: they derive from the SHA-256 of the file's bytes and the original
offsets, so the same file gives the same ids on every run, whatever else is loaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Period:
    """A closed date interval, e.g. the year a review covers."""

    start: date
    end: date

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def as_dict(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


@dataclass
class Footnote:
    """A footnote, removed from the running text and attached to the citing sentence."""

    number: int
    text: str
    start: int
    end: int
    marker_style: str  # superscript | bare | sup-tag | bracket


@dataclass
class Sentence:
    id: str
    text: str  # normalised, as displayed and quoted in exports
    match_text: str  # ``text`` with variant characters folded (蕰→蕴), for matching only
    start: int
    end: int
    offsets: tuple[int, ...] = field(repr=False, compare=False)
    index: int = 0  # position in the report, 0-based
    footnotes: list[Footnote] = field(default_factory=list)
    # Where in ``text`` each cited footnote's marker stood (footnote number → offset).
    footnote_anchors: dict[int, int] = field(default_factory=dict)

    @property
    def text_with_footnotes(self) -> str:
        """The sentence followed by the footnotes it cites: what extraction should read."""
        if not self.footnotes:
            return self.text
        notes = "".join(f"[{f.number}]{f.text}" for f in self.footnotes)
        return f"{self.text}{notes}"


@dataclass
class Paragraph:
    id: str
    start: int
    end: int
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Section:
    """A ``（一）…`` heading (level 1) or a lead phrase such as ``**重点项目落地开花。**``
    (level 2, nested in the level-1 section it appears in). ``title`` is None for the
    untitled run of text before a part's first heading."""

    id: str
    title: str | None
    level: int
    start: int
    end: int
    parent_id: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)

    def sentences(self) -> Iterator[Sentence]:
        for paragraph in self.paragraphs:
            yield from paragraph.sentences


@dataclass
class Part:
    """A top-level part: ``review`` or ``plan`` (with the period it covers), ``front``
    (title, salutation, opening) or ``closing``; ``other`` for a numbered part that is
    neither review nor plan."""

    id: str
    kind: str
    heading: str | None
    period: Period | None
    start: int
    end: int
    sections: list[Section] = field(default_factory=list)

    def sentences(self) -> Iterator[Sentence]:
        for section in self.sections:
            yield from section.sentences()


@dataclass
class Report:
    id: str
    source: str
    sha256: str
    format: str  # txt | md | docx | html | pdf
    encoding: str | None
    original: str = field(repr=False)
    title: str | None = None
    province: str | None = None
    city: str | None = None  # the prefecture, or the municipality (上海市)
    district: str | None = None  # the county-level unit: 县, 区, 县级市, 旗
    town: str | None = None
    place_code: str | None = None  # the statistical division code of the most specific unit resolved
    date: date | None = None  # the day it was given to the congress or council
    # dt.date: the field "date" above shadows the type's name within the class
    published: dt.date | None = None  # the date a publishing site gives, kept apart
    session: str | None = None
    speaker: str | None = None
    speaker_role: str | None = None
    parts: list[Part] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    # The period a report plans for when its plan part is not in the text (cut short).
    planned: Period | None = None
    # What a reader should know about how the text was read (cut short, no date…).
    warnings: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[Part]:
        return iter(self.parts)

    def sections(self) -> Iterator[Section]:
        for part in self.parts:
            yield from part.sections

    def sentences(self) -> Iterator[Sentence]:
        for part in self.parts:
            yield from part.sentences()

    def part(self, kind: str) -> Part | None:
        """The first part of a kind (``review``, ``plan``…), or None."""
        return next((p for p in self.parts if p.kind == kind), None)

    def quote(self, sentence: Sentence) -> str:
        """The sentence exactly as it stands in the original text."""
        return self.original[sentence.start : sentence.end]
