"""From the original text to Parts, Sections, Paragraphs and Sentences.

The rules, in the order they apply:

**Lines.** Each line of the original is one of: blank; a separator (``---``); a footnote
line (see :mod:`loaders.footnotes`); a part heading (``一、2022 年工作回顾``, Markdown
``#`` and ``**`` allowed around it); a section heading (``（一）…``, with or without body
text after its first full stop); a list item (``1.``, ``①``); the salutation
(``各位代表…``); or running text.

**Paragraphs.** Lines before the salutation form the title block, one paragraph each.
After it, a text line continues the current paragraph when that paragraph does not yet
end in terminal punctuation (``。！？；：``, a closing quote counts only after one of
them), however many blank lines or footnotes stand between: that repairs lines broken
mid-sentence and page breaks. Headings, list items and the salutation always start a new
paragraph and nothing is glued onto a heading.

**Sections.** A ``（一）`` heading opens a level-1 section. A lead phrase opens a level-2
section inside it: a bold phrase at the start of a sentence that ends a sentence
(``**重点项目落地开花。**`` or ``**安全稳定持续夯实**。``), or — where a part uses at
least three of them — a short first sentence of a paragraph (at most 18 characters, no
``：；、`` and at most one ``，``) such as ``经济指标稳步回升。``. A part without ``（一）``
headings whose paragraphs open alike (``一年来，我们…`` three times or more) takes
those first sentences as its level-1 headings. A ``各位代表…`` paragraph inside a part
starts an untitled section; after the last part it starts the closing.

**Sentences.** A paragraph is split after ``。！？`` (with any closing quotes or
brackets) and after ``；`` outside brackets and quotes, since a semicolon separates the
clauses of a list of tasks (``…达到8.83亿元；社会消费品零售总额…``). Commas never split.
Section titles are not sentences.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate, islice

from kg.ids import lexical_id
from loaders.footnotes import (
    SUPERSCRIPT_DIGITS,
    FootnoteDefinition,
    find_definitions,
    find_markers,
)
from loaders.headings import WORKS_CATEGORY, inline_breaks, part_heading
from loaders.metadata import read_metadata, tells_session_day
from loaders.model import Footnote, Paragraph, Part, Period, Report, Section, Sentence
from loaders.normalise import fold_variants, is_traditional, normalise, simplified
from loaders.periods import half_year_named, part_period, plan_era, title_year
from loaders.textmap import MappedText

_CN_NUM = "一二三四五六七八九十"
# How a flattened table's head opens (指标名称 单位 …, 序号 项目 单位 …), shared with the reader of
# its rows' figures (kg.extraction.indicators).
TABLE_HEAD_LEAD = r"(?:序号\s*)?(?:指标名称|指标|项目)\s*单位"
_SECTION_HEADING = re.compile(rf"^（[{_CN_NUM}]{{1,3}}）")
# A table flattened into lines, cells apart by spaces (指标名称 单位 完成值 同比增长%, then
# 地区生产总值 亿元 25.3 6.2): each row is a line of its own, never run into the next.
# (The unit cell is a unit, in words, letters or %: a PDF's running head between the halves of
# a sentence, 城南镇政府工作报告 — 3, is no row.)
_TABLE_LINE = re.compile(
    r"^\s*(?:\d{1,2}\s+)?[\u4e00-\u9fff（）()“”、]{2,24}\s+[\u4e00-\u9fffA-Za-z²³/%％·]{1,6}(?:\s+[-−]?\d[\d.,]*\s*[%％]?){1,6}\s*$"
    rf"|^\s*{TABLE_HEAD_LEAD}(?:\s+\S{{1,10}}){{1,6}}\s*$"
)
# A PDF's page furniture, copied into the text where the page ended: the page number alone
# (— 3 —, -3-, 第3页) or the running head with it (城南镇政府工作报告 — 3). It is no text.
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:[\u4e00-\u9fff]{0,30}(?:报告|总结|计划)\s*)?[—–－-]+\s*\d{1,3}\s*[—–－-]*\s*$|^\s*第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?\s*$"
)
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[、．.](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])")
_SALUTATION = re.compile(r"^各位代表")
_SEPARATOR = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s*")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
_BOLD = "**"
_BOLD_MARK = re.compile(re.escape(_BOLD))
_PLAIN_DIGITS = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

TERMINAL = "。！？；："
_CLOSERS = "”’」』）》)"
_SENTENCE_END = "。！？"
_OPENERS = {"（": "）", "“": "”", "‘": "’", "「": "」", "『": "』", "《": "》"}


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip()
    core = stripped.rstrip(_CLOSERS)
    if core != stripped:  # a closing quote ends a paragraph only after terminal punctuation
        return bool(core) and core[-1] in _SENTENCE_END
    return bool(core) and core[-1] in TERMINAL


@dataclass
class _Line:
    index: int
    start: int
    end: int
    raw: str
    kind: str = "text"
    probe: str = ""  # normalised text without markup, for classification


@dataclass
class _Clean:
    """A normalised, markup-free paragraph text with what the markup said."""

    text: MappedText
    bold: list[tuple[int, int]]
    markers: list[tuple[int, int]]  # (position in text, footnote number)


@dataclass
class _Draft:
    kind: str  # header | part | section | salutation | text
    clean: _Clean
    title_end: int = 0  # for section drafts: the heading is text[:title_end]
    leads: list[tuple[int, int]] = field(default_factory=list)


def split_lines(original: str) -> list[tuple[int, int, str]]:
    """The text's lines as (start, end, text); a line that runs a heading or the
    salutation into the text around it (web copies lose line breaks) is broken there."""
    lines = []
    position = 0
    for raw in original.split("\n"):
        cuts = [0, *inline_breaks(raw), len(raw)]
        for a, b in zip(cuts, cuts[1:]):
            lines.append((position + a, position + b, raw[a:b]))
        position += len(raw) + 1
    return lines


def _line_text(original: str, line: _Line) -> MappedText:
    """A line as mapped text, without Markdown heading marks."""
    text = MappedText.from_original(original, line.start, line.end)
    if m := _MD_HEADING.match(text.text):
        text = text[m.end() :]
    return text.strip()


def clean_markup(text: MappedText, footnote_numbers: set[int]) -> _Clean:
    """Remove ``**``, HTML tags and footnote markers, remembering bold spans and where
    each footnote was cited."""
    s = text.text
    deletions: list[tuple[int, int]] = []
    bold_tokens: list[int] = []
    marker_at: list[tuple[int, int]] = []  # (index in s, number)
    for m in _BOLD_MARK.finditer(s):
        deletions.append((m.start(), m.end()))
        bold_tokens.append(m.start())
    for marker in find_markers(s):
        if marker.number in footnote_numbers:
            deletions.append((marker.start, marker.end))
            marker_at.append((marker.start, marker.number))
        elif marker.style == "sup-tag":
            deletions.append((marker.start, marker.end))
    for m in _HTML_TAG.finditer(s):
        if not any(a <= m.start() < b for a, b in deletions):
            deletions.append((m.start(), m.end()))
    deletions.sort()
    kept = [True] * len(s)
    for a, b in deletions:
        for i in range(a, b):
            kept[i] = False
    new_index = list(accumulate(kept, initial=0))  # position in the cleaned text of each original index
    cleaned = text.delete_spans(deletions)
    bold = []
    for open_at, close_at in zip(bold_tokens[0::2], bold_tokens[1::2]):
        a, b = new_index[open_at], new_index[close_at]
        if b > a:
            bold.append((a, b))
    markers = [(new_index[i], n) for i, n in marker_at]
    return _Clean(cleaned, bold, markers)


def _classify(line: _Line, original: str) -> None:
    if not line.raw.strip():
        line.kind = "blank"
        return
    if _SEPARATOR.match(line.raw):
        line.kind = "separator"
        return
    probe = clean_markup(normalise(_line_text(original, line)), set()).text.text
    line.probe = probe
    if not probe.strip():  # nothing but markup ("#", "**"): a blank line
        line.kind = "blank"
        return
    if _PAGE_FURNITURE.match(probe):
        line.kind = "blank"
        return
    if _TABLE_LINE.match(line.raw):
        line.kind = "row"
        return
    if part_heading(probe) is not None:
        line.kind = "part"
        return
    if _SECTION_HEADING.match(probe):
        line.kind = "section"
    elif _LIST_ITEM.match(probe):
        line.kind = "item"
    elif _SALUTATION.match(probe):
        line.kind = "salutation"


# A table of contents that document sites print before the text (目录/提纲：…… then the
# headings, then ……): its headings are no parts of the report (read as parts, the report
# would seem to run its review after its plan). It ends at the salutation, at a line of
# dots, or at a heading seen before in it (the text's own first heading).
_CONTENTS = re.compile(r"^\s*(?:目录|提纲|目录/提纲|目录／提纲)\s*[:：]?\s*(?:…+|\.+)?\s*$")
_DOTS = re.compile(r"^\s*(?:…+|\.{3,})\s*$")


def _mark_contents(lines: list[_Line]) -> None:
    """Mark the lines of a table of contents (see _CONTENTS) as ``contents``.

    >>> ls = [_Line(i, 0, 0, r) for i, r in enumerate(["目录/提纲：……", "一、上半年以来工作回顾", "二、今后五年的工作思路", "……", "", "各位代表："])]
    >>> for l in ls: l.probe = l.raw; l.kind = "part" if l.raw[:2] in ("一、", "二、") else ("blank" if not l.raw else "text")
    >>> _mark_contents(ls); [l.kind for l in ls]
    ['contents', 'contents', 'contents', 'contents', 'blank', 'text']
    """
    for i, line in enumerate(lines):
        if line.kind in {"blank", "footnote"} or not _CONTENTS.match(line.probe or line.raw):
            continue
        line.kind = "contents"
        seen = set()
        for later in lines[i + 1 :]:
            text = (later.probe or later.raw).strip()
            if later.kind == "salutation" or text in seen:
                break
            if later.kind == "blank":
                continue
            later.kind = "contents"
            seen.add(text)
            if _DOTS.match(text):
                break
        return


def _mark_items(lines: list[_Line]) -> None:
    """Mark as list items the ``（一）`` lines that are whole sentences with nothing under them.

    A heading of the genre titles the paragraphs under it (（一）坚持项目为王，经济持续向好。
    then its account); a plan or a list of the year's works published on its own numbers its
    items the same way, each a whole sentence with no body (（一）新建镇中心小学教学楼一栋。
    （二）改造农村公路15公里。). Read as headings those items would hold no sentence, and
    nothing a town promised in them could be read.

    >>> ls = [_Line(i, 0, 0, r) for i, r in enumerate(["（一）新建教学楼一栋。", "（二）改造公路15公里。", "（三）坚持稳中求进。", "全年完成投资3亿元。"])]
    >>> for l in ls: l.probe = l.raw; l.kind = "section" if l.raw[0] == "（" else "text"
    >>> _mark_items(ls); [l.kind for l in ls]
    ['item', 'item', 'section', 'text']
    """
    meaningful = [line for line in lines if line.kind not in {"blank", "separator", "footnote", "contents"}]
    for line, after in zip(meaningful, [*meaningful[1:], None]):
        probe = (line.probe or line.raw).strip()
        if (
            line.kind == "section"
            and ends_sentence(probe)
            and _title_end(probe) >= len(probe.rstrip(_CLOSERS)) - 1
            and (after is None or after.kind in {"section", "part"})
        ):
            line.kind = "item"


def _blocks(lines: list[_Line]) -> list[tuple[str, list[_Line]]]:
    """Group lines into paragraph blocks (see the module docstring)."""
    blocks: list[tuple[str, list[_Line]]] = []
    open_block: list[_Line] | None = None
    in_header = True
    for line in lines:
        if line.kind in {"blank", "separator", "footnote", "contents"}:
            continue
        if line.kind in {"salutation", "part"}:
            in_header = False
        if in_header and line.kind in ("text", "row"):
            blocks.append(("header", [line]))
            open_block = None
            continue
        if line.kind == "row":
            blocks.append(("text", [line]))
            open_block = None
        elif line.kind == "part":
            blocks.append(("part", [line]))
            open_block = None
        elif line.kind == "section":
            block = [line]
            blocks.append(("section", block))
            title_end = _title_end(line.probe)
            # A heading with body text after it is open for continuation like a paragraph.
            open_block = block if title_end < len(line.probe) and not ends_sentence(line.probe) else None
        elif line.kind in {"item", "salutation"}:
            block = [line]
            blocks.append((line.kind if line.kind == "salutation" else "text", block))
            open_block = block if not ends_sentence(line.probe) else None
        else:
            if open_block is not None:
                open_block.append(line)
                if ends_sentence(line.probe):
                    open_block = None
                continue
            block = [line]
            blocks.append(("text", block))
            open_block = block if not ends_sentence(line.probe) else None
    return blocks


_TITLE_SENTENCE_END = re.compile(r"[。！？]")


def _title_end(text: str) -> int:
    """Where a section heading ends: after its first full stop, or the whole line."""
    m = _TITLE_SENTENCE_END.search(text)
    return m.end() if m else len(text)


def _leads(clean: _Clean) -> list[tuple[int, int]]:
    """Bold lead phrases that open a level-2 section: (start, end) in the clean text."""
    text = clean.text.text
    leads = []
    for a, b in clean.bold:
        content = text[a:b].strip()
        at_sentence_start = a == 0 or text[a - 1] in "。！？；"
        if not at_sentence_start or not content or len(content) > 30 or "：" in content:
            continue
        if content[-1] in _SENTENCE_END:
            leads.append((a, b))
        elif b < len(text) and text[b] in _SENTENCE_END:
            leads.append((a, b + 1))
        elif content[-1] == "，" and len(content) <= 16:
            leads.append((a, b))
    return leads


def _plain_lead(text: str) -> int:
    """The end of a short first sentence that reads as a lead phrase, or 0."""
    m = _TITLE_SENTENCE_END.search(text)
    if not m or m.end() >= len(text):
        return 0
    first = text[: m.end() - 1]
    if len(first) > 18 or any(c in first for c in "：；、") or first.count("，") > 1 or first.startswith("各位代表"):
        return 0
    return m.end()


def _split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence ranges in ``text`` (see the module docstring)."""
    ranges = []
    start = 0
    depth: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _OPENERS:
            depth.append(_OPENERS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif ch in _SENTENCE_END or (ch == "；" and not depth):
            j = i + 1
            while j < n and text[j] in _CLOSERS:
                if depth and text[j] == depth[-1]:
                    depth.pop()
                j += 1
            ranges.append((start, j))
            start = j
            i = j
            if ch in _SENTENCE_END:
                depth.clear()  # an unclosed quote must not swallow the rest of the paragraph
            continue
        i += 1
    if start < n and text[start:].strip():
        ranges.append((start, n))
    return ranges


class _Builder:
    """Assembles the parts of one report from its paragraph drafts."""

    def __init__(self, report: Report, footnotes: dict[int, Footnote]):
        self.report = report
        self.footnotes = footnotes
        self.rid = report.id
        self.sentence_index = 0

    def _id(self, kind: str, start: int) -> str:
        return lexical_id(self.rid, kind, start)

    def new_part(self, kind: str, heading: str | None, period: Period | None, start: int) -> Part:
        part = Part(self._id("p", start), kind, heading, period, start, start)
        self.report.parts.append(part)
        return part

    def new_section(self, part: Part, title: str | None, level: int, start: int, parent: Section | None) -> Section:
        section = Section(self._id("sec", start), title, level, start, start, parent.id if parent else None)
        part.sections.append(section)
        return section

    def add_paragraph(self, section: Section, text: MappedText, markers: list[tuple[int, int]], base: int) -> None:
        """Add ``text`` (a slice of a clean paragraph starting at ``base``) with the
        footnote markers of the whole paragraph."""
        stripped = text.strip()
        if not stripped.text:
            return
        lead_trim = len(text.text) - len(text.text.lstrip())
        base += lead_trim
        start, end = stripped.span()
        paragraph = Paragraph(self._id("para", start), start, end)
        for a, b in _split_sentences(stripped.text):
            piece = stripped[a:b]
            piece_stripped = piece.strip()
            if not piece_stripped.text:
                continue
            s_start, s_end = piece_stripped.span()
            sentence = Sentence(
                id=self._id("s", s_start),
                text=piece_stripped.text,
                match_text=fold_variants(piece_stripped.text),
                start=s_start,
                end=s_end,
                offsets=piece_stripped.offsets,
                index=self.sentence_index,
            )
            self.sentence_index += 1
            lead = len(piece.text) - len(piece.text.lstrip())
            for position, number in markers:
                local = position - base
                if a < local <= b or (a == 0 and local == 0):
                    if number in self.footnotes and self.footnotes[number] not in sentence.footnotes:
                        sentence.footnotes.append(self.footnotes[number])
                        anchor = min(max(local - a - lead, 0), len(sentence.text))
                        sentence.footnote_anchors.setdefault(number, anchor)
            paragraph.sentences.append(sentence)
        if paragraph.sentences:
            section.paragraphs.append(paragraph)
            section.end = max(section.end, end)


def build_report(report: Report) -> Report:
    """Fill ``report`` (its ``original`` set) with metadata and parts."""
    original = report.original
    if is_traditional(original):
        # Read in simplified characters, one for one: offsets still point into the original.
        original = simplified(original)
        report.warnings.append("written in traditional characters: read in simplified ones")
    raw_lines = split_lines(original)
    definitions = find_definitions(raw_lines)
    lines = [_Line(i, s, e, raw) for i, (s, e, raw) in enumerate(raw_lines)]
    for line in lines:
        if line.index in definitions:
            line.kind = "footnote"
        else:
            _classify(line, original)
    _mark_contents(lines)
    _mark_items(lines)
    # The first line is the title (下半年工作打算 may name a whole half-year report).
    first = next((line for line in lines if line.kind != "blank"), None)
    # …but a numbered heading (一、“十一五”期间工作回顾) is never a title: an excerpt that
    # starts with the review's heading starts with a part.
    if first is not None and first.kind == "part" and not _TOP_NUMBER.match(original[first.start : first.end]):
        first.kind = "text"

    footnotes = _footnotes(original, definitions, report)
    numbers = set(footnotes)
    drafts = [_draft(kind, block, original, numbers) for kind, block in _blocks(lines)]
    drafts = [d for d in drafts if d.clean.text.text.strip()]

    header = [d.clean.text.text for d in drafts if d.kind == "header"]
    first_part = next((i for i, d in enumerate(drafts) if d.kind == "part"), len(drafts))
    opening = "".join(d.clean.text.text for d in drafts[:first_part] if d.kind != "header")
    body = "".join(d.clean.text.text for d in drafts)
    meta = read_metadata(header, opening, body)
    for name in (
        "title",
        "province",
        "city",
        "district",
        "town",
        "place_code",
        "date",
        "published",
        "session",
        "speaker",
        "speaker_role",
    ):
        setattr(report, name, getattr(meta, name))
    report_month = meta.month

    _assemble(report, drafts, footnotes, report_month)
    # The rules above read the first line when no line names the report (a news account's
    # first sentence tells what the page is); the report's title is a line, not a paragraph.
    report.title = shown_title(report.title)
    return report


# A page's table flattened into one line (索引号|…|[发布日期]|…|…关于印发2024年政府工作报告的通知):
# its last field naming a document is the title.
_DOCUMENT_NAME = re.compile(r"工作报告|工作总结|工作计划|工作安排|工作要点|工作打算")


_SENTENCE_END_MARK = re.compile(r"[。！？!?]")


def shown_title(title: str | None) -> str | None:
    """The title as a reader would give it: None when the text has no title line and the
    first line read for one is a paragraph (a sentence end inside it, or longer than any
    title: 3月28日上午，九华乡召开第十五届人民代表大会第七次会议，…。).

    >>> shown_title("3月28日上午，九华乡召开第十五届人民代表大会第七次会议，大会应到代表52名。") is None
    True
    >>> shown_title("[索引号]|11500113/2024-00007|[发布日期]|2024-02-22|木洞镇人民政府关于印发2024年政府工作报告的通知")
    '木洞镇人民政府关于印发2024年政府工作报告的通知'
    >>> shown_title("白鹤镇2023年政府工作报告")
    '白鹤镇2023年政府工作报告'
    """
    if not title:
        return title
    if "|" in title:
        # …a field that is a line, not a breadcrumb (首页>政务公开>工作报告) or a paragraph.
        named = [
            field.strip()
            for field in title.split("|")
            if _DOCUMENT_NAME.search(field) and ">" not in field and shown_title(field.strip())
        ]
        return named[-1] if named else None
    if _SENTENCE_END_MARK.search(title) or len(title) > 60:
        return None
    return title


def _footnotes(original: str, definitions: dict[int, FootnoteDefinition], report: Report) -> dict[int, Footnote]:
    footnotes: dict[int, Footnote] = {}
    seen = set()
    for definition in definitions.values():
        if id(definition) in seen:
            continue
        seen.add(id(definition))
        pieces = [MappedText.from_original(original, a, b).strip() for a, b in definition.text_spans]
        text = normalise(MappedText.join(pieces)).text
        text = clean_markup(MappedText(text, tuple(range(len(text)))), set()).text.text
        # Inside a footnote a superscript digit is a mis-rendered digit ("⁷ 8 为…；² 为…").
        text = text.translate(_PLAIN_DIGITS)
        note = Footnote(definition.number, text, definition.start, definition.end, definition.style)
        footnotes.setdefault(definition.number, note)
        report.footnotes.append(note)
    return footnotes


def _draft(kind: str, block: list[_Line], original: str, numbers: set[int]) -> _Draft:
    text = MappedText.join(_line_text(original, line) for line in block)
    clean = clean_markup(normalise(text), numbers)
    draft = _Draft(kind, clean)
    if kind == "section":
        draft.title_end = _title_end(clean.text.text)
    elif kind == "text":
        draft.leads = _leads(clean)
    return draft


# The words of a template site presenting its model texts (公务员之家整理的十篇范文, 小编…为您带来了
# …工作计划8篇), and the line opening its first piece (篇1, or a heading ending so).
_COMPILATION_WORDS = re.compile(r"范文|[\d一二三四五六七八九十]+篇[，,。]|为您带来了?")
_FIRST_PIECE = re.compile(r"篇\s*[1一]\s*$")
_PIECE_MARK = re.compile(r"篇\s*[\d一二三四五六七八九十]+\s*$")


def _is_compilation(drafts: list[_Draft]) -> bool:
    """A template site's page of model texts: its words for them, and its first piece's mark."""
    head = drafts[:8]
    return any(_COMPILATION_WORDS.search(d.clean.text.text) for d in head) and any(
        _FIRST_PIECE.search(d.clean.text.text) for d in head
    )


_WORKS_END = re.compile(r"(?:工程|项目)$")
_FIVE_YEAR_PLAN = re.compile(r"十[一二三四五]五")
_PLAN_TITLE_WORDS = re.compile(r"工作报告|计划|规划|安排|打算|谋划|思路|要点|设想")
_HALF_ANY = re.compile("半年")
_ADDRESS = re.compile(r"^\s*各位代表\s*[：:]")


def _assemble(report: Report, drafts: list[_Draft], footnotes: dict[int, Footnote], month=None) -> None:
    builder = _Builder(report, footnotes)
    # A template site's compilation of model texts (…十篇范文, 为您带来了…8篇, then 篇1): its
    # heading's year and its page date are the compilation's; its pieces are old reports with
    # their years often blanked (20xx亩, 年全镇…): only what a piece says dates it.
    compilation = _is_compilation(drafts)
    dating_title = None if compilation else report.title
    if compilation:
        # …and the mark of a piece (政府2024年工作计划篇1) heads no part of it.
        drafts = [_Draft("text", d.clean) if d.kind == "part" and _PIECE_MARK.search(d.clean.text.text) else d for d in drafts]
    # Split the drafts into the front matter and one run per part heading.
    runs: list[tuple[_Draft | None, list[_Draft]]] = [(None, [])]
    for draft in drafts:
        if draft.kind == "part":
            runs.append((draft, []))
        else:
            runs[-1][1].append(draft)

    closing: list[_Draft] = []
    last_body = runs[-1][1]
    if len(runs) > 1:
        salutations = [i for i, d in enumerate(last_body) if d.kind == "salutation"]
        if salutations and len(last_body) - salutations[-1] <= 3:
            closing = last_body[salutations[-1] :]
            del last_body[salutations[-1] :]

    # The periods are told from the meeting's date, else the month the title block gives,
    # else the publishing date (a report is published after it is given).
    # A publishing date can be years later: it counts only when the title names no year.
    reference = report.date or month or (None if compilation or title_year(report.title) else report.published)
    kinds = [part_heading(h.clean.text.text) for h, _ in runs[1:] if h is not None]
    headless_kind = None
    statement = None
    # A list of the year's works under numbered headings (一、沪苏湖铁路盛泽站建设工程): the
    # town's key or practical projects, published as its plan.
    works_list = sum(1 for h, _ in runs[1:] if h is not None and _WORKS_END.search(h.clean.text.text.strip())) >= 2
    # …or numbered items of the body that each name a works, under a year (a town's list of
    # its year's works with no title line the loader knows: 白鹤镇2024年十件实事, 1.…改扩建工程).
    works_list = works_list or _numbered_works(report, drafts_of(runs))
    sibling = None
    # An account of a year's works (a sibling, or works got done): dated by the year it names.
    works_account = False
    if not any(k and k[1] in ("review", "plan", "unknown") for k in kinds) and (
        works_list or _is_work_report(report, runs[0][1]) or (sibling := _sibling_kind(report, drafts_of(runs))) is not None
    ):
        # No review or plan heading (a text cut short, or a report that runs on without
        # them, or numbers its themes 一、二、 instead): a work report opens with its
        # review, so what follows the opening is read as the review.
        front, rest = _split_opening(runs[0][1])
        themes = [d for heading, body in runs[1:] for d in ([heading] if heading else []) + body]
        body = rest + themes
        if not body and len(front) == 1 and "。" in front[0].clean.text.text and len(front[0].clean.text.text) >= 40:
            # A page stored as one paragraph (its lines run together): it is all body, not a
            # title block — a title is a line, not sentences.
            front, body = [], front
        elif not body and len(front) >= 2 and any(_OPENING_END.search(d.clean.text.text) for d in front[1:]):
            # A short text under its title (二季度工作小结 then 一是…，二是…。): no line told
            # where the title block ends, but sentences are no title — what follows the first
            # line is the body.
            front, body = front[:1], front[1:]
        if (
            body
            and not works_list
            and sibling is None
            and (plan_from := _plan_after_review(body, _period_year(part_period("review", None, reference, dating_title))))
            is not None
        ):
            # A review cut short that reaches its plan (…2024年，我镇将…): the review up to it.
            runs = [(None, front), (None, body[:plan_from]), (None, body[plan_from:])]
            headless_kind = "review+plan"
            # (…an account's plan part names its year: 第二部分，2024年的工作安排.)
            part_named = _ACCOUNT_PLAN_PART.match(body[plan_from].clean.text.text)
            statement = part_named.group() if part_named else _plan_statement(report, body[plan_from:])
            report.warnings.append(
                "no review or plan heading found: the text after the opening is read as the review, "
                "and from its plan statement on as the plan"
            )
        elif body:
            runs = [(None, front), (None, body)]
            # A town's plan published on its own (…2023年工作计划, 民生实事项目) is all plan.
            # …unless what its title or its sentences say is an account of the works done
            # (…推进情况, 已完成主体建设, 完成投资2000万元); a text no title or statement
            # decides is told by what most of its sentences do (将, 计划, 力争 against 已, 同比).
            told = _statement_kind(front[-1:] + body)
            # …a count of works got done (2020年，投资14亿元办成28件民生实事) opens an account of
            # them, though it names them as a plan's list would (28件民生实事).
            got_done = any(_WORKS_GOT_DONE.search(d.clean.text.text) for d in (front[-1:] + body)[:3])
            account = _is_account(report.title or "", body) or told == "review" or got_done
            works_account = sibling == "review" or got_done
            # An account of the works done (目前已全部完工) is a review, whatever plan words it
            # also has (确定了8个民生项目); a long "title" is a news page's first sentence, which
            # names the report it heard (听取了《镇人民政府工作报告》) without being an account.
            headline = report.title if report.title and len(report.title) <= 40 else ""
            headless_kind = (
                "plan"
                if (works_list and not account)
                or (
                    _is_plan_document(report, front[-1:] + body)
                    and not (_is_account(headline, body) or told == "review" or got_done)
                )
                or (told == "plan" and not _is_account(report.title or "", body) and _undecided(report, front + body))
                # …or it opens on the town's targets for the year (2016年，辛口镇计划完成地区生产
                # 总值50.5亿元，同比增长25%): a plan, though its growth rates read as an account's.
                or (
                    any(_TOWN_TARGETS.search(d.clean.text.text) for d in (front[-1:] + body)[:3])
                    and not (_is_account(headline, body) or got_done)
                )
                else "review"
            )
            if sibling is not None:
                headless_kind = sibling
                report.warnings.append(
                    "no title or opening formula of a work report: read as the town's "
                    + ("plan of its year (targets or works to finish)" if sibling == "plan" else "account of its year's works")
                )
            statement = None
            if headless_kind == "plan":
                opening = front[-1:] + body
                stated = _plan_statement(report, opening)
                targets = next((m.group() for d in opening[:3] if (m := _TOWN_TARGETS.search(d.clean.text.text))), None)
                # …or the year of the works it lists (票决…2026年度民生实事): the list is that
                # year's, where the statement names none (会议还宣布了票决…民生实事结果).
                listed = next((m.group() for d in opening[:8] if (m := _WORKS_YEAR.search(d.clean.text.text))), None)
                # …or the year its plan formula names (建议2025年经济社会发展主要预期目标为).
                formula = next((m.group() for d in opening[:3] if (m := _FORMULA_YEAR.search(d.clean.text.text))), None)
                statement = stated if stated and _YEAR.search(stated) else (targets or formula or listed or stated)
            if headless_kind == "plan" and sibling is None and (heard := _heard_report(body)) is not None:
                # A news account of the session that heard the government's report (镇长作《政府
                # 工作报告》，报告全面回顾了2024年…) and voted the year's works: the account of
                # the report is its review, the vote and what follows its plan.
                i, cut_at = heard
                text = body[i].clean.text.text
                head, tail = _cut_draft(body[i], cut_at) if text[cut_at:].strip() else (body[i], None)
                plan_body = ([tail] if tail is not None else []) + body[i + 1 :]
                if plan_body:
                    runs = [(None, front), (None, body[:i] + [head]), (None, plan_body)]
                    headless_kind = "review+plan"
            report.warnings.append(
                "no review or plan heading found: the text after the opening is read as the "
                + ("review, and from the vote on as the plan" if headless_kind == "review+plan" else headless_kind)
            )
    # A report to the congress with a plan heading but no review heading numbers the year's
    # review by its themes (一、凝心聚力谋发展，经济实力稳步提升) or gives it in the opening's
    # paragraph (过去一年，全镇实现地区生产总值…): what lies between the opening formula and the
    # plan is the review.
    plan_at = next(
        (i for i, (h, _) in enumerate(runs) if h is not None and (k := part_heading(h.clean.text.text)) and k[1] == "plan"), None
    )
    if (
        headless_kind is None
        and plan_at is not None
        and not any(k and k[1] in ("review", "unknown") for k in kinds)
        # …and so does a summary (…上半年工作总结 with 三、下半年工作打算 after its themes):
        # its title says it gives account.
        and (_reports_to_congress(report, runs[0][1]) or _is_summary(report))
        and not _is_plan_document(report, runs[0][1])
    ):
        front, rest = _split_opening(runs[0][1])
        themes = [d for heading, body in runs[1:plan_at] for d in ([heading] if heading else []) + body]
        if [d for d in rest + themes if d.kind != "salutation"]:
            runs = [(None, front), (None, rest + themes)] + runs[plan_at:]
            report.warnings.append("no review heading found: the text between the opening and the plan is read as the review")
    seen: list[str] = []
    part: Part | None = None
    nested: Part | None = None  # the part whose themes are numbered again from 一
    for index, (heading_draft, body) in enumerate(runs):
        if heading_draft is None and ((headless_kind == "plan" and index > 0) or (headless_kind == "review+plan" and index == 2)):
            # The plan statement tells the period it plans (安排部署2015年重点工作, 下半年，我们将…).
            period = part_period("plan", statement, reference, dating_title, published_only=report.date is None and month is None)
            if (
                headless_kind == "review+plan"
                and part is not None
                and part.period is not None
                and (period is None or period.start <= part.period.end)
            ):
                # …a statement naming no period (杨木川镇将…) after the review of a calendar year
                # plans the year after it: the genre reviews a year to plan the next (a date
                # guessed from the text's own year would give the reviewed year again).
                reviewed = part.period
                if (reviewed.start.month, reviewed.start.day, reviewed.end.month, reviewed.end.day) == (1, 1, 12, 31):
                    year = reviewed.end.year + 1
                    period = Period(date(year, 1, 1), date(year, 12, 31))
            part = builder.new_part("plan", None, period, body[0].clean.text.span()[0])
            _fill_part(builder, part, body)
            continue
        if heading_draft is None:
            if not body:
                continue
            start = body[0].clean.text.span()[0]
            if index == 0:
                part = builder.new_part("front", None, None, start)
            else:
                period = (
                    # A news account's review is the year the report it heard is named for.
                    (_heard_year(body) if headless_kind == "review+plan" and index == 1 else None)
                    or (_named_year(body) if works_account and report.date is None else None)
                    or _opening_year(body, runs[0][1], report)
                    or _outline_year(body + runs[0][1])
                    or part_period("review", None, reference, dating_title, _review_opening(runs[0][1], body, report))
                    # …an undated account (a paper's item on the town's year: 过去的一年，… then
                    # 2024年大桥镇完成一般公共预算收入…): the year it names first.
                    or (_named_year(body) if reference is None else None)
                )
                part = builder.new_part("review", None, period, start)
        else:
            heading = heading_draft.clean.text.text
            found = part_heading(heading)
            kind = found[1] if found else "other"
            # Under an unnumbered part heading (2019年和今年以来工作回顾), the themes are
            # numbered 一、二、: they are the part's sections, not parts of their own.
            # …and so they are when their numbering starts again under a numbered part heading
            # (一、“十一五”回顾 then 一、农业产业结构不断优化, 二、…): a list inside the part.
            restarted = nested is part or (
                _TOP_NUMBER.match(heading)
                and heading.lstrip().startswith("一")
                and part is not None
                and part.heading
                and part.heading.lstrip().startswith("一")
            )
            if (
                kind == "other"
                and part is not None
                and part.kind in ("review", "plan")
                and _TOP_NUMBER.match(heading)
                and (restarted or not (part.heading and _TOP_NUMBER.match(part.heading)))
            ):
                nested = part
                _fill_part(builder, part, [_Draft("section", heading_draft.clean, title_end=len(heading))] + body)
                continue
            if kind == "unknown":  # 2023年主要工作: the plan when it follows a review, else the review
                kind = "plan" if "review" in seen else "review"
            account_under_plan = None
            if (
                kind == "plan"
                and not seen
                # (after the page's 来源/发布时间 line under the title, if any, which a copy may run
                # into the paragraph)
                and (so_far := next((m.group(1) for d in body[:2] if (m := _SO_FAR_OPENING.search(d.clean.text.text))), None))
                and _REVIEW_STATEMENT.search(so_far)
                and _YEAR_IN.search(heading)
                and (heading_plan := part_period("plan", heading, reference, dating_title)) is not None
                # (a year's plan: a half-year's plan opening on the year so far reviews its first half)
                and (heading_plan.start.month, heading_plan.end.month, heading_plan.end.year) == (1, 12, heading_plan.start.year)
            ):
                planned_year = heading_plan.start.year
                # A page titled as the year's plan (秦灶街道2021年工作计划; 2022年度…工作计划)
                # that opens with an account of the year so far (今年以来，街道…取得扎实成效): the
                # genre's summary-and-plan filed under the plan's name, written late in the year
                # before — its account reviews that year, and the plan's year is planned.
                kind = "review"
                account_under_plan = Period(date(planned_year - 1, 1, 1), date(planned_year - 1, 12, 31))
                report.planned = Period(date(planned_year, 1, 1), date(planned_year, 12, 31))
                report.warnings.append(
                    "a plan's heading over an account of the year so far: read as the review of the year before the plan's"
                )
            seen.append(kind)
            start = heading_draft.clean.text.span()[0]
            # A heading naming its years or its era (“十一五”回顾) is not dated by the first paragraph's year.
            period = (
                _opening_year(body, runs[0][1], report)
                if kind == "review" and not _YEAR_IN.search(heading) and not _FIVE_YEAR_PLAN.search(heading)
                else None
            ) or part_period(kind, heading, reference, dating_title, _review_opening(runs[0][1], body, report))
            period = account_under_plan or period
            if period is None and kind == "plan":
                # A town's five-year plan that names itself in its first paragraph
                # (溪口镇国民经济和社会发展“第十四个”五年规划，…): the era's five years.
                period = _plan_era_period([d for _, b in runs[:2] for d in b][:3])
            part = builder.new_part(kind, heading, period, start)
        if (
            part is not None
            and part.kind == "review"
            and index > 0
            # …only in a report with no plan heading of its own: there, a review paragraph on
            # the year ahead (2024年，我镇将继续…重点抓好以下几项工作：) is the review's.
            and not any(k and k[1] == "plan" for k in kinds)
            and (at := _plan_in_review(body, part.period)) is not None
        ):
            # A review that states its plan in a paragraph, not under a heading (下半年，我镇将
            # 重点抓好以下工作：): the plan runs from that paragraph on.
            _fill_part(builder, part, body[:at])
            statement = _plan_statement(report, body[at : at + 1])
            part = builder.new_part(
                "plan",
                None,
                part_period("plan", statement, reference, dating_title, published_only=report.date is None and month is None),
                body[at].clean.text.span()[0],
            )
            body = body[at:]
        _fill_part(builder, part, body)
    if closing:
        part = builder.new_part("closing", None, None, closing[0].clean.text.span()[0])
        _fill_part(builder, part, closing)
    for part in report.parts:
        ends = [s.end for s in part.sections if s.paragraphs]
        part.end = max(ends) if ends else part.start
    # A government work report, or a text whose title promises a plan (工作计划, 下半年工作
    # 安排), plans a period even when the text stops before its plan part.
    if (
        report.part("plan") is None
        and dating_title
        # A text that lost its title has its first paragraph for one (2020年是…“十三五”规划的
        # 收官之年，…。): a sentence names no document, unless it announces the report's
        # contents (现将2023年工作开展情况…及2024年工作计划报告如下).
        and ("。" not in dating_title or _ANNOUNCED_PLAN.search(dating_title))
        # 横渡镇人民政府2025年上半年工作报告: a government's work report, however worded;
        # …工作总结和2024年工作谋划 (思路, 要点, 设想): the plan words of part headings.
        and _PLAN_TITLE_WORDS.search(dating_title)
        and (title_year(dating_title) or _HALF_ANY.search(dating_title))
        and not _term_review_only(report)
        and not _reviews_its_titles_year(report)
    ):
        report.planned = part_period("plan", None, reference, dating_title)
        if report.planned is not None:
            report.warnings.append("the plan part is not in the text: its period is told from the title and date")
    # An account of the report (a news item on the session, a 政策解读 page) names the year its
    # plan is for (报告…明确了2024年政府工作总体要求和目标任务; 第二部分，2024年的工作安排),
    # though the text gives no plan part.
    if report.part("plan") is None and report.planned is None and (review := report.part("review")) is not None:
        text = " ".join(s.text for s in report.sentences())
        # …a year after the one reviewed: a summary recounting how its own year was launched
        # (年初…安排部署2023年重点工作，明确了2023年目标任务) names no plan.
        later = [
            int(m.group(1) or m.group(2))
            for m in _ACCOUNT_PLAN.finditer(text)
            if review.period is None or int(m.group(1) or m.group(2)) > review.period.end.year
        ]
        if later:
            year = later[0]
            report.planned = Period(date(year, 1, 1), date(year, 12, 31))
            report.warnings.append("the plan part is not in the text: its year is told by the account of the report")
        elif (
            review is not None
            and review.period is not None
            # …a news account: its first lines tell the session's day (4月12日，…第二十届人民代表
            # 大会第五次会议召开), and the report's own salutation (各位代表： on a line) is not in it.
            and tells_session_day(text[:400])
            and not _ADDRESS.search(report.original, re.MULTILINE)
            and "政府工作报告" in text
            and _WORK_AHEAD.search(text)
        ):
            # A news account of the session that heard the report and says it set out the work
            # ahead (对接下来的工作提出了努力方向; 票决…民生实事): the report plans the year after
            # the one it reviews — the next term's five years after a term's review.
            first = review.period.end.year + 1
            years = 5 if review.period.end.year - review.period.start.year >= 2 else 1
            report.planned = Period(date(first, 1, 1), date(first + years - 1, 12, 31))
            report.warnings.append("the plan part is not in the text: its period follows the review the account gives")
    if report.part("plan") is None and report.planned is None and (planned := _planned_by_kind(report, runs)) is not None:
        report.planned = planned
        said = "the plan part is not in the text: its period follows the review, as the kind of text plans"
        headless = next((i for i, w in enumerate(report.warnings) if w.startswith("no review or plan heading found")), None)
        if headless is not None:
            # …one warning for one text read without headings: what was assumed, together.
            report.warnings[headless] += f"; {said.replace('the plan part is not in the text', 'no plan part found')}"
        else:
            report.warnings.append(said)
    if (
        report.part("plan") is None
        and report.planned is None
        and report.part("review") is not None
        # …a headless text's warning already says all of it is read as the review.
        and not any(w.startswith("no review or plan heading found") for w in report.warnings)
    ):
        # A text cut short in its review (or a summary without a plan): no heading, title or
        # account names the period planned, so none is given — said, so that a reader does
        # not take the empty plan for a report that plans nothing.
        report.warnings.append(
            "no plan part in the text, and no heading, title or account names the period planned: no plan period is given"
        )


# The review's opening of a town government's report to its congress: 在县委、县政府和镇党委
# 的领导下，在镇人大的监督支持下，镇政府团结和带领全镇人民… — the congress (人大) that
# supervises the government, named with the government working under it.
_REVIEW_FORMULA = re.compile(r"在[^。]{0,12}人大(?:主席团)?[^。]{0,10}监督[^。]{0,40}?(?:政府|我们)")
_OPENING_FORMULA = re.compile(
    r"代表[^。]{0,30}?(?:人民政府|政府|办事处)[^。]{0,10}?(?:向大会|向各位代表)?[^。]{0,6}?(?:报告|汇报)"
)


# A town government's plan published as a document of its own: the title names it
# (2023年工作计划, 工作要点, 民生实事项目), or its opening states the year's 总体要求.
# The practical projects a town congress votes for the year (民心工程, 民生工程, 民生实事,
# 惠民实事, 为民办实事: 票决) are a plan too when the town or a news page announces them
# (中塘镇公布2024年10项民心工程); an account of how they went (…完成情况, 进展情况) is not.
_PLAN_TITLE = re.compile(
    r"工作计划|工作要点|工作安排|工作打算|重点工作|实事项目|主要任务|民心工程|民生工程|民生实事|惠民实事|为民办实事|实事工程"
    # …by its count of works (十件实事, 十大工程, 5项重点项目): the year's list promised.
    r"|[\d一二三四五六七八九十]+(?:件|项|大)(?:重点|民生|惠民|为民)?(?:实事|工程|项目)"
)
# A numbered item of a list that names a works (1.白鹤中心小学改扩建工程。…; （二）S305线道路提升):
# what a list of the year's works, planned or done, is made of.
_WORKS_ITEM = re.compile(
    r"^\s*(?:\d{1,2}\s*[.、．]|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．])"
    r"[^。；;]{0,30}?(?:工程|项目|改造|改扩建|新建|扩建|修建|建设|提升|整治|硬化|修缮|安装)"
)
# What a sentence does: promise (将, 计划, 拟, 力争, 确保, 争取, 年内, 月底前) or give an
# account (已, 同比, 累计, 完成投资, 较上年). A share of a target (完成年度计划的83%) is an account.
# 争取 funds or projects (争取资金6000余万元, 共争取水利建设项目10个) is what the town won from
# higher levels, the genre's account of a year, not a striving.
_WILL = re.compile(
    r"将(?!其)|(?<!年度)(?<!全年)计划(?!的|数|任务的)|拟|力争|确保|争取(?![^。，,；]{0,8}?(?:资金|项目|到位))|年内|年底前|月底前|月前|要(?:加快|确保|完成|推进)"
)
_DONE = re.compile(r"已(?:经)?|同比|累计|完成投资|完成了|实现了|较上年|比上年|(?:年度|全年)计划的|目标任务的")


_STATEMENT_END = re.compile(r"[。；;！!？?]")


def _statement_kind(body: list[_Draft]) -> str | None:
    """``plan`` or ``review`` when most of the body's sentences promise or give account by
    the margin of two at least, else None: a headless text's kind told by what it says."""
    will = done = 0
    for draft in body[:20]:
        for sentence in _STATEMENT_END.split(draft.clean.text.text):
            w, d = bool(_WILL.search(sentence)), bool(_DONE.search(sentence))
            will += w and not d
            done += d and not w
    if will >= done + 2:
        return "plan"
    if done >= will + 2:
        return "review"
    return None


_REPORT_WORDS = re.compile(r"工作报告|工作总结|工作小结|汇报|述职|回顾")


def _undecided(report: Report, drafts: list[_Draft]) -> bool:
    """Neither its title nor a review's own statement tells what a headless text is."""
    title = report.title or ""
    return not _REPORT_WORDS.search(title) and not any(_REVIEW_STATEMENT.search(d.clean.text.text[:300]) for d in drafts[:8])


# A news account's sentence on what the government's report heard at the session reviewed
# (报告全面回顾了2024年…; 对2023年度工作做了全面汇报; with the session as subject, 会议回顾总结了
# 双沟镇2019年工作, 会议全面回顾总结了2014年的政府工作): the report's review, in brief. A report
# heard by its title only (会议听取和审议了《镇人民政府工作报告》) tells nothing of it.
_HEARD = re.compile(r"(?:报告|会议)[^。]{0,8}?回顾(?:总结)?了|对[^。]{0,20}?工作(?:做|作)了?[^。]{0,6}?(?:汇报|报告)")


# …or an account heard by its name, which gives the year it accounts for (会议听取了2022年度街道的
# 经济社会发展…等情况的通报; 主任向大会作《2019年度经济社会发展情况报告》; 听取了《翠云街道
# 2024年1-9月经济社会发展情况报告》; 听取了…2022年工作情况通报): a council's session hears the
# office's account of the year before, then votes the works of its own year. An account by its
# name (情况, 通报: how the year went), not the year's 工作报告, which gives the year's tasks too
# and which the annotations split on (d80, d92 without a review). Not 作 inside a word (工作).
_HEARD_NAMED = re.compile(
    r"(?:听取|向大会(?:作|做)|(?<![工合操创写])(?:作|做)了?《)[^。；;]{0,16}?(\d{4})\s*年度?"
    r"(?:(?!\d{4}\s*年)[^。；;》]){0,40}?(?:经济社会发展|工作)(?:(?!\d{4}\s*年)[^。；;》]){0,30}?(?:情况|通报)"
)
_HALF_IN = re.compile(r"半年")


def _heard_year(body: list[_Draft]) -> Period | None:
    """The calendar year the report a news account heard gives account of, as its name says
    (《2019年度经济社会发展情况报告》); None for a half-year's report, which its own words date."""
    for draft in body:
        if (m := _HEARD_NAMED.search(draft.clean.text.text)) and not _HALF_IN.search(m.group()):
            year = int(m.group(1))
            return Period(date(year, 1, 1), date(year, 12, 31))
    # …or the year the account sums up (2020年，钦工镇以…为总抓手): the report's year reviewed,
    # whatever month the session met in.
    for draft in body:
        text = draft.clean.text.text
        for a, b in _split_sentences(text):
            if _summary_of_year(text[a:b]) and (m := _YEAR.search(text, a, b)):
                year = int(m.group(1))
                return Period(date(year, 1, 1), date(year, 12, 31))
    return None


# …or the account's own summary of the year the report reviewed, a sentence opening on that
# year with the town as its subject and no word of what is to come (2020年，该镇统筹疫情防控和经济
# 社会发展，财政收入完成1559万元; 2020年，钦工镇以贯彻落实"六稳""六保"为总抓手…; 2012年，两河镇
# 按照…的工作要求): a session's news item tells the year before in the town's past tense.
_YEAR_SUMMARY = re.compile(r"^\s*\d{4}\s*年[，,]\s*(?:该|全|我)?[\u4e00-\u9fff]{0,6}?(?:镇|乡|街道)(?!将)[^。]*$")
# Words of what is to come. 要 only as the modal (要加快…), not inside 主要, 重要, 需要, 只要, 必要
# or 要求 — a past-tense summary says 主要指标 and 重要进展; 将 not as 将近 (nearly).
_AHEAD_WORDS = re.compile(r"将(?!近)|力争|计划|确保(?!了)|预计|预期|(?<![主重需只必纲首])要(?![求素点])")


def _summary_of_year(sentence: str) -> bool:
    """A news account's sentence summing up the reviewed year (see _YEAR_SUMMARY).

    >>> _summary_of_year("2020年，该镇统筹疫情防控和经济社会发展，财政收入完成1559万元。")
    True
    >>> _summary_of_year("2021年，该镇将紧紧围绕“一山一水一园区”的建设主线。")
    False
    """
    return _YEAR_SUMMARY.match(sentence.rstrip("。！？")) is not None and not _AHEAD_WORDS.search(sentence)


def _heard_report(body: list[_Draft]) -> tuple[int, int] | None:
    """(paragraph, position) where a news account's sentences on the report it heard end:
    after the last of the consecutive sentences that tell of it."""
    for i, draft in enumerate(body):
        text = draft.clean.text.text
        end = None
        for a, b in _split_sentences(text):
            if _HEARD.search(text[a:b]) or _HEARD_NAMED.search(text[a:b]) or _summary_of_year(text[a:b]):
                end = b
            elif end is not None and text[end - 1] == "；" and not _AHEAD_WORDS.search(text[a:b]):
                # A semicolon splits sentences only to part a list's clauses: the clause after
                # it goes on with the same account (…财政收入完成1559万元；规模以上工业生产总值
                # 8.23亿元，完成固定资产投资4.3亿元。), unless it turns to what is to come.
                end = b
            elif end is not None:
                break
        if end is not None:
            return i, end
    return None


_YEAR_WORDS = re.compile(r"\d{4}\s*年|今年|明年")


def _numbered_works(report: Report, drafts: list[_Draft]) -> bool:
    """A list of at least three numbered works under a year (in the title or the first
    lines): the year's works of a town, a plan or an account of them."""
    items = sum(1 for d in drafts if _WORKS_ITEM.match(d.clean.text.text))
    head = (report.title or "") + "".join(d.clean.text.text[:60] for d in drafts[:2])
    return items >= 3 and _YEAR_WORDS.search(head) is not None


def drafts_of(runs: list[tuple[_Draft | None, list[_Draft]]]) -> list[_Draft]:
    """Every draft of the runs, headings and bodies, in order."""
    return [d for heading, body in runs for d in ([heading] if heading else []) + body]


# Works told done (均已完工, 全部完成, 已建成投用): an account's words, never a plan's.
_DONE_WORKS = r"(?:均|全部|已经?)[^。，；,]{0,4}?(?:完工|竣工|建成|完成|投用|交付|落地|兑现)"


# The genre's siblings: a town's own plan or account of its year, published with neither a work
# report's title nor its formulas (a news item from its party committee or a paper's item on
# its targets, its key projects or its works done). They carry the values and promises users
# want, so they load — told by the town's year's targets (今年，辛口镇计划完成地区生产总值…),
# its works each given a month to finish (预计2021年11月份完成), or its works told done (所有
# 项目已经竣工并投入使用; 2020年，投资14亿元办成28件民生实事). A page naming no town, or no
# year, or telling neither (a news item on an event, a notice) stays refused.
_TOWN_TARGETS = re.compile(
    # (not 预计完成: a review written before the year ended estimates its year so)
    r"(?:今年|明年|\d{4}\s*年)[，,]?[^。]{0,8}?(?:镇|乡|街道)[^。]{0,4}?(?:计划|力争|目标是)(?:完成|实现|达到)"
)
_WORKS_DUE = re.compile(r"预计[^。，,；]{0,12}?\d{1,2}\s*月份?(?:底前?)?(?:完成|完工|竣工|建成|投用|投产)")
_WORKS_YEAR = re.compile(rf"\d{{4}}\s*年度?(?:{WORKS_CATEGORY})")
_WORKS_GOT_DONE = re.compile(r"办成(?:了)?\s*[\d一二三四五六七八九十]+\s*(?:件|项)")
_WORKS_TOLD_DONE = re.compile(rf"{_DONE_WORKS}|{_WORKS_GOT_DONE.pattern}|投入使用")


def _named_year(body: list[_Draft]) -> Period | None:
    """The first year an account of a year's works names (该乡2014年共争取水利建设项目10个…
    目前，所有项目已经竣工; 2020年，投资14亿元办成28件民生实事): the year it gives account of,
    where no session dates it."""
    for draft in body[:4]:
        if m := _YEAR.search(draft.clean.text.text):
            year = int(m.group(1))
            return Period(date(year, 1, 1), date(year, 12, 31))
    return None


def _sibling_kind(report: Report, drafts: list[_Draft]) -> str | None:
    """``plan`` or ``review`` for a town's plan or account of its year (see _TOWN_TARGETS),
    else None."""
    text = "".join(d.clean.text.text for d in drafts[:30])
    if report.town is None or not _YEAR_WORDS.search(text):
        return None
    if _TOWN_TARGETS.search(text) or len(_WORKS_DUE.findall(text)) >= 2:
        return "plan"
    if _WORKS_TOLD_DONE.search(text):
        return "review"
    # Past those signs: a text of a named town and year whose sentences, most of them by a
    # margin of two, say what the town will do or has done (a numbered list of the year's
    # works, a decade's account, a news item on its economy) is the town's own account or plan
    # in another wrapper; users load reports as found, and a warning says how it was read.
    return _statement_kind(drafts[:20])


_PLAN_FORMULA = re.compile(r"\d{4}年[^。]{0,12}(?:工作的?)?总体要求是|主要预期目标(?:是|为)")
# …with the year it plans (2025年经济社会发展主要预期目标, 2024年工作的总体要求).
_FORMULA_YEAR = re.compile(r"\d{4}\s*年[^。\d]{0,16}?(?:(?:工作的?)?总体要求|主要预期目标)")
# How a town congress adopts the year's practical works: the deputies' vote (票决, the
# 民生实事项目人大代表票决制 of many provinces) or the session's adoption of the list (审议通过,
# 表决通过, 投票选出 2024年民生实事项目) — the same act in the wording of the session's account;
# the session's adoption names the list itself, close after it (审议通过了《…票决制的实施办法》
# adopts the rules of the vote, no works).
_ADOPTED = r"(?:审议|表决|投票)(?:并)?(?:通过|产生|选出|确定)(?:了)?[^。《]{0,30}?"
# …but a vote on the report of how last year's voted works went (审议通过了2023年民生实事项目
# 完成情况的报告) adopts an account, not a plan.
_NOT_ITS_ACCOUNT = r"(?![^。，,；]{0,12}(?:完成情况|进展情况|落实情况|推进情况|办理情况))"
# A plan stated without a title of its own (a town's plan as its paper or a news page gives
# it): its opening says what the town *will* do in the coming period (新的一年，我镇将…;
# 下半年，我们将…; 安排部署2015年重点工作; 确定五大重点工程). A review says what was done
# and never opens so.
_PLAN_STATEMENT = re.compile(
    # …the subject the town itself, by its name too (2025年，鹿乡镇将…).
    r"(?:新的一年|今年|明年|下半年|下一步|下阶段|\d{4}年)[，,]?[^。]{0,8}?"
    r"(?:我镇|我乡|我街道|我们|全镇|全乡|全街道?|镇党委|[\u4e00-\u9fff]{1,6}?(?:镇|乡|街道)(?:政府|党委)?)[^。]{0,4}?将"
    # …将 of the future, not 将 as 把 (2023年，城南镇将乡村振兴作为全镇工作的重中之重: took X as
    # the focus, a review's wording as often as a plan's).
    r"(?![^。，；]{0,24}?(?:作为|列为|摆在|放在|纳入|融入))"
    # A congress or council votes the works the town will do that year (会议票决了6项2025年度
    # 重点民生实事项目; 票决出…10项镇级民生实事项目; 审议通过了2024年民生实事项目): a news
    # account of the vote states the plan.
    rf"|票决[^。]{{0,80}}?(?:{WORKS_CATEGORY})|{_ADOPTED}(?:{WORKS_CATEGORY}){_NOT_ITS_ACCOUNT}"
    r"|(?:安排|部署)(?:部署)?\d{4}年(?:的)?(?:重点)?工作|(?:确定|明确)[^。，,]{0,8}(?:大|项)重点(?:工程|工作|任务)"
    # …the works it has settled on, by their count (最终确定9个项目, 确定了5件民生实事): what
    # it will build. Works settled on earlier (年初确定的10项…) or already done in the same
    # sentence (确定了8个民生项目，目前已全部完工) are an account of them.
    r"|(?:确定|选定|敲定)(?!的)了?[^。，,的]{0,4}?[\d一二三四五六七八九十]+(?:个|项|件)(?:重点|民生|公益)?(?:项目|工程|实事)"
    rf"(?![^。]*?{_DONE_WORKS})"
    # 该镇2025年度5项民生实事: the year's list of works promised, by its count.
    rf"|\d{{4}}年度?[^。，,]{{0,6}}?[\d一二三四五六七八九十]+项(?:{WORKS_CATEGORY})"
)


# The sentence that announces a report's contents, its plan among them: 现将2023年工作开展
# 情况、存在的问题及2024年工作计划报告如下.
_ANNOUNCED_PLAN = re.compile(r"现将[^。]{0,60}(?:计划|打算|安排|思路)[^。]{0,10}(?:报告|汇报)如下")


# Words of a title or headline that gives an account of work done: a summary, a report, or
# how the year's voted works went (…完成情况, 进展情况; 良江镇2024年重点民生实事项目完美“交卷”;
# 人大监督民生实事，提升群众幸福感): a review, though it names the works a plan promised.
_ACCOUNT_WORDS = r"总结|回顾|工作报告|完成情况|进展情况|落实情况|推进情况|完工|竣工|成效"
# 交卷 (handed in) and 监督 (the deputies watch over the works) head a vote's news as often as
# its account (城南镇票决2025年民生实事项目 人大代表全程监督): an account only when the text
# tells the works done (目前均已完工).
_ACCOUNT_IF_DONE = re.compile(r"交卷|监督")
_WORKS_DONE = re.compile(_DONE_WORKS)


_ACCOUNT_WORDS_RE = re.compile(_ACCOUNT_WORDS)


def _is_account(headline: str, body: list[_Draft]) -> bool:
    """A title or headline giving an account of work done (…工作总结, …完成情况, …完美“交卷”)."""
    return bool(
        _ACCOUNT_WORDS_RE.search(headline)
        or (_ACCOUNT_IF_DONE.search(headline) and any(_WORKS_DONE.search(d.clean.text.text) for d in body[:3]))
    )


def _is_plan_document(report: Report, body: list[_Draft]) -> bool:
    title = report.title or ""
    # (A "title" that is a sentence, the first line of a page without one, names no document:
    # 2023年，…集中力量办好民生实事。)
    if _PLAN_TITLE.search(title) and not _is_account(title, body) and not title.rstrip().endswith("。"):
        return True
    # 新的一年，我镇将…: a plan, whatever headline a news page gives it (a long "title" is the
    # news page's first sentence, which may itself announce the plan).
    headline = title if len(title) <= 40 else ""
    # …but a headline reporting how the voted works went (良江镇2024年重点民生实事项目完美“交卷”;
    # 人大监督民生实事，提升群众幸福感) heads an account of the year's works: a review.
    # …but 下一步，…将 (下阶段) is what an account ends on, not a plan's statement.
    stated = [m for t in [title] + [d.clean.text.text for d in body[:3]] for m in _PLAN_STATEMENT.finditer(t)]
    if any(not m.group().startswith(("下一步", "下阶段")) for m in stated) and not _is_account(headline, body):
        return True
    # …or its opening gives the year's 总体要求 or 主要预期目标, the plan part's own formulas —
    # when no title names the document, or the "title" is the first paragraph of a text that
    # starts inside its plan part (2025年是…收官之年，…做好全年工作责任重大。: d79, d149).
    return (not title or "。" in title) and any(_PLAN_FORMULA.search(d.clean.text.text) for d in body[:3])


_PLAN_WORDS = re.compile(r"计划|安排|打算|思路|目标")


def _term_review_only(report: Report) -> bool:
    """A report of a new term (换届) that stops in its review of the five years: its plan
    covers the next five years, the next year, or both, and nothing but the plan part says
    which — unless the title names the plan (…和2021年工作计划)."""
    review = report.part("review")
    return bool(
        review is not None
        and review.period is not None
        and review.period.end.year - review.period.start.year >= 3
        and not _PLAN_WORDS.search(report.title or "")
    )


# What an account of a report says its parts are: the year its plan sets out (明确了2024年政府
# 工作总体要求和目标任务, 提出了2025年的目标任务) or reviews (第一部分，2023年工作回顾).
_ACCOUNT_PLAN = re.compile(
    r"(?:明确|提出|部署|安排)(?:了)?(\d{4})\s*年(?:的|度)?(?:政府)?(?:工作)?的?(?:总体要求|目标任务|主要任务|重点工作|工作安排|工作任务)"
    r"|第[一二三]部分[，,：:\s]*(?:是)?(\d{4})\s*年(?:的|度)?工作(?:安排|计划|打算|任务)"
)
# Words of an account telling that the report set out the work ahead (今后五年 and 未来五年
# alike: 为双墩镇未来五年的发展做了宏伟规划, 未来五年，要坚持…).
_WORK_AHEAD = re.compile(
    # …or the tasks the session set (会议要求，全镇要…).
    # (完成了年度目标任务 is the review's account of the year, not the work ahead)
    rf"接下来的工作|下一步工作|(?:今后|未来)(?:五年|一个时期|的工作)|新的一年|努力方向|(?<!年度)(?<!全年)(?:目标|工作)任务|(?:会议|大会)要求[，,]"
    # …or the year's 总体要求 it set (今年，该镇工作的总体要求是…), the plan's own formula.
    rf"|(?:今年|明年)[，,]?[^。]{{0,12}}?总体要求"
    rf"|票决[^。]{{0,40}}(?:{WORKS_CATEGORY})|{_ADOPTED}(?:{WORKS_CATEGORY}){_NOT_ITS_ACCOUNT}"
    rf"|(?:{WORKS_CATEGORY})[^。]{{0,12}}票决"
)
# …the paragraph of such an account that opens on the plan part (第二部分，2024年的工作安排。).
_ACCOUNT_PLAN_PART = re.compile(r"^\s*第[二三]部分[，,：:\s]*(?:是)?\d{4}\s*年(?:的|度)?工作(?:安排|计划|打算|任务)")
_ACCOUNT_REVIEW = re.compile(r"第[一二]部分[，,：:\s]*(?:是)?(\d{4})\s*年(?:的|度)?工作回顾")


_PLAN_OR_ANY_HALF = re.compile(r"计划|规划|安排|打算|谋划|思路|要点|设想|半年")


def _reviews_its_titles_year(report: Report) -> bool:
    """A yearly report whose title names the year it reviews (清水河街道2021年工作报告 over
    2021, told by its date or its opening): the title names no plan, and the text stops
    before one — only a title naming the plan (…及2022年工作计划) or the congress's year
    (2022年政府工作报告 over 2021) promises the year after. Half-year reports (上半年工作报告)
    plan the second half of their own year, and are left to the title rule."""
    review = report.part("review")
    title = report.title or ""
    year = title_year(title)
    return bool(
        review is not None
        and review.period is not None
        and year is not None
        and review.period.start.year == review.period.end.year == year
        and not _PLAN_OR_ANY_HALF.search(title)
    )


# A review counting the year so far: written before the year ended.
# An opening on the year so far (今年以来，街道…).
_SO_FAR_OPENING = re.compile(r"^[^。]{0,80}?(今年以来[^\n]*)")
_SO_FAR_WORDS = re.compile(r"今年以来|\d{4}\s*年以来|截[至止]\s*\d{1,2}\s*月|1\s*[-—－至~]\s*\d{1,2}\s*月|前三季度")


def _planned_by_kind(report: Report, runs: list[tuple[_Draft | None, list[_Draft]]]) -> Period | None:
    """The period a text cut short before its plan plans, told by the kind of text (the
    rule of the corpus README, "Periods"), when no heading, title or account names it.

    - A half-year review (01-01..06-30: 上半年工作总结, a mid-year session's report, a news
      item on it) plans the second half: the genre writes it in July to steer the rest of
      the year, and ends it with 下半年工作打算 (安排, 思路).
    - A government's report to its congress or council (政府工作报告, 我代表…政府向大会报告
      工作, the review's 在…人大…监督下) reviewing a calendar year plans the year after: the
      congress hears the year's review and adopts the year's tasks, so every such report
      has both, as a title naming the year (2024年政府工作报告) says for the same text. Not
      when it was given within the year it reviews (a session before December, or undated
      with its review counting the year so far: 2024年嵩市镇政府工作报告 with 2024年以来):
      what it plans is not known.

    A term's (换届) report is left out (see _term_review_only), and so is a summary not
    given to a congress (2021年工作总结): it is filed as often without a plan as with one.
    """
    review = report.part("review")
    if review is None or review.period is None:
        return None
    start, end = review.period.start, review.period.end
    half = (start.month, start.day, end.month, end.day) == (1, 1, 6, 30) and start.year == end.year
    # …a half the text itself names (its title, the review's heading or first lines: 上半年工作
    # 总结, 今年上半年，…): a review read as January to June from a page's June date alone is
    # no half-year text.
    named = [report.title or "", review.heading or "", " ".join(s.text for s in islice(review.sentences(), 3))]
    if half and any(_HALF_ANY.search(t) for t in named):
        return Period(date(end.year, 7, 1), date(end.year, 12, 31))
    if (start.month, start.day, end.month, end.day) != (1, 1, 12, 31) or start.year != end.year:
        return None
    # (The opening formula follows the title block, however many lines of page furniture.)
    drafts = drafts_of(runs)
    if not (_reports_to_congress(report, drafts) or _reports_to_congress(report, [d for d in drafts if d.kind != "header"])):
        return None
    given = report.date
    if given is not None and given.year == end.year and given.month < 12:
        return None
    # …undated, its title naming the year it reviews: titled by that year after it ended
    # (茶亭镇2020年政府工作报告 over 2020, given in January), unless its review counts the
    # year so far (一、2024年以来工作回顾, 今年以来, 1—8月): written before the year ended.
    so_far = [review.heading or "", " ".join(s.text for s in islice(review.sentences(), 3))]
    if given is None and title_year(report.title) == end.year and any(_SO_FAR_WORDS.search(t) for t in so_far):
        return None
    return Period(date(end.year + 1, 1, 1), date(end.year + 1, 12, 31))


def _period_year(period: Period | None) -> int | None:
    return period.start.year if period is not None else None


_YEAR = re.compile(r"(\d{4})年")


# A paragraph that opens on the town itself and what it will do, with no time word (杨木川镇将以…
# 为契机，全力打好…之年各项工作目标; 该镇将…): after a review's paragraphs, a news item's or a
# signed statement's turn to the year ahead — a review tells what the town did, never opens a
# paragraph on 将. (将 as 把, 将…作为…, takes a thing as its object: no turn; 将近 is 'nearly':
# 全镇将近八成农户… is an account.)
_TOWN_WILL = re.compile(
    r"^\s*(?:该|我|全)?[\u4e00-\u9fff]{0,6}?(?:镇|乡|街道)(?:党委|政府|人民政府)?将(?!近)"
    r"(?![^。，；]{0,24}?(?:作为|列为|摆在|放在|纳入|融入))"
)


def _plan_after_review(body: list[_Draft], review_year: int | None = None) -> int | None:
    """Where a review cut short reaches its plan: the body opens with the review's own
    statement (一年来，…取得新成效) and a later paragraph opens with the plan's
    (2024年，我镇将…; 新的一年，我们将…) — a paragraph, not a clause inside one, since a
    review's themes often end on 下一步，我们将… of their own."""
    # An account of a report (a 政策解读 of it, a news item) gives its parts in turn: the
    # paragraph that opens on its plan part (第二部分，2024年的工作安排。) starts the plan,
    # whatever its review paragraph opens with.
    for i, draft in enumerate(body[1:], 1):
        if draft.kind != "section" and _ACCOUNT_PLAN_PART.match(draft.clean.text.text):
            return i
    if not _REVIEW_STATEMENT.search(body[0].clean.text.text[:300]) or _PLAN_STATEMENT.search(body[0].clean.text.text):
        return None
    for i, draft in enumerate(body[1:], 1):
        text = draft.clean.text.text
        if draft.kind != "section" and _TOWN_WILL.match(text):
            return i
        if draft.kind != "section" and (m := _PLAN_STATEMENT.search(text)) and m.start() <= 2:
            # …下一步 (下阶段), as in a headed review: the intentions a progress account or a
            # review's theme ends on, no plan of a period (下一步，留凤关镇将持续加大…投入).
            if m.group().startswith(("下一步", "下阶段")):
                continue
            # A plan comes after the year it follows: a paragraph of the review's own year
            # (2023年，城南镇将… in a summary of 2023) is more of the review.
            year = _YEAR.match(m.group())
            if year and review_year is not None and int(year.group(1)) <= review_year:
                continue
            return i
    return None


def _plan_in_review(body: list[_Draft], period: Period | None) -> int | None:
    """The paragraph of a headed review that opens its plan: it starts with the plan's
    statement for a later period than the review's (下半年，我镇将… after the first half;
    2024年，我镇将… or 新的一年，我们将… after 2023) and announces what follows (ends in ：)
    or is followed by more. 下一步，我们将… ends a theme of the review: no plan of its own."""
    for i, draft in enumerate(body):
        text = draft.clean.text.text.strip()
        if draft.kind == "section" or not (m := _PLAN_STATEMENT.match(text)):
            continue
        head = m.group()
        if head.startswith(("下一步", "下阶段", "今年")):
            continue
        if head.startswith("下半年") and not (period is not None and period.end.month == 6):
            continue
        year = _YEAR.match(head)
        if year and (period is None or int(year.group(1)) <= period.end.year):
            continue
        if (head.startswith(("新的一年", "明年")) or year) and period is not None and period.end.month != 12:
            continue
        if text.endswith(("：", ":")) or i + 1 < len(body):
            return i
    return None


_SUMMARY_WORDS = re.compile(r"总结|小结|汇报|述职")


def _is_summary(report: Report) -> bool:
    """A summary of work done, so titled (…工作总结, …情况汇报, 述职报告). (An opening such as
    2025年是…之年 opens a plan as often as a review: only the title tells.)"""
    return bool(_SUMMARY_WORDS.search(report.title or ""))


def _plan_era_period(drafts: list[_Draft]) -> Period | None:
    for draft in drafts:
        if era := plan_era(draft.clean.text.text[:80]):
            return part_period("plan", f"“{era}”规划", None)
    return None


def _reports_to_congress(report: Report, drafts: list[_Draft]) -> bool:
    """A government's report to its congress: so titled, or opening with 我代表…政府向大会报告
    or the review's 在…人大…监督下."""
    if report.title and "政府工作报告" in report.title:
        return True
    return any(_OPENING_FORMULA.search(d.clean.text.text) or _REVIEW_FORMULA.search(d.clean.text.text) for d in drafts[:8])


def _plan_statement(report: Report, body: list[_Draft]) -> str | None:
    """The words of a plan's opening statement (下半年，我们将; 安排部署2015年重点工作)."""
    for text in [report.title or ""] + [d.clean.text.text for d in body[:3]]:
        if m := _PLAN_STATEMENT.search(text):
            return m.group()
    return None


# A review's own opening, cut short before any heading: the stretch it covers, then what
# the town achieved in it (今年以来，…各项工作取得新进展、新成效; 一年来，全镇…取得显著成效).
# …or it is led (在区委、区政府的坚强领导下), its targets were met (较好完成了全年目标任务),
# its work went on (各项工作有序推进) or its economy grew (保持平稳健康发展); or the year's
# figures open it (2023年，全镇实现地区生产总值…). A news account of the congress says the
# report was given (镇长张三作政府工作报告).
_REVIEW_STATEMENT = re.compile(
    r"(?:今年以来|一年来|过去的?一年|上半年以来|上半年|\d{4}\s*年以来|\d{4}\s*年[，,])[^。]{0,100}?"
    r"(?:(?:取得|实现|呈现)[^。]{0,12}(?:成效|进展|成绩|突破)|在[^。]{0,30}领导下|完成[^。]{0,10}(?:目标|任务)"
    r"|(?:有序|稳步|扎实)推进|(?:平稳|健康|稳中有进|稳中向好)[^。]{0,6}发展|稳中有进)"
    r"|\d{4}\s*年[，,](?:全镇|全乡|全街道|我镇|我乡|我街道)[^。]{0,20}(?:实现|完成)"
    r"|作(?:政府)?工作报告"
    # A review's own first paragraph names the year it reviews by what the year was (2020年
    # 是全面建成小康社会的决胜之年…) or opens with the stretch it covers and the unit that
    # worked in it (一年来，长东街道上下…; 2023年，长东街道聚焦…): the genre's ways to start
    # a review when the report has no heading for it (a summary, 工作总结, rarely has one).
    r"|^\s*\d{4}\s*年是[^。]{0,80}之年"
    r"|^\s*(?:一年来|今年以来|过去的?一年(?:里|中|来)?|\d{4}\s*年以来|(?:今年)?上半年(?:以来)?"
    # …a quarter's or the months' summary likewise (一季度，白鹤镇…; 1-10月，全镇…).
    r"|(?:今年)?(?:第?[一二三四]|前三)季度(?:以来)?|1\s*[-—－至~]\s*\d{1,2}\s*月份?)[，,]?[^。]{0,20}?(?:镇|乡|街道|我们)"
    r"|^\s*\d{4}\s*年[，,][^。]{0,12}?(?:镇|乡|街道|我们)"
    # …or the stretch's figures themselves (全年完成地区生产总值226亿元，较上年度增长1.7%;
    # 1-10月，街道累计完成税收收入4.1亿元，同比增长9%): what was done, measured, as only a
    # review (or an account of one) gives it.
    r"|(?:全年|今年以来|\d{4}\s*年(?:以来|[，,])|1\s*[-—－至]\s*\d{1,2}\s*月份?[，,]?)[^。]{0,40}?(?:完成|实现|达到?)"
    r"[^。]{0,20}?\d[\d.]*\s*(?:亿元|万元)[，,]?[^。，,]{0,8}?增长"
    # …the months so far named (1—6月，湟里镇完成工业总产值153亿元): a figure of months past.
    r"|(?:1\s*[-—－至~]\s*\d{1,2}\s*月份?|今年以来|上半年)[，,]?[^。]{0,20}?(?:完成|实现)[^。]{0,16}?\d[\d.]*\s*(?:亿元|万元)"
)


_SESSION_HEARD = re.compile(r"(?:听取|审议|审查)[^。]{0,16}?政府工作报告")
_SESSION = re.compile(r"人民代表大会|人代会|议事会|人大[^。]{0,4}会议")
# …a town's: its government's report heard (听取了镇人民政府工作报告) or its own congress
# (白云镇第十八届人民代表大会, 街道议事会). A county's congress hears the county's report
# (听取和审议了县人民政府工作报告), which no town's.
# (银涂镇召开第二届人民代表大会: the town, then its congress, no county between).
_TOWN_BODY = re.compile(r"(?:镇|乡|街道)(?:人民)?政府|(?:镇|乡|街道)[^。，,；县市区旗]{0,10}?(?:人民代表大会|人代会|人大|议事会)")


# (工作小结: the genre's short summary of a quarter or a half, 二季度工作小结)
_WORK_REPORT = re.compile(r"工作报告|工作总结|工作小结|政府工作|工作(?:情况)?汇报|完成情况汇报|述职")
_TOWN_IN_TITLE = re.compile(r"[\u4e00-\u9fff]{2,8}(?:镇|乡|街道)")
# (…重点工作进展情况, 经济运行情况: the progress of the period's work and the economy's course,
# as a town reports them to the county or its congress)
_ACCOUNT_TITLE = re.compile(
    r"工作(?:开展|完成|推进|落实|进展)?情况|(?:经济社会|经济和社会)发展情况|经济运行情况|工作(?:亮点|成效|盘点)"
)


def _is_work_report(report: Report, drafts: list[_Draft]) -> bool:
    """Recognisably a work report or plan of a town government: its title, the opening
    formula 我代表…向大会报告, the review's 在…人大…监督下, or a plan's 总体要求."""
    if report.title and (
        # …情况汇报 (镇2017年上半年主要工作完成情况汇报): a summary given to the county or
        # the congress, the genre's other name for a work summary.
        # …述职 (述职报告: the town head's account of the year's work) too.
        _WORK_REPORT.search(report.title)
        # …a town's account of a year named by its year or its town (白鹤镇2023年主要工作完成情况,
        # 2023年工作开展情况, 2023年经济社会发展情况, 白鹤镇工作亮点): the genre's titles of a
        # summary that says neither 总结 nor 汇报.
        or ((_YEAR_IN.search(report.title) or _TOWN_IN_TITLE.search(report.title)) and _ACCOUNT_TITLE.search(report.title))
        or _PLAN_TITLE.search(report.title)
        or _PLAN_STATEMENT.search(report.title)
    ):
        return True
    return any(
        _OPENING_FORMULA.search(d.clean.text.text)
        or _REVIEW_FORMULA.search(d.clean.text.text)
        # A news account of the session that heard the government's report (会议听取和审查了
        # 平梁镇人民政府工作报告): an account of a work report, as one that says it was given.
        or (
            (heard := _SESSION_HEARD.search(d.clean.text.text))
            and _SESSION.search(head := " ".join(x.clean.text.text for x in drafts[:4]))
            and (_TOWN_BODY.search(heard.group()) or _TOWN_BODY.search(head))
        )
        or _PLAN_FORMULA.search(d.clean.text.text)
        or _PLAN_STATEMENT.search(d.clean.text.text)
        or _REVIEW_STATEMENT.search(d.clean.text.text[:300])
        # …in the first paragraphs, or the first of running text after a page's furniture
        # (an e-paper reader's lines: 当前报纸名称, 字号, 版面…).
        for d in drafts[:8] + [x for x in drafts[8:] if "。" in x.clean.text.text][:4]
    )


_TOP_NUMBER = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]")
_YEAR_IN = re.compile(r"\d{4}\s*年")
# A review that opens by naming its year (2004年，在区委…领导下; 2022年以来，…), after a
# clause of rhetoric at most (时间从未停止前行的脚步，2021年草滩街道在区委…领导下): the
# year the unit worked in.
_OPENING_YEAR = re.compile(
    r"^\s*(?:[^。，,\d]{2,16}[，,])?\s*(\d{4})\s*年(?:以来|度)?"
    r"(?:[，,在是我全]|[^。，,\d]{1,8}?(?:镇|乡|街道)(?:在|上下|紧紧|坚持|始终|全面))"
)


