"""The objects a clause names: entities its mentions give, each as the clause names the
promised thing (a site with the works on it, 大康路管网; a parcel with its 地块; a phase of
a whole), and unnamed things of a known kind (九年一贯学校, 2个驿站) cut from running text
without the actor, the year and the verbs before them."""

from __future__ import annotations

import re
from functools import cache, lru_cache

import networkx as nx

from kg.extraction.clauses import Clause
from kg.extraction.mentions import stem_start, suffix_types, token_starts
from kg.extraction.stages import ladder
from kg.extraction.verbs import ACTION, PROMISE_VERBS
from kg.graph.vocab import class_group
from kg.resources import data_words

# What a commitment is about: (entity id, or None for an unnamed object; its words; in a footnote)
Target = tuple[str | None, str, bool]


CONTAINER_TYPES = class_group("Container")


_NOT_OBJECTS = frozenset({"Town", "District", "Indicator"})


@cache
def head_regex() -> re.Pattern:
    kinds = set(data_words("kg.extraction", "object_kinds.txt"))
    kinds |= {s for s, t in suffix_types().items() if len(s) >= 2 and t not in ("Company", "Initiative")}
    return re.compile("|".join(map(re.escape, sorted(kinds, key=len, reverse=True))))


# Kind words too general to stand alone for an object: 14个重点产业项目 is no particular thing.
GENERIC_HEADS = {"项目", "工程", "设施", "空间", "载体", "场景", "平台", "中心", "基地", "体系", "机制", "园区", "大楼", "楼宇"}


VAGUE_MODIFIERS = re.compile(
    r"^(?:一批|各类|各项|相关|重点|重大|待批|已批|在建|续建|新开工|新建|一些|有关|多个|部分|产业|优质|整体|民心|民生实事|民生|实事|惠民|既有|现有|存量|基础设施"
    # the kinds of project a plan counts (省市重点, 政府投资, 招商引资, 已签约) are no project either
    r"|省市|省级|市级|县级|区级|政府投资|社会投资|招商引资|招商|已签约|新签约|签约"
    # the size of an investment (亿元项目, 超十亿元项目) is no name of a project
    r"|[\d超亿千百万十]*(?:亿|万)元(?:以上|级)?)+"
)


# Works named by the fund or the policy that pays for them (两个衔接资金项目, 农村公益事业财政奖补
# 项目, 乡村振兴项目, 以工代赈项目, “一事一议”…项目) are a category the year's works are filed
# under, as 民生实事项目 is, no works of their own (dev d14, d115, d126, d147, d180). (国债项目,
# works paid by treasury bonds as 专项债 ones are by a province's bonds, are such a fund's: d174.)
FUNDED_CATEGORY = re.compile(r"(?:衔接资金|资金|奖补|乡村振兴|以工代赈|一事一议|专项债券?|国债)”?(?:重点)?(?:项目|工程)$")


