"""Places and works named by a suffix (…公园 Park, …产业园 IndustrialPark, …路 Road),
metro stations and lines, parcels by their planning codes."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from kg.extraction.mentions.lexicon import (
    _CN_DIGITS,
    _MAX_STEM,
    _PHASE,
    _Found,
    _long_suffixes,
    _suffix_rows,
    has_proper_part,
    stem_start,
)
from kg.extraction.mentions.trades import _GENERIC_STEMS, is_kind_of_firm
from loaders.gazetteer import gazetteer

_PARCEL_CODE = r"(?<![A-Za-z0-9-])(?:[A-Z]{1,2}\d{0,2}-\d{1,3}[A-Z]?|\d{1,3}-\d{1,3}[A-Z]?)(?![A-Za-z0-9-])"


_QUANTITY = rf"(?:[{_CN_DIGITS}\d]+[幅个座处条块家所])?"


_LINE = re.compile(r"(?:轨道交通|轨交|地铁)?(\d{1,2})号线")


# Lines named, not numbered, are said with their kind of railway (市域铁路嘉闵线, 地铁机场线).
_NAMED_LINE = re.compile(r"(?:市域铁路|市域线|城际铁路|轨道交通|轨交|地铁)([\u4e00-\u9fff]{2,4}?线)")


_METRO_CONTEXT = re.compile(r"号线|地铁|轨交|轨道交通|TOD|站点|车辆段|上盖")


_NOT_ROADS = (
    "新路",
    "之路",
    "出路",
    "思路",
    "道路",
    "线路",
    "发展路",  # 发展路, 断头路, 支路: common nouns ending in 路 (a path of development, dead-end and branch roads), no road names
    "赶考路",
    "老路",
    "断头路",
    "支路",
    "马路",
    "网路",
    "门路",
    "弯路",
    "心路",
)


_RIVER_CONTINUES = ("路", "西路", "东路", "南路", "北路", "中路", "大道", "道", "公园", "站", "村", "镇", "新村", "畔", "岸")


_MAX_STEM_OF = {"Village": 4, "River": 6, "Road": 8, "Park": 8, "MetroStation": 8}


_NEEDS_PROPER = ("Project", "Facility", "Park", "IndustrialPark", "Institution", "River")


_COUNT_ONLY = re.compile(rf"[{_CN_DIGITS}\d]+[个座处条块家所幅名项次户]?")


# A carrier named by a number (1876产业园, 零号基地、贰号基地): a year or a serial, never a
# count, which says its measure word (3个产业园) and is small.
_NUMBER_NAME = re.compile(r"\d{3,4}|[零壹贰叁肆伍陆柒捌玖拾一二三四五六七八九十\d]{1,2}号")


_SURNAME_JIA = re.compile(rf"[^\W\d{_CN_DIGITS}多几各每全本该这那首数学业专作商行]家$")


def _is_stem(stem: str, min_len: int, entity_type: str = "") -> bool:
    if len(stem) < min_len:
        return False
    if entity_type == "IndustrialPark" and _NUMBER_NAME.fullmatch(stem):
        return True
    return not _COUNT_ONLY.fullmatch(stem)


def _short_park_before(text: str, end: int, boundaries: AbstractSet[int]) -> _Found | None:
    """A short name ending in 园 before a phase (智园一期): something built in phases, a
    Project unless resolution finds it abbreviates a park of the town (上海智力产业园)."""
    start = stem_start(text, end, boundaries, max_len=6)
    name = text[start:end]
    if len(name) < 2 or not name.endswith("园") or name.endswith(("公园", "花园", "乐园", "家园", "校园", "田园")):
        return None
    return _Found("Project", start, end, name, "phase-stem")


_COUNT_AT_END = re.compile(rf"[{_CN_DIGITS}\d]+[幅个座处块条家所]$")
_PHASE_AT = re.compile(_PHASE)


def _by_suffix(text: str, m: re.Match, boundaries: AbstractSet[int], found: list[_Found], metro_context: bool) -> None:
    suffix = m.group()
    entity_type, min_stem = _suffix_rows()[suffix]
    end = m.end()
    if suffix in ("站", "站点"):
        _station(text, m, boundaries, found, metro_context)
        return
    if m.end() not in boundaries and entity_type in ("River", "Road", "Village"):
        return  # the suffix character is inside a word: 长江西路 has no river 长江 here
    if entity_type == "River" and (text.startswith(_RIVER_CONTINUES, end) or text[m.start() - 1 : m.start()] in ("滨", "沿")):
        return
    if entity_type == "Village" and text[end : end + 1] in ("村", "域", "民", "委", "居", "级", "庄"):
        return  # 村村联动, 村域, 村民: not a village's name
    start = stem_start(text, m.start(), boundaries)
    stem = text[start : m.start()]
    # 家 is a measure word (3家企业) and cut the name there, but a surname before it makes the
    # commonest form of a Chinese place name (康家工业园, 王家湾): the name is both characters.
    if not stem and _SURNAME_JIA.search(text, 0, m.start()) and entity_type in ("IndustrialPark", "Park"):
        start, stem = m.start() - 2, text[m.start() - 2 : m.start()]
    # A name inside another's stem ends it: 第三社区卫生服务中心美平路 is 美平路.
    # (Where the last of them ends: the largest end of any suffix found in the stem.)
    inner = max((end + 1 for end, _ in _long_suffixes()[0].iter(stem)), default=0)
    if inner and stem[inner : inner + 1] != "·":  # 东方生命港·宝山药谷 is one name
        start += inner
        stem = stem[inner:]
    if line := list(_LINE.finditer(stem)):  # 地铁14号线星河路站: the name starts after the line
        start += line[-1].end()
        stem = stem[line[-1].end() :]
    if len(stem) > _MAX_STEM_OF.get(entity_type, _MAX_STEM):
        return
    if not _is_stem(stem, min_stem, entity_type):
        return
    if entity_type == "Road" and (stem + suffix).endswith(_NOT_ROADS):
        return
    if _COUNT_AT_END.search(stem):
        return  # 三幅地块 counts parcels named before it
    # A thing built in phases (结构绿地一期) is a particular one even with a plain name.
    phased = _PHASE_AT.match(text[end:]) is not None
    numbered = entity_type == "IndustrialPark" and _NUMBER_NAME.fullmatch(stem) is not None
    if entity_type in _NEEDS_PROPER and not phased and not numbered and not has_proper_part(stem):
        return
    if entity_type == "Company" and (stem in _GENERIC_STEMS or (suffix == "4S店" and is_kind_of_firm(stem))):
        return  # a dealership is one when its brand is named (汽车4S店 is a kind)
    if entity_type == "Village" and (
        stem.endswith(tuple(_CN_DIGITS))
        or stem.endswith(("城中", "乡", "农", "全", "各", "本", "示范", "行政", "美丽", "邻", "新"))
    ):
        return
    name = stem + suffix
    found.append(_Found(entity_type, start, end, name, "suffix"))


_PHASE_PREFIX = re.compile(rf"^{_PHASE}")
_SERVICE_STATION = re.compile(r"服务|工作|驿|指导|消防|泵|充电|加油|公交|客运|中转|收购|检测|监测|气象|水文|沿线")
_SECTION = re.compile(r"^[\u4e00-\u9fff]{1,6}?段(?=[\u4e00-\u9fff]{2})")


def _station(text: str, m: re.Match, boundaries: AbstractSet[int], found: list[_Found], metro_context: bool) -> None:
    g = gazetteer()
    start = stem_start(text, m.start(), boundaries, max_len=10)
    stem = text[start : m.start()]
    if phase := _PHASE_AT.match(stem):  # …号线二期呼兰路站: the phase is the line's
        stem, start = stem[phase.end() :], start + phase.end()
    if m.group() == "站" and text.startswith("点", m.end()):
        return  # handled as 站点
    known = stem in g.station_lines
    road_like = stem.endswith(("路", "广场", "公园", "新村", "镇", "大学", "站", "园", "湖")) and len(stem) >= 3
    # A station of a line named in the same clause (15号线祁安路站, 18号线二期刘行站) is a
    # station whatever its name, unless the stem names a kind of service point.
    clause_start = max(text.rfind(ch, 0, start) for ch in "，。；：")
    bare = stem
    if line_in := _LINE.search(stem) or _NAMED_LINE.search(stem):
        bare = _PHASE_PREFIX.sub("", stem[line_in.end() :])
    on_named_line = (
        bool(_LINE.search(text[clause_start + 1 : start] + stem) or _NAMED_LINE.search(text[clause_start + 1 : start] + stem))
        and 2 <= len(bare) <= 6
        and not _SERVICE_STATION.search(bare)
    )
    if not stem or not (known or on_named_line or (road_like and metro_context)):
        # Not a metro station: a service point (服务站, 驿站) found by its own suffix.
        return
    # A line named just before the station: 19号线一二八纪念路站.
    named_line = None
    if line := _LINE.search(stem) or _NAMED_LINE.search(stem):
        cut = line.end()
        if phase := _PHASE_AT.match(stem[cut:]):  # 18号线二期呼兰路站
            cut += phase.end()
        named_line = line.group(1) if not line.group(1).isdigit() else None
        stem = stem[cut:]
        start += cut
        if not stem:
            return
    # A section of the line before the station (南延伸段西渡站, 望城区段谷山站) is the line's.
    if (section := _SECTION.match(stem)) and on_named_line:
        stem, start = stem[section.end() :], start + section.end()
    lines = sorted(g.station_lines.get(stem, ()))
    line_before = _LINE.search(text[max(0, start - 12) : start])
    line_name = f"{line_before.group(1)}号线" if line_before else named_line or (lines[0] if len(lines) == 1 else None)
    found.append(_Found("MetroStation", start, m.end(), stem + "站", "suffix", line_name, "MetroLine" if line_name else None))
    # 大康路、呼兰路、爱辉路站点: the suffix applies to each road of the list.
    position = start
    while position > 0 and text[position - 1] in "、和及与":
        item_start = stem_start(text, position - 1, boundaries, max_len=10)
        item = text[item_start : position - 1]
        if not item or not (item.endswith(("路", "广场", "公园", "新村", "镇")) or item in g.station_lines):
            break
        found.append(
            _Found(
                "MetroStation",
                item_start,
                position - 1,
                item + "站",
                "enumeration",
                line_name,
                "MetroLine" if line_name else None,
            )
        )
        position = item_start
