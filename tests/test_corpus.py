"""kg on real reports nobody tuned it to: the development half of tests/corpus/real,
scored by the kg-independent script users run. The floors are what this version reaches
on the dev half (see the corpus README); a change that reads real reports worse fails
here. The held-out half is evaluated only by hand, at the end of a piece of work."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.graph.store import Store
from kg.views.records import (
    export_commitments,
    export_entities,
    export_indicators,
    export_reports,
)

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "corpus" / "real" / "dev"

# Set on 2026-12-07 at what the 105 texts reach (d80–d100 added, annotated before kg read
# them): county, province, date, review, indicator precision, company recall and the
# commitment recall and precision went down because the half grew by texts harder than
# the 84 before (news accounts of sessions, undated pages, places named only by the site),
# not because a rule changed: on the 84 every earlier floor still holds.
# County .942 and province .961 after issue 14's place rules (communities, villages on a road
# or in a counted list, the province shared by the candidates the text leaves).
FLOORS = {
    "loaded": 1.0,
    "town": 0.971,
    "county": 0.942,
    "province": 0.961,
    "date": 0.990,
    "review": 0.942,
    "plan": 0.885,
    "indicator recall": 0.901,
    "indicator precision": 0.977,
    "growth right": 1.0,
    "share right": 1.0,
    "modifier right": 1.0,
    "company recall": 0.770,
    "company precision": 0.986,
}
# The dev half's plans (commitments annotated in d41–d49, d54, d56, d57, p01–p05, d73, d74, d77,
# d79, the nine plans of d80–d100 and d107, d113, d114, d115, d121), by scripts/evaluate_commitments.py.
COMMITMENT_FLOORS = {"recall": 0.890, "precision": 0.949, "object right": 0.923, "milestone right": 0.994}


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corpus")
    store = Store(tmp / "store")
    summary = build([DEV], store)
    assert not summary.errors, [str(e) for e in summary.errors]
    graph = store.load()
    (tmp / "r.json").write_text(json.dumps(export_reports(graph), ensure_ascii=False), "utf-8")
    (tmp / "i.json").write_text(json.dumps(export_indicators(graph), ensure_ascii=False), "utf-8")
    (tmp / "e.json").write_text(json.dumps(export_entities(graph), ensure_ascii=False), "utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "evaluate_corpus.py"),
            str(DEV),
            str(tmp / "r.json"),
            str(tmp / "i.json"),
            str(tmp / "e.json"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    (tmp / "c.json").write_text(json.dumps(export_commitments(graph), ensure_ascii=False), "utf-8")
    promises = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "evaluate_commitments.py"),
            str(DEV),
            str(tmp / "r.json"),
            str(tmp / "c.json"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)["scores"] | {f"commitment {k}": v for k, v in json.loads(promises.stdout)["scores"].items()}


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_dev_half_is_read_at_least_as_well_as_before(scores, measure):
    assert scores[measure] >= FLOORS[measure], (measure, scores[measure])


@pytest.mark.parametrize("measure", sorted(COMMITMENT_FLOORS))
def test_dev_half_plans_are_read_at_least_as_well_as_before(scores, measure):
    assert scores[f"commitment {measure}"] >= COMMITMENT_FLOORS[measure], (measure, scores[f"commitment {measure}"])


def test_every_annotation_quotes_its_text():
    for ann_path in sorted(DEV.glob("*.ann.json")):
        ann = json.loads(ann_path.read_text("utf-8"))
        text = next(p for p in DEV.glob(ann_path.name.removesuffix(".ann.json") + ".*") if p != ann_path).read_text("utf-8")
        for value in ann["indicators"] + (ann.get("commitments") or []):
            assert value["quote"] in text, (ann_path.name, value["quote"])
