"""JSON exports (``kg export … --format json``); the shape of each is fixed here, field by field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.graph.model import reports

if TYPE_CHECKING:
    import networkx as nx


def _period(data: dict, prefix: str) -> dict | None:
    start, end = data.get(f"{prefix}_start"), data.get(f"{prefix}_end")
    return {"start": start, "end": end} if start and end else None


def export_reports(graph: nx.MultiDiGraph) -> list[dict]:
    """One object per report: ``id, title, town, district, date, review, plan, source,
    sha256`` (``review``/``plan`` are ``{start, end}`` or null), and ``city``,
    ``province``, ``place_code``, ``published`` and ``warnings``."""
    return [
        {
            "id": d["id"],
            "title": d.get("title"),
            "town": d.get("town"),
            "district": d.get("district"),
            "city": d.get("city"),
            "province": d.get("province"),
            "place_code": d.get("place_code"),
            "date": d.get("date"),
            "published": d.get("published"),
            "warnings": d.get("warnings") or [],
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
    from kg.extraction.entities import entity_nodes

    rows = []
    for node, data in entity_nodes(graph):
        mentions = []
        for sentence, _, key, edge in graph.in_edges(node, keys=True, data=True):
            if key == "MENTIONS":
                mentions.append({"report": graph.nodes[sentence]["report"], "sentence": sentence, "text": edge.get("text")})
        links = {k: e for _, e, k in graph.out_edges(node, keys=True)}
        rows.append(
            {
                "id": node,
                "name": data.get("name"),
                "type": data["label"],
                "aliases": list(data.get("aliases", [])),
                "mentions": sorted(mentions, key=lambda m: (m["report"], m["sentence"])),
                "part_of": links.get("PART_OF"),
                "on_line": links.get("ON_LINE"),
                "located_in": links.get("LOCATED_IN"),
                "code": data.get("code"),
            }
        )
    return rows


def export_commitments(graph: nx.MultiDiGraph) -> list[dict]:
    """One object per commitment: ``id, report, period, section, text, entities,
    milestone, deadline, status, evidence [{report, sentence, text, score}],
    recommitted_in [{report, commitment, text}]``, plus ``object``, ``quantity``,
    ``unit``, ``status_auto`` and ``reviewed``."""
    from kg.graph.rows import commitment_order, commitment_row

    rows = [commitment_row(graph, node, data) for node, data in graph.nodes(data=True) if data.get("label") == "Commitment"]
    return sorted(rows, key=lambda r: commitment_order(graph, r))


def export_indicators(graph: nx.MultiDiGraph) -> list[dict]:
    """One object per indicator value: ``id, report, name, kind, period, value, unit,
    growth_pct, text``, plus ``indicator`` (the Indicator entity's id), ``sentence``,
    ``scope``, ``bound``, ``estimated``, ``approximate``, ``aspirational``, ``modifier`` (as
    written: 左右, 以上, 力争, 5%—6%…) and ``share_of_target_pct``; a target has
    ``measured_by [{id, report, period, value, unit, share, elapsed, on_track}]`` and,
    when it states value and growth and the previous actual is loaded, ``growth_check
    {previous_actual, previous_value, implied_growth_pct, consistent}``."""
    rows = []
    for node, data in graph.nodes(data=True):
        if data.get("label") != "IndicatorValue":
            continue
        out = [(t, k, e) for _, t, k, e in graph.out_edges(node, keys=True, data=True)]
        row = {
            "id": node,
            "report": data["report"],
            "name": data["indicator"],
            "kind": data["kind"],
            "period": {"start": data.get("period_start"), "end": data.get("period_end")},
            "value": data.get("value"),
            "unit": data.get("unit"),
            "growth_pct": data.get("growth_pct"),
            "text": data["text"],
            "indicator": next((t for t, k, _ in out if k == "ABOUT"), None),
            "sentence": data["sentence"],
            "scope": data.get("scope"),
            "bound": data.get("bound"),
            "estimated": bool(data.get("estimated")),
            "approximate": bool(data.get("approximate")),
            "aspirational": bool(data.get("aspirational")),
            "modifier": data.get("modifier"),
            "share_of_target_pct": data.get("share_of_target_pct"),
        }
        if data["kind"] == "target":
            row["measured_by"] = sorted(
                (
                    {
                        "id": t,
                        "report": graph.nodes[t]["report"],
                        "period": {"start": graph.nodes[t]["period_start"], "end": graph.nodes[t]["period_end"]},
                        "value": graph.nodes[t].get("value"),
                        "unit": graph.nodes[t].get("unit"),
                        "share": e.get("share"),
                        "elapsed": e.get("elapsed"),
                        "on_track": e.get("on_track"),
                    }
                    for t, k, e in out
                    if k == "MEASURED_BY"
                ),
                key=lambda m: (m["period"]["end"], m["id"]),
            )
            previous = data.get("previous_actual")
            row["growth_check"] = previous and {
                "previous_actual": previous,
                "previous_value": graph.nodes[previous].get("value"),
                "implied_growth_pct": data.get("implied_growth_pct"),
                "consistent": data.get("growth_consistent"),
            }
        rows.append(row)
    return sorted(rows, key=lambda r: (r["report"], graph.nodes[r["sentence"]]["start"], r["id"]))


EXPORTS = {
    "reports": export_reports,
    "entities": export_entities,
    "commitments": export_commitments,
    "indicators": export_indicators,
}
