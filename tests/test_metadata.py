from datetime import date
from pathlib import Path

import pytest

from loaders import load_text
from loaders.metadata import meeting_day, read_metadata, split_place

from .conftest import SAMPLES


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_report_metadata(sample_reports, name):
    town, district, day, _review, _plan = SAMPLES[name]
    report = sample_reports[name]
    assert (report.town, report.district, report.city) == (town, district, "上海市")
    assert report.date.isoformat() == day
    assert report.title == "政府工作报告"
    assert report.session and report.session.startswith("第") and report.session.endswith("次会议")


def test_speaker_and_role_are_read_from_the_title_block(sample_reports):
    assert (sample_reports["004_ba4aa9962f5a29a2.txt"].speaker, sample_reports["004_ba4aa9962f5a29a2.txt"].speaker_role) == (
        "王毓铭",
        "党委副书记、镇长",
    )
    assert (sample_reports["001_8d55160e06e9d7cd.txt"].speaker, sample_reports["001_8d55160e06e9d7cd.txt"].speaker_role) == (
        "朱峻峰",
        "镇长",
    )
    assert sample_reports["002_273361674173251b.txt"].speaker == "孙兰"  # "孙 兰" in the file
    assert sample_reports["003_68189976bd792ce1.txt"].speaker is None  # the report names none


def test_place_is_read_from_the_government_when_the_title_block_lacks_it():
    meta = read_metadata(["政府工作报告", "（2024年1月8日）"], "各位代表：现在，我代表嘉定区马陆镇人民政府，向大会报告工作")
    assert (meta.city, meta.district, meta.town, meta.date) == ("上海市", "嘉定区", "马陆镇", date(2024, 1, 8))


@pytest.mark.parametrize(
    "place, expected",
    [
        ("上海市宝山区庙行镇", ("上海市", "宝山区", "庙行镇")),
        ("浦东新区川沙新镇", ("上海市", "浦东新区", "川沙新镇")),
        ("徐汇区田林街道", ("上海市", "徐汇区", "田林街道")),
        ("某某县某某乡", (None, "某某县", "某某乡")),
    ],
)
def test_split_place(place, expected):
    assert split_place(place) == expected


def test_metadata_never_comes_from_the_file_name(tmp_path, sample_reports):
    from loaders import load

    copy = tmp_path / "大场镇_2099.txt"
    copy.write_bytes(Path(sample_reports["003_68189976bd792ce1.txt"].source).read_bytes())
    report = load(copy)
    assert (report.town, report.date.isoformat()) == ("罗店镇", "2024-12-24")


def test_a_site_table_gives_the_title_and_its_labels_are_no_title():
    lines = [
        "索引号: 1134/202208-00062 组配分类: 政府工作报告",
        "发布机构: 洪林镇人民政府",
        "名称: 洪林镇人民政府2022年上半年政府工作报告 文号:",
    ]
    meta = read_metadata(lines, "")
    assert meta.title == "洪林镇人民政府2022年上半年政府工作报告"
    assert meta.town == "洪林镇"


def test_a_generic_title_names_no_town_and_the_text_decides():
    text = "济沁河乡位于龙江县西北部。济沁河乡矿产资源丰富，与山泉镇接壤。"
    meta = read_metadata(["乡镇政府工作报告"], "", text)
    assert (meta.town, meta.district) == ("济沁河乡", "龙江县")


def test_a_subdistrict_office_in_the_title():
    meta = read_metadata(["西安市雁塔区大雁塔街道办事处2025年工作总结及2026年工作计划"], "")
    assert (meta.town, meta.district, meta.city) == ("大雁塔街道", "雁塔区", "西安市")


def test_a_township_is_not_cut_as_a_prefecture_and_a_suffix():
    meta = read_metadata([], "", "上半年塔城乡政府紧紧围绕发展目标，巩固提升南昌发展首位度。塔城乡持续推进乡村振兴。")
    assert meta.town == "塔城乡" and meta.city != "塔城地区"


def test_a_site_line_that_runs_words_into_the_place():
    meta = read_metadata(["导航菜单天长市大通镇人民政府"], "")
    assert (meta.town, meta.district) == ("大通镇", "天长市")


