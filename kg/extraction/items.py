"""The items of a clause that promises several things: each item's object (the phases of a
whole, an institution's building, works shared by the members of a list, a kind word
shared by short names) and each item's own stage (年内完成A、启动B: each its own verb;
完成A移交、B大修: each its own predicate)."""

from __future__ import annotations

import re
from functools import cache

import networkx as nx

from kg.extraction.milestones import highest_stage
from kg.extraction.objects import GENERIC_HEADS, REMADE, Target, head_regex
from kg.extraction.stages import Stage
from kg.extraction.verbs import ACTION, BUILDS, ITEM_VERB, WORKS_WORD

_PHASE_LIST = re.compile(r"([一二三四五六七八九十\d]+(?:、[一二三四五六七八九十\d]+)+)期")


def phases_listed(targets: list[tuple[str | None, str, bool]], body: str) -> list[tuple[str | None, str, bool]]:
    """A whole followed by its phases (国际城住宅小区一、二期建设项目): one object per phase."""
    out = []
    for entity, surface, foot in targets:
        m = _PHASE_LIST.match(body[body.find(surface) + len(surface) :]) if surface in body else None
        out += [(entity, surface + n + "期", foot) for n in m.group(1).split("、")] if m else [(entity, surface, foot)]
    return out


_SCHOOL_LIKE = re.compile(r"(?:[学校院园所站馆]|中心)$")
_BUILDING_OF_SCHOOL = re.compile(r"(?:楼|食堂|宿舍|操场|运动场|校区)$")


_ROUTE_END = re.compile(r"(?:路|街|大道|公路|线|河|渠)$")


def buildings_of(targets: list[Target], body: str) -> list[Target]:
    """A building named right after the institution it belongs to (镇中学学生公寓楼,
    青山医院门诊楼) is one object: the institution's building, not the institution and an
    unnamed building beside it. A kind of works said right before a name (东关标志性工程
    联庆商用综合大楼) is that name's category, not a promise of its own."""
    targets = [
        (e, t, f)
        for e, t, f in targets
        if not (t.endswith(("工程", "项目")) and any(u != t and t + u in body for _, u, _ in targets))
    ]
    out: list[Target] = []
    for entity, surface, foot in targets:
        if out and (out[-1][1] + surface) in body and _SCHOOL_LIKE.search(out[-1][1]) and _BUILDING_OF_SCHOOL.search(surface):
            out[-1] = (out[-1][0], out[-1][1] + surface, out[-1][2])
            continue
        at = body.find(surface)
        if at >= 0 and _ROUTE_END.search(surface) and (section := _SECTION.match(body, at + len(surface))):
            # 滨河路延伸段开工建设: the section of a road is the works, not the whole road
            surface = surface + section.group()
        out.append((entity, surface, foot))
    return out


_SECTION = re.compile(r"(?:[东南西北]?延伸段|延长段|延长线|[东南西北](?:延)?段|改造段|拓宽段)")


def buildings_of_generic(generic: list[tuple[str, str]], body: str) -> list[tuple[str, str]]:
    """Unnamed objects joined as an institution's building (镇中学 + 学生公寓楼), as buildings_of."""
    merged = buildings_of([(None, p, False) for p, _ in generic], body)
    if len(merged) == len(generic):
        return generic
    kinds = dict(generic)
    return [(p, kinds.get(p) or next(h for q, h in generic if p.endswith(q))) for _, p, _ in merged]


_AND_OR_COMMA = re.compile(r"[、和]")
_WORKS_END = re.compile(r"(?:工程|项目)$")
_REPAIR_END = re.compile(r"(?:治理|整治|修复)$")
_BUILD_WORKS_END = re.compile(r"(?:新建|改建|扩建|改扩建|迁建|提升|改造|建设)(?:工程|项目)$")


def shared_works(targets: list[Target], body: str) -> list[Target]:
    """Members of a list before one named with its works (华亭中学、华亭第二小学新建工程):
    the works named after the last member are each member's. Only a list's comma or 和 joins
    members (A提档升级及B工程 are two items), a member with works of its own keeps them, and a
    bare 项目/工程 is part of the last member's name (北杨宅项目), not works shared."""
    out = []
    for entity, surface, foot in targets:
        at = body.find(surface)
        after = body[at + len(surface) :] if at >= 0 else ""
        joined = _AND_OR_COMMA.match(after)
        works = None
        if (
            joined
            and not _WORKS_END.search(surface)
            and not REMADE.search(surface + "。")
            and not _REPAIR_END.search(surface)  # 青溪河水环境综合治理: works of its own
        ):
            for _, other, _ in targets:
                w = _BUILD_WORKS_END.search(other)
                if w and len(other) - len(w.group()) >= 2 and after[1:].startswith(other):
                    works = w.group()
        out.append((entity, surface + works if works else surface, foot))
    return out


