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
promises them in whichever part a news page about it is read.

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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from functools import cache
from typing import Any

import cn2an
import networkx as nx

from kg.extraction.mentions import stem_start, suffix_types, token_starts
from kg.extraction.stages import CARRIED_ON, Stage, ladder, stage_of
from kg.graph.model import add_edge, add_node, nodes_of
from kg.graph.ontology import class_group
from kg.ids import claim_id
from kg.resources import data_words
from loaders.headings import WORKS_CATEGORY

# What a commitment is about: (entity id, or None for an unnamed object; its words; in a footnote)
Target = tuple[str | None, str, bool]

# Where a clause ends: outside “quotes” and （brackets）.
_CLAUSE_END = "，；：,;:"
_CLAUSE_MARKS = re.compile("[" + re.escape("“（(《【”）)》】" + _CLAUSE_END) + "]")
_ACTION = re.compile(
    r"推进|推动|实施|建设|新建|改建|扩建|改造|打造|开展|启动|完成|实现|落实|举办|创建|争创|引进|建成|整治|贯通"
    r"|迎接|加快|筹建|提升改造|拓展|开设|设立|部署|办理|推出|组建|编制|制定|签约|招引|导入|修缮|更新|新增|增设|抓好|修复"
)
_CARRIED_ON = re.compile(r"推进|有序|进展顺利|紧锣密鼓|加快|正在|持续|稳步|开展|实施|启动|即将")
_DONE = re.compile(r"完成|建成|实现|落成|全面完成|基本完成")
_TOWARDS = re.compile(r"启动|推进|推动|加快|开展|准备|即将|正在|参与|配合|着手|开始|筹备|争取|力争|加速")
_DONE_BEFORE = re.compile(r"完成|实现|建成|已|顺利|正式|全面|基本")
_TOWARDS_AFTER = re.compile(r"^[^，；。]{0,4}(?:准备|前期|有序推进|推进中|进行中)")
_DELAY = re.compile(r"推迟|暂缓|未能|滞后|延期|延误|搁置|停滞|暂停|未完成|未按期|未如期|尚未|受[^，；。]{1,12}影响")
_DEADLINE = re.compile(
    r"(?P<year>年内|今年内|本年内|年底前|年底|年末|全年)|(?P<half>上半年|下半年)"
    r"|(?P<month>\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:底|末)?(?:前|之前|以前)?"
)
_QUANTITY = re.compile(
    r"(?P<n>\d+(?:\.\d+)?|[零一二两三四五六七八九十百千万]+)\s*"
    r"(?P<unit>万平方米|平方米|公顷|万元|亿元|公里|千米|人次|个|座|台|家|所|条|处|幅|项|户|套|亩|米|张|场|间|栋|幢|辆|批|期)"
)
_PHASES = re.compile(r"((?:[一二三四五六七八九十\d]+、)*[一二三四五六七八九十\d]+)期")
# 一是/二是 count the tasks of a paragraph (一是全力以赴推进…): an enumerator, not the copula 是.
_LEAD = re.compile(r"^(?:[一二三四五六七八九十]+是|同时|并|并且|以及|及|和|还|要|将|继续|此外|其中|另外)")
# A clause whose verb is 是 describes (2023年是…的一年); it promises nothing.
_COPULA = re.compile(r"^[^，；“”]{0,14}(?<!但)是(?!否)")
# A clause that says what a project covers, holds or aims at (…项目涉及A村、B村; 涉及A项目、B项目;
# …致力于…) describes it; the promises are the works it goes on to name.
# So does a clause that gives its size (建筑面积约6.85万平方米), or its parts (含景观…等附属工程).
_DESCRIBES = re.compile(
    r"^[^，；]{0,30}?(?:涉及|包括|包含|位于|占地面积|建筑面积|建设面积|用地面积|总面积|总投资|致力于)|^含|^(?:全长|总长|长约|宽约)\d"
)
# A project named as the subject of where it is or how big it is (…项目位于舜湖西路南侧).
_TOPIC = re.compile(r"^(?P<topic>[^，；“”]{4,30}?(?:项目|工程))(?:位于|坐落|选址|占地|总投资|建筑面积|总建筑面积|规划用地)")
# …but a title to win that frames the promises after it (以创建国家级美丽乡村为基底, 以争创
# 省级卫生镇为契机) is itself promised.
_FRAMED_TITLE = re.compile(
    r"^以(?P<verb>创建|争创|创成|申报创建)(?P<title>[^，；。]{3,20}?)为(?:基底|契机|抓手|目标|载体|引领|重点)"
)
# A clause of means or purpose (通过…, 围绕…, 结合…) frames the promise that follows it.
_FRAMING = re.compile(r"^(?:通过|围绕|结合|依托|借助|按照|根据|对标|对照|聚焦|立足|坚持以|以)")
# In a plan, so does a clause of circumstance (随着青石大桥建成通车, 待…投入运营后): what it
# names is the occasion of the promise, not the promise (a review's 随着… still reports).
_OCCASION = re.compile(r"^(?:随着|伴随|待)")
CONTAINER_TYPES = class_group("Container")
_NOT_OBJECTS = frozenset({"Town", "District", "Indicator"})


@dataclass(frozen=True)
class Clause:
    text: str
    start: int
    end: int


def clauses(sentence: str) -> list[Clause]:
    """The clauses of a sentence, with their offsets in it.

    >>> [c.text for c in clauses("配套建设全面冲刺，L-07幼儿园投入使用，推进“乐学、优学”社区建设。")]
    ['配套建设全面冲刺', 'L-07幼儿园投入使用', '推进“乐学、优学”社区建设']
    """
    out, depth, start = [], 0, 0
    speech = _speech_spans(sentence)
    # Only brackets, quotes and clause marks change anything: visit them alone.
    for m in _CLAUSE_MARKS.finditer(sentence):
        i, ch = m.start(), m.group()
        if any(a <= i < b for a, b in speech):
            if ch in _CLAUSE_END:
                out.append((start, i))
                start = i + 1
            continue
        if ch in "“（(《【":
            depth += 1
        elif ch in "”）)》】":
            depth = max(0, depth - 1)
        elif ch in _CLAUSE_END and depth == 0:
            out.append((start, i))
            start = i + 1
    out.append((start, len(sentence.rstrip("。！？!?"))))
    result = []
    for s, e in out:
        text = sentence[s:e]
        stripped = text.strip()
        if stripped:
            s += len(text) - len(text.lstrip())
            result.append(Clause(stripped, s, s + len(stripped)))
    return result


def _speech_spans(sentence: str) -> list[tuple[int, int]]:
    """Quoted speech (a party secretary's words given in “…”): quotes that hold clauses
    of their own are not a name and do not hold the clauses together.

    >>> _speech_spans("“新的一年，我镇将坚持以党的二十大精神统揽全局，推动各项工作提速增效、进位争先。”1月16日，书记表示")
    [(0, 41)]
    """
    spans = []
    for m in re.finditer(r"“([^“”]{30,})”", sentence):
        if re.search(r"[，；,;]", m.group(1)):
            spans.append((m.start(), m.end()))
    return spans


def highest_stage(text: str) -> Stage | None:
    """The highest stage of the ladder a text names.

    >>> highest_stage("结构绿地一期及L-04地块实现竣工并完成验收").milestone
    '验收'
    >>> highest_stage("持续改进工作作风") is None
    True
    """
    ranks = [rank + (1 if towards else 0) for rank, towards in reached_stages(text)]
    return stage_of(max(ranks)) if ranks else None


def _is_stage_word(text: str, m: re.Match) -> bool:
    """A stage keyword, not part of an adjective or a measure (开放性, 开工率)."""
    if m.group() == "规划" and re.match(r"(?:新建|建设|修建|建成|实施|布局)", text[m.end() :]):
        return False  # 规划新建菜市场: "plans to build", the verb, not a plan to draw up
    if re.match(r"(?:情况|状况|水平|管理|模式|主体|单位|机制|成本|效益|服务)", text[m.end() :]):
        return False  # 楼宇运营情况, 施工管理: a noun of the stage, not the stage reached
    return not re.match(r"[性率度型式]", text[m.end() : m.end() + 1])


def reached_stages(text: str) -> list[tuple[int, bool]]:
    """Each stage a review clause reports, as (rank reached, only worked towards).

    >>> reached_stages("启动15-03地块净地准备")
    [(2, True)]
    >>> reached_stages("滨江1号驿站主体结构完工，2号驿站完成土建竣工")
    [(5, False), (6, False)]
    """
    found: list[tuple[int, int, int, bool]] = []  # (start, end, rank, towards)
    # 一、二期 names phases of one works, not two items of a list: the stage reaches over it.
    text = re.sub(r"(?<=[一二三四五六七八九十\d])、(?=[一二三四五六七八九十\d]+期)", "·", text)
    for stage in ladder():
        for m in stage.pattern.finditer(text):
            if not _is_stage_word(text, m):
                continue
            towards = _last_verb_is_towards(text[: m.start()]) or bool(_TOWARDS_AFTER.match(text[m.end() :]))
            if m.group() == "施工" and not re.match(r"^[^，；。]{0,2}准备", text[m.end() :]):
                towards = False  # 施工有序推进: building has started, which is the stage
            found.append((m.start(), m.end(), stage.rank, towards))
    # A longer keyword wins over the stages it contains (主体结构完工 is not also 完工).
    kept = [f for f in found if not any(o[0] <= f[0] and f[1] <= o[1] and (o[1] - o[0]) > (f[1] - f[0]) for o in found)]
    kept.sort()
    merged: list[tuple[int, int, int, bool]] = []
    for f in kept:
        if merged and f[0] < merged[-1][1]:  # overlapping matches: keep the higher stage
            if f[2] > merged[-1][2]:
                merged[-1] = f
            continue
        merged.append(f)
    return [(rank - 1 if towards else rank, towards) for _, _, rank, towards in merged]


def _last_verb_is_towards(before: str) -> bool:
    """Whether the nearest verb before a stage keyword only works towards it (启动…净地,
    参与推进…方案制定) rather than reports it done (完成…批复)."""
    towards = [m.end() for m in _TOWARDS.finditer(before)]
    done = [m.end() for m in _DONE_BEFORE.finditer(before)]
    return bool(towards) and (not done or max(towards) > max(done))


def deadline_of(text: str, period_start: date, period_end: date) -> tuple[date, str | None]:
    """The deadline a text states, within the part's period, else the period's end.

    >>> deadline_of("力争6月底前完成", date(2023, 1, 1), date(2023, 12, 31))
    (datetime.date(2023, 6, 30), '6月底前')
    >>> deadline_of("推进建设", date(2023, 7, 1), date(2023, 12, 31))
    (datetime.date(2023, 12, 31), None)
    """
    m = _DEADLINE.search(text)
    if not m:
        return period_end, None
    year = period_start.year
    if m.group("year"):
        return date(year, 12, 31), m.group()
    if m.group("half"):
        return (date(year, 6, 30) if m.group("half") == "上半年" else date(year, 12, 31)), m.group()
    month = int(cn2an.cn2an(m.group("month"), "smart"))
    if not 1 <= month <= 12:
        return period_end, None
    end = date(year, 12, 31) if month == 12 else date(year, month + 1, 1) - timedelta(days=1)
    return end, m.group()


