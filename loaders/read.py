"""Reading report files of every format into one plain text.

Each reader returns the report as text in the shape the normaliser expects from a text
extraction: one block per paragraph, separated by blank lines, bold as ``**…**`` and
footnote references as ``<sup>N</sup>`` (with the footnote's own text as a
``<sup>N</sup> …`` line after the paragraph). That text is the report's ``original``:
all offsets point into it.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from loaders.errors import LoaderError

MAX_BYTES = int(float(os.environ.get("KG_MAX_REPORT_MB", "50")) * 1024 * 1024)
# A report's text is tens of kilobytes; a text file this large is something else (a log,
# a dump) and is refused before it is read, so that memory stays bounded. Word and PDF
# files carry images and fonts and keep the larger limit.
MAX_TEXT_BYTES = int(float(os.environ.get("KG_MAX_TEXT_MB", "8")) * 1024 * 1024)

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
SUFFIXES = TEXT_SUFFIXES | {".docx", ".html", ".htm", ".pdf"}

# Encodings a Chinese government report plausibly arrives in. GB18030 is a superset of
# GBK and GB2312, so text in either decodes with it.
_CANDIDATE_ENCODINGS = ["utf_8", "gb18030", "big5", "utf_16_le", "utf_16_be"]


@dataclass(frozen=True)
class RawDocument:
    text: str
    format: str
    encoding: str | None
    sha256: str = ""  # of the file's bytes, as read (the file is read once)


def size_limit(path: Path) -> int:
    """The largest file of this kind that is read at all."""
    if path.suffix.lower() in {".docx", ".pdf"}:
        return MAX_BYTES
    return min(MAX_BYTES, MAX_TEXT_BYTES)


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LoaderError(path, f"cannot read: {exc.strerror or exc}") from exc
    limit = size_limit(path)
    if size > limit:
        raise LoaderError(path, f"file too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.1f} MB)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LoaderError(path, f"cannot read: {exc.strerror or exc}") from exc


def sniff_format(path: Path, data: bytes) -> str:
    """The format by content where it is unambiguous, else by the file name."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            if path.suffix.lower() == ".docx":
                raise LoaderError(path, "not a valid .docx file (a truncated or damaged zip archive)") from None
        raise LoaderError(path, "a zip archive, not a report (expected .txt, .md, .docx, .html or .pdf)")
    suffix = path.suffix.lower()
    if suffix in {".html", ".htm"}:
        return "html"
    if suffix == ".docx":
        raise LoaderError(path, "not a valid .docx file (no word/document.xml inside)")
    if suffix == ".pdf":
        raise LoaderError(path, "not a valid PDF file (no %PDF header)")
    if suffix in {".md", ".markdown"}:
        return "md"
    if suffix in TEXT_SUFFIXES or suffix == "":
        return "txt"
    raise LoaderError(path, f"unsupported file type '{suffix}' (expected .txt, .md, .docx, .html or .pdf)")


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """Decode a text file, detecting its encoding; returns (text, encoding name)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
        (GB18030_BOM, "gb18030"),
    ):
        if data.startswith(bom):
            try:
                # GB18030's mark decodes to U+FEFF, which is not part of the text.
                return data.decode(encoding).removeprefix("\ufeff"), encoding
            except UnicodeDecodeError as exc:
                raise LoaderError(path, f"starts with a {encoding} byte-order mark but does not decode as {encoding}") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATE_ENCODINGS).best()
    if best is None:
        raise LoaderError(path, "cannot detect a text encoding (not UTF-8, GB18030/GBK, Big5 or UTF-16)")
    encoding = best.encoding
    if encoding in {"gb2312", "gbk", "hz"}:
        encoding = "gb18030"
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise LoaderError(path, f"does not decode as the detected encoding {encoding}") from exc


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
GB18030_BOM = b"\x84\x31\x95\x33"

# Characters that print as nothing: C0/C1 controls other than tab and newline, and the
# format characters (zero-width space and joiners, byte-order marks, bidi marks, soft
# hyphen). Web copies and Word files strew them inside words, where they would split a
# name or a heading for every rule that reads the text; they are removed from the
# ``original`` as line ends are unified, so that all offsets point into the visible text.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)


def remove_invisible(text: str) -> str:
    """``text`` without the characters that print as nothing (see ``_INVISIBLE``).

    >>> remove_invisible("各位\u200b代\x01表\ufeff：")
    '各位代表：'
    """
    return _INVISIBLE.sub("", text)


def check_is_text(path: Path, text: str) -> None:
    if not text.strip():
        raise LoaderError(path, "empty file (no text)")
    if "\x00" in text or len(_CONTROL.findall(text)) > max(3, len(text) // 200):
        raise LoaderError(path, "binary data, not text")


def read_document(path: str | Path) -> RawDocument:
    """Read any supported report file into its plain-text ``original``.

    >>> doc = read_document("data/reports/001_8d55160e06e9d7cd.txt")  # doctest: +SKIP
    >>> doc.format, doc.encoding  # doctest: +SKIP
    ('txt', 'utf-8')
    """
    path = Path(path)
    if path.is_dir():
        raise LoaderError(path, "is a folder, not a report file")
    data = read_bytes(path)
    if not data.strip():
        raise LoaderError(path, "empty file")
    digest = hashlib.sha256(data).hexdigest()
    fmt = sniff_format(path, data)
    if fmt in {"txt", "md"}:
        if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            # NUL bytes in a text file without a mark: UTF-16 of one byte order, or binary.
            found = decode_utf16_without_bom(data)
            if found is None:
                raise LoaderError(path, "binary data, not text")
            text, encoding = found
        else:
            text, encoding = decode_text(path, data)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        check_is_text(path, text)
        return RawDocument(_visible(path, text), fmt, encoding, digest)
    if fmt == "docx":
        text = read_docx(path, data)
    elif fmt == "html":
        text, encoding = decode_text(path, data)
        check_is_text(path, text)
        return RawDocument(_visible(path, read_html(text)), fmt, encoding, digest)
    else:
        text = read_pdf(path, data)
    check_is_text(path, text)
    return RawDocument(_visible(path, text), fmt, None, digest)


def _visible(path: Path, text: str) -> str:
    text = remove_invisible(text)
    if not text.strip():
        raise LoaderError(path, "empty file (no visible text)")
    return text


def _plausible_text_share(text: str) -> float:
    """The share of characters a Chinese report is made of: CJK, ASCII and white space."""
    if not text:
        return 0.0
    good = sum(
        1
        for ch in text
        if (ch.isascii() and (ch.isprintable() or ch in "\n\t\r"))
        or "\u3000" <= ch <= "\u9fff"
        or "\uff00" <= ch <= "\uffef"
        or "\u2010" <= ch <= "\u206f"
    )
    return good / len(text)


def decode_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Text in UTF-16 without a byte-order mark, as (text, encoding), or None.

    Mostly Chinese UTF-16 has few zero bytes (only its ASCII), so the byte order is told
    by which decoding reads as Chinese text, not by where the zeros fall.
    """
    if len(data) % 2:
        return None
    best = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = _plausible_text_share(text[:20000])
        if share > 0.95 and (best is None or share > best[0]):
            best = (share, text, encoding)
    return (best[1], best[2]) if best else None


