"""Choosing part of the graph to take elsewhere: around a node, within some hops, for a
town or a time span, with or without the lexical layer.

The filters (town, dates, text) narrow the graph first; the hops are counted in what is
left, along relationships in either direction; ``types`` then keeps only the classes
asked for. Report-bound nodes (a report, its parts, sections and sentences, and its
claims) follow their report's town and date; an entity follows its town (one of no town,
such as a metro station, goes with any), and with a town or date filter stays only if a
kept report still speaks of it: one found in the text by a sentence that mentions it (so
that it keeps its provenance), another (an indicator, a metro line) by a sentence or claim.

What is chosen is then closed under provenance, so that its RDF validates against
``schema/shapes.ttl`` and every quote can be cited: a node keeps every node that the
shapes require of its class (:func:`required_links` reads them from the shapes file), and
those nodes keep theirs, until nothing more is needed. A link is required when

- its property shape has ``sh:minCount`` 1 or more: an entity found in the text is
  ``prov:wasDerivedFrom`` the sentences that mention it, so it keeps all of them; a
  claim keeps the sentence it is ``kg:statedIn`` and its report; an indicator value the
  indicator it is ``kg:about``; a sentence its section and report; a section its part
  and report; a part its report; a report its parts; a village its town; or
- it is written from a key that holds a node id (``report``, ``section``, ``part``,
  ``previous_actual``) and its shape names the ``sh:class`` of the node it names: the RDF
  writes such a link whether that node is chosen or not, so it must be.

A link drawn from a relationship (``LOCATED_IN``, ``ON_LINE``…) whose shape only names
its class is not required: it is exported only when both ends are chosen. Neither is a
key the shapes do not constrain (a claim's ``followups``): its IRI may name a node left
out. The closure takes nodes only from what the filters leave (the town, the dates, the
lexical layer) and is no hop further; ``types`` applies after it.

Leaving part of that out on purpose (``with_text=False``, ``types``) gives a subgraph
that is not closed, and cannot validate: the shapes ask every entity found in the text
and every claim for a sentence. :func:`unmet` lists what it lacks, and the chosen graph
says so: ``graph.graph["closed"]`` (false then), ``graph.graph["lacking"]`` (the nodes
that lack something) and ``graph.graph["provenance"]`` (the nodes the closure added);
the RDF export states it in the data (see :mod:`kg.sinks.rdf`) and the command on stderr.

>>> from kg.graph.model import new_graph, add_node, add_edge
>>> g = new_graph()
>>> add_node(g, "t", "Town", name="庙行镇", aliases=["庙行"])
>>> add_node(g, "r", "Report", town="庙行镇", date="2023-01-05")
>>> add_node(g, "p", "Park", name="三湾公园", aliases=[])
>>> add_node(g, "c", "Commitment", report="r", text="建成三湾公园")
>>> add_edge(g, "r", "t", "REPORTS_ON"); add_edge(g, "p", "t", "LOCATED_IN"); add_edge(g, "c", "p", "ABOUT")
>>> sorted(select(g, around="三湾公园", hops=1))  # the commitment's report too: its provenance
['c', 'p', 'r', 't']
>>> sorted(select(g, around="三湾公园", hops=1, types=["Claim"]))
['c']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

import networkx as nx
from rdflib import OWL, RDF, URIRef
from rdflib.namespace import PROV, SH

from kg.errors import KgError
from kg.graph.ontology import (
    _KG,
    labels_under,
    node_labels,
    ontology,
    period_prefixes,
    property_terms,
    shapes,
)

LEXICAL = ("Part", "Section", "Sentence")

# How the RDF export writes a MENTIONS relationship on the entity's side (see
# kg.sinks.rdf._add_mention): the entity prov:wasDerivedFrom the sentence, through a
# prov:qualifiedDerivation. The shapes require these of entities found in the text.
_DERIVATION_PATHS = (PROV.wasDerivedFrom, PROV.qualifiedDerivation)


@dataclass(frozen=True)
class Link:
    """A way from a node to nodes that its shape requires: the relationships of type
    ``rel`` out of it (into it when ``inward``), or the node ids that its key ``key`` holds."""

    rel: str | None = None
    key: str | None = None
    inward: bool = False

    def targets(self, graph: nx.MultiDiGraph, node: str) -> Iterator[str]:
        if self.key is not None:
            value = graph.nodes[node].get(self.key)
            for target in value if isinstance(value, list) else [value] if value is not None else []:
                if target in graph:
                    yield target
        elif self.inward:
            yield from (s for s, _, rel in graph.in_edges(node, keys=True) if rel == self.rel)
        else:
            yield from (t for _, t, rel in graph.out_edges(node, keys=True) if rel == self.rel)


_MENTIONED = Link(rel="MENTIONS", inward=True)


@cache
def required_links() -> dict[str, tuple[Link, ...]]:
    """Class → the links that ``schema/shapes.ttl`` requires of its nodes (see the
    module docstring for the rule).

    >>> required_links()["Sentence"]
    (Link(rel=None, key='report', inward=False), Link(rel=None, key='section', inward=False))
    >>> Link(rel="MENTIONS", inward=True) in required_links()["Park"], required_links()["Town"]
    (True, ())
    """
    sg, og = shapes(), ontology()
    by_relationship = {prop: str(rel) for prop, rel in og.subject_objects(_KG.neo4jType)}
    by_key = {term.uri: term.key for term in property_terms().values() if term.is_object}
    written_with_node = set(period_prefixes().values())  # periods: a time:Interval of the node's own
    required: dict[str, set[Link]] = {label: set() for label in node_labels()}
    for shape in sg.subjects(RDF.type, SH.NodeShape):
        targets = [str(c).rsplit("#", 1)[-1] for c in sg.objects(shape, SH.targetClass) if str(c).startswith(str(_KG))]
        if not targets:
            continue  # a shape reached through sh:node (a mention's derivation), written with its node
        for prop_shape in sg.objects(shape, SH.property):
            path = sg.value(prop_shape, SH.path)
            min_count = sg.value(prop_shape, SH.minCount)
            needed = min_count is not None and int(str(min_count)) >= 1
            if not isinstance(path, URIRef) or path in written_with_node or (path, RDF.type, OWL.DatatypeProperty) in og:
                continue  # a literal, or a period written whole with its node
            if path in _DERIVATION_PATHS:
                link = _MENTIONED
            elif path in by_key:
                link = Link(key=by_key[path])
                needed = needed or sg.value(prop_shape, SH["class"]) is not None
            elif path in by_relationship:
                link = Link(rel=by_relationship[path])
            elif (path, RDF.type, OWL.ObjectProperty) in og or str(path).startswith(str(PROV)):
                raise ValueError(f"schema/shapes.ttl constrains {path}, which select() does not know how to follow")
            else:
                continue  # kg:id, rdfs and other literal-valued terms
            if needed:
                for label in targets:
                    required[label].add(link)
    return {label: tuple(sorted(links, key=repr)) for label, links in required.items()}


def close(graph: nx.MultiDiGraph, chosen: Iterable[str], allowed: Iterable[str] | None = None) -> set[str]:
    """``chosen`` and every node it needs, and they need, by :func:`required_links`;
    only nodes of ``allowed`` (default: any) are added."""
    pool = set(graph) if allowed is None else set(allowed)
    links = required_links()
    closed = set(chosen)
    todo = list(closed)
    while todo:
        node = todo.pop()
        for link in links.get(graph.nodes[node].get("label"), ()):
            for target in link.targets(graph, node):
                if target not in closed and target in pool:
                    closed.add(target)
                    todo.append(target)
    return closed


def unmet(graph: nx.MultiDiGraph, chosen: nx.MultiDiGraph | Iterable[str]) -> list[tuple[str, Link]]:
    """The links that nodes of ``chosen`` need (by :func:`required_links`) and lack, as
    ``(node, link)``: empty when ``chosen`` is closed under provenance. A link through a
    key lacks any node it names that is not chosen (the RDF names it all the same); one
    through relationships lacks them when none of their nodes is chosen (the RDF writes
    only those that are, and the shapes ask for at least one).

    >>> from kg.graph.model import new_graph, add_node
    >>> g = new_graph()
    >>> add_node(g, "r", "Report"); add_node(g, "c", "Commitment", report="r")
    >>> unmet(g, ["c"])
    [('c', Link(rel=None, key='report', inward=False))]
    """
    kept = set(chosen)
    lacking = []
    for node in sorted(kept):
        for link in required_links().get(graph.nodes[node].get("label"), ()):
            targets = set(link.targets(graph, node))
            if (targets - kept) if link.key is not None else (targets and not targets & kept):
                lacking.append((node, link))
    return lacking


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
        node
        for node, data in graph.nodes(data=True)
        if (data.get("name") == name or name in (data.get("aliases") or ()))
        and (town is None or _town_of_entity(graph, node, data) == town)
    ]
    if not found:
        where = f" in {town}" if town else ""
        raise KgError(f"nothing named {name!r}{where}: give an entity's name or alias, a town, a report id or a commitment id")
    return sorted(found)


def _spoken_of(graph: nx.MultiDiGraph, node: str, kept_reports: set[str]) -> bool:
    """Whether a kept report speaks of an entity. One found in the text (whose shape asks
    for the sentences it is derived from) needs a sentence of a kept report that mentions
    it, so that it keeps its provenance; another (an indicator, a metro line) a sentence
    or a claim of one."""
    label = graph.nodes[node]["label"]
    by = ("MENTIONS",) if _MENTIONED in required_links().get(label, ()) else ("MENTIONS", "ABOUT")
    return any(rel in by and _report_of(s, graph.nodes[s]) in kept_reports for s, _, rel in graph.in_edges(node, keys=True))


def check_date(value: str | None, option: str) -> str | None:
    """``value`` if it is a day as YYYY-MM-DD, else a :class:`KgError` naming ``option``:
    the filters compare report dates as text, so anything else would silently keep the
    wrong reports (``2024/01/01`` sorts after every date of 2024).

    >>> check_date("2024-01-31", "--since")
    '2024-01-31'
    >>> check_date("2024/01/31", "--since")
    Traceback (most recent call last):
    kg.errors.KgError: --since: '2024/01/31' is not a date as YYYY-MM-DD
    """
    if value is None:
        return None
    try:
        if len(value) == 10 and date.fromisoformat(value):
            return value
    except ValueError:
        pass
    raise KgError(f"{option}: {value!r} is not a date as YYYY-MM-DD")


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
    check_date(since, "--since")
    check_date(until, "--until")
    reports = {n: d for n, d in graph.nodes(data=True) if d.get("label") == "Report"}
    if (
        town
        and not any(d.get("town") == town for d in reports.values())
        and not any(d.get("label") == "Town" and d.get("name") == town for _, d in graph.nodes(data=True))
    ):
        raise KgError(f"no town named {town!r} in the store")
    kept_reports = {
        r
        for r, d in reports.items()
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
    filtered = town is not None or since is not None or until is not None
    for node in entities:
        if not filtered or graph.nodes[node]["label"] in ("Town", "District") or _spoken_of(graph, node, kept_reports):
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
    # Provenance after the hops (it is no hop further) and before the types (asking for
    # some classes only is leaving the others out on purpose).
    closed = close(graph, keep, allowed=narrowed)
    added = closed - keep
    keep = closed
    if types is not None:
        wanted = expand_types(types)
        keep = {n for n in keep if graph.nodes[n]["label"] in wanted}
    chosen = nx.MultiDiGraph(graph.subgraph(keep))
    for node in chosen:
        # The absolute path a build keeps (kg.graph.model.add_report) is the store's own:
        # what is chosen is for sharing.
        chosen.nodes[node].pop("path", None)
    # What the closure added (no hop counts them), and the nodes that still lack
    # something the shapes require: none unless the options left it out on purpose.
    chosen.graph["provenance"] = sorted(added & keep)
    chosen.graph["lacking"] = sorted({node for node, _ in unmet(graph, chosen)})
    chosen.graph["closed"] = not chosen.graph["lacking"]
    # Where each report came from, so a quote can name its town and date even when the
    # Report node itself was not chosen.
    chosen.graph["report_index"] = {r: {"town": d.get("town"), "date": d.get("date")} for r, d in reports.items()}
    return chosen
