"""Sinks: the graph written elsewhere — files (GraphML, JSON, CSV, Cypher), RDF, and
Neo4j (the push, connection settings, canned queries).

Sinks read the graph as it is; they do not re-derive facts.
"""
