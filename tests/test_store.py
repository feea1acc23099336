import json
import shutil

import pytest

from kg.build import build
from kg.errors import KgError
from kg.graph.model import add_report, new_graph, remove_report, reports
from kg.graph.store import Store

from .conftest import REPORTS


def test_store_round_trip_keeps_nodes_edges_and_properties(store, sample_reports):
    graph = new_graph()
    for report in sample_reports.values():
        add_report(graph, report)
    store.save(graph)
    loaded = Store(store.path).load()
    assert sorted(loaded.nodes) == sorted(graph.nodes)
    assert sorted(loaded.edges(keys=True)) == sorted(graph.edges(keys=True))
    # A report's absolute path is kept beside its data, for builds only: what a read
    # gives is what the exports carry (tests/test_report_sources.py).
    with Store(store.path).writing() as tx:
        written = tx.load()
    for node, data in graph.nodes(data=True):
        assert written.nodes[node] == data
        assert loaded.nodes[node] == {k: v for k, v in data.items() if k != "path"}


def test_a_new_store_is_empty(tmp_path):
    assert Store(tmp_path / "nothing").load().number_of_nodes() == 0


def test_save_is_atomic_a_failed_write_leaves_the_old_graph(store, sample_reports, monkeypatch):
    graph = new_graph()
    add_report(graph, sample_reports["001_8d55160e06e9d7cd.txt"])
    store.save(graph)
    before = sorted(store.load().nodes(data="id"))

    def explode(*args, **kwargs):
        raise KeyboardInterrupt  # an interrupted build

    import kg.graph.store

    add_report(graph, sample_reports["002_273361674173251b.txt"])
    monkeypatch.setattr(kg.graph.store, "_COLUMNS", {**kg.graph.store._COLUMNS, "edges": None})  # fails after the node tables
    with pytest.raises(TypeError):
        store.save(graph)
    monkeypatch.undo()
    assert sorted(store.load().nodes(data="id")) == before
    assert sorted(p.name for p in store.path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == ["kg.sqlite"]


def test_a_corrupt_store_gives_a_clear_error(store):
    store.path.mkdir(parents=True)
    store.db_file.write_text("{not a database" * 100)
    with pytest.raises(KgError, match="cannot be read"):
        store.load()


def test_a_store_of_the_old_json_format_says_to_rebuild(store):
    store.path.mkdir(parents=True)
    (store.path / "graph.json").write_text(json.dumps({"format": "kg-store", "version": 1, "graph": {}}))
    with pytest.raises(KgError, match=r"old format \(graph.json, version 1\); rebuild it") as info:
        store.load()
    assert "\n" not in str(info.value)


def test_a_store_of_another_version_says_to_rebuild(store):
    import sqlite3

    store.save(new_graph())
    with sqlite3.connect(store.db_file) as conn:
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'version'")  # the row-per-node format
    with pytest.raises(KgError, match="store version 2 is not 6; rebuild it") as info:
        store.load()
    assert "\n" not in str(info.value)


def test_build_twice_gives_the_same_graph(store):
    first = build(None, store)
    graph_1 = store.load()
    second = build(None, store)
    graph_2 = store.load()
    assert first.loaded == second.loaded == 5
    assert sorted(graph_1.nodes) == sorted(graph_2.nodes)
    assert graph_1.number_of_edges() == graph_2.number_of_edges()


def test_report_town_district_graph(store):
    build(None, store)
    graph = store.load()
    towns = {d["name"] for _, d in graph.nodes(data=True) if d["label"] == "Town"}
    assert towns == {"庙行镇", "大场镇", "罗店镇", "高境镇"}
    districts = [n for n, d in graph.nodes(data=True) if d["label"] == "District"]
    assert districts == ["district:上海市/宝山区"]
    for town, data in graph.nodes(data=True):
        if data["label"] == "Town":
            assert list(graph.successors(town)) == districts
    reports = [n for n, d in graph.nodes(data=True) if d["label"] == "Report"]
    assert len(reports) == 5
    assert all(graph.has_edge(r, next(iter(graph.successors(r))), key="REPORTS_ON") for r in reports)


def test_remove_report_leaves_other_reports_and_shared_places(sample_reports):
    graph = new_graph()
    for name in ("000_dd07b67f804f2d67.txt", "001_8d55160e06e9d7cd.txt", "002_273361674173251b.txt"):
        add_report(graph, sample_reports[name])
    remove_report(graph, sample_reports["000_dd07b67f804f2d67.txt"].id)
    towns = {d["name"] for _, d in graph.nodes(data=True) if d["label"] == "Town"}
    assert towns == {"庙行镇", "大场镇"}
    remove_report(graph, sample_reports["002_273361674173251b.txt"].id)
    towns = {d["name"] for _, d in graph.nodes(data=True) if d["label"] == "Town"}
    assert towns == {"庙行镇"}
    assert not any(d.get("report") == sample_reports["000_dd07b67f804f2d67.txt"].id for _, d in graph.nodes(data=True))


def test_a_changed_file_replaces_its_earlier_version(store, tmp_path):
    source = tmp_path / "r.txt"
    shutil.copy(REPORTS / "002_273361674173251b.txt", source)
    first = build([source], store)
    old_id = next(d["id"] for d in reports(store.load()))
    text = source.read_text("utf-8")
    source.write_text(text.replace("1876产业园区今年开园", "1876产业园区年内开园"), "utf-8")
    second = build([source], store)
    graph = store.load()
    assert first.reports_in_store == second.reports_in_store == 1
    assert second.replaced == [(str(source.resolve()), old_id, next(d["id"] for d in reports(graph)))]
    assert not [n for n, d in graph.nodes(data=True) if d.get("report") == old_id]
    assert any(d.get("text") == "1876产业园区年内开园" for _, d in graph.nodes(data=True) if d["label"] == "Commitment")


def test_nodes_of_no_report_and_their_relationships_are_kept(store):
    graph = new_graph()
    graph.add_node("t", label="Town", id="t", name="庙行镇")
    graph.add_node("s", label="Sentence", id="s", text="无报告的句子")
    graph.add_node("c", label="Commitment", id="c", text="建成", status="AWAITING_FOLLOW_UP")
    graph.add_edge("s", "t", key="MENTIONS", type="MENTIONS", count=1)
    graph.add_edge("c", "s", key="STATED_IN", type="STATED_IN")
    store.save(graph)
    loaded = store.load()
    assert dict(loaded.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(loaded.edges(keys=True, data=True)) == sorted(graph.edges(keys=True, data=True))
