"""Indicator values: targets in plan parts, actuals in review parts, and how they meet.

A sentence names an indicator (an ``Indicator`` entity: 社会消费品零售总额, with its
aliases 社零额…) and, in the same clause after the name, a value and/or a growth rate:

- ``社会消费品零售总额力争完成73亿元，同比增幅5%`` → value 73 亿元, growth 5 %;
- ``地方财政收入同比增长6%，达到8.83亿元`` → growth 6 %, value 8.83 亿元 (a clause with no
  indicator of its own that starts with 达到/同比/约… continues the one before);
- ``完成区级地方财政收入2.25亿元`` (value after the name), ``森林覆盖率提高至18.84%``
  (a rate's value), ``区级地方财政收入增速不低于全区平均水平`` (no figure: nothing).

A plan part gives **targets**, a review part **actuals**, each over the part's period
(narrowed by ``1-11月`` or ``上半年`` written before the name). Words before the name
that are not verbs or time (``重点商务楼宇``总税收, ``工业``固定资产投资) are its
**scope**: a part of the whole, compared only with the same scope.

Pairing: a target is ``MEASURED_BY`` each actual of the same town, indicator and scope
whose period lies within the target's. The share reached is actual ÷ target (units
converted: 亿元, 万元, 元); an amount is on track when the share is at least the elapsed
part of the period (a half-year actual of a full-year target needs half), a rate (unit
%) when it reaches the target, a growth target when the actual growth reaches it.

Growth check: a target that states both an absolute value and a growth rate implies the
previous period's actual (value ÷ (1 + growth)). When that actual is loaded (the same
report's review, usually) and the implied growth differs from the stated one by more
than ``GROWTH_TOLERANCE`` percentage points, the target is flagged inconsistent.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

import cn2an
import networkx as nx

from kg.extraction.clauses import clauses
from kg.graph.model import add_edge, add_node, nodes_of
from kg.ids import indicator_value_id
from loaders.gazetteer import gazetteer
from loaders.structure import TABLE_HEAD_LEAD

GROWTH_TOLERANCE = 1.0  # percentage points between a stated and an implied growth rate

# A figure may group its thousands with commas (32,456元, 12,345万元), as tables and PDF
# copies do: a comma between a digit and three digits is no clause mark.
_NUMBER = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+(?:点[零一二三四五六七八九]+)?"
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
# Units as written, longest first so that 万吨 is not read as 万: money, shares, land,
# weight (斤 and 公斤 are the farm units of township reports), livestock, people. Foreign
# trade and foreign capital (进出口, 出口, 实际利用外资) are stated in US dollars
# (300万美元, 1.2亿美元) in every statistical bulletin: 美元 is read whole, not as 万.
_UNIT = (
    # Containers through a port (集装箱吞吐量85万标箱), before 万 is read alone.
    r"万标箱|标箱|"
    r"个百分点|万亿元|亿元|万元|元|亿美元|万美元|美元|亿千瓦时|万千瓦时|千瓦时|万千瓦|千瓦|万平方米|平方米|平方千米|平方公里|万公顷|公顷|万亩|亩|万吨|吨|万公斤|公斤|亿斤|万斤|斤|"
    # 人（次）: people counted once per trip, as labour transfers are (输转劳动力3000人（次）).
    # Herds of a pastoral township counted in heads of any kind (牲畜存栏12.6万头只, 15万头（只）).
    r"万头只|头只|万头[（(]只[）)]|头[（(]只[）)]|万头|头|万只|只|万羽|羽|万人次|人次|人[（(]次[）)]|万人|人|万户|户|家|个|项|万件|件|台|公里|千米|亿|万|%|％|‰|"
    # Days of the environment bulletins (空气质量优良天数234天).
    r"天|"
    # Air quality as the environment bulletins state it: PM2.5平均浓度37.1微克/立方米.
    r"微克/立方米|μg/m³|μg/m3"
)
# What kind of quantity an indicator's name says it is, by its last word: a sum of money
# takes only money units, an area only areas… so that 招商引资项目5个 is no amount.
_MEASURES = [
    (
        re.compile(
            r"(?:产值|收入|总额|利润|利润总额|投资|投入|资金|增加值|销售额|营业额|税收|总值|零售额|支出|余额|外资|出口|进出口|"
            r"交货值|交易额|成交额|贸易额|利税|增收|营收|投资额|引资|税金|国税|地税|两税|到位额|经费|纳税|财力|销售|社零|消零)$"
        ),
        re.compile(r"^(?:万亿元|亿元|万元|元|亿美元|万美元|美元|亿|万)$"),
    ),
    # A town's land is measured in 亩, 公顷 and 平方公里; 平方米 is a building's floor area.
    (re.compile(r"(?:面积|种植规模|养殖规模|造林)$"), re.compile(r"^(?:平方千米|平方公里|万公顷|公顷|万亩|亩)$")),
    (re.compile(r"(?:产量|总产|总量|收购量)$"), re.compile(r"^(?:万吨|吨|万公斤|公斤|亿斤|万斤|斤|万担|担)$")),
    (
        re.compile(
            r"(?:企业|工商户|市场主体|经营主体|合作社|家庭农场)数量$|企业数$|合作社数$|农场数$|公司数$|主体数$|工商户数$|小区数$"
        ),
        re.compile(r"^(?:家|个|户)$"),
    ),
    (re.compile(r"(?:存栏|出栏)量?$|头数$"), re.compile(r"^(?:万头只|头只|万头\(只\)|头\(只\)|万头|头|万只|只|万羽|羽)$")),
    (re.compile(r"人口$"), re.compile(r"^(?:万人|人|万)$")),
    # A register's count of people or households (参保人数, 参合户数) is in people or households.
    (re.compile(r"人数$"), re.compile(r"^(?:万人|人|万人次|人次|万)$")),
    (re.compile(r"户数$"), re.compile(r"^(?:万户|户|万)$")),
    (re.compile(r"天数$"), re.compile(r"^天$")),
]
# 6000余亩, 70万余斤: 余/多 after a round figure says "more than"; the figure is the value.
_VALUE = re.compile(
    rf"(?P<approx>约|近|超|逾)?(?P<n>{_NUMBER})\s*(?:(?P<mag>万|亿)(?P<more>余|多)|(?P<more2>余|多))?(?P<unit>{_UNIT})"
)
# 增加 and 递增 with a percentage are growth as 增长 is (财政收入…，增加23.63%; 年均递增10%).
# 降幅 is the size of a fall, the statistical bulletins' word for a negative growth (同比降幅
# 9.3%); 降幅收窄3.8% is a change of that size, and has no figure right after 降幅.
# 同比+19.82%, 同比-3%: a signed percentage right after its basis is a growth written without a verb,
# as statistical tables and progress reports write it.
_GROWTH = re.compile(
    rf"(?:同比|比上年|较上年|较去年(?:同期)?|比去年(?:同期)?)?(?P<dir>增长|增幅|增速|提高|提升|上升|递增|增加|下降|减少|回落|递减|降幅|(?<=同比)(?=[-−+＋]))(?:了|为|是|达到|达)?"
    rf"(?P<approx>约|近)?(?P<sign>[-−+＋])?(?P<n>{_NUMBER})\s*(?P<unit>%|％|个百分点)"
)
# A figure after these words is a share or a rank of the indicator, not its value.
_NOT_VALUE = re.compile(r"比重|占比|占全|排名|排位|位列|贡献率")
_AMOUNT_CHANGE = re.compile(r"(?:增加|增收|减少|净增|增长|下降|多)了?\s*$")
_CONTINUES = re.compile(
    r"^(?:占|较\d{4}年|比\d{4}年|同比|比上年|较上年|较去年|比去年|增长|增幅|增速|降幅|达到|达|完成|实现|约|为|总额|提高至|年均|年平均|同口径|可比价|"
    # 按可比价计算增长6.8% (how it is computed, run on with the growth), 增加23.63%, 递增10%.
    # An amount after 增加 is an increment, not the level: only its percentage continues.
    r"(?:按|以)(?:可比价格?|不变价格?|现价)计算|增加(?=\d+(?:\.\d+)?\s*[%％])|递增"
    # The share of the target as a rate of its own (任务完成率为98%), and the level after a
    # share given first (完成年度任务105%，总量达2.1亿元).
    r"|(?:年度|全年)?(?:目标|任务|计划)?完成(?:率|度)|总量"
    # …完成投资3.24亿元，投资完成率51.6%: the share named by the measure's own word.
    r"|(?:投资|产值|收入)完成(?:率|度)"
    # 受疫情影响同比降幅9.3%: the cause of a change, given before it.
    r"|受[^，；。,;]{1,8}影响(?=同比|比上年|较上年|增长|下降|降幅|减少)"
    # 是年度目标的103%: the share after 是, as after 为.
    r"|是(?=(?:全年|年度|年初)?[^，；。,;]{0,6}?(?:目标|任务|计划)[^，；。,;]{0,4}?\d))"
)
_ANNUAL = re.compile(r"^(?:年均|年平均)")
_AREA_FIRST = re.compile(r"(?:全镇|全乡|全街道)(?:共有|有)?(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>万亩|亩)$")
_GROWTH_LIST = re.compile(
    r"^(?:(?:同比|比上年|较上年|较去年|比去年)?(?:同期)?(?:增长|增幅|增速|提高|下降|降幅)(?:了|为)?\s*|同比[-−+＋])\d+(?:\.\d+)?\s*[%％][、和及与]"
)
_BASIS_BEFORE_LIST = re.compile(r"^(?:同比|比上年|较上年|较去年|比去年)(?:同期)?(?=分别)")
# …累计完成工业总产值75.3亿元，其中镇域内累计完成8.74亿元: a part of the measure before, by
# place or kind, given with no name of its own; its words are the value's scope.
# …and the parts listed after it, with or without a verb (完成固定资产投资8.5亿元，其中产业项目
# 5.2亿元，基础设施项目2.1亿元), in the unit of the whole.
_PART_OF = re.compile(r"^其中(?P<scope>[\u4e00-\u9fff]{1,8}?)(?:累计|全年|共)?(?:完成|实现|达到|达|为)?(?=\s*\d)")
_NEXT_PART = re.compile(r"^(?P<scope>[\u4e00-\u9fff]{1,8}?)(?:累计|全年|共)?(?:完成|实现|达到|达|为)?(?=\s*\d)")
# 完成财政税收9800万元，超额完成年度目标任务，完成率103%; …，较年初预算增长5%，占年度预算的105%:
# a clause saying the target was met, or comparing with the budget, stands between a value
# and its share of the target, which still is the value's.
_TARGET_MET = re.compile(
    r"^(?:超额|圆满|全面|顺利|提前)?完成(?:了)?(?:全年|年度|年初)?(?:[省市县区]?下达的?)?(?:目标任务|目标|任务|计划)$"
    r"|^(?:较|比)(?:年初)?预算(?:数)?(?:增长|增加|增收|超收)"
)
# …and so does the level of the year compared with (出口交货值14.47亿元，比2022年的8.22亿元，增长76.4%).
_COMPARED = re.compile(
    r"^(?:(?:比上年|较上年|比去年|较去年|同比)(?:同期)?(?:增加|增收|多)|(?:比|较)(?:上年|去年|\d{4}年)(?:同期|底|末)?的\s*\d)"
)
# The round figure passed gives way to the level reached (突破500亿元，达到523亿元).
# …and so does a threshold crossed (跨越50亿元，达56亿元; 迈过亿元大关，达1.33亿元).
_PASSED = ("突破", "超过", "超", "跨越", "迈过", "跨过", "过")
_TASK_AFTER = re.compile(r"(?:年度|全年)?(?:目标任务|任务数|任务|计划数|预算数)(?:为|是)?\s*\d")
_ATTRIBUTES = re.compile(r"、[^，；。、,;]{1,14}的")
_SIZE_CLASS = re.compile(
    r"\s*(?:(?:以上|以下|及以上)?的?(?:企业|公司|村|社区|户|合作社|家庭农场|大户|主体|项目)"
    # …and a count of any kind of unit after the class (税收500万元以上楼宇7幢).
    r"|(?:以上|以下|及以上)的?[\u4e00-\u9fff]{1,6}?\d+(?:个|家|幢|栋|座|户|村|处|项))"
)
_SINCE_BASE_YEAR = re.compile(r"(?:比|较)\d{4}年(?:末|底)?[^，；。,;]{0,4}(?:增长|递增|提高)")
# Clauses that say how a figure is computed, between it and its growth.
_HOW_COMPUTED = re.compile(
    r"^(?:按|以)(?:可比价格?|不变价格?|现价)计算$|^(?:剔除|扣除)[^，；。]{1,16}(?:因素|影响)(?:后)?$|^同口径$"
)
# The year's expected figure after a figure of the year so far: 全年有望完成, 预计全年可达.
# …or of the half year, or of the months to a later month (1-5月…，半年度预计增长11.4%;
# 1-6月预计完成15.09亿元): the figure of the period the report expects to close.
_YEAR_AHEAD = re.compile(
    r"^(?:预计)?(?:(?P<year>全年)|(?P<half>半年度?|上半年)|(?P<m1>\d{1,2})\s*[-—至~]\s*(?P<m2>\d{1,2})\s*月份?)"
    r"(?:预计|有望|可望|可)(?:完成|实现|达到|达)?"
)
# A rank given between a figure and what follows it (…增长10.2%，增速全区第一，半年度预计…)
# says where the figure stands; the figures after it are still the same measure's.
_RANK = re.compile(
    r"^(?:增速|增幅|总量|总额)?(?:排名|位居|位列|居|列)?全(?:区|县|市|省|镇)(?:第[一二三四五六七八九十\d]+|前列|首位)"
)
# A figure after these verbs is added to the indicator (增加各村集体经济收入2万元), not its level.
# …and so is an area a crop's planting was adjusted by (新调减粮食播种面积3000多亩, 调减玉米面积):
# the change of a structural adjustment, not the area planted.
_INCREMENT = re.compile(r"(?:增加|新增|增收|提高|带动|调减|调增|压减)[各全]?$")
# 由2017年的15.7亿元增长到2021年的22.2亿元: the value is the level reached.
_FROM_TO = re.compile(r"(?:由|从)[^，；。]{0,24}?(?:增长|增加|提高|上升|提升|扩大|跃升)?(?:到|至)")
_AT_LEAST = re.compile(r"不低于|以上|超过|至少|不少于")
_AT_MOST = re.compile(r"不超过|不高于|以内|以下|控制在")
# Words before an indicator's name that are not a scope: verbs, time, the whole town.
_NOT_SCOPE = re.compile(
    r"(?:完成|实现|预计|全年|上半年|下半年|今年|明年|当年|全镇|我镇|本镇|累计|力争|确保|其中|区级|镇级|共|达到|全面|主要|"
    r"\d{4}年|\d{1,2}\s*[-—至~]\s*\d{1,2}月|[，、：；])+$"
)
# What a scope must end with to narrow an indicator: a sector or a kind of payer.
_SCOPE_HEAD = re.compile(
    r"(?:工业|制造业|服务业|房地产业?|商业|建筑业|楼宇|企业|行业|园区|载体|产业|外资|民间|国有|基础设施|社会事业)$"
)
_MONTHS = re.compile(r"(\d{1,2})\s*[-—至~]\s*(\d{1,2})\s*月")
_YUAN = {"万亿元": 1e12, "亿元": 1e8, "亿": 1e8, "万元": 1e4, "万": 1e4, "元": 1.0}
# A round magnitude is written without a digit when it is passed (突破百亿, 超千万元, 过亿斤):
# 百亿 is 100 亿, 亿元 alone one 亿元. cn2an reads neither.
_ROUND = {"": "1", "百": "100", "千": "1000"}
_ROUND_PASSED = re.compile(r"(?P<verb>突破|超过|超|过|逾)(?P<n>[百千]?)(?=(?:亿|万)(?:[元斤吨]|大关))")


@dataclass
class IndicatorValue:
    """A target (plan part) or actual (review part) value of one indicator."""

    id: str
    report: str
    part: str
    sentence: str
    text: str  # the clause(s), exactly as written
    start: int  # offsets in the sentence
    end: int
    indicator: str  # canonical name
    entity: str  # the Indicator entity's id
    kind: str  # target | actual
    period_start: str | None  # None: the report does not say which period it covers
    period_end: str | None
    value: float | None = None
    unit: str | None = None  # as written
    growth_pct: float | None = None
    scope: str | None = None
    bound: str | None = None  # at_least | at_most
    estimated: bool = False  # 预计
    approximate: bool = False  # 约, 近
    aspirational: bool = False  # 力争
    modifier: str | None = None  # the qualifier as written: 左右, 以上, 不低于, 力争, 超, 余, 5%—6%
    share_of_target_pct: float | None = None  # 完成全年目标的80%

    def as_properties(self) -> dict:
        data = asdict(self)
        for key in ("id", "entity"):
            data.pop(key)
        return data


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", "")) if text[0].isdigit() else float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):
        return None


def unit_pattern(name: str) -> re.Pattern | None:
    """The units an indicator's name admits (None: any).

    >>> unit_pattern("村集体经济收入").match("万元") is not None, unit_pattern("村集体经济收入").match("个")
    (True, None)
    """
    return next((units for ending, units in _MEASURES if ending.search(name)), None)


# 完成全年目标的80%, 完成任务量的68.3%, 占全年任务数的77.8%, 完成预期目标139.3%: how much of
# the period's target the value is — a share of the target, not a growth and not a rate.
# The bulletins' other wordings: 完成率105%, 任务完成率为98% (the share as a rate of its own),
# 完成年度目标值的95.6%, 实现/是/占 a target set above (县下达, 上级下达, 年初预期).
_SHARE = re.compile(
    r"(?:(?:完成|占|为|是|达到|达|实现)(?:了)?(?:全年|年度|年初|全年度|年)?(?:预期|计划|既定|确定的?|考核|(?:省|市|县|区|上级)?下达的?|县定|市定|区定)?"
    # …the target's own amount may stand in it (为全年任务740万元的56.6%).
    r"(?:目标任务|目标值|目标|任务数|任务量|任务|计划数|计划|预算)(?:数|量)?(?:\d+(?:\.\d+)?\s*(?:亿元|万元|元))?"
    # …and a bracket of words that narrows the target (占目标任务(剔除烟叶税)的278%: what it
    # leaves out), as one may stand between a measure and its figure (see _SUBJECT_FIGURE).
    r"(?:[（(][^（）()\d，。；]{1,12}[）)])?(?:的)?"
    r"|(?:目标|任务|计划)?完成(?:率|度)(?:为|是|达到?)?)\s*(?P<n>\d+(?:\.\d+)?)\s*[%％]"
)
# A figure in brackets qualifies the value before it: the target it is measured against
# (完成预期目标（5100万元）) or the previous period's level (比上年同期（5181万元）增长37.2%).
_BRACKETED = re.compile(r"[（(](?P<inner>[^（）()]{1,24})[）)]")
_BRACKET_ROLE = [
    ("target", re.compile(r"(?:目标|任务|计划)[^，；。]{0,2}$")),
    ("previous", re.compile(r"(?:上年|去年|同期|上半年)[^，；。]{0,2}$")),
]
# The start of a 由…增长到… (from … to …) span, with the year of its level when given.
_FROM = re.compile(r"(?:由|从)(?:(?P<year>\d{4})年(?:的|底|末)?)?")
# Qualifiers of a figure as written: before it (约, 超, 不低于, 力争…) and after it (余, 左右,
# 以上…). A target's modifier says how binding it is; an actual's how exact.
_MOD_BEFORE = re.compile(
    r"(?:不低于|不少于|不超过|不高于|超过|突破|跨越|力争|约|近|超|逾|(?<![经通])过)(?:完成|达到|实现|达)?\s*$"
)
_MOD_AFTER = re.compile(r"^\s*(?:左右|以上|以内|以下)")
# 确保/力争 before a target's name, in its clause (确保全镇生产总值实现9.3亿元).
_TARGET_LEAD = re.compile(r"(确保|力争)[^；。;]*$")
_IN_NAMED_VILLAGES = re.compile(r"在(?!全|各|所有)[^，。；,;]{1,30}?等[^，。；,;]{0,3}(?:村|社区)")
# 力争 and 确保 before a figure in its clause say it is aimed at (年底力争完成…4.2亿元); 争取 is
# not among them, since a review's 争取上级资金500万元 is funds obtained.
# 确保了 is the past tense of a review's account (确保了粮食总产量达到2.5万吨): done, not aimed at.
_AIM_IN_CLAUSE = re.compile("力争|确保(?!了)")
# A purpose phrase of a review sentence (为全面实现…增长10%以上，…控制在4.5‰以内的目标，…): the
# figures between 为…实现 and 目标 are the aims the sentence serves, across its clauses. The aim
# is a phrase of 目标 (…的目标); one more 完成 or 实现 inside would be a statement of what was done
# (为实现乡村振兴，全镇完成投资5亿元，超额完成年度目标).
_PURPOSE = re.compile(r"为了?(?:全面|确保|圆满|顺利)?(?:实现|完成)(?P<aim>(?:(?!完成|实现)[^。；;])*?)的(?:奋斗)?目标")


def _aimed_in_review(text: str, clause_start: int, name_start: int) -> bool:
    """Whether a review's figure after the name at name_start is one aimed at, not done."""
    if _AIM_IN_CLAUSE.search(text, clause_start, name_start):
        return True
    return any(m.start("aim") <= name_start < m.end("aim") for m in _PURPOSE.finditer(text))


