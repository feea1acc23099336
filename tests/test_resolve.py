"""Resolution: abbreviations, variants, slips, road versus station, towns apart."""

from kg.extraction.resolve import ReportPlace, abbreviates, resolve


def mention(report, entity_type, name, text=None, **extra):
    return {
        "sentence": f"{report}:s0",
        "type": entity_type,
        "name": name,
        "text": text or name,
        "start": 0,
        "end": len(text or name),
        "rule": "suffix",
        **extra,
    }


PLACES = {
    "a": ReportPlace("a", "上海市", "宝山区", "庙行镇"),
    "b": ReportPlace("b", "上海市", "宝山区", "庙行镇"),
    "c": ReportPlace("c", "上海市", "宝山区", "罗店镇"),
}


def by_name(entities):
    return {e.name: e for e in entities.values()}


def test_abbreviations_become_aliases_across_reports():
    entities, _ = resolve(
        {
            "a": [mention("a", "IndustrialPark", "上海智力产业园"), mention("a", "IndustrialPark", "上海智力产业园一期")],
            "b": [mention("b", "IndustrialPark", "智园一期"), mention("b", "Park", "朗香公园")],
            "c": [],
        }
        | {"c": [mention("c", "Park", "大华朗香公园")]},
        PLACES,
    )
    names = by_name(entities)
    assert "智园一期" in names["上海智力产业园一期"].aliases
    assert names["上海智力产业园一期"].part_of == names["上海智力产业园"].id
    # 朗香公园 in 庙行镇 is not 大华朗香公园 of 罗店镇: another town, another entity.
    assert "朗香公园" in names and "大华朗香公园" in names


def test_variant_characters_and_village_slips():
    entities, _ = resolve(
        {
            "a": [mention("a", "River", "蕰藻浜"), mention("a", "River", "蕴藻浜")],
            "c": [mention("c", "Village", "東里桥村"), mention("c", "Village", "束里桥村")],
        },
        PLACES,
    )
    rivers = [e for e in entities.values() if e.type == "River"]
    assert len(rivers) == 1
    villages = [e for e in entities.values() if e.type == "Village"]
    assert [v.name for v in villages] == ["束里桥村"] and "東里桥村" in villages[0].aliases
    assert villages[0].code == "310113101211"


def test_road_and_station_stay_apart_and_station_is_on_its_line():
    entities, _ = resolve({"a": [mention("a", "Road", "呼兰路"), mention("a", "MetroStation", "呼兰路站")]}, PLACES)
    names = by_name(entities)
    assert names["呼兰路"].id != names["呼兰路站"].id
    assert names["呼兰路站"].on_line == "metroline:上海市/1号线"  # from the gazetteer


def test_same_name_in_two_towns_is_two_entities():
    entities, _ = resolve({"a": [mention("a", "Parcel", "J-07A地块")], "c": [mention("c", "Parcel", "J-07A地块")]}, PLACES)
    assert len([e for e in entities.values() if e.type == "Parcel"]) == 2


def test_towns_and_lines_are_the_citys():
    entities, _ = resolve({"a": [mention("a", "MetroLine", "18号线")], "c": [mention("c", "MetroLine", "18号线")]}, PLACES)
    assert len(entities) == 1


def test_ambiguous_abbreviation_stays_apart():
    entities, _ = resolve(
        {"a": [mention("a", "Park", "湖公园"), mention("a", "Park", "东湖公园"), mention("a", "Park", "西湖公园")]}, PLACES
    )
    assert len(entities) == 3


def test_abbreviates():
    assert abbreviates("智力产业园", "上海智力产业园")
    assert not abbreviates("大康路", "大康路站")
    assert not abbreviates("呼兰路", "呼兰西路") and not abbreviates("泗塘河", "南泗塘河")
    assert abbreviates("东方公园", "上海东方公园")