_MODIFIED_NOUN = re.compile(r"苗木|物资|资金|经费|补助|补贴|任务|人员|设备|管理|养护|大局|学位|床位|岗位|名额")
_WORKS_NAME = re.compile(r"(?:整治|治理|提升|改造|修缮|扩建|新建|更新|绿化|硬化|整修|升级|改建|迁建)(?:项目|工程)$|认证$")
_NOT_WORKS_NAME = re.compile(r"等|的|签约|确定|审批|谋划|储备")
_COUNT_AT_END = re.compile(r"[\d一二两三四五六七八九十]+[个座所处家条项台]$")
_LIST_JOINER = re.compile(r"及|和|与|、")
_UP_TO_LIST_JOINER = re.compile(r"^.*?(?:及|和|与|、)")
_ALTERNATIVE_KIND = re.compile(r"(?:^|[和及与、]|开设|建设|新建|打造|建成)([\u4e00-\u9fff]{1,4}（[\u4e00-\u9fff]{1,4}）)$")
_LEADING_COUNT = re.compile(r"^[\d一二两三四五六七八九十]+[个座所处家条项台]")
_ALONG_AT_END = re.compile(r"(?:沿线|沿岸)$")
_ALONG = re.compile(r"[A-Za-z\d\u4e00-\u9fff]{2,12}(?:沿线|沿岸)$")
_CODE_AT_END = re.compile(r"[A-Za-z]*\d+[-－]$")
_COUNTED_PHRASE = re.compile(r"\d*[一二两三四五六七八九十\d]+[个座所处家条项台幅块宗]")
_PHASE_AT = re.compile(r"[一二三四五六七八九十\d]+期")
_BLOCKS_AT_END = re.compile(r"\d+[栋幢]$")
_HOMES = re.compile(r"\d+(?:套|户)(?=[，；。]|$)")
# (a count closes a list as 等 does: 九井村龙梅北路工程两个衔接资金项目 counts the works
# named before it, and what follows the count is their category, no part of the last name)
_LIST_CLOSER = r"等|[\d一二两三四五六七八九十]+[个座所处家条项]"
_WORKS_AFTER_KIND = re.compile(
    rf"(?:(?![及和与的]|{_LIST_CLOSER})[\u4e00-\u9fff]){{0,8}}?(?:工程|项目)(?![\u4e00-\u9fff]{{0,2}}(?:库|部))"
)
_PHASE_PREFIX = re.compile(r"^[\d一二两三四五六七八九十]+(?:期)?(?:建设|新建)?")
_NUMBERED_FORMULA = re.compile(r"^[一二三四五六七八九十两]+(?:大|项|类|化)")
_WORKS_OF_NOTHING = re.compile(r"(?:设施|环境|基础设施|公共设施|配套设施)?(?:提升|改造|整治|建设|完善)(?:工程|项目)")
# (a conjunction ending the text, before which the previous phrase must end: the
# phrase is literal text, so it is compared as a string, not compiled into a pattern)
_JOINED_AT_END = re.compile(r"[和及与、]$")
_THEME_BREAK = re.compile(r"[个处座所，；。、]|打造|建设|新建|建成|设立|开设")


def generic_objects(text: str) -> list[tuple[str, str]]:
    """Unnamed objects of a known kind: (phrase, kind word) for each.

    >>> generic_objects("2023年实现在建商品房及动迁安置房验收交付")
    [('在建商品房', '商品房'), ('动迁安置房', '动迁安置房')]
    >>> generic_objects("高质量完成滨江沿岸2个驿站建设")
    [('驿站', '驿站')]
    >>> generic_objects("加快重点项目产业布局")
    []
    """
    return list(_generic_objects(text))


_QUOTED_NAME_BEFORE = re.compile(r"“[^“”，；。]{2,10}”$")
_ANCILLARY_WORKS = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:附属|配套)(?:设施|工程)")


