"""Loaders: read report files of any format into the document model.

>>> from loaders import load
>>> report = load("data/reports/001_8d55160e06e9d7cd.txt")  # doctest: +SKIP
>>> report.town, report.date.isoformat(), [p.kind for p in report]  # doctest: +SKIP
('庙行镇', '2023-01-05', ['front', 'review', 'plan', 'closing'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.ids import report_id
from loaders.errors import LoaderError
from loaders.model import (
    Footnote,
    Paragraph,
    Part,
    Period,
    Report,
    Section,
    Sentence,
)
from loaders.read import SUFFIXES, read_document
from loaders.structure import build_report, sha256_of

__all__ = [
    "Footnote",
    "LoaderError",
    "Paragraph",
    "Part",
    "Period",
    "Report",
    "Section",
    "Sentence",
    "iter_report_paths",
    "load",
    "load_text",
]


# The congress line of a town's report: 在宝山区庙行镇（第）八届人民代表大会 (the line may wrap).
_CONGRESS_TOWN = re.compile(r"在([\u4e00-\u9fff]{2,14}?(?:镇|乡|街道))\s*第?[一二三四五六七八九十\d]{1,4}届")


# The first line of a report's title block: its title on a line of its own (政府工作报告,
# 大场镇2023年工作总结) or the salutation that opens it (各位代表：). A numbered line is a
# heading of the plan above it (（二）全面完成年度工作计划), never a title.
_SECOND_TITLE = re.compile(
    r"^[ \t\u3000]*(?![一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])"
    r"(?:(?P<title>[^\n。，；：:]{0,30}(?:工作报告|工作总结|工作计划)[^\n。，；]{0,12})|各位代表[：:，,])[ \t\u3000]*$",
    re.MULTILINE,
)


# What opens a second report on the page, besides its title: the session line
# (——2024年1月5日在白鹤镇第十八届人民代表大会第三次会议上), the salutation (各位代表：) or the
# opening formula (我代表镇人民政府向大会报告工作).
_SECOND_OPENING = re.compile(
    r"^[ \t\u3000]*[—－-]*[^\n。]{0,30}在[^\n。]{0,24}?第?[一二三四五六七八九十\d]{1,4}\s*届[^\n。]{0,24}?(?:会议|大会)上[)）]?[ \t\u3000]*$"
    r"|^[ \t\u3000]*各位代表[：:，,]|代表[^。\n]{0,30}?(?:人民政府|政府|办事处)[^。\n]{0,16}?向(?:大会|各位代表)[^。\n]{0,6}?(?:报告|汇报)",
    re.MULTILINE,
)
# A site's label before a title repeated in the page's table (内容概述 华庄街道2022年工作总结).
_SITE_LABEL = re.compile(r"^[ \t\u3000]*(?:信息名称|内容概述|标题|名称|文件名称|主题分类|索引号)")


def _second_report_signs(original: str, plan_start: int, review_start: int, towns: list[str]) -> bool:
    """Whether what lies between the first plan heading and a later review heading opens a
    second report: its own title (…工作报告), session line, salutation or opening formula, or
    a second town's congress. A review heading alone is no sign — a summary's or a plan's
    first theme (一、基本情况, 一、主要工作) read as a review after the page's title line read
    as a plan heading (白鹤镇2024年工作计划 under a site's navigation) is the same document."""
    if len(towns) > 1 or _SECOND_OPENING.search(original, plan_start + 1, review_start):
        return True
    end = original.find("\n", plan_start)
    first = original[plan_start : end if end >= 0 else len(original)].strip()
    return any(
        (title := m.group("title"))
        and not _SITE_LABEL.match(m.group(0))
        # …nor is the page's title repeated (in its table, or above the body).
        and not (title.strip() in first or first in title)
        for m in _SECOND_TITLE.finditer(original, plan_start + 1, review_start)
    )


_DIVISIONS_BEFORE = re.compile(r"^.*[省市区县]")


def _finish(report: Report, source: str) -> Report:
    build_report(report)
    kinds = [part.kind for part in report.parts]
    if not any(kind in {"review", "plan"} for kind in kinds):
        raise LoaderError(
            source,
            "not a work report: no title or opening formula of a work report, and no review or plan part "
            "(expected headings such as '一、2022年工作回顾' or '二、2023年工作安排')",
        )
    # A review after the plan is a second report run on in the same page (two years' reports
    # of a town published together, or the report and another town's): the first report is
    # read, and the rest is left out with a warning naming where it starts — reading them as
    # one would give the first town the second one's promises and figures.
    plan = kinds.index("plan") if "plan" in kinds else None
    second = kinds.index("review", plan) if plan is not None and "review" in kinds[plan:] else None
    towns = list(dict.fromkeys(_DIVISIONS_BEFORE.sub("", t) for t in _CONGRESS_TOWN.findall(report.original)))
    if (
        plan is not None
        and second is not None
        and _second_report_signs(report.original, report.parts[plan].start, report.parts[second].start, towns)
    ):
        start = report.parts[second].start
        which = f" ({'、'.join(towns)})" if len(towns) > 1 else ""
        heading = report.parts[second].heading
        del report.parts[second:]
        # The second report's title block (its title, session line, salutation) runs into the
        # end of the first one's plan: what follows the first line of it is left out too.
        last = report.parts[-1]
        # The title block sits directly above the second review: its last title line, else
        # its salutation (a plan's own lines may name a 工作计划 too).
        found = list(_SECOND_TITLE.finditer(report.original, last.start + 1, start))
        titles = [m for m in found if m.group("title")]
        if m := (titles[-1] if titles else found[0] if found else None):
            start = m.start()
            for section in last.sections:
                section.paragraphs = [p for p in section.paragraphs if p.start < start]
            last.sections = [s for s in last.sections if s.start < start and (s.paragraphs or s.title)]
            last.end = min(last.end, start)
        line = report.original.count("\n", 0, start) + 1
        report.warnings.append(
            f"holds more than one report{which}: a second review part starts at line {line}"
            + (f" ({heading})" if heading else "")
            + "; only the first report is read"
        )
    if report.date is None and report.published is None:
        report.warnings.append("no date found (neither the session's nor a publication date): the report is undated")
    return report


def load(path: str | Path) -> Report:
    """Load one report file (.txt, .md, .docx, .html, .pdf) into a :class:`Report`.

    Raises :class:`LoaderError` with a one-line reason for anything that is not a
    loadable work report.
    """
    path = Path(path)
    document = read_document(path)
    digest = document.sha256
    # The absolute path: a later build recognises a changed file at the same place.
    report = Report(
        id=report_id(digest),
        source=str(path.resolve()),
        sha256=digest,
        format=document.format,
        encoding=document.encoding,
        original=document.text,
    )
    return _finish(report, str(path))


def load_text(text: str, source: str = "<text>") -> Report:
    """Load a report from text already decoded (tests, pasted text)."""
    digest = sha256_of(text.encode("utf-8"))
    report = Report(
        id=report_id(digest),
        source=source,
        sha256=digest,
        format="txt",
        encoding=None,
        original=text.replace("\r\n", "\n").replace("\r", "\n"),
    )
    if not report.original.strip():
        raise LoaderError(source, "empty text")
    return _finish(report, source)


def _folder_reports(folder: Path) -> list[Path]:
    """The report files under ``folder``, recursively, sorted. Symbolic links to folders
    are not followed (a link to a parent would loop); a link with a report's suffix that
    leads nowhere (broken, or a loop of links) is kept, so that loading names it."""
    found = []
    for p in folder.rglob("*"):
        if p.suffix.lower() not in SUFFIXES or p.name.upper().startswith("README"):
            continue  # a folder's README describes the folder; it is not one of its reports
        if p.is_file() or (p.is_symlink() and not p.exists()):
            found.append(p)
    return sorted(found)


def iter_report_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the report files inside folders named (recursively, sorted)."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            yield from _folder_reports(path)
        else:
            yield path
