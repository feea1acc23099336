"""What a firm's name is made of: a trade name (字号) before a line of business (…科技,
…药业). The vocabulary of lines of business, the words that describe an industry
rather than name a firm, and the tests of whether a stem holds a trade name."""

from __future__ import annotations

import re
from functools import cache

from kg.extraction.mentions.lexicon import _PROPER_FLAGS, _known_words, _pos_cut, _tokenizer, has_proper_part
from kg.resources import data_words
from loaders.gazetteer import gazetteer

# A firm's usual name is its trade name and its line of business (安徽昱和服饰, 宏涛塑业,
# 中孚胶粘): the lines of business of the national industry classification, as firms' names
# shorten them (data/trade_words.txt gives the sources).
_TRADES = tuple(data_words("kg.extraction", "trade_words.txt"))


# Longest first, so that a run of them (环保科技) is matched word by word from its end.
_TRADES_LONGEST_FIRST = sorted(_TRADES, key=len, reverse=True)


_TRADES_ALT = "|".join(_TRADES_LONGEST_FIRST)


_TRADES_AT_END = re.compile(rf"(?:{_TRADES_ALT})+$")


# What ends a firm's name: its legal form, a group or holding, or its line of business.
_COMPANY_ENDINGS = ("有限公司", "公司", "集团", "股份", "控股", "品牌", *_TRADES)


_GENERIC_STEMS = {
    "生物",
    "生物医药",
    "医药",
    "网络",
    "科技",
    "数字",
    "信息",
    "新材料",
    "在线新经济",  # the official name of a sector (在线新经济企业), not of a firm
    "优质",
    "重点",
    "龙头",
    "新兴",
    "高新",
    "创新",
    "科创",
    "民营",
    "国有",
    "规上",
    "小微",  # 小微企业: a size class of firms in statistics, not a name
    "中小",
    "各类",
    "相关",
    "一批",
    "新能源",
    "已批",  # 已批/待批/续建 项目: a project's approval or building status, said of any project
    "待批",
    "在建",
    "新建",
    "续建",
    "储备",
    # Words that describe an industry, not name a firm (高端装备, 智能制造, 新型光伏).
    "高端",
    "智能",
    "新型",
    "现代",
    "绿色",
    "先进",
    "特色",
    "传统",
    "大型",
    "生态",
    "精细",
    "高效",
    "特种",
    "智慧",
    "低碳",
}


# Tags of single characters that only join or place words (后可 of 建成后可年产): no run of
# them is a coined name.
_FUNCTION_FLAGS = ("f", "v", "d", "p", "c", "u", "uj", "ul", "r", "y")


# Tags of words that act or describe (关停, 小): never a firm's own word however rare.
_NOT_NAME_FLAGS = ("v", "vn", "vd", "a", "ad", "an", "d", "p", "c", "u", "r")


_DIVISION_SUFFIX = re.compile(r"(?:省|市|县|区|自治州|自治县|地区|盟|旗)$")


@cache
def _place_names() -> frozenset[str]:
    """Names of counties and larger divisions, with and without their kind (宝山区, 宝山;
    宁波市, 宁波): the places a report names industries after. Towns are left out: their
    short names are often trade names too (金宇)."""
    names = set()
    for division in gazetteer().divisions.values():
        if division.level != "township":
            names.add(division.name)
            names.add(_DIVISION_SUFFIX.sub("", division.name))
    return frozenset(n for n in names if len(n) >= 2)


_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")


