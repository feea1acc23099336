"""``kg build``: load report files into the embedded store.

>>> summary = build(["data/reports"], Store(tempfile.mkdtemp()))  # doctest: +SKIP
>>> summary.loaded, sorted(summary.towns)  # doctest: +SKIP
(5, ['大场镇', '庙行镇', '罗店镇', '高境镇'])
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from loaders import LoaderError, load_many
from loaders.mentions import report_mentions

from .claims import derive_claims
from .entities import derive_entities, set_mentions
from .graph import add_report, remove_report, reports
from .store import Store


def sample_reports_dir() -> Path:
    """The sample reports shipped with the project: the default input."""
    return Path(__file__).resolve().parent.parent / "data" / "reports"


@dataclass
class BuildSummary:
    loaded: int = 0
    towns: Counter = field(default_factory=Counter)  # reports loaded per town
    districts: dict[str, str] = field(default_factory=dict)  # town → district
    errors: list[LoaderError] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    replaced: list[tuple[str, str, str]] = field(default_factory=list)  # (source, old id, new id)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (source, how the text was read)
    reports_in_store: int = 0
    entities: int = 0
    claims: int = 0

    @property
    def failed(self) -> bool:
        return bool(self.errors)


def build(paths: Iterable[str | Path] | None, store: Store, progress: Callable[[Path], None] | None = None) -> BuildSummary:
    """Load the reports under ``paths`` (default: the sample reports) and merge them into
    the store: a report already there (same content, or the same file since changed)
    is replaced, others are kept.
    Files that fail are listed in the summary; the rest are saved."""
    paths = list(paths) if paths else [sample_reports_dir()]
    result = load_many(paths, progress=progress)
    graph = store.load()
    summary = BuildSummary(errors=result.errors, duplicates=result.duplicates)
    for report in result.reports:
        kept = _same_text_elsewhere(graph, report)
        if kept is not None:
            summary.duplicates.append((report.source, kept))
            continue
        # A file changed since it was loaded replaces its earlier version.
        for old in reports(graph):
            if old["id"] != report.id and old.get("source") == report.source:
                remove_report(graph, old["id"])
                summary.replaced.append((report.source, old["id"], report.id))
        add_report(graph, report)
        set_mentions(graph, report.id, [m.as_dict() for m in report_mentions(report)])
        summary.loaded += 1
        summary.warnings += [(report.source, w) for w in report.warnings]
        town = report.town or "(town not found)"
        summary.towns[town] += 1
        summary.districts[town] = report.district or "?"
    if result.reports:
        summary.entities, summary.claims = derive(graph)
        store.save(graph)
    summary.reports_in_store = sum(1 for _, d in graph.nodes(data=True) if d.get("label") == "Report")
    return summary


def text_fingerprint(sentences: Iterable[tuple[int, str]]) -> str:
    """A digest of a report's sentences (offset, text), in the order of their offsets."""
    import hashlib

    digest = hashlib.sha256()
    for start, text in sorted(sentences):
        digest.update(f"{start}\t{text}\n".encode())
    return digest.hexdigest()


def _same_text_elsewhere(graph, report) -> str | None:
    """The id of a stored report from another file with the same sentences as
    ``report`` (the same report in another encoding or copy), or None. Only reports of
    the same town and date are compared, so this stays cheap in a large store."""
    if report.id in graph:
        return None
    date = report.date.isoformat() if report.date else None
    candidates = [r["id"] for r in reports(graph) if r.get("source") != report.source
                  and r.get("town") == report.town and r.get("date") == date]
    if not candidates:
        return None
    wanted = text_fingerprint((s.start, s.text) for s in report.sentences())
    for candidate in candidates:
        stored = ((d["start"], d["text"]) for _, d in graph.nodes(data=True)
                  if d.get("label") == "Sentence" and d.get("report") == candidate)
        if text_fingerprint(stored) == wanted:
            return candidate
    return None


def derive(graph) -> tuple[int, int]:
    """Re-derive what depends on all reports together: entities, then claims and
    indicator values (targets paired with actuals), then the tracing of commitments
    (keeping reviewers' overrides). Returns (entities, claims)."""
    from .indicators import derive_indicator_values
    from .trace import add_trace, trace

    entities = derive_entities(graph)
    claims = derive_claims(graph) + derive_indicator_values(graph)
    add_trace(graph, trace(graph))
    return entities, claims
