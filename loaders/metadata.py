"""Report metadata read from the text: title, place, dates, congress session, speaker.

Work reports open with a title block such as::

    政府工作报告
    ——2023年7月26日在上海市宝山区庙行镇
    第八届人民代表大会第四次会议上
    庙行镇镇长 朱峻峰

or ``白鹤镇2023年政府工作报告`` followed by ``（2023年1月12日）``, or a dateless title
straight before ``各位代表：``. Sites that publish them add their own lines (``发布时间：
2023-02-01 09:30``, ``来源：XX镇人民政府``).

- **The report's date** is the day it was given to the congress or council: a date tied to
  a meeting (``…日在…人民代表大会…会议上``), or a date standing alone, in brackets or after
  a dash, in the title block. Dates a site prints for publishing (after 发布/来源/时间/日期,
  with a clock time, or written 2023-02-01) are kept as ``published``, never as the
  report's date. Dates in Chinese numerals (二〇二三年一月十二日) count the same.
- **The place** comes from the congress line, the opening formula (我代表…人民政府), the
  title, the speaker's office and the publishing body, resolved in the national gazetteer
  (:mod:`loaders.places`). Nothing is taken from the file name, nothing defaults to a city.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from loaders.gazetteer import gazetteer
from loaders.headings import WORKS_CATEGORY
from loaders.places import (
    county_leading,
    county_of_location,
    named_township,
    only_township,
    resolve_place,
    township_by_short_name,
    township_of_slogan,
)

_NUM = r"[一二三四五六七八九十百零〇\d]+"
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_NUMERIC_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
# 20121026东山镇第二届人民代表大会…: a date written without separators, tied to a meeting.
# 26.07.2016  03:41: a news aggregator's dateline, day first, with its clock time — a page's date.
_DAY_FIRST_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})\s+\d{1,2}:\d{2}")
_COMPACT_DATE = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")
# ——2025228日在沈村镇…人民代表大会: a site's template that drops 年 and 月 runs the date
# together; it is read when one split only gives a month and a day (228: 2-28, not 22-8).
_RUN_DATE = re.compile(r"(?<!\d)(\d{4})(\d{2,4})日")


def _unrun(m: re.Match) -> str:
    year, rest = m.group(1), m.group(2)
    splits = [(rest[:i], rest[i:]) for i in (1, 2) if i < len(rest) and not rest[i:].startswith("0")]
    valid = [(mo, d) for mo, d in splits if _make(year, mo, d) is not None and len(d) <= 2]
    return f"{year}年{int(valid[0][0])}月{int(valid[0][1])}日" if len(valid) == 1 else m.group()


_MONTH_ONLY = re.compile(r"^[（(—\-\s]*(\d{4})\s*年\s*(\d{1,2})\s*月[）)\s]*$")
_MEETING = r"(?:人民代表大会|代表大会|人大|居民议事会|议事会|议政会|居民代表会议|大会|会议)"
_SESSION = re.compile(
    rf"第\s*({_NUM})\s*届\s*(人民代表大会|居民议事会|议事会|议政会|居民代表会议)\s*第\s*({_NUM})\s*次\s*(?:全体)?(?:会议|大会)"
)
# A site's own dates: after these words, or with a clock time.
_PUBLISHED = re.compile(r"发布|来源|时间|日期|更新|浏览|阅读|点击|作者|编辑|\d{1,2}:\d{2}")
_SESSION_DATE = re.compile(rf"(?:于|在|，|,)?\s*[^。]{{0,40}}?{_MEETING}")
_ALONE = re.compile(r"^[（(〔【\[—\-－–\s]*$")
_PLACE = r"[\u4e00-\u9fff]{2,30}?"
# …在白鹤镇第十七届人民代表大会…, and its short form 在白鹤镇十七届人大二次会议上.
_PLACE_BEFORE_CONGRESS = re.compile(
    rf"(?:在|(?<=\d))(?![日在])(?P<place>{_PLACE})(?:第?\s*{_NUM}\s*届)\s*{_MEETING}|在(?P<place2>{_PLACE}){_MEETING}"
    # A news account's first sentence: 3月6日，覃塘区樟木镇第三届人民代表大会第七次会议在…举行;
    # 九华乡召开第十五届人民代表大会…; …参加来安县张山镇十七届人大五次会议 (what runs before
    # the place is cut by the gazetteer's longest known tail).
    rf"|(?<=[，,。\s日])(?P<place3>{_PLACE}(?:镇|乡|街道))(?:召开了?|举行了?)?(?:第?\s*{_NUM}\s*届)\s*{_MEETING}"
)
# 街道办事处 is read as the unit 街道 and its office 办事处: the lazy name would stop before 街道.
_PLACE_OF_GOVERNMENT = re.compile(rf"(?:代表|受)(?P<place>{_PLACE})(?:第{_NUM}届)?(?:人民政府|办事处|政府)")
# A town's five-year plan names its era where a yearly report names its year: 凉水镇“十二五”
# 工作计划, 腰堡镇“十四五”发展规划.
_TITLE_ERA = r"(?:“?十[一二三四五]五”?(?:时期)?)"
_TITLE_PLACE = re.compile(
    rf"(?:\d{{4}}年度?)?(?P<place>{_PLACE})(?:\d{{4}}年度?|{_TITLE_ERA})?(?:上半年|下半年)?(?:人民政府|办事处|政府)?(?:\d{{4}}年度?)?"
    rf"(?:(?:政府)?工作(?:报告|总结|计划)|(?<=[五”期])(?:经济社会|国民经济和社会)?(?:发展)?规划)"
)
_REGION_LINE = re.compile(r"(?:所属地区|所在地区|地区|区域)[：:]\s*(?P<units>[\u4e00-\u9fff][\u4e00-\u9fff\-—>/\s]{1,30})")
# What publishing sites print: the publishing body, the source, the breadcrumb, the banner.
_SITE_LINE = re.compile(
    r"(?:发布机构|发布部门|发文机关|信息来源|来源|发布单位)[\s\]】|:：]*(?P<place>[\u4e00-\u9fff]{2,30}?)(?=人民政府|街道办事处|办事处|政府|[\s|:：\]]|$)"
)
# …the last crumb too, a place directory's page of the town (首页 >> 陕西 >> 商洛市 >> 乡镇介绍 >> 马家台乡 |).
_BREADCRUMB = re.compile(r"[>›»]\s*(?P<place>[\u4e00-\u9fff]{2,12}?(?:镇|乡|街道))(?:人民政府|办事处)?\s*(?=[>›»]|[|｜]?\s*$)")
_BANNER = re.compile(r"欢迎(?:访问|来到)(?P<place>[\u4e00-\u9fff]{2,30}?)(?:人民政府|政府)")
_BODY = re.compile(rf"(?P<place>{_PLACE})(?:人民政府|街道办事处|办事处)")
# A site's footer names who runs it: 主办单位：无锡市新吴区人民政府, 版权所有：XX县人民政府,
# © 2024 XX县人民政府 版权所有. A county's portal hosts its towns' reports, so the footer
# names the units above the town when the page names only the town.
_FOOTER = re.compile(
    r"(?:主办单位|网站主办|主办|承办单位|版权所有)[\s:：©]*(?:\d{4}\s*)?(?P<place>[\u4e00-\u9fff]{2,30}?)(?:人民政府|街道办事处|办事处)"
    r"|(?P<place2>[\u4e00-\u9fff]{2,30}?)(?:人民政府|街道办事处|办事处)(?:办公室)?\s*版权所有"
)
# How much of a page's end its footer takes: a few lines of links, addresses and codes.
_FOOTER_CHARS = 600


def footer_places(text: str) -> list[str]:
    """Places named as the site's owner in the page's footer.

    >>> footer_places("……全年完成投资3亿元。 主办单位：无锡市新吴区人民政府  网站标识码：3202140001")
    ['无锡市新吴区']
    >>> footer_places("Copyright © 2024 铅山县人民政府 版权所有")
    ['铅山县']
    >>> footer_places("图片、文章来源于网络,版权归原作者所有")
    []
    """
    return [m.group("place") or m.group("place2") for m in _FOOTER.finditer(text[-_FOOTER_CHARS:])]


_ROLE_WORDS = ("镇长", "乡长", "主任", "区长", "县长", "市长", "书记")
_SPEAKER = re.compile(rf"^(?P<role>\S*?(?:{'|'.join(_ROLE_WORDS)}))\s*(?P<name>[\u4e00-\u9fff·]{{2,5}})$")
_SPEAKER_PLACE = re.compile(
    rf"^(?:[^\s]*?[，、])?(?P<place>{_PLACE}(?:镇|乡|街道))(?:人民政府|办事处)?(?:党委副书记、)?(?:代)?(?:镇长|乡长|主任)"
)
_NAME_ONLY = re.compile(r"^[\u4e00-\u9fff]{1,2}\s*[\u4e00-\u9fff]{1,3}$")
_SITE_LABEL = re.compile(r"^(?:信息名称|内容概述|标题|名称|文件名称|当前位置|您现在所在的位置)")
# The other fields of a disclosure site's table (索引号: … 组配分类: 政府工作报告): their
# values classify the page, they are no title.
_SITE_FIELD = re.compile(r"^(?:索引号|组配分类|主题分类|发布机构|文号|生成日期|发布日期|成文日期|信息来源|来源)\s*[:：]")
# A table's title field: 名称: 洪林镇人民政府2022年上半年政府工作报告.
_TITLE_FIELD = re.compile(
    r"(?:^|\s)(?:信息名称|文件名称|标题|名称)\s*[:：]\s*(?P<title>[^:：\s]{4,60}?(?:工作报告|工作总结|工作计划))"
)
_TOWN_TAIL = re.compile(r"(?:镇|乡|街道|苏木)$")


@dataclass
class Metadata:
    title: str | None = None
    province: str | None = None
    city: str | None = None
    district: str | None = None  # the county-level unit (县, 区, 县级市, 旗)
    town: str | None = None
    place_code: str | None = None  # the most specific division code resolved
    place_evidence: str = ""
    date: date | None = None  # the day the report was given to the congress or council
    # dt.date: the field "date" above shadows the type's name within the class
    published: dt.date | None = None  # a date the publishing site gives
    month: dt.date | None = None  # a title block dated to the month only (2020年12月)
    session: str | None = None
    speaker: str | None = None
    speaker_role: str | None = None


_CHINESE_DIGIT = re.compile(r"[〇○零一二三四五六七八九十]")
_INNER_ZERO = re.compile(r"(?<=[〇○零一二三四五六七八九])[○Ｏ零](?=[〇○零一二三四五六七八九]*年)")
_LETTER_ZERO = re.compile(r"[○Ｏ](?=[〇零一二三四五六七八九]{2,3}年)|(?<=[二一])[○Ｏ]")


# (the date readers convert the same lines again, a line and the next one: the answers are
# kept per line, bounded; cn2an's transform is slow)
@lru_cache(maxsize=4096)
def _arabic(text: str) -> str:
    """Dates in Chinese numerals as digits: 二〇二三年元月十二日 → 2023年1月12日."""
    if not _CHINESE_DIGIT.search(text):
        return text
    text = _INNER_ZERO.sub("〇", text)
    text = _LETTER_ZERO.sub("〇", text)
    text = text.replace("元月", "一月")
    # imported here: cn2an takes half a second to import, and only dates written in
    # Chinese numerals need it (every read command imports this module through loaders)
    import cn2an

    # cn2an warns on the terminal about every run of numerals it cannot read (“十三五”, 百亿)
    # and leaves them as they are, which is what kg wants: the warning is noise to a user.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        try:
            return cn2an.transform(text, "cn2an")
        except (ValueError, KeyError):  # cn2an refuses some mixed strings; keep the text
            return text


def _make(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


_MONTH_DAY = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日")
# A day said as the session's close (2026年1月28日，…第十一次会议圆满完成各项议程后胜利闭幕): a news
# item on the closing day is dated by it (kept as the page's date), but the report was given at
# the opening, days before in a session of several days — the report's day is not told.
_CLOSED_ONLY = re.compile(r"(?![^。]*?(?:开幕|召开|举行|开会))[^。]*?闭幕")
# …unless the item tells the session opened (大会在庄严的国歌声中拉开帷幕): a one-day session,
# its closing day the report's.
_OPENED = re.compile(r"开幕|拉开帷幕")
_MEETING_BEFORE = re.compile(r"(?:届|次)[^。，]{0,12}(?:会议|大会)上?[\s（(—\-]*$")
_BRACKETS_ONLY = re.compile(r"^[\s）)]*$")
_WEEKDAY = re.compile(r"\s*(?:星期|礼拜)[一二三四五六日天]?")
_ISSUER_AT_END = re.compile(r"(?:人民政府|办事处|委员会)$")
_TIME_OF_DAY = re.compile(r"^(?:上午|下午|晚上)?[）)〕】\]\s]*$")


def read_dates(lines: list[str]) -> tuple[date | None, date | None]:
    """(the report's date, the publishing date) from the title-block lines. A date tied
    to a meeting beats a date standing alone; a date under a signature (a line ending in
    人民政府: the notice that publishes the report) is the notice's, not the meeting's.

    >>> read_dates(["政府工作报告", "——2023年7月26日在上海市宝山区庙行镇", "第八届人民代表大会第四次会议上"])
    (datetime.date(2023, 7, 26), None)
    >>> read_dates(["白鹤镇2023年政府工作报告", "发布时间：2023-02-01 09:30", "（二〇二三年一月十二日）"])
    (datetime.date(2023, 1, 12), datetime.date(2023, 2, 1))
    >>> read_dates(["2023年镇政府工作报告", "2023-04-25 15:10:15   第一文档网"])
    (None, datetime.date(2023, 4, 25))
    >>> read_dates(["政府工作报告", "（2023年1月12日上午）"])
    (datetime.date(2023, 1, 12), None)
    >>> read_dates(["2021年6月2日 星期三 放大 缩小", "新安镇人大代表票决今年10项民生实事"])
    (None, datetime.date(2021, 6, 2))
    >>> read_dates(["2024年05月28日 星期二", "辛口镇盯紧目标发展提速", "发布时间:2016-01-29 08:33:54  来源:天津日报"])
    (None, datetime.date(2016, 1, 29))
    >>> read_dates(["东兴镇上半年实现产业投资13亿元", "26.07.2016  03:41"])
    (None, datetime.date(2016, 7, 26))
    >>> read_dates(["2026年1月28日，西彭镇第二十届人民代表大会第十一次会议圆满完成各项议程后胜利闭幕。"])
    (None, datetime.date(2026, 1, 28))
    """
    tied = alone = published = labelled = None
    opened = any(_OPENED.search(line) for line in lines)
    for i, line in enumerate(lines):
        line = _RUN_DATE.sub(_unrun, _arabic(line))
        for m in _DAY_FIRST_DATE.finditer(line):
            published = published or _make(m.group(3), m.group(2), m.group(1))
        found = list(_DATE.finditer(line)) + list(_NUMERIC_DATE.finditer(line)) + list(_COMPACT_DATE.finditer(line))
        for m in found:
            day = _make(*m.groups())
            if day is None:
                continue
            before, after = line[: m.start()], line[m.end() :]
            following = after + (_arabic(lines[i + 1]) if i + 1 < len(lines) else "")
            # …but a day of its own before the meeting word (2025年01月23日 above 本报讯 1月17日
            # 上午，…人大五次会议) is the meeting's: this date is the paper's.
            tie = _SESSION_DATE.match(following)
            meeting = (
                tie
                and not _PUBLISHED.search(following[:8])
                and not _MONTH_DAY.search(following[: tie.end()])
                and not (_CLOSED_ONLY.match(following) and not opened)
            )
            if tie and not meeting and _CLOSED_ONLY.match(following) and not opened:
                # …the closing day dates the news item on it, as a page's date would.
                published = published or day
                continue
            if m.re is _COMPACT_DATE:
                if meeting:
                    tied = tied or day
                continue
            # …or a session line that ends in its date (城南镇第十九届人民代表大会第三次会议
            # （2024年1月12日）): the meeting before the date on its line.
            meeting = meeting or (
                _MEETING_BEFORE.search(before) and _BRACKETS_ONLY.match(after) and not _PUBLISHED.search(before)
            )
            # …a date with its weekday (2021年6月2日 星期三) is a paper's or a page's date line.
            site_date = m.re is _NUMERIC_DATE or _PUBLISHED.search(before[-12:] + after[:12]) or _WEEKDAY.match(after)
            signed = i > 0 and _ISSUER_AT_END.search(lines[i - 1].strip())
            if site_date or (signed and not meeting):
                published = published or day
                # …a date the page labels as its item's (发布时间：2016-01-29) beats a page's
                # date line (a portal's or a gateway's day of serving it, 2024年05月28日 星期二).
                if _PUBLISHED.search(before[-12:]):
                    labelled = labelled or day
            elif meeting:
                tied = tied or day
            # A date alone on its line, perhaps with the time of day (（2023年1月12日上午）).
            elif _ALONE.match(before) and _TIME_OF_DAY.match(after):
                alone = alone or day
    published = labelled or published
    if tied is None and (day := meeting_day(lines, published or alone)) is not None:
        # A news account of the session (1月17日上午，…镇十七届人大五次会议): its day beats
        # the page's date standing alone, which is the paper's or the site's.
        return day, published or alone
    return tied or alone, published


# A news account of a session gives its day without the year (3月28日上午，九华乡召开第十五届
# 人民代表大会第七次会议; 12月27日，下路街道召开第一届议事代表会第一次会议; 4月1日，…街道召开
# 第四届…代表大会): the day and month, then the session within the sentence.
_MEETING_DAY = re.compile(
    r"(?<![\d年月])(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:上午|下午|晚上)?[，,]?[^。]{0,50}?"
    # 首届 is the first term's other name (京泰路街道首届选民代表议政会第一次会议).
    r"(?:(?:第?[一二三四五六七八九十百零〇\d]+|首)\s*届[^。]{0,16}?(?:会议|大会|议事会|议政会|人大)|人代会|议事会|议政会|三代会)"
)
# The year a session adopts its budget, plan or voted works for (2024年财政预算执行情况和2025年
# 财政预算的报告; 2025年度…民生实事项目; 2025年工作计划): the year it is held in, or the one
# after when it meets at the year's end.
_SESSION_YEAR = re.compile(
    # …(2022年财政预算安排情况的报告: the budget's report named at more length); the words between
    # a year and its budget hold no other year (2021年财政预算执行情况和2022年财政预算…: 2022).
    rf"(\d{{4}})\s*年度?(?:(?!\d{{4}}\s*年)[^。，,；]){{0,12}}?"
    rf"(?:财政预算(?:草案)?(?:[^。，,；《》]{{0,6}}?的)?报告|财政预算草案|{WORKS_CATEGORY}|工作计划)"
)


# The year a work report heard at a session looks back on, as a news account gives it.
# …or the year whose work the report heard sets out (安排部署了2012年的政府工作; 并提出2020年重点
# 工作任务; 部署2021年经济工作; 明确提出了2025年政府工作的总体要求; 安排部署2015年重点工作):
# a news account's summary of the plan part, of the year the session opens (or, late in the
# year, the one after).
_PLANNED_YEAR = re.compile(r"(?:部署|提出|安排)了?\s*(\d{4})\s*年度?的?[^。，,；\d]{0,8}?(?:工作|任务)")
_REVIEWED_YEAR = re.compile(
    r"(\d{4})\s*年(?:度|上半年|以来|及[^。，,；]{0,8})?[^。，,；]{0,20}?(?:回顾|总结)"
    # …or the verb first (报告全面、科学地总结了2023年…成就), or the account's summary of the
    # year reviewed (会议指出，2022年，在区委、区政府的坚强领导下，全镇上下…).
    r"|(?:回顾|总结)了?(\d{4})\s*年"
    r"|(?:会议|大会|报告)(?:指出|认为)[，,：:]?\s*(\d{4})\s*年[，,]"
)


def tells_session_day(text: str) -> bool:
    """Whether ``text`` tells a session's day as a news account does (4月12日，…镇第二十届
    人民代表大会第五次会议召开)."""
    return _MEETING_DAY.search(_arabic(text)) is not None


def meeting_day(lines: list[str], page_date: date | None) -> date | None:
    """The day of the session a news account reports, its year from the page's date (the
    last such day on or before it) or from the year whose budget or plan the session adopts.

    >>> meeting_day(["2025年01月23日", "本报讯 1月17日上午，58名代表参加张山镇十七届人大五次会议。"], date(2025, 1, 23))
    datetime.date(2025, 1, 17)
    >>> meeting_day(["12月27日，下路街道召开第一届议事代表会第一次会议，发布了2025年民生实事。"], None)
    datetime.date(2024, 12, 27)
    >>> meeting_day(["3月28日上午，九华乡召开第十五届人民代表大会第七次会议。"], None) is None
    True
    >>> meeting_day(["2月25日，柳园镇第十四届人民代表大会第五次会议召开。报告对2018年以来政府工作情况进行了回顾。"], None)
    datetime.date(2019, 2, 25)
    >>> meeting_day(["8月8日，千垛镇第二届人民代表大会第九次会议召开。", "2025年上半年工作回顾:"], None)
    datetime.date(2025, 8, 8)
    >>> meeting_day(["4月21日，甘泉镇第六届人民代表大会第三次会议召开。会议指出，2022年，在区委的领导下…"], None)
    datetime.date(2023, 4, 21)
    >>> meeting_day(["日期：2011/12/8稿源：长丰先锋网人气：114", "12月7日，双墩镇代表参加镇第十三届人民代表大会第一次会议。"], date(2011, 12, 8))
    datetime.date(2011, 12, 7)
    >>> meeting_day(["5月10日上午，双沟镇召开第十八届人民代表大会第六次会议。会议…提出2020年重点工作任务。"], None)
    datetime.date(2020, 5, 10)
    """
    # Lines apart: a page line ending in a count (人气：114) run into the next one's day
    # (12月7日，…) would read as 11412月7日, no day at all.
    text = "\n".join(_arabic(line) for line in lines)
    if not (m := _MEETING_DAY.search(text)):
        return None
    month, day = int(m.group(1)), int(m.group(2))
    if page_date is not None:
        year = page_date.year if (month, day) <= (page_date.month, page_date.day) else page_date.year - 1
        return _make(str(year), str(month), str(day))
    years = [int(y) for y in _SESSION_YEAR.findall(text)] + [int(y) for y in _PLANNED_YEAR.findall(text)]
    if years:
        year = max(years) if month <= 9 else max(years) - 1
        return _make(str(year), str(month), str(day))
    # …or from the year the report it heard reviews (报告对2018年以来政府工作情况进行了回顾;
    # 2025年上半年工作回顾): a session in the year's first half reviews the year before, one
    # in its second half (a half-year session, a term's session in November) its own year.
    if reviewed := [int(a or b or c) for a, b, c in _REVIEWED_YEAR.findall(text)]:
        year = max(reviewed) if month >= 6 else max(reviewed) + 1
        return _make(str(year), str(month), str(day))
    return None


def month_only(lines: list[str]) -> date | None:
    """A title block dated to the month only (2020年12月): the last day of that month, a
    reference for the periods, never the report's date."""
    for line in lines:
        if m := _MONTH_ONLY.match(_arabic(line)):
            year, month = int(m.group(1)), int(m.group(2))
            if 1 <= month <= 12:
                return date(year, month, 28)
    return None


