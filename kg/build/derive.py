"""Derivation: entity resolution over every report's mentions, then, per town, claims,
indicator values with their pairing, and tracing (:func:`derive`, :func:`town_graph`)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import networkx as nx
import orjson

from kg.extraction.claims import CLAIM_LABELS, add_claims, extract_claims
from kg.extraction.entities import Partial, derive_entities
from kg.extraction.indicators import (
    add_indicator_values,
    extract_indicator_values,
    pair_values,
)
from kg.graph.model import new_graph, reports
from kg.graph.store import report_rows
from kg.ids import district_id, town_id

DERIVED_LABELS = (*CLAIM_LABELS, "IndicatorValue")
_ENTITY_EDGES = ("MENTIONS", "PART_OF", "ON_LINE", "LOCATED_IN")


def town_of(graph: nx.MultiDiGraph, report_id: str) -> str | None:
    """The town a report is about (its REPORTS_ON target): the unit of re-derivation."""
    return next((t for _, t, k in graph.out_edges(report_id, keys=True) if k == "REPORTS_ON"), None)


def derive(
    graph: nx.MultiDiGraph,
    touched: set[str | None] | None = None,
    before: tuple[dict, dict] | None = None,
    widen: Callable[[nx.MultiDiGraph, dict], set[str | None]] | None = None,
    partial: Partial | None = None,
) -> tuple[int, int, int]:
    """Re-derive entities, then claims, indicator values with their pairing, and tracing
    (keeping reviewers' overrides) for the towns in ``touched`` (None: every town) and
    the towns whose entities changed since ``before`` (the entity layer as the store held
    it: :func:`_entity_layer`), or, for a graph of part of the store, the towns ``widen``
    finds from every MENTIONS edge resolved (with ``partial``, resolving the entities of
    the changed reports' towns only: :class:`kg.extraction.entities.Partial`). Returns (entities, claims and indicator
    values in the graph, towns re-derived)."""
    from kg.tracing.review import apply_reviews

    order_mentions(graph)
    settle_places(graph)
    if touched is not None and before is None and widen is None:
        raise ValueError("an incremental derivation needs the entity layer as it was before the change")
    # Resolution makes entity nodes anew, dropping the claims' edges to them: kept here
    # for the claims of towns that are not re-derived.
    about = [
        (s, e, k, d)
        for s, e, k, d in graph.edges(keys=True, data=True)
        if k == "ABOUT" and graph.nodes[s].get("label") in DERIVED_LABELS
    ]
    mentions: dict = {}
    entities = derive_entities(graph, mentions if widen is not None else None, partial)
    for start, end, key, data in about:
        if end in graph and not graph.has_edge(start, end, key):
            graph.add_edge(start, end, key=key, **data)
    towns: dict[str | None, list[str]] = defaultdict(list)
    for r in reports(graph):
        towns[town_of(graph, r["id"])].append(r["id"])
    if touched is None:
        affected = set(towns)
    elif widen is not None:
        # A build touching every town (the first build of a store) has nothing to widen.
        affected = touched | (widen(graph, mentions) if set(towns) - touched else set())
    else:
        assert before is not None  # checked above
        affected = touched | _towns_of_changed_entities(graph, before, _entity_layer(graph))
    stale = [
        n
        for n, d in graph.nodes(data=True)
        if d.get("label") in DERIVED_LABELS and (d.get("report") not in graph or town_of(graph, d["report"]) in affected)
    ]
    graph.remove_nodes_from(stale)
    by_report = _nodes_by_report(graph)
    done = 0
    for town in sorted(affected & set(towns), key=lambda t: t or ""):
        _derive_town(graph, towns[town], by_report)
        done += 1
    apply_reviews(graph)
    claims = sum(1 for _, d in graph.nodes(data=True) if d.get("label") in DERIVED_LABELS)
    return entities, claims, done


def order_mentions(graph: nx.MultiDiGraph) -> None:
    """Reports' mentions in the order of :func:`kg.graph.model.reports`: resolution keeps the
    first spelling it sees, so the order must not depend on the order of builds."""
    stored = graph.graph.get("mentions", {})
    graph.graph["mentions"] = {r["id"]: stored[r["id"]] for r in reports(graph) if r["id"] in stored}


def settle_places(graph: nx.MultiDiGraph) -> None:
    """Towns and districts a report names are the report's; any other is derived from
    mentions (and goes when no mention names it). Settled before every derivation, so
    that a place's node does not depend on whether a report naming it came first."""
    backed = set()
    for r in reports(graph):
        city = r.get("city") or r.get("province")
        if r.get("district"):
            backed.add(district_id(city, r["district"]))
        if r.get("town"):
            backed.add(town_id(city, r.get("district"), r["town"]))
    for node, data in graph.nodes(data=True):
        if data.get("label") in ("Town", "District"):
            if node in backed:
                data.pop("derived", None)
            else:
                data["derived"] = True


def _entity_layer(graph: nx.MultiDiGraph) -> tuple[dict, dict]:
    from kg.extraction.mentions import ENTITY_TYPES

    # Digests, not the JSON itself: two copies of a big graph's entity layer would not be small.
    nodes = {n: _digest(d) for n, d in graph.nodes(data=True) if d.get("label") in ENTITY_TYPES}
    # Every entity relationship has an entity at one end (MENTIONS ends at one, the
    # hierarchy starts at one): the entities' own edges, not a scan of the whole graph's.
    edges = {}
    for node in nodes:
        for s, e, k, d in graph.in_edges(node, keys=True, data=True):
            if k in _ENTITY_EDGES:
                edges[(s, k, e)] = _digest(d)
        for s, e, k, d in graph.out_edges(node, keys=True, data=True):
            if k in _ENTITY_EDGES:
                edges[(s, k, e)] = _digest(d)
    return nodes, edges


def _digest(data: dict) -> bytes:
    return hashlib.blake2b(orjson.dumps(data, option=orjson.OPT_SORT_KEYS), digest_size=16).digest()


def _towns_of_changed_entities(graph: nx.MultiDiGraph, before: tuple[dict, dict], after: tuple[dict, dict]) -> set[str | None]:
    """Towns whose reports mention an entity that changed (name, aliases, parts, a
    mention resolved differently), or whose mentions now resolve differently."""
    (nodes_0, edges_0), (nodes_1, edges_1) = before, after
    changed = {n for n in nodes_0.keys() | nodes_1.keys() if nodes_0.get(n) != nodes_1.get(n)}
    sentences = set()
    for key in edges_0.keys() | edges_1.keys():
        if edges_0.get(key) != edges_1.get(key):
            start, rel, end = key
            if rel == "MENTIONS":
                sentences.add(start)
            else:
                changed |= {start, end}
    # A claim names an entity's whole and line too: a change there reaches the parts.
    for edges in (edges_0, edges_1):
        for start, rel, end in edges:
            if rel in ("PART_OF", "ON_LINE") and end in changed:
                changed.add(start)
    for edges in (edges_0, edges_1):
        for start, rel, end in edges:
            if rel == "MENTIONS" and end in changed:
                sentences.add(start)
    found_reports = {graph.nodes[s]["report"] for s in sentences if s in graph}
    return {town_of(graph, r) for r in found_reports if r in graph}


def _nodes_by_report(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        if data.get("report") and data.get("label") not in DERIVED_LABELS:
            out[data["report"]].append(node)
    return out


def derive_in(sub: nx.MultiDiGraph, report_ids: list[str]) -> None:
    """Claims, indicator values with their pairing, and tracing of one town's reports, in
    its :func:`town_graph`."""
    from kg.tracing.trace import add_trace, trace

    for report_id in report_ids:
        add_claims(sub, extract_claims(sub, report_id))
    values = [v for report_id in report_ids for v in extract_indicator_values(sub, report_id)]
    add_indicator_values(sub, values, pair_values(sub, values))
    add_trace(sub, trace(sub))


def derived_town(sub: nx.MultiDiGraph, report_ids: list[str]) -> nx.MultiDiGraph:
    """One town's :func:`town_graph` with its claims, indicator values and tracing derived
    and reviewers' overrides applied: what a pool's worker does with a town. It needs
    nothing but ``sub`` (the reviews travel in its ``graph`` attribute)."""
    from kg.tracing.review import apply_reviews

    derive_in(sub, report_ids)
    apply_reviews(sub)
    return sub


def town_rows(sub: nx.MultiDiGraph, report_ids: list[str]) -> dict[str, Any]:
    """:func:`derived_town`, then the rows its reports are written to
    (:func:`kg.graph.store.report_rows`): a worker hands back rows, already encoded and
    compressed, rather than the town's graph."""
    return report_rows(derived_town(sub, report_ids), report_ids)


def town_graph(graph: nx.MultiDiGraph, report_ids: list[str], by_report: dict[str, list[str]]) -> nx.MultiDiGraph:
    """The part of the graph one town's claims, indicator values and tracing are derived
    from: its reports with their lexical layers, the entities they mention, and the
    wholes and lines of those (with copies of their properties)."""
    lexical = set(report_ids)
    for r in report_ids:
        lexical.update(by_report.get(r, ()))
    entities = {e for n in lexical for _, e, k in graph.out_edges(n, keys=True) if k in ("REPORTS_ON", "MENTIONS")}
    entities |= {
        p for e in list(entities) for _, p, k in graph.out_edges(e, keys=True) if k in ("PART_OF", "ON_LINE", "LOCATED_IN")
    }
    keep = lexical | entities
    sub = new_graph()
    sub.graph["mentions"] = {r: graph.graph.get("mentions", {}).get(r, []) for r in report_ids}
    sub.graph["reviews"] = graph.graph.get("reviews", {})
    for node in sorted(keep):
        sub.add_node(node, **graph.nodes[node])
    for node in sorted(keep):
        for _, target, key, data in graph.out_edges(node, keys=True, data=True):
            if target in keep:
                sub.add_edge(node, target, key=key, **data)
    return sub


def _derive_town(graph: nx.MultiDiGraph, report_ids: list[str], by_report: dict[str, list[str]]) -> None:
    sub = town_graph(graph, report_ids, by_report)
    derive_in(sub, report_ids)
    made = sorted(n for n, d in sub.nodes(data=True) if d.get("label") in DERIVED_LABELS)
    for node in made:
        graph.add_node(node, **sub.nodes[node])
    for node in made:
        for _, target, key, data in sub.out_edges(node, keys=True, data=True):
            graph.add_edge(node, target, key=key, **data)
