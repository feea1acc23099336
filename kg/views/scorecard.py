"""The delivery scorecard: per town and report, commitments by status and indicator
targets against the actuals that measure them.

>>> from kg.graph.model import new_graph
>>> scorecard(new_graph())
[]
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from kg.graph.model import nodes_of, reports
from kg.graph.ontology import statuses

STATUSES = statuses()


def scorecard(graph: nx.MultiDiGraph, town: str | None = None) -> list[dict]:
    """One row per report with commitments: ``town, report, date, commitments``, a count
    per status, ``delivered_share`` (of those with a follow-up, i.e. not awaiting) and
    ``reviewed`` (how many statuses a reviewer set), and ``indicators``: the report's
    targets with the actuals of later reports (see :func:`indicator_targets`)."""
    targets = indicator_targets(graph)
    counts: dict[str, Counter] = {}
    reviewed: Counter = Counter()
    for _, data in graph.nodes(data=True):
        if data.get("label") == "Commitment":
            counts.setdefault(data["report"], Counter())[data["status"]] += 1
            reviewed[data["report"]] += bool(data.get("reviewed"))
    rows = []
    for report in reports(graph):
        if (report["id"] not in counts and report["id"] not in targets) or (town and report.get("town") != town):
            continue
        c = counts.get(report["id"], Counter())
        followed = sum(c.values()) - c["AWAITING_FOLLOW_UP"]
        rows.append(
            {
                "town": report.get("town"),
                "report": report["id"],
                "date": report.get("date"),
                "commitments": sum(c.values()),
                **{status: c[status] for status in STATUSES},
                "delivered_share": round(c["DELIVERED"] / followed, 3) if followed else None,
                "reviewed": reviewed[report["id"]],
                "indicators": targets.get(report["id"], []),
            }
        )
    return sorted(rows, key=lambda r: (r["town"] or "", r["date"] or ""))


def indicator_targets(graph: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """Report id → its indicator targets: ``indicator, scope, value, unit, growth_pct,
    aspirational, text``, ``actuals [{report, date, period_end, value, unit, share,
    elapsed, on_track}]`` and ``growth_consistent`` / ``implied_growth_pct`` where the
    target could be checked against the previous actual."""
    out: dict[str, list[dict]] = {}
    for node, data in nodes_of(graph, "IndicatorValue"):
        if data["kind"] != "target":
            continue
        actuals = []
        for _, actual, key, edge in graph.out_edges(node, keys=True, data=True):
            if key != "MEASURED_BY":
                continue
            a = graph.nodes[actual]
            actuals.append(
                {
                    "report": a["report"],
                    "date": graph.nodes[a["report"]].get("date"),
                    "period_end": a["period_end"],
                    "value": a.get("value"),
                    "unit": a.get("unit"),
                    "growth_pct": a.get("growth_pct"),
                    "share": edge.get("share"),
                    "elapsed": edge.get("elapsed"),
                    "on_track": edge.get("on_track"),
                }
            )
        out.setdefault(data["report"], []).append(
            {
                "id": node,
                "indicator": data["indicator"],
                "scope": data.get("scope"),
                "value": data.get("value"),
                "unit": data.get("unit"),
                "growth_pct": data.get("growth_pct"),
                "aspirational": bool(data.get("aspirational")),
                "text": data["text"],
                "actuals": sorted(actuals, key=lambda a: a["period_end"]),
                "implied_growth_pct": data.get("implied_growth_pct"),
                "growth_consistent": data.get("growth_consistent"),
            }
        )
    for rows in out.values():
        rows.sort(key=lambda r: r["id"])
    return out


def town_summary(rows: list[dict]) -> list[dict]:
    """The scorecard's rows added up per town: ``town, reports, commitments``, a count
    per status, ``delivered_share``, ``reviewed``, and of the indicator targets:
    ``targets``, ``measured`` (with an actual of a later report), ``on_track``,
    ``behind`` (by their latest actual) and ``inconsistent`` (growth that the previous
    actual does not bear out).

    >>> row = {"town": "庙行镇", "commitments": 3, "DELIVERED": 1, "AWAITING_FOLLOW_UP": 1, "reviewed": 0,
    ...        "indicators": [{"actuals": [{"on_track": False}], "growth_consistent": None}]}
    >>> [(s["town"], s["reports"], s["delivered_share"], s["behind"]) for s in town_summary([row, row])]
    [('庙行镇', 2, 0.5, 2)]
    """
    towns: dict[str | None, dict] = {}
    for row in rows:
        town = towns.setdefault(
            row["town"],
            {"town": row["town"], "reports": 0, "commitments": 0, **dict.fromkeys(STATUSES, 0), "reviewed": 0}
            | {"targets": 0, "measured": 0, "on_track": 0, "behind": 0, "inconsistent": 0},
        )
        town["reports"] += 1
        town["commitments"] += row["commitments"]
        town["reviewed"] += row.get("reviewed", 0)
        for status in STATUSES:
            town[status] += row.get(status, 0)
        for target in row["indicators"]:
            town["targets"] += 1
            town["inconsistent"] += target.get("growth_consistent") is False
            if target["actuals"]:
                latest = target["actuals"][-1]["on_track"]
                town["measured"] += 1
                town["on_track"] += latest is True
                town["behind"] += latest is False
    out = []
    for town in towns.values():
        followed = town["commitments"] - town["AWAITING_FOLLOW_UP"]
        town["delivered_share"] = round(town["DELIVERED"] / followed, 3) if followed else None
        out.append(town)
    return sorted(out, key=lambda t: t["town"] or "")