_REPORT_TITLE = re.compile(r"工作报告|政府工作|工作总结|工作计划|工作安排|工作打算|民心工程|民生实事|为民办实事")
_WORKS_CATEGORY = re.compile(WORKS_CATEGORY)
_TITLE_BREAK = re.compile(r"[。，,；;]")
_TITLE_PUNCTUATION = re.compile(r"[。，：；]")


def _title(lines: list[str]) -> str | None:
    """The line naming the report; a title broken over short lines (PDF text) is joined."""
    for line in lines:
        if m := _TITLE_FIELD.search(line):
            return m.group("title")
    for i, line in enumerate(lines):
        if _SITE_LABEL.match(line) or _SITE_FIELD.match(line):
            continue
        # …or a town's list of the year's practical projects (中塘镇公布2024年10项民心工程).
        if _REPORT_TITLE.search(line) and len(line) <= 60:
            return line.strip("《》 ")
        # A town's yearly list of works promised, under the name it is published by
        # (中塘镇公布2024年10项民心工程, 季市镇今年实施5项民生实事): a headline, no sentence.
        if _WORKS_CATEGORY.search(line) and len(line) <= 40 and not _TITLE_BREAK.search(line):
            return line.strip("《》 ")
        joined = line
        for nxt in lines[i + 1 : i + 6]:
            if _TITLE_PUNCTUATION.search(nxt):
                break
            joined += nxt
            if "工作报告" in joined:
                return joined.strip("《》 ")
    # No line names a document: the first line that is not the site's furniture (its
    # breadcrumb 首页 > 信息公开 > 工作动态, its 发布时间/来源 line) — a headline or a
    # 述职报告's title (白鹤镇镇长张三述职报告) under the page's navigation.
    own = next((line for line in lines if not _FURNITURE.search(line)), None)
    return (own or lines[0]).strip("*《》 ") if lines else None


