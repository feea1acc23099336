"""The entity layer of the graph, derived from the mentions every report contributed.

Each report's raw mentions are kept in the store (``graph.graph["mentions"][report]``);
entities are derived from all of them together, so that adding or removing a report
re-resolves aliases across the whole collection. Derived nodes carry ``derived=True``.

>>> from kg.graph.model import new_graph
>>> g = new_graph()
>>> set_mentions(g, "r1", [])
>>> derive_entities(g)
0
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from kg.extraction.mentions import ENTITY_TYPES
from kg.extraction.resolve import CITY_SCOPED, CityNames, ReportPlace, city_changes, resolution_scopes, resolve
from kg.graph.model import add_edge, add_node, nodes_of
from kg.graph.rows import mention_row
from kg.ids import district_id


def set_mentions(graph: nx.MultiDiGraph, report_id: str, mentions: list[dict]) -> None:
    graph.graph.setdefault("mentions", {})[report_id] = mentions


_ENTITY_EDGES = ("PART_OF", "ON_LINE", "LOCATED_IN")


@dataclass
class Partial:
    """A derivation of the entity layer after a change to a few reports: every report's
    mentions as the store held them before the change (``before``, in the order of
    :func:`kg.graph.model.reports`) with their places, and the town scopes of the reports
    changed (``within``, :attr:`ReportPlace.scope`). :func:`derive_entities` closes
    ``within`` over what the change reaches and records the entities it dropped or made
    (``entities``); the entities of the other towns, and their reports' MENTIONS, are the
    store's."""

    before: dict[str, list[dict]]
    before_places: dict[str, ReportPlace]
    within: set[str]
    entities: set[str] = field(default_factory=set)


def report_places(graph: nx.MultiDiGraph, report_ids) -> dict[str, ReportPlace]:
    """Where each report is from, as its node says."""
    nodes = graph.nodes
    return {
        rid: ReportPlace(
            rid, nodes[rid].get("city"), nodes[rid].get("district"), nodes[rid].get("town"), nodes[rid].get("province")
        )
        for rid in report_ids
    }


def derive_entities(graph: nx.MultiDiGraph, edges_out: dict | None = None, partial: Partial | None = None) -> int:
    """Rebuild every entity, MENTIONS and hierarchy edge from the stored mentions.
    Returns the number of entities; ``edges_out`` receives every MENTIONS edge
    (:func:`mention_edges`), also of the sentences the graph does not hold (a build that
    loaded only part of the store works out from them which other reports' MENTIONS
    changed). With ``partial``, only the city-scoped entities and those of the towns
    ``partial.within`` are made again (and ``edges_out`` receives the MENTIONS of those
    towns' reports only); the graph must hold no sentence of another town."""
    stored = {rid: ms for rid, ms in graph.graph.get("mentions", {}).items() if rid in graph}
    places = report_places(graph, stored)
    if partial is None:
        _clear(graph)
        entities, links = resolve(stored, places)
        kept = 0
    else:
        city = CityNames()
        changed = city_changes(partial.before, partial.before_places, stored, places, city)
        partial.within = resolution_scopes(stored, places, partial.within, changed, city)
        entities, links = resolve(stored, places, partial.within, city)
        kept_edges, dropped = _clear_within(graph, partial.within)
        kept = sum(1 for _, d in graph.nodes(data=True) if d.get("derived") and d.get("label") in ENTITY_TYPES)
    for entity in entities.values():
        if entity.id in graph and graph.nodes[entity.id].get("label") == entity.type:
            node = graph.nodes[entity.id]
            node["aliases"] = sorted(set(node.get("aliases", [])) | entity.aliases)
            if entity.code:
                node["code"] = entity.code
            continue
        add_node(
            graph,
            entity.id,
            entity.type,
            name=entity.name,
            aliases=sorted(entity.aliases),
            town=entity.town,
            district=entity.district,
            city=entity.city,
            code=entity.code,
            derived=True,
        )
    for entity in entities.values():
        if entity.part_of:
            add_edge(graph, entity.id, entity.part_of, "PART_OF")
        if entity.on_line:
            add_edge(graph, entity.id, entity.on_line, "ON_LINE")
        if entity.located_in and entity.located_in in graph:
            add_edge(graph, entity.id, entity.located_in, "LOCATED_IN")
        if entity.type == "Town" and entity.district:
            district = district_id(entity.city, entity.district)
            if district not in graph:
                add_node(graph, district, "District", name=entity.district, city=entity.city, aliases=[], derived=True)
            add_edge(graph, entity.id, district, "LOCATED_IN")
    if partial is not None:
        # Every place's aliases are made again, whether an entity of its own or a report's town.
        places_now = {n for n, d in graph.nodes(data=True) if d.get("label") in ("Town", "District")}
        partial.entities = dropped | set(entities) | places_now
        # An entity of a town not resolved again keeps its relationships to the entities
        # made again (a road's district, a station's line): the same, as its names are.
        for start, end, key, data in kept_edges:
            if end in graph and not graph.has_edge(start, end, key):
                graph.add_edge(start, end, key=key, **data)
    edges = mention_edges(links)
    for (sentence, entity_id), properties in edges.items():
        if sentence in graph:
            add_edge(graph, sentence, entity_id, "MENTIONS", **properties)
    if edges_out is not None:
        edges_out.update(edges)
    return len(entities) + kept


