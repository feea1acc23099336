"""JSON exports whose shape DESIGN.md fixes (``kg export … --format json``)."""

from __future__ import annotations

import networkx as nx

from .graph import reports


def _period(data: dict, prefix: str) -> dict | None:
    start, end = data.get(f"{prefix}_start"), data.get(f"{prefix}_end")
    return {"start": start, "end": end} if start and end else None


def export_reports(graph: nx.MultiDiGraph) -> list[dict]:
    """One object per report: ``id, title, town, district, date, review, plan, source,
    sha256`` (``review``/``plan`` are ``{start, end}`` or null)."""
    return [
        {
            "id": d["id"],
            "title": d.get("title"),
            "town": d.get("town"),
            "district": d.get("district"),
            "date": d.get("date"),
            "review": _period(d, "review"),
            "plan": _period(d, "plan"),
            "source": d.get("source"),
            "sha256": d.get("sha256"),
        }
        for d in reports(graph)
    ]


def export_entities(graph: nx.MultiDiGraph) -> list[dict]:
    """One object per entity: ``id, name, type, aliases, mentions [{report, sentence,
    text}]``, plus the hierarchy (``part_of``, ``on_line``, ``located_in``) and the
    statistical ``code`` where the gazetteer gives one."""
    from .entities import entity_nodes

    rows = []
    for node, data in entity_nodes(graph):
        mentions = []
        for sentence, _, key, edge in graph.in_edges(node, keys=True, data=True):
            if key == "MENTIONS":
                mentions.append({"report": graph.nodes[sentence]["report"], "sentence": sentence, "text": edge.get("text")})
        links = {k: e for _, e, k in graph.out_edges(node, keys=True)}
        rows.append({
            "id": node, "name": data.get("name"), "type": data["label"], "aliases": list(data.get("aliases", [])),
            "mentions": sorted(mentions, key=lambda m: (m["report"], m["sentence"])),
            "part_of": links.get("PART_OF"), "on_line": links.get("ON_LINE"), "located_in": links.get("LOCATED_IN"),
            "code": data.get("code"),
        })
    return rows


def export_commitments(graph: nx.MultiDiGraph) -> list[dict]:
    """One object per commitment: ``id, report, period, section, text, entities,
    milestone, deadline, status, evidence [{report, sentence, text, score}],
    recommitted_in [{report, commitment, text}]``, plus ``object``, ``quantity``,
    ``unit``, ``status_auto`` and ``reviewed``."""
    rows = []
    for node, data in graph.nodes(data=True):
        if data.get("label") != "Commitment":
            continue
        out = [(target, key, edge) for _, target, key, edge in graph.out_edges(node, keys=True, data=True)]
        evidence = sorted(
            ({"report": graph.nodes[t]["report"], "sentence": graph.nodes[t]["sentence"], "text": graph.nodes[t]["text"],
              "score": e.get("score")} for t, k, e in out if k == "FOLLOWED_UP_BY"),
            key=lambda e: -(e["score"] or 0),
        )
        rows.append({
            "id": node, "report": data["report"],
            "period": {"start": data.get("period_start"), "end": data.get("period_end")},
            "section": data.get("section_title"), "text": data.get("text"),
            "entities": sorted(t for t, k, _ in out if k == "ABOUT"),
            "milestone": data.get("milestone"), "deadline": data.get("deadline"), "status": data.get("status"),
            "evidence": evidence,
            "recommitted_in": [{"report": graph.nodes[t]["report"], "commitment": t, "text": graph.nodes[t]["text"]}
                               for t, k, _ in out if k == "RECOMMITTED_AS"],
            "object": data.get("object"), "quantity": data.get("quantity"), "unit": data.get("unit"),
            "status_auto": data.get("status_auto"), "reviewed": bool(data.get("reviewed")),
        })
    return sorted(rows, key=lambda r: (r["report"], graph.nodes[graph.nodes[r["id"]]["sentence"]]["start"], r["id"]))


EXPORTS = {"reports": export_reports, "entities": export_entities, "commitments": export_commitments}
