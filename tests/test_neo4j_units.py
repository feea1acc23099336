"""The incremental push's units and their hashes, and the schema step, without a server."""

import hashlib

import networkx as nx
import pytest

from kg.errors import KgError
from kg.graph.model import add_edge, add_node, new_graph
from kg.graph.store import Store
from kg.sinks import neo4j as sink
from kg.sinks.neo4j import GLOBAL_BUCKETS, push_units


def small_graph(order: int = 1) -> nx.MultiDiGraph:
    """Two reports of one town and an entity both mention; ``order`` -1 adds the nodes,
    the relationships and every node's properties the other way round."""
    g = new_graph()
    steps = [
        lambda: add_node(g, "town:a", "Town", name="甲镇", aliases=[]),
        lambda: add_node(g, "park:x", "Park", name="公园", aliases=["乙公园"], town="甲镇"),
        lambda: add_node(g, "r1", "Report", town="甲镇", date="2023-01-01"),
        lambda: add_node(g, "r2", "Report", town="甲镇", date="2024-01-01"),
        lambda: add_node(g, "r1:s1", "Sentence", report="r1", text="建成公园。", start=0, end=5),
        lambda: add_node(g, "r2:s1", "Sentence", report="r2", text="公园开放。", start=0, end=5),
        lambda: add_edge(g, "r1", "town:a", "REPORTS_ON"),
        lambda: add_edge(g, "r2", "town:a", "REPORTS_ON"),
        lambda: add_edge(g, "r1:s1", "park:x", "MENTIONS", text="公园", start=2, end=4),
        lambda: add_edge(g, "r2:s1", "park:x", "MENTIONS", text="公园", start=0, end=2),
    ]
    for step in steps[:6][::order] + steps[6:][::order]:  # nodes first, as a build adds them
        step()
    if order == -1:  # the same properties, set in another order
        for _, data in g.nodes(data=True):
            items = list(data.items())
            data.clear()
            data.update(reversed(items))
    return g


def test_units_are_the_reports_and_buckets_of_the_rest():
    units = push_units(small_graph())
    bucket = int(hashlib.sha1(b"park:x").hexdigest(), 16) % GLOBAL_BUCKETS
    town_bucket = int(hashlib.sha1(b"town:a").hexdigest(), 16) % GLOBAL_BUCKETS
    assert set(units) == {"report:r1", "report:r2", f"global:{bucket:04d}", f"global:{town_bucket:04d}"}
    _, nodes, edges = units["report:r1"]
    assert nodes == ["r1", "r1:s1"]
    assert edges == [("r1", "town:a", "REPORTS_ON"), ("r1:s1", "park:x", "MENTIONS")]


def test_a_units_hash_does_not_hang_on_the_order_things_were_added():
    forward, backward = push_units(small_graph()), push_units(small_graph(-1))
    assert {u: h for u, (h, _, _) in forward.items()} == {u: h for u, (h, _, _) in backward.items()}


def test_a_change_in_one_report_changes_only_its_units_hash():
    before = push_units(small_graph())
    changed = small_graph()
    changed.nodes["r2:s1"]["text"] = "公园已开放。"
    after = push_units(changed)
    assert [u for u in before if before[u][0] != after[u][0]] == ["report:r2"]
    moved = small_graph()
    moved.edges["r1:s1", "park:x", "MENTIONS"]["start"] = 3
    assert [u for u in before if before[u][0] != push_units(moved)[u][0]] == ["report:r1"]


def test_units_from_the_store_digests_change_as_the_stored_reports_do(tmp_path):
    # kg push's path: a report's hash from the store's digests, the entity buckets' from rows.
    store = Store(tmp_path)
    graph = small_graph()
    for report in ("r1", "r2"):  # what the store's rows of kg trace read of a sentence
        add_node(graph, f"{report}:p1", "Part", report=report, kind="body")
        add_node(graph, f"{report}:p1:c1", "Section", report=report, part=f"{report}:p1")
        graph.nodes[f"{report}:s1"]["section"] = f"{report}:p1:c1"
    store.save(graph)
    graph, digests = store.load_with_digests()
    assert set(digests) == {"r1", "r2"}
    before = push_units(graph, digests)
    plain = push_units(graph)
    assert {u: (n, e) for u, (_, n, e) in before.items()} == {u: (n, e) for u, (_, n, e) in plain.items()}
    assert {u for u in before if before[u][0] != plain[u][0]} == {"report:r1", "report:r2"}

    graph.nodes["r2:s1"]["text"] = "公园已开放。"
    graph.nodes["park:x"]["aliases"] = ["丙公园"]
    store.save(graph)
    graph, digests = store.load_with_digests()
    after = push_units(graph, digests)
    bucket = int(hashlib.sha1(b"park:x").hexdigest(), 16) % GLOBAL_BUCKETS
    assert sorted(u for u in before if before[u][0] != after[u][0]) == [f"global:{bucket:04d}", "report:r2"]

    graph.nodes["r1"]["date"] = "2023-02-01"  # the report's own row
    store.save(graph)
    graph, digests = store.load_with_digests()
    assert [u for u in after if after[u][0] != push_units(graph, digests)[u][0]] == ["report:r1"]


