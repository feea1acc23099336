"""Lists of works and the congress's votes.

A list closed by its count and category (``票决出A工程、B项目等10项民生实事项目``,
``包括A、B等4个项目``, ``建国里、新风里三个社区改造``) is one promise per member, whatever
opens it; a kind of works everywhere (村内道路硬化工程), a sector (文化旅游、健康养老等项目)
and the list's own name (2024年十大民生工程项目) are none. Rows of a list of projects (a
works name alone, sentence by sentence) are promises by their names. A congress's vote on
the year's projects (票决出…) promises them in whichever part a news page about it is read;
a vote reported done, or a field visit, promises nothing."""

from __future__ import annotations

import re

from kg.extraction.clauses import clauses
from kg.extraction.milestones import highest_stage
from kg.extraction.objects import GENERIC_HEADS, THING_END, VAGUE_MODIFIERS, clean_phrase, head_regex
from kg.extraction.verbs import ITEM_VERB, PROMISE_VERBS, WORKS_WORD
from loaders.headings import WORKS_CATEGORY

# A vote of the congress on the year's projects (票决出, 票决通过了, 票决产生了, 表决通过…民生实事).
# (票决的…, 票决通过的… are the projects voted before, reported on: no vote of this sentence.)
VOTE = re.compile(
    r"(?:票决出|票决产生了?|票决通过了?|票决了|票选出|表决通过了?|投票表决(?:产生|通过)了?|投票选出了?)(?!的)"
    rf"[^。]{{0,40}}?(?:{WORKS_CATEGORY})"
)


# Deputies or leaders visiting works or learning how they went (前往A、B等实地调研, 视察…,
# 深入了解…已完工民生实事项目的情况): a visit, in a news page read as a plan, promises nothing.
VISIT = re.compile(r"(?:实地调研|实地察看|实地查看|现场察看|视察|考察|观摩)(?:了|指导)?$|^(?:深入|实地)?了解")


# A vote whose clauses report the voted projects done or under way is a review's account of it
# (…等全部完工, 全部落地见效, 均已兑现): no promise.
VOTED_DONE = re.compile(r"完成|建成|竣工|完工|交付|投用|投入使用|落地|兑现|见效|已|进展|推进中")


# A list of works after the vote's clause (票决通过了10项民生实事项目，A、B等全部完工) is the
# vote's list: its clause goes with the vote.
_VOTED_LIST = re.compile(r"^[^，；。,;]{2,40}?、[^，；。,;]{2,60}?等")


def vote_clauses(text: str, vote: re.Match) -> tuple[int, int]:
    """The offsets of the clauses holding a vote and its list, in its sentence."""
    spans = clauses(text)
    first = next((c for c in spans if c.end > vote.start()), spans[-1])
    last = next((c for c in spans if c.end >= vote.end()), spans[-1])
    after = [c for c in spans if c.start > last.end]
    if after and _VOTED_LIST.match(after[0].text):
        last = after[0]
    return first.start, last.end


# The plan's own list named as a whole (张寨镇2022年度民生实事项目, 大安乡2024年十大民生工程项目,
# 每个项目): the category its promises are listed under, not one of them. (So is the vote's
# clause naming it, 代表们投票选出了石坪桥街道2025年度10件民生实事项目, 人大代表票决产生政府民生实事
# 项目: the members, listed after it or not given, are the promises.)
PLAN_CATEGORY = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,8}?(?:制定|确定|敲定|选定|审定|公布|票决|票选|表决|征集|选出|投票)(?:产生|选出|通过)?了?)?(?:[\u4e00-\u9fff]{2,6}?(?:镇|乡|街道|县|区|市)(?:人民)?(?:政府)?)?(?:\d{4}年度?)?(?:[十百]大|\d+[个项件]|[一二三四五六七八九十]+[个项件])?"
    # (who runs them may stand before the category, 镇政府民生实事项目, and how they are chosen,
    # 召开人大会票决民生实事项目; works and projects both, 10个民生实事工程项目, dev d173, and
    # 大安乡2024年十大民生工程项目)
    r"(?:镇级|乡级|县级|村级|区级)?(?:(?:镇|乡|街道|区|县)?(?:人民)?政府)?(?:民生实事|民心工程|民生工程|民生|实事|重点工程|重点项目|为民办实事)(?:工程项目|项目|工程)?$"
    r"|^(?:每个|每项|各个|各项)(?:项目|工程)$"
)