def quantity_of(text: str) -> tuple[float | None, str | None]:
    """The first counted amount in a text.

    >>> quantity_of("高质量完成滨江沿岸2个驿站建设")
    (2.0, '个')
    >>> quantity_of("完成三幅地块的出让")
    (3.0, '幅')
    >>> quantity_of("推动一批优质项目落地")
    (None, None)
    """
    for m in _QUANTITY.finditer(text):
        number = m.group("n")
        if m.group("unit") == "期":
            continue  # 一期 is a phase, not an amount
        if m.group("unit") == "批" and number == "一":
            continue  # 一批 (a number of) counts nothing
        if text[m.end() : m.end() + 1] in tuple("路街村桥河巷湾港"):
            continue  # 二张路: a name, not two of something
        try:
            value = float(cn2an.cn2an(number, "smart")) if not number[0].isdigit() else float(number)
        except (ValueError, KeyError):
            continue
        return value, m.group("unit")
    return None, None


def phases_of(text: str) -> set[str]:
    """Phase numbers a text names: ``二、三期`` → {'二', '三'}."""
    found: set[str] = set()
    for m in _PHASES.finditer(text):
        found.update(m.group(1).split("、"))
    return found


@cache
def _head_regex() -> re.Pattern:
    kinds = set(data_words("kg.extraction", "object_kinds.txt"))
    kinds |= {s for s, t in suffix_types().items() if len(s) >= 2 and t not in ("Company", "Initiative")}
    return re.compile("|".join(map(re.escape, sorted(kinds, key=len, reverse=True))))


# Kind words too general to stand alone for an object: 14个重点产业项目 is no particular thing.
_GENERIC_HEADS = {"项目", "工程", "设施", "空间", "载体", "场景", "平台", "中心", "基地", "体系", "机制", "园区", "大楼", "楼宇"}
_VAGUE_MODIFIERS = re.compile(
    r"^(?:一批|各类|各项|相关|重点|重大|待批|已批|在建|续建|新开工|新建|一些|有关|多个|部分|产业|优质|整体|民心|民生实事|民生|实事|惠民|既有|现有|存量|基础设施"
    # the kinds of project a plan counts (省市重点, 政府投资, 招商引资, 已签约) are no project either
    r"|省市|省级|市级|县级|区级|政府投资|社会投资|招商引资|招商|已签约|新签约|签约"
    # the size of an investment (亿元项目, 超十亿元项目) is no name of a project
    r"|[\d超亿千百万十]*(?:亿|万)元(?:以上|级)?)+"
)


def generic_objects(text: str) -> list[tuple[str, str]]:
    """Unnamed objects of a known kind: (phrase, kind word) for each.

    >>> generic_objects("2023年实现在建商品房及动迁安置房验收交付")
    [('在建商品房', '商品房'), ('动迁安置房', '动迁安置房')]
    >>> generic_objects("高质量完成滨江沿岸2个驿站建设")
    [('驿站', '驿站')]
    >>> generic_objects("加快重点项目产业布局")
    []
    """
    boundaries = token_starts(text)
    out: list[tuple[str, str]] = []
    taken = 0
    for m in _head_regex().finditer(text):
        if m.start() < taken:
            continue  # inside the phrase before (…长效工程)
        merged = bool(out) and m.start() == taken and taken > 0 and text[taken - len(out[-1][0]) : taken] == out[-1][0]
        if m.end() < len(text) and m.end() not in boundaries:
            continue  # 综合体系 is not a 综合体
        if re.match(r"苗木|物资|资金|经费|补助|补贴|任务|人员|设备|管理|养护|大局", text[m.end() :]):
            # 园林绿化苗木, 道路养护: the kind modifies another noun, it is not the thing (服务中心
            # 大局, serving the central tasks, is a set phrase of party texts, no 服务中心)
            continue
        start = max(stem_start(text, m.start(), boundaries, max_len=8), taken)
        works_name = m.group() in ("项目", "工程", "认证") and (start == m.start() or m.group() == "认证")
        if works_name:
            # 高邮湖水环境综合整治项目, 镇区积水点专项整治项目: works named by their kind of
            # works hold the works verb (整治, 提升, 治理); the name starts after the verb
            # that promises them (做好, 加快…). Only such names: 签约项目, 改扩建等项目 are none.
            candidate = max(_works_name_start(text, m.start()), taken)
            name = text[candidate : m.end()]
            if (
                re.search(r"(?:整治|治理|提升|改造|修缮|扩建|新建|更新|绿化|硬化|整修|升级|改建|迁建)(?:项目|工程)$|认证$", name)
                and not re.search(r"等|的|签约|确定|审批|谋划|储备", name)
                and len(name) >= 6
            ):
                start = candidate
            else:
                works_name = False
        before = text[start : m.start()]
        counted = re.search(r"[\d一二两三四五六七八九十]+[个座所处家条项台]$", text[: m.start()])
        before = text[start : m.start()]
        cut_list = re.search(r"及|和|与|、", before) and not (works_name and "、" not in before)
        phrase = re.sub(r"^.*?(?:及|和|与|、)", "", text[start : m.end()]) if cut_list else text[start : m.end()]
        phrase = _clean_phrase(phrase)
        if alt := re.search(
            r"(?:^|[和及与、]|开设|建设|新建|打造|建成)([\u4e00-\u9fff]{1,4}（[\u4e00-\u9fff]{1,4}）)$", text[:start]
        ):
            phrase = alt.group(1) + phrase  # 村（社区）屋场课堂: a kind of place with its alternative in brackets
        phrase = re.sub(r"^[\d一二两三四五六七八九十]+[个座所处家条项台]", "", phrase)
        if re.search(r"(?:沿线|沿岸)$", text[:start]) and (
            along := re.search(r"[A-Za-z\d\u4e00-\u9fff]{2,12}(?:沿线|沿岸)$", text[:start])
        ):
            # G228东社段沿线污水管网: the works along a road are named by it.
            lead = [v.end() for v in _PROMISE_VERBS.finditer(text, along.start(), start)]
            phrase = text[max([along.start()] + lead) : start] + phrase
        if (code := re.search(r"[A-Za-z]*\d+[-－]$", text[:start])) and not re.match(
            r"\d*[一二两三四五六七八九十\d]+[个座所处家条项台幅块宗]", phrase
        ):
            phrase = text[code.start() : start] + phrase  # 15-05幼儿园: a facility named by its parcel's code
        if merged:  # 车辆段上盖, 住宅小区: a kind right after the thing it is of names one thing
            phrase = out.pop()[0] + m.group()
        taken = m.end()
        if transform := _REMADE.match(text, m.end()):
            # 老街停车场改造: works that remake the thing name it with it (as 东平路提档升级).
            phrase += transform.group()
            taken += transform.end()
        elif phase := re.match(r"[一二三四五六七八九十\d]+期", text[m.end() :]):  # 商品房四期
            phrase += phase.group()
            taken += phase.end()
        elif works := re.match(
            r"(?:(?![及和与等的])[\u4e00-\u9fff]){0,8}?(?:工程|项目)(?![\u4e00-\u9fff]{0,2}(?:库|部))", text[m.end() :]
        ):
            # 县道绿化长效工程, 公交站台优化完善改造工程: the works named after the kind (not
            # across a conjunction or 等, which start another item or a category).
            phrase += works.group()
            taken += works.end()
        # 二期建设项目, 一期工程: a phase of no named whole is no object.
        core = re.sub(r"^[\d一二两三四五六七八九十]+(?:期)?(?:建设|新建)?", "", _VAGUE_MODIFIERS.sub("", phrase))
        if re.match(r"^[一二三四五六七八九十两]+(?:大|项|类|化)", phrase.strip("“”")):
            continue  # “四大工程”: a numbered formula
        if core in _GENERIC_HEADS or re.fullmatch(
            r"(?:设施|环境|基础设施|公共设施|配套设施)?(?:提升|改造|整治|建设|完善)(?:工程|项目)", core
        ):
            continue  # …的提升改造工程 cut to its verb's object: works of no named thing
        if core == m.group() and (m.group() in _GENERIC_HEADS or (not counted and len(m.group()) < 3)):
            continue
        if (
            out
            and phrase == m.group()
            and re.search(rf"{re.escape(out[-1][0])}[和及与、]$", text[: m.start()])
            and out[-1][0].endswith(out[-1][1])
            and (modifier := out[-1][0][: -len(out[-1][1])])
            and not _VAGUE_MODIFIERS.fullmatch(modifier)
        ):
            # 农产品批发市场和零售市场: the modifier before the first kind is the second's too
            # (not 在建: 在建商品房及动迁安置房 are two kinds of housing).
            phrase = modifier + phrase
        out.append((phrase, m.group()))
    return out


# Works that remake a thing, at the end of the clause or of an item (老街停车场改造): they
# name the promise with the thing, as 东平路提档升级 does.
_REMADE = re.compile(r"(?:提档升级|改造提升|提升改造|提质改造|改造|大修|综合整治|整治提升)(?=[，；。、及和与]|$)")


# What a name cut from running text may carry on its left and is not part of it: the
# actor and its verb (区农路办做好…, 我镇…, 配合…做好…), a year cut from its digits (2022年完成…
# → 年完成…), and the verbs of the promise (新建, 推进…).
_ACTOR_VERB = re.compile(
    r"^[^，；。、]{0,12}?(?:做好|抓好|配合|推进|推动|完成|实施|启动|加快|开展|争创|创建)(?=[\u4e00-\u9fff“]{2})"
)
_SELF = re.compile(r"^(?:我镇|我乡|我街道|我区|本镇|本乡|该镇|全镇|全乡)")


def _clean_phrase(phrase: str) -> str:
    """A generic object's phrase without the actor, the year and the verbs before it.

    >>> _clean_phrase("我镇主镇区污水管网新建工程")
    '主镇区污水管网新建工程'
    >>> _clean_phrase("区农路办做好健身步道工程")
    '健身步道工程'
    >>> _clean_phrase("年完成便东村省级美丽乡村示范点")
    '便东村省级美丽乡村示范点'
    """
    for _ in range(3):
        before = phrase
        # 改造提升村级卫生室, 力争青石路: the verbs of works and of effort before a name are
        # not part of it (but a 提升泵站 lifts water: it is a kind of pump station).
        phrase = re.sub(
            r"^(?:新建|建设|推进|完成|加快|启动|实施|改造|打造|高质量|实现|抓|争创|创成|创建|开设|开办|设立|收储|征收|出让|修复|维修|修建|重修|改扩建|新改建|扩建|迁建|提质|提档升级|升级|"
            # (the verbs of urging, 力促大南门净菜市场竣工, 敦促…建成, are no part of a name either)
            r"力促|敦促|督促|促进|促成|力推|"
            # (nor are those of planning a pipeline, 谋划储备城南污水处理厂)
            r"谋划|储备|"
            r"提升(?!泵站)|力争|确保|争取|全面|[\d]{0,4}年(?:内|底前?)?)+",
            "",
            phrase,
        )
        phrase = _SELF.sub("", phrase)
        phrase = re.sub(r"^好(?=[\u4e00-\u9fff]{2})", "", phrase)  # 服务好既有项目: the complement of a verb cut off
        if (m := _ACTOR_VERB.match(phrase)) and len(phrase) - m.end() >= 2:
            phrase = phrase[m.end() :]
        if phrase == before:
            break
    return phrase


# The verbs that promise works, before the works' name (做好…项目, 加快…项目建设).
_PROMISE_VERBS = re.compile(
    r"做好|抓好|推进|推动|加快|实施|启动|完成|开展|继续|持续|全面|加大|落实|确保|力争|争取|谋划|建成|开工"
)


