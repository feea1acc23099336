"""Initiatives in quotes: a quoted name is an Initiative when a head word follows it
(“三江英才”计划), when it ends in one (“河湖长制”), or when a verb that runs programmes
precedes it (开展“双月行动”); other quoted phrases are slogans and are left alone."""

from __future__ import annotations

import re

from kg.extraction.mentions.lexicon import _Found

# Kind words that follow the quoted name of a programme, campaign, system or title
# (“三江英才”计划, “林长制”改革, “社区通”平台, “美兰湖下午茶”专场): the kinds of things a
# government runs. Up to three characters may stand between the quote and the kind word
# (“吹哨报到”管理责任制, “五色花”特色职业指导站服务), so compounds are not listed.
_INITIATIVE_HEADS = (
    "计划",
    "行动",
    "工程",
    "品牌",
    "机制",
    "体系",
    "平台",
    "模式",
    "活动",
    "项目",
    "建设",
    "试点",
    "示范",
    "理念",
    "战略",
    "制度",
    "改革",
    "工作法",
    "系统",
    "称号",
    "创建",
    "要求",
    "经验",
    "责任制",
    "先进",
    "决策",
    "服务",
    "系列",
    "阶段",
    "规划",
    "擂台赛",
    "卡",
    "专场",
    "公共空间",
    "载体",
    "改造",
    "评选",
    "推介",
    "场景",
    "成果",
    "措施",
    "政策",
    "走访",
    "纠纷",
)


_HEAD_AFTER = re.compile(rf"^[\u4e00-\u9fff]{{0,3}}?(?:{'|'.join(_INITIATIVE_HEADS)})")


_NOT_HEADS = ("的", "之", "定位", "发展定位", "战略定位", "文章")


_INITIATIVE_ENDINGS = ("制", "计划", "行动", "工程", "品牌", "机制", "节", "圈", "年", "平台", "体系", "系统", "模式", "站")


_INITIATIVE_VERBS = (
    "开展",
    "实施",
    "举办",
    "深化",
    "创建",
    "推进",
    "落实",
    "打造",
    "依托",
    "用好",
    "运用",
    "推行",
    "启动",
    "参与",
    "入选",
    "获评",
    "争创",
    "迎接",
    "申报",
    "深入开展",
    "持续深化",
    "贯彻落实",
    "加速推进",
    "常态化开展",
    "严格落实",
    "全面落实",
    "持续扩大",
    "继续开展",  # 继续+verb: how plans restate ongoing work before naming it (继续开展/依托/实施X)
    "继续依托",
    "继续实施",
    "深入实施",
    "上榜",
    "践行",
    "成为",
    "评为",
    "命名为",
    "列为",
)


_QUOTED = re.compile(r"“([^“”]{2,24})”")
_QUOTES_AFTER = re.compile(r"(?:[、和及与]?“[^“”]{1,24}”)*(?:等)?")
_LIST_BEFORE_QUOTE = re.compile(r"[、”]$")
_COUNTED_QUOTE = re.compile(r"[一二三四五六七八九十两\d]+个")
_FIGURE_ONLY = re.compile(r"[\d.%]+")


def _initiatives_in_quotes(text: str, found: list[_Found]) -> None:
    for m in _QUOTED.finditer(text):
        quoted = m.group(1)
        after = text[m.end() : m.end() + 8]
        before = text[max(0, m.start() - 6) : m.start()]
        # Consecutive quotes in a list share what follows the last: “社区通”“社区云”等平台.
        tail = _QUOTES_AFTER.match(text[m.end() :])
        assert tail is not None  # every part of the pattern is optional
        after_list = text[m.end() + tail.end() : m.end() + tail.end() + 8]
        # A quote followed by a head word names that programme (“三江英才”计划,
        # “美兰湖下午茶”专场活动); otherwise a verb that runs programmes must precede it.
        # Adjectival (…”的) and positioning (…”定位) quotes are slogans.
        head = bool(_HEAD_AFTER.match(after) or _HEAD_AFTER.match(after_list))
        ends = quoted.endswith(_INITIATIVE_ENDINGS)
        verb = before.endswith(_INITIATIVE_VERBS) or (
            bool(_LIST_BEFORE_QUOTE.search(before)) and _quote_chain_has_verb(text, m.start())
        )
        slogan = (quoted.count("，") and not head) or (quoted.count("、") > 1 and not head) or after_list.startswith(_NOT_HEADS)
        if _COUNTED_QUOTE.match(quoted):
            slogan = True  # numbered political formulas: “四个意识”, “两个维护”
        if slogan or not (head or ends or verb):
            continue
        if _FIGURE_ONLY.fullmatch(quoted):
            continue
        found.append(_Found("Initiative", m.start(1), m.end(1), quoted, "quote"))


_QUOTE_CHAIN = re.compile(r"(?:“[^“”]{1,24}”[、和及与]?)+$")


def _quote_chain_has_verb(text: str, quote_start: int) -> bool:
    """In “社区通”、“社区云”, the verb before the first quote governs the rest."""
    chain = _QUOTE_CHAIN.search(text, 0, quote_start)
    position = chain.start() if chain else quote_start
    return text[max(0, position - 6) : position].endswith(_INITIATIVE_VERBS)
