"""Indicator values: reading figures, targets against actuals, the growth check."""

import pytest

from kg.extraction.indicators import in_yuan, read_figures, scope_of
from kg.views.records import export_indicators
from kg.views.scorecard import scorecard

from .invented import build_reports, report


def values(graph, town="马陆镇", **match):
    return [
        d
        for _, d in graph.nodes(data=True)
        if d["label"] == "IndicatorValue"
        and graph.nodes[d["report"]]["town"] == town
        and all(d.get(k) == v for k, v in match.items())
    ]


def only(graph, **match):
    found = values(graph, **match)
    assert len(found) == 1, (match, found)
    return found[0]


@pytest.mark.parametrize(
    "text, rate, expected",
    [
        ("力争完成73亿元，同比增幅5%", False, {"value": 73.0, "unit": "亿元", "growth_pct": 5.0, "modifier": "力争"}),
        ("同比增长6%", False, {"growth_pct": 6.0}),
        (
            "约8.5亿元，同比增长5%以上",
            False,
            {"value": 8.5, "unit": "亿元", "growth_pct": 5.0, "approximate": True, "bound": "at_least", "modifier": "约"},
        ),
        ("同比下降24.8%", False, {"growth_pct": -24.8}),
        ("提高至18.84%", True, {"value": 18.84, "unit": "%"}),
        ("为87.1%", True, {"value": 87.1, "unit": "%"}),
        ("完成三千万元", False, {"value": 3000.0, "unit": "万元"}),
        ("比重占58%", True, {}),  # a share of the whole, not the indicator's value
        ("增速排名全区第1", False, {}),
        ("增速不低于全区平均水平", False, {}),  # no figure
        ("提高2个百分点", True, {}),  # points, not per cent
    ],
)
def test_read_figures(text, rate, expected):
    assert read_figures(text, rate) == expected


def test_scope_is_a_sector_or_kind_of_payer():
    assert scope_of("工业") == "工业"
    assert scope_of("经济密度稳步提升，重点商务楼宇") == "重点商务楼宇"
    assert scope_of("全年预计完成区级") is None
    assert scope_of("1-11月，空气环境") is None


def test_money_is_compared_in_yuan():
    assert in_yuan(2.25, "亿元") == in_yuan(22500, "万元")
    assert in_yuan(5, "%") is None


PLAN = (
    "社会消费品零售总额力争完成80亿元，同比增幅10%；固定资产投资达到20亿元。"
    "地方财政收入同比增长6%，达到10.6亿元。森林覆盖率达到20%。工业固定资产投资增长15%。"
)
REVIEW_2022 = "全年完成地方财政收入10亿元。社会消费品零售总额完成80亿元。"
MID_REVIEW = (
    "上半年，社会消费品零售总额36亿元，固定资产投资总额12亿元，完成地方财政收入5.1亿元。"
    "森林覆盖率提高至19.5%。1-5月，工业固定资产投资同比增长18%。全镇主要行业地方财政收入比重保持稳定。"
)


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    return build_reports(
        tmp_path_factory.mktemp("indicators"),
        {
            "plan.txt": report("马陆镇", "2023-01-10", ("2022年工作回顾", REVIEW_2022), ("2023年工作安排", PLAN)),
            "mid.txt": report("马陆镇", "2023-07-20", ("上半年工作回顾", MID_REVIEW), ("下半年工作安排", "持续推进各项工作。")),
            "other.txt": report("外冈镇", "2023-07-21", ("上半年工作回顾", "上半年，社会消费品零售总额50亿元。"), None),
        },
    )


def test_targets_come_from_plans_and_actuals_from_reviews(town):
    target = only(town, kind="target", indicator="社会消费品零售总额")
    assert (target["value"], target["unit"], target["growth_pct"], target["aspirational"]) == (80.0, "亿元", 10.0, True)
    assert (target["period_start"], target["period_end"]) == ("2023-01-01", "2023-12-31")
    assert target["text"] == "社会消费品零售总额力争完成80亿元，同比增幅10%"
    actual = only(town, kind="actual", indicator="社会消费品零售总额", period_end="2023-06-30")
    assert (actual["value"], actual["unit"]) == (36.0, "亿元")


def test_a_following_clause_completes_the_value(town):
    target = only(town, kind="target", indicator="地方财政收入")
    assert (target["growth_pct"], target["value"], target["text"]) == (6.0, 10.6, "地方财政收入同比增长6%，达到10.6亿元")


def test_a_share_of_the_indicator_is_not_its_value(town):
    assert not [v for v in values(town, indicator="地方财政收入") if "比重" in v["text"]]


def test_mid_year_actuals_are_paired_with_the_full_year_target(town):
    target = only(town, kind="target", indicator="社会消费品零售总额")
    edges = [e for _, _, k, e in town.out_edges(target["id"], keys=True, data=True) if k == "MEASURED_BY"]
    assert len(edges) == 1  # not the other town's, not the previous year's
    assert edges[0]["share"] == pytest.approx(36 / 80, abs=1e-4)
    assert edges[0]["elapsed"] == pytest.approx(181 / 365, abs=1e-4)
    assert edges[0]["on_track"] is False  # 45% of the target in 50% of the year
    fai = only(town, kind="target", indicator="固定资产投资", scope=None)
    (fai_edge,) = [e for _, _, k, e in town.out_edges(fai["id"], keys=True, data=True) if k == "MEASURED_BY"]
    assert fai_edge["share"] == pytest.approx(0.6) and fai_edge["on_track"] is True


def test_a_rate_is_on_track_when_it_reaches_the_target(town):
    target = only(town, kind="target", indicator="森林覆盖率")
    (edge,) = [e for _, _, k, e in town.out_edges(target["id"], keys=True, data=True) if k == "MEASURED_BY"]
    assert edge["on_track"] is False  # 19.5% of a 20% target


def test_a_scoped_growth_target_meets_the_actual_of_its_scope(town):
    target = only(town, kind="target", indicator="固定资产投资", scope="工业")
    actual = only(town, kind="actual", indicator="固定资产投资", scope="工业")
    assert (actual["period_start"], actual["period_end"]) == ("2023-01-01", "2023-05-31")  # 1-5月
    (edge,) = [e for _, t, k, e in town.out_edges(target["id"], keys=True, data=True) if k == "MEASURED_BY"]
    assert edge["on_track"] is True  # 18% growth against 15%


def test_a_target_whose_value_and_growth_disagree_with_the_previous_actual_is_flagged(town):
    # 80亿元 "up 10%" on an actual of 80亿元 implies 0% growth.
    sales = only(town, kind="target", indicator="社会消费品零售总额")
    assert sales["growth_consistent"] is False and sales["implied_growth_pct"] == 0.0
    assert town.nodes[sales["previous_actual"]]["value"] == 80.0
    # 10.6亿元 "up 6%" on 10亿元 is right.
    revenue = only(town, kind="target", indicator="地方财政收入")
    assert revenue["growth_consistent"] is True and revenue["implied_growth_pct"] == 6.0


def test_export_and_scorecard_show_targets_against_actuals(town):
    rows = {r["id"]: r for r in export_indicators(town)}
    sales = next(r for r in rows.values() if r["name"] == "社会消费品零售总额" and r["kind"] == "target")
    assert set(sales) >= {"id", "report", "name", "kind", "period", "value", "unit", "growth_pct", "text"}
    assert sales["measured_by"][0]["value"] == 36.0 and sales["growth_check"]["consistent"] is False
    # The report with targets: the scorecard has a row for every report (the mid-year one too).
    card = {r["town"]: r for r in scorecard(town) if r["indicators"]}
    targets = {t["indicator"] + (t["scope"] or ""): t for t in card["马陆镇"]["indicators"]}
    assert targets["社会消费品零售总额"]["actuals"][0]["share"] == pytest.approx(0.45)