def _works_name_start(text: str, end: int) -> int:
    """Where a name of works ending at ``end`` (…整治项目) starts: after the last promising
    verb or punctuation on its left, within 24 characters; a list of works on a named place
    before 及/和 (东平路提档升级及健身步道工程) is another item, not part of the name."""
    start = end
    while start > 0 and end - start < 24 and text[start - 1] not in "，。；：！？、（）()“”,;: \n":
        start -= 1
    verbs = [m.end() for m in _PROMISE_VERBS.finditer(text, start, end)]
    if verbs:
        start = max(verbs)
    name = text[start:end]
    if m := re.search(r"^(.*?[路街河湖村桥][^及和与]*?(?:提档升级|改造|整治|提升|大修))(?:及|和|与)", name):
        start += m.end()
    return start


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
        return {
            f.name: list(value) if isinstance(value := getattr(self, f.name), list) else value
            for f in fields(self)
            if f.name not in ("id", "kind")
        }


def _clause_objects(graph: nx.MultiDiGraph, sentence_id: str, clause: Clause, with_footnotes: bool) -> list[Target]:
    """(entity id, surface, from a footnote) of the objects a clause names."""
    found = []
    for _, entity, key, edge in graph.out_edges(sentence_id, keys=True, data=True):
        if key != "MENTIONS" or graph.nodes[entity]["label"] in _NOT_OBJECTS:
            continue
        if edge.get("footnote") is not None:
            # A footnote's names belong to the clause its marker stands in (三处站点¹).
            anchor = edge.get("anchor")
            if with_footnotes and anchor is not None and clause.start <= anchor <= clause.end:
                found.append((entity, edge["text"], True))
            continue
        if clause.start <= edge["start"] and edge["end"] <= clause.end:
            found.append((entity, _surface(graph, entity, edge, graph.nodes[sentence_id]["text"]), False))
    ids = {e for e, _, _ in found}
    # A whole named beside its parts (上海智力产业园 with 一期、四期), or a line beside its
    # stations, is context: the parts are the objects.
    parents = {p for e in ids for _, p, k in graph.out_edges(e, keys=True) if k in ("PART_OF", "ON_LINE")}
    objects = [(e, t, f) for e, t, f in found if e not in parents or len(ids) == 1]
    seen, unique = set(), []
    for item in sorted(objects, key=lambda o: (o[2], o[0])):
        if item[0] not in seen:
            seen.add(item[0])
            unique.append(item)
    return unique


_PHASE_LIST = re.compile(r"^(?P<whole>.*?)[一二三四五六七八九十\d]+期(?:、[一二三四五六七八九十\d]+期)+$")
_TRAILING_PHASE = re.compile(r"[一二三四五六七八九十\d]+期$")
# Places a promise is about only as the site of works (a road's 管网, a river's 驿站, a
# village's 商品房): the works named right after the place are the object.
_SITES = frozenset({"Road", "River", "Village", "MetroStation", "MetroLine", "Town"})


def _surface(graph: nx.MultiDiGraph, entity: str, edge: dict, sentence: str) -> str:
    """How the clause names an entity as a promised object: an enumerated phase by its
    whole and its own phase (智力产业园一期、四期 → 智力产业园四期), a coded parcel with
    its 地块 (J-07A、F-07三幅地块 → J-07A地块), a site with the works on it (大康路、南蕴藻路
    管网 → 大康路管网)."""
    node = graph.nodes[entity]
    surface = edge["text"]
    if (m := _PHASE_LIST.match(surface)) and (phase := _TRAILING_PHASE.search(node.get("name", ""))):
        return m.group("whole") + phase.group()
    if node.get("label") == "Parcel" and not surface.endswith("地块") and node.get("name", "").startswith(surface):
        # L-07幼儿园: the facility on the coded parcel; J-07A、F-07三幅地块: the parcel.
        head = _head_regex().match(sentence, edge["end"])
        return surface + head.group() if head and head.group() != "地块" else node["name"]
    if m := _WORKS_OF.match(sentence, edge["end"]):  # 曹家宅前泵站改造工程, “老吾老”计划
        return ("“" + surface if m.group().startswith("”") and not surface.startswith("“") else surface) + m.group()
    if node.get("label") == "Road" and (address := _ADDRESS.match(sentence, edge["end"])):
        return address.group("name")  # 三泉路1501号“庙巷聚”社区综合服务体: the facility at the address
    if node.get("label") in ("Facility", "Park", "IndustrialPark") and (remade := _REMADE.match(sentence, edge["end"])):
        return surface + remade.group()  # 老街停车场改造: the facility with the works that remake it
    if part := _FACILITIES_OF.match(sentence, edge["end"]):
        return surface + part.group("part")  # 森林公园建设的各项配套设施: the facilities of the park
    if part := _BUILDING_PART.match(sentence, edge["end"]):
        return surface + part.group()  # 江苏盛泽医院公共卫生综合楼: the building of the institution
    if node.get("label") == "Road" and (section := _SECTION.match(sentence, edge["end"])):
        return surface + section.group()  # 龙北路（盛八线—盛南路）: the section of the road
    if node.get("label") == "Village" and (title := _VILLAGE_TITLE.match(sentence, edge["end"])):
        return surface + title.group("title")  # 青石村、白鹤村省级未来乡村: the village as the model it is to become
    if node.get("label") in _SITES:
        return surface + _works_after(sentence, edge["end"])
    if (
        node.get("label") in ("IndustrialPark", "Place", "Facility", "Park")
        and (goes_on := _NAME_GOES_ON.match(sentence, edge["end"]))
        and not _ACTION.search(goes_on.group())
    ):
        return surface + goes_on.group()  # 南部工业区8万吨/日水质净化和中水回用项目: the project in the park
    if m := _COMPOUND_WORKS.match(sentence, edge["end"]):
        return surface + m.group()  # 西安火车站北广场拆迁改造: the works on the place
    return surface


# The model a village is built up to or titled as (美丽乡村, 未来乡村, 特色康居乡村, 示范村), after
# the village or after the last of a list of villages.
_VILLAGE_TITLE = re.compile(
    r"(?:[、和及与][\u4e00-\u9fff]{1,6}?村)*(?P<title>[\u4e00-\u9fff“”]{0,8}?"
    r"(?:美丽乡村|未来乡村|康居乡村|和美乡村|精品乡村|田园乡村|示范村|精品村|特色村|文明村|卫生村|景区村庄|景区村|[\u4e00-\u9fff]{2}村庄)(?:示范点)?)(?=创建|建设|[，；。]|$)"
)
# A project named after the place it is in, running on to 项目/工程 at the clause's end.
_NAME_GOES_ON = re.compile(r"[^，；。、（）()“”]{1,24}?(?:项目|工程)(?=[，；。]|$)")
# Works named by a compound of their kinds after a place (北广场拆迁改造, 东平路提档升级).
_COMPOUND_WORKS = re.compile(r"(?:拆迁改造|征收改造|提档升级|改造提升|提升改造|提质改造|拓宽改造)(?=[及和与，；。、]|工作|$)")


# A road and a house number are an address: what is promised is the named facility at it.
_ADDRESS = re.compile(r"\d+号(?P<name>“[^”]{1,10}”[\u4e00-\u9fff]{0,10}?)(?=改造|建设|提升|开放|新建|修缮|[，；。]|$)")
# A building or part of a place named right after it (医院公共卫生综合楼, 盛泽站A区地下空间,
# 森林公园…配套设施): the promise is about that building, not the whole.
# The supporting facilities of a place (清凉山森林公园建设的各项配套设施) are what is promised.
_FACILITIES_OF = re.compile(r"(?:建设)?的?(?:各项|相关|周边)?(?P<part>配套设施|附属设施|基础设施|配套工程|配套道路)")
# A school's or a hospital's new site (华亭中学新校区, 人民医院新院区) is likewise the building promised.
_BUILDING_PART = re.compile(
    r"[\u4e00-\u9fffA-Z0-9]{0,8}?(?:综合楼|教学楼|实训楼|办公楼|宿舍楼|住院楼|门诊楼|地下空间|新校区|新院区|分校|分院|食堂|宿舍|操场|运动场)"
)
# A road's section, by its ends in brackets.
# (or by one end and a side: 北旺路（送站路以北）).
_SECTION = re.compile(r"[（(][^（）()]{2,20}?(?:[—－\-~至到][^（）()]{2,20}?|以[东西南北])[）)]")


# What names a programme of works after the thing it is about: its kind of works and 工程/
# 项目, or a programme's own kind word after its quoted name.
_WORKS_OF = re.compile(
    r"(?:”)?(?:[\u4e00-\u9fff]{0,8}?(?:改造|提升|修缮|扩建|新建|建设|贯通|综合|整治|更新))?(?:工程|项目)(?![\u4e00-\u9fff]{0,2}(?:库|部))"
    # a quoted name and a short word of its own before the kind (“红色根脉”强基工程)
    r"|”[\u4e00-\u9fff]{0,4}?(?:计划|工程|行动|试点)"
)


def _works_after(sentence: str, end: int) -> str:
    """The works named right after a site, up to the verb (大康路管网疏通 → 管网; a list of
    sites shares the works named after its last member)."""
    rest = sentence[end:]
    # 青石河、白鹤河综合整治: the works by their kind after the last site of a list are each
    # site's (as the 管网 of a list of roads below).
    if shared := re.match(
        r"(?:[、和及与][^，；。、和及与]{2,8}?(?:路|河|浜|泾|港|村|站|湖|渠))+(?=(?:综合整治|整治提升|改造提升|提升改造|提档升级|提质改造|拓宽改造|大中修|大修|改造"
        r"|“[^”]{1,8}”(?:工程|项目))(?:[，；。]|$))",
        rest,
    ):
        rest = rest[shared.end() :]
    # 东茭泾滨水公共空间贯通项目: a project named on the site, whatever verbs its name holds;
    # 二张路人居环境综合整治: works named by their kind of works at the end of the clause.
    if m := re.match(r"[^，；。、（）“”及和与]{1,20}?(?:项目|工程)|“[^”]{1,8}”(?:工程|项目)", rest):
        return m.group()
    # 东湖路延伸段, 华亭大道东段: a stretch of the road is what is built, not the whole road.
    if m := re.match(
        r"(?:延伸段|延长线|拓宽段|改线段|[东西南北中]段|[一二三四五六七八九十\d]+期)(?=[及和与，；。、]|建设|工程|$)", rest
    ):
        return m.group()
    # 东平路提档升级及健身步道工程: the works on the road, by their kind of works, before the
    # next member of the list.
    if m := re.match(
        r"(?:提档升级|改造提升|提升改造|提质改造|拓宽改造|拓宽|大中修|大修|白改黑|黑化|改造|综合整治|整治提升)(?=[及和与，；。、]|$)",
        rest,
    ):
        return m.group()
    if m := re.match(r"[^，；。、（）“”]{1,12}?(?:综合整治|整治提升|改造提升|提升改造|提质改造)(?=[，；。]|$)", rest):
        return m.group()
    # 大康路、南蕴藻路、长江西路管网: skip the other members of the list.
    while m := re.match(
        r"[、和及与][^，；。、和及与]{2,8}?(?:路|河|浜|泾|港|村|站)(?=[、和及与]|[^，；。]*?管网|[^，；。]*?驿站)", rest
    ):
        rest = rest[m.end() :]
    # A conjunction ends the site's works: what follows it is the next item (“红军路”和“红军桥”).
    stop = re.search(
        rf"{_ACTION.pattern}|{'|'.join(s.pattern.pattern for s in ladder())}|[，；。、（）]|”?和|”[及与]|工作|等", rest
    )
    span = rest[: stop.start()] if stop else rest
    heads = list(_head_regex().finditer(span))
    # 星河路道路验收: the site's own kind (道路, 河道) names the site again, not works on it.
    if not heads or len(span) > 20 or span[: heads[-1].end()] in ("道路", "河道", "河", "路", "村庄", "村"):
        return ""
    return re.sub(r"\s+", "", span[: heads[-1].end()])


