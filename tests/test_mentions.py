"""Each rule family of mention extraction, on sentences written for the test."""

import pytest

from kg.extraction.mentions import find_mentions


def found(text, town="庙行镇", district="宝山区"):
    return {(f.type, f.name) for f in find_mentions(text, town, district)}


def names(text, entity_type, **kwargs):
    return {name for t, name in found(text, **kwargs) if t == entity_type}


def test_gazetteer_towns_villages_and_short_town_name():
    result = found("推动罗泾镇与庙行联动，支持野桥村发展。")
    assert ("Town", "罗泾镇") in result and ("Town", "庙行镇") in result  # 庙行 is the report's town
    assert ("Village", "野桥村") in result  # a village of 庙行镇 in the statistical list


def test_station_enumeration_shares_the_suffix():
    assert names("长宁路、新华路、安顺路站点均已开工，推进地铁20号线建设。", "MetroStation") == {
        "长宁路站",
        "新华路站",
        "安顺路站",
    }


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
    text = (
        "开展“邻里守望”计划，深化“河长制”，用好“居村通”“民情云”等平台，锻造产业发展“强引擎”，坚持“稳中求进、以进促稳”的总基调。"
    )
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


def indicators(text):
    return names(text, "Indicator")


def test_a_statistical_list_names_its_measure_once():
    assert {"猪存栏", "牛存栏", "羊存栏"} <= indicators("全镇生猪存栏2.1万头，猪存栏1.2万头、牛860头、羊3200只。")
    assert {"水稻种植面积", "蔬菜种植面积"} <= indicators("种植水稻5.2万亩、蔬菜1200亩。")


def test_stocks_of_firms_are_counted_but_new_ones_are_actions():
    assert "规模以上工业企业数" in indicators("现有规模以上工业企业12家。")
    assert "农民专业合作社数" in indicators("农民专业合作社已经发展到45家。")
    assert not any(n.endswith("企业数") for n in indicators("新增规模以上工业企业3家。"))


def test_rates_of_the_town_but_not_of_an_office():
    assert "贫困发生率" in indicators("全镇贫困发生率下降至1.2%。")
    assert "人口自然增长率" in indicators("人口自然增长率3.1‰。")
    assert not indicators("养老金发放率达100%，群众满意率98%。")


def test_crop_bought_or_harvested_by_weight():
    assert "烟叶收购量" in indicators("全年收购烟叶3.5万担。")


def test_figures_of_works_firms_and_projections_are_not_the_towns():
    assert not indicators("修建文化广场5个，总面积达2.4万平方米。")
    assert not indicators("某某分公司追加投资1800万元。")
    assert not indicators("项目建成后年销售收入预计超5000万元。")
    assert not indicators("引进某品牌汽车4S店，年销售额约2亿元。")
    assert not indicators("建成生态农业示范点面积3000亩。")


def test_a_statistic_name_stops_at_figures_and_keeps_its_brackets():
    assert "耕地面积" in indicators("辖7个行政村.全乡耕地面积12.3万亩。")
    assert "限额以上批发业（单位）销售额" in indicators("限额以上批发业（单位）销售额绝对额完成9.8亿元，同比增速6.5%。")
    assert "生猪出栏" in indicators("生猪出栏比上年增长12%。")


def companies(text):
    return names(text, "Company")


def test_legal_names_of_any_length_with_a_registered_place():
    assert "江川汽车配件制造有限公司" in companies("与江川汽车配件制造有限公司顺利签约。")
    assert "明远（上海）生物科技有限公司" in companies("引进明远（上海）生物科技有限公司总部。")
    assert "青禾种植专业合作社" in companies("依托青禾种植专业合作社发展特色农业。")
    assert not companies("各类合作社已经发展到63家。")


def test_names_in_brackets_after_a_kind():
    assert {"云帆科技", "启明物流"} <= companies("新引进企业2家（云帆科技、启明物流）。")
    assert {"滨江花园", "临港厂房"} <= names("签约项目2个（滨江花园、临港厂房）。", "Project")


def test_brand_lists_name_companies():
    assert {"青木", "远山", "白鹭"} <= companies("引进青木、远山、白鹭等品牌。")


def test_stations_of_any_line_named_in_the_clause():
    assert {"刘行站", "祁安路站"} <= names("推进18号线二期刘行站、15号线祁安路站建设。", "MetroStation")
    assert not names("新建10号线沿线充电站。", "MetroStation")


def test_a_stock_reaching_a_level_is_counted():
    # 新型农业经营主体达到200家 (a plan's target for the stock); 新增…达到 stays an action.
    assert "新型农业经营主体数" in indicators("新型农业经营主体达到200家。")
    assert not any(n.endswith("企业数") for n in indicators("新增规上工业企业达到5家。"))