def test_sample_mid_year_actuals_meet_their_full_year_targets(sample_graph):
    """Done-when of issue 5: 庙行镇's 2023 H1 actuals against its 2023 targets."""
    measured = {}
    for target, actual, key, edge in sample_graph.edges(keys=True, data=True):
        if key == "MEASURED_BY":
            t, a = sample_graph.nodes[target], sample_graph.nodes[actual]
            measured[t["indicator"]] = (t["value"], a["value"], a["period_end"], edge["share"])
    assert measured["社会消费品零售总额"] == (73.0, 34.0, "2023-06-30", pytest.approx(34 / 73, abs=1e-4))
    assert measured["固定资产投资"] == (10.0, 5.2, "2023-06-30", pytest.approx(0.52))


def test_sample_targets_are_checked_against_the_previous_actual(sample_graph):
    checked = {
        (sample_graph.nodes[d["report"]]["town"], d["indicator"]): d["growth_consistent"]
        for _, d in sample_graph.nodes(data=True)
        if d["label"] == "IndicatorValue" and "growth_consistent" in d
    }
    assert checked[("庙行镇", "社会消费品零售总额")] is False  # 73亿元 "up 5%" on 73亿元
    assert checked[("高境镇", "地方财政收入")] is True  # 8.83 on 8.37: 5.5% for "6%"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("5.6亿元，完成全年目标的82%", {"value": 5.6, "unit": "亿元", "share_of_target_pct": 82.0}),
        ("3.1亿元，占全年任务数的65.4%", {"value": 3.1, "unit": "亿元", "share_of_target_pct": 65.4}),
        ("完成1.2亿元，占年计划101.5%", {"value": 1.2, "unit": "亿元", "share_of_target_pct": 101.5}),
        ("增长6%—7%", {"growth_pct": 6.0, "modifier": "6%—7%"}),
        ("增长7%左右", {"growth_pct": 7.0, "modifier": "左右"}),
        ("绝对额12亿元，同比增速-3.5%", {"value": 12.0, "unit": "亿元", "growth_pct": -3.5}),
        ("达到3000余万元", {"value": 3000.0, "unit": "万元", "approximate": True, "modifier": "余"}),
        ("突破20亿元", {"value": 20.0, "unit": "亿元", "modifier": "突破"}),
        # The bulletins' other wordings of a share of the target.
        ("2.1亿元，完成率105%", {"value": 2.1, "unit": "亿元", "share_of_target_pct": 105.0}),
        ("8.6亿元，完成年度目标值的95.6%", {"value": 8.6, "unit": "亿元", "share_of_target_pct": 95.6}),
        ("1.5亿元，完成县下达任务的112%", {"value": 1.5, "unit": "亿元", "share_of_target_pct": 112.0}),
        ("3亿元，是年度目标的101%", {"value": 3.0, "unit": "亿元", "share_of_target_pct": 101.0}),
        ("8.1亿元，完成度38.6%", {"value": 8.1, "unit": "亿元", "share_of_target_pct": 38.6}),
        ("累计完成419万元，为全年任务740万元的56.6%", {"value": 419.0, "unit": "万元", "share_of_target_pct": 56.6}),
        ("5亿元，完成年初确定目标的103%", {"value": 5.0, "unit": "亿元", "share_of_target_pct": 103.0}),
        ("5亿元，完成年度考核目标的101%", {"value": 5.0, "unit": "亿元", "share_of_target_pct": 101.0}),
    ],
)
def test_share_modifier_and_sign(text, expected):
    assert read_figures(text) == expected


def test_a_figure_that_describes_a_project_is_no_value():
    assert read_figures("30亿元的光伏项目落地") == {}


def test_bracketed_target_and_previous_level_are_values_of_their_own():
    figures = read_figures("6200万元，完成年度目标（5000万元）124%，比上年（5400万元）增长14.8%")
    assert (figures["value"], figures["growth_pct"], figures["share_of_target_pct"]) == (6200.0, 14.8, 124.0)
    assert [(e["role"], e["value"], e["unit"]) for e in figures["extras"]] == [
        ("target", 5000.0, "万元"),
        ("previous", 5400.0, "万元"),
    ]


FIVE_YEARS = (
    "五年来，全镇地区生产总值由2016年的12.5亿元增长到2020年的18.2亿元，年均增长7.8%。"
    "税收收入6200万元，完成年度目标（5000万元）124%，比上年（5400万元）增长14.8%。"
    "固定资产投资3亿元，其中工业固定资产投资1.2亿元，完成任务量的60%。"
)


@pytest.fixture(scope="module")
def term(tmp_path_factory):
    return build_reports(
        tmp_path_factory.mktemp("term"),
        {
            "term.txt": report(
                "马陆镇", "2021-01-10", ("过去五年工作回顾", FIVE_YEARS), ("2021年工作安排", "持续推进各项工作。")
            ),
        },
    )


def test_the_level_a_span_starts_from_is_an_actual_of_its_year(term):
    start = only(term, indicator="地区生产总值", value=12.5)
    assert (start["kind"], start["period_start"], start["period_end"]) == ("actual", "2016-01-01", "2016-12-31")
    assert only(term, indicator="地区生产总值", value=18.2)["growth_pct"] == 7.8


def test_a_bracketed_target_and_last_years_level_become_values(term):
    assert only(term, indicator="税收收入", value=5000.0)["kind"] == "target"
    previous = only(term, indicator="税收收入", value=5400.0)
    assert previous["kind"] == "actual"
    actual = only(term, indicator="税收收入", value=6200.0)
    assert (actual["growth_pct"], actual["share_of_target_pct"]) == (14.8, 124.0)


def test_an_indicator_named_twice_in_a_sentence_gives_two_values(term):
    assert {v["value"] for v in values(term, indicator="固定资产投资")} == {3.0, 1.2}
    assert only(term, indicator="固定资产投资", value=1.2)["scope"] == "工业"


def test_a_report_of_no_known_period_keeps_its_figures(tmp_path):
    text = "政府工作报告\n\n各位代表：\n现在，我代表马陆镇人民政府向大会报告工作。\n全镇粮食产量达到3.2万吨，农业总产值5亿元。\n"
    graph = build_reports(tmp_path, {"undated.txt": text})
    found = values(graph, indicator="粮食产量")
    assert [(v["value"], v.get("period_start")) for v in found] == [(3.2, None)]
    assert not [e for e in graph.edges(keys=True) if e[2] == "MEASURED_BY"]


def test_dollar_amounts_keep_their_currency():
    # Foreign trade and capital are stated in US dollars: 300万美元 is not 300万 (of yuan).
    figures = read_figures("累计达到300万美元")
    assert (figures["value"], figures["unit"]) == (300, "万美元")


def test_air_quality_concentration_is_read_with_its_unit():
    # PM2.5平均浓度 is stated in 微克/立方米 by every environment bulletin.
    assert read_figures("37.1微克/立方米") == {"value": 37.1, "unit": "微克/立方米"}


def test_people_moved_by_an_action_are_no_population():
    from kg.extraction.mentions import find_mentions

    assert [f.name for f in find_mentions("集中人口6000人") if f.type == "Indicator"] == []
    assert [f.name for f in find_mentions("全镇户籍人口5.2万人") if f.type == "Indicator"] == ["户籍人口"]


def test_figures_given_respectively_go_one_to_each_indicator(tmp_path):
    # 城镇、农村居民人均可支配收入分别增长6%、9%以上: two indicators, their growths in order,
    # the 以上 after the list qualifying both.
    text = report(
        "华亭镇",
        "2024-01-10",
        ("2023年工作回顾", "全镇经济平稳。"),
        ("2024年工作安排", "城镇、农村居民人均可支配收入分别增长6%、9%以上。"),
    )
    graph = build_reports(tmp_path, {"a.txt": text})
    values = {(v["name"], v["growth_pct"], v["modifier"]) for v in export_indicators(graph)}
    assert {("城镇居民人均可支配收入", 6.0, "以上"), ("农村居民人均可支配收入", 9.0, "以上")} <= values


def test_a_plan_leads_its_target_with_queshi_or_lizheng(tmp_path):
    # 确保全镇生产总值实现9.3亿元: 确保 is the target's modifier, as 力争 is.
    text = report(
        "华亭镇",
        "2024-01-10",
        ("2023年工作回顾", "全镇经济平稳。"),
        ("2024年工作安排", "确保全镇生产总值实现9.3亿元，年均增长6.5%。"),
    )
    graph = build_reports(tmp_path, {"a.txt": text})
    assert [(v["value"], v["modifier"]) for v in export_indicators(graph) if v["kind"] == "target"] == [(9.3, "确保")]


