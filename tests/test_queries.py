"""Canned queries: their files (unit), and each one run on the pushed sample graph (Neo4j)."""

import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KgError
from kg.sinks.queries import (
    canned_queries,
    caption,
    check_params,
    get_query,
    parse_params,
    parse_query,
    plan_operators,
    run_query,
)
from kg.views.scorecard import scorecard

EXPECTED = {
    "scorecard",
    "commitments-by-town",
    "trace-entity",
    "silent-promises",
    "recommitted",
    "indicator-targets-vs-actuals",
    "shared-initiatives",
    "metro-and-places",
    "report-outline",
}


def test_every_query_file_has_a_header_examples_and_one_statement():
    queries = canned_queries()
    assert {q.name for q in queries} == EXPECTED
    for q in queries:
        assert q.path.stem == q.name and q.description and q.returns.split()[0] in ("table", "graph")
        assert set(q.parameters) == set(q.examples) and q.parameters
        assert "$" + q.parameters[0] in q.cypher  # parameters, not string concatenation


def test_header_errors_name_the_file(tmp_path):
    with pytest.raises(KgError, match="x.cypher: the header has no '// description:' line"):
        parse_query("// name: x\n// returns: table\nRETURN 1", tmp_path / "x.cypher")
    with pytest.raises(KgError, match="no ':param' example for town"):
        parse_query("// name: x\n// description: d\n// returns: table\nMATCH (t {name: $town}) RETURN t", tmp_path / "x.cypher")
    with pytest.raises(KgError, match="exactly one Cypher statement"):
        parse_query("// name: x\n// description: d\n// returns: table\nRETURN 1;\nRETURN 2;", tmp_path / "x.cypher")


def test_parameters_are_checked():
    query = get_query("scorecard")
    with pytest.raises(KgError, match="needs parameter town .e.g. --param town=庙行镇"):
        check_params(query, {})
    with pytest.raises(KgError, match="has no parameter date"):
        check_params(query, {"town": "庙行镇", "date": "x"})
    with pytest.raises(KgError, match="no canned query named 'nope'"):
        get_query("nope")
    assert parse_params(["min_towns=3", "town=庙行镇"]) == {"min_towns": 3, "town": "庙行镇"}
    # A switch given as Python or shouting writes it (found by tests/test_secrets.py, which
    # passes each example as str() makes it): the string "False" was a type error on the server.
    assert parse_params(["paths=False", "a=TRUE", "b= true ", "c=falsey"]) == {
        "paths": False,
        "a": True,
        "b": True,
        "c": "falsey",
    }


def test_an_optional_parameter_takes_its_example_as_default(tmp_path):
    text = "// name: x\n// description: d\n// returns: table\n// optional: paths\n:param t => 'a';\n:param paths => false;\n"
    query = parse_query(text + "MATCH (n {id: $t}) RETURN CASE WHEN $paths THEN n END AS n")
    assert query.optional == ("paths",)
    check_params(query, {"t": "b"})
    assert query.with_defaults({"t": "b"}) == {"paths": False, "t": "b"}
    assert query.with_defaults({"t": "b", "paths": True}) == {"paths": True, "t": "b"}
    with pytest.raises(KgError, match="needs parameter t "):
        check_params(query, {"paths": True})
    with pytest.raises(KgError, match="'// optional:' names nope, which the statement does not use"):
        parse_query(text.replace("optional: paths", "optional: nope") + "MATCH (n {id: $t}) RETURN $paths", tmp_path / "x.cypher")


def test_query_commands_without_a_server():
    runner = CliRunner()
    listed = runner.invoke(main, ["queries"], env={"COLUMNS": "250"})
    assert listed.exit_code == 0 and all(name in listed.output for name in EXPECTED)
    missing = runner.invoke(main, ["query", "scorecard"])
    assert missing.exit_code == 1 and "needs parameter town" in missing.output
    unknown = runner.invoke(main, ["query", "nope"])
    assert unknown.exit_code == 1 and "no canned query named 'nope'" in unknown.output


