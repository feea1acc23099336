"""The bad-input corpus: report files as they arrive in the wild, each with the outcome
kg promises for it. The files are generated from the sample reports (binary ones too),
so nothing binary is committed.

Every case makes its file(s) in a folder and names the path(s) to give ``kg build``:

* ``loads`` — the report loads (``town`` is its town; ``reason``, if any, is a warning
  printed on one line naming the file);
* ``fails`` — one line ``kg: PATH: …reason…`` and nothing of it is stored;
* ``duplicate`` — one line saying it is the same content as a report loaded once.

The valid content is report 001 (庙行镇, 2023-01-05); tests build each case beside
report 002 (大场镇) into a store that already holds 003 and 004.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .conftest import REPORTS

VALID = REPORTS / "001_8d55160e06e9d7cd.txt"
COMPANION = REPORTS / "002_273361674173251b.txt"
BASE = (REPORTS / "003_68189976bd792ce1.txt", REPORTS / "004_ba4aa9962f5a29a2.txt")
BIG_BYTES = 50_000_000
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\x01\x07\x1b\u202e"


def valid_text() -> str:
    return VALID.read_text("utf-8")


def gbk_safe(text: str) -> str:
    """The text without the few characters GBK has no code for (superscript digits)."""
    return "".join(ch for ch in text if _encodes(ch, "gbk"))


def _encodes(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def with_invisible(text: str) -> str:
    """The text with zero-width, format and control characters strewn inside words,
    headings and names."""
    text = text.replace("各位代表", "各位\u200b代\x01表\ufeff", 1)
    text = text.replace("一、2022 年工作回顾", "\u200d一、20\u200c22 年工作\u2060回顾", 1)
    text = text.replace("庙行镇人民政府", "庙\u00ad行\x07镇人民\u202e政府", 1)
    return text.replace("。", "。\u200b\x1b", 5)


def png_bytes() -> bytes:
    """A real 8×8 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes([200, 30, 30]) * 8 for _ in range(8))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    for block in text.split("\n\n"):
        if block.strip():
            document.add_paragraph(block.strip())
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(encrypt: str | None = None, text: bool = True) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, encrypt=encrypt)
    if text:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        pdf.setFont("STSong-Light", 14)
        y = 800
        for line in valid_text().splitlines()[:40]:
            if line.strip():
                pdf.drawString(72, y, line[:38])
                y -= 20
    else:
        pdf.rect(50, 50, 400, 600, fill=1)  # stands in for a scanned page image
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def one_line_megabyte() -> str:
    """The report run into one line of over 1 MB: the review repeated until it is."""
    text = valid_text().replace("\n", "")
    plan = text.index("二、")
    review = text[text.index("一、") : plan]
    return text[:plan] + review * (1_000_000 // len(review.encode()) + 1) + text[plan:]


def write_big(path: Path, size: int = BIG_BYTES) -> None:
    """A text file of ``size`` bytes, written in pieces (the writer stays small too)."""
    piece = valid_text().encode()
    with path.open("wb") as out:
        left = size
        while left > 0:
            out.write(piece[:left])
            left -= len(piece[:left])


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], list[Path]]  # folder → the paths to give kg build
    outcome: str  # loads, fails, duplicate
    reason: str = ""  # in the line naming the file (a failure's reason or a warning)
    town: str | None = None  # the town of a report that loads
    named: Callable[[Path], Path] | None = None  # the path the line names (default: the first path)

    def __str__(self) -> str:
        return self.name


def _file(name: str, content: Callable[[], bytes]) -> Callable[[Path], list[Path]]:
    def make(folder: Path) -> list[Path]:
        path = folder / name
        path.write_bytes(content())
        return [path]

    return make


def _text(name: str, text: Callable[[], str], encoding: str = "utf-8", bom: bytes = b"") -> Callable[[Path], list[Path]]:
    return _file(name, lambda: bom + text().encode(encoding))


def _big(folder: Path) -> list[Path]:
    path = folder / "big.txt"
    write_big(path)
    return [path]


def _twice(folder: Path) -> list[Path]:
    first, second = folder / "a" / "report.txt", folder / "b" / "report copy.txt"
    for path in (first, second):
        path.parent.mkdir()
        path.write_bytes(VALID.read_bytes())
    return [first, second]


def _missing(folder: Path) -> list[Path]:
    return [folder / "no such report.txt"]


def _empty_folder(folder: Path) -> list[Path]:
    empty = folder / "nothing here"
    (empty / "sub").mkdir(parents=True)
    (empty / "notes.xlsx").write_bytes(b"x,y\n")
    (empty / "README.md").write_text("not a report\n")
    return [empty]


def _folder_loop(folder: Path) -> list[Path]:
    root = folder / "reports"
    (root / "inner").mkdir(parents=True)
    (root / "inner" / "r.txt").write_bytes(VALID.read_bytes())
    os.symlink("..", root / "inner" / "up")  # inner/up/inner/up/… for ever, if followed
    os.symlink(".", root / "self")
    return [root]


def _file_loop(folder: Path) -> list[Path]:
    os.symlink("b.txt", folder / "a.txt")
    os.symlink("a.txt", folder / "b.txt")
    return [folder / "a.txt"]


