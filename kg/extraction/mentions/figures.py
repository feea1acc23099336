"""Indicators named by their subject: a noun phrase ending in a measure word and
followed by a figure (工业总产值5亿元, 生猪出栏比上年增长15%), and lists of
indicators that share one (粮食、油料种植面积)."""

from __future__ import annotations

import re
from functools import cache

from kg.extraction.mentions.lexicon import _STOP_CHARS, _Found, _scan_near

# A statistic of the town that is not in the vocabulary (粮食生产总量1.4万吨, 规模以上工业企业
# 利润总额5亿元, 村集体经营性收入…): a noun phrase ending in a measure word, followed by a
# figure or by its growth (生猪出栏比上年增长15%). Measure words are those of statistical
# tables: amounts (产值, 收入, 总额, 利润, 投资, 增加值, 销售额, 税收…), areas (面积, and 种植规模
# / 养殖规模, the planted or stocked extent), outputs, livestock, population and rates.
_MEASURE_WORDS = (
    "利润总额",
    "产值",
    "收入",
    "总额",
    "利润",
    "投资",
    "增加值",
    "销售额",
    "营业额",
    "税收",
    "总值",
    "零售额",
    "支出",
    "面积",
    "种植规模",
    "养殖规模",
    "造林",
    "产量",
    "总产",
    "总量",
    "存栏",
    "出栏",
    "人口",
    "覆盖率",
    "处理率",
    "达标率",
    "参保率",
    "合格率",
    # The export delivery value of industry (出口交货值), a column of every industrial table.
    "交货值",
    # Sums of trade by their kind (电子商务交易额, 网上成交额, 外贸额): amounts as 销售额 is.
    "交易额",
    "成交额",
    "贸易额",
    # Profit and tax together (实现利税), the older reports' figure of a town's firms.
    "利税",
    # 营收, the short form of 营业收入 (规上工业营收增长15%).
    "营收",
    # Volumes of transport and energy that bulletins give by weight, trips or kWh
    # (港口货物吞吐量, 客运量, 发电量, 销售量).
    "吞吐量",
    "货运量",
    "客运量",
    "发电量",
    "销售量",
    "销量",
    "交易量",
    # The income gained per head (农民人均增收500元), the poverty-relief reports' measure
    # of rural income; only per head, since 带动农户增收 is an action's effect.
    "人均增收",
    # Foreign capital by any wording (实际到账外资, 利用外资): stated in dollars or yuan.
    "外资",
    # Days counted by the environment bulletins (空气质量优良天数 in 天).
    "优良天数",
    # The investment of a sector (工业投入, 农业投入, 服务业投入, 技改投入), the older reports'
    # word for it: only after a sector, since 投入资金 and 财政投入 are spending, not a statistic.
    "(?<!企)业(?:各类|各项)?投入",
    "技改投入",
    # Livestock as the farm bulletins count it (肉牛总存栏量, 生猪出栏量).
    "存栏量",
    "出栏量",
    # Research spending (研发投入, 研发经费投入), which the science and technology bulletins
    # and the reports of industrial towns give beside sales and exports.
    "研发投入",
    "研发经费",
    # The older reports' word for industrial investment (工业性投入, 生产性投入).
    "性投入",
    # The amount of investment agreed or attracted (协议投资额, 协议引资, 合同引资): the
    # figure by which reports count their attraction of capital, as 招商引资 is.
    "投资额",
    "协议引资",
    "合同引资",
    # Taxes by the office that collects them (国税, 地税) and taxes paid in (入库税金,
    # 上缴税金, 实缴税金): the older reports' revenue figures; taxes cut or refunded (减免税金)
    # are an action.
    "(?:实缴|入库|上缴|上交)税金",
    # People and households counted by the bulletins' registers (参保人数, 就业人数,
    # 从业人数, 参合户数): a register's count, not the people an action reached (培训人数,
    # 受益人数).
    "(?:参保|参合|就业|从业|失业|在校|在园|低保|贫困|常住|户籍)人数",
    "(?:参保|参合|低保|贫困|常住|户籍|农|总)户数",
    # Volumes of services (快递业务量, 邮政业务量) as the bulletins give them.
    "业务量",
    "国税",
    "地税",
    # 国、地两税 (both offices' taxes together).
    "两税",
    # The taxes the town's firms pay (企业纳税, 工业企业纳税) and the revenue a town may spend
    # (可用财力): the older reports' figures of its finances.
    "纳税",
    "可用财力",
    # …which the reports of 安徽 and 陕西 townships also call 可支配财力 (d181, d183: the same
    # measure, the revenue left to the township after transfers, under its two names).
    "可支配财力",
    # Sales after a sum of the same subject (…产值56亿元、销售52亿元): read only there, since 销售
    # alone is a verb (销售农产品3000吨).
    "销售",
    # The count of a register of firms (个体工商户数量, 市场主体数量, 企业数量).
    "(?:企业|工商户|市场主体|经营主体|合作社|家庭农场)数量",
    # A crop's yield per mu (小麦单产450公斤), as the farm bulletins give it.
    "单产",
    # Herds counted by heads (牲畜总头数) and farm machinery's power (农机总动力, in 千瓦), as
    # the farm bulletins give them.
    "头数",
    "总动力",
    # The older and northern wordings of investment and capital attracted: 固定资产投入, and
    # the capital arrived (内资到位额, 外资到位额) as 到位资金 is.
    "资产投入",
    "到位额",
    # Retail sales by the progress reports' short forms: 社零 (社会消费品零售总额: 限上社零12亿元,
    # 社零总额) and 消零 (消费品零售额: 限额以上消零累计完成5260.1万元).
    "社零",
    "消零",
)


