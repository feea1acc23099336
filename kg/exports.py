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


EXPORTS = {"reports": export_reports}