# The claim rules ask for a clause's unnamed objects more than once (its promise, its
# progress, the items of a list): the answers are kept per text, bounded.
@lru_cache(maxsize=8192)
def _generic_objects(text: str) -> tuple[tuple[str, str], ...]:
    boundaries = token_starts(text)
    out: list[tuple[str, str]] = []
    taken = 0
    for m in head_regex().finditer(text):
        if m.start() < taken:
            continue  # inside the phrase before (…长效工程)
        merged = bool(out) and m.start() == taken and taken > 0 and text[taken - len(out[-1][0]) : taken] == out[-1][0]
        if m.end() < len(text) and m.end() not in boundaries:
            continue  # 综合体系 is not a 综合体
        # (幼儿园学位300个, 养老机构床位: places counted in a kind of institution are a figure, no works)
        if _MODIFIED_NOUN.match(text[m.end() :]):
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
            if _WORKS_NAME.search(name) and not _NOT_WORKS_NAME.search(name) and len(name) >= 6:
                start = candidate
            else:
                works_name = False
        before = text[start : m.start()]
        counted = _COUNT_AT_END.search(text[: m.start()])
        before = text[start : m.start()]
        cut_list = _LIST_JOINER.search(before) and not (works_name and "、" not in before)
        phrase = _UP_TO_LIST_JOINER.sub("", text[start : m.end()]) if cut_list else text[start : m.end()]
        phrase = clean_phrase(phrase)
        if (
            m.group() in ("项目", "工程")
            and (whole_name := _joined_works(text, start, m.end()))
            and m.end() - len(whole_name) >= taken  # (道路改造 found as an object of its own: two works)
        ):
            phrase = whole_name  # 水质净化和中水回用项目: one works named by two of its tasks
        if alt := _ALTERNATIVE_KIND.search(text[:start]):
            phrase = alt.group(1) + phrase  # 村（社区）屋场课堂: a kind of place with its alternative in brackets
        phrase = _LEADING_COUNT.sub("", phrase)
        if _ALONG_AT_END.search(text[:start]) and (along := _ALONG.search(text[:start])):
            # G228东社段沿线污水管网: the works along a road are named by it.
            lead = [v.end() for v in PROMISE_VERBS.finditer(text, along.start(), start)]
            phrase = text[max([along.start()] + lead) : start] + phrase
        if (code := _CODE_AT_END.search(text[:start])) and not _COUNTED_PHRASE.match(phrase):
            phrase = text[code.start() : start] + phrase  # 15-05幼儿园: a facility named by its parcel's code
        if merged:  # 车辆段上盖, 住宅小区: a kind right after the thing it is of names one thing
            phrase = out.pop()[0] + m.group()
        taken = m.end()
        if transform := REMADE.match(text, m.end()):
            # 老街停车场改造: works that remake the thing name it with it (as 东平路提档升级).
            phrase += transform.group()
            taken += transform.end()
        elif phase := _PHASE_AT.match(text[m.end() :]):  # 商品房四期
            phrase += phase.group()
            taken += phase.end()
        elif _BLOCKS_AT_END.search(text[: m.start()]) and (homes := _HOMES.match(text[m.end() :])):
            # 建设5栋安置房192套: housing counted by its blocks is named with the homes it holds
            phrase += homes.group()
            taken += homes.end()
        elif works := _WORKS_AFTER_KIND.match(text[m.end() :]):
            # 县道绿化长效工程, 公交站台优化完善改造工程: the works named after the kind (not
            # across a conjunction or 等, which start another item or a category).
            phrase += works.group()
            taken += works.end()
        # 二期建设项目, 一期工程: a phase of no named whole is no object.
        core = _PHASE_PREFIX.sub("", VAGUE_MODIFIERS.sub("", phrase))
        if _NUMBERED_FORMULA.match(phrase.strip("“”")):
            continue  # “四大工程”: a numbered formula
        # (工程项目, after a list's 等10个民生实事: works of no named thing either)
        if core in GENERIC_HEADS or core == "工程项目" or _WORKS_OF_NOTHING.fullmatch(core) or FUNDED_CATEGORY.search(phrase):
            continue  # …的提升改造工程 cut to its verb's object: works of no named thing
        if core == m.group() and (m.group() in GENERIC_HEADS or (not counted and len(m.group()) < 3)):
            continue
        if (
            out
            and phrase == m.group()
            and (joined := _JOINED_AT_END.search(text[: m.start()]))
            and text[: joined.start()].endswith(out[-1][0])
            and out[-1][0].endswith(out[-1][1])
            and (modifier := out[-1][0][: -len(out[-1][1])])
            and not VAGUE_MODIFIERS.fullmatch(modifier)
        ):
            # 农产品批发市场和零售市场: the modifier before the first kind is the second's too
            # (not 在建: 在建商品房及动迁安置房 are two kinds of housing).
            phrase = modifier + phrase
        if phrase == m.group() and text[m.start() - 1 : m.start()] == "“" and text[m.end() : m.end() + 1] == "”":
            # 打造一个儿童友好主题“口袋公园”: a quoted kind keeps the theme said before its quotes
            theme = _THEME_BREAK.split(text[: m.start() - 1])[-1]
            if 2 <= len(theme) <= 8:
                # (a verb before the quotes is no theme: 加快“口袋公园”建设)
                phrase = clean_phrase(f"{theme}“{phrase}”")
        elif (
            (quoted := _QUOTED_NAME_BEFORE.search(text[:start])) and text.startswith(phrase, start) and not phrase.startswith("“")
        ):
            # “青山e家”智慧社区服务中心: a facility's quoted name before its kind is part of it
            # (and no object of its own when it names a kind too: “青山驿站”便民服务中心)
            if out and out[-1][0] == quoted.group().strip("“”"):
                out.pop()
            phrase = quoted.group() + phrase
        if (
            out
            and _ANCILLARY_WORKS.match(phrase)
            and (
                whole := next(
                    (out[-1][0] + c + text[start : m.end()] for c in "及和与" if out[-1][0] + c + text[start : m.end()] in text),
                    None,
                )
            )
        ):
            # 中心小学综合楼及附属设施建设项目: the ancillary works are the building's, one works
            out[-1] = (whole, m.group())
            continue
        out.append((phrase, m.group()))
    return tuple(out)


