"""Writing the graph to Neo4j: constraints first, then batched, idempotent MERGEs.

Nodes are merged on ``id`` per label and relationships per (type, start label, end
label) with ``UNWIND $rows``, so pushing the same graph twice leaves the database as it
was, and every MERGE is backed by a uniqueness constraint's index. A commitment also
gets its status's label (``:Delivered``, … from the ontology's ``kg:neo4jLabel``) so that
Browser's style sheet, which styles by label only, can colour it by status. Transient errors
(deadlocks, a leader switch, a server that went away) are retried with exponential backoff by
the driver's managed transactions (``execute_write``/``execute_read``), for up to
``Connection.retry_seconds`` (``RETRY_SECONDS``, or ``KG_NEO4J_RETRY_SECONDS``); then the push
stops with one line. Every batch is an idempotent MERGE, so a push cut short (a crash, a
kill) is finished by pushing again: the database converges to the graph of a clean push.

Cypher takes values only as parameters (``$rows``, ``$ids``); the labels, relationship types
and index names written into statements come from the ontology (``kg.graph.ontology``), never from
the data (``tests/test_injection.py`` checks every statement in the code).

The database mirrors the store: after writing, nodes of the ontology's labels and
relationships of its types that the graph no longer holds (a re-loaded report's old
sentences, claims and mentions) are deleted; everything else — other labels, other
reports' data — is left alone. ``wipe`` empties the database first.
"""

from __future__ import annotations

import gc
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

import networkx as nx
import orjson

from kg.errors import KgError
from kg.graph.model import flat_properties
from kg.graph.ontology import (
    fulltext_indexes,
    labels_under,
    neo4j_labels,
    node_labels,
    read_cypher_statements,
    relationship_types,
    schema_file,
    status_labels,
)
from kg.graph.store import REPORT_CLASSES, PushReading, ReportDigests, Store
from kg.sinks.connection import Connection, neo4j_session

BATCH_SIZE = 1000


@dataclass
class PushSummary:
    nodes: dict[str, int] = field(default_factory=dict)  # label → nodes written
    relationships: dict[str, int] = field(default_factory=dict)  # type → written
    constraints: int = 0
    removed_nodes: int = 0  # stale nodes deleted after writing
    removed_relationships: int = 0
    units_pushed: int | None = None  # an incremental push: reports and entity buckets written

    @property
    def node_count(self) -> int:
        return sum(self.nodes.values())

    @property
    def relationship_count(self) -> int:
        return sum(self.relationships.values())


@contextmanager
def _without_gc() -> Iterator[None]:
    """The cyclic garbage collector paused: building a million rows (tuples, dicts,
    lists) next to a graph of a million objects set off collections that traversed the
    whole graph again and again — the largest share of an incremental push's hashing
    under the profiler. What the push builds is freed by reference counting."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def ontology_name(name: str, allowed) -> str:
    """A label or relationship type to write into a statement, in backticks: only one of
    the ontology's (``allowed``). Values never go into statements; names cannot be
    parameters in Cypher, so they are checked instead.

    >>> ontology_name("Town", {"Town"})
    '`Town`'
    """
    if name not in allowed:
        raise KgError(f"refusing to write {name!r} to Neo4j: not a label or relationship type of the ontology")
    return f"`{name}`"


def _batches(rows: list, size: int):
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def push(
    graph: nx.MultiDiGraph,
    connection: Connection,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    wipe: bool = False,
    incremental: bool = False,
    digests: Mapping[str, bytes] | None = None,
) -> PushSummary:
    """Write ``graph`` to Neo4j and delete what it no longer holds (see the module's
    docstring); ``wipe`` first empties the whole database. ``incremental`` writes only
    the reports (and buckets of entities) whose content changed since the last push
    recorded in the database (:data:`STATE_LABEL`), and deletes what they no longer
    hold; without a record it pushes everything, and it ends by recording the content
    hashes. A full push deletes the record (the next incremental push is a full one):
    it never leaves a record the database does not match. ``progress(n)`` is called
    after each batch of n rows. ``digests``: the store's digest of each report of this
    very graph (:meth:`kg.graph.store.Store.load_with_digests`), from which an
    incremental push tells a report's changes instead of hashing its rows."""
    with _without_gc():
        return _push(graph, connection, batch_size, progress, wipe, incremental, digests)


def push_store(
    store: Store,
    connection: Connection,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    wipe: bool = False,
    incremental: bool = False,
    rows: Callable[[int], None] | None = None,
) -> PushSummary:
    """:func:`push` of the graph in ``store``. An incremental push reads only what it
    needs (:meth:`kg.graph.store.Store.reading_for_push`): the reports' digests, the
    entities and places, and the rows of the reports it writes; the whole graph only
    when it writes everything (no record in the database, or ``wipe``). ``rows(n)`` is
    called once, with the number of rows to write, before the first is written."""
    if not incremental:
        graph = store.load()
        if rows:
            rows(graph.number_of_nodes() + graph.number_of_edges())
        return push(graph, connection, batch_size, progress, wipe)
    with store.reading_for_push() as reading, _without_gc():
        return _push(reading.graph, connection, batch_size, progress, wipe, True, reading.digests, reading, rows)


