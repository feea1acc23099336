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
    assert "油料产量" in indicators("全年粮食总产量5.6万吨、油料产量1.2万吨。")  # not 油料产量产量


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


def test_a_list_before_respectively_names_one_measure_per_member():
    # Invented: members sharing the last one's measure word, whole names, a bare measure word
    # sharing the first one's subject; a name across 和 is no indicator of its own.
    assert {"粮食产量", "油料产量", "蔬菜产量"} <= indicators("粮食、油料、蔬菜产量分别达到2.3万吨、3200吨和1.5万吨。")
    assert {"规上工业总产值", "规上工业增加值"} <= indicators("规上工业总产值和增加值分别达到12亿元、3亿元。")
    found_ = indicators("工业总产值、工业增加值和利税分别增长15%、13%和10%。")
    assert "工业利税" in found_ and "工业增加值和利税" not in found_
    assert not any("保持" in n for n in indicators("物价、就业分别保持稳定。"))
    assert {"城镇居民人均可支配收入", "农村居民人均可支配收入"} <= indicators(
        "城镇和农村居民人均可支配收入达到3.2万元和1.8万元。"
    )
    assert not indicators("新建道路和桥梁12公里、3座。")


def test_the_next_sums_of_one_subject_are_named_by_their_bare_measure_word():
    assert {"增加值", "利税"} <= indicators("实现规上工业总产值12亿元，增加值3.1亿元，利税1.2亿元。")
    found_ = indicators("实现工业总产值12亿元和利税1.2亿元。")
    assert "利税" in found_ and not any(n.startswith("亿元") for n in found_)
    assert "利润" not in indicators("企业利润稳定。")


def test_land_let_to_larger_farms_is_measured_by_its_area():
    assert "土地流转面积" in indicators("全镇累计流转土地4万亩。")
    assert "土地流转面积" in indicators("累计完成土地流转4.2万亩，占耕地面积的52%。")
    assert "土地流转面积" not in indicators("规范土地流转程序。")
    assert "土地流转面积" not in indicators("全年完成土地流转2500亩。")  # a year's work done


def test_a_class_within_a_stock_just_counted_is_a_stock():
    assert {"规上工业企业数", "高新技术企业数"} <= indicators("全镇现有规上工业企业42家，其中高新技术企业15家。")
    assert "农民专业合作社数" in indicators("全镇共有农民专业合作社86家。")
    assert not indicators("新增规上企业5家，其中高新技术企业2家。")
    # the total after the new ones is the stock; the new ones stay an action
    assert indicators("新增家庭农场25家，总数达到128家。") == {"家庭农场数"}


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


def test_members_of_a_list_headed_by_a_kind_of_firm():
    # A word of another kind inside a name (绿地) does not unmake a member of 等企业.
    assert {"华联电器", "绿地汇悦荟"} <= companies("引导辖区华联电器、绿地汇悦荟等企业开展促销活动。")
    # Co-operatives listed by name; the verb before the first is no part of its name.
    assert {"青峰渔业", "白沙香柚"} == companies("发展青峰渔业、白沙香柚等农民专业合作组织10家。")
    # 等9家 is the count, not 等 the end of a name.
    assert {"远鹏电子", "李小梅食品厂"} <= companies("先后引进了远鹏电子、李小梅食品厂等9家规模工业企业。")


def test_bare_names_that_settle_or_win_firms_titles_are_firms():
    assert {"牧丰养猪", "和顺风电", "诗雅服饰"} <= companies("招商引资获得重大突破，牧丰养猪、和顺风电、诗雅服饰落户我镇。")
    assert {"通远弘光", "富川环保"} == companies(
        "扩大再投资，通远弘光、富川环保分别上榜工信部企业名单，富川环保同时入选国家级绿色工厂。"
    )
    assert "旺达瓜蒌子" in companies("四是特色产业转型升级。旺达瓜蒌子获批市级龙头企业。")
    # Places and the town's own units are no firms.
    assert not companies("工作扎实推进，东村、西村、南村落户项目3个。")


def test_a_factory_named_with_its_line_of_business():
    assert "兴新制衣厂" in companies("建成兴新制衣厂和南山水泥公司2个扶贫车间。")
    assert not companies("建成水泥厂、污水处理厂和镇食品厂。")


def test_a_trade_name_acting_through_its_project():
    assert {"瑞达实业", "江西宝丰汽车"} <= companies("实现瑞达实业和江西宝丰汽车项目快速落户。")


def test_cooperatives_named_before_their_business_words():
    assert {"兴华果业农民专出合作社", "宏远果业农民专业合作社"} <= companies(
        "通过兴华果业农民专出合作社、宏远果业农民专业合作社带动。"
    )
    assert not companies("推动茶叶专业合作社升级换档。")


def test_both_parties_of_an_agreement_are_firms():
    assert {"宏达塑业", "西安邻里商业"} <= companies("推动宏达塑业与西安邻里商业达成合作。")


def test_a_dealership_with_its_brand():
    assert "吉利4S店" in companies("引进吉利4S店，年销售额约1亿元。")
    assert not companies("新建汽车4S店3家。")
    assert not companies("村集体积极领办产业合作社。")


def test_a_trade_name_brought_in_or_owning_its_base():
    assert "宏图新材料" in companies("成功签约宏图新材料项目。")
    assert {"华泰电子", "金诚物流"} <= companies("引进华泰电子、金诚物流，建成现代农业生产基地。")
    assert "合肥酷雪环保科技" in companies("还有合肥酷雪环保科技生产研发基地等一批在谈项目。")
    assert not companies("建成现代农业生产基地、蔬菜生产基地、市级农业科技研发中心。")


def test_a_trade_name_before_its_plants_capacity_or_described_when_brought_in():
    assert "金鼎矿业" in companies("两个大项目中，金鼎矿业年产100万吨采选项目已建成试产。")
    assert "江西丰收米业" in companies("成功引进了投资2000万元、日加工100吨粮油的江西丰收米业，争取到补助。")
    # What is described before 项目 is the project, not a firm.
    assert not companies("成功签约引进投资25亿元的美溪现代农业文旅项目。")
    assert not companies("全镇现代农业年产值3亿元。")


def test_names_after_a_count_of_firms_or_their_kind_word():
    assert {"华强电子", "明辉科技", "佳美食品"} <= companies("全年新引进企业12家，包括华强电子、明辉科技、佳美食品等。")
    assert {"宏昌电器", "天润乳业"} <= companies("辖区企业宏昌电器、天润乳业实现产值增长。")
    # 等品牌 ends the names that move in: 等 is no part of the last.
    assert {"青木", "远山", "白鹭"} == companies("青木、远山、白鹭等品牌相继入驻。")