# The verbs of a promise or of a specification: a sentence holding one is a promise or a
# project's contents (含景观…等附属工程), not a row of a list of projects that is a name alone.
NAME_NOT_ROW = re.compile(
    r"做好|抓好|实施|推进|推动|加快|启动|完成|确定|招引|引进|服务(?!中心|站|点|设施|综合体)|支持|着力|配合|包括|^含|谋划|争取|力争|确保|打造|高质量|票决|选出"
)


_NUMBERED_ROW = re.compile(r"[\d（(]|[一二三四五六七八九十]+[、是期]")
_PLANNING_ROW = re.compile(r"策划|谋划|包装|促|[，；。：:]")
_COUNTED_ITEMS = re.compile(r"(?:等|共)[\d一二两三四五六七八九十]*[个项]")


def is_row(text: str) -> bool:
    """Whether a sentence is a row of a list of projects: a works name and nothing else
    (镇区积水点专项整治项目; 1、…北街工程（中福路-福塘路，长约258米）)."""
    row = ROW_SPEC.sub("", ARABIC_ITEM.sub("", text.strip().rstrip("。")))
    return (
        6 <= len(row) <= 40
        and row.endswith(("项目", "工程"))
        and not _NUMBERED_ROW.match(row)
        and not _PLANNING_ROW.search(row)
        and not ITEM_VERB.match(row)
        and not PROMISE_VERBS.match(row)
        and not NAME_NOT_ROW.search(row)
        # a list of works closed by its count (A、B等3个项目) is several promises, not one row
        and not ("、" in row and _COUNTED_ITEMS.search(row))
    )


# The size or extent given in brackets after a listed project's name (…北街工程(中福路-福塘路,长约258米)).
ROW_SPEC = re.compile(r"[（(][^（）()]*[）)]$")


# 1、 2、 (Arabic numbers) number the tasks of a plan's section: the numbered clause is a promise
# when it says one (1、高起点规划建设三湾东路); 一、 and （一） number the themes.
ARABIC_ITEM = re.compile(r"^\d{1,2}[、.．](?!\d)")


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


# What says the places a project reaches, covers or serves (项目涉及A、B等9个村, 覆盖, 惠及).
_SITES = re.compile(r"涉及|覆盖|惠及|辐射|分布在|分布于")


# Places listed with their count and their kind (建国里、新风里、友爱里三个社区改造).
_COUNTED_LIST = re.compile(
    r"(?:^|推进|推动|实施|启动|完成|加快|做好|抓好|开展)(?P<list>[\u4e00-\u9fff]{2,8}(?:、(?:(?!等)[\u4e00-\u9fff]){2,8})+)"
    r"等?(?:[两三四五六七八九十]|\d+)[个座所处家条](?P<kind>社区|小区|村|片区|街区|棚户区|老旧小区|老小区|安置区)"
    r"(?P<works>提质改造|改造提升|提升改造|改造|建设|提升|整治|修缮)?$"
)


# What opens such a list: a verb of promise, of choosing (票决出, 选出, 确定) or of listing
# (包括, 分别为). The list starts after the last of them.
_LIST_OPENER = re.compile(
    # (对A、B等4个民生实事项目进行了审议: the list the deputies read before they vote)
    r"(?<![针相反面核比应绝])对(?![接外于标照比口象])|包括|包含|分别为|分别是|选出了?|(?:并)?公布了?|票决出|(?:票决|表决|审议)?通过了?|(?:票决)?产生了?|确定了?|实施|推进|推动|加快|启动|完成|做好|抓好|保障好|谋划|争取|开工建设|建设|新建|开建|力争"
    # (新开工A、B等8个项目, 续建C、D等项目: the year's projects by their stage)
    r"|新开工|续建|复工"
)


# Projects planned into the pipeline or funds sought for them (谋划储备A、B等10个项目, 争取A、B等
# 3个项目资金) are no stage of works: the list promises none of them begun.
# (争取A、B等项目年内开工 is a promise of works: 争取 seeks funds only when it names them.)
_PIPELINE = re.compile(r"谋划|储备|申报")


_FUNDS_SOUGHT = re.compile(r"争取[^，；。]*?(?:资金|补助|补贴|债券|政策|支持)")


# A member is works when it names a thing built (…足球场, …主干道, …村段) or is a long name of
# its own; a short phrase that ends otherwise (文化旅游、健康养老等项目) is a sector.
_MEMBER_THING = re.compile(r"(?:道|[段线]|渠|沟|坝|堰|塘|村)$")