_AFTER_WORDS = ("左右", "以上", "以内", "以下", "余", "多")
# A growth given as a range: 增长5%—6%, 增长5-6%.
_RANGE = re.compile(r"^(?P<n>\d+(?:\.\d+)?)\s*[%％]?\s*[-—~～至到]\s*(?P<n2>\d+(?:\.\d+)?)\s*[%％]")


_VERB_AT_END = re.compile(r"(?:完成|达到|实现|达)?\s*$")


def _modifier(segment: str, start: int, end: int) -> str | None:
    if m := _MOD_AFTER.match(segment[end:]):
        return m.group().strip()
    if m := _MOD_BEFORE.search(segment[:start]):
        return _VERB_AT_END.sub("", m.group())
    return None


def _bracketed(segment: str) -> tuple[str, list[dict]]:
    """The segment without its bracketed figures, and those figures with their role."""
    extras = []
    for m in _BRACKETED.finditer(segment):
        if not (v := _VALUE.search(m.group("inner"))) or (n := _number(v.group("n"))) is None:
            continue
        role = next((r for r, pattern in _BRACKET_ROLE if pattern.search(segment[: m.start()])), None)
        if role:
            extras.append({"role": role, "value": n, "unit": (v.group("mag") or "") + v.group("unit").replace("％", "%")})
    return (_BRACKETED.sub(_unbracketed, segment), extras)


