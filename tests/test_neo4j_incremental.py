"""An incremental push after adding or removing reports leaves the database a full push
leaves: the same counts per label and type, and the same content checksum."""

import shutil

import pytest

from kg.build import build, remove
from kg.graph.store import Store
from kg.sinks.connection import connect
from kg.sinks.neo4j import STATE_LABEL, database_counts, push, push_store

from .conftest import REPORTS

pytestmark = pytest.mark.neo4j

# Every node (labels, id, properties) and relationship (type, ends, properties) of the
# graph, folded into one hash by the server.
CHECKSUM = {
    "nodes": f"MATCH (n) WHERE NOT n:{STATE_LABEL} WITH n ORDER BY n.id "
    "WITH collect([apoc.coll.sort(labels(n)), n.id, apoc.convert.toSortedJsonMap(properties(n))]) AS rows "
    "RETURN apoc.util.sha256([apoc.convert.toJson(rows)]) AS h",
    "rels": "MATCH (a)-[r]->(b) WITH a.id AS a, type(r) AS t, b.id AS b, r ORDER BY a, t, b "
    "WITH collect([a, t, b, apoc.convert.toSortedJsonMap(properties(r))]) AS rows "
    "RETURN apoc.util.sha256([apoc.convert.toJson(rows)]) AS h",
}


def state_of(connection):
    driver = connect(connection)
    with driver.session() as session:
        labels = {
            r["l"]: r["n"]
            for r in session.run(f"MATCH (n) WHERE NOT n:{STATE_LABEL} UNWIND labels(n) AS l RETURN l, count(*) AS n")
        }
        types = {r["t"]: r["n"] for r in session.run("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n")}
        sums = {k: session.run(q).single()["h"] for k, q in CHECKSUM.items()}
    driver.close()
    return labels, types, sums


@pytest.mark.parametrize("from_digests", [False, True], ids=["rows", "digests"])
def test_incremental_push_after_adding_and_removing_equals_a_full_push(empty_neo4j, tmp_path, from_digests):
    # The library hashes the report units' rows unless given the store's digests, which is
    # kg push's path: either way the database ends as a full push leaves it.
    folder = tmp_path / "reports"
    shutil.copytree(REPORTS, folder)
    later = folder / "003_68189976bd792ce1.txt"
    moved = tmp_path / later.name
    later.rename(moved)
    store = Store(tmp_path / "store")

    def loaded():
        return store.load_with_digests() if from_digests else (store.load(), None)

    build([folder], store, workers=1)
    graph, digests = loaded()
    first = push(graph, empty_neo4j, incremental=True, digests=digests)  # no record yet: everything
    assert first.units_pushed is None and first.node_count == graph.number_of_nodes()
    again = push(graph, empty_neo4j, incremental=True, digests=digests)
    assert again.units_pushed == 0 and again.node_count == 0

    build([moved], store, workers=1)  # a report added
    graph, digests = loaded()
    added = push(graph, empty_neo4j, incremental=True, digests=digests)
    assert 0 < added.node_count < graph.number_of_nodes() / 2
    incremental_state = state_of(empty_neo4j)
    assert database_counts(empty_neo4j) == (graph.number_of_nodes(), graph.number_of_edges())
    push(graph, empty_neo4j, wipe=True)
    assert state_of(empty_neo4j) == incremental_state

    push(graph, empty_neo4j, incremental=True, digests=digests)  # after a full push: no record, everything again
    remove([str(folder / "002_273361674173251b.txt")], store)  # a report removed
    graph, digests = loaded()
    removed = push(graph, empty_neo4j, incremental=True, digests=digests)
    assert removed.removed_nodes > 0 and removed.node_count < graph.number_of_nodes() / 2
    incremental_state = state_of(empty_neo4j)
    assert database_counts(empty_neo4j) == (graph.number_of_nodes(), graph.number_of_edges())
    push(graph, empty_neo4j, wipe=True)
    assert state_of(empty_neo4j) == incremental_state


def test_a_full_push_drops_the_record_so_the_next_incremental_push_is_full(empty_neo4j, tmp_path):
    store = Store(tmp_path / "store")
    build([REPORTS / "001_8d55160e06e9d7cd.txt"], store, workers=1)
    graph = store.load()
    push(graph, empty_neo4j, incremental=True)
    again = push(graph, empty_neo4j, incremental=True)
    assert again.units_pushed == 0 and again.node_count == 0
    push(graph, empty_neo4j)
    driver = connect(empty_neo4j)
    with driver.session() as session:
        assert session.run(f"MATCH (s:{STATE_LABEL}) RETURN count(s) AS n").single()["n"] == 0
    driver.close()
    assert push(graph, empty_neo4j, incremental=True).node_count == graph.number_of_nodes()