_TOTAL_AT_END = re.compile(r"(?:共|合计|总计)$")
_CLAUSE_BREAK = re.compile(r"[，；：:]")
# A list's 、 outside brackets: the brackets after a works' name may list its own stretches
# (泰盛路（迎春路—育才路、冯塘路—兴陵路）绿化工程 is one member).
_MEMBER_BREAK = re.compile(r"、(?![^（()）]*[）)])")
_PHASE = re.compile(r"[一二三四五六七八九十\d]+期")
_CLOSER = re.compile(r"等(?:[\d一二两三四五六七八九十]+[个项])?(?:重点|民生|民心|重大|续建|新开工|在建)?(?:项目|工程)(?:建设)?")
_CONJUNCTION = re.compile(r"[和及与]")
_WORKS_CATEGORY = re.compile(WORKS_CATEGORY)
_BUILDING_BUILT = re.compile(r"(?:(?<=中心)|(?<=[\u4e00-\u9fff]{2}[馆站楼院]))建设$")
_BUILD_AT_END = re.compile(r"(?<=[\u4e00-\u9fff]{3})建设$")
_NOT_A_MEMBER = re.compile(r"[的是]|工作$")


_TOWN_BEFORE_COUNT = re.compile(r"^[\u4e00-\u9fff]{2,6}?(?:街道|镇|乡)(?=\d)")


def works_list(body: str) -> list[str]:
    """The members of a list of works closed by its count and category, each a promise.

    >>> works_list("十大民生工程项目包括天子岭油茶主题公园旅游大道、大安乡社会足球场和青山村饮水工程等3个项目")
    ['天子岭油茶主题公园旅游大道', '大安乡社会足球场', '青山村饮水工程']
    >>> works_list("持续推进石门大桥等项目建设")
    ['石门大桥']
    >>> works_list("引进文化旅游、健康养老等项目")
    []
    """
    if parts_of := _PARTS_OF_LIST.search(body):
        # 对兆丰学校、兆丰幼儿园、崇实初中的食堂进行电灶改造: each member's part is a promise
        return [m + parts_of.group("part") for m in parts_of.group("list").split("、")]
    if counted := _COUNTED_LIST.search(body):
        # 项目涉及石山村、王窑村等9个村: the places a project reaches are where its works are,
        # told beside them, not works of their own.
        if _SITES.search(body[: counted.start("list")] + counted.group("list").split("、")[0]):
            return []
        # 加快推进建国里、新风里、友爱里三个社区改造: the kind and its works are each member's
        # (a member already named by its kind, 石山村 among 等3个村, keeps its name)
        places = counted.group("list").split("、")
        places[0] = clean_phrase(places[0])
        kind = counted.group("kind")
        return [m + ("" if m.endswith(kind) else kind) + (counted.group("works") or "") for m in places]
    # (a count inside a member, 城西街道22个老旧小区改造项目、B等4个重点民生实事项目, is not the list's
    # closer: 等 closes it)
    closers = list(_LIST_CLOSER.finditer(body))
    closer = next((c for c in closers if c.group().startswith("等")), closers[0] if closers else None)
    if closer is None and (bare := _bare_projects(body)):
        return bare
    if closer is None and (named := _HEAD_THEN_LIST.match(body)):
        return colon_list(named.group("head"), named.group("list"))  # 新开工项目有A、B、C等8个
    if closer is None:
        # 分别为：A项目、B工程: after a colon, a clause that is a list of works' names and
        # nothing else lists them.
        names = body.split("、")
        # (a thing built may stand among the works' names, 青山大道拓宽工程、城南污水管网工程、白鹤村
        # 安置小区; places before one works' name, 兴联路、新乐路路灯新建工程, are that one works)
        if (
            len(names) >= 2
            and sum(n.endswith(("项目", "工程")) for n in names) >= min(2, len(names))
            and all(_is_member(n) or _KIND_MEMBER.match(n) for n in names)
        ):
            if not (ITEM_VERB.match(names[0]) or PROMISE_VERBS.match(names[0]) or _LIST_OPENER.search(names[0])):
                return [n for n in names if not _KIND_MEMBER.match(n)]
        return []
    if closer.start() == 0:
        return []
    # (A、B共4个项目: the total said with 共 closes the list as 等 does)
    before = _TOTAL_AT_END.sub("", _CLAUSE_BREAK.split(body[: closer.start()])[-1])
    parts = _MEMBER_BREAK.split(before)
    if any(ITEM_VERB.match(part) or _PHASE.match(part) for part in parts[1:]):
        return []  # 完成A、启动B、规划建设C等6项重点工程: items with verbs of their own, or phases of one works
    if len(parts) == 1 and not _CLOSER.fullmatch(closer.group()):
        return []  # 古建廊亭修缮及栈桥等养护工程: one works so named, not a list of one
    first = parts[0]
    if _PIPELINE.search(first) or _FUNDS_SOUGHT.search(body):
        return []
    # the list starts after the last opener that leaves a name of its own (实施…建设工程: not after 建设;
    # a one-character opener, 对文化站, is no word of a name, and leaves a short one: 文化站)
    starts = [m.end() for m in _LIST_OPENER.finditer(first) if len(first) - m.end() >= (2 if len(m.group()) == 1 else 4)]
    parts[0] = first[max(starts) :] if starts else first
    members: list[str] = []
    for part in parts:
        # A member joined by 和/及 to the last is one more, when both sides are things
        # (足球场和…项目), not one works of two actions (道路大修及扩面延伸工程).
        halves = _CONJUNCTION.split(part, maxsplit=1)
        if len(halves) == 2 and all(len(h) >= 4 and _is_member(h) and not WORKS_WORD.search(h) for h in halves):
            members += halves
        else:
            members.append(part)
    # (a member keeps its own 建设: 大圈片高标准农田建设, 鄢中安村路灯亮化建设 are works so named)
    # (the town before a counted member, 城西街道22个老旧小区改造项目, is who does the works)
    members = [_TOWN_BEFORE_COUNT.sub("", clean_phrase(m.strip())) for m in members]
    # (a building's 建设 is its building: 政法综治中心建设 promises the centre)
    members = [_BUILDING_BUILT.sub("", m) for m in members]
    # A list closed by the year's category of works (等4个民生实事项目, 等10项民生工程) lists works
    # voted or promised, whatever their names end in (广福社区幸福屋场, 团结村新建农田灌溉电排).
    voted = _WORKS_CATEGORY.search(closer.group()) is not None
    projects = _names_projects(body, closer)
    if not members or not all(
        _is_member(_BUILD_AT_END.sub("", m))
        or _KIND_MEMBER.match(m)
        or (voted and len(m) >= 4 and not _NOT_A_MEMBER.search(m))
        or (projects and _project_name(m))
        for m in members
    ):
        return []
    # (a news page's copy may name one works twice: it is one promise)
    return list(dict.fromkeys(m for m in members if not _KIND_MEMBER.match(m)))


