from rdflib import RDFS, Literal

from kg.schema import constraints_cypher, constraints_file, namespace, node_labels, ontology, relationship_types

DESIGN_CLASSES = {
    "District", "Town", "Village", "Road", "River", "Park", "MetroLine", "MetroStation", "Parcel",
    "IndustrialPark", "Facility", "Project", "Company", "Institution", "Initiative", "Indicator",
    "Report", "Part", "Section", "Sentence", "Commitment", "Progress", "IndicatorValue",
}


def test_constraints_file_is_generated_from_the_ontology():
    assert constraints_file().read_text("utf-8") == constraints_cypher()


def test_every_design_class_is_a_label_with_english_and_chinese_labels():
    assert set(node_labels()) == DESIGN_CLASSES
    g, kg = ontology(), namespace()
    for name in DESIGN_CLASSES:
        languages = {label.language for label in g.objects(kg[name], RDFS.label) if isinstance(label, Literal)}
        assert {"en", "zh"} <= languages, name


def test_design_relationship_types():
    assert {"MENTIONS", "STATED_IN", "ABOUT", "FOLLOWED_UP_BY", "RECOMMITTED_AS", "MEASURED_BY",
            "LOCATED_IN", "PART_OF", "ON_LINE"} <= set(relationship_types())
