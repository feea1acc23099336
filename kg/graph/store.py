"""The embedded store: the graph on disk between commands, as a SQLite database.

One file, ``kg.sqlite``, in the store folder (default ``./.kg``, or ``--store`` /
``KG_STORE``), with a table per layer: ``reports``, ``lexical`` (parts, sections,
sentences), ``mentions`` (each report's raw mentions), ``entities`` (with
``entity_names``, their folded names and aliases, for look-ups), ``claims``
(commitments with their tracing, progress), ``indicator_values``, ``edges`` (every
relationship, with the layer it belongs to), ``reviews`` and ``meta`` (format and
version). Each row holds its node's properties as JSON.

Every write (a build, a removal, a review import) is one SQLite transaction taken
with ``BEGIN IMMEDIATE``: a build killed at any moment leaves the previous store whole
(SQLite's journal rolls the half-written transaction back on the next open), and a
second writer waits for the first (``KG_STORE_TIMEOUT`` seconds, default 600) or stops
with one line saying the store is busy. Readers never wait for a writer (WAL mode):
they see the store as the last finished write left it.

Read commands load only the rows they need (:meth:`Store.load` with ``part``); a
command that needs everything (push, subgraph exports) loads the whole graph.

>>> import tempfile; folder = tempfile.mkdtemp()
>>> store = Store(folder)
>>> g = store.load(); g.add_node("x", label="Town", id="x"); store.save(g)
>>> list(Store(folder).load().nodes)
['x']
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx
import orjson  # reads are most of a read command's time: several times json's speed

from kg.errors import KgError
from kg.graph.model import names_report, new_graph

STORE_FORMAT = "kg-store"
STORE_VERSION = 2  # 1 was one JSON file (graph.json)
DEFAULT_STORE = ".kg"
DB_FILE = "kg.sqlite"
DEFAULT_TIMEOUT = 600.0

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE reports (id TEXT PRIMARY KEY, source TEXT, town TEXT, date TEXT, data TEXT NOT NULL);
CREATE TABLE lexical (id TEXT PRIMARY KEY, report TEXT, label TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX lexical_report ON lexical (report);
CREATE TABLE entities (id TEXT PRIMARY KEY, label TEXT NOT NULL, name TEXT, town TEXT, data TEXT NOT NULL);
CREATE TABLE entity_names (key TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY (key, entity)) WITHOUT ROWID;
CREATE TABLE claims (id TEXT PRIMARY KEY, report TEXT, label TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX claims_report ON claims (report);
CREATE TABLE indicator_values (id TEXT PRIMARY KEY, report TEXT, label TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX indicator_values_report ON indicator_values (report);
CREATE TABLE edges (start TEXT NOT NULL, type TEXT NOT NULL, end TEXT NOT NULL, layer TEXT NOT NULL, report TEXT,
                    data TEXT NOT NULL, PRIMARY KEY (start, type, end)) WITHOUT ROWID;
CREATE INDEX edges_end ON edges (end, type);
CREATE TABLE mentions (report TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE reviews (commitment TEXT PRIMARY KEY, data TEXT NOT NULL);
"""

NODE_TABLES = ("reports", "lexical", "entities", "claims", "indicator_values")
_TABLE_OF_LABEL = {
    "Report": "reports",
    "Part": "lexical",
    "Section": "lexical",
    "Sentence": "lexical",
    "Commitment": "claims",
    "Progress": "claims",
    "IndicatorValue": "indicator_values",
}
_LAYER_OF_TYPE = {
    "HAS_PART": "lexical",
    "HAS_SECTION": "lexical",
    "HAS_SENTENCE": "lexical",
    "REPORTS_ON": "lexical",
    "MENTIONS": "mentions",
    "PART_OF": "entities",
    "ON_LINE": "entities",
    "LOCATED_IN": "entities",
    "STATED_IN": "claims",
    "ABOUT": "claims",
    "MEASURED_BY": "indicators",
    "FOLLOWED_UP_BY": "trace",
    "RECOMMITTED_AS": "trace",
}


def default_store_path() -> Path:
    return Path(os.environ.get("KG_STORE", DEFAULT_STORE))