# --- docx -----------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path, data: bytes) -> str:
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError

        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise LoaderError(path, f"not a valid .docx file ({exc})") from exc
    footnotes = _docx_footnotes(document)
    blocks: list[str] = []
    for paragraph in document.paragraphs:
        text, cited = _docx_paragraph_text(paragraph._p)
        if text.strip():
            blocks.append(text.strip())
        for number in cited:
            if number in footnotes:
                blocks.append(f"<sup>{number}</sup> {footnotes.pop(number)}")
    return "\n\n".join(blocks) + "\n"


def _docx_paragraph_text(p_element) -> tuple[str, list[int]]:
    """A paragraph's text with bold runs as ``**…**`` and superscript numbers or Word
    footnote references as ``<sup>N</sup>``; also the footnote ids it cites."""
    pieces: list[tuple[str, bool]] = []
    cited: list[int] = []
    for run in p_element.iter(f"{_W}r"):
        props = run.find(f"{_W}rPr")
        bold = props is not None and _on(props.find(f"{_W}b"))
        superscript = (
            props is not None
            and props.find(f"{_W}vertAlign") is not None
            and props.find(f"{_W}vertAlign").get(f"{_W}val") == "superscript"
        )
        for child in run:
            if child.tag == f"{_W}t" and child.text:
                text = child.text
                if superscript and text.strip().isdigit():
                    pieces.append((f"<sup>{text.strip()}</sup>", False))
                else:
                    pieces.append((text, bold))
            elif child.tag == f"{_W}footnoteReference":
                number = int(child.get(f"{_W}id"))
                cited.append(number)
                pieces.append((f"<sup>{number}</sup>", False))
            elif child.tag in (f"{_W}br", f"{_W}cr"):
                pieces.append(("\n", False))
            elif child.tag == f"{_W}tab":
                pieces.append(("\t", False))
    out: list[str] = []
    i = 0
    while i < len(pieces):
        text, bold = pieces[i]
        if bold and text.strip():
            run_text = [text]
            i += 1
            while i < len(pieces) and pieces[i][1]:
                run_text.append(pieces[i][0])
                i += 1
            out.append(f"**{''.join(run_text)}**")
        else:
            out.append(text)
            i += 1
    return "".join(out), cited


