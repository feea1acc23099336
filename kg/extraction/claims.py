"""Claims: commitments from plan parts and progress statements from review parts.

A sentence is cut into clauses (at ，；： outside quotes and brackets). A clause of a plan
part is a **commitment** when it names an object and an action:

- the object is an entity the clause mentions (not a town, district or indicator; a
  whole is dropped when a part of it is also named), or, failing that, a generic thing
  named by a known suffix (九年一贯学校, 2个驿站);
- the action is a stage of the project ladder (``kg/extraction/data/milestones.tsv``: 规划 → 立项 →
  土地 → 开工 → 主体完工 → 竣工 → 验收 → 投用) or a concrete verb (推进, 实施, 新建, 开展…).
  Soft verbs alone (发挥, 提升, 优化, 加强, 深化…) make an exhortation, not a commitment:
  ``持续改进工作作风`` has neither object nor action and is left out.

A list of works closed by its count and category (``票决出A工程、B项目等10项民生实事项目``,
``包括A、B等4个项目``, ``建国里、新风里三个社区改造``) is one commitment per member, the clause's
stage applying to each, whatever opens it; a kind of works everywhere (村内道路硬化工程) and the
list's own name (2024年十大民生工程项目) are none. A congress's vote on the year's projects
promises them in whichever part a news page about it is read (:mod:`kg.extraction.lists`).

One commitment per object: ``大康路、一二八纪念路、共康路完成道路验收移交`` is three. Its
milestone is the highest stage the clause names; when it names none, a promise to build
works (建设, 实施, 推进 a project, a facility, a park…) promises at least that they are under
way (开工, ``stage_stated`` false: tracing still asks for them done), and any other
promise (a programme, a title, a figure) has no milestone. Its deadline the first deadline phrase of the clause or sentence (年内,
年底前, 6月底前…; the end of the part's period otherwise), its quantity the first
counted amount (``2个驿站``, ``12台``; Chinese numerals read with cn2an).

A clause of a review part that names an object and a stage or a verb of work is a
**progress statement**: the stage *reached* is the highest stage reported done; a stage
preceded by 启动/推进/开展/准备… or followed by 准备 is only being worked towards (its rank
minus one). Delay and failure words (推迟, 暂缓, 未能, 滞后…) are kept as signals.

This module walks a report's sentences and makes the claims; the rules it applies live in
the modules it imports: :mod:`kg.extraction.clauses` (cutting a sentence),
:mod:`kg.extraction.milestones` (stage, deadline, amount), :mod:`kg.extraction.objects`
(the objects a clause names), :mod:`kg.extraction.promises` (what a plan clause promises),
:mod:`kg.extraction.lists` (lists of works, rows, votes), :mod:`kg.extraction.items` (each
item's object and stage) and :mod:`kg.extraction.verbs` (the verbs they share).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache
from typing import Any

import networkx as nx

from kg.extraction.clauses import Clause, clauses
from kg.extraction.items import (
    buildings_of,
    buildings_of_generic,
    joined_to_list,
    phases_listed,
    predicate_items,
    segment_of,
    shared_heads,
    shared_works,
    verb_segments,
)
from kg.extraction.lists import (
    ARABIC_ITEM,
    ITEM_MARK,
    NAME_NOT_ROW,
    PLAN_CATEGORY,
    ROW_SPEC,
    TABLE_ROW_NAME,
    TARGET_TABLE_HEAD,
    VISIT,
    VOTE,
    VOTED_DONE,
    YEARS_WORKS_ACCOUNT,
    colon_list,
    is_row,
    joined_works,
    names_a_thing,
    numbered_works,
    table_rows,
    target_cells,
    vote_clauses,
    works_heading,
    works_list,
)
from kg.extraction.milestones import deadline_of, highest_stage, phases_of, quantity_of, reached_stages
from kg.extraction.objects import (
    CONTAINER_TYPES,
    THING_END,
    VAGUE_MODIFIERS,
    Target,
    clause_objects,
    clean_phrase,
    generic_objects,
    head_regex,
)
from kg.extraction.promises import (
    COUNTED_DONE,
    COUNTED_FIRST,
    COUNTED_WORKS,
    JOINING_WORK,
    NOT_WORKS,
    PLACES_COUNTED_WORKS,
    PLAN_DOC,
    PLAN_URGED,
    PLAN_VERBS,
    TITLE,
    TITLE_LIST,
    UNNAMED_FACILITY,
    counted_members,
    place_works,
    promised_objects,
    study_object,
    subject_of_stage,
    works_object,
)
from kg.extraction.stages import CARRIED_ON, Stage, stage_of
from kg.extraction.verbs import ACTION, BUILDS, ITEM_VERB, PROMISE_VERBS, WORKS_WORD
from kg.graph.model import add_edge, add_node
from kg.ids import claim_id
from loaders.headings import WORKS_CATEGORY

_CARRIED_ON = re.compile(r"推进|有序|进展顺利|紧锣密鼓|加快|正在|持续|稳步|开展|实施|启动|即将")


_DONE = re.compile(r"完成|建成|实现|落成|全面完成|基本完成")


_DELAY = re.compile(r"推迟|暂缓|未能|滞后|延期|延误|搁置|停滞|暂停|未完成|未按期|未如期|尚未|受[^，；。]{1,12}影响")


# 一是/二是 count the tasks of a paragraph (一是全力以赴推进…): an enumerator, not the copula 是.
# (so do circled and bracketed numbers, ① （1） （一）, that number the items of a list: a plan
# or a list of works published on its own numbers its items （一）…。 as a report numbers its
# sections)
_LEAD = re.compile(
    r"^(?:[\u2460-\u2473]|[（(]\d{1,2}[）)]|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]+是|同时|并|并且|以及|及|和(?!美|平|谐)|还|要|将|继续|此外|其中|另外)"
)


# A label before a dash names what follows (之二：“地标工程”——力争…市场项目主体框架竣工; 6.西彭镇2026年
# 城区内涝整治工程—西彭镇城区内涝整治项目（一期）): a quoted name of the item or the umbrella works
# over the project, as a news page or a voted list gives the year's works; the promise is after
# the dash.
_LABEL = re.compile(
    r"^(?:\d{1,2}[、.．](?!\d))?(?:之[一二三四五六七八九十]+[：:])?"
    r"(?:“[^“”]{2,12}”|[^，；。—“”]{4,30}?(?:工程|项目)(?=—{1,2}[^，；。—]{4,30}?(?:工程|项目)))—{1,2}"
)


# Works on a named place said as a task (切实做好中心城市重点项目南正街综合改造工作, 抓好青山路提档升级
# 工作): the place and its works are the promise; the category before them (重点项目) is its kind.
_WORKS_TASK = re.compile(
    r"^(?:切实|认真|全力|扎实)?(?:做好|抓好|推进|落实|完成)(?:[^，；。]{0,8}?(?:重点项目|重点工程|民生工程|民生实事))?"
    r"(?P<place>[^，；。、“”]{2,12}?)(?P<works>综合改造|改造提升|提升改造|提档升级|提质改造|综合整治|改造|修缮|扩建)工作$"
)


# A task done for a named project (扎实做好高标准农田项目的丈量工作, 协助做好派出所迁建项目要素保障工作,
# 加快推进中心院迁址下剩2户的征迁工作): the project is what is promised, the task the stage it is at
# (征迁: the land; 要素保障: the works under way), as the year's works are told in a town's news.
_PROJECT_TASK = re.compile(
    r"^(?:切实|认真|全力|扎实|协助|配合|继续|加快)?(?:做好|抓好|推进|保障好)"
    r"(?P<name>[^，；。、“”]{2,16}?(?:项目|工程|迁建|迁址)(?:项目|工程)?)"
    r"(?![^，；。]{0,12}?(?:项目|工程))[^，；。]{0,12}?工作$"
)


def objects_named_whole(objects: list[Target], name: str) -> bool:
    """Whether the entities a clause names already name the project whole (or more)."""
    return any(name in surface for _, surface, _ in objects)


_ONE_EXAMPLE = re.compile(
    r"(?:^|对|将|把|推进|启动|完成|实施)(?P<one>[^，；。、对等“”]{3,16})等(?P<kind>[\u4e00-\u9fff]{2,6}?)(?=实施|进行|的|改造|整治|提升)"
)
_WORKS_AT_END = re.compile(
    r"(?:改扩建|扩建|改造提升|提升改造|提档升级|提质改造|改造|修缮|大修|拓宽|整治出新|整治提升|整治|迁建)$"
)


# A list of short theme names closed by the number of programmes (包括农民卫生、健身、文化工程, 以及
# 教育、金桥、环境整治等六大工程; 实施产业提升、城乡建设、民生保障等十大工程): the year's programmes by
# their themes, whose works the text names elsewhere; a theme (金桥) is no works of its own.
# (青山大道、白鹤大桥等十大重点工程, every member a thing, lists works.)
_THEMES_LISTED = re.compile(
    r"(?:^|以及|包括|实施|推进)(?P<list>(?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4})等[一二三四五六七八九十两\d]+大(?:重点)?(?:工程|项目|行动|实事)$"
)


# A named member of a list followed by its own works (推进珠兰农贸市场改造、35千伏输变电工程、…): the
# works are part of what is promised, as the annotators name it (珠兰农贸市场改造), beside the
# other members' works.
_OWN_WORKS = re.compile(r"(?:综合改造|改造提升|提升改造|提档升级|提质改造|改扩建|综合整治|改造|扩建|修缮|整治)(?=[、等]|$)")


def _with_own_works(surface: str, body: str) -> str:
    at = body.find(surface)
    if at < 0 or surface.endswith(("项目", "工程")):
        return surface
    works = _OWN_WORKS.match(body, at + len(surface))
    return surface + works.group() if works else surface


# (a kind of place found everywhere, 做好老旧小区改造工作, names no works of its own)
_KIND_OF_WORKS = re.compile(r"^(?:老旧|农村|村内|城乡|镇村|背街|各村|全镇|辖区|危房|棚户区|农房|民房)")


# A clause whose verb is 是 describes (2023年是…的一年); it promises nothing.
# (so does 设计为: 新桥设计为桥面宽八米, the design of works promised before)
_COPULA = re.compile(r"^[^，；“”]{0,14}(?<!但)是(?!否)|^[^，；“”]{0,14}设计为")


# A clause telling works already done (这座桥梁主体工程已经修建完工), in a sentence that goes on to
# what will follow (将再过几天就可以通车了): an account, whatever the rest of the sentence promises.
# (已建成的标准厂房 names built space to be filled: a modifier, no account.)
_DONE_CLAUSE = re.compile(
    r"已(?:经)?(?:修建|建设|施工)?(?:全面|基本|全部|顺利|如期)?(?:建成|完成|竣工|完工|投用|投入使用|交付|通车)(?!的)"
)


# A clause that says what a project covers, holds or aims at (…项目涉及A村、B村; 涉及A项目、B项目;
# …致力于…) describes it; the promises are the works it goes on to name.
# So does a clause that gives its size (建筑面积约6.85万平方米), or its parts (含景观…等附属工程).
_DESCRIBES = re.compile(
    r"^[^，；]{0,30}?(?:涉及|包括|包含|位于|占地面积|建筑面积|建设面积|用地面积|总面积|总投资|致力于)|^含|^(?:全长|总长|长约|宽约)\d"
    # (…实施改造，改造面积9.65万平方米: the size of the works just named)
    r"|^(?:改造|整治|提升|绿化|硬化|铺设|覆盖|惠及)(?:面积|总面积|长度|里程)(?:约|达|共)?\d"
)


# The upkeep of things already built (对现有微型消防站器材进行更新维护, 做好已建公厕的管护): a task of
# running them, no works promised.
_UPKEEP = re.compile(r"(?:现有|既有|已建|原有|已有)[^，；。]{0,14}(?:维护|养护|保养|管护|运维)")


# A project named as the subject of where it is or how big it is (…项目位于舜湖西路南侧).
_TOPIC = re.compile(r"^(?P<topic>[^，；“”]{4,30}?(?:项目|工程))(?:位于|坐落|选址|占地|总投资|建筑面积|总建筑面积|规划用地)")
# So is a project introduced by who answers for it (由镇公路站负责的农村道路硬化项目，…，预计11月份
# 完成), the way lists of the year's works assign them: the office's name (城建规划分局) is no
# stage of the works.
_IN_CHARGE = re.compile(r"^由[^，；。“”]{2,20}?负责(?:实施|推进|建设)?的(?P<topic>[^，；“”]{4,30}?(?:项目|工程))$")


# …but a title to win that frames the promises after it (以创建国家级美丽乡村为基底, 以争创
# 省级卫生镇为契机) is itself promised.
_FRAMED_TITLE = re.compile(
    r"^以(?P<verb>创建|争创|创成|申报创建)(?P<title>[^，；。]{3,20}?)为(?:基底|契机|抓手|目标|载体|引领|重点)"
)


# A clause of means or purpose (通过…, 围绕…, 结合…) frames the promise that follows it.
_FRAMING = re.compile(r"^(?:通过|围绕|结合|依托|借助|按照|根据|对标|对照|聚焦|立足|坚持以|以)")


# In a plan, so does a clause of circumstance (随着青石大桥建成通车, 待…投入运营后): what it
# names is the occasion of the promise, not the promise (a review's 随着… still reports).
# (在省市大力推动…行动计划的背景下: the setting of the promises after it, not one)
_OCCASION = re.compile(r"^(?:随着|伴随|待)|^在[^，；。]{2,40}(?:背景|形势|大局)下$")


# What opens a statement of what the town will do (下一步，该镇将…; 接下来，我们将…; 2025年，青山镇将…;
# “我们将…”): in a text with no plan part of its own (a news page, a summary, a report cut short)
# the plan the annotators read is these sentences. (一年来…将…纳入 is the 将 of an object, not the
# future: the subject before it is the town's or ours, nothing else.)
_FORWARD = re.compile(
    r"^\s*“?(?:(?:下一步|接下来|下阶段|下一阶段|今后)(?:[，,]|工作中[，,]?)"
    r"|(?:(?:明年|新的一年|\d{4}年)[，,])?(?:我们|我镇|该镇|全镇|该乡|我乡|[\u4e00-\u9fff]{2,6}(?:镇|乡|街道))(?:还|也|仍)?将"
    r"(?![^，。；]{0,12}(?:纳入|作为|列为)))"
)


# A sentence telling works done or under way (已建成投用, 已完成主体建设, 截至目前…) with no word of
# what is still to be done (将, 确保, 力争, 计划, a deadline to come) reports; in a part read as a
# plan (a news page of the year's works, a summary) it promises nothing.
_ACCOUNT = re.compile(
    r"已(?:经)?(?:全面|基本|全部|顺利|如期)?(?:建成|完成|竣工|完工|开工|投用|投入使用|投产|交付|启动|实施|签约|落地|通过|开业|通车)"
    r"|^\s*(?:截至目前|截至|截止|目前|今年以来|年初以来|去年以来|[一二三四上下]\S{0,2}(?:季度|半年)以来)"
)
_FUTURE = re.compile(r"将|确保|力争|争取|计划|预计|拟|准备|即将|下一步|接下来|年底前|月底前|年内|底前|尽快|早日|适时")


@dataclass
class Claim:
    """A commitment (plan part) or a progress statement (review part) about one object."""

    id: str
    kind: str  # "Commitment" or "Progress"
    report: str
    part: str
    section_title: str
    sentence: str
    text: str  # the clause, exactly as written
    start: int  # offsets of the clause in the sentence
    end: int
    object: str  # the entity's surface or the generic phrase
    entities: list[str] = field(default_factory=list)
    heads: list[str] = field(default_factory=list)  # kind words of the things it names (驿站, 学校)
    milestone: str | None = "推进"
    milestone_rank: int = 0
    stage_stated: bool = True  # False: a promise of works that names no stage, read as 开工
    reached_ranks: list[int] = field(default_factory=list)  # progress: each stage reported
    towards: bool = False  # progress: only worked towards
    deadline: str | None = None
    deadline_text: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    aspirational: bool = False  # 力争: a stretch target
    quantity: float | None = None
    unit: str | None = None
    phases: list[str] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)
    in_footnote: bool = False

    @property
    def reached_rank(self) -> int:
        return max(self.reached_ranks, default=0)

    def as_properties(self) -> dict:
        # What dataclasses.asdict gives, field by field, without its recursive deep copy
        # (a tenth of deriving the claims): every field is a scalar or a list of scalars.
        return {name: list(value) if isinstance(value := getattr(self, name), list) else value for name in _property_names()}


@cache
def _property_names() -> tuple[str, ...]:
    # dataclasses.fields builds its tuple anew at each call, once per claim made.
    return tuple(f.name for f in fields(Claim) if f.name not in ("id", "kind"))


def _part_of_sentence(graph: nx.MultiDiGraph, sentence_id: str) -> tuple[str, dict]:
    section = graph.nodes[sentence_id]["section"]
    part = graph.nodes[section]["part"]
    return part, graph.nodes[part]


_TOWN_SUFFIX = re.compile(r"(?:镇|乡|街道|苏木)$")
_VOTED_YEAR = re.compile(rf"(\d{{4}})年度?(?=[^，；。,;]{{0,20}}(?:{WORKS_CATEGORY}))")
_THEMED = re.compile(r"^[一二三四五六七八九十]+是")
_NUMBERED_ROW = re.compile(r"[\d（(]|[一二三四五六七八九十]+[、是期]")
_PLANNING_ROW = re.compile(r"策划|谋划|包装|促|[，；。]")
_ACTOR_BEFORE = re.compile(r"^.*(?:以(?!上)|将|把)")
_PLAN_VERBS = re.compile(r"^(?:巩固|迎接|创建|做好|通过|争创|开展|完成)+")
_PLAN_MODIFIER = re.compile(r"^.*?(?:相匹配的|为主的|的)")
_COUNTED_NOT_BUILT = re.compile(r"流转|种植(?!基地|园)|养殖(?!小区|场|基地)|人口|人数|收入|产值|总额|率|学位|岗位|名额|企业|主体")
_CONJUNCTION = re.compile(r"[及和与]")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")


@cache
def _said_as_place(stem: str, rest: str) -> re.Pattern:
    """A town's stem not followed by the rest of the town's name (季市 but not 季市镇): one
    pattern per town, compiled once."""
    return re.compile(re.escape(stem) + r"(?!" + re.escape(rest) + ")")


# A clause about the works already listed, by a word pointing back (议定项目, 上述项目, 这些项目,
# 以上民生实事) or as what a body oversees (组织代表跟踪监督民生实事项目的实施情况): a news page on a
# vote names the voted works, then says they will be done within the year or who will watch
# them; the works are the list's, this clause adds at most their stage.
_BACK_REFERENCE = re.compile(
    r"(?:议定|上述|以上|前述|这些|所选|选出的|票决的|确定的)(?:的)?(?:\d+[项件个])?(?:民生实事|实事)?(?:项目|工程|实事)"
    r"|(?:跟踪|监督|督查|督办|视察)[^，；。]{0,6}(?:民生实事|实事)(?:项目)?(?:的)?(?:实施|进展|落实|办理)"
)
_TASK_OPENING = re.compile(
    r"^\s*(?:同时|此外|另外)?[，,]?(?:扎实|认真|切实|全力|积极|协助|配合|继续)?(?:做好|抓好|推进|加快推进|加快|启动并做好|启动|保障好)"
)
# (what is still to come in the year: a deadline ahead, a result to ensure, a task to do well)
_STILL_TO_DO = re.compile(r"确保|力争|尽快|年底前|月底前|年内|(?:做好|抓好|保障好)[^，；。]{2,30}工作")
# A modal of what is to come before a verb of works (将于6月开业, 计划新建, 力争年底前建成, 还将完成).
_WILL_DO = re.compile(
    r"(?:将|计划|拟|力争|确保|要)(?:于[^，；。]{1,8}?)?(?:年内|年底前?|今年)?(?:全面|加快|全力|继续|着力|积极)?"
    r"(?:完成|建成|实施|新建|建设|启动|推进|开工|投入使用|开业|投用|改造|打造|修建|新增)"
)
# Progress news on a year's works (记者了解到，A…，目前…已经完成，预计10月底正式运行；B…，目前场地已经
# 平整结束，11月底…后投入使用: dev d162; 目前，水厂已开工建设，计划在今年10月竣工: d174): after the
# works' state now (目前…), a stage dated ahead in the year is still to come, promised for the
# works the segment opens on. (A stage told done has 已, 了 or 于 a month: 于10月底建成.)
_NOW = re.compile(r"^\s*目前")
_STAGE_AHEAD = re.compile(
    r"^(?:(?:预计|计划|将|力争|争取|确保)[^，；。]{0,8}?)?(?:今年|年内|年底|\d{1,2}月(?:底|份|中旬|下旬|初)?)"
    r"[^，；。已了]{0,16}?(?:正式运行|投入运行|投入使用|投用|竣工|完工|建成|开业|交付使用)"
)
_TOLD_DONE = re.compile(r"已|了|于\d{1,2}月")
_SEGMENT_END = re.compile(r"[；;]")


def _stages_ahead(text: str, sentence_clauses: list[Clause], opening_now: bool = False) -> dict[int, str]:
    """Where a clause of progress news opens on works whose stage the same segment (up to a
    ；) dates ahead after telling their state now: the clause's start → the stage clause."""
    out: dict[int, str] = {}
    segment: list[Clause] = []
    for clause in [*sentence_clauses, None]:
        if clause is not None and (not segment or not _SEGMENT_END.search(text[segment[-1].end : clause.start])):
            segment.append(clause)
            continue
        now = next((i for i, c in enumerate(segment) if _NOW.match(c.text)), None)
        ahead = next((c for c in segment[(now or 0) + 1 :] if _STAGE_AHEAD.match(c.text) and not _TOLD_DONE.search(c.text)), None)
        if opening_now and now == 0 and ahead is not None and highest_stage(ahead.text) is not None:
            return {segment[0].start: ahead.text}  # (the works are named in the sentence before)
        if opening_now:
            return {}
        if now and ahead is not None and highest_stage(ahead.text) is not None:
            # (a reporter's lead-in, 记者了解到, names no works: the works open the next clause)
            opening = next((c for c in segment[:now] if not _REPORTED.match(c.text)), None)
            if opening is not None:
                out[opening.start] = ahead.text
        segment = [clause] if clause is not None else []
    return out


