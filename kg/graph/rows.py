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