def _on(element) -> bool:
    if element is None:
        return False
    return element.get(f"{_W}val", "true") not in {"0", "false", "none"}


def _docx_footnotes(document) -> dict[int, str]:
    """Word footnotes (word/footnotes.xml) by id; python-docx has no API for them."""
    from lxml import etree

    for part in document.part.package.iter_parts():
        if str(part.partname) == "/word/footnotes.xml":
            root = etree.fromstring(part.blob)
            notes = {}
            for note in root.iter(f"{_W}footnote"):
                number = int(note.get(f"{_W}id"))
                if number <= 0:  # separators
                    continue
                text = "".join(t.text or "" for t in note.iter(f"{_W}t")).strip()
                if text:
                    notes[number] = text
            return notes
    return {}


# --- html -----------------------------------------------------------------------------

_BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "td", "th", "dd", "dt"]


_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def read_html(markup: str) -> str:
    """Headings and paragraphs from the markup, one block each; bold as ``**…**``."""
    from bs4 import BeautifulSoup, NavigableString, Tag

    soup = BeautifulSoup(markup, "lxml")
    for junk in soup(["script", "style", "noscript", "template", "head"]):
        junk.decompose()

    def render(node) -> str:
        if isinstance(node, NavigableString):
            return str(node)
        if not isinstance(node, Tag):
            return ""
        inner = "".join(render(child) for child in node.children)
        if node.name in {"strong", "b"} and inner.strip():
            return f"**{inner}**"
        if node.name == "sup" and inner.strip():
            return f"<sup>{inner.strip()}</sup>"
        if node.name == "br":
            return "\n"
        return inner

    blocks = []
    for element in soup.descendants:
        # Text set between paragraphs, in no block of its own (the bare 回顾2021 between the
        # <p> of a post editor): a block, as its place among the paragraphs shows. Text in
        # a container of no paragraphs (a menu's links) is not running text.
        if type(element) is NavigableString:
            parent = element.parent
            if (
                element.strip()
                and parent is not None
                and parent.find(_BLOCKS, recursive=False)
                and element.find_parent(_BLOCKS) is None
            ):
                blocks.append(element.strip())
            continue
        if not isinstance(element, Tag) or element.name not in _BLOCKS:
            continue
        if element.find(_BLOCKS):  # a container: its inner blocks are taken one by one
            continue
        text = _LINE_BREAK.sub("\n", render(element)).strip()
        if text:
            blocks.append(text)
    if not blocks:
        body = soup.body or soup
        blocks = [line.strip() for line in body.get_text("\n").splitlines() if line.strip()]
    return "\n\n".join(blocks) + "\n"


# --- pdf ------------------------------------------------------------------------------


_PAGE_NUMBER = re.compile(r"^[\s\-—–－·•]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*\d{1,4})?[\s\-—–－·•]*$")
_BOLD_FONT = re.compile(r"bold|heavy|black|hei|黑", re.IGNORECASE)