def _outline_year(body: list[_Draft]) -> Period | None:
    """The year an account's outline of the report gives its review (第一部分，2023年工作回顾):
    a 政策解读 page tells the report's parts by name; a news account, the year and the era
    the report looked back on (报告从六个方面对2016年及“十二五”工作进行了回顾: 2011–2016)."""
    for draft in body[:8]:
        text = draft.clean.text.text
        if m := _ACCOUNT_REVIEW.search(text):
            year = int(m.group(1))
            return Period(date(year, 1, 1), date(year, 12, 31))
        if m := _ACCOUNT_ERA.search(text):
            period = part_period("review", f"{m.group(1)}工作回顾", None)
            if period is not None and period.end.year - period.start.year >= 2:
                return period
    return None


# …the year and the era a report looked back on, as a news account gives them.
_ACCOUNT_ERA = re.compile(
    r"对(\d{4}\s*年及“?十[一二三四五]五”?(?:时期|期间)?)(?:的)?(?:工作|发展)?(?:情况)?进行了?[^。]{0,6}?回顾"
)


def _review_opening(front: list[_Draft], body: list[_Draft], report: Report) -> str:
    """The words that may tell a review's span when its heading does not: the opening
    formula's sentence (我代表…向大会报告过去五年的工作) and the review's first paragraph,
    each on a line of its own (the span must open the paragraph)."""
    formula = next((d.clean.text.text for d in front if _OPENING_FORMULA.search(d.clean.text.text)), "")
    first = next((d.clean.text.text for d in body if d.kind != "section"), "")
    # The first session of a congress (第十一届人民代表大会第一次会议) opens a new term: the
    # report given at it reviews the term that ended, and a news account of it may say how
    # long (过去六年) in its first paragraphs.
    session = report.session or ""
    spans = "".join(d.clean.text.text[:200] for d in body[:4]) if session else ""
    return f"{session}\n{first[:120]}\n{formula[:300]}\n{spans}"