class FakeSession:
    """Answers SHOW CONSTRAINTS / SHOW INDEXES with the names given; records writes."""

    def __init__(self, names):
        self.names, self.written = names, []

    def execute_read(self, work):
        return work(self)

    def execute_write(self, work):
        return work(self)

    def run(self, query, **params):
        outer = self

        class Result:
            def data(self):
                return [{"name": n} for n in outer.names] if query.startswith("SHOW") else []

            def consume(self):
                outer.written.append(query)

        return Result()


def test_the_schema_step_runs_only_what_the_database_lacks():
    statements = sink.read_cypher_statements(sink.schema_file())
    empty = FakeSession([])
    assert sink._ensure_schema(empty) == len(statements)
    assert empty.written == statements
    names = [sink._SCHEMA_NAME.match(s.strip()).group(1) for s in statements]
    almost = FakeSession(names[1:])
    assert sink._ensure_schema(almost) == len(statements)
    assert almost.written == statements[:1]


def test_small_groups_share_a_transaction_and_keep_their_order():
    transactions = []

    class Tx:
        def __init__(self):
            self.ran = []

        def run(self, query, rows):
            self.ran.append((query, len(rows)))
            return self

        def consume(self):
            return None

    class Session:
        def execute_write(self, work):
            tx = Tx()
            work(tx)
            transactions.append(tx.ran)

    done = []
    writes = sink._Writes(Session(), 10, done.append)
    row = {"start": "a", "end": "b", "props": {}}
    writes.add(sink._Statement("nodes A"), [row] * 3)
    writes.add(sink._Statement("nodes B"), [row] * 4)
    writes.add(sink._Statement("rels C"), [row] * 25)
    writes.flush()
    assert transactions == [
        [("nodes A", 3), ("nodes B", 4)],
        [("rels C", 10)],
        [("rels C", 10)],
        [("rels C", 5)],
    ]
    assert sum(done) == 32 and all(n <= 10 for n in done)


def test_relationships_between_nodes_written_find_them_by_element_id_and_a_retry_merges():
    ran = []

    class Result:
        def __init__(self, rows):
            self.rows = rows

        def single(self):
            return {"ids": [r["id"] for r in self.rows], "elements": [f"4:x:{r['id']}" for r in self.rows]}

        def consume(self):
            return None

    class Tx:
        def run(self, query, rows):
            ran.append((query, rows))
            return Result(rows)

    class Session:
        attempts = 2  # the driver runs every transaction function twice: a retry

        def execute_write(self, work):
            for _ in range(self.attempts):
                work(Tx())

    nodes = sink._Statement("merge nodes", "create nodes", nodes=True)
    rels = sink._Statement("merge by id", "create by id", "merge by element", "create by element")
    for session, first, again in ((Session(), "create", "merge"), (type("Once", (Session,), {"attempts": 1})(), "create", None)):
        ran.clear()
        writes = sink._Writes(session, 1000, None)
        writes.add(nodes, [{"id": "n1"}, {"id": "n2"}])
        writes.add(rels, [{"start": "n1", "end": "n2", "props": {"k": 1}}, {"start": "n1", "end": "elsewhere", "props": {}}])
        writes.flush()
        expected = [
            (f"{first} nodes", [{"id": "n1"}, {"id": "n2"}]),
            (f"{first} by element", [{"a": "4:x:n1", "b": "4:x:n2", "props": {"k": 1}}]),
            (f"{first} by id", [{"start": "n1", "end": "elsewhere", "props": {}}]),
        ]
        if again:
            expected += [(q.replace(first, again, 1), rows) for q, rows in expected]
        assert ran == expected
        assert writes.element_ids == {"n1": "4:x:n1", "n2": "4:x:n2"}


