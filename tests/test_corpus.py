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

# The dev half grows by batches, each annotated before kg read it. A batch's floors are set
# when it joins, at what kg then reads of it, and only go up: a batch of texts harder than
# those before it (news accounts of sessions, undated pages, places named only by the site)
# lowers the half's average without any rule getting worse, so one floor over the whole half
# would have to be lowered each time a batch joins, and could then hide a loss on the texts
# before it. Each batch keeps its own floors instead.
#
# d01–d100, p01–p05: set on 2026-12-07 at what the 105 texts reach; county .942 and province
# .961 after issue 14's place rules; plan .904 (95 of 105; was .885) after the third
# session's period rules (a report cut short whose title names the year it reviews plans no
# period); company recall .800 (was .770) after the firms' structure rules.
FLOORS = {
    "loaded": 1.0,
    "town": 0.971,
    "county": 0.942,
    "province": 0.961,
    "date": 0.990,
    "review": 0.942,
    "plan": 0.904,
    # .901 before issue-14-values2's rules (an area before its crop, 增到, a sector's 各类投入):
    # .9215 at precision .978.
    "indicator recall": 0.921,
    # (.9845 after issue-14-recall: crops planted in a list of named villages are works.)
    "indicator precision": 0.984,
    "growth right": 1.0,
    "share right": 1.0,
    "modifier right": 1.0,
    "company recall": 0.822,  # was .800: lists of firms' names with no word closing them (issue-15-firms2)
    "company precision": 0.986,
}
# The 105 texts' plans (commitments annotated in d41–d49, d54, d56, d57, p01–p05, d73, d74,
# d77, d79 and the nine plans of d80–d100), by scripts/evaluate_commitments.py. Recall .902
# (was .843) and precision .945 (.941) after the third session's plan layouts; object right is
# a share of the promises found, and d93's progress table, now read (0 → 10 of 10 found),
# brought one object read wrong with nine right: 143 of 156 right (.9167) against 134 of 146
# (.9178) before, so its floor is .916 — the lead's decision, for ten more promises found.
# issue-15-plans2 (the fifth session): .9075 / .9458 / .9172 / .9936.
# issue-15-plans4: works named by two tasks joined (水质净化和中水回用项目) read whole, object .9172 → .9236.
COMMITMENT_FLOORS = {"recall": 0.907, "precision": 0.945, "object right": 0.923, "milestone right": 0.993}
# d101–d123 (annotated before kg read them; before any rule saw them main read loaded .87,
# town .83, date .61, review .43, plan .48, indicator recall .81, commitments .61 / .69):
# set when they joined, at what the merged rules read of them.
BATCH_FLOORS = {
    "loaded": 1.0,
    "town": 1.0,
    "county": 0.956,
    "province": 0.956,
    "date": 0.956,
    "review": 0.869,
    "plan": 0.869,
    # (.952 → 1.0: 消零 with 累计 before its verb, d101 — issue 14 values3.)
    "indicator recall": 1.0,
    # (.909 → .952: the people a works benefits, 受益人口, are no population — issue 14 values3.)
    "indicator precision": 0.952,
    "growth right": 1.0,
    "share right": 1.0,
    "modifier right": 1.0,
    "company recall": 1.0,  # 2 of 2 (was 1): a count of projects closes a list of firms (issue-15-firms2)
    "company precision": 1.0,
}
# issue-15-plans4: works named by their fund (财政奖补项目) are a category, precision .941 → 1.0.
BATCH_COMMITMENT_FLOORS = {"recall": 0.888, "precision": 1.0, "object right": 1.0, "milestone right": 0.937}
# d124–d144 (annotated before kg read them, while the fourth session's rules were written
# from the held-out half's failure classes; scored before any rule saw them, on main 71a3539
# and again on the session's merged rules, with the same figures but company recall .50 →
# .556 and commitment precision .42 → .448): set when they joined, at what the merged rules
# read of them. Four of them are news items on a town's works (d128, d133, d139, d142), not
# reports or accounts of a session, which kg refused as not a work report: loaded .81.
# Raised by issue-14-meta (2026-12-07): the four load as the town's plan or account (loaded
# 1.0, indicator recall .609 → .683, commitments .265 / .448 → .551 / .600); with the
# metadata rules of the same branch (a subdistrict named by its office, a closing day, a
# day-first dateline, a labelled page date, 下一步 no plan, an undated item's named year)
# town .714 → .952, county and province .761 → 1.0, date .761 → 1.0, review .523 → .809,
# plan .380 → .857.
BATCH5_FLOORS = {
    "loaded": 1.0,
    "town": 0.952,
    "county": 1.0,
    "province": 1.0,
    "date": 1.0,
    "review": 0.809,
    "plan": 0.904,  # .857 until a paragraph opening 某某镇将… after a review started the plan (d129, issue-15-unread)
    # .609 / .694 before issue-14-values2's rules (a congress account's year ahead, a
    # half-year session's first half, the neighbours of a value, a headline's repeated figure);
    # 40 of 41 at 40 of 42 once d142 loads (issue-14-meta); 40 of 41 found (issue-14-recall: a
    # works' yield after its budget or its 达产后 is the works', d142's 实现利税8.3亿元).
    "indicator recall": 0.975,
    "indicator precision": 0.975,
    "growth right": 1.0,
    "share right": 1.0,
    "modifier right": 1.0,
    "company recall": 0.7,  # was .555: firms listed before a count of projects, names made as firms' (issue-15-firms2); 7 of 10 once d128 and d142 load (7 of 9 before)
    "company precision": 1.0,
}
# .265 / .448 / .769 / .846 on main before the fifth session; its merged rules (the loading of a
# town's own plans, votes, numbered items, rows of works, counted groups) read .857 / .913 / .881 / .929.
# .898 / .916 / .886 / .931 once d129's plan paragraphs are read as plan (issue-15-unread).
BATCH5_COMMITMENT_FLOORS = {"recall": 0.897, "precision": 0.916, "object right": 0.886, "milestone right": 0.931}
# d145–d162 (annotated before kg read them, while the fifth session's rules were written from
# batch 5 and held-out classes): main before
# the session read loaded .83, town .72, county .67, date .72, review .33, plan .56, indicators
# .54 / .61, commitments .49 / .47 / .42 / .42; the merged rules read the same but for review
# .44, plan .44, indicator precision .58 and milestone .46. Floors at what the merged rules read.
BATCH6_FLOORS = {
    # issue-14-meta3 raised town, county, province, date, review, plan and the indicators: a
    # council's heard account names its year, the 索引号's credit code, template compilations,
    # a copy starting inside its plan part, a place directory's page, the slogan's chapter, a
    # plan-titled page holding the year's account; d151 and d153 re-annotated (Periods rule).
    # After it was scored: d154 (a 苏木's decade) loads by what most of its sentences do, which
    # raised loaded, town, county, date, plan and indicator recall, and brought 4 values and 1
    # firm the annotation does not count (indicator precision .58 → .55, company 1.0 → .5).
    "loaded": 0.888,
    "town": 0.888,
    "county": 0.888,
    "province": 0.888,
    "date": 0.833,
    "review": 0.722,
    "plan": 0.722,
    # Issue 14 (values3): 降幅 as a fall, a run-in heading of aims turning a review ahead, planned
    # and urged sums, building areas and classes of projects raised indicators .561 / .548 → .634 / .650;
    # kinds of a crop listed after its 各类 (草本/木本中药材) → .682 / .666; merged with meta3's
    # periods (values now of the right kind: targets or actuals) → .878 / .857; a figure a review
    # aims at (年底力争完成…, d157) is a target → .902 / .880 (issue-14-recall).
    "indicator recall": 0.902,
    "indicator precision": 0.880,
    "growth right": 1.0,
    "share right": 1.0,
    "modifier right": 1.0,
    "company recall": 0.333,
    "company precision": 0.5,
}
# The sixth session's rules of news items on the year's works (votes restated with their contents,
# a later clause's stage for the voted list, a news item read as an account that says what will be
# done, counted things fitted, upkeep) raised commitments .49 / .47 / .42 / .46 → .717 / .884 / .816 /
# .921 (issue-15-plans3). A stage dated ahead in progress news (目前…，预计10月底正式运行) promises the
# works it follows: .717 / .884 / .816 / .921 → .755 / .889 / .825 / .925 (issue-15-recall).
BATCH6_COMMITMENT_FLOORS = {"recall": 0.754, "precision": 0.888, "object right": 0.824, "milestone right": 0.924}
# d163–d186 (annotated before kg read them, while the sixth session's rules were written from
# batch 6 and held-out classes; 4 reports themselves, 12 accounts of congress or council
# sessions, plans, summaries): main before the session read loaded .96, town .88, county .75,
# date .71, review .67, plan .75, indicators .64 / .63, growth .97, companies .78 / 1.00,
# commitments .61 / .69 / .36 / .55; the merged rules read the same but for review .71 and
# indicator precision .68. Floors at what the merged rules read (d178, a conference news item,
# is refused).
BATCH7_FLOORS = {
    "loaded": 0.958,
    "town": 0.916,
    "county": 0.791,
    "province": 0.791,
    "date": 0.791,
    "review": 0.833,
    "plan": 0.833,
    # A figure a review aims at (为全面实现…的目标, d181) is a target: .76 / .76 → .82 / .82; the sums
    # listed after a works' budget (计划投资500万元，创产值300万元, d168) are the works' → .82 / .891
    # (issue-14-recall).
    "indicator recall": 0.82,
    "indicator precision": 0.891,
    "growth right": 0.969,
    "share right": 1.0,
    "modifier right": 1.0,
    "company recall": 0.777,
    "company precision": 1.0,
}
# issue-15-plans4: a list closer (等10个) ends a member's name, funds' categories are none:
# precision .687 → .785, object .363 → .454.
# issue-15-plans4: joining two lines of work (…与…紧密结合) is no promise: precision .785 → .916.
# issue-15-recall: a stage dated ahead in progress news (目前，水厂已开工建设，计划在今年10月竣工) promises
# the works the sentence before builds: .611 / .916 / .454 / .545 → .666 / .923 / .500 / .583.
BATCH7_COMMITMENT_FLOORS = {"recall": 0.666, "precision": 0.923, "object right": 0.5, "milestone right": 0.583}
# d187–d227 (annotated before kg read them, while the seventh session's rules were written from
# batch 7 and the dev half; 9 report texts, 20 accounts of sessions and progress items, 4 plans,
# 4 towns' own summaries): main before the session and the merged rules read it alike but for one
# date (.61 -> .63) and one spurious value. Floors at what the merged rules read (seven texts
# that no sign tells as a work report are refused).
BATCH8_FLOORS = {
    "loaded": 0.829,
    "town": 0.731,
    "county": 0.682,
    "province": 0.707,
    "date": 0.634,
    "review": 0.463,
    "plan": 0.536,
    "indicator recall": 0.68,
    "indicator precision": 0.839,
    "growth right": 0.985,
    "share right": 0.75,
    "modifier right": 1.0,
    "company recall": 1.0,
    "company precision": 0.166,
}
BATCH8_COMMITMENT_FLOORS = {"recall": 0.378, "precision": 0.4, "object right": 0.428, "milestone right": 0.5}
# Which floors hold for which texts: a batch by the stems it holds.
BATCHES = {
    "d01-d100,p01-p05": (lambda stem: stem.startswith("p") or int(stem[1:]) <= 100, FLOORS, COMMITMENT_FLOORS),
    "d101-d123": (lambda stem: stem.startswith("d") and 101 <= int(stem[1:]) <= 123, BATCH_FLOORS, BATCH_COMMITMENT_FLOORS),
    "d124-d144": (lambda stem: stem.startswith("d") and 124 <= int(stem[1:]) <= 144, BATCH5_FLOORS, BATCH5_COMMITMENT_FLOORS),
    "d145-d162": (lambda stem: stem.startswith("d") and 145 <= int(stem[1:]) <= 162, BATCH6_FLOORS, BATCH6_COMMITMENT_FLOORS),
    "d163-d186": (lambda stem: stem.startswith("d") and 163 <= int(stem[1:]) <= 186, BATCH7_FLOORS, BATCH7_COMMITMENT_FLOORS),
    "d187-d227": (lambda stem: stem.startswith("d") and 187 <= int(stem[1:]) <= 227, BATCH8_FLOORS, BATCH8_COMMITMENT_FLOORS),
}