# The works a clause of progress news opens on, before what it tells of them (滴翠园居民文体活动
# 中心分2层, 镇江农批市场停车场建设面积约8亩): the name up to its size or its parts.
_OPENING_SUBJECT = re.compile(r"^(?P<subject>[^，；。、“”]{3,24}?)(?:(?:建设|建筑|占地|用地)面积|分\d|位于|总投资)")


def _opening_subject(body: str) -> str | None:
    m = _OPENING_SUBJECT.match(body)
    if not m or not THING_END.search(subject := m.group("subject")) or ACTION.search(subject):
        return None
    for cut in range(3, len(subject) - 1):
        # (a name said again by its short form, 滴翠园居民文体活动中心文体中心: the full name)
        if THING_END.search(subject[:cut]) and _short_form_of(subject[cut:], subject[:cut]):
            return subject[:cut]
    return subject


def _short_form_of(short: str, name: str) -> bool:
    """Whether ``short`` is made of ``name``'s characters in their order (文体中心 of 居民文体活动中心)."""
    chars = iter(name)
    return len(short) >= 2 and all(c in chars for c in short)


def _works_named_before(sentences: list[str], texts: dict[str, str]) -> dict[str, str]:
    """A sentence of progress news that opens on the works' state now (目前，水厂已开工建设，计划在
    今年10月竣工: dev d174) tells the stage still to come of the works the sentence before builds:
    that sentence's id → the stage clause."""
    out: dict[str, str] = {}
    for before, sentence_id in zip(sentences, sentences[1:]):
        parts = clauses(texts[sentence_id])
        if parts and _NOW.match(parts[0].text) and (ahead := _stages_ahead(texts[sentence_id], parts, opening_now=True)):
            out[before] = next(iter(ahead.values()))
    return out


