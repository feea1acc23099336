"""The knowledge graph as a plain networkx graph in the ontology's terms.

Nodes carry ``label`` (the ontology class, e.g. ``Report``, ``Town``) and their
properties; edges are keyed by ``type`` (the relationship type, e.g. ``LOCATED_IN``).
Everything a report contributes carries ``report`` (its id), so a report can be replaced
without touching the rest. Property values are JSON-ready: strings, numbers, booleans
and lists of them.

>>> g = new_graph()
>>> add_node(g, "district:上海市/宝山区", "District", name="宝山区")
>>> g.nodes["district:上海市/宝山区"]["label"]
'District'
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kg.ids import district_id, town_id

if TYPE_CHECKING:  # the read commands import the model without networkx or the loaders
    import networkx as nx

    from loaders import Report, Section


def new_graph() -> nx.MultiDiGraph:
    import networkx as nx

    return nx.MultiDiGraph()


def add_node(graph: nx.MultiDiGraph, node_id: str, label: str, **properties) -> None:
    clean = {k: v for k, v in properties.items() if v is not None}
    if node_id in graph:
        graph.nodes[node_id].update(clean, label=label)
    else:
        graph.add_node(node_id, label=label, id=node_id, **clean)


def add_edge(graph: nx.MultiDiGraph, start: str, end: str, rel_type: str, /, **properties) -> None:
    clean = {k: v for k, v in properties.items() if v is not None}
    graph.add_edge(start, end, key=rel_type, type=rel_type, **clean)


# The types a property graph holds as they are: most of a graph's millions of values
# (a full push at 1000 reports flattens about 5.4 million) are these, and testing the
# exact type first skips two isinstance checks each (2.64 -> 1.66 s of CPU).
_PLAIN = frozenset({str, int, float, bool})


def flat_value(value):
    """A value as a property graph (Neo4j, GraphML, CSV) holds it: a map becomes JSON
    text, a list of mixed items a list of strings."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, (list, tuple)):
        items = [flat_value(v) for v in value if v is not None]
        return items if not items or all(isinstance(v, type(items[0])) for v in items) else [str(v) for v in items]
    return value


def flat_properties(data: dict) -> dict:
    """A node's or edge's properties without ``label``/``type`` (they become the label
    and the relationship type), flattened by :func:`flat_value`.

    >>> flat_properties({"label": "Commitment", "text": "建成", "followups": [{"report": "r"}], "x": None})
    {'text': '建成', 'followups': ['{"report": "r"}']}
    """
    plain = _PLAIN
    return {
        k: (v if type(v) in plain else flat_value(v)) for k, v in data.items() if v is not None and k != "label" and k != "type"
    }


def nodes_of(graph: nx.MultiDiGraph, label: str) -> Iterator[tuple[str, dict]]:
    return ((n, d) for n, d in graph.nodes(data=True) if d.get("label") == label)


def _period(prefix: str, period) -> dict:
    if period is None:
        return {}
    return {f"{prefix}_start": period.start.isoformat(), f"{prefix}_end": period.end.isoformat()}


def add_report(graph: nx.MultiDiGraph, report: Report, source: str | None = None) -> None:
    """Add a report, its place (Town, District) and its lexical layer (Part, Section,
    Sentence). A report already in the graph (same id) is replaced.

    ``source`` is what every export and view shows of where the report came from: the
    file's path relative to the folder the build was given (its name, for a file given
    itself; :func:`kg.build.extract.shared_source`). The loader's absolute path is kept as
    ``path``, which only the store keeps (beside the node's data, not in it: see
    :func:`kg.graph.store.table_rows`), to tell a file changed in place from another
    file; an export shared must not carry the user's folders."""
    remove_report(graph, report.id)
    review, plan = report.part("review"), report.part("plan")
    add_node(
        graph,
        report.id,
        "Report",
        title=report.title,
        province=report.province,
        city=report.city,
        district=report.district,
        town=report.town,
        place_code=report.place_code,
        date=report.date.isoformat() if report.date else None,
        published=report.published.isoformat() if report.published else None,
        warnings=list(report.warnings) or None,
        session=report.session,
        speaker=report.speaker,
        speaker_role=report.speaker_role,
        source=source or report.source,
        path=report.source,
        sha256=report.sha256,
        format=report.format,
        encoding=report.encoding,
        **_period("review", review.period if review else None),
        **_period("plan", plan.period if plan else report.planned),
    )
    # A city is the prefecture; a county governed by its province directly has none, and
    # is named under its province.
    city = report.city or report.province
    if report.district:
        did = district_id(city, report.district)
        add_node(graph, did, "District", name=report.district, city=city, aliases=[])
    if report.town:
        tid = town_id(city, report.district, report.town)
        add_node(graph, tid, "Town", name=report.town, district=report.district, city=city, aliases=[])
        add_edge(graph, report.id, tid, "REPORTS_ON")
        if report.district:
            add_edge(graph, tid, district_id(city, report.district), "LOCATED_IN")
    for order, part in enumerate(report.parts):
        add_node(
            graph,
            part.id,
            "Part",
            report=report.id,
            kind=part.kind,
            heading=part.heading,
            order=order,
            start=part.start,
            end=part.end,
            **_period("period", part.period),
        )
        add_edge(graph, report.id, part.id, "HAS_PART")
        for section in part.sections:
            _add_section(graph, report, part.id, section)