def _part_of_sentence(graph: nx.MultiDiGraph, sentence_id: str) -> tuple[str, dict]:
    section = graph.nodes[sentence_id]["section"]
    part = graph.nodes[section]["part"]
    return part, graph.nodes[part]


def extract_claims(graph: nx.MultiDiGraph, report_id: str) -> list[Claim]:
    """The commitments and progress statements of one report in the graph (its lexical
    layer and MENTIONS edges)."""
    claims: list[Claim] = []
    sentences = sorted(
        (n for n, d in nodes_of(graph, "Sentence") if d["report"] == report_id),
        key=lambda n: graph.nodes[n]["start"],
    )
    town = graph.nodes[report_id].get("town") or "" if report_id in graph else ""
    town_stem = re.sub(r"(?:镇|乡|街道|苏木)$", "", town) if len(town) >= 3 else ""
    # Rows of a list of projects (a name alone, sentence by sentence): what lies between two
    # rows of a section and is no row is the first one's contents and size (具体内容及规模:
    # 新建节水泵站4座, 新建2.5m宽砼道路…), not promises of their own.
    row_at: dict[str, list[int]] = {}
    for sentence_id in sentences:
        if _is_row(graph.nodes[sentence_id]["text"]):
            row_at.setdefault(graph.nodes[sentence_id]["section"], []).append(graph.nodes[sentence_id]["start"])
    voted_rows = False
    voted_period: tuple[str | None, str | None] = (None, None)
    has_plan = any(d.get("kind") == "plan" for _, d in nodes_of(graph, "Part") if d.get("report") == report_id)
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
            and not _is_row(text)
            and not _ARABIC_ITEM.match(text.strip())
        )
        section = graph.nodes[graph.nodes[sentence_id]["section"]]
        part_kind = "Commitment" if part["kind"] == "plan" else "Progress"
        review_start, review_end = part.get("period_start"), part.get("period_end")
        # A congress voting the projects of a year to come (票决出…2025年民生实事项目, and the
        # rows listed after it) promises them, in whatever part a news page about it is read.
        # Only the clauses of the vote and of its list do: the rest of the sentence (代表们前往…
        # 实地调研, a field visit to works already built) is told of the part's own year.
        vote_span = (0, 0)
        if part_kind == "Progress" and (vote := _VOTE.search(text)):
            vote_span = _vote_span(text, vote)
            voted = text[vote_span[0] : vote_span[1]]
            year = re.search(rf"(\d{{4}})年度?(?=[^，；。,;]{{0,20}}(?:{WORKS_CATEGORY}))", voted)
            # A review telling how its own year's vote went (年初，镇人代会票决通过了10项民生
            # 实事项目，…全部完工) reports progress: the vote promises only when the voted year is
            # later than the review's, or when the text has no plan of its own (a news page).
            later = year is not None and (not review_start or int(year.group(1)) > int(review_start[:4]))
            if _VOTED_DONE.search(voted) or not (later or not has_plan):
                vote_span = (0, 0)
            else:
                voted_period = (f"{year.group(1)}-01-01", f"{year.group(1)}-12-31") if year else (None, None)
                voted_rows = text.rstrip().endswith(("：", ":"))
        elif not (voted_rows and part_kind == "Progress" and (_is_row(text) or _ARABIC_ITEM.match(text.strip()))):
            voted_rows = False
        elif voted_rows:
            vote_span = (0, len(text))  # a row of the voted list
        count = 0
        topic_claimed = False
        for clause in clauses(text):
            kind, part_start, part_end = part_kind, review_start, review_end
            if vote_span[0] <= clause.start < vote_span[1]:
                kind = "Commitment"
                part_start, part_end = voted_period
            # A plan whose period the text does not tell (an undated list of the year's works)
            # still promises; its promises have no deadline and await a follow-up.
            dated = bool(part_start)
            period_start = date.fromisoformat(part_start) if part_start else date.min
            period_end = date.fromisoformat(part_end) if part_end else date.min
            sentence_deadline = deadline_of(text, period_start, period_end) if dated else (None, None)
            body = _LEAD.sub("", clause.text)
            if kind == "Commitment" and _VISIT.search(body):
                continue  # 代表们前往A、B等实地调研: a visit to works, often built, promises none
            # 一是招商引资工程。: an enumerated theme named by a noun alone titles the works
            # that follow it; it is no promise of its own.
            themed = bool(re.match(r"^[一二三四五六七八九十]+是", clause.text)) and (
                (not _ACTION.search(body) and highest_stage(body) is None)
                or (text.strip().rstrip("。") == clause.text and body.endswith(("工程", "项目")) and not _ITEM_VERB.match(body))
            )
            # 选出了A、B等10个项目, 十大民生工程包括A、B等项目: a list of works closed by its count
            # is promised member by member, whatever opens it.
            listed = _works_list(body) if kind == "Commitment" and not themed else []
            if kind == "Commitment" and (framed := _FRAMED_TITLE.match(body)):
                body = framed.group("verb") + framed.group("title")  # 以创建国家级美丽乡村为基底: the title is promised
            elif not listed and (
                _COPULA.search(body) or _FRAMING.match(body) or (kind == "Commitment" and _OCCASION.match(body))
            ):
                continue
            # 漾滨名苑安置房项目位于…: a project introduced by where it is or how big it is is
            # the topic of its sentence, promised once.
            topic = _TOPIC.match(body) if kind == "Commitment" and not topic_claimed else None
            if topic and _VAGUE_MODIFIERS.sub("", topic.group("topic")) in ("项目", "工程"):
                topic = None
            if kind == "Commitment" and _DESCRIBES.search(body) and not topic and not listed:
                continue  # 农民小集中居住建设项目涉及…四个村: what a project covers, no promise
            stage = highest_stage(body)
            acts = (
                bool(_ACTION.search(body))
                or stage is not None
                or (
                    kind == "Commitment"
                    and bool(_TITLE.search(body) or _COUNTED_WORKS.match(body) or _UNNAMED_FACILITY.match(body))
                )
            )
            # A plan that lists its projects by name (镇区积水点专项整治项目) promises each; a
            # row numbered 1、 with its size in brackets after the name is such a name too.
            row = _ROW_SPEC.sub("", _ARABIC_ITEM.sub("", body)) if kind == "Commitment" else body
            listed_name = (
                kind == "Commitment"
                and not themed
                and len(row) <= 40
                and row.endswith(("项目", "工程"))
                and not re.match(r"[\d（(]|[一二三四五六七八九十]+[、是期]", row)
                and not re.search(r"策划|谋划|包装|促|[，；。]", row)
                and not _ITEM_VERB.match(row)
                and not _PROMISE_VERBS.match(row)
            )
            acts = acts or listed_name or bool(topic) or bool(listed)
            if kind == "Commitment" and in_contents:
                continue
            if kind == "Progress":
                acts = acts or bool(_CARRIED_ON.search(body)) or bool(_DONE.search(body))
            if not acts:
                continue
            if kind == "Commitment" and _NOT_WORKS.search(body):
                continue  # a campaign, or the building of a team or a system: no promise of works
            if kind == "Commitment" and themed and body.endswith(("工程", "项目")):
                continue  # 二是中心城镇建设工程。: the title of the works that follow
            if kind == "Commitment" and (item := _ARABIC_ITEM.match(body)) and len(body) > item.end() + 4:
                body = body[item.end() :]  # 1、高起点规划建设三湾东路: the item is the promise itself
            elif kind == "Commitment" and _HEADING.match(body):
                continue  # a heading (二、城区道路改造提升工程) names the promises below it
            objects = _clause_objects(graph, sentence_id, clause, with_footnotes=(kind == "Progress"))
            if kind == "Commitment" and town_stem:
                # 季市镇将完成…: the town's own name without its 镇 (taken for a village of that
                # name) is who promises, not what is promised.
                # (望月湖地铁站 names a place after the town: only the stem said as the town is left out.)
                as_place = re.compile(re.escape(town_stem) + r"(?!" + re.escape(town[len(town_stem) :]) + ")")
                objects = [(e, t, f) for e, t, f in objects if t != town_stem or as_place.search(clause.text)]
            generic = generic_objects(body)
            # (so is an item of a list of works given clause by clause: 包括：A工程；B项目；…)
            after_mark = clause.start > 0 and text[clause.start - 1] in "；：;:"
            item_alone = after_mark and text[clause.end : clause.end + 1] in ("；", ";", "。", "")
            whole = text.strip().rstrip("。；;") == clause.text or item_alone
            if listed_name and len(row) >= 6 and whole and not _NAME_NOT_ROW.search(row):
                # The clause is the works' name and nothing else (新湖公园古建廊亭修缮及栈桥等养护
                # 工程, a row of a list of projects): the whole name is the object, not the
                # places and kinds it holds.
                objects, generic = [], [(row, "row")]
            if topic:
                objects, generic = [], [(topic.group("topic"), "row")]
                topic_claimed = True
            if kind == "Commitment":
                objects, generic = _promised(graph, objects, generic, body)
                title = _TITLE.search(body)
                if (
                    title
                    and not body.startswith("成果", title.end())
                    # a name inside the title (上景区 in 国家3A级以上景区) is part of it, not beside it
                    and all(graph.nodes[e]["label"] in CONTAINER_TYPES or s in title.group() for e, s, _ in objects)
                ):
                    named = _clean_phrase(
                        re.sub(
                            r"^.*(?:以(?!上)|将|把)", "", title.group("title") or title.group("title2") or title.group("title3")
                        )
                    )
                    objects, generic = [], [(re.sub(r"^(?:巩固|迎接|创建|做好|通过|争创|开展|完成)+", "", named), "title")]
                elif not objects and not generic and (plan := _PLAN_DOC.search(body)):
                    generic = [(re.sub(r"^.*?(?:相匹配的|为主的|的)", "", plan.group("plan") or plan.group("plan2")), "规划")]
                if not objects and not generic and (counted := _COUNTED_FIRST.match(body)):
                    generic = [
                        (
                            counted.group("count") + counted.group("thing"),
                            "title" if counted.group("verb") in ("创建", "争创") else "count",
                        )
                    ]
                if not objects and not generic and (facility := _UNNAMED_FACILITY.match(body)):
                    generic = [(facility.group("thing"), "中心")]
                if (shared := _place_works(body, [s for _, s, _ in objects])) and all(
                    any((shared[0] + item).startswith(p) for item in shared[1]) for p, _ in generic
                ):
                    # 实施老街杆线整理、立面改造: each kind of works on the place named once before them
                    # (the place itself, 完成青石村道路硬化、路灯亮化, is only their site).
                    objects, generic = [], [(shared[0] + item, "subject") for item in shared[1]]
                if not objects and not generic and (study := _study_object(body)):
                    generic = [(study, "规划")]
                if not objects and not generic and (subject := _subject_of_stage(body) or _works_object(body)):
                    generic = [(subject, "subject")]
                if (titles := _TITLE_LIST.match(body)) and "、" in titles.group("list"):
                    # 争创A、B、C: each member of the list is a title to win.
                    objects, generic = [], [(t, "title") for t in titles.group("list").split("、") if len(t) >= 3]
                if (
                    (target := _COUNTED_WORKS.match(body))
                    and all(0 <= body.find(p) < target.end("thing") for _, p, _ in objects)
                    and all(p in target.group("thing") or target.group("thing") in p for p, _ in generic)
                ):
                    # 完成硬化村内主干道路10公里: the amount names the promise with its thing; land
                    # changing hands and farming (土地流转面积) are figures, not works.
                    if not re.search(
                        r"流转|种植(?!基地|园)|养殖(?!小区|场|基地)|人口|人数|收入|产值|总额|率|学位|岗位|名额",
                        target.group("thing"),
                    ):
                        objects, generic = [], [(target.group("thing") + target.group("count"), "count")]
                if listed:
                    objects, generic = [], [(m, "row") for m in listed]
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
                objects, generic = _shared_heads(graph, objects, generic, body)
                generic = _buildings_of_generic(generic, body)
            targets: list[Target] = [(e, surface, foot) for e, surface, foot in objects] or [
                (None, phrase, False) for phrase, _ in generic
            ]
            if kind == "Commitment" and objects and generic:
                # 东平路提档升级及健身步道工程: unnamed works beside named ones are promises too.
                named_surfaces = [s for _, s, _ in objects if not (re.search(r"[及和与]", s) and any(p in s for p, _ in generic))]
                targets += [
                    (None, p, False)
                    for p, _ in generic
                    if not any(p in n or n in p for n in named_surfaces) and _joined_to_list(body, p)
                ]
            segments = _verb_segments(body, [t for _, t, _ in targets]) if kind == "Commitment" and len(targets) > 1 else []
            item_texts = (
                _predicate_items(body, [t for _, t, _ in targets], stage)
                if kind == "Commitment" and len(targets) > 1 and not segments
                else {}
            )
            if kind == "Commitment":
                targets = [(e, _clean_phrase(t) if e and len(_clean_phrase(t)) >= 3 else t, f) for e, t, f in targets]
                targets = _phases_listed(targets, body)
                targets = _shared_works(targets, body)
                targets = _buildings_of(targets, body)
                # 东平路提档升级及健身步道工程 named as one beside its two items: the items are the promises.
                targets = [
                    (e, t, f)
                    for e, t, f in targets
                    if not (re.search(r"[及和与]", t) and any(u != t and u in t for _, u, _ in targets))
                ]
                # 仙人谷 beside 仙人谷地质公园, 中水回用项目 beside 南部工业区…中水回用项目: a name
                # inside another of the same clause is part of it; the longer is the promise.
                # (A name in another's brackets, 北旺路（送站路以北）, only marks where it ends.)
                targets = [
                    (e, t, f)
                    for e, t, f in targets
                    if not (e and any(u != t and t in re.sub(r"[（(][^（）()]*[）)]", "", u) for _, u, _ in targets))
                ]
            if kind == "Commitment":
                targets = [(e, t, f) for e, t, f in targets if not _PLAN_CATEGORY.match(t.strip("“”"))]
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
                if segments and (own := _segment_of(segments, body, surface)) is not None:
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
    return claims