def trade_name_head(name: str, strict: bool = False) -> bool:
    """Whether what stands before a firm's line of business holds a trade name (字号), the
    word that makes a firm's name its own: 金禾 (实业), 湖北森浤 (光学), 昱和 (服饰). A place
    before a line of business names the industry of that place (临港新材料, 宝山生物医药,
    滨海旅游, 海洋渔业), and a common word a kind (关停小化工厂, 土地股份合作社): no firm.

    >>> trade_name_head("金禾"), trade_name_head("湖北森浤"), trade_name_head("临港"), trade_name_head("海洋")
    (True, True, False, False)
    """
    freq, places = _tokenizer().FREQ, _place_names()
    tokens, placed = [], False
    for token in _pos_cut(name):
        # jieba tags some trade names ns (中普, 华洋): only a common place word (海洋, 滨海)
        # or a division's name is a place, and a division's name after the place of
        # registration is the trade name (江西宝丰).
        if token.word in places and not placed:
            placed = True
            continue
        if token.flag == "ns" and freq.get(token.word, 0) >= 100 and token.word not in places:
            continue
        tokens.append(token)
    rest = "".join(t.word for t in tokens)
    if not rest or rest in _GENERIC_STEMS or is_kind_of_firm(rest):
        return False
    # A coined name: characters jieba makes no word of (昱和, 号新), a bound morpheme (昱)
    # or a rare word (亿美); or a word the tagger reads as a proper name (金禾, 晶科). A
    # town's short name that is also a common noun (花园, 土地) is that noun here.
    singles = len(tokens) > 1 and all(len(t.word) == 1 and t.flag not in _FUNCTION_FLAGS for t in tokens)
    coined = singles or any(
        t.flag == "g" or (len(t.word) > 1 and freq.get(t.word, 0) < 50 and t.flag not in _NOT_NAME_FLAGS) for t in tokens
    )
    proper = any(t.flag in _PROPER_FLAGS or (len(t.word) > 1 and t.word not in freq) for t in tokens)
    # A word after the place of registration is the trade name whatever it means (江西丰收
    # 米业), and a town's name may be one (宏图, 金宇) — unless the caller is strict: a bare
    # name among firms' names must look like a name (not 滨江花园, 花园 being a town too).
    if not strict and ((placed and len(tokens) == 1) or any(t.word in _known_words() for t in tokens)):
        return True
    return coined or proper or bool(_LATIN_OR_DIGIT.search(rest))


def proper_words(name: str) -> bool:
    """Whether every word of a short name is a proper one: jieba tags it a person's, place's
    or other proper name (立康 nr, 天瑞 nz, 华泰 nz). jieba tags a compound of common words it
    does not know a noun (稻虾, 菌菇, 农光 of 农光互补): products and kinds of project, the
    names of a town's own projects, not of the firms behind them.

    >>> proper_words("天瑞"), proper_words("稻虾"), proper_words("农光互补")
    (True, False, False)
    """
    # (x: a run of characters jieba could not tag, a coined name: 鑫源)
    return all((t.flag in _PROPER_FLAGS and t.flag != "s") or t.flag == "x" for t in _pos_cut(name))


def _one_common_word(stem: str) -> bool:
    """Whether a name's stem is one common word of the language (燃气, 劳务, 保洁, 物业): a
    line of business, where a trade name is a coined or proper word (宏玉, 红狮水泥)."""
    tokens = list(_pos_cut(stem))
    return len(tokens) == 1 and tokens[0].flag in ("n", "vn", "v", "a", "an") and _tokenizer().FREQ.get(stem, 0) >= 30


def _a_common_noun(item: str) -> bool:
    """Whether a list's item is one common noun of jieba's dictionary of three characters or
    more (购物中心, 农贸市场): a kind of place or business, where a firm's name is a name."""
    tokens = list(_pos_cut(item))
    return (
        len(item) >= 3 and len(tokens) == 1 and tokens[0].flag == "n" and item in _tokenizer().FREQ and item not in _known_words()
    )


def _trade_core(item: str) -> str:
    """A firm's name without the lines of business it ends in (宝济药业 → 宝济)."""
    return _TRADES_AT_END.sub("", item) or item