def _opening_year(body: list[_Draft], front: list[_Draft], report: Report) -> Period | None:
    """The year a review's first paragraph (or the report's opening paragraph before it)
    names, for a report with no meeting date (a publishing date may be years later)."""
    if report.date is not None:
        return None
    for draft in body[:1] + front[-1:]:
        if m := _OPENING_YEAR.match(draft.clean.text.text):
            year = int(m.group(1))
            # …of which a half-year summary (2023上半年工作开展情况, opening 2023年，白鹤镇…)
            # reviews the first half.
            if "上半年" in half_year_named(report.title or ""):
                return Period(date(year, 1, 1), date(year, 6, 30))
            return Period(date(year, 1, 1), date(year, 12, 31))
    return None


def _cut_draft(draft: _Draft, at: int) -> tuple[_Draft, _Draft]:
    """A paragraph draft cut in two at a position of its clean text."""
    clean = draft.clean
    head = _Clean(clean.text[:at], [(a, b) for a, b in clean.bold if b <= at], [(p, n) for p, n in clean.markers if p < at])
    tail = _Clean(
        clean.text[at:], [(a - at, b - at) for a, b in clean.bold if a >= at], [(p - at, n) for p, n in clean.markers if p >= at]
    )
    return _Draft(draft.kind, head), _Draft("text", tail, leads=_leads(tail))