# --- On the real server -----------------------------------------------------------------


@pytest.fixture(scope="module")
def pushed(neo4j_connection, sample_graph):
    from kg.sinks.neo4j import push

    push(sample_graph, neo4j_connection, wipe=True)
    return neo4j_connection


def rows_of(connection, query_name, /, **params):
    return run_query(connection, get_query(query_name), params)[1]


@pytest.mark.neo4j
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_query_runs_with_its_examples_and_is_backed_by_an_index(pushed, name):
    query = get_query(name)
    assert rows_of(pushed, name, **query.examples)
    operators = plan_operators(pushed, query)
    assert "AllNodesScan" not in operators, operators


def _commitments(graph, town, date=None):
    return [
        d
        for _, d in graph.nodes(data=True)
        if d["label"] == "Commitment"
        and graph.nodes[d["report"]]["town"] == town
        and (date is None or graph.nodes[d["report"]]["date"] == date)
    ]


@pytest.mark.neo4j
def test_scorecard_equals_kg_status(pushed, sample_graph):
    rows = {r["report_date"]: r for r in rows_of(pushed, "scorecard", town="庙行镇")}
    (status,) = [r for r in scorecard(sample_graph, "庙行镇") if r["date"] == "2023-01-05"]
    row = rows["2023-01-05"]
    for key in ("commitments", "DELIVERED", "IN_PROGRESS", "STALLED", "NOT_REPORTED", "AWAITING_FOLLOW_UP", "delivered_share"):
        assert row[key] == status[key], key


@pytest.mark.neo4j
def test_commitments_and_silent_promises_by_town(pushed, sample_graph):
    rows = rows_of(pushed, "commitments-by-town", town="庙行镇")
    assert len(rows) == len(_commitments(sample_graph, "庙行镇"))
    assert all(r["evidence"] for r in rows if r["status"] == "DELIVERED")
    silent = rows_of(pushed, "silent-promises", town="庙行镇")
    expected = [d for d in _commitments(sample_graph, "庙行镇") if d["status"] in ("NOT_REPORTED", "AWAITING_FOLLOW_UP")]
    assert len(silent) == len(expected) and {r["status"] for r in silent} <= {"NOT_REPORTED", "AWAITING_FOLLOW_UP"}


@pytest.mark.neo4j
def test_trace_entity_follows_the_promise_to_its_progress(pushed):
    rows = rows_of(pushed, "trace-entity", name="智力产业园")
    # The clause promises 一期 and 四期 alike; the promise about 一期 is the one 智园一期 answers.
    promise = [r for r in rows if r["kind"] == "Commitment" and r["date"] == "2023-01-05" and r["entity"] == "上海智力产业园一期"]
    progress = [r for r in rows if r["kind"] == "Progress" and r["date"] == "2023-07-26" and "智园一期改扩建" in r["text"]]
    assert promise and progress
    followed = [p["nodes"][-1]["text"] for p in promise[0]["followed_up_by"]]
    assert progress[0]["text"] in followed
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert rows_of(pushed, "trace-entity", name="智园一期")  # an alias


@pytest.mark.neo4j
def test_recommitted_and_indicators(pushed, sample_graph):
    rows = rows_of(pushed, "recommitted", town="庙行镇")
    expected = [(a, b) for a, b, k in sample_graph.edges(keys=True) if k == "RECOMMITTED_AS"]
    assert len(rows) == len(expected) and all(r["times_promised"] == 2 for r in rows)
    assert all(len(r["milestones"]) == 2 for r in rows)
    targets = {r["indicator"]: r for r in rows_of(pushed, "indicator-targets-vs-actuals", town="庙行镇")}
    assert (targets["固定资产投资"]["share"], targets["固定资产投资"]["on_track"]) == (0.52, True)
    assert (targets["社会消费品零售总额"]["actual"], targets["社会消费品零售总额"]["growth_consistent"]) == (34.0, False)


