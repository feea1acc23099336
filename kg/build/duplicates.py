"""Telling a stored report's copy from another file: the same sentences in another
encoding or with other line ends."""

from __future__ import annotations

from collections.abc import Iterable

from kg.graph.model import report_path, reports


def text_fingerprint(sentences: Iterable[tuple[int, str]]) -> str:
    """A digest of a report's sentences (offset, text), in the order of their offsets."""
    import hashlib

    digest = hashlib.sha256()
    for start, text in sorted(sentences):
        digest.update(f"{start}\t{text}\n".encode())
    return digest.hexdigest()


def same_session_warning(report, other_source: str, other_id: str, source: str) -> str:
    """What a build says of a report whose town and session date another report in the
    store has: one town holds one session a day, so the two are most often one report
    twice (a copy cut short, another edition of the page). Their texts differ (the same
    text is loaded once), so kg cannot tell which is right: both are kept, and the user
    is told which command takes one out.

    >>> from types import SimpleNamespace as R
    >>> r = R(id="6043c2ff1750a7b1", town="庙行镇", date=__import__("datetime").date(2023, 1, 5))
    >>> w = same_session_warning(r, "001.txt", "8d55160e06e9d7cd", "001_cut.txt")
    >>> w.split(": both")[0]
    'same town and session date (庙行镇, 2023-01-05) as 001.txt (report 8d55160e06e9d7cd), with another text'
    >>> w.split(": ", 1)[1]
    "both are kept, this one as report 6043c2ff1750a7b1; if one is a copy or cut short, take it out with 'kg remove 001_cut.txt'"
    """
    return (
        f"same town and session date ({report.town}, {report.date.isoformat()}) as {other_source} (report {other_id}), "
        f"with another text: both are kept, this one as report {report.id}; "
        f"if one is a copy or cut short, take it out with 'kg remove {source}'"
    )


def same_text_elsewhere(graph, report) -> str | None:
    """The id of a stored report from another file with the same sentences as
    ``report`` (the same report in another encoding or copy), or None. Only reports of
    the same town and date are compared, so this stays cheap in a large store."""
    if report.id in graph:
        return None
    date = report.date.isoformat() if report.date else None
    candidates = [
        r["id"]
        for r in reports(graph)
        if report_path(r) != report.source and r.get("town") == report.town and r.get("date") == date
    ]
    if not candidates:
        return None
    wanted = text_fingerprint((s.start, s.text) for s in report.sentences())
    for candidate in candidates:
        stored = (
            (d["start"], d["text"])
            for _, d in graph.nodes(data=True)
            if d.get("label") == "Sentence" and d.get("report") == candidate
        )
        if text_fingerprint(stored) == wanted:
            return candidate
    return None