def test_carriers_named_by_a_zones_kind_word():
    assert {"临港物流园", "长兴小微企业园"} <= names("推进临港物流园、长兴小微企业园建设。", "IndustrialPark")
    assert "宝山高新区" in names("服务宝山高新区企业。", "IndustrialPark")
    assert not names("打造配套产业集聚区、南部工业区。", "IndustrialPark")


def test_more_lines_of_business_but_no_industry_described():
    assert {"金达管业", "海天味业"} <= companies("引进金达管业、海天味业。")
    assert not companies("推进高端装备项目落户。")
    assert not companies("引进智能装备、新型光伏等项目。")


def test_verbs_before_a_list_and_the_head_firm_of_an_industry():
    assert {"恒达", "盛海"} == companies("走访恒达、盛海等重点企业50余家。")
    assert {"宏发纺织", "永盛铸造"} == companies("协调解决宏发纺织、永盛铸造等企业用工难题。")
    assert "绿源农业" in companies("以绿源农业为龙头，带动农户增收。")
    assert not companies("以现代农业为龙头。")


def test_two_names_joined_inside_a_list():
    assert {"宏发纺织", "永盛铸造", "天成机械"} == companies("协调宏发纺织、永盛铸造及天成机械等企业用工。")
    assert "和丰风电" in companies("扶持昱和服饰、和丰风电等企业。")
    assert "服饰" not in companies("扶持昱和服饰、和丰风电等企业。")
    assert not companies("支持龙头和骨干等企业。")


def test_a_longer_firm_name_with_its_lines_of_business_and_kind():
    assert "宁波舜光光电科技公司" in companies("宁波舜光光电科技公司落户。")
    assert not companies("推动全镇现代农业科技公司发展，组建镇级农业发展投资公司。")


def test_kinds_of_business_that_move_in_are_no_firms():
    assert not companies("，文化、体育、商业设施相继入驻。")
    assert not companies("，电商、快递、物流入驻。")
    assert not companies("引进奶茶、咖啡、烘焙等品牌。")
    assert not companies("，高端装备、智能制造、新一代信息技术入选省级先进制造业集群企业。")


def test_described_industries_brought_in_are_no_firms():
    assert not companies("签约文化旅游项目。")
    assert not companies("引进了一批高新科技。")
    assert not companies("建设湘西特色农业生产基地。")


def test_a_place_or_common_word_before_a_line_of_business_names_an_industry():
    # A bare name is a firm only with a trade name before its line of business: a place
    # or a common word before it is the industry of that place.
    assert not companies("坚持以滨海旅游为龙头，大力发展海洋经济。")
    assert not companies("以海洋渔业为主体，推进渔业转型。")
    assert not companies("成功签约临港新材料项目。")
    assert not companies("成功签约宝山生物医药项目，总投资5亿元。")
    assert not companies("引进舟山海洋科技、宁波智能装备等项目。")
    assert not companies("建成海岛茶叶生产基地。")
    assert not companies("引进海洋生物医药项目。")
    # …while a trade name after the place makes it a firm's.
    assert "江西宝丰汽车" in companies("实现江西宝丰汽车项目快速落户。")
    assert "金禾实业" in companies("成功签约金禾实业项目。")


def test_a_factory_or_cooperative_of_a_common_word_is_a_kind():
    assert not companies("关停小化工厂3家。")
    assert not companies("原国营纺织厂地块完成收储。")
    assert not companies("领办创办土地股份合作社12家。")


def test_a_list_of_kinds_of_business_under_a_kind_of_firm_names_no_firm():
    assert not companies("带动餐饮、住宿、零售等企业复工复产。")
    assert not companies("发展种植、养殖、加工等合作社36家。")
    assert not companies("整治砖瓦厂、石灰厂等企业。")
    assert {"东海渔业", "天鸿水产"} <= companies("引进东海渔业、天鸿水产等企业。")


def test_a_branch_set_up_by_the_town_is_no_firm_name():
    assert companies("青岛啤酒、海信电器等企业在我镇设立分公司。") == {"青岛啤酒", "海信电器"}


def test_a_list_headed_by_a_described_kind_of_firm():
    # Whatever describes the firms between 等 and the kind word (一批成熟, 数字化头部, 大,
    # 46个亿元以上, 新签约), the items are the firms.
    assert {"张江创投", "极目银河"} <= companies("引进张江创投、极目银河等一批成熟企业和高成长型企业。")
    assert {"商汤", "旷视"} <= companies("在引入商汤、旷视等数字化头部企业的基础上搭建平台。")
    assert {"沃拓农药", "翔普科技"} <= companies("沃拓农药、翔普科技等46个亿元以上项目竣工投产。")
    # A clause about the list (方面支持, 同志走访) or areas and fields are no description of firms.
    assert not companies("在用地、融资等方面支持企业发展。")
    assert not companies("张江、临港等地区企业。")
    assert not companies("安全、环保等重点领域企业。")
    assert not companies("规上工业企业、限上商贸企业等重点企业。")
    assert not companies("宁波、舟山等企业。")


def test_each_item_of_a_list_of_projects_is_what_it_is_named():
    found = names("滨江花园、宏达科技、镇区污水管网等重点项目加快推进。", "Company")
    assert found == {"宏达科技"}
    assert {"赛纬电子", "安徽佑顺"} <= companies("赛纬电子、安徽佑顺等新签约项目扎实推进。")
    assert "城北安置房" not in companies("推进城北安置房、宏达科技等10个项目建设。")


def test_a_trade_name_alone_before_its_plants_capacity():
    assert "衡川" in companies("为总投资110亿元的衡川年产30亿平方米锂离子电池隔膜生产项目。")
    assert not companies("全镇茶叶年产1000吨。")
    assert not companies("高山蔬菜年产5万吨。")
    assert not companies("项目建成后可年产10万吨。")


def test_a_verb_joined_to_a_name_and_a_kind_of_state_firm():
    # 联合 is cut (jieba reads 联合国), and 国资集团 is a district's state firm by its kind.
    assert not companies("联合国资集团到上海开展招商活动。")
    assert not companies("协助区城投公司完成融资。")


def test_a_community_visited_with_firms_is_no_firm():
    found = companies("先后到新民社区、藤泽瑞科技、吉盛服饰三家公司调研。")
    assert "新民社区" not in found and {"藤泽瑞科技", "吉盛服饰"} <= found


