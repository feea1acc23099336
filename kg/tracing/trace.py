"""Tracing commitments into later reports of the same town, and their status.

For a commitment of report R (town T, period P up to its deadline), the **follow-ups**
are the review parts of later reports of T whose period overlaps P. Candidate evidence
is found through the entities the commitment is about (blocked by entity, so the cost
grows with the number of reports, not its square):

- the same entity (aliases are one entity already), its parts (PART_OF: progress on a
  phase follows up a promise about the park) or its whole;
- for a promise about an unnamed thing (2个驿站) or only about a container place (a
  road, river, village, town), progress naming the same kind of thing (驿站).

A candidate is evidence when its phases do not contradict the promise's (商品房四期 is not
followed up by 商品房二、三期) and, unless it names the same specific entity, it shares
content words with the promise besides the names: a road's greening is no evidence for
the road's handover, and a station's construction is no evidence for the road of the
same name (they are two entities). Evidence from a footnote counts less.

Status: DELIVERED when evidence reports the promised stage reached (for a
promise of work carried on, 推进, the work completed; for a promise about several things,
all of them); STALLED when evidence reports a delay and none the stage reached;
IN_PROGRESS with any other evidence; with none, NOT_REPORTED when the follow-ups cover
the whole promised period, AWAITING_FOLLOW_UP when they do not (or there are none).

A later plan that promises the same object again, at the same or a later stage, is
linked as a recommitment.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

import networkx as nx

from kg.extraction.claims import Claim, claim_from_node
from kg.extraction.objects import CONTAINER_TYPES
from kg.graph.model import add_edge, nodes_of
from kg.graph.vocab import statuses
from kg.tracing.review import apply_reviews

STATUSES = statuses()  # from the ontology (kg:deliveryStatusOrder)
DONE_RANK = 6  # 竣工: what "work carried on" must reach to count as delivered
MIN_SHARED = 2  # content bigrams a weaker candidate must share with the promise
FOOTNOTE_FACTOR = 0.7

# Words every clause of this genre uses: sharing them says nothing about the topic.
_COMMON = {
    "推进",
    "推动",
    "工作",
    "完成",
    "加快",
    "持续",
    "积极",
    "全面",
    "一步",
    "进一",
    "实现",
    "开展",
    "项目",
    "建设",
    "有序",
    "继续",
    "深化",
    "提升",
    "加强",
    "优化",
    "实施",
    "打造",
    "启动",
    "高质",
    "质量",
    "量完",
    "着力",
    "全力",
    "上半",
    "半年",
    "下半",
    "今年",
    "年内",
    "同步",
    "落实",
    "进展",
    "顺利",
    "基本",
    "正式",
    "成功",
    "稳步",
}


_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")


def _bigrams(text: str) -> set[str]:
    han = _NOT_HAN.sub(" ", text)
    grams = {han[i : i + 2] for i in range(len(han) - 1)}
    return {g for g in grams if " " not in g} - _COMMON


def content_overlap(promise: Claim, progress: Claim, names: set[str]) -> set[str]:
    """The content bigrams two clauses share once entity names are blanked out."""

    def blank(text: str) -> str:
        for name in sorted(names, key=len, reverse=True):
            text = text.replace(name, " ")
        return text

    return _bigrams(blank(promise.text)) & _bigrams(blank(progress.text))


@dataclass
class Evidence:
    progress: Claim
    score: float
    relation: str  # same, part, whole, kind


@dataclass
class Traced:
    commitment: Claim
    status: str
    evidence: list[Evidence] = field(default_factory=list)
    followups: list[str] = field(default_factory=list)  # review part ids
    recommitted_as: list[Claim] = field(default_factory=list)


@dataclass(frozen=True)
class _ReportInfo:
    id: str
    town: str | None
    date: date | None


def _reports(graph: nx.MultiDiGraph) -> dict[str, _ReportInfo]:
    info = {}
    for node, data in nodes_of(graph, "Report"):
        town = next((t for _, t, k in graph.out_edges(node, keys=True) if k == "REPORTS_ON"), None)
        info[node] = _ReportInfo(node, town, date.fromisoformat(data["date"]) if data.get("date") else None)
    return info


def _review_parts(graph: nx.MultiDiGraph) -> dict[str, list[tuple[str, date, date]]]:
    """Report id → its review parts with their periods."""
    parts = defaultdict(list)
    for node, data in nodes_of(graph, "Part"):
        if data.get("kind") == "review" and data.get("period_start"):
            parts[data["report"]].append((node, date.fromisoformat(data["period_start"]), date.fromisoformat(data["period_end"])))
    return parts


def _covered(spans: list[tuple[date, date]], start: date, end: date) -> bool:
    """Whether the spans together cover start..end."""
    cursor = start
    for s, e in sorted(spans):
        if s > cursor:
            return False
        cursor = max(cursor, e + timedelta(days=1))
        if cursor > end:
            return True
    return cursor > end


def _related(graph: nx.MultiDiGraph, entity: str) -> list[tuple[str, str]]:
    """(entity, relation) for the entity itself, its parts and its whole."""
    out = [(entity, "same")]
    out += [(child, "part") for child, _, k in graph.in_edges(entity, keys=True) if k == "PART_OF"]
    out += [(whole, "whole") for _, whole, k in graph.out_edges(entity, keys=True) if k == "PART_OF"]
    return out


def _names(graph: nx.MultiDiGraph, entities: list[str]) -> set[str]:
    names = set()
    for e in entities:
        data = graph.nodes[e]
        names.add(data.get("name", ""))
        names.update(data.get("aliases", []))
    return {n for n in names if n}


def _reached(commitment: Claim, evidence: list[Evidence]) -> int:
    """The stage the evidence shows reached. A promise about several things is kept when
    all of them are: 1号驿站 at 主体完工 and 2号驿站 at 竣工 have not both reached 竣工."""
    done = [e.progress for e in evidence if e.progress.reached_ranks and not e.progress.towards]
    if not done:
        return 0
    if (commitment.quantity or 0) > 1:
        return min(min(p.reached_ranks) for p in done)
    return max(max(p.reached_ranks) for p in done)


_AT = re.compile(r"^(?:上盖|周边|沿线|沿岸|两侧|南侧|北侧|东侧|西侧|地区|区域|板块|片区|TOD|岸坡|滨江|滨水)")


_PHASE = re.compile(r"[一二三四五六七八九十\d]+期")


def _about_something_at(graph: nx.MultiDiGraph, c: Claim) -> bool:
    """Whether the promise's object is a place or works at its entity (呼兰路站点上盖,
    大康路管网), not the entity: the object names more than the entity, or the text goes
    on with a place word after it."""
    names = _names(graph, c.entities)
    for name in sorted(names, key=len, reverse=True) if c.object not in names else ():
        if c.object.startswith(name) and len(c.object) > len(name) and not _PHASE.fullmatch(c.object[len(name) :]):
            return True
    surface = next((n for n in sorted(names, key=len, reverse=True) if n in c.text), c.object)
    position = c.text.find(surface)
    return position >= 0 and bool(_AT.match(c.text[position + len(surface) :]))


def status_of(commitment: Claim, evidence: list[Evidence], followup_spans: list[tuple[date, date]]) -> str:
    """The status of a commitment from its evidence and the periods its follow-ups cover."""
    if not followup_spans:
        return "AWAITING_FOLLOW_UP"
    # A stage the promise states must be reached; works promised with no stage (推进X建设)
    # and other promises must be done.
    target = commitment.milestone_rank if commitment.stage_stated and commitment.milestone_rank else DONE_RANK
    if _reached(commitment, evidence) >= target:
        return "DELIVERED"
    if any(e.progress.signals for e in evidence):
        return "STALLED"
    if evidence:
        return "IN_PROGRESS"
    assert commitment.period_start and commitment.deadline  # every commitment has its period (claims.py)
    start, end = date.fromisoformat(commitment.period_start), date.fromisoformat(commitment.deadline)
    return "NOT_REPORTED" if _covered(followup_spans, start, end) else "AWAITING_FOLLOW_UP"


def trace(graph: nx.MultiDiGraph) -> dict[str, Traced]:
    """Trace every Commitment in the graph (claims must be in it already)."""
    reports = _reports(graph)
    reviews = _review_parts(graph)
    commitments = [claim_from_node(graph, n) for n, _ in nodes_of(graph, "Commitment")]
    progress = [claim_from_node(graph, n) for n, _ in nodes_of(graph, "Progress")]
    by_entity: dict[str, list[Claim]] = defaultdict(list)
    by_kind: dict[tuple[str | None, str], list[Claim]] = defaultdict(list)
    for p in progress:
        for e in p.entities:
            by_entity[e].append(p)
        for head in p.heads:
            by_kind[(reports[p.report].town, head)].append(p)

    later_plans: dict[str, list[Claim]] = defaultdict(list)
    for c in commitments:
        for e in c.entities:
            later_plans[e].append(c)
        if not c.entities:
            for head in c.heads:
                later_plans[f"kind:{reports[c.report].town}:{head}"].append(c)

    reports_of_town: dict[str | None, list[_ReportInfo]] = defaultdict(list)
    for r in reports.values():
        reports_of_town[r.town].append(r)

    traced = {}
    for c in commitments:
        origin = reports[c.report]
        if not c.period_start or not c.deadline:  # a plan of no known period: nothing can follow it up
            traced[c.id] = Traced(c, "AWAITING_FOLLOW_UP")
            continue
        c_start, c_end = date.fromisoformat(c.period_start), date.fromisoformat(c.deadline)
        followups = [
            (part, s, e)
            for r in reports_of_town[origin.town]
            if r.date and origin.date and r.date > origin.date
            for part, s, e in reviews.get(r.id, [])
            if s <= c_end and e >= c_start
        ]
        followup_ids = {p for p, _, _ in followups}
        specific = [e for e in c.entities if graph.nodes[e]["label"] not in CONTAINER_TYPES]
        candidates: dict[str, tuple[Claim, str]] = {}
        for entity in c.entities:
            for related, relation in _related(graph, entity):
                for p in by_entity.get(related, []):
                    if p.part in followup_ids:
                        candidates.setdefault(
                            p.id, (p, relation if graph.nodes[entity]["label"] not in CONTAINER_TYPES else "container")
                        )
        if not specific:
            for head in c.heads:
                for p in by_kind.get((origin.town, head), []):
                    if p.part in followup_ids:
                        candidates.setdefault(p.id, (p, "kind"))
        own_names = _names(graph, c.entities)
        # 呼兰路站点上盖, 东茭泾岸坡: the promise is about something at the entity, so it
        # needs shared words like a container does.
        at_entity = _about_something_at(graph, c)
        evidence, seen_clauses = [], set()
        for p, relation in sorted(candidates.values(), key=lambda pr: pr[0].id):
            if c.phases and p.phases and not set(c.phases) & set(p.phases):
                continue
            if (p.sentence, p.start) in seen_clauses:
                continue
            names = own_names | (_names(graph, p.entities) if relation != "kind" else set())
            shared = content_overlap(c, p, names)
            if relation == "same" and at_entity:
                relation = "container"
            if relation == "same":
                score = 0.7 + 0.05 * min(len(shared), 6)
            elif relation == "kind" and shared - _bigrams(" ".join(c.heads)):
                score = 0.4 + 0.05 * min(len(shared), 6)  # beyond the kind word itself: 滨江…驿站
            elif relation != "kind" and len(shared) >= MIN_SHARED:
                score = 0.4 + 0.05 * min(len(shared), 6)
            else:
                continue
            if p.in_footnote:
                score *= FOOTNOTE_FACTOR
            seen_clauses.add((p.sentence, p.start))
            evidence.append(Evidence(p, round(score, 3), relation))
        evidence.sort(key=lambda e: (-e.score, e.progress.id))
        status = status_of(c, evidence, [(s, e) for _, s, e in followups])
        traced[c.id] = Traced(c, status, evidence, sorted(followup_ids))

    # Recommitments: the same object promised again in the next later plan of the town.
    for c in commitments:
        origin = reports[c.report]
        repeats = []
        keys = c.entities or [f"kind:{origin.town}:{head}" for head in c.heads]
        for entity in keys:
            for other in later_plans.get(entity, []):
                r = reports[other.report]
                if r.town != origin.town or not (r.date and origin.date and r.date > origin.date):
                    continue
                if other.milestone_rank < c.milestone_rank:
                    continue
                if c.phases and other.phases and not set(c.phases) & set(other.phases):
                    continue
                weak = entity.startswith("kind:") or graph.nodes[entity]["label"] in CONTAINER_TYPES
                if weak and len(content_overlap(c, other, _names(graph, c.entities + other.entities))) < MIN_SHARED:
                    continue
                repeats.append(other)
        if repeats:
            first = min(reports[o.report].date or date.max for o in repeats)
            traced[c.id].recommitted_as = sorted(
                {o.id: o for o in repeats if reports[o.report].date == first}.values(), key=lambda o: o.id
            )
    return traced


def add_trace(graph: nx.MultiDiGraph, traced: dict[str, Traced]) -> None:
    """Status on each Commitment (``status_auto``, and ``status`` unless a reviewer
    overrules it: see :func:`kg.tracing.review.apply_reviews`), FOLLOWED_UP_BY and
    RECOMMITTED_AS edges."""
    for cid, t in traced.items():
        node = graph.nodes[cid]
        node["status_auto"] = t.status
        node["followups"] = t.followups
        for e in t.evidence:
            add_edge(graph, cid, e.progress.id, "FOLLOWED_UP_BY", score=e.score, relation=e.relation)
        for later in t.recommitted_as:
            add_edge(graph, cid, later.id, "RECOMMITTED_AS", milestone_from=t.commitment.milestone, milestone_to=later.milestone)
    apply_reviews(graph)