def _firm_ending(item: str) -> bool:
    """Whether a list's item is a firm by its ending: a legal form or group (…公司, …集团),
    or a line of business after a trade name (宝济药业, not 舟山海洋科技 or 智能装备)."""
    if not item.endswith(_COMPANY_ENDINGS):
        return False
    ending = _TRADES_AT_END.search(item)
    return not ending or trade_name_head(item[: ending.start()])


def _without_places(name: str) -> str:
    """A firm's name without the divisions' names it starts with, its place of
    registration (山东德州恒丰 → 恒丰; 江西宝丰 → 宝丰)."""
    places, rest = _place_names(), name
    # The longest place name that starts the rest and leaves two characters of it: the
    # rest's prefixes are looked up in the set, longest first (place names have two
    # characters or more), instead of testing every place name against the rest.
    while lead := next((rest[:n] for n in range(len(rest) - 2, 1, -1) if rest[:n] in places), ""):
        rest = rest[len(lead) :]
    return rest


def _a_place(item: str) -> bool:
    """Whether a list's item is the bare name of a county, city or province (宁波、舟山等企业
    speaks of the firms of those places)."""
    return item in _place_names()


def _common_nouns(core: str) -> bool:
    """Whether a co-operative's name before its business words is common nouns and verbs
    only (土地股份, 茶叶, 领办产业): a kind of co-operative. A trade name may be an
    auspicious adjective (宏远, 兴旺) and still a name."""
    freq = _tokenizer().FREQ
    tokens = list(_pos_cut(core))
    return all(t.flag in ("n", "vn", "v", "ns", "s", "f") and freq.get(t.word, 0) >= 100 for t in tokens)


def _business_core(stem: str) -> str:
    """What stands before a name's business words (青禾种植专业 → 青禾种植; 土地股份 → 土地)."""
    rest = stem
    words = sorted(_BUSINESS_WORDS, key=len, reverse=True)
    while word := next((w for w in words if rest.endswith(w) and rest != w), None):
        rest = rest[: -len(word)]
    return rest


_BUSINESS_WORDS = (
    *_TRADES,
    "基金管理",
    "基金",
    "管理",
    "投资",
    "咨询",
    "服务",
    "专业",
    "农民专业",
    "股份经济",
    "经济",
    "发展",
    "建设",
    "开发",
    "运营",
    "国有",
    "民营",
    "外资",
    "合资",
    "国资",  # 国资集团, 城投公司: a district's state-owned investment firm, named by its kind
    "城投",
    "平台",  # 平台公司: a local government's financing vehicle, a kind of state firm
    "强村",  # 强村公司: the joint firm villages set up for their collective income, a kind
    "股份",  # 股份合作社, 股份经济合作社: the form of a co-operative, not its name
    "文化",
    "体育",
    "健康",
    "休闲",
    "教育",
    "养老",
)


def _a_crop_or_trade(stem: str) -> bool:
    """Whether what stands before a co-operative's business words is one common word, a
    crop, a trade or a verb (茶叶专业, 养殖专业, 领办产业), not a name (宏远果业农民专业, 百济花团)."""
    rest = stem
    words = sorted((*_BUSINESS_WORDS, "产业"), key=len, reverse=True)
    while word := next((w for w in words if rest.endswith(w) and rest != w), None):
        rest = rest[: -len(word)]
    tokens = list(_pos_cut(rest))
    return len(tokens) == 1 and tokens[0].flag in ("n", "v", "vn") and not has_proper_part(rest)


def is_kind_of_firm(stem: str) -> bool:
    """Whether a firm's name before its ending is only lines of business (基金管理公司,
    农业专业合作社): a kind of firm, not one firm.

    >>> is_kind_of_firm("基金管理"), is_kind_of_firm("农业专业"), is_kind_of_firm("宏玉")
    (True, True, False)
    """
    rest = stem
    while rest:
        word = next((w for w in sorted(_BUSINESS_WORDS, key=len, reverse=True) if rest.endswith(w)), None)
        if word is None:
            return rest in _GENERIC_STEMS
        rest = rest[: -len(word)]
    return True
