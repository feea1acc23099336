"""The row ``kg export commitments`` gives each commitment, made from the graph alone,
so that the store can keep every report's rows ready to write (the ``commitments``
layer of :mod:`kg.graph.store`) and the export need not rebuild 40,000 of them from the
claims of a large store. Its fields are documented in :mod:`kg.views.records`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import orjson

if TYPE_CHECKING:
    import networkx as nx


def commitment_row(graph: nx.MultiDiGraph, node: str, data: dict) -> dict:
    """The export row of one commitment: its properties, the entities it is about, its
    evidence (best first) and where it was promised again."""
    # By type, then target: the order a store's graph gives, whatever order a build made them in.
    out = sorted(
        ((target, key, edge) for _, target, key, edge in graph.out_edges(node, keys=True, data=True)),
        key=lambda item: (item[1], item[0]),
    )
    evidence = sorted(
        (
            {
                "report": graph.nodes[t]["report"],
                "sentence": graph.nodes[t]["sentence"],
                "text": graph.nodes[t]["text"],
                "score": e.get("score"),
            }
            for t, k, e in out
            if k == "FOLLOWED_UP_BY"
        ),
        key=lambda e: -(e["score"] or 0),
    )
    return {
        "id": node,
        "report": data["report"],
        "period": {"start": data.get("period_start"), "end": data.get("period_end")},
        "section": data.get("section_title"),
        "text": data.get("text"),
        "entities": sorted(t for t, k, _ in out if k == "ABOUT"),
        "milestone": data.get("milestone"),
        "deadline": data.get("deadline"),
        "status": data.get("status"),
        "evidence": evidence,
        "recommitted_in": [
            {"report": graph.nodes[t]["report"], "commitment": t, "text": graph.nodes[t]["text"]}
            for t, k, _ in out
            if k == "RECOMMITTED_AS"
        ],
        "object": data.get("object"),
        "quantity": data.get("quantity"),
        "unit": data.get("unit"),
        "status_auto": data.get("status_auto"),
        "reviewed": bool(data.get("reviewed")),
    }


def commitment_order(graph: nx.MultiDiGraph, row: dict) -> tuple:
    """Rows in report order, then by the position of their sentence, then by id."""
    return (row["report"], graph.nodes[graph.nodes[row["id"]]["sentence"]]["start"], row["id"])


def rows_text(rows: list[dict]) -> str:
    """``rows`` as they stand inside the JSON list the export writes (two-space indents,
    one more level for the list, items joined by ",\\n"): a list of them is written by
    putting "[\\n" before and "\\n]\\n" after."""
    return ",\n".join(
        "\n".join("  " + line for line in orjson.dumps(row, option=orjson.OPT_INDENT_2).decode("utf-8").split("\n"))
        for row in rows
    )


def report_scorecards(graph: nx.MultiDiGraph, within: set[str] | None = None) -> dict[str, dict]:
    """Report id → ``{"source", "row"}``: the report's row of the scorecard (see
    :func:`kg.views.scorecard.scorecard`), for the reports with commitments or indicator
    targets (only those ``within``, when given). A row depends on its report's claims and
    the actuals of later reports of its town, so the store keeps it beside them."""
    from collections import Counter

    from kg.graph.model import reports
    from kg.graph.ontology import statuses

    targets = indicator_targets(graph, within)
    counts: dict[str, Counter] = {}
    reviewed: Counter = Counter()
    for _, data in graph.nodes(data=True):
        # A claim of no report (the store keeps one: tests/test_store.py) is in no report's row.
        if data.get("label") == "Commitment" and data.get("report") and (within is None or data["report"] in within):
            counts.setdefault(data["report"], Counter())[data["status"]] += 1
            reviewed[data["report"]] += bool(data.get("reviewed"))
    out = {}
    for report in reports(graph):
        if report["id"] not in counts and report["id"] not in targets:
            continue
        c = counts.get(report["id"], Counter())
        followed = sum(c.values()) - c["AWAITING_FOLLOW_UP"]
        row = {
            "town": report.get("town"),
            "report": report["id"],
            "date": report.get("date"),
            "commitments": sum(c.values()),
            **{status: c[status] for status in statuses()},
            "delivered_share": round(c["DELIVERED"] / followed, 3) if followed else None,
            "reviewed": reviewed[report["id"]],
            "indicators": targets.get(report["id"], []),
        }
        out[report["id"]] = {"source": report.get("source", ""), "row": row}
    return out


def indicator_targets(graph: nx.MultiDiGraph, within: set[str] | None = None) -> dict[str, list[dict]]:
    """Report id → its indicator targets: ``indicator, scope, value, unit, growth_pct,
    aspirational, text``, ``actuals [{report, date, period_end, value, unit, share,
    elapsed, on_track}]`` and ``growth_consistent`` / ``implied_growth_pct`` where the
    target could be checked against the previous actual."""
    out: dict[str, list[dict]] = {}
    for node, data in graph.nodes(data=True):
        if data.get("label") != "IndicatorValue" or data.get("kind") != "target" or not data.get("report"):
            continue
        if within is not None and data["report"] not in within:
            continue
        actuals = []
        # By actual: the order a store's graph gives, whatever order a build made them in.
        measured = sorted(
            ((actual, edge) for _, actual, key, edge in graph.out_edges(node, keys=True, data=True) if key == "MEASURED_BY"),
            key=lambda item: item[0],
        )
        for actual, edge in measured:
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


def scorecard_order(cards: list[dict], town: str | None = None) -> list[dict]:
    """The rows of :func:`report_scorecards`' values in the scorecard's order (by town
    and date; reports of one day by file and id), only ``town``'s when given."""
    cards = sorted(cards, key=lambda c: (c["source"], c["row"]["report"]))
    rows = [c["row"] for c in cards if not town or c["row"]["town"] == town]
    return sorted(rows, key=lambda r: (r["town"] or "", r["date"] or ""))
