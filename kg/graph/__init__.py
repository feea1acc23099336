"""The graph and its store: the plain networkx graph in the ontology's terms
(:mod:`~kg.graph.model`), the vocabulary derived from the ontology
(:mod:`~kg.graph.ontology`; node ids are built in :mod:`kg.ids`), choosing a part of the
graph (:mod:`~kg.graph.subgraph`) and the embedded SQLite store
(:mod:`~kg.graph.store`).

Every stage writes into, and every sink and view reads from, this one model; this
package imports nothing of the stages above it.
"""
