"""Integration tests against the real Neo4j server (scripts/test starts one)."""

import csv

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import main
from kg.errors import KgError
from kg.graph.ontology import node_labels, status_labels
from kg.sinks.connection import Connection, connect
from kg.sinks.neo4j import database_counts, push

pytestmark = pytest.mark.neo4j


def _constraints(connection):
    driver = connect(connection)
    with driver.session() as session:
        rows = session.run("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN *").data()
    driver.close()
    return rows


def test_push_twice_gives_identical_counts(empty_neo4j, store):
    build(None, store)
    graph = store.load()
    first = push(graph, empty_neo4j)
    counts_1 = database_counts(empty_neo4j)
    second = push(graph, empty_neo4j, batch_size=97)  # other batch boundaries, same result
    counts_2 = database_counts(empty_neo4j)
    assert counts_1 == counts_2 == (graph.number_of_nodes(), graph.number_of_edges())
    assert first.node_count == second.node_count == graph.number_of_nodes()


def test_constraints_exist_for_every_label(empty_neo4j, sample_graph):
    push(sample_graph, empty_neo4j)
    unique = {
        row["labelsOrTypes"][0]
        for row in _constraints(empty_neo4j)
        if row["type"] == "UNIQUENESS" and row["properties"] == ["id"]
    }
    assert set(node_labels()) <= unique


def test_report_town_district_in_neo4j(empty_neo4j, sample_graph):
    push(sample_graph, empty_neo4j)
    driver = connect(empty_neo4j)
    with driver.session() as session:
        rows = session.run(
            "MATCH (r:Report)-[:REPORTS_ON]->(t:Town)-[:LOCATED_IN]->(d:District) "
            "RETURN t.name AS town, d.name AS district, count(r) AS reports ORDER BY town"
        ).data()
    driver.close()
    assert rows == [
        {"town": "大场镇", "district": "宝山区", "reports": 1},
        {"town": "庙行镇", "district": "宝山区", "reports": 2},
        {"town": "罗店镇", "district": "宝山区", "reports": 1},
        {"town": "高境镇", "district": "宝山区", "reports": 1},
    ]


def test_cli_push_reports_counts_and_never_prints_the_password(empty_neo4j, tmp_path):
    runner = CliRunner()
    store = str(tmp_path / "s")
    assert runner.invoke(main, ["build", "--store", store]).exit_code == 0
    env = {"NEO4J_URI": empty_neo4j.uri, "NEO4J_USER": empty_neo4j.user, "NEO4J_PASSWORD": empty_neo4j.password}
    result = runner.invoke(main, ["push", "--store", store], env=env)
    assert result.exit_code == 0, result.output
    assert "pushed" in result.output and "the database holds" in result.output
    assert empty_neo4j.password not in result.output
    again = runner.invoke(main, ["push", "--store", store], env=env)
    assert again.output.split("the database holds")[1] == result.output.split("the database holds")[1]


def test_wrong_password_is_a_clear_error(neo4j_connection):
    wrong = Connection(uri=neo4j_connection.uri, user=neo4j_connection.user, password="not-the-password")
    with pytest.raises(KgError, match="wrong user or password") as info:
        connect(wrong)
    assert "not-the-password" not in str(info.value)


def test_neo4j_down_is_a_clear_one_line_error(tmp_path):
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    runner = CliRunner()
    store = str(tmp_path / "s")
    runner.invoke(main, ["build", "--store", store])
    result = runner.invoke(main, ["push", "--store", store, "--uri", f"bolt://127.0.0.1:{port}", "--password", "x"])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert f"cannot connect to Neo4j at bolt://127.0.0.1:{port}" in result.output


def test_entities_and_hierarchy_in_neo4j(empty_neo4j, sample_graph):
    push(sample_graph, empty_neo4j)
    driver = connect(empty_neo4j)
    with driver.session() as session:
        station = session.run(
            "MATCH (s:Sentence)-[:MENTIONS]->(st:MetroStation {name: '呼兰路站'}) "
            "OPTIONAL MATCH (st)-[:ON_LINE]->(l:MetroLine) RETURN count(DISTINCT s) AS sentences, collect(DISTINCT l.name) AS lines"
        ).single()
        phases = session.run(
            "MATCH (p:IndustrialPark)-[:PART_OF]->(w:IndustrialPark {name: '上海智力产业园'})-[:LOCATED_IN]->(t:Town) "
            "RETURN collect(p.name) AS phases, t.name AS town"
        ).single()
    driver.close()
    assert station["sentences"] >= 3 and station["lines"] == ["1号线"]
    assert set(phases["phases"]) >= {"上海智力产业园一期", "上海智力产业园四期"} and phases["town"] == "庙行镇"


