"""Each rule family of mention extraction, on sentences written for the test."""

import pytest

from loaders.mentions import find_mentions


def found(text, town="庙行镇", district="宝山区"):
    return {(f.type, f.name) for f in find_mentions(text, town, district)}


def names(text, entity_type, **kwargs):
    return {name for t, name in found(text, **kwargs) if t == entity_type}


def test_gazetteer_towns_villages_and_short_town_name():
    result = found("推动罗泾镇与庙行联动，支持野桥村发展。")
    assert ("Town", "罗泾镇") in result and ("Town", "庙行镇") in result  # 庙行 is the report's town
    assert ("Village", "野桥村") in result  # a village of 庙行镇 in the statistical list


def test_station_enumeration_shares_the_suffix():
    assert names("长宁路、新华路、安顺路站点均已开工，推进地铁20号线建设。", "MetroStation") == {"长宁路站", "新华路站", "安顺路站"}


def test_station_needs_metro_context_but_a_service_station_is_not_one():
    assert names("建成江杨路站。", "MetroStation") == set()  # no line, metro or TOD in sight
    assert names("建成退役军人服务站和滨江驿站。", "MetroStation") == set()
    assert names("推进19号线一二八纪念路站设点。", "MetroStation") == {"一二八纪念路站"}


def test_station_tod_and_line_phase():
    result = found("推动地铁18号线二期呼兰路站点TOD开发。")
    assert ("MetroStation", "呼兰路站") in result
    assert ("MetroLine", "18号线") in result and ("MetroLine", "18号线二期") in result


def test_parcel_codes_in_a_counted_list():
    assert names("完成K-01A、G-12、21-05三幅地块的出让工作。", "Parcel") == {"K-01A地块", "G-12地块", "21-05地块"}
    assert names("1-11月，空气优良率为87%。", "Parcel") == set()  # a date range, not a parcel
    assert names("东杨宅地块完成规划调整。", "Parcel") == {"东杨宅地块"}


def test_phases_are_parts_of_their_whole():
    result = find_mentions("高质量实施好星辰产业园一期、三期改扩建。", "庙行镇", "宝山区")
    phases = {(f.name, f.part_of) for f in result if f.part_of}
    assert phases == {("星辰产业园一期", "星辰产业园"), ("星辰产业园三期", "星辰产业园")}


def test_company_lists():
    assert names("引进云帆网络、蓝海科技、启明星等优质企业。", "Company") == {"云帆网络", "蓝海科技", "启明星"}
    assert names("加快禾丰、晨曦等项目建设进度。", "Company") == set()  # projects: no company ending
    assert names("海诚药业2个新药投入生产。", "Company") == {"海诚药业"}
    assert names("推动生物医药企业投产达效。", "Company") == set()  # a kind of firm, not a firm


def test_quoted_initiatives_and_slogans():
    text = "开展“邻里守望”计划，深化“河长制”，用好“居村通”“民情云”等平台，锻造产业发展“强引擎”，坚持“稳中求进、以进促稳”的总基调。"
    assert names(text, "Initiative") == {"邻里守望", "河长制", "居村通", "民情云"}


def test_suffix_names_need_a_proper_stem():
    assert names("新建一所普惠性幼儿园和社区助餐点。", "Facility") == set()
    assert names("启用青松路老年助餐点。", "Facility") == {"青松路老年助餐点"}
    assert names("完成北郊公园一期建设。", "Park") == {"北郊公园", "北郊公园一期"}


def test_road_not_metaphor_and_river_not_inside_a_road():
    assert names("走出一条发展新路，完成长江西路和三泉路大修。", "Road") == {"长江西路", "三泉路"}
    assert names("完成长江西路大修。", "River") == set()
    assert names("启动东茭泾滨水空间贯通。", "River") == {"东茭泾"}


def test_village_not_a_word_with_村():
    assert names("构建村村联动，打破村域壁垒，推进城中村改造。", "Village") == set()


@pytest.mark.parametrize("text", ["", "。", "“”", "A-1", "、、、站点", "一期、二期"])
def test_degenerate_text(text):
    find_mentions(text, "庙行镇", "宝山区")


def test_a_road_named_in_a_station_is_not_also_a_road():
    result = found("长宁路、新华路站点已开工，推进长宁路TOD综合开发，完成新华路道路改造。")
    assert ("MetroStation", "长宁路站") in result and ("MetroStation", "新华路站") in result
    assert ("Road", "新华路") in result  # the road itself, named on its own
    spans = {(f.type, f.start) for f in find_mentions("长宁路、新华路站点已开工，推进长宁路TOD综合开发。", "庙行镇", "宝山区")}
    assert ("Road", 0) not in spans and ("Road", 4) not in spans
    assert ("MetroStation", 15) in spans  # 长宁路TOD: development over the station


def test_a_short_park_name_before_a_phase_is_kept():
    result = find_mentions("晨园二期改扩建有序推进。", "庙行镇", "宝山区")
    assert {(f.type, f.name, f.part_of) for f in result} == {("Project", "晨园二期", "晨园"), ("Project", "晨园", None)}
    assert "幸福家园" not in names("建设幸福家园二期。", "Project")  # a home, not a park
