#!/usr/bin/env python3
"""Precision and recall of extracted entities against the hand-annotated development set.

Independent of kg: it reads the JSON that ``kg export reports`` and ``kg export
entities`` write, and the annotation files in ``tests/devset`` (``type<TAB>name``).

    kg export reports -o reports.json && kg export entities -o entities.json
    python3 scripts/evaluate_entities.py reports.json entities.json [--gold tests/devset] [--misses]

An extracted entity of a report counts as correct when its name or one of its aliases
equals an annotated name of the same class in that report (spaces and quotes ignored).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

SCORED = ["Company", "Park", "MetroStation", "MetroLine", "Village", "Parcel", "IndustrialPark", "Initiative"]
TARGETS = {"Initiative": (0.0, 0.8)}  # (precision, recall) to reach; others 0.9 and 0.9


def norm(name: str) -> str:
    return "".join(ch for ch in name if ch not in " “”\"'")


def read_gold(path: Path) -> dict[str, set[str]]:
    gold: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            entity_type, name = line.split("\t")[:2]
            gold[entity_type].add(norm(name))
    return gold


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("reports", type=Path)
    parser.add_argument("entities", type=Path)
    parser.add_argument("--gold", type=Path, default=Path(__file__).resolve().parent.parent / "tests" / "devset")
    parser.add_argument("--misses", action="store_true", help="List false negatives and false positives.")
    args = parser.parse_args()

    reports = json.loads(args.reports.read_text("utf-8"))
    entities = json.loads(args.entities.read_text("utf-8"))
    report_of_file = {Path(r["source"]).stem: r["id"] for r in reports}

    totals = {t: [0, 0, 0] for t in SCORED}  # true positives (of predictions), predictions, gold found / gold
    found_gold = {t: [0, 0] for t in SCORED}
    misses = []
    for gold_file in sorted(args.gold.glob("*.tsv")):
        report_id = report_of_file.get(gold_file.stem)
        if report_id is None:
            print(f"{gold_file.name}: report not in {args.reports}", file=sys.stderr)
            return 2
        gold = read_gold(gold_file)
        predicted: dict[str, list[set[str]]] = defaultdict(list)
        for entity in entities:
            if any(m["report"] == report_id for m in entity["mentions"]):
                names = {norm(entity["name"])} | {norm(a) for a in entity.get("aliases", [])}
                predicted[entity["type"]].append(names)
        for entity_type in SCORED:
            g = gold.get(entity_type, set())
            p = predicted.get(entity_type, [])
            correct = [names for names in p if names & g]
            totals[entity_type][0] += len(correct)
            totals[entity_type][1] += len(p)
            hit = {name for name in g if any(name in names for names in p)}
            found_gold[entity_type][0] += len(hit)
            found_gold[entity_type][1] += len(g)
            misses += [(gold_file.stem[:3], entity_type, "missed", n) for n in sorted(g - hit)]
            misses += [(gold_file.stem[:3], entity_type, "spurious", sorted(names)[0]) for names in p if not names & g]

    failed = False
    print(f"{'class':<16}{'precision':>10}{'recall':>10}{'pred':>7}{'gold':>7}  target")
    for entity_type in SCORED:
        tp, pred, _ = totals[entity_type]
        hit, gold_n = found_gold[entity_type]
        precision = tp / pred if pred else 1.0
        recall = hit / gold_n if gold_n else 1.0
        want_p, want_r = TARGETS.get(entity_type, (0.9, 0.9))
        ok = precision >= want_p and recall >= want_r
        failed |= not ok
        target = (f"P≥{want_p} " if want_p else "") + f"R≥{want_r}"
        print(f"{entity_type:<16}{precision:>10.2f}{recall:>10.2f}{pred:>7}{gold_n:>7}  {target} {'ok' if ok else 'MISSED'}")
    if args.misses:
        for report, entity_type, kind, name in misses:
            print(f"{report}\t{entity_type}\t{kind}\t{name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