_REPORTED = re.compile(r"^\s*(?:记者|笔者)?(?:了解到|获悉|看到|注意到|得知)$|^\s*记者从[^，；。]{0,20}(?:了解到|获悉)$")


_YEAR_OPENING = re.compile(r"\s*“?(\d{4})年")
_NAMES_FOLLOW = re.compile(r"分别是|分别为|包括|主要有|具体为|具体是")
_CLAUSE_END = re.compile(r"[；;。]")


def extract_claims(graph: nx.MultiDiGraph, report_id: str) -> list[Claim]:
    """The commitments and progress statements of one report in the graph (its lexical
    layer and MENTIONS edges)."""
    claims: list[Claim] = []
    # The report's sentences and parts, found in one pass over the town's graph, not three.
    lexical = [
        (n, d) for n, d in graph.nodes(data=True) if d.get("label") in ("Sentence", "Part") and d.get("report") == report_id
    ]
    parts = [d for _, d in lexical if d["label"] == "Part"]
    sentences = sorted(
        (n for n, d in lexical if d["label"] == "Sentence"),
        key=lambda n: graph.nodes[n]["start"],
    )
    town = graph.nodes[report_id].get("town") or "" if report_id in graph else ""
    town_stem = _TOWN_SUFFIX.sub("", town) if len(town) >= 3 else ""
    # Rows of a list of projects (a name alone, sentence by sentence): what lies between two
    # rows of a section and is no row is the first one's contents and size (具体内容及规模:
    # 新建节水泵站4座, 新建2.5m宽砼道路…), not promises of their own.
    row_at: dict[str, list[int]] = {}
    # Works named alone after an enumerating numeral (四、集中供热扩建工程) and the sentences under
    # each, to the next such heading or the section's end (see _contents_or_theme).
    headed: dict[str, tuple[int, str, bool]] = {}
    under: dict[str, list[str]] = {}
    for i, sentence_id in enumerate(sentences):
        node = graph.nodes[sentence_id]
        following = graph.nodes[sentences[i + 1]] if i + 1 < len(sentences) else {}
        if following.get("section") == node["section"] and (works_head := works_heading(node["text"], following["text"])):
            headed[sentence_id] = works_head
            under[sentence_id] = []
        elif under and node["section"] == graph.nodes[newest := list(under)[-1]]["section"]:
            under[newest].append(sentence_id)
        if is_row(node["text"]):
            row_at.setdefault(node["section"], []).append(node["start"])
    # A review part holding a table of the year's works with a column of targets (年度目标 before
    # 目前进度): from its head on, the cells that report nothing (the targets) promise, for the
    # year the account is of; the cells of progress stay progress. Only in an account with no
    # plan of its own: a full report's review table of last year's works is no plan, its plan
    # part is.
    has_plan = any(d.get("kind") == "plan" for d in parts)
    target_table: dict[str, int] = {}
    for sentence_id in sentences if not has_plan else []:
        node = graph.nodes[sentence_id]
        if TARGET_TABLE_HEAD.search(node["text"]):
            part_id, part = _part_of_sentence(graph, sentence_id)
            if part.get("kind") == "review" and part.get("period_start"):
                target_table.setdefault(part_id, node["start"])
    headings = [graph.nodes[report_id].get("title") or ""] if report_id in graph else []
    headings += [d.get("heading") or "" for d in parts]
    account_year = next((m.group("year") for h in headings if (m := YEARS_WORKS_ACCOUNT.search(h))), None)
    account_year = None if has_plan else account_year
    named_before = _works_named_before(sentences, {n: graph.nodes[n]["text"] for n in sentences}) if not has_plan else {}
    voted_rows = voted_heading = False
    voted_period: tuple[str | None, str | None] = (None, None)
    for sentence_id in sentences:
        part_id, part = _part_of_sentence(graph, sentence_id)
        if part.get("kind") not in ("plan", "review"):
            continue
        text = graph.nodes[sentence_id]["text"]
        section_id = graph.nodes[sentence_id]["section"]
        # (an item numbered 5、 is an item of the list, whatever its verb)
        at = graph.nodes[sentence_id]["start"]
        in_contents = (
            any(r < at for r in row_at.get(section_id, []))
            and any(r > at for r in row_at.get(section_id, []))
            and not is_row(text)
            and not ARABIC_ITEM.match(text.strip())
            and not ITEM_MARK.match(text)
        )
        section = graph.nodes[graph.nodes[sentence_id]["section"]]
        part_kind = "Commitment" if part["kind"] == "plan" else "Progress"
        review_start, review_end = part.get("period_start"), part.get("period_end")
        account_period = (review_start, review_end)
        cells = target_cells(text) if part_id in target_table and at >= target_table[part_id] else []
        item_mark = ITEM_MARK.match(text)
        if not cells and part["kind"] == "review" and account_year and (review_start or "")[:4] == account_year:
            # an item of a progress account of the year's works: the promise it restates
            restated = bool(item_mark) or is_row(text)
        else:
            restated = False
        if part_kind == "Commitment" and _ACCOUNT.search(text) and not _FUTURE.search(text):
            # 城南污水处理厂已建成投用，白鹤村安置小区主体完工: an account of works done, in a news
            # page or summary read as a plan, promises nothing.
            continue
        if part["kind"] == "review" and not has_plan and not cells and not restated and _FORWARD.match(text):
            # A news page or summary read as a review whose promises come at its end (下一步，
            # 该镇将…; 2025年，我镇将…): what it says the town will do is promised, from the
            # review's period on (2025年，我镇将…: that year's).
            part_kind = "Commitment"
            if (said := _YEAR_OPENING.match(text)) and int(said.group(1)) > int((review_start or "0")[:4] or 0):
                review_start, review_end = f"{said.group(1)}-01-01", f"{said.group(1)}-12-31"
        if (
            part["kind"] == "review"
            and not has_plan
            and not cells
            and not restated
            and ((_TASK_OPENING.match(text) and _STILL_TO_DO.search(text)) or _WILL_DO.search(text))
            and not _ACCOUNT.search(text)
            and not _DONE_CLAUSE.search(text)
        ):
            # A news item on the town's works of the year (今年以来，…镇…) read as an account: a
            # sentence with no subject opening on a task (加快推进…，推动尽快开工建设; 扎实做好…工作，确保
            # 年底完成; 协助做好…保障工作) says what the town is to do, as a plan words it; so does
            # one that says the works will be done (该镇计划新建…, 年内还将完成…, 力争年底前建成…,
            # …将于6月开业); an account tells what was done (投资…元, 已建成) and with whom.
            part_kind = "Commitment"
        if cells or restated:
            part_kind = "Commitment"  # a target cell of the year's works: promised for the whole year
            year = (review_start or "")[:4]
            review_start, review_end = f"{year}-01-01", f"{year}-12-31"
        # A congress voting the projects of a year to come (票决出…2025年民生实事项目, and the
        # rows listed after it) promises them, in whatever part a news page about it is read.
        # Only the clauses of the vote and of its list do: the rest of the sentence (代表们前往…
        # 实地调研, a field visit to works already built) is told of the part's own year.
        vote_span = (0, 0)
        if part_kind == "Progress" and (vote := VOTE.search(text)):
            vote_span = vote_clauses(text, vote)
            voted = text[vote_span[0] : vote_span[1]]
            year = _VOTED_YEAR.search(voted)
            # A review telling how its own year's vote went (年初，镇人代会票决通过了10项民生
            # 实事项目，…全部完工) reports progress: the vote promises only when the voted year is
            # later than the review's, or when the text has no plan of its own (a news page).
            later = year is not None and (not review_start or int(year.group(1)) > int(review_start[:4]))
            if VOTED_DONE.search(voted) or not (later or not has_plan):
                vote_span = (0, 0)
            else:
                voted_period = (f"{year.group(1)}-01-01", f"{year.group(1)}-12-31") if year else (None, None)
                voted_rows = text.rstrip().endswith(("：", ":"))
                voted_heading = not voted_rows
        elif voted_heading and part_kind == "Progress" and PLAN_CATEGORY.match(text.strip().rstrip("：:。")):
            # …投票选出了2025年度10件民生实事项目。 then 石坪桥街道2025年度10件民生实事 and the rows:
            # the voted list under a heading of its own, as a news page prints it.
            voted_rows, voted_heading = True, False
        elif not (voted_rows and part_kind == "Progress" and (is_row(text) or ARABIC_ITEM.match(text.strip()))):
            voted_rows = False
        elif voted_rows:
            vote_span = (0, len(text))  # a row of the voted list
            if not _names_a_place(graph, sentence_id, text, town_stem):
                continue  # 4.公厕新建及提档升级项目: a kind of works, no place, no count
        if part_kind == "Commitment" and _WORKS_ROW.match(text) and not _names_a_place(graph, sentence_id, text, town_stem):
            continue  # the same row of a list of the year's works read in a plan part
        if not vote_span[1] and not (voted_heading and VOTE.search(text)):
            voted_heading = False
        count = 0
        topic_claimed = False
        sentence_clauses = clauses(text)
        in_cell: set[int] = set()
        if item_mark:
            # (the check box or bullet is no part of the item)
            sentence_clauses = [
                Clause(c.text[item_mark.end() - c.start :], item_mark.end(), c.end) if c.start < item_mark.end() else c
                for c in sentence_clauses
                if c.end > item_mark.end()
            ]
        if cells:
            # The clauses cut at the cells' edges: a cell's are promises; the rows' names and
            # closing cells are none; the progress told is of the account's own period.
            pieces = []
            for c in sentence_clauses:
                cuts = sorted({c.start, c.end} | {x for a, b in cells for x in (a, b) if c.start < x < c.end})
                for a, b in zip(cuts, cuts[1:]):
                    if stripped := text[a:b].strip("，；,; \u3000"):
                        a += text[a:b].index(stripped)
                        pieces.append(Clause(stripped, a, a + len(stripped)))
            in_cell = {p.start for p in pieces if any(a <= p.start < b for a, b in cells)}
            sentence_clauses = [
                p for p in pieces if p.start in in_cell or not (TABLE_ROW_NAME.search(p.text) or TARGET_TABLE_HEAD.search(p.text))
            ]
        # A table of works flattened into the sentence: one clause a row, its works promised.
        rows = table_rows(text) if part_kind == "Commitment" and not cells else []
        row_names = {start: name for start, _, name in rows}
        if rows:
            sentence_clauses = [Clause(text[a:b], a, b) for a, b, _ in rows]
        elif part_kind == "Commitment" and sentence_id in headed:
            at_name, name, promised = headed[sentence_id]
            row_names = {at_name: name} if promised else {}
            sentence_clauses = [Clause(name, at_name, at_name + len(name))] if promised else []
        elif part_kind == "Commitment" and (numbered := numbered_works(text)):
            # 1.青山大道改造工程：…，年底前完工: the item is one promise, quoted whole
            row_names = {numbered[0]: numbered[1]}
            sentence_clauses = [Clause(text[numbered[0] :].rstrip("。！？!?"), numbered[0], len(text.rstrip("。！？!?")))]
        if (part_kind == "Commitment" or vote_span == (0, len(text))) and ARABIC_ITEM.match(text.strip()):
            sentence_clauses = _item_title_or_contents(text, sentence_clauses)
        ahead_of = (
            _stages_ahead(text, sentence_clauses)
            if part["kind"] == "review" and not has_plan and part_kind == "Progress" and not cells and not restated
            else {}
        )
        if (
            sentence_id in named_before
            and part["kind"] == "review"
            and not has_plan
            and part_kind == "Progress"
            and not cells
            and not restated
            and (builds := [c for c in sentence_clauses if BUILDS.search(c.text) and not _DONE_CLAUSE.search(c.text)])
        ):
            # …争取资金建设木根水厂，工程主要分为…。目前，水厂已开工建设，计划在今年10月竣工: the works
            # the sentence builds last are those whose stage the next one dates ahead.
            ahead_of.setdefault(builds[-1].start, named_before[sentence_id])
        for clause in sentence_clauses:
            kind, part_start, part_end = part_kind, review_start, review_end
            if clause.start in ahead_of:
                kind = "Commitment"  # 滴翠园居民文体活动中心…，目前…，预计10月底正式运行: still to come
            if cells and clause.start not in in_cell:
                kind, (part_start, part_end) = "Progress", account_period
            if vote_span[0] <= clause.start < vote_span[1]:
                kind = "Commitment"
                part_start, part_end = voted_period
            # A plan whose period the text does not tell (an undated list of the year's works)
            # still promises; its promises have no deadline and await a follow-up.
            dated = bool(part_start)
            period_start = date.fromisoformat(part_start) if part_start else date.min
            period_end = date.fromisoformat(part_end) if part_end else date.min
            # (a row of a table has its own deadline, not the next row's)
            sentence_deadline = (
                deadline_of(clause.text if cells or rows else text, period_start, period_end) if dated else (None, None)
            )
            body = _LEAD.sub("", clause.text)
            labelled = ""
            if kind == "Commitment" and (label := _LABEL.match(body)):
                labelled, body = label.group(), body[label.end() :]  # “地标工程”——力争…: the label is no object
            if kind == "Commitment" and _DONE_CLAUSE.search(body) and not _FUTURE.search(body):
                continue  # 这座桥梁主体工程已经修建完工: works told done
            if (
                kind == "Commitment"
                and (themes := _THEMES_LISTED.search(body))
                and not all(names_a_thing(m) for m in themes.group("list").split("、"))
            ):
                continue  # 以及教育、金桥、环境整治等六大工程: the year's programmes by theme, no works
            if kind == "Commitment" and PLAN_CATEGORY.match(body):
                continue  # 代表们投票选出了…2025年度10件民生实事项目: the list's own name, no promise
            if kind == "Commitment" and VISIT.search(body):
                continue  # 代表们前往A、B等实地调研: a visit to works, often built, promises none
            # 一是招商引资工程。: an enumerated theme named by a noun alone titles the works
            # that follow it; it is no promise of its own.
            themed = bool(_THEMED.match(clause.text)) and (
                (not ACTION.search(body) and highest_stage(body) is None)
                or (text.strip().rstrip("。") == clause.text and body.endswith(("工程", "项目")) and not ITEM_VERB.match(body))
            )
            # 选出了A、B等10个项目, 十大民生工程包括A、B等项目: a list of works closed by its count
            # is promised member by member, whatever opens it.
            listed = works_list(body) if kind == "Commitment" and not themed else []
            # 新开工项目8个：A、B、C: the projects named after their category, at its stage.
            listed_under = ""
            if (
                kind == "Commitment"
                and not listed
                and clause.start > 0
                and (text[clause.start - 1] in "：:" or _NAMES_FOLLOW.match(body))
            ):
                listed_under = _CLAUSE_END.split(text[: clause.start - 1])[-1]
                listed = colon_list(listed_under, body)
            if clause.start in row_names:
                listed = [row_names[clause.start]]
            # 启动A市场二期工程和B市场规范化建设: two works joined, each with its own predicate.
            joined = dict(joined_works(body)) if kind == "Commitment" and not listed and not themed else {}
            if joined:
                listed = list(joined)
            elif kind == "Commitment" and not listed and not themed:
                # 建设“青山书房”2个、口袋公园3个: each counted thing (not firms or figures)
                listed = [m for m in counted_members(body) if not _COUNTED_NOT_BUILT.search(m)]
            if kind == "Commitment" and (framed := _FRAMED_TITLE.match(body)):
                body = framed.group("verb") + framed.group("title")  # 以创建国家级美丽乡村为基底: the title is promised
            elif not listed and (
                _COPULA.search(body) or _FRAMING.match(body) or (kind == "Commitment" and _OCCASION.match(body))
            ):
                continue
            # 漾滨名苑安置房项目位于…: a project introduced by where it is or how big it is is
            # the topic of its sentence, promised once.
            topic = (_TOPIC.match(body) or _IN_CHARGE.match(body)) if kind == "Commitment" and not topic_claimed else None
            if topic and body.startswith("由"):
                body = topic.group("topic")
            if topic and VAGUE_MODIFIERS.sub("", topic.group("topic")) in ("项目", "工程"):
                topic = None
            if kind == "Commitment" and _UPKEEP.search(body) and not listed:
                continue  # 持续对现有微型消防站器材进行更新维护: upkeep of what stands, no works
            if kind == "Commitment" and _DESCRIBES.search(body) and not topic and not listed and clause.start not in ahead_of:
                continue  # 农民小集中居住建设项目涉及…四个村: what a project covers, no promise
            stage = highest_stage(body)
            if clause.start in ahead_of:
                stage = highest_stage(ahead_of[clause.start]) or stage
            if kind == "Commitment" and not listed and _BACK_REFERENCE.search(body):
                # 切实推动议定项目在年内圆满完成: the works the text has listed (a vote's), not a
                # promise of their own; the stage it states is theirs when they stated none.
                if stage is not None:
                    for earlier in claims:
                        if earlier.kind == "Commitment" and earlier.part == part_id and not earlier.stage_stated:
                            if earlier.milestone is not None:
                                earlier.milestone, earlier.milestone_rank = stage.milestone, stage.rank
                                earlier.stage_stated = True
                continue
            if listed and listed_under and stage is None:
                stage = highest_stage(listed_under)
            acts = (
                bool(ACTION.search(body))
                or stage is not None
                or (
                    kind == "Commitment" and bool(TITLE.search(body) or COUNTED_WORKS.match(body) or UNNAMED_FACILITY.match(body))
                )
            )
            # A plan that lists its projects by name (镇区积水点专项整治项目) promises each; a
            # row numbered 1、 with its size in brackets after the name is such a name too.
            row = ROW_SPEC.sub("", ARABIC_ITEM.sub("", body)) if kind == "Commitment" else body
            listed_name = (
                kind == "Commitment"
                and not themed
                and len(row) <= 40
                and row.endswith(("项目", "工程"))
                and not _NUMBERED_ROW.match(row)
                and not _PLANNING_ROW.search(row)
                and not ITEM_VERB.match(row)
                and not PROMISE_VERBS.match(row)
            )
            project_task = _PROJECT_TASK.match(body) if kind == "Commitment" else None
            acts = acts or listed_name or bool(topic) or bool(listed) or bool(project_task)
            if kind == "Commitment" and in_contents:
                continue
            if kind == "Progress":
                acts = acts or bool(_CARRIED_ON.search(body)) or bool(_DONE.search(body))
            if not acts:
                continue
            if kind == "Commitment" and (JOINING_WORK.match(body) or JOINING_WORK.match(clause.text.strip())):
                continue  # 将创建工作与项目谋划、建设紧密结合: a method, no works
            if kind == "Commitment" and NOT_WORKS.search(body) and not joined:
                continue  # a campaign, or the building of a team or a system: no promise of works
            if kind == "Commitment" and themed and body.endswith(("工程", "项目")):
                continue  # 二是中心城镇建设工程。: the title of the works that follow
            if kind == "Commitment" and (item := ARABIC_ITEM.match(body)) and len(body) > item.end() + 4:
                body = body[item.end() :]  # 1、高起点规划建设三湾东路: the item is the promise itself
            elif kind == "Commitment" and _HEADING.match(body):
                continue  # a heading (二、城区道路改造提升工程) names the promises below it
            objects = clause_objects(graph, sentence_id, clause, with_footnotes=(kind == "Progress"))
            if labelled:
                objects = [(e, t, f) for e, t, f in objects if t not in labelled or t in body]
            if kind == "Commitment" and town_stem:
                # 季市镇将完成…: the town's own name without its 镇 (taken for a village of that
                # name) is who promises, not what is promised.
                # (望月湖地铁站 names a place after the town: only the stem said as the town is left out.)
                as_place = _said_as_place(town_stem, town[len(town_stem) :])
                objects = [(e, t, f) for e, t, f in objects if t != town_stem or as_place.search(clause.text)]
            generic = generic_objects(body)
            # (so is an item of a list of works given clause by clause: 包括：A工程；B项目；…)
            after_mark = clause.start > 0 and text[clause.start - 1] in "；：;:"
            item_alone = after_mark and text[clause.end : clause.end + 1] in ("；", ";", "。", "")
            whole = text[item_mark.end() if item_mark else 0 :].strip().rstrip("。；;") == clause.text or item_alone
            if listed_name and len(row) >= 6 and whole and not NAME_NOT_ROW.search(row):
                # The clause is the works' name and nothing else (新湖公园古建廊亭修缮及栈桥等养护
                # 工程, a row of a list of projects): the whole name is the object, not the
                # places and kinds it holds.
                objects, generic = [], [(_row_name(row, body), "row")]
            elif (
                kind == "Commitment"
                and whole
                and ARABIC_ITEM.match(clause.text.strip())
                and (built := _BUILT_ROW.match(row))
                and not (ITEM_VERB.match(row) or PROMISE_VERBS.match(row) or ACTION.match(row) or _VERB_FIRST.match(row))
                and _names_a_place(graph, sentence_id, text, town_stem)
            ):
                # 2.白鹤村安置区二期建设: a row of the year's works named by its place and its building
                objects, generic = [], [(built.group("thing"), "row")]
            if topic:
                objects, generic = [], [(topic.group("topic"), "row")]
                topic_claimed = True
            elif (
                kind == "Commitment"
                and not listed
                and (one := _ONE_EXAMPLE.search(body))
                and head_regex().fullmatch(one.group("kind"))
            ):
                # 规划对解放桥巷片区等老旧小区实施改造: one place given as the example of the kind
                # the works reach is the promise with its kind, not the place alone.
                objects, generic = [], [(one.group("one") + "等" + one.group("kind"), "group")]
            elif kind == "Commitment" and (group := PLACES_COUNTED_WORKS.match(body)):
                objects, generic = [], [(group.group("group") + "的" + group.group("works"), "count")]
            elif project_task and not objects_named_whole(objects, project_task.group("name")):
                objects, generic = [], [(project_task.group("name"), "subject")]
            elif kind == "Commitment" and (task := _WORKS_TASK.match(body)) and not _KIND_OF_WORKS.match(task.group("place")):
                objects, generic = [], [(task.group("place") + task.group("works"), "subject")]
            if kind == "Commitment":
                objects, generic = promised_objects(graph, objects, generic, body)
                title = TITLE.search(body)
                if (
                    title
                    and not body.startswith("成果", title.end())
                    # a name inside the title (上景区 in 国家3A级以上景区) is part of it, not beside it
                    and all(graph.nodes[e]["label"] in CONTAINER_TYPES or s in title.group() for e, s, _ in objects)
                ):
                    named = clean_phrase(
                        _ACTOR_BEFORE.sub("", title.group("title") or title.group("title2") or title.group("title3"))
                    )
                    objects, generic = [], [(_PLAN_VERBS.sub("", named), "title")]
                elif not objects and not generic and not PLAN_URGED.match(body) and (plan := PLAN_DOC.search(body)):
                    named = _PLAN_MODIFIER.sub("", plan.group("plan") or plan.group("plan2"))
                    generic = [(PLAN_VERBS.sub("", named) if len(PLAN_VERBS.sub("", named)) >= 4 else named, "规划")]
                counted = COUNTED_FIRST.match(body)
                if counted and _COUNTED_NOT_BUILT.search(counted.group("thing")):
                    counted = None  # 新增5个市场主体: firms and figures counted, no works
                if counted and counted.group("examples"):
                    objects, generic = [], []  # 打造A、B等10余个街头微景观: the group, not its examples
                if counted and all(p in counted.group("thing") for p in [s for _, s, _ in objects] + [p for p, _ in generic]):
                    objects, generic = [], []  # 新增2-3个小微便民停车场: the count belongs to the promise
                if not objects and not generic and counted:
                    generic = [
                        (
                            counted.group("count") + counted.group("thing"),
                            "title" if counted.group("verb") in ("创建", "争创") else "count",
                        )
                    ]
                if not objects and not generic and (facility := UNNAMED_FACILITY.match(body)):
                    generic = [(facility.group("thing"), "中心")]
                if (shared := place_works(body, [s for _, s, _ in objects])) and all(
                    any((shared[0] + item).startswith(p) for item in shared[1]) for p, _ in generic
                ):
                    # 实施老街杆线整理、立面改造: each kind of works on the place named once before them
                    # (the place itself, 完成青石村道路硬化、路灯亮化, is only their site).
                    objects, generic = [], [(shared[0] + item, "subject") for item in shared[1]]
                if not objects and not generic and (study := study_object(body)):
                    generic = [(study, "规划")]
                if (
                    objects
                    and not generic
                    and not listed
                    and (thing := works_object(body))
                    and all(s in (bare := _WORKS_AT_END.sub("", thing)) and s != bare for _, s, _ in objects)
                ):
                    # 计划完善京口路社区低碳生活中心建设: the road names where the works are; the works'
                    # own name holds it and is the promise.
                    objects, generic = [], [(thing, "subject")]
                if not objects and not generic and (subject := subject_of_stage(body) or works_object(body)):
                    generic = [(subject, "subject")]
                if (titles := TITLE_LIST.match(body)) and "、" in titles.group("list"):
                    # 争创A、B、C: each member of the list is a title to win.
                    objects, generic = [], [(t, "title") for t in titles.group("list").split("、") if len(t) >= 3]
                if (
                    (target := COUNTED_WORKS.match(body))
                    # (places in the brackets after the amount, 分布于永利、常丰等7个村, are where it is)
                    and all(0 <= body.find(p) < target.end("thing") or body.find(p) >= target.end("count") for _, p, _ in objects)
                    and all(p in target.group("thing") or target.group("thing") in p for p, _ in generic)
                ):
                    # 完成硬化村内主干道路10公里: the amount names the promise with its thing; land
                    # changing hands and farming (土地流转面积) are figures, not works.
                    if not _COUNTED_NOT_BUILT.search(target.group("thing")):
                        objects, generic = [], [(target.group("thing") + target.group("count"), "count")]
                if not listed and (fitted := COUNTED_DONE.match(body)) and not _COUNTED_NOT_BUILT.search(fitted.group("thing")):
                    objects, generic = [], [(fitted.group("thing"), "count")]  # 完成100组治安摄像头加装
                if listed:
                    objects, generic = [], [(m, "row") for m in listed]
                if clause.start in ahead_of and (subject := _opening_subject(body)):
                    # (a name a measure word cuts, 农批市场, is whole as the clause's subject)
                    objects, generic = [], [(subject, "subject")]
            if topic_claimed and not topic and not objects:
                # …建设动迁安置房5幢共376户，年内完成各项验收: after a project's topic, unnamed
                # things are its contents and a stage is its stage.
                generic = []
            if not objects and not generic:
                # 推进月湖公园建设，年内竣工: a stage with no object of its own belongs to
                # the object of the clause before.
                _continue_previous(claims, sentence_id, count, body, stage, kind, clause, period_start, period_end)
                if topic_claimed and count and stage is not None and (last := claims[-1]).sentence == sentence_id:
                    # The topic's promise is stated from its name to its stage: the clause it
                    # quotes runs over the description between them.
                    last.text, last.end = text[last.start : clause.end], clause.end
                continue
            deadline, deadline_text = deadline_of(clause.text, period_start, period_end) if dated else (None, None)
            if deadline_text is None:
                deadline, deadline_text = sentence_deadline
            quantity, unit = quantity_of(body)
            reached = reached_stages(body) if kind == "Progress" else []
            if kind == "Progress" and _DELAY.search(body):
                reached = [(max(r - 1, 0), True) for r, _ in reached]  # 出让…推迟: the sale did not happen
            towards = bool(reached) and all(t for _, t in reached)
            if kind == "Progress" and not reached and _DONE.search(body) and not _CARRIED_ON.search(body[:2]):
                reached = [(6, False)]  # 完成14个小区微更新: the work itself is done
            common: dict[str, Any] = dict(
                report=report_id,
                part=part_id,
                section_title=section.get("title") or "",
                sentence=sentence_id,
                text=clause.text,
                start=clause.start,
                end=clause.end,
                heads=sorted({h for _, h in generic}),
                milestone=(stage or CARRIED_ON).milestone,
                milestone_rank=(stage or CARRIED_ON).rank,
                reached_ranks=[r for r, _ in reached],
                towards=towards,
                deadline=deadline.isoformat() if deadline else None,
                deadline_text=deadline_text,
                period_start=part_start,
                period_end=part_end,
                aspirational="力争" in clause.text or "争取" in clause.text,
                quantity=quantity,
                unit=unit,
                phases=sorted(phases_of(body)),
                signals=sorted(set(_DELAY.findall(body))) if kind == "Progress" else [],
            )
            if kind == "Commitment" and not listed:
                objects, generic = shared_heads(graph, objects, generic, body)
                generic = buildings_of_generic(generic, body)
            targets: list[Target] = [(e, surface, foot) for e, surface, foot in objects] or [
                (None, phrase, False) for phrase, _ in generic
            ]
            if kind == "Commitment" and objects and generic:
                # 东平路提档升级及健身步道工程: unnamed works beside named ones are promises too.
                # (a name with a conjunction that is the unnamed phrase itself, 水质净化和中水回用项目, is one
                # works named twice, not a list beside its items)
                named_surfaces = [
                    s for _, s, _ in objects if not (_CONJUNCTION.search(s) and any(p in s and p != s for p, _ in generic))
                ]
                targets += [
                    (None, p, False)
                    for p, _ in generic
                    if not any(p in n or n in p for n in named_surfaces) and joined_to_list(body, p)
                ]
            if kind == "Commitment" and targets and not listed and (BUILDS.search(body) or stage is not None):
                targets += _quoted_members(body, [t for _, t, _ in targets])
            segments = verb_segments(body, [t for _, t, _ in targets]) if kind == "Commitment" and len(targets) > 1 else []
            item_texts = (
                predicate_items(body, [t for _, t, _ in targets], stage)
                if kind == "Commitment" and len(targets) > 1 and not segments
                else {}
            )
            if joined:
                segments, item_texts = [], joined
            if kind == "Commitment":
                targets = [(e, clean_phrase(t) if e and len(clean_phrase(t)) >= 3 else t, f) for e, t, f in targets]
                targets = phases_listed(targets, body)
                # (the members of a closed list are each named whole: 鑫东花苑安置区北侧支路、永吉花苑
                # 雨污分流改造工程 are a road and a works, the second's works not the first's)
                targets = targets if listed else shared_works(targets, body)
                targets = buildings_of(targets, body)
                if "、" in body:
                    targets = [(e, _with_own_works(t, body) if e else t, f) for e, t, f in targets]
                # 东平路提档升级及健身步道工程 named as one beside its two items: the items are the promises.
                targets = [
                    (e, t, f)
                    for e, t, f in targets
                    if not (_CONJUNCTION.search(t) and any(u != t and u in t for _, u, _ in targets))
                ]
                # 仙人谷 beside 仙人谷地质公园, 中水回用项目 beside 南部工业区…中水回用项目: a name
                # inside another of the same clause is part of it; the longer is the promise.
                # (A name in another's brackets, 北旺路（送站路以北）, only marks where it ends.)
                targets = [
                    (e, t, f)
                    for e, t, f in targets
                    if not (e and any(u != t and t in _BRACKETED.sub("", u) for _, u, _ in targets))
                ]
            if kind == "Commitment":
                targets = [(e, t, f) for e, t, f in targets if not PLAN_CATEGORY.match(t.strip("“”"))]
            for entity, surface, foot in targets:
                prefix = "c" if kind == "Commitment" else "p"
                claim = Claim(
                    id=claim_id(sentence_id, prefix, count),
                    kind=kind,
                    object=surface,
                    entities=[entity] if entity else [],
                    in_footnote=foot,
                    **common,
                )
                if kind == "Commitment" and len(targets) > 1:
                    # Each promise of a clause keeps the kinds of works its own object names
                    # (南蕴藻路管网: 管网, not the clause's 调蓄池).
                    # (a row of a list of works stays one, whatever its name)
                    claim.heads = [h for h in claim.heads if h in surface or h == "row"]
                if segments and (own := segment_of(segments, body, surface)) is not None:
                    # 年内完成A、启动B、规划建设C: each item has the stage of its own verb.
                    item_stage = highest_stage(own)
                    claim.milestone, claim.milestone_rank = (item_stage or CARRIED_ON).milestone, (item_stage or CARRIED_ON).rank
                    if item_stage is None:
                        _unstaged(claim, own, graph.nodes[entity]["label"] if entity else None)
                elif (own := item_texts.get(surface)) is not None:
                    # 推进A管网疏通移交及B调蓄池建设: each item has the stage of its own predicate.
                    item_stage = highest_stage(own)
                    claim.milestone, claim.milestone_rank = (item_stage or CARRIED_ON).milestone, (item_stage or CARRIED_ON).rank
                    claim.stage_stated = item_stage is not None
                    if item_stage is None:
                        _unstaged(claim, own, graph.nodes[entity]["label"] if entity else None)
                elif kind == "Commitment" and stage is None:
                    _unstaged(claim, body, graph.nodes[entity]["label"] if entity else None)
                claims.append(claim)
                count += 1
    return _described_works(graph, sentences, _umbrellas_dropped(_contents_or_theme(claims, under)))