# Verbs of reaching a level: the figure after them is the level reached (达到, 突破), held
# (控制在, 保持在, 稳定在) or moved to (增加到, 缩减到, 扩大至…), in either direction.
_REACHING = (
    # 均在/均达: each unit of the town reaches the level (村级集体经济年收入均在20万元以上).
    r"完成|达到了?|达|为|共计|总计|累计|累积|实现|稳定在|保持在|控制在|突破|超过|均在|均达到?|均超过|"
    r"(?:提高|提升|增加|增长|上升|扩大|发展|下降|降低|减少|缩减|缩小|回落)(?:到|至)|增至|增到|降至|减至|由|从|预计"
)


# A round magnitude passed is written without a digit: 突破百亿元, 超亿元, 过亿斤.
_ROUND_PASSED = r"(?:突破|超过|超|过|逾)[百千]?(?:亿|万)(?=[元斤吨]|大关)"


# 预计达3325元: an estimate reached, 预计 before the verb of reaching.
# 累计完成, 全年实现: the span the figure sums comes before the verb of reaching.
_FIGURE_VERB = (
    rf"(?:绝对额)?(?:已经|已|分别|预计)?(?:累计|全年|共)?(?:(?:{_REACHING})?(?:约|近|超|逾)?\s*[-−]?\d|{_ROUND_PASSED})"
)


# A growth after the name: with its basis (同比增长…), or a percentage alone (技改投资增长20%,
# 数字经济核心产业增加值增长12%): reports give many measures by their growth only.
_GROWTH_AFTER = (
    r"(?:(?:同比|比上年|较上年|比去年|较去年)(?:同期)?(?:增长|下降|减少|提高|增加|增速|上升|增幅|降幅)(?:了|达到|达|为)?\s*[-−]?\d"
    r"|(?:分别)?(?:增长|增速|增幅|降幅|下降|递增|增加)(?:了|达到|达|为)?\s*[-−]?\d+(?:\.\d+)?\s*[%％]"
    # 同比+19.82%: a signed growth after its basis, without a verb.
    r"|同比[-−+＋]\d+(?:\.\d+)?\s*[%％])"
)


# A rate of the town (贫困发生率, 自然增长率, 计划生育率…): any name ending in 率 given as a
# percentage or a per-mille figure.
_RATE_FIGURE = re.compile(r"(?P<name>[\u4e00-\u9fff]{1,12}?率)(?=(?:已经|已)?(?:" + _REACHING + r")?\s*\d+(?:\.\d+)?\s*[%％‰])")


# 内资到位额（区外）16亿元: a bracket that narrows the measure may stand between it and its figure.
_SUBJECT_FIGURE = re.compile(
    rf"(?P<name>[\u4e00-\u9fff]{{0,16}}?(?:{'|'.join(_MEASURE_WORDS)}))"
    rf"(?=(?:[（(][^（）()\d，。；]{{1,6}}[）)])?(?:{_FIGURE_VERB}|{_GROWTH_AFTER}))"
)
# Where a measure word with its figure after it starts: every match of _SUBJECT_FIGURE
# starts at most 16 characters before one (see _scan_near).
_MEASURE_WITH_FIGURE = re.compile(
    rf"(?=(?:{'|'.join(_MEASURE_WORDS)})(?:[（(][^（）()\d，。；]{{1,6}}[）)])?(?:{_FIGURE_VERB}|{_GROWTH_AFTER}))"
)


# A statistic's name holds no figure and no sentence mark: scanning left for its start
# stops at these too (OCR'd and PDF text ends sentences with a half-width '.').
_NAME_STOP = _STOP_CHARS | set("0123456789.．")


# Words before a statistic's name that say where or when, or that it was done, not what.
_FIGURE_LEAD = re.compile(
    # 全镇共有农民专业合作社86家: 共有, 拥有 and 已有 say what the town has, as 现有 does.
    # 全镇有规上企业56家: what the town has (有) is no part of the name.
    # (…but 有效 is a word of the name: 全乡有效灌溉面积.) 全苏木 is a pastoral township's 全乡.
    r"^(?:全镇有(?!效)|全乡有(?!效)|全街道有(?!效)|全镇|全乡|全苏木|全街道|街道|我街道|本街道|全区|全县|我镇|我乡|本镇|全年|今年|去年|当年|上半年|前三季度|其中|预计|完成|实现|落实|共有|拥有|已有|共|累计|"
    r"现有|全面|已|新增|年度|年|月份|月|\d{4}年|\d{1,2}[-—至]\d{1,2}月份?|的)+"
)


# A figure after these is done or spent, not measured: 投入资金, 争取资金, 发放…
# …and so is an increment a works brings (增加全乡花农和各村集体的经济收入共计100万元): not the level.
# …and so is one after a plan's verbs of urging (同时加快投资5000万元大陈村…基地建设, 加大投入):
# the sum of the works urged on.
_ACTIONS = re.compile(
    r"^(?:同时)?(?:投入|争取|发放|筹集|拨付|兑现|落实|申报|引进|带动|帮助|新建|建成|改造|完成|实施|恢复|追加|增加|加快|加大|加强|推进|推动)"
)


_BROUGHT_IN = re.compile(r"引进")


# A figure projected for a project once built (建成后年销售收入预计超2000万元) is the
# project's, not the town's.
_PROJECTED = re.compile(
    r"(?:(?:建成|投产|达产|投用|运营)后[^，。；]{0,6}|(?:建成|投产|达产|投用)[，,]年?|(?:引进|落户|签约)[^，。；]{1,20}[，,]年)$"
)


