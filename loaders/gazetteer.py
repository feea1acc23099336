"""Gazetteers: public, stable names that the rules alone would miss or mistype.

Each file under ``loaders/data/gazetteers`` says where its facts come from. Nothing here
may come from the sample reports.

The administrative divisions are national: ``china_divisions.tsv`` holds every province,
prefecture, county and township of the National Bureau of Statistics' division codes,
``china_villages.tsv.gz`` every village and neighbourhood committee. A township's name is
not unique in China (88 townships are called 城关镇), so names are looked up *within* a
county or city; :mod:`loaders.places` decides which one a report speaks of.

>>> g = gazetteer()
>>> [d.code for d in g.named("庙行镇")]
['310113112']
>>> place = g.place("310113112")
>>> place.province, place.city, place.county, place.township
('上海市', '上海市', '宝山区', '庙行镇')
>>> len(g.named("城关镇"))
88
>>> sorted(g.station_lines["呼兰路"])
['1号线']
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from kg.resources import cached, data_digest, data_rows, iter_data_rows
from loaders.normalise import fold_variants

# Province-level units whose prefecture level is the municipality itself.
_MUNICIPALITIES = {"11", "12", "31", "50"}
TOWNSHIP_SUFFIXES = ("街道办事处", "街道", "民族乡", "镇", "乡", "苏木")


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # province | prefecture | county | township
    parent: str | None  # code of the unit above
    kind: str = ""  # townships: town | township | subdistrict | other


@dataclass(frozen=True)
class Place:
    """A division with the names of the units above it."""

    code: str
    province: str | None
    city: str | None  # the prefecture, or the municipality for 北京/天津/上海/重庆
    county: str | None
    township: str | None


@dataclass(frozen=True)
class Village:
    code: str
    name: str
    town: str
    district: str


@dataclass
class Gazetteer:
    divisions: dict[str, Division] = field(default_factory=dict)  # code → division
    by_name: dict[str, list[Division]] = field(default_factory=lambda: defaultdict(list))
    children: dict[str, list[Division]] = field(default_factory=lambda: defaultdict(list))
    lines: dict[str, str] = field(default_factory=dict)  # any spelling → canonical line name
    station_lines: dict[str, set[str]] = field(default_factory=dict)  # station stem → lines
    indicators: dict[str, str] = field(default_factory=dict)  # any spelling → canonical name
    rivers: dict[str, str] = field(default_factory=dict)  # any spelling (variants folded) → canonical name

    def named(self, name: str, level: str | None = None) -> list[Division]:
        """Divisions of that exact name (of one level, if given), in code order."""
        found = self.by_name.get(name, [])
        return [d for d in found if level is None or d.level == level]

    def place(self, code: str) -> Place:
        names: dict[str, str] = {}
        division: Division | None = self.divisions.get(code)
        while division is not None:
            names[division.level] = division.name
            division = self.divisions.get(division.parent) if division.parent else None
        city = names.get("prefecture")
        # 重庆's counties sit under a prefecture-level line named only 县 (5002) in the NBS
        # codes: a grouping, not a city; the municipality is their city.
        if city in ("县", "市辖区") and code[:2] in _MUNICIPALITIES:
            city = None
        if city is None and code[:2] in _MUNICIPALITIES:
            city = names.get("province")
        return Place(code, names.get("province"), city, names.get("county"), names.get("township"))

    def within(self, code: str, name: str, level: str | None = None) -> list[Division]:
        """Divisions of that name under ``code``, at any depth (codes nest: a county's
        code starts with its province's and prefecture's)."""
        return [d for d in self.named(name, level) if d.code.startswith(code) and d.code != code]

    def locate(self, town: str | None, county: str | None) -> str | None:
        """The code of a report's township (or county, when the town is unknown), given
        the names its metadata resolved; None when they do not name one place."""
        if town:
            found = [d for d in self.named(town, "township") if county is None or self.place(d.code).county == county]
            if len(found) == 1:
                return found[0].code
        if county:
            counties = self.named(county, "county")
            if len(counties) == 1:
                return counties[0].code
        return None

    def townships(self, county_code: str) -> list[Division]:
        return [d for d in self.children.get(county_code, []) if d.level == "township"]

    def counties(self, city_code: str) -> list[Division]:
        return [d for d in self.children.get(city_code, []) if d.level == "county"]

    def villages(self, township_code: str) -> list[Village]:
        """The township's village committees (村民委员会). The NBS codes number
        neighbourhood committees (居民委员会) 001–199 and village committees 200–399; a
        neighbourhood is named after its housing estate (屹立家园), not a village."""
        place = self.place(township_code)
        return [
            Village(code, name, place.township or "", place.county or "")
            for code, name in _villages().get(township_code, ())
            if code[-3:] >= "200"
        ]

    def neighbourhoods(self, township_code: str) -> list[Village]:
        """The township's neighbourhood committees (居民委员会, codes 001–199): the
        社区 a subdistrict is made of, named after a street or an estate (建国里社区)."""
        place = self.place(township_code)
        return [
            Village(code, name, place.township or "", place.county or "")
            for code, name in _villages().get(township_code, ())
            if code[-3:] < "200"
        ]

    def words(self) -> dict[str, str]:
        """Names that are not local to a report, with their entity class, for
        segmentation and exact matching."""
        words: dict[str, str] = {}
        for name in self.lines:
            words[name] = "MetroLine"
        for name in self.indicators:
            words[name] = "Indicator"
        for name in self.rivers:
            words[name] = "River"
        return words


def _rows(filename: str) -> list[list[str]]:
    return data_rows("loaders", f"gazetteers/{filename}", header=True)


_VILLAGES = "gazetteers/china_villages.tsv.gz"


@cache
def _villages() -> dict[str, tuple[tuple[str, str], ...]]:
    """Villages by township code; read once, when first needed. Reading the file takes
    seconds, loading the table from kg's cache a fraction of one."""
    return cached("villages", data_digest("loaders", _VILLAGES), _read_villages)