# Works that remake a thing, at the end of the clause or of an item (老街停车场改造): they
# name the promise with the thing, as 东平路提档升级 does.
REMADE = re.compile(r"(?:提档升级|改造提升|提升改造|提质改造|改造|大修|综合整治|整治提升)(?=[，；。、及和与]|$)")


# What a name cut from running text may carry on its left and is not part of it: the
# actor and its verb (区农路办做好…, 我镇…, 配合…做好…), a year cut from its digits (2022年完成…
# → 年完成…), and the verbs of the promise (新建, 推进…).
_ACTOR_VERB = re.compile(
    r"^[^，；。、]{0,12}?(?:做好|抓好|配合|推进|推动|完成|实施|启动|加快|开展|争创|创建)(?=[\u4e00-\u9fff“]{2})"
)


_SELF = re.compile(r"^(?:我镇|我乡|我街道|我区|本镇|本乡|该镇|全镇|全乡)")


_LIST_NUMBER = re.compile(r"^\d{1,2}[、.．](?!\d)")
_LEADING_VERBS = re.compile(
    r"^(?:新建|建设|推进|完成|加快|启动|实施|改造|打造|高质量|实现|抓|争创|创成|创建|开设|开办|设立|收储|征收|出让|修复|维修|修建|重修|改扩建|新改建|扩建|迁建|提质|提档升级|升级|投用|投入使用|"
    # (the verbs of urging, 力促大南门净菜市场竣工, 敦促…建成, are no part of a name either)
    r"力促|敦促|督促|促进|促成|力推|"
    # (nor are those of planning a pipeline, 谋划储备城南污水处理厂)
    r"谋划|储备|"
    # (nor those of opening a way or adding one more, 打通彩虹一支路断头路, 新增…, 整修…)
    r"打通|贯通|新增|增设|整修|"
    # (nor that of following firms' projects, 重点跟踪立达食品番茄酱及腐乳项目)
    r"重点跟踪|跟踪|"
    # (年产5万吨…, a plant named by its yearly output, keeps its 年)
    r"提升(?!泵站)|力争|确保|争取|全面|[\d]{0,4}年(?:内|底前?)?(?!产))+"
)
_LEADING_HAO = re.compile(r"^好(?=[\u4e00-\u9fff]{2})")


_LEADING_SUM = re.compile(r"^(?:总?投资)?(?:约|超|近)?[\d.]*(?:万|亿)元(?:的)?(?=[\u4e00-\u9fff]{2}[^项工])")


def clean_phrase(phrase: str) -> str:
    """A generic object's phrase without the actor, the year and the verbs before it.

    >>> clean_phrase("我镇主镇区污水管网新建工程")
    '主镇区污水管网新建工程'
    >>> clean_phrase("区农路办做好健身步道工程")
    '健身步道工程'
    >>> clean_phrase("年完成便东村省级美丽乡村示范点")
    '便东村省级美丽乡村示范点'
    >>> clean_phrase("1.青山大道改造工程")
    '青山大道改造工程'
    >>> clean_phrase("新建年产5万吨生物质颗粒项目")
    '年产5万吨生物质颗粒项目'
    >>> clean_phrase("万元大陈村3000亩蓝莓基地二期")
    '大陈村3000亩蓝莓基地二期'
    """
    # (the number of an item of a list, 1. 2、 3．, is no part of the name it opens)
    phrase = _LIST_NUMBER.sub("", phrase)
    for _ in range(3):
        before = phrase
        # 改造提升村级卫生室, 力争青石路: the verbs of works and of effort before a name are
        # not part of it (but a 提升泵站 lifts water: it is a kind of pump station).
        phrase = _LEADING_VERBS.sub("", phrase)
        phrase = _SELF.sub("", phrase)
        phrase = _LEADING_HAO.sub("", phrase)  # 服务好既有项目: the complement of a verb cut off
        # (加快投资5000万元大陈村…基地二期建设: the sum invested, or what is left of it, names nothing)
        phrase = _LEADING_SUM.sub("", phrase)
        if (m := _ACTOR_VERB.match(phrase)) and len(phrase) - m.end() >= 2:
            phrase = phrase[m.end() :]
        if phrase == before:
            break
    return phrase


