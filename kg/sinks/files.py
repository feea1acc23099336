"""The graph (or a subgraph) in the file formats other tools read: GraphML (Gephi, yEd,
igraph), node-link JSON (networkx, D3), CSV for ``neo4j-admin database import``, and a
Cypher script of ``MERGE`` statements. RDF is in :mod:`kg.sinks.rdf`, the HTML page in
:mod:`kg.views.graph_page`; :mod:`kg.sinks.formats` lists them all.

Each writer reads the graph as it is: a node's class is its ``label``, a relationship's
type its ``type``; values are flattened as for Neo4j (:func:`kg.graph.model.flat_properties`).
A commitment also carries its status's label (``Delivered``…), as ``kg push`` gives it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import networkx as nx

from kg import __version__
from kg.errors import KgError
from kg.graph.model import flat_properties
from kg.graph.ontology import (
    neo4j_labels,
    read_cypher_statements,
    schema_file,
    status_labels,
)
from kg.views.style import node_style

# --- GraphML -----------------------------------------------------------------------------


def to_graphml(graph: nx.MultiDiGraph) -> str:
    """GraphML for Gephi and yEd: ``label`` is the caption Gephi shows (as Browser's
    style sheet captions it), ``class`` the ontology class; lists and maps are JSON text (GraphML has no list type)."""
    out = nx.MultiDiGraph()
    out.graph.update({"generator": f"kg {__version__}"})
    for node, data in sorted(graph.nodes(data=True)):
        attrs = {
            k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v
            for k, v in flat_properties(data).items()
            if k != "id"
        }  # the GraphML id is the id
        out.add_node(node, **attrs, **{"class": data["label"], "label": node_style(data).caption})
    for start, end, key, data in sorted(graph.edges(keys=True, data=True)):
        attrs = {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for k, v in flat_properties(data).items()}
        out.add_edge(start, end, key=key, **attrs, type=data["type"], label=data["type"])
    buffer = io.BytesIO()
    nx.write_graphml(out, buffer, encoding="utf-8", infer_numeric_types=True)
    return buffer.getvalue().decode("utf-8")


# --- node-link JSON ----------------------------------------------------------------------


def to_node_link(graph: nx.MultiDiGraph) -> dict:
    """networkx's node-link layout, with ``nodes`` and ``edges``; each node has ``id``
    and ``label`` (its class), each edge ``source``, ``target``, ``key`` and ``type``.
    ``networkx.node_link_graph(data, edges="edges")`` reads it back."""
    ordered = nx.MultiDiGraph()
    ordered.add_nodes_from(sorted(graph.nodes(data=True)))
    ordered.add_edges_from(sorted(graph.edges(keys=True, data=True)))
    data = nx.node_link_data(ordered, edges="edges")
    data["graph"] = {"generator": f"kg {__version__}"}
    return data


def to_json(graph: nx.MultiDiGraph) -> str:
    return json.dumps(to_node_link(graph), ensure_ascii=False, indent=1) + "\n"


# --- CSV for neo4j-admin ------------------------------------------------------------------

_CSV_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _kind(value) -> tuple[str, Any]:
    """What a column's header type depends on, of one value."""
    if isinstance(value, list):
        return ("list", frozenset(type(v) for v in value))
    return ("one", type(value))


def _csv_type(values: list) -> str | None:
    """The neo4j-admin header type of a column, or None for JSON text."""
    return _type_of_kinds({_kind(v) for v in values})


def _type_of_kinds(kinds: set[tuple[str, Any]]) -> str | None:
    """The header type of a column from the kinds of its values (see :func:`_kind`)."""
    if all(k[0] == "one" for k in kinds):
        types = {k[1] for k in kinds}
        if types <= {int, float} and float in types:
            return "double"
        return _CSV_TYPES.get(types.pop()) if len(types) == 1 else None
    if all(k[0] == "list" for k in kinds):
        inner = set().union(*(k[1] for k in kinds))
        if inner <= {int, float} and float in inner:
            return "double[]"
        if len(inner) <= 1:
            return (_CSV_TYPES.get(next(iter(inner)), "string") if inner else "string") + "[]"
    return None


def _csv_cell(value, kind: str | None, delimiter: str) -> str:
    if kind is None:
        return json.dumps(value, ensure_ascii=False)
    if kind.endswith("[]"):
        return delimiter.join(_csv_cell(v, kind[:-2], delimiter) for v in value)
    if kind == "boolean":
        return "true" if value else "false"
    return str(value)


# Candidates for neo4j-admin's array delimiter, the usual one first.
_DELIMITERS = (";", "|", "¦", "\u241f")


