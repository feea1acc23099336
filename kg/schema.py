"""The ontology in ``schema/`` and what derives from it: Neo4j labels, relationship
types and constraints.

``schema/neo4j/constraints.cypher`` is generated from ``schema/kg.ttl`` by
``python -m kg.schema`` and checked by a test, so the two never drift apart.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Namespace

DEFAULT_NAMESPACE = "https://kg.example.org/ontology#"


def namespace() -> Namespace:
    return Namespace(os.environ.get("KG_ONTOLOGY_NS", DEFAULT_NAMESPACE))


def schema_dir() -> Path:
    configured = os.environ.get("KG_SCHEMA_DIR")
    return Path(configured) if configured else Path(__file__).resolve().parent.parent / "schema"


@cache
def ontology() -> Graph:
    graph = Graph()
    graph.parse(schema_dir() / "kg.ttl", format="turtle")
    return graph


def _local(uri) -> str:
    return str(uri).rsplit("#", 1)[-1]


def node_labels() -> list[str]:
    """Concrete classes of the ontology (those without subclasses): the Neo4j labels."""
    g = ontology()
    ns = str(Namespace(DEFAULT_NAMESPACE))
    classes = {c for c in g.subjects(RDF.type, OWL.Class) if str(c).startswith(ns)}
    abstract = {o for s, o in g.subject_objects(RDFS.subClassOf) if s in classes and o in classes}
    return sorted(_local(c) for c in classes - abstract)


def relationship_types() -> list[str]:
    g = ontology()
    return sorted(str(o) for o in g.objects(None, Namespace(DEFAULT_NAMESPACE).neo4jType))


def _snake(label: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", label).lower()


def constraint_statements() -> list[str]:
    """One uniqueness constraint on ``id`` per node label."""
    return [
        f"CREATE CONSTRAINT {_snake(label)}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE;"
        for label in node_labels()
    ]


def constraints_cypher() -> str:
    header = "// Generated from schema/kg.ttl by `python -m kg.schema`; do not edit by hand.\n"
    return header + "\n".join(constraint_statements()) + "\n"


def read_cypher_statements(path: Path) -> list[str]:
    """The statements of a .cypher file (``//`` comments dropped, split on ``;``)."""
    text = "\n".join(line for line in path.read_text("utf-8").splitlines() if not line.strip().startswith("//"))
    return [s.strip() for s in text.split(";") if s.strip()]


def constraints_file() -> Path:
    return schema_dir() / "neo4j" / "constraints.cypher"


if __name__ == "__main__":
    constraints_file().parent.mkdir(parents=True, exist_ok=True)
    constraints_file().write_text(constraints_cypher(), "utf-8")
    print(f"wrote {constraints_file()}")