# An uncounted batch (增设一批便民停车场, 打造一批街头微景观): the title of what the item goes on to
# count or name.
_BATCH = re.compile(r"一批|若干")


# What a row of a voted list names when it names where its works are (a town, a road, a park, an
# institution…): a project's own mention names no place.
# What the brackets after a row's name add to it: the project's own name (全民健身运动中心提升改造
# 项目（西彭体育公园改造项目）, the umbrella works named first) or its phase (（一期）, part of the
# name); the size or extent they give otherwise is no part of it.
_BRACKETED_NAME = re.compile(r"[（(](?P<name>[^（）()]{4,30}?(?:项目|工程))[）)]$")
# (a category in the brackets, 青山苑二期新建工程（2024年度续建项目）, is no name)
_CATEGORY_ALIAS = re.compile(r"^(?:\d{4}年度?|续建|新建|新开工|计划|重点|重大|在建|省级|市级|县级|区级|民生)")
_BRACKETED_PHASE = re.compile(r"[（(][一二三四五六七八九十\d]+期[）)]$")


def _row_name(row: str, body: str) -> str:
    tail = body.rstrip("。")
    if (alias := _BRACKETED_NAME.search(tail)) and not _CATEGORY_ALIAS.match(alias.group("name")):
        return alias.group("name")
    if (phase := _BRACKETED_PHASE.search(tail)) and not row.endswith(phase.group()):
        return row + phase.group()
    return row