# A works' budget or what it will yield once running (计划投资500万元，创产值300万元，利税12万元;
# …达产后可增加营业性收入100亿元，实现利税8.3亿元): the sums listed after it, clause by clause,
# are that works' own, as the projected figure itself is (_PROJECTED).
_WORKS_SUM = re.compile(r"(?:计划|拟)总?投资|(?:建成|投产|达产|投用|运营)后")
_CLAUSE_MARKS = re.compile(r"[，,]")


def _after_works_sum(text: str, start: int) -> bool:
    """Whether the figure named at start follows, in a run of clauses with sums, a works' budget."""
    begin = max(text.rfind(c, 0, start) for c in "。；;：:") + 1
    *clauses, own = _CLAUSE_MARKS.split(text[begin:start])
    # (…计划投资3亿元，实现产值1亿元，全镇工业总产值达到10亿元: the whole town's is its own again.)
    if _WHOLE_TOWN.search(own):
        return False
    for clause in reversed(clauses):
        if not _FIGURE_MARK.search(clause):
            return False
        if _WORKS_SUM.search(clause):
            return True
    return False


_WHOLE_TOWN = re.compile(r"全镇|全乡|全街道|我镇|我乡|本镇")


# Measure words that make a whole name on their own after 实现/完成/年: outputs and
# incomes. A bare 投资 or 面积 is the size of works, not a statistic (see below).
# 实现利润1.61亿元 is the profit of the firms the sentence speaks of, as 实现利税 is their profit
# and tax.
_BARE_MEASURES = frozenset({"产值", "收入", "产量", "税收", "利税", "利润", "总产"})


_WORKS_CLAUSE = re.compile(r"^(?:全镇|全乡|我镇|我乡|共|累计|已)?(?:建成|新建|打造|改造|建设|新增|引进|实施)")


def _clause_before(text: str, start: int) -> str:
    """The clause before the one ``start`` is in (between the two clause marks before it)."""
    marks = [i for i in range(start - 1, -1, -1) if text[i] in "，,；;。"]
    if not marks or text[marks[0]] == "。":
        return ""
    begin = marks[1] + 1 if len(marks) > 1 else 0
    return text[begin : marks[0]]


# A figure of one firm (某某分公司追加投资2103万元) is the firm's, not a statistic of the town.
_FIRM = re.compile(r"公司|集团|厂")


# Rates of a service's own work (养老金发放率, 申办通过率, 办结率, 满意率) measure an office's
# performance, not the town; a bare 增长率 or 比率 has no subject.
# The rate at which projects started or were finished (12个区重点项目开工率达91.6%) measures
# the progress of works, as counts of works do: no statistic of the town.
_SERVICE_RATE = re.compile(
    r"(?:发放|通过|办结|完成|满意|到位|兑现|签约|回复|受理|办理|知晓|上线|录入|核查|开工|竣工|复工|开复工)率$|^(?:增长|比)率$"
    # The share of firms or groups with a party organisation (组织覆盖率) measures party work.
    r"|组织覆盖率$"
)


# 收购烟叶27万斤, 可收菜油70万斤: the crop bought or harvested, by weight, is its output.
_HARVESTED = re.compile(
    r"(?:收购|收获|可收|采收)(?P<crop>[\u4e00-\u9fff]{1,4}?)(?=(?:达到|达|共|约)?\d[\d.]*\s*(?:万|余|多)*(?:万担|担|万斤|斤|万吨|吨|万公斤|公斤))"
)


# A figure of works being built (建成…示范点面积6000亩, 工程总投资454万元) is the works'.
_WORKS_BEFORE = re.compile(r"(?:建成|新建|打造|改造|建设)[^，。；]{0,12}$")


# …and so is the investment of one named project (杜河村南沟广场提升改造项目投资40万元; 目前项目已
# 完成实际投资1500万元) or of the town in one works (上戈镇投资50万元对…道路进行提升): only the
# projects taken together (重点项目完成投资, 在建项目总投资) give a statistic of the town.
_PROJECTS_TOGETHER = re.compile(r"(?:在建|重点|续建|新建|新开工)(?:项目|工程)")


_PROJECTS_SIGNED = re.compile(
    r"(?:引进|签约|签订|落户|招引)(?:[^，。；]{0,6}\d+个[^，。；]{0,4}(?:项目|企业)|(?:项目|企业)\d+个)"
)
# (Only the sums agreed: 产业投资 after 签约项目8个 is the town's investment done.)
_INVESTMENT_END = re.compile(r"(?:协议|合同|签约)(?:投资额?|引资|资金)$")


_PROJECTS_COUNTED = re.compile(r"(?P<kind>重点|在建|续建)(?:项目|工程)[^。；;]{0,24}$")


_ONE_WORK = re.compile(
    r"^(?:工程|项目)总投资$"
    # (A class of projects by their nature, 收益性项目, 政府性项目, is no one project: its
    # investment is a statistic as 产业项目's is.)
    r"|(?<!重点)(?<!在建)(?<!续建)(?<!新建)(?<!以上)(?<!各类)(?<!产业)(?<!招商)(?<!性)(?:工程|项目)[^，。；]{0,6}?投资额?$"
    # A planned sum (计划投资1200余万元, 拟投资) is a works' budget: the town's investment target
    # is its 固定资产投资 with a plan's verb (力争, 确保).
    r"|^(?:计划|拟)总?投资额?$"
    r"|^[\u4e00-\u9fff]{0,6}(?:镇|乡|街道|政府)(?:共|累计)?投资$"
    # …and of the firms a park took in (入驻7家企业总投资1.24亿元), as of projects signed.
    r"|^企业总投资$"
)


