"""``kg build`` and ``kg remove``: load report files into the embedded store, or take
them out of it.

Reading, structure and mention finding are per report (:func:`extract_report`) and run
in a process pool (``workers``) or on a Dask cluster (``scheduler``), before the store's
lock is taken — except for the first build of a store, which takes the lock first and
then goes a town at a time so as never to hold the whole graph (:func:`_first_build`). Derivation is incremental: a build or removal re-derives what depends on
the reports it touched — entity resolution runs over the stored mentions (cheap next to
finding them), and claims, indicator values with their pairing, and tracing are
re-derived for the towns whose reports, or whose entities, changed (a town's claims and
tracing depend on nothing outside its own reports and the entities they mention). A
store built in any order of builds and removals holds what a build of the same files
from scratch holds.

>>> summary = build(["data/reports"], Store(tempfile.mkdtemp()))  # doctest: +SKIP
>>> summary.loaded, sorted(summary.towns)  # doctest: +SKIP
(5, ['大场镇', '庙行镇', '罗店镇', '高境镇'])
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import orjson

from kg.errors import KgError
from kg.extraction.claims import CLAIM_LABELS, add_claims, extract_claims
from kg.extraction.entities import derive_entities, set_mentions
from kg.extraction.indicators import (
    add_indicator_values,
    extract_indicator_values,
    pair_values,
)
from kg.extraction.mentions import initialise as initialise_mentions
from kg.extraction.mentions import report_mentions
from kg.graph.model import add_edge, add_report, names_report, new_graph, remove_report, reports
from kg.graph.store import REPORT_TABLES, TABLES, Store, entity_rows, links_digest
from kg.ids import district_id, town_id
from kg.resources import sample_reports_dir
from loaders import SUFFIXES, LoaderError, Report, iter_report_paths, load
from loaders.structure import sha256_of

DERIVED_LABELS = (*CLAIM_LABELS, "IndicatorValue")
_ENTITY_EDGES = ("MENTIONS", "PART_OF", "ON_LINE", "LOCATED_IN")


@dataclass
class BuildSummary:
    loaded: int = 0
    towns: Counter = field(default_factory=Counter)  # reports loaded per town
    districts: dict[str, str] = field(default_factory=dict)  # town → district
    errors: list[LoaderError] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    replaced: list[tuple[str, str, str]] = field(default_factory=list)  # (source, old id, new id)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (source, how the text was read)
    removed: list[str] = field(default_factory=list)  # report ids
    rederived_towns: int = 0
    reports_in_store: int = 0
    entities: int = 0
    claims: int = 0

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def describe(self) -> str:
        """The build in one line: "5 reports across 4 towns of 宝山区 (5 in the store)".

        >>> BuildSummary(loaded=2, towns=Counter({"庙行镇": 2}), districts={"庙行镇": "宝山区"}, reports_in_store=2).describe()
        '2 reports across 1 towns of 宝山区 (2 in the store)'
        """
        districts = sorted(set(self.districts.values()))
        # A corpus from many counties is counted, not listed.
        where = "、".join(districts) if len(districts) <= 3 else f"{len(districts)} counties"
        failed = f"; {len(self.errors)} failed" if self.errors else ""
        return f"{self.loaded} reports across {len(self.towns)} towns of {where or '-'} ({self.reports_in_store} in the store{failed})"


@dataclass
class Extracted:
    """One file read: its report and raw mentions, or why it could not be loaded."""

    path: str
    report: Report | None = None
    mentions: list[dict] | None = None
    # (source, reason): a LoaderError itself does not survive pickling to a worker and back.
    failure: tuple[str, str] | None = None
    details: str | None = None  # the traceback of an error in kg, for --debug

    @property
    def error(self) -> LoaderError | None:
        if not self.failure:
            return None
        error = LoaderError(*self.failure)
        if self.details:
            error.details = self.details
        return error


def extract_report(path: str | Path) -> Extracted:
    """Read one file and find its mentions: the per-report work, needing no store. An
    unexpected exception (a bug) is that file's error, with its traceback kept."""
    try:
        report = load(path)
        mentions = [m.as_dict() for m in report_mentions(report)]
    except LoaderError as error:
        return Extracted(str(path), failure=(error.source, error.reason))
    except Exception as exc:
        message = " ".join(str(exc).split())
        return Extracted(
            str(path),
            failure=(str(path), f"could not be loaded: {type(exc).__name__}: {message} (an error in kg; --debug shows where)"),
            details=traceback.format_exc(),
        )
    return Extracted(str(path), report, mentions)