_NAMED_WORKS = re.compile(r"^(.*?[路街河湖村桥][^及和与]*?(?:提档升级|改造|整治|提升|大修))(?:及|和|与)")


def _works_name_start(text: str, end: int) -> int:
    """Where a name of works ending at ``end`` (…整治项目) starts: after the last promising
    verb or punctuation on its left, within 24 characters; a list of works on a named place
    before 及/和 (东平路提档升级及健身步道工程) is another item, not part of the name."""
    start = end
    while start > 0 and end - start < 24 and text[start - 1] not in "，。；：！？、（）()“”,;: \n":
        start -= 1
    verbs = [m.end() for m in PROMISE_VERBS.finditer(text, start, end)]
    if verbs:
        start = max(verbs)
    name = text[start:end]
    if m := _NAMED_WORKS.search(name):
        start += m.end()
    return start


def clause_objects(graph: nx.MultiDiGraph, sentence_id: str, clause: Clause, with_footnotes: bool) -> list[Target]:
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


_QUOTED_THEME_BEFORE = re.compile(r"“[^“”，；。、]{2,10}”$")


def _surface(graph: nx.MultiDiGraph, entity: str, edge: dict, sentence: str) -> str:
    """How the clause names an entity as a promised object: an enumerated phase by its
    whole and its own phase (智力产业园一期、四期 → 智力产业园四期), a coded parcel with
    its 地块 (J-07A、F-07三幅地块 → J-07A地块), a site with the works on it (大康路、南蕴藻路
    管网 → 大康路管网)."""
    node = graph.nodes[entity]
    surface = edge["text"]
    if node.get("label") == "Project" and (joined := _joined_works(sentence, edge["start"], edge["end"])):
        return joined  # 水质净化和中水回用项目: one works named by two of its tasks
    if (m := _PHASE_LIST.match(surface)) and (phase := _TRAILING_PHASE.search(node.get("name", ""))):
        return m.group("whole") + phase.group()
    if node.get("label") == "Parcel" and not surface.endswith("地块") and node.get("name", "").startswith(surface):
        # L-07幼儿园: the facility on the coded parcel; J-07A、F-07三幅地块: the parcel.
        head = head_regex().match(sentence, edge["end"])
        return surface + head.group() if head and head.group() != "地块" else node["name"]
    if (
        node.get("label") in ("Facility", "Park", "IndustrialPark")
        and not surface.startswith("“")
        and (quoted := _QUOTED_THEME_BEFORE.search(sentence[: edge["start"]]))
    ):
        # 建设“青山e家”智慧社区服务中心: a facility's quoted name before its kind is part of it
        surface = quoted.group() + surface
    if m := _WORKS_OF.match(sentence, edge["end"]):  # 曹家宅前泵站改造工程, “老吾老”计划
        return ("“" + surface if m.group().startswith("”") and not surface.startswith("“") else surface) + m.group()
    if node.get("label") == "Road" and (address := _ADDRESS.match(sentence, edge["end"])):
        return address.group("name")  # 三泉路1501号“庙巷聚”社区综合服务体: the facility at the address
    if node.get("label") in ("Facility", "Park", "IndustrialPark") and (remade := REMADE.match(sentence, edge["end"])):
        return surface + remade.group()  # 老街停车场改造: the facility with the works that remake it
    if part := _FACILITIES_OF.match(sentence, edge["end"]):
        return surface + part.group("part")  # 森林公园建设的各项配套设施: the facilities of the park
    if part := _BUILDING_PART.match(sentence, edge["end"]):
        return surface + part.group()  # 江苏盛泽医院公共卫生综合楼: the building of the institution
    if node.get("label") == "Road" and (section := SECTION.match(sentence, edge["end"])):
        return surface + section.group()  # 龙北路（盛八线—盛南路）: the section of the road
    if node.get("label") == "Village" and (title := _VILLAGE_TITLE.match(sentence, edge["end"])):
        return surface + title.group("title")  # 青石村、白鹤村省级未来乡村: the village as the model it is to become
    if node.get("label") in _SITES:
        return surface + _works_after(sentence, edge["end"])
    if (
        node.get("label") in ("IndustrialPark", "Place", "Facility", "Park")
        and (goes_on := _NAME_GOES_ON.match(sentence, edge["end"]))
        and not ACTION.search(goes_on.group())
    ):
        return surface + goes_on.group()  # 南部工业区8万吨/日水质净化和中水回用项目: the project in the park
    if m := _COMPOUND_WORKS.match(sentence, edge["end"]):
        return surface + m.group()  # 西安火车站北广场拆迁改造: the works on the place
    return surface


