"""The graph as RDF in the ontology's terms, with PROV-O provenance and OWL-Time periods.

Every node becomes a resource typed by its ontology class, every key a property named
by the ontology's ``kg:neo4jProperty`` annotations (node-id keys become links), every
relationship the object property of its ``kg:neo4jType``. Provenance: an entity is
``prov:wasDerivedFrom`` each sentence that mentions it, with a ``prov:Derivation``
carrying the surface text and offsets; a sentence, section or part is ``kg:inReport``
(a sub-property of ``prov:wasDerivedFrom``) its report. Periods (``review_start``…)
become ``time:Interval`` resources with ``time:Instant`` ends. The result validates
against ``schema/shapes.ttl`` (a test checks it with pyshacl), and so does that of any
subgraph :func:`kg.graph.subgraph.select` chooses, which it closes under provenance.
A subgraph that leaves provenance out on purpose (``--no-text``, ``--types``) cannot
validate; its RDF says so in the data: the data namespace, a ``void:Dataset``, gets an
``rdfs:comment`` that names what is missing, for whoever reads the file without the
command's warning.

>>> from kg.graph.model import new_graph, add_node
>>> g = new_graph()
>>> add_node(g, "district:上海市/宝山区", "District", name="宝山区", aliases=[])
>>> rdf = to_rdf(g)
>>> len(rdf) > 0
True
"""

from __future__ import annotations

import io
import json
import os
import re

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, SKOS, TIME, VOID, split_uri
from rdflib.plugins.serializers.turtle import TurtleSerializer

from kg.graph.ontology import (
    _KG,
    namespace,
    period_prefixes,
    property_for_key,
    property_for_relationship,
)

DEFAULT_DATA_NAMESPACE = "https://kg.example.org/id/"
RDF_FORMATS = {"ttl": "turtle", "jsonld": "json-ld"}

