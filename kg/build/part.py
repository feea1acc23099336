"""The part of the store a build or removal loads and writes back (:class:`Part`)."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from kg.build.derive import town_of
from kg.graph.model import add_edge, reports
from kg.graph.store import entity_rows, links_digest


class Part:
    """The part of the store a build or removal changes, as a graph: every report's
    node, the entity layer and every report's raw mentions (entity resolution is over
    all of them), and the lexical layers of the towns whose claims are derived again.
    Loading the whole graph cost a store of 1000 reports most of the time of adding
    one; what is not loaded is not written either (``scope``)."""

    def __init__(self, tx) -> None:
        self.tx = tx
        self.graph, self.stored = tx.load_skeleton()
        self.loaded: set[str] = set()  # reports whose lexical layer is in the graph
        self.removed: set[str] = set()

    def _towns(self) -> set[str | None]:
        return {town_of(self.graph, r["id"]) for r in reports(self.graph)}

    @property
    def scope(self) -> set[str]:
        return self.loaded | self.removed

    def load_towns(self, towns: set[str | None]) -> None:
        wanted = [r["id"] for r in reports(self.graph) if r["id"] not in self.loaded and town_of(self.graph, r["id"]) in towns]
        self.tx.add_layers(self.graph, wanted)
        self.loaded.update(wanted)

    def widen(self, graph: nx.MultiDiGraph, edges: dict[tuple[str, str], dict]) -> set[str | None]:
        """The towns whose reports' MENTIONS changed, or whose derivation sees an entity
        or entity relationship that changed, judged against the store; their lexical
        layers are loaded and given their MENTIONS (``edges``: every one, :func:`kg.extraction.entities.mention_edges`)."""
        by_report: dict[str, list] = defaultdict(list)
        for (sentence, entity), properties in edges.items():
            data = {k: v for k, v in properties.items() if v is not None}
            data["type"] = "MENTIONS"
            by_report[sentence.split(":", 1)[0]].append([sentence, "MENTIONS", entity, data])
        changed_reports = {
            r
            for r in by_report.keys() | self.stored.links.keys()
            if links_digest(by_report.get(r, [])) != self.stored.links.get(r)
        }
        entities, entity_edges = entity_rows(graph)
        changed = {e for e in entities.keys() | self.stored.entities.keys() if entities.get(e) != self.stored.entities.get(e)}
        for key in entity_edges.keys() | self.stored.edges.keys():
            if entity_edges.get(key) != self.stored.edges.get(key):
                # A town's derivation sees a relationship only with its start (town_graph):
                # a town whose reports mention the start, or mention what the start is a part of.
                changed.add(key[0])
        # A town's derivation sees the wholes, lines and places of what it mentions (town_graph).
        changed |= {start for edge_keys in (entity_edges, self.stored.edges) for start, rel, end in edge_keys if end in changed}
        if changed:
            changed_reports |= self.tx.reports_about(changed)
            changed_reports |= {s.split(":", 1)[0] for s, e in edges if e in changed}
        towns = {town_of(graph, r) for r in changed_reports if r in graph}
        # A report's own town is in its town's derivation whether or not it is mentioned.
        towns |= {t for t in self._towns() if t in changed}
        before = set(self.loaded)
        self.load_towns(towns)
        for (sentence, entity), properties in edges.items():
            if sentence.split(":", 1)[0] not in before and sentence in graph:
                add_edge(graph, sentence, entity, "MENTIONS", **properties)
        return towns