def test_a_list_of_brand_firms_and_a_name_holding_a_boundary_word():
    # 等品牌企业: the kind is 企业; 文和友 is not cut at 和 into one character.
    assert {"文和友", "茶颜悦色"} <= companies("文和友、茶颜悦色等品牌企业成为各地竞相招商对象。")


def test_a_name_that_tops_a_list_of_firms():
    assert "中普石油" in companies("中普石油荣登全省民营企业制造业综合百强名单。")
    assert not companies("实验小学荣获全国文明校园。")


def test_a_stage_in_the_description_and_brands_of_firms():
    # 等在谈项目: a project stage describes the list; the items are still the firms.
    assert {"河络新图", "华测检测"} <= companies("加快河络新图、华测检测等在谈项目正式落地。")
    # 等…企业品牌 lists brands of produce, not firms.
    assert not companies("发展培育好本地新宝杨黄瓜、永大菌菇等特色农业企业品牌。")


def test_a_determiner_or_a_kind_of_state_firm_before_gongsi_names_none():
    assert not companies("坚持前置把关，切实加强各村公司集体资产监管事项审核工作。")
    assert not companies("确保控规调整、平台公司认定、产业准入审核等关键环节形成工作闭环。")
    assert "宏玉公司" in companies("协调解决宏玉公司用地问题。")


def test_a_line_of_business_before_gongsi_is_a_kind_of_firm():
    for text in ("组建强村公司3家。", "引进保洁公司提供服务。", "组建劳务公司，带动就业。", "推动燃气公司完成管网改造。"):
        assert not companies(text), text
    assert "南方水泥公司" in companies("建成号新制衣厂和南方水泥公司2个扶贫车间。")


def test_a_list_of_the_buildings_where_firms_gather_names_no_firm():
    assert not companies("在万得大厦、康缘智汇港等民营企业集聚的写字楼开展政策宣讲。")


def test_a_common_noun_listed_with_firms_is_no_firm():
    found = companies("协调晋陵集团、购物中心等重点企业参与商圈联盟共建。")
    assert found == {"晋陵集团"}


def test_a_stock_reaching_a_level_is_counted():
    # 新型农业经营主体达到200家 (a plan's target for the stock); 新增…达到 stays an action.
    assert "新型农业经营主体数" in indicators("新型农业经营主体达到200家。")
    assert not any(n.endswith("企业数") for n in indicators("新增规上工业企业达到5家。"))


def test_firms_named_as_winners_of_a_firms_title():
    # tests/corpus/real/dev/d98: quoted names and 获得; a count of firms names none
    text = (
        "其中，“光明畜业”、“安锋养殖”已获市级农业化龙头企业称号；青禾水产养殖责任公司获得省级龙头企业称号。"
        "63家企业荣获科技型中小企业称号。"
    )
    names = {m.name for m in find_mentions(text) if m.type == "Company"}
    assert {"光明畜业", "安锋养殖", "青禾水产养殖责任公司"} <= names
    assert not any("企业" in n for n in names)


@pytest.mark.parametrize(
    "text, station, line",
    [
        ("配合做好市域铁路嘉闵线城北路站建设", "城北路站", "嘉闵线"),  # a line named, not numbered
        ("轨道交通5号线南延伸段西渡站投入运营", "西渡站", "5号线"),  # the line's section is the line's
        ("长沙地铁6号线望城区段谷山站", "谷山站", "6号线"),
    ],
)
def test_stations_of_every_line(text, station, line):
    found = {(m.name, m.part_of) for m in find_mentions(text) if m.type == "MetroStation"}
    assert found == {(station, line)}


def test_needle_gates_skip_only_scans_that_find_nothing():
    """Each pattern run through ``_scan`` is skipped when a text holds none of its
    needles: every match of it in the sample reports must hold one."""
    from pathlib import Path

    import kg.extraction.mentions.acts as a
    import kg.extraction.mentions.companies as m
    import kg.extraction.mentions.named as n

    gated = [
        (m._LIST, ("、",)),
        (m._LIST, m._LIST_KINDS),
        (a._WON_FIRM_TITLE, a._WON_TITLES),
        (a._BROUGHT_IN, a._BROUGHT_IN_VERBS),
        (a._OWNED_BASE, a._OWNED_BASE_WORDS),
        (a._ACTING_FIRMS, a._FIRM_ACT_WORDS),
        (a._HEAD_FIRM, ("以",)),
        (a._PARTIES, ("与",)),
        (a._PARTNER, ("与",)),
        (n._SETTLED_LIST, ("、",)),
        (n._COUNTED_FIRMS, ("、",)),
        (n._APPOSED_FIRMS, ("企业",)),
        (n._HEADED_FIRMS, ("企业",)),
        (n._LEADING_FIRMS, ("以",)),
        (n._FIRM_SHAPED_LIST, ("、",)),
        (n._BROUGHT_LIST, ("签约", "簽約", "引进", "引進", "招引", "引入")),
        (a._SIZED_PLANT, a._PLANT_UNITS),
        (a._NAMED_PROJECT, ("投产", "达产", "试产", "试生产", "开工", "开业", "签约", "落地")),
    ]
    texts = [p.read_text("utf-8") for p in sorted((Path(__file__).parent.parent / "data" / "reports").glob("*.txt"))]
    texts.append("新签约宏图新材料项目，宏达科技获得省级专精特新企业称号，以绿源农业为龙头，酷尔环保科技生产研发基地")
    matched = 0
    for pattern, needles in gated:
        for text in texts:
            for match in pattern.finditer(text):
                # A lookahead's words are not in the match: read a little past its end.
                window = text[match.start() : match.end() + 12]
                assert any(n in window for n in needles), (pattern.pattern[:40], match.group())
                matched += 1
    assert matched > 20


def test_villages_ranked_by_a_title_of_firms_are_no_firms():
    # 龙头企业示范村 is a village's title: its winners are villages (the reviewer's input).
    found = [(f.name, f.type) for f in find_mentions("城南村、城北村被评为省级龙头企业示范村。")]
    assert ("城北村", "Company") not in found and ("城南村", "Company") not in found


