"""Firms named around a list's kind or an act: in brackets after a kind and a count
(新引进企业2家（甲科技、乙物流）), before the act of settling or producing (华宇、鑫源相继投产),
after a count of firms or their kind (规上企业海天、光明、金龙3家), as the winners of a firm's
title (通翔弘光、富林环保分别上榜…企业名单) and as the firms an industry is built around
(以华星、天马光电等为龙头)."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from kg.extraction.mentions.acts import _LIST_VERBS, _NOT_FIRM_WORDS, _TRADE_NAME
from kg.extraction.mentions.lexicon import (
    _ends_typed,
    _Found,
    _pos_cut,
    _scan,
    _tokenizer,
    _typed_by_suffix,
    has_proper_part,
    stem_start,
    typed_place_end,
)
from kg.extraction.mentions.trades import (
    _COMPANY_ENDINGS,
    _GENERIC_STEMS,
    _TRADES,
    _TRADES_AT_END,
    _a_place,
    _firm_ending,
    _one_common_word,
    _trade_core,
    is_kind_of_firm,
    trade_name_head,
)

# Names listed in brackets after a kind and a count: 新引进企业2家（甲科技、乙物流）,
# 签约项目3个（A、B、C）. The kind says what they are.
_BRACKETED_LIST = re.compile(
    r"(?P<kind>企业|公司|品牌|商户|门店|项目)(?:[\d一二三四五六七八九十两]+[家个项户])?[（(](?P<items>[^（）()]{2,120})[）)]"
)


_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_SHORT_NAME = re.compile(r"(?:以下)?(?:简称|下称|称)")
_NAME_SEPARATOR = re.compile(r"[、，,和及]")
_NOT_A_NAME = re.compile(r"\d|等$|^其中|^单位$|^含")


def _named_in_brackets(text: str, boundaries: AbstractSet[int], found: list[_Found]) -> None:
    for m in _BRACKETED_LIST.finditer(text):
        if _SHORT_NAME.match(m.group("items")):
            continue  # …有限公司（以下简称“新投集团”）: the firm's short name, said once
        items = _NAME_SEPARATOR.split(m.group("items"))
        if len(items) < 1 or any(len(i) > 24 for i in items):
            continue
        position = m.start("items")
        for item in items:
            start, end = position, position + len(item)
            position = end + 1
            item = item.strip()
            if not (2 <= len(item) <= 24) or item in _GENERIC_STEMS or _NOT_A_NAME.search(item):
                continue
            # 工业项目2个（中孚胶粘、洪福冷链）: names of firms (a trade name and its line of
            # business) in a count of projects are the firms behind them; other names
            # (滨江花园) are the projects.
            firm_like = item.endswith(_COMPANY_ENDINGS) or item.endswith(_TRADES)
            kind = "Project" if m.group("kind") == "项目" and not firm_like else "Company"
            if kind == "Company" and _typed_by_suffix(item) and not item.endswith(_COMPANY_ENDINGS):
                continue
            found.append(_Found(kind, start, end, item, "list"))


# A list of short names the report has settle, move in or start producing (牧原养猪、和润
# 风电、酷诗琪服饰落户我镇) names firms: in a work report only an investor 落户s or 入驻s,
# and an enumeration of two or more bare names before such a verb is the year's haul
# of investment. Names with another kind's suffix (X产业园, X项目) are left to it.
_SETTLED_LIST = re.compile(
    # (two names will do: 华宇、鑫源相继投产; _mostly_names wants both to be names)
    r"(?:^|(?<=[，,。；;：:]))(?P<items>(?:(?:(?!等)[\u4e00-\u9fff]){2,8}、){1,}(?:(?!等)[\u4e00-\u9fff]){2,8}?)"
    r"(?:等(?:一批)?(?:企业|项目|品牌|商户|门店))?(?:相继|先后|成功|顺利)?"
    r"(?:落户|入驻|签约落户|建成投产|投产|开业)"
)


# Names after a count of firms (新引进企业12家，包括甲电子、乙科技等) or right after the kind
# word (辖区企业甲电器、乙乳业实现…): the kind the report has just named says what they are.
_COUNTED_FIRMS = re.compile(
    r"(?:企业|公司|品牌)[\d一二三四五六七八九十两]+[家个][，,]?(?:包括|分别是|分别为|其中有|有|为)"
    r"(?P<items>(?:(?:(?!等)[\u4e00-\u9fff]){2,10}、)+(?:(?!等)[\u4e00-\u9fff]){2,10}?)(?=等|[。；;，,]|$)"
)


_APPOSED_FIRMS = re.compile(
    rf"(?:辖区|龙头|重点|骨干|规上)企业(?P<items>{_TRADE_NAME}(?:、{_TRADE_NAME})*)(?=[、]?(?:等|[\u4e00-\u9fff]))"
)


# A list headed by its kind (培育了龙头企业森浤光学、天利达、恒达利): bare trade names too,
# when the list closes (等, or the clause's end) and most of its items are names.
_HEADED_FIRMS = re.compile(
    r"(?:龙头|重点|骨干|规上|规模以上|高新技术|专精特新)企业(?P<items>(?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6}?)"
    # (a count may close the list: 新增规上企业海天、光明、金龙3家)
    r"(?=等|(?:\d+|[两二三四五六七八九十]+)家|[，。；]|$)"
)


# A name that wins a title for firms (通翔弘光、富林环保分别上榜工信部企业名单, 旺成瓜蒌子获批
# 合肥市龙头企业, 中普石油荣登民营企业百强名单) is a firm's: the titles a report lists for its enterprises are given to
# firms only. 被认定为 is the official formula of the recognition of 高新技术企业 and
# 专精特新 firms (the provinces' lists are published as 认定名单), as common as 被评为.
_FIRM_TITLE = re.compile(
    r"(?:^|(?<=[，,。；;：:]))(?P<items>(?:[\u4e00-\u9fff]{2,8}、)*[\u4e00-\u9fff]{2,8}?)(?:分别|成功|先后|同时|均|也|还|又|再次|首次|连续[两三四五六七八九十\d]+年)?"
    r"(?:上榜|入选|获批|获评|荣登|荣获|被评为|被认定为)[^，。；]{0,14}?(?:企业|工厂)"
)


# The firms a town builds an industry around, listed (以华星、天马光电等为龙头): the list
# form of _HEAD_FIRM.
_LEADING_FIRMS = re.compile(r"以(?P<items>(?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8}?)等?为(?:龙头|核心|引领|依托|主体)")


def _mostly_names(items: list[str]) -> bool:
    """Whether more than half of a list's items are proper names (牧原养猪、和润风电; a
    brand jieba knows as a word, 安踏, may stand among them), not kinds of business
    (教育、医疗、养老; 奶茶、咖啡、烘焙)."""
    if any(is_kind_of_firm(item) for item in items):
        return False
    return sum(has_proper_part(item) for item in items) * 2 > len(items)


_PHASE_AT_END = re.compile(r"[一二三四五]期$")


# Bare names the clause signs or brings in, with no kind after them (新签约宏发、兴达、华美，
# 总投资8亿元; 成功引进宏发、兴达、华美，实现税收…): only investors are signed or brought
# in, and a list of names right after the verb is the year's haul. Kinds of business (引进
# 人才、资金、技术) and places (引进北京、上海) are left out by the names' tests.
_BROUGHT_LIST = re.compile(
    r"(?:签约|簽約|引进|引進|招引|引入)了?(?P<items>(?:(?:(?!等)[\u4e00-\u9fff]){2,6}、)+(?:(?!等)[\u4e00-\u9fff]){2,6}?)(?=[，,。；;]|$)"
)


# Words of persons brought in (talent policy: 引进人才, 博士, 专家团队): names in a clause
# that holds one are persons', not firms'.
_TALENT = re.compile(r"人才|专家|博士|教授|院士|团队|乡贤|能人|老师|先生|女士")


def _clause_end(text: str, position: int) -> int:
    end = min((i for i in (text.find(ch, position) for ch in "。；;") if i >= 0), default=len(text))
    return end


def _listed_firms(text: str, found: list[_Found]) -> None:
    for pattern, needles in (
        (_SETTLED_LIST, ("、",)),
        (_BROUGHT_LIST, ("签约", "簽約", "引进", "引進", "招引", "引入")),
        (_FIRM_TITLE, ("上榜", "入选", "获批", "获评", "荣登", "荣获", "被评为", "被认定为")),
        (_COUNTED_FIRMS, ("、",)),
        (_APPOSED_FIRMS, ("企业",)),
        (_HEADED_FIRMS, ("企业",)),
        (_LEADING_FIRMS, ("以",)),
    ):
        for m in _scan(pattern, text, *needles):
            position = m.start("items")
            items = m.group("items").split("、")
            spans = []
            for item in items:
                # the phase of a firm's plant (远大二期、金盛三期相继投产) is not the firm's name
                spans.append((position, _PHASE_AT_END.sub("", item)))
                position += len(item) + 1
            # A clause may open with the verb that brings the firms in (引进华宇、鑫源等企业
            # 落户): it is no part of the first name.
            first_start, first = spans[0]
            if lead := next((w for w in _LIST_VERBS if first.startswith(w) and len(first) - len(w) >= 2), ""):
                rest = first[len(lead) :]
                rest = rest[1:] if rest.startswith("了") and len(rest) > 2 else rest
                spans[0] = (first_start + len(first) - len(rest), rest)
            if any(_NOT_FIRM_WORDS.search(item) or _ends_typed(item) or item in _GENERIC_STEMS for _, item in spans):
                continue
            if not _mostly_names([item for _, item in spans]):
                continue  # 教育、医疗、养老等项目落户, 电商、快递入驻: kinds of business, not firms
            if pattern is _BROUGHT_LIST and any(_a_place(item) or not has_proper_part(item) for _, item in spans):
                continue  # 引进北京、上海: with no kind after them, every name must be a firm's
            if pattern is _BROUGHT_LIST and _TALENT.search(text, m.start(), _clause_end(text, m.end())):
                continue  # 引进张伟、李明，充实人才队伍; 引进王教授、李博士: persons brought in
            for start, item in spans:
                found.append(_Found("Company", start, start + len(item), item, "list"))


# Two or more names each made as a firm's usual name is made, a trade name and a line of
# business (华冶科技、永涛实业; 晓光新材、煜诚陶瓷), are firms whatever word closes their list
# (等一批上市后备梯队, 等处调研): the structure names them, as a legal ending does alone.
# A name beside them that ends in a product the trades do not hold (靖隆合金钢) is one
# more when its head is a coined word; two firm-shaped names at least, and no other item.
_FIRM_SHAPED_LIST = re.compile(r"(?P<items>(?:[\u4e00-\u9fff]{2,12}、)+[\u4e00-\u9fff]{2,16}?)(?=等|(?![\u4e00-\u9fff]))")


def _by_its_line(item: str) -> bool:
    return _firm_ending(item) and not item.endswith(("公司", "集团", "股份", "控股", "品牌")) and len(item) <= 8


def _firm_shaped_list(text: str, boundaries: AbstractSet[int], found: list[_Found]) -> None:
    for m in _scan(_FIRM_SHAPED_LIST, text, "、"):
        position = m.start("items")
        spans = []
        for item in m.group("items").split("、"):
            spans.append((position, item))
            position += len(item) + 1
        first_start, first = spans[0]
        cut = stem_start(text, first_start + len(first), boundaries, max_len=len(first))
        # 古丈产业开发区晓光新材: a place named before the list is where its members are.
        typed = typed_place_end(first)
        if typed is not None and typed < len(first) - 1:
            cut = max(cut, first_start + typed)
        spans[0] = (cut, text[cut : first_start + len(first)])
        if lead := next((w for w in _LIST_VERBS if spans[0][1].startswith(w) and len(spans[0][1]) - len(w) >= 2), ""):
            spans[0] = (spans[0][0] + len(lead), spans[0][1][len(lead) :])
        # No 等 closes the list (全力支持宏发实业、兴达纺织、华美服饰加快发展): its last name
        # runs on into the clause, up to its line of business.
        last_start, last = spans[-1]
        if not _by_its_line(last) and not _coined_head(last) and (cut_last := _up_to_a_line(last)):
            spans[-1] = (last_start, cut_last)
        shaped = [_by_its_line(item) for _, item in spans]
        if sum(shaped) < 2 or not all(ok or _coined_head(item) for ok, (_, item) in zip(shaped, spans)):
            continue
        if any(_NOT_FIRM_WORDS.search(item) or _ends_typed(item) or _typed_by_suffix(item) for _, item in spans):
            continue
        for start, item in spans:
            found.append(_Found("Company", start, start + len(item), item, "list"))


def _up_to_a_line(item: str) -> str:
    """The longest start of an item that ends in a line of business (华美服饰加快发展 →
    华美服饰), or ""."""
    return next((item[:n] for n in range(len(item) - 1, 3, -1) if _by_its_line(item[:n])), "")


def _coined_head(item: str) -> bool:
    """Whether a name opens with a coined trade name and goes on with a product (靖隆合金钢):
    its first two characters are no word of jieba's or a proper name, and no place."""
    head = item[:2]
    return (
        3 <= len(item) <= 6
        and not _TRADES_AT_END.search(item)
        and not _a_place(head)
        and not _one_common_word(head)
        and has_proper_part(head)
        and head not in _GENERIC_STEMS
    )