def _unbracketed(m: re.Match) -> str:
    """What a bracket leaves in the segment: a share of the target or a growth given in
    brackets (完成固定资产投资12.3亿元（完成年度目标的103%）, 9200万元（同比增长8%）) is read
    as if run on after a comma, as bulletins write it either way; another figure (a target's
    or the last year's level) is taken out, and words without a figure stay."""
    inner = m.group("inner")
    if _SHARE.search(inner) or _GROWTH.match(inner):
        return f"，{inner}"
    return "" if _VALUE.search(inner) else m.group()


def read_figures(segment: str, rate: bool = False, measure: re.Pattern | None = None) -> dict:
    """The value, unit, growth and bound a text after an indicator's name states, with
    the modifier as written, the share of a target, and the other figures it gives
    (``extras``: a bracketed target or previous level, the level a 由…到… span starts from).

    >>> read_figures("力争完成73亿元")
    {'value': 73.0, 'unit': '亿元', 'modifier': '力争'}
    >>> read_figures("同比增长6%")
    {'growth_pct': 6.0}
    >>> read_figures("提高至18.84%", rate=True)
    {'value': 18.84, 'unit': '%'}
    >>> read_figures("比重占58%")
    {}
    >>> read_figures("约8.5亿元")["approximate"]
    True
    >>> read_figures("从5638万元增加到9886万元")
    {'value': 9886.0, 'unit': '万元', 'extras': [{'role': 'from', 'value': 5638.0, 'unit': '万元', 'year': None}]}
    >>> read_figures("达到5.05万吨")
    {'value': 5.05, 'unit': '万吨'}
    >>> read_figures("2.5亿元，完成任务量的77.7%")["share_of_target_pct"]
    77.7
    >>> f = read_figures("7106万元，完成预期目标（5100万元）139.3%，比上年同期（5181万元）增长37.2%")
    >>> f["value"], f["growth_pct"], f["share_of_target_pct"], [(e["role"], e["value"]) for e in f["extras"]]
    (7106.0, 37.2, 139.3, [('target', 5100.0), ('previous', 5181.0)])
    >>> read_figures("增长5%—6%")
    {'growth_pct': 5.0, 'modifier': '5%—6%'}
    """
    found: dict = {}
    extras: list[dict] = []
    growth_span = None
    segment, extras = _bracketed(segment)
    segment = _ROUND_PASSED.sub(lambda m: m.group("verb") + _ROUND[m.group("n")], segment)
    if m := _SHARE.search(segment):
        found["share_of_target_pct"] = float(m.group("n"))
        segment = segment[: m.start()] + " " * (m.end() - m.start()) + segment[m.end() :]
    if m := _FROM_TO.search(segment):
        head = segment[: m.end()]
        if (start := _FROM.search(head)) and (v := _VALUE.search(head, start.end())) and (n := _number(v.group("n"))) is not None:
            unit = (v.group("mag") or "") + v.group("unit").replace("％", "%")
            if unit != "%" or rate:
                extras.append(
                    {"role": "from", "value": n, "unit": unit, "year": int(start.group("year")) if start.group("year") else None}
                )
        segment = segment[m.end() :]
    for m in _GROWTH.finditer(segment):
        if m.group("unit") == "个百分点" or (n := _number(m.group("n"))) is None:
            continue
        if _NOT_VALUE.search(segment[: m.start()]):
            break
        negative = m.group("dir") in ("下降", "减少", "回落", "递减", "降幅")
        found["growth_pct"] = -n if negative != (m.group("sign") in ("-", "−")) else n
        if m.group("approx"):
            found["approximate"] = True
        growth_span = (m.start(), m.end())
        if r := _RANGE.match(segment[m.start("n") :]):
            found["modifier"] = r.group()
            growth_span = (m.start(), m.start("n") + r.end())
        elif after := _MOD_AFTER.match(segment[m.end() :]):
            found["modifier"] = after.group().strip()
        break
    for m in _VALUE.finditer(segment):
        if (growth_span and growth_span[0] <= m.start() < growth_span[1]) or m.group("unit") == "个百分点":
            continue
        if _NOT_VALUE.search(segment[: m.start()]):
            break
        unit = (m.group("mag") or "") + m.group("unit").replace("％", "%").replace("（", "(").replace("）", ")")
        if unit in ("%", "‰") and not rate:
            continue  # a percentage of an amount is a rate of change, read above
        if measure is not None and unit not in ("%", "‰") and not measure.match(unit):
            continue
        if (n := _number(m.group("n"))) is None:
            continue
        # 农民人均纯收入年均增加1200元, 比上年增收500元: an amount of change, not the level.
        if _AMOUNT_CHANGE.search(segment, 0, m.start()):
            continue
        if segment.startswith("的", m.end()):
            break  # 投资25亿元的美江项目: the figure describes the project that follows
        # 年产值2000万元以上企业24家, 收入50万元以上的村12个: a size class of the units counted.
        if _SIZE_CLASS.match(segment, m.end()):
            break
        # 投资2000万元、日加工100吨粮油的某某米业: one of a run of attributes closed by 的.
        if _ATTRIBUTES.match(segment, m.end()):
            break
        found["value"], found["unit"] = n, unit
        if m.group("approx") or m.group("more") or m.group("more2"):
            found["approximate"] = True
        more = m.group("more") or m.group("more2")
        written_after = _MOD_AFTER.match(segment[m.end() :])
        written_before = _MOD_BEFORE.search(segment[: m.start()])
        after_word = more or (written_after.group().strip() if written_after else None)
        before_word = m.group("approx") or (_VERB_AT_END.sub("", written_before.group()) if written_before else None)
        # 约9万余亩, 力争…以上: a qualifier on each side is written as both, 约…余.
        modifier = f"{before_word}…{after_word}" if before_word and after_word else before_word or after_word
        if modifier:
            found["modifier"] = modifier
        break
    if found:
        if _AT_LEAST.search(segment):
            found["bound"] = "at_least"
        elif _AT_MOST.search(segment):
            found["bound"] = "at_most"
    if extras and found:
        found["extras"] = extras
    return found


