"""The ontology in ``schema/`` and what derives from it: Neo4j labels, relationship
types, property keys, constraints and indexes.

``schema/neo4j/schema.cypher`` is generated from ``schema/kg.ttl`` by
``python -m kg.graph.ontology`` and checked by a test, so the two never drift apart. The SHACL
shapes (``schema/shapes.ttl``) are checked against the ontology by tests too.

>>> "MetroStation" in node_labels()
True
>>> property_for_key("aliases").local
'alias'
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

from kg.resources import schema_dir

DEFAULT_NAMESPACE = "https://kg.example.org/ontology#"
_KG = Namespace(DEFAULT_NAMESPACE)  # the names in schema/kg.ttl, whatever the export namespace


def namespace() -> Namespace:
    """The namespace of exported RDF terms (a setting: ``KG_ONTOLOGY_NS``)."""
    return Namespace(os.environ.get("KG_ONTOLOGY_NS", DEFAULT_NAMESPACE))


@cache
def ontology() -> Graph:
    graph = Graph()
    graph.parse(schema_dir() / "kg.ttl", format="turtle")
    return graph


@cache
def shapes() -> Graph:
    graph = Graph()
    graph.parse(schema_dir() / "shapes.ttl", format="turtle")
    return graph


def _local(uri) -> str:
    return str(uri).rsplit("#", 1)[-1]


def _classes() -> set[URIRef]:
    g = ontology()
    return {URIRef(str(c)) for c in g.subjects(RDF.type, OWL.Class) if str(c).startswith(DEFAULT_NAMESPACE)}


def _concrete_classes() -> set[URIRef]:
    g, classes = ontology(), _classes()
    abstract = {o for s, o in g.subject_objects(RDFS.subClassOf) if s in classes and o in classes}
    return classes - abstract


def node_labels() -> list[str]:
    """Concrete classes of the ontology (those without subclasses): the Neo4j labels."""
    return sorted(_local(c) for c in _concrete_classes())


def labels_under(class_name: str) -> list[str]:
    """Concrete classes that are ``class_name`` or its (transitive) subclasses."""
    g, root = ontology(), _KG[class_name]
    return sorted(_local(c) for c in _concrete_classes() if root in g.transitive_objects(c, RDFS.subClassOf))


@cache
def entity_labels() -> tuple[str, ...]:
    """The entity classes (concrete classes under ``kg:Entity``): what mentions name.

    >>> "MetroStation" in entity_labels() and "Sentence" not in entity_labels()
    True
    """
    return tuple(labels_under("Entity"))


def class_group_names() -> list[str]:
    """The class groups of the ontology (``kg:classGroups``), by their notation."""
    g = ontology()
    return sorted(str(g.value(c, SKOS.notation)) for c in g.subjects(SKOS.inScheme, _KG.classGroups))


@cache
def class_group(group: str) -> frozenset[str]:
    """The classes of a class group (``kg:classGroups``: ``CityScoped``, ``Container``,
    ``NamedPlace``), by their ``kg:inClassGroup`` annotations.

    >>> sorted(class_group("CityScoped"))
    ['District', 'Indicator', 'MetroLine', 'MetroStation', 'Town']
    """
    g = ontology()
    concept = next((c for c in g.subjects(SKOS.inScheme, _KG.classGroups) if str(g.value(c, SKOS.notation)) == group), None)
    if concept is None:
        raise KeyError(f"no class group {group!r} in the ontology")
    return frozenset(_local(c) for c in g.subjects(_KG.inClassGroup, concept))


@cache
def statuses() -> tuple[str, ...]:
    """The commitment statuses (``skos:notation``) in display order (``kg:deliveryStatusOrder``).

    >>> statuses()
    ('DELIVERED', 'IN_PROGRESS', 'STALLED', 'NOT_REPORTED', 'AWAITING_FOLLOW_UP')
    """
    from rdflib.collection import Collection

    g = ontology()
    head = g.value(_KG.deliveryStatusOrder, SKOS.memberList)
    assert head is not None, "the ontology orders its statuses (kg:deliveryStatusOrder)"
    members = Collection(g, head)
    return tuple(str(g.value(concept, SKOS.notation)) for concept in members)


@cache
def status_names(lang: str = "en") -> dict[str, str]:
    """Status → its ``skos:prefLabel`` in a language, for people to read.

    >>> status_names()["NOT_REPORTED"], status_names("zh")["NOT_REPORTED"]
    ('not reported', '未见报告')
    """
    g = ontology()
    return {
        str(g.value(c, SKOS.notation)): next(
            str(v) for v in g.objects(c, SKOS.prefLabel) if isinstance(v, Literal) and v.language == lang
        )
        for c in g.subjects(SKOS.inScheme, _KG.deliveryStatuses)
    }


@cache  # asked once per commitment by the push and the exports
def status_labels() -> dict[str, str]:
    """Commitment status (its ``skos:notation``) → the extra Neo4j label that Browser's
    style sheet colours.

    >>> status_labels()["AWAITING_FOLLOW_UP"]
    'AwaitingFollowUp'
    """
    g = ontology()
    return {
        str(g.value(concept, SKOS.notation)): str(g.value(concept, _KG.neo4jLabel))
        for concept in g.subjects(SKOS.inScheme, _KG.deliveryStatuses)
    }


def neo4j_labels(data: dict) -> list[str]:
    """A node's Neo4j labels: its class and, for a commitment, its status's label.

    >>> neo4j_labels({"label": "Commitment", "status": "DELIVERED"})
    ['Commitment', 'Delivered']
    """
    status = data.get("status")
    extra = status_labels().get(status) if status and data.get("label") == "Commitment" else None
    return [data["label"], extra] if extra else [data["label"]]


def relationship_types() -> list[str]:
    return sorted(str(o) for o in ontology().objects(None, _KG.neo4jType))


def property_for_relationship(rel_type: str) -> URIRef:
    """The object property whose Neo4j relationship type is ``rel_type``."""
    found = [s for s, o in ontology().subject_objects(_KG.neo4jType) if str(o) == rel_type]
    if len(found) != 1:
        raise KeyError(f"relationship type {rel_type!r} is not declared once in the ontology")
    return URIRef(str(found[0]))


@dataclass(frozen=True)
class PropertyTerm:
    """How one graph key maps to the ontology: the property, whether its values are
    node ids (an object property) and the datatype of its literals."""

    key: str
    uri: URIRef
    is_object: bool
    datatype: URIRef | None

    @property
    def local(self) -> str:
        return _local(self.uri)


@cache
def property_terms() -> dict[str, PropertyTerm]:
    """Graph key → ontology property, from ``kg:neo4jProperty`` annotations."""
    g = ontology()
    terms = {}
    for prop, key in g.subject_objects(_KG.neo4jProperty):
        if str(key) in terms:
            raise ValueError(f"key {key!r} is declared by two properties")
        terms[str(key)] = PropertyTerm(
            key=str(key),
            uri=URIRef(str(prop)),
            is_object=(prop, RDF.type, OWL.ObjectProperty) in g,
            datatype=URIRef(str(g.value(prop, RDFS.range))) if (prop, RDF.type, OWL.DatatypeProperty) in g else None,
        )
    return terms


def property_for_key(key: str) -> PropertyTerm:
    try:
        return property_terms()[key]
    except KeyError:
        raise KeyError(f"graph key {key!r} is not declared in the ontology (kg:neo4jProperty)") from None


@cache
def period_prefixes() -> dict[str, URIRef]:
    """``prefix`` → property, for periods kept as ``<prefix>_start``/``<prefix>_end`` keys."""
    return {str(prefix): URIRef(str(prop)) for prop, prefix in ontology().subject_objects(_KG.neo4jPeriodPrefix)}


def _snake(label: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", label).lower()


def constraint_statements() -> list[str]:
    """One uniqueness constraint on ``id`` per node label."""
    return [
        f"CREATE CONSTRAINT {_snake(label)}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE;" for label in node_labels()
    ]


@dataclass(frozen=True)
class FullTextIndex:
    name: str
    labels: tuple[str, ...]
    keys: tuple[str, ...]
    analyzer: str


def fulltext_indexes() -> list[FullTextIndex]:
    """The full-text indexes the ontology asks for (``kg:neo4jFullTextIndex`` on a
    property): over the property's key, on every concrete class of its domain."""
    g = ontology()
    analyzer = str(g.value(URIRef(DEFAULT_NAMESPACE.rstrip("#")), _KG.neo4jFullTextAnalyzer) or "standard-no-stop-words")
    grouped: dict[str, list[URIRef]] = {}
    for prop, index_name in g.subject_objects(_KG.neo4jFullTextIndex):
        grouped.setdefault(str(index_name), []).append(URIRef(str(prop)))
    indexes = []
    for name, props in sorted(grouped.items()):
        domains = {g.value(p, RDFS.domain) for p in props}
        if len(domains) != 1 or None in domains:
            raise ValueError(f"full-text index {name}: its properties must share one rdfs:domain")
        labels = tuple(labels_under(_local(domains.pop())))
        keys = tuple(sorted(str(g.value(p, _KG.neo4jProperty)) for p in props))
        indexes.append(FullTextIndex(name, labels, keys, analyzer))
    return indexes