def test_winners_of_titles_are_scanned_from_their_lists_only_as_a_plain_scan_would():
    """``_scan_before`` tries only the positions of a run that reaches a won title: it
    finds what ``finditer`` finds, on the sample reports and on lists that share a run,
    hold two verbs or run past the 16 characters of an item."""
    from pathlib import Path

    from kg.extraction.mentions.acts import _WINNERS_RUN, _WON_FIRM_TITLE, _WON_TITLE_AT
    from kg.extraction.mentions.lexicon import _scan_before

    texts = [p.read_text("utf-8") for p in sorted((Path(__file__).parent.parent / "data" / "reports").glob("*.txt"))]
    texts += [
        "“光明畜业”、“安锋养殖”已获市级农业化龙头企业称号，宏图科技获评专精特新企业",
        "甲获得2023年A获评龙头企业",
        "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未科技、宏达环保获评龙头企业、宏图新材获评单项冠军",
        "城南村、城北村被评为省级龙头企业示范村，绿源农业成为龙头企业",
        "、".join(["甲乙科技"] * 300) + "等企业，宏达科技获评龙头企业",
    ]
    found = 0
    for text in texts:
        expected = [(m.span(), m.group("items")) for m in _WON_FIRM_TITLE.finditer(text)]
        assert [
            (m.span(), m.group("items")) for m in _scan_before(_WON_FIRM_TITLE, text, _WON_TITLE_AT, _WINNERS_RUN)
        ] == expected
        found += len(expected)
    assert found > 8


def test_a_firm_winning_a_title_after_a_long_list_is_found():
    text = (
        "、".join(f"{a}{b}科技" for a in "甲乙丙丁戊己庚辛壬癸" for b in "子丑寅卯辰巳午未申酉")
        + "等企业，“光明畜业”获评龙头企业"
    )
    assert ("光明畜业", "Company") in {(f.name, f.type) for f in find_mentions(text)}


@pytest.mark.parametrize(
    "text, firm",
    [
        ("落地延锋汽车座椅等12个数字经济项目", "延锋汽车"),  # one name heading a count of projects
        ("新增圣禾粮油1家规上工业企业", "圣禾粮油"),
        ("加快推动长之琳航空零部件等6个科技项目建设", "长之琳航空零部件"),
        ("甲鼎科技、凯达重工、长虹结晶器3家企业被列入全市100家上市后备企业", "凯达重工"),  # the list's own count
        ("马卡智工获批省级工业设计中心", "马卡智工"),  # a recognition only firms are given
        ("金瑞投资、捷泰科技入选全省民营企业营收百强", "捷泰科技"),
        ("重点洽谈了利乐、纷美等乳制品包装企业", "纷美"),  # the firms' line ends the description
        ("计划总投资30亿元的大唐新能源公司风电场开发项目", "大唐新能源公司"),  # a line that is a sector too
        ("宇晶股份成功上市，全市主板上市企业达6家", "宇晶股份"),  # a listed firm's short name
        ("辖区企业天奇股份、恒立液压实现产值增长", "天奇股份"),
        ("华洋精工正式投产", "华洋精工"),  # an adverb of the act between
        ("奥斯利食品完工并投产，盼盼门业扩建主体框架基本完成", "盼盼门业"),
        ("由山东德州恒丰集团投资的纺织项目", "山东德州恒丰集团"),  # the place of registration before the trade name
        ("吸引了德州恒丰、河南永泰、华孚色纺等一批国内大型企业入驻", "华孚色纺"),  # described by origin
        ("及时解决国泰、金利、喜洋红等企业周边矛盾", "国泰"),  # an adverb before the list's verb
        ("金瑞投资入选营收百强，中普石油连续两年荣获全省民营企业制造业百强", "中普石油"),  # an adverb of the winning
        ("宏达科技再次获评高新技术企业", "宏达科技"),
        ("培育了龙头企业森浤光学、天利达、恒达利", "恒达利"),  # a list headed by its kind
        ("培育了龙头企业森浤光学、天利达、恒达利等一批环保型企业", "森浤光学"),  # the kind is no part of the first name
    ],
)
def test_firms_by_the_genres_structure(text, firm):
    assert (firm, "Company") in {(f.name, f.type) for f in find_mentions(text)}


@pytest.mark.parametrize(
    "text",
    [
        "屋顶分布式光伏整县推进等25个重大项目开工建设",  # a project's own name heads the count
        "推进光伏发电等10个项目",  # an industry
        "实施老旧小区改造等12个项目",
        "东方镇入选全国百强镇",  # a ranking of towns
        "投资10亿元的渔光互补光伏发电项目签约落地",  # a kind of plant, 发电 no firm's line
        "版权所有江苏现代快报传媒有限公司 @copyright 2007~2016",  # a page's footer names the site's owner
        "主办单位：某县人民政府 技术支持：南京大汉网络有限公司",
        "扶持化工、印染等纺织服装企业",  # sectors under a described kind
        "推进土地股份合作社规范化",  # 股份: a co-operative's form, a share
        "村集体股份分红",
        "全镇新增股份经济合作社3家",
        "新材料总投资5亿元",
        "支持重点企业技术改造、设备更新",  # a list of what firms are helped with
        "走访重点企业30家、个体户50户",
    ],
)
def test_no_firm_in_projects_industries_or_ranked_places(text):
    assert not [f for f in find_mentions(text) if f.type == "Company"]


def test_a_short_name_given_in_brackets_is_not_a_listed_name():
    text = "县政府与新疆投资发展（集团）有限责任公司（以下简称“新投集团”）正式签署投资协议"
    names = {f.name for f in find_mentions(text) if f.type == "Company"}
    assert "新疆投资发展（集团）有限责任公司" in names and not [n for n in names if "简称" in n]


def test_a_project_named_after_its_firm_and_product_names_the_firm():
    # 行政区划 + 字号 + product: the genre's name for a firm's project in a list of projects.
    found = {(f.name, f.type) for f in find_mentions("内丘建滔醋酸、任泽乐通金属材料等10亿元以上项目加快建设")}
    assert any(t == "Company" and "建滔" in n for n, t in found) and any(t == "Company" and "乐通" in n for n, t in found)
    found = {(f.name, f.type) for f in find_mentions("宝山区新顾城安置房、青浦华为研发中心等项目")}
    assert not [n for n, t in found if t == "Company"]  # a project named by its kind of building


def test_a_firm_after_technical_support_in_running_text_is_named():
    # Review 3, finding 14: a page's footer is a line with no sentence in it; in a sentence, the
    # firm after 技术支持 is one the report speaks of.
    text = "由浙江大学提供技术支持，华星科技有限公司负责项目建设。"
    assert ("华星科技有限公司", "Company") in {(f.name, f.type) for f in find_mentions(text)}
    footer = "主办单位：某县人民政府技术支持：南京大汉网络有限公司"
    assert not [f for f in find_mentions(footer) if f.type == "Company"]