def _push(
    graph: nx.MultiDiGraph,
    connection: Connection,
    batch_size: int,
    progress: Callable[[int], None] | None,
    wipe: bool,
    incremental: bool,
    digests: Mapping[str, bytes] | None = None,
    reading: PushReading | None = None,
    rows: Callable[[int], None] | None = None,
) -> PushSummary:
    """``reading``: where ``graph`` came from, when it holds only part of the store's
    graph (:class:`kg.graph.store.PushReading`); the rows a push writes are read from it."""
    summary = PushSummary()
    if not incremental:
        # Every name is checked before anything is written: a bad one must not leave half a push.
        _check_names(graph)
    units = _Units(graph, digests or {}) if incremental else None
    with neo4j_session(connection, "push to Neo4j", hint=" (push again when the server is back: the push converges)") as session:
        state = _read_state(session) if units is not None and not wipe else None
        changed: list[str] = []
        gone: list[str] = []
        if state is None:
            if reading is not None:  # everything is written: the whole graph
                graph, whole_digests = reading.whole()
                units = _Units(graph, whole_digests)
            nodes, edges = list(graph.nodes), list(graph.edges(keys=True))
        else:
            assert units is not None
            changed = sorted(u for u, digest in units.hashes.items() if state.get(u) != digest)
            gone = sorted(u for u in state if u not in units.hashes)
            if reading is not None:
                reading.add_reports(u[len("report:") :] for u in changed if u.startswith("report:"))
            nodes, edges = units.members(changed)
        if rows:
            rows(len(nodes) + len(edges))
        if incremental:
            # The names of what will be written only: the whole graph's was 2.2 s of an
            # incremental push at 1000 reports, which writes a few hundred rows.
            _check_names(graph, nodes, edges)
        if wipe:
            wipe_database(session)
        _drop_outdated_fulltext_indexes(session)
        summary.constraints = _ensure_schema(session)
        if state is None:
            _push_rows(session, graph, nodes, edges, batch_size, progress, summary)
            if not wipe:
                summary.removed_nodes, summary.removed_relationships = _remove_stale(session, graph, batch_size)
        else:
            _push_changes(session, graph, changed, gone, nodes, edges, batch_size, progress, summary)
        if units is not None:
            _write_state(session, units.hashes)
        else:
            session.run(f"MATCH (s:{_STATE}) DELETE s").consume()
    return summary


# Range indexes an earlier schema made that no query or write uses (see schema/kg.ttl):
# each was an index entry for every node of its label that every push wrote, sentences
# most of all. A push drops them from a database it finds them in; the names are the
# code's, never the data's or the server's.
RETIRED_INDEXES = ("part_report", "section_report", "sentence_report", "commitment_status")

_SCHEMA_NAME = re.compile(r"^CREATE (?:CONSTRAINT|(?:FULLTEXT |RANGE |TEXT |POINT )?INDEX) (\w+) IF NOT EXISTS\b")


def _ensure_schema(session) -> int:
    """Run the schema's statements whose constraint or index the database lacks (by
    name, as ``IF NOT EXISTS`` does); returns how many the schema has. Each statement is
    a schema transaction of its own, and an incremental push of one report paid about
    fifty of them every time."""
    existing = {
        row["name"]
        for query in ("SHOW CONSTRAINTS YIELD name RETURN name", "SHOW INDEXES YIELD name RETURN name")
        for row in session.execute_read(lambda tx, q=query: tx.run(q).data())
    }
    for name in sorted(existing & set(RETIRED_INDEXES)):
        session.execute_write(lambda tx, q=f"DROP INDEX `{name}` IF EXISTS": tx.run(q).consume())
    statements = read_cypher_statements(schema_file())
    for statement in statements:
        match = _SCHEMA_NAME.match(statement.strip())
        if match and match.group(1) in existing:
            continue
        session.execute_write(lambda tx, q=statement: tx.run(q).consume())
    return len(statements)