def default_workers() -> int:
    return os.cpu_count() or 1


def extract_all(
    paths: Iterable[str | Path],
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Callable[[Path], None] | None = None,
) -> list[Extracted]:
    """:func:`extract_report` for every file under ``paths``, in file order, serially
    (``workers=1``), in a pool of ``workers`` processes (default: every core), or on the
    Dask cluster at ``scheduler``."""
    files, empty = _report_files(paths)
    return empty + _extract_files(files, workers, scheduler, progress)


def _report_files(paths: Iterable[str | Path]) -> tuple[list[str], list[Extracted]]:
    """The report files under ``paths``, and a failure for each folder holding none."""
    files: list[str] = []
    empty: list[Extracted] = []
    for item in paths:
        found = [str(p) for p in iter_report_paths([item])]
        if not found and Path(item).is_dir():
            empty.append(
                Extracted(
                    str(item), failure=(str(item), f"no report files in this folder (expected {', '.join(sorted(SUFFIXES))})")
                )
            )
        files += found
    return files, empty


def _extract_files(
    files: list[str], workers: int | None, scheduler: str | None, progress: Callable[[Path], None] | None
) -> list[Extracted]:
    return list(_iter_extracted(files, workers, scheduler, progress))


def iter_extracted(
    paths: Iterable[str | Path],
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Callable[[Path], None] | None = None,
) -> Iterator[Extracted]:
    """:func:`extract_all`, one file at a time as each is done, in file order: a caller
    that keeps less of each than its document model never holds every model at once."""
    files, empty = _report_files(paths)
    yield from empty
    yield from _iter_extracted(files, workers, scheduler, progress)


def _iter_extracted(
    files: list[str], workers: int | None, scheduler: str | None, progress: Callable[[Path], None] | None
) -> Iterator[Extracted]:
    workers = default_workers() if workers is None else workers
    if scheduler:
        yield from _extract_on_dask(files, scheduler, progress)
        return
    if workers <= 1 or len(files) <= 1:
        for f in files:
            yield extract_report(f)
            if progress is not None:
                progress(Path(f))
        return
    context = multiprocessing.get_context()
    if context.get_start_method() == "fork":
        # Forked workers inherit what the parent loaded: mention finding's initialisation
        # is paid once, not once per worker (the parent needs jieba for the claims anyway).
        initialise_mentions()
    with ProcessPoolExecutor(max_workers=min(workers, len(files)), mp_context=context) as pool:
        # map keeps file order, so the result never depends on which worker was faster.
        for item in pool.map(extract_report, files, chunksize=1):
            yield item
            if progress is not None:
                progress(Path(item.path))


def _extract_on_dask(files: list[str], scheduler: str, progress: Callable[[Path], None] | None) -> list[Extracted]:
    try:
        from dask.distributed import Client, as_completed
    except ImportError as exc:
        raise KgError("--scheduler needs dask.distributed: pip install 'kg[dask]'") from exc
    try:
        client = Client(scheduler, timeout=30)
    except (OSError, TimeoutError) as exc:
        raise KgError(f"no Dask scheduler at {scheduler} ({exc})") from exc
    try:
        futures = client.map(extract_report, files, pure=False)
        for future in as_completed(futures):
            if progress is not None:
                progress(Path(future.result().path))
        return client.gather(futures)
    finally:
        client.close()


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
        first = _first_build(paths, store, summary, progress, workers, scheduler)
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
        part = _Part(tx)
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
                    or old.get("source") == report.source
                    or (old.get("town") == report.town and old.get("date") == date)
                ):
                    towns.add(_town_of(graph, old["id"]))
        part.load_towns(towns)
        touched: set[str | None] = set()
        for item in loaded:
            report = item.report
            assert report is not None and item.mentions is not None  # loaded holds successes only
            kept = _same_text_elsewhere(graph, report)
            if kept is not None:  # stored before from another file or encoding
                summary.duplicates.append((report.source, kept))
                continue
            # A file changed since it was loaded replaces its earlier version.
            for old in reports(graph):
                if old["id"] != report.id and old.get("source") == report.source:
                    touched.add(_town_of(graph, old["id"]))
                    remove_report(graph, old["id"])
                    part.removed.add(old["id"])
                    summary.replaced.append((report.source, old["id"], report.id))
            if report.id in graph:
                touched.add(_town_of(graph, report.id))
            add_report(graph, report)
            part.loaded.add(report.id)
            set_mentions(graph, report.id, item.mentions)
            touched.add(_town_of(graph, report.id))
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
            summary.entities, _, summary.rederived_towns = derive(graph, touched, widen=part.widen)
            tx.save(graph, part.scope)
        summary.claims = tx.derived_count()
        summary.reports_in_store = sum(1 for _, d in graph.nodes(data=True) if d.get("label") == "Report")
    return summary