_OPENING_END = re.compile(r"[。！？；]")
_INTRODUCES = re.compile(r"如下[：:]?$")


def _split_opening(drafts: list[_Draft]) -> tuple[list[_Draft], list[_Draft]]:
    """The title block and the opening formula's paragraph, and what follows them."""
    for i, draft in enumerate(drafts[:8]):
        if m := _OPENING_FORMULA.search(draft.clean.text.text):
            # Web copies run the opening into the review: cut after the formula's sentence.
            text = draft.clean.text.text
            end = next((j + 1 for j in range(m.end(), len(text)) if text[j] in "。！？"), len(text))
            if text[end:].strip():
                head, tail = _cut_draft(draft, end)
                return drafts[:i] + [head], [tail] + drafts[i + 1 :]
            return drafts[: i + 1], drafts[i + 1 :]
    salutations = [i for i, d in enumerate(drafts) if d.kind == "salutation"]
    if salutations:
        return drafts[: salutations[0] + 1], drafts[salutations[0] + 1 :]
    # No salutation (an excerpt that starts inside the report): the review starts with
    # its own opening formula (在…镇人大的监督支持下，镇政府…).
    if (first := next((i for i, d in enumerate(drafts[:8]) if _REVIEW_FORMULA.search(d.clean.text.text)), None)) is not None:
        return drafts[:first], drafts[first:]
    # Nor a formula: the title block ends where a plan's statement (下半年，我们将…), the
    # review's own opening statement (一年来，在区委…领导下, 今年以来…) or running text (a
    # sentence of some length) begins — whichever comes first: a review cut short may reach
    # the next year's plan (2024年，我镇将…) in a later paragraph, and its own paragraphs
    # before it are no title block.
    said = next((i for i, d in enumerate(drafts[:8]) if _REVIEW_STATEMENT.search(d.clean.text.text[:300])), None)
    stated = next((i for i, d in enumerate(drafts) if _PLAN_STATEMENT.search(d.clean.text.text)), None)
    if said is not None and (stated is None or said < stated):
        return drafts[:said], drafts[said:]
    if stated is not None:
        # …随后安排部署2015年重点工作。 as the page's first line, or a headline that announces
        # the plan (中塘镇公布2024年10项民心工程: short, no sentence end): the plan follows it,
        # and the headline is the page's title, not a promise of its own.
        text = drafts[stated].clean.text.text.strip()
        # …or a sentence announcing the list that follows (…票决，产生2024年十大民生实事项目，
        # 现公布如下：): the plan is the list, the announcement no promise of its own.
        headline = (len(text) <= 40 and not _OPENING_END.search(text)) or bool(_INTRODUCES.search(text))
        if (stated == 0 or headline) and stated + 1 < len(drafts):
            return drafts[: stated + 1], drafts[stated + 1 :]
        return drafts[:stated], drafts[stated:]
    running = next(
        (i for i, d in enumerate(drafts) if i > 0 and "。" in d.clean.text.text and len(d.clean.text.text) >= 40), None
    )
    if running is not None:
        return drafts[:running], drafts[running:]
    # …or where the title block's lines end: at the first numbered heading or item
    # ((一)工业经济), as lines of running text after it are the body's however short.
    cut = next((i for i, d in enumerate(drafts) if d.kind != "header"), len(drafts))
    return drafts[:cut], drafts[cut:]


