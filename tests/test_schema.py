from rdflib import RDFS, Literal

from kg.graph.ontology import (
    namespace,
    node_labels,
    ontology,
    relationship_types,
    schema_cypher,
    schema_file,
    status_labels,
)

DESIGN_CLASSES = {
    "District",
    "Town",
    "Village",
    "Road",
    "River",
    "Park",
    "MetroLine",
    "MetroStation",
    "Parcel",
    "IndustrialPark",
    "Facility",
    "Project",
    "Company",
    "Institution",
    "Initiative",
    "Indicator",
    "Report",
    "Part",
    "Section",
    "Sentence",
    "Commitment",
    "Progress",
    "IndicatorValue",
}


def test_schema_file_is_generated_from_the_ontology():
    assert schema_file().read_text("utf-8") == schema_cypher()


def test_every_design_class_is_a_label_with_english_and_chinese_labels():
    assert set(node_labels()) == DESIGN_CLASSES
    g, kg = ontology(), namespace()
    for name in DESIGN_CLASSES:
        languages = {label.language for label in g.objects(kg[name], RDFS.label) if isinstance(label, Literal)}
        assert {"en", "zh"} <= languages, name


def test_design_relationship_types():
    assert {
        "MENTIONS",
        "STATED_IN",
        "ABOUT",
        "FOLLOWED_UP_BY",
        "RECOMMITTED_AS",
        "MEASURED_BY",
        "LOCATED_IN",
        "PART_OF",
        "ON_LINE",
    } <= set(relationship_types())


# --- The ontology, the SHACL shapes, the Neo4j schema and the graph stay in step ----------

from rdflib import OWL, RDF, URIRef  # noqa: E402
from rdflib.namespace import SH  # noqa: E402

from kg.graph.ontology import fulltext_indexes, labels_under, property_terms, shapes  # noqa: E402

KG_NS = "https://kg.example.org/ontology#"


def _kg_terms(graph):
    return {t for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(KG_NS)}


def test_every_concrete_class_is_targeted_by_a_shape():
    targeted = {str(c).rsplit("#", 1)[-1] for c in shapes().objects(None, SH.targetClass)}
    assert set(node_labels()) <= targeted


def test_every_term_the_shapes_use_is_declared_in_the_ontology():
    g = ontology()
    declared = {s for s in g.subjects(RDF.type, None) if str(s).startswith(KG_NS)}
    assert _kg_terms(shapes()) - declared == set()


def test_every_entity_class_is_in_the_full_text_index_over_name_and_aliases():
    (index,) = fulltext_indexes()
    assert index.name == "entity_names"
    assert (
        set(index.labels)
        == set(labels_under("Entity"))
        == set(node_labels()) - {"Report", "Part", "Section", "Sentence", "Commitment", "Progress", "IndicatorValue"}
    )
    assert index.keys == ("aliases", "name")
    assert index.analyzer == "cjk"  # Lucene's CJK analyzer: bigrams, so Chinese needs no word list
    assert any(
        "CREATE FULLTEXT INDEX entity_names" in line and "`fulltext.analyzer`: 'cjk'" in line
        for line in schema_file().read_text("utf-8").splitlines()
    )


def test_the_sample_graph_uses_only_ontology_terms(sample_graph):
    labels, types, keys = set(node_labels()), set(relationship_types()), set(property_terms())
    periods = {f"{p}_{end}" for p in ("review", "plan", "period") for end in ("start", "end")}
    for _, data in sample_graph.nodes(data=True):
        assert data["label"] in labels
        assert set(data) - {"label"} - periods <= keys, data["label"]
    for _, _, data in sample_graph.edges(data=True):
        assert data["type"] in types
        assert set(data) - {"type"} <= keys, data["type"]


def test_every_relationship_type_and_key_names_one_property():
    g = ontology()
    for term in property_terms().values():
        assert (term.uri, RDF.type, OWL.ObjectProperty) in g or (term.uri, RDF.type, OWL.DatatypeProperty) in g
    assert len(relationship_types()) == len(set(relationship_types()))


def test_the_browser_style_covers_every_label():
    import re

    grass = (schema_file().parent / "kg.grass").read_text("utf-8")
    styled = set(re.findall(r"^node\.(\w+) \{", grass, re.M))
    assert styled == set(node_labels()) | set(status_labels().values())
    # A node with two labels takes the later rule: status rules come after the class's.
    assert grass.index("node.Commitment {") < min(grass.index(f"node.{x} {{") for x in status_labels().values())


def test_the_status_scheme_lists_exactly_the_tracer_statuses():
    from kg.tracing.trace import STATUSES

    assert set(status_labels()) == set(STATUSES)


def test_the_vocabulary_a_build_reads_is_the_ontologys():
    from kg.graph import ontology, vocab

    assert vocab.entity_labels() == ontology.entity_labels()
    assert vocab.statuses() == ontology.statuses()
    for name in ontology.class_group_names():
        assert vocab.class_group(name) == ontology.class_group(name)
    assert {"CityScoped", "Container", "NamedPlace"} <= set(ontology.class_group_names())


def test_a_build_does_not_import_rdflib():
    import subprocess
    import sys

    from kg.graph import vocab

    vocab.entity_labels()  # the cache made, as the first build of an installation makes it
    code = "import sys, kg.build, kg.cli; print(sorted(m for m in ('rdflib', 'neo4j', 'dask') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
