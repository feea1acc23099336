"""A report's structure as text, read back from the graph (``kg show``)."""

from __future__ import annotations

import networkx as nx

from kg.errors import KgError
from kg.graph.model import names_report, reports

_PERIOD = "{}..{}"


def find_report(graph: nx.MultiDiGraph, key: str) -> str:
    """The id of the report ``key`` names (:func:`kg.graph.model.names_report`)."""
    found = [r["id"] for r in reports(graph) if names_report(r, key)]
    if not found:
        raise KgError(f"no report '{key}' in the store (see 'kg export reports')")
    if len(found) > 1:
        raise KgError(f"'{key}' names {len(found)} reports: {', '.join(found)}")
    return found[0]


def _children(graph: nx.MultiDiGraph, node: str, rel_type: str) -> list[str]:
    kids = [v for _, v, k in graph.out_edges(node, keys=True) if k == rel_type]
    return sorted(kids, key=lambda n: graph.nodes[n].get("start", 0))


def outline(graph: nx.MultiDiGraph, report_id: str, sentences: bool = False) -> str:
    r = graph.nodes[report_id]
    lines = [
        f"{r.get('title') or '(untitled)'} — {r.get('city') or ''}{r.get('district') or ''}{r.get('town') or ''}, "
        f"{r.get('date') or 'date unknown'}",
        f"id {report_id}  source {r.get('source')}",
    ]
    if r.get("session") or r.get("speaker"):
        lines.append(f"{r.get('session') or ''} {r.get('speaker_role') or ''} {r.get('speaker') or ''}".strip())

    def emit_section(section: str, depth: int) -> None:
        data = graph.nodes[section]
        sents = _children(graph, section, "HAS_SENTENCE")
        title = data.get("title") or "(untitled)"
        lines.append(f"{'  ' * depth}§ {title}  [{len(sents)} sentences]")
        if sentences:
            for sid in sents:
                s = graph.nodes[sid]
                lines.append(f"{'  ' * (depth + 1)}{s['index']:>4} {s['text']}")
                for note in s.get("footnotes", []):
                    lines.append(f"{'  ' * (depth + 1)}     ↳ {note}")
        for child in _children(graph, section, "HAS_SECTION"):
            emit_section(child, depth + 1)

    for part in _children(graph, report_id, "HAS_PART"):
        p = graph.nodes[part]
        period = ""
        if p.get("period_start"):
            period = f"  ({_PERIOD.format(p['period_start'], p['period_end'])})"
        lines.append(f"{p['kind'].upper()}: {p.get('heading') or ''}{period}")
        for section in _children(graph, part, "HAS_SECTION"):
            emit_section(section, 1)
    return "\n".join(lines) + "\n"