# 种植玉米6.9万亩, 发展优质水稻7996亩: the area planted with a crop is a statistic of the crop.
_PLANTED = re.compile(
    r"(?:种植|种(?!植)|栽植|播种|发展)(?!面积|到|至|为|成)(?:各类|各种)?(?P<crop>[\u4e00-\u9fff]{1,6}?)(?:面积)?(?:达到|达|共|约|完成)?(?=\d[\d.]*\s*(?:万亩|亩|公顷))"
)


# 全乡2.6万亩中稻稳产、增产; 依托全镇1800亩大棚: the town's area of a crop or of its farming
# under cover, written before the crop's name and closed by a mark or by the harvest's verb.
_AREA_FIRST = re.compile(
    r"(?:全镇|全乡|全街道)(?:共有|有)?\d+(?:\.\d+)?\s*(?:万亩|亩)(?P<crop>[\u4e00-\u9fff]{1,4}?)(?=[，、。；,;]|稳产|增产|丰收|喜获)"
)
# 出栏生猪2.3万头, 存栏牛羊1.2万头: livestock counted with the verb first, as 生猪出栏 is.
_HERD_FIRST = re.compile(
    r"(?P<verb>出栏|存栏)(?P<animal>[\u4e00-\u9fff]{1,4}?)(?=(?:达到|达|共|约)?\d[\d.]*\s*(?:万|余|多)*(?:万头|头|万只|只|万羽|羽))"
)
# 完成粮食种植3.2万亩, 油菜播种1.2万亩: a crop before the verb of planting, as after it.
_CROP_PLANTED = re.compile(
    r"(?P<crop>[\u4e00-\u9fff]{1,6}?)(?:种植|播种)(?=(?:达到|达|共|约)?\d[\d.]*\s*(?:万|余|多)*(?:万亩|亩|万公顷|公顷))"
)


# Statistical lists give one measure for several subjects, naming the measure once:
# 猪存栏1.25万头、牛1180头、羊5420只; 种植玉米6.9万亩、经济作物3000亩. A list member is a
# short name, its figure and a unit of the same kind as the head's (heads, areas, weights).
_LIST_UNITS = {
    "存栏": "万头|头|万只|只|万羽|羽",
    "出栏": "万头|头|万只|只|万羽|羽",
    "面积": "万亩|亩|万公顷|公顷",
    "种植面积": "万亩|亩|万公顷|公顷",
    "种植规模": "万亩|亩|万公顷|公顷",
    "产量": "万吨|吨|万公斤|公斤|万斤|斤",
}


_NUM = r"\d+(?:\.\d+)?"


@cache
def _list_patterns(units: str) -> tuple[re.Pattern, re.Pattern]:
    """A figure in one of the units, and a further member of the list before its figure."""
    figure = re.compile(rf"(?:达到|达|为|共|约)?{_NUM}\s*(?:余|多)?(?:{units})")
    # 种植水稻1.2万亩、小麦8000亩，蔬菜5000亩: after a comma, a member is a bare name of up to four
    # characters (a verb starts a clause of its own: 新建大棚500亩, checked by the caller).
    return figure, re.compile(
        rf"(?:、(?P<name>[\u4e00-\u9fff]{{1,6}}?)|[，,](?P<short>[\u4e00-\u9fff]{{1,6}}?))(?={figure.pattern})"
    )


# 第一产业产值2亿元，第二产业12亿元; 其中省外资金8亿元，市外资金3亿元: a list of sums names the
# measure once too, but a bare name before a sum may be anything a sum is spent on or raised
# for (争取资金500万元，修路…): a member of a list of sums is one only when it is written as the
# head is — its subject's last word (第二|产业 as 第一|产业) or its measure (市外|资金 as 省外|资金).
_SUM_MEASURES = ("增加值", "产值", "收入", "投资", "资金", "销售额", "营业额", "税收")
_SUM_UNITS = "万亿元|亿元|万元|元"


def _sum_member(written: str, head: str, measure: str) -> str | None:
    """The name of a list member after a sum, or None when it is not written as the head is."""
    subject = head[: -len(measure)]
    if len(written) > 6 or _ACTIONS.match(written) or _WORKS_CLAUSE.match(written) or _FIGURE_LEAD.match(written):
        return None
    if written.endswith(head[-2:]) and len(written) >= 3:
        return written
    if len(subject) >= 2 and written.endswith(subject[-2:]) and not written.endswith(measure):
        return written + measure
    return None


def _list_members(text: str, head_end: int, measure: str, found: list[_Found], head: str = "") -> None:
    units = _LIST_UNITS.get(measure) or (_SUM_UNITS if measure in _SUM_MEASURES else None)
    if units is None:
        return
    figure, member = _list_patterns(units)
    if not (first := figure.match(text, head_end)):
        return
    pos = first.end()
    while m := member.match(text, pos):
        key = "name" if m.group("name") else "short"
        written = m.group(key)
        if measure in _SUM_MEASURES:
            if (sum_name := _sum_member(written, head, measure)) is None:
                break
            found.append(_Found("Indicator", m.start(key), m.end(key), sum_name, "figure:list"))
            pos = figure.match(text, m.end(key)).end()  # type: ignore[union-attr]  # the member pattern ends with the figure
            continue
        if key == "short" and (_ACTIONS.match(written) or _WORKS_CLAUSE.match(written) or _FIGURE_LEAD.match(written)):
            break
        # 种植各类草本中药材1590亩，木本中药材4555亩: after a comma, a longer member is one only
        # when it ends as the head does (the kinds of one crop: 早稻/晚稻, 草本/木本中药材).
        if key == "short" and len(written) > 4 and not (len(head) >= 2 and written.endswith(head[-2:])):
            break
        # 粮食总产量5.6万吨、油料产量1.2万吨: a member may name the measure again.
        member_name = written if written.endswith(measure) or _MEASURE_END.search(written) else written + measure
        found.append(_Found("Indicator", m.start(key), m.end(key), member_name, "figure:list"))
        pos = figure.match(text, m.end(key)).end()  # type: ignore[union-attr]  # the member pattern ends with the figure