def is_rate(name: str) -> bool:
    """Whether an indicator is a rate (率) whose value is a percentage, not an amount."""
    return name.endswith("率")


_PHRASE_BREAK = re.compile(r"[，；：。、]")
_SCOPE_VERBS = re.compile(r"^(?:完成|实现|预计|全年|上半年|全镇|力争|确保|其中)+")


def scope_of(before: str) -> str | None:
    """The words right before an indicator's name that narrow it to a sector or kind of
    payer, if any (words that only describe it, 空气环境, are no scope).

    >>> scope_of("经济密度稳步提升，重点商务楼宇")
    '重点商务楼宇'
    >>> scope_of("上半年，完成") is None
    True
    >>> scope_of("1-11月，空气环境") is None
    True
    """
    tail = _PHRASE_BREAK.split(before)[-1]
    tail = _NOT_SCOPE.sub("", tail)
    tail = _SCOPE_VERBS.sub("", tail)
    return tail if tail and _SCOPE_HEAD.search(tail) else None


def _narrowed_period(before: str, start: date | None, end: date | None) -> tuple[date | None, date | None]:
    """The part's period narrowed by ``1-11月`` or ``上半年`` written before a value."""
    if start is None or end is None:
        return start, end
    if m := _MONTHS.search(before):
        first, last = int(m.group(1)), int(m.group(2))
        if 1 <= first <= last <= 12 and start.year == end.year:
            last_day = date(end.year, 12, 31) if last == 12 else date(end.year, last + 1, 1) - timedelta(days=1)
            return date(start.year, first, 1), min(last_day, end)
    if "上半年" in before and start.month == 1 and end.month == 12 and start.year == end.year:
        return start, date(start.year, 6, 30)
    return start, end


_OPENING_BRACKET = re.compile(r"[（(]")


def _lead_in_figures(lead_in: str, last: IndicatorValue) -> dict:
    """The figures a clause's words before its own measure give the value before (a share
    of its target, its growth), cut where a bracket opens."""
    return read_figures(_OPENING_BRACKET.split(lead_in)[0], is_rate(last.indicator), unit_pattern(last.indicator))


def _period_ahead(ahead: re.Match, first: date | None) -> tuple[date | None, date | None]:
    """The period a 全年/半年度/1-6月 figure expected covers, in the year of the figure before."""
    if first is None:
        return None, None
    year = first.year
    if ahead.group("half"):
        return date(year, 1, 1), date(year, 6, 30)
    if ahead.group("m1") and 1 <= int(ahead.group("m1")) <= int(ahead.group("m2")) <= 12:
        last = int(ahead.group("m2"))
        end = date(year, 12, 31) if last == 12 else date(year, last + 1, 1) - timedelta(days=1)
        return date(year, int(ahead.group("m1")), 1), end
    return date(year, 1, 1), date(year, 12, 31)


def _shifted_year(start: date | None, end: date | None, year: int | None, back: int) -> tuple[date | None, date | None]:
    """The period of a figure given for another year: ``year`` when written, else the
    same stretch ``back`` years before the part's."""
    if year is not None:
        return date(year, 1, 1), date(year, 12, 31)
    if start is None or end is None:
        return None, None
    try:
        return start.replace(year=start.year - back), end.replace(year=end.year - back)
    except ValueError:  # 29 February
        return start.replace(year=start.year - back, day=28), end.replace(year=end.year - back, day=28)


# A flattened table's head (指标名称 单位 完成值 同比增长%, its spaces gone in the sentence) and
# what each column after 单位 holds: the level, its growth, its share of the target, the target.
# A head is a line of column names and nothing else: 项目单位要按时完成建设任务，全年完成投资
# 12亿元 (the project's organisation) opens like one but is a sentence, its figures its own.
_TABLE_HEAD = re.compile(rf"^{TABLE_HEAD_LEAD}(?P<columns>[^，。；,;：:！？]{{2,40}})$")
# What a head's line may hold beside its columns: the percent sign of a column, brackets, and
# the columns no figure is read from (备注, the year before's level).
_HEAD_FILLER = re.compile(r"[%％()（）]|备注|上年同期|去年同期|上年|去年|比上年|单位")
_COLUMN = re.compile(
    r"(?P<growth>同比增长|增长|增幅|增速|同比)|(?P<share>完成率|完成进度|占年度?目标|占全年)"
    r"|(?P<target>年度目标|全年目标|目标值?|计划数?|任务数?)|(?P<value>完成值|完成数|实际完成|本年|本期|累计|数值|完成|总量|金额)"
)
# …and a row after the indicator's name: its unit, then one figure per column.
_TABLE_CELLS = re.compile(rf"^\s*(?P<unit>{_UNIT})\s*(?P<cells>[-−]?\d[\d.]*\s*[%％]?(?:\s+[-−]?\d[\d.]*\s*[%％]?)*)\s*$")