def read_pdf(path: Path, data: bytes) -> str:
    """The PDF's text layer in reading order, as the normaliser expects it.

    pdfminer's layout gives each character's font and box, which carries what plain
    text extraction loses: a line indented from the page's left margin starts a
    paragraph; a digit set smaller than the body text and raised above its line is a
    footnote reference (``<sup>N</sup>``); a bold font marks a lead phrase; a line that
    is only a page number is dropped. Lines are read top to bottom, page by page
    (reports are set in one column).
    """
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTAnno, LTChar, LTTextContainer, LTTextLine
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    def text_lines(element):
        if isinstance(element, LTTextLine):
            yield element
        elif isinstance(element, LTTextContainer) or hasattr(element, "__iter__"):
            for child in element:
                yield from text_lines(child)

    try:
        pages = []
        for page in extract_pages(io.BytesIO(data), laparams=LAParams(boxes_flow=None)):
            lines = [line for line in text_lines(page) if line.get_text().strip()]
            lines.sort(key=lambda line: (-round(line.y1), line.x0))
            pages.append(lines)
    except PDFSyntaxError as exc:
        raise LoaderError(path, f"not a readable PDF ({exc})") from exc
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise LoaderError(path, "the PDF is encrypted (it needs a password to open): save a copy without the password") from exc
    except Exception as exc:  # pdfminer raises many kinds on damaged or encrypted files
        raise LoaderError(path, f"cannot extract text from the PDF ({type(exc).__name__}: {exc})") from exc

    sizes = sorted(ch.size for lines in pages for line in lines for ch in line if isinstance(ch, LTChar))
    if not sizes:
        raise LoaderError(path, "the PDF has no text layer (a scanned image?); run OCR on it first")
    body_size = sizes[len(sizes) // 2]
    margins = sorted(round(line.x0) for lines in pages for line in lines)
    ends = sorted(round(line.x1) for lines in pages for line in lines)
    # Most lines start at the left margin and run to the right one; tolerate outliers.
    left_margin, right_margin = margins[len(margins) // 10], ends[len(ends) * 9 // 10]

    paragraphs: list[str] = []
    previous = None  # (line, size) of the last line kept
    for lines in pages:
        for line in lines:
            # LTAnno holds the spaces pdfminer infers from gaps between characters.
            chars = [ch for ch in line if isinstance(ch, LTChar) or (isinstance(ch, LTAnno) and ch.get_text() == " ")]
            glyphs = [ch for ch in chars if isinstance(ch, LTChar)]
            if not glyphs or _PAGE_NUMBER.match("".join(ch.get_text() for ch in chars)):
                continue
            text = _pdf_line(chars, body_size, _BOLD_FONT)
            size = sorted(ch.size for ch in glyphs)[len(glyphs) // 2]
            # A wrapped line continues its paragraph: the line before it ran so close to
            # the right margin that this line's first word would not fit there, and
            # this one starts at the left margin in the same type size.
            continues = (
                previous is not None
                and right_margin - previous[0].x1 < _first_word_width(glyphs) + 0.5 * size
                and line.x0 - left_margin <= 1.5 * size
                and abs(size - previous[1]) < 0.5
                and not text.startswith("<sup>")
            )
            if continues:
                paragraphs[-1] = _join_wrapped(paragraphs[-1], text)
            else:
                paragraphs.append(text)
            previous = (line, size)
    return "\n\n".join(paragraphs) + "\n"


def _first_word_width(glyphs) -> float:
    """How much room the line's first word needs: a Latin word is not broken, any
    other character stands alone."""
    end = 1
    while (
        end < len(glyphs)
        and glyphs[0].get_text().isascii()
        and glyphs[0].get_text().isalpha()
        and glyphs[end].get_text().isascii()
        and glyphs[end].get_text().isalpha()
    ):
        end += 1
    return glyphs[end - 1].x1 - glyphs[0].x0


def _join_wrapped(before: str, after: str) -> str:
    """Join a line wrapped at the margin: nothing between Chinese characters or the two
    halves of a number or code broken at the margin (``J-07`` + ``A``), a space between
    two Latin words."""
    if before and after and before[-1].isascii() and before[-1].isalpha() and after[0].isascii() and after[0].isalpha():
        return before + " " + after
    return before + after


def _pdf_line(chars, body_size: float, bold_font: re.Pattern) -> str:
    """One line's text with superscript digits as ``<sup>N</sup>`` and bold as ``**``."""
    glyphs = [ch for ch in chars if hasattr(ch, "size")]
    baseline = sorted(ch.y0 for ch in glyphs if ch.size >= 0.9 * body_size)
    baseline_y = baseline[len(baseline) // 2] if baseline else min(ch.y0 for ch in glyphs)
    pieces: list[str] = []
    bold = False
    sup: list[str] = []

    def flush_sup():
        if sup:
            pieces.append("<sup>" + "".join(sup) + "</sup>")
            sup.clear()

    for ch in chars:
        text = ch.get_text()
        if not hasattr(ch, "size"):  # an inferred space
            flush_sup()
            pieces.append(text)
            continue
        if text.isdigit() and ch.size < 0.8 * body_size and ch.y0 > baseline_y + 0.2 * body_size:
            sup.append(text)
            continue
        flush_sup()
        is_bold = bool(bold_font.search(ch.fontname)) and not text.isspace()
        if is_bold != bold:
            pieces.append("**")
            bold = is_bold
        pieces.append(text)
    flush_sup()
    if bold:
        pieces.append("**")
    return "".join(pieces).rstrip()