def _search(connection, query):
    driver = connect(connection)
    with driver.session() as session:
        session.run("CALL db.awaitIndexes(120)").consume()
        rows = session.run(
            "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score "
            "RETURN node.name AS name, labels(node)[0] AS label, node.aliases AS aliases, score",
            q=query,
        ).data()
    driver.close()
    return rows


def test_schema_in_neo4j_is_the_ontologys(empty_neo4j, sample_graph):
    from kg.graph.ontology import fulltext_indexes

    push(sample_graph, empty_neo4j)
    driver = connect(empty_neo4j)
    with driver.session() as session:
        rows = session.run("SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options RETURN *").data()
    driver.close()
    (index,) = fulltext_indexes()
    (row,) = [r for r in rows if r["name"] == index.name]
    assert sorted(row["labelsOrTypes"]) == sorted(index.labels)
    assert sorted(row["properties"]) == ["aliases", "name"]
    assert row["options"]["indexConfig"]["fulltext.analyzer"] == "cjk"


def test_full_text_index_finds_names_and_aliases(empty_neo4j, sample_graph):
    push(sample_graph, empty_neo4j)
    hulan = _search(empty_neo4j, "呼兰路")
    assert hulan[0]["name"] == "呼兰路站" and hulan[0]["label"] == "MetroStation"
    park = _search(empty_neo4j, "智力产业园")
    assert park[0]["name"] == "上海智力产业园" and park[0]["label"] == "IndustrialPark"
    assert {"上海智力产业园一期", "上海智力产业园四期"} <= {r["name"] for r in park}
    # An alias only the reports use finds its entity: 智园一期 is 上海智力产业园一期.
    assert _search(empty_neo4j, '"智园一期"')[0]["name"] == "上海智力产业园一期"


def test_an_outdated_full_text_index_is_replaced(empty_neo4j, sample_graph):
    driver = connect(empty_neo4j)
    with driver.session() as session:
        session.run("DROP INDEX entity_names IF EXISTS").consume()
        session.run("CREATE FULLTEXT INDEX entity_names FOR (n:Town) ON EACH [n.name]").consume()
    driver.close()
    push(sample_graph, empty_neo4j)
    assert _search(empty_neo4j, "智力产业园")[0]["name"] == "上海智力产业园"


def test_pushing_entities_twice_changes_nothing(empty_neo4j, sample_graph):
    graph = sample_graph
    push(graph, empty_neo4j)
    driver = connect(empty_neo4j)
    query = (
        "MATCH (e) WHERE e.aliases IS NOT NULL OPTIONAL MATCH (e)-[r]-() "
        "RETURN labels(e)[0] AS label, e.id AS id, e.name AS name, e.aliases AS aliases, count(r) AS degree ORDER BY id"
    )
    with driver.session() as session:
        first = session.run(query).data()
    push(graph, empty_neo4j)
    with driver.session() as session:
        second = session.run(query).data()
    driver.close()
    assert first == second and len(first) > 100


def _count(graph, label=None, rel_type=None):
    if label:
        return sum(1 for _, d in graph.nodes(data=True) if d["label"] == label)
    return sum(1 for _, _, k in graph.edges(keys=True) if k == rel_type)