# A list of projects closed by their count (等8个项目, 等5个重点项目) or promised a stage of works
# (…等重大项目开工建设, 等项目竣工投产) names the year's projects, whatever their names end in: a
# firm's plant, line or phase is named by the firm and its product (金鑫纺织二期, 宏达电子元器件
# 生产线, 年产5万吨生物质颗粒, 绿源食品深加工), as a town's news of its 新开工/续建 projects lists
# them. Not a list of sectors (等产业项目, 文化旅游、健康养老等项目: short common nouns), nor one of
# projects sought from investors (引进, 招引, 洽谈, 签约: firms to come, not works promised).
_PROJECT_COUNT = re.compile(r"^(?:等|共|合计|总计)?(?:[\d一二两三四五六七八九十百]+|多)[个项]")
_WORKS_STAGE = re.compile(r"开工|动工|开建|竣工|完工|建成|投产|投用|投入使用|运营|开业|通车|达产|复工|续建|建设")
_INVESTORS = re.compile(r"引进|招引|招商|洽谈|对接|签约|考察|储备|谋划|申报")
_SECTOR = re.compile(r"(?:产业|行业|领域|业态|经济|产业链|产业集群|板块|方向|类)$")


_SECTOR_WORD = re.compile(r"产业|行业|领域|类")


def _names_projects(body: str, closer: re.Match) -> bool:
    category = closer.group()
    return (
        category.rstrip("建设计划").endswith("项目")
        and not _SECTOR_WORD.search(category)
        and not _INVESTORS.search(body)
        and bool(_PROJECT_COUNT.match(category) or _WORKS_STAGE.search(body))
    )


_NOT_A_NAMED_MEMBER = re.compile(r"[的是，；]|工作$")


def _project_name(member: str) -> bool:
    """Whether a member of a list of the year's projects is long enough to be one project's name."""
    return len(member) >= 5 and not _NOT_A_NAMED_MEMBER.search(member) and not _SECTOR.search(member)


# A list of projects whose last member names the kind (争取年产10万吨再生铝、新能源电池材料项目落地
# 开工; 推动白鹤村民宿集群、青山茶厂改造提升项目投入运营), promised a stage of works: the members
# before it are projects too, named by firm, product or place with no kind of works of their own.
_BARE_LIST = re.compile(r"^(?P<list>[^，；：:。“”]+?、[^，；：:。“”]+?(?:项目|工程))(?P<rest>[^、，；：:。]{0,12})$")