def test_urban_and_rural_incomes_given_respectively_in_two_clauses(tmp_path):
    # 城乡 names both series; the second 分别 clause gives each its growth.
    text = report(
        "华亭镇",
        "2024-01-10",
        ("2023年工作回顾", "城乡常住居民人均可支配收入分别达到36913元和17017元，分别增长7.1%和8.9%。"),
        None,
    )
    graph = build_reports(tmp_path, {"a.txt": text})
    values = {(v["name"], v["value"], v["growth_pct"]) for v in export_indicators(graph)}
    assert {("城镇居民人均可支配收入", 36913.0, 7.1), ("农村居民人均可支配收入", 17017.0, 8.9)} <= values


def test_the_years_expected_figure_after_the_year_so_far(tmp_path):
    # …财政收入2776.38万元，完成全年任务的106.78%，全年有望完成2800万元: an estimate of the year.
    text = report(
        "华亭镇",
        "2011-12-29",
        ("2011年工作回顾", "截止今年11月底，全镇实现财政收入2776.38万元，完成全年任务的106.78%，全年有望完成2800万元。"),
        None,
    )
    graph = build_reports(tmp_path, {"a.txt": text})
    values = [(v["value"], v["estimated"]) for v in export_indicators(graph) if v["name"] == "地方财政收入"]
    assert (2800.0, True) in values and (2776.38, False) in values


@pytest.mark.parametrize(
    "text, name",
    [
        ("全年实现区级税收1.2亿元", "本级税收收入"),
        ("完成工业应税销售35亿元", "工业应税销售收入"),
        ("规上工业亩均税收达到32万元", "亩均税收"),
        ("全镇输转富余劳动力3000人（次）", "农村劳动力转移就业"),
        ("社零总额增长6%", "社会消费品零售总额"),
    ],
)
def test_genre_wordings_of_official_measures_are_known(text, name):
    from kg.extraction.mentions import find_mentions

    assert name in [f.name for f in find_mentions(text) if f.type == "Indicator"]


def test_a_count_per_trip_keeps_its_unit():
    assert read_figures("3000人（次），比上年增长15%") == {"growth_pct": 15.0, "value": 3000.0, "unit": "人(次)"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("技改投资增长20%。", "技改投资"),  # a measure given by its growth alone
        ("数字经济核心产业增加值增长12%。", "数字经济核心产业增加值"),
        ("规上工业企业达到56家。", "规上工业企业数"),  # the firms of a statistical register
        ("其中省外资金8亿元", "实际利用内资"),
    ],
)
def test_more_measures_of_the_genre_are_found(text, name):
    from kg.extraction.mentions import find_mentions

    assert name in [f.name for f in find_mentions(text) if f.type == "Indicator"]


def test_a_new_register_entry_reaching_a_count_is_still_an_action():
    from kg.extraction.mentions import find_mentions

    assert [f for f in find_mentions("新增规上工业企业达到5家") if f.type == "Indicator"] == []


def test_how_a_figure_is_computed_stands_between_it_and_its_growth(tmp_path):
    text = report(
        "华亭镇",
        "2024-01-10",
        (
            "2023年工作回顾",
            "实现地区生产总值56.8亿元，按可比价格计算，增长6.5%；一般公共预算收入8.6亿元，扣除留抵退税因素后，增长6.2%。",
        ),
        None,
    )
    graph = build_reports(tmp_path, {"a.txt": text})
    values = {(v["value"], v["growth_pct"]) for v in export_indicators(graph)}
    assert {(56.8, 6.5), (8.6, 6.2)} <= values


def test_an_official_measure_is_no_short_form_of_a_longer_one(tmp_path):
    # 税收收入 and 区级税收 (本级税收收入) are two measures, not one name and its long form.
    text = report("华亭镇", "2024-01-10", ("2023年工作回顾", "实现税收收入4.3亿元，同比增长12.3%，其中区级税收1.6亿元。"), None)
    graph = build_reports(tmp_path, {"a.txt": text})
    assert {(v["name"], v["value"]) for v in export_indicators(graph)} >= {("税收收入", 4.3), ("本级税收收入", 1.6)}


@pytest.mark.parametrize(
    "text, name",
    [
        ("规上工业出口交货值达到32.5亿元。", "规上工业出口交货值"),  # a column of every industrial table
        ("实现电子商务交易额12亿元。", "电子商务交易额"),
        ("港口货物吞吐量达到1500万吨。", "港口货物吞吐量"),
        ("实现农民人均增收500元以上。", "农民人均增收"),
        ("我镇耕地面积缩减到6700亩。", "耕地面积"),  # a level moved to, downwards
        ("人口自然增长率控制在3‰以内。", "人口自然增长率"),  # a level held
        ("工业纳税销售收入突破百亿大关。", "工业纳税销售收入"),  # a round magnitude passed
        ("国民生产总值年均递增10%。", "地区生产总值"),
    ],
)
def test_measures_named_by_their_head_with_any_verb_of_reaching(text, name):
    from kg.extraction.mentions import find_mentions

    assert name in [f.name for f in find_mentions(text) if f.type == "Indicator"]


def test_a_bare_output_after_shixian_is_the_subjects_unless_it_follows_works():
    from kg.extraction.mentions import find_mentions

    def found(text):
        return [f.name for f in find_mentions(text) if f.type == "Indicator"]

    assert "收入" in found("累计输出劳动力4万余人，实现收入3.6亿元。")
    assert "产量" in found("粮食播种面积完成15577亩，年产量达8671吨。")
    assert "产值" not in found("建成生态农业示范点面积6000亩，实现产值1560万元。")
    assert not found("完成投资2.95亿元。")  # a bare investment is the works'


@pytest.mark.parametrize(
    "text, expected",
    [
        ("突破百亿大关", {"value": 100.0, "unit": "亿", "modifier": "突破"}),
        ("过亿斤", {"value": 1.0, "unit": "亿斤", "modifier": "过"}),
        ("突破千万元", {"value": 1000.0, "unit": "万元", "modifier": "突破"}),
        ("达680万元，增加23.63%", {"value": 680.0, "unit": "万元", "growth_pct": 23.63}),  # 增加 with a percentage
        ("年均递增10%", {"growth_pct": 10.0}),
        ("按可比价计算增长6.8%", {"growth_pct": 6.8}),
        ("2000万元以上企业24家", {}),  # a size class of the firms counted
        ("50万元以上的村12个", {}),
    ],
)
def test_round_magnitudes_growth_verbs_and_size_classes(text, expected):
    assert read_figures(text) == expected


def test_growth_run_on_and_yearly_average_over_a_base_year(tmp_path):
    # 按可比价计算增长6.8% runs the computation into the growth; 比2010年增长50%，年均递增10%:
    # the growth over the whole stretch gives way to its yearly average.
    text = report(
        "华亭镇",
        "2016-01-10",
        (
            "2015年工作回顾",
            "实现地区生产总值56.8亿元，按可比价计算增长6.8%。农村经济总收入达到8260万元，比2010年预计增长40%，年均递增8%。"
            "财政收入达680万元，增加23.63%。",
        ),
        None,
    )
    graph = build_reports(tmp_path, {"a.txt": text})
    values = {(v["value"], v["growth_pct"]) for v in export_indicators(graph)}
    assert {(56.8, 6.8), (8260.0, 8.0), (680.0, 23.63)} <= values


def test_rates_without_subject_and_sizes_of_sites_are_no_statistics():
    from kg.extraction.mentions import find_mentions

    def found(text):
        return [f.name for f in find_mentions(text) if f.type == "Indicator"]

    assert not found("累计接种疫苗11万人，覆盖率达到93.9%。")
    assert not found("项目占地面积约35亩，建筑面积2万平方米。")
    assert "森林覆盖率" in found("森林覆盖率达到45.6%。")


def test_a_figure_in_a_run_of_attributes_describes_what_follows():
    assert read_figures("投资2000万元、日加工100吨粮油的江西瑞丰米业") == {}


