"""The document model of the sample reports and of small texts made for each rule."""

import unicodedata
from datetime import date

import pytest

from loaders import LoaderError, load_text

from .conftest import SAMPLES

_FOLD = str.maketrans("，：；？！（）“”", ',:;?!()""')


def _fold(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).translate(_FOLD)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_parts_and_periods(sample_reports, name):
    *_, review, plan = SAMPLES[name]
    report = sample_reports[name]
    kinds = [p.kind for p in report.parts]
    assert kinds == ["front", "review", "plan", "closing"]
    assert tuple(report.part("review").period.as_dict().values()) == review
    assert tuple(report.part("plan").period.as_dict().values()) == plan


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_character_maps_back_to_the_original(sample_reports, name):
    report = sample_reports[name]
    for sentence in report.sentences():
        assert len(sentence.offsets) == len(sentence.text)
        assert list(sentence.offsets) == sorted(set(sentence.offsets))
        assert (sentence.offsets[0], sentence.offsets[-1] + 1) == (sentence.start, sentence.end)
        for ch, offset in zip(sentence.text, sentence.offsets):
            assert _fold(report.original[offset]) == _fold(ch), (sentence.text, offset)
        # The quote is the sentence as published: the same characters, with only the
        # scars of extraction (breaks, spaces, markdown, footnotes) between them.
        assert report.quote(sentence).startswith(report.original[sentence.start])