def test_a_phrase_ending_in_xiangzhen_is_no_town():
    # 振兴乡镇 (a site's breadcrumb) speaks of towns in general; 三乡镇 is a town's name.
    from loaders.places import _generic_town

    assert _generic_town("振兴乡镇") and _generic_town("全县乡镇")
    assert not _generic_town("三乡镇")


def test_a_five_year_plan_names_its_town_and_era_in_its_title():
    from loaders.metadata import _TITLE_PLACE
    from loaders.periods import part_period

    assert _TITLE_PLACE.search("凉水镇“十二五”工作计划").group("place") == "凉水镇"
    period = part_period("plan", None, None, "凉水镇“十二五”工作计划")
    assert (period.start, period.end) == (date(2011, 1, 1), date(2015, 12, 31))
    assert part_period("plan", "二、“十四五”发展目标", None).end == date(2025, 12, 31)


def test_the_year_so_far_is_no_half_year():
    # 上半年以来工作回顾 in October reviews the year so far; 上半年工作回顾 its first half.
    from loaders.periods import part_period

    assert part_period("review", "一、上半年以来工作回顾", date(2006, 10, 20)).end == date(2006, 12, 31)
    assert part_period("review", "一、上半年工作回顾", date(2023, 7, 26)).end == date(2023, 6, 30)


def test_a_region_of_a_province_and_the_whole_district_decide_a_town():
    # 溪口镇 is held by eleven townships; 皖南 names 安徽, 全区 a district: 宣州区.
    from loaders.places import resolve_place

    place = resolve_place(["溪口镇"], "经济增速保持在全区水平以上。结合皖南川藏线加强对溪口旅游资源的宣传")
    assert (place.county, place.province) == ("宣州区", "安徽省")


def test_a_table_of_contents_before_the_text_is_no_part():
    from loaders import load_text

    text = (
        "镇人代会政府工作报告\n目录/提纲：……\n一、上半年以来工作回顾\n二、今后五年的工作思路和目标任务\n……\n\n"
        "各位代表：\n今天，我代表三川口镇人民政府向大会作政府工作报告。\n一、上半年以来工作回顾\n今年以来，全镇完成各项任务。\n"
    )
    report = load_text(text, "toc.txt")
    assert [p.kind for p in report.parts if p.kind != "front"] == ["review"]


def test_a_review_of_the_year_and_its_five_year_era():
    from loaders.periods import part_period

    period = part_period("review", "——2020年及“十三五”工作回顾", None)
    assert (period.start, period.end) == (date(2016, 1, 1), date(2020, 12, 31))


def test_the_subject_of_the_leadership_formula_is_the_reports_town():
    # 草滩街道在区委、区政府的正确领导下: named once, as the acting subject, it is the town.
    from loaders.places import named_township

    assert named_township("2021年草滩街道在区委、区政府的正确领导下，坚持以习近平新时代中国特色社会主义思想为指导") == "草滩街道"


@pytest.mark.parametrize(
    "heading, kind",
    [
        ("一、主要工作及成效", "review"),
        ("一、2023年亮点工作", "review"),
        ("二、2024年工作设想", "plan"),
        ("二、2025年工作要点", "plan"),
    ],
)
def test_headings_of_summaries_and_plans(heading, kind):
    from loaders.headings import part_heading

    assert part_heading(heading)[1] == kind


def test_the_short_form_of_the_congress_line_names_the_town():
    # 在白鹤镇十七届人大二次会议上: the congress line without 第 and with 人大 for 人民代表大会.
    from loaders import load_text

    text = "政府工作报告\n2023年1月12日在白鹤镇十七届人大二次会议上\n各位代表：\n一、2022年工作回顾\n全镇经济平稳。\n"
    assert load_text(text, "a.txt").town == "白鹤镇"


def test_a_town_named_only_by_its_short_name():
    # 孙岗发展进程, 幸福孙岗 with 全镇: the gazetteer's 孙岗镇; a common word is no town.
    from loaders.places import township_by_short_name

    assert township_by_short_name("2020年是孙岗发展进程中极不寻常的一年。全镇上下建设幸福孙岗。") == "孙岗镇"
    assert township_by_short_name("全镇上下建设幸福家园，幸福生活。") is None