def test_the_half_years_expected_figure_after_the_months_so_far_past_a_rank(tmp_path):
    # 1-5月…增长10.2%，增速全区第一，半年度预计增长11.4%: the rank does not end the measure;
    # 1-6月预计完成15.09亿元，同比增长10.47%: the expected figure keeps its own growth.
    text = report(
        "华亭镇",
        "2024-07-10",
        (
            "2024年上半年工作总结",
            "1-5月，规模工业总产值1.75亿元，同比增长10.2%，增速全区第一，半年度预计增长11.4%；"
            "限额以上社会消费品零售总额12.58亿元，同比增长15.1%，1-6月预计完成15.09亿元，同比增长10.47%。",
        ),
        None,
    )
    graph = build_reports(tmp_path, {"a.txt": text})
    found = {(v.get("value"), v.get("growth_pct"), v.get("period_end")) for v in values(graph, town="华亭镇")}
    assert {(None, 11.4, "2024-06-30"), (15.09, 10.47, "2024-06-30")} <= found


def test_a_task_set_for_a_measure_is_its_target_in_a_review(tmp_path):
    text = report(
        "华亭镇",
        "2023-12-20",
        (
            "2023年工作回顾",
            "2023年县下达我镇一般公共预算收入任务8000万元，全年预计完成8600万元，占任务的107.5%，比去年同期增长22.3%。",
        ),
        None,
    )
    graph = build_reports(tmp_path, {"a.txt": text})
    found = {(v["kind"], v["value"], v["growth_pct"], v["share_of_target_pct"]) for v in export_indicators(graph)}
    assert {("target", 8000.0, None, None), ("actual", 8600.0, 22.3, 107.5)} <= found


@pytest.mark.parametrize(
    "text, name",
    [
        ("街道全年空气质量优良天数累积234天。", "空气质量优良天数"),
        ("实际到账外资6万美元。", "实际到账外资"),
        ("全镇12个村(社区)村级集体经济年收入均在20万元以上。", "村级集体经济年收入"),
    ],
)
def test_days_foreign_capital_and_each_units_level(text, name):
    from kg.extraction.mentions import find_mentions

    assert any(f.name.endswith(name) for f in find_mentions(text) if f.type == "Indicator")


def test_a_size_class_of_any_unit_counted_is_no_value():
    assert read_figures("500万元以上楼宇7幢") == {}
    assert read_figures("累积234天") == {"value": 234.0, "unit": "天"}


def test_figures_given_respectively_after_clauses_of_their_own(tmp_path):
    # 实现财政总收入8.56亿元，其中一般公共预算收入4.32亿元，分别增长10.5%和8.3%: the two values
    # of the clauses before, one growth each; 比上年增加2100元 does not end the measure;
    # 突破500亿元，达到523亿元: the level reached, not the round figure passed.
    text = report(
        "华亭镇",
        "2024-01-10",
        (
            "2023年工作回顾",
            "实现财政总收入8.56亿元，其中一般公共预算收入4.32亿元，分别增长10.5%和8.3%。"
            "农民人均纯收入达到2.3万元，比上年增加2100元，增长10%。实现工业总产值突破500亿元，达到523亿元。"
            "港口集装箱吞吐量达到85万标箱。",
        ),
        None,
    )
    graph = build_reports(tmp_path, {"a.txt": text})
    found = {(v["value"], v["unit"], v["growth_pct"]) for v in export_indicators(graph)}
    assert {
        (8.56, "亿元", 10.5),
        (4.32, "亿元", 8.3),
        (2.3, "万元", 10.0),
        (523.0, "亿元", None),
        (85.0, "万标箱", None),
    } <= found


def test_thousands_grouped_with_commas_are_one_figure(tmp_path):
    assert read_figures("32,456元") == {"value": 32456.0, "unit": "元"}
    text = report("华亭镇", "2024-01-10", ("2023年工作回顾", "完成财政收入12,345万元，增长5%。"), None)
    graph = build_reports(tmp_path, {"a.txt": text})
    assert {(v["value"], v["growth_pct"]) for v in export_indicators(graph)} == {(12345.0, 5.0)}


def test_short_forms_and_verbs_of_growth():
    from kg.extraction.mentions import find_mentions

    assert read_figures("增速达到8.5%") == {"growth_pct": 8.5}
    assert "规上工业营收" in [f.name for f in find_mentions("规上工业营收增长15%") if f.type == "Indicator"]


def test_qualifiers_on_both_sides_and_a_lead_over_the_sentence(tmp_path):
    assert read_figures("约9万余亩")["modifier"] == "约…余"
    text = report(
        "华亭镇",
        "2025-01-10",
        ("2024年工作回顾", "全镇经济平稳。"),
        ("2025年工作安排", "确保粮食播种面积2.5万亩以上，总产量0.83万吨以上。力争一般公共预算收入增长20%以上。"),
    )
    graph = build_reports(tmp_path, {"a.txt": text})
    assert {v["modifier"] for v in export_indicators(graph) if v["kind"] == "target"} == {"确保…以上", "力争…以上"}


def test_words_before_a_clauses_own_measure_complete_the_value_before(tmp_path):
    text = report(
        "华亭镇",
        "2025-07-10",
        (
            "2025年上半年工作总结",
            "限额以上贸易销售额12.1亿元，占年度目标任务的50.2%（其中社零总额5.62亿元，占年度目标任务的50.5%）。",
        ),
        None,
    )
    graph = build_reports(tmp_path, {"a.txt": text})
    assert {(v["value"], v["share_of_target_pct"]) for v in export_indicators(graph)} >= {(12.1, 50.2), (5.62, 50.5)}


def test_a_share_in_a_clause_of_its_own_belongs_to_the_value_before(tmp_path):
    # 任务完成率为98% and 完成年度任务105%，总量达2.1亿元: the share as a rate of its own,
    # and the level given after the share.
    graph = build_reports(
        tmp_path,
        {
            "a.txt": report(
                "马陆镇",
                "2024-01-10",
                ("2023年工作回顾", "规上工业总产值完成30亿元，任务完成率为98%。地方财政收入完成年度任务105%，总量达2.1亿元。"),
                None,
            )
        },
    )
    output = only(graph, indicator="规上工业总产值")
    assert (output["value"], output["share_of_target_pct"]) == (30.0, 98.0)
    revenue = only(graph, indicator="地方财政收入")
    assert (revenue["value"], revenue["unit"], revenue["share_of_target_pct"]) == (2.1, "亿元", 105.0)


@pytest.mark.parametrize(
    "text, canonical",
    [
        ("经济总量达到58亿元。", "地区生产总值"),
        ("规模工业总产值1.75亿元。", "规上工业总产值"),
        ("全年工业产值突破20亿元。", "规上工业总产值"),
        ("工业投入完成0.25亿元。", "工业投资"),
        ("公共财政收入完成1.2亿元。", "一般公共预算收入"),
        ("全镇实现工农业总产值35亿元。", "工农业总产值"),  # not the farm figure its last words name
    ],
)
def test_bulletin_short_forms_name_their_indicator(text, canonical):
    from kg.extraction.mentions import find_mentions

    assert [f.name for f in find_mentions(text) if f.type == "Indicator"] == [canonical]


@pytest.mark.parametrize(
    "text",
    [
        "杜河村南沟广场提升改造项目投资40万元。",
        "目前项目已完成实际投资1500万元。",
        "上戈镇投资50万元对示范园沿线道路进行提升。",
    ],
)
def test_the_investment_of_one_works_is_no_indicator(text):
    from kg.extraction.mentions import find_mentions

    assert [f.name for f in find_mentions(text) if f.type == "Indicator"] == []


def test_the_investment_of_the_projects_taken_together_is_one():
    from kg.extraction.mentions import find_mentions

    assert [f.name for f in find_mentions("全镇5个在建项目总投资完成12.7亿元。") if f.type == "Indicator"]


@pytest.mark.parametrize(
    "text",
    [
        "12个区重点项目开工率达91.6%。",  # the progress of works, as counts of works
        "增加全乡花农和各村集体的经济收入共计100万元以上。",  # an increment a works brings
    ],
)
def test_progress_rates_and_increments_are_no_indicators(text):
    from kg.extraction.mentions import find_mentions

    assert [f.name for f in find_mentions(text) if f.type == "Indicator"] == []


