"""The period a part covers, read from its heading, the report's date and its title.

``一、2022 年工作回顾`` covers 2022; ``一、上半年工作回顾`` the first half of the report's
year; ``二、下半年工作打算`` the second half; ``二、2025年目标任务和重点工作`` 2025;
``过去五年``, ``五年来`` and ``今后五年`` five years. When a heading names no year:

- a report given in the year's last quarter reviews that year and plans the next; one
  given in its first half reviews the year before and plans its own year — town
  congresses meet at the turn of the year;
- a report given between June and September is a mid-year report: it reviews the first
  half (上半年) and plans the second (下半年), as does one whose title says 上半年;
- without a date, the year in the title (``白鹤镇2023年政府工作报告``) is the plan's year,
  since reports are named after the congress that meets early in that year.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from loaders.headings import part_kind
from loaders.model import Period

__all__ = ["half_year_named", "part_kind", "part_period", "title_year"]

_YEAR = re.compile(r"(\d{4})\s*年")
# A year beside the word of looking back or ahead, without 年 (回顾2021, 展望2022, 2018工作计划):
# a bare number elsewhere in a heading (2023乡镇…情况汇报, a copy site's prefix) is no year.
_BARE_YEAR = re.compile(
    r"(?:回顾|回望|展望|盘点)\s*((?:19|20)\d{2})(?![\d.%％])"
    r"|(?<![\d.])((?:19|20)\d{2})\s*(?=(?:年度)?(?:工作)?(?:回顾|回望|展望|盘点|计划|总结|安排|打算|要点))"
)
_YEARS_SPAN = re.compile(r"(?:过去|今后|未来|近)([一二三四五六七八九十两\d]+)年|([一二三四五六七八九十两\d]+)年来")
# 本届政府: a township government's term, five years since the 2016 reform of the terms.
# 新一届政府: the term a five-year plan part proposes work for.
_TERM = re.compile(r"本届|换届以来|新一届")
# A term's review told by its first words or by the opening formula, when its heading names
# no span (一、主要工作回顾 after 我代表…向大会报告过去五年的工作; a review opening 过去五年，…
# or 本届政府成立以来，…): a new term's report reviews the term's five years.
_TERM_OPENING = re.compile(
    r"报告[^。]{0,8}?(?:过去|近)(?:的)?五年|报告[^。]{0,4}?本届(?:镇|乡|街道)?(?:人民)?政府(?:的)?工作"
    r"|^\s*(?:过去的?五年|五年来|本届(?:镇|乡|街道)?(?:人民)?政府(?:成立)?以来|自?\d{4}\s*年?换届以来|换届以来)"
    r"|^第[^届\n]{1,4}届[^\n]{0,12}?第(?:一|1)次会议$",
    re.MULTILINE,
)
# How long the term was, when an account of a term's session says (过去六年的工作予以充分肯定).
_TERM_YEARS = re.compile(r"过去的?([五六七八])年|([五六七八])年来")
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _year_range(first: int, last: int) -> Period:
    return Period(date(first, 1, 1), date(last, 12, 31))


# A title that names both halves gives each its year: 2023年工作总结及2024年工作计划.
_TITLE_KIND_YEAR = {
    "review": re.compile(r"(\d{4})\s*年(?:度)?(?:上半年)?(?:工作)?(?:总结|回顾|完成情况)"),
    "plan": re.compile(r"(\d{4})\s*年(?:度)?(?:下半年)?(?:工作)?(?:计划|安排|打算|要点|思路|目标|谋划|设想)"),
}
# Words of a headline telling how the year's works went (…完美“交卷”, …完成情况, …全部完工): it
# names the year it gives account of, not the year after it.
_YEARS_WORKS_ACCOUNT = re.compile(r"交卷|完成情况|进展情况|落实情况|推进情况|完工|竣工|建成")
# Words of a title naming a town's account of its year for its county or its readers (汇报,
# 述职, 工作情况, 工作亮点, 工作成效, 工作盘点), not the report to the congress named by
# the year it meets in.
_OWN_YEARS_ACCOUNT = re.compile(r"汇报|述职|情况|亮点|成效|盘点")
# The national five-year plans a review may cover (“十三五”时期发展回顾): each era's years.
_ERAS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}


# A five-year plan of the town names its era with the plan (“十四五”规划, “十二五”工作计划,
# “十四五”发展目标, 第十四个五年规划): the plan covers the era's five years. Not the era's
# first year (“十四五”开局之年), which a yearly plan names.
_PLAN_ERA = re.compile(
    r"(十[一二三四五]五|第十[一二三四五]个”?五年)”?(?:时期|期间)?(?:发展)?(?:规划|计划|发展目标|目标任务|奋斗目标)"
    # …nor one year of the era by its place in it (“十四五”规划的决胜之年, 规划开局之年).
    r"(?!的?(?:开局|起步|关键|攻坚|决胜|冲刺|收官|承上启下|谋篇布局)之?年)"
)


def plan_era(text: str | None) -> str | None:
    """The era (十四五) whose five-year plan ``text`` names, if any.

    >>> plan_era("凉水镇“十二五”工作计划"), plan_era("二、“十四五”发展目标"), plan_era("国民经济和社会发展“第十四个”五年规划")
    ('十二五', '十四五', '十四五')
    >>> plan_era("2021年是“十四五”开局之年") is None, plan_era("2025年是“十四五”规划的决胜之年") is None
    (True, True)
    """
    if not text or not (m := _PLAN_ERA.search(text.replace("工作计划", "计划"))):
        return None
    era = m.group(1)
    if era.startswith("第"):
        era = era[1:].split("个")[0] + "五"
    return era if era in _ERAS else None


def title_year(title: str | None, kind: str | None = None) -> int | None:
    """The year a title names (``2023年政府工作报告`` → 2023); with ``kind``, the year the
    title gives that half, if it names one.

    >>> title_year("未央湖街道2023年工作总结及2024年工作计划", "plan")
    2024
    >>> title_year("镇2023年工作总结和2024年工作谋划", "plan")
    2024
    """
    if not title:
        return None
    if kind in _TITLE_KIND_YEAR:
        m = _TITLE_KIND_YEAR[kind].search(title)
        return int(m.group(1)) if m else None
    if m := _YEAR.search(title) or _TITLE_BARE_YEAR.search(title):
        return int(m.group(1))
    return None


# A title's year written without 年 before the half or the document (2023上半年工作开展情况,
# 2023年度 aside: 托口镇2018工作计划, 2023下半年工作打算).
_TITLE_BARE_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?=[上下]?半年|年度|工作)")


# A report of one quarter (一季度工作总结, 第二季度工作汇报): its title or heading names the
# quarter, and its review covers those months.
# A report of the year so far (前三季度工作汇报, 1—10月份工作总结, 1-9月工作情况) is a review
# written before the year ended, which covers its calendar year (the corpus README:
# "今年以来, 1—10月 still covers its calendar year"), whatever its date — a page of late
# September is no mid-year report. (A year's review that quotes the figures of 1—10月 in its
# body covers the year too: only the title or heading counts.)
_QUARTERS = {"一": (1, 3), "二": (4, 6), "三": (7, 9), "四": (10, 12)}
_QUARTER = re.compile(r"(?<!前)第?(?P<q>[一二三四])季度")
_SO_FAR = re.compile(
    r"前[两二三]季度"
    r"|(?<![\d.])(?:1|一)\s*(?:月份?)?\s*[-—－~至到]\s*(?P<m2>1[01]|[2-57-9]|[二三四五七八九十]|十一)\s*月份?"
)


def months_span(text: str) -> tuple[int, int] | None:
    """The months (first, last) of the quarter a title or heading says its review covers.

    >>> months_span("2023年一季度工作总结"), months_span("第二季度工作汇报")
    ((1, 3), (4, 6))
    >>> months_span("2023年工作总结") is None, months_span("前三季度工作总结") is None
    (True, True)
    """
    if _SO_FAR.search(text):
        return None
    m = _QUARTER.search(text)
    return _QUARTERS[m.group("q")] if m else None


def year_so_far(text: str) -> bool:
    """Whether a title or heading names the months of the year so far (前三季度, 1—10月).

    >>> year_so_far("1-10月份工作情况汇报"), year_so_far("前三季度工作总结"), year_so_far("1-6月工作总结")
    (True, True, False)
    """
    return bool(_SO_FAR.search(text))


# A title naming the half-year without 上 (2023年半年工作总结, 半年度工作汇报) names the first
# half, as every half-year report given or published in the summer does; 下半年 is the
# second half, and 大半年, 近半年 (most of the year, the last six months) no half-year.
_HALF_ALONE = re.compile(r"(?<![上下大多近前后一两])半年(?!以来|来)")


def half_year_named(title: str) -> str:
    """``title`` with a bare 半年 read as 上半年.

    >>> half_year_named("白鹤镇2023年半年工作总结"), half_year_named("下半年工作安排")
    ('白鹤镇2023年上半年工作总结', '下半年工作安排')
    """
    return _HALF_ALONE.sub("上半年", title)


_HALF_YEAR = re.compile("上半年|下半年")


@cache
def _era_reviewed(era: str) -> re.Pattern:
    """A heading that reviews a five-year plan's era (“十三五”时期, 和“十三五”工作回顾)."""
    return re.compile(rf"{era}”?(?:时期|期间|和|及|以来|(?:工作|发展)?回顾)|(?:和|及)“?{era}”?(?:工作|发展)?回顾")


