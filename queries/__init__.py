"""The canned Cypher queries; installed as the package ``kg.queries`` (see kg/resources.py)."""