def test_key_projects_investment_is_read_with_its_share():
    assert read_figures("完成28.86亿元，占全年目标任务141.9%") == {"value": 28.86, "unit": "亿元", "share_of_target_pct": 141.9}
    from kg.extraction.mentions import find_mentions

    assert [f.name for f in find_mentions("重点项目建设完成28.86亿元。") if f.type == "Indicator"] == ["重点项目完成投资"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("汉都新苑保障房建设共5个在建项目总投资完成12.7亿元。", ["在建项目总投资"]),  # the projects taken together
        ("新湖智造产业园入驻7家企业总投资1.24亿元。", []),  # the firms a park took in, as projects signed
        ("1253家非公企业组织覆盖率57%。", []),  # party work, not the town
    ],
)
def test_totals_of_works_and_rates_of_party_work(text, expected):
    from kg.extraction.mentions import find_mentions

    assert [f.name for f in find_mentions(text) if f.type == "Indicator"] == expected


def test_a_table_flattened_into_lines_is_read_by_its_head(tmp_path):
    # 指标名称 单位 完成值 同比增长%: each row a line, cells apart by spaces, as tables copied
    # from a page or a PDF come.
    graph = build_reports(
        tmp_path,
        {
            "a.txt": report(
                "马陆镇",
                "2024-01-10",
                (
                    "2023年工作回顾",
                    "主要经济指标完成情况如下：\n指标名称 单位 完成值 同比增长%\n地区生产总值 亿元 25.3 6.2\n一般公共预算收入 万元 12000 5.1",
                ),
                None,
            )
        },
    )
    gdp = only(graph, indicator="地区生产总值")
    assert (gdp["value"], gdp["unit"], gdp["growth_pct"], gdp["kind"]) == (25.3, "亿元", 6.2, "actual")
    revenue = only(graph, indicator="一般公共预算收入")
    assert (revenue["value"], revenue["unit"], revenue["growth_pct"]) == (12000.0, "万元", 5.1)


def test_a_sentence_opening_like_a_table_head_keeps_its_figures(tmp_path):
    # 项目单位 (the project's organisation) opens a running sentence, not a head 项目 单位 …:
    # its figures are read, and no head governs the lines after it (the reviewer's input).
    from kg.extraction.indicators import table_columns

    assert table_columns("项目单位要按时完成建设任务，全年完成投资12亿元，同比增长5%。") is None
    assert table_columns("指标名称 单位 完成值 同比增长%") == ["value", "growth"]
    review = "项目单位要按时完成建设任务，全年完成固定资产投资12亿元，同比增长5%。"
    graph = build_reports(tmp_path, {"a.txt": report("马陆镇", "2024-01-10", ("2023年工作回顾", review), None)})
    investment = only(graph, indicator="固定资产投资")
    assert (investment["value"], investment["unit"], investment["growth_pct"]) == (12.0, "亿元", 5.0)


def test_a_table_head_governs_its_rows_only(tmp_path):
    review = (
        "主要经济指标完成情况如下：\n指标名称 单位 完成值 同比增长%\n地区生产总值 亿元 25.3 6.2\n"
        "全镇经济平稳运行，各项事业协调发展。\n一般公共预算收入 万元 12000 5.1"
    )
    graph = build_reports(tmp_path, {"a.txt": report("马陆镇", "2024-01-10", ("2023年工作回顾", review), None)})
    assert only(graph, indicator="地区生产总值")["value"] == 25.3
    assert not [d for _, d in graph.nodes(data=True) if d.get("indicator") == "一般公共预算收入" and d.get("value")]


@pytest.mark.parametrize(
    "sentence, share",
    [
        # The share in brackets, as bulletins write it as often as after a comma.
        ("完成固定资产投资12.3亿元（完成年度目标的103%）。", 103.0),
        ("完成固定资产投资12.3亿元(占年度任务的101.2%)。", 101.2),
        # …after 是, as after 为; and the rate of the year's target or plan (年度目标完成率).
        ("完成固定资产投资12.3亿元，是年度目标的103%。", 103.0),
        ("全社会固定资产投资完成12.3亿元，年度目标完成率为98.5%。", 98.5),
        ("全社会固定资产投资完成12.3亿元，年度计划完成率103%。", 103.0),
    ],
)
def test_the_share_of_the_target_in_its_other_wordings(tmp_path, sentence, share):
    graph = build_reports(tmp_path, {"a.txt": report("马陆镇", "2024-01-10", ("2023年工作回顾", sentence), None)})
    investment = only(graph, indicator="固定资产投资")
    assert (investment["value"], investment["share_of_target_pct"]) == (12.3, share)


def test_a_growth_in_brackets_is_the_values_growth():
    assert read_figures("9200万元（同比增长8%）") == {"growth_pct": 8.0, "value": 9200.0, "unit": "万元"}


# Invented review sentences in the shapes of the held-out half's misses: several values in
# one sentence, each of its own measure, and a share of the target after a clause between.
SEVERAL_VALUES = (
    "粮食、油料、蔬菜产量分别达到2.3万吨、3200吨和1.5万吨。"
    "工业总产值、工业增加值和利税分别增长15%、13%和10%。"
    "累计完成工业总产值75.3亿元，其中镇域内累计完成8.74亿元，同比增长11.5%。"
    "规上工业企业由32家增加到58家。"
    "全镇重点项目开工率达91.6%，完成投资3.24亿元，投资完成率51.6%。"
    "完成固定资产投资8.6亿元，其中农业投入4400万元，技改投入1.1亿元。"
    "肉牛总存栏量超过6000头。"
    "完成税收收入9800万元，超额完成年度目标任务，完成率103%。"
    "实现规模以上工业产值和增加值28.6亿元、7.2亿元，分别增长10.5%、9.8%。"
    "全镇共有农民专业合作社86家、家庭农场42家，其中省级示范社5家。"
    "财政总收入、一般公共预算收入分别完成1.2亿元、6800万元，分别占全年任务的105%、98%。"
    "完成工业投资3.1亿元，增长8%，技改投资6800万元，增长6%，分别完成年度目标任务的101%和97%。"
    "规上工业企业实现产值32亿元、利润2.1亿元、税收1.6亿元。"
    "接待游客80万人次，实现旅游收入3.2亿元，同比分别增长12%和15%。"
    "地区生产总值跨越50亿元，达56亿元，增长7.2%。"
    "完成工业投资9.5亿元，其中产业项目5.3亿元，技改项目2.2亿元，其中亿元以上项目8个。"
)


@pytest.fixture(scope="module")
def several(tmp_path_factory):
    text = report("华亭镇", "2024-01-10", ("2023年工作回顾", SEVERAL_VALUES), ("2024年工作安排", "全镇经济平稳。"))
    graph = build_reports(tmp_path_factory.mktemp("several"), {"a.txt": text})
    return {(v["value"], v["unit"], v["growth_pct"], v["share_of_target_pct"]) for v in export_indicators(graph)}