_WHITESPACE = re.compile(r"\s+")


def table_columns(head: str) -> list[str] | None:
    """What each column after 单位 of a flattened table's head holds, or None for no head.

    >>> table_columns("指标名称单位完成值同比增长%")
    ['value', 'growth']
    """
    if not (m := _TABLE_HEAD.match(_WHITESPACE.sub("", head))):
        return None
    names = m.group("columns")
    if _HEAD_FILLER.sub("", _COLUMN.sub("", names)):
        return None  # words that are no column's: a running sentence
    columns = [next(k for k, v in c.groupdict().items() if v) for c in _COLUMN.finditer(names)]
    return columns if "value" in columns else None


_CELL_FIGURE = re.compile(r"[-−]?\d[\d.]*")


def row_figures(tail: str, columns: list[str]) -> dict:
    """The figures of a table's row after the indicator's name, read by its head's columns.

    >>> row_figures("亿元25.3 6.2", ["value", "growth"])
    {'value': 25.3, 'unit': '亿元', 'growth_pct': 6.2}
    """
    if not (m := _TABLE_CELLS.match(tail)):
        return {}
    cells = _CELL_FIGURE.findall(m.group("cells"))
    if len(cells) != len(columns):
        return {}
    figures: dict = {}
    for column, cell in zip(columns, cells):
        number = float(cell.replace("−", "-"))
        if column == "value":
            figures.update(value=number, unit=m.group("unit").replace("％", "%"))
        elif column == "growth":
            figures["growth_pct"] = number
        elif column == "share":
            figures["share_of_target_pct"] = number
    return figures


_SENTENCE_PUNCTUATION = re.compile(r"[，。；,;：:]")
_JOINER = re.compile(r"[、和与及]?")
_ASPIRATION = re.compile("力争|争取")


