"""What the reports say about one entity, in time order: each sentence that mentions it
(or one of its parts), with the claims stated there about it — commitments with their
status and evidence, progress with the stage reached, indicator values.

>>> from kg.graph.model import new_graph
>>> timeline(new_graph(), "nothing")
[]
"""

from __future__ import annotations

import networkx as nx

from kg.errors import KgError
from kg.extraction.claims import stage_of
from kg.extraction.entities import find_entities, mentions_of
from kg.views.tables import figure


def describe_claim(graph: nx.MultiDiGraph, claim_id: str) -> dict:
    """A claim as a timeline shows it: ``id, kind, text`` and, by kind, ``milestone,
    deadline, status, reviewed, evidence [{sentence, text, score}]`` (Commitment),
    ``reached, towards, signals`` (Progress), ``indicator, role, value, unit,
    growth_pct`` (IndicatorValue)."""
    data = graph.nodes[claim_id]
    row = {"id": claim_id, "kind": data["label"], "text": data["text"]}
    if data["label"] == "Commitment":
        evidence = sorted(
            (
                {"sentence": graph.nodes[t]["sentence"], "text": graph.nodes[t]["text"], "score": e.get("score")}
                for _, t, k, e in graph.out_edges(claim_id, keys=True, data=True)
                if k == "FOLLOWED_UP_BY"
            ),
            key=lambda e: -(e["score"] or 0),
        )
        row.update(
            milestone=data.get("milestone"),
            deadline=data.get("deadline"),
            status=data.get("status"),
            reviewed=bool(data.get("reviewed")),
            evidence=evidence,
        )
    elif data["label"] == "Progress":
        reached = max(data.get("reached_ranks") or [0])
        row.update(
            reached=stage_of(reached).milestone if reached else None,
            towards=bool(data.get("towards")),
            signals=list(data.get("signals") or []),
        )
    else:
        row.update(
            indicator=data.get("indicator"),
            role=data.get("kind"),
            value=data.get("value"),
            unit=data.get("unit"),
            growth_pct=data.get("growth_pct"),
        )
    return row


def timeline(graph: nx.MultiDiGraph, entity_id: str) -> list[dict]:
    """The entity's mentions (see :func:`kg.extraction.entities.mentions_of`), each with ``claims``:
    the claims about it (or about the part it names) stated in that sentence."""
    if entity_id not in graph:
        return []
    rows = mentions_of(graph, entity_id)
    seen = set()
    for row in rows:
        if (row["sentence"], row["entity"]) in seen:  # named twice in a sentence: claims once
            row["claims"] = []
            continue
        seen.add((row["sentence"], row["entity"]))
        row["claims"] = [
            describe_claim(graph, claim)
            for claim, _, key in graph.in_edges(row["entity"], keys=True)
            if key == "ABOUT" and graph.nodes[claim].get("sentence") == row["sentence"]
        ]
        row["claims"].sort(key=lambda c: c["id"])
    return rows


def named_timeline(graph: nx.MultiDiGraph, name: str) -> tuple[list[str], list[dict]]:
    """The entities a name or alias stands for, and what the reports say about all of
    them, in date order (``kg trace NAME``); a KgError when no entity has the name."""
    found = find_entities(graph, name)
    if not found:
        raise KgError(f"no entity named '{name}' in the store (try a shorter name or an alias)")
    rows = [row for entity in found for row in timeline(graph, entity)]
    rows.sort(key=lambda r: (r["date"] or "", r["report"], graph.nodes[r["sentence"]].get("start", 0)))
    return found, rows


def claim_line(claim: dict) -> str:
    """One claim of a timeline row as a line of text.

    >>> claim_line({"kind": "IndicatorValue", "role": "target", "value": 73, "unit": "亿元", "growth_pct": 5})
    'target: 73亿元 +5%'
    """
    if claim["kind"] == "Commitment":
        status = claim["status"] + (" (reviewed)" if claim["reviewed"] else "")
        evidence = f", {len(claim['evidence'])} evidence" if claim["evidence"] else ""
        stage = claim["milestone"] or "no stage of works"  # a programme, a title, a figure
        return f"promise: {stage} by {claim['deadline']} → {status}{evidence}"
    if claim["kind"] == "Progress":
        reached = claim["reached"] or "work carried on"
        return f"progress: {'towards ' if claim['towards'] else ''}{reached}" + (
            f" ({'、'.join(claim['signals'])})" if claim["signals"] else ""
        )
    return f"{claim['role']}: {figure(claim['value'], claim['unit'], claim['growth_pct'])}"
