"""Company rules on text they were not written against: the texts of tests/corpus/companies
(real report openings found after the rules of issue 15c were reverted) and the sample
reports 000, 002 and 004, each with a hand list of the firms it names (``<stem>.firms``),
written before kg was run on it (see that folder's README).

kg refuses some of these texts as work reports (news items, speeches, summaries of the
same genre): the check reads every text into the document model without that refusal and
runs the mention finder over its sentences, as a build does. A listed firm is found when
a Company mention's name equals it or one holds the other (the rule of
scripts/evaluate_corpus.py); precision is over the distinct Company names found.

    .venv/bin/python -m tests.test_companies      # the scores and every miss
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg.extraction.mentions import report_mentions
from kg.ids import report_id
from loaders.model import Report
from loaders.read import read_document
from loaders.structure import build_report

ROOT = Path(__file__).resolve().parent.parent
CHECK = ROOT / "tests" / "corpus" / "companies"
SAMPLES = ROOT / "data" / "reports"

sys.path.insert(0, str(ROOT / "scripts"))
from evaluate_corpus import _same_firm  # noqa: E402  (the corpus's own matching rule)

# What the rules reach on these texts; a change may raise them, never lower them.
FLOORS = {"company recall": 0.625, "company precision": 0.99}


def _text_of(stem: str) -> Path:
    for folder in (CHECK, SAMPLES):
        for path in sorted(folder.glob(f"{stem}.*")):
            if path.suffix != ".firms":
                return path
    raise FileNotFoundError(stem)


def _firms_named(path: Path) -> set[str]:
    document = read_document(path)
    report = Report(
        id=report_id(document.sha256),
        source=str(path),
        sha256=document.sha256,
        format=document.format,
        encoding=document.encoding,
        original=document.text,
    )
    build_report(report)
    return {m.name for m in report_mentions(report) if m.type == "Company"}


def _hand_list(path: Path) -> list[str]:
    lines = (line.strip() for line in path.read_text("utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def evaluate() -> tuple[dict[str, float], list[str]]:
    gold_total = found_total = hits_total = right_total = 0
    misses: list[str] = []
    for firms in sorted(CHECK.glob("*.firms")):
        gold = _hand_list(firms)
        found = sorted(_firms_named(_text_of(firms.stem)))
        hits = [g for g in gold if any(_same_firm(g, f) for f in found)]
        right = [f for f in found if any(_same_firm(g, f) for g in gold)]
        gold_total, found_total = gold_total + len(gold), found_total + len(found)
        hits_total, right_total = hits_total + len(hits), right_total + len(right)
        misses += [f"{firms.stem}\tcompany missed\t{g}" for g in gold if g not in hits]
        misses += [f"{firms.stem}\tcompany spurious\t{f}" for f in found if f not in right]
    scores = {
        "company recall": hits_total / gold_total if gold_total else 1.0,
        "company precision": right_total / found_total if found_total else 1.0,
        "gold": gold_total,
        "found": found_total,
    }
    return scores, misses


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    return evaluate()[0]


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_unseen_company_floor(scores: dict[str, float], measure: str) -> None:
    assert scores[measure] >= FLOORS[measure], f"{measure} {scores[measure]:.3f} < floor {FLOORS[measure]}"


if __name__ == "__main__":
    measured, missed = evaluate()
    for key, value in measured.items():
        print(f"  {key:<20} {value:.3f}" if isinstance(value, float) else f"  {key:<20} {value}")
    print("\n".join(missed))
