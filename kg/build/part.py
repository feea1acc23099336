"""The part of the store a build or removal loads and writes back (:class:`Part`)."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from kg.build.derive import town_of
from kg.extraction.entities import Partial, report_places
from kg.graph.model import add_edge, nodes_of, reports
from kg.graph.store import entity_rows, links_digest, table_of


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
        # Every report's mentions and place as stored: what resolution is compared with.
        stored = self.graph.graph.get("mentions", {})
        ids = [r["id"] for r in reports(self.graph) if r["id"] in stored]
        self.before = {r: stored[r] for r in ids}
        self.before_places = report_places(self.graph, ids)
        self.resolved: Partial | None = None

    def _towns(self) -> set[str | None]:
        return {town_of(self.graph, r["id"]) for r in reports(self.graph)}

    @property
    def scope(self) -> set[str]:
        return self.loaded | self.removed

    def load_towns(self, towns: set[str | None]) -> None:
        wanted = [r["id"] for r in reports(self.graph) if r["id"] not in self.loaded and town_of(self.graph, r["id"]) in towns]
        self.tx.add_layers(self.graph, wanted)
        self.loaded.update(wanted)

    def partial(self) -> Partial:
        """What :func:`kg.extraction.entities.derive_entities` resolves again: the towns of
        the reports loaded or removed (whose lexical layers are in the graph, or whose
        entities may go)."""
        places = report_places(self.graph, [r for r in self.loaded if r in self.graph])
        within = {p.scope for p in places.values()}
        within |= {self.before_places[r].scope for r in self.removed if r in self.before_places}
        self.resolved = Partial(self.before, self.before_places, within)
        return self.resolved

    def widen(self, graph: nx.MultiDiGraph, edges: dict[tuple[str, str], dict]) -> set[str | None]:
        """The towns whose reports' MENTIONS changed, or whose derivation sees an entity
        or entity relationship that changed, judged against the store; their lexical
        layers are loaded and given their MENTIONS (``edges``: those of the reports of the
        towns resolved again, :attr:`Partial.within`; another report's are the store's,
        its resolution unchanged)."""
        resolved = self.resolved
        assert resolved is not None  # partial() is called first
        places = report_places(graph, [n for n, _ in nodes_of(graph, "Report")])
        within = {r for r, p in places.items() if p.scope in resolved.within}
        by_report: dict[str, list] = defaultdict(list)
        for (sentence, entity), properties in edges.items():
            report = sentence.split(":", 1)[0]
            if report in within:
                data = {k: v for k, v in properties.items() if v is not None}
                data["type"] = "MENTIONS"
                by_report[report].append([sentence, "MENTIONS", entity, data])
        changed_reports = {r for r in within if links_digest(by_report.get(r, [])) != self.stored.links.get(r)}
        # The entities made again or dropped, and those a report's removal took with it.
        candidates = resolved.entities | {e for e in self.stored.entities if e not in graph}
        entities, entity_edges = entity_rows(graph, candidates)
        changed = {e for e in candidates if entities.get(e) != self.stored.entities.get(e)}
        stored_edges = {key: row for key, row in self.stored.edges.items() if key[0] in candidates}
        for key in entity_edges.keys() | stored_edges.keys():
            if entity_edges.get(key) != stored_edges.get(key):
                # A town's derivation sees a relationship only with its start (town_graph):
                # a town whose reports mention the start, or mention what the start is a part of.
                changed.add(key[0])
        # A town's derivation sees the wholes, lines and places of what it mentions (town_graph).
        changed |= {start for start, _, end in self.stored.edges if end in changed}
        changed |= {
            start
            for end in list(changed)
            if end in graph
            for start, _, _ in graph.in_edges(end, keys=True)
            if table_of(graph.nodes[start].get("label")) == "entities"
        }
        if changed:
            changed_reports |= self.tx.reports_about(changed)
            changed_reports |= {s.split(":", 1)[0] for s, e in edges if e in changed}
        towns = {town_of(graph, r) for r in changed_reports if r in graph}
        # A report's own town is in its town's derivation whether or not it is mentioned.
        towns |= {t for t in self._towns() if t in changed}
        before = set(self.loaded)
        self.load_towns(towns)
        for (sentence, entity), properties in edges.items():
            report = sentence.split(":", 1)[0]
            if report not in before and report in within and sentence in graph:
                add_edge(graph, sentence, entity, "MENTIONS", **properties)
        # The other towns' reports resolve as they did: their MENTIONS as the store holds them.
        self.tx.add_layers(graph, sorted(self.loaded - before - within), ("links",))
        return towns