def test_claims_and_their_tracing_in_neo4j(empty_neo4j, sample_graph):
    push(sample_graph, empty_neo4j)
    driver = connect(empty_neo4j)
    with driver.session() as session:
        for label in ("Commitment", "Progress", "IndicatorValue"):
            assert session.run(f"MATCH (n:{label})-[:STATED_IN]->(:Sentence) RETURN count(n) AS n").single()["n"] == _count(
                sample_graph, label
            )
        for rel_type in ("FOLLOWED_UP_BY", "RECOMMITTED_AS", "MEASURED_BY", "ABOUT"):
            found = session.run(f"MATCH ()-[r:{rel_type}]->() RETURN count(r) AS n").single()["n"]
            assert found == _count(sample_graph, rel_type=rel_type) > 0, rel_type
        statuses = session.run(
            "MATCH (c:Commitment)-[:STATED_IN]->(:Sentence)<-[:HAS_SENTENCE]-(:Section)<-[:HAS_SECTION*1..]-(:Part)<-[:HAS_PART]-(r:Report {date: '2023-01-05'}) "
            "RETURN c.status AS status, count(*) AS n"
        ).data()
        delivered = session.run(
            "MATCH (c:Commitment {status: 'DELIVERED'})-[f:FOLLOWED_UP_BY]->(p:Progress) "
            "RETURN c.text AS promise, p.text AS progress, f.score AS score"
        ).data()
        measured = session.run(
            "MATCH (t:IndicatorValue {kind: 'target'})-[m:MEASURED_BY]->(a:IndicatorValue {kind: 'actual'}) "
            "RETURN t.indicator AS indicator, t.value AS target, a.value AS actual, m.share AS share, m.on_track AS on_track "
            "ORDER BY indicator"
        ).data()
        flagged = session.run(
            "MATCH (t:IndicatorValue {growth_consistent: false})-[:ABOUT]->(i:Indicator) RETURN i.name AS name"
        ).data()
    driver.close()
    counts = {r["status"]: r["n"] for r in statuses}
    expected = {}
    for _, d in sample_graph.nodes(data=True):
        if d["label"] == "Commitment" and sample_graph.nodes[d["report"]]["date"] == "2023-01-05":
            expected[d["status"]] = expected.get(d["status"], 0) + 1
    # L-07幼儿园 and 结构绿地二期 (“15分钟生活圈”规划实践, a planning slogan, is no longer read as a promise).
    assert counts == expected and counts["DELIVERED"] >= 2
    assert delivered and all(0 < r["score"] <= 1 for r in delivered)
    assert measured == [
        {"indicator": "固定资产投资", "target": 10.0, "actual": 5.2, "share": 0.52, "on_track": True},
        {"indicator": "社会消费品零售总额", "target": 73.0, "actual": 34.0, "share": 0.4658, "on_track": False},
    ]
    assert {"name": "社会消费品零售总额"} in flagged


def test_a_reviewed_status_reaches_neo4j_and_a_second_push_changes_nothing(empty_neo4j, store, tmp_path):
    from kg.tracing.review import export_sheet, import_sheet

    build(None, store)
    graph = store.load()
    export_sheet(graph, tmp_path / "sheet.csv")
    with open(tmp_path / "sheet.csv", encoding="utf-8-sig", newline="") as sheet:
        row = next(csv.DictReader(sheet))
    cid = row["commitment"]
    new_status = "STALLED" if row["status_auto"] != "STALLED" else "DELIVERED"
    (tmp_path / "filled.csv").write_text(f"commitment,reviewed_status,review_comment\n{cid},{new_status},checked\n", "utf-8")
    push(graph, empty_neo4j)  # the automatic status first: its label must go
    import_sheet(graph, tmp_path / "filled.csv")
    push(graph, empty_neo4j)
    first_counts = database_counts(empty_neo4j)
    push(graph, empty_neo4j)
    assert database_counts(empty_neo4j) == first_counts == (graph.number_of_nodes(), graph.number_of_edges())
    driver = connect(empty_neo4j)
    with driver.session() as session:
        node = session.run("MATCH (c:Commitment {id: $id}) RETURN c", id=cid).single()["c"]
    driver.close()
    assert (node["status"], node["status_auto"], node["reviewed"], node["review_comment"]) == (
        new_status,
        row["status_auto"],
        True,
        "checked",
    )
    assert node.labels == {"Commitment", status_labels()[new_status]}


def test_every_commitment_carries_exactly_its_status_label(empty_neo4j, sample_graph):
    push(sample_graph, empty_neo4j)
    driver = connect(empty_neo4j)
    with driver.session() as session:
        rows = session.run("MATCH (c:Commitment) RETURN c.id AS id, c.status AS status, labels(c) AS labels").data()
    driver.close()
    assert len(rows) == sum(1 for _, d in sample_graph.nodes(data=True) if d["label"] == "Commitment")
    for row in rows:
        assert sorted(row["labels"]) == sorted(["Commitment", status_labels()[row["status"]]]), row
    assert {r["status"] for r in rows} >= {"DELIVERED", "AWAITING_FOLLOW_UP"}