def _check_names(
    graph: nx.MultiDiGraph, nodes: Iterable[str] | None = None, edges: Iterable[tuple[str, str, str]] | None = None
) -> None:
    """Refuse to write a label or relationship type outside the ontology, before
    anything is written: of these nodes and relationships of ``graph`` (what an
    incremental push writes), or of the whole graph."""
    labels_allowed, types_allowed = set(node_labels()), set(relationship_types())
    status_allowed = set(status_labels().values())
    node_data = graph.nodes
    written = node_data.values() if nodes is None else map(node_data.__getitem__, nodes)
    # Each distinct name once: a million rows carry a few dozen names.
    kinds = {(data["label"], data.get("status")) for data in written}
    for label, status in sorted(kinds, key=str):
        labels = neo4j_labels({"label": label, "status": status})
        ontology_name(labels[0], labels_allowed)
        for extra in labels[1:]:
            ontology_name(extra, status_allowed)
    adjacency = graph.adj
    types = (
        {data["type"] for data in _edge_data(graph)}
        if edges is None
        else {adjacency[start][end][key]["type"] for start, end, key in edges}
    )
    for rel_type in sorted(types):
        ontology_name(rel_type, types_allowed)


def _edge_data(graph: nx.MultiDiGraph) -> Iterator[dict]:
    """Every relationship's data, from the adjacency's own dicts: ``graph.edges(data=True)``
    builds a tuple for each (the names' check of a push at 1000 reports: 0.28–0.29 s of
    CPU against 0.38–0.53 s)."""
    for _, neighbours in graph.adjacency():
        for keyed in neighbours.values():
            yield from keyed.values()


def _push_rows(
    session,
    graph: nx.MultiDiGraph,
    nodes: list[str],
    edges: list[tuple[str, str, str]],
    batch_size: int,
    progress: Callable[[int], None] | None,
    summary: PushSummary,
) -> None:
    """MERGE these nodes, then these relationships, in batches per label and type."""
    extra_labels = status_labels()
    node_rows: dict[tuple[str, str | None], list[dict]] = defaultdict(list)
    for node_id in nodes:
        data = graph.nodes[node_id]
        labels = neo4j_labels(data)
        node_rows[labels[0], labels[1] if len(labels) > 1 else None].append(
            {"id": node_id, "props": flat_properties(data) | {"id": node_id}}
        )
    rel_rows: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for start, end, key in edges:
        data = graph.edges[start, end, key]
        rel_key = (data["type"], graph.nodes[start]["label"], graph.nodes[end]["label"])
        rel_rows[rel_key].append({"start": start, "end": end, "props": flat_properties(data)})
    labels_allowed, types_allowed = set(node_labels()), set(relationship_types())
    status_allowed = set(extra_labels.values())
    empty_labels, empty_types = _empty_names(session, {label for label, _ in node_rows}, {t for t, _, _ in rel_rows})
    writes = _Writes(session, batch_size, progress)
    # Every node statement returns its nodes' element ids, by which the relationships
    # between nodes of this push find their ends (see _Writes).
    # One record a batch: a record per node cost more Python time than the look-ups saved.
    returning = " RETURN collect(row.id) AS ids, collect(elementId(n)) AS elements"
    for (label, extra), rows in sorted(node_rows.items(), key=lambda item: (item[0][0], item[0][1] or "")):
        name = ontology_name(label, labels_allowed)
        merge = f"UNWIND $rows AS row MERGE (n:{name} {{id: row.id}}) SET n = row.props"
        create = f"UNWIND $rows AS row CREATE (n:{name}) SET n = row.props"
        if extra:  # a status label: the old one goes, as the status may have changed
            merge += (
                " REMOVE n"
                + "".join(f":{ontology_name(x, status_allowed)}" for x in sorted(status_allowed))
                + f" SET n:{ontology_name(extra, status_allowed)}"
            )
            create += f" SET n:{ontology_name(extra, status_allowed)}"
        writes.add(_Statement(merge + returning, create + returning if label in empty_labels else None, nodes=True), rows)
        summary.nodes[label] = summary.nodes.get(label, 0) + len(rows)
    for (rel_type, start_label, end_label), rows in sorted(rel_rows.items()):
        by_id = (
            f"UNWIND $rows AS row "
            f"MATCH (a:{ontology_name(start_label, labels_allowed)} {{id: row.start}}) "
            f"MATCH (b:{ontology_name(end_label, labels_allowed)} {{id: row.end}}) "
        )
        by_element = "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a MATCH (b) WHERE elementId(b) = row.b "
        name = ontology_name(rel_type, types_allowed)
        merge, create = f"MERGE (a)-[r:{name}]->(b) SET r = row.props", f"CREATE (a)-[r:{name}]->(b) SET r = row.props"
        new = rel_type in empty_types
        writes.add(
            _Statement(by_id + merge, by_id + create if new else None, by_element + merge, by_element + create if new else None),
            rows,
        )
        summary.relationships[rel_type] = summary.relationships.get(rel_type, 0) + len(rows)
    writes.flush()


