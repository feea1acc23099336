"""What a plan clause promises when its mentions do not say it: the named objects that are
no promise (a slogan, a setting, a kind of facility everywhere, a firm only served), and the
unnamed ones a clause gives by its form: a title to win (争创…模范镇), a plan to compile
(编制…规划), a quantified physical target (新建杆灯780盏, 创建1条“美丽河道”), a facility
named by what it does (建设综合监控指挥中心), works first and their stage after
(…书院开工建设), works by their kind (完成…征收补偿), a study (…评估、设计). Visions,
campaigns and the building of teams or systems promise no works."""

from __future__ import annotations

import re

import networkx as nx

from kg.extraction.mentions import suffix_types
from kg.extraction.mentions.lexicon import spans_of
from kg.extraction.milestones import highest_stage
from kg.extraction.objects import (
    CONTAINER_TYPES,
    FUNDED_CATEGORY,
    GENERIC_HEADS,
    SECTION,
    THING_END,
    VAGUE_MODIFIERS,
    Target,
    clean_phrase,
    head_regex,
)
from kg.extraction.verbs import ACTION, WORKS_WORD

# A vision of the town (打造水清河畅、岸绿水美的美丽罗店) promises no works. Campaigns (专项行动, 三年行动, 专项治理), the "building" of teams, capacity, standards
# and systems (队伍建设, 标准化建设) and of brands (打造…品牌) are how a government works,
# not works it promises. (A project so named, 农村生活垃圾收转运体系建设项目 voted among the year's
# 民生实事, is funded works: the 项目 or 工程 after it names works, not a way of working.)
NOT_WORKS = re.compile(
    r"^(?:全力|努力|着力|倾力|奋力)?(?:打造|建设|建成)[^，；。]{2,30}?的(?:美丽|幸福|和谐|宜居|魅力|活力|现代化|富裕|文明|生态|新)[\u4e00-\u9fff]{0,6}$|贡献[^，；。]{0,8}力量|多作[^，；。]{0,8}贡献|(?:加强|加大)[^，；。]{0,30}力度$|专项(?:治理|整治)?行动|(?:三年|攻坚|百日|整治)行动|(?:队伍|能力|作风|制度|体系|机制|标准化|规范化|阵地|班子|党风廉政)建设(?!项目|工程)"
    r"|品牌(?:影响力|建设)?$"
    # Keeping order on a road (抓好冶金西路摊贩的整顿, 占道经营整治) and widening what an
    # institution does (拓展…服务中心职能) are management and services, not works.
    r"|摊贩|占道|违章停车|职能$"
)


# Joining two lines of work (将创建工作与项目谋划、建设紧密结合, 将人才招引与项目招引相结合,
# 将“接诉即办”与基层治理有机结合: dev d169, d157 and sample 004) is a method, no works, however
# the clause's parts read as a list of works.
JOINING_WORK = re.compile(r"^将[^，；。]{2,30}?与[^，；。]{2,30}?(?:紧密|有机|深度|相)?结合$")


# A title a town is to win or keep: 爱国拥军模范镇创建, 国家卫生镇复审, 文明村.
TITLE = re.compile(
    r"(?:(?<!力)争创|创建|创成|新创|迎接|巩固|做好|通过|开展|完成)[^，；。]{0,6}?(?P<title>[\u4e00-\u9fff（）“”]{2,18}?"
    r"(?:模范镇|卫生镇|文明镇|示范镇|生态镇|园林镇|卫生村|文明村镇|文明乡镇|文明村|示范村|示范点|示范区|示范街道|示范基地|"
    r"美丽乡村|美丽家园|示范乡镇|[345]A级(?:以上)?(?:旅游)?景区|农村公路(?!示范)|文明城区|卫生城区|文明单位|强镇|名镇|特色小镇))"
    r"(?:创建|复审|复评|称号|迎检|工作)?"
    r"|(?P<title2>[\u4e00-\u9fff“”]{2,18}?(?:示范村|示范点|美丽乡村|[345]A级(?:旅游)?景区|特色小镇))创建"
    # Whatever its ending, a designation to win is named by the level that awards it
    # (创成省级森林城镇, 争创国家级生态乡镇): the clause ends with it.
    r"|^(?:积极|全力|努力|力争|成功)?(?:争创|创成|创建|申报创建|争取创建)(?P<title3>(?:国家级|省级|市级|全国|国家|全省|全市)[\u4e00-\u9fff“”]{2,14})$"
)


