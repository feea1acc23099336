"""Read commands query the rows they need: their answers equal those computed on the
whole graph, from a fraction of it."""

import pytest

from kg.build import build
from kg.errors import KgError
from kg.extraction.entities import entity_nodes, find_entities
from kg.graph.store import (
    Store,
    commitments_graph,
    commitments_text,
    entity_graph,
    kept_traces,
    report_graph,
    scorecard_rows,
    status_graph,
)
from kg.output import json_text
from kg.views.outline import find_report, outline
from kg.views.records import export_commitments
from kg.views.scorecard import scorecard
from kg.views.timeline import kept_timeline, named_timeline, timeline


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("reads") / "store")
    build(None, store)
    return store, store.load()


def test_status_reads_reports_commitments_and_indicator_values_only(built):
    store, full = built
    partial = status_graph(store)
    assert scorecard(partial) == scorecard(full)
    assert scorecard(partial, "庙行镇") == scorecard(full, "庙行镇")
    assert {d["label"] for _, d in partial.nodes(data=True)} == {"Report", "Commitment", "IndicatorValue"}


def test_status_rows_are_kept_ready_in_the_store(built, tmp_path):
    store, full = built
    assert json_text(scorecard_rows(store)) == json_text(scorecard(full))  # the same text: keys in the same order
    assert scorecard_rows(store, "庙行镇") == scorecard(full, "庙行镇")
    assert scorecard_rows(Store(tmp_path / "empty")) == []


def test_export_commitments_reads_claims_and_what_they_cite(built):
    store, full = built
    partial = commitments_graph(store)
    assert export_commitments(partial) == export_commitments(full)
    assert partial.number_of_nodes() < full.number_of_nodes() / 2


def test_export_commitments_text_is_kept_ready_in_the_store(built, tmp_path):
    store, full = built
    assert commitments_text(store) == json_text(export_commitments(full))
    assert commitments_text(Store(tmp_path / "empty")) == json_text([])


def test_rows_kept_after_a_review_follow_the_reviewed_status(tmp_path):
    from kg.tracing.review import import_sheet_into

    store = Store(tmp_path / "store")
    build(None, store)
    commitment = next(n for n, d in store.load().nodes(data=True) if d["label"] == "Commitment")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(f"commitment,reviewed_status,review_comment\n{commitment},STALLED,checked\n", "utf-8")
    import_sheet_into(store, sheet)
    assert '"status": "STALLED"' in commitments_text(store)
    assert commitments_text(store) == json_text(export_commitments(store.load()))
    assert scorecard_rows(store) == scorecard(store.load())
    assert sum(row["STALLED"] for row in scorecard_rows(store)) >= 1


def test_show_reads_one_report(built):
    store, full = built
    for report in [n for n, d in full.nodes(data=True) if d["label"] == "Report"]:
        partial = report_graph(store, report[:8])
        assert find_report(partial, report[:8]) == report
        assert outline(partial, report, sentences=True) == outline(full, report, sentences=True)
        assert {d.get("report", n) for n, d in partial.nodes(data=True) if d["label"] != "Report"} == {report}


@pytest.mark.parametrize("name", ["智力产业园", "呼兰路站", "庙行镇", "蕰藻浜", "没有这个"])
def test_trace_reads_the_entity_its_mentions_and_claims(built, name):
    store, full = built
    partial = entity_graph(store, name)
    assert find_entities(partial, name) == find_entities(full, name)
    for entity in find_entities(full, name):
        assert timeline(partial, entity) == timeline(full, entity)
    assert partial.number_of_nodes() < full.number_of_nodes() / 4


def test_every_entity_is_found_by_each_of_its_names(built):
    store, full = built
    for node, data in entity_nodes(full)[::7]:
        for name in [data["name"], *data.get("aliases", [])][:2]:
            assert node in find_entities(entity_graph(store, name), name)


def _kept(store: Store, name: str) -> tuple[list[str], list[dict]]:
    entities, kept = kept_traces(store, name)
    found = [e for e, _ in entities]
    return found, kept_timeline(name, found, kept)


def test_trace_rows_are_kept_ready_in_the_store(built, tmp_path):
    store, full = built
    names = {d["name"] for _, d in entity_nodes(full)} | {"智力产业园", "智园一期", "呼兰路站", "庙行镇", "蕰藻浜"}
    for name in sorted(names):
        assert _kept(store, name) == named_timeline(full, name), name
    entities, _ = kept_traces(store, "智园一期")
    assert entities == [(e, full.nodes[e]) for e in find_entities(full, "智园一期")]  # the table's heading
    with pytest.raises(KgError, match="no entity named '没有这个'"):
        _kept(store, "没有这个")
    assert kept_traces(Store(tmp_path / "empty"), "智力产业园") == ([], {})


def test_trace_rows_kept_after_a_review_follow_the_reviewed_status(tmp_path):
    from kg.tracing.review import import_sheet_into

    store = Store(tmp_path / "store")
    build(None, store)
    graph = store.load()
    commitment, entity = next(
        (c, e) for c, e, k in graph.edges(keys=True) if k == "ABOUT" and graph.nodes[c]["label"] == "Commitment"
    )
    name = graph.nodes[entity]["name"]
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(f"commitment,reviewed_status,review_comment\n{commitment},STALLED,checked\n", "utf-8")
    import_sheet_into(store, sheet)
    rows = _kept(store, name)[1]
    assert any(c["id"] == commitment and c["status"] == "STALLED" and c["reviewed"] for r in rows for c in r["claims"])
    assert rows == named_timeline(store.load(), name)[1]
