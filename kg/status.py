"""The delivery scorecard: per town and report, commitments by status.

>>> from kg.graph import new_graph
>>> scorecard(new_graph())
[]
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from .graph import reports
from .trace import STATUSES


def scorecard(graph: nx.MultiDiGraph, town: str | None = None) -> list[dict]:
    """One row per report with commitments: ``town, report, date, commitments``, a count
    per status, ``delivered_share`` (of those with a follow-up, i.e. not awaiting) and
    ``reviewed`` (how many statuses a reviewer set)."""
    counts: dict[str, Counter] = {}
    reviewed: Counter = Counter()
    for _, data in graph.nodes(data=True):
        if data.get("label") == "Commitment":
            counts.setdefault(data["report"], Counter())[data["status"]] += 1
            reviewed[data["report"]] += bool(data.get("reviewed"))
    rows = []
    for report in reports(graph):
        if report["id"] not in counts or (town and report.get("town") != town):
            continue
        c = counts[report["id"]]
        followed = sum(c.values()) - c["AWAITING_FOLLOW_UP"]
        rows.append({
            "town": report.get("town"), "report": report["id"], "date": report.get("date"),
            "commitments": sum(c.values()), **{status: c[status] for status in STATUSES},
            "delivered_share": round(c["DELIVERED"] / followed, 3) if followed else None,
            "reviewed": reviewed[report["id"]],
        })
    return sorted(rows, key=lambda r: (r["town"] or "", r["date"] or ""))