def _fill_part(builder: _Builder, part: Part, body: list[_Draft]) -> None:
    has_numbered = any(d.kind == "section" for d in body)
    openers = set() if has_numbered or part.kind not in {"review", "plan"} else _parallel_openers(body)
    plain_leads = {}
    if part.kind in {"review", "plan"}:
        candidates = {
            i: _plain_lead(d.clean.text.text)
            for i, d in enumerate(body)
            if d.kind == "text" and not (d.leads and d.leads[0][0] == 0)
        }
        candidates = {i: end for i, end in candidates.items() if end}
        if len(candidates) >= 3:
            plain_leads = candidates

    level1: Section | None = None
    level2: Section | None = None

    def current(start: int) -> Section:
        nonlocal level1
        if level2 is not None:
            return level2
        if level1 is None:
            level1 = builder.new_section(part, None, 1, start, None)
        return level1

    for i, draft in enumerate(body):
        text = draft.clean.text
        if not text.text.strip():
            continue
        start = text.span()[0]
        if draft.kind == "section" or (i in openers):
            title_end = draft.title_end if draft.kind == "section" else _title_end(text.text)
            level1 = builder.new_section(part, text[:title_end].strip().text, 1, start, None)
            level2 = None
            builder.add_paragraph(level1, text[title_end:], draft.clean.markers, title_end)
            continue
        if draft.kind == "salutation" and part.kind in {"review", "plan"}:
            level1 = builder.new_section(part, None, 1, start, None)
            level2 = None
            builder.add_paragraph(level1, text, draft.clean.markers, 0)
            continue
        leads = list(draft.leads)
        if i in plain_leads:
            leads.insert(0, (0, plain_leads[i]))
        position = 0
        for a, b in leads:
            if a > position:
                builder.add_paragraph(current(text[position:a].span()[0]), text[position:a], draft.clean.markers, position)
            title = text[a:b].strip().text
            level2 = builder.new_section(part, title, 2, text[a:b].span()[0], level1 if level1 is not None else None)
            position = b
        if position < len(text):
            builder.add_paragraph(current(text[position:].span()[0]), text[position:], draft.clean.markers, position)


def _parallel_openers(body: list[_Draft]) -> set[int]:
    """Paragraphs that open alike (same first three characters, three times or more);
    one that opens with a bold lead phrase is a level-2 section already."""
    prefixes = {
        i: d.clean.text.text[:3]
        for i, d in enumerate(body)
        if d.kind == "text" and len(d.clean.text) > 6 and not (d.leads and d.leads[0][0] == 0)
    }
    counts = Counter(prefixes.values())
    common = {p for p, c in counts.items() if c >= 3}
    return {i for i, p in prefixes.items() if p in common}


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
