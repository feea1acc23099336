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
    # Reading and extraction need nothing from the store: they run before its lock is taken.
    result = load_many(paths, progress=progress)
    mentions = {report.id: [m.as_dict() for m in report_mentions(report)] for report in result.reports}
    summary = BuildSummary(errors=result.errors, duplicates=result.duplicates)
    with store.writing() as tx:
        graph = tx.load()
        for report in result.reports:
            # A file changed since it was loaded replaces its earlier version.
            for old in reports(graph):
                if old["id"] != report.id and old.get("source") == report.source:
                    remove_report(graph, old["id"])
                    summary.replaced.append((report.source, old["id"], report.id))
            add_report(graph, report)
            set_mentions(graph, report.id, mentions[report.id])
            summary.loaded += 1
            summary.warnings += [(report.source, w) for w in report.warnings]
            town = report.town or "(town not found)"
            summary.towns[town] += 1
            summary.districts[town] = report.district or "?"
        if result.reports:
            summary.entities, summary.claims = derive(graph)
            tx.save(graph)
        summary.reports_in_store = sum(1 for _, d in graph.nodes(data=True) if d.get("label") == "Report")
    return summary


def derive(graph) -> tuple[int, int]:
    """Re-derive what depends on all reports together: entities, then claims and
    indicator values (targets paired with actuals), then the tracing of commitments
    (keeping reviewers' overrides). Returns (entities, claims)."""
    from .indicators import derive_indicator_values
    from .trace import add_trace, trace

    _order_mentions(graph)
    entities = derive_entities(graph)
    claims = derive_claims(graph) + derive_indicator_values(graph)
    add_trace(graph, trace(graph))
    return entities, claims


def _order_mentions(graph) -> None:
    """Reports' mentions in the order of :func:`kg.graph.reports`: resolution keeps the
    first spelling it sees, so the order must not depend on the order of builds."""
    stored = graph.graph.get("mentions", {})
    graph.graph["mentions"] = {r["id"]: stored[r["id"]] for r in reports(graph) if r["id"] in stored}