def _timeout() -> float:
    try:
        return float(os.environ.get("KG_STORE_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def table_of(label: str | None) -> str:
    """The table a node of this class lives in (entities and places: ``entities``)."""
    return _TABLE_OF_LABEL.get(label or "", "entities")


def _report_of(node: str, data: dict) -> str | None:
    return node if data.get("label") == "Report" else data.get("report")


def _name_keys(data: dict) -> set[str]:
    from loaders.normalise import fold_variants

    return {fold_variants(n) for n in [data.get("name") or "", *(data.get("aliases") or [])] if n}


TABLES = (*NODE_TABLES, "entity_names", "edges", "mentions", "reviews", "meta")


def table_rows(graph: nx.MultiDiGraph, table: str) -> dict:
    """The rows the graph becomes in one table: primary key → row tuple (data last).
    One table at a time, so that a save never holds every row of a big graph at once."""
    rows: dict = {}
    if table in NODE_TABLES or table == "entity_names":
        for node, data in graph.nodes(data=True):
            home = table_of(data.get("label"))
            if table == "entity_names":
                if home == "entities":
                    for key in _name_keys(data):
                        rows[(key, node)] = (key, node)
            elif home != table:
                continue
            elif table == "reports":
                rows[node] = (node, data.get("source"), data.get("town"), data.get("date"), _dumps(data))
            elif table == "entities":
                rows[node] = (node, data.get("label") or "", data.get("name"), data.get("town"), _dumps(data))
            else:
                rows[node] = (node, data.get("report"), data.get("label"), _dumps(data))
    elif table == "edges":
        for start, end, key, data in graph.edges(keys=True, data=True):
            report = _report_of(start, graph.nodes[start]) or _report_of(end, graph.nodes[end])
            rows[(start, key, end)] = (start, key, end, _LAYER_OF_TYPE.get(key, "other"), report, _dumps(data))
    elif table == "mentions":
        for report, mentions in graph.graph.get("mentions", {}).items():
            rows[report] = (report, _dumps(mentions))
    elif table == "reviews":
        for commitment, review in graph.graph.get("reviews", {}).items():
            rows[commitment] = (commitment, _dumps(review))
    elif table == "meta":
        others = {k: v for k, v in graph.graph.items() if k not in ("mentions", "reviews")}
        rows["graph"] = ("graph", _dumps(others))
        rows["format"] = ("format", STORE_FORMAT)
        rows["version"] = ("version", str(STORE_VERSION))
    return rows


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


_KEYS = {
    "edges": ("start", "type", "end"),
    "entity_names": ("key", "entity"),
    "mentions": ("report",),
    "reviews": ("commitment",),
    "meta": ("key",),
}
_COLUMNS = {
    "reports": ("id", "source", "town", "date", "data"),
    "lexical": ("id", "report", "label", "data"),
    "entities": ("id", "label", "name", "town", "data"),
    "claims": ("id", "report", "label", "data"),
    "indicator_values": ("id", "report", "label", "data"),
    "entity_names": ("key", "entity"),
    "edges": ("start", "type", "end", "layer", "report", "data"),
    "mentions": ("report", "data"),
    "reviews": ("commitment", "data"),
    "meta": ("key", "value"),
}


class Store:
    """A graph persisted in a folder (see the module's documentation)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()

    @property
    def db_file(self) -> Path:
        return self.path / DB_FILE

    def exists(self) -> bool:
        return self.db_file.exists() or (self.path / "graph.json").exists()

    # --- connections ---------------------------------------------------------------

    def _connect(self, create: bool) -> sqlite3.Connection:
        if not self.db_file.exists():
            if (self.path / "graph.json").exists():
                raise KgError(
                    f"{self.path}: a store of the old format (graph.json, version 1); "
                    f"rebuild it with 'kg build --store {self.path}' into a new folder, or delete graph.json"
                )
            if not create:
                return None  # type: ignore[return-value]
            self.path.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(self.db_file, timeout=_timeout(), isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._check(conn, create)
        except sqlite3.DatabaseError as exc:
            raise KgError(
                f"{self.db_file}: the store cannot be read ({exc}); rebuild it with 'kg build --store {self.path}'"
            ) from exc
        return conn

    def _check(self, conn: sqlite3.Connection, create: bool) -> None:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            if not create:
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table'").fetchone():
                    for statement in _SCHEMA.strip().split(";"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.executemany(
                        "INSERT INTO meta VALUES (?, ?)", [("format", STORE_FORMAT), ("version", str(STORE_VERSION))]
                    )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            return
        if "meta" not in tables:
            raise KgError(f"{self.db_file}: not a kg store")
        meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('format', 'version')"))
        if meta.get("format") != STORE_FORMAT:
            raise KgError(f"{self.db_file}: not a kg store")
        if meta.get("version") != str(STORE_VERSION):
            raise KgError(
                f"{self.db_file}: store version {meta.get('version')} is not {STORE_VERSION}; "
                f"rebuild it with 'kg build --store {self.path}' into a new folder"
            )

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection | None]:
        """A connection that sees one consistent state (None: no store yet)."""
        conn = self._connect(create=False)
        if conn is None:
            yield None
            return
        try:
            conn.execute("BEGIN")
            yield conn
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            conn.close()

    @contextmanager
    def writing(self) -> Iterator[Transaction]:
        """One write transaction holding the store's lock: everything written inside is
        committed together when the block ends, or not at all."""
        conn = self._connect(create=True)
        try:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    raise KgError(
                        f"{self.path}: the store is busy (another build or import is writing it; "
                        f"waited {_timeout():g} s, set KG_STORE_TIMEOUT to wait longer)"
                    ) from exc
                raise
            tx = Transaction(self, conn)
            try:
                yield tx
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()

    # --- whole-graph access (kept for callers that need everything) ----------------

    def load(self) -> nx.MultiDiGraph:
        """The stored graph (an empty one when the store is new)."""
        with self.reading() as conn:
            return new_graph() if conn is None else read_graph(conn)

    def save(self, graph: nx.MultiDiGraph) -> None:
        """Make the store hold exactly ``graph``, in one transaction."""
        with self.writing() as tx:
            tx.save(graph)


class Transaction:
    """The store inside one write transaction."""

    def __init__(self, store: Store, conn: sqlite3.Connection) -> None:
        self.store, self.conn = store, conn

    def load(self) -> nx.MultiDiGraph:
        return read_graph(self.conn)

    def save(self, graph: nx.MultiDiGraph) -> dict[str, int]:
        """Write the difference between the stored rows and ``graph``'s; returns the
        rows changed per table."""
        changed = {}
        for table in TABLES:
            new = table_rows(graph, table)
            keys = _KEYS.get(table, ("id",))
            key_sql = ", ".join(keys)
            value_col = None if table == "entity_names" else _COLUMNS[table][-1]
            # The stored rows by digest, not text: a big store's old rows need not sit in memory.
            old: dict[Any, bytes | None]
            if value_col is None:
                old = {tuple(r): None for r in self.conn.execute(f"SELECT {key_sql} FROM {table}")}
            else:
                old = {
                    (tuple(r[:-1]) if len(keys) > 1 else r[0]): _digest(r[-1])
                    for r in self.conn.execute(f"SELECT {key_sql}, {value_col} FROM {table}")
                }
            gone = [k for k in old if k not in new]
            where = " AND ".join(f"{k} = ?" for k in keys)
            self.conn.executemany(f"DELETE FROM {table} WHERE {where}", [k if isinstance(k, tuple) else (k,) for k in gone])
            fresh = [row for k, row in new.items() if k not in old or (value_col is not None and old[k] != _digest(row[-1]))]
            marks = ", ".join("?" for _ in _COLUMNS[table])
            self.conn.executemany(f"INSERT OR REPLACE INTO {table} ({', '.join(_COLUMNS[table])}) VALUES ({marks})", fresh)
            changed[table] = len(gone) + len(fresh)
        return changed


# A node's relationships come back in the order a build makes them (a report's town before
# its parts), whatever order the rows were written in.
_TYPE_ORDER = (
    "REPORTS_ON",
    "LOCATED_IN",
    "HAS_PART",
    "HAS_SECTION",
    "HAS_SENTENCE",
    "PART_OF",
    "ON_LINE",
    "MENTIONS",
    "STATED_IN",
    "ABOUT",
    "MEASURED_BY",
    "FOLLOWED_UP_BY",
    "RECOMMITTED_AS",
)
_TYPE_RANK = (
    "CASE type " + " ".join(f"WHEN '{t}' THEN {i}" for i, t in enumerate(_TYPE_ORDER)) + f" ELSE {len(_TYPE_ORDER)} END, type"
)


def read_graph(conn: sqlite3.Connection) -> nx.MultiDiGraph:
    """The whole graph the database holds, nodes and edges in id order (so that the
    graph a store gives does not depend on the order in which it was built)."""
    graph = new_graph()
    for table in NODE_TABLES:
        _add_nodes(graph, conn.execute(f"SELECT id, data FROM {table} ORDER BY id"))
    _add_edges(graph, conn.execute(f"SELECT start, end, type, data FROM edges ORDER BY start, {_TYPE_RANK}, end"))
    _add_graph_attributes(graph, conn)
    return graph


def _add_nodes(graph: nx.MultiDiGraph, rows) -> None:
    graph.add_nodes_from((node, orjson.loads(data)) for node, data in rows)


def _add_edges(graph: nx.MultiDiGraph, rows, only_between_loaded: bool = False) -> None:
    for start, end, key, data in rows:
        if only_between_loaded and (start not in graph or end not in graph):
            continue
        graph.add_edge(start, end, key=key, **orjson.loads(data))


def _add_graph_attributes(graph: nx.MultiDiGraph, conn: sqlite3.Connection) -> None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'graph'").fetchone()
    if row:
        graph.graph.update(orjson.loads(row[0]))
    mentions = {r: orjson.loads(d) for r, d in conn.execute("SELECT report, data FROM mentions ORDER BY report")}
    if mentions:
        graph.graph["mentions"] = mentions
    reviews = {c: orjson.loads(d) for c, d in conn.execute("SELECT commitment, data FROM reviews ORDER BY commitment")}
    if reviews:
        graph.graph["reviews"] = reviews


# --- What read commands need, and no more ----------------------------------------------


def _ids(values: Iterable[str]) -> str:
    return json.dumps(sorted(set(values)), ensure_ascii=False)


def _nodes_by_id(conn: sqlite3.Connection, table: str, ids: Iterable[str]):
    return conn.execute(f"SELECT id, data FROM {table} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id", (_ids(ids),))


def status_graph(store: Store) -> nx.MultiDiGraph:
    """Reports, commitments, indicator values and how they are paired: what ``kg status``
    reads."""
    graph = new_graph()
    with store.reading() as conn:
        if conn is None:
            return graph
        _add_nodes(graph, conn.execute("SELECT id, data FROM reports ORDER BY id"))
        # The scorecard counts commitments by status: three fields of each, not its JSON.
        graph.add_nodes_from(
            (node, {"label": "Commitment", "id": node, "report": report, "status": status, "reviewed": bool(reviewed)})
            for node, report, status, reviewed in conn.execute(
                "SELECT id, report, json_extract(data, '$.status'), json_extract(data, '$.reviewed') FROM claims "
                "WHERE label = 'Commitment' ORDER BY id"
            )
        )
        _add_nodes(graph, conn.execute("SELECT id, data FROM indicator_values ORDER BY id"))
        _add_edges(
            graph,
            conn.execute(
                "SELECT e.start, e.end, e.type, e.data FROM edges e JOIN indicator_values v ON v.id = e.start "
                "WHERE e.type = 'MEASURED_BY' ORDER BY e.start, e.end"
            ),
            only_between_loaded=True,
        )
    return graph


def commitments_graph(store: Store) -> nx.MultiDiGraph:
    """Claims, their sentences and entities, and the tracing edges: what
    ``kg export commitments`` reads."""
    graph = new_graph()
    with store.reading() as conn:
        if conn is None:
            return graph
        _add_nodes(graph, conn.execute("SELECT id, data FROM claims WHERE label = 'Commitment' ORDER BY id"))
        _add_nodes(
            graph,
            conn.execute(
                "SELECT id, data FROM claims WHERE id IN (SELECT e.end FROM edges e JOIN claims c ON c.id = e.start "
                "WHERE e.type IN ('FOLLOWED_UP_BY', 'RECOMMITTED_AS') AND c.label = 'Commitment') AND label != 'Commitment' ORDER BY id"
            ),
        )
        _add_nodes(
            graph,
            conn.execute(
                "SELECT id, data FROM lexical WHERE id IN (SELECT e.end FROM edges e JOIN claims c ON c.id = e.start "
                "WHERE e.type = 'STATED_IN' AND c.label = 'Commitment') ORDER BY id"
            ),
        )
        _add_nodes(
            graph,
            conn.execute(
                "SELECT id, data FROM entities WHERE id IN (SELECT e.end FROM edges e JOIN claims c ON c.id = e.start "
                "WHERE e.type = 'ABOUT' AND c.label = 'Commitment') ORDER BY id"
            ),
        )
        _add_edges(
            graph,
            conn.execute(
                "SELECT e.start, e.end, e.type, e.data FROM edges e JOIN claims c ON c.id = e.start "
                "WHERE c.label = 'Commitment' ORDER BY e.start, e.type, e.end"
            ),
            only_between_loaded=True,
        )
    return graph


def report_graph(store: Store, key: str) -> nx.MultiDiGraph:
    """Every report's node, and the lexical layer of the reports ``key`` may name (an
    id, an id prefix, a path, a file name: :func:`kg.graph.model.names_report`): what ``kg show`` reads."""
    graph = new_graph()
    with store.reading() as conn:
        if conn is None:
            return graph
        _add_nodes(graph, conn.execute("SELECT id, data FROM reports ORDER BY id"))
        wanted = [n for n, d in graph.nodes(data=True) if names_report(d, key)]
        if len(wanted) == 1:
            _add_nodes(graph, conn.execute("SELECT id, data FROM lexical WHERE report = ? ORDER BY id", (wanted[0],)))
            # Edges are keyed by their start: a report's lexical edges start at it or its nodes.
            _add_edges(
                graph,
                conn.execute(
                    "SELECT start, end, type, data FROM edges WHERE layer = 'lexical' AND start IN "
                    "(SELECT id FROM lexical WHERE report = ?1 UNION SELECT ?1) "
                    f"ORDER BY start, {_TYPE_RANK}, end",
                    (wanted[0],),
                ),
                only_between_loaded=True,
            )
    return graph


def entity_graph(store: Store, name: str) -> nx.MultiDiGraph:
    """The entities named ``name`` (name or alias, variants folded), their parts, the
    sentences that mention them with their sections, parts and reports, and the claims
    about them with the evidence of each commitment: what ``kg trace NAME`` reads."""
    from loaders.normalise import fold_variants

    graph = new_graph()
    with store.reading() as conn:
        if conn is None:
            return graph
        found = [r[0] for r in conn.execute("SELECT entity FROM entity_names WHERE key = ?", (fold_variants(name),))]
        parts = [
            r[0]
            for r in conn.execute(
                "SELECT start FROM edges WHERE type = 'PART_OF' AND end IN (SELECT value FROM json_each(?))", (_ids(found),)
            )
        ]
        targets = _ids([*found, *parts])
        _add_nodes(graph, _nodes_by_id(conn, "entities", orjson.loads(targets)))
        mentions = conn.execute(
            "SELECT start, end, type, data FROM edges WHERE type IN ('MENTIONS', 'ABOUT', 'PART_OF') "
            "AND end IN (SELECT value FROM json_each(?)) ORDER BY start, type, end",
            (targets,),
        ).fetchall()
        sentences = {s for s, _, t, _ in mentions if t == "MENTIONS"}
        claims = {s for s, _, t, _ in mentions if t == "ABOUT"}
        _add_nodes(graph, _nodes_by_id(conn, "lexical", sentences))
        sections = {d.get("section") for n, d in graph.nodes(data=True) if d.get("label") == "Sentence"}
        _add_nodes(graph, _nodes_by_id(conn, "lexical", sections))
        _add_nodes(
            graph,
            _nodes_by_id(conn, "lexical", {d.get("part") for n, d in graph.nodes(data=True) if d.get("label") == "Section"}),
        )
        _add_nodes(
            graph,
            _nodes_by_id(conn, "reports", {d.get("report") for n, d in graph.nodes(data=True) if d.get("label") == "Sentence"}),
        )
        _add_nodes(graph, _nodes_by_id(conn, "claims", claims))
        _add_nodes(graph, _nodes_by_id(conn, "indicator_values", claims))
        evidence = conn.execute(
            "SELECT start, end, type, data FROM edges WHERE type = 'FOLLOWED_UP_BY' "
            "AND start IN (SELECT value FROM json_each(?)) ORDER BY start, type, end",
            (_ids(claims),),
        ).fetchall()
        _add_nodes(graph, _nodes_by_id(conn, "claims", {e for _, e, _, _ in evidence}))
        _add_edges(graph, mentions + evidence, only_between_loaded=True)
    return graph