# 城镇、农村居民人均可支配收入分别增长5%、8%: qualifiers joined before one head noun name
# as many indicators, whose figures follow in order after 分别 (respectively). Only with
# 分别 in the clause: without it 城镇和农村 may qualify one figure of both.
_JOINED_QUALIFIER = re.compile(r"(?P<q>[\u4e00-\u9fff]{1,4})(?:、|和|与|及)$")


_URBAN_AND_RURAL = re.compile(r"城乡(?:常住)?$")


def _coordinated(text: str, found: list[_Found], names: dict[str, str]) -> None:
    """Mentions of the indicators that qualifiers coordinated with a known indicator's own
    qualifier name (城镇、农村居民人均可支配收入 names 城镇居民人均可支配收入 too), when the
    clause gives their figures respectively (分别)."""
    for f in [f for f in found if f.type == "Indicator" and f.rule == "gazetteer"]:
        clause_end = min([i for i in (text.find(c, f.end) for c in "，。；,;") if i >= 0] or [len(text)])
        if "分别" not in text[f.end : clause_end]:
            continue
        # 城乡居民人均可支配收入分别…: 城乡 is 城镇 and 农村 (the bulletins' two series).
        if (
            (both := _URBAN_AND_RURAL.search(text[: f.start]))
            and (town := names.get("城镇" + f.name))
            and (country := names.get("农村" + f.name))
        ):
            found.remove(f)
            found.append(_Found("Indicator", both.start(), both.start() + 2, town, "coordinated"))
            found.append(_Found("Indicator", both.start() + 2, f.end, country, "coordinated"))
            continue
        start = f.start
        while m := _JOINED_QUALIFIER.search(text, max(0, start - 5), start):
            q = m.group("q")
            # The known name's own qualifier is replaced by the joined one: 农村|居民人均…
            name = next(
                (names[q + text[f.start + k : f.end]] for k in range(1, 5) if q + text[f.start + k : f.end] in names), None
            )
            if name is None or any(g.start == m.start("q") and g.type == "Indicator" for g in found):
                break
            found.append(_Found("Indicator", m.start("q"), m.end("q"), name, "coordinated"))
            start = m.start("q")


# 粮食、油料、蔬菜产量分别达到…; 规上工业总产值、利税、销售收入分别增长…; 工业总产值和增加值分别
# 完成…: a list of measures before 分别 (respectively) names one indicator per member, whose
# figures follow in order. A member may be a whole name (利税, 销售收入), a subject sharing
# the last member's measure word (粮食 and 油料 of 产量), or a bare measure word sharing the
# first member's subject (增加值 of 规上工业). Bulletins and reports list their figures so;
# read member by member, a name that crosses a 和 (工业增加值和利税) would take one figure only.
# …or with the figures listed right after it (实现规模以上工业产值和增加值28.6亿元、7.2亿元，分别增长…).
_RESPECTIVE_LIST = re.compile(
    r"(?:同比|比上年|较上年|预计|全年)*分别"
    r"|(?<![\d、和及与])(?=(?:达到|达|完成|实现|为)?\d+(?:\.\d+)?\s*[\u4e00-\u9fff%％]{0,4}[、和及与]\d)"
)
# (及 of 普及/涉及 is no joiner: 自来水普及率、卫生厕所普及率.)
_LIST_JOINER = re.compile(r"[、和与]|(?<![普涉])及")
_LIST_LEAD = re.compile(r"^(?:预计|全年|全镇|全乡|全街道|今年|当年|上半年|其中|实现|完成|\d{4}年|\d{1,2}[-—至]\d{1,2}月份?)+")
_MEASURE_END = re.compile(rf"(?:{'|'.join(sorted(_MEASURE_WORDS, key=len, reverse=True))})$")


# Words that say the units counted are new ones (an action), not the town's stock — and so
# are firms certified or put forward for a title (认定…专精特新中小企业7家, 申报…23家).
_NEWLY_ADDED = re.compile(r"新增|引进|新引进|培育|新发展|认定|申报|获评|评为|入选|获批")
_STOCK_KIND = re.compile(r"(?:企业|合作社|家庭农场|专业大户|市场主体|经营主体|个体工商户|公司)$")
_STOCK_REACHED = re.compile(r"(?:达到|达|发展到|为|有)\d")
_NOT_IN_A_NAME = re.compile(r"[\d（）()“”]")
_TOTAL_AT_END = re.compile("总$")


# (…or 一、二、三产增加值, the short form of the sectors.)
_ORDINAL_SECTORS = re.compile(r"(?:第)?一、二、三(?:次)?产业?(?P<measure>[\u4e00-\u9fff]{1,4})")


