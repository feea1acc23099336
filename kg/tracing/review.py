"""Human review of commitment statuses: a CSV round trip, and agreement statistics.

``export_sheet`` writes one row per commitment (what the tracer decided and why, and
two columns for a reviewer: ``reviewed_status``, ``review_comment``). ``import_sheet``
reads the filled sheet back into ``graph.graph["reviews"]`` (commitment id →
``{status, comment, text}``) and applies it; every later build re-applies the reviews
after tracing (:func:`apply_reviews`), so an override survives rebuilds, with the
automatic status kept beside it as ``status_auto``. A review whose commitment is no
longer extracted is kept (and counted as unmatched), never dropped.

>>> cohen_kappa(["DELIVERED", "IN_PROGRESS"], ["DELIVERED", "IN_PROGRESS"])
1.0
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import networkx as nx

from kg.errors import KgError
from kg.graph.model import nodes_of, reports
from kg.graph.vocab import statuses
from kg.output import write_text
from loaders import LoaderError
from loaders.read import decode_text

STATUSES = statuses()

COLUMNS = (
    "commitment",
    "town",
    "report",
    "report_date",
    "section",
    "text",
    "object",
    "milestone",
    "deadline",
    "status_auto",
    "evidence",
    "evidence_sentences",
    "reviewed_status",
    "review_comment",
)


def apply_reviews(graph: nx.MultiDiGraph) -> None:
    """Set each Commitment's ``status`` from its review if it has one, else from
    ``status_auto``; ``reviewed`` says which."""
    reviews = graph.graph.get("reviews", {})
    for node, data in nodes_of(graph, "Commitment"):
        review = reviews.get(node)
        if review and review.get("status") in STATUSES:
            data.update(status=review["status"], reviewed=True)
            if review.get("comment"):
                data["review_comment"] = review["comment"]
            else:
                data.pop("review_comment", None)
        else:
            data.update(status=data["status_auto"], reviewed=False)
            data.pop("review_comment", None)


def sheet_rows(graph: nx.MultiDiGraph) -> list[dict]:
    """The review sheet's rows, in report and text order; reviews already stored fill
    the reviewer's columns."""
    report_info = {r["id"]: r for r in reports(graph)}
    reviews = graph.graph.get("reviews", {})
    rows = []
    for node, data in nodes_of(graph, "Commitment"):
        evidence = sorted(
            ((e.get("score") or 0, t) for _, t, k, e in graph.out_edges(node, keys=True, data=True) if k == "FOLLOWED_UP_BY"),
            key=lambda se: (-se[0], se[1]),
        )
        report = report_info.get(data["report"], {})
        review = reviews.get(node, {})
        rows.append(
            {
                "commitment": node,
                "town": report.get("town") or "",
                "report": data["report"],
                "report_date": report.get("date") or "",
                "section": data.get("section_title") or "",
                "text": data["text"],
                "object": data.get("object") or "",
                "milestone": data.get("milestone") or "",
                "deadline": data.get("deadline") or "",
                "status_auto": data["status_auto"],
                "evidence": " | ".join(f"{graph.nodes[t]['text']} ({score:.2f})" for score, t in evidence),
                "evidence_sentences": " ".join(graph.nodes[t]["sentence"] for _, t in evidence),
                "reviewed_status": review.get("status", ""),
                "review_comment": review.get("comment", ""),
                "_order": (report.get("town") or "", report.get("date") or "", graph.nodes[data["sentence"]]["start"], node),
            }
        )
    rows.sort(key=lambda r: r.pop("_order"))
    return rows


def export_sheet(graph: nx.MultiDiGraph, path: str | Path, force: bool = False) -> int:
    """Write the review sheet (UTF-8 with a byte-order mark, so spreadsheet programs
    read the Chinese right), through kg's output policy. Returns the number of rows."""
    rows = sheet_rows(graph)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    write_text(out.getvalue(), path, force, encoding="utf-8-sig")
    return len(rows)