def _array_delimiter(graph: nx.MultiDiGraph) -> str:
    """A delimiter no list item contains."""
    records = [data for _, data in graph.nodes(data=True)] + [data for *_, data in graph.edges(data=True)]
    items = {str(v) for data in records for value in flat_properties(data).values() if isinstance(value, list) for v in value}
    return _free_delimiter({c for c in _DELIMITERS if any(c in item for item in items)})


def _free_delimiter(taken: set[str]) -> str:
    for candidate in _DELIMITERS:
        if candidate not in taken:
            return candidate
    raise KgError("every array delimiter that neo4j-admin could use occurs in the data")


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", name)


def to_admin_csv(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Files for ``neo4j-admin database import full``: ``nodes_<Label>.csv`` and
    ``relationships_<TYPE>.csv`` with ``:ID``/``:LABEL`` and ``:START_ID``/``:END_ID``/
    ``:TYPE`` headers and typed columns, and ``import.sh``, the command that loads them."""
    delimiter = _array_delimiter(graph)
    files: dict[str, str] = {}
    by_label: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for node, data in sorted(graph.nodes(data=True)):
        by_label[data["label"]].append((node, data))
    node_files, rel_files = [], []
    for label, nodes in sorted(by_label.items()):
        rows = [(node, neo4j_labels(data), flat_properties(data)) for node, data in nodes]
        keys = sorted({k for _, _, props in rows for k in props} - {"id"})
        kinds = {k: _csv_type([props[k] for _, _, props in rows if k in props]) for k in keys}
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["id:ID", *(f"{k}:{kinds[k]}" if kinds[k] else k for k in keys), ":LABEL"])
        for node, labels, props in rows:
            writer.writerow(
                [node, *(_csv_cell(props[k], kinds[k], delimiter) if k in props else "" for k in keys), delimiter.join(labels)]
            )
        name = f"nodes_{_safe_name(label)}.csv"
        files[name] = buffer.getvalue()
        node_files.append(name)
    by_type: dict[str, list[tuple[str, str, dict]]] = defaultdict(list)
    for start, end, data in sorted(graph.edges(data=True), key=lambda e: (e[2]["type"], e[0], e[1])):
        by_type[data["type"]].append((start, end, flat_properties(data)))
    for rel_type, rels in sorted(by_type.items()):
        keys = sorted({k for *_, props in rels for k in props})
        kinds = {k: _csv_type([props[k] for *_, props in rels if k in props]) for k in keys}
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([":START_ID", ":END_ID", *(f"{k}:{kinds[k]}" if kinds[k] else k for k in keys), ":TYPE"])
        for start, end, props in rels:
            writer.writerow(
                [start, end, *(_csv_cell(props[k], kinds[k], delimiter) if k in props else "" for k in keys), rel_type]
            )
        name = f"relationships_{_safe_name(rel_type)}.csv"
        files[name] = buffer.getvalue()
        rel_files.append(name)
    files["import.sh"] = admin_import_command(node_files, rel_files, delimiter)
    return files


def write_admin_csv(rows: Callable[[], Iterable[tuple]], folder: Path) -> tuple[int, int]:
    """The files of :func:`to_admin_csv` written into ``folder`` from rows streamed
    twice, without a graph: ``rows()`` gives every node as ``(id, data)`` and every
    relationship as ``(start, type, end, data)`` (:func:`kg.graph.store.graph_rows`).
    The first pass finds each column's header type and the array delimiter, the second
    writes each row as it comes, so memory holds one report's rows, not the graph (the
    export of a 1000-report store spent most of its time building the graph in
    networkx and copying it as the "subgraph" of everything). Rows are in the order
    given, not sorted; the files hold the same rows as :func:`to_admin_csv`'s.
    Returns (nodes, relationships) written."""
    node_kinds: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    rel_kinds: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    taken: set[str] = set()
    nodes = relationships = 0
    for row in rows():
        if len(row) == 2:
            kinds, props = node_kinds[row[1]["label"]], flat_properties(row[1])
            nodes += 1
        else:
            kinds, props = rel_kinds[row[1]], flat_properties(row[3])
            relationships += 1
        for key, value in props.items():
            kinds[key].add(_kind(value))
            if isinstance(value, list):
                for item in value:
                    text = str(item)
                    taken.update(c for c in _DELIMITERS if c in text)
    delimiter = _free_delimiter(taken)
    node_files = {label: f"nodes_{_safe_name(label)}.csv" for label in sorted(node_kinds)}
    rel_files = {rel_type: f"relationships_{_safe_name(rel_type)}.csv" for rel_type in sorted(rel_kinds)}
    columns: dict[tuple[str, str], list[tuple[str, str | None]]] = {}
    with ExitStack() as stack:
        writers = {}
        for kind, files, all_kinds in (("node", node_files, node_kinds), ("rel", rel_files, rel_kinds)):
            for name, file_name in files.items():
                handle = stack.enter_context((folder / file_name).open("w", encoding="utf-8", newline=""))
                writer = writers[kind, name] = csv.writer(handle, lineterminator="\n")
                keys = sorted(set(all_kinds[name]) - ({"id"} if kind == "node" else set()))
                typed = columns[kind, name] = [(k, _type_of_kinds(all_kinds[name][k])) for k in keys]
                head = [f"{k}:{t}" if t else k for k, t in typed]
                writer.writerow(["id:ID", *head, ":LABEL"] if kind == "node" else [":START_ID", ":END_ID", *head, ":TYPE"])
        for row in rows():
            if len(row) == 2:
                node, data = row
                props = flat_properties(data)
                cells = [_csv_cell(props[k], t, delimiter) if k in props else "" for k, t in columns["node", data["label"]]]
                writers["node", data["label"]].writerow([node, *cells, delimiter.join(neo4j_labels(data))])
            else:
                start, rel_type, end, data = row
                props = flat_properties(data)
                cells = [_csv_cell(props[k], t, delimiter) if k in props else "" for k, t in columns["rel", rel_type]]
                writers["rel", rel_type].writerow([start, end, *cells, rel_type])
    (folder / "import.sh").write_text(
        admin_import_command(list(node_files.values()), list(rel_files.values()), delimiter), "utf-8"
    )
    return nodes, relationships


def admin_import_command(node_files: list[str], rel_files: list[str], delimiter: str, database: str = "neo4j") -> str:
    args = [f"--nodes={name}" for name in node_files] + [f"--relationships={name}" for name in rel_files]
    return (
        "#!/bin/sh\n"
        "# Load these files into an empty (stopped) database; run from this folder:\n"
        "#   NEO4J_HOME=/path/to/neo4j sh import.sh\n"
        'cd "$(dirname "$0")"\n'
        f'"${{NEO4J_HOME:?set NEO4J_HOME}}/bin/neo4j-admin" database import full {database} --overwrite-destination \\\n'
        f"  --array-delimiter='{delimiter}' --multiline-fields=true \\\n  " + " \\\n  ".join(args) + "\n"
    )


# --- Cypher script ------------------------------------------------------------------------

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def cypher_literal(value) -> str:
    """A value as a Cypher literal.

    >>> cypher_literal(["庙行镇", "it's"])
    "['庙行镇', 'it\\\\'s']"
    >>> cypher_literal({"on_track": True, "share": 0.52})
    '{on_track: true, share: 0.52}'
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
        return f"'{escaped}'"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_name(k)}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    raise KgError(f"cannot write {type(value).__name__} as a Cypher literal")