def test_a_firms_short_name_on_its_project_that_is_built_or_starts():
    # The genre names an investor's plant by the firm (立康二期顺利投产): the act says the
    # name is a firm's. A project named by its works is no firm.
    assert {"华润", "立康"} <= companies("华润二期项目建成投产，立康二期顺利投产。")
    assert "蒙牛" in companies("蒙牛项目顺利投产。")
    assert companies("污水处理项目开工建设，标准厂房项目竣工。") == set()
    assert "交易中心" not in companies("渤海国际农特产品交易中心项目成功签约。")


def test_a_districts_name_among_firms_is_a_trade_name():
    assert {"国盛", "光明", "瑞星"} <= companies("主动与国盛、光明、瑞星等大企业合作。")
    assert companies("对宁波、舟山等企业开展帮扶。") == set()


def test_lists_of_known_brands_and_firms_counted_after_their_kind():
    assert {"盒马", "永辉", "星巴克"} <= companies("引进了盒马、永辉、星巴克等一批知名品牌。")
    assert {"海天", "光明", "金龙"} <= companies("新增规上企业海天、光明、金龙3家。")
    # The verb that opens the clause is no part of the first name.
    assert "华宇" in companies("引进华宇、鑫源、天成等企业落户园区。")
    assert "引进华宇" not in companies("引进华宇、鑫源、天成等企业落户园区。")


def test_bare_names_of_projects_that_go_into_production_are_firms():
    # 恒信、长荣、华泰等项目已建成投产: only firms' plants go into production.
    assert {"恒信", "长荣", "华泰"} <= companies("恒信、长荣、华泰等项目已建成投产。")
    assert "金鼎" in companies("金鼎扩建项目顺利投产。")
    # A numbered name is a building's (国创壹号), a place's name a project's.
    assert "国创壹号" not in companies("力抓好融园、国创壹号等重大项目开工建设。")


def test_lists_of_state_firms_and_firms_an_industry_is_built_around():
    assert {"中建", "中铁", "华润"} <= companies("与中建、中铁、华润等央企对接合作。")
    assert {"华星", "天马光电"} <= companies("放大以华星、天马光电等为龙头的芯屏产业集群招商效应。")
    assert companies("以茶叶、水果等为主导产业。") == set()
    # 服务好华联: the verb's complement is no part of the name.
    assert "华联" in companies("全力服务好华联、利群、大润发等商超企业。")
    assert "富利特葯業" in companies("依託富利特葯業、開元電子等骨幹企業，大力发展生物医药。")


def test_short_names_before_a_firm_word():
    # 光明 is a district's name and a common word: before 公司 it is a trade name, where a
    # line of business (燃气公司) is a kind.
    assert "光明公司" in companies("协调解决光明公司用地问题。")
    assert companies("燃气公司上门服务。") == set()
    assert "天润科技" in companies("天润科技年销售收入突破5亿元。")
    assert companies("推动科技创新和农业科技推广，加强科技特派员服务。") == set()
    assert "新宇科技" in companies("新宇科技二期顺利投产。")
    assert {"万科", "碧桂园"} <= companies("积极对接万科、碧桂园等房企。")
    # 管桩厂: a product jieba does not know before 厂 is a kind of plant.
    assert companies("建成管桩厂一座。") == set()


def test_lists_closed_by_a_clause_on_the_firms_or_by_another_word_for_firms():
    assert {"华鑫", "宏盛", "德力"} <= companies("华鑫、宏盛、德力等一批投资超亿元的先进制造业企业相继落户。")
    assert {"协鑫", "中环", "隆基"} <= companies("协鑫、中环、隆基等光伏龙头相继落户。")
    assert {"金龙", "鑫达", "宏宇"} <= companies("金龙、鑫达、宏宇等厂家积极参与。")
    assert companies("张江、临港等地区的企业。") == set()
    # Brands are firms when they are brought in or settle, not when their fame grows.
    assert "盒马" in companies("盒马、永辉、星巴克等品牌相继入驻。")
    assert companies("盒马、永辉、星巴克等品牌影响力不断扩大。") == set()


def test_a_trade_name_beginning_with_a_conjunction_and_a_kind_before_a_legal_name():
    # 和润集团: 和 read as the conjunction left 润 alone.
    assert "和润集团" in companies("支持和润集团做大做强。")
    assert companies("政府和企业共同推进。") == set()
    # The kind in apposition is not part of the registered name.
    assert companies("主要骨干企业新源同昌包装材料有限公司未能复工生产。") == {"新源同昌包装材料有限公司"}


def test_two_names_that_settle_and_names_sharing_a_project_word():
    assert {"华宇", "鑫源"} <= companies("今年，华宇、鑫源相继投产。")
    assert companies("教育、医疗相继落户。") == set()
    assert {"远大", "金盛"} <= companies("远大二期、金盛三期相继投产。")
    assert {"宏达", "金盛"} <= companies("宏达、金盛项目顺利投产。")
    assert "新入规宏达" not in companies("全年新入规宏达、金盛、汇丰等企业5家。")


def test_products_and_kinds_of_project_are_no_firms_behind_projects():
    # jieba tags unknown compounds of common words nouns (稻虾, 菌菇, 农光): products and
    # kinds of project, not firms' names.
    assert companies("稻虾、菌菇等特色产业项目相继投产。") == set()
    assert companies("农光互补项目开工。") == set()
    assert companies("红色旅游、乡村民宿等项目顺利开工。") == set()
    assert companies("长江、黄河等流域企业。") == set()


def test_firms_listed_before_a_count_of_projects_without_deng():
    # d129, d101: a count of projects closes a list of firms' names as 等 does.
    assert {"大川牧业", "惠诚牧业", "丹东超群农业"} <= companies("持续推进大川牧业、惠诚牧业和丹东超群农业3个续建项目。")
    found = companies("成功签约越江环保科技、刘伶文化商业综合体、弘亦新材料三个亿元以上项目。")
    assert {"越江环保科技", "弘亦新材料"} <= found
    assert not any("综合体" in f for f in found)
    # Only projects are counted so: 2个公园 closes no list of firms.
    assert companies("建成滨江、沿河2个公园。") == set()


