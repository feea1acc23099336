"""The embedded store: the graph on disk between commands, as a SQLite database.

One file, ``kg.sqlite``, in the store folder (default ``./.kg``, or ``--store`` /
``KG_STORE``). What a report contributes is kept as one compressed blob per report and
layer (``layers``: ``lexical`` — its parts, sections and sentences with their edges;
``links`` — its sentences' MENTIONS; ``mentions`` — its raw mentions; ``claims`` —
commitments and progress with their edges; ``indicators`` — indicator values with
theirs), because a build writes and re-derives a report's layer as a whole and JSON
with repeated keys compresses several times over. Beside them: ``reports``,
``entities`` (with ``entity_names``, their folded names and aliases, for look-ups),
``edges`` (the relationships between entities), ``reviews``, ``meta`` (format and
version), and slim index tables for the read commands: ``claims`` (each claim's report,
status, reviewed flag and the position of its sentence) and ``entity_reports`` (which
reports mention, or state claims about, each entity). ``traces`` keeps, per entity and
report, what ``kg trace`` shows of the report's sentences that mention the entity
(:func:`kg.graph.rows.trace_rows`), and each report's ``texts`` layer the text of
those sentences and the claims stated in them, so that tracing a name found in 200 reports reads its own rows and
200 small blobs instead of 800 whole layers.

Every write (a build, a removal, a review import) is one SQLite transaction taken
with ``BEGIN IMMEDIATE``: a build killed at any moment leaves the previous store whole
(SQLite's journal rolls the half-written transaction back on the next open), and a
second writer waits for the first (``KG_STORE_TIMEOUT`` seconds, default 600) or stops
with one line saying the store is busy. Readers never wait for a writer (WAL mode):
they see the store as the last finished write left it. A write rewrites only the blobs
and rows whose content changed (compared by digest, without decompressing).

Read commands load only what they need (``scorecard_rows``, ``commitments_text``,
``report_graph``, ``kept_traces``, and for an incremental push ``reading_for_push``); a
command that needs everything (a full push, subgraph exports) loads the whole graph.

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
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson  # reads are most of a read command's time: several times json's speed

from kg.errors import KgError
from kg.graph.model import names_report, new_graph, report_path
from kg.graph.rows import (
    claims_by_sentence,
    commitment_order,
    commitment_row,
    kept_row,
    report_scorecards,
    rows_text,
    scorecard_order,
    trace_rows,
    trace_texts,
)

if TYPE_CHECKING:  # networkx is imported by new_graph, when a command needs a graph
    import networkx as nx

STORE_FORMAT = "kg-store"
# 1 was one JSON file (graph.json), 2 a row per node and relationship, 3 blobs without their
# size, 4 without the rows of kg trace, 5 with the absolute path as each report's source (an
# export of it names the user's folders, and it has no scorecard row for a report with no
# commitment until its town is derived again: kg status would miss it)
STORE_VERSION = 6
DEFAULT_STORE = ".kg"
DB_FILE = "kg.sqlite"
DEFAULT_TIMEOUT = 600.0

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE reports (id TEXT PRIMARY KEY, source TEXT, town TEXT, date TEXT, data TEXT NOT NULL);
CREATE TABLE layers (report TEXT NOT NULL, layer TEXT NOT NULL, digest BLOB NOT NULL, size INTEGER NOT NULL,
                     data BLOB NOT NULL, PRIMARY KEY (report, layer));
CREATE TABLE entities (id TEXT PRIMARY KEY, label TEXT NOT NULL, name TEXT, town TEXT, data TEXT NOT NULL);
CREATE TABLE entity_names (key TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY (key, entity)) WITHOUT ROWID;
CREATE TABLE edges (start TEXT NOT NULL, type TEXT NOT NULL, end TEXT NOT NULL, data TEXT NOT NULL,
                    PRIMARY KEY (start, type, end)) WITHOUT ROWID;
CREATE TABLE claims (id TEXT PRIMARY KEY, report TEXT, label TEXT NOT NULL, status TEXT, reviewed INTEGER,
                     start INTEGER) WITHOUT ROWID;
CREATE TABLE entity_reports (entity TEXT NOT NULL, report TEXT NOT NULL, PRIMARY KEY (entity, report)) WITHOUT ROWID;
CREATE TABLE reviews (commitment TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE traces (report TEXT NOT NULL, entity TEXT NOT NULL, digest BLOB NOT NULL, data BLOB NOT NULL,
                     PRIMARY KEY (report, entity)) WITHOUT ROWID;
"""
# traces by report, as a build writes and replaces them; kg trace finds an entity's through
# entity_reports (an index of their own by entity was 10 MB of a 1000-report store).

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
# The blob a report's node goes to, by the node's table; a relationship goes to the
# blob of its start node (MENTIONS to its own: they are re-derived with the entities,
# the lexical layer never is).
_LAYER_OF_TABLE = {"reports": "lexical", "lexical": "lexical", "claims": "claims", "indicator_values": "indicators"}
LAYERS = ("lexical", "links", "mentions", "claims", "indicators")  # what the graph is made of
# Beside them, ``commitments`` and ``scorecard``: each report's rows of ``kg export
# commitments`` and of ``kg status``, made from the graph when it is saved (a report's
# rows change only when its town is derived again or a review is stored, and both save
# the report); ``texts``: the text of each of its sentences that mention an entity and
# the claims stated there, for ``kg trace`` (with the ``traces`` table).


def default_store_path() -> Path:
    return Path(os.environ.get("KG_STORE", DEFAULT_STORE))