def test_the_only_township_a_text_names_is_its_own():
    from loaders.places import only_township

    assert only_township("2025年是决胜之年，也是鼎龙乡迈向高质量发展的攻坚之年。全乡上下…") == "鼎龙乡"
    assert only_township("与山泉镇接壤。") is None  # a neighbour
    assert only_township("推动大中小城市和小城镇协调发展，完善新一轮长寿镇总体规划。") == "长寿镇"  # kinds of town are no names
    assert only_township("长寿镇与山泉镇") is None


def test_phrases_of_a_towns_identity_give_its_short_name():
    from loaders.places import township_by_short_name

    text = "全镇建成了一批关系枨冲全局的重点工程，进行了枨冲有史以来最大规模的建设。"
    assert township_by_short_name(text) == "枨冲镇"


def test_measured_against_the_whole_county_tells_the_kind_of_county():
    # Two 长寿镇: in 平江县 and in 钟祥市; 在全县乡镇中率先 says a 县 governs the town.
    from loaders.places import resolve_place

    place = resolve_place(["长寿镇"], "在全县乡镇中率先完成了升级改造工程，连续五年被评为县先进。")
    assert place.county == "平江县"


def test_a_session_date_run_together_is_read_when_it_splits_one_way():
    from loaders.metadata import read_dates

    assert read_dates(["——2025228日在沈村镇第十五届人民代表大会", "第七次会议上"])[0] == date(2025, 2, 28)
    assert read_dates(["——20251210日在某镇第五届人民代表大会第八次会议上"])[0] == date(2025, 12, 10)
    assert read_dates(["——2025111日在某镇第五届人民代表大会第八次会议上"])[0] is None  # 1-11 or 11-1


def test_a_speaker_run_into_the_government_is_no_part_of_the_place():
    from loaders import load_text

    text = (
        "西湖镇召开第十八届人民代表大会第三次会议\n"
        "2023年1月10日，西湖镇第十八届人民代表大会第三次会议隆重开幕。镇长张三代表镇人民政府作政府工作报告。\n"
        "发布日期：2023-01-12\n各位代表：\n现在，我代表镇人民政府向大会报告工作。\n一、2022年工作回顾\n全镇实现生产总值10亿元。\n"
    )
    report = load_text(text)
    assert report.town == "西湖镇"


def test_numerals_that_are_no_date_leave_the_terminal_quiet():
    # cn2an warned on stderr about every “十三五” or 百亿 in a report, once per build.
    import warnings

    from loaders import load_text

    text = "某某镇“十三五”时期政府工作报告\n二〇二一年一月十二日\n一、过去五年工作回顾\n全镇生产总值突破百亿大关。\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_text(text)


def test_a_news_account_of_the_session_gives_its_day_the_page_its_year():
    from loaders.metadata import read_dates

    # The paper's date alone on its line is no meeting's, though the next line names one.
    assert read_dates(
        ["张村镇10项民生实事项目票决出炉", "2025年01月23日", "本报讯 1月17日上午，58名代表参加平安县张村镇十七届人大五次会议。"]
    ) == (
        date(2025, 1, 17),
        date(2025, 1, 23),
    )
    # A session at the year's end is held the year before the budget it adopts.
    assert read_dates(["12月27日，下路街道召开第一届议事代表会第一次会议，发布了2025年民生实事项目。"])[0] == date(2024, 12, 27)


@pytest.mark.parametrize(
    "text, town, county",
    [
        # A news account names the town before its session, after a day or a verb.
        ("3月6日，覃塘区樟木镇第三届人民代表大会第七次会议在镇大礼堂隆重举行。会议交由镇政府办理代表建议。", "樟木镇", "覃塘区"),
        # …and a phrase run into 镇政府 (代表们从镇政府提交的…) is no town.
        (
            "本报讯 1月17日上午，58名代表参加来安县张山镇十七届人大五次会议。代表们从镇政府提交的12个候选项目中票决出10项。",
            "张山镇",
            "来安县",
        ),
    ],
)
def test_a_news_account_of_a_session_names_its_town(text, town, county):
    from loaders import load_text

    report = load_text(f"{text}\n会议票决了2024年民生实事项目。\n")
    assert (report.town, report.district) == (town, county)