_JOINER = re.compile(r"[、和及与]")
_BUILDING_END = re.compile(r"(?:楼|食堂|宿舍)$")


def joined_to_list(body: str, phrase: str) -> bool:
    """Whether an unnamed object's phrase is an item of its own in the clause: it follows a
    list conjunction (…提档升级及健身步道工程), not the rest of a code or a name (15-05幼儿园)."""
    at = body.find(phrase)
    if at > 1 and body[at - 1] == "“":
        at -= 1  # a quoted item (和“红军桥”)
    if at >= 0 and _JOINER.match(body[at + len(phrase) : at + len(phrase) + 1]) and _BUILDING_END.search(phrase):
        # 镇中学学生公寓楼、青山幼儿园: an institution's building opens the list (a phrase of
        # another kind before 与, 青龙湾右堤路与…交口处, is part of a name)
        return True
    if at >= 0 and body[at + len(phrase) : at + len(phrase) + 1] == "、" and _OPENS_LIST.search(body[:at]):
        # 确保青山水厂、城北学校年内建成投用: the first member of a list the promise opens is an
        # item as the others are (确保, 力争, 推动… stand before a list, not inside a name)
        return True
    return at > 0 and (body[at - 1] in "及和与、" or any(m.end() == at for m in ITEM_VERB.finditer(body)))


_OPENS_LIST = re.compile(r"(?:^|确保|力争|争取|推动|推进|加快|实施|完成|启动|建成|新建|开工建设|抓好|做好)$")
# (并 joins two items each with its verb too: 新建青山幼儿园并完成白鹤小学扩建)
_SEGMENT_JOINER = re.compile(r"[、和及并]")
_PHASE_END = re.compile(r"[一二三四五六七八九十\d]+期$")


def verb_segments(body: str, surfaces: list[str]) -> list[tuple[int, int]]:
    """The items of a clause that lists promises each with its own verb and object, as
    spans; none when the verbs do not open two items or more (one verb for the whole
    list), or when an item has no object (推进…方案优化调整及建设手续办理 is one promise)."""
    starts = [0] if ITEM_VERB.match(body) else []
    for m in _SEGMENT_JOINER.finditer(body):
        if ITEM_VERB.match(body, m.end()):
            starts.append(m.end())
    if len(starts) < 2 or starts[0] != 0:
        return []
    segments = [(a, b) for a, b in zip(starts, starts[1:] + [len(body)])]
    positions = [body.find(_PHASE_END.sub("", s)) for s in surfaces]
    merged: list[tuple[int, int]] = []
    for a, b in segments:
        if merged and not any(a <= p < b for p in positions if p >= 0):
            merged[-1] = (merged[-1][0], b)  # an item with no object of its own continues the one before
        else:
            merged.append((a, b))
    return merged if len(merged) >= 2 else []


_PREDICATE = re.compile(
    r"建设|改造|新建|迁建|改建|扩建|大修|修缮|整治|提升|安装|疏通|移交|验收|交付|开工|竣工|完工|建成|投用|投入使用|出让|开放|运营"
)


_JOINER_AT_END = re.compile(r"[、及和与]\s*$")


def predicate_items(body: str, surfaces: list[str], clause_stage: Stage | None) -> dict[str, str]:
    """For a list whose items carry predicates of their own after the object (完成大康路移交、
    共康路大修; 推进A、B管网疏通移交工作及C调蓄池建设): the text that gives each item its
    stage, the clause's leading verb with the item's predicate; a bare item takes the
    predicate of the next item that has one. Empty when the items share one predicate."""

    def position(surface: str) -> tuple[int, int]:
        # A surface built from its place (大康路管网) is found by the place's name.
        for cut in range(len(surface), 1, -1):
            if (at := body.find(surface[:cut])) >= 0:
                return at, cut
        return -1, 0

    located = {s: position(s) for s in set(surfaces)}
    found = sorted((at, s) for s, (at, _) in located.items() if at >= 0)
    if len(found) < 2 or len(found) != len(set(surfaces)) or len({at for at, _ in found}) != len(found):
        return {}
    lead = body[: found[0][0]]
    parts = []
    for i, (at, surface) in enumerate(found):
        end = found[i + 1][0] if i + 1 < len(found) else len(body)
        tail = body[at + located[surface][1] : end]
        if i + 1 < len(found) and not _JOINER_AT_END.search(tail):
            return {}  # not a list of items
        parts.append((surface, _JOINER_AT_END.sub("", tail)))
    texts: dict[str, str] = {}
    carry = None
    for surface, tail in reversed(parts):
        if _PREDICATE.search(tail) or WORKS_WORD.search(surface):
            carry = tail if _PREDICATE.search(tail) else surface[-2:]
        texts[surface] = lead + surface + (carry or "")
    stages = {s: highest_stage(t) for s, t in texts.items()}
    if sum(1 for s, t in parts if _PREDICATE.search(t) or WORKS_WORD.search(s)) < 2 or all(
        (st.rank if st else 0) == (clause_stage.rank if clause_stage else 0) for st in stages.values()
    ):
        return {}
    return texts


