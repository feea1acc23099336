"""The rows read commands print, made from the graph alone, so that the store can keep
them ready (:mod:`kg.graph.store`) and a command on a large store need not rebuild them
from its blobs: the row ``kg export commitments`` gives each commitment (the
``commitments`` layer; its fields are documented in :mod:`kg.views.records`), each
report's row of ``kg status``, and what ``kg trace`` shows of each sentence that
mentions an entity (the ``traces`` table, one row per entity and report)."""

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
    :func:`kg.views.scorecard.scorecard`), for every report (only those ``within``, when
    given): one with no commitment or target has a row of zeros, as a report left out
    of ``kg status`` reads as one that was never loaded. A row depends on its report's
    claims and the actuals of later reports of its town, so the store keeps it beside
    them."""
    from collections import Counter

    from kg.graph.model import reports
    from kg.graph.vocab import statuses

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
        if within is not None and report["id"] not in within:
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


def mention_row(graph: nx.MultiDiGraph, sentence: str, target: str, data: dict) -> dict:
    """One sentence's mention of ``target`` (its MENTIONS edge's ``data``), as
    :func:`kg.extraction.entities.mentions_of` lists it: report, date, town, part kind,
    sentence id, text, surface form, footnote, entity."""
    s = graph.nodes[sentence]
    report = graph.nodes[s["report"]]
    part = graph.nodes[graph.nodes[s["section"]]["part"]]
    return {
        "report": s["report"],
        "date": report.get("date"),
        "town": report.get("town"),
        "part": part.get("kind"),
        "sentence": sentence,
        "text": s["text"],
        "surface": data.get("text"),
        "footnote": data.get("footnote"),
        "entity": target,
    }


def claim_record(graph: nx.MultiDiGraph, claim_id: str) -> dict:
    """What a timeline shows of a claim (:func:`kg.views.timeline.describe`), as the graph
    holds it: its properties and, for a commitment, its evidence ``[sentence, text,
    score]``, best first."""
    data = graph.nodes[claim_id]
    record = {"id": claim_id, **{k: v for k, v in data.items() if k in _CLAIM_FIELDS}}
    if data["label"] == "Commitment":
        # By target before by score: the order a store's graph gives, whatever order a build made them in.
        followed = sorted(
            (t, e.get("score")) for _, t, k, e in graph.out_edges(claim_id, keys=True, data=True) if k == "FOLLOWED_UP_BY"
        )
        record["evidence"] = [
            [graph.nodes[t]["sentence"], graph.nodes[t]["text"], score]
            for t, score in sorted(followed, key=lambda item: -(item[1] or 0))
        ]
    return record


# The claim properties a timeline shows (kg.views.timeline.describe), by kind.
_CLAIM_FIELDS = frozenset(
    {"label", "text", "milestone", "deadline", "status", "reviewed", "reached_ranks", "towards", "signals"}
    | {"indicator", "kind", "value", "unit", "growth_pct"}
)


def claims_by_sentence(graph: nx.MultiDiGraph, within: set[str] | None = None) -> dict[tuple[str, str], list[str]]:
    """(sentence, entity) → the claims of that sentence about the entity (ABOUT), by id;
    only the claims of the reports ``within``, when given."""
    out: dict[tuple[str, str], list[str]] = {}
    for claim, target, key in graph.edges(keys=True):
        if key == "ABOUT":
            data = graph.nodes[claim]
            if within is None or data.get("report") in within:
                out.setdefault((data.get("sentence"), target), []).append(claim)
    for claims in out.values():
        claims.sort()
    return out


def trace_rows(
    graph: nx.MultiDiGraph, mentions: list[tuple[str, str, dict]], about: dict[tuple[str, str], list[str]]
) -> dict[str, list[list]]:
    """Entity → what ``kg trace`` shows of one report's sentences that mention it
    (``mentions``: the report's MENTIONS as ``(sentence, entity, properties)``;
    ``about``: :func:`claims_by_sentence`), a row ``[sentence, part kind, surface form,
    footnote, position (start), claims]`` per sentence, by sentence id (the order of a
    store's graph); ``claims``: the ids of the claims of that sentence about the entity.
    The rest is the report's (date, town) and, kept once a report rather than once per
    entity named, the sentences' text and the claims' records (:func:`trace_texts`).
    The rows depend on the report, its MENTIONS and claims and the evidence from its
    town's later reports: a build saves them whenever it saves the report."""
    out: dict[str, list[list]] = {}
    nodes = graph.nodes
    for sentence, target, data in sorted(mentions, key=lambda m: (m[1], m[0])):
        s = nodes[sentence]
        part = nodes[nodes[s["section"]]["part"]].get("kind")
        claims = about.get((sentence, target), [])
        out.setdefault(target, []).append([sentence, part, data.get("text"), data.get("footnote"), s.get("start", 0), claims])
    return out


def trace_texts(
    graph: nx.MultiDiGraph, mentions: list[tuple[str, str, dict]], about: dict[tuple[str, str], list[str]]
) -> dict[str, dict]:
    """What the rows of :func:`trace_rows` of one report refer to: ``sentences`` (id →
    text) and ``claims`` (id → :func:`claim_record`)."""
    nodes = graph.nodes
    claims = {c for sentence, target, _ in mentions for c in about.get((sentence, target), [])}
    return {
        "sentences": {sentence: nodes[sentence]["text"] for sentence, _, _ in mentions},
        "claims": {c: claim_record(graph, c) for c in sorted(claims)},
    }


def kept_row(report: dict, texts: dict[str, dict], entity: str, row: list) -> dict:
    """A row of :func:`trace_rows` made whole again: :func:`mention_row`'s fields, then
    ``start`` and ``claims`` (``report``: the report's id, date and town; ``texts``: its
    :func:`trace_texts`)."""
    sentence, part, surface, footnote, start, claims = row
    return {
        "report": report["id"],
        "date": report.get("date"),
        "town": report.get("town"),
        "part": part,
        "sentence": sentence,
        "text": texts["sentences"][sentence],
        "surface": surface,
        "footnote": footnote,
        "entity": entity,
        "start": start,
        "claims": [texts["claims"][c] for c in claims],
    }