def _evaluate(script: str, folder: Path, *exports: Path) -> dict:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), str(folder), *map(str, exports), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)["scores"]


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    """Each batch's scores: one build of the whole half, then the kg-independent scripts on a
    folder of each batch's texts and annotations (the scripts score the annotations a folder
    holds, so the exports of the whole half serve every batch)."""
    tmp = tmp_path_factory.mktemp("corpus")
    store = Store(tmp / "store")
    summary = build([DEV], store)
    # Since issue 14's sibling rule (2026-12-07) the four news items on a town's works kg refused
    # (d128, d133, d139, d142) load as the town's plan or account. Batch d145–d162 joined with
    # three texts kg refuses (a numbered list of works with no heading, a 苏木's ten-year account,
    # a conference news item): a refusal must be kg's one-line "not a work report", never a crash,
    # and each batch's "loaded" floor counts them (1.0 for every batch before d145).
    refusals = [str(e) for e in summary.errors]
    assert all("not a work report" in r for r in refusals), refusals
    graph = store.load()
    exports = {
        "r": export_reports(graph),
        "i": export_indicators(graph),
        "e": export_entities(graph),
        "c": export_commitments(graph),
    }
    for name, rows in exports.items():
        (tmp / f"{name}.json").write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    by_batch = {}
    for batch, (holds, _floors, _commitment_floors) in BATCHES.items():
        folder = tmp / batch
        folder.mkdir()
        for path in DEV.iterdir():
            if holds(path.name.split(".")[0]):
                (folder / path.name).symlink_to(path)
        corpus = _evaluate("evaluate_corpus.py", folder, tmp / "r.json", tmp / "i.json", tmp / "e.json")
        promises = _evaluate("evaluate_commitments.py", folder, tmp / "r.json", tmp / "c.json")
        by_batch[batch] = corpus | {f"commitment {k}": v for k, v in promises.items()}
    return by_batch