# A works named by two of its tasks joined (水质净化和中水回用项目, 篮球场提升及停车场建设项目,
# 古建廊亭修缮及栈桥等养护工程): the conjunction follows a task (a verb-noun of works), not a
# thing's name, so it joins two parts of one name; after a thing (四星级大酒店和青年创新创业基地
# 项目) it joins two works. Dev: d47 (twice), d48, d49, d87, d100, d129 annotate such names whole.
_TASK_BEFORE_JOIN = re.compile(r"(?:处理|净化|治理|整治|修缮|提升|改造|大修|拍卖|加工|回收|利用|收集)[及和与]")
_NAME_STOPS = "，。；：！？、（）()“”,;: \n"


def _joined_works(sentence: str, start: int, end: int) -> str | None:
    """The whole name of a works whose mention starts after a conjunction that joins two
    of its tasks, or inside the first (印染废水处理及中水回用一期…工程), when the name is cut there."""
    first = start
    while first > 0 and end - first < 40 and sentence[first - 1] not in _NAME_STOPS:
        first -= 1
    verbs = [v.end() for v in PROMISE_VERBS.finditer(sentence, first, start)]
    first = max([first, *verbs])
    name = sentence[first:end]
    # (the mention starts at the conjunction, or a few characters on when a long name was cut)
    if not any(0 <= start - m.end() <= 3 for m in _TASK_BEFORE_JOIN.finditer(sentence, first, start)):
        return None
    return clean_phrase(name) or None


# The model a village is built up to or titled as (美丽乡村, 未来乡村, 特色康居乡村, 示范村), after
# the village or after the last of a list of villages.
_VILLAGE_TITLE = re.compile(
    r"(?:[、和及与][\u4e00-\u9fff]{1,6}?村)*(?P<title>[\u4e00-\u9fff“”]{0,8}?"
    r"(?:美丽乡村|未来乡村|康居乡村|和美乡村|精品乡村|田园乡村|示范村|精品村|特色村|文明村|卫生村|景区村庄|景区村|[\u4e00-\u9fff]{2}村庄)(?:示范点)?)(?=创建|建设|[，；。]|$)"
)


# A project named after the place it is in, running on to 项目/工程 at the clause's end.
# (not across a list's closer, 等 or a count: 潘公广场安置小区项目等10个民生实事工程项目 ends the
# member at its 项目; 高等, 中等 and 初等 are words, no closer)
_NAME_GOES_ON = re.compile(
    r"(?:(?!(?<![高中初])等|[\d一二两三四五六七八九十]+[个座所处家条项])[^，；。、（）()“”]){1,24}?(?:项目|工程)"
    r"(?=[，；。]|$|(?<![高中初])等|[\d一二两三四五六七八九十]+[个座所处家条项])"
)


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
SECTION = re.compile(r"[（(][^（）()]{2,20}?(?:[—－\-~至到][^（）()]{2,20}?|以[东西南北])[）)]")


# What names a programme of works after the thing it is about: its kind of works and 工程/
# 项目, or a programme's own kind word after its quoted name.
_WORKS_OF = re.compile(
    r"(?:”)?(?:[\u4e00-\u9fff]{0,8}?(?:改造|提升|修缮|扩建|新建|建设|贯通|综合|整治|更新))?(?:工程|项目)(?![\u4e00-\u9fff]{0,2}(?:库|部))"
    # a quoted name and a short word of its own before the kind (“红色根脉”强基工程)
    r"|”[\u4e00-\u9fff]{0,4}?(?:计划|工程|行动|试点)"
)


