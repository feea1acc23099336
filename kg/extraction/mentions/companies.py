"""Companies (Company): firms by their legal names, in lists closed by a kind of firm
(A、B等企业), by the titles they win, and by trade names where the genre has them act
as firms (落户, 投产, 签约, 年产…, 以X为龙头)."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from kg.extraction.mentions.acts import (
    _APPOSED_KIND,
    _LIST_VERBS,
    _NOT_FIRM_WORDS,
    _firms_by_title,
    _legal_names,
    _trade_names,
)
from kg.extraction.mentions.lexicon import (
    _PHASE,
    _boundary_words,
    _ends_typed,
    _Found,
    _known_words,
    _pos_cut,
    _scan,
    _tokenizer,
    _typed_by_suffix,
    has_proper_part,
    stem_start,
    typed_place_end,
)
from kg.extraction.mentions.named import (
    _firm_before_product,
    _firm_shaped_list,
    _listed_firms,
    _mostly_names,
    _named_in_brackets,
    _product_or_kind,
    _sibling_firm,
)
from kg.extraction.mentions.trades import (
    _GENERIC_STEMS,
    _TRADES,
    _TRADES_ALT,
    _TRADES_AT_END,
    _TRADES_LONGEST_FIRST,
    _a_common_noun,
    _a_place,
    _firm_ending,
    _one_common_word,
    _trade_core,
    _without_places,
    is_kind_of_firm,
    proper_words,
    trade_name_head,
)

_LIST = re.compile(
    # The last item is the shortest that reaches a count or 等: read longest, it ran on
    # over its own count to a later one (A、B3家企业被列入全市100家…企业).
    r"((?:[^，。；：、“”（）\s]{2,14}、)+[^，。；：、“”（）\s]{2,14}?)"
    r"(?:等(?:一批|多家|\d+家|[一二三四五六七八九十]+家|\d+个|[一二三四五六七八九十两]+个)?|(?:\d+|[两二三四五六七八九十]+)家"
    # A count of projects closes a list without 等 (推进大川牧业、惠诚牧业和丹东超群农业3个
    # 续建项目, 签约越江环保科技、…、弘亦新材料三个亿元以上项目): a report counts the
    # projects it has just named, as it counts firms in 家; the kind must be 项目.
    r"|(?:共|合计)?(?P<projects>(?:\d+|[两二三四五六七八九十]+)个))"
    # an amount each reaches (等10亿元以上项目)
    r"(?:\d+(?:\.\d+)?(?:亿|万)元(?:以上|级)?)?"
    # A clause on what they did, closed by 的 (等一批投资超亿元的先进制造业企业).
    r"(?P<clause>[^，。；：、“”（）\s]{2,12}?的)?"
    # What the firms are (龙头, 成熟, 数字化头部, 亿元以上, 新签约): a short description,
    # read by _firm_description.
    r"(?P<desc>[\u4e00-\u9fff]{0,8}?)(?:\(yè\))?"
    # Farmers' co-operatives listed by name (A、B等农民专业合作组织10家) are firms too: a
    # report counts them with its enterprises. Sites that gloss characters with pinyin
    # (企業(yè)) keep the gloss inside the word.
    # The state's, foreign and private firms are kinds of firm too (中建、中铁、华润等央企):
    # 央企/国企/外企/民企 are the official short forms of 中央企业, 国有企业, 外资企业 and
    # 民营企业; and so are firms named by their trade in the press's and reports' short forms
    # X企 (万科、碧桂园等房企; 车企 for 汽车企业, 药企 for 医药企业).
    # 厂家 and an industry's 龙头 (协鑫、中环等光伏龙头) are firms by another word.
    r"(?P<kind>企业|企業|公司|项目|品牌|门店|商户|合作组织|合作社|央企|国企|外企|民企|房企|车企|药企|厂家|龙头)"
)


# What a description of firms is made of: qualities (成熟, 重大), kinds and sectors (头部,
# 数字化, 工业), counts and measures (亿元以上, 一批), project stages (新建, 签约). A verb
# (方面支持, 同志走访) makes it a clause about the list, not a description of firms in it.
_DESCRIPTION_FLAGS = ("a", "ad", "an", "b", "n", "nz", "vn", "m", "mq", "q", "f", "j", "l", "s")  # s: 国内大型, 省内


_STAGE_WORDS = ("签约", "在建", "新建", "续建", "在谈", "招商", "引进")


# Words for areas, fields and aspects: a list they describe (张江、临港等地区企业, 安全、
# 环保等重点领域企业, 用地、融资等方面) enumerates places or fields, not firms.
_AREA_WORDS = ("地区", "区域", "片区", "地方", "周边", "沿线", "流域", "领域", "行业", "方面", "环节", "门类")


# Words of standing that jieba tags as verbs (知名, 限上) or places (上市) but that describe
# firms in the genre's lists as much as 龙头 or 优质 do (等一批知名品牌, 等限上企业,
# 等上市企业, 等入规企业).
_STANDING_WORDS = ("知名", "限上", "上市", "入规", "成长", "商超")  # 商超 (supermarkets): tagged a name
_STAGE_OR_STANDING_WORD = re.compile("|".join((*_STAGE_WORDS, *_STANDING_WORDS)))


def _firm_description(desc: str) -> bool:
    # The firms' line of business may end the description (乳制品包装企业, 纺织服装企业).
    rest = _TRADES_AT_END.sub("", _STAGE_OR_STANDING_WORD.sub("", desc))
    tokens = list(_pos_cut(rest)) if rest else []
    return all(t.flag in _DESCRIPTION_FLAGS for t in tokens) and not any(t.word in _AREA_WORDS for t in tokens)


# The kind words one of which ends every match of _LIST.
_LIST_KINDS = (
    "企业",
    "企業",
    "公司",
    "项目",
    "品牌",
    "门店",
    "商户",
    "合作组织",
    "合作社",
    "央企",
    "国企",
    "外企",
    "民企",
    "房企",
    "车企",
    "药企",
    "厂家",
    "龙头",
)


# What ends a project named by its kind of works or building, not by a firm's product
# (新顾城安置房, 华为研发中心, 沙河公园提升). A numbered name (国创壹号, 东方一号) is a
# building's or a plot's, as offices and estates are named.
_NOT_A_PRODUCT = re.compile(
    r"(?:中心|房|楼|馆|院|园|城|区|路|桥|站|基地|工程|改造|提升|建设|整治|安置|小区|片区|街区|广场|公园|号)$"
)


_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_PLACE_END = re.compile(r"[城村镇湖园区路街港湾山河]$")


def _firm_of_project(item: str) -> tuple[int, str] | None:
    """The firm a project in a list is named after, as the genre names a firm's project:
    the place, the firm's trade name and its product (内丘建滔醋酸, 清河中航上大高温合金:
    建滔, 中航上大), as an enterprise name is 行政区划 + 字号 + 行业. The trade name is the
    longest run of words after the place that is a coined or proper name followed by a
    common word or a line of business; a project named by its kind (…安置房, …研发中心) or a
    place's name (新顾城) is no firm's.

    >>> _firm_of_project("内丘建滔醋酸"), _firm_of_project("沙河公园提升")
    ((2, '建滔'), None)
    """
    bare = _without_places(item)
    if bare == item or len(bare) < 4 or _typed_by_suffix(item) or _NOT_A_PRODUCT.search(bare):
        return None
    # The place is a word of its own in the item (呼兰路TOD holds the road 呼兰路, not 呼兰).
    ends, position = set(), 0
    for token in _pos_cut(item):
        position += len(token.word)
        ends.add(position)
    if len(item) - len(bare) not in ends:
        return None
    freq, known = _tokenizer().FREQ, _known_words()
    words = [t.word for t in _pos_cut(bare)]
    best, prefix = None, ""
    for word, following in zip(words, words[1:]):
        prefix += word
        if len(prefix) > 4:
            break
        if (
            len(prefix) >= 2
            and (freq.get(following, 0) >= 50 or bare[len(prefix) :].startswith(_TRADES))
            and trade_name_head(prefix, strict=True)
            and prefix not in known
            and not _typed_by_suffix(prefix)
            and _HAN_ONLY.fullmatch(prefix)
            and not _PLACE_END.search(prefix)
        ):
            best = prefix
    return (len(item) - len(bare), best) if best else None


_PROJECTS_ACTED = re.compile(
    # 落地: the genre's word for an investment that has come to the town (项目落地)
    # A list's projects that are finished (等26个项目实现竣工) are its firms' plants as much as
    # those that start: the list is counted among the year's investments, where a town's
    # own works are listed by what they are (d121's 农村产业路建设、…等4个民生实事项目).
    r"(?:已经|已|均|先后|相继|陆续|顺利|成功|正式|全面|早日|尽快|即将|实现)*"
    r"(?:建成投产|竣工投产|投产|达产|签约|落户|落地|入驻|开业|开工|复工|竣工|建成)"
)


# The verbs that bring a firm's project in, before the list (签约华宇、鑫源等5个项目).
_PROJECTS_BROUGHT = re.compile(r"(?:签约|引进|招引|洽谈|新签|落地|落户)了?[^，。；：、]{0,4}$")


# jieba's tags of a coined or proper name that is no place: persons' names (nr), other
# proper names (nz), organisations (nt), Latin (eng), and words it could not tag (x).
_COINED_FLAGS = ("nr", "nrt", "nrfg", "nz", "nt", "eng", "x")


def _coined_not_place(item: str) -> bool:
    """Whether every word of a short name is a coined or proper one and none a place's
    (恒信 nz, 长荣 nr, 鑫源 x; not 东湖 ns)."""
    return all(t.flag in _COINED_FLAGS for t in _pos_cut(item))


def _a_short_coined_name(item: str, tagged: bool = True) -> bool:
    """Whether a list's item is a short coined name (恒信, 长荣), not a project's own name
    (滨江花园, 城北安置房) or works (污水处理). ``tagged``: jieba must tag its words as proper
    names (see proper_words); a line of business after it (天润科技) makes that test moot."""
    return (
        2 <= len(item) <= 4
        and _HAN_ONLY.fullmatch(item) is not None
        and item not in _GENERIC_STEMS
        and trade_name_head(item, strict=True)
        and has_proper_part(item)
        and (proper_words(item) or not tagged)
        and not _NOT_FIRM_WORDS.search(item)
        and not _NOT_A_PRODUCT.search(item)
        and not _a_place(item)
        and not is_kind_of_firm(item)
        and not _typed_by_suffix(item)
    )


_GATHERED = re.compile(r"(?:集聚|聚集|集中|入驻|进驻|落户)的")
_FIRMS_HEADING = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:企业|企業)")
_CONJUNCTION_BETWEEN_NAMES = re.compile(r"(?<=[\u4e00-\u9fff]{2})[和及与](?=[\u4e00-\u9fff]{2})")
_ATTRACTED_BEFORE = re.compile(r"(?:引进|招引|引入|入驻|落户|集聚|开设|新开)[^，。；]{0,4}$")
_SETTLING_AFTER = re.compile(r"(?:门店|企业|商户)?(?:相继|先后|陆续|成功|正式|纷纷)?(?:入驻|落户|开业|开店)")
_PHASE_IN = re.compile(_PHASE)
_BUILDINGS_LISTED = re.compile(
    r"((?:[^，。；：、“”（）\s]{2,14}、)+[^，。；：、“”（）\s]{2,14})等(?:一批)?(?:新建|产业|优质|重点|商务|科创)*(?:载体|楼宇|加速器|孵化器|众创空间)"
)
# Incubators and accelerators are carriers by kind (海创汇、贺海等加速器、孵化器): the
# genre lists the science parks' carriers so, as it lists buildings as 载体 or 楼宇.
_CARRIER_WORDS = ("载体", "楼宇", "加速器", "孵化器", "众创空间")
_FIRM_WORD = re.compile(
    r"(?:有限公司|实业公司|分公司|公司|实业|集团|药业|制药|生物|股份(?!有限|合作|经济|制|改|分红|权|占比|比例))"
)
_ADMINISTRATIVE_PREFIX = re.compile(r"^[省市区县镇乡]")
_HAN_OR_LATIN = re.compile(r"[\u4e00-\u9fffA-Za-z]+")
_FACTORY = re.compile(r"[厂廠]")


def _companies_in_lists(text: str, boundaries: AbstractSet[int], found: list[_Found]) -> None:
    for m in _scan(_LIST, text, "、") if any(k in text for k in _LIST_KINDS) else ():
        if m.group("desc") and not _firm_description(m.group("desc")):
            continue
        if m.group("projects") and m.group("kind") != "项目":
            continue  # 建成A、B2个公园: only projects are counted so
        # The clause is about the firms (投资超亿元的), not a place or field (地区的, 方面的).
        if m.group("clause") and any(w in m.group("clause") for w in (*_AREA_WORDS, "村", "社区", "镇", "乡")):
            continue
        # 等品牌企业, 等连锁门店企业: the kind is the last word, 企业.
        kind = m.group("kind")
        head = (
            "企业"
            if text.startswith(("企业", "企業", "公司"), m.end()) or kind.endswith("企") or kind in ("厂家", "龙头")
            else kind
        )
        if text.startswith("品牌", m.end()):
            continue  # 新宝杨黄瓜、永大菌菇等特色农业企业品牌: brands of produce, not firms
        if _GATHERED.match(text[m.end() :]):
            continue  # 万得大厦、康缘智汇港等民营企业集聚的写字楼: the items are the buildings
        items_text = m.group(1)
        offset = m.start(1)
        items = []
        position = 0
        for item in items_text.split("、"):
            items.append((offset + position, item))
            position += len(item) + 1
        # The first item still carries the words before the list (引进科创宝): cut them.
        first_start, first = items[0]
        cut = stem_start(text, first_start + len(first), boundaries, max_len=len(first))
        # 建材工业园天欣、宏康…: a place named before the list is where its members are.
        typed = typed_place_end(first)
        if typed is not None and typed < len(first) - 1:
            cut = max(cut, first_start + typed)
        # A cut that leaves one character split a name at a boundary word (文和友 at 和).
        if first_start + len(first) - cut >= 2:
            items[0] = (cut, text[cut : first_start + len(first)])
        # A verb the tokenizer glued to the first name (发展大荆湖渔业) is not part of it.
        # Strip them one after another (协调解决宏发纺织 → 宏发纺织).
        verbs = sorted({*_LIST_VERBS, *(w for w in _boundary_words() if len(w) > 1)}, key=len, reverse=True)
        while lead := next((w for w in verbs if items[0][1].startswith(w) and len(items[0][1]) - len(w) >= 2), ""):
            items[0] = (items[0][0] + len(lead), items[0][1][len(lead) :])
        # …and so is its complement (服务好华联: 好; 引进了盒马: 了).
        if items[0][1].startswith(("好", "了")) and len(items[0][1]) > 2 and text[: items[0][0]].endswith(tuple(verbs)):
            items[0] = (items[0][0] + 1, items[0][1][1:])
        # The kind that heads the list is not part of its first name (龙头企业森浤光学).
        if (heading := _FIRMS_HEADING.match(items[0][1])) and len(items[0][1]) - heading.end() >= 2:
            items[0] = (items[0][0] + heading.end(), items[0][1][heading.end() :])
        # 甲、乙等9家企业 read as a bare count (乙等 + 9家): the 等 is not part of the name.
        last_start, last = items[-1]
        items[-1] = (last_start, last[:-1] if last.endswith("等") and len(last) > 3 else last)
        # 和, 及, 与 join two names where both sides are names (永盛铸造及天成机械), not
        # inside one (昱和服饰, 和润风电).
        joined = []
        for start, item in items:
            join = _CONJUNCTION_BETWEEN_NAMES.search(item)
            if join and item[: join.start()] not in _GENERIC_STEMS and item[join.end() :] not in _GENERIC_STEMS:
                joined += [(start, item[: join.start()]), (start + join.end(), item[join.end() :])]
            else:
                joined.append((start, item))
        items = joined
        # Brands, shops and merchants are firms only when they are brought in (引进A、B等
        # 品牌); 扩大A、B等品牌影响力 speaks of events or campaigns.
        # (or settle, open: 盒马、永辉等品牌相继入驻, 海澜之家、名创优品等品牌门店开业)
        if (
            head in ("品牌", "门店", "商户")
            and not _ATTRACTED_BEFORE.search(text[max(0, m.start(1) - 8) : m.start(1) + 4])
            and not _SETTLING_AFTER.match(text[m.end() :])
        ):
            continue
        if head in ("品牌", "门店", "商户") and not _mostly_names([item for _, item in items]):
            continue  # 引进奶茶、咖啡、烘焙等品牌: kinds of shop
        # Under a kind of firm, a list of kinds of business (带动餐饮、住宿、零售等企业, 种植、
        # 养殖、加工等合作社, 砖瓦厂、石灰厂等企业) names sectors, not firms: at least half the
        # items must be names.
        # A line of business among them (对化工、印染等高耗能企业) marks a list of sectors;
        # the first item is left out, as a cut at a boundary word may leave a line of
        # business alone there (服饰 of 扶持昱和服饰).
        if head != "项目" and (
            sum(has_proper_part(_trade_core(item)) for _, item in items) * 2 < len(items)
            or any(is_kind_of_firm(item) for _, item in items[1:])
        ):
            continue
        # A list of 项目 names companies when its items look like companies, else projects.
        # 智能装备、新型光伏等项目 are industries: a description before the line of business
        # names no firm.
        firms_listed = any(_firm_ending(item) for _, item in items)
        # A county's or district's short name among firms' names under a kind of firm
        # (国盛、光明、瑞星等大企业) is a trade name, as many are (光明, 天马); places listed
        # alone or mostly (宁波、舟山等企业) speak of the firms there.
        places_are_names = head in ("企业", "企業", "公司") and sum(_a_place(item) for _, item in items) * 2 < len(items)
        # Projects that go into production, are signed or settle (恒信、长荣、华泰等项目
        # 已建成投产) are firms' plants: a bare coined name among them is the firm's.
        # Most of the items must be such names: a list of kinds of project (红色旅游、乡村民宿)
        # may hold one a tagger reads as a proper name.
        # So are those the clause brings in (签约华宇、鑫源等5个项目, 引进了恒信、长荣等项目):
        # only an investor is signed or brought in.
        # And a list of coined names alone (推动恒信、长荣、华泰等项目加快建设) names the
        # investors whatever is said of their projects: a town names its own projects by
        # what and where they are (滨江花园, 芙蓉路, 污水处理), a firm's project by the firm.
        # Names jieba reads as places (东湖, 瑞丰) need the act: they may be where a project is.
        acted = head == "项目" and bool(
            _PROJECTS_ACTED.match(text, m.end()) or _PROJECTS_BROUGHT.search(text, max(0, items[0][0] - 8), items[0][0])
        )
        projects_acted = head == "项目" and (
            (acted and sum(_a_short_coined_name(item) for _, item in items) * 2 > len(items))
            or (
                all(_a_short_coined_name(item) and _coined_not_place(item) for _, item in items)
                # (persons' names alone, 张伟、李明, are no firms': one name at least must be
                # another kind of proper name, 恒信 nz)
                and not all(all(t.flag == "nr" for t in _pos_cut(item)) for _, item in items)
            )
        )
        for start, item in items:
            # In a list of 项目 each item is what it is named: a firm's name (宏达科技), or a
            # bare trade name among firms' names (安徽佑顺 beside 赛纬电子), is the firm
            # behind its project; other names (滨江花园, 城北安置房) are the projects.
            firm = _firm_ending(item) or (
                firms_listed
                and (trade_name_head(item, strict=True) or _sibling_firm(item))
                and not _NOT_FIRM_WORDS.search(item)
                and not _product_or_kind(item)
            )
            kind = "Company" if head != "项目" or firm else "Project"
            if kind == "Project" and projects_acted and _a_short_coined_name(item):
                found.append(_Found("Company", start, start + len(item), item, "list"))
            elif kind == "Project" and (behind := _firm_of_project(item)):
                found.append(_Found("Company", start + behind[0], start + behind[0] + len(behind[1]), behind[1], "list"))
            elif kind == "Project" and acted and (maker := _firm_before_product(item)):
                found.append(_Found("Company", start, start + len(maker), maker, "list"))
            # Under 等企业 the kind word says what the members are, whatever a word inside
            # them suggests (绿地缤纷荟 holds 绿地): only a name ending in another kind's
            # suffix (X产业园) is not a firm.
            other_kind = _ends_typed(item) if kind == "Company" and head in ("企业", "企業", "公司") else _typed_by_suffix(item)
            if (
                not item
                or item in _GENERIC_STEMS
                or other_kind
                or _PHASE_IN.search(item)
                or (_a_place(item) and not places_are_names)
            ):
                continue
            if item.endswith(("企业", "企業")):
                continue  # 规上工业企业、限上商贸企业等: kinds of firm, listed
            if item.endswith(("社区", "村", "镇", "乡", "街道", "居委会")):
                continue  # a community or village visited with the firms is no firm
            if kind == "Company" and _a_common_noun(item):
                continue  # 晋陵集团、购物中心等重点企业: a shopping centre is a kind of place
            if kind == "Company" and is_kind_of_firm(item):
                continue  # a line of business alone (服饰, cut from 昱和服饰 at 和) is no name
            if kind == "Project" and not has_proper_part(item):
                continue
            if kind == "Project" and m.group("projects"):
                continue  # a count alone closes a list for its firms; its projects are the project rules'
            found.append(_Found(kind, start, start + len(item), item, "list"))
    # Buildings and parks listed as 载体 or 楼宇 are industrial parks, whatever their suffix.
    for m in _BUILDINGS_LISTED.finditer(text) if "、" in text and any(w in text for w in _CARRIER_WORDS) else ():
        position = m.start(1)
        for item in m.group(1).split("、"):
            cut = stem_start(text, position + len(item), boundaries, max_len=len(item))
            if cut < position + len(item) and has_proper_part(text[cut : position + len(item)]):
                found.append(_Found("IndustrialPark", cut, position + len(item), text[cut : position + len(item)], "list"))
            position += len(item) + 1
    _legal_names(text, boundaries, found)
    _named_in_brackets(text, boundaries, found)
    _firms_by_title(text, boundaries, found)
    _listed_firms(text, found)
    _firm_shaped_list(text, boundaries, found)
    _one_listed(text, boundaries, found)
    # A single name with a distinctive company ending: 宝济药业, 郑明集团.
    _trade_names(text, boundaries, found)
    # 宏玉公司, 红狮水泥公司: a trade name with 公司 (分公司) or 实业 is a firm, as is one with
    # the endings of pharmaceutical and holding firms.
    # 股份 ends the short names of listed firms (宇晶股份成功上市), not the form of a
    # co-operative or a share (土地股份合作社, 股份经济合作社, 股份制, 股份分红).
    for m in _FIRM_WORD.finditer(text):
        if m.group() == "公司" and text.startswith(("有限", "分"), max(0, m.start() - 2)):
            continue
        start = stem_start(text, m.start(), boundaries, max_len=8)
        # 和 of a trade name (和润集团) read as the conjunction left one character: take it back.
        if m.start() - start == 1 and start > 0 and text[start - 1] in "和与及":
            start -= 1
        stem = text[start : m.start()]
        # A verb jieba joined to the name's first word (联合国资集团: 联合国) is cut.
        lead_words = (*_boundary_words(), *_LIST_VERBS, "企业")  # 辖区企业天奇股份: the kind, in apposition
        lead = next((w for w in lead_words if len(w) > 1 and stem.startswith(w) and len(stem) - len(w) >= 2), "")
        stem, start = stem[len(lead) :], start + len(lead)
        if is_kind_of_firm(_ADMINISTRATIVE_PREFIX.sub("", stem)):
            continue  # 区城投公司, 市国资集团: the state firm of a district, named by its kind
        if stem.startswith(("各", "全", "本", "该", "每", "我")):
            continue  # 各村公司, 本公司: a determiner before 公司 speaks of firms, names none
        # (光明公司: a place's name that is a common word too is a trade name, as a line of
        # business is never a place's name)
        if m.group().endswith("公司") and _one_common_word(stem) and not _a_place(stem) and stem not in _known_words():
            continue  # 燃气公司, 劳务公司, 保洁公司: a line of business before 公司 is a kind
        # A longer name is a firm's when its tail is lines of business (宁波舜宇光电科技公司).
        core = _TRADES_AT_END.sub("", stem)
        # The place of registration (行政区划) before the trade name is no part of it
        # (山东德州恒丰集团: 恒丰): the name is judged without it.
        bare = _without_places(stem)
        short = 2 <= len(stem) <= 5 and not stem.endswith(tuple(_GENERIC_STEMS))
        short = short or (
            bare != stem and 2 <= len(bare) <= 5 and trade_name_head(bare, strict=True) and not _NOT_FIRM_WORDS.search(bare)
        )
        # 大唐新能源公司: a trade name before a line that is also a sector's name.
        short = short or (
            2 <= len(core) < len(stem) <= 5 and trade_name_head(core, strict=True) and not _NOT_FIRM_WORDS.search(core)
        )
        long = (
            len(stem) >= 6 and 2 <= len(core) <= 6 and core != stem and trade_name_head(core) and not _NOT_FIRM_WORDS.search(core)
        )
        if m.group() == "股份" and not trade_name_head(stem, strict=True):
            continue  # 村集体股份, 土地股份: a share, not a listed firm
        if (
            (short or long)
            and not is_kind_of_firm(stem)
            and not _typed_by_suffix(stem)
            and _HAN_OR_LATIN.fullmatch(stem)
            and not text.startswith(("产业", "企业", "医药", "园", "谷", "创新"), m.end())
        ):
            found.append(_Found("Company", start, m.end(), stem + m.group(), "suffix"))
    # 号新制衣厂, 周小玲食品廠: a name, a line of business and 厂 is a factory, a firm; the
    # line alone (水泥厂, 食品厂) is a kind, and 污水处理厂 has no line of business.
    for m in _FACTORY.finditer(text):
        start = stem_start(text, m.start(), boundaries, max_len=10)
        stem = text[start : m.start()]
        trade = next((t for t in _TRADES_LONGEST_FIRST if stem.endswith(t)), None)
        name = stem[: -len(trade)] if trade else ""
        lead = next((w for w in sorted(_boundary_words(), key=len, reverse=True) if len(w) > 1 and name.startswith(w)), "")
        name, start = name[len(lead) :], start + len(lead)
        # (A name alone before 厂 is not taken: a product jieba does not know reads as a
        # coined name, 管桩厂.)
        if (
            trade
            and 2 <= len(name) <= 5
            and trade_name_head(name)
            and not _NOT_FIRM_WORDS.search(name)
            and not _typed_by_suffix(name + trade)
        ):
            found.append(_Found("Company", start, m.end(), text[start : m.end()], "suffix"))
    # 魔盒科技提出…, 捷泰科技、晶科能源: 科技 after a short coined name is a firm's line of
    # business whatever the sentence does with it (科技 is what the registration rules let
    # any firm call its line). Words 科技 heads (科技园, 科技创新, 科技特派员) and 科技
    # after a common word (联动科技, 农业科技) are left alone.
    for m in _SCIENCE_FIRM.finditer(text) if "科技" in text else ():
        start = stem_start(text, m.start(), boundaries, max_len=6)
        name = text[start : m.start()]
        lead = next((w for w in (*_boundary_words(), *_LIST_VERBS) if len(w) > 1 and name.startswith(w)), "")
        name, start = name[len(lead) :], start + len(lead)
        if _a_short_coined_name(name, tagged=False) and len(name) <= 3:
            found.append(_Found("Company", start, m.end(), text[start : m.end()], "suffix"))
    # A name read by its suffix from a kind in apposition (主要骨干企业新源同昌…有限公司) is
    # the firm's name after it, which _legal_names has found.
    found[:] = [
        f
        for f in found
        if not (
            f.type == "Company"
            and _APPOSED_KIND.match(f.name)
            and any(g.type == "Company" and g.end == f.end and g.start > f.start for g in found)
        )
    ]
    # A page's footer (版权所有 江苏现代快报传媒有限公司, 技术支持：…公司) names the site's
    # owner or builder, not a firm the report speaks of. The footer is page furniture, a line
    # with no sentence in it: in running text (由浙江大学提供技术支持，华星科技公司负责运营)
    # the firm after 技术支持 is one the report speaks of.
    if _PAGE_FOOTER.search(text):
        found[:] = [f for f in found if f.type != "Company" or not _in_footer(text, f)]


_SCIENCE_FIRM = re.compile(
    r"科技(?!园|城|馆|创新|成果|人员|特派员|局|企业|型|含量|服务|金融|支撑|攻关|示范|小院|产业|奖|进步|活动|周|节|人才|资源"
    r"|平台|工作|有限|公司|股份|集团|部门|计划|专项|政策|馆|下乡|兴|强|赋能|引领|手段|水平|实力|文化|教育|普及|合作|交流|力量)"
)


def _in_footer(text: str, firm: _Found) -> bool:
    line_start = text.rfind("\n", 0, firm.start) + 1
    line_end = text.find("\n", firm.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return "。" not in line and bool(_PAGE_FOOTER.search(text[max(line_start, firm.start - 12) : firm.end]))


_PAGE_FOOTER = re.compile(r"版权所有|版權所有|主办单位|承办单位|技术支持|技術支持|Copyright|copyright|©|ICP备")


# One name heading a count of its kind (落地延锋汽车座椅等20个数字经济项目, 三叶橡塑等25个
# 重大项目开工建设, 新增圣禾粮油1家规上工业企业): a report names the first of the firms or
# of the firms' projects it counts. Alone, a name is a firm's only by its structure, a trade
# name before a line of business (字号 + 行业: 三叶橡塑, 延锋汽车): a project's own name
# (屋顶分布式光伏整县推进等25个项目) or an industry (光伏发电等项目) is not one.
_ONE_LISTED = re.compile(
    r"(?P<name>[^，。；：、“”（）\s]{2,14}?)(?:等(?:\d+|[一二三四五六七八九十两]+)[个家]|(?:1|一)家)"
    r"(?P<desc>[\u4e00-\u9fff]{0,8}?)(?:企业|项目)"
)


_HEAD_AND_TRADE = re.compile(rf"(?P<head>[\u4e00-\u9fff]{{2,4}}?)(?:{_TRADES_ALT})+")


def _one_listed(text: str, boundaries: AbstractSet[int], found: list[_Found]) -> None:
    """>>> from kg.extraction.mentions.lexicon import token_starts
    >>> text = "落地延锋汽车座椅等20个数字经济项目"
    >>> found = []; _one_listed(text, token_starts(text), found)
    >>> [f.name for f in found]
    ['延锋汽车']
    """
    for m in _scan(_ONE_LISTED, text, "等", "1家", "一家"):
        if "、" in text[max(0, m.start() - 16) : m.start("name")] or (m.group("desc") and not _firm_description(m.group("desc"))):
            continue  # a list of several is read by _companies_in_lists
        end = m.end("name")
        start = stem_start(text, end, boundaries, max_len=end - m.start("name"))
        name = text[start:end]
        lead = next((w for w in (*_LIST_VERBS, *_boundary_words()) if len(w) > 1 and name.startswith(w)), "")
        start, name = start + len(lead), name[len(lead) :]
        # The trade name and the firm's line, whatever product its project makes after them
        # (延锋汽车 of 延锋汽车座椅).
        trade = _HEAD_AND_TRADE.match(name)
        if trade is None or not trade_name_head(trade.group("head"), strict=True):
            continue
        firm = trade.group()
        if _NOT_FIRM_WORDS.search(firm) or is_kind_of_firm(firm) or _typed_by_suffix(firm) or _a_place(trade.group("head")):
            continue
        found.append(_Found("Company", start, start + len(firm), firm, "list"))
