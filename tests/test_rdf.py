"""The RDF export: in the ontology's terms, with provenance, valid against the shapes."""

import json

import pyshacl
import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib import namespace as ns
from rdflib.compare import isomorphic

from kg.graph.model import add_edge, add_node, new_graph
from kg.graph.ontology import ontology, shapes
from kg.sinks.rdf import node_iri, serialize, to_rdf

from .test_cli import run

KG = Namespace("https://kg.example.org/ontology#")


def _validate(rdf: Graph):
    conforms, _, text = pyshacl.validate(rdf, shacl_graph=shapes(), ont_graph=ontology(), inference="none")
    return conforms, text


def test_the_sample_graph_validates_against_the_shapes(sample_graph):
    conforms, text = _validate(to_rdf(sample_graph))
    assert conforms, text


def test_every_node_becomes_a_typed_resource(sample_graph):
    rdf = to_rdf(sample_graph)
    for node, data in sample_graph.nodes(data=True):
        assert (node_iri(node), RDF.type, KG[data["label"]]) in rdf


def test_mentions_carry_prov_derivations_with_offsets(sample_graph):
    rdf = to_rdf(sample_graph)
    sentence, entity, edge = next(
        (s, e, d)
        for s, e, d in sample_graph.edges(data=True)
        if d["type"] == "MENTIONS" and sample_graph.nodes[e]["name"] == "呼兰路站"
    )
    subject, source = node_iri(entity), node_iri(sentence)
    assert (subject, ns.PROV.wasDerivedFrom, source) in rdf
    (derivation,) = [d for d in rdf.objects(subject, ns.PROV.qualifiedDerivation) if (d, ns.PROV.entity, source) in rdf]
    assert rdf.value(derivation, KG.text) == Literal(edge["text"])
    assert rdf.value(derivation, KG.startOffset).toPython() == edge["start"]
    assert (source, KG.inReport, node_iri(sample_graph.nodes[sentence]["report"])) in rdf


def test_periods_are_owl_time_intervals(sample_graph):
    rdf = to_rdf(sample_graph)
    report = next(n for n, d in sample_graph.nodes(data=True) if d["label"] == "Report" and d["date"] == "2023-07-26")
    interval = rdf.value(node_iri(report), KG.reviewPeriod)
    assert (interval, RDF.type, ns.TIME.Interval) in rdf
    start = rdf.value(rdf.value(interval, ns.TIME.hasBeginning), ns.TIME.inXSDDate)
    end = rdf.value(rdf.value(interval, ns.TIME.hasEnd), ns.TIME.inXSDDate)
    assert (start, end) == (Literal("2023-01-01", datatype=ns.XSD.date), Literal("2023-06-30", datatype=ns.XSD.date))


def test_shapes_reject_what_a_node_must_carry():
    g = new_graph()
    add_node(g, "town:上海市/宝山区/庙行镇", "Town", name="庙行镇", aliases=[])
    add_node(g, "village:上海市/宝山区/庙行镇/场北村", "Village", name="", aliases=[])  # no name, no town, no source
    add_node(g, "r1", "Report", title="t", source="x.txt", sha256="not-a-hash")
    conforms, text = _validate(to_rdf(g))
    assert not conforms
    for problem in ("kg:name", "kg:locatedIn", "prov:wasDerivedFrom", "kg:sha256", "kg:hasPart"):
        assert problem in text, problem


def test_relationship_properties_other_than_mentions_are_reified():
    g = new_graph()
    add_node(g, "c1", "Commitment", text="完成验收", status="DELIVERED")
    add_node(g, "p1", "Progress", text="已完成验收")
    add_edge(g, "c1", "p1", "FOLLOWED_UP_BY", score=0.9)
    rdf = to_rdf(g)
    (statement,) = rdf.subjects(RDF.type, RDF.Statement)
    assert rdf.value(statement, RDF.subject) == node_iri("c1")
    assert rdf.value(statement, RDF.predicate) == KG.followedUpBy
    assert (node_iri("c1"), KG.followedUpBy, node_iri("p1")) in rdf


def test_unknown_keys_are_refused():
    g = new_graph()
    add_node(g, "x", "Park", name="某公园", aliases=[], colour="green")
    with pytest.raises(KeyError, match="colour"):
        to_rdf(g)


def test_iris_escape_only_what_they_must():
    assert (
        str(node_iri("park:上海市/宝山区/庙行镇/共和 公园#1", "https://x/"))
        == "https://x/park:上海市/宝山区/庙行镇/共和%20公园%231"
    )


def test_turtle_and_json_ld_read_back_to_the_same_graph(sample_graph):
    expected = to_rdf(sample_graph)
    turtle = Graph().parse(data=serialize(sample_graph, "ttl"), format="turtle")
    jsonld = Graph().parse(data=serialize(sample_graph, "jsonld"), format="json-ld")
    assert len(turtle) == len(jsonld) == len(expected)
    assert isomorphic(turtle, expected) and isomorphic(jsonld, expected)


def test_namespaces_are_settings(sample_graph, monkeypatch):
    monkeypatch.setenv("KG_ONTOLOGY_NS", "https://example.net/onto#")
    monkeypatch.setenv("KG_DATA_NS", "https://example.net/data/")
    rdf = to_rdf(sample_graph)
    towns = set(rdf.subjects(RDF.type, URIRef("https://example.net/onto#Town")))
    assert towns and all(str(t).startswith("https://example.net/data/town:") for t in towns)


def test_cli_exports_rdf_that_validates(tmp_path):
    store = str(tmp_path / "s")
    run("build", "--store", store)
    out = tmp_path / "graph.ttl"
    result = run("export", "subgraph", "--format", "ttl", "-o", str(out), "--store", store)
    assert result.exit_code == 0, result.output
    conforms, text = _validate(Graph().parse(out, format="turtle"))
    assert conforms, text
    result = run("export", "subgraph", "--format", "jsonld", "--store", store)
    assert "@context" in json.loads(result.stdout)  # the counts go to stderr


def test_kgs_turtle_is_rdflibs(sample_graph, monkeypatch):
    # kg's writer (kg.sinks.rdf.turtle) only skips rdflib's search for prefixed names
    # that do not exist: the triples are rdflib's, and so is the text. A data namespace
    # with a prefixed-name-friendly id, an odd one and the dataset's own IRI included.
    from kg.sinks.rdf import turtle

    graph = sample_graph.copy()
    add_node(graph, "plain", "Town", name="x", aliases=[])
    add_node(graph, "a b#c:(d).", "Town", name="y", aliases=[])
    graph.graph["closed"], graph.graph["lacking"] = False, ["plain"]
    for base in ("https://kg.example.org/id/", "urn:kg:"):
        monkeypatch.setenv("KG_DATA_NS", base)
        rdf = to_rdf(graph)
        text = turtle(rdf)
        assert text == rdf.serialize(format="turtle")
        assert isomorphic(Graph().parse(data=text, format="turtle"), rdf)
        assert "kgid:plain" in text
    assert serialize(graph, "ttl") == text
