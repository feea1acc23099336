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
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.output import STDOUT, check_writable, write_files, write_text

if TYPE_CHECKING:
    import networkx as nx

    from kg.graph.store import Store


# The writers are imported when used: the registry is read by every kg command's options.
def _files():
    from kg.sinks import files

    return files


def _rdf():
    from kg.sinks import rdf

    return rdf


def _page(graph: nx.MultiDiGraph, title: str) -> str:
    from kg.views import graph_page

    return graph_page.to_html(graph, title=title)


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
        Format("graphml", "GraphML (Gephi, yEd, igraph)", lambda g, _: _files().to_graphml(g)),
        Format("json", "node-link JSON (networkx, D3)", lambda g, _: _files().to_json(g)),
        Format(
            "csv",
            "CSV files for neo4j-admin database import (a folder, or a .zip)",
            lambda g, _: _files().to_admin_csv(g),
            several_files=True,
        ),
        Format("cypher", "a Cypher script of MERGE statements", lambda g, _: _files().to_cypher(g)),
        Format(
            "ttl",
            "RDF Turtle with PROV-O provenance (validates against kg's SHACL shapes: kg files shapes)",
            lambda g, _: _rdf().serialize(g, "ttl"),
        ),
        Format("jsonld", "RDF JSON-LD with PROV-O provenance", lambda g, _: _rdf().serialize(g, "jsonld")),
        Format("html", "a self-contained interactive page", _page),
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


def write_store_csv(store: Store, output: str, force: bool = False) -> tuple[str, int, int]:
    """The whole store as the csv format's files, streamed from its rows
    (:func:`kg.sinks.files.write_admin_csv`) instead of through a graph: the same
    files as ``write_subgraph`` of the whole graph, rows unsorted. Returns what was done,
    and the nodes and relationships written."""
    from kg.graph.store import graph_rows

    if output == STDOUT:
        raise KgError("csv is several files: give -o FOLDER or -o FILE.zip")
    counts: list[tuple[int, int]] = []
    done = write_files(lambda folder: counts.append(_files().write_admin_csv(lambda: graph_rows(store), folder)), output, force)
    nodes, relationships = counts[0]
    return done + " (load it with import.sh: neo4j-admin database import)", nodes, relationships