def part_period(
    kind: str,
    heading: str | None,
    report_date: date | None,
    title: str | None = None,
    opening: str = "",
    published_only: bool = False,
) -> Period | None:
    """The period a review or plan part covers, or None when it cannot be told.

    >>> part_period("review", "一、上半年工作回顾", date(2023, 7, 26))
    Period(start=datetime.date(2023, 1, 1), end=datetime.date(2023, 6, 30))
    >>> part_period("plan", "二、2024 年主要任务", date(2024, 1, 10)).end
    datetime.date(2024, 12, 31)
    >>> part_period("review", "过去五年工作回顾", date(2022, 1, 8))
    Period(start=datetime.date(2017, 1, 1), end=datetime.date(2021, 12, 31))
    >>> part_period("review", "一、主要工作", None, "白鹤镇2023年政府工作报告").start
    datetime.date(2022, 1, 1)
    >>> part_period("plan", "二、工作打算", date(2023, 7, 20))
    Period(start=datetime.date(2023, 7, 1), end=datetime.date(2023, 12, 31))
    >>> part_period("review", "2020年工作及“十三五”时期发展回顾", None)
    Period(start=datetime.date(2016, 1, 1), end=datetime.date(2020, 12, 31))
    >>> part_period("review", "一、工作完成情况", None, "大雁塔街道2025年工作总结及2026年工作计划").end
    datetime.date(2025, 12, 31)
    >>> part_period("review", "2019年和今年以来工作回顾", date(2020, 6, 19))
    Period(start=datetime.date(2019, 1, 1), end=datetime.date(2020, 6, 19))
    >>> part_period("review", "一、主要工作回顾", date(2021, 12, 28), opening="过去五年，我们…")
    Period(start=datetime.date(2017, 1, 1), end=datetime.date(2021, 12, 31))
    >>> part_period("review", None, None, "某镇2023年一季度工作总结")
    Period(start=datetime.date(2023, 1, 1), end=datetime.date(2023, 3, 31))

    ``published_only``: ``report_date`` is the page's publishing date, not the day the
    report was given. ``opening`` is the review's first words and the opening formula (向大会报告过去五年的
    工作): a term's review (过去五年, 本届政府以来) says so there when its heading does not.
    """
    if kind not in {"review", "plan"}:
        return None
    heading = heading or ""
    title = half_year_named(title or "")
    # 回顾2021, 展望2022: a short heading may give its year without 年.
    years = [int(y) for y in _YEAR.findall(heading) or [a or b for a, b in _BARE_YEAR.findall(heading)]]
    if kind == "review":
        for era, (first, last) in _ERAS.items():
            # 2020年和“十三五”工作回顾 reviews the era too; not “十四五”开局之年.
            if _era_reviewed(era).search(heading):
                years += [first, last]
    # “十四五”时期发展目标和2021年工作安排: the era's plan, with its first year's work in it.
    elif (planned := plan_era(heading)) or (not years and (planned := plan_era(title))):
        return _year_range(*_ERAS[planned])  # a town's own five-year plan (“十四五”规划, 十二五工作计划)
    count = 1
    if span := _YEARS_SPAN.search(heading):
        token = span.group(1) or span.group(2)
        count = int(token) if token.isdigit() else _CN_DIGITS.get(token, 1)
    elif _TERM.search(heading):
        count = 5
    elif kind == "review" and not years and _TERM_OPENING.search(opening):
        count = _CN_DIGITS[m.group(1) or m.group(2)] if (m := _TERM_YEARS.search(opening)) else 5
    own = not years and not _HALF_YEAR.search(heading)
    months = months_span(heading) or (months_span(title) if own else None)
    if kind == "review" and count == 1 and "以来" not in heading and (year_so_far(heading) or (own and year_so_far(title))):
        if (year := years[0] if years else title_year(title) or (report_date.year if report_date else None)) is not None:
            return _year_range(year, year)
    if kind == "review" and months and count == 1 and "以来" not in heading:
        year = years[0] if years else title_year(title) or (report_date.year if report_date else None)
        if year is not None:
            after = date(year, months[1] + 1, 1) if months[1] < 12 else date(year + 1, 1, 1)
            return Period(date(year, months[0], 1), date.fromordinal(after.toordinal() - 1))
    # 上半年以来工作回顾 (since the first half began) is the year so far, not its first half.
    heading = heading.replace("上半年以来", "今年以来")
    half = "上半年" in heading or "下半年" in heading
    # …a day of giving, not of publishing: a page published in June may carry a plan for the
    # whole year (a vote on the year's works reported months after the session).
    mid_year = (report_date is not None and not published_only and 6 <= report_date.month <= 9) or "上半年" in title
    # 2021年以来工作回顾, 2019年和今年以来工作回顾 in a report of a later year: from that year
    # up to the day the report is given.
    if kind == "review" and years and "以来" in heading and report_date is not None and report_date.year > max(years):
        return Period(date(min(years), 1, 1), report_date)
    if years:
        if len(years) > 1:
            return _year_range(min(years), max(years))
        year = years[0]
    elif report_date is not None:
        if half or (mid_year and count == 1):
            year = report_date.year
        elif kind == "review":
            year = report_date.year if report_date.month >= 10 else report_date.year - 1
        else:
            year = report_date.year + 1 if report_date.month >= 10 else report_date.year
    elif (named := title_year(title, kind)) is not None:
        year = named  # the title names this half's year itself
    elif (named := title_year(title)) is not None:
        # A report titled by the year it is given in (2023年白鹤镇政府工作报告, 白鹤镇召开2024年
        # 人代会) reviews the year before; a headline giving an account of the year's works
        # (良江镇2024年重点民生实事项目完美“交卷”, …完成情况), that year.
        # …and so does a town's own account of a year, not given to its congress (白鹤镇2023年
        # 工作情况汇报, 2023年度述职报告, 2023年度工作亮点): the year it tells of.
        year = (
            named
            if half
            or mid_year
            or kind == "plan"
            or _YEARS_WORKS_ACCOUNT.search(title)
            or (_OWN_YEARS_ACCOUNT.search(title) and "工作报告" not in title)
            else named - 1
        )
    else:
        return None
    if "上半年" in heading or (not half and not years and mid_year and count == 1 and kind == "review"):
        return Period(date(year, 1, 1), date(year, 6, 30))
    if "下半年" in heading or (not half and not years and mid_year and count == 1 and kind == "plan"):
        return Period(date(year, 7, 1), date(year, 12, 31))
    if count > 1:
        return _year_range(year - count + 1, year) if kind == "review" else _year_range(year, year + count - 1)
    return _year_range(year, year)