def _respective_lists(text: str, found: list[_Found], names: dict[str, str]) -> None:
    # (every match holds 分别 or a digit: a text with neither is not scanned position by position)
    for m in _RESPECTIVE_LIST.finditer(text) if "分别" in text or _FIGURE_MARK.search(text) else ():
        begin = max(text.rfind(c, 0, m.start()) for c in "，。；：,;:！？") + 1
        # (^ anchors at the string's start, not at pos: the lead is matched on the clause itself.)
        lead = _LIST_LEAD.match(text[begin:])
        begin = begin + lead.end() if lead else begin
        segment = text[begin : m.start()]
        if not segment or _NOT_IN_A_NAME.search(segment):
            continue
        spans, pos = [], begin
        for part in _LIST_JOINER.split(segment):
            spans.append((pos, pos + len(part)))
            pos += len(part) + 1
        members = [text[a:b] for a, b in spans]
        # 第一、二、三产业产值分别是…: the three sectors with their ordinals elided after the first.
        if (sectors := _ORDINAL_SECTORS.fullmatch(segment)) and len(members) == 3:
            members = [f"第{o}产业{sectors.group('measure')}" for o in "一二三"]
        if len(members) < 2 or not all(1 <= len(w) <= 16 for w in members):
            continue
        # The measure word of the first and of the last member: the subject one shares,
        # the measure word the other does.
        first, last = _MEASURE_END.search(members[0]), _MEASURE_END.search(members[-1])
        named = []
        for member in members:
            if _MEASURE_END.fullmatch(member) and first and first.start() > 0 and member is not members[0]:
                name = _TOTAL_AT_END.sub("", members[0][: first.start()]) + member  # 增加值 of 规上工业总产值
            elif member in names or (len(member) >= 3 and _MEASURE_END.search(member)):
                name = member
            elif last and not _MEASURE_END.search(member) and len(member) <= 4:
                # 城镇 of 农村居民人均可支配收入 replaces its qualifier when that names a known
                # indicator; else 粮食 of 蔬菜产量 takes the measure word.
                known = (member + members[-1][k:] for k in range(1, 5))
                name = next((n for n in known if n in names), member + last.group())
            elif _MEASURE_END.fullmatch(member) and member in _BARE_MEASURES | {"利税", "利润", "税收", "增加值"}:
                name = member  # 利税 among named measures
            elif len(member) >= 4 and member.endswith("率") and not _SERVICE_RATE.search(member):
                name = member  # 自来水普及率、卫生厕所普及率分别达到98%、95%: rates of the town
            elif _STOCK_KIND.search(member) and _STOCK_REACHED.match(text, m.end()) and not _NEWLY_ADDED.search(segment):
                # 规上工业企业、限上商贸企业分别达到56家、12家: stocks of the town, as one alone is.
                name = member + "数"
            else:
                break
            named.append(names.get(name, name))
        else:
            crossing = [
                f
                for f in found
                if f.type == "Indicator"
                and spans[0][0] <= f.end
                and f.start <= spans[-1][1]
                # (a sector named with its ordinal elided is renamed even where read alone: 三产业…)
                and ((f.start, f.end) not in spans or sectors)
            ]
            for f in crossing:
                found.remove(f)
            have = {(f.start, f.end) for f in found if f.type == "Indicator"}
            for (a, b), name in zip(spans, named):
                if (a, b) not in have:
                    found.append(_Found("Indicator", a, b, name, "figure:list"))


def _name_start(text: str, start: int, end: int, limit: int, brackets: bool = False) -> int:
    """Where a statistic's name ending at ``end`` starts: after the nearest punctuation or
    figure on its left, at most ``limit`` characters back; with ``brackets``, a bracket
    inside the name is part of it (限额以上批发业（单位）销售额)."""
    while start > 0 and end - start < limit:
        if (
            brackets
            and text[start - 1] in "）)"
            and (opening := max(text.rfind("（", 0, start), text.rfind("(", 0, start))) > start - 8
        ):
            start = opening
            continue
        if text[start - 1] in _NAME_STOP:
            break
        start -= 1
    return start


_AFTER_COMPLETION = re.compile(r"(?:建成|投产|达产|投用|运营)后")
_TOTAL_MEASURE = re.compile(r"总?(?:面积|投资额?)")
# (…and so is the area a works is built over: 停车场建设面积约8亩.)
_FLOOR_AREA = re.compile(r"(?:占地|建筑|用地|建设)面积$")
# (…and so are the people a works benefits, 受益人口, 惠及人口: a project's field, not the town's.)
_RESETTLED_PEOPLE = re.compile(r"(?:集中|转移|搬迁|安置|易地搬迁|吸纳|带动|受益|惠及)\w{0,2}人口")


# 全镇累计流转土地4万亩, 土地流转面积达1.2万亩: the farmland a town has let to larger farms so
# far, the area by which reports of rural towns measure the consolidation of land. The land
# let in one year or one works (全年完成土地流转2500亩, 共流转土地2500亩) is work done, not it.
_LAND_TRANSFERRED = re.compile(
    r"(?:(?<=累计)(?:完成)?(?:土地流转|流转土地)(?:面积)?|(?:土地流转|流转土地)面积)"
    r"(?=(?:总面积)?(?:达到|达|共|约|为)?\d[\d.]*\s*(?:万|余|多)*(?:万亩|亩|万公顷|公顷))"
)


_SUM_JOINED = re.compile(r"(?:万|亿)?元[和及与]")
_AFTER_SUM = re.compile(r"\d\s*(?:万|亿)?元[、，,和及与]$")
# …or after the growth of the sum before (实现主营业务收入30.12亿元，增长7.1%，实现利润1.61亿元):
# a sum's growth closes its clause, and the list of the subject's sums goes on.
_AFTER_SUMS_GROWTH = re.compile(
    r"\d\s*(?:万|亿)?元[，,、](?:同比|比上年|较上年)?(?:增长|下降|增幅|提高)\s*[-−]?\d+(?:\.\d+)?\s*[%％][、，,]$"
)
# The taxes of one office (国税, 地税) are whole names of two characters.
_TAX_OFFICES = frozenset({"国税", "地税", "两税"})


# A short form stands for its indicator's whole name only when nothing narrows it: 用电量 is
# 全社会用电量 and 生产总值 is 地区生产总值, but 工业用电量, 规模以上工业生产总值 and 服务业应税销售
# (of 工业应税销售收入) are a sector's measure, which the whole name's own qualifier (全社会,
# 地区, 工业) contradicts. Such a mention is named as written (d157, d170, d171: a sector
# before a short form whose canonical name opens with another qualifier).
_SECTOR_BEFORE = re.compile(r"(?:规模以上|规上|限额以上|限上)?(?:工业|制造业|服务业|建筑业|农业|商业|第[一二三]产业)$")


