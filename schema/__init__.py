"""The ontology (kg.ttl), its SHACL shapes (shapes.ttl), the Neo4j schema and Browser style
(neo4j/); installed as the package ``kg.schema`` (see kg/resources.py)."""
