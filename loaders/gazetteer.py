"""Gazetteers: public, stable names that the rules alone would miss or mistype.

Each file under ``loaders/data/gazetteers`` says where its facts come from. Nothing here
may come from the sample reports: these lists make the extractor work for any Shanghai
report.

>>> g = gazetteer()
>>> g.towns["庙行镇"].district, g.towns["庙行镇"].code
('宝山区', '310113112')
>>> sorted(g.station_lines["呼兰路"])
['1号线']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from .normalise import fold_variants


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    kind: str  # district | town | subdistrict | other
    district: str


@dataclass(frozen=True)
class Village:
    code: str
    name: str
    town: str
    district: str


@dataclass
class Gazetteer:
    districts: dict[str, Division] = field(default_factory=dict)
    towns: dict[str, Division] = field(default_factory=dict)  # towns, subdistricts and other units
    villages: dict[tuple[str, str], Village] = field(default_factory=dict)  # (town, name)
    lines: dict[str, str] = field(default_factory=dict)  # any spelling → canonical line name
    station_lines: dict[str, set[str]] = field(default_factory=dict)  # station stem → lines
    indicators: dict[str, str] = field(default_factory=dict)  # any spelling → canonical name
    rivers: dict[str, str] = field(default_factory=dict)  # any spelling (variants folded) → canonical name

    def words(self) -> dict[str, str]:
        """Every name with its entity class, for segmentation and exact matching."""
        words: dict[str, str] = {}
        for name in self.districts:
            words[name] = "District"
        for name in self.towns:
            words[name] = "Town"
        for _, name in self.villages:
            words[name] = "Village"
        for name in self.lines:
            words[name] = "MetroLine"
        for name in self.indicators:
            words[name] = "Indicator"
        for name in self.rivers:
            words[name] = "River"
        return words


def _rows(filename: str) -> list[list[str]]:
    text = resources.files("loaders").joinpath(f"data/gazetteers/{filename}").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows[1:]  # the first row names the columns


@cache
def gazetteer() -> Gazetteer:
    g = Gazetteer()
    for code, name, kind, district in _rows("shanghai_divisions.tsv"):
        division = Division(code, name, kind, district)
        (g.districts if kind == "district" else g.towns)[name] = division
    for code, name, town, district in _rows("shanghai_villages.tsv"):
        g.villages[(town, name)] = Village(code, name, town, district)
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
    """The short form a report uses for its own town (庙行 for 庙行镇), if it has one."""
    for suffix in ("街道", "镇", "乡"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None
