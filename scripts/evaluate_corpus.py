#!/usr/bin/env python3
"""How kg reads real reports: metadata, periods and indicator values against the hand
annotation of the development corpus (tests/corpus/real, see its README).

Independent of kg: it reads the JSON that ``kg export reports`` and ``kg export
indicators`` write for a build of one half of the corpus, and the ``*.ann.json`` files.

    kg build tests/corpus/real/dev --store /tmp/dev
    kg export reports --store /tmp/dev -o reports.json
    kg export indicators --store /tmp/dev -o indicators.json
    kg export entities --store /tmp/dev -o entities.json     # optional: companies are scored too
    python3 scripts/evaluate_corpus.py tests/corpus/real/dev reports.json indicators.json [entities.json] [--misses] [--json]

Scoring:

- a report is *loaded* when kg's reports export has it (matched by file name);
- town, county (district), city, province, date, review and plan are *right* when they
  equal the annotation (null included: a field the text does not tell must stay empty;
  街道办事处 counts as 街道);
- an indicator value found by kg is *correct* when an annotated value of the same report
  and kind has the same number and unit (or, with no number, the same growth) and its
  quote overlaps kg's clause; each annotated value is matched once. Recall is over the
  annotated values, precision over kg's; *growth right* is over the matched pairs;
  *share right* (完成全年目标的X%) and *modifier right* (左右, 以上, 力争, 超, 余, a range…)
  are over the matched pairs whose annotation gives one;
- with the entities export, a *company* annotated is found when a Company entity the
  report mentions has its name (equal, or one holding the other); company precision is
  over the Company entities the reports mention.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from annotation_text import simplified

FIELDS = [
    ("town", "town"),
    ("county", "district"),
    ("city", "city"),
    ("province", "province"),
    ("date", "date"),
    ("review", "review"),
    ("plan", "plan"),
]
# What the targets ask of the held-out half.
TARGETS = {
    "loaded": 1.0,
    "town": 0.95,
    "county": 0.95,
    "date": 0.90,
    "indicator recall": 0.90,
    "indicator precision": 0.95,
    "growth right": 0.90,
}


def _norm_place(name: str | None) -> str | None:
    return name.replace("街道办事处", "街道") if name else name


def _compact(text: str) -> str:
    """Text without spaces, line breaks, reading aids (鎮(zhèn)) and punctuation or script
    differences, for overlap tests."""
    text = re.sub(r"\s+", "", text or "")
    text = simplified(text)
    table = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "%": "%", "％": "%"})
    return text.translate(table)


def _overlaps(quote: str, clause: str) -> bool:
    q, c = _compact(quote), _compact(clause)
    if not q or not c:
        return False
    if q in c or c in q:
        return True
    # Long clauses and quotes cut differently still share a run of characters.
    return any(q[i : i + 8] in c for i in range(0, max(1, len(q) - 7), 4))


def _same_number(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-6


def _unit(u: str | None) -> str | None:
    return simplified(u.replace("％", "%")) if u else u


def match_indicators(gold: list[dict], found: list[dict]) -> list[tuple[dict, dict]]:
    pairs = []
    free = list(gold)
    for f in found:
        for g in free:
            if g.get("kind") != f.get("kind"):
                continue
            if g.get("value") is not None or f.get("value") is not None:
                if not (_same_number(g.get("value"), f.get("value")) and _unit(g.get("unit")) == _unit(f.get("unit"))):
                    continue
            elif not _same_number(g.get("growth_pct"), f.get("growth_pct")):
                continue
            if not _overlaps(g.get("quote", ""), f.get("text", "")):
                continue
            pairs.append((g, f))
            free.remove(g)
            break
    return pairs


def _same_firm(a: str, b: str) -> bool:
    a, b = _compact(a), _compact(b)
    return a == b or (min(len(a), len(b)) >= 2 and (a in b or b in a))


def evaluate(folder: Path, reports: list[dict], indicators: list[dict], entities: list[dict] | None = None) -> dict:
    by_name = {Path(r["source"]).name: r for r in reports}
    firms: dict[str, list[str]] = {}
    for entity in entities or []:
        if entity.get("type") == "Company":
            for mention in entity.get("mentions", []):
                firms.setdefault(mention["report"], []).append(entity["name"])
    rows = []
    totals = {
        "reports": 0,
        "loaded": 0,
        **{k: 0 for k, _ in FIELDS},
        "gold values": 0,
        "found values": 0,
        "matched": 0,
        "growth right": 0,
        "gold companies": 0,
        "companies found": 0,
        "found companies": 0,
        "companies right": 0,
        "with share": 0,
        "share right": 0,
        "with modifier": 0,
        "modifier right": 0,
    }
    misses: list[str] = []
    for ann_path in sorted(folder.glob("*.ann.json")):
        ann = json.loads(ann_path.read_text("utf-8"))
        stem = ann_path.name.removesuffix(".ann.json")
        text_file = next((p for p in folder.glob(stem + ".*") if not p.name.endswith(".ann.json")), None)
        totals["reports"] += 1
        report = by_name.get(text_file.name) if text_file else None
        gold_values = ann.get("indicators") or []
        totals["gold values"] += len(gold_values)
        row = {"report": stem, "loaded": report is not None}
        if report is None:
            misses.append(f"{stem}\tnot loaded")
            rows.append(row)
            continue
        totals["loaded"] += 1
        expected = {
            "town": _norm_place(ann.get("town")),
            "county": ann.get("county"),
            "city": ann.get("city"),
            "province": ann.get("province"),
            "date": ann.get("session_date"),
            "review": ann.get("review"),
            "plan": ann.get("plan"),
        }
        for field, key in FIELDS:
            got = _norm_place(report.get(key)) if field == "town" else report.get(key)
            ok = got == expected[field]
            row[field] = ok
            totals[field] += ok
            if not ok:
                misses.append(f"{stem}\t{field}\texpected {expected[field]!r}\tgot {got!r}")
        found = [v for v in indicators if v.get("report") == report["id"]]
        totals["found values"] += len(found)
        pairs = match_indicators(gold_values, found)
        totals["matched"] += len(pairs)
        totals["growth right"] += sum(_same_number(g.get("growth_pct"), f.get("growth_pct")) for g, f in pairs)
        matched_gold = [id(g) for g, _ in pairs]
        matched_found = [id(f) for _, f in pairs]
        for g in gold_values:
            if id(g) not in matched_gold:
                misses.append(
                    f"{stem}\tindicator missed\t{g.get('kind')} {g.get('name')} {g.get('value')}{g.get('unit') or ''}"
                    f" growth {g.get('growth_pct')}\t{g.get('quote')}"
                )
        for f in found:
            if id(f) not in matched_found:
                misses.append(
                    f"{stem}\tindicator spurious\t{f.get('kind')} {f.get('name')} {f.get('value')}{f.get('unit') or ''}"
                    f" growth {f.get('growth_pct')}\t{f.get('text')}"
                )
        for g, f in pairs:
            if g.get("share_of_target_pct") is not None:
                totals["with share"] += 1
                ok = _same_number(g["share_of_target_pct"], f.get("share_of_target_pct"))
                totals["share right"] += ok
                if not ok:
                    misses.append(
                        f"{stem}\tshare wrong\texpected {g['share_of_target_pct']}\tgot {f.get('share_of_target_pct')}\t{g.get('quote')}"
                    )
            if g.get("modifier"):
                totals["with modifier"] += 1
                ok = _compact(g["modifier"]).replace("-", "—") == _compact(f.get("modifier") or "").replace("-", "—")
                totals["modifier right"] += ok
                if not ok:
                    misses.append(
                        f"{stem}\tmodifier wrong\texpected {g['modifier']!r}\tgot {f.get('modifier')!r}\t{g.get('quote')}"
                    )
            if not _same_number(g.get("growth_pct"), f.get("growth_pct")):
                misses.append(
                    f"{stem}\tgrowth wrong\texpected {g.get('growth_pct')}\tgot {f.get('growth_pct')}\t{g.get('quote')}"
                )
        if entities is not None:
            gold_firms = ann.get("companies") or []
            found_firms = sorted(set(firms.get(report["id"], [])))
            totals["gold companies"] += len(gold_firms)
            totals["found companies"] += len(found_firms)
            hits = [g for g in gold_firms if any(_same_firm(g, f) for f in found_firms)]
            totals["companies found"] += len(hits)
            totals["companies right"] += sum(any(_same_firm(g, f) for g in gold_firms) for f in found_firms)
            misses += [f"{stem}\tcompany missed\t{g}" for g in gold_firms if g not in hits]
            misses += [f"{stem}\tcompany spurious\t{f}" for f in found_firms if not any(_same_firm(g, f) for g in gold_firms)]
        row.update(gold=len(gold_values), found=len(found), matched=len(pairs))
        rows.append(row)
    n = totals["reports"] or 1
    scores = {
        "loaded": totals["loaded"] / n,
        **{field: totals[field] / n for field, _ in FIELDS},
        "indicator recall": totals["matched"] / totals["gold values"] if totals["gold values"] else 1.0,
        "indicator precision": totals["matched"] / totals["found values"] if totals["found values"] else 1.0,
        "growth right": totals["growth right"] / totals["matched"] if totals["matched"] else 1.0,
        "share right": totals["share right"] / totals["with share"] if totals["with share"] else 1.0,
        "modifier right": totals["modifier right"] / totals["with modifier"] if totals["with modifier"] else 1.0,
    }
    if entities is not None:
        scores["company recall"] = totals["companies found"] / totals["gold companies"] if totals["gold companies"] else 1.0
        scores["company precision"] = totals["companies right"] / totals["found companies"] if totals["found companies"] else 1.0
    return {"scores": scores, "totals": totals, "rows": rows, "misses": misses}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("reports", type=Path)
    parser.add_argument("indicators", type=Path)
    parser.add_argument("entities", type=Path, nargs="?", help="kg export entities: companies are scored too")
    parser.add_argument("--misses", action="store_true", help="list every field and value that is wrong")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = evaluate(
        args.folder,
        json.loads(args.reports.read_text("utf-8")),
        json.loads(args.indicators.read_text("utf-8")),
        json.loads(args.entities.read_text("utf-8")) if args.entities else None,
    )
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    t = result["totals"]
    print(f"{args.folder}: {t['reports']} reports, {t['gold values']} annotated indicator values, {t['found values']} found")
    for name, score in result["scores"].items():
        target = TARGETS.get(name)
        mark = "" if target is None else f"  target ≥ {target:.2f} {'ok' if score >= target else 'MISSED'}"
        print(f"  {name:<20} {score:6.2f}{mark}")
    if args.misses:
        print()
        print("\n".join(result["misses"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