# A plan or study the government is to compile (编制村庄规划, 制定全年产业发展规划, 开展…评估)
# is a promise whose stage is 规划.
# (加强…规划编制工作 urges the work, as the soft verbs do: no plan promised; the verbs before a
# plan's name, 完善制定村庄规划, are no part of it)
PLAN_URGED = re.compile(r"^(?:进一步)?(?:加强|强化|深化|重视)")
PLAN_VERBS = re.compile(r"^(?:进一步)?(?:加强|强化|完善|制定|编制|修编|做好|抓好)+")
PLAN_DOC = re.compile(
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


_NUMBERED_FORMULA = re.compile(r"^“?[一二三四五六七八九十两]+(?:大|个|项|类|张|化)")
_PHASE_OF_NOTHING = re.compile(r"^[一二三四五六七八九十\d]+期(?:建设|新建)?(?:项目|工程)$")
_QUOTED_PAIR = re.compile(r"(“[^“”]+”)((?:\s*[和及与、]\s*“[^“”]+”)+)")
_QUOTED = re.compile(r"“[^“”]+”")
_DIGIT = re.compile(r"\d")
_DIGIT_OR_QUOTE = re.compile(r"[\d“]")


def promised_objects(
    graph: nx.MultiDiGraph, objects: list[Target], generic: list[tuple[str, str]], body: str
) -> tuple[list[Target], list[tuple[str, str]]]:
    """The named and the unnamed objects a plan clause promises: without slogans and kinds
    of facility, and with the works on a place (康家村城中村改造建设商品房、动迁安置房)
    instead of the place."""
    kept = []
    settings = [m.span() for m in _SETTING.finditer(body)] + [m.span() for m in SECTION.finditer(body)]
    seen = set()
    for entity, surface, foot in objects:
        label = graph.nodes[entity]["label"]
        # (a name said again outside its setting, 北旺路（送站路以北）、送站路, is promised there)
        positions = [start for start, _ in spans_of(surface, body)] or [-1]
        if all(any(a <= position < b for a, b in settings) for position in positions) or surface in seen:
            continue  # the setting of a promise, a road section's ends, or a name said twice
        seen.add(surface)
        if _NUMBERED_FORMULA.match(surface) and label not in CONTAINER_TYPES:
            continue  # a numbered formula (“四大工程”, 三个一批), not a place so named (二张路)
        if _PHASE_OF_NOTHING.match(surface):
            continue  # 一、二期建设项目: the phases of the whole named before them, not a thing of their own
        if label == "Initiative" and not (
            _PROGRAMME.search(surface)
            or head_regex().search(surface.strip("“”")[-3:])
            or suffix_types().get(surface.strip("“”")[-1:]) in ("Road", "River", "Park")
        ):
            continue  # a slogan, a brand, a mechanism; a quoted “红军路” is still a road
        if label == "Initiative" and (pair := _QUOTED_PAIR.fullmatch(surface)):
            # “红军路”和“红军桥”: quoted names joined in one mention are one object each.
            names = [pair.group(1)] + _QUOTED.findall(pair.group(2))
            kept += [(entity, n, foot) for n in names if suffix_types().get(n.strip("“”")[-1:]) or head_regex().search(n[-3:])]
            continue
        if label == "Project" and (VAGUE_MODIFIERS.sub("", surface) in ("项目", "工程") or FUNDED_CATEGORY.search(surface)):
            continue  # 民生实事重点项目, 重点工程, 乡村振兴项目: the plan's category of works, not one of them
        if label == "Company" and not _FIRM_PROMISE.search(body):
            continue  # 引导辖区企业开展促销活动: a service to firms, no promise about one
        if label in ("Facility", "Initiative") and _KIND_OF_PLACE.match(surface.strip("“”")) and not _DIGIT.search(surface):
            continue
        kept.append((entity, surface, foot))
    # Unnamed things in a setting are its places too (在…三号桥闸引道新建口袋公园), when the
    # promise names a thing outside it.
    outside = [
        (p, h)
        for p, h in generic
        if not all(any(a <= at < b for a, b in settings) for at in [start for start, _ in spans_of(p, body)] or [-1])
    ]
    if outside:
        generic = outside
    # …but works named as one programme (村居小型污水处理设施工程) are a promise, whatever their modifier.
    generic = [(p, h) for p, h in generic if not _KIND_OF_PLACE.match(p) or (p.endswith(("工程", "项目")) and len(p) >= 8)]
    if _KINDS_LISTED.search(body):
        # 推进社区长者食堂、长者照护之家、社区助餐点等为老服务设施扩面提质: kinds of facility, not
        # named ones.
        kept = [
            (e, s, f)
            for e, s, f in kept
            if graph.nodes[e]["label"] not in ("Facility", "Initiative") or _DIGIT_OR_QUOTE.search(s)
        ]
        generic = [(p, h) for p, h in generic if _DIGIT.search(p)]
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


# A list of titles to win after one verb (争创花生产业特色示范园、省级西兰花绿色基地、特色草莓园).
TITLE_LIST = re.compile(
    r"^(?:积极|全力|努力|力争)?(?:争创|创建|申报创建|争取创建)(?P<list>[\u4e00-\u9fff“”]{3,20}(?:、[\u4e00-\u9fff“”]{3,20})+)$"
)


# A quantified physical target: a verb of works, the thing, its amount (完成户改厕1500户,
# 新建杆灯780盏, 硬化里巷15万平方米, 新改善农民住房250户以上).
# (The verbs that open such a target include the works done to the counted things:
# 改造提升村级卫生室5个, 打通断头路3条, 实施农房改造提升200户; the thing may carry a
# technical prefix, 5G基站.)
# (Rivers and water bodies cleaned up are counted by what is eliminated, 消除劣Ⅴ类河道20条,
# 消除黑臭水体3处, with the water class in Roman numerals; where they are may follow in brackets.)
# (what the town will do, 年内将新增或维修桥梁16座以上: 将 and 或 between the verbs; a building
# given its floor area first, 新建1000平方米病房楼1幢, is counted by its blocks)
COUNTED_WORKS = re.compile(
    r"^(?:全年|年内|今年)?将?(?:完成|新建|建设|建成|建|硬化|改造提升|提升改造|改造|提升|新增|安装|铺设|修建|改建|新改建|新改善|改善|维修|栽植|实施|打通|清淤|疏浚|消除|投用|投入使用){1,2}(?:[、或](?:新建|改造|改建|维修))*"
    r"(?P<thing>(?:\d?[A-Za-z]{1,2}|\d+(?:\.\d+)?万?平方米(?=[\u4e00-\u9fff]{2,8}?\d+[栋幢座]))?[\u4e00-\u9fffⅠⅡⅢⅣⅤ]{2,14}?)(?P<count>\d+(?:\.\d+)?万?(?:平方米|公里|千米|米|户|个|座|盏|处|条|所|台|套|亩|公顷|间|栋|幢|口|眼))(?:以上|左右)?"
    r"(?:[（(][^（）()]*[）)])?$"
)


# A counted number of things the works are done to, the works after them (完成一、二、三支路背街100组
# 治安摄像头加装, 完成2025年度13台使用超过15年的居民楼电梯更新改造): that many things, fitted or
# renewed by the deadline.
COUNTED_DONE = re.compile(
    # (not places counted by 等 and the works of each, 完成A、B等5个村庄的…建设工作)
    r"^(?:全年|年内|今年)?完成(?P<site>[^，；。\d等]{0,12}?|\d{4}年度?)"
    r"(?P<thing>\d+(?:组|台|部|套|盏|个|处|座)[^，；。]{2,16}?)"
    r"(?P<works>加装|安装|更新改造|改造|更新|维修|建设)(?:工作|任务)?$"
)


# A list of counted things after one verb (建设“青山书房”2个、口袋公园3个; 新建公厕5座、停车场2个): each
# member is a promise of that many, as COUNTED_WORKS is for one.
_COUNTED_MEMBER = (
    r"(?:“[^“”，；。、]{2,12}”|[\u4e00-\u9fff]{2,12}?)\d+(?:\.\d+)?万?"
    r"(?:平方米|公里|千米|米|户|个|座|盏|处|条|所|台|套|亩|公顷|间|栋|幢|口|眼)(?:以上|左右)?"
)
# (or the count first, joined by 、 or 和: 计划新建1家购物中心和3个便民停车场)
_COUNT_FIRST_MEMBER = r"(?:\d+|[一二两三四五六七八九十]+)(?:余|多)?(?:个|家|座|处|所|条|台|套|栋|幢)(?:“[^“”，；。、]{2,12}”|[\u4e00-\u9fff]{2,12}?)"
COUNTED_LIST = re.compile(
    r"^(?:全年|年内|今年)?(?:将|计划)?(?:新建|建设|建成|改造|新增|增设|安装|铺设|修建|改建|新改建|维修|打造|完成|硬化|实施)+"
    rf"(?:(?P<list>{_COUNTED_MEMBER}(?:、{_COUNTED_MEMBER})+)|(?P<first>{_COUNT_FIRST_MEMBER}(?:[、和及]{_COUNT_FIRST_MEMBER})+))$"
)


_COUNT_JOINER = re.compile(r"[、和及](?=\d|[一二两三四五六七八九十]+(?:余|多)?[个家座处所条台套栋幢])")


def counted_members(body: str) -> list[str]:
    """The members of such a list, each with its count.

    >>> counted_members("建设“青山书房”2个、口袋公园3个")
    ['“青山书房”2个', '口袋公园3个']
    >>> counted_members("计划新建1家购物中心和3个便民停车场")
    ['1家购物中心', '3个便民停车场']
    """
    m = COUNTED_LIST.match(body)
    if not m:
        return []
    return m.group("list").split("、") if m.group("list") else _COUNT_JOINER.split(m.group("first"))


# Works in a counted group of villages or communities, some named (完成薛何、沙垛、甸址等5个村庄的农村
# 生活垃圾分类收集建设工作; 实施A、B等3个社区的雨污分流改造): one promise, the group's works.
PLACES_COUNTED_WORKS = re.compile(
    r"^(?:全年|年内|今年)?(?:将|计划)?(?:完成|实施|推进|启动|新建|建设|建成|开展)[^，；。]{2,40}?等"
    r"(?P<group>(?:\d+|[两三四五六七八九十]+)个(?:行政村|村庄|村|社区|小区|片区|自然村))的?"
    r"(?P<works>[\u4e00-\u9fff]{2,20}?(?:建设|改造|整治|提升|修缮|硬化|亮化|绿化|治理))(?:工作|工程|项目)?$"
)


# An amount before the thing (创建1条“美丽河道”, 新建2座公厕): the promise of that many.
# (So is a range, 新增2-3个小微便民停车场, where the works stand, 在辖区内…, and a count closing
# examples of the kind, 打造A、B等10余个街头微景观, 新建水府庙等3个党员群众服务中心: the counted group is the one promise, as a
# year's list of works gives it, the examples only showing what the kind is.)
COUNTED_FIRST = re.compile(
    r"^(?:在[\u4e00-\u9fff]{2,8}?内)?(?:全年|年内|今年)?(?P<verb>创建|争创|打造|建成|新建|建设|新增|增设)"
    r"(?P<examples>(?:[^，；。：:]{2,40}?、)?[^，；。：:]{2,20}?等)?"
    r"(?P<count>(?:\d+(?:[-—~至]\d+)?|[一二两三四五六七八九十]+)(?:余|多)?(?:个|条|座|处|所|家|项|台|套|栋|幢))"
    r"(?P<thing>“[\u4e00-\u9fff]{2,12}”|[\u4e00-\u9fff]{2,10})$"
)


# A facility named by what it does (建设综合监控指挥中心): a 中心 with a modifier of its own.
UNNAMED_FACILITY = re.compile(
    # (打造, 建立, 设立 a facility of that kind, 打造残疾人社区康复站, 建立共享食堂, build one too;
    # 打造 a brand or a vision is left out by what it ends in; a 工作室, 名师工作室, is a
    # programme of people, not a room built)
    # (整修, 维修, 修缮 an existing one, 整修镇文化活动中心, are works on it too)
    r"^(?:全面|加快|力争|确保|年内|高标准)?(?:新建|建设|建成|筹建|启动建设|开工建设|完成|建成投用|打造|建立|设立|整修|维修|修缮)"
    r"(?P<thing>[\u4e00-\u9fff]{2,10}(?:中心|站|馆|(?<!工作)室|院|食堂))(?:建设)?(?:并?(?:投入使用|投入运营|投用|运营|对外开放|开放))?$"
)


# Words that make a subject a task or a figure, not a thing: 各项工作, 招商项目, 投资.
_NOT_A_THING = re.compile(r"工作|任务|目标|指标|资金|投资|政策|措施|制度|机制|体系|^(?:各|全部|所有|一批|重点|新)")


# The subject of a clause that gives the works first and their stage after them
# (程开甲少年书院开工建设, 青龙大桥年底前建成通车, 华亭中学新校区秋季投入使用).
_SUBJECT_STAGE = re.compile(
    # (全力保障…开工建设: the town serves works others build, promised as theirs)
    r"^(?:全力|全面)?(?:力争|确保|争取|推动|促进|推进|实现|计划|保障|服务保障|服务)?(?P<subject>[^，；。、“”（）()]{3,24}?)"
    r"(?:(?:计划|力争|争取|确保|预计|将)?(?:年内|年底前?|今年|\d{1,2}月(?:底|份|中旬|上旬|下旬)?(?:前|之前)?|"
    r"[一二三四]季度|上半年|下半年|秋季|春季|全年))?(?:全面|如期|按期|顺利|基本|正式|率先|全部)?"
    r"(?:开工|动工|竣工|完工|建成|投用|投入使用|投入运营|通车|开业|开园|交付|启用|投产|封顶"
    # (白鹤山庄二期完成主体施工; 青山风电场并网发电: a power plant is in use when it feeds the grid)
    r"|完成主体(?:施工|建设|工程)|主体完工|(?:全容量)?并网)(?!后|之后|以后)"
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


_WORKS_LIST = re.compile(rf"{_WORKS_ITEM}(?:、{_WORKS_ITEM})+")


def place_works(body: str, named: list[str]) -> tuple[str, list[str]] | None:
    """The place and the kinds of works of a clause that names a place once before a list of
    its works; a named place of the clause is taken as the place when it stands there."""
    m = _PLACE_WORKS_LIST.match(body)
    if not m:
        return None
    for surface in named:
        rest = body[m.start("place") + len(surface) :]
        if body.startswith(surface, m.start("place")) and _WORKS_LIST.fullmatch(rest):
            return surface, rest.split("、")
    return None if named else (m.group("place"), m.group("items").split("、"))


_YEARLY_OUTPUT = re.compile(r"年产\d")


def subject_of_stage(body: str) -> str | None:
    """The works a clause names as the subject of the stage it promises, when it names them
    by no known name or kind (程开甲少年书院开工建设 → 程开甲少年书院)."""
    m = _SUBJECT_STAGE.match(body)
    if not m:
        return None
    subject = clean_phrase(m.group("subject"))
    if len(subject) < 3 or ACTION.search(subject) or highest_stage(subject) or _NOT_A_THING.search(subject):
        return None
    if VAGUE_MODIFIERS.sub("", subject) in GENERIC_HEADS | {"工程"} or _KIND_OF_PLACE.match(subject):
        return None  # 在建项目年内建成投产, 省市重点项目如期开工: a kind of project, not one
    # (年产5万吨生物质颗粒上半年建成投产: a plant named by its yearly output)
    return subject if THING_END.search(subject) or _YEARLY_OUTPUT.match(subject) else None


# Works of an unnamed kind promised by their verb and their kind of works (完成东湖片区旧改征收补偿,
# 完成华亭卫生院迁建, 完成府前河滨河绿化带整治出新, 启动兴溱快捷通道建设): the thing is what the
# works are done to. (Works done to a thing by 对…进行, 对兴泰东大门进行综合打造, name it too.)
# (出新, renewing what is worn, is Jiangsu's word for it: 老旧小区整治出新, 立面出新.)
_WORKS_CLAUSE = re.compile(
    # (计划, 扎实, 积极 before the verb, and 加快 or 完善 as the verb: 计划完善京口路社区低碳生活中心建设,
    # 扎实推进中德智造小镇建设, 加快现代农业示范园建设, as a town's news gives the year's works)
    r"^(?:计划|全面|加快|尽快|年内|力争|确保|有序|稳步|持续|全力|扎实|积极|大力|着力)*"
    r"(?:完成|推进|推动|启动|做好|抓好|实施|对|加快|完善)(?P<thing>[^，；。“”]{2,20}?)"
    r"(?:进行(?:综合|全面|整体|集中)?)?"
    r"(?P<works>征收补偿|征地拆迁|土地征收|征收|拆迁|征迁|腾地|收储|迁建|改扩建|扩建|改造提升|提升改造|提档升级|提质改造|改造|修缮|大修|拓宽|整治出新|整治提升|整治|打造|建设)"
    r"(?:工作|工程|任务|服务|保障)?"
    # (完成…建设并投入使用: the works done and opened, the same thing)
    r"(?:并(?:投入使用|交付使用|投用|开放|运营))?$"
)
# A thing named by the quality a campaign gives it (平安校园, 智慧社区, 美丽庭院) is the campaign,
# not works: building it builds nothing.
_QUALITY = re.compile(r"^(?:平安|智慧|数字|法治|文明|清廉|美丽|和谐|绿色|生态|智能|幸福|健康|书香|无废|海绵|韧性|完整|特色|示范)")


# Land the plan is to take back, clear or sell, named after the verb (加快收储园区内剩余4宗土地).
_LAND_FIRST = re.compile(
    r"^(?:全面|加快|尽快|年内|力争|确保|有序|完成)*(?:收储|征收|出让|挂牌出让|供应|盘活)(?P<land>[^，；。“”]{0,14}?(?:土地|地块|用地|闲置地))$"
)


# …or named before what is done to it (加快推进7公顷工业用地报批, 完成西区300亩土地征收): the land
# with its size, as a town's plan counts it.
_LAND_AFTER = re.compile(
    r"^(?:全面|加快|尽快|年内|力争|确保|有序|推进|推动|完成|启动|做好)*(?P<land>[^，；。“”]{2,14}?(?:土地|地块|用地))"
    r"(?:组卷)?(?:报批|征收|收储|出让|挂牌出让|供应|征迁)(?:工作|手续)?$"
)
_CATEGORY_AT_END = re.compile(r"等[\d一二两三四五六七八九十]*[个项]?(?:项目|工程)$")


_ROAD_SECTION_OR_JUNCTION = re.compile(r"\d*[线段]$|互通|立交|枢纽")


def works_object(body: str) -> str | None:
    """The thing an unnamed piece of works is done to, with the works when they name it
    (东平路提档升级, as WORKS_WORD), without them when they are land or moving (征收, 迁建)."""
    if land := _LAND_FIRST.match(body) or _LAND_AFTER.match(body):
        return land.group("land") if len(land.group("land")) >= 3 else None
    m = _WORKS_CLAUSE.match(body)
    if not m:
        return None
    thing = clean_phrase(m.group("thing"))
    # (land is taken for a road's section or line by its name, 国道318线青山段征地拆迁)
    land_for_road = m.group("works") in ("征地拆迁", "土地征收", "征收", "拆迁", "征迁") and _ROAD_SECTION_OR_JUNCTION.search(
        thing
    )
    if len(thing) < 3 or ACTION.search(thing) or _NOT_A_THING.search(thing) or not (THING_END.search(thing) or land_for_road):
        return None
    if _CATEGORY_AT_END.search(thing):
        return None  # 推进东方之紫等项目建设: a list closed by its category, read as a list or not at all
    if _KIND_OF_PLACE.match(thing) or VAGUE_MODIFIERS.sub("", thing) in GENERIC_HEADS | {"工程", ""}:
        return None  # 完成农村危房改造: a kind of works everywhere, not one thing
    if m.group("works") == "建设" and _QUALITY.match(thing):
        return None  # 推进平安校园建设: a campaign
    if m.group("works") == "打造" and not body.startswith("对"):
        return None  # 打造 builds a thing only as works done to it (对…进行综合打造), not a brand or a vision
    return thing + m.group("works") if WORKS_WORD.search(m.group("works")) else thing


def study_object(body: str) -> str | None:
    """The place or works a design, study or assessment is about (古镇保护利用评估 → 古镇保护利用)."""
    m = _STUDY.match(body)
    if not m:
        return None
    thing = clean_phrase(m.group("thing"))
    place = _WORKS_TAIL.sub("", thing)
    if len(place) < 2 or _NOT_A_THING.search(thing) or not THING_END.search(place):
        return None
    return thing