def _empty_names(session, labels: set[str], types: set[str]) -> tuple[set[str], set[str]]:
    """The labels and relationship types among these that the database holds none of,
    before anything is written (counts from Neo4j's count store).

    Their rows are written with ``CREATE``: a ``MERGE`` looks each node up in the
    uniqueness index before writing it and each relationship up among its start's
    relationships, which was most of the server's CPU in a first push (about 80 of 106
    s at 1000 reports). That is safe because a graph holds each node and each (start,
    type, end) once, so one push never writes the same row twice; a push cut short and
    run again finds those labels and types no longer empty and merges. The decision is
    taken once, at the start: a label is written in several groups (a commitment's
    status label), a type between several pairs of labels."""
    labels_allowed, types_allowed = set(node_labels()), set(relationship_types())

    def read(tx) -> tuple[set[str], set[str]]:
        empty_labels = {
            label
            for label in labels
            if tx.run(f"MATCH (n:{ontology_name(label, labels_allowed)}) RETURN count(n) AS c").single()["c"] == 0
        }
        empty_types = {
            rel_type
            for rel_type in types
            if tx.run(f"MATCH ()-[r:{ontology_name(rel_type, types_allowed)}]->() RETURN count(r) AS c").single()["c"] == 0
        }
        return empty_labels, empty_types

    return session.execute_read(read)


@dataclass(frozen=True)
class _Statement:
    """A write in its forms: ``merge`` always works; ``create`` (or None) for rows known
    to be new (see :func:`_empty_names`); for relationships, the same two whose ends are
    found by element id (rows ``a``, ``b``) instead of by ``id`` in the label's index."""

    merge: str
    create: str | None = None
    merge_by_element: str | None = None
    create_by_element: str | None = None
    nodes: bool = False  # returns (id, element id) of each node written


class _Writes:
    """Statements with their rows, committed about ``batch_size`` rows a transaction: a
    label or type with few rows shares a transaction with the next ones instead of
    paying a commit of its own (an incremental push of one report wrote some fifty
    groups of a few dozen rows each). Statements run in the order they were added, so
    nodes are written before the relationships that match them.

    A transaction the driver runs again (after a transient error, or a connection lost
    while committing, when the first attempt may have committed after all) uses the
    ``MERGE`` forms: a second ``CREATE`` of a committed batch would write each
    relationship twice.

    The element ids of the nodes written (kept once their transaction committed) find
    the ends of the relationships between them: a look-up by element id instead of a
    seek in the label's ``id`` index for each end (the relationship statements' server
    time about 30% less, measured on 5,000 MENTIONS in one transaction, rolled back).
    They are valid while the push runs, as it deletes nothing before writing."""

    def __init__(self, session, batch_size: int, progress: Callable[[int], None] | None) -> None:
        self.session, self.batch_size, self.progress = session, batch_size, progress
        self.pending: list[tuple[_Statement, list[dict]]] = []
        self.rows = 0
        self.element_ids: dict[str, str] = {}

    def add(self, statement: _Statement, rows: list[dict]) -> None:
        for batch in _batches(rows, self.batch_size):
            if self.rows + len(batch) > self.batch_size:
                self.flush()
            self.pending.append((statement, batch))
            self.rows += len(batch)

    def flush(self) -> None:
        if not self.pending:
            return
        work = self.pending
        attempts = 0
        written: dict[str, str] = {}

        def write(tx) -> None:
            nonlocal attempts, written
            attempts += 1
            written = {}  # an attempt rolled back wrote nothing
            first = attempts == 1
            for statement, batch in work:
                if statement.nodes:
                    query = statement.create if first and statement.create else statement.merge
                    result = tx.run(query, rows=batch).single()
                    written.update(zip(result["ids"], result["elements"], strict=True))
                    continue
                by_id, by_element = self._ends(batch, written)
                if by_element and statement.merge_by_element:
                    query = statement.create_by_element if first and statement.create_by_element else statement.merge_by_element
                    tx.run(query, rows=by_element).consume()
                if by_id:
                    tx.run(statement.create if first and statement.create else statement.merge, rows=by_id).consume()

        self.session.execute_write(write)
        self.element_ids.update(written)
        if self.progress:
            self.progress(self.rows)
        self.pending, self.rows = [], 0

    def _ends(self, batch: list[dict], written: dict[str, str]) -> tuple[list[dict], list[dict]]:
        """The rows whose ends must be found by id, and those whose ends' element ids
        are known (as rows ``a``, ``b``, ``props``)."""
        known, by_id, by_element = self.element_ids, [], []
        for row in batch:
            a = known.get(row["start"]) or written.get(row["start"])
            b = known.get(row["end"]) or written.get(row["end"])
            if a and b:
                by_element.append({"a": a, "b": b, "props": row["props"]})
            else:
                by_id.append(row)
        return by_id, by_element


# --- Incremental push ------------------------------------------------------------------
#
# The graph splits into units: each report with everything it owns (ids starting with the
# report's id: parts, sections, sentences, claims, indicator values) and the
# relationships leaving those nodes; and everything else (entities, places and their
# relationships) in GLOBAL_BUCKETS buckets by a hash of the node's id. A unit's hash is
# over its rows as pushed; the database keeps the hashes of the last push in one
# :KgPushState node, so the next incremental push writes only units whose hash changed.