@pytest.mark.parametrize(
    "expected",
    [
        # a list before 分别: one measure per member, figures in order
        {(2.3, "万吨", None, None), (3200.0, "吨", None, None), (1.5, "万吨", None, None)},
        {(None, None, 15.0, None), (None, None, 13.0, None), (None, None, 10.0, None)},
        # a part of the measure before, named by place (其中镇域内…)
        {(75.3, "亿元", None, None), (8.74, "亿元", 11.5, None)},
        # a stock of firms from one level to another
        {(58.0, "家", None, None)},
        # the key projects' investment done, and its share named by its own word
        {(3.24, "亿元", None, 51.6)},
        # a sector's investment (投入), livestock counted by 存栏量
        {(4400.0, "万元", None, None), (1.1, "亿元", None, None), (6000.0, "头", None, None)},
        # a clause saying the target was met stands between a value and its share
        {(9800.0, "万元", None, 103.0)},
        # names joined by 和 with their figures listed right after them, then their growths
        {(28.6, "亿元", 10.5, None), (7.2, "亿元", 9.8, None)},
        # shares of the target given respectively, after the values' own clauses too
        {(1.2, "亿元", None, 105.0), (6800.0, "万元", None, 98.0)},
        {(3.1, "亿元", 8.0, 101.0), (6800.0, "万元", 6.0, 97.0)},
        # one subject's sums listed after one verb, each by its bare measure word
        {(32.0, "亿元", None, None), (2.1, "亿元", None, None), (1.6, "亿元", None, None)},
        # growths given respectively with their basis before 分别
        {(80.0, "万人次", 12.0, None), (3.2, "亿元", 15.0, None)},
        # parts of the value before, with no verb, in its unit (a count of projects is none)
        {(9.5, "亿元", None, None), (5.3, "亿元", None, None), (2.2, "亿元", None, None)},
        # a threshold crossed gives way to the level reached
        {(56.0, "亿元", 7.2, None)},
        # stocks the town has (共有), and a class within the stock just counted (其中)
        {(86.0, "家", None, None), (42.0, "家", None, None)},
    ],
)
def test_several_values_of_one_sentence_are_each_read(several, expected):
    assert expected <= several


def test_a_count_of_projects_is_no_part_of_an_investment(several):
    assert not any(unit == "个" for _, unit, _, _ in several)


# Invented review sentences in the shapes of the held-out half's misses of 12-07e: clauses of
# a sentence of figures next to the ones read, named by heads outside the vocabulary (taxes by
# office, taxes paid in, registers' counts of people, older words of investment), the next sums
# of one subject after a growth, the next kinds of a stock, a crop's output after its area.
NEIGHBOURS = (
    "全年完成国税1250万元，地税860万元。"
    "上年共完成国、地两税1960万元。"
    "实现主营业务收入30.12亿元，增长7.1%，实现利润1.61亿元，增长6.6%，完成固定资产投资4.9亿元。"
    "规上工业企业实现产值32亿元，同比增长12%，利税3.2亿元，增长8%。"
    "全镇农民专业合作社发展到56家，家庭农场32家。"
    "粮食播种面积3.2万亩，总产1.6万吨；种植辣椒3万亩、产量2.7万吨。"
    "城乡居民基本养老保险参保人数2.3万人，完成协议引资25亿元，完成工业性投入12.3亿元，研发投入1680万元。"
    "全年出栏生猪2.3万头，完成油菜种植1.2万亩，民营经济实缴税金8600万元，全镇企业纳税1.2亿元。"
    "全镇纳税超百万元的企业达到12家，其中超千万元的企业达到2家。"
    "并成功引进投资1亿元的光伏发电项目，完成投资额2424万元。"
)


@pytest.fixture(scope="module")
def neighbours(tmp_path_factory):
    text = report("华亭镇", "2024-01-10", ("2023年工作回顾", NEIGHBOURS), ("2024年工作安排", "全镇经济平稳。"))
    graph = build_reports(tmp_path_factory.mktemp("neighbours"), {"a.txt": text})
    return {(v["value"], v["unit"], v["growth_pct"]) for v in export_indicators(graph)}


@pytest.mark.parametrize(
    "expected",
    [
        # taxes by the office that collects them
        {(1250.0, "万元", None), (860.0, "万元", None), (1960.0, "万元", None)},
        # the next sums of one subject after the growth of the sum before
        {(30.12, "亿元", 7.1), (1.61, "亿元", 6.6), (4.9, "亿元", None)},
        {(32.0, "亿元", 12.0), (3.2, "亿元", 8.0)},
        # the next kind counted after a stock, with no verb of its own
        {(56.0, "家", None), (32.0, "家", None)},
        # a crop's output right after its area
        {(3.2, "万亩", None), (1.6, "万吨", None), (3.0, "万亩", None), (2.7, "万吨", None)},
        # heads of the genre outside the vocabulary
        {(2.3, "万人", None), (25.0, "亿元", None), (12.3, "亿元", None), (1680.0, "万元", None)},
        {(2.3, "万头", None), (1.2, "万亩", None), (8600.0, "万元", None), (1.2, "亿元", None)},
    ],
)
def test_the_neighbours_of_a_value_read_in_a_sentence_of_figures(neighbours, expected):
    assert expected <= neighbours


def test_classes_of_firms_by_a_sum_and_investment_brought_in_are_no_values(neighbours):
    assert not {v for v in neighbours if v[1] == "家" and v[0] in (12.0, 2.0)}
    assert (1.0, "亿元", None) not in neighbours  # 引进投资1亿元的…项目
    assert (2424.0, "万元", None) not in neighbours  # a bare 投资额 is one works'


def test_a_review_turning_to_this_year_and_a_plan_looking_back_on_the_half(tmp_path):
    # A congress of spring hears last year's figures and sets this year's targets in its
    # review's words (今年，…全年实现…); a half-year session's plan part looks back on the
    # first half before it turns to the second.
    review = (
        "2023年实现工农业总产值2.4亿元，比上年增长9%。今年，全镇工作的总体要求是稳中求进，全年实现工农业总产值3.36亿元，增长14%。"
    )
    plan = "今年上半年，全镇经济社会发展稳步推进。全镇规模以上工业完成现价产值60.62亿元，同比增长13.2%。下半年，全镇将力争实现工业投资20亿元。"
    graph = build_reports(
        tmp_path,
        {
            "a.txt": report("马陆镇", "2024-03-02", ("2023年工作回顾", review), ("2024年工作安排", "全镇经济平稳。")),
            "b.txt": report("华亭镇", "2024-07-20", ("上半年工作回顾", "全镇经济平稳。"), ("下半年工作安排", plan)),
        },
    )
    ma = {(v["value"], v["kind"], v["period_start"]) for v in values(graph)}
    assert {(2.4, "actual", "2023-01-01"), (3.36, "target", "2024-01-01")} <= ma
    hua = {(v["value"], v["kind"]) for v in values(graph, town="华亭镇")}
    assert {(60.62, "actual"), (20.0, "target")} <= hua


LISTS_AND_GROWTHS = (
    "农村自来水普及率、卫生厕所普及率分别达到98%、95%。"
    "规上工业企业、限上商贸企业分别达到56家、12家。"
    "小麦、玉米单产分别达到450公斤、600公斤。"
    "电商交易额同比上升20%，个体工商户数量增长6%。"
    "全镇拥有耕地3.2万亩、林地12万亩。"
    "种植水稻1.2万亩、小麦8000亩，蔬菜5000亩，新建大棚500亩。"
    "规上企业完成产值56亿元、销售52亿元、入库税收2.1亿元，分别增长12%、10%、8%。"
    "农村经济总收入预计达12387万元，农民人均纯收入预计达3325元，分别比上年同比增长15%和35.49%。"
    "全镇蔬菜面积发展到2.8万亩，水稻种植面积达5000亩，总产2600吨。"
    "城镇和农村常住居民人均可支配收入分别达到79668元和40450元，增长9.0%和11.8%。"
    "蓝莓销量达36万斤。"
    "全乡2.6万亩中稻稳产、增产。依托全镇1800亩大棚，打造田园综合体。"
    "全苏木牲畜存栏12.6万头只，牲畜总头数达15万头（只）。"
    "全乡有效灌溉面积3.2万亩，农机总动力5.6万千瓦。"
    "固定资产投入47.5亿元，同比增长58.33%；内资到位额（区外）16亿元，同比增长30%；外资到位额1333万美元。"
)


@pytest.fixture(scope="module")
def lists_and_growths(tmp_path_factory):
    text = report("华亭镇", "2024-01-10", ("2023年工作回顾", LISTS_AND_GROWTHS), ("2024年工作安排", "全镇经济平稳。"))
    graph = build_reports(tmp_path_factory.mktemp("lists"), {"a.txt": text})
    return {(v["value"], v["unit"], v["growth_pct"]) for v in export_indicators(graph)}