def _file_loop_in_folder(folder: Path) -> list[Path]:
    root = folder / "with a loop"
    root.mkdir()
    (root / "r.txt").write_bytes(VALID.read_bytes())
    os.symlink("y.txt", root / "x.txt")
    os.symlink("x.txt", root / "y.txt")
    return [root]


def _no_headings() -> str:
    return "\n".join(line for line in valid_text().splitlines() if not re.match(r"^[一二三四五六七八九十]+、", line))


def _no_date() -> str:
    return re.sub(r"\d{4}年\d{1,2}月\d{1,2}日", "", valid_text())


def _two_reports() -> str:
    return "宝山区镇政府工作报告选编\n\n" + valid_text() + "\n\n" + COMPANION.read_text("utf-8")


def _truncated_docx() -> bytes:
    data = docx_bytes(valid_text())
    return data[: len(data) // 2]


ODD_NAME = "庙行镇 \"2023\" 'work' report — 政府工作报告.txt"
ODD_BAD_NAME = "坏 \"文件\" 'x' $(rm -rf) ;.txt"

CASES = [
    Case("gb18030", _text("gb18030.txt", valid_text, "gb18030"), "loads", town="庙行镇"),
    Case("gb18030-bom", _text("gb18030-bom.txt", valid_text, "gb18030", b"\x84\x31\x95\x33"), "loads", town="庙行镇"),
    Case("gbk", _text("gbk.txt", lambda: gbk_safe(valid_text()), "gbk"), "loads", town="庙行镇"),
    Case("utf8-bom", _text("utf8-bom.txt", valid_text, "utf-8", codecs.BOM_UTF8), "loads", town="庙行镇"),
    Case("utf16le-bom", _text("utf16le-bom.txt", valid_text, "utf-16-le", codecs.BOM_UTF16_LE), "loads", town="庙行镇"),
    Case("utf16be-bom", _text("utf16be-bom.txt", valid_text, "utf-16-be", codecs.BOM_UTF16_BE), "loads", town="庙行镇"),
    Case("utf16le", _text("utf16le.txt", valid_text, "utf-16-le"), "loads", town="庙行镇"),
    Case("utf16be", _text("utf16be.txt", valid_text, "utf-16-be"), "loads", town="庙行镇"),
    Case("empty", _file("empty.txt", lambda: b""), "fails", "empty file"),
    Case("whitespace", _text("blank.txt", lambda: " \n\t\r\n\u3000\u3000\n  "), "fails", "empty file"),
    Case("invisible-only", _text("invisible.txt", lambda: "\u200b\ufeff\u200d\n\u2060\n"), "fails", "empty file"),
    Case("png-as-txt", _file("photo.txt", png_bytes), "fails", "binary data, not text"),
    Case("truncated-docx", _file("report.docx", _truncated_docx), "fails", "not a valid .docx file"),
    Case("encrypted-pdf", _file("locked.pdf", lambda: pdf_bytes(encrypt="s3cret")), "fails", "the PDF is encrypted"),
    Case("scanned-pdf", _file("scan.pdf", lambda: pdf_bytes(text=False)), "fails", "no text layer"),
    Case("50mb-text", _big, "fails", "file too large"),
    Case("1mb-one-line", _text("one line.txt", one_line_megabyte), "loads", town="庙行镇"),
    Case("invisible-characters", _text("zero width.txt", lambda: with_invisible(valid_text())), "loads", town="庙行镇"),
    Case("no-headings", _text("no headings.txt", _no_headings), "loads", "warning: no review or plan heading", town="庙行镇"),
    Case("no-date", _text("undated.txt", _no_date), "loads", "warning: no date found", town="庙行镇"),
    Case(
        "two-towns",
        # Two towns' reports on one page (the page's own heading above them): the first is
        # read, the second left out with a warning naming where it starts.
        _text("two towns.txt", _two_reports),
        "loads",
        "holds more than one report (庙行镇、大场镇): a second review part starts at line",
        town="庙行镇",
    ),
    Case(
        "same-report-twice",
        _twice,
        "duplicate",
        "same content as report",
        town="庙行镇",
        named=lambda folder: folder / "b" / "report copy.txt",
    ),
    Case("missing-path", _missing, "fails", "cannot read: No such file or directory"),
    Case("folder-without-reports", _empty_folder, "fails", "no report files in this folder"),
    Case("folder-symlink-loop", _folder_loop, "loads", town="庙行镇"),
    Case("file-symlink-loop", _file_loop, "fails", "cannot read: Too many levels of symbolic links"),
    Case(
        "file-symlink-loop-in-folder",
        _file_loop_in_folder,
        "fails",
        "cannot read: Too many levels of symbolic links",
        town="庙行镇",
        named=lambda folder: folder / "with a loop" / "x.txt",
    ),
    Case("odd-name", _text(ODD_NAME, valid_text), "loads", town="庙行镇"),
    Case("odd-name-bad", _file(ODD_BAD_NAME, lambda: b""), "fails", "empty file"),
    Case(
        "not-a-work-report",
        _text("notice.txt", lambda: "关于开展安全检查的通知\n\n请各单位按时报送材料。\n"),
        "fails",
        "not a work report",
    ),
]