_VERB_FIRST = re.compile(r"^(?:全力|积极|大力|加强|着力|高标准|高质量|持续|继续|深化|强化|扎实|抓好|做好)")
_BUILT_ROW = re.compile(r"^(?P<thing>[^，；。：:、“”]{4,30}?)(?:建设|新建|改造|扩建)$")
_WORKS_ROW = re.compile(r"^\s*\d{1,2}[、.．](?!\d)[^，；。：:]{2,40}?(?:项目|工程)[^，；。：:]{0,20}?。?\s*$")
_NOT_A_PLACE = frozenset({"Project", "Initiative", "Indicator"})
# (an estate, a street or a village named, 尚城花园小区维修墙体脱落项目, 恒大二期安装…项目, is a
# place even where no mention of it is found; 乡村 of 和美乡村 is the countryside, no village)
# (so is a part of town by its direction, 城南农贸市场, 镇东安置区, and an institution or a market
# named by two characters of its own, 青山中心小学, 白鹤农贸市场, not by what it serves: 便民, 全民)
_PLACE_IN_NAME = re.compile(
    r"花园|小区|[苑府院]|(?<!乡)村|社区|[路街巷]|镇|广场|公园|[一二三四五六七八九十\d]期(?![）)])|[城镇][东南西北]"
    r"|(?<!便民)(?<!全民)(?<!公共)(?<!农村)(?<!城乡)(?<![村镇]级)(?<=[\u4e00-\u9fff]{2})(?:农贸市场|市场|小学|中学|幼儿园|医院|卫生院|敬老院|水厂|污水处理厂)"
)
_COUNT = re.compile(r"\d|[一二两三四五六七八九十百]+[个座条处所项]")