def test_units_from_the_store_index_equal_those_of_a_walk(tmp_path):
    # kg push's path: the store says which nodes each report's blobs hold, and only the
    # others are walked; the units and hashes are those of a walk of the whole graph.
    store = Store(tmp_path)
    graph = small_graph()
    for report in ("r1", "r2"):  # what the store's rows of kg trace read of a sentence
        add_node(graph, f"{report}:p1", "Part", report=report, kind="body")
        add_node(graph, f"{report}:p1:c1", "Section", report=report, part=f"{report}:p1")
        graph.nodes[f"{report}:s1"]["section"] = f"{report}:p1:c1"
    add_node(graph, "r1:c1", "Commitment", report="r1", sentence="r1:s1", text="建成公园", status="delivered")
    add_edge(graph, "r1:c1", "r1:s1", "STATED_IN")
    add_edge(graph, "r1:c1", "park:x", "ABOUT")
    store.save(graph)
    graph, digests = store.load_with_digests()
    assert digests.indexed and sorted(digests.owned["r1"]) == ["r1:c1", "r1:p1", "r1:p1:c1", "r1:s1"]
    indexed = push_units(graph, digests)
    assert indexed == push_units(graph, dict(digests))  # a plain dict: the walk
    assert indexed["report:r1"][1:] == (
        ["r1", "r1:c1", "r1:p1", "r1:p1:c1", "r1:s1"],
        sorted(
            [
                ("r1", "town:a", "REPORTS_ON"),
                ("r1:c1", "r1:s1", "STATED_IN"),
                ("r1:c1", "park:x", "ABOUT"),
                ("r1:s1", "park:x", "MENTIONS"),
            ]
        ),
    )
    # A node the index does not know of (added after the graph was read): the walk.
    add_node(graph, "park:y", "Park", name="丙公园", aliases=[], town="甲镇")
    assert push_units(graph, digests) == push_units(graph, dict(digests))
    assert any("park:y" in nodes for _, nodes, _ in push_units(graph, digests).values())


def test_the_names_check_of_an_incremental_push_reads_only_the_rows_written():
    graph = small_graph()
    add_node(graph, "x", "Park", name="x")
    graph.nodes["x"]["label"] = "Town`) DETACH DELETE n //"
    sink._check_names(graph, ["r1", "r1:s1"], [("r1:s1", "park:x", "MENTIONS")])  # x is not written
    with pytest.raises(KgError, match="not a label or relationship type of the ontology"):
        sink._check_names(graph, ["r1", "x"], [])
    with pytest.raises(KgError, match="not a label or relationship type of the ontology"):
        sink._check_names(graph)
    graph.edges["r1:s1", "park:x", "MENTIONS"]["type"] = "MENTIONS`]->() DELETE r //"
    with pytest.raises(KgError, match="not a label or relationship type of the ontology"):
        sink._check_names(graph, ["r1"], [("r1:s1", "park:x", "MENTIONS")])


def test_the_store_read_for_an_incremental_push_gives_the_units_of_the_whole_graph(tmp_path, monkeypatch):
    # kg push --incremental reads the reports' digests and the entities, then the rows of
    # the reports it writes only: the same units, hashes and rows as the whole graph's,
    # with the nodes of other reports that a relationship ends at (their labels name it).
    store = Store(tmp_path)
    graph = small_graph()
    for report in ("r1", "r2"):  # what the store's rows of kg trace read of a sentence
        add_node(graph, f"{report}:p1", "Part", report=report, kind="body")
        add_node(graph, f"{report}:p1:c1", "Section", report=report, part=f"{report}:p1")
        graph.nodes[f"{report}:s1"]["section"] = f"{report}:p1:c1"
    add_node(graph, "r1:c1", "Commitment", report="r1", sentence="r1:s1", text="建成公园", status="delivered")
    add_node(graph, "r2:c1", "Commitment", report="r2", sentence="r2:s1", text="建成公园", status="ongoing")
    add_edge(graph, "r1:c1", "r1:s1", "STATED_IN")
    add_edge(graph, "r2:c1", "r2:s1", "STATED_IN")
    add_edge(graph, "r1:c1", "r2:c1", "RECOMMITTED_AS")
    store.save(graph)
    whole, digests = store.load_with_digests()
    expected = push_units(whole, digests)
    with store.reading_for_push() as reading:
        monkeypatch.setattr("kg.graph.store.read_graph", lambda *a, **k: pytest.fail("read the whole graph"))
        assert "r1:c1" not in reading.graph and "park:x" in reading.graph
        units = sink._Units(reading.graph, reading.digests)
        assert units.hashes == {u: h for u, (h, _, _) in expected.items()}
        reading.add_reports(["r1"])
        assert units.members(["report:r1"]) == expected["report:r1"][1:]
        assert reading.graph.nodes["r2:c1"] == whole.nodes["r2:c1"]  # the end of a recommitment
        assert "r2:s1" not in reading.graph
        for unit in ("report:r1", *(u for u in expected if u.startswith("global:"))):
            nodes, edges = units.members([unit])
            assert [reading.graph.nodes[n] for n in nodes] == [whole.nodes[n] for n in nodes]
            assert [reading.graph.edges[e] for e in edges] == [whole.edges[e] for e in edges]
        monkeypatch.undo()
        everything, everything_digests = reading.whole()
    assert push_units(everything, everything_digests) == expected


def test_the_schema_step_drops_the_range_indexes_the_schema_no_longer_has():
    statements = sink.read_cypher_statements(sink.schema_file())
    names = [sink._SCHEMA_NAME.match(s.strip()).group(1) for s in statements]
    assert not set(sink.RETIRED_INDEXES) & set(names)
    older = FakeSession([*names, "sentence_report", "someone_elses_index"])
    sink._ensure_schema(older)
    assert older.written == ["DROP INDEX `sentence_report` IF EXISTS"]