def _narrowed_short_forms(text: str, found: list[_Found]) -> None:
    for i, f in enumerate(found):
        if f.type != "Indicator" or f.rule != "gazetteer":
            continue
        written = text[f.start : f.end]
        dropped = f.name[: max(f.name.find(written), 0)]
        if not dropped or text.endswith(dropped, 0, f.start):
            continue
        if sector := _SECTOR_BEFORE.search(text, max(0, f.start - 8), f.start):
            found[i] = _Found("Indicator", sector.start(), f.end, text[sector.start() : f.end], "figure")


# 种植辣椒3万亩、产量2.7万吨; 粮食播种面积3.2万亩，总产1.6万吨: a bare output right after a
# crop's area is that crop's output, as the farm bulletins pair them.
_AREA_NAME = re.compile(r"(?:种植|播种)面积$")
_AREA_FIGURE = re.compile(r"(?:达到|达|为|共|约|完成)?\d[\d.]*\s*(?:万|余|多)*(?:万亩|亩|万公顷|公顷)")
_CROP_OUTPUT = re.compile(
    r"[、，,](?:其中)?(?P<name>总产量|总产|产量)(?=(?:达到|达|为|约)?\d[\d.]*\s*(?:万|余|多)*(?:万吨|吨|万公斤|公斤|亿斤|万斤|斤|万担|担))"
)


def _crop_outputs(text: str, found: list[_Found]) -> None:
    for f in [f for f in found if f.type == "Indicator" and _AREA_NAME.search(f.name)]:
        if (area := _AREA_FIGURE.match(text, f.end)) and (m := _CROP_OUTPUT.match(text, area.end())):
            crop = _AREA_NAME.sub("", f.name)
            if crop and not any(g.start == m.start("name") for g in found if g.type == "Indicator"):
                found.append(_Found("Indicator", m.start("name"), m.end("name"), crop + "产量", "figure"))


# 全镇拥有耕地3.2万亩、林地12万亩: the land of the town by its kind, given as a stock (after 有,
# a total, or another kind of land) — the land statistics of a town's profile. Land taken,
# reclaimed or let (新增耕地, 复垦, 流转) is work done, and has a verb before it.
_LAND = re.compile(
    r"(?:(?<=有)|(?<=总)|(?<=[，、,：:])|^)(?P<kind>耕地|林地|山林|水田|旱地|园地|草地|茶园|果园)(?:总?面积)?"
    r"(?=(?:达到|达|共|约|为)?\d[\d.]*\s*(?:万|余|多)*(?:万亩|亩|万公顷|公顷|平方公里))"
)


# Every match of _RATE_FIGURE and _SUBJECT_FIGURE has a digit after its name, or (a round
# figure passed: 突破亿元) 亿 or 万: two sentences in three of the genre hold none, and one
# search for them is far cheaper than those scans, which try up to 16 characters of a
# name at every position. The test only skips scans that would find nothing.
_FIGURE_MARK = re.compile(r"\d|亿|万")


