"""What the reports say about one entity, in time order: each sentence that mentions it
(or one of its parts), with the claims stated there about it — commitments with their
status and evidence, progress with the stage reached, indicator values.

>>> from kg.graph.model import new_graph
>>> timeline(new_graph(), "nothing")
[]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.extraction.stages import stage_of
from kg.graph.rows import claim_record

if TYPE_CHECKING:  # kg trace reads kept rows (kept_timeline): no graph, no extraction imported
    import networkx as nx


def describe_claim(graph: nx.MultiDiGraph, claim_id: str) -> dict:
    """A claim as a timeline shows it (:func:`describe`)."""
    return describe(claim_record(graph, claim_id))


def describe(record: dict) -> dict:
    """A claim as a timeline shows it, from its :func:`kg.graph.rows.claim_record`: ``id,
    kind, text`` and, by kind, ``milestone, deadline, status, reviewed, evidence
    [{sentence, text, score}]`` (Commitment), ``reached, towards, signals`` (Progress),
    ``indicator, role, value, unit, growth_pct`` (IndicatorValue)."""
    row = {"id": record["id"], "kind": record["label"], "text": record["text"]}
    if record["label"] == "Commitment":
        row.update(
            milestone=record.get("milestone"),
            deadline=record.get("deadline"),
            status=record.get("status"),
            reviewed=bool(record.get("reviewed")),
            evidence=[{"sentence": s, "text": t, "score": score} for s, t, score in record["evidence"]],
        )
    elif record["label"] == "Progress":
        reached = max(record.get("reached_ranks") or [0])
        row.update(
            reached=stage_of(reached).milestone if reached else None,
            towards=bool(record.get("towards")),
            signals=list(record.get("signals") or []),
        )
    else:
        row.update(
            indicator=record.get("indicator"),
            role=record.get("kind"),
            value=record.get("value"),
            unit=record.get("unit"),
            growth_pct=record.get("growth_pct"),
        )
    return row


def timeline(graph: nx.MultiDiGraph, entity_id: str) -> list[dict]:
    """The entity's mentions (see :func:`kg.extraction.entities.mentions_of`), each with ``claims``:
    the claims about it (or about the part it names) stated in that sentence."""
    from kg.extraction.entities import mentions_of

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
    from kg.extraction.entities import find_entities

    found = find_entities(graph, name)
    if not found:
        raise _not_found(name)
    rows = [row for entity in found for row in timeline(graph, entity)]
    rows.sort(key=lambda r: (r["date"] or "", r["report"], graph.nodes[r["sentence"]].get("start", 0)))
    return found, rows


def _not_found(name: str) -> KgError:
    return KgError(f"no entity named '{name}' in the store (try a shorter name or an alias)")


def kept_timeline(name: str, found: list[str], kept: dict[str, dict[str, list[dict]]]) -> list[dict]:
    """What :func:`named_timeline` gives for ``name``, the entities ``found`` with it, from the rows the
    store keeps (``kept``: found entity → the entity itself and each of its parts → their
    rows of :func:`kg.graph.rows.trace_rows`, every report's; see
    :func:`kg.graph.store.kept_traces`): the same rows in the same order, without the graph;
    a KgError when no entity has the name."""
    if not found:
        raise _not_found(name)
    rows = []
    for entity in found:
        # mentions_of's rows, then timeline's claims: the same keys, in the same order.
        mentions = [row for target in sorted(kept.get(entity, {}).keys()) for row in kept[entity][target]]
        mentions.sort(key=lambda r: (r["date"] or "", r["report"], r["start"], r["entity"], r["surface"] or ""))
        seen = set()
        for row in mentions:
            claims = [] if (row["sentence"], row["entity"]) in seen else [describe(c) for c in row["claims"]]
            seen.add((row["sentence"], row["entity"]))
            rows.append(({k: row[k] for k in _MENTION_KEYS} | {"claims": claims}, row["start"]))
    rows.sort(key=lambda item: (item[0]["date"] or "", item[0]["report"], item[1]))
    return [row for row, _ in rows]


_MENTION_KEYS = ("report", "date", "town", "part", "sentence", "text", "surface", "footnote", "entity")


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
    from kg.views.tables import figure

    return f"{claim['role']}: {figure(claim['value'], claim['unit'], claim['growth_pct'])}"