# A line of a page's furniture: a breadcrumb (首页 > 信息公开), the publishing line
# (发布时间：2023-07-12 来源：…), counters and font switches.
_FURNITURE = re.compile(
    r"[>›»＞]|^(?:首页|当前位置|您的位置|您现在的位置|您当前所在位置)|(?:发布时间|发布日期|来源|浏览次数|点击数|阅读次数|字号|字体)\s*[:：]"
)


_PLACE_SEPARATOR = re.compile(r"[-—>/\s]")
_SPEAKER_BEFORE = re.compile(r"^.*(?:代表|镇长|乡长|主任|书记|[，、])")


def place_candidates(lines: list[str], opening: str, title: str | None) -> list[str]:
    """Place strings in order of strength: the congress line, the opening formula, the
    title, the speaker's office, a publishing body."""
    header = "".join(lines)
    found: list[str] = []
    found += [m.group("place") or m.group("place2") or m.group("place3") for m in _PLACE_BEFORE_CONGRESS.finditer(header)]
    for pattern, text in ((_PLACE_OF_GOVERNMENT, opening), (_PLACE_OF_GOVERNMENT, header)):
        found += [m.group("place") for m in pattern.finditer(text)]
    if title and (m := _TITLE_PLACE.search(title)):
        found.append(m.group("place"))
    # A site's own lines: 所属地区:江苏-常州-溧阳市 names the units above the town.
    for line in lines:
        if m := _REGION_LINE.search(line):
            found.append(_PLACE_SEPARATOR.sub("", m.group("units")))
    for line in lines:
        if m := _SPEAKER_PLACE.match(line.replace(" ", "")):
            found.append(m.group("place"))
    for line in lines:
        found += [m.group("place") for pattern in (_SITE_LINE, _BREADCRUMB, _BANNER) for m in pattern.finditer(line)]
        # 镇长张三代表镇人民政府作报告 (a news account): what the government's name is run
        # into — a speaker and his 代表 — is no part of the place.
        bodies = [_SPEAKER_BEFORE.sub("", m.group("place")) for m in _BODY.finditer(line)]
        found += [b for b in bodies if len(b) >= 2]
    # A candidate that names a town comes before one that names only a county.
    return sorted(dict.fromkeys(found), key=lambda p: not _TOWN_TAIL.search(p))