def test_bare_names_of_projects_brought_in_or_landed_are_firms():
    assert {"华宇", "天成"} <= companies("华宇、鑫源、天成等项目落地。")
    assert {"金鼎", "宏达"} <= companies("全年签约金鼎、永泰、宏达等8个项目。")
    assert {"恒信", "长荣", "华泰"} <= companies("推动恒信、长荣、华泰等项目加快建设。")
    assert {"瑞丰", "新亚"} <= companies("全力推进瑞丰、新亚等项目早日投产。")
    # Places, works and kinds of project are no investors.
    assert companies("东湖、西湖等项目加快建设。") == set()
    assert companies("污水处理厂、幼儿园等项目落地。") == set()
    assert companies("签约文旅、康养等5个项目。") == set()
    assert companies("推动芙蓉路、人民路等项目建设。") == set()
    assert companies("光伏、风电等项目签约落地。") == set()


def test_names_made_as_firms_names_are_firms_whatever_closes_their_list():
    # d136: 等一批上市后备梯队 is no kind of firm, but the names are made as firms' are.
    found = companies("推动华冶科技、永涛实业、靖隆合金钢等一批上市后备梯队在主板挂牌上市。")
    assert {"华冶科技", "永涛实业", "靖隆合金钢"} <= found
    assert {"晓光新材", "煜诚陶瓷"} <= companies("深入古丈产业开发区晓光新材、煜诚陶瓷等处调研指导。")
    # Industries: a place, a kind or a common word before the line of business.
    assert companies("临港新材料、宝山生物医药等产业加快发展。") == set()
    assert companies("发展生猪养殖、肉牛养殖、水产养殖等产业。") == set()
    assert companies("发展纺织服装、汽车零部件、精密机械等产业集群。") == set()


def test_a_firm_before_the_size_of_its_plant_without_nianchan():
    found = companies("建成永金化工20万吨乙二醇、永龙化工100万吨真空盐等项目。")
    assert {"永金化工", "永龙化工"} <= found
    assert "硕维电子" in companies("开工建设硕维电子30万台电脑和200万套LED灯具等项目。")
    assert "龙丰热电" in companies("积极推进龙丰热电2×60万千瓦热电机组项目前期工作。")
    # An output stated after the town, a kind or a product names no firm.
    assert companies("全镇粮油产量20万吨，生产水泥100万吨。") == set()
    assert companies("新建分布式光伏20MW，发展生猪养殖3000头。") == set()
    assert companies("新增冷链物流3万吨。") == set()


def test_a_count_closing_a_list_adds_no_project():
    # d28: the list's projects are the project rules'; 共 is no part of the last name.
    text = "枣园村城改安置楼、枣园小学、汉都新苑保障房建设共5个在建项目总投资完成12.7亿元。"
    assert not any(f.name.endswith("共") for f in find_mentions(text))


def test_lists_of_firms_with_no_word_closing_them():
    # d68: the last name runs on into the clause, up to its line of business.
    found = companies("2023年已培育鸿运实业并计划申报峰创商贸、既济建材为限上商贸企业。")
    assert {"峰创商贸", "既济建材"} <= found
    assert {"兴达纺织", "华美服饰"} <= companies("全力支持宏发实业、兴达纺织、华美服饰加快发展。")
    # Bare names signed or brought in, with nothing after them.
    assert {"宏发", "兴达", "华美"} <= companies("新签约宏发、兴达、华美，总投资8亿元。")
    assert companies("积极引进人才、资金、技术，推动产业升级。") == set()
    assert companies("主动对接并引进北京、上海，拓展市场。") == set()
    assert companies("签约文旅、康养、物流，总投资5亿元。") == set()
    assert companies("支持纺织服装、汽车零部件、精密机械加快发展。") == set()


def test_the_firm_before_the_product_of_a_listed_project_that_is_finished_or_signed():
    # c11 of the company check: a firm's usual name, then its plant's product.
    text = "华洋精工机器人、满仓面业等26个项目实现竣工，埃瓦电气智能电气设备、雄本农业柳河番茄谷等30个项目成功签约。"
    assert {"华洋精工", "埃瓦电气"} <= companies(text)
    assert "埃瓦电气智能电气" not in companies(text)
    # A town's own works, finished, name no firm.
    assert companies("农村产业路建设、广福社区幸福屋场等4个民生实事项目竣工。") == set()
    assert companies("智能装备产业园、新能源汽车零部件等项目开工建设。") == set()


def _parks(text):
    return {f.name for f in find_mentions(text) if f.type == "IndustrialPark"}


def test_carriers_named_by_a_number_or_a_surname_and_jia():
    # 002: a year or a serial names a carrier; a count says its measure word.
    assert {"零号基地", "贰号基地", "肆号基地"} <= _parks("提升零号基地、贰号基地、肆号基地对科创企业的孵化功能。")
    assert "1876产业园" in _parks("1876产业园今年开园。")
    assert _parks("全镇共有3家孵化器、5家众创空间。") == set()
    # 000: 家 is a measure word and a place name's second character after a surname.
    assert "康家工业园" in _parks("多措并举推进康家工业园等重点地块转型。")
    assert _parks("新建两家产业园，引进多家孵化器。") == set()


def test_incubators_and_accelerators_listed_by_their_kind_are_carriers():
    assert "贺海" in _parks("海创汇、贺海等加速器、孵化器全年共培育、孵化企业140余家。")


def test_products_and_kinds_of_plant_beside_a_firm_in_a_project_list_are_no_firms():
    # A stored page's plan: one firm-like name among products made the products firms.
    found = companies("继续推动渔光互补、长毛绒服饰、电缆铜芯线等项目尽早落地。")
    assert not {"渔光互补", "电缆铜芯线"} & found
    # A firm's works on its plant still name the firm (c05 of the company check).
    assert any("南方水泥" in f for f in companies("投资14亿元大众国轩三元正极材料、15亿元南方水泥优化升级等32个项目开工建设。"))


def test_persons_brought_in_or_listed_are_no_firms():
    assert companies("成功引进张伟、李明、王芳，充实人才队伍。") == set()
    assert companies("柔性引进王教授、李博士，助力产业发展。") == set()
    assert companies("张伟、李明、王芳等项目顺利推进。") == set()
    assert {"华为", "腾讯"} <= companies("引进华为、腾讯，打造数字经济。")


def test_an_area_reached_is_no_crop_and_a_crop_output_keeps_its_name():
    # 发展到 is the verb of reaching an area, not of planting a crop named 到
    assert "到种植面积" not in indicators("全镇蔬菜面积发展到2.8万亩。")
    assert "水果总产产量" not in indicators("蔬菜总产量达到25838吨，水果总产1506吨。")