# A vote of the congress on the year's projects (票决出, 票决通过了, 票决产生了, 表决通过…民生实事).
# (票决的…, 票决通过的… are the projects voted before, reported on: no vote of this sentence.)
_VOTE = re.compile(
    r"(?:票决出|票决产生了?|票决通过了?|票决了|票选出|表决通过了?|投票表决(?:产生|通过)了?)(?!的)"
    rf"[^。]{{0,40}}?(?:{WORKS_CATEGORY})"
)
# Deputies or leaders visiting works or learning how they went (前往A、B等实地调研, 视察…,
# 深入了解…已完工民生实事项目的情况): a visit, in a news page read as a plan, promises nothing.
_VISIT = re.compile(r"(?:实地调研|实地察看|实地查看|现场察看|视察|考察|观摩)(?:了|指导)?$|^(?:深入|实地)?了解")
# A vote whose clauses report the voted projects done or under way is a review's account of it
# (…等全部完工, 全部落地见效, 均已兑现): no promise.
_VOTED_DONE = re.compile(r"完成|建成|竣工|完工|交付|投用|投入使用|落地|兑现|见效|已|进展|推进中")
# A list of works after the vote's clause (票决通过了10项民生实事项目，A、B等全部完工) is the
# vote's list: its clause goes with the vote.
_VOTED_LIST = re.compile(r"^[^，；。,;]{2,40}?、[^，；。,;]{2,60}?等")


def _vote_span(text: str, vote: re.Match) -> tuple[int, int]:
    """The offsets of the clauses holding a vote and its list, in its sentence."""
    spans = clauses(text)
    first = next((c for c in spans if c.end > vote.start()), spans[-1])
    last = next((c for c in spans if c.end >= vote.end()), spans[-1])
    after = [c for c in spans if c.start > last.end]
    if after and _VOTED_LIST.match(after[0].text):
        last = after[0]
    return first.start, last.end


# The plan's own list named as a whole (张寨镇2022年度民生实事项目, 大安乡2024年十大民生工程项目,
# 每个项目): the category its promises are listed under, not one of them.
_PLAN_CATEGORY = re.compile(
    r"^(?:制定|确定|票决|票选|征集)?(?:[\u4e00-\u9fff]{2,6}?(?:镇|乡|街道|县|区|市))?(?:\d{4}年度?)?(?:[十百]大|\d+[个项件]|[一二三四五六七八九十]+[个项件])?"
    r"(?:镇级|乡级|县级|村级|区级)?(?:民生实事|民心工程|民生工程|民生|实事|重点工程|重点项目|为民办实事)(?:项目|工程)?$"
    r"|^(?:每个|每项|各个|各项)(?:项目|工程)$"
)
# The verbs of a promise or of a specification: a sentence holding one is a promise or a
# project's contents (含景观…等附属工程), not a row of a list of projects that is a name alone.
_NAME_NOT_ROW = re.compile(
    r"做好|抓好|实施|推进|推动|加快|启动|完成|确定|招引|引进|服务|支持|着力|配合|包括|^含|谋划|争取|力争|确保|打造|高质量|票决|选出"
)
# A vision of the town (打造水清河畅、岸绿水美的美丽罗店) promises no works. Campaigns (专项行动, 三年行动, 专项治理), the "building" of teams, capacity, standards
# and systems (队伍建设, 标准化建设) and of brands (打造…品牌) are how a government works,
# not works it promises.
_NOT_WORKS = re.compile(
    r"^(?:全力|努力|着力|倾力|奋力)?(?:打造|建设|建成)[^，；。]{2,30}?的(?:美丽|幸福|和谐|宜居|魅力|活力|现代化|富裕|文明|生态|新)[\u4e00-\u9fff]{0,6}$|贡献[^，；。]{0,8}力量|多作[^，；。]{0,8}贡献|(?:加强|加大)[^，；。]{0,30}力度$|专项(?:治理|整治)?行动|(?:三年|攻坚|百日|整治)行动|(?:队伍|能力|作风|制度|体系|机制|标准化|规范化|阵地|班子|党风廉政)建设"
    r"|品牌(?:影响力|建设)?$"
    # Keeping order on a road (抓好冶金西路摊贩的整顿, 占道经营整治) and widening what an
    # institution does (拓展…服务中心职能) are management and services, not works.
    r"|摊贩|占道|违章停车|职能$"
)
# A title a town is to win or keep: 爱国拥军模范镇创建, 国家卫生镇复审, 文明村.
_TITLE = re.compile(
    r"(?:(?<!力)争创|创建|创成|新创|迎接|巩固|做好|通过|开展|完成)[^，；。]{0,6}?(?P<title>[\u4e00-\u9fff（）“”]{2,18}?"
    r"(?:模范镇|卫生镇|文明镇|示范镇|生态镇|园林镇|卫生村|文明村镇|文明乡镇|文明村|示范村|示范点|示范区|示范街道|示范基地|"
    r"美丽乡村|美丽家园|[345]A级(?:以上)?(?:旅游)?景区|农村公路|文明城区|卫生城区|文明单位|强镇|名镇|特色小镇))"
    r"(?:创建|复审|复评|称号|迎检|工作)?"
    r"|(?P<title2>[\u4e00-\u9fff“”]{2,18}?(?:示范村|示范点|美丽乡村|[345]A级(?:旅游)?景区|特色小镇))创建"
    # Whatever its ending, a designation to win is named by the level that awards it
    # (创成省级森林城镇, 争创国家级生态乡镇): the clause ends with it.
    r"|^(?:积极|全力|努力|力争|成功)?(?:争创|创成|创建|申报创建|争取创建)(?P<title3>(?:国家级|省级|市级|全国|国家|全省|全市)[\u4e00-\u9fff“”]{2,14})$"
)
# A plan or study the government is to compile (编制村庄规划, 制定全年产业发展规划, 开展…评估)
# is a promise whose stage is 规划.
_PLAN_DOC = re.compile(
    r"(?:编制|制定|修编|完善|完成)(?P<plan>[^，；。]{2,40}?(?:规划|方案))(?:编制|工作)?$|(?P<plan2>[^，；。、]{2,20}?规划)编制"
)
# 以泸阳村为核心的集中区, 以A、B为主的旅游规划: the places a thing is built around are its
# setting, not what is promised.
_SETTING = re.compile(
    r"以[^，；。]{0,30}?为(?:核心|中心|重点|依托|载体|龙头|主线|基础|引领|主)的?|[^，；。]{0,30}?为(?:核心|中心|主)的"
    # 在A出口、B十字新建3处口袋公园: the places where works are built are their sites
    r"|^在[^，；。]{2,40}?(?=新建|建设|实施|建成|打造|设置|增设|安装|改造)"
)
# Programmes a plan runs are promises when named as programmes (“老吾老”计划, 善育工程,
# 养老床位试点); slogans, brands, mechanisms and campaigns in quotes are not.
_PROGRAMME = re.compile(r"(?:计划|工程|试点|项目)$")
# What a plan promises about a firm: that it comes, builds or produces.
_FIRM_PROMISE = re.compile(r"引进|招引|落户|投产|达产|开工|签约|建成|竣工|入驻|上市|扩建|技改|落地")
# A place kind with a generic modifier (社区长者食堂, 村居食品安全工作站) is a kind of
# facility everywhere in town, not one named facility.
# A list that ends in a category (…等为老服务设施, 等场所) lists kinds of things.
# So does a list of kinds of improvement ended by 等…工作 (安防技防、无障碍设施、自来水管道等提升工作).
_KINDS_LISTED = re.compile(
    r"等[\u4e00-\u9fff]{0,6}(?:设施|场所|阵地|站点|点位)(?:扩面|提质|建设|布局|覆盖|全覆盖)|等(?:提升|改造|整治|完善|维修)工作"
)
# So is a kind of works everywhere in the countryside (农村公共厕所, 城乡供水设施) when it is not counted.
_KIND_OF_PLACE = re.compile(r"^(?:社区|村居|居村|各村|各居|小区|楼宇|镇域|全镇|镇级|村级|为老|普惠性|“普惠性|农村|城乡|镇村)")