@pytest.mark.parametrize(
    "expected",
    [
        # rates listed before 分别 (及 of 普及 is no joiner)
        {(98.0, "%", None), (95.0, "%", None)},
        # stocks listed before 分别 with a verb of reaching
        {(56.0, "家", None), (12.0, "家", None)},
        # a crop's yield per mu
        {(450.0, "公斤", None), (600.0, "公斤", None)},
        # growths with a basis and 上升, a register's count by 数量
        {(None, None, 20.0), (None, None, 6.0)},
        # the land of the town by kind, given as a stock
        {(3.2, "万亩", None), (12.0, "万亩", None)},
        # a bare crop after a comma continues the list of areas
        {(1.2, "万亩", None), (8000.0, "亩", None), (5000.0, "亩", None)},
        # sales after a sum of one subject, and growths given respectively
        {(56.0, "亿元", 12.0), (52.0, "亿元", 10.0), (2.1, "亿元", 8.0)},
        # an estimate reached (预计达), and the growths given respectively after it
        {(12387.0, "万元", 15.0), (3325.0, "元", 35.49)},
        # an area reached by 发展到, a crop's output after its area
        {(2.8, "万亩", None), (5000.0, "亩", None), (2600.0, "吨", None)},
        # growths listed after a 分别 clause without their own 分别, one to each value
        {(79668.0, "元", 9.0), (40450.0, "元", 11.8)},
        # a crop's sales by weight
        {(36.0, "万斤", None)},
        # the town's area of a crop written before the crop
        {(2.6, "万亩", None), (1800.0, "亩", None)},
        # herds of a pastoral township in heads of any kind
        {(12.6, "万头只", None), (15.0, "万头(只)", None)},
        # irrigated land (有效 is a word of the name), machinery's power
        {(3.2, "万亩", None), (5.6, "万千瓦", None)},
        # older and northern wordings of investment and capital arrived, a bracket before the figure
        {(47.5, "亿元", 58.33), (16.0, "亿元", 30.0), (1333.0, "万美元", None)},
    ],
)
def test_lists_of_rates_stocks_yields_and_land_are_read(lists_and_growths, expected):
    assert expected <= lists_and_growths


def test_works_after_a_list_of_crops_are_no_member(lists_and_growths):
    assert (500.0, "亩", None) not in lists_and_growths  # 新建大棚500亩


def test_a_headline_repeating_a_figure_of_its_body_is_no_second_value(tmp_path):
    # A news item on a town's session repeats a figure of its body in its headline.
    text = (
        "东兴镇上半年实现产业投资13亿元\n\n"
        "下半年，东兴镇将继续狠抓转型升级。这是记者从日前召开的东兴镇十八届人民代表大会第六次会议上获得的信息。\n\n"
        "今年上半年，东兴镇经济社会发展稳步推进。上半年完成签约项目8个，实现产业投资13亿元，其中工业投资10亿元。\n"
    )
    graph = build_reports(tmp_path, {"a.txt": text})
    found = [(v["value"], v["unit"]) for v in export_indicators(graph)]
    assert found.count((13.0, "亿元")) == 1


def test_this_year_without_an_intent_in_a_january_report_is_the_year_reviewed(tmp_path):
    review = "今年，全镇完成财政收入3200万元，同比增长12%。今年来，全镇完成固定资产投资8亿元。"
    graph = build_reports(
        tmp_path, {"a.txt": report("马陆镇", "2024-01-05", ("2023年工作回顾", review), ("2024年工作安排", "全镇经济平稳。"))}
    )
    assert {(v["value"], v["kind"]) for v in values(graph)} == {(3200.0, "actual"), (8.0, "actual")}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("年均增加1200元", {}),  # an amount of change, not the level
        ("达到2.3万元，比上年增加2100元", {"value": 2.3, "unit": "万元"}),
        ("比上年增收500元，增长10%", {"growth_pct": 10.0}),
    ],
)
def test_an_amount_of_change_is_no_level(text, expected):
    assert read_figures(text) == expected


def test_a_plan_looking_back_on_last_year_turns_ahead_again(tmp_path):
    plan = "去年，全镇完成财政收入3200万元。今年全镇财政收入目标4000万元。"
    graph = build_reports(
        tmp_path, {"a.txt": report("马陆镇", "2024-01-05", ("2023年工作回顾", "全镇经济平稳。"), ("2024年工作安排", plan))}
    )
    assert {(v["value"], v["kind"]) for v in values(graph)} == {(3200.0, "actual"), (4000.0, "target")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # 降幅 is the size of a fall (d157), its change 降幅收窄 no growth
        ("47.64亿元，同比降幅35.5%，累计降幅收窄3.8%", {"value": 47.64, "unit": "亿元", "growth_pct": -35.5}),
        ("39.61亿元，受疫情影响同比降幅9.3%", {"value": 39.61, "unit": "亿元", "growth_pct": -9.3}),
    ],
)
def test_a_fall_given_by_its_size(text, expected):
    assert read_figures(text) == expected


def test_a_fall_given_after_its_cause_continues_the_value(tmp_path):
    review = "1-10月，预计完成规模工业应税销售39.61亿元，受疫情影响同比降幅9.3%；完成规模工业产值47.64亿元，同比降幅35.5%，累计降幅收窄3.8%。"
    graph = build_reports(
        tmp_path, {"a.txt": report("马陆镇", "2021-01-05", ("2020年工作回顾", review), ("2021年工作安排", "全镇经济平稳。"))}
    )
    assert {(v["value"], v["growth_pct"]) for v in values(graph)} == {(39.61, -9.3), (47.64, -35.5)}


def test_a_run_in_heading_of_aims_turns_a_review_ahead_through_its_strivings(tmp_path):
    # a place directory's page (d156): 发展目标 run into the year's sentence, then 力争…
    review = (
        "2003年，全乡实现工农业总产值741万元，同比增长3.3%。"
        "发展目标 2004年，新一届政府班子以农业增效、农民增收为目标，强力推进产业结构调整。"
        "力争全年实现工农业总产值845万元，同比增长14%，人均纯收入达1150元。"
    )
    graph = build_reports(
        tmp_path, {"a.txt": report("马陆镇", "2004-01-05", ("2003年工作回顾", review), ("2004年工作安排", "全镇经济平稳。"))}
    )
    assert {(v["value"], v["kind"]) for v in values(graph)} >= {(741.0, "actual"), (845.0, "target"), (1150.0, "target")}


def test_the_exact_level_after_a_round_one_passed_in_another_unit_of_money(tmp_path):
    review = "全镇实现地区生产总值12.5亿元，同比增长8%，农民人均纯收入突破万元大关，达到10500元。"
    graph = build_reports(
        tmp_path, {"a.txt": report("马陆镇", "2024-01-05", ("2023年工作回顾", review), ("2024年工作安排", "全镇经济平稳。"))}
    )
    assert {(v["value"], v["unit"]) for v in values(graph)} == {(12.5, "亿元"), (10500.0, "元")}


def test_an_area_a_crops_planting_was_adjusted_by_is_no_level(tmp_path):
    review = "全镇实现地区生产总值12.5亿元，同比增长8%。农业结构调整步伐加快，新调减粮食播种面积3000多亩。"
    graph = build_reports(
        tmp_path, {"a.txt": report("马陆镇", "2024-01-05", ("2023年工作回顾", review), ("2024年工作安排", "全镇经济平稳。"))}
    )
    assert {(v["value"], v["unit"]) for v in values(graph)} == {(12.5, "亿元")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a signed growth after its basis, without a verb (stored pages: a town's half-year report)
        ("3.47亿元，同比+35.67%", {"value": 3.47, "unit": "亿元", "growth_pct": 35.67}),
        ("8930.71万元，同比-12.5%", {"value": 8930.71, "unit": "万元", "growth_pct": -12.5}),
        ("同比下降-2%", {"growth_pct": 2.0}),  # the sign of a fall written twice, as before
    ],
)
def test_a_signed_growth_after_its_basis(text, expected):
    assert read_figures(text) == expected


def test_sectors_with_elided_ordinals_take_their_signed_growths_in_order(tmp_path):
    review = (
        "1~6月全镇完成国内生产总值25876万元，同比增长59.65%。"
        "其中第一、二、三产业产值分别是2037万元、19522万元、4317万元，同比+19.82%、+80.46%、+16.99%。"
    )
    graph = build_reports(
        tmp_path,
        {"a.txt": report("马陆镇", "2024-07-15", ("2024年上半年工作回顾", review), ("下半年工作安排", "全镇经济平稳。"))},
    )
    assert {(v["value"], v["growth_pct"]) for v in values(graph)} == {
        (25876.0, 59.65),
        (2037.0, 19.82),
        (19522.0, 80.46),
        (4317.0, 16.99),
    }