def extract_indicator_values(graph: nx.MultiDiGraph, report_id: str) -> list[IndicatorValue]:
    """The indicator targets (plan parts) and actuals (review parts) of one report."""
    values: list[IndicatorValue] = []
    sentences = sorted(
        (n for n, d in nodes_of(graph, "Sentence") if d["report"] == report_id), key=lambda n: graph.nodes[n]["start"]
    )
    # A MENTIONS edge stands for every mention of one entity in a sentence (its first
    # offsets and a count); a sentence may give the same indicator twice (固定资产投资…，
    # 其中工业固定资产投资…), so every offset is taken from the report's stored mentions.
    stored: dict[str, list[dict]] = defaultdict(list)
    for m in graph.graph.get("mentions", {}).get(report_id, []):
        if m["type"] == "Indicator" and m.get("footnote") is None:
            stored[m["sentence"]].append(m)
    columns: list[str] | None = None  # the head of the flattened table being read, if any
    table_part = None
    report_date = graph.nodes[report_id].get("date") if report_id in graph else None
    report_year = int(report_date[:4]) if report_date else None
    turned_paragraph = None
    turned: tuple[str, date | None, date | None] | None = None
    reading = _reading_parts(graph, sentences)
    for sentence_id in sentences:
        part_of = graph.nodes[graph.nodes[sentence_id]["section"]]["part"]
        if (head := table_columns(graph.nodes[sentence_id]["text"])) is not None:
            columns, table_part = head, part_of
            continue
        # A table ends at the first line that is no row of it (a sentence, with its
        # punctuation) and with its part: its head governs no figure after.
        if columns and (part_of != table_part or _SENTENCE_PUNCTUATION.search(graph.nodes[sentence_id]["text"])):
            columns = None
        # A paragraph of a review that turns to the year ahead (今年，…全年实现…) or of a plan that
        # looks back (今年上半年，…完成…) states the other kind of figure over its own period.
        paragraph = graph.nodes[sentence_id].get("paragraph")
        if paragraph != turned_paragraph:
            turned_paragraph, turned = paragraph, None
        part_node = reading.get(part_of, graph.nodes[part_of])
        if part_node.get("kind") in ("plan", "review"):
            if (
                other := _turned(graph.nodes[sentence_id]["text"], part_node["kind"], *_part_period(part_node), report_year)
            ) is not None:
                turned = other
            # (Only a plan's look back ends so: a review's turn ahead goes on through 力争, 确保…)
            elif turned is not None and turned[0] == "actual" and _TURN_BACK.match(graph.nodes[sentence_id]["text"]):
                turned = None
        entities: dict[str, dict] = {}
        for _, entity, key, edge in graph.out_edges(sentence_id, keys=True, data=True):
            if key == "MENTIONS" and graph.nodes[entity]["label"] == "Indicator" and edge.get("footnote") is None:
                for alias in [graph.nodes[entity]["name"], edge["text"], *graph.nodes[entity].get("aliases", [])]:
                    entities.setdefault(alias, entity)
        mentions = sorted(
            {(m["start"], m["end"], entities.get(m["name"]) or entities.get(m["text"])) for m in stored[sentence_id]}
            - {(s, e, None) for s, e in ((m["start"], m["end"]) for m in stored[sentence_id])}
        )
        if not mentions:
            continue
        part_id = graph.nodes[graph.nodes[sentence_id]["section"]]["part"]
        part = reading.get(part_id, graph.nodes[part_id])
        if part.get("kind") not in ("plan", "review"):
            continue
        text = graph.nodes[sentence_id]["text"]
        kind = "target" if part["kind"] == "plan" else "actual"
        if graph.nodes[part_id].get("kind") == "front":
            official = frozenset(gazetteer().indicators.values())
            mentions = [m for m in mentions if graph.nodes[m[2]]["name"] in official]
        # A report whose date and period cannot be told (an undated excerpt) still states
        # its figures; they are kept with no period, and paired with nothing.
        p_start = date.fromisoformat(part["period_start"]) if part.get("period_start") else None
        p_end = date.fromisoformat(part["period_end"]) if part.get("period_end") else None
        if turned is not None:
            kind, p_start, p_end = turned

        def new_value(figures: dict, value_kind: str, first: date | None, last_day: date | None, **where) -> IndicatorValue:
            value = IndicatorValue(
                # the closure is called only within this sentence's iteration: its ids are this sentence's
                id=indicator_value_id(sentence_id, len([v for v in values if v.sentence == sentence_id])),  # noqa: B023
                report=report_id,
                part=part_id,  # noqa: B023
                sentence=sentence_id,  # noqa: B023
                kind=value_kind,
                period_start=first.isoformat() if first else None,
                period_end=last_day.isoformat() if last_day else None,
                value=figures.get("value"),
                unit=figures.get("unit"),
                growth_pct=figures.get("growth_pct"),
                modifier=figures.get("modifier"),
                share_of_target_pct=figures.get("share_of_target_pct"),
                **where,
            )
            values.append(value)
            return value

        def add_extras(figures: dict, first: date | None, last_day: date | None, **where) -> None:
            # The figures a value is given with: the target it is measured against (a
            # target of the same period), the previous period's level, and the level a
            # 由…到… span starts from (an actual of its year, else of the span's start).
            for extra in figures.get("extras", []):
                if extra["role"] == "target":
                    new_value(extra, "target", first, last_day, **where)
                else:
                    back = 1 if extra["role"] == "previous" else (last_day.year - first.year + 1 if first and last_day else 1)
                    new_value(extra, "actual", *_shifted_year(first, last_day, extra.get("year"), back), **where)

        last: IndicatorValue | None = None
        group: list[IndicatorValue] = []  # the values of the last clause that gave figures respectively
        run: list[IndicatorValue] = []  # the values of the clauses just read, one after another
        whole: IndicatorValue | None = None  # the value whose parts (其中…) are being listed
        # Clauses are cut where the text has a comma between thousands hidden (same length).
        for clause in clauses(_THOUSANDS.sub("\u2009", text)):
            inside = [m for m in mentions if clause.start <= m[0] and m[1] <= clause.end]
            if inside:
                whole = None
            if not inside:
                body = text[clause.start : clause.end]
                # 城乡居民人均可支配收入分别达到36913元和17017元，分别增长7.1%和8.9%: a clause
                # of 分别 figures alone continues the group of the clause before.
                # 同比分别增长12%和15%: the basis written before 分别 is the list's too.
                listed = _BASIS_BEFORE_LIST.sub("", body)
                if len(group) >= 2 and listed.startswith("分别") and (more := _respective(listed, [v.indicator for v in group])):
                    for value, figures in zip(group, more):
                        _continue(value, figures, clause.end, text)
                    continue
                # …分别达到79668元和40450元，增长9.0%和11.8%: the 分别 of the clause before
                # governs a list of as many growths after it, written without its own.
                if (
                    len(group) >= 2
                    and _GROWTH_LIST.match(listed)
                    and _respective_count("分别" + listed) == len(group)
                    and (more := _respective("分别" + listed, [v.indicator for v in group]))
                ):
                    for value, figures in zip(group, more):
                        _continue(value, figures, clause.end, text)
                    continue
                # 实现财政总收入8.56亿元，其中一般公共预算收入4.32亿元，分别增长10.5%和8.3%: the
                # values of the clauses before, as many as the list gives, one each.
                count = _respective_count(listed)
                # (…增长8%，…增长6%，分别完成年度目标任务的105%和98%: what the list gives, each
                # value must still lack.)
                if (
                    listed.startswith("分别")
                    and 2 <= count <= len(run)
                    and (more := _respective(listed, [v.indicator for v in run[-count:]]))
                    and all(
                        getattr(v, k) is None
                        for v, f in zip(run[-count:], more)
                        for k in ("growth_pct", "share_of_target_pct")
                        if f.get(k) is not None
                    )
                ):
                    for value, figures in zip(run[-count:], more):
                        _continue(value, figures, clause.end, text)
                    run = []
                    continue
                group = []
                # 实现地区生产总值56.8亿元，按可比价格计算，增长6.5%: a clause saying how the figure
                # is computed stands between the value and its growth.
                if last is not None and (_HOW_COMPUTED.match(body) or _TARGET_MET.match(body)):
                    continue
                part = _PART_OF.match(body) or (
                    _NEXT_PART.match(body) if whole is not None and not _CONTINUES.match(body) else None
                )
                if last is not None and part is not None:
                    figures = read_figures(body[part.end() :], is_rate(last.indicator), unit_pattern(last.indicator))
                    whole = last if body.startswith("其中") else whole
                    assert whole is not None  # a part follows its whole
                    same_unit = figures.get("unit") == whole.unit or (figures.get("unit") in _YUAN and whole.unit in _YUAN)
                    if figures.get("value") is not None and same_unit:
                        last = new_value(
                            figures,
                            kind,
                            *_period_of(last),
                            text=body,
                            start=clause.start,
                            end=clause.end,
                            indicator=last.indicator,
                            entity=last.entity,
                            scope=part.group("scope"),
                        )
                        run = []
                        continue
                    whole = None
                if last is not None and _CONTINUES.match(body):
                    figures = read_figures(body, is_rate(last.indicator), unit_pattern(last.indicator))
                    if last.kind != kind and figures.get("value") is not None:
                        # After a task set (…任务8000万元), 完成8600万元 is what was done.
                        first, last_day = _period_of(last)
                        last = new_value(
                            figures,
                            kind,
                            first,
                            last_day,
                            text=body,
                            start=clause.start,
                            end=clause.end,
                            indicator=last.indicator,
                            entity=last.entity,
                            scope=last.scope,
                        )
                        continue
                    # 比2010年增长50%，年均递增10%: a growth over several years since a base
                    # year is the whole stretch's; the yearly average is the figure's rate.
                    if (
                        _ANNUAL.match(body)
                        and figures.get("growth_pct") is not None
                        and last.growth_pct is not None
                        and _SINCE_BASE_YEAR.search(last.text)
                    ):
                        last.growth_pct = None
                    if _continue(last, figures, clause.end, text) or figures.get("extras"):
                        first, last_day = _period_of(last)
                        add_extras(
                            figures,
                            first,
                            last_day,
                            text=last.text,
                            start=last.start,
                            end=last.end,
                            indicator=last.indicator,
                            entity=last.entity,
                            scope=last.scope,
                        )
                        continue  # such clauses may follow one another: …，完成预期目标…，比上年同期…
                    # 农民人均纯收入达到2.3万元，比上年增加2100元，增长10%: the comparison
                    # adds nothing read here, and the measure goes on after it.
                    if _COMPARED.match(body):
                        continue
                # 截至11月底，财政收入2776.38万元…，全年有望完成2800万元: after a figure of the
                # year so far, the year's own figure as the report expects it (an estimate).
                if last is not None and _RANK.match(body):
                    continue
                if last is not None and (ahead := _YEAR_AHEAD.match(body)):
                    figures = read_figures(body[ahead.end() :], is_rate(last.indicator), unit_pattern(last.indicator))
                    first, _ = _period_of(last)
                    same_unit = figures.get("value") is not None and figures.get("unit") == last.unit
                    growth_only = figures.get("value") is None and figures.get("growth_pct") is not None
                    if same_unit or growth_only:
                        # …同比增长10.47% after it is the expected figure's own growth.
                        last = new_value(
                            figures,
                            kind,
                            *_period_ahead(ahead, first),
                            text=body,
                            start=clause.start,
                            end=clause.end,
                            indicator=last.indicator,
                            entity=last.entity,
                            scope=last.scope,
                            estimated=True,
                        )
                        continue
                last = None
                run = []
                continue
            # …12.1亿元，占年度目标任务的50.2%（其中社零总额5.62亿元…）: the words before the
            # clause's own measure may still complete the value before.
            lead_in = text[clause.start : inside[0][0]]
            if last is not None and _CONTINUES.match(lead_in) and (figures := _lead_in_figures(lead_in, last)):
                _continue(last, figures, inside[0][0], text)
            last = None
            group = []
            # 城镇、农村居民人均可支配收入分别增长5%、8%: indicators joined by 、/和 (or run
            # together: 城乡居民…, read as 城镇 and 农村) share the figures after 分别
            # (respectively), one each and in order.
            respective = None
            if len(inside) >= 2 and all(_JOINER.fullmatch(text[a[1] : b[0]]) for a, b in zip(inside, inside[1:])):
                respective = _respective(text[inside[-1][1] : clause.end], [graph.nodes[e]["name"] for _, _, e in inside])
            for i, (m_start, m_end, entity) in enumerate(inside):
                segment_end = inside[i + 1][0] if i + 1 < len(inside) else clause.end
                name = graph.nodes[entity]["name"]
                if respective:
                    figures, segment_end = respective[i], clause.end
                else:
                    figures = read_figures(text[m_end:segment_end], is_rate(name), unit_pattern(name))
                if not figures and columns:
                    figures = row_figures(text[m_end:segment_end], columns)
                # 全乡2.6万亩中稻稳产: the town's area of a crop written before the crop.
                if not figures and name.endswith("面积") and (before_name := _AREA_FIRST.search(text, clause.start, m_start)):
                    figures = {"value": float(before_name.group("n")), "unit": before_name.group("unit")}
                # 增加各村集体经济收入2万元: a figure added to the indicator, not its level.
                if _INCREMENT.search(text[max(clause.start, m_start - 4) : m_start]):
                    figures.pop("value", None), figures.pop("unit", None)
                if not figures or set(figures) <= {"modifier", "approximate", "bound", "extras"}:
                    continue
                before = text[clause.start : m_start]
                # 在油榨岩、云峰、堙上、花树脚等村发展油茶671亩; 在东岭、柏树咀、杜河等村种植新品种苹果
                # 300亩: a figure placed in a list of named villages is the extent of works done
                # there, not a measure of the town (which counts over the whole town: 全镇…).
                if _IN_NAMED_VILLAGES.search(before):
                    continue
                # 2025年确保全镇生产总值实现9.3亿元, 力争全镇财政收入达到…: a plan's 确保 (the
                # floor it guarantees) or 力争 (the figure it strives for) may lead the clause.
                # 确保粮食播种面积2.5万亩以上，总产量0.83万吨以上: the lead governs the sentence's
                # clauses that follow it, and joins a qualifier after the figure (确保…以上).
                lead = _TARGET_LEAD.search(text[:m_start])
                # A review states what it strives for as well as what was done: a figure aimed at
                # (年底力争完成一般公共预算收入4.2亿元 in a report of ten months; 为全面实现…农业总产值
                # 增长10%以上…的目标) is the target of its period, not an actual.
                value_kind = "target" if kind == "actual" and _aimed_in_review(text, clause.start, m_start) else kind
                if value_kind == "target" and lead and "…" not in (figures.get("modifier") or ""):
                    if "modifier" not in figures:
                        figures = {**figures, "modifier": lead.group(1)}
                    elif figures["modifier"] in _AFTER_WORDS:
                        figures = {**figures, "modifier": f"{lead.group(1)}…{figures['modifier']}"}
                start, end = _narrowed_period(text[:m_start], p_start, p_end)
                where = dict(
                    text=text[clause.start : clause.end],
                    start=clause.start,
                    end=clause.end,
                    indicator=name,
                    entity=entity,
                    scope=scope_of(before),
                )
                # 县下达我镇一般公共预算收入任务8000万元: the task set for the measure is its
                # target, in a review too; what was done follows (全年预计完成8600万元).
                task = kind == "actual" and "value" in figures and bool(_TASK_AFTER.match(text, m_end))
                last = new_value(
                    figures,
                    "target" if task else value_kind,
                    start,
                    end,
                    bound=figures.get("bound"),
                    estimated="预计" in text[:m_start] or "预计" in text[m_end:segment_end],
                    approximate=bool(figures.get("approximate")),
                    aspirational=bool(_ASPIRATION.search(text[clause.start : clause.end])),
                    **where,
                )
                add_extras(figures, start, end, **where)
                if respective:
                    group.append(last)
                else:
                    run.append(last)
    # A news item's headline repeats a figure of its body (东兴镇上半年实现产业投资13亿元): the
    # body's statement is the value, the headline's no second one.
    title = (graph.nodes[report_id].get("title") or "").strip() if report_id in graph else ""
    if title:
        heads = [v for v in values if graph.nodes[v.sentence]["text"].strip() == title]
        values = [
            v
            for v in values
            if v not in heads
            or not any(
                w not in heads and (w.entity, w.value, w.unit) == (v.entity, v.value, v.unit) and w.value is not None
                for w in values
            )
        ]
    return values


