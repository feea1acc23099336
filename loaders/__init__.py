"""Loaders: read report files of any format into the document model.

>>> from loaders import load
>>> report = load("data/reports/001_8d55160e06e9d7cd.txt")  # doctest: +SKIP
>>> report.town, report.date.isoformat(), [p.kind for p in report]  # doctest: +SKIP
('庙行镇', '2023-01-05', ['front', 'review', 'plan', 'closing'])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LoaderError
from .model import Footnote, Paragraph, Part, Period, Report, Section, Sentence
from .read import SUFFIXES, read_bytes, read_document
from .structure import build_report, report_id, sha256_of

__all__ = [
    "Footnote", "LoaderError", "LoadResult", "Paragraph", "Part", "Period", "Report",
    "Section", "Sentence", "iter_report_paths", "load", "load_many", "load_text",
]


def _finish(report: Report, source: str) -> Report:
    build_report(report)
    if not any(part.kind in {"review", "plan"} for part in report.parts):
        raise LoaderError(
            source,
            "not a work report: no title or opening formula of a work report, and no review or plan part "
            "(expected headings such as '一、2022年工作回顾' or '二、2023年工作安排')",
        )
    return report


def load(path: str | Path) -> Report:
    """Load one report file (.txt, .md, .docx, .html, .pdf) into a :class:`Report`.

    Raises :class:`LoaderError` with a one-line reason for anything that is not a
    loadable work report.
    """
    path = Path(path)
    document = read_document(path)
    digest = sha256_of(read_bytes(path))
    # The absolute path: a later build recognises a changed file at the same place.
    report = Report(
        id=report_id(digest), source=str(path.resolve()), sha256=digest,
        format=document.format, encoding=document.encoding, original=document.text,
    )
    return _finish(report, str(path))


def load_text(text: str, source: str = "<text>") -> Report:
    """Load a report from text already decoded (tests, pasted text)."""
    digest = sha256_of(text.encode("utf-8"))
    report = Report(id=report_id(digest), source=source, sha256=digest, format="txt", encoding=None,
                    original=text.replace("\r\n", "\n").replace("\r", "\n"))
    if not report.original.strip():
        raise LoaderError(source, "empty text")
    return _finish(report, source)


def iter_report_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the report files inside folders named (recursively, sorted)."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            # A folder's README describes the folder; it is not one of its reports.
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                              and not p.name.upper().startswith("README"))
        else:
            yield path


@dataclass
class LoadResult:
    reports: list[Report] = field(default_factory=list)
    errors: list[LoaderError] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (source, id of the copy kept)


def load_many(paths: Iterable[str | Path], progress=None) -> LoadResult:
    """Load every report under ``paths``; a file that fails is recorded, not fatal.
    The same content met twice is loaded once."""
    result = LoadResult()
    seen: dict[str, str] = {}
    for path in iter_report_paths(paths):
        try:
            report = load(path)
        except LoaderError as error:
            result.errors.append(error)
        else:
            if report.sha256 in seen:
                result.duplicates.append((str(path), seen[report.sha256]))
            else:
                seen[report.sha256] = report.id
                result.reports.append(report)
        if progress is not None:
            progress(path)
    return result