STATE_LABEL = "KgPushState"
# The record's label in a statement: a constant of the code, not of the data.
_STATE = f"`{STATE_LABEL}`"
# the lexical layer below the report and the claims: their ids start with the report's
_REPORT_LABELS = ("Part", "Section", "Sentence", *labels_under("Claim"))
GLOBAL_BUCKETS = 4096  # a few entities a bucket at ten thousand entities


# Keys sorted, and maps with other keys than strings kept: the digest must not depend on
# the order a dict was filled in. A value orjson cannot write (a set) is written as text.
_DIGEST_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS


def _owner(node: str, data: dict) -> str:
    if data.get("label") == "Report":
        return "report:" + node
    if data.get("report"):
        return "report:" + data["report"]
    # The last 32 bits of the SHA-1 modulo 4096 are the whole hex digest's modulo 4096
    # (4096 divides 2**32): the buckets of earlier pushes, without a 160-bit int.
    return f"global:{int.from_bytes(hashlib.sha1(node.encode('utf-8')).digest()[-4:], 'big') % GLOBAL_BUCKETS:04d}"


def push_units(
    graph: nx.MultiDiGraph, digests: Mapping[str, bytes] | None = None
) -> dict[str, tuple[str, list[str], list[tuple[str, str, str]]]]:
    """Unit → (content hash, its nodes, its relationships), in a stable order.

    A unit's hash is over its rows as the graph holds them (each node with its data,
    each relationship with its ends, type and data, as sorted JSON), in sorted order:
    whatever a push writes is derived from these, so equal hashes mean equal writes.
    One pass over the graph with orjson: every incremental push hashes the whole
    graph, and ``json.dumps`` of each flattened row took most of its time (18–22 s of
    CPU at 1000 reports, against 4–5 s now).

    With ``digests`` (the store's, of this graph: see :func:`kg.graph.store.report_digests`),
    a report's node and its nodes of :data:`kg.graph.store.REPORT_CLASSES`, with the
    relationships leaving them, are not hashed: the report's digest stands for them (they
    are what it digests). Those are most of the graph, so an incremental push hashes
    little more than the entity buckets. A unit hashed so never equals one hashed row by
    row, so switching between the two pushes the reports again once, never too little.
    When the digests say which nodes each report's blobs hold
    (:class:`kg.graph.store.ReportDigests`), the graph is not walked at all (see
    :class:`_Units`); the hashes are the same."""
    units = _Units(graph, digests or {})
    return {unit: (digest, *units.members([unit])) for unit, digest in sorted(units.hashes.items())}