def test_the_level_of_the_year_compared_with_stands_between_a_value_and_its_growth(tmp_path):
    # a town's three-year summary on a stored page: 比2022年的8.22亿元 before the growth
    review = "全镇实现出口交货值14.47亿元，比2022年的8.22亿元，增长76.4%。"
    graph = build_reports(
        tmp_path, {"a.txt": report("马陆镇", "2024-01-05", ("2023年工作回顾", review), ("2024年工作安排", "全镇经济平稳。"))}
    )
    assert {(v["value"], v["growth_pct"]) for v in values(graph)} == {(14.47, 76.4)}


def test_a_sector_before_a_short_form_is_not_filed_under_the_whole_name(tmp_path):
    # d171 (工业用电量), d170 (规模以上工业生产总值) and d157 (服务业应税销售): a sector
    # before a short form whose canonical name opens with another qualifier.
    review = (
        "全镇实现生产总值8.8亿元，规模以上工业生产总值8.23亿元；全社会用电量3亿千瓦时，工业用电量2.1亿千瓦时；"
        "工业应税销售30亿元，服务业应税销售12亿元。"
    )
    graph = build_reports(
        tmp_path, {"a.txt": report("马陆镇", "2024-01-05", ("2023年工作回顾", review), ("2024年工作安排", "全镇经济平稳。"))}
    )
    assert {(v["indicator"], v["value"]) for v in values(graph)} == {
        ("地区生产总值", 8.8),
        ("规模以上工业生产总值", 8.23),
        ("全社会用电量", 3.0),
        ("工业用电量", 2.1),
        ("工业应税销售收入", 30.0),
        ("服务业应税销售", 12.0),
    }


def test_the_revenue_a_township_may_spend_under_both_its_names(tmp_path):
    # d183 (可支配财力) and d181 (可用财力)
    review = "全乡实现一般预算收入512.2万元，可支配财力3410万元。"
    graph = build_reports(
        tmp_path, {"a.txt": report("马陆镇", "2024-01-05", ("2023年工作回顾", review), ("2024年工作安排", "全镇经济平稳。"))}
    )
    assert {(v["indicator"], v["value"]) for v in values(graph)} == {("一般公共预算收入", 512.2), ("可支配财力", 3410.0)}


def test_the_opening_before_the_review_heading_gives_the_reviews_figures(tmp_path):
    # d175 (a quarter's account) and d163 (a report's ——令人鼓舞的是 paragraph): the headline
    # figures before the first heading; a news lead's figures of one firm's works stay unread (d97).
    text = (
        "马陆镇2018年一季度工作情况汇报\n\n"
        "一季度，全镇上下认真贯彻落实党的十九大精神，全镇经济社会发展稳中有进。"
        "截止到3月15日完成财政总收入309万元，占目标任务（剔除烟叶税）的278%，新增年产值1.5亿元。\n\n"
        "一、2018年一季度主要完成情况\n\n（一）项目引建扎实高效。完成固定资产投资1.2亿元。\n"
    )
    graph = build_reports(tmp_path, {"a.txt": text})
    assert {(v["indicator"], v["value"], v["kind"], v.get("share_of_target_pct")) for v in values(graph)} == {
        ("财政总收入", 309.0, "actual", 278.0),
        ("固定资产投资", 1.2, "actual", None),
    }


def test_a_plan_sentence_opening_on_an_earlier_year_tells_that_years_figures(tmp_path):
    # d170 and d177: news items on a congress read as plans, telling the year reviewed first
    plan = (
        "2020年，全镇统筹疫情防控和经济社会发展，财政收入完成1559万元；完成固定资产投资4.3亿元。"
        "2021年，力争财政收入达到1700万元。2020年计划新增的项目，力争年内完成投资2亿元。"
    )
    graph = build_reports(
        tmp_path, {"a.txt": report("马陆镇", "2021-04-30", ("2020年工作回顾", "全镇经济平稳。"), ("2021年工作安排", plan))}
    )
    assert {(v["value"], v["kind"], v["period_start"]) for v in values(graph)} == {
        (1559.0, "actual", "2020-01-01"),
        (4.3, "actual", "2020-01-01"),
        (1700.0, "target", "2021-01-01"),
        (2.0, "target", "2021-01-01"),
    }


def test_a_figure_a_review_aims_at_is_a_target(tmp_path):
    # d157 (a ten-month report: 年底力争完成…4.2亿元) and d181 (为全面实现…增长10%以上…的目标):
    # a review states its aims beside what was done; 争取 funds are obtained, not aimed at.
    review = (
        "1-10月，完成固定资产投资3.1亿元，年底力争完成一般公共预算收入4.2亿元，占全年计划的70%。"
        "为全面实现农业总产值增长10%以上，人口自然增长率控制在4.5‰以内的目标，全镇上下团结奋进。"
        "全年争取上级资金500万元。为实现乡村振兴，全镇完成农业投资5亿元，超额完成年度目标。"
    )
    graph = build_reports(
        tmp_path, {"a.txt": report("马陆镇", "2022-11-20", ("2022年工作回顾", review), ("2023年工作安排", "全镇经济平稳。"))}
    )
    found = {(v["indicator"], v.get("value"), v.get("growth_pct"), v["kind"], v.get("modifier")) for v in values(graph)}
    assert ("固定资产投资", 3.1, None, "actual", None) in found
    assert ("一般公共预算收入", 4.2, None, "target", "力争") in found
    assert ("农业总产值", None, 10.0, "target", "以上") in found
    assert ("人口自然增长率", 4.5, None, "target", "以内") in found
    assert not any(kind == "target" and value in (500.0, 5.0) for _, value, _, kind, _ in found)


def test_a_review_that_ensured_a_figure_gives_it_as_done(tmp_path):
    # Found in review of the session's change: 确保了 is the past of a review's account.
    review = "全年确保了粮食总产量达到2.5万吨，年底力争完成一般公共预算收入4.2亿元。"
    graph = build_reports(
        tmp_path, {"a.txt": report("马陆镇", "2022-11-20", ("2022年工作回顾", review), ("2023年工作安排", "全镇经济平稳。"))}
    )
    found = {(v["indicator"], v.get("value"), v["kind"]) for v in values(graph)}
    assert ("粮食总产量", 2.5, "actual") in found or ("粮食产量", 2.5, "actual") in found, found
    assert ("一般公共预算收入", 4.2, "target") in found


def test_a_figure_in_a_list_of_named_villages_is_the_works_not_the_town(tmp_path):
    # d81 (湖南) and d90 (河南): crops planted in some villages named are a works' extent
    review = "在东岭、柏树咀、杜河等村种植新品种苹果300亩。全镇种植玉米6.9万亩。"
    graph = build_reports(
        tmp_path, {"a.txt": report("马陆镇", "2023-01-20", ("2022年工作回顾", review), ("2023年工作安排", "全镇经济平稳。"))}
    )
    assert {v.get("value") for v in values(graph)} == {6.9}


def test_the_sums_after_a_works_budget_are_the_works(tmp_path):
    # d168 (河北: 计划投资500万元，创产值300万元，利税12万元) and d142 (天津: …达产后可增加营业性
    # 收入100亿元，实现利税8.3亿元): what a works will yield, listed after its budget
    plan = (
        "大东沟村大理石开发项目，计划投资500万元，创产值300万元，利税12万元。"
        "抓好项目投产达产，达产后可增加营业性收入100亿元，实现利税8.3亿元。"
        "全镇实现利税2亿元。园区项目计划投资3亿元，实现产值1亿元，全镇工业总产值达到10亿元。"
    )
    graph = build_reports(
        tmp_path, {"a.txt": report("马陆镇", "2023-01-20", ("2022年工作回顾", "全镇经济平稳。"), ("2023年工作安排", plan))}
    )
    assert {v.get("value") for v in values(graph)} == {2.0, 10.0}