@pytest.mark.neo4j
def test_shared_initiatives_metro_and_outline(pushed, sample_graph):
    shared = {r["name"]: r for r in rows_of(pushed, "shared-initiatives", min_towns=3)}
    assert set(shared["河长制"]["towns"]) >= {"庙行镇", "大场镇", "高境镇"}
    assert all(r["town_count"] >= 3 for r in shared.values())
    # The query reads each entity's own town; the towns of the reports naming it agree.
    joined = parse_query(
        "// name: x\n// description: d\n// returns: table\n:param min_towns => 1;\n"
        "MATCH (e:Initiative|Company)<-[:MENTIONS]-(s:Sentence) MATCH (r:Report {id: s.report})-[:REPORTS_ON]->(t:Town) "
        "WITH labels(e)[0] AS type, e.name AS name, collect(DISTINCT t.name) AS towns, count(DISTINCT s) AS sentences "
        "WHERE size(towns) >= $min_towns RETURN type, name, towns, size(towns) AS town_count, sentences"
    )
    for min_towns in (1, 2):
        expected = sorted(
            ({**r, "towns": sorted(r["towns"])} for r in run_query(pushed, joined, {"min_towns": min_towns})[1]), key=str
        )
        got = sorted(
            ({**r, "towns": sorted(r["towns"])} for r in rows_of(pushed, "shared-initiatives", min_towns=min_towns)), key=str
        )
        assert got == expected and len(got) > 10
    metro = rows_of(pushed, "metro-and-places", line="18号线")
    assert {r["name"] for r in metro if r["type"] == "MetroStation"} >= {"呼兰路站"}
    # The paths only on request, the rest of the answer the same either way.
    assert all(r["paths"] == [] for r in metro)
    with_paths = rows_of(pushed, "metro-and-places", line="18号线", paths=True)
    assert [{**r, "paths": []} for r in with_paths] == metro
    for row in with_paths:
        assert row["paths"]
        for path in row["paths"]:
            ends = (path["nodes"][0], path["nodes"][-1])
            assert {row["line"], row["name"]} <= {caption(n) for n in ends} | set(row["on_lines"]), path
    outline = rows_of(pushed, "report-outline", town="庙行镇", date="2023-01-05")
    assert sum(r["commitments"] for r in outline) == len(_commitments(sample_graph, "庙行镇", "2023-01-05"))
    assert [r["kind"] for r in outline][0] == "front" and "plan" in {r["kind"] for r in outline}


@pytest.mark.neo4j
def test_kg_query_prints_table_json_and_csv(pushed):
    env = {"NEO4J_URI": pushed.uri, "NEO4J_USER": pushed.user, "NEO4J_PASSWORD": pushed.password, "COLUMNS": "250"}
    runner = CliRunner()
    table = runner.invoke(main, ["query", "scorecard", "--param", "town=庙行镇"], env=env)
    assert table.exit_code == 0 and "2023-01-05" in table.output and "2 rows" in table.output
    rows = json.loads(runner.invoke(main, ["query", "scorecard", "--param", "town=庙行镇", "--json"], env=env).output)
    assert {r["town"] for r in rows} == {"庙行镇"}
    csv_out = runner.invoke(main, ["query", "trace-entity", "--param", "name=智园一期", "--csv"], env=env).output
    assert csv_out.splitlines()[0].startswith("date,kind,entity,text") and "智园一期改扩建" in csv_out


def test_query_examples_are_listed_as_typed():
    # The example is what the user types after --param: Python's repr (paths=False) is
    # not what the README or parse_params reads.
    listed = CliRunner().invoke(main, ["queries"], env={"COLUMNS": "250"})
    assert "paths=false" in listed.output and "paths=False" not in listed.output
