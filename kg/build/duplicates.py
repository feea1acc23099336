"""Telling a stored report's copy from another file: the same sentences in another
encoding or with other line ends."""

from __future__ import annotations

from collections.abc import Iterable

from kg.graph.model import reports


def text_fingerprint(sentences: Iterable[tuple[int, str]]) -> str:
    """A digest of a report's sentences (offset, text), in the order of their offsets."""
    import hashlib

    digest = hashlib.sha256()
    for start, text in sorted(sentences):
        digest.update(f"{start}\t{text}\n".encode())
    return digest.hexdigest()


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
        if r.get("source") != report.source and r.get("town") == report.town and r.get("date") == date
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