def _names_a_place(graph: nx.MultiDiGraph, sentence_id: str, text: str, town_stem: str) -> bool:
    """Whether a row of a voted list names its works' place or counts them. The annotators
    leave out a kind of works with neither (公厕新建及提档升级项目, 增设便民停车设施项目, 和美乡村
    建设项目: works of a kind found in every town, as 村内道路硬化工程 among d99's), and keep
    西彭场镇街道空间一体化改造项目, 重庆枢纽港人民医院项目 and 新增2-3个小微便民停车场."""
    row = ARABIC_ITEM.sub("", text.strip())
    if (town_stem and town_stem in text) or _COUNT.search(row) or _PLACE_IN_NAME.search(row):
        return True
    return any(
        k == "MENTIONS" and graph.nodes[v].get("label") not in _NOT_A_PLACE for _, v, k in graph.out_edges(sentence_id, keys=True)
    )


# A quoted name listed after works found (启动“青山e家”社区服务中心、“白鹤书房”建设): a named thing
# of the same list, whatever its name ends in (书房, 驿站, 客厅: the genre's quoted names of small
# public places), promised with the others.
_QUOTED_MEMBER = re.compile(r"(?<=[、和及与])“[^“”，；。]{2,12}”(?=[、和及与，；。]|建设|改造|提升|打造|$)")