def split_place(place: str) -> tuple[str | None, str | None, str | None]:
    """'上海市宝山区庙行镇' → ('上海市', '宝山区', '庙行镇'): city, county and town, the units
    above the town completed from the gazetteer; a name it does not know is split by its
    unit words.

    >>> split_place("宝山区大场镇")
    ('上海市', '宝山区', '大场镇')
    >>> split_place("某某县某某乡")
    (None, '某某县', '某某乡')
    """
    resolved = resolve_place([place], "")
    return resolved.city, resolved.county, resolved.town


# How a report given to the congress opens: its salutation on a line, or 我代表…政府向大会报告.
_REPORT_OPENING = re.compile(
    r"^\s*各位代表\s*[：:，,]|代表[^。]{0,30}?(?:人民政府|政府|办事处)[^。]{0,10}?(?:向大会|向各位代表)[^。]{0,6}?(?:报告|汇报)",
    re.MULTILINE,
)


def read_metadata(header_lines: list[str], opening: str, text: str = "") -> Metadata:
    """Metadata from the normalised lines before the salutation, the opening text (the
    salutation and the paragraphs up to the first part heading) and the whole text (to
    decide between towns of the same name)."""
    meta = Metadata()
    lines = [line.strip().strip("#*").strip() for line in header_lines if line.strip()]
    meta.title = _title(lines)
    meta.date, meta.published = read_dates(lines)
    if meta.date is None and text and not _REPORT_OPENING.search(opening or text[:1500]):
        # A news account's session day may take its year from the report's own headings
        # below the title block (2025年上半年工作回顾:), which the header lines do not hold.
        # A report itself (its salutation, 我代表…向大会报告) is no news account: a session
        # its review recounts (4月12日，…第二十届人民代表大会第五次会议召开) is not its day.
        meta.date = meeting_day([*lines, text[:1500]], meta.published)
    meta.month = month_only(lines)
    header = "".join(lines)
    if m := _SESSION.search(_arabic(header)) or _SESSION.search(header):
        meta.session = f"第{m.group(1)}届{m.group(2)}第{m.group(3)}次会议"
    candidates = place_candidates(lines, opening, meta.title)
    candidates += [c for c in footer_places(text) if c not in candidates]
    place = resolve_place(candidates, text or header + opening)
    if place.town is not None and place.county is None and not gazetteer().named(place.town, "township"):
        # A name the gazetteer does not know, from a sentence (代表们从镇政府提交的…, 交由镇政府):
        # the town the text keeps naming, if it knows that one, is the report's.
        for found in (named_township(text or header + opening), only_township(text or header + opening)):
            if found and gazetteer().named(found, "township"):
                place = resolve_place([*candidates, found], text or header + opening)
                if gazetteer().named(place.town or "", "township"):
                    break
    if place.town is None and (named := named_township(text or header + opening)):
        # No title, formula or site line names the town: the one the text keeps naming.
        place = resolve_place([*candidates, named], text or header + opening)
    if place.town is None and (short := township_by_short_name(text or header + opening)):
        # …nor by its full name: the short name it keeps using (幸福孙岗, 孙岗发展进程).
        place = resolve_place([*candidates, short], text or header + opening)
        place = replace(place, evidence=f"{place.evidence}; {named} named most often in the text")
    if place.town is None and (only := only_township(text or header + opening)):
        # …nor by its short name: the one township the text names at all.
        place = resolve_place([*candidates, only], text or header + opening)
        place = replace(place, evidence=f"{place.evidence}; {only} the only township the text names")
    if place.town is None and (slogan := township_of_slogan(text or header + opening)):
        # …nor names any township: the town whose chapter its closing slogan writes.
        place = resolve_place([*candidates, slogan], text or header + opening)
        place = replace(place, evidence=f"{place.evidence}; {slogan} by the slogan's chapter")
    if place.county is None and not place.province and not gazetteer().named(place.town or "", "township"):
        # No town the gazetteer knows (a town merged since, a page that names none) and no
        # unit above it: the county the text names as leading the town.
        if leading := county_leading(text or header + opening):
            place = replace(
                place,
                county=leading.county,
                city=leading.city,
                province=leading.province,
                code=place.code or leading.code,
                evidence=f"{place.evidence}; {leading.evidence}",
            )
    if place.town is not None and place.county is None and not gazetteer().named(place.town, "township"):
        # A town the gazetteer does not know (merged since) that the text places in its county
        # (马家台位于柞水县境东北部, a place directory's introduction of it).
        if located := county_of_location(text or header + opening, place.town):
            place = replace(located, evidence=f"{place.evidence}; {located.evidence}")
    if (
        place.town is not None
        and (leading := county_leading(text or header + opening)) is not None
        and leading.county != place.county
        and not any(gazetteer().place(d.code).county == leading.county for d in gazetteer().named(place.town, "township"))
    ):
        # The county the text says leads the town (在江油市委、市政府的领导下) holds no township
        # of its name in the gazetteer, which has it elsewhere (桐乡市's 凤鸣街道): a town
        # renamed or made since, or one the list lacks — the report's own words decide, not a
        # namesake chosen by the kind of county (市委) or by its being the only one listed.
        place = replace(
            place,
            county=leading.county,
            city=leading.city,
            province=leading.province,
            code=leading.code,
            evidence=f"{place.evidence}; {leading.evidence} holds no {place.town} of the gazetteer",
        )
    meta.province, meta.city, meta.district, meta.town = place.province, place.city, place.county, place.town
    meta.place_code, meta.place_evidence = place.code, place.evidence
    for line in lines[1:]:
        compact = line.strip("（）()")
        if _DATE.search(compact) or "人民代表大会" in compact:
            continue
        if m := _SPEAKER.match(compact):
            role = m.group("role")
            if meta.town and role.startswith(meta.town):
                role = role[len(meta.town) :]
            meta.speaker_role, meta.speaker = role or None, m.group("name")
            break
        if _NAME_ONLY.match(compact):
            meta.speaker = compact.replace(" ", "")
            break
    return meta