class _Units:
    """The units of a graph: ``hashes`` (unit → content hash) and :meth:`members`.

    With digests that say which nodes each report's blobs hold (``indexed``), only the
    nodes outside them — entities and places, a few percent of the graph — are walked
    and hashed, and a report's members are looked up when it is written: the walk of
    the graph's million rows, giving each an owner, was 6.4 s of an incremental push
    of 15.6 s at 1000 reports (profiled). Without, every node and relationship is walked."""

    def __init__(self, graph: nx.MultiDiGraph, digests: Mapping[str, bytes]) -> None:
        self.graph = graph
        self.digests = digests
        with _without_gc():
            # The index must cover the graph: a node it does not know of (added after
            # the graph was read) would be in no unit.
            if (
                isinstance(digests, ReportDigests)
                and digests.indexed
                and (digests.partial or len(digests) + sum(map(len, digests.owned.values())) + len(digests.others) == len(graph))
            ):
                self._from_index(digests)
            else:
                self._walk(list(graph.nodes))

    def _walk(self, nodes: list[str]) -> None:
        """Hash these nodes (and the relationships leaving them) into their units."""
        graph, digests = self.graph, self.digests
        owner: dict[str, str] = {}
        members: dict[str, tuple[list, list, list[bytes]]] = defaultdict(lambda: ([], [], []))
        digested: set[str] = set()  # nodes the store's digest of their report stands for
        dumps = orjson.dumps
        node_data, adjacency = graph.nodes, graph.adj
        for node in nodes:
            data = node_data[node]
            unit = owner[node] = _owner(node, data)
            unit_nodes, _, rows = members[unit]
            unit_nodes.append(node)
            report = node if data.get("label") == "Report" else data.get("report")
            if report in digests and data.get("label") in REPORT_CLASSES:
                digested.add(node)
                continue
            rows.append(dumps((node, data), option=_DIGEST_OPTIONS, default=str))
        for start in nodes:
            _, edges, rows = members[owner[start]]
            skip = start in digested
            for end, keyed in adjacency[start].items():
                for key, data in keyed.items():
                    edges.append((start, end, key))
                    if not skip:
                        rows.append(dumps((start, key, end, data), option=_DIGEST_OPTIONS, default=str))
        self.hashes: dict[str, str] = {}
        self._members: dict[str, tuple[list[str], list[tuple[str, str, str]]]] = {}
        for unit in sorted(members):
            unit_nodes, edges, rows = members.pop(unit)
            self.hashes[unit] = self._hash(unit, rows)
            self._members[unit] = (unit_nodes, edges)

    def _from_index(self, digests: ReportDigests) -> None:
        """Hash the nodes in no digested report's blob; each report's unit is its digest
        (and the rows of any of those nodes it owns)."""
        graph = self.graph
        self._owned: dict[str, list[str]] = digests.owned
        self._walk([node for node in digests.others if node in graph])
        for report in digests:
            unit = "report:" + report
            if report in graph and unit not in self.hashes:
                self.hashes[unit] = self._hash(unit, [])
                self._members[unit] = ([], [])

    def _hash(self, unit: str, rows: list[bytes]) -> str:
        rows.sort()
        hasher = hashlib.sha256()
        if unit.startswith("report:") and unit[len("report:") :] in self.digests:
            hasher.update(b"store:" + self.digests[unit[len("report:") :]] + b"\n")
        hasher.update(b"\n".join(rows))
        return hasher.hexdigest()

    def members(self, units: list[str]) -> tuple[list[str], list[tuple[str, str, str]]]:
        """The nodes and relationships of these units, each unit's sorted."""
        nodes: list[str] = []
        edges: list[tuple[str, str, str]] = []
        owned = getattr(self, "_owned", None)
        adjacency = self.graph.adj
        for unit in units:
            unit_nodes, unit_edges = self._members.get(unit, ([], []))
            if owned is not None and unit.startswith("report:") and unit[len("report:") :] in self.digests:
                report = unit[len("report:") :]
                # The report's node and its blobs' nodes, with the relationships leaving them.
                held = [report, *owned.get(report, ())]
                unit_nodes = unit_nodes + held
                unit_edges = unit_edges + [
                    (start, end, key) for start in held for end, keyed in adjacency[start].items() for key in keyed
                ]
            nodes += sorted(unit_nodes)
            edges += sorted(unit_edges)
        return nodes, edges


def _read_state(session) -> dict[str, str] | None:
    row = session.run(f"MATCH (s:{_STATE} {{id: 'kg'}}) RETURN s.units AS units").single()
    if row is None or row["units"] is None:
        return None
    return dict(item.split("\t", 1) for item in row["units"])


def _write_state(session, hashes: dict[str, str]) -> None:
    items = [f"{unit}\t{digest}" for unit, digest in sorted(hashes.items())]
    session.execute_write(
        lambda tx: tx.run(f"MERGE (s:{_STATE} {{id: 'kg'}}) SET s.units = $units, s.pushed = datetime()", units=items).consume()
    )


def _push_changes(
    session,
    graph: nx.MultiDiGraph,
    changed: list[str],
    gone: list[str],
    nodes: list[str],
    edges: list[tuple[str, str, str]],
    batch_size: int,
    progress: Callable[[int], None] | None,
    summary: PushSummary,
) -> None:
    """Write the ``changed`` units (their ``nodes`` and ``edges``) after deleting what
    they, and the ``gone`` ones, held and no longer hold."""
    # What a changed or removed unit held and no longer holds goes first.
    removed_nodes = removed_rels = 0
    reports = [u.split(":", 1)[1] for u in changed + gone if u.startswith("report:")]
    wanted = graph.nodes  # membership tests only: no copy of every id
    # Every match below names its label: a label-less {id: …} match cannot use the
    # uniqueness constraints' indexes and scans the whole database.
    for report in reports:
        found = [("Report", r["id"]) for r in session.run("MATCH (n:Report {id: $r}) RETURN n.id AS id", r=report)]
        for label in _REPORT_LABELS:
            found += [
                (label, r["id"])
                for r in session.run(
                    f"MATCH (n:{ontology_name(label, node_labels())}) WHERE n.id STARTS WITH $p RETURN n.id AS id", p=report + ":"
                )
            ]
        for label in sorted({label for label, _ in found}):
            stale = [
                i
                for found_label, i in found
                if found_label == label and (i not in wanted or graph.nodes[i].get("label") != label)
            ]
            delete = f"UNWIND $ids AS id MATCH (n:{ontology_name(label, node_labels())} {{id: id}}) DETACH DELETE n"
            for batch in _batches(stale, batch_size):
                session.execute_write(lambda tx, b=batch, q=delete: tx.run(q, ids=b).consume())
            removed_nodes += len(stale)
    starts: dict[str, list[str]] = defaultdict(list)
    for node in sorted(set(nodes)):
        starts[graph.nodes[node]["label"]].append(node)
    for label, ids in sorted(starts.items()):
        for batch in _batches(ids, batch_size):
            rows = session.run(
                f"UNWIND $ids AS id MATCH (a:{ontology_name(label, node_labels())} {{id: id}})-[r]->(b) WHERE type(r) IN $types "
                "RETURN a.id AS a, b.id AS b, type(r) AS t, elementId(r) AS r",
                ids=batch,
                types=relationship_types(),
            )
            stale = [row["r"] for row in rows if not graph.has_edge(row["a"], row["b"], row["t"])]
            for chunk in _batches(stale, batch_size):
                session.execute_write(
                    lambda tx, b=chunk: tx.run(
                        "UNWIND $ids AS rid MATCH ()-[r]->() WHERE elementId(r) = rid DELETE r", ids=b
                    ).consume()
                )
            removed_rels += len(stale)
    _push_rows(session, graph, nodes, edges, batch_size, progress, summary)
    if any(u.startswith("global:") for u in changed + gone):
        removed_nodes += _remove_stale_entities(session, graph, batch_size)
    summary.removed_nodes, summary.removed_relationships = removed_nodes, removed_rels
    summary.units_pushed = len(changed)