def test_every_dev_text_is_in_one_batch():
    stems = {path.name.split(".")[0] for path in DEV.iterdir()}
    for stem in stems:
        assert sum(holds(stem) for holds, _, _ in BATCHES.values()) == 1, stem


FLOOR_CASES = [(batch, measure) for batch, (_, floors, _) in BATCHES.items() for measure in sorted(floors)]
COMMITMENT_CASES = [(batch, measure) for batch, (_, _, floors) in BATCHES.items() for measure in sorted(floors)]


@pytest.mark.parametrize(("batch", "measure"), FLOOR_CASES)
def test_dev_half_is_read_at_least_as_well_as_before(scores, batch, measure):
    floor = BATCHES[batch][1][measure]
    assert scores[batch][measure] >= floor, (batch, measure, scores[batch][measure])


@pytest.mark.parametrize(("batch", "measure"), COMMITMENT_CASES)
def test_dev_half_plans_are_read_at_least_as_well_as_before(scores, batch, measure):
    floor = BATCHES[batch][2][measure]
    assert scores[batch][f"commitment {measure}"] >= floor, (batch, measure, scores[batch][f"commitment {measure}"])


def test_every_annotation_quotes_its_text():
    for ann_path in sorted(DEV.glob("*.ann.json")):
        ann = json.loads(ann_path.read_text("utf-8"))
        text = next(p for p in DEV.glob(ann_path.name.removesuffix(".ann.json") + ".*") if p != ann_path).read_text("utf-8")
        for value in ann["indicators"] + (ann.get("commitments") or []):
            assert value["quote"] in text, (ann_path.name, value["quote"])
