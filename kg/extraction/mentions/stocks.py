"""Stocks of the town: the firms, co-operatives and farms it has, counted by a register
(现有规模工业企业3家, 各类合作社已经发展到63家, 全镇规上工业企业56家，…), as statistical
bulletins give them; new ones (新增…) are an action and are not read here."""

from __future__ import annotations

import re

from kg.extraction.mentions.figures import _FIGURE_LEAD, _NEWLY_ADDED, _WHOLE_TOWN, _clause_before, _name_start
from kg.extraction.mentions.lexicon import _Found, _scan_near

# A stock of enterprises or farm businesses the town has (现有规模工业企业3家, 各类合作社已经
# 发展到63家, 规模牧业小区21个): statistical bulletins count them; 新增/引进 counts are
# actions, and are not read here.
_STOCK = re.compile(
    r"(?P<lead>现有|共有|全镇有|全乡有|拥有|已有)?(?P<name>(?:[\u4e00-\u9fff]{0,10}?)(?:企业|合作社|家庭农场|专业大户|市场主体|经营主体|"
    r"个体工商户|牧业小区|养殖小区|公司))(?P<total>总数|总量)?"
    # 规上工业企业由32家增加到58家: the stock reached over a stretch of years, as five-year
    # reports count their firms.
    r"(?P<verb>已经发展到|发展到|达到|达|共|由\d+(?:余|多)?(?:家|个|户)(?:增加|增长|发展|上升|提高)?(?:到|至))?(?=\d+(?:余|多)?(?:家|个|户))"
)
# Where _STOCK's kind word starts, with its count after it: a match starts at most 13
# characters before (a lead of 3, a name of 10), so only those positions are tried
# (_scan_near) rather than every position of every sentence.
_STOCK_AT = re.compile(
    r"(?=(?:企业|合作社|家庭农场|专业大户|市场主体|经营主体|个体工商户|牧业小区|养殖小区|公司)(?:总数|总量)?"
    r"(?:已经发展到|发展到|达到|达|共|由\d+(?:余|多)?(?:家|个|户)(?:增加|增长|发展|上升|提高)?(?:到|至))?\d+(?:余|多)?(?:家|个|户))"
)


_STOCK_BEFORE = re.compile(r"(?:有|总数|总量|达到|达|发展到)[^，。；]{0,16}?\d+(?:余|多)?(?:家|个|户)$")


# 新增农民专业合作社12家，总数达到86家: the new ones are an action, the total after them is the
# town's stock of the same kind.
_TOTAL_AFTER_NEW = re.compile(
    r"(?:新增|新培育|培育|新发展|引进)(?P<name>[\u4e00-\u9fff]{0,10}?(?:企业|合作社|家庭农场|专业大户|市场主体|经营主体|个体工商户))"
    r"\d+(?:余|多)?(?:家|个|户)[，,](?P<total>总数|总量|累计|共有)(?=(?:已)?(?:达到|达|为|增至|发展到)?\d+(?:余|多)?(?:家|个|户))"
)


# A count closed by a mark is stated for itself (…企业56家，实现…), not the subject of a verb
# after it (规上企业5家获评…).
_COUNT_CLOSED = re.compile(r"\d+(?:余|多)?(?:家|个|户)(?:[，。；、,;]|$)")
_NEW_COUNT = re.compile(
    r"^[\u4e00-\u9fff]{0,6}?(?:新增|引进|新引进|培育|新发展|认定|申报|获评|评为|入选|获批)[^，。；]*\d+(?:余|多)?(?:家|个|户)$"
)
_SUM_CLASS = re.compile(r"(?:超|过|逾|以上)[^，。；的]{0,6}元(?:以上)?的?|元以上")
_SIZE_CLASS = re.compile(r"规模以上|规上|[四五]上|限额以上|限上|高新技术|专精特新")
_HELD_BEFORE = re.compile(r"有[^，。；]{0,16}$")
_DESCRIPTION = re.compile(r"^.*的")