def test_heads_of_registers_and_taxes_paid_in_are_no_heads_of_actions():
    assert indicators("城乡居民基本养老保险参保人数2.3万人。") == {"城乡居民基本养老保险参保人数"}
    assert "总户数" in indicators("全镇辖12个行政村，总户数8600户，总人口3.2万人。")
    assert indicators("完成入库税金5600万元。") == {"入库税金"}
    # people an action reached, taxes cut, funds pooled: no statistics
    assert not indicators("全年培训农民人数1200人。")
    assert not indicators("全年减免税金560万元。")
    assert not indicators("集中财力3000万元用于民生。")


def test_a_sectors_investment_of_all_kinds():
    assert "农业各类投入" in indicators("农业各类投入达250万元，增长42%。")


def test_a_register_of_firms_counted_for_itself_and_kinds_listed_after_new_ones():
    # a size class's count closed by a mark is the town's register, with or without a verb
    assert "规上工业企业数" in indicators("全镇规上工业企业56家，实现产值32亿元。")
    # …not the subject of a verb after it, and not the kinds listed after new ones
    assert not indicators("规上企业5家获评省级专精特新。")
    assert not indicators("新增规模以上工业企业4家、高新技术企业2家、省级专精特新企业1家。")
    assert not indicators("新增规上工业企业1家，服务业规上企业2家。")


def test_youxiao_is_a_word_of_the_name_not_what_the_town_has():
    assert "有效灌溉面积" in indicators("全乡有效灌溉面积3.2万亩。")


def test_firms_certified_or_put_forward_are_no_stock():
    # 认定/申报 count firms given a title, as 新增 counts new ones: an action
    assert not indicators("认定区级企业技术中心5家，市级专精特新中小企业7家、创新型中小企业12家。")
    assert not indicators("申报市级企业创新项目21个、市专精特新企业23家。")


def test_planned_sums_urged_works_and_their_building_area_are_no_statistics():
    # a works' budget (d145), a sum urged on a works named after it (d146), a works' site (d162)
    assert not indicators("其中，老旧小区焕新升级项目，计划投资1200余万元，完成双龙西路片区老旧小区改造。")
    assert not indicators("同时加快投资5000万元大陈村3000亩蓝莓基地二期建设速度。")
    assert not indicators("农批市场停车场建设面积约8亩，目前场地已经平整结束。")
    # a class of projects by their nature is no one project (d152): its investment is a statistic
    assert "收益性项目投资" in indicators("收益性项目投资2.758亿元，同比增长45.2%；服务业投资10.54亿元。")
    assert "政府性项目投资" in indicators("全年完成政府性项目投资3.2亿元。")


def test_kinds_of_a_crop_listed_after_its_kinds_and_people_a_works_benefits():
    # d156: 各类 before the crop, and a longer member after a comma that ends as the head does
    assert {"草本中药材种植面积", "木本中药材种植面积"} <= indicators("全乡种植各类草本中药材1590亩，木本中药材4555亩。")
    assert {"早稻种植面积", "晚稻种植面积"} <= indicators("全镇种植早稻1.2万亩，晚稻1.5万亩，新建蔬菜大棚500亩。")
    assert not any("大棚" in n for n in indicators("全镇种植早稻1.2万亩，晚稻1.5万亩，新建蔬菜大棚500亩。"))
    # d115: the people a works benefits are its field, not the town's population
    assert not indicators("计划修建村内道路4.2公里，安装路灯43盏，受益人口达1.2万余人。")


def test_a_list_of_sums_names_its_measure_once_when_members_are_written_as_the_head():
    # the subject's last word shared (第二产业 as 第一产业), or the measure (市外资金 as 省外资金)
    assert {"第二产业产值", "第三产业产值"} <= indicators("第一产业产值2亿元，第二产业12亿元，第三产业6亿元。")
    assert "市外资金" in indicators("完成招商引资到位资金12亿元，其中省外资金8亿元，市外资金3亿元。")
    # a bare name after a sum written otherwise is what the sum is spent on, not a member
    assert indicators("实现工业总产值30亿元，带动就业200人，修路资金500万元。") == {"规上工业总产值"}
    assert not any("配套" in n or "争取" in n for n in indicators("争取上级资金3000万元，镇级配套500万元。"))


def test_retail_sales_by_their_short_forms_and_sums_agreed_with_projects_just_counted():
    # d101: 消零 (消费品零售额) with 累计 before the verb of reaching; 社零 as progress reports write it
    assert "限额以上消零" in indicators("限额以上消零累计完成5260.1万元，同比增长7.01%。")
    assert "限上社零" in indicators("完成有效投资15亿元，限上社零12亿元，增长8%。")
    assert "高新技术产业投资" in indicators("工业投资累计完成10.26亿元；高新技术产业投资累计完成3.2亿元。")
    # d16: the sum agreed with the projects the clause before counts is theirs
    assert not indicators("今年引进了4个项目，协议投资额累计达10.3亿元。")
    assert not indicators("签约项目8个，协议投资额20亿元。")
    assert "协议引资" in indicators("全年协议引资累计达10.3亿元。")


def test_three_sectors_with_their_ordinals_elided_after_the_first():
    assert indicators("其中一、二、三产业增加值分别为2亿元、6亿元、4亿元。") == {
        "第一产业增加值",
        "第二产业增加值",
        "第三产业增加值",
    }


def test_the_short_sectors_after_a_lead_in_the_middle_of_a_sentence():
    # 其中 before the list is a lead, also when the clause is not the sentence's first
    assert {"第一产业增加值", "第二产业增加值", "第三产业增加值"} <= indicators(
        "上半年累计实现地区生产总值8亿元，同比增长7%，其中一、二、三产增加值分别同比增长3%、8%和9%。"
    )


def test_typed_place_end_is_the_test_of_every_suffix():
    """The automaton's answer equals testing each long suffix in turn, as the list rules
    did: the last occurrence of each suffix found short of the item's last character."""
    from kg.extraction.mentions.lexicon import _suffixes, typed_place_end

    def every_suffix(first: str) -> int | None:
        typed = [first.rfind(s) + len(s) for s, _, _ in _suffixes() if len(s) >= 2 and s in first[:-1]]
        return max(typed) if typed else None

    items = [
        "建材工业园天欣",
        "古丈产业开发区晓光新材",
        "引进科创宝",
        "园区园区",
        "工业园区",
        "工业园",
        "天欣",
        "",
        "产业园产业园甲",
    ]
    for first in items:
        assert typed_place_end(first) == every_suffix(first), first
    assert typed_place_end("建材工业园天欣") == len("建材工业园")