def _add_section(graph: nx.MultiDiGraph, report: Report, part_id: str, section: Section) -> None:
    add_node(
        graph,
        section.id,
        "Section",
        report=report.id,
        part=part_id,
        title=section.title,
        level=section.level,
        start=section.start,
        end=section.end,
    )
    add_edge(graph, section.parent_id or part_id, section.id, "HAS_SECTION")
    for paragraph in section.paragraphs:
        for sentence in paragraph.sentences:
            add_node(
                graph,
                sentence.id,
                "Sentence",
                report=report.id,
                section=section.id,
                paragraph=paragraph.id,
                index=sentence.index,
                text=sentence.text,
                start=sentence.start,
                end=sentence.end,
                footnotes=[f"[{f.number}] {f.text}" for f in sentence.footnotes],
            )
            add_edge(graph, section.id, sentence.id, "HAS_SENTENCE")


def remove_report(graph: nx.MultiDiGraph, report_id: str) -> bool:
    """Remove a report and everything it contributed; places no report refers to any
    more go too. Returns whether the report was there."""
    if report_id not in graph:
        return False
    owned = [n for n, d in graph.nodes(data=True) if d.get("report") == report_id]
    graph.remove_nodes_from(owned + [report_id])
    graph.graph.get("mentions", {}).pop(report_id, None)  # the entity layer is re-derived by the caller
    # A report whose town was not found still names its district (add_report), with no
    # relationship to it: its district stays while such a report does.
    named = {
        district_id(r.get("city") or r.get("province"), r["district"]) for _, r in nodes_of(graph, "Report") if r.get("district")
    }
    for label in ("Town", "District"):
        orphans = [
            n for n, _ in nodes_of(graph, label) if graph.in_degree(n) == 0 and not _has_towns(graph, n) and n not in named
        ]
        graph.remove_nodes_from(orphans)
    return True


def _has_towns(graph: nx.MultiDiGraph, node: str) -> bool:
    return graph.nodes[node].get("label") == "District" and graph.in_degree(node) > 0


def reports(graph: nx.MultiDiGraph) -> list[dict]:
    """Report node properties, in a stable order (by source, then id)."""
    found = [d for _, d in nodes_of(graph, "Report")]
    return sorted(found, key=lambda d: (d.get("source", ""), d["id"]))


def report_path(report: dict) -> str | None:
    """The absolute path a report was loaded from (its node's properties): ``path``, or
    ``source`` in a store built before the two were told apart."""
    return report.get("path") or report.get("source")


def names_report(report: dict, key: str) -> bool:
    """Whether ``key`` names the report (its node's properties): its id, a prefix of its id,
    its source (the path as the build was given it), the file's path, the file's name or
    the name without its suffix. Every command that takes a report (``kg show``,
    ``kg remove``) decides by this one rule; an empty key names none.

    >>> r = {"id": "8d55160e06e9d7cd", "source": "2023/001_8d55160e06e9d7cd.txt", "path": "/data/2023/001_8d55160e06e9d7cd.txt"}
    >>> keys = ("8d55", "001_8d55160e06e9d7cd", "001_8d55160e06e9d7cd.txt", "2023/001_8d55160e06e9d7cd.txt", "", "9")
    >>> [names_report(r, k) for k in keys]
    [True, True, True, True, False, False]
    """
    if not key:
        return False
    source = Path(report.get("source") or "")
    if report["id"].startswith(key) or key in (source.name, source.stem, report.get("source")):
        return True
    path = report_path(report)
    return bool(path) and str(Path(key).resolve()) == str(path)