def _promised(
    graph: nx.MultiDiGraph, objects: list[Target], generic: list[tuple[str, str]], body: str
) -> tuple[list[Target], list[tuple[str, str]]]:
    """The named and the unnamed objects a plan clause promises: without slogans and kinds
    of facility, and with the works on a place (康家村城中村改造建设商品房、动迁安置房)
    instead of the place."""
    kept = []
    settings = [m.span() for m in _SETTING.finditer(body)] + [m.span() for m in _SECTION.finditer(body)]
    seen = set()
    for entity, surface, foot in objects:
        label = graph.nodes[entity]["label"]
        # (a name said again outside its setting, 北旺路（送站路以北）、送站路, is promised there)
        positions = [m.start() for m in re.finditer(re.escape(surface), body)] or [-1]
        if all(any(a <= position < b for a, b in settings) for position in positions) or surface in seen:
            continue  # the setting of a promise, a road section's ends, or a name said twice
        seen.add(surface)
        if re.match(r"^“?[一二三四五六七八九十两]+(?:大|个|项|类|张|化)", surface) and label not in CONTAINER_TYPES:
            continue  # a numbered formula (“四大工程”, 三个一批), not a place so named (二张路)
        if re.match(r"^[一二三四五六七八九十\d]+期(?:建设|新建)?(?:项目|工程)$", surface):
            continue  # 一、二期建设项目: the phases of the whole named before them, not a thing of their own
        if label == "Initiative" and not (
            _PROGRAMME.search(surface)
            or _head_regex().search(surface.strip("“”")[-3:])
            or suffix_types().get(surface.strip("“”")[-1:]) in ("Road", "River", "Park")
        ):
            continue  # a slogan, a brand, a mechanism; a quoted “红军路” is still a road
        if label == "Initiative" and (pair := re.fullmatch(r"(“[^“”]+”)((?:\s*[和及与、]\s*“[^“”]+”)+)", surface)):
            # “红军路”和“红军桥”: quoted names joined in one mention are one object each.
            names = [pair.group(1)] + re.findall(r"“[^“”]+”", pair.group(2))
            kept += [(entity, n, foot) for n in names if suffix_types().get(n.strip("“”")[-1:]) or _head_regex().search(n[-3:])]
            continue
        if label == "Project" and _VAGUE_MODIFIERS.sub("", surface) in ("项目", "工程"):
            continue  # 民生实事重点项目, 重点工程: the plan's category of works, not one of them
        if label == "Company" and not _FIRM_PROMISE.search(body):
            continue  # 引导辖区企业开展促销活动: a service to firms, no promise about one
        if label in ("Facility", "Initiative") and _KIND_OF_PLACE.match(surface.strip("“”")) and not re.search(r"\d", surface):
            continue
        kept.append((entity, surface, foot))
    # Unnamed things in a setting are its places too (在…三号桥闸引道新建口袋公园), when the
    # promise names a thing outside it.
    outside = [
        (p, h)
        for p, h in generic
        if not all(any(a <= at < b for a, b in settings) for at in [m.start() for m in re.finditer(re.escape(p), body)] or [-1])
    ]
    if outside:
        generic = outside
    # …but works named as one programme (村居小型污水处理设施工程) are a promise, whatever their modifier.
    generic = [(p, h) for p, h in generic if not _KIND_OF_PLACE.match(p) or (p.endswith(("工程", "项目")) and len(p) >= 8)]
    if _KINDS_LISTED.search(body):
        # 推进社区长者食堂、长者照护之家、社区助餐点等为老服务设施扩面提质: kinds of facility, not
        # named ones.
        kept = [
            (e, s, f) for e, s, f in kept if graph.nodes[e]["label"] not in ("Facility", "Initiative") or re.search(r"[\d“]", s)
        ]
        generic = [(p, h) for p, h in generic if re.search(r"\d", p)]
    if (
        kept
        and generic
        and all(graph.nodes[e]["label"] in CONTAINER_TYPES and s == graph.nodes[e].get("name", s) for e, s, _ in kept if e)
    ):
        places = [s for _, s, _ in kept]
        works = [(p, h) for p, h in generic if not any(p in place or place in p for place in places)]
        if works:
            return [], generic  # the generic works stand for the promise
    return kept, generic


def _is_row(text: str) -> bool:
    """Whether a sentence is a row of a list of projects: a works name and nothing else
    (镇区积水点专项整治项目; 1、…北街工程（中福路-福塘路，长约258米）)."""
    row = _ROW_SPEC.sub("", _ARABIC_ITEM.sub("", text.strip().rstrip("。")))
    return (
        6 <= len(row) <= 40
        and row.endswith(("项目", "工程"))
        and not re.match(r"[\d（(]|[一二三四五六七八九十]+[、是期]", row)
        and not re.search(r"策划|谋划|包装|促|[，；。：:]", row)
        and not _ITEM_VERB.match(row)
        and not _PROMISE_VERBS.match(row)
        and not _NAME_NOT_ROW.search(row)
        # a list of works closed by its count (A、B等3个项目) is several promises, not one row
        and not ("、" in row and re.search(r"(?:等|共)[\d一二两三四五六七八九十]*[个项]", row))
    )


# The size or extent given in brackets after a listed project's name (…北街工程(中福路-福塘路,长约258米)).
_ROW_SPEC = re.compile(r"[（(][^（）()]*[）)]$")
# 1、 2、 (Arabic numbers) number the tasks of a plan's section: the numbered clause is a promise
# when it says one (1、高起点规划建设三湾东路); 一、 and （一） number the themes.
_ARABIC_ITEM = re.compile(r"^\d{1,2}[、.．](?!\d)")
# A list of works closed by its count and category (A、B、C等4个农旅融合发展项目, A、B等10项
# 民生实事项目, X等项目如期竣工): however the clause opens it (包括, 分别为, 票决出, 选出, 推进),
# every member is a promise of its own, with the clause's stage.
_LIST_CLOSER = re.compile(
    r"(?:等(?:[\d一二两三四五六七八九十百]+|多|一批)?|(?<=[\u4e00-\u9fff])(?:\d+|[两三四五六七八九十]+))[个项大批座条处所]?"
    r"(?:\d{4}年度?)?[\u4e00-\u9fff]{0,12}?(?:项目|工程|实事)(?:建设|计划)?"
)
# The same part of each member of a list, worked on (对A、B、C的食堂进行电灶改造).
_PARTS_OF_LIST = re.compile(
    r"对(?P<list>[\u4e00-\u9fff]{2,10}(?:、[\u4e00-\u9fff]{2,10})+)的(?P<part>[\u4e00-\u9fff]{2,6}?)"
    r"(?:进行|实施|开展)?[\u4e00-\u9fff]{0,4}?(?:改造|提升|维修|修缮|建设|整治|更新)"
)
# Places listed with their count and their kind (建国里、新风里、友爱里三个社区改造).
_COUNTED_LIST = re.compile(
    r"(?:^|推进|推动|实施|启动|完成|加快|做好|抓好|开展)(?P<list>[\u4e00-\u9fff]{2,8}(?:、(?:(?!等)[\u4e00-\u9fff]){2,8})+)"
    r"等?(?:[两三四五六七八九十]|\d+)[个座所处家条](?P<kind>社区|小区|村|片区|街区|棚户区|老旧小区|老小区|安置区)"
    r"(?P<works>提质改造|改造提升|提升改造|改造|建设|提升|整治|修缮)?$"
)
# What opens such a list: a verb of promise, of choosing (票决出, 选出, 确定) or of listing
# (包括, 分别为). The list starts after the last of them.
_LIST_OPENER = re.compile(
    r"包括|包含|分别为|分别是|选出了?|票决出|(?:票决|表决|审议)?通过了?|(?:票决)?产生了?|确定了?|实施|推进|推动|加快|启动|完成|做好|抓好|谋划|争取|开工建设|建设|新建|开建|力争"
)
# Projects planned into the pipeline or funds sought for them (谋划储备A、B等10个项目, 争取A、B等
# 3个项目资金) are no stage of works: the list promises none of them begun.
# (争取A、B等项目年内开工 is a promise of works: 争取 seeks funds only when it names them.)
_PIPELINE = re.compile(r"谋划|储备|申报")
_FUNDS_SOUGHT = re.compile(r"争取[^，；。]*?(?:资金|补助|补贴|债券|政策|支持)")
# A member is works when it names a thing built (…足球场, …主干道, …村段) or is a long name of
# its own; a short phrase that ends otherwise (文化旅游、健康养老等项目) is a sector.
_MEMBER_THING = re.compile(r"(?:道|[段线]|渠|沟|坝|堰|塘|村)$")


def _works_list(body: str) -> list[str]:
    """The members of a list of works closed by its count and category, each a promise.

    >>> _works_list("十大民生工程项目包括天子岭油茶主题公园旅游大道、大安乡社会足球场和青山村饮水工程等3个项目")
    ['天子岭油茶主题公园旅游大道', '大安乡社会足球场', '青山村饮水工程']
    >>> _works_list("持续推进石门大桥等项目建设")
    ['石门大桥']
    >>> _works_list("引进文化旅游、健康养老等项目")
    []
    """
    if parts_of := _PARTS_OF_LIST.search(body):
        # 对兆丰学校、兆丰幼儿园、崇实初中的食堂进行电灶改造: each member's part is a promise
        return [m + parts_of.group("part") for m in parts_of.group("list").split("、")]
    if counted := _COUNTED_LIST.search(body):
        # 加快推进建国里、新风里、友爱里三个社区改造: the kind and its works are each member's
        places = counted.group("list").split("、")
        places[0] = _clean_phrase(places[0])
        return [m + counted.group("kind") + (counted.group("works") or "") for m in places]
    closer = _LIST_CLOSER.search(body)
    if closer is None:
        # 分别为：A项目、B工程: after a colon, a clause that is a list of works' names and
        # nothing else lists them.
        names = body.split("、")
        if len(names) >= 2 and all(n.endswith(("项目", "工程")) and (_is_member(n) or _KIND_MEMBER.match(n)) for n in names):
            if not (_ITEM_VERB.match(names[0]) or _PROMISE_VERBS.match(names[0]) or _LIST_OPENER.search(names[0])):
                return [n for n in names if not _KIND_MEMBER.match(n)]
        return []
    if closer.start() == 0:
        return []
    # (A、B共4个项目: the total said with 共 closes the list as 等 does)
    before = re.sub(r"(?:共|合计|总计)$", "", re.split(r"[，；：:]", body[: closer.start()])[-1])
    parts = before.split("、")
    if any(_ITEM_VERB.match(part) or re.match(r"[一二三四五六七八九十\d]+期", part) for part in parts[1:]):
        return []  # 完成A、启动B、规划建设C等6项重点工程: items with verbs of their own, or phases of one works
    if len(parts) == 1 and not re.fullmatch(
        r"等(?:[\d一二两三四五六七八九十]+[个项])?(?:重点|民生|民心)?(?:项目|工程)(?:建设)?", closer.group()
    ):
        return []  # 古建廊亭修缮及栈桥等养护工程: one works so named, not a list of one
    first = parts[0]
    if _PIPELINE.search(first) or _FUNDS_SOUGHT.search(body):
        return []
    # the list starts after the last opener that leaves a name of its own (实施…建设工程: not after 建设)
    starts = [m.end() for m in _LIST_OPENER.finditer(first) if len(first) - m.end() >= 4]
    parts[0] = first[max(starts) :] if starts else first
    members: list[str] = []
    for part in parts:
        # A member joined by 和/及 to the last is one more, when both sides are things
        # (足球场和…项目), not one works of two actions (道路大修及扩面延伸工程).
        halves = re.split(r"[和及与]", part, maxsplit=1)
        if len(halves) == 2 and all(len(h) >= 4 and _is_member(h) and not _WORKS_WORD.search(h) for h in halves):
            members += halves
        else:
            members.append(part)
    # (大圈片高标准农田建设: the works' name without the verb that closes it)
    members = [re.sub(r"(?<=[\u4e00-\u9fff]{3})建设$", "", _clean_phrase(m.strip())) for m in members]
    if not members or not all(_is_member(m) or _KIND_MEMBER.match(m) for m in members):
        return []
    return [m for m in members if not _KIND_MEMBER.match(m)]