def _product_or_kind(item: str) -> bool:
    """Whether a list's item is a product or a kind of project, not a firm beside firms: it
    opens with a line of business (电缆铜芯线: a firm's name opens with its trade name) or
    ends in a common verb (渔光互补, 农光互补: kinds of solar plant).

    >>> _product_or_kind("电缆铜芯线"), _product_or_kind("渔光互补"), _product_or_kind("安徽佑顺")
    (True, True, False)
    """
    tokens = _pos_cut(item)
    freq = _tokenizer().FREQ
    # (a firm's works on its plant end in a verb too, 南方水泥优化升级: a line of business
    # inside the item says a firm is named)
    return item.startswith(_TRADES) or (
        len(tokens) > 1
        and tokens[-1].flag in ("v", "vn")
        and freq.get(tokens[-1].word, 0) >= 100
        and not any(t in item for t in _TRADES)
    )


def _sibling_firm(item: str) -> bool:
    """Whether a list's item, beside firms named by their line of business, is one more:
    a word before a line of business (大川牧业 beside 惠诚牧业). jieba tags many trade names
    as places (大川 ns), which alone would make the name an industry of a place; beside
    firms, only a division's name (临港, 宝山) or a word of kinds (现代, 绿色) does.

    >>> _sibling_firm("大川牧业"), _sibling_firm("宝山牧业"), _sibling_firm("现代农业")
    (True, False, False)
    """
    core = _trade_core(item)
    return (
        core != item
        and 2 <= len(core) <= 4
        and _HAN_ONLY.fullmatch(core) is not None
        and not _a_place(core)
        and core not in _GENERIC_STEMS
        and not is_kind_of_firm(core)
        and not _one_common_word(core)
        and has_proper_part(core)
    )


def _firm_before_product(item: str) -> str:
    """The firm a listed project is named after, when the project is its plant: a firm's
    usual name, trade name and line of business, before the product (华洋精工机器人 →
    华洋精工, 埃瓦电气智能电气设备 → 埃瓦电气, 松源印刷二期 → 松源印刷), or "". The
    name must leave a product after it and not end in a word of kinds (智能, 新材料)."""
    # The shortest such start: lines of business may go on into the product (埃瓦电气智能电气
    # 设备), and the trade name has two to four characters.
    for n in range(4, min(len(item) - 2, 8) + 1):
        name = item[:n]
        ending = _TRADES_AT_END.search(name)
        if (
            ending
            and 2 <= ending.start() <= 4
            and _firm_ending(name)
            and name[-2:] not in _GENERIC_STEMS
            and trade_name_head(name[: ending.start()], strict=True)
            and not _NOT_FIRM_WORDS.search(name)
        ):
            return name
    return ""