# A list opened by a stage of works (开工建设A、B、C) or given as the subject of one (确保A、B、C年内竣工
# 投产): its members are the projects, whatever their names end in.
_STAGED_LIST = re.compile(
    r"^(?:全面|加快|全力)?(?:力争|确保|争取|计划)?(?:新开工|开工建设|续建|建成)(?P<list>[^，；：:。“”]{3,24}?(?:、[^，；：:。“”]{3,24}?)+)$"
    r"|^(?:全力|全面)?(?:力争|确保|争取|推动|促进|推进|实现)?(?P<subjects>[^，；。“”（）()]{3,24}?(?:、[^，；。“”（）()]{3,24}?)+)"
    # (完成A、B建设并投入使用: the works and the 并 before the stage are no part of the last name)
    r"(?:建设)?并?(?:年内|年底前?|今年|\d{1,2}月(?:底|份)?(?:前)?|[一二三四]季度|上半年|下半年)?(?:全面|如期|按期|顺利|基本|全部)?"
    r"(?:开工|动工|竣工|完工|建成|投用|投入使用|投入运营|通车|开业|交付|投产)"
)


# Words no project's name holds: effort, time and listing (力争年底前, 等尽快, 已批项目抓开工).
_NOT_NAME = re.compile(r"力争|确保|争取|尽快|等|抓|年底|年内|月底|[待已]批|前期|·")


def _bare_projects(body: str) -> list[str]:
    if (staged := _STAGED_LIST.match(body)) and not _INVESTORS.search(body):
        members = [clean_phrase(p.strip()) for p in (staged.group("list") or staged.group("subjects")).split("、")]
        if (
            not any(ITEM_VERB.match(p) or PROMISE_VERBS.match(p) or highest_stage(p) or _NOT_NAME.search(p) for p in members)
            # (only when a member has no known kind: such lists are read member by member, named)
            and not all(any(h.end() == len(p) for h in head_regex().finditer(p)) for p in members)
            and all(_is_member(p) or _project_name(p) for p in members)
        ):
            return [p for p in members if not _KIND_MEMBER.match(p)]
    m = _BARE_LIST.match(body)
    if not m or not _WORKS_STAGE.search(body) or _INVESTORS.search(body) or _PIPELINE.search(body) or _FUNDS_SOUGHT.search(body):
        return []
    parts = m.group("list").split("、")
    starts = [o.end() for o in _LIST_OPENER.finditer(parts[0]) if len(parts[0]) - o.end() >= 4]
    parts[0] = parts[0][max(starts) :] if starts else parts[0]
    members = [clean_phrase(p.strip()) for p in parts]
    # (全年新开工、新竣工重大项目分别不少于5个: stages counted, no projects named)
    if any(ITEM_VERB.match(p) or PROMISE_VERBS.match(p) or highest_stage(p) for p in members) or not _is_member(members[-1]):
        return []
    # (only when a member has no kind of its own: lists of known kinds are read member by member)
    if all(_is_member(p) for p in members) or not all(_is_member(p) or _project_name(p) for p in members):
        return []
    return [p for p in members if not _KIND_MEMBER.match(p)]


# A count of the year's projects by their stage, then a colon and their names (新开工项目8个：A、B、
# C; 续建项目12个，分别为：…; 计划竣工项目：…), as a town's news of its key projects lists them: each
# name is a project promised, with the stage its category says, whatever the name ends in.
_PROJECTS_BY_STAGE = re.compile(
    r"(?:新开工|开工|计划开工|续建|新建|竣工|计划竣工|投产|建成|重点|重大|在建)(?:建设)?[\u4e00-\u9fff]{0,6}?项目"
    r"(?:[\d一二两三四五六七八九十]+[个项])?(?:[，,]?(?:分别为|分别是|包括|主要有|具体为|具体是|有|为))?$"
)


_HEAD_THEN_LIST = re.compile(
    r"^(?P<head>[^，；：:]*?项目(?:[\d一二两三四五六七八九十]+[个项])?)(?:有|包括|分别是|分别为|主要有|为|是)(?P<list>[^，；：:]+、[^，；：:]+)$"
)


_NAMES_INTRO = re.compile(r"^(?:分别是|分别为|包括|主要有|具体为|具体是|即)")
_COUNT_CLOSER_AT_END = re.compile(r"等(?:[\d一二两三四五六七八九十]+[个项])?(?:项目)?$")