def entity_scope(data: dict) -> str:
    """The resolution scope of a town-scoped entity (:attr:`ReportPlace.scope`)."""
    return "/".join(p or "?" for p in (data.get("city"), data.get("district"), data.get("town")))


def _clear_within(graph: nx.MultiDiGraph, within: set[str]) -> tuple[list, set[str]]:
    """:func:`_clear` of the entities made again (the city-scoped ones and those of the
    towns ``within``); returns the hierarchy edges from the others to the dropped ones,
    and the dropped ones."""
    for start, end, key in [(s, e, k) for s, e, k in graph.edges(keys=True) if k == "MENTIONS"]:
        graph.remove_edge(start, end, key)
    dropped = set()
    for node, data in graph.nodes(data=True):
        if not data.get("derived"):
            continue
        label = data.get("label")
        if label in ENTITY_TYPES and label not in CITY_SCOPED and entity_scope(data) not in within:
            continue
        if any(k == "REPORTS_ON" for _, _, k in graph.in_edges(node, keys=True)):
            data.pop("derived")
            continue
        dropped.add(node)
    kept_edges = [
        (s, e, k, d)
        for e in dropped
        for s, _, k, d in graph.in_edges(e, keys=True, data=True)
        if k in _ENTITY_EDGES and s not in dropped
    ]
    graph.remove_nodes_from(dropped)
    for _, data in graph.nodes(data=True):
        if data.get("label") in ("Town", "District"):
            # A report's town holds what mentions of it say (aliases, its code) only while they do.
            data["aliases"] = []
            data.pop("code", None)
    return kept_edges, dropped


def mention_edges(links: list[tuple[dict, str]]) -> dict[tuple[str, str], dict]:
    """(sentence, entity) → the properties of its MENTIONS edge, in the order of the
    first mention: the first mention's surface form and offsets, and how many there are."""
    edges: dict[tuple[str, str], dict] = {}
    for mention, entity_id in links:
        key = (mention["sentence"], entity_id)
        if key in edges:
            edges[key]["count"] += 1
            continue
        edges[key] = {
            "text": mention["text"],
            "start": mention["start"],
            "end": mention["end"],
            "footnote": mention.get("footnote"),
            "anchor": mention.get("anchor"),
            "rule": mention["rule"],
            "count": 1,
        }
    return edges


def _clear(graph: nx.MultiDiGraph) -> None:
    for start, end, key in [(s, e, k) for s, e, k in graph.edges(keys=True) if k == "MENTIONS"]:
        graph.remove_edge(start, end, key)
    derived = []
    for node, data in graph.nodes(data=True):
        if not data.get("derived"):
            continue
        if any(k == "REPORTS_ON" for _, _, k in graph.in_edges(node, keys=True)):
            data.pop("derived")  # a report's own town now: it stays with its report
            continue
        derived.append(node)
    graph.remove_nodes_from(derived)
    for _, data in graph.nodes(data=True):
        if data.get("label") in ("Town", "District"):
            # A report's town holds what mentions of it say (aliases, its code) only while they do.
            data["aliases"] = []
            data.pop("code", None)


def entity_nodes(graph: nx.MultiDiGraph):
    """(id, properties) of every entity, in a stable order."""
    found = [(n, d) for n, d in graph.nodes(data=True) if d.get("label") in ENTITY_TYPES]
    return sorted(found, key=lambda item: (item[1]["label"], item[0]))


def find_entities(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """Entities whose name or an alias is ``name`` (variant characters folded)."""
    from loaders.normalise import fold_variants

    wanted = fold_variants(name)
    return [
        n
        for n, d in entity_nodes(graph)
        if wanted == fold_variants(d.get("name", "")) or wanted in {fold_variants(a) for a in d.get("aliases", [])}
    ]


def mentions_of(graph: nx.MultiDiGraph, entity_id: str) -> list[dict]:
    """Every sentence that mentions the entity (or one of its parts), in report date
    order: report, date, town, part kind, sentence id, text, surface form."""
    rows = []
    targets = {entity_id} | {s for s, _, k in graph.in_edges(entity_id, keys=True) if k == "PART_OF"}
    for target in sorted(targets):  # a set: sorted, so that the output does not hang on the hash seed
        for sentence, _, key, data in graph.in_edges(target, keys=True, data=True):
            if key != "MENTIONS":
                continue
            rows.append(mention_row(graph, sentence, target, data))
    return sorted(
        rows,
        key=lambda r: (r["date"] or "", r["report"], graph.nodes[r["sentence"]].get("start", 0), r["entity"], r["surface"] or ""),
    )


__all__ = [
    "Partial",
    "derive_entities",
    "entity_nodes",
    "entity_scope",
    "find_entities",
    "mention_edges",
    "mentions_of",
    "nodes_of",
    "report_places",
    "set_mentions",
]
