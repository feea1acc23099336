"""Typeset a plain-text report as a PDF the way an office would print it.

A4, one column, first lines indented two characters, title lines centred, long lines
wrapped at the right margin (so words and numbers break across lines), footnote
references as small raised digits, footnotes at the bottom of the page that cites them
(so a paragraph that runs on to the next page is interrupted by them), and a page number
in every footer. The font is reportlab's built-in STSong-Light (Adobe-GB1, not embedded),
so nothing binary needs to be committed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from loaders.footnotes import SUPERSCRIPT_DIGITS

FONT = "STSong-Light"
BODY = 14.0
NOTE = 9.0
SUP = 8.0
LEADING = 1.6
PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT, TOP, BOTTOM = 72.0, 72.0, 72.0, 80.0
_SUPER = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


@dataclass
class Run:
    text: str
    sup: bool = False


def runs_of(line: str) -> list[Run]:
    """Split a text line into plain runs and superscript footnote numbers."""
    line = line.replace("**", "")
    runs = []
    for piece in re.split(f"([{SUPERSCRIPT_DIGITS}]+)", line):
        if piece:
            is_sup = piece[0] in SUPERSCRIPT_DIGITS
            runs.append(Run(piece.translate(_SUPER) if is_sup else piece, is_sup))
    return runs


def wrap(runs: list[Run], width: float, size: float, first_indent: float) -> list[list[Run]]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[list[Run]] = [[]]
    used = first_indent
    for run in runs:
        # Like a word processor: Chinese breaks anywhere, a Latin word is not broken
        # and the space before it is dropped at a line end.
        for piece in re.findall(r"[A-Za-z]+ ?|.", run.text):
            font, font_size = ("Helvetica", SUP) if run.sup else (FONT, size)
            w = stringWidth(piece.rstrip(" "), font, font_size)
            if used + w > width and lines[-1]:
                lines.append([])
                used = 0.0
            if lines[-1] and lines[-1][-1].sup == run.sup:
                lines[-1][-1] = Run(lines[-1][-1].text + piece, run.sup)
            else:
                lines[-1].append(Run(piece, run.sup))
            used += stringWidth(piece, font, font_size)
    return lines


def typeset(text: str, out: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    width = PAGE_W - LEFT - RIGHT
    blocks = [b.split("\n") for b in re.split(r"\n\s*\n", text.strip("\n")) if b.strip()]
    notes: dict[str, list[list[Run]]] = {}
    body: list[tuple[str, list[list[Run]]]] = []  # (centred|indented, wrapped lines)
    salutation_seen = False
    for block in blocks:
        for line in block:
            runs = runs_of(line.strip())
            if runs and runs[0].sup:  # a footnote's own text
                notes[runs[0].text] = wrap(runs, width, NOTE, 0)
                continue
            if line.startswith("各位代表"):
                salutation_seen = True
            if not salutation_seen:
                body.append(("centred", [runs]))
            else:
                body.append(("indented", wrap(runs, width, BODY, 2 * BODY)))

    pdf = canvas.Canvas(str(out), pagesize=(PAGE_W, PAGE_H))
    page = 1
    y = PAGE_H - TOP
    page_notes: list[list[Run]] = []

    def note_height(extra: list[list[Run]] = ()) -> float:
        lines = len(page_notes) + len(extra)
        return lines * NOTE * LEADING + (NOTE if lines else 0)

    def finish_page():
        nonlocal page, y, page_notes
        ny = BOTTOM + note_height() - NOTE
        for line in page_notes:
            draw(line, LEFT, ny, NOTE)
            ny -= NOTE * LEADING
        pdf.setFont(FONT, 10)
        pdf.drawCentredString(PAGE_W / 2, 40, f"- {page} -")
        pdf.showPage()
        page += 1
        y = PAGE_H - TOP
        page_notes = []

    def draw(runs: list[Run], x: float, y: float, size: float):
        for run in runs:
            if run.sup:
                pdf.setFont("Helvetica", SUP)
                pdf.drawString(x, y + size * 0.45, run.text)
                x += pdfmetrics.stringWidth(run.text, "Helvetica", SUP)
            else:
                pdf.setFont(FONT, size)
                pdf.drawString(x, y, run.text)
                x += pdfmetrics.stringWidth(run.text, FONT, size)

    for style, lines in body:
        for i, line in enumerate(lines):
            cited = [notes[r.text] for r in line if r.sup and r.text in notes]
            cited_lines = [note_line for note in cited for note_line in note]
            if y - BODY * LEADING < BOTTOM + note_height(cited_lines):
                finish_page()
            if style == "centred":
                line_width = sum(
                    pdfmetrics.stringWidth(r.text, "Helvetica" if r.sup else FONT, SUP if r.sup else BODY) for r in line
                )
                x = (PAGE_W - line_width) / 2
            else:
                x = LEFT + (2 * BODY if i == 0 else 0)
            draw(line, x, y, BODY)
            page_notes.extend(cited_lines)
            y -= BODY * LEADING
    finish_page()
    pdf.save()
    return out