def segment_of(segments: list[tuple[int, int]], body: str, surface: str) -> str | None:
    at = body.find(surface)
    if at < 0:
        at = body.find(_PHASE_END.sub("", surface))
    if at < 0:
        return None
    return next((body[a:b] for a, b in segments if a <= at < b), None)


# A list of short names that share the kind word after the last of them (淮河、双巨新型社区;
# 老王脚、江口、曹家冲“红色码头”; 镇东五区、坛小新村等老旧小区): each member is one
# such thing, named by the place it is at.
_LIST_MEMBER = r"[\u4e00-\u9fff]{2,4}"


_UPGRADE = re.compile(r"升级|提档|完善|优化|打通")
_COUNT_AT_END = re.compile(r"[\d一二两三四五六七八九十]+[个座所处家条]$")
_NOT_A_HEAD = re.compile(r"[的是和及与]")


@cache
def _members_before_kind() -> re.Pattern:
    """Members of a list before their shared kind word (head_regex)."""
    return re.compile(
        rf"((?:{_LIST_MEMBER}、)+{_LIST_MEMBER})(等)?(?:[\d一二两三四五六七八九十]+[个座所处家条])?(“?[\u4e00-\u9fff]{{0,6}}?)(?={head_regex().pattern})"
    )


def shared_heads(
    graph: nx.MultiDiGraph, objects: list[Target], generic: list[tuple[str, str]], body: str
) -> tuple[list[Target], list[tuple[str, str]]]:
    """Objects of a list whose members share a kind word: each member with the kind word,
    instead of the members alone (a place) or the kind word alone."""
    heads = head_regex()
    # The list starts the clause or follows its verb (迅速启动淮河、双巨新型社区建设).
    starts = (
        {0}
        | {v.end() for v in BUILDS.finditer(body)}
        | {v.end() for v in ACTION.finditer(body)}
        | {v.end() for v in _UPGRADE.finditer(body)}
    )
    # (A count of the members between them and the kind, 青石、白鹤两个农贸市场, is no part of the kind.)
    pattern = _members_before_kind()
    # A start inside a verb (建|成东湖, from 建成) is none.
    verbs = [v.span() for v in ACTION.finditer(body)]
    starts = {at for at in starts if not any(a < at < b for a, b in verbs)}
    for m in (pattern.match(body, at) for at in sorted(starts)):
        if m is None:
            continue
        members_text = m.group(1)
        head = heads.match(body, m.end(3))
        if not head or head.group() in GENERIC_HEADS:
            continue
        kind_word = (
            m.group(3) + head.group() + ("”" if m.group(3).startswith("“") and body[head.end() : head.end() + 1] == "”" else "")
        )
        # 青石、白鹤两个: the count of the members is not the last member's name.
        members = [_COUNT_AT_END.sub("", x) for x in members_text.split("、") if x]
        if len(members) < 2 or any(ACTION.search(x) or heads.search(x) or _NOT_A_HEAD.search(x) for x in members):
            continue  # members that are things of a kind themselves (爱回收爱分类、智力广场) name no place
        shared = [x + kind_word for x in members]
        if all(any(x == s for _, s, _ in objects) for x in shared):
            return objects, generic  # 大康路、南蕴藻路管网: the named places already carry the works
        named = [
            (e, s, f)
            for e, s, f in objects
            if not any(s in x or x in s for x in members) and kind_word.strip("“”") not in s and s not in shared
        ]
        rest = [
            (p, h)
            for p, h in generic
            if not (p.strip("“”").endswith(kind_word.strip("“”")) and len(p.strip("“”")) <= len(kind_word.strip("“”")) + 6)
        ]
        return named + [(None, x, False) for x in shared], rest
    return objects, generic