# 全镇农民专业合作社发展到56家，家庭农场32家: the next kinds counted after a stock, with no
# verb of their own, are stocks of the town too, as a statistical list gives them.
_STOCK_FIGURE = re.compile(r"(?:总数|总量)?(?:已经发展到|发展到|达到|达|共|为)?\d+(?:余|多)?(?:家|个|户)")
_NEXT_STOCK = re.compile(
    r"[、，,](?P<name>[\u4e00-\u9fff]{0,10}?(?:企业|合作社|家庭农场|专业大户|市场主体|经营主体|个体工商户|牧业小区|养殖小区|公司))"
    r"(?=(?:达到|达|共|为)?\d+(?:余|多)?(?:家|个|户))"
)


def _stock_members(text: str, found: list[_Found]) -> None:
    for f in [f for f in found if f.type == "Indicator" and f.rule == "figure:stock"]:
        pos = f.end
        while (figure := _STOCK_FIGURE.match(text, pos)) and (m := _NEXT_STOCK.match(text, figure.end())):
            name, start = m.group("name"), m.start("name")
            if lead := _FIGURE_LEAD.match(name):
                name, start = name[lead.end() :], start + lead.end()
            if (
                len(name) < 2
                or _NEWLY_ADDED.search(m.group("name"))
                or _SUM_CLASS.search(name)
                or any(g.start < m.end("name") and start < g.end for g in found if g.type == "Indicator")
            ):
                break
            found.append(_Found("Indicator", start, m.end("name"), name + "数", "figure:stock"))
            pos = m.end("name")


def _stocks(text: str, found: list[_Found]) -> None:
    for m in _TOTAL_AFTER_NEW.finditer(text):
        found.append(_Found("Indicator", m.start("total"), m.end("total"), m.group("name") + "数", "figure:stock"))
    for m in _scan_near(_STOCK, text, _STOCK_AT, 13):
        start = _name_start(text, m.start("name"), m.end("name"), 16)
        before = text[max(0, start - 4) : start]
        written = text[start : m.end("name")]  # with its lead (新增…): what it says was done
        name = written
        if lead := _FIGURE_LEAD.match(name):
            name, start = name[lead.end() :], start + lead.end()
        stock = (
            m.group("lead")
            or m.group("total")
            or m.group("verb") in ("已经发展到", "发展到")
            or (m.group("verb") and _WHOLE_TOWN.search(text[max(0, start - 4) : start]))
            # 新型农业经营主体达到200家: a level reached (达到) is the stock's, as 发展到 is.
            or m.group("verb") in ("达到",)
            or (m.group("verb") or "").startswith("由")
            # 规上工业企业达到56家: the firms of a statistical register are the town's own, with
            # or without a verb (全镇规上工业企业56家，实现产值32亿元).
            or (_SIZE_CLASS.search(name) and (m.group("verb") or _COUNT_CLOSED.match(text, m.end())))
            or _HELD_BEFORE.search(text[max(0, start - 20) : start])
            # 全镇现有规上工业企业42家，其中高新技术企业15家: a class within a stock just
            # counted is a stock too.
            or (text[max(0, start - 2) : start] == "其中" and _STOCK_BEFORE.search(_clause_before(text, start)))
        )
        name = _DESCRIPTION.sub("", name)  # 以养殖猪、羊为主的规模牧业小区: the kind, not its description
        start = m.end("name") - len(name)
        # 纳税超百万元的企业达到12家: firms of a class by a sum they pass count how the firms
        # are spread over sizes, not a register of the town (read_figures' size classes).
        if not stock or _NEWLY_ADDED.search(before + written) or len(name) < 2 or _SUM_CLASS.search(written):
            continue
        # 新增规模以上工业企业4家、高新技术企业2家; 新增规上工业企业1家，服务业规上企业2家: the
        # kinds listed after new ones are new ones too.
        head = text[max(text.rfind(c, 0, start) for c in "，。；,;：:") + 1 : start]
        if _NEWLY_ADDED.search(head) or (_NEW_COUNT.match(_clause_before(text, start)) and not m.group("verb")):
            continue
        # 规上企业总数达21家: the mention includes its 总数.
        found.append(
            _Found("Indicator", start, m.end("total") if m.group("total") else m.end("name"), name + "数", "figure:stock")
        )
    _stock_members(text, found)