def test_figure_scans_are_skipped_only_where_they_find_nothing():
    """The subject and rate figures need a digit (any, full-width too) or 亿/万 after
    their name; a sentence without one is not scanned, and with one it still is."""
    from kg.extraction.mentions.figures import _FIGURE_MARK, _RATE_FIGURE, _SUBJECT_FIGURE

    for text in ("全镇实现工业总产值突破亿元", "粮食产量达１２万吨", "森林覆盖率达到45%", "人均收入增长8.5%"):
        assert _FIGURE_MARK.search(text)
        assert list(_SUBJECT_FIGURE.finditer(text)) or list(_RATE_FIGURE.finditer(text)), text
    for text in ("加快推进乡村振兴，持续改善人居环境", "工业总产值稳步提高，森林覆盖率进一步提升"):
        assert not _FIGURE_MARK.search(text)
        assert not list(_SUBJECT_FIGURE.finditer(text)) and not list(_RATE_FIGURE.finditer(text)), text
    assert [f.type for f in find_mentions("全镇实现工业总产值突破亿元")] == ["Indicator"]


def test_subject_figures_scanned_near_their_measure_words_are_every_match():
    """_scan_near tries only the positions up to 16 characters before a measure word with
    its figure: it finds what a scan of every position finds, in the same order, names of
    every length up to 16 and several in one sentence included."""
    from kg.extraction.mentions.figures import _MEASURE_WITH_FIGURE, _SUBJECT_FIGURE
    from kg.extraction.mentions.lexicon import _scan_near

    texts = [
        "全镇实现工业总产值突破亿元",
        "粮食产量达１２万吨，内资到位额（区外）16亿元",
        "规上工业企业实现产值32亿元、利润2.1亿元、税收1.6亿元",
        "上半年累计实现地区生产总值8亿元，同比增长7%，其中一、二、三产增加值分别同比增长3%、8%和9%。",
        "一二三四五六七八九十一二三四五六七八九十产值达5亿元",
        "产值产值产值达5亿元",
        "加快推进乡村振兴，持续改善人居环境",
        "",
    ]
    for text in texts:
        every = [(m.span(), m.group("name")) for m in _SUBJECT_FIGURE.finditer(text)]
        near = [(m.span(), m.group("name")) for m in _scan_near(_SUBJECT_FIGURE, text, _MEASURE_WITH_FIGURE, 16)]
        assert near == every, text
    assert len(list(_SUBJECT_FIGURE.finditer(texts[2]))) == 3


def test_a_sentence_deadline_is_the_same_searched_once():
    """deadline_of keeps the search of each text (the clauses of a sentence ask for its
    deadline in turn): the same answer each time, and none for a text with no 年 or 月."""
    from datetime import date

    from kg.extraction.milestones import deadline_of

    period = (date(2023, 1, 1), date(2023, 12, 31))
    for _ in range(2):
        assert deadline_of("力争6月底前完成", *period) == (date(2023, 6, 30), "6月底前")
        assert deadline_of("年内建成投用", *period) == (date(2023, 12, 31), "年内")
        assert deadline_of("推进建设", *period) == (date(2023, 12, 31), None)
    assert deadline_of("十一月底前完成", date(2024, 1, 1), date(2024, 12, 31)) == (date(2024, 11, 30), "十一月底前")


def test_scans_near_their_anchors_find_what_a_scan_of_every_position_finds():
    """_scan_near on random texts made of the words the patterns turn on (lines of
    business, measure words, figures, units, the words after a base) and other
    characters: the same matches as finditer, for each pattern scanned so."""
    import random

    from kg.extraction.mentions.acts import (
        _OWNED_BASE,
        _OWNED_BASE_AT,
        _SIZED_PLANT,
        _SIZED_PLANT_AT,
        _TRADE_NAME_REACH,
    )
    from kg.extraction.mentions.figures import _MEASURE_WITH_FIGURE, _SUBJECT_FIGURE
    from kg.extraction.mentions.lexicon import _scan_near
    from kg.extraction.mentions.stocks import _STOCK, _STOCK_AT

    pieces = [
        *"永金宏达天欣镇村的、，。（）",
        "化工",
        "电子",
        "科技",
        "新材料",
        "20",
        "2×60",
        "3.5",
        "万",
        "亿",
        "吨",
        "台",
        "千瓦",
        "生产基地",
        "研发中心",
        "年产10",
        "产值",
        "投资",
        "达",
        "增长",
        "%",
        "（区外）",
        "一二三四五六七八",
        "企业",
        "合作社",
        "家",
        "个",
        "现有",
        "全镇有",
        "总数",
        "由32家增加到",
        "发展到",
        "56家",
        "3个",
        "企业56家",
    ]
    rng = random.Random(16)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(6000)]
    texts += [
        "永金化工20万吨乙二醇",
        "硕维电子30万台电脑",
        "龙丰热电2×60万千瓦热电机组",
        "宏达科技研发生产基地",
        "天欣电子年产10万台",
    ]
    for pattern, anchor, reach in (
        (_OWNED_BASE, _OWNED_BASE_AT, _TRADE_NAME_REACH),
        (_SIZED_PLANT, _SIZED_PLANT_AT, _TRADE_NAME_REACH),
        (_SUBJECT_FIGURE, _MEASURE_WITH_FIGURE, 16),
        (_STOCK, _STOCK_AT, 13),
    ):
        found = 0
        for text in texts:
            every = [(m.span(), m.group()) for m in pattern.finditer(text)]
            assert [(m.span(), m.group()) for m in _scan_near(pattern, text, anchor, reach)] == every, text
            found += len(every)
        assert found > 20, pattern.pattern[:40]


def test_land_crop_and_herd_figures_are_still_read_where_a_digit_follows():
    """The land, crop and herd scans run only on a text with a digit (each match has one
    after its name): with one they read as before."""
    names = {
        f.name
        for f in find_mentions("全镇拥有耕地3.2万亩、林地12万亩，出栏生猪2.3万头，土地流转面积达1.5万亩")
        if f.type == "Indicator"
    }
    assert {"耕地面积", "林地面积", "生猪出栏", "土地流转面积"} <= names
    assert not [f for f in find_mentions("全镇耕地林地保护良好，出栏生猪稳定") if f.rule == "figure"]