def _quoted_members(body: str, found: list[str]) -> list[Target]:
    ends = {body.find(t) + len(t) + (body[body.find(t) + len(t) :].startswith("”")) for t in found if t in body}
    added: list[Target] = []
    for m in _QUOTED_MEMBER.finditer(body):
        if m.start() - 1 in ends and not any(m.group() in t or t in m.group() for t in found):
            added.append((None, m.group(), False))
            ends.add(m.end())
    return added


def _item_title_or_contents(text: str, spans: list[Clause]) -> list[Clause]:
    """A numbered item of a year's list of works, a title and its contents after a colon
    (01.增设一批便民停车场：在辖区内新增2-3个小微便民停车场。 03.打通彩虹一支路断头路：贯通…路径):
    one promise. A title promising an uncounted batch is stated by the contents, which count or
    name it; a title naming its works is the promise, the contents saying how (not a list of
    works of their own, 1、道路提升：改造A路、B路…, whose members are each promised)."""
    if len(spans) < 2 or text[spans[0].end : spans[0].end + 1] not in ("：", ":"):
        return spans
    if _BATCH.search(spans[0].text):
        return spans[1:]
    if any("、" in c.text for c in spans[1:]) or numbered_works(text):
        return spans
    return spans[:1]


# A programme of works named by whom or what it serves (实施农民卫生工程, 实施农民健身工程): an
# umbrella over the concrete works its next clause promises (，新建1000平方米病房楼1幢), as the
# annotators read it (tests/devset/README.md: umbrella clauses whose concrete parts follow).
_UMBRELLA = re.compile(r"^(?:将|要)?(?:实施|推进|开展|启动)(?P<name>[\u4e00-\u9fff]{2,8}工程)$")


def _umbrellas_dropped(claims: list[Claim]) -> list[Claim]:
    starts = {(c.sentence, c.start) for c in claims if c.kind == "Commitment"}
    return [
        c
        for c in claims
        if not (
            c.kind == "Commitment"
            and not c.entities
            and (m := _UMBRELLA.match(_LEAD.sub("", c.text)))
            and not _PLACE_IN_NAME.search(m.group("name"))
            and (c.sentence, c.end + 1) in starts
        )
    ]


# A news page on the year's voted works names them first, often by a theme (六大重点民生实事项目为：
# 老旧小区焕新升级、养老服务提质扩面…; 票决产生了加大应急救援能力建设、完善低碳生活中心建设…等6件实事),
# then describes each one: 其中，老旧小区焕新升级项目，计划投资…，完成A…，推进B…建设. The name said
# again as the head of its clauses (X项目，…) titles the works those clauses state: the works
# described are the promises, neither the title nor the theme listed before it.
_TITLE_OPENER = re.compile(r"^(?:其中|此外|另外|同时|一是|二是|三是|四是|五是|六是)[，,]?")
_SITE_OF_WORKS = re.compile(r"^(?:计划|拟|将)?在(?P<place>[^，；。在]{2,12}?)(?:实施|建设|推进|开展)$")
_ACTION_FIRST = re.compile(r"^(?:打造|建设|实施|推进|完善|加大|新建)")
_CONTENTS_TITLE = re.compile(r"^(?P<core>[^，；。、“”（）()]{4,16})(?:项目|工程)$")