def colon_list(head: str, body: str) -> list[str]:
    """The projects named after a colon that follows a category of projects by their stage.

    >>> colon_list("其中新开工项目8个", "金鑫纺织二期、宏达电子元器件生产线、青山农旅综合体")
    ['金鑫纺织二期', '宏达电子元器件生产线', '青山农旅综合体']
    >>> colon_list("重点工作", "金鑫纺织二期、宏达电子元器件生产线")
    []
    """
    if not _PROJECTS_BY_STAGE.search(head) or _INVESTORS.search(head):
        return []
    body = _NAMES_INTRO.sub("", body)  # 新开工项目8个，分别是A、B
    names = [n.strip() for n in _COUNT_CLOSER_AT_END.sub("", body).split("、")]
    if len(names) < 2 or any(ITEM_VERB.match(n) or PROMISE_VERBS.match(n) for n in names):
        return []
    names = [clean_phrase(n) for n in names]
    if not all(_project_name(n) or _is_member(n) for n in names):
        return []
    return [n for n in names if not _KIND_MEMBER.match(n)]


# 村内道路硬化工程: a kind of works everywhere, with no place or count of its own, is listed
# beside named works but promises none of them.
# (so do works of a kind of place found everywhere, 农村道路提档升级项目, 新型社区改善项目)
_KIND_MEMBER = re.compile(r"^(?:村内|镇内|屯内|辖区|全镇|全乡|各村|农村|城乡|镇村|新型)")


_WORKS_AT_END = re.compile(
    r"(?:升级改造|改扩建|提档升级|改造提升|提升改造|提质改造|改造|扩建|大修|修缮|整治|综合治理|治理|新建|提升)$"
)
_PLACE_CHARACTER = re.compile(r"[路街河湖江溪渠村桥镇港]")


def names_a_thing(member: str) -> bool:
    """Whether a list member names a thing built or a place's works (大安乡社会足球场, 锦溪河水环境
    综合治理), not a theme or a sector (教育, 文化旅游)."""
    return _is_member(member)


def _is_member(member: str) -> bool:
    core = VAGUE_MODIFIERS.sub("", member)
    if len(member) < 3 or core in GENERIC_HEADS or core in ("项目", "工程") or _NOT_A_MEMBER.search(member):
        return False
    if works := _WORKS_AT_END.search(member):
        # 存量升级改造, “零增地”改扩建: a kind of works names a thing or a place before its
        # works (锦溪河水环境综合治理), or none
        before = member[: works.start()].strip("“”")
        # (a technical word may stand between the thing and its works, 城南污水处理厂提标改造,
        # 青山小学校舍维修: the thing is named before it)
        return len(before) >= 3 and (
            _is_member(before) or bool(_PLACE_CHARACTER.search(before)) or (len(before) >= 5 and _is_member(before[:-2]))
        )
    return bool(
        THING_END.search(member)
        or _MEMBER_THING.search(member)
        or any(m.end() == len(member) for m in head_regex().finditer(member))
    )


# A table of the year's works flattened into lines, with a column of the year's targets before
# a column of how far each got (序号 实事工程项目 年度目标 目前进度…, 序号 项目名称 建设内容
# 进展情况): a progress account, part-way through the year or at its end, that restates the
# year's promises row by row. (The loader joins the cells: the head is one run of column names.)
TARGET_TABLE_HEAD = re.compile(
    r"(?:序号|项目名称|工程名称)[\u4e00-\u9fff]{0,12}?(?:年度目标|目标任务|年度任务|年度计划|建设内容|建设规模|工作目标|计划目标|主要内容|实施内容|建设任务)"
    r"[\u4e00-\u9fff（）()\d\-—~至]{0,30}?"
    # (how far each got, by a day or a quarter: 目前进度, 一季度进展, 1-6月完成情况)
    r"(?:进度|进展|完成情况|推进情况|实施情况|执行情况|落实情况)"
)
# What a cell of how far the works got says (已全部完成, 目前…, 正在…, 准备启动招标): a report of
# progress, not the target the row restates.
PROGRESS_CELL = re.compile(r"已|目前|正在|准备|截至|截止|进行中|现阶段|尚未|未能|暂未|进展|进度|待")
# Where a row of such a table opens: its number and the works' name (…牵头部门1劣Ⅴ类河道消除治理
# 项目通过…, //王忠乐余水利站2乐江地块安置房建设项目在…): what follows the name is its target cell,
# what precedes it the last row's closing cells (who answers for it).
TABLE_ROW_NAME = re.compile(r"(?<!\d)\d{1,2}(?P<name>[\u4e00-\u9fff“”ⅠⅡⅢⅣⅤ]{2,30}?(?:项目|工程))(?=[\u4e00-\u9fff“])")
# The head of a table of works flattened into one sentence (序号 项目名称 建设内容及规模 总投资
# 年度目标 1 青山大道改造工程 白改黑3.2公里 1200 12月底前完工 2 …, the loader joining lines that
# end in no stop): each row is the promise of the works it names, its cells their stage,
# deadline and size.
WORKS_TABLE_HEAD = re.compile(r"序号(?:项目名称|工程名称|项目|实事项目|实事工程项目|工程项目|建设项目|民生实事项目)")