# A sentence of a review opening on the year ahead: 今年 in a report given after the year it
# reviews (a congress of spring hears the last year and sets this one's targets: 今年，…全年实现
# 工农业总产值3.36亿元，增长14%), 明年, 新的一年, or a year after the review's.
# A place directory's page sets its aims under a run-in heading of the plan (发展目标 2004年，…以
# …为目标; 今后打算, 工作设想): the heading joins the year's sentence once its space is dropped.
_YEAR_AHEAD_OPENING = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,4}(?:目标|打算|设想|展望)\s*)?(?:(?P<this>今年)(?!以来|来|上半年|前|1|一)|(?P<next>明年|新的一年)|(?P<year>\d{4})年(?!以来|底|末))"
)
_INTENT = re.compile(r"要求|目标|力争|确保|计划|争取|预期|将|打算")
# A sentence of a plan opening on a time already past: a half-year session hears the first half
# (今年上半年，…完成现价产值60.62亿元，同比增长13.2%) before it sets the second; a plan
# looks back on last year (去年, 过去一年, 一年来).
_PAST_OPENING = re.compile(
    r"^(?:(?P<half>今年上半年|上半年)(?![，,]?(?:力争|确保|要|将|计划|争取))|(?P<last>去年|过去一年|过去的一年|一年来))"
)
# …and so does a sentence of a plan opening on a year before the plan's: a news item on a
# congress that the loader reads as a plan (no headings) tells the year reviewed before the
# year's work (d170: 2020年，该镇…财政收入完成1559万元 in a plan of 2021; d177: 2020年，钦工镇…).
_EARLIER_YEAR_OPENING = re.compile(r"^(?P<year>\d{4})年(?!以来)")
_AIMED = re.compile("力争|确保|争取|预期|计划")
# …until a sentence turns to what is ahead again.
_TURN_BACK = re.compile(r"^(?:下半年|今后|明年|今年|\d{4}年|新的一年|[^，。；]{0,12}(?:将|要|力争|确保|计划|争取|目标|预期))")


def _reading_parts(graph: nx.MultiDiGraph, sentences: list[str]) -> dict[str, dict]:
    """Each part of a report as its figures are read: a front part right before a review is
    read as that review. A report's opening paragraph, before its first heading, often gives
    the reviewed period's headline figures (一季度，…截止到3月15日完成财政总收入309万元 then
    一、一季度主要完成情况; d163's ——令人鼓舞的是，…全年实现财政收入2.25亿元 before 一、2019年…
    工作回顾): they are the review's, stated ahead of its heading. Only the measures of the official vocabulary are read there
    (see :func:`extract_indicator_values`): a news item's lead before its body is about one
    firm or works as often (d97: a firm's works, 新增年产值1.5亿元、利税超千万元)."""
    # (The parts holding the report's sentences: one more scan of the whole graph per report
    # would cost a large build as much again.)
    ids = {graph.nodes[graph.nodes[s]["section"]]["part"] for s in sentences}
    parts = sorted(((n, graph.nodes[n]) for n in ids), key=lambda nd: nd[1].get("order", 0))
    out = {n: d for n, d in parts}
    for (n, d), (_, after) in zip(parts, parts[1:]):
        if d.get("kind") == "front" and after.get("kind") == "review":
            out[n] = after
    return out


def _part_period(part: dict) -> tuple[date | None, date | None]:
    return (
        date.fromisoformat(part["period_start"]) if part.get("period_start") else None,
        date.fromisoformat(part["period_end"]) if part.get("period_end") else None,
    )


def _turned(text: str, part_kind: str, start: date | None, end: date | None, report_year: int | None) -> tuple | None:
    """The kind and period of a sentence that speaks of another time than its part's, if so."""
    if part_kind == "review" and end is not None and (m := _YEAR_AHEAD_OPENING.match(text)):
        if m.group("this"):
            # …and says what is intended: a report drafted in December and given in January
            # may still call the reviewed year 今年 (今年，全镇完成财政收入…).
            ahead = report_year is not None and report_year > end.year and bool(_INTENT.search(text))
            year = report_year if ahead else None
        elif m.group("next"):
            year = end.year + 1 if m.group("next") == "新的一年" or report_year is None else report_year + 1
        else:
            year = int(m.group("year")) if int(m.group("year")) > end.year else None
        return ("target", date(year, 1, 1), date(year, 12, 31)) if year is not None else None
    if part_kind == "plan" and start is not None and (m := _EARLIER_YEAR_OPENING.match(text)):
        year = int(m.group("year"))
        # (…unless it says what is striven for: a plan misdated by a year still aims.)
        past = year < start.year and not _AIMED.search(text)
        return ("actual", date(year, 1, 1), date(year, 12, 31)) if past else None
    if part_kind == "plan" and (m := _PAST_OPENING.match(text)):
        if m.group("half"):
            # A plan for the second half (or of no known period) looks back on the first.
            if start is not None and start.month != 7:
                return None
            year = start.year if start is not None else None
            return ("actual", date(year, 1, 1) if year else None, date(year, 6, 30) if year else None)
        year = start.year - 1 if start is not None else None
        return ("actual", date(year, 1, 1) if year else None, date(year, 12, 31) if year else None)
    return None


_RESPECTIVE_ITEM = re.compile(r"[、和及与]")


_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:[%％]|[\u4e00-\u9fff]{0,3}元|万|亿)")


def _respective_count(body: str) -> int:
    """How many figures a clause of 分别 lists (分别增长10.5%和8.3% → 2)."""
    if not body.startswith("分别"):
        return 0
    return len(_AMOUNT.findall(body))


_RESPECTIVELY = re.compile("分别")
_FIGURE_FIRST = re.compile(r"(?:达到|达|完成|实现|为)?\d")
_VERB_BEFORE_FIGURE = re.compile(r"[^\d零一二两三四五六七八九十百千]*")