# 村内道路硬化工程: a kind of works everywhere, with no place or count of its own, is listed
# beside named works but promises none of them.
_KIND_MEMBER = re.compile(r"^(?:村内|镇内|屯内|辖区|全镇|全乡|各村)")


def _is_member(member: str) -> bool:
    core = _VAGUE_MODIFIERS.sub("", member)
    if len(member) < 3 or core in _GENERIC_HEADS or core in ("项目", "工程") or re.search(r"[的是]|工作$", member):
        return False
    if works := re.search(
        r"(?:升级改造|改扩建|提档升级|改造提升|提升改造|提质改造|改造|扩建|大修|修缮|整治|综合治理|治理)$", member
    ):
        # 存量升级改造, “零增地”改扩建: a kind of works names a thing or a place before its
        # works (锦溪河水环境综合治理), or none
        before = member[: works.start()].strip("“”")
        return len(before) >= 3 and (_is_member(before) or bool(re.search(r"[路街河湖江溪渠村桥镇港]", before)))
    return bool(
        _THING_END.search(member)
        or _MEMBER_THING.search(member)
        or any(m.end() == len(member) for m in _head_regex().finditer(member))
    )


# A list of titles to win after one verb (争创花生产业特色示范园、省级西兰花绿色基地、特色草莓园).
_TITLE_LIST = re.compile(
    r"^(?:积极|全力|努力|力争)?(?:争创|创建|申报创建|争取创建)(?P<list>[\u4e00-\u9fff“”]{3,20}(?:、[\u4e00-\u9fff“”]{3,20})+)$"
)
# A quantified physical target: a verb of works, the thing, its amount (完成户改厕1500户,
# 新建杆灯780盏, 硬化里巷15万平方米, 新改善农民住房250户以上).
# (The verbs that open such a target include the works done to the counted things:
# 改造提升村级卫生室5个, 打通断头路3条, 实施农房改造提升200户; the thing may carry a
# technical prefix, 5G基站.)
_COUNTED_WORKS = re.compile(
    r"^(?:全年|年内|今年)?(?:完成|新建|建设|建成|建|硬化|改造提升|提升改造|改造|提升|新增|安装|铺设|修建|改建|新改建|新改善|改善|维修|栽植|实施|打通|清淤|疏浚){1,2}(?:、(?:新建|改造|改建|维修))*"
    r"(?P<thing>(?:\d?[A-Za-z]{1,2})?[\u4e00-\u9fff]{2,14}?)(?P<count>\d+(?:\.\d+)?万?(?:平方米|公里|千米|米|户|个|座|盏|处|条|所|台|套|亩|公顷|间|栋|幢|口|眼))(?:以上|左右)?$"
)
# An amount before the thing (创建1条“美丽河道”, 新建2座公厕): the promise of that many.
_COUNTED_FIRST = re.compile(
    r"^(?:全年|年内|今年)?(?P<verb>创建|争创|打造|建成|新建|建设)(?P<count>(?:\d+|[一二两三四五六七八九十]+)(?:余|多)?(?:个|条|座|处|所|家|项|台|套|栋|幢))"
    r"(?P<thing>“[\u4e00-\u9fff]{2,12}”|[\u4e00-\u9fff]{2,10})$"
)
# A facility named by what it does (建设综合监控指挥中心): a 中心 with a modifier of its own.
_UNNAMED_FACILITY = re.compile(
    # (打造, 建立, 设立 a facility of that kind, 打造残疾人社区康复站, 建立共享食堂, build one too;
    # 打造 a brand or a vision is left out by what it ends in; a 工作室, 名师工作室, is a
    # programme of people, not a room built)
    r"^(?:全面|加快|力争|确保|年内|高标准)?(?:新建|建设|建成|筹建|启动建设|开工建设|完成|建成投用|打造|建立|设立)"
    r"(?P<thing>[\u4e00-\u9fff]{2,10}(?:中心|站|馆|(?<!工作)室|院|食堂))(?:建设)?(?:并?(?:投入使用|投入运营|投用|运营|对外开放|开放))?$"
)
# What a thing built ends in: a place, a building, a structure or a phase of works. A
# subject or a study that ends otherwise (各项工作, 安全风险) is no works.
_THING_END = re.compile(
    r"(?:[路桥馆院园厂站楼场房段线街池库坝渠堤闸廊亭塔校所室舍苑湾岛]|中心|广场|基地|码头|古镇|老街|片区|地块|小区|社区|"
    r"项目|工程|[一二三四五六七八九十\d]+期|管网|设施|景区|公寓|新城|综合体|空间|旧改|棚改|城中村|棚户区)$"
)
# Words that make a subject a task or a figure, not a thing: 各项工作, 招商项目, 投资.
_NOT_A_THING = re.compile(r"工作|任务|目标|指标|资金|投资|政策|措施|制度|机制|体系|^(?:各|全部|所有|一批|重点|新)")
# The subject of a clause that gives the works first and their stage after them
# (程开甲少年书院开工建设, 青龙大桥年底前建成通车, 华亭中学新校区秋季投入使用).
_SUBJECT_STAGE = re.compile(
    r"^(?:力争|确保|争取|推动|促进|推进|实现|计划)?(?P<subject>[^，；。、“”（）()]{3,24}?)"
    r"(?:(?:计划|力争|争取|确保|预计|将)?(?:年内|年底前?|今年|\d{1,2}月(?:底|份|中旬|上旬|下旬)?(?:前|之前)?|"
    r"[一二三四]季度|上半年|下半年|秋季|春季|全年))?(?:全面|如期|按期|顺利|基本|正式|率先|全部)?"
    r"(?:开工|动工|竣工|完工|建成|投用|投入使用|投入运营|通车|开业|开园|交付|启用|投产|封顶)(?!后|之后|以后)"
)
# A design, study or assessment of a place or works (开展古镇保护利用评估、设计, 完成老街修缮设计):
# a promise of the 规划 stage about the thing studied.
_STUDY = re.compile(
    r"^(?:全面|加快|尽快|年内)?(?:开展|启动|完成|推进|做好|深化|抓好)(?P<thing>[^，；。“”]{2,20}?)的?"
    r"(?:规划研究|可行性研究|前期研究|研究论证|可研|评估|设计|研究|论证)(?:、(?:评估|设计|研究|论证|规划))*(?:工作)?$"
)
_WORKS_TAIL = re.compile(r"(?:保护利用|开发利用|保护|修缮|改造提升|提升改造|改造|提升|建设|开发|整治)$")


# A place named once before a list of the works done on it (实施老街杆线整理、立面改造).
_WORKS_ITEM = r"[\u4e00-\u9fff]{2,4}?(?:整理|改造|整治|提升|修缮|硬化|亮化|绿化|美化|下地|入地)"
_PLACE_WORKS_LIST = re.compile(
    rf"^(?:实施|推进|完成|开展|启动|做好)(?P<place>[\u4e00-\u9fff]{{2,6}}?)(?P<items>{_WORKS_ITEM}(?:、{_WORKS_ITEM})+)$"
)


def _place_works(body: str, named: list[str]) -> tuple[str, list[str]] | None:
    """The place and the kinds of works of a clause that names a place once before a list of
    its works; a named place of the clause is taken as the place when it stands there."""
    m = _PLACE_WORKS_LIST.match(body)
    if not m:
        return None
    for surface in named:
        rest = body[m.start("place") + len(surface) :]
        if body.startswith(surface, m.start("place")) and re.fullmatch(rf"{_WORKS_ITEM}(?:、{_WORKS_ITEM})+", rest):
            return surface, rest.split("、")
    return None if named else (m.group("place"), m.group("items").split("、"))


def _subject_of_stage(body: str) -> str | None:
    """The works a clause names as the subject of the stage it promises, when it names them
    by no known name or kind (程开甲少年书院开工建设 → 程开甲少年书院)."""
    m = _SUBJECT_STAGE.match(body)
    if not m:
        return None
    subject = _clean_phrase(m.group("subject"))
    if len(subject) < 3 or _ACTION.search(subject) or highest_stage(subject) or _NOT_A_THING.search(subject):
        return None
    if _VAGUE_MODIFIERS.sub("", subject) in _GENERIC_HEADS | {"工程"} or _KIND_OF_PLACE.match(subject):
        return None  # 在建项目年内建成投产, 省市重点项目如期开工: a kind of project, not one
    return subject if _THING_END.search(subject) else None


# Works of an unnamed kind promised by their verb and their kind of works (完成东湖片区旧改征收补偿,
# 完成华亭卫生院迁建): the thing is what the works are done to.
_WORKS_CLAUSE = re.compile(
    r"^(?:全面|加快|尽快|年内|力争|确保|有序|稳步|持续|全力)*(?:完成|推进|推动|启动|做好|抓好|实施)(?P<thing>[^，；。“”]{2,20}?)"
    r"(?P<works>征收补偿|征收|拆迁|征迁|腾地|收储|迁建|改扩建|扩建|改造提升|提升改造|提档升级|提质改造|改造|修缮|大修|拓宽)"
    r"(?:工作|工程|任务)?$"
)


# Land the plan is to take back, clear or sell, named after the verb (加快收储园区内剩余4宗土地).
_LAND_FIRST = re.compile(
    r"^(?:全面|加快|尽快|年内|力争|确保|有序|完成)*(?:收储|征收|出让|挂牌出让|供应|盘活)(?P<land>[^，；。“”]{0,14}?(?:土地|地块|用地|闲置地))$"
)


def _works_object(body: str) -> str | None:
    """The thing an unnamed piece of works is done to, with the works when they name it
    (东平路提档升级, as _WORKS_WORD), without them when they are land or moving (征收, 迁建)."""
    if land := _LAND_FIRST.match(body):
        return land.group("land") if len(land.group("land")) >= 3 else None
    m = _WORKS_CLAUSE.match(body)
    if not m:
        return None
    thing = _clean_phrase(m.group("thing"))
    if len(thing) < 3 or _ACTION.search(thing) or _NOT_A_THING.search(thing) or not _THING_END.search(thing):
        return None
    if _KIND_OF_PLACE.match(thing) or _VAGUE_MODIFIERS.sub("", thing) in _GENERIC_HEADS | {"工程"}:
        return None  # 完成农村危房改造: a kind of works everywhere, not one thing
    return thing + m.group("works") if _WORKS_WORD.search(m.group("works")) else thing


def _study_object(body: str) -> str | None:
    """The place or works a design, study or assessment is about (古镇保护利用评估 → 古镇保护利用)."""
    m = _STUDY.match(body)
    if not m:
        return None
    thing = _clean_phrase(m.group("thing"))
    place = _WORKS_TAIL.sub("", thing)
    if len(place) < 2 or _NOT_A_THING.search(thing) or not _THING_END.search(place):
        return None
    return thing


