"""Which town, county, city and province a report is from.

A report names its own place in a few fixed spots: the congress line of the title block
(``2023年1月12日在湖北省宜昌市夷陵区小溪塔街道第X届人民代表大会…``), the opening formula
(``我代表白鹤镇人民政府``), the title (``桥头镇2023年度政府工作报告``) and the publishing
body a site prints (``发布机构：XX县XX镇人民政府``). Those give a name such as 白鹤镇, often
with the units above it. The name is looked up in the national gazetteer
(:mod:`loaders.gazetteer`): a unit named before it narrows the search; when the name
still exists in several counties, the county whose own name, city, province, sibling
townships or villages the text speaks of wins; when nothing decides, the county stays
unknown (and so do the city and province unless all candidates share them). Nothing
defaults to any city.

>>> p = resolve_place(["上海市宝山区庙行镇"], "")
>>> p.province, p.city, p.county, p.town, p.code
('上海市', '上海市', '宝山区', '庙行镇', '310113112')
>>> resolve_place(["庙行镇"], "").county
'宝山区'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from loaders.gazetteer import TOWNSHIP_SUFFIXES, Division, gazetteer

# The peoples that name autonomous prefectures, counties and banners (恩施土家族苗族自治州):
# the 55 minority nationalities, longest first so that 蒙古 is not read as 蒙.
_PEOPLES = sorted(
    [
        "蒙古",
        "回",
        "藏",
        "维吾尔",
        "苗",
        "彝",
        "壮",
        "布依",
        "朝鲜",
        "满",
        "侗",
        "瑶",
        "白",
        "土家",
        "哈尼",
        "哈萨克",
        "傣",
        "黎",
        "傈僳",
        "佤",
        "畲",
        "高山",
        "拉祜",
        "水",
        "东乡",
        "纳西",
        "景颇",
        "柯尔克孜",
        "土",
        "达斡尔",
        "仫佬",
        "羌",
        "布朗",
        "撒拉",
        "毛南",
        "仡佬",
        "锡伯",
        "阿昌",
        "普米",
        "塔吉克",
        "怒",
        "乌孜别克",
        "俄罗斯",
        "鄂温克",
        "德昂",
        "保安",
        "裕固",
        "京",
        "塔塔尔",
        "独龙",
        "鄂伦春",
        "赫哲",
        "门巴",
        "珞巴",
        "基诺",
    ],
    key=len,
    reverse=True,
)
_AUTONOMOUS = re.compile(rf"(?:(?:{'|'.join(_PEOPLES)})族)+自治(?:区|州|县|旗)$")
_LEVEL_SUFFIXES = {
    "province": ("省", "市", "自治区"),
    "prefecture": ("市", "地区", "盟", "自治州"),
    "county": ("县", "区", "市", "旗", "自治县", "自治旗", "林区", "特区"),
}


def short_name(division: Division) -> str | None:
    """The form a text uses without the unit word: 湖北 (湖北省), 恩施 (恩施土家族苗族自治州),
    广西 (广西壮族自治区), 夷陵 (夷陵区); None when fewer than two characters remain.

    >>> [short_name(d) for d in gazetteer().named("恩施土家族苗族自治州")]
    ['恩施']
    """
    name = division.name
    if m := _AUTONOMOUS.search(name):
        stem = name[: m.start()]
    else:
        stem = name
        for suffix in sorted(_LEVEL_SUFFIXES.get(division.level, TOWNSHIP_SUFFIXES), key=len, reverse=True):
            if name.endswith(suffix):
                stem = name[: -len(suffix)]
                break
    return stem if len(stem) >= 2 and stem != name else None


@cache
def _names_by_level() -> dict[str, dict[str, list[Division]]]:
    """Full and short names of provinces, prefectures and counties."""
    table: dict[str, dict[str, list[Division]]] = {"province": {}, "prefecture": {}, "county": {}}
    for division in gazetteer().divisions.values():
        if division.level in table:
            table[division.level].setdefault(division.name, []).append(division)
            if division.level != "county" and (short := short_name(division)):
                table[division.level].setdefault(short, []).append(division)
            # An autonomous county goes by its stem and unit (通道县 for 通道侗族自治县, 长阳县
            # for 长阳土家族自治县, on its own sites' 信息来源 lines and in its towns' reports).
            if division.level == "county" and (m := _AUTONOMOUS.search(division.name)) and len(m.string[: m.start()]) >= 2:
                alias = division.name[: m.start()] + division.name[-1]
                if alias not in table["county"]:
                    table["county"].setdefault(alias, []).append(division)
    return table


@dataclass(frozen=True)
class ResolvedPlace:
    town: str | None = None
    code: str | None = None  # the most specific division code found
    county: str | None = None
    city: str | None = None
    province: str | None = None
    evidence: str = ""


def split_units(place: str) -> tuple[list[Division], str]:
    """Units named at the start of ``place`` (province, prefecture, county, in that order)
    and what is left. A name shared by several units (宝山区 is in 上海 and in 双鸭山)
    is cut but not resolved: it is one of the ``cut`` names :func:`resolve_place` checks.

    >>> units, rest = split_units("湖北省宜昌市夷陵区小溪塔街道")
    >>> [d.name for d in units], rest
    (['湖北省', '宜昌市', '夷陵区'], '小溪塔街道')
    """
    units, rest, _ = _split(place)
    return units, rest


def _split(place: str) -> tuple[list[Division], str, list[str]]:
    cut: list[str] = []
    units: list[Division] = []
    rest = place
    names = _names_by_level()
    for level in ("province", "prefecture", "county"):
        for length in range(min(len(rest), 12), 1, -1):
            found = names[level].get(rest[:length])
            if not found:
                continue
            if units:  # inside the unit already found
                found = [d for d in found if d.code.startswith(units[-1].code)]
            if rest[length:] in TOWNSHIP_SUFFIXES:
                continue  # 塔城乡 is a township, not the prefecture 塔城 and a 乡
            if found:
                # Several units of one name (市中区) narrow nothing, but are cut all the same.
                if len(found) == 1:
                    units.append(found[0])
                cut.append(rest[:length])
                rest = rest[length:]
                break
    return units, rest, cut


_UNKNOWN_COUNTY = re.compile(
    rf"^(?P<county>[\u4e00-\u9fff]{{1,5}}?(?:新区|区|县|旗))(?P<town>[\u4e00-\u9fff]{{2,10}}(?:{'|'.join(TOWNSHIP_SUFFIXES)}))$"
)
_TOWN = re.compile(rf"^[\u4e00-\u9fff]{{1,10}}?(?:{'|'.join(TOWNSHIP_SUFFIXES)})$")


# Words of the genre that look like a town's name but name none: 乡镇政府工作报告 is the
# title of a template or of a report that does not name itself, 我镇/本镇 the town itself.
_GENERIC_TOWN = re.compile(r"^(?:乡镇|城镇|[我本全该各某][镇乡]|[XＸ某]+(?:镇|乡|街道)|(?:镇|乡|街道))$")


_MEETING_WORDS = re.compile(r"会议|大会|代表|人大|政府|同志|主持|召开|书记")
_SERVICE_VERBS = re.compile(r"(?:促进|推进|推动|督促|监督|支持|协助|配合|指导|帮助|要求|带动|引导|服务)")


def _generic_town(name: str) -> bool:
    """A word of the genre, not a town: besides _GENERIC_TOWN, a phrase ending in 乡镇
    (振兴乡镇 of a site's breadcrumb, 全县乡镇, 各乡镇) speaks of townships and towns in
    general; a real name ending so (三乡镇) is one the gazetteer knows.

    >>> _generic_town("振兴乡镇"), _generic_town("我镇"), _generic_town("大通镇"), _generic_town("大会第二次会议在乡")
    (True, True, False, True)
    >>> _generic_town("促进镇")
    True
    """
    if _GENERIC_TOWN.match(name):
        return True
    # A run of a news sentence that happens to end in 乡 or 镇 (大会第二次会议在乡政府…):
    # words of meetings and offices are in no township's name.
    if _MEETING_WORDS.search(name):
        return True
    # …or a verb whose object is the town's government (促进镇人民政府决策科学化, 督促乡政府…):
    # verbs of one body acting on another, in no township's name.
    if _SERVICE_VERBS.match(name) and not gazetteer().named(name, "township"):
        return True
    return name.endswith("乡镇") and not gazetteer().named(name, "township")


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


_TOWNSHIP_SUFFIX = re.compile("|".join(sorted(TOWNSHIP_SUFFIXES, key=len, reverse=True)))


def named_township(text: str) -> str | None:
    """The township the text names most often, at least twice, by its full name in the
    gazetteer (济沁河乡): a report that names itself nowhere else still speaks of itself.

    >>> named_township("济沁河乡位于龙江县西北部。济沁河乡矿产资源丰富。与山泉镇接壤。")
    '济沁河乡'
    >>> named_township("2022年以来，在区委、区政府的正确领导下，未央宫街道以迎接党的二十大召开为主线")
    '未央宫街道'
    >>> named_township("与山泉镇接壤") is None
    True
    >>> named_township("4月27日上午，太华路街道召开2014年目标考核暨2015年目标责任落实大会")
    '太华路街道'
    """
    g = gazetteer()
    counts: dict[str, int] = {}
    for m in _TOWNSHIP_SUFFIX.finditer(text):
        for length in range(8, 1, -1):
            start = m.end() - len(m.group()) - length
            if start < 0:
                continue
            name = text[start : m.end()]
            if _HAN_RUN.fullmatch(name) and g.named(name, "township"):
                # Named as the acting government (塔城乡政府, 未央宫街道党工委) or as the
                # subject after the leadership formula (在区委、区政府的领导下，未央宫街道…),
                # it is the report's own town: that counts double.
                own = _OWN_TOWN_AFTER.match(text, m.end()) or _OWN_TOWN_BEFORE.search(text, 0, start)
                counts[name] = counts.get(name, 0) + (2 if own else 1)
                break
    best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if best and best[0][1] >= 2 and (len(best) == 1 or best[0][1] > best[1][1]):
        return best[0][0]
    return None


# The town acting (塔城乡政府, 未央宫街道党工委) or the subject of the leadership formula
# (草滩街道在区委、区政府的正确领导下): a report's own town.
# A report that names its town only by the short name (孙岗发展进程, 幸福孙岗, 立足冶溪实际,
# 魅力冶溪, 望月湖力量): the town's unit is told by the words the report uses of itself (全镇,
# 镇党委…), the short name by the phrases of a town's identity around it.
_SELF_UNIT = [
    ("街道", re.compile(r"全街道|街道党工委|街道办事处|本街道|全街")),
    ("乡", re.compile(r"全乡|乡党委|乡人民政府|本乡|我乡")),
    ("镇", re.compile(r"全镇|镇党委|镇人民政府|本镇|我镇")),
]
# …and 关系枨冲全局, 枨冲有史以来, 漳浒争先 (the whole of the town, its history, its slogan);
# 刘渡的发展 and 刘渡建设发展 (过去一年刘渡的发展极不平凡; the thanks to all who 关心支持刘渡建设
# 发展, 关心、支持、参与罗店各项事业发展): 建设 so is a word of the phrase, never a short name,
# though 建设镇 exists — the genre's commonest word would otherwise name the town.
_IDENTITY_AFTER = r"(?:的|建设|各项事业)?(?:发展|人民|实际|力量|经验|特色|品牌|样板|精神|答卷|新篇|全局|有史以来|争先)"
_IDENTITY_BEFORE = r"(?:幸福|魅力|美丽|和谐|平安|生态|文明|活力|富美|秀美|大美|关心[、和]?支持[、和]?(?:参与)?)"
# Words of those phrases are no short names themselves (幸福镇 exists; 建设幸福家园 names none).
_IDENTITY_WORDS = set(_HAN_RUN.findall(_IDENTITY_AFTER + _IDENTITY_BEFORE))


@lru_cache(maxsize=4096)
def _identity_words(short: str) -> re.Pattern:
    """A township's short name with the words a report says of its own town (月湖发展, 幸福月湖)."""
    return re.compile(rf"{short}{_IDENTITY_AFTER}|{_IDENTITY_BEFORE}{short}(?![镇乡街])")


def township_by_short_name(text: str) -> str | None:
    """The township a report names by its short name only, if one such name stands out:
    it occurs at least twice, at least once in a phrase of the town's identity, and is the
    short name of a township of the report's own unit (镇, 乡 or 街道) in the gazetteer.

    >>> township_by_short_name("2020年是孙岗发展进程中极不寻常的一年。全镇上下…建设幸福孙岗。")
    '孙岗镇'
    >>> township_by_short_name("全镇上下建设幸福家园。") is None
    True
    >>> township_by_short_name("全街上下积极贡献望月湖力量。望月湖地铁站上盖物业")
    '望月湖街道'
    """
    g = gazetteer()
    units = sorted(((len(p.findall(text)), unit) for unit, p in _SELF_UNIT), reverse=True)
    if not units or units[0][0] == 0:
        return None
    unit = units[0][1]
    counts: dict[str, int] = {}
    for i in range(len(text) - 1):
        for length in (2, 3):
            short = text[i : i + length]
            if len(short) == length and _HAN_RUN.fullmatch(short) and g.named(short + unit, "township"):
                counts[short] = counts.get(short, 0) + 1
    ranked = []
    for short, count in counts.items():
        if short in _IDENTITY_WORDS:
            continue
        identity = len(_identity_words(short).findall(text))
        if count >= 2 and identity:
            ranked.append((identity, count, short))
    # 望月湖 holds 月湖 (月湖街道 is another township): the longer name read is the one meant.
    ranked = [r for r in ranked if not any(r[2] in o[2] and r[2] != o[2] and o[1] >= r[1] for o in ranked)]
    ranked.sort(reverse=True)
    if ranked and (len(ranked) == 1 or ranked[0][:2] > ranked[1][:2]):
        return ranked[0][2] + unit
    return None


# The closing slogan of a town's report names the town by its short name (奋力谱写中国式现代化周王
# 篇章; 谱写…现代化淳溪建设新篇章; 现代化大合坪新篇章): a report that names its town nowhere
# else (a copy that starts inside the plan part) still says whose chapter it writes.
_SLOGAN_TOWN = re.compile(r"现代化的?(?P<short>[\u4e00-\u9fff]{2,4}?)(?:建设)?(?:新|崭新)?篇章")


def township_of_slogan(text: str) -> str | None:
    """The one township whose short name the slogan's chapter bears, when the gazetteer has
    exactly one of that name (of any unit) and the name is no county's, city's or province's.

    >>> township_of_slogan("奋力谱写中国式现代化周王篇章。")
    '周王镇'
    >>> township_of_slogan("奋力谱写中国式现代化湖北篇章。") is None
    True
    """
    g = gazetteer()
    levels = _names_by_level()
    found: set[str] = set()
    for m in _SLOGAN_TOWN.finditer(text):
        short = m.group("short")
        if any(short in levels[level] for level in levels) or g.named(short + "县") or g.named(short + "区"):
            continue
        found.update(short + unit for unit in ("镇", "乡", "街道") for _ in g.named(short + unit, "township"))
        found.update(short for _ in g.named(short, "township"))
    return found.pop() if len(found) == 1 and len(g.named(next(iter(found)), "township")) == 1 else None


# Kinds of town in the words of urban policy (大中小城市和小城镇, 重点镇, 中心镇), which some
# townships also bear as names: in running text they speak of towns in general.
_KIND_OF_TOWN = re.compile(r"^(?:大|小|中心|重点|特色|建制)城?镇$")


_RELATION_BEFORE = re.compile(r"(?:与|同|和|至|到|往|经|邻)$")


def only_township(text: str) -> str | None:
    """The one township the text names by its full name, once or more, when it names no
    other and not as a neighbour or a destination (与山泉镇接壤, 通往山泉镇): a report that
    names a town at all names its own (2025年…也是鼎龙乡迈向高质量发展的攻坚之年).

    >>> only_township("2025年是决胜之年，也是鼎龙乡迈向高质量发展的攻坚之年。")
    '鼎龙乡'
    >>> only_township("与山泉镇接壤") is None
    True
    """
    g = gazetteer()
    names: set[str] = set()
    for m in _TOWNSHIP_SUFFIX.finditer(text):
        for length in range(8, 1, -1):
            start = m.end() - len(m.group()) - length
            name = text[start : m.end()] if start >= 0 else ""
            if name and _HAN_RUN.fullmatch(name) and g.named(name, "township"):
                if _KIND_OF_TOWN.match(name):
                    break
                if _RELATION_BEFORE.search(text[max(0, start - 2) : start]):
                    return None
                names.add(name)
                break
    return names.pop() if len(names) == 1 else None


# …or as the subject of what it does (太华路街道召开…大会, 河西务镇，以…为契机，…确定五大重点工程).
_OWN_TOWN_AFTER = re.compile(r"(?:人民政府|政府|党委|党工委|办事处|在(?:区|县|市|旗)委|召开|[，,]以|将(?!其)|坚持|紧紧围绕)")
_OWN_TOWN_BEFORE = re.compile(r"领导下[，,]\s*$")


def _subdistrict_by_office(name: str, county_code: str) -> str | None:
    """``name`` + 街道 when the county (by its code) holds exactly one subdistrict so named."""
    if not _HAN_RUN.fullmatch(name) or not 2 <= len(name) <= 6:
        return None
    found = [d for d in gazetteer().named(name + "街道", "township") if d.code.startswith(county_code)]
    return found[0].name if len(found) == 1 else None


def resolve_place(candidates: list[str], text: str) -> ResolvedPlace:
    """The report's place from candidate place strings (strongest first) and the text."""
    g = gazetteer()
    units: list[Division] = []
    town = None
    cut: list[str] = []
    known = False
    for candidate in candidates:
        found, rest, names_cut = _split(candidate)
        if rest and not g.named(rest, "township"):
            # A site line may run words of its own into the place (导航菜单天长市大通镇):
            # the place is the longest tail of the line that the gazetteer knows.
            for i in range(1, min(len(candidate) - 2, 12)):
                tail_units, tail_rest, tail_cut = _split(candidate[i:])
                # …a township of the units read with it (通道县菁芜洲镇 is no 道县's town).
                if (
                    tail_rest
                    and any(d.code.startswith(tail_units[-1].code if tail_units else "") for d in g.named(tail_rest, "township"))
                    and (tail_units or len(tail_rest) >= 3)
                ):
                    found, rest, names_cut = tail_units, tail_rest, tail_cut
                    break
        if len(found) > len(units):
            units = found
        if rest and _TOWN.match(rest) and not _generic_town(rest) and (town is None or not known):
            # A candidate the gazetteer knows beats an earlier one it does not (a site's
            # breadcrumb run into the title: 规划计划大塘埠镇).
            if town is None or g.named(rest, "township"):
                town, cut, known = rest, names_cut, bool(g.named(rest, "township"))
        elif rest and found and town is None and (office := _subdistrict_by_office(rest, found[-1].code)):
            # A subdistrict named by its office alone under its county (汉滨区老城办事处 for
            # 老城街道办事处; 城关办, 江北办事处): county sites and papers shorten 街道办事处
            # so, and the county's subdistrict of that name is the one meant.
            town, cut, known = office, names_cut, True
    within = units[-1].code if units else ""
    if town is None:
        return _from_units(units, "no town named")
    names = [town]
    if town.endswith("街道办事处"):
        names.append(town.removesuffix("办事处"))
    matches = [
        d
        for name in names
        for d in g.named(name, "township")
        if d.code.startswith(within) and all(_names_above(d.code) & {c} for c in cut)
    ]
    if not matches:
        place = _from_units(units, f"{town} not in the gazetteer")
        county = place.county
        if county is None and (m := _UNKNOWN_COUNTY.match(town)):
            county, town = m.group("county"), m.group("town")  # unit words tell a county we do not know
        return ResolvedPlace(town, place.code, county, place.city, place.province, place.evidence)
    if len(matches) > 1:
        scored = sorted(((_score(d, text), d) for d in matches), key=lambda x: -x[0])
        if scored[0][0] > scored[1][0]:
            matches, evidence = [scored[0][1]], f"of {len(scored)} named {town}, the one whose surroundings the text names"
        elif scored[0][0] > scored[-1][0]:
            # The text rules some out (视察江西 and 县委 leave the two 鹅湖镇 of 江西's
            # counties, not 无锡's 区): the county stays unknown, but what the ones left
            # share (their province) is told.
            matches = [d for score, d in scored if score == scored[0][0]]
            evidence = f"{len(matches)} of {len(scored)} townships named {town} fit the text; nothing decides between them"
        else:
            evidence = f"{len(matches)} townships named {town}; nothing in the text decides"
    else:
        evidence = "gazetteer"
    if len(matches) == 1:
        p = g.place(matches[0].code)
        return ResolvedPlace(
            matches[0].name if matches[0].name in names else town, p.code, p.county, p.city, p.province, evidence
        )
    # Several left: keep what they share.
    places = [g.place(d.code) for d in matches]
    shared = {
        field: vals.pop() if len(vals := {getattr(p, field) for p in places}) == 1 else None
        for field in ("county", "city", "province")
    }
    return ResolvedPlace(town, None, shared["county"], shared["city"], shared["province"], evidence)


# The county that leads the town, named in the leadership formula (在金水区委、区政府的领导下,
# 铅山县委县政府): a town's report speaks so only of its own county.
_COUNTY_LEADS = re.compile(r"([\u4e00-\u9fff]{2,10}?(?:县|区|旗|市))委(?:[、，,和]?(?:县|区|旗|市)(?:人民)?政府)?")


def county_leading(text: str) -> ResolvedPlace | None:
    """The county named in the leadership formula, when the names found there are of one
    county-level unit of the gazetteer (its city and province too when the name is unique).

    >>> county_leading("在金水区委、区政府的正确领导下，全街道上下团结一心").county
    '金水区'
    >>> county_leading("在区委、区政府的正确领导下") is None
    True
    >>> p = county_leading("在宜昌市夷陵区委的领导下")
    >>> p.county, p.city, p.province
    ('夷陵区', '宜昌市', '湖北省')
    """
    g = gazetteer()
    found: set[str] = set()
    divisions: list[Division] = []
    for m in _COUNTY_LEADS.finditer(text):
        run = m.group(1)
        for i in range(len(run) - 2):
            # The longest tail of the run that names a county: 宜昌市夷陵区 → 夷陵区 after
            # the city, 认真落实铅山县 → 铅山县.
            if named := g.named(run[i:], "county"):
                # …within the city or province named before it (宜昌市夷陵区).
                units, _ = split_units(run[:i])
                within = units[-1].code if units else ""
                named = [d for d in named if d.code.startswith(within)] or named
                found.add(run[i:])
                divisions = named
                break
    if len(found) != 1:
        return None
    places = [g.place(d.code) for d in divisions]
    shared = {
        field: vals.pop() if len(vals := {getattr(p, field) for p in places}) == 1 else None for field in ("city", "province")
    }
    code = divisions[0].code if len(divisions) == 1 else None
    return ResolvedPlace(None, code, found.pop(), shared["city"], shared["province"], "the county of the leadership formula")


# A town's place in its county as a town's introduction gives it (马家台位于柞水县境东北部; 白鹤镇
# 位于青浦区西北部): the subject is the town, by its full or its short name.
_LOCATED_IN = r"(?:镇|乡|街道)?位于(?P<county>[\u4e00-\u9fff]{2,8}?(?:自治县|县|区|旗|市))"


@lru_cache(maxsize=1024)
def _located_in(stem: str) -> re.Pattern:
    return re.compile(re.escape(stem) + _LOCATED_IN)


def county_of_location(text: str, town: str) -> ResolvedPlace | None:
    """The county a text places its town in (马家台位于柞水县境东北部), when the gazetteer
    knows one county of that name.

    >>> county_of_location("马家台位于柞水县境东北部，全乡辖7个行政村。", "马家台乡").county
    '柞水县'
    """
    suffix = next((x for x in sorted(TOWNSHIP_SUFFIXES, key=len, reverse=True) if town.endswith(x)), "")
    stem = town[: len(town) - len(suffix)]
    if len(stem) < 2 or not (m := _located_in(stem).search(text)):
        return None
    named = gazetteer().named(m.group("county"), "county")
    if len(named) != 1:
        return None
    p = gazetteer().place(named[0].code)
    return ResolvedPlace(town, p.code, p.county, p.city, p.province, f"{town} 位于 {p.county} in the text")


def _names_above(code: str) -> set[str]:
    """The full and short names of the units above a division."""
    g = gazetteer()
    names: set[str] = set()
    division = g.divisions.get(g.divisions[code].parent or "")
    while division is not None:
        names.add(division.name)
        if short := short_name(division):
            names.add(short)
        division = g.divisions.get(division.parent) if division.parent else None
    return names


def _from_units(units: list[Division], evidence: str) -> ResolvedPlace:
    if not units:
        return ResolvedPlace(evidence=evidence)
    p = gazetteer().place(units[-1].code)
    return ResolvedPlace(None, p.code, p.county, p.city, p.province, evidence)


# The one-character names of the provinces (皖 安徽, 赣 江西…), which name a province in its
# regions (皖南, 赣南, 陕北) — a report's way of saying where it is.
_PROVINCE_ABBR = {
    "北京市": "京",
    "天津市": "津",
    "河北省": "冀",
    "山西省": "晋",
    "内蒙古自治区": "蒙",
    "辽宁省": "辽",
    "吉林省": "吉",
    "黑龙江省": "黑",
    "上海市": "沪",
    "江苏省": "苏",
    "浙江省": "浙",
    "安徽省": "皖",
    "福建省": "闽",
    "江西省": "赣",
    "山东省": "鲁",
    "河南省": "豫",
    "湖北省": "鄂",
    "湖南省": "湘",
    "广东省": "粤",
    "广西壮族自治区": "桂",
    "海南省": "琼",
    "重庆市": "渝",
    "四川省": "川",
    "贵州省": "黔",
    "云南省": "滇",
    "西藏自治区": "藏",
    "陕西省": "陕",
    "甘肃省": "陇",
    "青海省": "青",
    "宁夏回族自治区": "宁",
    "新疆维吾尔自治区": "新",
}


@cache
def _county_words(unit: str) -> tuple[re.Pattern, ...]:
    """How a report names the kind of county that governs it (县委、县政府; 全区水平; 评为县先进)."""
    return (
        re.compile(rf"{unit}委[、，,]?{unit}(?:人民)?政府"),
        re.compile(rf"全{unit}(?:水平|平均|前列|首位|第[一二三四五六七八九十\d]|各?乡镇|先进)"),
        re.compile(rf"(?:被评为|评为|荣获){unit}级?(?:先进|优秀|第[一二三四五六七八九十\d])"),
    )


@cache
def _region_words(abbr: str) -> re.Pattern:
    """A province's one-character name with a direction (皖南, 苏北)."""
    return re.compile(rf"{abbr}[东南西北中]")


# A disclosure page's 索引号 opens with the publishing body's unified social credit code (GB
# 32100: 11 for an organ of the state, then the six digits of its division, the organisation
# code and a check character), then /year-serial: 11341702003257063E/202301-00096,
# 11320482014141568L/2023-00025. Its division is where the publisher sits — a county's portal
# for its towns, or the town government itself.
_CREDIT_CODE = re.compile(r"索引号[\s:：|\]\[]*1[1-9](\d{6})[0-9A-Z]{10}\s*/")


def _publisher_division(text: str) -> str | None:
    """The division code of a disclosure page's publisher, from its 索引号.

    >>> _publisher_division("索引号 | 11341702003257063E/202301-00096 | 组配分类")
    '341702'
    """
    return m.group(1) if (m := _CREDIT_CODE.search(text)) else None


def _score(township: Division, text: str) -> int:
    """How much of a township's surroundings the text names: its county (by full or
    short name), city and province, its sibling townships and its villages."""
    g = gazetteer()
    score = 0
    county = g.divisions.get(township.parent or "")
    chain = []
    while county is not None:
        chain.append(county)
        county = g.divisions.get(county.parent) if county.parent else None
    # The report says which kind of county governs it: 在县委、县政府领导下, 区委, 市委.
    if chain:
        unit = next((u for u in ("自治县", "县", "区", "市", "旗") if chain[0].name.endswith(u)), None)
        # …or measures the town against the whole county: 保持在全区水平以上, 居全县前列,
        # 在全县乡镇中率先, 被评为县先进.
        if unit and (any(p.search(text) for p in _county_words(unit[-1]))):
            score += 1
        # A province's one-character name in a region of it: 皖南川藏线, 陕北, 苏北, 赣南.
        if (abbr := _PROVINCE_ABBR.get(chain[-1].name)) and any(
            _is_region(text, m.start()) for m in _region_words(abbr).finditer(text)
        ):
            score += 1
    # The publisher's division: its county, else its city, else its province (a mirror may
    # keep a table of another county's portal: 梅林镇's page under 贵池区's code, of 安徽 still).
    if (publisher := _publisher_division(text)) is not None:
        score += next((w for n, w in ((6, 8), (4, 4), (2, 2)) if township.code.startswith(publisher[:n])), 0)
    # The town's own name holds no sign of its county (东兴镇 names 东兴市's short name 东兴, but
    # every 东兴镇 is so written): the county is looked for in the text without it.
    around = text.replace(township.name, "")
    for weight, division in zip((4, 2, 1), chain):
        if division.name in around:
            score += weight * 2
        elif (short := short_name(division)) and short in around:
            score += weight
    if chain:
        score += sum(2 for d in g.townships(chain[0].code) if d.code != township.code and len(d.name) >= 3 and d.name in text)
    # The NBS list gives villages without their 村 (乔庵, 二圣, 柯村); reports write 二圣村, 柯村村.
    score += sum(
        2
        for v in g.villages(township.code)
        # A village named after its township (新安镇's village 新安镇, the seat's committee)
        # is named by every text of that name: no sign of which township it is.
        if v.name != township.name
        and (
            (len(v.name) >= 3 and v.name in text)
            or (len(v.name) >= 2 and f"{v.name}村" in text)
            or on_route(v.name, text, township.name)
            or in_village_list(v.name, text, township.name)
        )
    )
    # A subdistrict (街道) has few villages: its work is told community by community
    # (建国里、新风里、友爱里三个社区改造), and those neighbourhood committees are its own.
    score += sum(2 for n in g.neighbourhoods(township.code) if names_community(n.name, text, township.name))
    return score


_NOT_A_REGION = re.compile(r"集团|物流|商城|公司|平台|超市")


def _is_region(text: str, at: int) -> bool:
    """Whether the province's one-character name at ``at`` (皖南, 陕北) names a region of it,
    not a character of a longer name: 新中国 (the People's Republic), 北京东路 and 南京西路
    (roads named after cities, found in any city), 辽宁北部 (the province's full name).

    >>> _is_region("地处皖南山区", 2), _is_region("新中国成立75周年", 0), _is_region("位于北京东路", 3)
    (True, False, False)
    """
    # …nor a brand (京东集团, 京东物流): a firm's name, not a region.
    if text[at + 2 : at + 3] == "国" or _NOT_A_REGION.match(text[at + 2 : at + 4]):
        return False
    before = text[max(0, at - 1) : at + 1]
    names = _names_by_level()
    return len(before) < 2 or not (before in names["province"] or before in names["prefecture"])


# A stretch of road is named by the places at its ends (魏庄至张店段, 张店至魏庄公路): a
# town's roads run between its own villages, named without 村.
_ROUTE_END = r"(?:段|公路|道路|路|线)"


@lru_cache(maxsize=4096)
def _route_ends(stem: str) -> re.Pattern:
    """A place as an end of a route (魏庄至张店段, 至魏庄公路)."""
    s = re.escape(stem)
    return re.compile(rf"{s}(?:至|到)[\u4e00-\u9fff]{{2,4}}?{_ROUTE_END}|(?:至|到){s}{_ROUTE_END}")


def on_route(village: str, text: str, town: str = "") -> bool:
    """Whether the text names a village (NBS name, 张店村 or bare 张店) as an end of a
    stretch of road. A village named after its town (魏庄 of 魏庄镇) is the town's name,
    found in every candidate's text alike.

    >>> on_route("张店村", "完成魏庄至张店段道路绿化提升", "魏庄镇")
    True
    >>> on_route("魏庄", "完成魏庄至张店段道路绿化提升", "魏庄镇")
    False
    """
    stem = village.removesuffix("村") if len(village) >= 3 else village
    # (a stem the text does not hold ends no route: most of a county's villages, each of
    # which would otherwise cost a pattern compiled for it)
    if len(stem) < 2 or (town and stem in town) or stem not in text:
        return False
    return _route_ends(stem).search(text) is not None


# Villages listed by their short names and counted (张店、魏南、胡巷3个村, 江村和前进等村):
# how a report names the villages a works reached.
_VILLAGE_LIST = re.compile(
    r"((?:[\u4e00-\u9fff]{2,5}[、和及])+[\u4e00-\u9fff]{2,5}?)(?:等?[一二三四五六七八九十两\d]+个|等)(?:行政)?村"
)


_VILLAGE_JOINER = re.compile(r"[、和及]")


def in_village_list(village: str, text: str, town: str = "") -> bool:
    """Whether the text lists the village (NBS name, 张店村 or bare 张店) by its short name
    in a counted list of villages. The list's first item may carry the words before it
    (涉及张店), so it counts when it ends in the name; a village named after its town is
    the town's name.

    >>> in_village_list("胡巷村", "开工建设涉及张店、魏南、胡巷3个村的农田水利工程", "魏庄镇")
    True
    >>> in_village_list("张店", "开工建设涉及张店、魏南、胡巷3个村的农田水利工程", "魏庄镇")
    True
    >>> in_village_list("魏南村", "魏南、魏北发展乡村旅游", "魏庄镇")
    False
    """
    stem = village.removesuffix("村") if len(village) >= 3 else village
    if len(stem) < 2 or (town and stem in town) or stem not in text:
        return False
    for m in _VILLAGE_LIST.finditer(text):
        first, *rest = _VILLAGE_JOINER.split(m.group(1))
        if stem in rest or first.endswith(stem):
            return True
    return False


@lru_cache(maxsize=4096)
def _community_after(stem: str) -> re.Pattern:
    """A name followed within the clause by 社区."""
    return re.compile(rf"{re.escape(stem)}[^。；;，,！？!?\s]{{0,12}}社区")


def names_community(name: str, text: str, town: str = "") -> bool:
    """Whether the text names a neighbourhood committee of ``town`` (the NBS name,
    建国里社区 or bare 山门): with its 社区, or by its stem in a clause that ends in 社区
    (建国里、新风里、友爱里三个社区), as reports list a subdistrict's communities. A
    stem of fewer than three characters (新安) is too often a word of its own to count
    without its 社区, and a community named after its town (新安社区 of 新安街道, 山门 of
    山门镇) is the town's name, found in every candidate's text alike.

    >>> names_community("建国里社区", "加快推进建国里、新风里、友爱里三个社区改造")
    True
    >>> names_community("新安", "新安街道2025年度工作总结，开具全市首张社区电子证明", "新安街道")
    False
    >>> names_community("山门", "在山门镇第十三届人民代表大会", "山门镇")
    False
    """
    stem = name.removesuffix("社区")
    if len(stem) < 2 or (town and stem in town):
        return False
    return f"{stem}社区" in text or (len(stem) >= 3 and stem in text and _community_after(stem).search(text) is not None)
