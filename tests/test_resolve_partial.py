"""Incremental resolution: after a change to a few reports, resolving only the city-scoped
names and the changed reports' towns (closed over what the change reaches) makes the
entity layer a resolution of every report makes."""

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.build.derive import settle_places
from kg.extraction.entities import Partial, derive_entities, report_places
from kg.extraction.resolve import ReportPlace
from kg.graph.model import add_edge, add_node, new_graph, remove_report
from kg.ids import district_id, town_id

from .test_resolve import mention

TOWNS = {
    "庙行镇": ReportPlace("", "上海市", "宝山区", "庙行镇"),
    "罗店镇": ReportPlace("", "上海市", "宝山区", "罗店镇"),
    "顾村镇": ReportPlace("", "上海市", "宝山区", "顾村镇"),
    "江桥镇": ReportPlace("", "上海市", "嘉定区", "江桥镇"),
    # A report whose town was not found: its names are scoped to its district.
    "嘉定区": ReportPlace("", "上海市", "嘉定区", None),
}


def add_report(graph: nx.MultiDiGraph, report_id: str, where: str) -> None:
    """A report's node with its town and district, as :func:`kg.graph.model.add_report` makes them."""
    place = TOWNS[where]
    add_node(graph, report_id, "Report", city=place.city, district=place.district, town=place.town, source=report_id)
    district = district_id(place.city, place.district)
    add_node(graph, district, "District", name=place.district, city=place.city, aliases=[])
    if place.town:
        town_node = town_id(place.city, place.district, place.town)
        add_node(graph, town_node, "Town", name=place.town, district=place.district, city=place.city, aliases=[])
        add_edge(graph, report_id, town_node, "REPORTS_ON")
        add_edge(graph, town_node, district, "LOCATED_IN")


def graph_of(reports: dict[str, tuple[str, list[dict]]]) -> nx.MultiDiGraph:
    """Report id → (town, mentions): the reports' nodes and raw mentions."""
    graph = new_graph()
    for report_id, (town, _) in sorted(reports.items()):
        add_report(graph, report_id, town)
    graph.graph["mentions"] = {r: ms for r, (_, ms) in sorted(reports.items())}
    settle_places(graph)
    return graph


def layer(graph: nx.MultiDiGraph) -> tuple[dict, list]:
    nodes = {n: d for n, d in graph.nodes(data=True) if d.get("label") != "Report"}
    edges = sorted((s, k, e, sorted(d.items())) for s, e, k, d in graph.edges(keys=True, data=True))
    return nodes, edges


def change(stored: nx.MultiDiGraph, before: dict, after: dict) -> Partial:
    """Apply the change from ``before`` to ``after`` to the derived graph ``stored`` and
    derive its entities again in part; check them against a derivation from scratch, and
    that the MENTIONS of the reports not resolved again are those of ``before``."""
    before_edges: dict = {}
    derive_entities(graph_of(before), before_edges)
    mentions = stored.graph["mentions"]
    ordered = {r: mentions[r] for r in sorted(mentions)}
    partial = Partial(ordered, report_places(stored, ordered), set())
    changed = {r for r in before.keys() | after.keys() if before.get(r) != after.get(r)}
    for report_id in changed:
        if report_id in before:
            partial.within.add(partial.before_places[report_id].scope)
            remove_report(stored, report_id)
        if report_id in after:
            town, items = after[report_id]
            add_report(stored, report_id, town)
            mentions[report_id] = items
            partial.within.add(TOWNS[town].scope)
    stored.graph["mentions"] = {r: mentions[r] for r in sorted(mentions)}
    settle_places(stored)
    edges: dict = {}
    count = derive_entities(stored, edges, partial)
    scratch = graph_of(after)
    scratch_edges: dict = {}
    assert count == derive_entities(scratch, scratch_edges)
    assert layer(stored) == layer(scratch)
    resolved = {r for r, (town, _) in after.items() if TOWNS[town].scope in partial.within}
    assert edges == {k: v for k, v in scratch_edges.items() if k[0].split(":", 1)[0] in resolved}
    kept = set(after) - resolved
    assert {k: v for k, v in scratch_edges.items() if k[0].split(":", 1)[0] in kept} == {
        k: v for k, v in before_edges.items() if k[0].split(":", 1)[0] in kept
    }
    return partial


def derived(reports: dict) -> nx.MultiDiGraph:
    graph = graph_of(reports)
    derive_entities(graph)
    return graph


