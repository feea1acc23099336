"""Firms by what reports have them be and do: their registered names (…有限公司, …合作社,
a place in brackets), the titles and rankings they win (获评专精特新, 入选百强), and the
acts of a trade name (落户, 投产, 签约, 年产…, 以X为龙头, X总投资…的项目)."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from kg.extraction.mentions.lexicon import (
    _boundary_words,
    _Found,
    _scan,
    _scan_before,
    _scan_near,
    _typed_by_suffix,
    has_proper_part,
    stem_start,
)
from kg.extraction.mentions.trades import (
    _GENERIC_STEMS,
    _TRADES_ALT,
    _TRADES_AT_END,
    _TRADES_LONGEST_FIRST,
    _a_crop_or_trade,
    _a_place,
    _business_core,
    _common_nouns,
    _trade_core,
    is_kind_of_firm,
    proper_words,
    trade_name_head,
)

_LIST_VERBS = (
    *(
        "发展",
        "培育",
        "引进",
        "引進",
        "引导",
        "支持",
        "扶持",
        "推动",
        "依托",
        "依託",
        "带动",
        "壮大",
        "新增",
        "招引",
        "引入",
        "新入规",
        "入规",
    ),
    *("走访", "解决", "协调", "服务", "帮扶", "鼓励", "指导", "协助", "督促", "对接", "包联", "联系", "慰问", "调研"),
)


# A firm's registered name ends in its legal form; the place of registration may stand in
# brackets before it or after the trade name: 安徽奥丰汽车配件有限公司,
# 某某（上海）生物科技有限公司, 某某科技（苏州）有限公司.
# (责任公司: the legal form said without 有限, as township texts often write it)
_LEGAL_FORM = re.compile(r"(?:股份有限公司|有限责任公司|集团有限公司|有限公司|责任公司|合伙企业（有限合伙）|合作社)")


_REGISTERED_PLACE = re.compile(r"[（(][\u4e00-\u9fff]{2,4}[）)]$")


# Verbs that set up or run co-operatives, before their names (领办, 创办, 组建 合作社).
_COOP_VERBS = (*_LIST_VERBS, "通过", "推动", "组建", "成立", "领办", "创办", "新建", "规范")


_APPOSED_KIND = re.compile(r"(?:主要|重点|骨干|龙头|规上|辖区|本地|外资|民营|新引进|引进|新增|优质)+(?:企业|企業)")
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
_LETTER = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def _legal_names(text: str, boundaries: AbstractSet[int], found: list[_Found]) -> None:
    for m in _LEGAL_FORM.finditer(text):
        end = m.start()
        start = stem_start(text, end, boundaries, max_len=20)
        if m.group() == "合作社":
            # 合作社 alone is a kind (发展合作社63家), and so is 茶叶专业合作社, a crop and
            # the legal form; 青禾种植专业合作社 and 兴玉果业农民专出合作社 (as typed) are
            # names: a proper name stands before the business words.
            # The verbs before it are cut one after another (领办创办土地股份合作社).
            while lead := next((w for w in _COOP_VERBS if text.startswith(w, start) and end - start - len(w) >= 2), ""):
                start += len(lead)
            stem = text[start:end]
            if len(stem) < 3 or is_kind_of_firm(stem) or _a_crop_or_trade(stem) or _common_nouns(_business_core(stem)):
                continue
        # A bracketed place inside the name (某某（上海）…有限公司) is part of it: walk over it.
        while start > 0 and (bracket := _REGISTERED_PLACE.search(text[max(0, start - 6) : start])):
            start = stem_start(text, start - len(bracket.group()), boundaries, max_len=16)
        stem = text[start:end]
        # The kind in apposition before the name (主要骨干企业新源同昌…有限公司) is not part of it.
        if (kind := _APPOSED_KIND.match(stem)) and len(stem) - kind.end() >= 4:
            start, stem = start + kind.end(), stem[kind.end() :]
        if len(_BRACKETED.sub("", stem)) < 2 or is_kind_of_firm(stem) or not _LETTER.search(stem):
            continue
        found.append(_Found("Company", start, m.end(), stem + m.group(), "suffix"))


# Firms named as the winners of a firm's title, quoted or with the verbs of winning that
# _FIRM_TITLE below does not take (“光明畜业”、“安锋养殖”已获市级农业产业化龙头企业称号;
# 宏达科技获得省级专精特新企业称号): only firms are so ranked, whatever their names end in.
# Titles and lists only firms are given: the national and provincial recognitions of
# firms (高新技术企业, 专精特新 and its 小巨人, 瞪羚, 单项冠军; 企业技术中心 and 工业设计中心,
# which the industry ministries recognise in firms; 智能工厂, 数字化车间 and 绿色工厂 of the
# manufacturing programmes), the rankings of firms (民营企业百强) and the reserve lists of
# firms to be listed on an exchange (上市后备企业).
_WON_TITLES = (
    *("龙头企业", "高新技术企业", "专精特新", "小巨人企业", "瞪羚企业", "科技型中小企业", "单项冠军"),
    *("技术中心", "工业设计中心", "智能工厂", "数字化车间", "绿色工厂", "百强", "上市后备企业"),
)


_WON_TITLE_TAIL = (
    r"(?:获得|获评|荣获|获|被评为|被认定为|认定为|入选|成为|被列入|列入|荣登|跻身)"
    rf"[^，。；]{{0,14}}?(?:{'|'.join(_WON_TITLES)})"
    # (…龙头企业示范村, …企业集聚区, 百强县: a title of a place, won by villages, towns and
    # counties, not firms)
    r"(?![^，。；、]{0,6}?(?:村|社区|镇|乡|街道|县|区|市|园区|集聚区|基地)(?:[，。；、]|$))"
)


_WON_FIRM_TITLE = re.compile(
    r"(?P<items>(?:“?[\u4e00-\u9fffA-Za-z]{2,16}”?、)*“?[\u4e00-\u9fffA-Za-z]{2,16}”?)"
    r"(?:已|均|分别|先后|成功|相继)?" + _WON_TITLE_TAIL
)


# Where a title is won, and the runs of characters its winners' list is made of: the
# list runs up to the verb (_scan_before).
_WON_TITLE_AT = re.compile(rf"(?={_WON_TITLE_TAIL})")


_WINNERS_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z“”、]+")


_TITLE_TAIL = re.compile(r"(?:连续[两三四五六七八九十\d]+年|再次|首次|又|还|也)?荣?$")
_NOT_A_FIRM = re.compile(r"企业|企業|[家荣]$")
_A_PLACE_RANKED = re.compile(r"(?:村|社区|镇|乡|街道)$")


def _firms_by_title(text: str, boundaries: AbstractSet[int], found: list[_Found]) -> None:
    """>>> found = []; _firms_by_title("其中，“光明畜业”、“安锋养殖”已获市级农业化龙头企业称号", frozenset(), found)
    >>> [f.name for f in found]
    ['光明畜业', '安锋养殖']
    """
    if not any(t in text for t in _WON_TITLES):
        return
    for m in _scan_before(_WON_FIRM_TITLE, text, _WON_TITLE_AT, _WINNERS_RUN):
        position = m.start("items")
        items = m.group("items").split("、")
        for index, item in enumerate(items):
            start, name = position, item
            position += len(item) + 1
            # An adverb of the winning read into the last name (中普石油连续两年荣获…百强).
            # (荣 of 荣获 too, read as the name's when the verb is taken to be 获)
            if index == len(items) - 1:
                name = _TITLE_TAIL.sub("", name)
            if name.startswith("“") and name.endswith("”"):
                start, name = start + 1, name[1:-1]
            elif index == 0:
                cut = stem_start(text, start + len(name), boundaries, max_len=len(name))
                start, name = cut, text[cut : start + len(name)]
            elif "“" in name or "”" in name:
                continue
            if (
                len(name) < 3
                # 63家企业荣获…: a count of firms, cut before 获 of 荣获, names none
                or _NOT_A_FIRM.search(name)
                or _A_PLACE_RANKED.search(name)  # a place ranked, not a firm
                or is_kind_of_firm(name)
                or _a_place(name)
                or not has_proper_part(_trade_core(name))
                or _typed_by_suffix(name)
            ):
                continue
            found.append(_Found("Company", start, start + len(name), name, "title"))


# A trade name with its line of business is read as a firm where the text has it act as
# one — built, producing, settling, signing — or deal with the government as a partner.
# 挂牌 is a firm's listing on an exchange (新三板挂牌, 区域股权市场挂牌), which county and town
# reports count among their firms' milestones beside 上市: only a firm is listed.
_FIRM_ACTS = (
    r"(?:建成投产|顺利投产|投产|达产|落户|签约|入驻|开工|完成主体建设|完成主体|扩产|技改|上市|挂牌|完工|扩建|扩能"
    # a firm's investment in its project (汉得利电子总投资3亿元的传感器项目)
    r"|总投资[\d一二三四五六七八九十]|投资[\d一二三四五六七八九十][^，。；]{0,8}?元(?:的|建设|新建|实施))"
)


# Words one of which every match of _FIRM_ACTS contains (建成投产 holds 投产).
_FIRM_ACT_WORDS = (
    "投产",
    "达产",
    "落户",
    "签约",
    "入驻",
    "开工",
    "完成主体",
    "扩产",
    "技改",
    "上市",
    "挂牌",
    "完工",
    "扩建",
    "扩能",
    "投资",
)


_TRADE_NAME = rf"[\u4e00-\u9fff]{{2,4}}?(?:{_TRADES_ALT})"
_WHOLE_TRADE_NAME = re.compile(_TRADE_NAME + "$")


_ACTING_FIRMS = re.compile(
    rf"(?P<names>{_TRADE_NAME}(?:[、和与及]{_TRADE_NAME})*)"
    # An adverb of the act may stand between (华洋精工正式投产, 宏泰机械成功落户).
    rf"(?=(?:正式|成功|顺利|率先|相继|先后|全面|已经|已|均)?{_FIRM_ACTS}|项目(?:快速|顺利)?{_FIRM_ACTS})"
)


_PARTNER = re.compile(r"与(?P<name>[\u4e00-\u9fff]{2,8}?)(?:成功)?(?:签约|签订|达成合作|开展合作)")


# Two parties that reach an agreement (推动宏涛塑业与西安某商业达成合作): the first, a trade
# name with its line of business, is a firm as much as its partner.
# The firm a town builds an industry around (以绿源农业为龙头) is named as its head.
_HEAD_FIRM = re.compile(rf"以(?P<name>{_TRADE_NAME})为(?:龙头|依托|引领|主体|核心)")


_PARTIES = re.compile(rf"(?P<name>{_TRADE_NAME})与[\u4e00-\u9fff]{{2,8}}?(?:成功)?(?:签约|签订|达成合作|开展合作)")


# A firm is what a town brings in or signs with: a trade name right after 引进/签约/招引
# (成功签约宏图新材料项目, 引进华泰电子、金诚物流) is the firm's, and a trade name before
# its base (酷尔环保科技生产研发基地) owns it. A description (新能源汽车, 优质食品) has no
# name before its line of business.
_BROUGHT_IN = re.compile(
    rf"(?:引进|引進|签约|簽約|招引|引入)了?(?P<described>[^，,。；;]{{2,24}}的)?(?P<names>[\u4e00-\u9fff]{{2,7}}?(?:{_TRADES_ALT})+"
    rf"(?:、[\u4e00-\u9fff]{{2,6}}?(?:{_TRADES_ALT})+)*)(?=项目|等|[，,。；、]|$)"
)


# …and so is one before the capacity of its plant (X矿业年产100万吨采选项目): a project
# of a stated yearly output is named after the firm that builds it.
# At most three lines of business in a row (环保科技, 智能装备制造): unbounded, a long run of
# trade words made the search quadratic in its length.
_BROUGHT_IN_VERBS = ("引进", "引進", "签约", "簽約", "招引", "引入")


_OWNED_BASE_WORDS = ("基地", "中心", "年产", "年加工", "年处理")


_OWNED_BASE = re.compile(
    rf"(?P<names>[\u4e00-\u9fff]{{2,6}}?(?:{_TRADES_ALT}){{1,3}})(?=(?:生产研发|研发生产|生产|研发)(?:基地|中心)|年(?:产|加工|处理)\d)"
)


# …and so is one right before the size of its plant, without 年产 (永金化工20万吨乙二醇,
# 硕维电子30万台电脑, 龙丰热电2×60万千瓦热电机组): plans and reviews list a firm's project by
# the firm, the plant's capacity and the product; a town's or an industry's output is stated
# after the town or the product (全镇粮油20万吨), which _firm_name refuses.
_PLANT_UNITS = ("吨", "台", "套", "件", "条", "片", "辆", "千瓦", "GW", "MW", "平方米")


_SIZED_PLANT = re.compile(
    rf"(?P<names>[\u4e00-\u9fff]{{2,6}}?(?:{_TRADES_ALT}){{1,3}})"
    rf"(?=\d+(?:\.\d+)?(?:[×xX*]\d+(?:\.\d+)?)?(?:万|亿)?(?:{'|'.join(_PLANT_UNITS)}))"
)


# Where what follows the names of _OWNED_BASE and _SIZED_PLANT starts (their lookaheads):
# each match ends at one, at most 6 characters and three lines of business after its
# start, so only those positions are tried (_scan_near), not every one of a sentence
# that holds 中心 or 条.
_OWNED_BASE_AT = re.compile(r"(?=(?:生产研发|研发生产|生产|研发)(?:基地|中心)|年(?:产|加工|处理)\d)")
_SIZED_PLANT_AT = re.compile(rf"(?=\d+(?:\.\d+)?(?:[×xX*]\d+(?:\.\d+)?)?(?:万|亿)?(?:{'|'.join(_PLANT_UNITS)}))")
_TRADE_NAME_REACH = 6 + 3 * len(_TRADES_LONGEST_FIRST[0])


def _firm_name(stem: str) -> bool:
    trade = _TRADES_AT_END.search(stem)
    name = stem[: trade.start()] if trade else stem
    return (
        len(name) >= 2
        and not name.endswith(tuple(_GENERIC_STEMS))  # 湘西特色农业, 一批高新科技 describe
        and not is_kind_of_firm(name)
        and not _NOT_FIRM_WORDS.search(name)
        and not _typed_by_suffix(stem)
        and trade_name_head(name)
    )


# A trade name alone before its plant's yearly capacity (衡川年产30亿平方米…项目, 郑研通用
# 年产10万套…) is the firm building it: an industry's output is the town's, stated after
# the town or a crop (全镇茶叶年产), never after a coined name.
_CAPACITY = re.compile(r"年(?:产|加工|处理)\d")


_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def _capacity_owners(text: str, boundaries: AbstractSet[int], found: list[_Found]) -> None:
    for m in _CAPACITY.finditer(text):
        start = stem_start(text, m.start(), boundaries, max_len=6)
        name = text[start : m.start()]
        lead = next((w for w in _boundary_words() if len(w) > 1 and name.startswith(w) and len(name) - len(w) >= 2), "")
        name, start = name[len(lead) :], start + len(lead)
        if (
            len(name) >= 2
            and _HAN_ONLY.fullmatch(name)
            and trade_name_head(name, strict=True)
            and not _NOT_FIRM_WORDS.search(name)
            and not _typed_by_suffix(name)
        ):
            found.append(_Found("Company", start, m.start(), name, "trade"))


# A firm's short name alone on its project when the project goes into production, starts or
# is signed (华润二期项目建成投产, 蒙牛项目开工建设, 立康二期顺利投产): reports name an
# investor's plant by the firm, and only a firm's plant goes into production. Works that are
# finished (建成, 竣工, 完工 alone) may be any project's, and the dev half keeps such a
# project as a project (永晟竹业一期项目顺利完工, d86): they are left out. The name is
# the whole stem before the project (a name cut out of a longer one, 交易中心 of 渤海国际农特
# 产品交易中心, is not one), short and coined; a project named by its works or its place
# (污水处理项目, 安置房项目, 美兰湖二期) is left to the project rules.
_NAMED_PROJECT = re.compile(
    r"(?:[一二三四五]期(?:项目|工程)?|项目)(?:正式|成功|顺利|全面|已经|已|均|即将|主体)?"
    r"(?:建成投产|竣工投产|投产|达产|试生产|试产|开工|开业|签约|落地)"
)


_WORKS_ENDING = re.compile(
    r"(?:中心|房|楼|馆|院|园|城|区|路|桥|站|场|厂房|基地|工程|改造|提升|建设|整治|小区|广场|公园|设施|号)$"
)


_PLANT_WORKS_AT_END = re.compile(r"(?:改扩建|扩建|技改|新建|迁建|扩能)$")


def _firms_on_projects(text: str, boundaries: AbstractSet[int], found: list[_Found]) -> None:
    """>>> from kg.extraction.mentions.lexicon import token_starts
    >>> text = "华润二期项目建成投产，污水处理项目开工建设"
    >>> found = []; _firms_on_projects(text, token_starts(text), found)
    >>> [f.name for f in found]
    ['华润']
    """
    for m in _scan(_NAMED_PROJECT, text, "投产", "达产", "试产", "试生产", "开工", "开业", "签约", "落地"):
        end = m.start()
        # Several firms may share the project word (宏达、金盛项目顺利投产): each name of the
        # list before it is judged alike, from the last back.
        while True:
            start = stem_start(text, end, boundaries, max_len=8)
            name = text[start:end]
            if lead := next((w for w in (*_boundary_words(), *_LIST_VERBS) if len(w) > 1 and name.startswith(w)), ""):
                start, name = start + len(lead), name[len(lead) :]
            # The works on the plant are not the firm's name (金鼎扩建项目, 恒丰技改项目).
            name = _PLANT_WORKS_AT_END.sub("", name)
            if not _a_firm_on_its_project(name):
                break
            found.append(_Found("Company", start, start + len(name), name, "trade"))
            if start == 0 or text[start - 1] != "、":
                break
            end = start - 1


_TRADES_ENDING = re.compile(rf"(?:{_TRADES_ALT})+$")


def _a_firm_on_its_project(name: str) -> bool:
    # A trade name with its line of business (新宇科技二期顺利投产) is judged by the trade name.
    core = _TRADES_ENDING.sub("", name) or name
    return (
        2 <= len(core) <= 4
        and _HAN_ONLY.fullmatch(name) is not None
        and core not in _GENERIC_STEMS
        and trade_name_head(core, strict=True)
        and has_proper_part(core)
        and proper_words(core)
        and not _NOT_FIRM_WORDS.search(name)
        and not _WORKS_ENDING.search(name)
        and not _a_place(core)
        and not is_kind_of_firm(name)
        and not _typed_by_suffix(name)
    )


_CONJUNCTION = re.compile(r"[和与及]")
_AN_ORGANISATION = re.compile(r"政府|部门|企业|单位|机构|组织|协会|学校|委员会|镇|乡|村|县|区|市|省|大学|学院|医院|银行")


def _trade_names(text: str, boundaries: AbstractSet[int], found: list[_Found]) -> None:
    _capacity_owners(text, boundaries, found)
    _firms_on_projects(text, boundaries, found)
    for pattern, matches in (
        (_BROUGHT_IN, _scan(_BROUGHT_IN, text, *_BROUGHT_IN_VERBS)),
        (_OWNED_BASE, _scan_near(_OWNED_BASE, text, _OWNED_BASE_AT, _TRADE_NAME_REACH, *_OWNED_BASE_WORDS)),
        (_SIZED_PLANT, _scan_near(_SIZED_PLANT, text, _SIZED_PLANT_AT, _TRADE_NAME_REACH, *_PLANT_UNITS)),
    ):
        for m in matches:
            if pattern is _BROUGHT_IN and m.group("described") and text.startswith("项目", m.end()):
                continue  # 引进投资25亿元的X文旅项目: what is described is the project
            position = m.start("names")
            for item in m.group("names").split("、"):
                start = position
                position += len(item) + 1
                if pattern is not _BROUGHT_IN:
                    start = max(start, stem_start(text, start + len(item), boundaries, max_len=len(item)))
                    item = text[start : m.end("names")]
                    lead = next((w for w in _boundary_words() if len(w) > 1 and item.startswith(w)), "")
                    item, start = item[len(lead) :], start + len(lead)
                if _firm_name(item):
                    found.append(_Found("Company", start, start + len(item), item, "trade"))
    for m in _scan(_ACTING_FIRMS, text, *_FIRM_ACT_WORDS):
        position = m.start("names")
        pieces = []
        for piece in m.group("names").split("、"):
            # 和/与/及 join two firms only where both sides are firm names (昱和服饰 is one).
            parts = _CONJUNCTION.split(piece, maxsplit=1)
            pieces += parts if len(parts) == 2 and all(_WHOLE_TRADE_NAME.match(p) for p in parts) else [piece]
        for name in pieces:
            start = text.index(name, position)
            position = start + len(name)
            # The match may begin with the verb before the name (推动宏涛塑业): drop it.
            lead = next((w for w in sorted(_boundary_words(), key=len, reverse=True) if len(w) > 1 and name.startswith(w)), "")
            stem, start = name[len(lead) :], start + len(lead)
            trade = next((t for t in _TRADES_LONGEST_FIRST if stem.endswith(t)), None)
            if trade and len(stem) - len(trade) >= 2 and trade_name_head(stem[: -len(trade)]) and not _typed_by_suffix(stem):
                found.append(_Found("Company", start, start + len(stem), stem, "trade"))
    for m in _scan(_HEAD_FIRM, text, "以"):
        if _firm_name(m.group("name")):
            found.append(_Found("Company", m.start("name"), m.end("name"), m.group("name"), "trade"))
    for m in _scan(_PARTIES, text, "与"):
        name, start = m.group("name"), m.start("name")
        lead = next((w for w in sorted(_boundary_words(), key=len, reverse=True) if len(w) > 1 and name.startswith(w)), "")
        stem, start = name[len(lead) :], start + len(lead)
        trade = next((t for t in _TRADES_LONGEST_FIRST if stem.endswith(t)), "")
        if len(stem) - len(trade) >= 2 and trade_name_head(stem[: len(stem) - len(trade)]) and not _NOT_FIRM_WORDS.search(stem):
            found.append(_Found("Company", start, start + len(stem), stem, "trade"))
    for m in _scan(_PARTNER, text, "与"):
        name = m.group("name")
        if not _AN_ORGANISATION.search(name) and name not in _GENERIC_STEMS:
            found.append(_Found("Company", m.start("name"), m.end("name"), name, "trade"))


_NOT_FIRM_WORDS = re.compile(
    r"镇|乡|村|街道|社区|县|区|市|省|全|我|本|企业|单位|部门|项目|工程|基地|园|年|月|累计|新增|共有|其中"
)