def test_cli_incremental_push_writes_nothing_when_the_store_is_unchanged(empty_neo4j, tmp_path):
    # kg push passes the store's digests: a second incremental push finds every unit unchanged.
    from click.testing import CliRunner

    from kg.cli import main

    store = Store(tmp_path / "store")
    build([REPORTS / "001_8d55160e06e9d7cd.txt"], store, workers=1)
    env = {"NEO4J_URI": empty_neo4j.uri, "NEO4J_USER": empty_neo4j.user, "NEO4J_PASSWORD": empty_neo4j.password}
    args = ["push", "--incremental", "--store", str(store.path)]
    first = CliRunner().invoke(main, args, env=env)
    assert first.exit_code == 0, first.output
    graph = store.load()
    assert database_counts(empty_neo4j) == (graph.number_of_nodes(), graph.number_of_edges())
    again = CliRunner().invoke(main, args, env=env)
    assert again.exit_code == 0, again.output
    assert "pushed 0 nodes and 0 relationships" in again.output


def test_an_incremental_push_refuses_a_bad_name_among_the_rows_it_writes(empty_neo4j, tmp_path):
    from kg.errors import KgError

    store = Store(tmp_path / "store")
    build([REPORTS / "001_8d55160e06e9d7cd.txt"], store, workers=1)
    graph, digests = store.load_with_digests()
    push(graph, empty_neo4j, incremental=True, digests=digests)
    before = state_of(empty_neo4j)
    graph.add_node("x", label="Town`) DETACH DELETE n //", id="x", name="x")  # a changed entity bucket
    with pytest.raises(KgError, match="not a label or relationship type of the ontology"):
        push(graph, empty_neo4j, incremental=True, digests=digests)
    assert state_of(empty_neo4j) == before


def whole_graph_reads_fail(monkeypatch):
    """Make every read of the store's whole graph fail the test."""

    def whole(*args, **kwargs):
        pytest.fail("the incremental push read the store's whole graph")

    monkeypatch.setattr("kg.graph.store.read_graph", whole)
    monkeypatch.setattr(Store, "load", whole)
    monkeypatch.setattr(Store, "load_with_digests", whole)


def test_cli_incremental_push_after_adding_a_report_does_not_read_the_whole_graph(empty_neo4j, tmp_path, monkeypatch):
    # kg push --incremental reads the digests, the entities and the changed reports' rows:
    # at 1000 reports, reading the whole graph took ten times as long as the push's writes.
    from click.testing import CliRunner

    from kg.cli import main

    folder = tmp_path / "reports"
    shutil.copytree(REPORTS, folder)
    later = folder / "003_68189976bd792ce1.txt"
    moved = tmp_path / later.name
    later.rename(moved)
    store = Store(tmp_path / "store")
    build([folder], store, workers=1)
    env = {"NEO4J_URI": empty_neo4j.uri, "NEO4J_USER": empty_neo4j.user, "NEO4J_PASSWORD": empty_neo4j.password}
    args = ["push", "--incremental", "--store", str(store.path)]
    first = CliRunner().invoke(main, args, env=env)  # no record yet: the whole graph
    assert first.exit_code == 0, first.output
    build([moved], store, workers=1)
    graph = store.load()
    with monkeypatch.context() as patched:
        whole_graph_reads_fail(patched)
        added = CliRunner().invoke(main, args, env=env)
    assert added.exit_code == 0, added.output
    assert database_counts(empty_neo4j) == (graph.number_of_nodes(), graph.number_of_edges())


def test_incremental_push_from_the_store_after_adding_a_report_equals_a_full_push(empty_neo4j, tmp_path, monkeypatch):
    folder = tmp_path / "reports"
    shutil.copytree(REPORTS, folder)
    later = folder / "003_68189976bd792ce1.txt"
    moved = tmp_path / later.name
    later.rename(moved)
    store = Store(tmp_path / "store")
    build([folder], store, workers=1)
    first = push_store(store, empty_neo4j, incremental=True)
    assert first.units_pushed is None  # no record yet: everything
    build([moved], store, workers=1)  # a report added; its town's earlier reports derived again
    with monkeypatch.context() as patched:
        whole_graph_reads_fail(patched)
        added = push_store(store, empty_neo4j, incremental=True)
    graph = store.load()
    assert 0 < added.node_count < graph.number_of_nodes() / 2
    incremental_state = state_of(empty_neo4j)
    push_store(store, empty_neo4j, wipe=True)
    assert state_of(empty_neo4j) == incremental_state
    assert database_counts(empty_neo4j) == (graph.number_of_nodes(), graph.number_of_edges())

    push_store(store, empty_neo4j, incremental=True)  # after a full push: no record, everything
    remove([str(folder / "002_273361674173251b.txt")], store)  # a report removed
    with monkeypatch.context() as patched:
        whole_graph_reads_fail(patched)
        removed = push_store(store, empty_neo4j, incremental=True)
    graph = store.load()
    assert removed.removed_nodes > 0 and removed.node_count < graph.number_of_nodes() / 2
    incremental_state = state_of(empty_neo4j)
    push_store(store, empty_neo4j, wipe=True)
    assert state_of(empty_neo4j) == incremental_state