@pytest.mark.parametrize(
    "line",
    ["城南镇第十九届人民代表大会第三次会议 2024年1月12日", "城南镇第十九届人民代表大会第三次会议（2024年1月12日）"],
)
def test_a_session_line_ending_in_its_date_gives_the_reports_date(line):
    from loaders.metadata import read_dates

    assert read_dates(["城南镇政府工作报告", line]) == (date(2024, 1, 12), None)
    # …but a site's line of publication is no session's.
    assert read_dates([f"{line.split('会议')[0]}会议召开 发布时间 2024年1月12日"])[0] is None


def test_a_site_footer_names_the_county_of_a_town_named_only_by_itself():
    # 新安街道 is in eleven counties; a district portal's footer names its owner.
    header = ["新安街道2025年度工作总结", "发布机构 新安街道"]
    body = "2025年，新安街道始终坚持以人民为中心的发展思想。主办单位：无锡市新吴区人民政府 网站标识码：3202140001"
    meta = read_metadata(header, "", body)
    assert (meta.town, meta.district, meta.city) == ("新安街道", "新吴区", "无锡市")
    assert read_metadata(header, "", body.split("主办")[0]).district is None


def test_a_town_the_gazetteer_does_not_know_takes_the_county_of_the_leadership_formula():
    # A town merged since its report (or misnamed) is in no county of the gazetteer; the
    # report names its county as the one leading it.
    from loaders.gazetteer import gazetteer

    assert not gazetteer().named("鹭鸶垅镇", "township")
    header = ["政府工作报告", "——在鹭鸶垅镇第十三届人民代表大会第三次会议上"]
    body = "2014年，在金水区委、区政府的坚强领导下，全镇经济和社会各项事业保持快速发展。"
    meta = read_metadata(header, body, body)
    assert (meta.town, meta.district, meta.city, meta.province) == ("鹭鸶垅镇", "金水区", "郑州市", "河南省")
    # Unnamed (在区委、区政府), it stays unknown.
    assert read_metadata(header, body, body.replace("金水区委", "区委")).district is None


def test_a_session_day_recounted_in_a_reports_review_does_not_date_it():
    # A report (its salutation, its opening formula) whose header gives no date: a session
    # day its review recounts is not the day it was given.
    body = (
        "各位代表：\n现在，我代表镇人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n"
        "4月12日，白云镇第二十届人民代表大会第五次会议召开，票决了10项民生实事。\n"
    )
    assert read_metadata(["白云镇政府工作报告"], body, body).date is None


def test_a_paragraph_read_for_the_title_is_no_title():
    # A news account or a summary without a title line: its first paragraph is no title.
    text = (
        "3月28日上午，九华乡召开第十五届人民代表大会第七次会议，大会应到代表52名，实到代表48名。\n"
        "会议听取和审议了《九华乡人民政府工作报告》，报告全面回顾了2024年工作。\n"
        "2024年，全乡实现地区生产总值12亿元，同比增长6%。\n"
    )
    assert load_text(text).title is None
    assert load_text("九华乡2025年政府工作报告\n\n一、2024年工作回顾\n全乡实现地区生产总值12亿元。\n").title == (
        "九华乡2025年政府工作报告"
    )


def test_a_village_named_like_its_town_does_not_decide_between_towns_of_that_name():
    # Fifteen townships are named 新安镇; the gazetteer lists a village 新安镇 under 宝坻区's,
    # which every text of any 新安镇 names: the county stays unknown unless the text says.
    body = "新安镇2024年政府工作报告\n\n各位代表：\n\n现在，我代表新安镇人民政府向大会报告工作。\n\n一、2023年工作回顾\n全镇完成地区生产总值25亿元。\n"
    assert load_text(body).district is None
    assert load_text(body + "在来安县委、县政府的正确领导下，全镇上下团结一心。\n").district == "来安县"