def _described_works(graph: nx.MultiDiGraph, sentences: list[str], claims: list[Claim]) -> list[Claim]:
    titles: set[tuple[str, int]] = set()
    themes: set[str] = set()
    # (a title whose next clause only says where its works go, 打造垃圾分类示范小区项目，计划在江科大二村
    # 实施: the works at that place are the promise, 江科大二村垃圾分类示范小区)
    placed: dict[tuple[str, int], tuple[str, Clause]] = {}
    before = ""
    for sentence_id in sentences:
        text = graph.nodes[sentence_id]["text"]
        spans = clauses(text)
        for clause, following in zip(spans, spans[1:]):
            head = _TITLE_OPENER.sub("", clause.text)
            title = _CONTENTS_TITLE.match(head)
            # (the title may add a verb to the theme listed: 实施智慧安防织密网络项目)
            core = title.group("core") if title else ""
            core = core[2:] if core and core not in before and ACTION.match(core) and len(core) >= 6 else core
            # (named before as a member of a list: the year's works listed, then described; a works
            # the text only mentioned before, 持续推进A工程 in the review, is promised again)
            if core and (any(m + core in before for m in "、：:为了") or any(core + m in before for m in "、等")):
                # (the title opens what follows it in the sentence: a clause comes after it)
                titles.add((sentence_id, clause.start))
                themes |= {core, _ACTION_FIRST.sub("", core)}
                if (site := _SITE_OF_WORKS.match(following.text)) and (thing := _ACTION_FIRST.sub("", core)):
                    placed[(sentence_id, clause.start)] = (site.group("place") + thing, following)
        before += text
    if not titles:
        return claims
    for c in claims:
        if c.kind == "Commitment" and (c.sentence, c.start) in placed:
            c.object, following = placed[(c.sentence, c.start)]
            c.text, c.end = c.text + "，" + following.text, following.end
            placed.pop((c.sentence, c.start))
            titles.discard((c.sentence, c.start))
    return [
        c
        for c in claims
        if not (
            c.kind == "Commitment"
            and (
                (c.sentence, c.start) in titles
                or (c.object in themes or any(c.object in (t + "项目", t + "工程") for t in themes))
            )
        )
    ]


def _contents_or_theme(claims: list[Claim], under: dict[str, list[str]]) -> list[Claim]:
    """Under a works named alone (四、集中供热扩建工程), sentences that promise nothing of
    their own tell the works' contents, size and place: the heading is the promise. Sentences
    that promise things make the heading a theme over them (三、保障性安居工程 over 漾滨名苑
    安置房项目…, dev d47): they are the promises, the heading none."""
    dropped: set[str] = set()
    for heading, sentences in under.items():
        inside = set(sentences)
        if any(c.kind == "Commitment" and c.sentence in inside for c in claims):
            dropped.add(heading)
    return [c for c in claims if c.sentence not in dropped]


_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\d+[.、．](?!\d))")


# How a clause that only adds a stage or a deadline to the promise before it begins
# (推进月湖公园建设，年内竣工; …，确保6月底前投用).
# (均/都/全部 say the stage of every member of a list before: 船湾镇A项目、B项目，…，均计划于今年
# 完成项目建设, the way a news page gives the voted works' common deadline)
_CONTINUATION = re.compile(
    r"^(?:均|都|全部|并|同时|确保|力争|争取|预计|计划|年内|年底前?|今年|明年|\d{1,2}月(?:底|份)?(?:前)?|上半年|下半年|全年|[春夏秋冬]季|[一二三四]季度|"
    r"基本|顺利|如期|按期|实现|完成|建成|竣工|开工|投入|交付|通过|主体|结构|达到|启动"
    # (…的征迁工作，…，推动尽快开工建设: the works' next stage, urged)
    r"|推动尽快|尽快|早日)"
)


# What a promise of works is about: named works and places of works, or unnamed works.
_WORKS_LABELS = frozenset({"Project", "Facility", "IndustrialPark", "Park", "Parcel", "MetroStation", None})


# A title to win or keep (争创…模范镇, 国家卫生镇复审) or a figure to reach is no stage of works.
_TITLE_OR_FIGURE = re.compile(r"争创|创建|创成|复审|复评|迎检|评选|称号|达到\d|覆盖率|\d+(?:\.\d+)?%")


_NOT_STAGED_END = re.compile(r"(?:居委|居委会|村委会|党支部|党群组织|合作社|协会|普查|试点|认证)$")
_ROAD_WORKS = re.compile(r"建设|新建|修建|打通|拓宽|改造|硬化|提升")
_WORKS_END = re.compile(r"(?:工程|项目|计划|试点|行动)$")


def _unstaged(claim: Claim, body: str, label: str | None) -> None:
    """The milestone of a promise whose clause names no stage: 开工 for works being built
    (tracing still asks for them done, as for work carried on), none for a programme,
    a title, a figure or work with no works (深化…, 开展…)."""
    works_named = (
        (label in _WORKS_LABELS and label is not None)
        or claim.object.endswith(("项目", "工程"))
        or bool(WORKS_WORD.search(claim.object))
        or claim.heads == ["count"]
        or bool(head_regex().search(claim.object.strip("“”")[-4:]))
        or (label is None and claim.heads != ["title"])
    )
    if _NOT_STAGED_END.search(claim.object.strip("“”")):
        works_named = False  # 筹建居委, 第五次全国经济普查, 地理标志保护产品认证: an organisation, a programme or a certification, not works
    if label == "Road" and _ROAD_WORKS.search(body):
        works_named = True  # 规划建设三湾东路, 改造提升建中路: the road is the works
    if label == "Initiative" and (
        not head_regex().search(claim.object.strip("“”")[-3:]) or _WORKS_END.search(claim.object.strip("“”"))
    ):
        works_named = False  # a programme (“老吾老”计划, 善育工程), not works
    # A project listed by its name alone (a row of the year's 民心工程) is works to be built.
    if works_named and (BUILDS.search(body) or claim.heads == ["row"]) and not _TITLE_OR_FIGURE.search(body):
        works = stage_of(4)
        claim.milestone, claim.milestone_rank, claim.stage_stated = works.milestone, works.rank, False
    else:
        claim.milestone, claim.milestone_rank, claim.stage_stated = None, 0, False


_RESULTS = re.compile(r"见效|达效|发挥效益|显现")


def _continue_previous(
    claims: list[Claim],
    sentence_id: str,
    count: int,
    body: str,
    stage: Stage | None,
    kind: str,
    clause: Clause,
    period_start: date,
    period_end: date,
) -> None:
    # 加快投产见效 states the aim of the works, not a stage promised for them; a clause that
    # starts with another verb (促推项目启动建设) is about another thing.
    if stage is None or count == 0 or _RESULTS.search(body):
        return
    if kind == "Commitment" and not _CONTINUATION.match(body):
        return
    # 实现厂房建成一批: a clause that names a kind of thing of its own states its own aim, not a
    # stage of the object before.
    own_kind = head_regex().search(body) if kind == "Commitment" else None
    previous = [c for c in claims[-count:] if c.sentence == sentence_id and c.end <= clause.start]
    last_end = max((c.end for c in previous), default=None)
    for claim in previous:
        if claim.end != last_end or (own_kind and own_kind.group() not in claim.object):
            continue
        claim.text = claim.text + "，" + clause.text if claim.end + 1 == clause.start else claim.text
        claim.end = clause.end if claim.end + 1 == clause.start else claim.end
        if kind == "Commitment" and (stage.rank > claim.milestone_rank or not claim.stage_stated):
            claim.milestone, claim.milestone_rank, claim.stage_stated = stage.milestone, stage.rank, True
        if kind == "Progress":
            claim.reached_ranks = claim.reached_ranks + [r for r, _ in reached_stages(body)]
        deadline, text = deadline_of(clause.text, period_start, period_end) if claim.period_start else (None, None)
        if text and deadline:
            claim.deadline, claim.deadline_text = deadline.isoformat(), text


CLAIM_LABELS = ("Commitment", "Progress")


def add_claims(graph: nx.MultiDiGraph, claims: list[Claim]) -> None:
    """Claim nodes with STATED_IN their sentence and ABOUT their entities."""
    for claim in claims:
        props = claim.as_properties()
        props.pop("entities")
        add_node(graph, claim.id, claim.kind, **props)
        add_edge(graph, claim.id, claim.sentence, "STATED_IN")
        for entity in claim.entities:
            add_edge(graph, claim.id, entity, "ABOUT")


def claim_from_node(graph: nx.MultiDiGraph, node: str) -> Claim:
    data = dict(graph.nodes[node])
    kind = data.pop("label")
    data.pop("id")
    for key in ("status", "status_auto", "score", "reviewed_status", "review_comment", "reviewer"):
        data.pop(key, None)
    entities = [e for _, e, k in graph.out_edges(node, keys=True) if k == "ABOUT"]
    return Claim(id=node, kind=kind, entities=entities, **data)