# Every (一)… heading of every report, counted from the files by hand.
NUMBERED_SECTIONS = {
    "000_dd07b67f804f2d67.txt": (6, 6),
    "001_8d55160e06e9d7cd.txt": (5, 5),
    "002_273361674173251b.txt": (5, 5),
    "003_68189976bd792ce1.txt": (0, 5),
    "004_ba4aa9962f5a29a2.txt": (5, 5),
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_numbered_section_heading_is_found(sample_reports, name):
    report = sample_reports[name]
    for kind, expected in zip(("review", "plan"), NUMBERED_SECTIONS[name]):
        titles = [s.title for s in report.part(kind).sections if s.level == 1 and s.title and s.title.startswith("（")]
        assert len(titles) == expected, titles
        assert [t[1] for t in titles] == list("一二三四五六")[:expected]


def test_unnumbered_sections_that_open_alike_are_headings(sample_reports):
    review = sample_reports["003_68189976bd792ce1.txt"].part("review")
    titles = [s.title for s in review.sections if s.level == 1 and s.title]
    assert titles[0] == "一年来，我们坚定不移抓产业、增动力，经济发展韧性更强。"
    assert len(titles) == 6


def test_bold_lead_phrases_are_subsections_even_mid_paragraph(sample_reports):
    review = sample_reports["000_dd07b67f804f2d67.txt"].part("review")
    leads = [s.title for s in review.sections if s.level == 2]
    for title in ("重点项目落地开花。", "产业空间优化拓展。", "安全稳定持续夯实。", "经济发展保持韧劲。"):
        assert title in leads
    first = next(s for s in review.sections if s.title == "重点项目落地开花。")
    assert next(first.sentences()).text.startswith("发挥南北统筹联动效应")


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_no_sentence_is_glued_across_a_heading(sample_reports, name):
    report = sample_reports[name]
    for sentence in report.sentences():
        assert "（一）" not in sentence.text and "（二）" not in sentence.text
        assert "工作回顾" not in sentence.text or not sentence.text.startswith(("一、", "二、"))
        assert "**" not in sentence.text and "<sup>" not in sentence.text and "#" not in sentence.text


FOOTNOTE_COUNTS = {
    "000_dd07b67f804f2d67.txt": 12,
    "001_8d55160e06e9d7cd.txt": 5,
    "002_273361674173251b.txt": 1,
    "003_68189976bd792ce1.txt": 1,
    "004_ba4aa9962f5a29a2.txt": 19,
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_footnotes_leave_the_running_text_and_attach_to_their_sentence(sample_reports, name):
    report = sample_reports[name]
    assert sorted(f.number for f in report.footnotes) == list(range(1, FOOTNOTE_COUNTS[name] + 1))
    attached = {f.number for s in report.sentences() for f in s.footnotes}
    assert attached == {f.number for f in report.footnotes}
    for sentence in report.sentences():
        for note in report.footnotes:
            # a footnote's body (past its first words) never appears in running text
            assert note.text[4:24] not in sentence.text or len(note.text) < 24


def test_footnote_styles(sample_reports):
    stations = next(s for s in sample_reports["000_dd07b67f804f2d67.txt"].sentences() if s.text.startswith("地铁18号线二期"))
    assert [f.text for f in stations.footnotes] == ["大康路站、呼兰路站、爱辉路站。"]
    tod = next(s for s in sample_reports["000_dd07b67f804f2d67.txt"].sentences() if "场北车辆段TOD" in s.text)
    assert tod.footnotes[0].number == 3 and tod.footnotes[0].marker_style == "bare"
    assert "[3]TOD（Transit-Oriented-Development）" in tod.text_with_footnotes
    bracket = next(s for s in sample_reports["003_68189976bd792ce1.txt"].sentences() if s.footnotes)
    assert bracket.footnotes[0].marker_style == "bracket" and "[1]" not in bracket.text
    sup = next(s for s in sample_reports["002_273361674173251b.txt"].sentences() if s.footnotes)
    assert sup.footnotes[0].text.startswith("1+5+X")
    # "⁷ 8 为…；" and the next line "² 为…" are one footnote, not a second footnote 2
    seven = next(f for f in sample_reports["004_ba4aa9962f5a29a2.txt"].footnotes if f.number == 7)
    assert seven.text.endswith("2为三邻桥体育文化园、盛邻城市体育综合体。")


def test_sentences_continue_across_page_breaks_and_footnotes(sample_reports):
    texts = [s.text for s in sample_reports["000_dd07b67f804f2d67.txt"].sentences()]
    assert "强化各级河长责任意识，加强河道保洁、水质监测、道路管网养护、排口整治等工作，做实长效管理分级责任机制。" in texts
    texts = [s.text for s in sample_reports["002_273361674173251b.txt"].sentences()]
    assert any(t.startswith("在此，我谨代表大场镇人民政府，") for t in texts)


REPORT = """政府工作报告
——2024年1月8日在嘉定区马陆镇第八届人民代表大会第五次会议上

各位代表：

一、2023年工作回顾

（一）产业发展
经济指标稳步回升。全年完成地方财政收入 9 亿元；社会消费品零售总额 30 亿元。
**载体空间加速拓展。**新建科技园一座。

二、2024年工作安排

（一）重点工程
推进某某路
新建工程，年内竣工。
"""


def test_a_small_report_made_for_the_rules():
    report = load_text(REPORT)
    assert (report.district, report.town, report.date.isoformat()) == ("嘉定区", "马陆镇", "2024-01-08")
    review, plan = report.part("review"), report.part("plan")
    # One short first sentence alone is not a lead phrase (a part needs three).
    assert [s.text for s in review.sentences()] == [
        "经济指标稳步回升。",
        "全年完成地方财政收入9亿元；",
        "社会消费品零售总额30亿元。",
        "新建科技园一座。",
    ]
    assert [s.text for s in plan.sentences()] == ["推进某某路新建工程，年内竣工。"]
    assert [s.title for s in plan.sections] == ["（一）重点工程"]


def test_ids_are_stable_and_derive_from_content():
    first, second = load_text(REPORT), load_text(REPORT)
    assert [s.id for s in first.sentences()] == [s.id for s in second.sentences()]
    assert first.id != load_text(REPORT + "\n").id


def test_text_without_parts_is_not_a_work_report():
    with pytest.raises(LoaderError, match="not a work report"):
        load_text("关于某事的通知\n\n请各单位按时报送材料。\n", source="notice.txt")


def test_year_at_line_start_is_not_a_footnote():
    text = REPORT.replace("（一）重点工程\n", "（一）重点工程\n\n2024 年是关键之年。\n\n")
    plan = load_text(text).part("plan")
    assert [s.text for s in plan.sentences()][0] == "2024年是关键之年。"


def test_an_excerpt_that_opens_inside_the_review_loads_by_its_review_formula():
    text = (
        "索引号：000/2009-01 | 发布机构：某区马陆镇 |\n"
        "2008年在区委、区政府和镇党委的领导下，在镇人大的监督支持下，镇政府团结带领全镇人民，圆满完成各项目标任务。"
        "全镇实现生产总值8000万元，增长12%。\n"
    )
    report = load_text(text)
    review = report.part("review")
    assert review is not None and (review.period.start.year, review.period.end.year) == (2008, 2008)
    assert any("生产总值" in s.text for s in review.sentences())


def test_themes_numbered_under_an_unnumbered_review_heading_are_its_sections():
    text = (
        "政府工作报告\n——2020年6月19日在马陆镇第六届人民代表大会第七次会议上\n各位代表：\n"
        "现在，我代表马陆镇人民政府向大会报告工作。\n2019年和今年以来工作回顾\n"
        "一、全面发展镇村经济\n2019年，我镇完成财政总收入7000万元，增长12%。\n"
        "二、持续改善民生\n新建养老院一所。\n"
    )
    report = load_text(text)
    assert [p.kind for p in report.parts if p.kind != "front"] == ["review"]
    assert any("财政总收入" in s.text for s in report.part("review").sentences())


def test_a_heading_about_how_targets_were_met_is_a_review():
    text = (
        "各位代表：\n现在，我代表马陆镇人民政府向大会报告工作。\n2022年以来，在区委、区政府的领导下，马陆镇稳步发展。\n"
        "一、年度目标任务完成情况\n全年完成固定资产投资5亿元。\n"
    )
    report = load_text(text)
    assert report.part("review") is not None and report.part("plan") is None
    assert report.part("review").period.start.year == 2022  # undated: the year the opening names


def test_a_title_naming_both_halves_gives_each_its_year():
    text = (
        "某某街道2023年工作总结及2024年工作计划\n\n2023年，某某街道在区委、区政府坚强领导下，较好完成了全年各项目标任务。"
        "现将2023年度目标任务完成情况报告如下：\n一、2023年工作完成情况\n完成固定资产投资5亿元。\n"
    )
    report = load_text(text)
    assert [p.kind for p in report.parts if p.kind != "front"] == ["review"]  # 现将…报告如下 is no heading
    assert (report.part("review").period.start.year, report.planned.start.year) == (2023, 2024)


def test_a_review_of_a_five_year_plan_era_covers_it():
    text = "大塘镇2021年政府工作报告\n\n2020年工作及“十三五”时期发展回顾\n一年来，全镇经济平稳发展。\n"
    review = load_text(text).part("review")
    assert (review.period.start.year, review.period.end.year) == (2016, 2020)


def test_a_report_in_traditional_characters_with_pinyin_is_read_in_simplified():
    text = (
        "馬陸鎮(zhèn)2023年上半年工作總結(jié)及下半年工作計劃\n一、2023年上半年工作總結(jié)\n"
        "在區(qū)委、區(qū)政府的正確領(lǐng)導(dǎo)下，全鎮(zhèn)完成財政總收入5000萬元。\n"
    )
    report = load_text(text)
    assert report.town == "马陆镇" and report.planned.start.month == 7
    sentence = next(s for s in report.part("review").sentences() if "财政总收入" in s.text)
    assert "(" not in sentence.text
    assert text[sentence.start : sentence.end].startswith("在區(qū)委")  # offsets point into the original
    assert any("traditional" in w for w in report.warnings)


def test_a_review_numbered_by_its_themes_before_the_plan_is_the_review():
    # No review heading: the themes 一、… and the opening's paragraph before 二、2024年工作安排
    # are the year's review, not parts of no kind.
    from loaders import load_text

    text = (
        "政府工作报告\n——2024年1月10日在华亭镇第八届人民代表大会第五次会议上\n各位代表：\n"
        "现在，我代表镇人民政府向大会报告工作。\n过去一年，全镇实现地区生产总值56亿元，增长6%。\n"
        "一、凝心聚力谋发展，经济实力稳步提升\n全年完成固定资产投资12亿元，增长8%。\n"
        "二、2024年工作安排\n全镇生产总值增长6%左右。\n"
    )
    report = load_text(text, "themes.txt")
    assert [p.kind for p in report.parts] == ["front", "review", "plan"]
    assert any("固定资产投资12亿元" in s.text for s in report.part("review").sentences())


def test_a_five_year_review_with_its_themes_numbered_again():
    # 镇2010年工作总结及2011年工作目标思路规划 is the title; 一、“十一五”回顾 covers 2006–2010
    # (not the year its first paragraph names); its themes 一、二、 are its sections.
    from datetime import date

    from loaders import load_text

    text = (
        "镇2010年工作总结及2011年工作目标思路规划\n\n一、“十一五”回顾\n\n2006年以来，在县委、县政府的坚强领导下，全镇经济持续增长。\n\n"
        "一、农业产业结构不断优化\n\n全镇新建茶叶基地16个。\n\n二、农村基础设施建设不断加强\n\n适龄入学率达到100%。\n"
    )
    report = load_text(text, "era.txt")
    review = report.part("review")
    assert (review.period.start, review.period.end) == (date(2006, 1, 1), date(2010, 12, 31))
    assert [p.kind for p in report.parts if p.kind != "front"] == ["review"]
    assert report.planned.start == date(2011, 1, 1)


def test_a_plan_naming_its_era_in_its_first_paragraph():
    from datetime import date

    from loaders import load_text

    text = (
        "一、背景和依据\n溪口镇国民经济和社会发展“第十四个”五年规划，是全镇在“十四五”期间的行动纲领。\n"
        "二、工作目标\n规上工业产值年均增长8%左右。\n"
    )
    plan = load_text(text, "era_plan.txt").part("plan")
    assert (plan.period.start, plan.period.end) == (date(2021, 1, 1), date(2025, 12, 31))


def test_a_half_year_summary_cut_short_loads_by_its_review_statement():
    # No title, no heading of a part: the review's own opening (今年以来…取得新进展) says
    # what the text is; it loads with a warning naming what was assumed.
    text = (
        "今年以来，西城街道深入贯彻落实区委、区政府决策部署，各项工作取得新进展、新成效。\n"
        "一、坚持项目牵引，推动经济发展。上半年完成一般公共预算收入1亿元，占年度目标任务的40%。\n"
    )
    report = load_text(text)
    assert report.part("review") is not None
    assert any("no review or plan heading" in w for w in report.warnings)


def test_a_towns_list_of_works_promised_is_a_plan_under_its_published_name():
    text = (
        "某市政府门户网站 政务邮箱\n当前位置: 首页>街镇\n\n中塘镇公布2024年10项民心工程\n发布日期: 2024-03-08\n\n"
        "近日，中塘镇第五届人民代表大会第四次会议经票决产生中塘镇2024年10项民心工程。\n\n"
        "1、万安路道路维修工程。\n\n2、盛达北街工程。\n"
    )
    report = load_text(text)
    assert report.title == "中塘镇公布2024年10项民心工程"
    assert report.part("plan") is not None and report.part("plan").period.start.year == 2024
    # The headline is the page's title, not a sentence of the plan (it was read as a promise).
    plan = [s.text for s in report.part("plan").sentences()]
    assert "中塘镇公布2024年10项民心工程" not in plan and any("万安路" in t for t in plan)


def test_a_heading_may_give_its_year_without_nian():
    from loaders.periods import part_period

    assert part_period("review", "回顾2021", None).start.year == 2021
    assert part_period("plan", "展望2022", None).end.year == 2022
    assert part_period("plan", "托口镇2018工作计划", None).start.year == 2018
    # a copy site's number before another heading is no year of it
    assert part_period("review", "2023乡镇经济社会发展情况汇报", None) is None


def test_a_half_year_work_report_cut_before_its_plan_plans_the_second_half():
    text = (
        "横渡镇人民政府2025年上半年工作报告\n——2025年7月10日在横渡镇第五届人民代表大会第八次会议上\n各位代表：\n"
        "现在，我代表横渡镇人民政府向大会报告工作，请予审议。\n一、上半年工作回顾\n上半年，全镇完成财政收入1000万元。\n"
    )
    report = load_text(text)
    assert report.planned is not None and (report.planned.start.month, report.planned.end.month) == (7, 12)


def test_a_news_account_of_a_towns_works_for_the_year_plans_that_year():
    text = (
        "季市镇今年实施5项民生实事\n\n近日，记者从季市镇获悉，该镇2025年度5项民生实事重点项目正在有序推动中。\n\n"
        "农民小集中居住建设项目将建设60余套住房。\n"
    )
    plan = load_text(text).part("plan")
    assert plan is not None and plan.period is not None and plan.period.start.year == 2025


@pytest.mark.parametrize(
    "review, plan, expected",
    [
        ("一、本届政府工作回顾", "二、对新一届政府工作的建议", ((2017, 2021), (2022, 2026))),
        ("一、“十三五”时期工作回顾", "二、“十四五”时期发展目标和2021年工作安排", ((2016, 2020), (2021, 2025))),
    ],
)
def test_five_year_plan_parts_of_a_new_term(review, plan, expected):
    text = (
        "西湖镇政府工作报告\n——2022年1月10日在西湖镇第十八届人民代表大会第一次会议上\n各位代表：\n"
        f"现在，我代表镇人民政府向大会报告工作。\n{review}\n全镇实现生产总值10亿元。\n{plan}\n完成道路建设。\n"
    )
    if "十四五" in plan:
        text = text.replace("2022年1月10日", "2021年1月10日")
    report = load_text(text)
    got = tuple((p.period.start.year, p.period.end.year) for p in (report.part("review"), report.part("plan")))
    assert got == expected


def test_a_report_on_how_proposals_were_handled_is_no_plan():
    from loaders.headings import part_kind

    assert part_kind("人大代表建议办理情况") == "review"


@pytest.mark.parametrize(
    "opening",
    [
        "2023年是开局之年。一年来，在区委、区政府的坚强领导下，我们团结带领全镇人民，较好完成了全年目标任务。",
        "今年以来，街道在区委、区政府的正确领导下，紧紧围绕年度目标，各项工作有序推进。",
        "一年来，全镇上下凝心聚力，经济社会保持平稳健康发展。",
        "2023年，全镇实现地区生产总值10亿元，增长6%，完成财政收入2亿元。",
    ],
)
def test_a_review_cut_short_loads_by_any_of_the_genres_openings(opening):
    report = load_text(opening + "\n全镇实现地区生产总值10亿元，增长6%。\n")
    review = report.part("review")
    assert review is not None
    # The review starts at the opening itself, and what follows it is read as review too.
    sentences = [s.text for s in review.sentences()]
    assert sentences[0] in opening and any(t.startswith("全镇实现地区生产总值10亿元") for t in sentences)
    assert any("no review or plan heading" in w for w in report.warnings)


def test_a_review_cut_short_keeps_its_paragraphs_when_a_later_one_states_a_plan():
    # Found in review: the plan's statement was searched over the whole text before the
    # review's own opening, so the review's paragraphs became front matter.
    report = load_text(
        "一年来，在区委、区政府的坚强领导下，我们团结带领全镇人民，较好完成了全年目标任务。\n"
        "全镇实现地区生产总值10亿元，增长6%。\n"
        "2024年，我镇将继续推进产业园建设。\n"
    )
    review = report.part("review")
    assert review is not None
    sentences = [s.text for s in review.sentences()]
    assert sentences[0].startswith("一年来") and any(t.startswith("全镇实现地区生产总值10亿元") for t in sentences)
    front = report.part("front")
    assert front is None or not any("地区生产总值" in s.text for s in front.sentences())
    # …and the paragraph opening with the plan's statement starts the plan.
    plan = report.part("plan")
    assert plan is not None and plan.period.start.year == 2024
    assert [s.text for s in plan.sentences()] == ["2024年，我镇将继续推进产业园建设。"]


@pytest.mark.parametrize(
    "opening",
    [
        # A summary's review opens with what its year was, then the unit at work.
        "2020年是全面建成小康社会的决胜之年，南湖街道在区委区政府的正确领导下，攻坚克难，奋力前行。",
        # …or with the stretch it covers and the unit, in no set wording of achievement.
        "一年来，长林街道上下全力以赴，共谋发展，展现新风采。",
        "2023年，长林街道聚焦三大工作主线，谋篇布局全年工作。",
    ],
)
def test_a_summary_with_no_heading_loads_by_its_reviews_opening(opening):
    report = load_text(f"{opening}\n（一）聚焦目标争先进位\n1-10月，街道累计完成税收收入4.1亿元，同比增长9.06%。\n")
    review = report.part("review")
    assert review is not None and [s.text for s in review.sentences()][0] in opening


def test_a_situation_report_is_a_work_report():
    # 情况汇报: what a town reports to the county or its congress on the half-year's work.
    report = load_text("镇2017年上半年主要工作完成情况汇报\n（一）工业经济\n全镇完成工业总产值5亿元，同比增长8%。\n")
    assert report.part("review") is not None


def test_a_first_paragraph_taken_for_a_title_promises_no_plan():
    # A text that lost its title: its first paragraph names a 规划 and a year, but no document.
    report = load_text(
        "2020年是全面建成小康社会的决胜之年和“十三五”规划的收官之年，南湖街道在区委区政府的正确领导下，攻坚克难。\n"
        "（一）夯基础、扩优势，经济发展稳中向好\n预计全年完成公共财政预算收入4.8亿元，同比增长9.6%。\n"
    )
    assert report.part("review") is not None and report.planned is None


def test_a_first_paragraph_announcing_the_plan_dates_it():
    # 现将…及2024年工作计划报告如下: the report's contents, its plan among them, announced.
    report = load_text(
        "今年来，我乡上下紧紧围绕年初各项目标任务，各项工作稳步推进。现将2023年工作开展情况及2024年工作计划报告如下：\n"
        "一、2023年工作回顾\n全乡实现生产总值10亿元，同比增长6%。\n"
    )
    assert report.planned is not None and report.planned.start.year == 2024


def test_an_account_of_the_years_figures_is_read_as_review():
    # A page that gives the town's year in figures (a news account of its review) loads.
    report = load_text(
        "江南时报讯 2020年以来，面对复杂多变的形势，千岭镇交出优异答卷。全年完成地区生产总值226亿元，较上年度增长1.7%；"
        "一般公共预算收入22.5亿元，增长0.2%。\n在日前召开的大会上，镇党委书记向全镇发出奋进号召。\n"
    )
    assert report.part("review") is not None


@pytest.mark.parametrize(
    "title, planned",
    [
        ("西湖镇2022年政府工作报告", None),  # the plan may be of the next year or the next five
        ("西湖镇2021年工作及五年回顾和2022年工作计划", 2022),  # …unless the title names it
    ],
)
def test_a_term_report_cut_short_in_its_review_plans_no_period_it_does_not_state(title, planned):
    report = load_text(
        f"{title}\n——2022年1月10日在西湖镇第十八届人民代表大会第一次会议上\n各位代表：\n"
        "现在，我代表镇人民政府向大会报告工作。\n一、过去五年工作回顾\n五年来，全镇实现生产总值10亿元。\n"
    )
    assert report.part("review").period.start.year == 2017
    assert (report.planned.start.year if report.planned else None) == planned


def test_an_undated_review_takes_the_year_its_opening_names_after_a_clause_of_rhetoric():
    report = load_text(
        "时间从未停止前行的脚步，2021年南湖街道在区委、区政府的正确领导下，攻坚克难。\n"
        "一、工作开展情况\n一年来，我们担当尽责，全街道实现税收收入2亿元。\n"
    )
    assert report.part("review").period.start.year == 2021


def test_a_summary_titled_with_its_plan_in_other_words_plans_that_year():
    # 谋划, 思路, 设想: the plan words of part headings name the plan in a title too.
    report = load_text(
        "镇2023年工作总结和2024年工作谋划\n今年以来，全镇经济社会发展取得了新的进步和成效。\n"
        "一、2023年工作推进情况\n全镇粮食播种面积4.5万亩。\n"
    )
    assert report.planned is not None and report.planned.start.year == 2024


def test_a_news_sentence_ending_in_a_township_word_names_no_town():
    report = load_text(
        "平安县文城乡第十七届人民代表大会第二次会议隆重开幕 2023-12-28 14:59:57  来源：中华网\n\n"
        "12月26日上午，平安县文城乡第十七届人民代表大会第二次会议在乡政府四楼会议室隆重开幕。\n\n"
        "副乡长在2023年工作回顾中表示，2023年，在县委、县政府的正确领导下，全乡呈现经济快速发展的良好局面。\n"
    )
    assert report.town in (None, "文城乡")


def test_a_news_account_of_a_vote_on_the_years_works_is_the_plan():
    report = load_text(
        "3月28日上午，九华乡召开第十五届人民代表大会第七次会议，大会应到代表52名，实到代表48名。\n"
        "全体与会代表审议通过了《政府工作报告》，审查通过了《九华乡2024年财政预算执行情况和2025年财政预算的报告》。"
        "会议票决了6项2025年度九华乡重点民生实事项目：\n1.桥庵村绿化整治项目\n2.二圣村道路建设项目\n"
    )
    assert report.date is not None and report.date.isoformat() == "2025-03-28"
    plan = report.part("plan")
    assert plan is not None and plan.period.start.year == 2025 and report.part("review") is None


@pytest.mark.parametrize("adopted", ["审议通过了", "表决通过了", "投票选出"])
def test_a_session_that_adopts_the_years_works_states_the_plan(adopted):
    # The session's adoption of the list is the same act as the deputies' 票决, in the words of
    # the account: a town's plan, not a text to refuse.
    report = load_text(
        "柳林镇召开第十八届人民代表大会第三次会议\n"
        f"3月5日，柳林镇第十八届人民代表大会第三次会议召开。会议{adopted}2024年民生实事项目：新建镇中心小学教学楼，"
        "改造农村公路15公里，实施东河村污水管网工程。\n"
    )
    plan = report.part("plan")
    assert plan is not None and plan.period.start.year == 2024 and report.part("review") is None


def test_adopting_the_rules_of_the_vote_or_the_account_of_last_years_works_states_no_plan():
    # 审议通过了《…票决制的实施办法》 adopts how deputies vote, and 审议通过了…民生实事项目完成情况
    # the account of works done: neither is the year's list.
    head = "柳林镇召开第十八届人民代表大会第三次会议\n3月5日，柳林镇第十八届人民代表大会第三次会议召开。"
    with pytest.raises(LoaderError):
        load_text(head + "会议审议通过了《柳林镇人民代表大会关于民生实事项目人大代表票决制的实施办法》。\n")
    assert load_text(head + "会议审议通过了2023年民生实事项目完成情况的报告。\n").part("plan") is None


def test_a_congress_account_states_the_plan_by_the_towns_own_name():
    report = load_text(
        "鹿乡镇第二十一届人民代表大会第五次会议召开\n时间：2024-12-12 来源：融媒\n12月11日，鹿乡镇第二十一届人民代表大会第五次会议召开。\n"
        "2024年，鹿乡镇政府围绕战略目标，奋力攻坚克难，经济社会保持平稳健康发展。\n2025年，鹿乡镇将继续推进项目建设。\n"
    )
    assert report.part("plan") is not None and report.part("plan").period.start.year == 2025


@pytest.mark.parametrize(
    "headline",
    ["良江镇2024年重点民生实事项目完美“交卷”", "上戈镇：人大监督民生实事，提升群众幸福感"],
)
def test_an_account_of_how_the_voted_works_went_is_a_review(headline):
    report = load_text(
        f"{headline}\n时间：2024-12-18\n"
        "今年以来，良江镇加快推进农村基础工程建设。在年初召开的镇人民代表大会上，代表们票决出2024年重点民生实事项目4个，目前均已完工。\n"
    )
    review = report.part("review")
    assert report.part("plan") is None and review is not None and review.period.start.year == 2024


def test_a_feature_giving_the_months_figures_reads_as_review():
    report = load_text(
        "常州某镇：壮大特色产业 推动乡村振兴\n\n近日，一家企业正在安装新设备。\n\n"
        "1—6月，湟里镇完成工业总产值153亿元，其中规模以上工业产值145.7亿元，同比增长2.9%。\n"
    )
    assert report.part("review") is not None


def test_the_announcement_of_a_voted_list_is_no_part_of_the_plan():
    report = load_text(
        "大新镇2024年民生实事项目公布\n来源：大新镇 发布时间：2024-01-04 10:19:00\n"
        "经大新镇第十七届人民代表大会第五次会议全体代表票决，产生2024年大新镇十大民生实事项目，现公布如下：\n"
        "1\n镇区积水点专项整治项目\n对全镇积水点进行集中专项整治。\n"
    )
    plan = report.part("plan")
    assert plan is not None and plan.period.start.year == 2024
    assert not any("现公布如下" in s.text for s in plan.sentences())


@pytest.mark.parametrize(
    "heading",
    [
        "一、坚决贯彻落实上级决策部署，经济运行稳中向好",
        "一、认真落实县委部署，各项工作扎实推进",
        "三、抓好部署落实，狠抓作风建设",
    ],
)
def test_a_review_theme_carrying_out_the_deployment_is_no_plan(heading):
    from loaders.headings import part_heading

    assert part_heading(heading)[1] == "other"
    assert part_heading("三、2025年工作部署")[1] == part_heading("二、下一步工作部署")[1] == "plan"
    report = load_text(
        f"城南镇2023年工作总结\n\n2023年，城南镇在县委县政府的坚强领导下，各项工作取得新成效。\n\n{heading}\n"
        "全年完成地区生产总值25亿元，同比增长6%。新建城南路改造工程，已竣工投用。\n\n"
        "三、2024年工作打算\n2024年，我镇将加快建设城南公园。\n"
    )
    plan = report.part("plan")
    assert plan.period.start.year == 2024 and not any("城南路" in s.text for s in plan.sentences())


@pytest.mark.parametrize(
    "paragraph",
    [
        "2023年，城南镇将乡村振兴作为全镇工作的重中之重，新建城南路改造工程，已竣工投用。",  # 将 as 把: took X as
        "今年，我镇将招商引资作为“一号工程”，新引进项目12个，总投资20亿元。",
        "2023年，我镇将改革创新贯穿全年工作始终，新建城南路改造工程，已竣工投用。",  # the review's own year
    ],
)
def test_a_paragraph_of_the_reviews_own_year_is_no_plan_statement(paragraph):
    opening = "城南镇2023年工作总结\n\n一年来，城南镇在县委县政府的坚强领导下，各项工作取得新成效。\n\n全年完成地区生产总值25亿元，同比增长6%。\n\n"
    report = load_text(opening + paragraph + "\n")
    assert report.part("plan") is None and report.part("review").period.start.year == 2023
    later = load_text(opening + paragraph + "\n\n2024年，我镇将加快建设城南公园。\n")
    assert later.part("plan").period.start.year == 2024


def test_a_headline_and_a_paragraph_taking_x_as_the_focus_is_no_plan():
    report = load_text(
        "城南镇：奋力谱写高质量发展新篇章\n\n"
        "2023年，城南镇将乡村振兴作为全镇工作的重中之重，全年完成地区生产总值25亿元，同比增长6%。\n\n"
        "城南路改造工程已竣工投用，新建城南公园1座。\n"
    )
    assert report.part("plan") is None and report.part("review").period.start.year == 2023


@pytest.mark.parametrize("title", ["白鹤镇2024年政府工作报告", "白鹤镇召开2024年人代会", "白鹤镇2024年人代会政府工作"])
def test_a_title_naming_the_session_year_reviews_the_year_before(title):
    report = load_text(
        f"{title}\n\n各位代表：\n\n一、过去一年工作回顾\n过去一年，全镇完成地区生产总值25亿元，同比增长6%。\n\n"
        "二、今年工作安排\n今年，我镇将新建白鹤公园。\n"
    )
    assert (report.part("review").period.start.year, report.part("plan").period.start.year) == (2023, 2024)


def test_a_headline_of_a_vote_with_deputies_watching_over_it_is_a_plan():
    # 监督 in a vote's headline tells what the deputies will do, not how the works went.
    report = load_text(
        "城南镇票决2025年民生实事项目 人大代表全程监督\n\n"
        "3月6日，城南镇第十九届人民代表大会第三次会议召开，会议票决通过了城南路改造工程、城南公园建设项目等5项2025年民生实事项目。\n\n"
        "下一步，镇人大将组织代表全程监督项目实施。\n"
    )
    assert report.part("review") is None and report.part("plan").period.start.year == 2025


def test_a_running_head_between_the_halves_of_a_sentence_is_no_row():
    # A PDF's running head with its page number (城南镇政府工作报告 — 3) is page furniture: the
    # sentence runs on across it, whole (the reviewer's input).
    report = load_text(
        "城南镇2024年政府工作报告\n\n各位代表：\n\n一、2023年工作回顾\n"
        "全年完成地区生产总值25亿元，同比增长6%，新建城南路改造\n城南镇政府工作报告 — 3\n工程，已竣工投用。\n\n"
        "二、2024年工作安排\n新建城南公园。\n"
    )
    assert [s.text for s in report.part("review").sentences()] == [
        "全年完成地区生产总值25亿元，同比增长6%，新建城南路改造工程，已竣工投用。"
    ]


def test_two_years_reports_of_a_town_on_one_page_load_the_first_with_a_warning():
    # A page carrying two reports (two years of one town) is not refused: the first is read,
    # the second's title block and parts left out, and the warning says where it starts.
    first = (
        "白鹤镇2023年政府工作报告\n\n各位代表：\n\n一、2022年工作回顾\n全镇完成地区生产总值25亿元，同比增长6%。\n\n"
        "二、2023年工作安排\n新建白鹤公园。\n"
    )
    second = first.replace("2023", "2024").replace("2022", "2023").replace("25亿元", "27亿元")
    report = load_text(first + "\n" + second)
    assert [p.kind for p in report.parts] == ["front", "review", "plan"]
    assert [s.text for s in report.part("plan").sentences()] == ["新建白鹤公园。"]
    assert any("a second review part starts at line 11" in w for w in report.warnings)


@pytest.mark.parametrize(
    ("opening", "start"),
    [
        ("现在，我代表白鹤镇人民政府，向大会报告过去五年的工作和今后五年的工作建议，请予审议。", 2017),
        ("现在，我代表白鹤镇人民政府，向大会报告工作，请予审议。\n\n一、主要工作回顾\n过去五年，全镇上下", 2017),
        ("现在，我代表白鹤镇人民政府，向大会报告工作，请予审议。", 2021),
    ],
)
def test_a_terms_review_is_told_by_the_opening_formula_or_its_first_words(opening, start):
    text = (
        "政府工作报告\n——2022年1月8日在白鹤镇第十八届人民代表大会第三次会议上\n\n各位代表：\n\n"
        f"{opening}\n\n一、主要工作回顾\n全镇完成地区生产总值25亿元，同比增长6%。\n"
    )
    period = load_text(text).part("review").period
    assert (period.start.year, period.end.year) == (start, 2021)


def test_a_quarters_summary_reviews_its_months():
    text = (
        "白鹤镇2023年一季度工作总结\n\n一季度，白鹤镇各项工作有序推进。\n\n"
        "一、经济运行平稳。全镇完成财政收入1000万元，同比增长5%。\n"
    )
    period = load_text(text).part("review").period
    assert (period.start.isoformat(), period.end.isoformat()) == ("2023-01-01", "2023-03-31")


@pytest.mark.parametrize(
    "title", ["白鹤镇2020年前三季度工作总结", "白鹤镇2020年1-9月工作情况汇报", "白鹤镇2020年1—10月份工作总结"]
)
def test_a_summary_of_the_year_so_far_reviews_its_calendar_year(title):
    # A review written before the year ended covers its calendar year (corpus README), even
    # on a page dated in September, which would otherwise read as a mid-year report.
    text = (
        f"{title}\n发布日期：2020-09-28\n\n今年以来，白鹤镇各项工作有序推进。\n\n"
        "一、经济运行平稳。全镇完成财政收入1000万元，同比增长5%。\n"
    )
    period = load_text(text).part("review").period
    assert (period.start.isoformat(), period.end.isoformat()) == ("2020-01-01", "2020-12-31")


@pytest.mark.parametrize(
    ("title", "kind", "year"),
    [
        # A list of the year's works under a title the loader knew no word of: a plan, by
        # its count of works (十件实事) or by what its items do (年内竣工, 计划…完工).
        ("白鹤镇2024年十件实事", "plan", 2024),
        ("白鹤镇2024年惠民清单", "plan", 2024),
    ],
)
def test_a_numbered_list_of_the_years_works_is_a_plan(title, kind, year):
    text = (
        f"{title}\n\n1.白鹤中心小学改扩建工程。新建教学楼一幢，年内竣工投用。\n"
        "2.S305线白鹤段道路提升工程。拓宽道路2.5公里，计划9月底前完工。\n"
        "3.农村饮水安全巩固提升工程。新建供水管网12公里，力争10月底前通水。\n"
    )
    report = load_text(text)
    assert [p.kind for p in report.parts if p.kind in ("review", "plan")] == [kind]
    assert report.part(kind).period.start.year == year


def test_a_numbered_list_of_works_told_as_done_is_a_review():
    text = (
        "白鹤镇2023年重点项目推进情况\n1.白鹤中心小学改扩建工程。已完成主体建设，完成投资2000万元。\n"
        "2.S305线白鹤段道路提升工程。已完成路基工程，完成投资1500万元。\n"
        "3.农村饮水安全巩固提升工程。已铺设管网10公里，完成年度计划的83%。\n"
    )
    report = load_text(text)
    assert report.part("plan") is None and report.part("review").period.start.year == 2023


def test_a_list_of_works_without_any_year_is_still_no_work_report():
    with pytest.raises(LoaderError, match="not a work report"):
        load_text("白鹤镇：\n\n1.白鹤小学改扩建工程。年内竣工。\n2.道路提升工程。9月底前完工。\n3.供水工程。年内通水。\n")


def test_a_heads_account_of_the_year_is_a_review():
    text = (
        "白鹤镇镇长述职报告\n\n本人认真履行职责，各项工作稳步推进。\n一、经济运行平稳。全年完成地区生产总值25亿元，同比增长6%。\n"
    )
    assert load_text(text).part("review") is not None


def test_a_half_year_review_states_its_plan_in_a_paragraph():
    # No plan heading: 下半年，我镇将…： after the first half's review opens the plan.
    text = (
        "白鹤镇2023年上半年工作总结\n——2023年7月12日\n\n今年以来，白鹤镇在县委、县政府的正确领导下，各项工作取得新进展。\n"
        "一、上半年工作开展情况\n（一）经济运行稳中有进。上半年完成地区生产总值12亿元，同比增长6%。\n"
        "下一步，我们将继续抓好经济运行。\n"
        "下半年，我镇将重点抓好以下工作：\n（一）全力抓好项目建设。确保白鹤中心小学改扩建工程年内投用。\n"
    )
    report = load_text(text)
    plan = report.part("plan")
    assert (plan.period.start.isoformat(), plan.period.end.isoformat()) == ("2023-07-01", "2023-12-31")
    # 下一步，我们将… ends a theme of the review: it stays in the review.
    assert any("下一步" in s.text for s in report.part("review").sentences())


def test_a_summarys_themes_before_its_plan_heading_are_its_review():
    text = (
        "白鹤镇2023年上半年工作总结\n\n今年以来，白鹤镇在县委、县政府的正确领导下，各项工作取得新进展。\n"
        "一、经济运行稳中有进。上半年完成地区生产总值12亿元，同比增长6%。\n"
        "二、项目建设加快推进。白鹤中心小学改扩建工程主体完工。\n"
        "三、下半年工作打算\n（一）全力抓好项目建设。确保白鹤中心小学改扩建工程年内投用。\n"
    )
    report = load_text(text)
    review, plan = report.part("review"), report.part("plan")
    assert (review.period.end.month, plan.period.start.month) == (6, 7)
    assert any("地区生产总值" in s.text for s in review.sentences())


@pytest.mark.parametrize(
    ("title", "planned"),
    [
        # The title names the year the review covers: it promises no plan the text lacks.
        ("清水河街道2021年工作报告", None),
        # …the congress's year (the review is of the year before) or the plan itself: it does.
        ("清水河街道2022年工作报告", 2022),
        ("清水河街道2021年工作总结及2022年工作计划", 2022),
    ],
)
def test_a_report_cut_before_its_plan_plans_only_what_its_title_names(title, planned):
    text = f"{title}\n\n2021年，清水河街道在区委、区政府的正确领导下，各项工作取得新成效。\n一、经济发展。全年完成税收收入1.2亿元，同比增长6%。\n"
    report = load_text(text)
    assert report.part("review").period.start.year == 2021
    assert (report.planned.start.year if report.planned else None) == planned


def test_a_news_account_of_a_half_year_session_dates_it_from_the_reports_headings():
    # The session's day has no year; the report's own heading (2025年上半年工作回顾:) gives it,
    # and headings ending in a colon are headings still.
    text = (
        "8月8日，千垛镇第二届人民代表大会第九次会议召开。\n镇长作《政府上半年经济和社会发展情况的报告》。\n"
        "2025年上半年工作回顾:\n今年以来，在市委、市政府和镇党委的正确领导下，全镇各项事业发展取得新成效。\n"
        "下半年工作任务:\n下半年是完成全年目标任务的攻坚阶段。\n"
    )
    report = load_text(text)
    assert report.date.isoformat() == "2025-08-08"
    assert (report.part("review").period.end.month, report.part("plan").period.start.month) == (6, 7)


def test_a_news_account_of_a_session_gives_the_reports_review_and_the_votes_plan():
    text = (
        "4月29日至30日，广武镇召开第七届人民代表大会第四次会议。\n"
        "镇长代表镇政府向大会作《政府工作报告》。报告全面回顾了2024年广武镇在经济发展等方面所取得的成绩，"
        "并明确提出了2025年政府工作的总体要求。\n会议票决产生了2025年广武镇5项民生实事项目。\n"
    )
    report = load_text(text)
    assert report.part("review").period.start.year == 2024
    assert report.part("plan").period.start.year == 2025
    assert any("票决" in s.text for s in report.part("plan").sentences())


def test_a_report_heard_by_its_title_only_gives_no_review():
    text = (
        "3月6日，樟木镇第三届人民代表大会第七次会议隆重举行。\n"
        "会议听取和审议了《镇人民政府工作报告》，对樟木镇2024年拟票决的4个民生实事项目进行了票决。\n"
    )
    assert load_text(text).part("review") is None


def test_a_news_account_of_a_terms_first_session_reviews_the_term():
    # Heard by its title at a congress's first session (a new term): loaded as an account of
    # the report, whose review covers the term the account names (过去六年), else five years.
    text = (
        "1月5日至6日，金湖县银涂镇召开第二届人民代表大会第一次会议。\n\n"
        "大会听取并审议了政府工作报告、《银涂镇2021年财政预算执行情况和2022年财政预算安排情况的报告》。\n\n"
        "大会对镇人大、政府过去六年的工作予以充分肯定。\n"
    )
    report = load_text(text)
    assert report.date.isoformat() == "2022-01-05"
    period = report.part("review").period
    assert (period.start.year, period.end.year) == (2016, 2021)


def test_a_papers_page_on_a_vote_names_the_town_and_plans_the_whole_year():
    # 2021年6月2日 星期 is the paper's date line, not the session's; a vote on the year's works
    # published in June plans the year, not its second half; 促进镇人民政府 (promote the town
    # government's…) names no town.
    text = (
        "2021年6月2日 星期 放大 缩小 默认\n新安镇人大代表票决今年10项民生实事\n\n"
        "日前，在连云港市灌南县新安镇召开的第十五届人民代表大会第九次会议上，与会的120名人大代表"
        "对2021年镇政府提交的12项民生实事进行了票决，选出了新型社区改善项目等10个项目确定为今年的民生实事。\n\n"
        "该镇实施民生实事项目人大代表票决制，促进镇人民政府决策科学化。\n"
    )
    report = load_text(text)
    assert (report.town, report.district, report.date, report.published.isoformat()) == ("新安镇", "灌南县", None, "2021-06-02")
    assert (report.part("plan").period.start.isoformat(), report.part("plan").period.end.isoformat()) == (
        "2021-01-01",
        "2021-12-31",
    )


def test_an_account_of_the_report_names_the_years_of_its_parts():
    # A news account: the report 总结了2023年…，明确了2024年…目标任务 — the plan's year told
    # by the account, though no plan part is given.
    news = (
        "4月18日，新开地乡第十五届人民代表大会第六次会议胜利召开。\n"
        "会上，乡长作政府工作报告。报告全面、科学地总结了2023年新开地乡政府经济社会发展成就，"
        "明确了2024年政府工作总体要求和目标任务。\n"
    )
    report = load_text(news)
    assert (report.part("review").period.start.year, report.planned.start.year) == (2023, 2024)
    # A 政策解读 page's outline of the report: 第一部分，2023年工作回顾 … 第二部分，2024年的工作安排.
    outline = (
        "《2023年精武镇政府工作报告》政策解读\n一、《报告》起草过程\n2023年11月形成初稿，最终完成《2023年精武镇政府工作报告》。\n"
        "二、《报告》的主要内容\n《报告》共分为两个部分：\n第一部分，2023年工作回顾。《报告》从高质量发展成效显著等方面回顾了全年工作。\n"
        "第二部分，2024年的工作安排。\n"
    )
    report = load_text(outline)
    plan = report.part("plan").period if report.part("plan") else report.planned
    assert (report.part("review").period.start.year, plan.start.year) == (2023, 2024)


def test_a_news_item_on_the_works_a_township_settled_on_is_its_plan():
    # After an e-paper reader's furniture lines, one paragraph: the township settled on its
    # works by their count (最终确定9个项目) and what it will build (计划修建…).
    furniture = "电子报阅读机\n星期三\n当前报纸名称:亳州晚报\n\n开展公益事业项目建设\n\n日期:03-28\n字号:\n版面:第07版:区域\n上一篇\n下一篇\n"
    text = furniture + (
        "本报讯 近日，蒙城县王集乡积极推进农村公益事业财政奖补项目建设。该乡通过民主决策、实地勘察等，"
        "最终确定9个项目，总投资230余万元。项目涉及石山村、王窑村等9个村，计划修建村内道路4.2公里，安装路灯43盏。\n"
    )
    report = load_text(text)
    assert report.town == "王集乡" and report.part("plan") is not None and report.part("review") is None


def test_a_news_account_that_says_the_report_set_out_the_work_ahead_plans_the_next_year():
    text = (
        "2月25日，柳园镇第十四届人民代表大会第五次会议在镇政府会议室胜利召开。\n"
        "大会听取了镇长代表柳园镇人民政府所作的政府工作报告。\n"
        "会上，镇长对我镇2018年以来政府工作情况进行了全面系统地回顾，并对接下来的工作提出了努力方向。\n"
    )
    report = load_text(text)
    assert report.part("review").period.start.year == 2018
    assert (report.planned.start.year, report.planned.end.year) == (2019, 2019)
    # A full report cut before its plan, with its salutation, is not such an account (its plan
    # is the year after its review because it is a report to the congress, not by an account).
    full = "政府工作报告\n——2019年2月25日在柳园镇第十四届人民代表大会第五次会议上\n各位代表：\n\n一、2018年工作回顾\n新的一年，全镇完成财政收入1000万元。\n"
    assert not any("the account gives" in w for w in load_text(full).warnings)


def test_a_news_account_gives_the_era_the_report_looked_back_on():
    text = (
        "11月24日，早阳镇第十九届人民代表大会第一次会议在机关会议室召开，审议通过了早阳镇人民政府工作报告。\n"
        "镇长代表早阳镇人民政府作《政府工作报告》，报告从六个方面对2016年及“十二五”工作进行了回顾。\n"
    )
    period = load_text(text).part("review").period
    assert (period.start.year, period.end.year) == (2011, 2016)


@pytest.mark.parametrize(
    "sentence",
    ["年初确定的10项民生实事已全部完成，群众满意度进一步提升。", "今年，白云镇确定了8个民生项目，目前已全部完工。"],
)
def test_a_news_page_on_works_settled_and_finished_plans_nothing(sentence):
    # Works the town settled on and has finished (确定的…已全部完成) are an account, not a
    # plan: no commitments may come of them.
    text = "白云镇民生项目建设纪实\n\n" + sentence + "\n白云镇新建村道4公里，安装路灯50盏，惠及群众3000余人。\n"
    try:
        report = load_text(text)
    except LoaderError:
        return
    assert report.part("plan") is None and report.planned is None


def test_a_review_paragraph_on_next_years_work_is_no_second_plan_when_the_report_has_its_plan_heading():
    report = load_text(
        "白云镇2024年政府工作报告\n\n各位代表：\n\n一、2023年工作回顾\n（一）经济发展\n全镇完成地区生产总值25亿元，同比增长6%。\n"
        "2024年，我镇将继续巩固发展成果，重点抓好以下几项工作：\n新建白云公园。\n"
        "（二）民生事业\n新建村道4公里，已竣工投用。\n\n二、2024年工作安排\n新建白云中学。\n"
    )
    assert [p.kind for p in report.parts] == ["front", "review", "plan"]
    assert "新建村道4公里，已竣工投用。" in [s.text for s in report.part("review").sentences()]


def test_a_summary_that_recounts_the_years_launch_plans_no_period():
    # 年初…明确了2023年目标任务 in a summary of 2023 tells how the year began, not a plan.
    report = load_text(
        "白云镇2023年工作总结\n\n2023年，白云镇在区委、区政府的坚强领导下，各项工作稳步推进。"
        "年初，镇党委召开会议，安排部署2023年重点工作，明确了2023年目标任务。\n"
        "全年完成地区生产总值25亿元，同比增长6%。\n"
    )
    assert report.part("review").period.start.year == 2023
    assert report.part("plan") is None and report.planned is None


def test_a_county_congress_news_item_is_no_town_report():
    # 听取…县人民政府工作报告: the county's congress and the county's report, not a town's.
    text = (
        "固镇县第十八届人民代表大会第四次会议隆重开幕\n\n"
        "1月10日，固镇县第十八届人民代表大会第四次会议开幕。"
        "会议听取和审议了县人民政府工作报告，审查和批准了县2023年预算执行情况和2024年预算。\n"
        "代表们认为，报告实事求是，目标明确。\n"
    )
    with pytest.raises(LoaderError):
        load_text(text)
    # …a town's congress hearing its government's report is one.
    town = text.replace("固镇县", "固镇县连城镇").replace("县人民政府", "镇人民政府").replace("县2023", "镇2023")
    assert load_text(town).town == "连城镇"


def test_two_reports_on_one_page_cut_the_first_plan_at_the_second_title_not_at_a_sub_heading():
    first = (
        "白鹤镇2023年政府工作报告\n\n各位代表：\n\n一、2022年工作回顾\n全镇完成地区生产总值25亿元，同比增长6%。\n\n"
        "二、2023年工作安排\n（一）推进产业发展\n新建白鹤公园。\n（二）全面完成年度工作计划\n新建白鹤中学。\n"
    )
    second = "白鹤镇2024年政府工作报告\n\n各位代表：\n\n一、2023年工作回顾\n全镇完成地区生产总值27亿元，同比增长8%。\n\n二、2024年工作安排\n新建白鹤医院。\n"
    report = load_text(first + "\n" + second)
    assert [s.text for s in report.part("plan").sentences()] == ["新建白鹤公园。", "新建白鹤中学。"]
    assert any("a second review part starts at line 14" in w for w in report.warnings)


def test_a_theme_heading_after_a_title_read_as_a_plan_heading_is_no_second_report():
    # A plan's page: its title under the site's navigation reads as a plan heading, and its
    # first theme (一、基本情况) as a review: nothing opens a second report (no second title,
    # session line, salutation or town), so the whole text is read.
    nav = "首页>政府信息公开>规划计划\n\n白鹤镇2024年工作计划\n\n发布时间:2024-02-01\n\n内容概述 白鹤镇2024年工作计划\n\n"
    body = "一、基本情况\n2023年，全镇实现地区生产总值25亿元，同比增长6%。\n\n二、2024年主要目标\n地区生产总值增长7%。\n"
    report = load_text(nav + body)
    assert not any("more than one report" in w for w in report.warnings)
    assert "地区生产总值增长7%。" in [s.text for s in report.sentences()]
    # …nor is a plan's sentence that names the session it carries out (a session line is a
    # line of its own).
    report = load_text(nav + "全面完成在镇第十八届人民代表大会第三次会议上确定的目标任务。\n\n" + body)
    assert not any("more than one report" in w for w in report.warnings)


def test_a_text_cut_short_without_a_plan_period_says_so():
    # A year's summary whose saved text stops in its review: no heading, title or account names
    # the plan, and a summary not given to a congress is filed as often without a plan as with
    # one, so none is given — with a warning, not silently.
    report = load_text("白鹤镇2023年工作总结\n\n一、2023年工作回顾\n全镇完成财政收入1000万元，同比增长5%。\n")
    assert report.part("plan") is None and report.planned is None
    assert any(w.startswith("no plan part in the text") for w in report.warnings)


@pytest.mark.parametrize(
    "text",
    [
        # A half-year summary that stops in its review (its title names no plan)…
        "白鹤镇2023年上半年工作总结\n\n一、上半年工作回顾\n全镇完成财政收入1000万元，同比增长5%。\n",
        # …or without a title, its heading naming the half: the genre ends it with 下半年工作打算.
        "2023年上半年，白鹤镇在区委、区政府的正确领导下，各项工作稳步推进。\n一、2023年上半年工作总结\n全镇完成财政收入1000万元，同比增长5%。\n",
    ],
)
def test_a_half_year_account_cut_short_plans_the_second_half(text):
    report = load_text(text)
    assert report.part("plan") is None
    assert (report.planned.start, report.planned.end) == (date(2023, 7, 1), date(2023, 12, 31))
    assert any("as the kind of text plans" in w for w in report.warnings)


@pytest.mark.parametrize(
    ("head", "planned"),
    [
        # A report to the congress, its title naming no year: the year after its review.
        ("政府工作报告\n——2024年3月30日在白鹤镇第十八届人民代表大会第四次会议上\n", 2024),
        # …given in the December of the year it reviews: the year after still.
        ("政府工作报告\n——2023年12月27日在白鹤镇第十八届人民代表大会第四次会议上\n", 2024),
        # …undated, told by its opening formula alone.
        ("", 2024),
        # …given within the year it reviews (a mid-year session): what it plans is not known.
        ("政府工作报告\n——2023年9月12日在白鹤镇第十八届人民代表大会第四次会议上\n", None),
    ],
)
def test_a_report_to_the_congress_cut_short_plans_the_year_after_its_review(head, planned):
    text = (
        head
        + "各位代表：\n现在，我代表镇人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n全镇完成财政收入1000万元，同比增长5%。\n"
    )
    report = load_text(text)
    assert report.part("review").period.start.year == 2023 and report.part("plan") is None
    assert (report.planned.start.year if report.planned else None) == planned


@pytest.mark.parametrize("title", ["白鹤镇2023年半年工作总结", "白鹤镇2023年半年度工作情况汇报"])
def test_a_half_year_named_without_its_first_half_reviews_the_first_half(title):
    # 半年 alone in a title is the first half (was read as the year before the title's).
    text = (
        f"{title}\n\n今年以来，白鹤镇在县委、县政府的正确领导下，各项工作稳步推进，全镇完成财政收入1000万元，同比增长5%。\n\n"
        "一、经济运行平稳\n全镇完成规上工业产值4亿元，同比增长8%。\n"
    )
    period = load_text(text).part("review").period
    assert (period.start.isoformat(), period.end.isoformat()) == ("2023-01-01", "2023-06-30")


@pytest.mark.parametrize(
    "title",
    [
        "白鹤镇2023年工作情况汇报",
        "白鹤镇镇长2023年度述职述廉报告",
        "白鹤镇2023年主要工作完成情况",
        "白鹤镇2023年经济社会发展情况",
    ],
)
def test_a_towns_account_of_a_year_reviews_the_year_its_title_names(title):
    # Not a report to the congress, named by the year the congress meets in (2024年政府工作
    # 报告 over 2023): an account of 2023 under a title the genre gives it, loaded and dated so
    # even when its text names no year.
    text = (
        f"{title}\n\n在县委、县政府的正确领导下，白鹤镇紧紧围绕年初目标，各项工作稳步推进，"
        "全镇完成财政收入1000万元，同比增长5%，完成规上工业产值4亿元。\n\n产业发展稳步推进，新建标准厂房3万平方米。\n"
    )
    period = load_text(text).part("review").period
    assert (period.start.isoformat(), period.end.isoformat()) == ("2023-01-01", "2023-12-31")


def test_a_half_year_title_with_its_year_written_without_nian():
    # 2023上半年…和下半年工作打算: the year without 年 still names the half-year and its plan,
    # and the opening's 2023年，… dates the first half, not the year.
    text = (
        "白鹤镇2023上半年工作开展情况和下半年工作打算\n\n2023年，白鹤镇在县委、县政府的坚强领导下，深入学习贯彻党的二十大精神，"
        "全镇上下凝心聚力、攻坚克难，现就将上半年工作进展情况汇报如下：\n一、上半年取得的工作成绩\n（一）乡村振兴稳步推进。\n"
        "1、大力落实到户产业项目。投资120万元实施种植补助项目。\n"
    )
    report = load_text(text)
    period = report.part("review").period
    assert (period.start.isoformat(), period.end.isoformat()) == ("2023-01-01", "2023-06-30")
    assert report.planned is not None and report.planned.start.isoformat() == "2023-07-01"


def test_a_towns_account_titled_by_its_town_alone_is_a_work_report():
    # 白鹤镇工作亮点: the town's account of its work, under a title naming neither 总结 nor a year.
    text = (
        "白鹤镇工作亮点\n\n经济运行稳中向好。全镇完成地区生产总值25亿元，同比增长6%；"
        "完成一般公共预算收入1.2亿元，同比增长5.3%。\n"
    )
    assert load_text(text).part("review") is not None


@pytest.mark.parametrize(
    ("text", "kind", "year"),
    [
        # A paper's item on a town's targets for the year, with no work report's title or formula.
        (
            "本报讯 辛口镇努力适应经济发展新常态，全力以赴做好各项工作。\n发布时间：2016-01-29\n"
            "今年，辛口镇计划完成地区生产总值50.5亿元，同比增长25%；税收收入2.86亿元，同比增长30%。\n",
            "plan",
            2016,
        ),
        # A party committee's item on the town's key projects, each given a month to finish.
        (
            "[ 时间:2021-06-01 17:15 稿源:林头镇党委 ]\n累计征集“我为群众办实事”重点项目10项。\n"
            "由镇公路站负责的农村道路硬化项目，建设自然村内约12.3公里道路硬化，预计2021年11月份完成。\n"
            "由农业农村办负责的美丽乡村建设项目，建设污水处理设施，预计2021年12月份完成。\n",
            "plan",
            2021,
        ),
        # A news item on a township's works of a year, told done.
        (
            "本网讯 彦洞乡地处县城西北部，群众生产生活用水困难。\n"
            "据了解，该乡2014年共争取水利建设项目10个，项目资金共计650.13万元。目前，所有项目已经竣工并投入使用。\n",
            "review",
            2014,
        ),
    ],
)
def test_a_towns_own_plan_or_account_without_a_report_title_loads_as_its_sibling(text, kind, year):
    report = load_text(text)
    part = report.part(kind)
    assert part is not None and part.period is not None and part.period.start.year == year
    assert report.part("plan" if kind == "review" else "review") is None
    assert any(w.startswith("no title or opening formula of a work report: read as the town's") for w in report.warnings)


def test_a_news_item_naming_a_town_but_no_plan_or_account_of_its_works_stays_refused():
    # An event in a town (a festival, a visit) is not the town government's plan or account.
    with pytest.raises(LoaderError, match="not a work report"):
        load_text("本报讯 2024年5月1日，白鹤镇举办第三届桃花节，吸引游客上万人。\n游客们在桃园里拍照留念。\n")


def test_a_towns_text_is_told_plan_or_account_by_most_of_its_sentences_when_no_sign_decides():
    # d154's shape (a 苏木's decade in a news page's words): none of the signs above (no
    # targets formula, no month to finish, no works told done), but most sentences give account
    # (累计, 完成了, 比上年) — the town's account in another wrapper, loaded with a warning.
    account = (
        "白鹤镇这十年\n"
        "党的十八大以来，白鹤镇主动适应经济发展新常态，开创了经济社会各项事业同步发展的新局面。"
        "2021年全镇农民人均收入达到21243元，比上年增长7.2%。\n"
        "夯实基层党建，引领基层发展\n"
        "这十年，白鹤镇累计创建最强党支部3个。新建党群服务中心12个，完成了村“两委”换届选举工作。\n"
    )
    report = load_text(account)
    assert report.part("review") is not None and report.part("plan") is None
    assert any(w.startswith("no title or opening formula of a work report: read as the town's account") for w in report.warnings)
    # …and most sentences saying what the town will do (力争, 确保, 拟, 年底前): its plan.
    plan = (
        "白鹤镇的新一年\n"
        "新年伊始，白鹤镇干部群众干劲十足，各项工作有序开展。\n"
        "聚焦项目建设，推动高质量发展\n"
        "白鹤镇力争建成农贸市场。确保白鹤大道改造年内通车。拟新建幼儿园1所。年底前实施农村污水治理工程。"
        "2025年的蓝图正在绘就。\n"
    )
    report = load_text(plan)
    assert report.part("plan") is not None and report.part("review") is None
    assert any(w.startswith("no title or opening formula of a work report: read as the town's plan") for w in report.warnings)
    # Sentences that neither promise nor give account (an event) decide nothing: still refused.
    with pytest.raises(LoaderError, match="not a work report"):
        load_text("白鹤镇的春天\n2024年春，白鹤镇桃花盛开。游客们在桃园里拍照留念。孩子们在田埂上放风筝。\n")


def test_a_count_of_works_got_done_and_funds_won_are_an_account_not_a_plan():
    # 办成28件民生实事 and 争取资金6000余万元: what the town did and won in the year, in one paragraph.
    text = (
        "五棵树镇党委、镇政府坚持为群众做好事、办实事，开创了经济社会发展新局面。2020年，投资14亿元办成28件民生实事，"
        "扮靓五棵树镇。争取资金6000余万元，实施五棵树河流综合治理工程；争取资金343万元，实施西桥改造工程。"
    )
    report = load_text(text)
    assert report.part("plan") is None and report.part("review").period.start.year == 2020


def test_a_towns_targets_for_a_named_year_are_its_plan_though_their_growth_reads_as_an_account():
    report = load_text(
        "本报讯 辛口镇努力适应经济发展新常态，全力以赴做好各项工作。\n"
        "2016年，辛口镇计划完成地区生产总值50.5亿元，同比增长25%；税收收入2.86亿元，同比增长30%。\n"
    )
    assert report.part("review") is None and report.part("plan").period.start.year == 2016


def test_a_progress_item_ending_on_its_next_steps_plans_no_period():
    # 下一步，…将持续加大…投入: what an account of the year's works ends on, not a plan.
    report = load_text(
        "2023年，留凤关镇持续加大民生项目建设投入，集中力量办好民生实事。\n"
        "2023年共修建民生项目类桥梁4座，争取项目资金867万元，打通群众生产运输“最后一公里”。\n"
        "下一步，留凤关镇将持续加大民生项目资金的投入，持续推进民生实事项目。\n"
    )
    assert report.part("plan") is None and report.planned is None
    assert report.part("review").period.start.year == 2023


def test_a_term_sessions_account_of_the_years_targets_met_sets_out_no_work_ahead():
    # 顺利完成了年度目标任务 tells the year reviewed, not the tasks ahead: no five-year plan.
    report = load_text(
        "1月24日，中溪镇第十六届人民代表大会第一次会议召开。\n"
        "会议听取了镇人民政府工作报告。报告回顾了2021年工作，全镇顺利完成了年度目标任务。五年来，全镇始终紧抓发展第一要务。\n"
    )
    assert report.part("plan") is None and report.planned is None


def test_an_undated_news_item_on_a_towns_year_is_dated_by_the_year_it_names():
    report = load_text(
        "本报讯 过去的一年，大桥镇全镇上下积极应对各项风险挑战，经济运行稳中有进。\n"
        "抓经济、促投资，综合实力赶超快进。2024年大桥镇完成一般公共预算收入7414.33万元，固投总额8141万元。\n"
    )
    assert report.part("review").period.start.year == 2024


@pytest.mark.parametrize(
    ("text", "review", "planned"),
    [
        # 工作小结: the genre's short summary of a quarter, its text a few sentences under the title.
        ("白鹤镇2023年第二季度工作小结\n\n一是抓好招商引资，签约项目3个。二是抓好安全生产，开展检查20次。\n", (4, 6), None),
        # 工作进展情况: the half's progress, as a town reports it; it plans the second half.
        ("白鹤镇2023年上半年重点工作进展情况\n\n（一）项目建设\n签约项目3个，开工2个。\n", (1, 6), 7),
    ],
)
def test_a_summary_titled_as_a_short_summary_or_a_progress_account_loads(text, review, planned):
    report = load_text(text)
    period = report.part("review").period
    assert (period.start.month, period.end.month) == review
    assert (report.planned.start.month if report.planned else None) == planned


def test_a_session_account_that_gives_the_years_overall_requirement_plans_that_year():
    # 今年，该镇工作的总体要求是…: the account tells the report set out the year ahead.
    report = load_text(
        "向家镇第四届人民代表大会第三次会议胜利召开\n来源：向家镇 日期：2010-04-07\n"
        "4月2日上午，向家镇召开第四届人民代表大会第三次会议。会议听取和审议了该镇政府工作报告。\n"
        "会议指出，该镇2009年实现工农业总产值2.4亿元，比上年增长9%。今年，该镇工作的总体要求是力争四项先进，"
        "全年实现工农业总产值3.36亿元，增长14%。\n"
    )
    assert report.part("review").period.start.year == 2009
    assert report.planned is not None and report.planned.start.year == 2010


@pytest.mark.parametrize(
    ("heading", "planned"),
    [
        # Undated, titled by the year it reviews after the year ended: the year after.
        ("一、2023年工作回顾", 2024),
        # …but a review counting the year so far was written within it: not known.
        ("一、2023年以来工作回顾", None),
    ],
)
def test_an_undated_report_titled_by_the_year_it_reviews(heading, planned):
    text = f"白鹤镇2023年政府工作报告\n各位代表：\n现在，我代表镇人民政府向大会报告工作，请予审议。\n{heading}\n全镇完成财政收入1000万元，同比增长5%。\n"
    report = load_text(text)
    assert report.part("review").period.start.year == 2023
    assert (report.planned.start.year if report.planned else None) == planned


@pytest.mark.parametrize(
    ("account", "review"),
    [
        # The account heard, named with the year it gives account of: that year is the review.
        ("会上，议政代表们听取了2022年度街道的经济社会发展、财政收支等情况的通报。", 2022),
        ("办事处主任向大会作《2019年度经济社会发展情况报告》。", 2019),
    ],
)
def test_a_council_news_item_reviews_the_year_its_heard_account_is_named_for(account, review):
    report = load_text(
        "新桥街道确定6件2023年民生实事\n2023-03-26 00:51\n"
        "近日，新桥街道2023年议政代表会第一次会议正式开幕。\n"
        f"{account}议政代表们还票决产生了6件实事，将其确定为街道2023年民生实事项目。\n"
        "其中，新建学府路等4个微型消防站，完成社区应急物资储备库建设并投入使用。\n"
    )
    part = report.part("review")
    full_year = part is not None and part.period is not None and (part.period.start.month, part.period.end.month) == (1, 12)
    assert (part.period.start.year if full_year else None) == review
    plan = report.part("plan")
    assert plan is not None and plan.period.start.year == 2023


def test_a_template_sites_compilation_is_not_dated_by_its_heading_or_page():
    # The compilation's heading names 2024 and the page is of 2023; the piece's years are blanked.
    report = load_text(
        "镇长工作报告范文\n时间：2023-03-13 21:18:14\n导语：欢迎阅读由公务员之家整理的十篇范文，供你借鉴。\n"
        "政府2024年工作计划篇1\n现在，我代表镇人民政府向大会作工作报告，请予审议。\n一、本届政府工作回顾\n"
        "过去的五年，是全镇经济实力大幅提升的五年。年全镇固定资产投资完成14.86亿元，财政收入完成6060万元。\n"
    )
    review = report.part("review")
    assert review is not None and review.period is None
    assert report.part("plan") is None and report.planned is None


def test_a_text_starting_inside_its_plan_part_plans_the_year_its_targets_name():
    # A mirror's copy that begins at the plan part: its first paragraph is no title, and the
    # year is the one its 主要预期目标 names, not the era of the 十四五 target it mentions.
    report = load_text(
        "2025年是“十四五”规划的收官之年，做好全年工作责任重大。政府工作总体思路是：高质量完成“十四五”规划目标任务。\n"
        "综合各方面因素，建议2025年经济社会发展主要预期目标为：一般公共预算收入增长2%以上。\n"
        "我们将重点抓好以下工作：\n（一）抢项目、兴产业，打好项目建设突破战\n推动项目建设，全镇谋划项目10个。\n"
    )
    assert report.part("review") is None
    plan = report.part("plan")
    assert plan is not None and (plan.period.start, plan.period.end) == (date(2025, 1, 1), date(2025, 12, 31))


def test_a_page_titled_as_the_years_plan_that_opens_on_the_year_so_far_reviews_the_year_before():
    # The genre's summary-and-plan filed under the plan's name, written late in the year before.
    report = load_text(
        "南通市崇川区秦灶街道\n秦灶街道2021年工作计划\n来源: 秦灶街道办事处 发布时间:2021-03-10 14:40\n\n"
        "今年以来，街道统筹推进疫情防控和经济社会发展，各项工作取得扎实成效。\n"
        "（一）决战“过万亿”，推动经济发展破难前行\n1-10月，完成规模工业产值47.64亿元，同比降幅35.5%。\n"
    )
    review = report.part("review")
    assert review is not None and (review.period.start, review.period.end) == (date(2020, 1, 1), date(2020, 12, 31))
    assert report.part("plan") is None
    assert report.planned is not None and report.planned.start == date(2021, 1, 1)


def test_a_half_years_plan_opening_on_the_year_so_far_is_not_read_as_the_year_before():
    # Its account is of the first half: no year before is reviewed, and no year is planned.
    report = load_text(
        "南通市崇川区秦灶街道\n秦灶街道2023年下半年工作计划\n今年以来，街道各项工作取得扎实成效。\n"
        "（一）推进项目建设\n下半年，街道将推进白鹤中心小学改扩建工程。\n"
    )
    assert not any(w.startswith("a plan's heading over an account") for w in report.warnings)
    assert report.planned is None


def test_a_session_items_summary_of_the_year_before_is_the_review():
    # A news item of a town's congress: its sentence on the year before (2020年，该镇…完成…) is the
    # report's review, what the town will do (2021年，该镇将…) its plan.
    report = load_text(
        "金竹山镇召开第十三届人大十次会议\n\n2021-04-30 11:29:01 新湖南客户端\n\n"
        "新湖南客户端4月30日讯 29日，金竹山镇召开第十三届人民代表大会第十次会议。2020年，该镇统筹疫情防控和经济社会发展，"
        "财政收入完成1559万元；完成固定资产投资4.3亿元。2021年，该镇将紧紧围绕“一山一水一园区”的建设主线，全面贯彻乡村振兴战略。\n"
    )
    assert report.part("review").period.start == date(2020, 1, 1)
    assert report.part("review").period.end == date(2020, 12, 31)
    assert report.part("plan").period.start == date(2021, 1, 1)
    # The clause after the semicolon goes on with the same account: it is the review's too.
    assert any("4.3亿元" in s.text for s in report.part("review").sentences())
    assert not any("4.3亿元" in s.text for s in report.part("plan").sentences())


def test_a_term_sessions_news_item_naming_the_next_five_years_plans_them():
    # 未来五年 is 今后五年: the account says the report set out the term ahead.
    report = load_text(
        "双墩镇第十三届人民代表大会第一次会议隆重召开\n\n日期:2011/12/8     稿源:先锋网\n\n"
        "    12月7日，双墩镇103名人民代表参加镇第十三届人民代表大会第一次会议。\n\n"
        "    会上，镇长同志作政府工作报告。报告总结了过去五年的发展成果，为双墩镇未来五年的发展做了宏伟规划。\n\n"
        "    胡镇长在报告中指出，过去的五年，双墩镇始终坚持以工业强镇为主方略，经济实力增势强劲。\n"
    )
    review = report.part("review").period
    assert (review.start, review.end) == (date(2007, 1, 1), date(2011, 12, 31))
    assert (report.planned.start, report.planned.end) == (date(2012, 1, 1), date(2016, 12, 31))


def test_a_session_that_reviewed_the_year_as_its_news_item_says_gives_the_review():
    # 会议回顾总结了…2019年工作 (the session as the subject of the report's review), then the
    # year's tasks and the works voted: review 2019, plan 2020.
    report = load_text(
        "5月10日上午，双沟镇召开第十八届人民代表大会第六次会议。会议听取了镇长所作《政府工作报告》，"
        "票决出今年实施的徐沙河安置小区项目等10个民生实事工程项目。\n"
        "会议回顾总结了双沟镇2019年工作所取得的成绩，分析了工作中存在的不足和问题，并提出2020年重点工作任务。\n"
        "通讯员 吕守军报道\n"
    )
    assert report.date == date(2020, 5, 10)
    assert report.part("review").period.start == date(2019, 1, 1)
    assert report.part("plan").period.start == date(2020, 1, 1)


def test_a_paragraph_opening_on_the_town_and_what_it_will_do_starts_the_plan_of_the_year_after():
    # Found in review (issue 15, d129): a signed statement of a town's year, then a paragraph
    # opening 某某镇将… with no time word: its plan's paragraphs were read as more review, and
    # the promises in them were never read as plan.
    report = load_text(
        "2024年，白鹤镇以全新视角审视发展困境，实现经济平稳发展。\n"
        "抓牢经济发展，完成一般公共预算收入106万元，圆满完成全年任务目标。\n"
        "白鹤镇将以实践活动为契机，全力打好决胜之年各项工作。\n"
        "聚焦重点举措，积极推进白鹤水厂重建项目。\n"
    )
    review, plan = report.part("review"), report.part("plan")
    assert review is not None and review.period.start.year == 2024
    assert not any("水厂" in s.text for s in review.sentences())
    # …the statement names no year: the plan is of the year after the one reviewed.
    assert plan is not None and (plan.period.start, plan.period.end) == (date(2025, 1, 1), date(2025, 12, 31))
    assert [s.text for s in plan.sentences()][-1] == "聚焦重点举措，积极推进白鹤水厂重建项目。"


def test_a_review_paragraph_taking_a_thing_as_its_focus_does_not_start_a_plan():
    # 将 as 把 (某某镇将…作为…): what the town did, not a turn to the year ahead.
    report = load_text(
        "2024年，白鹤镇以全新视角审视发展困境，实现经济平稳发展。\n白鹤镇将招商引资作为一号工程，新引进项目12个。\n"
    )
    assert report.part("plan") is None


def test_a_review_paragraph_on_nearly_all_of_the_town_does_not_start_a_plan():
    # Found in review of the session's change: 将近 is "nearly" (全镇将近八成农户…), a count of
    # what was done, not the town's turn to what it will do.
    report = load_text("2024年，白鹤镇以全新视角审视发展困境，实现经济平稳发展。\n全镇将近八成农户加入合作社，户均增收3000元。\n")
    assert report.part("plan") is None


def test_a_session_items_summary_goes_on_through_its_main_figures():
    # Found in review: 主要 and 重要 hold 要, the modal of what is to come; a summary clause on the
    # year's main figures after a semicolon is still the account.
    report = load_text(
        "金竹山镇召开第十三届人大十次会议\n\n2021-04-30 11:29:01 新湖南客户端\n\n"
        "新湖南客户端4月30日讯 29日，金竹山镇召开第十三届人民代表大会第十次会议。2020年，该镇统筹疫情防控和经济社会发展，"
        "财政收入完成1559万元；主要经济指标稳中有进，完成固定资产投资4.3亿元。2021年，该镇将紧紧围绕“一山一水一园区”的建设主线，全面贯彻乡村振兴战略。\n"
    )
    assert any("4.3亿元" in s.text for s in report.part("review").sentences())


def test_an_accounts_paragraph_on_the_reports_plan_part_starts_the_plan():
    # Found in review (issue 15, d113): a 政策解读 of a town's report gives its parts in turn
    # (第一部分，2023年工作回顾。… 第二部分，2024年的工作安排。…); the plan's paragraph was read
    # as review, dated by the title's year.
    report = load_text(
        "《2023年白鹤镇政府工作报告》政策解读\n"
        "一、《报告》起草过程\n"
        "按照镇政府要求，起草组深入各村居进行调研，于2023年11月形成初稿。\n"
        "二、《报告》的主要内容\n"
        "第一部分，2023年工作回顾。从高质量发展成效显著等6个方面，对2023年工作取得的成绩进行了全面总结。\n"
        "第二部分，2024年的工作安排。重点提出了七个方面重点工作：一是聚焦科技创新，主要从高标准建设白鹤科技园等3个方面进行安排。\n"
    )
    plan = report.part("plan")
    assert plan is not None and (plan.period.start, plan.period.end) == (date(2024, 1, 1), date(2024, 12, 31))
    assert any("白鹤科技园" in s.text for s in plan.sentences())
    review = report.part("review")
    assert review is not None and not any("白鹤科技园" in s.text for s in review.sentences())
