"""No injection: values reach Cypher only as parameters, names only from the ontology;
hostile values through every path (``kg query --param``, ``kg trace``, report text,
entity names, file names, exports) leave the database as it was."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import main
from kg.errors import KgError
from kg.graph.ontology import neo4j_labels
from kg.graph.store import Store
from kg.sinks.connection import connect
from kg.sinks.files import _name, cypher_literal, to_cypher
from kg.sinks.neo4j import database_census, ontology_name, push, wipe_database
from kg.sinks.queries import canned_queries

from .conftest import REPORTS

ROOT = Path(__file__).resolve().parent.parent

HOSTILE = [
    "'}) DETACH DELETE n //",
    '"}) MATCH (m) DETACH DELETE m //',
    "`) DETACH DELETE n WITH 1 AS x MATCH (`",
    "x' OR 1=1 //",
    "{id: 'x'}) CALL dbms.shutdown() //",
    "$town; MATCH (n) DETACH DELETE n",
    "\\'; CALL dbms.killTransactions(['x']) //",
    "CALL dbms.components() YIELD name RETURN name",
    "/* */ MATCH (n) SET n.pwned = true //",
    "庙行镇' }) DETACH DELETE n; //",
    "[bold]rich[/bold] {{braces}} %s {0}",
]
# A file name may hold anything but a slash.
HOSTILE_FILE_NAME = "庙行镇 '}) DETACH DELETE n; CALL dbms.shutdown() <img src=x onerror=alert(1)> `x` {a}.txt"
HOSTILE_PLAN = (
    "\n\n启动`}) MATCH (m) DETACH DELETE m //路改造工程，2023年底前竣工。"
    "\n\n推进x'}) DETACH DELETE n; CALL dbms.shutdown() //{a:$b}中心建设，年内开工。"
    '\n\n完成"}) CALL dbms.components() YIELD name RETURN name //路建设。'
    # A quoted name becomes an initiative's name as it stands: backticks, quotes, braces, markup.
    "\n\n打造“`x`{a:$b}[bold]庙行[/bold]”品牌，2023年底前建成。"
)

# --- the code's Cypher ------------------------------------------------------------------

_CYPHER = re.compile(
    r"\b(MATCH|MERGE|UNWIND|DETACH DELETE|CREATE (?:CONSTRAINT|INDEX|FULLTEXT)|DROP INDEX|SHOW \w+|"
    r"REMOVE|SET \w|RETURN|CALL)\b"
)
# What may be interpolated into a Cypher f-string, and why it is safe. Anything else (a
# value, a name from the data) must go in as a parameter.
SAFE_CALLS = {
    "ontology_name": "a label or type checked against the ontology (kg.graph.ontology), in backticks",
    "int": "a number",
    "cypher_literal": "a value of the Cypher export script, escaped as a string/list/map literal (tested below)",
    "_name": "a label or type of the Cypher export script, backtick-quoted with backticks doubled (tested below)",
}
REVIEWED = {
    # The ontology's labels, index names, keys and analyzers, written into schema/neo4j/schema.cypher.
    ("kg/graph/ontology.py", "_snake(label)"),
    ("kg/graph/ontology.py", "label"),
    ("kg/graph/ontology.py", "index.name"),
    ("kg/graph/ontology.py", "index.label"),
    ("kg/graph/ontology.py", "index.key"),
    ("kg/graph/ontology.py", "labels"),
    ("kg/graph/ontology.py", "keys"),
    ("kg/graph/ontology.py", "index.analyzer"),
    # A name of kg.graph.ontology.fulltext_indexes() (the server's row is only compared with it).
    ("kg/sinks/neo4j.py", "index.name"),
    # ontology_name(label, labels) for a label of kg.graph.ontology.node_labels(), computed once per label.
    ("kg/sinks/neo4j.py", "name"),
    # The label of the incremental push's record, a constant of the code (kg.sinks.neo4j.STATE_LABEL).
    ("kg/sinks/neo4j.py", "_STATE"),
}


def _interpolations() -> list[tuple[str, int, str]]:
    """(file, line, expression) of everything interpolated into a string that reads as
    Cypher, in the code (kg, loaders, scripts)."""
    found = []
    for path in sorted([*ROOT.glob("kg/**/*.py"), *ROOT.glob("loaders/*.py"), *ROOT.glob("scripts/*.py")]):
        source = path.read_text("utf-8")
        relative = str(path.relative_to(ROOT))
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.JoinedStr):
                constant = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                if _CYPHER.search(constant):
                    found += [
                        (relative, node.lineno, ast.get_source_segment(source, v.value))
                        for v in node.values
                        if isinstance(v, ast.FormattedValue)
                    ]
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
                for side in (node.left, node.right):
                    other = node.right if side is node.left else node.left
                    if isinstance(side, ast.Constant) and isinstance(side.value, str) and _CYPHER.search(side.value):
                        found.append((relative, node.lineno, ast.get_source_segment(source, other)))
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format"
                and isinstance(node.func.value, ast.Constant)
                and _CYPHER.search(str(node.func.value.value))
            ):
                found.append((relative, node.lineno, ".format(...)"))
    return found


def _safe(file: str, expression: str) -> bool:
    if (file, expression) in REVIEWED:
        return True
    call = re.match(r"^(\w+)\(", expression)
    if call and call.group(1) in SAFE_CALLS and expression.endswith(")"):
        return True
    # A string built of safe pieces: "".join(f":{ontology_name(x, …)}" for x in …)
    pieces = re.findall(r"\{([^{}]+)\}", expression)
    return expression.startswith('"".join(f"') and pieces and all(_safe(file, p) for p in pieces)


def test_cypher_in_the_code_interpolates_only_ontology_names_and_escaped_literals():
    found = _interpolations()
    assert len(found) > 10  # the scan sees the statements it should
    unsafe = [f"{f}:{line}: {expr}" for f, line, expr in found if not _safe(f, expr)]
    assert not unsafe, "interpolated into Cypher (use a parameter or ontology_name):\n" + "\n".join(unsafe)
    # Every reviewed exception is still in use (a stale one would hide a new risk).
    used = {(f, e) for f, _, e in found}
    assert used >= REVIEWED


def test_ontology_name_refuses_anything_else():
    assert ontology_name("Town", {"Town"}) == "`Town`"
    for hostile in ["Town`) DETACH DELETE n //", "Town ", "town", ""]:
        with pytest.raises(KgError, match="not a label or relationship type of the ontology"):
            ontology_name(hostile, {"Town"})


def test_export_names_are_quoted():
    assert _name("Town") == "Town"
    assert _name("a`) DETACH DELETE n //") == "`a``) DETACH DELETE n //`"


# --- against the server ---------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> Store:
    """The sample reports and one more whose file name and plan are hostile."""
    folder = tmp_path_factory.mktemp("hostile-in")
    for path in REPORTS.glob("*.txt"):
        shutil.copy(path, folder)
    text = (REPORTS / "001_8d55160e06e9d7cd.txt").read_text("utf-8")
    plan = text.index("\n\n", text.index("二、2023"))
    (folder / HOSTILE_FILE_NAME).write_text(text[:plan] + HOSTILE_PLAN + text[plan:], "utf-8")
    store = Store(tmp_path_factory.mktemp("hostile") / "store")
    summary = build([folder], store)
    assert summary.loaded == 6 and not summary.failed
    return store


def _label_counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        for label in neo4j_labels(data):
            counts[label] = counts.get(label, 0) + 1
    return counts


@pytest.fixture
def pushed(empty_neo4j, hostile_store):
    graph = hostile_store.load()
    push(graph, empty_neo4j)
    return empty_neo4j, graph, database_census(empty_neo4j)


@pytest.mark.neo4j
def test_hostile_text_entity_names_and_file_names_are_stored_verbatim(pushed):
    connection, graph, census = pushed
    assert census.labels == _label_counts(graph)
    assert sum(census.types.values()) == graph.number_of_edges()
    hostile_names = sorted(
        d["name"] for _, d in graph.nodes(data=True) if d.get("name") and any(c in d["name"] for c in "`'\"{}")
    )
    assert hostile_names  # an entity took its name from the hostile text
    sentences = sorted(d["text"] for _, d in graph.nodes(data=True) if d["label"] == "Sentence" and "DETACH DELETE" in d["text"])
    assert len(sentences) >= 2
    driver = connect(connection)
    with driver.session() as session:
        stored = sorted(
            r["t"] for r in session.run("MATCH (s:Sentence) WHERE s.text CONTAINS 'DETACH DELETE' RETURN s.text AS t")
        )
        names = sorted(
            r["n"]
            for r in session.run(
                "MATCH (n) WHERE n.name IS NOT NULL AND n.name =~ $pattern RETURN n.name AS n", pattern=".*[`'\"{}].*"
            )
        )
        sources = [
            r["s"]
            for r in session.run("MATCH (r:Report) WHERE r.source ENDS WITH $name RETURN r.source AS s", name=HOSTILE_FILE_NAME)
        ]
    driver.close()
    assert stored == sentences
    assert names == hostile_names
    assert len(sources) == 1


@pytest.mark.neo4j
def test_hostile_query_parameters_change_nothing(pushed, tmp_path):
    connection, _, census = pushed
    env = {"NEO4J_URI": connection.uri, "NEO4J_USER": connection.user, "NEO4J_PASSWORD": connection.password}
    runner = CliRunner()
    ran = 0
    for query in canned_queries():
        for value in HOSTILE:
            args = ["query", query.name, "--json"] + [f"--param={p}={value}" for p in query.parameters]
            result = runner.invoke(main, args, env=env)
            assert "Traceback" not in result.output
            if result.exit_code:  # e.g. a text where a number is wanted: one line
                assert result.exit_code == 1 and result.output.strip().count("\n") == 0, result.output
            ran += 1
    assert ran == len(canned_queries()) * len(HOSTILE)
    assert database_census(connection) == census


@pytest.mark.neo4j
def test_hostile_names_through_trace_and_exports_change_nothing(pushed, hostile_store, tmp_path):
    connection, _, census = pushed
    env = {"NEO4J_URI": connection.uri, "NEO4J_USER": connection.user, "NEO4J_PASSWORD": connection.password}
    before = hostile_store.db_file.read_bytes()
    runner = CliRunner()
    for value in HOSTILE:
        traced = runner.invoke(main, ["trace", value, "--store", str(hostile_store.path)])
        assert traced.exit_code == 1 and traced.output.strip().count("\n") == 0, traced.output
        assert "no entity named" in traced.output
        for source in ([], ["--from-neo4j"]):
            exported = runner.invoke(
                main,
                ["export", "subgraph", "--around", value, "--format", "json", *source, "--store", str(hostile_store.path)],
                env=env,
            )
            assert "Traceback" not in exported.output
            assert exported.exit_code in (0, 1)
    # A hostile entity name traced and exported as it is.
    name = next(d["name"] for _, d in hostile_store.load().nodes(data=True) if d.get("name") and "`" in d["name"])
    traced = runner.invoke(main, ["trace", name, "--store", str(hostile_store.path)])
    assert traced.exit_code == 0
    assert traced.output.startswith(name)  # shown as it is, not read as console markup
    out = tmp_path / "around.json"
    result = runner.invoke(
        main, ["export", "subgraph", "--around", name, "--from-neo4j", "--format", "json", "-o", str(out)], env=env
    )
    assert result.exit_code == 0, result.output
    assert hostile_store.db_file.read_bytes() == before
    assert database_census(connection) == census


@pytest.mark.neo4j
def test_pushing_the_hostile_store_again_changes_nothing(pushed, hostile_store):
    connection, graph, census = pushed
    push(graph, connection, batch_size=7)
    assert database_census(connection) == census


@pytest.mark.neo4j
def test_a_label_outside_the_ontology_is_refused_before_anything_is_written(pushed):
    connection, graph, census = pushed
    bad = graph.copy()
    bad.add_node("x", label="Town`) DETACH DELETE n //", id="x", name="x")
    with pytest.raises(KgError, match="not a label or relationship type of the ontology"):
        push(bad, connection)
    assert database_census(connection) == census


@pytest.mark.neo4j
def test_the_cypher_export_of_hostile_data_rebuilds_exactly_the_pushed_graph(pushed):
    connection, graph, census = pushed
    script = to_cypher(graph)
    driver = connect(connection)
    with driver.session() as session:
        wipe_database(session)
        for line in script.splitlines():
            if line.strip() and not line.startswith("//"):
                session.run(line.rstrip().removesuffix(";")).consume()
    driver.close()
    assert database_census(connection) == census


@pytest.mark.neo4j
def test_cypher_literals_read_back_as_the_same_values(empty_neo4j):
    values = [
        *HOSTILE,
        "a\\b",
        "\\u0027",
        "line\nbreak\r\ttab",
        "\u2028\u2029",
        "'",
        "\\",
        "\\'",
        "🙂",
        "",
        ["x'}) //", {"k": "v'"}],
        {"nested": ["`", "\\\\'"]},
    ]
    driver = connect(empty_neo4j)
    with driver.session() as session:
        for value in values:
            got = session.run(f"RETURN {cypher_literal(value)} AS v").single()["v"]
            assert got == value
        assert session.run("MATCH (n) RETURN count(n) AS c").single()["c"] == 0
    driver.close()
