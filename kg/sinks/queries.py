"""Canned Cypher queries (``queries/*.cypher``): read, list and run them on Neo4j.

A query file is what a Browser user pastes as is: a comment header, ``:param`` lines
with example values, then one Cypher statement::

    // name: scorecard
    // description: Per report of a town: commitments by status …
    // returns: table
    // params: town — a town's name
    :param town => '庙行镇';

    MATCH (t:Town {name: $town}) …

``kg query NAME --param town=庙行镇`` runs the statement with the given parameters (the
examples are not defaults: a missing parameter is an error), except those the header
names ``// optional:``, whose example is their default: a switch such as ``paths``
(metro-and-places returns its paths for the graph view only when asked, as they are
most of its answer's size and time).

>>> [q.name for q in canned_queries()][:2]
['commitments-by-town', 'indicator-targets-vs-actuals']
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.resources import queries_dir
from kg.sinks.connection import neo4j_session

_HEADER = re.compile(r"^//\s*(\w+):\s*(.*)$")
_PARAM = re.compile(r"^:param\s+(\w+)\s*=>\s*(.+?);?\s*$")
_USES = re.compile(r"\$(\w+)")


@dataclass(frozen=True)
class CannedQuery:
    name: str
    description: str
    returns: str  # table, graph, or "graph and table (…)"
    cypher: str
    examples: dict = field(default_factory=dict)  # parameter → example value
    path: Path | None = None
    optional: tuple[str, ...] = ()  # parameters whose example is their default

    def with_defaults(self, params: dict) -> dict:
        """``params`` and the optional parameters it does not give, at their default."""
        return {p: self.examples[p] for p in self.optional if p not in params} | params

    @property
    def parameters(self) -> list[str]:
        """The parameters the statement uses, in order of first use."""
        return list(dict.fromkeys(_USES.findall(re.sub(r"'[^']*'", "", self.cypher))))


def parse_query(text: str, path: Path | None = None) -> CannedQuery:
    """A canned query from a file's text.

    >>> q = parse_query("// name: x\\n// description: d\\n// returns: table\\n:param t => 'a';\\nMATCH (n {id: $t}) RETURN n;")
    >>> q.name, q.examples, q.parameters, q.cypher
    ('x', {'t': 'a'}, ['t'], 'MATCH (n {id: $t}) RETURN n')
    """
    header: dict[str, str] = {}
    examples: dict[str, object] = {}
    body: list[str] = []
    where = path or "<query>"
    for line in text.splitlines():
        stripped = line.strip()
        if m := _HEADER.match(stripped):
            header.setdefault(m.group(1).lower(), m.group(2).strip())
        elif m := _PARAM.match(stripped):
            try:
                examples[m.group(1)] = ast.literal_eval(
                    m.group(2).strip().rstrip(";").replace("true", "True").replace("false", "False")
                )
            except (ValueError, SyntaxError) as exc:
                raise KgError(f"{where}: cannot read the example of parameter {m.group(1)}: {m.group(2)}") from exc
        elif not stripped.startswith("//"):
            body.append(line)
    cypher = "\n".join(body).strip().rstrip(";").strip()
    for key in ("name", "description", "returns"):
        if not header.get(key):
            raise KgError(f"{where}: the header has no '// {key}:' line")
    if not cypher or ";" in re.sub(r"'[^']*'", "", cypher):
        raise KgError(f"{where}: expected exactly one Cypher statement after the header")
    optional = tuple(re.findall(r"\w+", header.get("optional", "")))
    query = CannedQuery(header["name"], header["description"], header["returns"], cypher, examples, path, optional)
    missing = [p for p in query.parameters if p not in examples]
    if missing:
        raise KgError(f"{where}: no ':param' example for {', '.join(missing)}")
    unused = [p for p in optional if p not in query.parameters]
    if unused:
        raise KgError(f"{where}: '// optional:' names {', '.join(unused)}, which the statement does not use")
    return query


def canned_queries(folder: Path | None = None) -> list[CannedQuery]:
    """Every canned query, by name."""
    folder = folder or queries_dir()
    return sorted((parse_query(p.read_text("utf-8"), p) for p in folder.glob("*.cypher")), key=lambda q: q.name)


def get_query(name: str, folder: Path | None = None) -> CannedQuery:
    queries = {q.name: q for q in canned_queries(folder)}
    if name not in queries:
        raise KgError(f"no canned query named '{name}' (kg queries lists them: {', '.join(queries)})")
    return queries[name]


def parse_params(pairs: list[str]) -> dict:
    """``key=value`` pairs; a value that reads as JSON (2, true, [..]) is taken as such.

    Booleans in any case (``paths=False``, ``TRUE``), as Cypher's own literals are: the
    string "False" sent for a switch is a type error on the server.

    >>> parse_params(["town=庙行镇", "min_towns=2", "paths=False"])
    {'town': '庙行镇', 'min_towns': 2, 'paths': False}
    """
    params: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise KgError(f"--param {pair!r}: expected key=value")
        if value.strip().lower() in ("true", "false"):
            params[key.strip()] = value.strip().lower() == "true"
            continue
        try:
            params[key.strip()] = json.loads(value)
        except json.JSONDecodeError:
            params[key.strip()] = value
    return params


def check_params(query: CannedQuery, params: dict) -> None:
    missing = [p for p in query.parameters if p not in query.with_defaults(params)]
    if missing:
        hint = " ".join(f"--param {p}={query.examples[p]}" for p in missing)
        raise KgError(f"query {query.name} needs parameter{'s' if len(missing) > 1 else ''} {', '.join(missing)} (e.g. {hint})")
    unknown = [p for p in params if p not in query.parameters]
    if unknown:
        raise KgError(
            f"query {query.name} has no parameter {', '.join(unknown)} (it takes: {', '.join(query.parameters) or 'none'})"
        )


def plain(value, seen: dict | None = None):
    """A query result value as JSON-ready data: a node as its properties with
    ``labels``, a relationship with its ``type``, a path as its nodes and relationships.

    ``seen`` (element id → data) makes each node and relationship once per result: a
    query returning paths repeats its nodes in every path (metro-and-places: 3,600
    paths through 1,700 nodes at 1000 reports, where converting them again was as long
    as the server's work). The repeats are the same dict, so treat the data as read-only.
    """
    # Imported once per call, not once per value: the recursion below runs for every
    # node, relationship and cell (26,000 times for trace-entity's 670 rows at 1000
    # reports, where the import statement alone was a fifth of the conversion).
    from neo4j.graph import Node, Path, Relationship

    def convert(value, seen: dict | None):
        if isinstance(value, Node | Relationship):
            if seen is None:
                seen = {}
            data = seen.get(value.element_id)
            if data is None:
                if isinstance(value, Node):
                    data = {"labels": sorted(value.labels), **dict(value)}
                else:
                    start, end = value.start_node, value.end_node
                    data = {
                        "type": value.type,
                        "start": start["id"] if start else None,
                        "end": end["id"] if end else None,
                        **dict(value),
                    }
                seen[value.element_id] = data
            return data
        if isinstance(value, Path):
            return {
                "nodes": [convert(n, seen) for n in value.nodes],
                "relationships": [convert(r, seen) for r in value.relationships],
            }
        if isinstance(value, list):
            return [convert(v, seen) for v in value]
        if isinstance(value, dict):
            return {k: convert(v, seen) for k, v in value.items()}
        if hasattr(value, "iso_format"):
            return value.iso_format()
        return value

    return convert(value, seen)


def caption(value) -> str:
    """A short text for a table cell: a node by its name or text, a path as a chain."""
    if isinstance(value, dict) and "nodes" in value:
        return " → ".join(caption(n) for n in value["nodes"])
    if isinstance(value, dict) and "labels" in value:
        return str(value.get("name") or value.get("text") or value.get("title") or value.get("id"))
    if isinstance(value, dict) and "type" in value:
        return value["type"]
    if isinstance(value, list):
        return "; ".join(caption(v) for v in value)
    return "" if value is None else str(value)


def run_query(connection, query: CannedQuery, params: dict) -> tuple[list[str], list[dict]]:
    """Run a canned query; (columns, rows of JSON-ready values)."""
    check_params(query, params)
    params = query.with_defaults(params)
    with neo4j_session(connection, f"query {query.name} on Neo4j") as session:
        result = session.run(query.cypher, params)
        columns = list(result.keys())
        # One conversion of every row, sharing ``seen``: each node once per result.
        values = plain([record.values() for record in result], {})
        rows = [dict(zip(columns, row, strict=True)) for row in values]
    return columns, rows


def plan_operators(connection, query: CannedQuery, params: dict | None = None) -> set[str]:
    """The operators of the query's plan (EXPLAIN), with its examples as parameters."""
    with neo4j_session(connection, f"EXPLAIN of query {query.name} on Neo4j") as session:
        plan = session.run("EXPLAIN " + query.cypher, params if params is not None else query.examples).consume().plan
    found, stack = set(), [plan]
    while stack:
        node = stack.pop()
        found.add(node["operatorType"].split("@")[0])
        stack.extend(node.get("children", []))
    return found
