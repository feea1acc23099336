"""``kg build`` and ``kg remove`` on a store that holds reports: what changed is merged
in and what depends on it re-derived (:func:`build`, :func:`remove`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import networkx as nx

from kg.build.derive import derive, town_of
from kg.build.duplicates import same_session_warning, same_text_elsewhere
from kg.build.extract import Extracted, extract_all, shared_source
from kg.build.first import first_build
from kg.build.part import Part
from kg.build.summary import BuildSummary
from kg.errors import KgError
from kg.extraction.entities import set_mentions
from kg.graph.model import add_report, names_report, remove_report, report_path, reports
from kg.graph.store import Store
from kg.ids import town_id
from kg.resources import sample_reports_dir
from loaders.structure import sha256_of


def build(
    paths: Iterable[str | Path] | None,
    store: Store,
    progress: Callable[[Path], None] | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
) -> BuildSummary:
    """Load the reports under ``paths`` (default: the sample reports) and merge them into
    the store: a report already there (same content, or the same file since changed)
    is replaced, others are kept.
    Files that fail are listed in the summary; the rest are saved."""
    paths = list(paths) if paths else [sample_reports_dir()]
    summary = BuildSummary()
    if store.is_empty():
        first = first_build(paths, store, summary, progress, workers, scheduler)
        if first is not None:
            return first
    loaded: list[Extracted] = []
    seen: dict[str, str] = {}
    for item in extract_all(paths, workers=workers, scheduler=scheduler, progress=progress):
        if item.error is not None:
            summary.errors.append(item.error)
            continue
        assert item.report is not None and item.mentions is not None  # what a success carries
        # The same report in another encoding (or with other line ends) is the same text.
        text_digest = "text:" + sha256_of(item.report.original.encode("utf-8"))
        if item.report.sha256 in seen or text_digest in seen:
            summary.duplicates.append((item.path, seen.get(item.report.sha256) or seen[text_digest]))
        else:
            seen[item.report.sha256] = seen[text_digest] = item.report.id
            loaded.append(item)
    with store.writing() as tx:
        part = Part(tx)
        graph = part.graph
        # The towns a change lands in, with their reports' lexical layers, before changing
        # anything: a report's own town, the town of the file it replaces, and the reports
        # a copy of it may duplicate.
        towns: set[str | None] = set()
        for item in loaded:
            report = item.report
            assert report is not None  # loaded holds successes only
            # Reports of no town are derived together, as one town's are.
            towns.add(town_id(report.city or report.province, report.district, report.town) if report.town else None)
            date = report.date.isoformat() if report.date else None
            for old in reports(graph):
                if (
                    old["id"] == report.id
                    or report_path(old) == report.source
                    or (old.get("town") == report.town and old.get("date") == date)
                ):
                    towns.add(town_of(graph, old["id"]))
        part.load_towns(towns)
        touched: set[str | None] = set()
        for item in loaded:
            report = item.report
            assert report is not None and item.mentions is not None  # loaded holds successes only
            kept = same_text_elsewhere(graph, report)
            if kept is not None:  # stored before from another file or encoding
                summary.duplicates.append((report.source, kept))
                continue
            # A file changed since it was loaded replaces its earlier version.
            for old in reports(graph):
                if old["id"] != report.id and report_path(old) == report.source:
                    touched.add(town_of(graph, old["id"]))
                    remove_report(graph, old["id"])
                    part.removed.add(old["id"])
                    summary.replaced.append((report.source, old["id"], report.id))
            # A report stored before was told of when it came (an incremental build loads
            # every file again): one warning per pair, none on a build that adds nothing.
            stored = report.id in graph
            if stored:
                touched.add(town_of(graph, report.id))
            source = shared_source(item.path, paths)
            date = report.date.isoformat() if report.date else None
            other = next(
                (
                    old
                    for old in reports(graph)
                    if report.town
                    and date
                    and old["id"] != report.id
                    and (old.get("district"), old.get("town"), old.get("date")) == (report.district, report.town, date)
                ),
                None,
            )
            if other is not None and not stored:
                summary.warnings.append((source, same_session_warning(report, other.get("source") or "", other["id"], source)))
            add_report(graph, report, source)
            part.loaded.add(report.id)
            set_mentions(graph, report.id, item.mentions)
            touched.add(town_of(graph, report.id))
            summary.loaded += 1
            summary.warnings += [(report.source, w) for w in report.warnings]
            town = report.town or "(town not found)"
            summary.towns[town] += 1
            summary.districts[town] = report.district or "?"
            # The graph has it now: every report's document model held to the end of a
            # large build would sit on top of the graph at its peak of memory.
            item.report = item.mentions = None
        if loaded:
            # Every town whose lexical layers were loaded is derived again: its reports are
            # written back (part.scope), and a report written without its derived layers
            # would lose them — a copy of a stored report in another encoding, or a town of
            # the same name and date in another district, loads a town it does not touch.
            touched |= towns
            summary.entities, _, summary.rederived_towns = derive(graph, touched, widen=part.widen, partial=part.partial())
            tx.save(graph, part.scope)
        summary.claims = tx.derived_count()
        summary.reports_in_store = sum(1 for _, d in graph.nodes(data=True) if d.get("label") == "Report")
    return summary


def find_reports(graph: nx.MultiDiGraph, key: str) -> list[str]:
    """The reports ``key`` names (:func:`kg.graph.model.names_report`)."""
    return [r["id"] for r in reports(graph) if names_report(r, key)]


def remove(keys: Iterable[str], store: Store) -> BuildSummary:
    """Take the reports ``keys`` name (see :func:`find_reports`) out of the store and
    re-derive what depended on them. A key naming no report, or several, stops it with
    nothing removed."""
    summary = BuildSummary()
    with store.writing() as tx:
        part = Part(tx)
        graph = part.graph
        ids = []
        for key in keys:
            found = find_reports(graph, key)
            if not found:
                raise KgError(f"no report '{key}' in the store at {store.path} (see 'kg export reports')")
            if len(found) > 1:
                raise KgError(f"'{key}' names {len(found)} reports: {', '.join(found)}")
            ids += found
        touched = {town_of(graph, r) for r in ids}
        part.load_towns(touched)
        for report_id in dict.fromkeys(ids):
            remove_report(graph, report_id)
            part.loaded.discard(report_id)
            part.removed.add(report_id)
            summary.removed.append(report_id)
        summary.entities, _, summary.rederived_towns = derive(graph, touched, widen=part.widen, partial=part.partial())
        tx.save(graph, part.scope)
        summary.claims = tx.derived_count()
        summary.reports_in_store = sum(1 for _, d in graph.nodes(data=True) if d.get("label") == "Report")
    return summary
