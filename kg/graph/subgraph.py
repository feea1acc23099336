"""Choosing part of the graph to take elsewhere: around a node, within some hops, for a
town or a time span, with or without the lexical layer.

The filters (town, dates, text) narrow the graph first; the hops are counted in what is
left, along relationships in either direction; ``types`` then keeps only the classes
asked for. Report-bound nodes (a report, its parts, sections and sentences, and its
claims) follow their report's town and date; an entity follows its town, and with a date
filter stays only if something kept still speaks of it.

>>> from kg.graph.model import new_graph, add_node, add_edge
>>> g = new_graph()
>>> add_node(g, "t", "Town", name="庙行镇", aliases=["庙行"])
>>> add_node(g, "r", "Report", town="庙行镇", date="2023-01-05")
>>> add_node(g, "p", "Park", name="三湾公园", aliases=[])
>>> add_node(g, "c", "Commitment", report="r", text="建成三湾公园")
>>> add_edge(g, "r", "t", "REPORTS_ON"); add_edge(g, "p", "t", "LOCATED_IN"); add_edge(g, "c", "p", "ABOUT")
>>> sorted(select(g, around="三湾公园", hops=1))
['c', 'p', 't']
>>> sorted(select(g, around="三湾公园", hops=1, types=["Claim"]))
['c']
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kg.errors import KgError
from kg.graph.ontology import labels_under, node_labels

LEXICAL = ("Part", "Section", "Sentence")


def _report_of(node: str, data: dict) -> str | None:
    return node if data.get("label") == "Report" else data.get("report")


def _town_of_entity(graph: nx.MultiDiGraph, node: str, data: dict) -> str | None:
    if data.get("label") == "Town":
        return data.get("name")
    for _, target, rel in graph.out_edges(node, keys=True):
        if rel == "LOCATED_IN" and graph.nodes[target].get("label") == "Town":
            return graph.nodes[target].get("name")
    return None


def expand_types(types: Iterable[str]) -> set[str]:
    """Class names as the user wrote them (``Claim``, ``Entity``, ``Park``) → labels.

    >>> sorted(expand_types(["Claim"]))
    ['Commitment', 'IndicatorValue', 'Progress']
    """
    labels: set[str] = set()
    for name in types:
        found = labels_under(name) if name not in node_labels() else [name]
        if not found:
            raise KgError(f"unknown class {name!r}: use one of {', '.join(node_labels())} (or Entity, Claim)")
        labels.update(found)
    return labels


def seeds(graph: nx.MultiDiGraph, name: str, town: str | None = None) -> list[str]:
    """Nodes that ``name`` names: a node id (report, commitment, any node), or a town, an
    entity (by name or alias; one per town that has it, or only ``town``'s)."""
    if name in graph:
        return [name]
    found = [
        node for node, data in graph.nodes(data=True)
        if (data.get("name") == name or name in (data.get("aliases") or ()))
        and (town is None or _town_of_entity(graph, node, data) == town)
    ]
    if not found:
        where = f" in {town}" if town else ""
        raise KgError(f"nothing named {name!r}{where}: give an entity's name or alias, a town, a report id or a commitment id")
    return sorted(found)


def select(
    graph: nx.MultiDiGraph,
    around: str | None = None,
    hops: int = 1,
    types: Iterable[str] | None = None,
    town: str | None = None,
    since: str | None = None,
    until: str | None = None,
    with_text: bool = True,
) -> nx.MultiDiGraph:
    """The subgraph (a copy) that the options choose; see the module docstring."""
    if hops < 0:
        raise KgError("--hops must be 0 or more")
    reports = {n: d for n, d in graph.nodes(data=True) if d.get("label") == "Report"}
    if town and not any(d.get("town") == town for d in reports.values()) and not any(
            d.get("label") == "Town" and d.get("name") == town for _, d in graph.nodes(data=True)):
        raise KgError(f"no town named {town!r} in the store")
    kept_reports = {
        r for r, d in reports.items()
        if (town is None or d.get("town") == town)
        and (since is None or (d.get("date") or "") >= since)
        and (until is None or (d.get("date") or "9999") <= until)
    }
    keep: set[str] = set()
    entities: list[str] = []
    for node, data in graph.nodes(data=True):
        report = _report_of(node, data)
        if report is not None:
            if report in kept_reports and (with_text or data["label"] not in LEXICAL):
                keep.add(node)
        elif town is None or _town_of_entity(graph, node, data) in (town, None):
            entities.append(node)
    for node in entities:
        if since is None and until is None:
            keep.add(node)
            continue
        # With a date filter an entity stays if a kept report's sentence or claim speaks of it.
        speakers = (s for s, _, rel in graph.in_edges(node, keys=True) if rel in ("MENTIONS", "ABOUT"))
        if graph.nodes[node]["label"] in ("Town", "District") or any(
                _report_of(s, graph.nodes[s]) in kept_reports for s in speakers):
            keep.add(node)
    narrowed = graph.subgraph(keep)
    if around is not None:
        start = [s for s in seeds(graph, around, town) if s in keep]
        if not start:
            raise KgError(f"{around!r} is outside the chosen town or dates")
        reached: set[str] = set()
        for depth, layer in enumerate(nx.bfs_layers(narrowed.to_undirected(as_view=True), start)):
            if depth > hops:
                break
            reached.update(layer)
        keep = reached
    if types is not None:
        wanted = expand_types(types)
        keep = {n for n in keep if graph.nodes[n]["label"] in wanted}
    chosen = nx.MultiDiGraph(graph.subgraph(keep))
    # Where each report came from, so a quote can name its town and date even when the
    # Report node itself was not chosen.
    chosen.graph["report_index"] = {r: {"town": d.get("town"), "date": d.get("date")} for r, d in reports.items()}
    return chosen