@dataclass(frozen=True)
class RangeIndex:
    name: str
    label: str
    key: str


def range_indexes() -> list[RangeIndex]:
    """The range indexes the ontology asks for (``kg:neo4jRangeIndexOn C`` on a
    property): over the property's key, on every concrete class under C. They back the
    canned queries' lookups (a town by name, a report's claims)."""
    g = ontology()
    found = set()
    for prop, cls in g.subject_objects(_KG.neo4jRangeIndexOn):
        key = str(g.value(prop, _KG.neo4jProperty))
        for label in labels_under(_local(cls)):
            found.add(RangeIndex(f"{_snake(label)}_{key}", label, key))
    return sorted(found, key=lambda i: i.name)


def index_statements() -> list[str]:
    statements = [
        f"CREATE INDEX {index.name} IF NOT EXISTS FOR (n:{index.label}) ON (n.{index.key});" for index in range_indexes()
    ]
    for index in fulltext_indexes():
        labels = "|".join(index.labels)
        keys = ", ".join(f"n.{key}" for key in index.keys)
        statements.append(
            f"CREATE FULLTEXT INDEX {index.name} IF NOT EXISTS FOR (n:{labels}) ON EACH [{keys}] "
            f"OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{index.analyzer}'}}}};"
        )
    return statements


def schema_cypher() -> str:
    header = (
        "// Generated from schema/kg.ttl by `python -m kg.graph.ontology`; do not edit by hand.\n"
        "// Uniqueness on id for every label, then range and full-text indexes.\n"
    )
    return header + "\n".join(constraint_statements() + index_statements()) + "\n"


def read_cypher_statements(path: Path) -> list[str]:
    """The statements of a .cypher file (``//`` comments dropped, split on ``;``)."""
    text = "\n".join(line for line in path.read_text("utf-8").splitlines() if not line.strip().startswith("//"))
    return [s.strip() for s in text.split(";") if s.strip()]


def schema_file() -> Path:
    return schema_dir() / "neo4j" / "schema.cypher"


if __name__ == "__main__":
    schema_file().parent.mkdir(parents=True, exist_ok=True)
    schema_file().write_text(schema_cypher(), "utf-8")
    print(f"wrote {schema_file()}")
