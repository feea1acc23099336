"""The delivery scorecard: per town and report, commitments by status and indicator
targets against the actuals that measure them.

>>> from kg.graph.model import new_graph
>>> scorecard(new_graph())
[]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.graph.ontology import statuses
from kg.graph.rows import indicator_targets, report_scorecards, scorecard_order

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["indicator_targets", "scorecard", "town_summary"]

STATUSES = statuses()


def scorecard(graph: nx.MultiDiGraph, town: str | None = None) -> list[dict]:
    """One row per report with commitments: ``town, report, date, commitments``, a count
    per status, ``delivered_share`` (of those with a follow-up, i.e. not awaiting) and
    ``reviewed`` (how many statuses a reviewer set), and ``indicators``: the report's
    targets with the actuals of later reports (see :func:`indicator_targets`). The rows
    are made in :mod:`kg.graph.rows`, where the store makes the ones it keeps."""
    return scorecard_order(list(report_scorecards(graph).values()), town)


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