def test_a_new_long_name_joins_a_short_one_of_another_town():
    before = {"a": ("庙行镇", [mention("a", "MetroLine", "15号线")]), "c": ("罗店镇", [mention("c", "Road", "沪太路")])}
    after = before | {"d": ("顾村镇", [mention("d", "MetroLine", "轨道交通15号线")])}
    partial = change(derived(before), before, after)
    # 15号线 of 庙行镇's report is an alias of 轨道交通15号线 now: its town is resolved again.
    assert "上海市/宝山区/庙行镇" in partial.within and "上海市/宝山区/罗店镇" not in partial.within


def test_a_spelling_seen_first_renames_another_towns_entity():
    before = {"c": ("罗店镇", [mention("c", "MetroStation", "蕰川路站")])}
    after = before | {"a": ("庙行镇", [mention("a", "MetroStation", "蕴川路站")])}
    partial = change(derived(before), before, after)
    assert "上海市/宝山区/罗店镇" in partial.within


def test_removing_the_only_mention_of_an_entity_drops_it():
    before = {
        "a": ("庙行镇", [mention("a", "Park", "朗香公园")]),
        "c": ("罗店镇", [mention("c", "Road", "沪太路"), mention("c", "MetroStation", "陈太路站")]),
    }
    after = {"a": before["a"]}
    stored = derived(before)
    change(stored, before, after)
    assert not [n for n, d in stored.nodes(data=True) if d.get("name") in ("沪太路", "陈太路站")]


def test_an_unchanged_towns_part_of_a_city_entity_keeps_its_whole():
    project = mention("c", "Project", "15号线配套工程", part_of="15号线", part_of_type="MetroLine")
    before = {"a": ("庙行镇", [mention("a", "MetroLine", "15号线")]), "c": ("罗店镇", [project])}
    after = before | {"a": ("庙行镇", [mention("a", "MetroLine", "15号线"), mention("a", "Park", "朗香公园")])}
    partial = change(derived(before), before, after)
    assert "上海市/宝山区/罗店镇" not in partial.within


NAMES = [
    ("MetroLine", "15号线", {}),
    ("MetroLine", "轨道交通15号线", {}),
    ("MetroStation", "蕰川路站", {}),
    ("MetroStation", "蕴川路站", {}),
    ("MetroStation", "大场站", {"part_of": "15号线", "part_of_type": "MetroLine"}),
    ("Indicator", "工业产值", {}),
    ("Indicator", "规上工业产值", {}),
    ("Town", "罗店镇", {}),
    ("Park", "朗香公园", {}),
    ("Park", "大华朗香公园", {}),
    ("IndustrialPark", "智力产业园", {}),
    ("Project", "智园一期", {"part_of": "智园", "part_of_type": "Project"}),
    ("Project", "15号线配套工程", {"part_of": "轨道交通15号线", "part_of_type": "MetroLine"}),
    ("Road", "沪太路", {}),
    ("Town", "江桥镇", {}),
    ("District", "嘉定区", {}),
    ("Road", "曹安公路", {"part_of": "嘉定区", "part_of_type": "District"}),
]
report = st.tuples(st.sampled_from(sorted(TOWNS)), st.lists(st.sampled_from(range(len(NAMES))), max_size=4))
ids = [f"r{i}" for i in range(5)]


def as_reports(state: dict) -> dict:
    return {
        r: (
            town,
            [
                mention(r, t, name, **extra) | {"sentence": f"{r}:s{k}"}
                for k, (t, name, extra) in enumerate(NAMES[i] for i in picks)
            ],
        )
        for r, (town, picks) in state.items()
    }


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.sampled_from(ids), report, min_size=1),
    st.lists(st.tuples(st.sampled_from(ids), st.none() | report), min_size=1, max_size=5),
)
def test_any_sequence_of_changes_resolves_as_from_scratch(first, changes):
    # One report added, replaced or removed (None) at a time, as a build of one file does.
    state = dict(first)
    stored = derived(as_reports(state))
    for report_id, value in changes:
        after = {r: v for r, v in state.items() if r != report_id} | ({report_id: value} if value else {})
        change(stored, as_reports(state), as_reports(after))
        state = after


def test_a_district_named_by_a_report_of_no_town_stays_while_one_does():
    # A report whose town was not found has no relationship to its district: removing
    # another report took the district with it, which a build from scratch keeps.
    before = {"r0": ("嘉定区", []), "r1": ("嘉定区", [])}
    stored = derived(before)
    change(stored, before, {"r1": before["r1"]})
    assert "district:上海市/嘉定区" in stored