def _name(name: str) -> str:
    return name if _IDENTIFIER.match(name) else "`" + name.replace("`", "``") + "`"


def to_cypher(graph: nx.MultiDiGraph) -> str:
    """A script of parameter-free statements, one per line, that ``cypher-shell -f`` or
    Browser runs: the schema's constraints and indexes, then one ``MERGE`` per node and
    relationship, so running it twice changes nothing."""
    lines = [f"// kg {__version__}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} relationships"]
    lines += [" ".join(statement.split()) + ";" for statement in read_cypher_statements(schema_file())]
    for node, data in sorted(graph.nodes(data=True)):
        labels = neo4j_labels(data)
        props = flat_properties(data) | {"id": node}
        line = f"MERGE (n:{_name(labels[0])} {{id: {cypher_literal(node)}}}) SET n = {cypher_literal(props)}"
        if len(labels) > 1:
            line += " REMOVE n" + "".join(f":{_name(x)}" for x in sorted(status_labels().values()))
            line += f" SET n:{_name(labels[1])}"
        lines.append(line + ";")
    for start, end, data in sorted(graph.edges(data=True), key=lambda e: (e[2]["type"], e[0], e[1])):
        a, b = graph.nodes[start]["label"], graph.nodes[end]["label"]
        lines.append(
            f"MATCH (a:{_name(a)} {{id: {cypher_literal(start)}}}) MATCH (b:{_name(b)} {{id: {cypher_literal(end)}}}) "
            f"MERGE (a)-[r:{_name(data['type'])}]->(b) SET r = {cypher_literal(flat_properties(data))};"
        )
    return "\n".join(lines) + "\n"