def _remove_stale_entities(session, graph: nx.MultiDiGraph, batch_size: int) -> int:
    """Delete the nodes of the labels outside reports that the graph no longer holds,
    after the changed units were written; returns how many.

    Only a label whose count in the database differs from the graph's is read: the
    record says the units not written are in the database as the graph holds them, and
    the changed ones were just written, so the database holds every node of the graph
    and an equal count leaves none stale. Reading every entity's id was most of the
    server's share of an incremental push (0.9 s at 1000 reports)."""
    in_graph = Counter(label for _, label in graph.nodes(data="label"))
    labels = node_labels()
    removed = 0
    for label in sorted(labels):
        if label == "Report" or label in _REPORT_LABELS:
            continue
        name = ontology_name(label, labels)
        if session.run(f"MATCH (n:{name}) RETURN count(n) AS c").single()["c"] == in_graph[label]:
            continue
        ids = [r["id"] for r in session.run(f"MATCH (n:{name}) RETURN n.id AS id")]
        stale = [i for i in ids if i not in graph or graph.nodes[i].get("label") != label]
        delete = f"UNWIND $ids AS id MATCH (n:{name} {{id: id}}) DETACH DELETE n"
        for batch in _batches(stale, batch_size):
            session.execute_write(lambda tx, b=batch, q=delete: tx.run(q, ids=b).consume())
        removed += len(stale)
    return removed


def wipe_database(session, batch: int = 10_000) -> None:
    """Delete every node and relationship, in batches (a big database does not fit in
    one transaction's memory)."""
    session.run(f"MATCH (n) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF {int(batch)} ROWS").consume()


def _remove_stale(session, graph: nx.MultiDiGraph, batch_size: int) -> tuple[int, int]:
    """Delete nodes of the ontology's labels, and relationships of its types, that the
    graph does not hold. Returns (nodes, relationships) deleted."""
    # Counts only: the ids are compared for a label or type whose count differs.
    nodes_of_label = Counter(label for _, label in graph.nodes(data="label"))
    rels_of_type = Counter(k for _, _, k in graph.edges(keys=True))
    removed_nodes = removed_rels = 0
    # After the MERGEs the database holds every node and relationship of the graph, so
    # when a label's (a type's) count is the graph's, nothing of it is stale: the count
    # comes from Neo4j's count store, and only a label or type that differs is read.
    labels, types = set(node_labels()), set(relationship_types())
    for label in sorted(labels):
        name = ontology_name(label, labels)
        if session.run(f"MATCH (n:{name}) RETURN count(n) AS c").single()["c"] == nodes_of_label[label]:
            continue
        ids = session.execute_read(lambda tx, q=f"MATCH (n:{name}) RETURN n.id AS id": [r["id"] for r in tx.run(q)])
        stale = [i for i in ids if i not in graph or graph.nodes[i].get("label") != label]
        for batch in _batches(stale, batch_size):
            session.execute_write(
                lambda tx, b=batch, q=f"UNWIND $ids AS id MATCH (n:{name} {{id: id}}) DETACH DELETE n": tx.run(q, ids=b).consume()
            )
        removed_nodes += len(stale)
    for rel_type in sorted(types):
        name = ontology_name(rel_type, types)
        if session.run(f"MATCH ()-[r:{name}]->() RETURN count(r) AS c").single()["c"] == rels_of_type[rel_type]:
            continue
        query = f"MATCH (a)-[r:{name}]->(b) RETURN a.id AS a, b.id AS b, elementId(r) AS r"
        rows = session.execute_read(lambda tx, q=query: tx.run(q).data())
        stale = [row["r"] for row in rows if not graph.has_edge(row["a"], row["b"], rel_type)]
        for batch in _batches(stale, batch_size):
            session.execute_write(
                lambda tx, b=batch: tx.run(
                    "UNWIND $ids AS rid MATCH ()-[r]->() WHERE elementId(r) = rid DELETE r", ids=b
                ).consume()
            )
        removed_rels += len(stale)
    return removed_nodes, removed_rels