def _respective(tail: str, names: list[str]) -> list[dict] | None:
    """The figures that follow 分别 in ``tail``, one for each of ``names`` in order, read
    with the verb they share (分别增长5%、8% is 增长5% and 增长8%); None when the list does not
    give one figure for each.

    >>> [f.get("growth_pct") for f in _respective("预计分别增长5%、8%", ["城镇居民人均可支配收入", "农村居民人均可支配收入"])]
    [5.0, 8.0]
    >>> [(f.get("value"), f.get("modifier")) for f in _respective("分别达到36913元和17017元以上", ["a收入", "b收入"])]
    [(36913.0, '以上'), (17017.0, '以上')]
    >>> [f.get("modifier") for f in _respective("分别增长6%、9%以上", ["城镇居民人均可支配收入", "农村居民人均可支配收入"])]
    ['以上', '以上']
    >>> _respective("增长5%", ["a", "b"]) is None
    True
    >>> [f.get("share_of_target_pct") for f in _respective("分别占全年任务的105%、98%", ["a收入", "b收入"])]
    [105.0, 98.0]
    """
    # 规模以上工业产值和增加值28.6亿元、7.2亿元: the figures may follow the names with no 分别,
    # one for each name.
    listed = _FIGURE_FIRST.match(tail)
    if not (m := _RESPECTIVELY.search(tail)) and not listed:
        return None
    rest = tail[m.end() :] if m else tail
    verb = _VERB_BEFORE_FIGURE.match(rest).group()  # type: ignore[union-attr]  # * matches always
    items = [item for item in _RESPECTIVE_ITEM.split(rest[len(verb) :]) if item]
    if len(items) < len(names):
        return None
    # 同比+19.82%、+80.46%: each item may carry its own sign after the verb's.
    figures = [
        read_figures((verb.rstrip("+＋-−") if item[:1] in "+＋-−" else verb) + item, is_rate(name), unit_pattern(name))
        for item, name in zip(items, names)
    ]
    # 分别增长6%、9%以上: a modifier after the list qualifies every figure of it.
    last = figures[-1] if figures else {}
    if last.get("modifier") in ("以上", "左右", "以内", "以下"):
        for f in figures[:-1]:
            if "modifier" not in f:
                f["modifier"] = last["modifier"]
                if "bound" in last:
                    f["bound"] = last["bound"]
    # 分别占全年任务的105%、98%: shares of the target are given respectively as well.
    given = ("value", "growth_pct", "share_of_target_pct")
    return figures if all(any(f.get(k) is not None for k in given) for f in figures) else None


def _period_of(value: IndicatorValue) -> tuple[date | None, date | None]:
    return (
        date.fromisoformat(value.period_start) if value.period_start else None,
        date.fromisoformat(value.period_end) if value.period_end else None,
    )


def _continue(value: IndicatorValue, figures: dict, clause_end: int, sentence: str) -> bool:
    """A following clause (…，达到8.83亿元; …，完成任务量的77.7%) fills what the value's own
    clause left out. Returns whether it did."""
    added = False
    reached = figures.get("value")
    # 突破万元大关，达到10500元: the exact level reached after a round one passed, in any unit of
    # money (万元 passed, 元 reached).
    unit = figures.get("unit")
    passed = in_yuan(value.value, value.unit) if unit in _YUAN and value.unit in _YUAN else value.value
    exact = in_yuan(reached, unit) if unit in _YUAN and value.unit in _YUAN else reached
    if (
        value.modifier in _PASSED
        and exact is not None
        and (unit == value.unit or (unit in _YUAN and value.unit in _YUAN))
        and exact > (passed or 0)
    ):
        value.value, value.unit, value.modifier = figures["value"], unit, figures.get("modifier")
        added = True
    for key in ("value", "unit", "growth_pct", "share_of_target_pct", "modifier"):
        if getattr(value, key) is None and figures.get(key) is not None:
            setattr(value, key, figures[key])
            added = True
    if added or figures.get("extras"):
        value.text = sentence[value.start : clause_end]
        value.end = clause_end
        value.bound = value.bound or figures.get("bound")
        value.approximate = value.approximate or bool(figures.get("approximate"))
    return added


def in_yuan(value: float | None, unit: str | None) -> float | None:
    """An amount of money in 元 (None for other units)."""
    if value is None or unit not in _YUAN:
        return None
    return value * _YUAN[unit]


def _comparable(a: IndicatorValue, b: IndicatorValue) -> tuple[float, float] | None:
    if a.value is None or b.value is None:
        return None
    if a.unit == b.unit:
        return a.value, b.value
    x, y = in_yuan(a.value, a.unit), in_yuan(b.value, b.unit)
    return (x, y) if x is not None and y is not None else None


@dataclass
class Measure:
    """A target met by an actual: share reached, elapsed share of the period, on track."""

    target: IndicatorValue
    actual: IndicatorValue
    share: float | None
    elapsed: float
    on_track: bool | None


@dataclass
class GrowthCheck:
    target: IndicatorValue
    previous: IndicatorValue
    implied_growth_pct: float
    consistent: bool


@dataclass
class Pairing:
    measures: list[Measure] = field(default_factory=list)
    checks: list[GrowthCheck] = field(default_factory=list)


def _days(start: str, end: str) -> int:
    return (date.fromisoformat(end) - date.fromisoformat(start)).days + 1


def measure(target: IndicatorValue, actual: IndicatorValue) -> Measure:
    """How far an actual goes towards a target.

    >>> t = IndicatorValue("t", "r1", "p", "s", "", 0, 0, "固定资产投资", "e", "target", "2023-01-01", "2023-12-31", 10, "亿元")
    >>> a = IndicatorValue("a", "r2", "p", "s", "", 0, 0, "固定资产投资", "e", "actual", "2023-01-01", "2023-06-30", 5.2, "亿元")
    >>> m = measure(t, a)
    >>> round(m.share, 3), round(m.elapsed, 3), m.on_track
    (0.52, 0.496, True)
    """
    assert target.period_start and target.period_end and actual.period_end  # paired values have periods
    elapsed = _days(target.period_start, actual.period_end) / _days(target.period_start, target.period_end)
    pair = _comparable(actual, target)
    share = pair[0] / pair[1] if pair and pair[1] else None
    on_track = None
    if pair:
        if target.unit == "%" or is_rate(target.indicator):
            on_track = pair[0] <= pair[1] if target.bound == "at_most" else pair[0] >= pair[1]
        elif share is not None:
            on_track = share >= elapsed if target.bound != "at_most" else share <= 1
    elif target.growth_pct is not None and actual.growth_pct is not None:
        on_track = actual.growth_pct >= target.growth_pct
    return Measure(target, actual, share, min(elapsed, 1.0), on_track)


def _key(graph: nx.MultiDiGraph, v: IndicatorValue) -> tuple:
    town = next((t for _, t, k in graph.out_edges(v.report, keys=True) if k == "REPORTS_ON"), None)
    return town, v.entity, v.scope


def pair_values(graph: nx.MultiDiGraph, values: list[IndicatorValue]) -> Pairing:
    """Each target with the actuals that measure it, and its growth check."""
    by_key: dict[tuple, list[IndicatorValue]] = defaultdict(list)
    for v in values:
        if v.period_start and v.period_end:  # a value of no known period measures nothing
            by_key[_key(graph, v)].append(v)
    result = Pairing()
    for group in by_key.values():
        actuals = [v for v in group if v.kind == "actual"]
        for target in (v for v in group if v.kind == "target"):
            assert target.period_start and target.period_end  # grouped values have periods
            for actual in actuals:
                assert actual.period_start and actual.period_end
                if (
                    actual.report != target.report
                    and target.period_start <= actual.period_start
                    and actual.period_end <= target.period_end
                ):
                    result.measures.append(measure(target, actual))
            if target.value is None or target.growth_pct is None:
                continue
            length = _days(target.period_start, target.period_end)
            previous = [
                a
                for a in actuals
                if a.period_start
                and a.period_end
                and a.period_end < target.period_start
                and abs(_days(a.period_start, a.period_end) - length) <= 3
                and a.value is not None
            ]
            if not previous:
                continue
            latest = max(previous, key=lambda a: (a.period_end, not a.estimated))
            pair = _comparable(target, latest)
            if not pair or not pair[1]:
                continue
            implied = (pair[0] / pair[1] - 1) * 100
            result.checks.append(
                GrowthCheck(target, latest, round(implied, 2), abs(implied - target.growth_pct) <= GROWTH_TOLERANCE)
            )
    return result


def add_indicator_values(graph: nx.MultiDiGraph, values: list[IndicatorValue], pairing: Pairing) -> None:
    """IndicatorValue nodes (STATED_IN, ABOUT their Indicator), MEASURED_BY edges, and
    the growth check on each target that has one."""
    for v in values:
        add_node(graph, v.id, "IndicatorValue", **v.as_properties())
        add_edge(graph, v.id, v.sentence, "STATED_IN")
        add_edge(graph, v.id, v.entity, "ABOUT")
    for m in pairing.measures:
        add_edge(
            graph,
            m.target.id,
            m.actual.id,
            "MEASURED_BY",
            share=None if m.share is None else round(m.share, 4),
            elapsed=round(m.elapsed, 4),
            on_track=m.on_track,
        )
    for c in pairing.checks:
        node = graph.nodes[c.target.id]
        node.update(previous_actual=c.previous.id, implied_growth_pct=c.implied_growth_pct, growth_consistent=c.consistent)