# Characters an IRI may not hold, and those that would change its meaning (#, ?, %).
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|\\^`#?%]')


def data_namespace() -> str:
    """Where node IRIs live (a setting: ``KG_DATA_NS``)."""
    return os.environ.get("KG_DATA_NS", DEFAULT_DATA_NAMESPACE)


def node_iri(node_id: str, base: str | None = None) -> URIRef:
    """An IRI for a graph id; Chinese stays readable, unsafe characters are %-escaped.

    >>> str(node_iri("town:上海市/宝山区/庙行镇", "https://x.org/id/"))
    'https://x.org/id/town:上海市/宝山区/庙行镇'
    >>> str(node_iri("a b#c", "https://x.org/id/"))
    'https://x.org/id/a%20b%23c'
    """
    escaped = _IRI_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), node_id)
    return URIRef((base or data_namespace()) + escaped)


class _Terms:
    """Ontology terms rebased onto the export namespace (``KG_ONTOLOGY_NS``), and node
    IRIs under the data namespace."""

    def __init__(self, base: str | None) -> None:
        self.ns = namespace()
        self.base = base or data_namespace()
        # A node's IRI is needed for each of its properties and relationships, a term for
        # every triple: each is made once.
        self._nodes: dict[str, URIRef] = {}
        self._terms: dict[URIRef, URIRef] = {}

    def node(self, node_id: str) -> URIRef:
        iri = self._nodes.get(node_id)
        if iri is None:
            iri = self._nodes[node_id] = node_iri(node_id, self.base)
        return iri

    def __call__(self, uri: URIRef) -> URIRef:
        rebased = self._terms.get(uri)
        if rebased is None:
            local = str(uri).rsplit("#", 1)[-1]
            rebased = self._terms[uri] = self.ns[local] if str(uri).startswith(str(_KG)) else uri
        return rebased


def _literal(value, datatype: URIRef | None) -> Literal:
    if datatype in (None, XSD.string):
        return Literal(str(value))
    if datatype == XSD.date:
        return Literal(str(value), datatype=XSD.date)
    return Literal(value, datatype=datatype)


def to_rdf(graph: nx.MultiDiGraph, base: str | None = None) -> Graph:
    """The whole ``graph`` as an rdflib Graph (see the module docstring)."""
    term = _Terms(base)
    rdf = Graph()
    rdf.bind("kg", term.ns)
    rdf.bind("kgid", Namespace(term.base))
    rdf.bind("prov", PROV)
    rdf.bind("time", TIME)
    rdf.bind("skos", SKOS)
    prefixes = period_prefixes()

    for node_id, data in graph.nodes(data=True):
        subject = term.node(node_id)
        rdf.add((subject, RDF.type, term(_KG[data["label"]])))
        for key, value in data.items():
            if key == "label" or value is None:
                continue
            prefix, _, end = key.rpartition("_")
            if end in ("start", "end") and prefix in prefixes:
                continue  # written as an interval below
            prop = property_for_key(key)
            for item in value if isinstance(value, list) else [value]:
                obj = term.node(item) if prop.is_object else _literal(item, prop.datatype)
                rdf.add((subject, term(prop.uri), obj))
        if "name" in data and data["label"] not in ("Report", "Part", "Section", "Sentence"):
            rdf.add((subject, RDFS.label, Literal(data["name"], lang="zh")))
            for alias in data.get("aliases", []):
                rdf.add((subject, SKOS.altLabel, Literal(alias, lang="zh")))
        for prefix, period_property in prefixes.items():
            start, end = data.get(f"{prefix}_start"), data.get(f"{prefix}_end")
            if start and end:
                rdf.add((subject, term(period_property), _interval(rdf, f"{term.node(node_id)}#{prefix}", start, end)))

    if graph.graph.get("closed") is False:
        _state_not_closed(rdf, term, graph.graph.get("lacking", []))

    for start, end, data in graph.edges(data=True):
        rel_type = data["type"]
        s, o = term.node(start), term.node(end)
        predicate = term(property_for_relationship(rel_type))
        rdf.add((s, predicate, o))
        properties = {k: v for k, v in data.items() if k != "type" and v is not None}
        if rel_type == "MENTIONS":
            _add_mention(rdf, term, entity=o, sentence=s, properties=properties)
        elif properties:
            _add_statement(rdf, term, s, predicate, o, properties)
    return rdf


def not_closed_note(lacking: list[str]) -> str:
    """What an export that is not closed under provenance says of itself.

    >>> not_closed_note(["a", "b"])[:60]
    "Not closed under provenance: 2 nodes lack what kg's SHACL sh"
    """
    return (
        f"Not closed under provenance: {len(lacking)} nodes lack what kg's SHACL shapes (shapes.ttl) require "
        "(the sentences an entity or claim comes from, a report's parts…), left out on purpose "
        "(--no-text, --types); this graph does not validate against the shapes."
    )


def _state_not_closed(rdf: Graph, term: _Terms, lacking: list[str]) -> None:
    dataset = URIRef(term.base)
    rdf.bind("void", VOID)
    rdf.add((dataset, RDF.type, VOID.Dataset))
    rdf.add((dataset, RDFS.comment, Literal(not_closed_note(lacking), lang="en")))


def _interval(rdf: Graph, iri: str, start: str, end: str) -> URIRef:
    interval = URIRef(iri)
    rdf.add((interval, RDF.type, TIME.Interval))
    for which, date in ((TIME.hasBeginning, start), (TIME.hasEnd, end)):
        instant = URIRef(f"{iri}-{'start' if which == TIME.hasBeginning else 'end'}")
        rdf.add((interval, which, instant))
        rdf.add((instant, RDF.type, TIME.Instant))
        rdf.add((instant, TIME.inXSDDate, Literal(date, datatype=XSD.date)))
    return interval


def _add_mention(rdf: Graph, term: _Terms, entity: URIRef, sentence: URIRef, properties: dict) -> None:
    """PROV-O's qualified derivation: the entity was derived from the sentence, and the
    derivation records where in the sentence and by which rule."""
    rdf.add((entity, PROV.wasDerivedFrom, sentence))
    derivation = URIRef(f"{entity}#from-{str(sentence).rsplit('/', 1)[-1]}")
    rdf.add((entity, PROV.qualifiedDerivation, derivation))
    rdf.add((derivation, RDF.type, PROV.Derivation))
    rdf.add((derivation, PROV.entity, sentence))
    _add_properties(rdf, term, derivation, properties)


def _add_statement(rdf: Graph, term: _Terms, s: URIRef, predicate: URIRef, o: URIRef, properties: dict) -> None:
    """Properties of any other relationship, on a reified rdf:Statement."""
    statement = URIRef(f"{s}#{predicate.rsplit('#', 1)[-1]}-{str(o).rsplit('/', 1)[-1]}")
    rdf.add((statement, RDF.type, RDF.Statement))
    rdf.add((statement, RDF.subject, s))
    rdf.add((statement, RDF.predicate, predicate))
    rdf.add((statement, RDF.object, o))
    _add_properties(rdf, term, statement, properties)


def _add_properties(rdf: Graph, term: _Terms, subject: URIRef, properties: dict) -> None:
    for key, value in properties.items():
        prop = property_for_key(key)
        for item in value if isinstance(value, list) else [value]:
            rdf.add((subject, term(prop.uri), term.node(item) if prop.is_object else _literal(item, prop.datatype)))


def serialize(graph: nx.MultiDiGraph, fmt: str) -> str:
    """``graph`` as Turtle (``ttl``) or JSON-LD (``jsonld``)."""
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")
    rdf = to_rdf(graph)
    if fmt == "jsonld":
        # rdflib's compaction drops a literal 0 (a falsy value), so the graph is written
        # expanded, with the prefixes as a context that readers may use to compact it.
        context = {
            prefix: str(ns)
            for prefix, ns in rdf.namespaces()
            if prefix in ("kg", "kgid", "prov", "time", "skos", "xsd", "rdfs", "void")
        }
        expanded = json.loads(rdf.serialize(format="json-ld"))
        return json.dumps({"@context": context, "@graph": expanded}, ensure_ascii=False, indent=1)
    return turtle(rdf)


class _Turtle(TurtleSerializer):
    """rdflib's Turtle writer, told up front which node IRIs have no prefixed name.

    rdflib asks its namespace manager for a prefixed name of every IRI each time it
    writes it. Under the data namespace nearly every IRI (``kgid:town:上海市/宝山区/庙行镇``,
    a sentence's ``…:p1:s3``) splits into a namespace of its own that no prefix names;
    the manager files each such namespace in a trie whose every insertion scans the
    namespaces of its level, so the 46,000 IRIs of the five sample reports took most of
    the export's time (13 of 18 s wall). Such an IRI gets no prefixed name from rdflib
    whatever it does (``split_uri``'s namespace has no prefix, and none is made for a
    subject or object), so it is answered None here, once per IRI; every other IRI is
    rdflib's to name. The triples and the text are those rdflib writes
    (tests/test_rdf.py; bench/bench_rdf.py measures the gain)."""

    def __init__(self, store: Graph, data: str) -> None:
        super().__init__(store)
        # A bound namespace inside the data namespace could name such an IRI: then
        # every IRI is left to rdflib.
        inside = any(str(ns).startswith(data) and str(ns) != data for _, ns in store.namespaces())
        self._data = None if inside else data
        self._names: dict[tuple[URIRef, bool], str | None] = {}

    def get_pname(self, uri, gen_prefix: bool = True) -> str | None:
        # Each IRI is written several times (as it is met, as subject, as object): its
        # name is found once. The namespaces a name uses are all recorded by then, as
        # rdflib finds every name before it writes the prefixes.
        if not isinstance(uri, URIRef):
            return None
        key = (uri, gen_prefix)
        if key in self._names:
            return self._names[key]
        name = None
        if not self._unnamed(uri):
            name = super().get_pname(uri, gen_prefix)
        self._names[key] = name
        return name

    def _unnamed(self, uri) -> bool:
        if self._data is None or not isinstance(uri, URIRef) or not uri.startswith(self._data):
            return False
        try:
            namespace = split_uri(uri)[0]
        except ValueError:  # rdflib then tries the whole IRI as a namespace
            namespace = str(uri)
        return namespace != self._data


def turtle(rdf: Graph) -> str:
    """``rdf`` as Turtle, as ``rdf.serialize(format="turtle")`` writes it, in a fraction
    of its time (:class:`_Turtle`)."""
    data = next((str(ns) for prefix, ns in rdf.namespaces() if prefix == "kgid"), None)
    if data is None:
        return rdf.serialize(format="turtle")
    stream = io.BytesIO()
    _Turtle(rdf, data).serialize(stream, encoding="utf-8")
    return stream.getvalue().decode("utf-8")