def _drop_outdated_fulltext_indexes(session) -> None:
    """``CREATE … IF NOT EXISTS`` keeps an index of the same name whatever it covers, so
    one made by an older schema (fewer labels, another analyzer) is dropped first."""
    wanted = {i.name: i for i in fulltext_indexes()}
    rows = session.execute_read(
        lambda tx: tx.run("SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options RETURN *").data()
    )
    for row in rows:
        index = wanted.get(row["name"])
        if index is None:
            continue
        analyzer = (row.get("options") or {}).get("indexConfig", {}).get("fulltext.analyzer")
        if (sorted(row["labelsOrTypes"]), sorted(row["properties"]), analyzer) != (
            sorted(index.labels),
            sorted(index.keys),
            index.analyzer,
        ):
            # The name is the ontology's (it was looked up in ``wanted``), not the server's.
            session.run(f"DROP INDEX `{index.name}` IF EXISTS").consume()


CENSUS_NODES = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label"
CENSUS_RELATIONSHIPS = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type"
# A digest of the whole database's content that does not depend on how it was written
# (batch order, retries, element ids): every node by id with its sorted labels and
# properties, every relationship by (start id, type, end id) with its properties, in
# sorted order. Needs APOC (scripts/neo4j-local and docker-compose.yml install it).
CHECKSUM = """
CALL () {
  MATCH (n)
  WITH n ORDER BY n.id, apoc.text.join(apoc.coll.sort(labels(n)), ':')
  RETURN collect(apoc.util.sha256([apoc.text.join(apoc.coll.sort(labels(n)), ':'),
                                   apoc.convert.toSortedJsonMap(properties(n))])) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  WITH a.id AS a, type(r) AS type, b.id AS b, r ORDER BY a, type, b, apoc.convert.toSortedJsonMap(properties(r))
  RETURN collect(apoc.util.sha256([a, type, b, apoc.convert.toSortedJsonMap(properties(r))])) AS relationships
}
RETURN apoc.util.sha256([apoc.text.join(nodes, ','), apoc.text.join(relationships, ',')]) AS checksum
"""


@dataclass(frozen=True)
class Census:
    """What a database holds: nodes per label, relationships per type, and a content
    checksum (see ``CHECKSUM``). Two databases with equal censuses hold the same graph."""

    labels: dict[str, int]
    types: dict[str, int]
    checksum: str


def database_census(connection: Connection) -> Census:
    with neo4j_session(connection, "reading from Neo4j") as session:
        labels = {r["label"]: r["count"] for r in session.execute_read(lambda tx: tx.run(CENSUS_NODES).data())}
        types = {r["type"]: r["count"] for r in session.execute_read(lambda tx: tx.run(CENSUS_RELATIONSHIPS).data())}
        checksum = session.execute_read(lambda tx: tx.run(CHECKSUM).single()["checksum"])
        return Census(labels, types, checksum)


def database_counts(connection: Connection) -> tuple[int, int]:
    """(nodes, relationships) in the database (the incremental push's record aside)."""
    with neo4j_session(connection, "reading from Neo4j") as session:
        # Two counts from the count store: filtering every node on a label read them all.
        nodes = session.run("MATCH (n) RETURN count(n) AS c").single()["c"]
        nodes -= session.run(f"MATCH (n:{_STATE}) RETURN count(n) AS c").single()["c"]
        rels = session.run("MATCH ()-[r]->() RETURN count(r) AS c").single()["c"]
        return nodes, rels


def read_graph(connection: Connection) -> nx.MultiDiGraph:
    """The kg data in the database back as a graph (nodes of the ontology's labels,
    relationships of its types), for exports ``--from-neo4j``. Values come back as Neo4j
    holds them: maps as JSON text (see :func:`kg.graph.model.flat_properties`)."""
    labels = set(node_labels())
    graph = nx.MultiDiGraph()
    with neo4j_session(connection, "reading from Neo4j") as session:
        for row in session.run(
            "MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) "
            "RETURN n.id AS id, labels(n) AS labels, properties(n) AS props",
            labels=sorted(labels),
        ):
            label = next(label for label in row["labels"] if label in labels)
            graph.add_node(row["id"], **row["props"], label=label)
        for row in session.run(
            "MATCH (a)-[r]->(b) WHERE type(r) IN $types RETURN a.id AS a, b.id AS b, type(r) AS type, properties(r) AS props",
            types=relationship_types(),
        ):
            if row["a"] in graph and row["b"] in graph:
                graph.add_edge(row["a"], row["b"], key=row["type"], **row["props"], type=row["type"])
    return graph
