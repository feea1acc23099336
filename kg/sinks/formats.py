"""The registry of export formats: each format's name, what it is for, and its writer.

``kg export subgraph --format NAME`` and :func:`write_subgraph` take their formats from
:data:`FORMATS` and nowhere else, so that adding a format is one entry here.

>>> sorted(FORMATS)
['csv', 'cypher', 'graphml', 'html', 'json', 'jsonld', 'ttl']
>>> FORMATS["csv"].several_files
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from kg.errors import KgError
from kg.output import STDOUT, check_writable, write_files, write_text
from kg.sinks import files, rdf
from kg.views import graph_page


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    # (graph, title) → the text of one file, or {file name: text} for several files
    write: Callable[[nx.MultiDiGraph, str], str | dict[str, str]]
    several_files: bool = False


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("graphml", "GraphML (Gephi, yEd, igraph)", lambda g, _: files.to_graphml(g)),
        Format("json", "node-link JSON (networkx, D3)", lambda g, _: files.to_json(g)),
        Format(
            "csv",
            "CSV files for neo4j-admin database import (a folder, or a .zip)",
            lambda g, _: files.to_admin_csv(g),
            several_files=True,
        ),
        Format("cypher", "a Cypher script of MERGE statements", lambda g, _: files.to_cypher(g)),
        Format(
            "ttl", "RDF Turtle with PROV-O provenance (validates against schema/shapes.ttl)", lambda g, _: rdf.serialize(g, "ttl")
        ),
        Format("jsonld", "RDF JSON-LD with PROV-O provenance", lambda g, _: rdf.serialize(g, "jsonld")),
        Format("html", "a self-contained interactive page", lambda g, title: graph_page.to_html(g, title=title)),
    )
}


def write_subgraph(graph: nx.MultiDiGraph, fmt: str, output: str, force: bool = False, title: str = "kg") -> str:
    """Write ``graph`` in format ``fmt`` to ``output`` (a file, ``-``, or for a format of
    several files a folder or ``.zip``); returns what was done, for the command to tell."""
    if fmt not in FORMATS:
        raise KgError(f"no export format '{fmt}' (one of {', '.join(sorted(FORMATS))})")
    chosen = FORMATS[fmt]
    if chosen.several_files:
        if output == STDOUT:
            raise KgError(f"{fmt} is several files: give -o FOLDER or -o FILE.zip")
        check_writable(output, force)  # before the work of writing them
        written = chosen.write(graph, title)
        assert isinstance(written, dict)
        return write_files(written, output, force) + " (load it with import.sh: neo4j-admin database import)"
    text = chosen.write(graph, title)
    assert isinstance(text, str)
    return write_text(text, output, force)