_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\d+[.、．](?!\d))")
# How a clause that only adds a stage or a deadline to the promise before it begins
# (推进月湖公园建设，年内竣工; …，确保6月底前投用).
_CONTINUATION = re.compile(
    r"^(?:并|同时|确保|力争|争取|预计|计划|年内|年底前?|今年|明年|\d{1,2}月(?:底|份)?(?:前)?|上半年|下半年|全年|[春夏秋冬]季|[一二三四]季度|"
    r"基本|顺利|如期|按期|实现|完成|建成|竣工|开工|投入|交付|通过|主体|结构|达到|启动)"
)
# Verbs that put works under way: a promise to 建设/实施/推进 works that names no stage
# promises at least that they are being built (开工).
_BUILDS = re.compile(
    r"建设|实施|新建|改建|扩建|迁建|改造|修缮|修复|打造|推进|推动|加快|开建|施工|整治|提质|提升|启动|硬化|铺设|安装|修建|重修|做好|浇筑|^建"
)
# An object named by the works done to it (东平路提档升级, 共康路大修).
_WORKS_WORD = re.compile(r"(?:提档升级|改造提升|提升改造|提质改造|改造|拓宽|大修|修缮|整治|硬化)$")
# What a promise of works is about: named works and places of works, or unnamed works.
_WORKS_LABELS = frozenset({"Project", "Facility", "IndustrialPark", "Park", "Parcel", "MetroStation", None})
# A title to win or keep (争创…模范镇, 国家卫生镇复审) or a figure to reach is no stage of works.
_TITLE_OR_FIGURE = re.compile(r"争创|创建|创成|复审|复评|迎检|评选|称号|达到\d|覆盖率|\d+(?:\.\d+)?%")


def _phases_listed(targets: list[tuple[str | None, str, bool]], body: str) -> list[tuple[str | None, str, bool]]:
    """A whole followed by its phases (国际城住宅小区一、二期建设项目): one object per phase."""
    out = []
    for entity, surface, foot in targets:
        m = (
            re.match(r"([一二三四五六七八九十\d]+(?:、[一二三四五六七八九十\d]+)+)期", body[body.find(surface) + len(surface) :])
            if surface in body
            else None
        )
        out += [(entity, surface + n + "期", foot) for n in m.group(1).split("、")] if m else [(entity, surface, foot)]
    return out


def _buildings_of(targets: list[Target], body: str) -> list[Target]:
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
        if (
            out
            and (out[-1][1] + surface) in body
            and re.search(r"(?:[学校院园所站馆]|中心)$", out[-1][1])
            and re.search(r"(?:楼|食堂|宿舍|操场|运动场|校区)$", surface)
        ):
            out[-1] = (out[-1][0], out[-1][1] + surface, out[-1][2])
            continue
        out.append((entity, surface, foot))
    return out


def _buildings_of_generic(generic: list[tuple[str, str]], body: str) -> list[tuple[str, str]]:
    """Unnamed objects joined as an institution's building (镇中学 + 学生公寓楼), as _buildings_of."""
    merged = _buildings_of([(None, p, False) for p, _ in generic], body)
    if len(merged) == len(generic):
        return generic
    kinds = dict(generic)
    return [(p, kinds.get(p) or next(h for q, h in generic if p.endswith(q))) for _, p, _ in merged]


def _shared_works(targets: list[Target], body: str) -> list[Target]:
    """Members of a list before one named with its works (华亭中学、华亭第二小学新建工程):
    the works named after the last member are each member's. Only a list's comma or 和 joins
    members (A提档升级及B工程 are two items), a member with works of its own keeps them, and a
    bare 项目/工程 is part of the last member's name (北杨宅项目), not works shared."""
    out = []
    for entity, surface, foot in targets:
        at = body.find(surface)
        after = body[at + len(surface) :] if at >= 0 else ""
        joined = re.match(r"[、和]", after)
        works = None
        if (
            joined
            and not re.search(r"(?:工程|项目)$", surface)
            and not _REMADE.search(surface + "。")
            and not re.search(r"(?:治理|整治|修复)$", surface)  # 青溪河水环境综合治理: works of its own
        ):
            for _, other, _ in targets:
                w = re.search(r"(?:新建|改建|扩建|改扩建|迁建|提升|改造|建设)(?:工程|项目)$", other)
                if w and len(other) - len(w.group()) >= 2 and after[1:].startswith(other):
                    works = w.group()
        out.append((entity, surface + works if works else surface, foot))
    return out


def _joined_to_list(body: str, phrase: str) -> bool:
    """Whether an unnamed object's phrase is an item of its own in the clause: it follows a
    list conjunction (…提档升级及健身步道工程), not the rest of a code or a name (15-05幼儿园)."""
    at = body.find(phrase)
    if at > 1 and body[at - 1] == "“":
        at -= 1  # a quoted item (和“红军桥”)
    if (
        at >= 0
        and re.match(r"[、和及与]", body[at + len(phrase) : at + len(phrase) + 1])
        and re.search(r"(?:楼|食堂|宿舍)$", phrase)
    ):
        # 镇中学学生公寓楼、青山幼儿园: an institution's building opens the list (a phrase of
        # another kind before 与, 青龙湾右堤路与…交口处, is part of a name)
        return True
    return at > 0 and (body[at - 1] in "及和与、" or any(m.end() == at for m in _ITEM_VERB.finditer(body)))


# A verb that opens an item of a list of promises (完成…、启动…、规划建设…、重修…).
_ITEM_VERB = re.compile(
    r"(?:年内|年底前|力争|确保)?(?:完成|启动|开工|建成|新建|改建|扩建|重修|修缮|规划建设|规划|建设|实施|推进|开展|编制|"
    r"实现|改造|提升|打造|硬化|安装|迁建|筹建)"
)


def _verb_segments(body: str, surfaces: list[str]) -> list[tuple[int, int]]:
    """The items of a clause that lists promises each with its own verb and object, as
    spans; none when the verbs do not open two items or more (one verb for the whole
    list), or when an item has no object (推进…方案优化调整及建设手续办理 is one promise)."""
    starts = [0] if _ITEM_VERB.match(body) else []
    for m in re.finditer(r"[、和及]", body):
        if _ITEM_VERB.match(body, m.end()):
            starts.append(m.end())
    if len(starts) < 2 or starts[0] != 0:
        return []
    segments = [(a, b) for a, b in zip(starts, starts[1:] + [len(body)])]
    positions = [body.find(re.sub(r"[一二三四五六七八九十\d]+期$", "", s)) for s in surfaces]
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


def _predicate_items(body: str, surfaces: list[str], clause_stage: Stage | None) -> dict[str, str]:
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
        if i + 1 < len(found) and not re.search(r"[、及和与]\s*$", tail):
            return {}  # not a list of items
        parts.append((surface, re.sub(r"[、及和与]\s*$", "", tail)))
    texts: dict[str, str] = {}
    carry = None
    for surface, tail in reversed(parts):
        if _PREDICATE.search(tail) or _WORKS_WORD.search(surface):
            carry = tail if _PREDICATE.search(tail) else surface[-2:]
        texts[surface] = lead + surface + (carry or "")
    stages = {s: highest_stage(t) for s, t in texts.items()}
    if sum(1 for s, t in parts if _PREDICATE.search(t) or _WORKS_WORD.search(s)) < 2 or all(
        (st.rank if st else 0) == (clause_stage.rank if clause_stage else 0) for st in stages.values()
    ):
        return {}
    return texts


def _segment_of(segments: list[tuple[int, int]], body: str, surface: str) -> str | None:
    at = body.find(surface)
    if at < 0:
        at = body.find(re.sub(r"[一二三四五六七八九十\d]+期$", "", surface))
    if at < 0:
        return None
    return next((body[a:b] for a, b in segments if a <= at < b), None)


# A list of short names that share the kind word after the last of them (淮河、双巨新型社区;
# 老王脚、江口、曹家冲“红色码头”; 镇东五区、坛小新村等老旧小区): each member is one
# such thing, named by the place it is at.
_LIST_MEMBER = r"[\u4e00-\u9fff]{2,4}"


def _shared_heads(
    graph: nx.MultiDiGraph, objects: list[Target], generic: list[tuple[str, str]], body: str
) -> tuple[list[Target], list[tuple[str, str]]]:
    """Objects of a list whose members share a kind word: each member with the kind word,
    instead of the members alone (a place) or the kind word alone."""
    heads = _head_regex()
    # The list starts the clause or follows its verb (迅速启动淮河、双巨新型社区建设).
    starts = (
        {0}
        | {v.end() for v in _BUILDS.finditer(body)}
        | {v.end() for v in _ACTION.finditer(body)}
        | {v.end() for v in re.finditer(r"升级|提档|完善|优化|打通", body)}
    )
    # (A count of the members between them and the kind, 青石、白鹤两个农贸市场, is no part of the kind.)
    pattern = re.compile(
        rf"((?:{_LIST_MEMBER}、)+{_LIST_MEMBER})(等)?(?:[\d一二两三四五六七八九十]+[个座所处家条])?(“?[\u4e00-\u9fff]{{0,6}}?)(?={heads.pattern})"
    )
    # A start inside a verb (建|成东湖, from 建成) is none.
    verbs = [v.span() for v in _ACTION.finditer(body)]
    starts = {at for at in starts if not any(a < at < b for a, b in verbs)}
    for m in (pattern.match(body, at) for at in sorted(starts)):
        if m is None:
            continue
        members_text = m.group(1)
        head = heads.match(body, m.end(3))
        if not head or head.group() in _GENERIC_HEADS:
            continue
        kind_word = (
            m.group(3) + head.group() + ("”" if m.group(3).startswith("“") and body[head.end() : head.end() + 1] == "”" else "")
        )
        # 青石、白鹤两个: the count of the members is not the last member's name.
        members = [re.sub(r"[\d一二两三四五六七八九十]+[个座所处家条]$", "", x) for x in members_text.split("、") if x]
        if len(members) < 2 or any(_ACTION.search(x) or heads.search(x) or re.search(r"[的是和及与]", x) for x in members):
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


def _unstaged(claim: Claim, body: str, label: str | None) -> None:
    """The milestone of a promise whose clause names no stage: 开工 for works being built
    (tracing still asks for them done, as for work carried on), none for a programme,
    a title, a figure or work with no works (深化…, 开展…)."""
    works_named = (
        (label in _WORKS_LABELS and label is not None)
        or claim.object.endswith(("项目", "工程"))
        or bool(_WORKS_WORD.search(claim.object))
        or claim.heads == ["count"]
        or bool(_head_regex().search(claim.object.strip("“”")[-4:]))
        or (label is None and claim.heads != ["title"])
    )
    if re.search(r"(?:居委|居委会|村委会|党支部|党群组织|合作社|协会|普查|试点|认证)$", claim.object.strip("“”")):
        works_named = False  # 筹建居委, 第五次全国经济普查, 地理标志保护产品认证: an organisation, a programme or a certification, not works
    if label == "Road" and re.search(r"建设|新建|修建|打通|拓宽|改造|硬化|提升", body):
        works_named = True  # 规划建设三湾东路, 改造提升建中路: the road is the works
    if label == "Initiative" and (
        not _head_regex().search(claim.object.strip("“”")[-3:])
        or re.search(r"(?:工程|项目|计划|试点|行动)$", claim.object.strip("“”"))
    ):
        works_named = False  # a programme (“老吾老”计划, 善育工程), not works
    # A project listed by its name alone (a row of the year's 民心工程) is works to be built.
    if works_named and (_BUILDS.search(body) or claim.heads == ["row"]) and not _TITLE_OR_FIGURE.search(body):
        works = stage_of(4)
        claim.milestone, claim.milestone_rank, claim.stage_stated = works.milestone, works.rank, False
    else:
        claim.milestone, claim.milestone_rank, claim.stage_stated = None, 0, False


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
    if stage is None or count == 0 or re.search(r"见效|达效|发挥效益|显现", body):
        return
    if kind == "Commitment" and not _CONTINUATION.match(body):
        return
    # 实现厂房建成一批: a clause that names a kind of thing of its own states its own aim, not a
    # stage of the object before.
    own_kind = _head_regex().search(body) if kind == "Commitment" else None
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