def _subject_figures(text: str, found: list[_Found]) -> None:
    known_ends = {f.end for f in found if f.type == "Indicator"}
    has_figure = _FIGURE_MARK.search(text) is not None
    # (each match of the scans below has a digit after its name too: a text without one is
    # not scanned; those opening on a lookbehind are otherwise tried at every position)
    for m in _LAND_TRANSFERRED.finditer(text) if has_figure else ():
        if m.end() not in known_ends:
            found.append(_Found("Indicator", m.start(), m.end(), "土地流转面积", "figure"))
            known_ends.add(m.end())
    for m in _PLANTED.finditer(text) if has_figure else ():
        if m.end("crop") not in known_ends:
            found.append(_Found("Indicator", m.start("crop"), m.end("crop"), m.group("crop") + "种植面积", "figure"))
            _list_members(text, m.end("crop"), "种植面积", found, m.group("crop"))
    for m in _LAND.finditer(text) if has_figure else ():
        if m.end() not in known_ends:
            found.append(_Found("Indicator", m.start(), m.end(), m.group("kind") + "面积", "figure"))
            known_ends.add(m.end())
    for m in _AREA_FIRST.finditer(text) if has_figure else ():
        if m.end("crop") not in known_ends and not _ACTIONS.match(m.group("crop")):
            found.append(_Found("Indicator", m.start("crop"), m.end("crop"), m.group("crop") + "面积", "figure"))
            known_ends.add(m.end("crop"))
    for m in _HERD_FIRST.finditer(text) if has_figure else ():
        if m.end("animal") not in known_ends:
            found.append(_Found("Indicator", m.start(), m.end("animal"), m.group("animal") + m.group("verb"), "figure"))
            known_ends.add(m.end("animal"))
    # (every match holds 种植 or 播种: a sentence without either is not scanned)
    for m in _CROP_PLANTED.finditer(text) if has_figure and ("种植" in text or "播种" in text) else ():
        start = _name_start(text, m.start("crop"), m.end("crop"), 8)
        crop = text[start : m.end("crop")]
        if lead := _FIGURE_LEAD.match(crop):
            start, crop = start + lead.end(), crop[lead.end() :]
        if crop and m.end() not in known_ends and not _ACTIONS.match(crop):
            found.append(_Found("Indicator", start, m.end(), crop + "种植面积", "figure"))
            known_ends.add(m.end())
    for m in _HARVESTED.finditer(text) if has_figure else ():
        if m.end("crop") not in known_ends:
            found.append(_Found("Indicator", m.start("crop"), m.end("crop"), m.group("crop") + "收购量", "figure"))
    for m in _RATE_FIGURE.finditer(text) if has_figure else ():
        start = _name_start(text, m.start("name"), m.end(), 14)
        name = text[start : m.end()]
        if lead := _FIGURE_LEAD.match(name):
            start, name = start + lead.end(), name[lead.end() :]
        if m.end() not in known_ends and len(name) >= 4 and not _SERVICE_RATE.search(name):
            found.append(_Found("Indicator", start, m.end(), name, "figure"))
            known_ends.add(m.end())
    for m in _scan_near(_SUBJECT_FIGURE, text, _MEASURE_WITH_FIGURE, 16) if has_figure else ():
        start = _name_start(text, m.start("name"), m.end(), 22, brackets=True)
        name = text[start : m.end()]
        if start > 0 and text[start - 1].isdigit() and name[:1] in "个家项座条处名":  # 5个在建项目总投资
            start, name = start + 1, name[1:]
        lead = _FIGURE_LEAD.match(name)
        if lead:
            start, name = start + lead.end(), name[lead.end() :]
        # A bare output or income after 实现/完成 (…茶叶产业，实现产值5000万元; 年产量达8671吨)
        # is the measure of the subject the sentence is about, stated as its statistic.
        # Its subject is the clause before: when that clause builds works (建成…示范点面积
        # 6000亩，实现产值1560万元), the figure is the works' own.
        bare = bool(lead) and name in _BARE_MEASURES and not _WORKS_CLAUSE.match(_clause_before(text, start))
        # 规上工业企业实现产值32亿元、利润2.1亿元、税收1.6亿元 (or …12亿元，增加值3.1亿元; …12亿元和利税
        # 1.2亿元): the next measures of one subject's list of sums, each named by its bare
        # measure word after the sum before.
        if joined := _SUM_JOINED.match(name):
            start, name = start + joined.end(), name[joined.end() :]
        after_sum = _AFTER_SUM.search(text[max(0, start - 8) : start]) or _AFTER_SUMS_GROWTH.search(
            text[max(0, start - 30) : start]
        )
        # (销售 after a sum is the subject's sales: 完成产值56亿元、销售52亿元.)
        bare = bare or (name in _BARE_MEASURES | {"利润", "增加值", "销售"} and bool(after_sum)) or name in _TAX_OFFICES
        # 12个区重点项目开工率达91.6%，完成投资3.24亿元; 新建续建重点项目26个，开工24个，完成投资2.95
        # 亿元: a bare 完成投资 after the projects a sentence counts together is their investment
        # done, the figure by which reports track their key projects.
        if lead and name == "投资" and (projects := _PROJECTS_COUNTED.search(text[:start])):
            found.append(_Found("Indicator", start, m.end(), projects.group("kind") + "项目完成投资", "figure"))
            known_ends.add(m.end())
            continue
        if (
            (len(name) < 3 and not bare)
            or (_ACTIONS.match(name) and not name.startswith("增加值"))  # 增加值 is value added, no action
            # 并成功引进投资1亿元…项目: the investment a project brought in, named after the act.
            or _BROUGHT_IN.search(name)
            or _FIRM.search(name)
            or _PROJECTED.search(text[max(0, start - 12) : start])
            or _after_works_sum(text, start)
            or _AFTER_COMPLETION.search(name)
        ):
            continue
        # (…the works named before the projects taken together, 汉都新苑保障房建设共5个在建项目
        # 总投资完成12.7亿元, are those projects: their total stays a statistic.)
        if (_WORKS_BEFORE.search(text[max(0, start - 14) : start]) and not _PROJECTS_TOGETHER.match(name)) or _ONE_WORK.search(
            name
        ):
            continue
        # 今年引进了4个项目，协议投资额累计达10.3亿元: the sum agreed with the projects the clause
        # before counts as brought in or signed is theirs, as a count of projects signed is an action.
        if _INVESTMENT_END.search(name) and _PROJECTS_SIGNED.search(_clause_before(text, start)):
            continue
        # A bare 总面积/总投资 with no subject of its own is the size of the works just
        # named (修建文化广场9个，总面积达1.7万平方米), not a statistic of the town.
        if _TOTAL_MEASURE.fullmatch(name) and not (lead and _WHOLE_TOWN.search(lead.group())):
            continue
        # A rate with no subject (累计接种疫苗11万人，覆盖率达到93.9%) is the rate of the
        # action just told, as a bare 增长率 is no measure (see _RATE_FIGURE's length).
        if name.endswith("率") and (len(name) < 4 or _SERVICE_RATE.search(name)):
            continue
        # The ground a site occupies or the floor it builds (占地面积约35亩, 建筑面积2万平方米)
        # is the size of one works, never a statistic of the town.
        if _FLOOR_AREA.search(name):
            continue
        # 集中人口6000人, 转移人口, 搬迁安置人口: people an action moved, not the population.
        if _RESETTLED_PEOPLE.fullmatch(name):
            continue
        if m.end() not in known_ends:
            found.append(_Found("Indicator", start, m.end(), name, "figure"))
        measure = next((w for w in (*_LIST_UNITS, *_SUM_MEASURES) if name.endswith(w)), None)
        if measure:
            _list_members(text, m.end(), measure, found, name)
    for f in list(found):
        if f.type == "Indicator" and f.rule == "gazetteer":
            written = text[f.start : f.end]
            measure = next((w for w in _LIST_UNITS if f.name.endswith(w)), None) or next(
                (w for w in _SUM_MEASURES if written.endswith(w)), None
            )
            if measure:
                _list_members(text, f.end, measure, found, written)
    _crop_outputs(text, found)