def table_rows(text: str) -> list[tuple[int, int, str]]:
    """The rows of a table of works flattened into a sentence, after its head: (start, end,
    works' name) each, numbered 1, 2, 3… in order; none unless two rows or more follow.

    >>> table_rows("序号项目名称建设内容年度目标1青山大道改造工程白改黑3.2公里年底前完工2城南污水处理厂建设项目新建污水处理厂10月底前建成")
    [(15, 36, '青山大道改造工程'), (37, 62, '城南污水处理厂建设项目')]
    """
    head = WORKS_TABLE_HEAD.search(text)
    if not head:
        return []
    found: list[re.Match] = []
    for m in TABLE_ROW_NAME.finditer(text, head.end()):
        if int(m.group()[: m.start("name") - m.start()]) == len(found) + 1:
            found.append(m)
    if len(found) < 2:
        return []
    ends = [m.start() for m in found[1:]] + [len(text.rstrip("。"))]
    return [(m.start("name"), end, m.group("name")) for m, end in zip(found, ends)]


# An item of a numbered list of works that opens with the works' name and a colon (1.青山大道改造
# 工程：对青山大道进行白改黑改造，全长3.2公里，年底前完工。): the name is the promise and what follows
# the colon its contents, size and stage, as the lines between two rows of a list of projects.
NUMBERED_WORKS = re.compile(
    r"^\s*(?:\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*(?P<name>[^，；。：:、“”]{4,30}?(?:项目|工程))[：:]"
)


_SENTENCE_BREAK = re.compile(r"[，；。]")


def numbered_works(text: str) -> tuple[int, str] | None:
    """Where the works' name of such an item starts, and the name; None when the item names a
    programme, a category or a list of works rather than one works (1.道路提升工程：改造A路、B路等3条道路).

    >>> numbered_works("1.青山大道改造工程：对青山大道进行白改黑改造，年底前完工。")
    (2, '青山大道改造工程')
    >>> numbered_works("2.重点工程：推进A路、B路等3个项目建设。")
    """
    m = NUMBERED_WORKS.match(text)
    if not m:
        return None
    name = m.group("name")
    if ITEM_VERB.match(name) or PROMISE_VERBS.match(name) or PLAN_CATEGORY.match(name) or not _is_member(name):
        return None
    if any(works_list(part) for part in _SENTENCE_BREAK.split(text[m.end() :])):
        return None
    return m.start("name"), name


# A works named alone after an enumerating numeral (四、集中供热扩建工程), its contents, size and
# place told in the lines below it: a list of the year's works (十件民生实事) item by item, each
# item promised by its name as a row of a list of projects is. Not when the lines below are a
# numbered list of their own (二、城区道路改造提升工程 then 1、改造A路…: a theme over its items).
_WORKS_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+[、.．]\s*(?P<name>[^，；。：:、“”]{4,30}?(?:项目|工程))。?\s*$")


_NUMBERED_SUBHEADING = re.compile(r"\s*[（(][\d一二三四五六七八九十]+[）)]")
_YEAR_PREFIX = re.compile(r"^\d{4}年度?")


def works_heading(text: str, next_text: str) -> tuple[int, str, bool] | None:
    """Where the works' name of such a heading starts, the name, and whether it is promised
    (a kind of works found everywhere, 2025年农村饮水维修养护工程, heads its contents but is none).

    >>> works_heading("四、集中供热扩建工程", "铺设将军大道供热主管网，全长约4.3公里。")
    (2, '集中供热扩建工程', True)
    >>> works_heading("二、城区道路改造提升工程", "1、改造青山路。")
    """
    m = _WORKS_HEADING.match(text)
    if not m or ARABIC_ITEM.match(next_text.strip()) or _NUMBERED_SUBHEADING.match(next_text):
        return None
    name = m.group("name")
    if ITEM_VERB.match(name) or PROMISE_VERBS.match(name) or PLAN_CATEGORY.match(name):
        return None
    core = _YEAR_PREFIX.sub("", name)
    if _KIND_MEMBER.match(core):
        return m.start("name"), name, False
    return (m.start("name"), name, True) if _is_member(core) else None


_HAN = re.compile(r"[\u4e00-\u9fff]")