def test_the_county_the_text_says_leads_the_town_beats_a_namesake_elsewhere_in_the_gazetteer():
    # The gazetteer lists 凤鸣街道 in 桐乡市 and 彭山区 only; a report led by 江油市委 or 来安县委
    # is of a subdistrict the list lacks (made or renamed since): the text's county, not the
    # namesake a 市委 or 县委 would favour.
    body = "凤鸣街道2024年工作报告\n\n各位代表：\n\n现在，我代表街道办事处向大会报告工作。\n\n一、2023年工作回顾\n全街道完成税收25亿元。\n"
    report = load_text(body + "在江油市委、市政府的坚强领导下，全街道上下团结一心。\n")
    assert (report.district, report.city) == ("江油市", "绵阳市")
    assert load_text(body + "在来安县委、县政府的坚强领导下，全街道上下团结一心。\n").district == "来安县"
    # …and a county that holds one of them decides between them as before.
    assert load_text(body + "在桐乡市委、市政府的坚强领导下，全街道上下团结一心。\n").district == "桐乡市"


def test_a_title_naming_no_document_is_read_below_the_sites_furniture():
    # A 述职报告 under a page's breadcrumb and publishing line: its title is its own line,
    # not the breadcrumb, and it loads as the town head's account of the work.
    text = (
        "首页 > 信息公开 > 工作动态\n发布时间：2023-07-12 来源：白鹤镇人民政府\n白鹤镇镇长张三述职报告\n\n"
        "本人任白鹤镇镇长以来，认真履职尽责。全镇完成地区生产总值25亿元，同比增长6%；完成一般公共预算收入1.2亿元，同比增长5.3%。\n"
    )
    report = load_text(text)
    assert report.title == "白鹤镇镇长张三述职报告"
    assert report.part("review") is not None


def test_a_subdistrict_named_by_its_office_under_its_county_is_that_subdistrict():
    # 汉滨区老城办事处: the county's 老城街道 (its 街道办事处), as county sites shorten it.
    report = load_text(
        "汉滨老城办未雨绸缪打造十大民生工程\n\n"
        "汉滨区老城办事处早谋划、早安排、早动手，2014年将实施十大民生工程。\n1.新建社区服务中心一处，年内建成。\n"
    )
    assert (report.town, report.district) == ("老城街道", "汉滨区")


def test_a_news_item_on_the_sessions_closing_day_does_not_date_the_report():
    # The report was given at the opening; the item tells only the close (闭幕): the closing
    # day dates the page, not the report — unless the item tells the session opened that day.
    closing = "2026年1月28日，西彭镇第二十届人民代表大会第十一次会议圆满完成各项议程后胜利闭幕。\n"
    votes = "会议还宣布了票决镇人民政府2026年度民生实事结果。\n1.西彭镇新城东路安全通行能力提升项目\n"
    report = load_text("西彭镇召开第二十届人民代表大会第十一次会议\n" + closing + votes)
    assert (report.date, report.published) == (None, date(2026, 1, 28))
    assert report.part("plan").period.start.year == 2026
    one_day = load_text(closing + "上午8时，大会在庄严的国歌声中拉开帷幕。\n" + votes)
    assert one_day.date == date(2026, 1, 28)


def test_a_towns_own_name_is_no_sign_of_the_county_sharing_it():
    # 东兴镇: one in 东兴市 (广西), whose short name 东兴 every 东兴镇 writes; 靖江 decides.
    from loaders.places import resolve_place

    place = resolve_place(["东兴镇"], "东兴镇上半年实现产业投资13亿元。认真贯彻落实《中国制造2025靖江行动方案》。")
    assert (place.county, place.province) == ("靖江市", "江苏省")


def test_a_councils_first_term_named_as_shou_jie_dates_its_session():
    # 首届 is 第一届: the day of the session the news item reports, its year from the works voted.
    lines = ["7月2日上午，京泰路街道首届选民代表议政会第一次会议胜利召开。会议对2020年度12项民生实事候选项目进行了投票。"]
    assert meeting_day(lines, None) == date(2020, 7, 2)


