"""The first build of a store, a town at a time, the towns derived in the process pool
(:func:`first_build`)."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import ExitStack
from itertools import chain
from pathlib import Path

from kg.build.derive import order_mentions, settle_places, town_graph, town_of, town_rows
from kg.build.duplicates import same_session_warning, text_fingerprint
from kg.build.extract import default_workers, iter_files, process_pool, report_files, shared_source
from kg.build.part import Part
from kg.build.summary import BuildSummary
from kg.extraction.entities import derive_entities, set_mentions
from kg.graph.model import add_edge, add_report, new_graph, reports
from kg.graph.store import REPORT_TABLES, TABLES, Store
from loaders.structure import sha256_of


def first_build(
    paths: list[str | Path],
    store: Store,
    summary: BuildSummary,
    progress: Callable[[Path], None] | None,
    workers: int | None,
    scheduler: str | None,
) -> BuildSummary | None:
    """A build into an empty store, a town at a time, so that neither every report's
    document model nor the whole graph is in memory at once (the whole graph of 1000
    reports took a build to 1.6 GB). As each report is extracted, its node and place join
    a skeleton (reports, places, raw mentions) and its lexical layer is kept as pickled
    bytes; entity resolution runs over every report's mentions; then each town's lexical
    layers and MENTIONS are added, its own graph taken (:func:`town_graph`) and its layers
    dropped again; the town's claims, indicator values and tracing are derived in the
    process pool of the reading (:func:`town_rows`, which also encodes and compresses the
    rows; the main process meanwhile writes the towns before it), and its reports' rows written. What is written equals what
    :func:`build` writes with the whole graph (tests/test_incremental.py,
    tests/test_parallel.py). None, with nothing done, when another build wrote the store
    first (while this one waited for its lock)."""
    import pickle

    files, empty = report_files(paths)
    with ExitStack() as stack:
        # One pool for both the reading and the towns' derivation: its workers start once,
        # and before the store's write connection opens (a forked child must not inherit an
        # open SQLite connection: SQLite's "how to corrupt" page, on carrying one across fork).
        pool = None if scheduler else process_pool(workers, len(files))
        if pool is not None:
            stack.callback(pool.shutdown, cancel_futures=True)
            pool.submit(int).result()  # forks every worker now, not at the first report
        tx = stack.enter_context(store.writing())
        part = Part(tx)
        graph = part.graph
        if any(True for _ in reports(graph)):
            return None
        seen: dict[str, str] = {}
        # (town, date) → (id, path, digest, source, district)
        fingerprints: dict[tuple, list[tuple[str, str, str, str, str | None]]] = defaultdict(list)
        lexical: dict[str, bytes] = {}
        for item in chain(empty, iter_files(files, workers, scheduler, progress, pool)):
            if item.error is not None:
                summary.errors.append(item.error)
                continue
            report, mentions = item.report, item.mentions
            assert report is not None and mentions is not None  # what a success carries
            item.report = item.mentions = None
            # As build does: the same text in another encoding, or from another file.
            text_digest = "text:" + sha256_of(report.original.encode("utf-8"))
            if report.sha256 in seen or text_digest in seen:
                summary.duplicates.append((item.path, seen.get(report.sha256) or seen[text_digest]))
                continue
            seen[report.sha256] = seen[text_digest] = report.id
            date = report.date.isoformat() if report.date else None
            fingerprint = text_fingerprint((s.start, s.text) for s in report.sentences())
            same = fingerprints[(report.town, date)]
            kept = next((r for r, path, f, _, _ in same if path != report.source and f == fingerprint), None)
            if kept is not None:
                summary.duplicates.append((report.source, kept))
                continue
            source = shared_source(item.path, paths)
            other = next((o for o in same if o[4] == report.district), None) if report.town and date else None
            if other is not None:
                summary.warnings.append((source, same_session_warning(report, other[3], other[0], source)))
            same.append((report.id, report.source, fingerprint, source, report.district))
            own = new_graph()
            add_report(own, report, source)
            layer = {n for n, d in own.nodes(data=True) if d.get("report") == report.id}
            for node, data in own.nodes(data=True):
                if node not in layer:
                    if node in graph:
                        graph.nodes[node].update(data)
                    else:
                        graph.add_node(node, **data)
            edges = list(own.edges(keys=True, data=True))
            for start, end, key, data in edges:
                if start not in layer and end not in layer:
                    graph.add_edge(start, end, key=key, **data)
            lexical[report.id] = pickle.dumps(
                (
                    [(n, own.nodes[n]) for n in own.nodes if n in layer],
                    [e for e in edges if e[0] in layer or e[1] in layer],
                ),
                protocol=pickle.HIGHEST_PROTOCOL,
            )
            set_mentions(graph, report.id, mentions)
            summary.loaded += 1
            summary.warnings += [(report.source, w) for w in report.warnings]
            town = report.town or "(town not found)"
            summary.towns[town] += 1
            summary.districts[town] = report.district or "?"
        if summary.loaded:
            # derive()'s first steps, over the skeleton: resolution needs every report's
            # mentions, not its sentences.
            order_mentions(graph)
            settle_places(graph)
            mentioned: dict[tuple[str, str], dict] = {}
            summary.entities = derive_entities(graph, mentioned)
            by_report: dict[str, list] = defaultdict(list)
            for (sentence, entity), properties in mentioned.items():
                by_report[sentence.split(":", 1)[0]].append((sentence, entity, properties))
            del mentioned
            towns: dict[str | None, list[str]] = defaultdict(list)
            for r in reports(graph):
                towns[town_of(graph, r["id"])].append(r["id"])
            # Each town's graph is derived in the pool while the main process writes the
            # towns before it, in the order of a serial build (the rows do not depend on
            # which worker was faster); a few towns in flight keep every worker busy without
            # holding many towns' layers.
            in_flight: deque[tuple[list[str], Future | dict]] = deque()
            limit = 2 * (default_workers() if workers is None else workers) if pool is not None else 0
            for place in sorted(towns, key=lambda t: t or ""):
                ids = towns[place]
                layers: dict[str, list[str]] = {}
                for report_id in ids:
                    nodes, edges = pickle.loads(lexical.pop(report_id))
                    graph.add_nodes_from(nodes)
                    for start, end, key, data in edges:
                        graph.add_edge(start, end, key=key, **data)
                    layers[report_id] = [n for n, _ in nodes]
                    for sentence, entity, properties in by_report.pop(report_id, []):
                        add_edge(graph, sentence, entity, "MENTIONS", **properties)
                # The town's own graph is derived and written: a pass over the whole
                # skeleton for each town would grow with the square of the corpus.
                sub = town_graph(graph, ids, layers)
                graph.remove_nodes_from([n for nodes in layers.values() for n in nodes])
                in_flight.append((ids, pool.submit(town_rows, sub, ids) if pool is not None else town_rows(sub, ids)))
                while len(in_flight) > limit:
                    _save_town(tx, *in_flight.popleft())
                    summary.rederived_towns += 1
            while in_flight:
                _save_town(tx, *in_flight.popleft())
                summary.rederived_towns += 1
        tx.save(graph, set(), tables=[t for t in TABLES if t not in REPORT_TABLES])
        summary.claims = tx.derived_count()
        summary.reports_in_store = sum(1 for _ in reports(graph))
    return summary


def _save_town(tx, ids: list[str], derived: Future | dict) -> None:
    tx.write_report_rows(derived.result() if isinstance(derived, Future) else derived, ids)