def _snapshot(connection):
    """Every node (label, id → properties) and relationship (type, start, end → properties)."""
    driver = connect(connection)
    with driver.session() as session:
        nodes = {
            (tuple(sorted(r["labels"])), r["id"]): r["props"]
            for r in session.run("MATCH (n) RETURN labels(n) AS labels, n.id AS id, properties(n) AS props")
        }
        rels = {
            (r["type"], r["a"], r["b"]): r["props"]
            for r in session.run("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props")
        }
    driver.close()
    return nodes, rels


def test_pushing_a_changed_report_changes_only_its_subgraph(empty_neo4j, tmp_path):
    import shutil

    from kg.graph.store import Store

    from .conftest import REPORTS

    folder = tmp_path / "reports"
    shutil.copytree(REPORTS, folder)
    store = Store(tmp_path / "store")
    build([folder], store)
    push(store.load(), empty_neo4j)
    before_nodes, before_rels = _snapshot(empty_neo4j)
    driver = connect(empty_neo4j)
    with driver.session() as session:  # a relationship of the ontology the graph does not hold
        session.run("MATCH (t:Town {name: '庙行镇'}), (d:District) CREATE (t)-[:PART_OF]->(d)").consume()
    driver.close()

    changed = folder / "002_273361674173251b.txt"
    text = changed.read_text("utf-8")
    assert "1876产业园区今年开园" in text
    changed.write_text(text.replace("1876产业园区今年开园，", ""), "utf-8")
    summary = build([changed], store)
    ((_, old_id, new_id),) = summary.replaced
    graph = store.load()
    result = push(graph, empty_neo4j)
    after_nodes, after_rels = _snapshot(empty_neo4j)

    assert (len(after_nodes), len(after_rels)) == (graph.number_of_nodes(), graph.number_of_edges())
    assert result.removed_nodes > 0 and result.removed_relationships == 1
    assert not [k for k, p in after_nodes.items() if p.get("report") == old_id or k[1] == old_id]
    assert any(p.get("report") == new_id for p in after_nodes.values())
    assert not any(p.get("text") == "1876产业园区今年开园" for p in after_nodes.values())

    # Other reports' data is exactly as it was: their nodes, and relationships between them.
    def others(nodes):
        return {
            k: p
            for k, p in nodes.items()
            if p.get("report") not in (None, old_id, new_id) or (k[0] == ("Report",) and k[1] not in (old_id, new_id))
        }

    assert others(after_nodes) == others(before_nodes) and len(others(before_nodes)) > 1000
    kept = set(others(before_nodes))
    ids = {i for _, i in kept}
    assert {k: p for k, p in after_rels.items() if k[1] in ids and k[2] in ids} == {
        k: p for k, p in before_rels.items() if k[1] in ids and k[2] in ids
    }


def test_wipe_empties_the_database_first(empty_neo4j, sample_graph):
    driver = connect(empty_neo4j)
    with driver.session() as session:
        session.run("CREATE (:Scratch {id: 'not kg data'})").consume()
    driver.close()
    push(sample_graph, empty_neo4j)
    assert _snapshot(empty_neo4j)[0].get((("Scratch",), "not kg data")) is not None  # other labels are left alone
    push(sample_graph, empty_neo4j, wipe=True)
    assert (("Scratch",), "not kg data") not in _snapshot(empty_neo4j)[0]
    assert database_counts(empty_neo4j) == (sample_graph.number_of_nodes(), sample_graph.number_of_edges())


def test_cli_wipe_asks_first(empty_neo4j, store):
    build(None, store)
    env = {"NEO4J_URI": empty_neo4j.uri, "NEO4J_USER": empty_neo4j.user, "NEO4J_PASSWORD": empty_neo4j.password}
    runner = CliRunner()
    refused = runner.invoke(main, ["push", "--wipe", "--store", str(store.path)], env=env, input="n\n")
    assert refused.exit_code == 1 and database_counts(empty_neo4j) == (0, 0)
    done = runner.invoke(main, ["push", "--wipe", "--yes", "--store", str(store.path)], env=env)
    assert done.exit_code == 0, done.output
    assert database_counts(empty_neo4j)[0] > 0