def _read_villages() -> dict[str, tuple[tuple[str, str], ...]]:
    table: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for code, name in iter_data_rows("loaders", _VILLAGES, header=True):
        table[code[:9]].append((code, name))
    return {k: tuple(v) for k, v in table.items()}


@cache
def gazetteer() -> Gazetteer:
    g = Gazetteer()
    for code, name, level, parent, kind in _rows("china_divisions.tsv"):
        division = Division(code, name, level, parent or None, kind)
        g.divisions[code] = division
        g.by_name[name].append(division)
        if parent:
            g.children[parent].append(division)
    for name, aliases, *_ in _rows("shanghai_metro_lines.tsv"):
        g.lines[name] = name
        for alias in filter(None, aliases.split(";")):
            g.lines[alias] = name
    for line, station in _rows("shanghai_metro_stations.tsv"):
        g.station_lines.setdefault(station, set()).add(line)
    for row in _rows("indicators.tsv"):
        name, aliases = row[0], row[1] if len(row) > 1 else ""
        g.indicators[name] = name
        for alias in filter(None, aliases.split(";")):
            g.indicators[alias] = name
    for row in _rows("shanghai_rivers.tsv"):
        name, aliases = row[0], row[1] if len(row) > 1 else ""
        for spelling in [name, *filter(None, aliases.split(";"))]:
            g.rivers[fold_variants(spelling)] = name
    return g


def short_town_name(name: str) -> str | None:
    """The short form a report uses for its own town (庙行 for 庙行镇), if it has one.

    >>> short_town_name("庙行镇"), short_town_name("小溪塔街道"), short_town_name("城镇")
    ('庙行', '小溪塔', None)
    """
    for suffix in TOWNSHIP_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None