def read_sheet(path: str | Path, graph: nx.MultiDiGraph) -> dict[str, dict]:
    """The reviews a filled sheet holds (rows with a ``reviewed_status``), checked
    against the graph. Any bad row fails the whole sheet with a one-line error."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KgError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    try:
        text, _ = decode_text(path, data)
    except LoaderError as exc:
        raise KgError(str(exc)) from exc
    if not text.strip():
        raise KgError(f"{path}: empty file, not a review sheet")
    reader = csv.DictReader(io.StringIO(text))
    missing = {"commitment", "reviewed_status"} - set(reader.fieldnames or [])
    if missing:
        raise KgError(
            f"{path}: not a review sheet (missing column {', '.join(sorted(missing))}); write one with 'kg review export'"
        )
    known = {n: d for n, d in nodes_of(graph, "Commitment")}
    reviews: dict[str, dict] = {}
    for row in reader:
        line = reader.line_num
        status = (row.get("reviewed_status") or "").strip().upper().replace(" ", "_")
        comment = (row.get("review_comment") or "").strip()
        if not status:
            continue
        if status not in STATUSES:
            raise KgError(f"{path} line {line}: '{row['reviewed_status']}' is not a status (one of {', '.join(STATUSES)})")
        cid = (row.get("commitment") or "").strip()
        if cid not in known:
            raise KgError(f"{path} line {line}: no commitment '{cid}' in the store (was the sheet exported from another store?)")
        reviews[cid] = {"status": status, "comment": comment, "text": known[cid]["text"]}
    return reviews


def import_sheet(graph: nx.MultiDiGraph, path: str | Path, replace: bool = False) -> int:
    """Store the reviews of a filled sheet in the graph and apply them. Rows with an
    empty ``reviewed_status`` leave a stored review as it is, unless ``replace`` (the
    sheet is then the whole set of reviews). Returns the number of reviews read."""
    new = read_sheet(path, graph)
    reviews = {} if replace else dict(graph.graph.get("reviews", {}))
    reviews.update(new)
    graph.graph["reviews"] = reviews
    apply_reviews(graph)
    return len(new)


def import_sheet_into(store, path: str | Path, replace: bool = False) -> tuple[int, nx.MultiDiGraph]:
    """:func:`import_sheet` into a :class:`kg.graph.store.Store`, in one write transaction.
    Returns the number of reviews read and the graph as stored."""
    with store.writing() as tx:
        graph = tx.load()
        count = import_sheet(graph, path, replace=replace)
        tx.save(graph)
    return count, graph


def cohen_kappa(first: list[str], second: list[str]) -> float | None:
    """Cohen's kappa of two codings of the same items (None when chance agreement is
    total, i.e. both used one and the same label throughout).

    >>> round(cohen_kappa(["A", "A", "B", "B"], ["A", "B", "B", "B"]), 3)
    0.5
    >>> cohen_kappa(["A", "A"], ["A", "A"]) is None
    True
    """
    n = len(first)
    if n == 0 or n != len(second):
        return None
    observed = sum(a == b for a, b in zip(first, second)) / n
    a_counts, b_counts = Counter(first), Counter(second)
    expected = sum(a_counts[label] * b_counts[label] for label in a_counts) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def review_stats(graph: nx.MultiDiGraph) -> dict:
    """Agreement between the tracer and the reviewers: ``reviewed``, ``agreement``
    (share of reviewed commitments where both agree), ``kappa`` (Cohen's),
    ``confusion`` ({automatic: {reviewed: count}}), ``unmatched`` (stored reviews of
    commitments no longer extracted) and ``commitments``."""
    pairs = [(d["status_auto"], d["status"]) for _, d in nodes_of(graph, "Commitment") if d.get("reviewed")]
    confusion: dict[str, Counter] = {}
    for auto, reviewed in pairs:
        confusion.setdefault(auto, Counter())[reviewed] += 1
    commitments = {n for n, _ in nodes_of(graph, "Commitment")}
    kappa = cohen_kappa([a for a, _ in pairs], [r for _, r in pairs])
    return {
        "commitments": len(commitments),
        "reviewed": len(pairs),
        "agreement": round(sum(a == r for a, r in pairs) / len(pairs), 4) if pairs else None,
        "kappa": None if kappa is None else round(kappa, 4),
        "confusion": {auto: dict(c) for auto, c in sorted(confusion.items())},
        "unmatched": sorted(set(graph.graph.get("reviews", {})) - commitments),
    }