def target_cells(text: str) -> list[tuple[int, int]]:
    """The target cells of the rows of a progress table a sentence holds (see TARGET_TABLE_HEAD):
    from after each row's name (or the head, or the sentence's start) to where its progress is
    told (已…, 目前…) or the next row opens; a cell of fewer than four characters is none.

    >>> t = "序号项目名称建设内容一季度进展1青山小学食堂改造项目新建食堂一座，8月底前投用已完成招标2白鹤村道路硬化工程硬化道路3公里目前正在施工"
    >>> [t[a:b] for a, b in target_cells(t)]
    ['新建食堂一座，8月底前投用', '硬化道路3公里']
    """
    head = TARGET_TABLE_HEAD.search(text)
    names = list(TABLE_ROW_NAME.finditer(text, head.end() if head else 0))
    starts = [m.end() for m in names] or [head.end() if head else 0]
    limits = [m.start() for m in names[1:]] + [len(text)]
    cells = []
    for a, b in zip(starts, limits):
        progress = PROGRESS_CELL.search(text, a, b)
        end = progress.start() if progress else b
        if len(_HAN.findall(text[a:end])) >= 4:
            cells.append((a, end))
    return cells


# A progress account of the year's works, by its title or heading (2025年民生实事项目进展情况,
# 2022年12月份…民生实事项目推进情况): its items, each a works named alone or a line marked by a
# check box or a bullet (☑东蕾苑二期新建工程, ☑建成投用巴士邻居服务点2处), restate the year's
# promises; what is told under each is progress.
YEARS_WORKS_ACCOUNT = re.compile(
    rf"(?P<year>\d{{4}})年度?[^，。；]{{0,16}}?(?:{WORKS_CATEGORY}|重点项目|重点工程|实事工程|实事)[^，。；]{{0,8}}?(?:进展|推进|实施|落实|执行)情况"
)
ITEM_MARK = re.compile(r"^\s*[☑☐□■●◆★▲►▶√✓✔]\s*")


# Two works joined by 和/以及 in one promise (启动牛羊肉市场二期工程和静宁农贸市场规范化建设; 推进A电熔镁厂的
# 拍卖和重建提升项目以及B钢铁厂盘活项目; 敦促A市场建成和B市场增容): each a promise of its own, with
# its own predicate, as a town's plan names its few works in one breath. Each side names a thing
# before its works (a market, a plant: three characters or more), the first may end with its
# stage; 以及 joins larger items than 和 does, so a 以及 splits first.
_JOINED_WORKS_END = r"(?:项目|工程|增容|扩容|盘活|规范化建设|扩建|迁建)"
_JOINED_STAGE = re.compile(r"(?:建成|竣工|完工|投用|开工)$")
_JOINED_SIDE = re.compile(rf"^[^，；。、：:“”]{{3,30}}?{_JOINED_WORKS_END}$")
_JOINERS = (re.compile(r"以及"), re.compile(r"[和及与]"))
_ADVERB = re.compile(r"^(?:积极|切实|全力|大力|加快|全面|着力|努力|认真)+")
_JOINED_LEAD = re.compile(r"^[^，；。、]{0,6}?(?:启动|推进|推动|实施|做好|抓好|力促|敦促|督促|完成|加快|确保|力争)")


def joined_works(body: str) -> list[tuple[str, str]]:
    """The two works of such a clause, each with the text that gives its stage.

    >>> joined_works("启动牛羊肉市场二期工程和静宁农贸市场规范化建设")
    [('牛羊肉市场二期工程', '启动牛羊肉市场二期工程'), ('静宁农贸市场规范化建设', '启动静宁农贸市场规范化建设')]
    >>> joined_works("敦促静宁农贸市场建成和牛羊肉市场增容")
    [('静宁农贸市场', '敦促静宁农贸市场建成'), ('牛羊肉市场增容', '敦促牛羊肉市场增容')]
    >>> joined_works("加强管理和服务提升")
    []
    """
    for joiner in _JOINERS:
        cuts = list(joiner.finditer(body))
        if len(cuts) != 1:
            continue
        first, second = body[: cuts[0].start()], body[cuts[0].end() :]
        lead = ""
        verb = _JOINED_LEAD.match(first)
        if verb:
            lead, first = verb.group(), first[verb.end() :]
        stage = _JOINED_STAGE.search(first)
        name = first[: stage.start()] if stage else first
        name = clean_phrase(_ADVERB.sub("", name))
        if (
            (stage or _JOINED_SIDE.match(name))
            and len(name) >= 4
            and _JOINED_SIDE.match(second)
            and not ITEM_VERB.match(second)
            and not PROMISE_VERBS.match(second)
        ):
            return [(name, lead + first), (second, lead + second)]
    return []