def _timeout() -> float:
    try:
        return float(os.environ.get("KG_STORE_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


def _dumps(value) -> str:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode("utf-8")


def table_of(label: str | None) -> str:
    """The table a node of this class lives in (entities and places: ``entities``)."""
    return _TABLE_OF_LABEL.get(label or "", "entities")


def _report_of(node: str, data: dict) -> str | None:
    return node if data.get("label") == "Report" else data.get("report")


def _name_keys(data: dict) -> set[str]:
    from loaders.normalise import fold_variants

    return {fold_variants(n) for n in [data.get("name") or "", *(data.get("aliases") or [])] if n}


ROW_TABLES = ("reports", "entities", "entity_names", "edges", "claims", "entity_reports", "reviews", "meta")
# The layers first: a write that fails half-way (the tests make one) has written some.
TABLES = ("layers", "traces", *ROW_TABLES)
# The tables holding what belongs to one report (a save with a scope writes only its rows).
REPORT_TABLES = ("layers", "traces", "claims", "entity_reports")


def _layer_of(graph: nx.MultiDiGraph, node: str, data: dict) -> tuple[str, str] | None:
    table = table_of(data.get("label"))
    if table == "entities":
        return None
    # A sentence or claim of no report is not lost: it is kept under the empty name.
    return _report_of(node, data) or "", _LAYER_OF_TABLE[table]


def layer_contents(graph: nx.MultiDiGraph, within: set[str] | None = None) -> dict[tuple[str, str], Any]:
    """(report, layer) → what its blob holds: ``{"nodes": [[id, data]…], "edges":
    [[start, type, end, data]…]}`` (``mentions``: the raw mentions), in id order; only
    the reports ``within`` when given."""
    out: dict[tuple[str, str], Any] = defaultdict(lambda: {"nodes": [], "edges": []})
    homes: dict[str, tuple[str, str] | None] = {}
    for node, data in graph.nodes(data=True):
        home = homes[node] = _layer_of(graph, node, data)
        if home is not None and within is not None and home[0] not in within:
            home = homes[node] = None
        if home is not None and data.get("label") != "Report":
            out[home]["nodes"].append([node, data])
    for start, end, key, data in graph.edges(keys=True, data=True):
        home = homes[start]
        if home is None:
            continue
        if key == "MENTIONS":
            home = (home[0], "links")
        out[home]["edges"].append([start, key, end, data])
    for content in out.values():
        content["nodes"].sort(key=lambda n: n[0])
        content["edges"].sort(key=_edge_order)
    result: dict[tuple[str, str], Any] = dict(out)
    for report, mentions in graph.graph.get("mentions", {}).items():
        if within is None or report in within:
            result[(report, "mentions")] = mentions
    about = claims_by_sentence(graph, within)
    for (report, layer), content in out.items():
        if layer == "links":
            mentions = [(s, e, d) for s, _, e, d in content["edges"]]
            result[(report, "texts")] = trace_texts(graph, mentions, about)
    result.update(_commitment_rows(graph, within))
    # A row as text: the blob's keys are sorted, the row's must stay in the scorecard's order.
    result.update(
        {
            (report, "scorecard"): {"source": card["source"], "row": orjson.dumps(card["row"]).decode("utf-8")}
            for report, card in report_scorecards(graph, within).items()
        }
    )
    return result


def _size(layer: str, content: Any) -> int:
    """What a blob counts: mentions, nodes, or rows of an export."""
    if layer == "mentions":
        return len(content)
    if layer == "commitments":
        return content["rows"]
    if layer == "scorecard":
        return 1
    if layer == "texts":
        return len(content["sentences"])
    return len(content["nodes"])


def _commitment_rows(graph: nx.MultiDiGraph, within: set[str] | None) -> dict[tuple[str, str], Any]:
    """Each report's ``kg export commitments`` rows, as text ready to write."""
    by_report: dict[str, list[dict]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        if data.get("label") == "Commitment" and data.get("report") and (within is None or data["report"] in within):
            by_report[data["report"]].append(commitment_row(graph, node, data))
    out = {}
    for report, rows in by_report.items():
        rows.sort(key=lambda r: commitment_order(graph, r))
        out[(report, "commitments")] = {"rows": len(rows), "text": rows_text(rows)}
    return out


def table_rows(graph: nx.MultiDiGraph, table: str) -> dict:
    """The rows the graph becomes in one table: primary key → row tuple (data last).
    One table at a time, so that a save never holds every row of a big graph at once."""
    rows: dict = {}
    if table in ("reports", "entities", "entity_names"):
        for node, data in graph.nodes(data=True):
            home = table_of(data.get("label"))
            if table == "entity_names":
                if home == "entities":
                    for key in _name_keys(data):
                        rows[(key, node)] = (key, node)
            elif home != table:
                continue
            elif table == "reports":
                # The absolute path in its column only: the data is what every read, and
                # so every export, gives (kg.graph.model.add_report).
                shared = {k: v for k, v in data.items() if k != "path"}
                rows[node] = (node, report_path(data), data.get("town"), data.get("date"), _dumps(shared))
            else:
                rows[node] = (node, data.get("label") or "", data.get("name"), data.get("town"), _dumps(data))
    elif table == "claims":
        nodes = graph.nodes
        for node, data in nodes(data=True):
            if table_of(data.get("label")) == "claims":
                sentence = nodes[data["sentence"]] if data.get("sentence") in nodes else {}
                reviewed = None if data.get("reviewed") is None else int(bool(data["reviewed"]))
                row = (node, data.get("report"), data["label"], data.get("status"), reviewed, sentence.get("start"))
                rows[node] = (*row, _dumps(row))  # the last column is what is compared
    elif table == "edges":
        # The relationships no report's blob holds: those starting at a node of no report.
        for start, data in graph.nodes(data=True):
            if _layer_of(graph, start, data) is None:
                for _, end, key, edge in graph.out_edges(start, keys=True, data=True):
                    rows[(start, key, end)] = (start, key, end, _dumps(edge))
    elif table == "entity_reports":
        for node, data in graph.nodes(data=True):
            if table_of(data.get("label")) == "entities":
                for start, _, key in graph.in_edges(node, keys=True):
                    report = graph.nodes[start].get("report") if key in ("MENTIONS", "ABOUT") else None
                    if report is not None:
                        rows[(node, report)] = (node, report)
    elif table == "reviews":
        for commitment, review in graph.graph.get("reviews", {}).items():
            rows[commitment] = (commitment, _dumps(review))
    elif table == "meta":
        others = {k: v for k, v in graph.graph.items() if k not in ("mentions", "reviews")}
        rows["graph"] = ("graph", _dumps(others))
        rows["format"] = ("format", STORE_FORMAT)
        rows["version"] = ("version", str(STORE_VERSION))
    return rows


def _digest(text: str | bytes) -> bytes:
    return hashlib.blake2b(text.encode("utf-8") if isinstance(text, str) else text, digest_size=16).digest()


def _encode(content: Any) -> bytes:
    return orjson.dumps(content, option=orjson.OPT_SORT_KEYS)


def _decode(blob: bytes) -> Any:
    return orjson.loads(zlib.decompress(blob))


_KEYS = {
    "layers": ("report", "layer"),
    "edges": ("start", "type", "end"),
    "entity_names": ("key", "entity"),
    "entity_reports": ("entity", "report"),
    "reviews": ("commitment",),
    "meta": ("key",),
}
_COLUMNS: dict[str, tuple[str, ...]] = {
    "layers": ("report", "layer", "digest", "size", "data"),
    "reports": ("id", "source", "town", "date", "data"),
    "entities": ("id", "label", "name", "town", "data"),
    "entity_names": ("key", "entity"),
    "edges": ("start", "type", "end", "data"),
    "claims": ("id", "report", "label", "status", "reviewed", "start"),
    "entity_reports": ("entity", "report"),
    "reviews": ("commitment", "data"),
    "meta": ("key", "value"),
}
# Tables with a row per report's node: the position of the report in the row.
_BY_REPORT = {"claims": 1, "entity_reports": 1}
# Tables whose rows are compared by their keys alone (every column is part of the key),
# and the one whose rows carry their comparison text beside the columns.
_KEY_ONLY = ("entity_names", "entity_reports")


def _table_rows_within(graph: nx.MultiDiGraph, table: str, within: set[str] | None) -> dict:
    new = table_rows(graph, table)
    if within is not None and table in _BY_REPORT:
        new = {k: row for k, row in new.items() if row[_BY_REPORT[table]] in within}
    return new


def _layer_rows(contents: dict[tuple[str, str], Any]) -> Iterator[tuple[str, str, bytes, int, bytes]]:
    """(report, layer, digest, size, JSON) of each layer, encoded one at a time."""
    for (report, layer), content in contents.items():
        payload = _encode(content)
        yield report, layer, _digest(payload), _size(layer, content), payload


def _trace_rows(graph: nx.MultiDiGraph, within: set[str] | None) -> Iterator[list[tuple[str, str, bytes, bytes]]]:
    """The rows of ``kg trace`` (report, entity, digest, JSON), made a report at a time
    (a big build's rows are never all in memory at once)."""
    by_report: dict[str, list[tuple[str, str, dict]]] = defaultdict(list)
    nodes = graph.nodes
    for sentence, target, key, data in graph.edges(keys=True, data=True):
        if key == "MENTIONS":
            report = nodes[sentence].get("report")
            if report is not None and (within is None or report in within):
                by_report[report].append((sentence, target, data))
    about = claims_by_sentence(graph, within)
    for report in sorted(by_report):
        rows = []
        for entity, entity_rows in trace_rows(graph, by_report.pop(report), about).items():
            payload = orjson.dumps(entity_rows)
            rows.append((report, entity, _digest(payload), payload))
        yield rows


def report_rows(graph: nx.MultiDiGraph, reports: Iterable[str]) -> dict[str, Any]:
    """The rows :meth:`Transaction.save` writes of ``REPORT_TABLES`` for ``reports`` (the
    blobs compressed), made without the store: what a process pool's worker that
    derived a town hands back to the process holding the store
    (:meth:`Transaction.write_report_rows`), smaller than the town's graph and with the
    encoding and compression done in the worker."""
    within = set(reports)
    out: dict[str, Any] = {}
    for table in REPORT_TABLES:
        if table == "layers":
            out[table] = [
                (r, layer, d, size, zlib.compress(data, 6))
                for r, layer, d, size, data in _layer_rows(layer_contents(graph, within))
            ]
        elif table == "traces":
            out[table] = [[(r, e, d, zlib.compress(data, 6)) for r, e, d, data in rows] for rows in _trace_rows(graph, within)]
        else:
            out[table] = _table_rows_within(graph, table, within)
    return out


class Store:
    """A graph persisted in a folder (see the module's documentation)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()

    @property
    def db_file(self) -> Path:
        return self.path / DB_FILE

    def exists(self) -> bool:
        return self.db_file.exists() or (self.path / "graph.json").exists()

    def is_empty(self) -> bool:
        """Whether the store holds no report (or is not made yet)."""
        with self.reading() as conn:
            return conn is None or conn.execute("SELECT 1 FROM reports LIMIT 1").fetchone() is None

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

    def load_with_digests(self) -> tuple[nx.MultiDiGraph, ReportDigests]:
        """The stored graph and :func:`report_digests` of it, read in one transaction
        (a build between the two reads would make the digests another graph's), with
        which nodes each report's blobs hold and which nodes no report's blob holds
        (:class:`ReportDigests`)."""
        with self.reading() as conn:
            if conn is None:
                return new_graph(), ReportDigests()
            digests = ReportDigests(report_digests(conn))
            return read_graph(conn, digests), digests

    @contextmanager
    def reading_for_push(self) -> Iterator[PushReading]:
        """What an incremental push reads of the store, in one read transaction held
        while it pushes (:class:`PushReading`): the reports' digests and the rows
        outside them first, a report's rows when it is to be written."""
        with self.reading() as conn:
            yield PushReading(conn)

    def save(self, graph: nx.MultiDiGraph) -> None:
        """Make the store hold exactly ``graph``, in one transaction. A report of the
        store whose node has no ``path`` (:meth:`load` gives none, so that no export
        carries it) keeps its stored one: without it, a file changed in place would be
        loaded as a second report instead of replacing its first."""
        with self.writing() as tx:
            added = _add_paths(graph, tx.conn, missing_only=True)
            try:
                tx.save(graph)
            finally:
                for node in added:
                    del graph.nodes[node]["path"]


class Transaction:
    """The store inside one write transaction."""

    def __init__(self, store: Store, conn: sqlite3.Connection) -> None:
        self.store, self.conn = store, conn

    def load(self) -> nx.MultiDiGraph:
        """The whole graph, with the reports' paths: what it saves keeps them."""
        graph = read_graph(self.conn)
        _add_paths(graph, self.conn)
        return graph

    def save(self, graph: nx.MultiDiGraph, scope: Iterable[str] | None = None, tables: Iterable[str] = TABLES) -> dict[str, int]:
        """Write the difference between the stored rows and ``graph``'s; returns the
        rows changed per table. With ``scope`` (report ids), ``graph`` holds the
        reports' nodes, the entity layer and the lexical and derived layers of those
        reports only (:meth:`load_skeleton`, :meth:`add_layers`): what belongs to other
        reports is left as stored. ``tables``: only these (``REPORT_TABLES``, what a
        report's layers are written to; the rest, the graph's other rows)."""
        within = None if scope is None else set(scope)
        changed = {}
        for table in tables:
            if table == "layers":
                contents = layer_contents(graph, within)
                changed[table] = self._write_layers(within, set(contents), _layer_rows(contents), compressed=False)
                continue
            if table == "traces":
                changed[table] = self._write_traces(within, _trace_rows(graph, within), compressed=False)
                continue
            changed[table] = self._write_table(table, _table_rows_within(graph, table, within), within)
        return changed

    def write_report_rows(self, rows: dict[str, Any], scope: Iterable[str]) -> dict[str, int]:
        """:meth:`save` of ``REPORT_TABLES`` for the reports ``scope``, from the rows
        :func:`report_rows` made of their graph elsewhere (a process pool's worker)."""
        within = set(scope)
        changed = {}
        for table in REPORT_TABLES:
            if table == "layers":
                changed[table] = self._write_layers(
                    within, {(r, layer) for r, layer, *_ in rows[table]}, rows[table], compressed=True
                )
            elif table == "traces":
                changed[table] = self._write_traces(within, rows[table], compressed=True)
            else:
                changed[table] = self._write_table(table, rows[table], within)
        return changed

    def _write_table(self, table: str, new: dict, within: set[str] | None) -> int:
        columns = _COLUMNS[table]
        keys = _KEYS.get(table, ("id",))
        key_sql = ", ".join(keys)
        # The stored rows by digest, not text: a big store's old rows need not sit in memory.
        old: dict[Any, bytes | None]
        where_report = ""
        arguments: list = []
        if within is not None and table in _BY_REPORT:
            where_report = " WHERE report IN (SELECT value FROM json_each(?))"
            arguments = [_ids(within)]
        if table in _KEY_ONLY:
            old = {tuple(r): None for r in self.conn.execute(f"SELECT {key_sql} FROM {table}{where_report}", arguments)}
        elif table == "claims":
            old = {
                r[0]: _digest(_dumps(list(r)))
                for r in self.conn.execute(f"SELECT {', '.join(columns)} FROM claims{where_report}", arguments)
            }
        elif table == "reports":
            # The path too: it is beside the data (a report moved is the same data elsewhere).
            old = {r[0]: _digest(f"{r[1]}\0{r[2]}") for r in self.conn.execute("SELECT id, source, data FROM reports")}
        else:
            value_col = columns[-1]
            old = {
                (tuple(r[:-1]) if len(keys) > 1 else r[0]): _digest(r[-1])
                for r in self.conn.execute(f"SELECT {key_sql}, {value_col} FROM {table}")
            }
        gone = [k for k in old if k not in new]
        where = " AND ".join(f"{k} = ?" for k in keys)
        self.conn.executemany(f"DELETE FROM {table} WHERE {where}", [k if isinstance(k, tuple) else (k,) for k in gone])

        def value(row: tuple) -> bytes:
            return _digest(f"{row[1]}\0{row[-1]}") if table == "reports" else _digest(row[-1])

        fresh = [row for k, row in new.items() if k not in old or (table not in _KEY_ONLY and old[k] != value(row))]
        marks = ", ".join("?" for _ in columns)
        if table == "claims":
            fresh = [row[:-1] for row in fresh]  # the last item is the text compared, not a column
        self.conn.executemany(f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({marks})", fresh)
        return len(gone) + len(fresh)

    def _write_layers(self, within: set[str] | None, keys: set[tuple[str, str]], rows: Iterable[tuple], compressed: bool) -> int:
        """``rows``: (report, layer, digest, size, data), ``data`` compressed or not; ``keys``:
        every (report, layer) of them, known before they are made."""
        if within is None:
            stored = self.conn.execute("SELECT report, layer, digest FROM layers")
        else:
            stored = self.conn.execute(
                "SELECT report, layer, digest FROM layers WHERE report IN (SELECT value FROM json_each(?))", (_ids(within),)
            )
        old = {(r, layer): d for r, layer, d in stored}
        gone = [k for k in old if k not in keys]
        self.conn.executemany("DELETE FROM layers WHERE report = ? AND layer = ?", gone)
        written = 0
        for report, layer, digest, size, data in rows:
            if old.get((report, layer)) != digest:
                self.conn.execute(
                    "INSERT OR REPLACE INTO layers (report, layer, digest, size, data) VALUES (?, ?, ?, ?, ?)",
                    (report, layer, digest, size, data if compressed else zlib.compress(data, 6)),
                )
                written += 1
        return len(gone) + written

    def _write_traces(self, within: set[str] | None, by_report: Iterable[list[tuple]], compressed: bool) -> int:
        """The rows of ``kg trace``, a report's at a time (``by_report``: lists of (report,
        entity, digest, data), ``data`` compressed or not)."""
        if within is None:
            stored = self.conn.execute("SELECT report, entity, digest FROM traces")
        else:
            stored = self.conn.execute(
                "SELECT report, entity, digest FROM traces WHERE report IN (SELECT value FROM json_each(?))", (_ids(within),)
            )
        old = {(r, e): d for r, e, d in stored}
        written = 0
        new: set[tuple[str, str]] = set()
        for rows in by_report:
            fresh = []
            for report, entity, digest, data in rows:
                new.add((report, entity))
                if old.get((report, entity)) != digest:
                    fresh.append((report, entity, digest, data if compressed else zlib.compress(data, 6)))
            self.conn.executemany("INSERT OR REPLACE INTO traces (report, entity, digest, data) VALUES (?, ?, ?, ?)", fresh)
            written += len(fresh)
        gone = [k for k in old if k not in new]
        self.conn.executemany("DELETE FROM traces WHERE report = ? AND entity = ?", gone)
        return len(gone) + written

    # --- part of the store: what a build that adds or removes a few reports needs ---

    def load_skeleton(self) -> tuple[nx.MultiDiGraph, Stored]:
        """Every report's node and its REPORTS_ON edge, the entity layer (entities and
        the relationships between them, without MENTIONS), every report's raw mentions,
        the reviews and the graph's attributes; with what the store holds of the entity
        layer, to tell what a derivation changed. The lexical and derived layers are
        left out (:meth:`add_layers` adds a report's)."""
        from kg.ids import town_id

        conn = self.conn
        graph = new_graph()
        _add_nodes(graph, conn.execute("SELECT id, data FROM reports ORDER BY id"))
        _add_paths(graph, conn)
        entities = dict(conn.execute("SELECT id, data FROM entities ORDER BY id"))
        _add_nodes(graph, entities.items())
        for node, data in list(graph.nodes(data=True)):
            if data.get("label") == "Report" and data.get("town"):
                # The edge a report's lexical blob holds (kg.graph.model.add_report), made again.
                town = town_id(data.get("city") or data.get("province"), data.get("district"), data["town"])
                graph.add_edge(node, town, key="REPORTS_ON", type="REPORTS_ON")
        edges = {(s, k, e): d for s, k, e, d in conn.execute("SELECT start, type, end, data FROM edges")}
        _add_loaded_edges(graph, sorted(([s, k, e, orjson.loads(d)] for (s, k, e), d in edges.items()), key=_edge_order))
        mentions = {report: content for report, _, content in _layers(conn, ["mentions"])}
        _add_graph_attributes(graph, conn, mentions)
        links = dict(conn.execute("SELECT report, digest FROM layers WHERE layer = 'links'"))
        return graph, Stored(entities, edges, links)

    def add_layers(self, graph: nx.MultiDiGraph, reports: Iterable[str], layers: Iterable[str] = ("lexical",)) -> None:
        """Add the stored layers of these reports to a graph of :meth:`load_skeleton`."""
        for _, _, content in _layers(self.conn, layers, reports):
            _add_loaded(graph, sorted(content["nodes"], key=_first))
            _add_loaded_edges(graph, sorted(content["edges"], key=_edge_order))

    def reports_about(self, entities: Iterable[str]) -> set[str]:
        """The reports that mention, or state claims about, any of these entities."""
        return {
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT report FROM entity_reports WHERE entity IN (SELECT value FROM json_each(?))", (_ids(entities),)
            )
        }

    def derived_count(self) -> int:
        """Claims and indicator values in the store."""
        row = self.conn.execute("SELECT SUM(size) FROM layers WHERE layer IN ('claims', 'indicators')").fetchone()
        return int(row[0] or 0)


class Stored:
    """What the store held of the entity layer when a build began: entity rows and
    entity relationships (their JSON text) and the digest of each report's MENTIONS."""

    def __init__(self, entities: dict[str, str], edges: dict[tuple[str, str, str], str], links: dict[str, bytes]) -> None:
        self.entities, self.edges, self.links = entities, edges, links


def links_digest(edges: list[list]) -> bytes:
    """The digest the store keeps of a report's MENTIONS ([sentence, "MENTIONS", entity,
    properties]…), as :meth:`Transaction.save` writes them."""
    return _digest(_encode({"nodes": [], "edges": sorted(edges, key=_edge_order)}))


def entity_rows(
    graph: nx.MultiDiGraph, nodes: Iterable[str] | None = None
) -> tuple[dict[str, str], dict[tuple[str, str, str], str]]:
    """The entity rows and entity relationships ``graph`` would be saved as (JSON text);
    only those of ``nodes`` (the relationships leaving them) when given."""
    if nodes is None:
        entities = {k: row[-1] for k, row in table_rows(graph, "entities").items()}
        edges = {k: row[-1] for k, row in table_rows(graph, "edges").items()}
        return entities, edges
    entities, edges = {}, {}
    for node in nodes:
        if node not in graph:
            continue
        data = graph.nodes[node]
        if table_of(data.get("label")) != "entities":
            continue
        entities[node] = _dumps(data)
        for _, end, key, edge in graph.out_edges(node, keys=True, data=True):
            edges[(node, key, end)] = _dumps(edge)
    return entities, edges


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
_RANK = {t: i for i, t in enumerate(_TYPE_ORDER)}


def _edge_order(edge) -> tuple:
    start, key, end = edge[0], edge[1], edge[2]
    return (start, _RANK.get(key, len(_TYPE_ORDER)), key, end)


def _layers(conn: sqlite3.Connection, layers: Iterable[str], reports: Iterable[str] | None = None):
    """(report, layer, content) of the blobs asked for, in report order."""
    wanted = list(layers)
    marks = ", ".join("?" for _ in wanted)
    if reports is None:
        rows = conn.execute(f"SELECT report, layer, data FROM layers WHERE layer IN ({marks}) ORDER BY report", wanted)
    else:
        rows = conn.execute(
            f"SELECT report, layer, data FROM layers WHERE layer IN ({marks}) "
            f"AND report IN (SELECT value FROM json_each(?)) ORDER BY report",
            [*wanted, _ids(reports)],
        )
    for report, layer, blob in rows:
        yield report, layer, _decode(blob)


# The layers holding a report's nodes and the relationships leaving them (the others are
# made from these, or are not part of the graph).
GRAPH_LAYERS = ("lexical", "links", "claims", "indicators")
# The classes of those nodes (with Report, whose node is its row in ``reports``).
REPORT_CLASSES = frozenset(_TABLE_OF_LABEL)


class ReportDigests(dict):
    """Report id → :func:`report_digests`, and what the store says of the graph read with
    them: ``owned`` — report → the ids of the nodes its blobs hold (those the digest
    stands for); ``others`` — the ids of the nodes in no digested report's blob (entities,
    places, and a blob's of a report the store has no row of). With these an
    incremental push finds a report's rows, and hashes the rest, without a walk of the
    whole graph (a million rows at 1000 reports)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.owned: dict[str, list[str]] = defaultdict(list)
        self.others: list[str] = []
        self.indexed = False  # set once read_graph filled owned and others
        # set when the graph holds, of the reports, only their nodes and those of the
        # reports in ``owned`` (:class:`PushReading`)
        self.partial = False


class PushReading:
    """The store as an incremental push reads it, inside one read transaction (``conn``;
    None: no store yet, an empty graph).

    ``graph`` holds at first every report's node, the entities and places with the
    relationships between them, and the nodes in the blobs of a report the store has no
    row of (what :class:`ReportDigests` calls ``others``): all the push hashes, as a
    report's digest stands for its rows. :meth:`add_reports` adds the rows of the
    reports it is to write, with the nodes of other reports their relationships end at
    (a recommitment's, a follow-up's: their labels name the relationships' ends);
    :meth:`whole` reads the whole graph, for a push that writes everything. Reading
    the whole 1000-report graph was 17–24 s of a ``kg push --incremental`` whose
    writes took 2 s."""

    def __init__(self, conn: sqlite3.Connection | None) -> None:
        self.conn = conn
        self.graph = new_graph()
        self.digests = ReportDigests()
        self.digests.partial = True
        self.digests.indexed = True
        if conn is None:
            return
        self.digests.update(report_digests(conn))
        graph, others = self.graph, self.digests.others
        _add_nodes(graph, conn.execute("SELECT id, data FROM reports ORDER BY id"))
        entities = conn.execute("SELECT id, data FROM entities ORDER BY id").fetchall()
        _add_nodes(graph, entities)
        others += [node for node, _ in entities]
        rowless = [r[0] for r in conn.execute("SELECT DISTINCT report FROM layers WHERE report NOT IN (SELECT id FROM reports)")]
        nodes, edges = self._blobs(rowless)
        _add_loaded(graph, nodes)
        others += [node for node, _ in nodes]
        edges += [[s, k, e, orjson.loads(d)] for s, k, e, d in conn.execute("SELECT start, type, end, data FROM edges")]
        self._add_edges(edges)

    def _blobs(self, reports: Iterable[str]) -> tuple[list, list]:
        """The nodes and relationships of these reports' :data:`GRAPH_LAYERS` blobs."""
        nodes: list = []
        edges: list = []
        if self.conn is None:
            return nodes, edges
        for _, _, content in _layers(self.conn, GRAPH_LAYERS, reports):
            nodes += content.get("nodes", ())
            edges += content["edges"]
        return sorted(nodes, key=_first), edges

    def _add_edges(self, edges: list) -> None:
        """Add these relationships, with the nodes of other reports they end at that the
        graph lacks (each with its data, read from its report's blobs)."""
        graph = self.graph
        missing = {end for _, _, end, _ in edges if end not in graph}
        owners = {report for node in missing if (report := self._report_holding(node)) is not None}
        nodes, _ = self._blobs(owners)
        _add_loaded(graph, [(node, data) for node, data in nodes if node in missing])
        edges.sort(key=_edge_order)
        _add_loaded_edges(graph, edges)

    def _report_holding(self, node: str) -> str | None:
        # A report's nodes carry ids that start with the report's and a colon
        # (kg.ids): the longest such prefix that is a report's id.
        cut = node.rfind(":")
        while cut > 0:
            if node[:cut] in self.digests:
                return node[:cut]
            cut = node.rfind(":", 0, cut)
        return None

    def add_reports(self, reports: Iterable[str]) -> None:
        """Add these reports' rows (their blobs' nodes, and the relationships leaving
        those and their report's node) to ``graph``, and say which nodes each holds
        (``digests.owned``)."""
        wanted = sorted({r for r in reports if r in self.digests and r not in self.digests.owned})
        if not wanted or self.conn is None:
            return
        nodes: list = []
        edges: list = []
        for report, layer, content in _layers(self.conn, GRAPH_LAYERS, wanted):
            if layer != "links":
                nodes += content["nodes"]
                self.digests.owned[report] += [node for node, _ in content["nodes"]]
            edges += content["edges"]
        for report in wanted:
            self.digests.owned.setdefault(report, [])
        _add_loaded(self.graph, sorted(nodes, key=_first))
        self._add_edges(edges)

    def whole(self) -> tuple[nx.MultiDiGraph, ReportDigests]:
        """The whole stored graph, with its digests (:meth:`Store.load_with_digests`)."""
        if self.conn is None:
            return new_graph(), ReportDigests()
        digests = ReportDigests(self.digests)
        return read_graph(self.conn, digests), digests


def report_digests(conn: sqlite3.Connection) -> dict[str, bytes]:
    """Report id → a digest of what the report contributes to the graph: its row in
    ``reports`` and the stored digests of its :data:`GRAPH_LAYERS` — its node, the
    nodes of :data:`REPORT_CLASSES` carrying its id, and every relationship leaving them.
    From the digests a save keeps, without decompressing a blob: an incremental push
    tells the reports it must write again from these instead of hashing a million rows.
    """
    layers: dict[str, list[bytes]] = defaultdict(list)
    marks = ", ".join("?" for _ in GRAPH_LAYERS)
    for report, layer, digest in conn.execute(
        f"SELECT report, layer, digest FROM layers WHERE layer IN ({marks}) ORDER BY report, layer", GRAPH_LAYERS
    ):
        layers[report].append(layer.encode("utf-8") + b"=" + digest)
    return {
        report: _digest(b"\n".join([data.encode("utf-8"), *layers.get(report, [])]))
        for report, data in conn.execute("SELECT id, data FROM reports")
    }


def read_graph(conn: sqlite3.Connection, index: ReportDigests | None = None) -> nx.MultiDiGraph:
    """The whole graph the database holds, nodes and edges in id order (so that the
    graph a store gives does not depend on the order in which it was built). ``index``:
    its ``owned`` and ``others`` are filled as the blobs are read (see
    :class:`ReportDigests`)."""
    graph = new_graph()
    _add_nodes(graph, conn.execute("SELECT id, data FROM reports ORDER BY id"))
    nodes: dict[str, list] = {"lexical": [], "claims": [], "indicators": []}
    edges: list = [[s, k, e, orjson.loads(d)] for s, k, e, d in conn.execute("SELECT start, type, end, data FROM edges")]
    mentions = {}
    for report, layer, content in _layers(conn, LAYERS):
        if layer == "mentions":
            mentions[report] = content
            continue
        if layer in nodes:
            nodes[layer] += content["nodes"]
            if index is not None:
                ids = [node for node, _ in content["nodes"]]
                if report in index:
                    index.owned[report] += ids
                else:
                    index.others += ids
        edges += content["edges"]
    _add_loaded(graph, sorted(nodes["lexical"], key=_first))
    entities = conn.execute("SELECT id, data FROM entities ORDER BY id").fetchall()
    if index is not None:
        index.others += [node for node, _ in entities]
        index.indexed = True
    _add_nodes(graph, entities)
    claims = sorted(nodes["claims"], key=_first)
    _add_loaded(graph, claims)
    _add_loaded(graph, sorted(nodes["indicators"], key=_first))
    edges.sort(key=_edge_order)
    _add_loaded_edges(graph, edges)
    _add_graph_attributes(graph, conn, mentions)
    return graph


def graph_rows(store: Store) -> Iterator[tuple]:
    """Every node of the stored graph as ``(id, data)`` and every relationship as
    ``(start, type, end, data)``, one report's blobs at a time, without building the
    graph: what :func:`read_graph` adds to networkx, for a writer that needs each row
    once (``kg export subgraph --format csv`` of the whole store, whose graph took most
    of the export's time and memory). Rows come in the store's order: the reports, the
    entities, the relationships between entities, then each report's layers."""
    with store.reading() as conn:
        if conn is None:
            return
        for table in ("reports", "entities"):
            for node, data in conn.execute(f"SELECT id, data FROM {table} ORDER BY id"):
                yield node, orjson.loads(data)
        for start, key, end, data in conn.execute("SELECT start, type, end, data FROM edges ORDER BY start, type, end"):
            yield start, key, end, orjson.loads(data)
        for _, _, content in _layers(conn, GRAPH_LAYERS):
            for node, data in content.get("nodes", ()):
                yield node, data
            for start, key, end, data in content["edges"]:
                yield start, key, end, data


def _first(item):
    return item[0]


def _add_loaded(graph: nx.MultiDiGraph, nodes) -> None:
    graph.add_nodes_from((node, data) for node, data in nodes)


def _add_loaded_edges(graph: nx.MultiDiGraph, edges, only_between_loaded: bool = False) -> None:
    for start, key, end, data in edges:
        if only_between_loaded and (start not in graph or end not in graph):
            continue
        graph.add_edge(start, end, key=key, **data)


def _add_nodes(graph: nx.MultiDiGraph, rows) -> None:
    graph.add_nodes_from((node, orjson.loads(data)) for node, data in rows)


def _add_paths(graph: nx.MultiDiGraph, conn: sqlite3.Connection, missing_only: bool = False) -> list[str]:
    """The reports' absolute paths, from their column: what a build compares a file
    loaded again with, never in what a read command gives. ``missing_only``: only where
    a node has none. Returns the nodes given one."""
    added = []
    for node, path in conn.execute("SELECT id, source FROM reports"):
        if node in graph and path and not (missing_only and graph.nodes[node].get("path")):
            graph.nodes[node]["path"] = path
            added.append(node)
    return added


def _add_graph_attributes(graph: nx.MultiDiGraph, conn: sqlite3.Connection, mentions: dict) -> None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'graph'").fetchone()
    if row:
        graph.graph.update(orjson.loads(row[0]))
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
        # The scorecard counts commitments by status: three fields of each, from the index.
        graph.add_nodes_from(
            (node, {"label": "Commitment", "id": node, "report": report, "status": status, "reviewed": bool(reviewed)})
            for node, report, status, reviewed in conn.execute(
                "SELECT id, report, status, reviewed FROM claims WHERE label = 'Commitment' ORDER BY id"
            )
        )
        nodes, edges = [], []
        for _, _, content in _layers(conn, ["indicators"]):
            nodes += content["nodes"]
            edges += [e for e in content["edges"] if e[1] == "MEASURED_BY"]
        _add_loaded(graph, sorted(nodes, key=_first))
        _add_loaded_edges(graph, sorted(edges, key=lambda e: (e[0], e[2])), only_between_loaded=True)
    return graph


def commitments_graph(store: Store) -> nx.MultiDiGraph:
    """Claims, the positions of their sentences, the entities they are about, and the
    tracing edges: what ``kg export commitments`` reads."""
    graph = new_graph()
    with store.reading() as conn:
        if conn is None:
            return graph
        commitments, others, edges = [], {}, []
        for _, _, content in _layers(conn, ["claims"]):
            for node, data in content["nodes"]:
                if data.get("label") == "Commitment":
                    commitments.append((node, data))
                else:
                    others[node] = data
            own = {n for n, d in content["nodes"] if d.get("label") == "Commitment"}
            edges += [e for e in content["edges"] if e[0] in own]
        commitments.sort(key=_first)
        _add_loaded(graph, commitments)
        cited = {e for _, k, e, _ in edges if k in ("FOLLOWED_UP_BY", "RECOMMITTED_AS")}
        _add_loaded(graph, sorted(((n, others[n]) for n in cited if n in others), key=_first))
        # The export orders commitments by their sentence's position: the index has it.
        sentences = {d["sentence"] for _, d in commitments if d.get("sentence")}
        positions = dict(conn.execute("SELECT id, start FROM claims WHERE label = 'Commitment'"))
        starts = {d["sentence"]: positions.get(n) for n, d in commitments if d.get("sentence")}
        graph.add_nodes_from((s, {"id": s, "label": "Sentence", "start": starts[s]}) for s in sorted(sentences) if s not in graph)
        _add_nodes(graph, _nodes_by_id(conn, "entities", {e for _, k, e, _ in edges if k == "ABOUT"}))
        edges.sort(key=lambda e: (e[0], e[1], e[2]))
        _add_loaded_edges(graph, edges, only_between_loaded=True)
    return graph


def commitments_text(store: Store) -> str:
    """What ``kg export commitments`` writes: every report's rows as the store keeps
    them, in report order (the text of ``json_text(export_commitments(graph))``)."""
    with store.reading() as conn:
        if conn is None:
            return "[]\n"
        parts = [
            _decode(blob)["text"]
            for (blob,) in conn.execute("SELECT data FROM layers WHERE layer = 'commitments' ORDER BY report")
        ]
    parts = [p for p in parts if p]
    return "[\n" + ",\n".join(parts) + "\n]\n" if parts else "[]\n"


def scorecard_rows(store: Store, town: str | None = None) -> list[dict]:
    """What ``kg status`` shows: every report's scorecard row as the store keeps it
    (``scorecard(graph, town)`` of :mod:`kg.views.scorecard`)."""
    with store.reading() as conn:
        if conn is None:
            return []
        cards = [_decode(blob) for (blob,) in conn.execute("SELECT data FROM layers WHERE layer = 'scorecard'")]
    return scorecard_order([{"source": c["source"], "row": orjson.loads(c["row"])} for c in cards], town)


def report_graph(store: Store, key: str) -> nx.MultiDiGraph:
    """Every report's node, and the lexical layer of the reports ``key`` may name (an
    id, an id prefix, a path, a file name: :func:`kg.graph.model.names_report`): what ``kg show`` reads."""
    graph = new_graph()
    with store.reading() as conn:
        if conn is None:
            return graph
        _add_nodes(graph, conn.execute("SELECT id, data FROM reports ORDER BY id"))
        # A report is named by its path too (kg show prints its source, not its path).
        _add_paths(graph, conn)
        wanted = [n for n, d in graph.nodes(data=True) if names_report(d, key)]
        if len(wanted) == 1:
            for _, _, content in _layers(conn, ["lexical"], wanted):
                _add_loaded(graph, content["nodes"])
                _add_loaded_edges(graph, content["edges"], only_between_loaded=True)
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
        targets = {*found, *parts}
        _add_nodes(graph, _nodes_by_id(conn, "entities", targets))
        part_edges = [
            [s, k, e, orjson.loads(d)]
            for s, k, e, d in conn.execute(
                "SELECT start, type, end, data FROM edges WHERE type = 'PART_OF' AND end IN (SELECT value FROM json_each(?))",
                (_ids(targets),),
            )
        ]
        reports = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT report FROM entity_reports WHERE entity IN (SELECT value FROM json_each(?))", (_ids(targets),)
            )
        ]
        lexical: dict[str, dict] = {}
        claim_nodes: dict[str, dict] = {}
        edges = list(part_edges)
        followed: list = []
        for _, layer, content in _layers(conn, ["lexical", "links", "claims", "indicators"], reports):
            if layer == "lexical":
                lexical.update((n, d) for n, d in content["nodes"])
                continue
            claim_nodes.update((n, d) for n, d in content["nodes"])
            edges += [e for e in content["edges"] if e[1] in ("MENTIONS", "ABOUT") and e[2] in targets]
            followed += [e for e in content["edges"] if e[1] == "FOLLOWED_UP_BY"]
        edges.sort(key=lambda e: (e[0], e[1], e[2]))
        sentences = {s for s, k, _, _ in edges if k == "MENTIONS"}
        claims = {s for s, k, _, _ in edges if k == "ABOUT"}
        _add_loaded(graph, sorted((s, lexical[s]) for s in sentences if s in lexical))
        sections = {lexical[s].get("section") for s in sentences if s in lexical}
        _add_loaded(graph, sorted((s, lexical[s]) for s in sections if s in lexical))
        part_ids = {lexical[s].get("part") for s in sections if s in lexical}
        _add_loaded(graph, sorted((p, lexical[p]) for p in part_ids if p in lexical))
        _add_nodes(graph, _nodes_by_id(conn, "reports", {lexical[s]["report"] for s in sentences if s in lexical}))
        stated = sorted((c, claim_nodes[c]) for c in claims if c in claim_nodes)
        _add_loaded(graph, [(c, d) for c, d in stated if d.get("label") != "IndicatorValue"])
        _add_loaded(graph, [(c, d) for c, d in stated if d.get("label") == "IndicatorValue"])
        evidence = sorted((e for e in followed if e[0] in claims), key=lambda e: (e[0], e[1], e[2]))
        # Evidence is stated in later reports, which need not mention the entity.
        cited = {e for _, _, e, _ in evidence}
        elsewhere = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT report FROM claims WHERE id IN (SELECT value FROM json_each(?))",
                (_ids(cited - claim_nodes.keys()),),
            )
        ]
        for _, _, content in _layers(conn, ["claims"], elsewhere):
            claim_nodes.update((n, d) for n, d in content["nodes"])
        _add_loaded(graph, sorted((c, claim_nodes[c]) for c in cited if c in claim_nodes))
        _add_loaded_edges(graph, edges + evidence, only_between_loaded=True)
    return graph


def kept_traces(store: Store, name: str) -> tuple[list[tuple[str, dict]], dict[str, dict[str, list[dict]]]]:
    """The entities named ``name`` (name or alias, variants folded) with their properties,
    by id, and for each the rows the store keeps for ``kg trace`` of it and of each of
    its parts, made whole (found entity → entity or part → rows of every report, each
    :func:`kg.graph.rows.kept_row`; see :func:`kg.views.timeline.kept_timeline`)."""
    from loaders.normalise import fold_variants

    with store.reading() as conn:
        if conn is None:
            return [], {}
        found = [
            r[0] for r in conn.execute("SELECT entity FROM entity_names WHERE key = ? ORDER BY entity", (fold_variants(name),))
        ]
        entities = [(n, orjson.loads(d)) for n, d in _nodes_by_id(conn, "entities", found)]
        targets: dict[str, set[str]] = {e: {e} for e in found}
        for part, whole in conn.execute(
            "SELECT start, end FROM edges WHERE type = 'PART_OF' AND end IN (SELECT value FROM json_each(?))", (_ids(found),)
        ):
            targets[whole].add(part)
        kept = [
            (entity, report, orjson.loads(zlib.decompress(blob)))
            for entity, report, blob in conn.execute(
                "SELECT t.entity, t.report, t.data FROM entity_reports e JOIN traces t ON t.report = e.report AND t.entity = e.entity "
                "WHERE e.entity IN (SELECT value FROM json_each(?)) ORDER BY t.entity, t.report",
                (_ids(t for ts in targets.values() for t in ts),),
            )
        ]
        wanted = {report for _, report, _ in kept}
        reports = {
            r: {"id": r, "date": date, "town": town}
            for r, date, town in conn.execute(
                "SELECT id, date, town FROM reports WHERE id IN (SELECT value FROM json_each(?))", (_ids(wanted),)
            )
        }
        texts = {report: content for report, _, content in _layers(conn, ["texts"], wanted)}
    rows: dict[str, list[dict]] = defaultdict(list)
    for entity, report, entity_rows in kept:
        rows[entity] += [kept_row(reports[report], texts[report], entity, row) for row in entity_rows]
    return entities, {e: {t: rows.get(t, []) for t in ts} for e, ts in targets.items()}
