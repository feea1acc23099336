"""Mentions of entities in a report's sentences and the footnotes they cite.

Rule families, each tested on its own (tests/test_mentions.py):

* **Gazetteers** (:mod:`loaders.gazetteer`): districts, towns and subdistricts, villages,
  metro lines and stations, indicators — matched exactly (the report's own town also by
  its short form, 庙行 for 庙行镇).
* **Name suffixes** (``data/entity_suffixes.tsv``): a name is a stem followed by a
  type-bearing suffix (…公园 Park, …产业园 IndustrialPark, …幼儿园 Facility …); the
  longest suffix wins. The stem runs left to the nearest boundary: punctuation or a
  boundary word (``data/boundary_words.txt``: verbs and function words that precede
  names in this genre), never splitting a word of jieba's segmentation, whose user
  dictionary holds the gazetteer names and the suffixes.
* **Codes**: land parcels by their planning codes (``J-07A``, ``15-03``) before 地块, and
  metro lines by number (``18号线``); a station is ``X站``/``X站点`` where X is a road-like
  name and the sentence or its footnote speaks of a line, the metro or TOD, or X is a
  station in the gazetteer.
* **Lists** (``A、B、C等…企业``): the items of a list that ends in a kind of firm (企业,
  公司, 合作社; described or counted: 等一批成熟企业, 等46个亿元以上项目) are companies when
  most of them are names, not sectors; in a list of 项目 an item is a company when it
  carries a company ending after a trade name (…科技, …药业), else a project.
* **Trade names**: a name without a legal ending is a firm only where the genre has it act
  as one (落户, 投产, 签约, 年产…, 以X为龙头, titles won) and a trade name (字号) stands
  before its line of business (``trade_name_head``): a place or a common word there names
  an industry (临港新材料, 滨海旅游), not a firm.
* **A firm's registered name** is 行政区划 + 字号 + 行业 + 组织形式 (企业名称登记管理规定):
  reports drop the place and the form (昱和服饰), name a firm's project by place, trade
  name and product (内丘建滔醋酸), or one firm heading a count (延锋汽车座椅等20个项目); the
  lines of business are those of GB/T 4754 (``data/trade_words.txt``).
* **Quotes**: a quoted name is an Initiative when a head word follows it (“三江英才”计划),
  when it ends in one (“河湖长制”), or when a verb that runs programmes precedes it
  (开展“双月行动”); other quoted phrases are slogans and are left alone.
* **Enumerations**: a suffix or phase shared by a list applies to each item:
  ``大康路、呼兰路、爱辉路站点`` is three stations, ``J-07A、F-07、15-03三幅地块`` three
  parcels, ``智力产业园一期、四期`` two phases (``PART_OF`` the park).

Offsets are character positions in the sentence's ``text`` (or, for a mention in a
footnote, in that footnote's text).

Modules, one concept each: :mod:`.lexicon` (jieba, suffixes, boundary words, stems),
:mod:`.gazetteer` (gazetteer matching), :mod:`.places` (places and works by suffix,
stations, parcels), :mod:`.figures` (indicators named by their subject), :mod:`.trades`
(what a firm's name is made of), :mod:`.companies` (firms listed, counted or in brackets),
:mod:`.acts` (firms by their legal names, the titles they win and what they do) and
:mod:`.initiatives` (quoted programmes); this module runs them over a text and settles
what they found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extraction.mentions.companies import _companies_in_lists
from kg.extraction.mentions.figures import _coordinated, _narrowed_short_forms, _respective_lists, _subject_figures
from kg.extraction.mentions.gazetteer import _gazetteer_literals, _local_literals
from kg.extraction.mentions.initiatives import _initiatives_in_quotes
from kg.extraction.mentions.lexicon import (
    _PHASE,
    _boundary_words_by_length,
    _Found,
    _known_words,
    _long_suffixes,
    _pos_tokenizer,
    _suffix_regex,
    _suffix_rows,
    _tokenizer,
    has_proper_part,
    spans_of,
    stem_start,
    suffix_types,
    token_starts,
)
from kg.extraction.mentions.places import _LINE, _METRO_CONTEXT, _PARCEL_CODE, _QUANTITY, _by_suffix, _short_park_before
from kg.extraction.mentions.stocks import _stocks
from kg.extraction.mentions.trades import is_kind_of_firm, trade_name_head
from kg.graph.vocab import class_group, entity_labels
from loaders.gazetteer import gazetteer, short_town_name
from loaders.model import Report, Sentence
from loaders.normalise import fold_variants

__all__ = [
    "ENTITY_TYPES",
    "Mention",
    "find_mentions",
    "has_proper_part",
    "initialise",
    "is_kind_of_firm",
    "report_mentions",
    "sentence_mentions",
    "stem_start",
    "suffix_types",
    "token_starts",
    "trade_name_head",
]

ENTITY_TYPES = entity_labels()  # the ontology's classes under kg:Entity


@dataclass(frozen=True)
class Mention:
    sentence: str  # sentence id
    type: str  # an entity class of the ontology
    text: str  # the surface form, as in the (normalised) sentence
    name: str  # the name it stands for: text with enumerations expanded
    start: int
    end: int
    rule: str  # which rule family found it
    footnote: int | None = None  # number of the footnote it is in, if not in the sentence
    part_of: str | None = None  # the name of the whole, for a phase (一期) or a station's line
    part_of_type: str | None = None
    anchor: int | None = None  # for a mention in a footnote: where its marker stands in the sentence

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


_PLACES = class_group("NamedPlace")


_PHASE_AT = re.compile(_PHASE)
_PARCEL_LIST = re.compile(rf"((?:{_PARCEL_CODE}(?:、|和|及))*{_PARCEL_CODE}){_QUANTITY}地块")
_PARCEL_CODE_AT = re.compile(_PARCEL_CODE)
_PARCEL_BEFORE_HAN = re.compile(rf"{_PARCEL_CODE}(?=[\u4e00-\u9fff])")
_CAPITAL = re.compile(r"[A-Z]")
_TOD = re.compile(r"TOD")
_PHASES_LISTED = re.compile(rf"({_PHASE})((?:、{_PHASE})*)")
_OPENING_BRACKET = re.compile(r"（")


def find_mentions(text: str, town: str | None = None, district: str | None = None) -> list[_Found]:
    """All mentions in one piece of text (a sentence or a footnote)."""
    g = gazetteer()
    boundaries = token_starts(text)
    found: list[_Found] = []

    # Gazetteer names of the report's surroundings. Each name is still searched on its
    # own, in the list's order, where it occurs: the order of what is found decides
    # between equal mentions later.
    for name, kind in _local_literals(town, district).occurring(text):
        for start, end in spans_of(name, text):
            found.append(_Found(kind, start, end, name, "gazetteer"))
    if town and (short := short_town_name(town)):
        for start, end in spans_of(short, text):
            if not text.startswith(town, start):
                found.append(_Found("Town", start, end, town, "gazetteer:short"))
    if district and district.endswith("区") and len(district) >= 3:
        short = district[:-1]
        for start, end in spans_of(short, text):
            if not text.startswith(district, start):
                found.append(_Found("District", start, end, district, "gazetteer:short"))
    river_names, indicator_names, line_names = _gazetteer_literals()
    folded = fold_variants(text)
    for spelling, canonical in river_names.occurring(folded):
        for start, end in spans_of(spelling, folded):
            found.append(_Found("River", start, end, canonical, "gazetteer"))
    for alias, canonical in indicator_names.occurring(text):
        for start, end in spans_of(alias, text):
            found.append(_Found("Indicator", start, end, canonical, "gazetteer"))
    _narrowed_short_forms(text, found)
    _coordinated(text, found, g.indicators)
    _subject_figures(text, found)
    _stocks(text, found)
    _respective_lists(text, found, g.indicators)

    metro_context = bool(_METRO_CONTEXT.search(text))
    # Metro lines by number, and named lines.
    # (Each scan below runs only on a text holding a word every match of its pattern holds
    # literally, 号线, 地块, the code's hyphen, 期: a substring test is far cheaper than a scan
    # trying every position, and what is found is the same.)
    for m in _LINE.finditer(text) if "号线" in text else ():
        line = f"{m.group(1)}号线"
        found.append(_Found("MetroLine", m.start(), m.end(), line, "code"))
        if pm := _PHASE_AT.match(text[m.end() :]):
            found.append(_Found("MetroLine", m.start(), m.end() + pm.end(), line + pm.group(), "phase", line, "MetroLine"))
    for alias, canonical in line_names.occurring(text):
        for start, end in spans_of(alias, text):
            found.append(_Found("MetroLine", start, end, canonical, "gazetteer"))

    # Parcels by code, alone or in a list before 地块.
    for m in _PARCEL_LIST.finditer(text) if "-" in text and "地块" in text else ():
        codes = list(_PARCEL_CODE_AT.finditer(m.group(1)))
        for c in codes:
            start = m.start(1) + c.start()
            found.append(
                _Found("Parcel", start, start + len(c.group()), c.group() + "地块", "code" if len(codes) == 1 else "enumeration")
            )
    for m in _PARCEL_BEFORE_HAN.finditer(text) if "-" in text else ():
        # Alone, a code needs a letter (L-07幼儿园): 1-11月 is a date range.
        if not text.startswith("地块", m.end()) and _CAPITAL.match(m.group()):
            found.append(_Found("Parcel", m.start(), m.end(), m.group() + "地块", "code"))

    # Names by suffix.
    for m in _suffix_regex().finditer(text):
        _by_suffix(text, m, boundaries, found, metro_context)

    # X路TOD is the development over the station X路站, not the road.
    for m in _TOD.finditer(text):
        road = next((f for f in found if f.end == m.start() and f.type == "Road"), None)
        if road is not None:
            lines = sorted(g.station_lines.get(road.name, ()))
            station_line = lines[0] if len(lines) == 1 else None
            found.append(
                _Found(
                    "MetroStation",
                    road.start,
                    road.end,
                    road.name + "站",
                    "tod",
                    station_line,
                    "MetroLine" if station_line else None,
                )
            )

    # Phases of a named thing: X一期、四期 and X（一期）.
    for m in _PHASES_LISTED.finditer(text) if "期" in text else ():
        whole = next((f for f in found if f.end == m.start() and f.type not in ("Town", "District", "Indicator")), None)
        if whole is None:
            bracket = _OPENING_BRACKET.match(text[m.start() - 1 : m.start()]) if m.start() else None
            if bracket:
                whole = next((f for f in found if f.end == m.start() - 1), None)
        if whole is None:
            whole = _short_park_before(text, m.start(), boundaries)
            if whole is not None:
                found.append(whole)
        if whole is None:
            continue
        phases = [m.group(1)] + _PHASE_AT.findall(m.group(2))
        position = m.start()
        for phase in phases:
            position = text.index(phase, position)
            found.append(
                _Found(
                    whole.type,
                    whole.start,
                    position + len(phase),
                    whole.name + phase,
                    "phase" if len(phases) == 1 else "enumeration",
                    whole.name,
                    whole.type,
                )
            )
            position += len(phase)

    _companies_in_lists(text, boundaries, found)
    _initiatives_in_quotes(text, found)
    return _settle(found, text)


_ROUTE_WORD = re.compile(r"(?:铁路|公路|大道|大桥|隧道|路|桥)")


def _settle(found: list[_Found], text: str) -> list[_Found]:
    """Drop duplicates, and a mention inside a longer one of the same type (the longer
    name wins); nested names of other types stay (远景村 in 远景村综合为老服务中心). A
    quoted programme name is an Initiative, whatever its suffix says."""
    carriers = {(f.start, f.end) for f in found if f.rule == "list" and f.type == "IndustrialPark"}
    found = [f for f in found if (f.start, f.end) not in carriers or f.type == "IndustrialPark"]
    quoted = {(f.start, f.end) for f in found if f.rule == "quote"}
    found = [f for f in found if f.rule == "quote" or (f.start, f.end) not in quoted or f.type in _PLACES]
    unique: dict[tuple, _Found] = {}
    for f in found:
        unique.setdefault((f.type, f.start, f.end, f.name), f)
    items = sorted(unique.values(), key=lambda f: (f.start, -(f.end - f.start)))
    # A road's name inside a station's (大康路、呼兰路站点, 呼兰路TOD) names the station only.
    stations = [(f.start, f.end) for f in items if f.type == "MetroStation"]
    items = [f for f in items if f.type != "Road" or not any(s <= f.start and f.end <= e for s, e in stations)]
    # 沪苏湖铁路, 顾村公园站: a water or park name that goes on into a transport name is
    # part of that name, not a place of its own.
    items = [
        f
        for f in items
        if not (
            f.type in ("River", "Park", "IndustrialPark") and f.rule == "suffix" and _ROUTE_WORD.match(text[f.end : f.end + 2])
        )
    ]
    kept: list[_Found] = []
    for f in items:
        inside = [k for k in kept if k.start <= f.start and f.end <= k.end and (k.end - k.start) > (f.end - f.start)]
        if any(
            k.type == f.type and k.rule != "enumeration" and f.rule not in ("enumeration",) and k.part_of != f.name
            for k in inside
        ):
            continue
        if any(
            k.type not in ("Town", "District", "Village", "Road", "MetroLine", "MetroStation", "River", "Company")
            and k.rule in ("suffix", "quote")
            and f.type in ("Company", "Initiative", "Indicator")
            and f.rule not in ("list", "suffix")
            # 江西宝祥汽车项目快速落户: the trade name acting through its project is the firm.
            and not (f.rule == "trade" and k.type in ("Project", "IndustrialPark"))
            for k in inside
        ):
            continue
        kept.append(f)
    return kept


def initialise() -> None:
    """Load what finding mentions needs (jieba with kg's words, its part-of-speech tags,
    the gazetteer with its villages) now rather than at the first sentence: a process
    pool forked after this starts with it loaded, instead of each worker loading it."""
    _tokenizer()
    _pos_tokenizer()
    _known_words()
    _boundary_words_by_length()
    _suffix_regex()
    _suffix_rows()
    _long_suffixes()
    _gazetteer_literals()
    gazetteer().villages("")


def report_mentions(report: Report) -> list[Mention]:
    """Every mention in the report's sentences and in the footnotes they cite."""
    mentions: list[Mention] = []
    for sentence in report.sentences():
        mentions.extend(sentence_mentions(sentence, report.town, report.district))
    return mentions


def sentence_mentions(sentence: Sentence, town: str | None = None, district: str | None = None) -> list[Mention]:
    out = []
    pieces = [(sentence.text, None)] + [(f.text, f.number) for f in sentence.footnotes]
    for text, footnote in pieces:
        for f in find_mentions(text, town, district):
            out.append(
                Mention(
                    sentence.id,
                    f.type,
                    text[f.start : f.end],
                    f.name,
                    f.start,
                    f.end,
                    f.rule,
                    footnote,
                    f.part_of,
                    f.part_of_type,
                    sentence.footnote_anchors.get(footnote) if footnote is not None else None,
                )
            )
    return out