def test_a_phased_short_name_that_abbreviates_a_park_becomes_that_park():
    phase = mention("b", "Project", "晨园二期", rule="phase", part_of="晨园", part_of_type="Project")
    entities, _ = resolve(
        {
            "a": [mention("a", "IndustrialPark", "上海晨星科技园"), mention("a", "IndustrialPark", "上海晨星科技园二期")],
            "b": [phase, mention("b", "Project", "晨园", rule="phase-stem")],
            "c": [mention("c", "Project", "晨园二期", rule="phase", part_of="晨园", part_of_type="Project")],
        },
        PLACES,
    )
    names = by_name(entities)
    assert "晨园二期" in names["上海晨星科技园二期"].aliases
    assert names["上海晨星科技园二期"].part_of == names["上海晨星科技园"].id
    # In another town with no such park it stays a project of its own.
    assert any(e.type == "Project" and e.name == "晨园二期" and e.town == "罗店镇" for e in entities.values())


def test_a_direction_names_another_road():
    entities, _ = resolve({"a": [mention("a", "Road", "呼兰路"), mention("a", "Road", "呼兰西路")]}, PLACES)
    assert {e.name for e in entities.values() if e.type == "Road"} == {"呼兰路", "呼兰西路"}


def test_a_county_of_chongqing_has_the_municipality_for_its_city():
    # The NBS codes group 重庆's counties under a line named 县 (5002): no city.
    from loaders.places import resolve_place

    place = resolve_place(["石柱土家族自治县下路街道"], "")
    assert (place.county, place.city, place.province) == ("石柱土家族自治县", "重庆市", "重庆市")


def test_villages_named_with_their_cun_decide_between_townships_of_one_name():
    # The gazetteer lists 二圣, 老田 (without 村); a report writes 二圣村, 老田村.
    from loaders.places import resolve_place

    place = resolve_place(["九华乡"], "会议票决了二圣村车站组环境整治项目、老田村学校南侧环境整治项目。")
    assert place.county == "青阳县"


def test_communities_listed_by_a_subdistrict_decide_between_townships_of_one_name():
    # 冶金街道 is in 武汉 青山区 and 衡阳 珠晖区; a subdistrict's plan lists its communities
    # (建国里、新风里、友爱里三个社区), neighbourhood committees of the one in 珠晖区.
    from loaders.places import resolve_place

    place = resolve_place(["冶金街道"], "加快推进建国里、新风里、友爱里三个社区改造，创新社会管理新模式。")
    assert (place.county, place.city) == ("珠晖区", "衡阳市")
    # A community named after the town (新安社区 of a 新安街道) decides nothing.
    assert resolve_place(["新安街道"], "新安街道2025年度工作总结。开具全市首张社区电子证明。").county is None


def test_villages_at_the_ends_of_a_road_decide_between_townships_of_one_name():
    # 魏庄镇 is in 怀远县 (villages 张店村 …) and in 莘县 (a village 魏庄): a report names a
    # stretch of road by its villages, 魏庄至张店段; the 魏庄 of the town's own name decides nothing.
    from loaders.places import resolve_place

    place = resolve_place(["魏庄镇"], "全面完成植树造林1100亩，完成魏庄至张店段道路绿化提升。")
    assert (place.county, place.city) == ("怀远县", "蚌埠市")
    assert resolve_place(["魏庄镇"], "魏庄至县城公路完成绿化。").county is None


def test_townships_the_text_rules_out_leave_the_province_of_the_rest():
    # 鹅湖镇 is in 锡山区 (江苏) and in 浮梁县 and 铅山县 (江西): 县委 and 视察江西 rule out
    # the first; the county stays unknown, the province is told.
    from loaders.places import resolve_place

    place = resolve_place(["鹅湖镇"], "在县委、县政府的坚强领导下，深入贯彻习近平总书记视察江西重要讲话精神。")
    assert (place.county, place.city, place.province) == (None, None, "江西省")


def test_villages_listed_and_counted_decide_between_townships_of_one_name():
    # 魏庄镇 of 怀远县 has 魏南村 and 胡巷村; a works' villages are listed by short name and counted.
    from loaders.places import resolve_place

    place = resolve_place(["魏庄镇"], "开工建设涉及魏南、胡巷2个村的农田水利治理工程。")
    assert place.county == "怀远县"
    # Not counted as villages, two names are no list of them.
    assert resolve_place(["魏庄镇"], "魏南、胡巷发展乡村旅游。").county is None