def _first_build(
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
    layers and MENTIONS are added, its claims, indicator values and tracing derived, its
    reports' rows written and its layers dropped again. What is written equals what
    :func:`build` writes with the whole graph (tests/test_incremental.py,
    tests/test_parallel.py). None, with nothing done, when another build wrote the store
    first (while this one waited for its lock)."""
    import pickle

    from kg.tracing.review import apply_reviews

    with store.writing() as tx:
        part = _Part(tx)
        graph = part.graph
        if any(True for _ in reports(graph)):
            return None
        seen: dict[str, str] = {}
        fingerprints: dict[tuple, list[tuple[str, str, str]]] = defaultdict(list)  # (town, date) → (id, source, digest)
        lexical: dict[str, bytes] = {}
        for item in iter_extracted(paths, workers=workers, scheduler=scheduler, progress=progress):
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
            kept = next((r for r, source, f in same if source != report.source and f == fingerprint), None)
            if kept is not None:
                summary.duplicates.append((report.source, kept))
                continue
            same.append((report.id, report.source, fingerprint))
            own = new_graph()
            add_report(own, report)
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
            _order_mentions(graph)
            _settle_places(graph)
            mentioned: dict[tuple[str, str], dict] = {}
            summary.entities = derive_entities(graph, mentioned)
            by_report: dict[str, list] = defaultdict(list)
            for (sentence, entity), properties in mentioned.items():
                by_report[sentence.split(":", 1)[0]].append((sentence, entity, properties))
            del mentioned
            towns: dict[str | None, list[str]] = defaultdict(list)
            for r in reports(graph):
                towns[_town_of(graph, r["id"])].append(r["id"])
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
                _derive_in(sub, ids)
                apply_reviews(sub)
                tx.save(sub, ids, tables=REPORT_TABLES)
                graph.remove_nodes_from([n for nodes in layers.values() for n in nodes])
                summary.rederived_towns += 1
        tx.save(graph, set(), tables=[t for t in TABLES if t not in REPORT_TABLES])
        summary.claims = tx.derived_count()
        summary.reports_in_store = sum(1 for _ in reports(graph))
    return summary


class _Part:
    """The part of the store a build or removal changes, as a graph: every report's
    node, the entity layer and every report's raw mentions (entity resolution is over
    all of them), and the lexical layers of the towns whose claims are derived again.
    Loading the whole graph cost a store of 1000 reports most of the time of adding
    one; what is not loaded is not written either (``scope``)."""

    def __init__(self, tx) -> None:
        self.tx = tx
        self.graph, self.stored = tx.load_skeleton()
        self.loaded: set[str] = set()  # reports whose lexical layer is in the graph
        self.removed: set[str] = set()

    def _towns(self) -> set[str | None]:
        return {_town_of(self.graph, r["id"]) for r in reports(self.graph)}

    @property
    def scope(self) -> set[str]:
        return self.loaded | self.removed

    def load_towns(self, towns: set[str | None]) -> None:
        wanted = [r["id"] for r in reports(self.graph) if r["id"] not in self.loaded and _town_of(self.graph, r["id"]) in towns]
        self.tx.add_layers(self.graph, wanted)
        self.loaded.update(wanted)

    def widen(self, graph: nx.MultiDiGraph, edges: dict[tuple[str, str], dict]) -> set[str | None]:
        """The towns whose reports' MENTIONS changed, or whose derivation sees an entity
        or entity relationship that changed, judged against the store; their lexical
        layers are loaded and given their MENTIONS (``edges``: every one, :func:`kg.extraction.entities.mention_edges`)."""
        by_report: dict[str, list] = defaultdict(list)
        for (sentence, entity), properties in edges.items():
            data = {k: v for k, v in properties.items() if v is not None}
            data["type"] = "MENTIONS"
            by_report[sentence.split(":", 1)[0]].append([sentence, "MENTIONS", entity, data])
        changed_reports = {
            r
            for r in by_report.keys() | self.stored.links.keys()
            if links_digest(by_report.get(r, [])) != self.stored.links.get(r)
        }
        entities, entity_edges = entity_rows(graph)
        changed = {e for e in entities.keys() | self.stored.entities.keys() if entities.get(e) != self.stored.entities.get(e)}
        for key in entity_edges.keys() | self.stored.edges.keys():
            if entity_edges.get(key) != self.stored.edges.get(key):
                # A town's derivation sees a relationship only with its start (town_graph):
                # a town whose reports mention the start, or mention what the start is a part of.
                changed.add(key[0])
        # A town's derivation sees the wholes, lines and places of what it mentions (town_graph).
        changed |= {start for edge_keys in (entity_edges, self.stored.edges) for start, rel, end in edge_keys if end in changed}
        if changed:
            changed_reports |= self.tx.reports_about(changed)
            changed_reports |= {s.split(":", 1)[0] for s, e in edges if e in changed}
        towns = {_town_of(graph, r) for r in changed_reports if r in graph}
        # A report's own town is in its town's derivation whether or not it is mentioned.
        towns |= {t for t in self._towns() if t in changed}
        before = set(self.loaded)
        self.load_towns(towns)
        for (sentence, entity), properties in edges.items():
            if sentence.split(":", 1)[0] not in before and sentence in graph:
                add_edge(graph, sentence, entity, "MENTIONS", **properties)
        return towns


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


def find_reports(graph: nx.MultiDiGraph, key: str) -> list[str]:
    """The reports ``key`` names (:func:`kg.graph.model.names_report`)."""
    return [r["id"] for r in reports(graph) if names_report(r, key)]


def remove(keys: Iterable[str], store: Store) -> BuildSummary:
    """Take the reports ``keys`` name (see :func:`find_reports`) out of the store and
    re-derive what depended on them. A key naming no report, or several, stops it with
    nothing removed."""
    summary = BuildSummary()
    with store.writing() as tx:
        part = _Part(tx)
        graph = part.graph
        ids = []
        for key in keys:
            found = find_reports(graph, key)
            if not found:
                raise KgError(f"no report '{key}' in the store at {store.path} (see 'kg export reports')")
            if len(found) > 1:
                raise KgError(f"'{key}' names {len(found)} reports: {', '.join(found)}")
            ids += found
        touched = {_town_of(graph, r) for r in ids}
        part.load_towns(touched)
        for report_id in dict.fromkeys(ids):
            remove_report(graph, report_id)
            part.loaded.discard(report_id)
            part.removed.add(report_id)
            summary.removed.append(report_id)
        summary.entities, _, summary.rederived_towns = derive(graph, touched, widen=part.widen)
        tx.save(graph, part.scope)
        summary.claims = tx.derived_count()
        summary.reports_in_store = sum(1 for _, d in graph.nodes(data=True) if d.get("label") == "Report")
    return summary


def _town_of(graph: nx.MultiDiGraph, report_id: str) -> str | None:
    """The town a report is about (its REPORTS_ON target): the unit of re-derivation."""
    return next((t for _, t, k in graph.out_edges(report_id, keys=True) if k == "REPORTS_ON"), None)


def derive(
    graph: nx.MultiDiGraph,
    touched: set[str | None] | None = None,
    before: tuple[dict, dict] | None = None,
    widen: Callable[[nx.MultiDiGraph, dict], set[str | None]] | None = None,
) -> tuple[int, int, int]:
    """Re-derive entities, then claims, indicator values with their pairing, and tracing
    (keeping reviewers' overrides) for the towns in ``touched`` (None: every town) and
    the towns whose entities changed since ``before`` (the entity layer as the store held
    it: :func:`_entity_layer`), or, for a graph of part of the store, the towns ``widen``
    finds from every MENTIONS edge resolved. Returns (entities, claims and indicator
    values in the graph, towns re-derived)."""
    from kg.tracing.review import apply_reviews

    _order_mentions(graph)
    _settle_places(graph)
    if touched is not None and before is None and widen is None:
        raise ValueError("an incremental derivation needs the entity layer as it was before the change")
    # Resolution makes entity nodes anew, dropping the claims' edges to them: kept here
    # for the claims of towns that are not re-derived.
    about = [
        (s, e, k, d)
        for s, e, k, d in graph.edges(keys=True, data=True)
        if k == "ABOUT" and graph.nodes[s].get("label") in DERIVED_LABELS
    ]
    mentions: dict = {}
    entities = derive_entities(graph, mentions if widen is not None else None)
    for start, end, key, data in about:
        if end in graph and not graph.has_edge(start, end, key):
            graph.add_edge(start, end, key=key, **data)
    towns: dict[str | None, list[str]] = defaultdict(list)
    for r in reports(graph):
        towns[_town_of(graph, r["id"])].append(r["id"])
    if touched is None:
        affected = set(towns)
    elif widen is not None:
        # A build touching every town (the first build of a store) has nothing to widen.
        affected = touched | (widen(graph, mentions) if set(towns) - touched else set())
    else:
        assert before is not None  # checked above
        affected = touched | _towns_of_changed_entities(graph, before, _entity_layer(graph))
    stale = [
        n
        for n, d in graph.nodes(data=True)
        if d.get("label") in DERIVED_LABELS and (d.get("report") not in graph or _town_of(graph, d["report"]) in affected)
    ]
    graph.remove_nodes_from(stale)
    by_report = _nodes_by_report(graph)
    done = 0
    for town in sorted(affected & set(towns), key=lambda t: t or ""):
        _derive_town(graph, towns[town], by_report)
        done += 1
    apply_reviews(graph)
    claims = sum(1 for _, d in graph.nodes(data=True) if d.get("label") in DERIVED_LABELS)
    return entities, claims, done


def _order_mentions(graph: nx.MultiDiGraph) -> None:
    """Reports' mentions in the order of :func:`kg.graph.model.reports`: resolution keeps the
    first spelling it sees, so the order must not depend on the order of builds."""
    stored = graph.graph.get("mentions", {})
    graph.graph["mentions"] = {r["id"]: stored[r["id"]] for r in reports(graph) if r["id"] in stored}


def _settle_places(graph: nx.MultiDiGraph) -> None:
    """Towns and districts a report names are the report's; any other is derived from
    mentions (and goes when no mention names it). Settled before every derivation, so
    that a place's node does not depend on whether a report naming it came first."""
    backed = set()
    for r in reports(graph):
        city = r.get("city") or r.get("province")
        if r.get("district"):
            backed.add(district_id(city, r["district"]))
        if r.get("town"):
            backed.add(town_id(city, r.get("district"), r["town"]))
    for node, data in graph.nodes(data=True):
        if data.get("label") in ("Town", "District"):
            if node in backed:
                data.pop("derived", None)
            else:
                data["derived"] = True


def _entity_layer(graph: nx.MultiDiGraph) -> tuple[dict, dict]:
    from kg.extraction.mentions import ENTITY_TYPES

    # Digests, not the JSON itself: two copies of a big graph's entity layer would not be small.
    nodes = {n: _digest(d) for n, d in graph.nodes(data=True) if d.get("label") in ENTITY_TYPES}
    # Every entity relationship has an entity at one end (MENTIONS ends at one, the
    # hierarchy starts at one): the entities' own edges, not a scan of the whole graph's.
    edges = {}
    for node in nodes:
        for s, e, k, d in graph.in_edges(node, keys=True, data=True):
            if k in _ENTITY_EDGES:
                edges[(s, k, e)] = _digest(d)
        for s, e, k, d in graph.out_edges(node, keys=True, data=True):
            if k in _ENTITY_EDGES:
                edges[(s, k, e)] = _digest(d)
    return nodes, edges


def _digest(data: dict) -> bytes:
    return hashlib.blake2b(orjson.dumps(data, option=orjson.OPT_SORT_KEYS), digest_size=16).digest()


def _towns_of_changed_entities(graph: nx.MultiDiGraph, before: tuple[dict, dict], after: tuple[dict, dict]) -> set[str | None]:
    """Towns whose reports mention an entity that changed (name, aliases, parts, a
    mention resolved differently), or whose mentions now resolve differently."""
    (nodes_0, edges_0), (nodes_1, edges_1) = before, after
    changed = {n for n in nodes_0.keys() | nodes_1.keys() if nodes_0.get(n) != nodes_1.get(n)}
    sentences = set()
    for key in edges_0.keys() | edges_1.keys():
        if edges_0.get(key) != edges_1.get(key):
            start, rel, end = key
            if rel == "MENTIONS":
                sentences.add(start)
            else:
                changed |= {start, end}
    # A claim names an entity's whole and line too: a change there reaches the parts.
    for edges in (edges_0, edges_1):
        for start, rel, end in edges:
            if rel in ("PART_OF", "ON_LINE") and end in changed:
                changed.add(start)
    for edges in (edges_0, edges_1):
        for start, rel, end in edges:
            if rel == "MENTIONS" and end in changed:
                sentences.add(start)
    found_reports = {graph.nodes[s]["report"] for s in sentences if s in graph}
    return {_town_of(graph, r) for r in found_reports if r in graph}


def _nodes_by_report(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        if data.get("report") and data.get("label") not in DERIVED_LABELS:
            out[data["report"]].append(node)
    return out


def _derive_in(sub: nx.MultiDiGraph, report_ids: list[str]) -> None:
    """Claims, indicator values with their pairing, and tracing of one town's reports, in
    its :func:`town_graph`."""
    from kg.tracing.trace import add_trace, trace

    for report_id in report_ids:
        add_claims(sub, extract_claims(sub, report_id))
    values = [v for report_id in report_ids for v in extract_indicator_values(sub, report_id)]
    add_indicator_values(sub, values, pair_values(sub, values))
    add_trace(sub, trace(sub))


def town_graph(graph: nx.MultiDiGraph, report_ids: list[str], by_report: dict[str, list[str]]) -> nx.MultiDiGraph:
    """The part of the graph one town's claims, indicator values and tracing are derived
    from: its reports with their lexical layers, the entities they mention, and the
    wholes and lines of those (with copies of their properties)."""
    lexical = set(report_ids)
    for r in report_ids:
        lexical.update(by_report.get(r, ()))
    entities = {e for n in lexical for _, e, k in graph.out_edges(n, keys=True) if k in ("REPORTS_ON", "MENTIONS")}
    entities |= {
        p for e in list(entities) for _, p, k in graph.out_edges(e, keys=True) if k in ("PART_OF", "ON_LINE", "LOCATED_IN")
    }
    keep = lexical | entities
    sub = new_graph()
    sub.graph["mentions"] = {r: graph.graph.get("mentions", {}).get(r, []) for r in report_ids}
    sub.graph["reviews"] = graph.graph.get("reviews", {})
    for node in sorted(keep):
        sub.add_node(node, **graph.nodes[node])
    for node in sorted(keep):
        for _, target, key, data in graph.out_edges(node, keys=True, data=True):
            if target in keep:
                sub.add_edge(node, target, key=key, **data)
    return sub


def _derive_town(graph: nx.MultiDiGraph, report_ids: list[str], by_report: dict[str, list[str]]) -> None:
    sub = town_graph(graph, report_ids, by_report)
    _derive_in(sub, report_ids)
    made = sorted(n for n, d in sub.nodes(data=True) if d.get("label") in DERIVED_LABELS)
    for node in made:
        graph.add_node(node, **sub.nodes[node])
    for node in made:
        for _, target, key, data in sub.out_edges(node, keys=True, data=True):
            graph.add_edge(node, target, key=key, **data)
