"""What a build needs of the ontology — the entity classes, the class groups and the
commitment statuses — without parsing it: :mod:`kg.graph.ontology` makes them from
``schema/kg.ttl`` with rdflib once, and they are kept in kg's cache keyed by the file's
bytes (:func:`kg.resources.cached`), so an edited ontology is read again. Importing rdflib
and parsing the Turtle cost every ``kg build`` about a second, most of adding one report
to a large store besides the report's own work.

>>> "MetroStation" in entity_labels() and "Sentence" not in entity_labels()
True
>>> sorted(class_group("CityScoped"))
['District', 'Indicator', 'MetroLine', 'MetroStation', 'Town']
>>> statuses()[0]
'DELIVERED'
"""

from __future__ import annotations

from functools import cache
from typing import Any

from kg.resources import cached, schema_dir


def vocabulary() -> dict[str, Any]:
    """The ontology's entity classes, class groups and statuses, made from it (rdflib)."""
    from kg.graph import ontology

    return {
        "entity_labels": ontology.entity_labels(),
        "class_groups": {name: ontology.class_group(name) for name in ontology.class_group_names()},
        "statuses": ontology.statuses(),
    }


@cache
def _vocabulary() -> dict[str, Any]:
    return cached("vocabulary", (schema_dir() / "kg.ttl").read_bytes(), vocabulary)


def entity_labels() -> tuple[str, ...]:
    """:func:`kg.graph.ontology.entity_labels`."""
    return _vocabulary()["entity_labels"]


def class_group(group: str) -> frozenset[str]:
    """:func:`kg.graph.ontology.class_group`."""
    groups = _vocabulary()["class_groups"]
    if group not in groups:
        raise KeyError(f"no class group {group!r} in the ontology")
    return groups[group]


def statuses() -> tuple[str, ...]:
    """:func:`kg.graph.ontology.statuses`."""
    return _vocabulary()["statuses"]


__all__ = ["class_group", "entity_labels", "statuses", "vocabulary"]