def test_the_publishers_credit_code_in_the_index_number_decides_a_town_of_several():
    # Seven 梅林镇 in the gazetteer; the 索引号's code is of an organ of 安徽 (34…): the one there.
    from loaders.places import resolve_place

    place = resolve_place(["梅林镇"], "索引号 | 11341702003257063E/202301-00096 | 组配分类 | 发展规划\n梅林镇2022年工作计划解读")
    assert (place.county, place.province) == ("宁国市", "安徽省")
    # …and without it nothing decides.
    assert resolve_place(["梅林镇"], "梅林镇2022年工作计划解读").county is None


def test_a_place_directorys_page_names_a_merged_town_by_its_last_crumb_and_its_county_by_its_place():
    # 马家台乡 is no longer in the gazetteer (merged): the breadcrumb's last crumb is the page's
    # town, and the introduction places it in its county (位于柞水县境东北部).
    report = load_text(
        "首页 >> 陕西 >> 商洛市 >> 乡镇介绍 >> 马家台乡 |\n马家台乡 |\n"
        "马家台位于柞水县境东北部，全乡辖7个行政村。2003年，全乡实现工农业总产值741万元，同比增长3.3%。\n"
    )
    assert (report.town, report.district, report.city, report.province) == ("马家台乡", "柞水县", "商洛市", "陕西省")


def test_a_text_that_names_its_town_only_in_the_slogans_chapter():
    # A copy starting inside the plan part: 周王 is named only in 谱写中国式现代化周王篇章.
    report = load_text(
        "2025年是“十四五”规划的收官之年。全力抓好“项目提质增效年”活动，努力推动各项工作在全区走在前、作示范，"
        "奋力谱写中国式现代化周王篇章。\n综合各方面因素，建议2025年经济社会发展主要预期目标为：一般公共预算收入增长2%以上。\n"
    )
    assert (report.town, report.district, report.province) == ("周王镇", "宣州区", "安徽省")


def test_a_town_named_by_its_short_name_in_the_thanks_and_its_development():
    # 刘渡 only (过去一年刘渡的发展; 关心支持刘渡建设发展): 建设 is a word of those phrases, not
    # the short name of one of the gazetteer's six 建设镇.
    from loaders.places import resolve_place, township_by_short_name

    text = (
        "扎实推进作风建设。全镇上下改作风、提效能、抓落实，政府自身建设不断加强。\n"
        "各位代表，同志们！过去一年刘渡的发展极不平凡。这是市委、市政府和镇党委正确领导的结果。在此，我谨代表镇人民政府，"
        "向所有关心支持刘渡建设发展的朋友，表示衷心的感谢。\n"
    )
    assert township_by_short_name(text) == "刘渡镇"
    place = resolve_place(["刘渡镇"], text)
    assert (place.county, place.province) == ("无为市", "安徽省")


def test_an_autonomous_county_by_its_stem_and_unit_on_a_source_line():
    # 通道县 is 通道侗族自治县 (its sites' 信息来源 line): not 道县 with the town run after it.
    from loaders.places import resolve_place

    place = resolve_place(["通道县菁芜洲镇"], "")
    assert (place.town, place.county, place.city) == ("菁芜洲镇", "通道侗族自治县", "怀化市")


def test_a_session_account_dated_by_the_year_whose_work_the_report_set_out():
    # 提出2020年重点工作任务; 安排部署了2012年的政府工作 (a December session: the year before).
    lines = ["5月10日上午，双沟镇召开第十八届人民代表大会第六次会议。会议回顾总结了双沟镇2019年工作，并提出2020年重点工作任务。"]
    assert meeting_day(lines, None) == date(2020, 5, 10)
    lines = [
        "12月7日，双墩镇代表参加镇第十三届人民代表大会第一次会议。报告总结了过去五年的发展成果，安排部署了2012年的政府工作。"
    ]
    assert meeting_day(lines, None) == date(2011, 12, 7)


def test_a_page_line_ending_in_a_count_does_not_hide_the_next_lines_day():
    lines = [
        "日期:2011/12/8     稿源:长丰先锋网     人气:114",
        "12月7日，双墩镇103名人民代表参加镇第十三届人民代表大会第一次会议。",
    ]
    assert meeting_day(lines, date(2011, 12, 8)) == date(2011, 12, 7)