_MORE_PLACES = re.compile(
    r"(?:[、和及与][^，；。、和及与]{2,8}?(?:路|河|浜|泾|港|村|站|湖|渠))+(?=(?:综合整治|整治提升|改造提升|提升改造|提档升级|提质改造|拓宽改造|大中修|大修|改造"
    r"|“[^”]{1,8}”(?:工程|项目))(?:[，；。]|$))"
)
_WORKS_NAMED_AFTER = re.compile(r"[^，；。、（）“”及和与]{1,20}?(?:项目|工程)|“[^”]{1,8}”(?:工程|项目)")
_SECTION_AFTER = re.compile(
    r"(?:延伸段|延长线|拓宽段|改线段|[东西南北中]段|[一二三四五六七八九十\d]+期)(?=[及和与，；。、]|建设|工程|$)"
)
_WORKS_AFTER_NAME = re.compile(
    r"(?:提档升级|改造提升|提升改造|提质改造|拓宽改造|拓宽|大中修|大修|白改黑|黑化|改造|综合整治|整治提升)(?=[及和与，；。、]|$)"
)
_NAME_WITH_WORKS = re.compile(r"[^，；。、（）“”]{1,12}?(?:综合整治|整治提升|改造提升|提升改造|提质改造)(?=[，；。]|$)")
_MORE_NETWORK_PLACES = re.compile(
    r"[、和及与][^，；。、和及与]{2,8}?(?:路|河|浜|泾|港|村|站)(?=[、和及与]|[^，；。]*?管网|[^，；。]*?驿站)"
)
_WHITESPACE = re.compile(r"\s+")


@cache
def _works_end() -> re.Pattern:
    """What ends a site's works: an action or a stage, a mark, a conjunction, 工作 or 等."""
    return re.compile(rf"{ACTION.pattern}|{'|'.join(s.pattern.pattern for s in ladder())}|[，；。、（）]|”?和|”[及与]|工作|等")


def _works_after(sentence: str, end: int) -> str:
    """The works named right after a site, up to the verb (大康路管网疏通 → 管网; a list of
    sites shares the works named after its last member)."""
    rest = sentence[end:]
    # 青石河、白鹤河综合整治: the works by their kind after the last site of a list are each
    # site's (as the 管网 of a list of roads below).
    if shared := _MORE_PLACES.match(rest):
        rest = rest[shared.end() :]
    # 东茭泾滨水公共空间贯通项目: a project named on the site, whatever verbs its name holds;
    # 二张路人居环境综合整治: works named by their kind of works at the end of the clause.
    if m := _WORKS_NAMED_AFTER.match(rest):
        return m.group()
    # 东湖路延伸段, 华亭大道东段: a stretch of the road is what is built, not the whole road.
    if m := _SECTION_AFTER.match(rest):
        return m.group()
    # 东平路提档升级及健身步道工程: the works on the road, by their kind of works, before the
    # next member of the list.
    if m := _WORKS_AFTER_NAME.match(rest):
        return m.group()
    if m := _NAME_WITH_WORKS.match(rest):
        return m.group()
    # 大康路、南蕴藻路、长江西路管网: skip the other members of the list.
    while m := _MORE_NETWORK_PLACES.match(rest):
        rest = rest[m.end() :]
    # A conjunction ends the site's works: what follows it is the next item (“红军路”和“红军桥”).
    stop = _works_end().search(rest)
    span = rest[: stop.start()] if stop else rest
    heads = list(head_regex().finditer(span))
    # 星河路道路验收: the site's own kind (道路, 河道) names the site again, not works on it.
    if not heads or len(span) > 20 or span[: heads[-1].end()] in ("道路", "河道", "河", "路", "村庄", "村"):
        return ""
    return _WHITESPACE.sub("", span[: heads[-1].end()])


# What a thing built ends in: a place, a building, a structure or a phase of works. A
# subject or a study that ends otherwise (各项工作, 安全风险) is no works.
THING_END = re.compile(
    r"(?:[路桥馆院园厂站楼场房段线街池库坝渠堤闸廊亭塔校所室舍苑湾岛]|中心|广场|基地|码头|古镇|老街|片区|地块|小区|社区|"
    r"项目|工程|[一二三四五六七八九十\d]+期|管网|设施|景区|公寓|新城|综合体|空间|旧改|棚改|城中村|棚户区|"
    # (a road built for speed or a belt of green along a river: 快捷通道, 滨河绿化带, 沿溪风光带;
    # the toilets of the 厕所革命: 200户农村户厕改造; a town's gateway by its side, 城区东大门,
    # built up as its face, where a door with no side is a metaphor's, 开放大门)
    r"快捷通道|快速通道|绿化带|景观带|风光带|[东西南北]大门|户厕|厕所|"
    # (a town of one trade built as a district: 特色小镇, 中德智造小镇)
    r"小镇)$"
)
