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
* **Quotes**: a quoted name is an Initiative when a head word follows it (“三江英才”计划),
  when it ends in one (“河湖长制”), or when a verb that runs programmes precedes it
  (开展“双月行动”); other quoted phrases are slogans and are left alone.
* **Enumerations**: a suffix or phase shared by a list applies to each item:
  ``大康路、呼兰路、爱辉路站点`` is three stations, ``J-07A、F-07、15-03三幅地块`` three
  parcels, ``智力产业园一期、四期`` two phases (``PART_OF`` the park).

Offsets are character positions in the sentence's ``text`` (or, for a mention in a
footnote, in that footnote's text).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache, lru_cache

import ahocorasick

from kg.graph.ontology import class_group, entity_labels
from kg.resources import cached, data_rows, data_words
from loaders.gazetteer import gazetteer, short_town_name
from loaders.model import Report, Sentence
from loaders.normalise import fold_variants

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


_CN_DIGITS = "一二三四五六七八九十两"
_PHASE = rf"[{_CN_DIGITS}\d]{{1,3}}期"
_PARCEL_CODE = r"(?<![A-Za-z0-9-])(?:[A-Z]{1,2}\d{0,2}-\d{1,3}[A-Z]?|\d{1,3}-\d{1,3}[A-Z]?)(?![A-Za-z0-9-])"
_QUANTITY = rf"(?:[{_CN_DIGITS}\d]+[幅个座处条块家所])?"
_LINE = re.compile(r"(?:轨道交通|轨交|地铁)?(\d{1,2})号线")
# Lines named, not numbered, are said with their kind of railway (市域铁路嘉闵线, 地铁机场线).
_NAMED_LINE = re.compile(r"(?:市域铁路|市域线|城际铁路|轨道交通|轨交|地铁)([\u4e00-\u9fff]{2,4}?线)")
_METRO_CONTEXT = re.compile(r"号线|地铁|轨交|轨道交通|TOD|站点|车辆段|上盖")
# A firm's usual name is its trade name and its line of business (安徽昱和服饰, 宏涛塑业,
# 中孚胶粘): the lines of business of township industry and services.
_TRADES = (
    "服饰",
    "服装",
    "制衣",
    "纺织",
    "鞋业",
    "塑业",
    "塑胶",
    "胶粘",
    "包装",
    "纸品",
    "纸业",
    "印务",
    "机械",
    "机械加工",
    "零部件",
    "汽车零部件",
    "汽车",
    "电子",
    "电器",
    "电缆",
    "线缆",
    "光电",
    "电气",
    "五金",
    "铸造",
    "压铸",
    "钢构",
    "钢铁",
    "建材",
    "水泥",
    "混凝土",
    "陶瓷",
    "玻璃",
    "家具",
    "木业",
    "竹木",
    "食品",
    "粮油",
    "酒业",
    "茶业",
    "果业",
    "农业",
    "牧业",
    "渔业",
    "养殖",
    "冷链",
    "物流",
    "商贸",
    "商业",
    "置业",
    "地产",
    "能源",
    "新能源",
    "节能",
    "环保",
    "化工",
    "材料",
    "新材料",
    "医药",
    "制药",
    "饮料",
    "网络",
    "检测",
    "资本",
    "实业",
    "科技",
    "智能",
    "信息",
    "传媒",
    "文旅",
    "旅游",
    "医疗",
    "生物",
    "药业",
    "轨道",
    "矿业",
    "米业",
    "禽业",
    "乳业",
    "管业",
    "味业",
    "种业",
    "油脂",
    "光伏",
    "锂电",
    "模具",
    "石材",
    "船舶",
    "电力",
    "畜牧",
    "水产",
    "苗木",
    "花卉",
    "茶叶",
    "装备",
    # Lines of business that end firms' names in review parts (X印染, X精工, X石油, X通讯).
    "印染",
    "印刷",
    "精密",
    "精工",
    "橡胶",
    "农药",
    "石油",
    "面业",
    "羊业",
    "通讯",
    "半导体",
    "电池",
)
# Longest first, so that a run of them (环保科技) is matched word by word from its end.
_TRADES_LONGEST_FIRST = sorted(_TRADES, key=len, reverse=True)
_TRADES_ALT = "|".join(_TRADES_LONGEST_FIRST)
_TRADES_AT_END = re.compile(rf"(?:{_TRADES_ALT})+$")
# What ends a firm's name: its legal form, a group or holding, or its line of business.
_COMPANY_ENDINGS = ("有限公司", "公司", "集团", "股份", "控股", "品牌", *_TRADES)
_GENERIC_STEMS = {
    "生物",
    "生物医药",
    "医药",
    "网络",
    "科技",
    "数字",
    "信息",
    "新材料",
    "在线新经济",  # the official name of a sector (在线新经济企业), not of a firm
    "优质",
    "重点",
    "龙头",
    "新兴",
    "高新",
    "创新",
    "科创",
    "民营",
    "国有",
    "规上",
    "小微",  # 小微企业: a size class of firms in statistics, not a name
    "中小",
    "各类",
    "相关",
    "一批",
    "新能源",
    "已批",  # 已批/待批/续建 项目: a project's approval or building status, said of any project
    "待批",
    "在建",
    "新建",
    "续建",
    "储备",
    # Words that describe an industry, not name a firm (高端装备, 智能制造, 新型光伏).
    "高端",
    "智能",
    "新型",
    "现代",
    "绿色",
    "先进",
    "特色",
    "传统",
    "大型",
    "生态",
    "精细",
    "高效",
    "特种",
    "智慧",
    "低碳",
}
# Kind words that follow the quoted name of a programme, campaign, system or title
# (“三江英才”计划, “林长制”改革, “社区通”平台, “美兰湖下午茶”专场): the kinds of things a
# government runs. Up to three characters may stand between the quote and the kind word
# (“吹哨报到”管理责任制, “五色花”特色职业指导站服务), so compounds are not listed.
_INITIATIVE_HEADS = (
    "计划",
    "行动",
    "工程",
    "品牌",
    "机制",
    "体系",
    "平台",
    "模式",
    "活动",
    "项目",
    "建设",
    "试点",
    "示范",
    "理念",
    "战略",
    "制度",
    "改革",
    "工作法",
    "系统",
    "称号",
    "创建",
    "要求",
    "经验",
    "责任制",
    "先进",
    "决策",
    "服务",
    "系列",
    "阶段",
    "规划",
    "擂台赛",
    "卡",
    "专场",
    "公共空间",
    "载体",
    "改造",
    "评选",
    "推介",
    "场景",
    "成果",
    "措施",
    "政策",
    "走访",
    "纠纷",
)
_HEAD_AFTER = re.compile(rf"^[\u4e00-\u9fff]{{0,3}}?(?:{'|'.join(_INITIATIVE_HEADS)})")
_NOT_HEADS = ("的", "之", "定位", "发展定位", "战略定位", "文章")
_INITIATIVE_ENDINGS = ("制", "计划", "行动", "工程", "品牌", "机制", "节", "圈", "年", "平台", "体系", "系统", "模式", "站")
_INITIATIVE_VERBS = (
    "开展",
    "实施",
    "举办",
    "深化",
    "创建",
    "推进",
    "落实",
    "打造",
    "依托",
    "用好",
    "运用",
    "推行",
    "启动",
    "参与",
    "入选",
    "获评",
    "争创",
    "迎接",
    "融汇运用",  # verbs of the genre's working style (融汇运用…经验); they precede names, never end them
    "申报",
    "深入开展",
    "持续深化",
    "贯彻落实",
    "加速推进",
    "常态化开展",
    "严格落实",
    "全面落实",
    "持续扩大",
    "继续开展",  # 继续+verb: how plans restate ongoing work before naming it (继续开展/依托/实施X)
    "继续依托",
    "继续实施",
    "深入实施",
    "上榜",
    "践行",
    "成为",
    "评为",
    "命名为",
    "列为",
)


@cache
def _suffixes() -> list[tuple[str, str, int]]:
    """(suffix, type, minimum stem length), longest suffix first."""
    rows = [
        (suffix, entity_type, int(min_stem))
        for suffix, entity_type, min_stem, *_ in data_rows("kg.extraction", "entity_suffixes.tsv", header=True)
    ]
    return sorted(rows, key=lambda r: -len(r[0]))


@cache
def suffix_types() -> dict[str, str]:
    """Name suffix → entity type, from ``data/entity_suffixes.tsv``."""
    return {suffix: entity_type for suffix, entity_type, _ in _suffixes()}


@cache
def _boundary_words() -> tuple[str, ...]:
    words = set(data_words("kg.extraction", "boundary_words.txt"))
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _suffix_rows() -> dict[str, tuple[str, int]]:
    """Suffix → (type, minimum stem length); the first row of a suffix wins."""
    rows: dict[str, tuple[str, int]] = {}
    for suffix, entity_type, min_stem in _suffixes():
        rows.setdefault(suffix, (entity_type, min_stem))
    return rows


@cache
def _long_suffixes() -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
    """Automata of the suffixes of two characters or more: all of them, and those of
    types other than Company (a name holding one is typed by it)."""
    out = []
    for keep in (lambda t: True, lambda t: t != "Company"):
        automaton = ahocorasick.Automaton()
        for suffix, entity_type, _ in _suffixes():
            if len(suffix) >= 2 and keep(entity_type):
                automaton.add_word(suffix, suffix)
        automaton.make_automaton()
        out.append(automaton)
    return out[0], out[1]


@cache
def _boundary_words_by_length() -> tuple[tuple[int, frozenset[str]], ...]:
    """The boundary words by length, longest first: a position is tested against a few
    lengths, not against every word (stem_start runs for every candidate name)."""
    words = _boundary_words()
    return tuple((n, frozenset(w for w in words if len(w) == n)) for n in sorted({len(w) for w in words}, reverse=True))


@cache
def _suffix_regex() -> re.Pattern:
    return re.compile("|".join(re.escape(s) for s, _, _ in _suffixes()))


def _user_words() -> list[str]:
    """The words jieba is given besides its dictionary, in the order they are added:
    the gazetteer names and the type suffixes, so that a known name or a suffix is never
    split."""
    words = list(gazetteer().words())
    words += [suffix for suffix, _, _ in _suffixes() if len(suffix) > 1]
    words += list(gazetteer().station_lines)
    # Every township and county of China, by full and short name: the same words for
    # every report, so that segmentation never depends on which reports are loaded.
    # (Villages, 620,000 of them, are matched by the gazetteer automaton instead.)
    for division in gazetteer().divisions.values():
        if division.level in ("county", "township"):
            words.append(division.name)
            if division.level == "township" and (short := short_town_name(division.name)):
                words.append(short)
    return words


@cache
def _tokenizer():
    """jieba with :func:`_user_words` at a high frequency. Adding 80,000 words takes a
    second; the word table they make is cached (kg.resources.cached), keyed by jieba's
    version, its dictionary and the words, and given to a fresh tokenizer as its own
    table, which is what jieba's initialisation does with jieba's cache."""
    import logging
    from pathlib import Path

    import jieba

    jieba.setLogLevel(logging.WARNING)
    words = _user_words()

    def table() -> tuple[dict[str, int], int]:
        tokenizer = jieba.Tokenizer()
        for word in words:
            tokenizer.add_word(word, freq=2000)
        return tokenizer.FREQ, tokenizer.total

    dictionary = Path(jieba.__file__).with_name("dict.txt").read_bytes()
    key = "\n".join([jieba.__version__, hashlib.sha256(dictionary).hexdigest(), *words]).encode()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = cached("jieba-words", key, table)
    tokenizer.initialized = True
    return tokenizer


@cache
def _pos_tokenizer():
    import jieba.posseg

    class SharedTags(jieba.posseg.POSTokenizer):
        """A tagger over kg's tokenizer that takes the part-of-speech tags jieba read
        from its dictionary when jieba.posseg was imported, rather than reading the same
        file again (a second each): kg's tokenizer has jieba's own dictionary."""

        def load_word_tag(self, f):
            f.close()
            self.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)

    return SharedTags(_tokenizer())


@lru_cache(maxsize=65536)
def _pos_cut(text: str) -> tuple:
    """jieba's tagged words of a short name or stem. The rules tag the same stems again
    and again (a firm's name in every sentence that lists it, a list's items under
    several rules), and the tagger's Viterbi search is the slowest step of mention
    finding after the scans: its result for a text never changes within a process."""
    return tuple(_pos_tokenizer().cut(text))


@cache
def _local_names(town: str | None, district: str | None) -> tuple[tuple[str, str], ...]:
    """(name, class) of the divisions a report of this town speaks of by name: the
    counties of its city, the townships of its county, the villages of its township."""
    g = gazetteer()
    code = g.locate(town, district)
    if code is None:
        return ()
    names: dict[str, str] = {}
    county = code[:6]
    city = g.divisions[county].parent if county in g.divisions else None
    if city:
        names.update({d.name: "District" for d in g.counties(city)})
    names.update({d.name: "Town" for d in g.townships(county) if len(d.name) >= 3})
    if len(code) == 9:
        names.update({v.name: "Village" for v in g.villages(code)})
    return tuple(names.items())


class _Literals:
    """A fixed list of names with what each stands for, and those of them that occur in
    a text, in the list's order: one Aho–Corasick pass instead of a search per name (a
    town's surroundings are hundreds of names). The order is kept because it decides
    between equal mentions later (the first one found stays)."""

    def __init__(self, items: Iterable[tuple[str, str]]) -> None:
        self._automaton = ahocorasick.Automaton()
        for rank, (name, value) in enumerate(dict(items).items()):
            self._automaton.add_word(name, (rank, name, value))
        if len(self._automaton):
            self._automaton.make_automaton()

    def occurring(self, text: str) -> list[tuple[str, str]]:
        """(name, what it stands for) of each name found in ``text``."""
        if not len(self._automaton):
            return []
        return [(name, value) for _, name, value in sorted({found for _, found in self._automaton.iter(text)})]


@cache
def _local_literals(town: str | None, district: str | None) -> _Literals:
    return _Literals(_local_names(town, district))


@cache
def _gazetteer_literals() -> tuple[_Literals, _Literals, _Literals]:
    """The rivers' (folded) spellings, the indicators' aliases and the named metro lines'
    (numbered lines are found by number)."""
    g = gazetteer()
    lines = {alias: line for alias, line in g.lines.items() if "号线" not in alias}
    return _Literals(g.rivers.items()), _Literals(g.indicators.items()), _Literals(lines.items())


@cache
def _known_words() -> dict[str, str]:
    words = gazetteer().words()
    words.update({station: "MetroStation" for station in gazetteer().station_lines})
    for division in gazetteer().divisions.values():
        if division.level == "township" and (short := short_town_name(division.name)):
            words[short] = "Town"
    return words


@lru_cache(maxsize=8192)
def token_starts(text: str) -> frozenset[int]:
    """The positions where jieba starts a token (word boundaries). Kept for the texts
    last asked about: the rules of claims segment the sentences mentions did."""
    starts, position = set(), 0
    # Without HMM, jieba does not glue unknown characters into guessed words (茭泾滨).
    for token in _tokenizer().cut(text, HMM=False):
        starts.add(position)
        position += len(token)
    starts.add(position)
    return frozenset(starts)


_STOP_CHARS = set("，。；：！？、（）()“”‘’《》「」『』,;:!? \n") | set("…—-~+")
_MAX_STEM = 14


def stem_start(text: str, end: int, boundaries: AbstractSet[int], max_len: int = _MAX_STEM) -> int:
    """Where a name that ends at ``end`` starts: after the nearest punctuation or
    boundary word on its left, at a word boundary."""
    start = end
    while start > 0 and end - start < max_len and text[start - 1] not in _STOP_CHARS:
        start -= 1
    # The rightmost boundary word inside [start, end) cuts the name.
    by_length = _boundary_words_by_length()
    best = start
    for i in range(end - 1, start - 1, -1):
        # A boundary word at the end of a longer word cuts too: 圆满完成.
        if i not in boundaries and not any(n > 1 and i + n in boundaries and text[i : i + n] in words for n, words in by_length):
            continue
        # A boundary word counts only as a whole word of the segmentation: the 在 of 在线 does not cut.
        # The longest one wins; two of one length at one position are the same word.
        length = next((n for n, words in by_length if i + n <= end and i + n in boundaries and text[i : i + n] in words), 0)
        if length:
            best = i + length
            break
    start = best
    while start < end and start not in boundaries:
        start += 1  # do not begin inside a word
    return start


# Modifiers that jieba may not know but that describe, not name (普惠性幼儿园).
_GENERIC_MODIFIERS = {
    "普惠性",
    "普惠",
    "标准化",
    "智慧",
    "综合",
    "社区",
    "公益性",
    "规范化",
    "示范性",
    "新型",
    "市级",
    "区级",
    "镇级",
}
_PROPER_FLAGS = {"ns", "nr", "nrt", "nrfg", "nz", "nt", "eng", "s"}


@lru_cache(maxsize=65536)  # the same stems recur sentence after sentence, and tagging is slow
def has_proper_part(stem: str) -> bool:
    """Whether a name's stem names something rather than describes it: it holds a code
    or number, a word that jieba does not know or tags as a proper name, or a gazetteer
    name. 场北健康 and L-07 do; 普惠性 and 社区 do not."""
    if re.search(r"[A-Za-z0-9]", stem):
        return True
    if stem in _GENERIC_MODIFIERS:
        return False
    if re.search(r"[\u4e00-\u9fff]{2}(?:路|街|河|浜|泾|村|镇|湖|公园)", stem):
        return True  # named after a place: 青松路老年助餐点
    tokenizer = _tokenizer()
    known = _known_words()
    tokens = list(_pos_cut(stem))
    singles = [len(t.word) == 1 and t.flag not in ("p", "c", "u", "uj", "d", "r", "m", "q", "x") for t in tokens]
    if any(a and b for a, b in zip(singles, singles[1:])):
        return True  # a run of characters jieba cannot make words of: an unknown name (场北)
    for token in tokens:
        if token.word in known or token.flag in _PROPER_FLAGS or (len(token.word) > 1 and token.word not in tokenizer.FREQ):
            return True
        if len(token.word) == 1 and token.flag in ("x", "nr", "ns"):
            return True
    return False


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
_PLACES = class_group("NamedPlace")
_MAX_STEM_OF = {"Village": 4, "River": 6, "Road": 8, "Park": 8, "MetroStation": 8}
_NEEDS_PROPER = ("Project", "Facility", "Park", "IndustrialPark", "Institution", "River")


def _is_stem(stem: str, min_len: int) -> bool:
    if len(stem) < min_len:
        return False
    return not re.fullmatch(rf"[{_CN_DIGITS}\d]+[个座处条块家所幅名项次户]?", stem)


@dataclass
class _Found:
    type: str
    start: int
    end: int
    name: str
    rule: str
    part_of: str | None = None
    part_of_type: str | None = None


def find_mentions(text: str, town: str | None = None, district: str | None = None) -> list[_Found]:
    """All mentions in one piece of text (a sentence or a footnote)."""
    g = gazetteer()
    boundaries = token_starts(text)
    found: list[_Found] = []

    # Gazetteer names of the report's surroundings. Each name is still searched on its
    # own, in the list's order, where it occurs: the order of what is found decides
    # between equal mentions later.
    for name, kind in _local_literals(town, district).occurring(text):
        for m in re.finditer(re.escape(name), text):
            found.append(_Found(kind, m.start(), m.end(), name, "gazetteer"))
    if town and (short := short_town_name(town)):
        for m in re.finditer(re.escape(short), text):
            if not text.startswith(town, m.start()):
                found.append(_Found("Town", m.start(), m.end(), town, "gazetteer:short"))
    if district and district.endswith("区") and len(district) >= 3:
        short = district[:-1]
        for m in re.finditer(re.escape(short), text):
            if not text.startswith(district, m.start()):
                found.append(_Found("District", m.start(), m.end(), district, "gazetteer:short"))
    river_names, indicator_names, line_names = _gazetteer_literals()
    folded = fold_variants(text)
    for spelling, canonical in river_names.occurring(folded):
        for m in re.finditer(re.escape(spelling), folded):
            found.append(_Found("River", m.start(), m.end(), canonical, "gazetteer"))
    for alias, canonical in indicator_names.occurring(text):
        for m in re.finditer(re.escape(alias), text):
            found.append(_Found("Indicator", m.start(), m.end(), canonical, "gazetteer"))
    _coordinated(text, found, g.indicators)
    _subject_figures(text, found)

    metro_context = bool(_METRO_CONTEXT.search(text))
    # Metro lines by number, and named lines.
    for m in _LINE.finditer(text):
        line = f"{m.group(1)}号线"
        found.append(_Found("MetroLine", m.start(), m.end(), line, "code"))
        if pm := re.match(_PHASE, text[m.end() :]):
            found.append(_Found("MetroLine", m.start(), m.end() + pm.end(), line + pm.group(), "phase", line, "MetroLine"))
    for alias, canonical in line_names.occurring(text):
        for m in re.finditer(re.escape(alias), text):
            found.append(_Found("MetroLine", m.start(), m.end(), canonical, "gazetteer"))

    # Parcels by code, alone or in a list before 地块.
    for m in re.finditer(rf"((?:{_PARCEL_CODE}(?:、|和|及))*{_PARCEL_CODE}){_QUANTITY}地块", text):
        codes = list(re.finditer(_PARCEL_CODE, m.group(1)))
        for c in codes:
            start = m.start(1) + c.start()
            found.append(
                _Found("Parcel", start, start + len(c.group()), c.group() + "地块", "code" if len(codes) == 1 else "enumeration")
            )
    for m in re.finditer(rf"{_PARCEL_CODE}(?=[\u4e00-\u9fff])", text):
        # Alone, a code needs a letter (L-07幼儿园): 1-11月 is a date range.
        if not text.startswith("地块", m.end()) and re.match(r"[A-Z]", m.group()):
            found.append(_Found("Parcel", m.start(), m.end(), m.group() + "地块", "code"))

    # Names by suffix.
    for m in _suffix_regex().finditer(text):
        _by_suffix(text, m, boundaries, found, metro_context)

    # X路TOD is the development over the station X路站, not the road.
    for m in re.finditer(r"TOD", text):
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
    for m in re.finditer(rf"({_PHASE})((?:、{_PHASE})*)", text):
        whole = next((f for f in found if f.end == m.start() and f.type not in ("Town", "District", "Indicator")), None)
        if whole is None:
            bracket = re.match(r"（", text[m.start() - 1 : m.start()]) if m.start() else None
            if bracket:
                whole = next((f for f in found if f.end == m.start() - 1), None)
        if whole is None:
            whole = _short_park_before(text, m.start(), boundaries)
            if whole is not None:
                found.append(whole)
        if whole is None:
            continue
        phases = [m.group(1)] + re.findall(_PHASE, m.group(2))
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


def _short_park_before(text: str, end: int, boundaries: AbstractSet[int]) -> _Found | None:
    """A short name ending in 园 before a phase (智园一期): something built in phases, a
    Project unless resolution finds it abbreviates a park of the town (上海智力产业园)."""
    start = stem_start(text, end, boundaries, max_len=6)
    name = text[start:end]
    if len(name) < 2 or not name.endswith("园") or name.endswith(("公园", "花园", "乐园", "家园", "校园", "田园")):
        return None
    return _Found("Project", start, end, name, "phase-stem")


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
    if not _is_stem(stem, min_stem):
        return
    if entity_type == "Road" and (stem + suffix).endswith(_NOT_ROADS):
        return
    if re.search(rf"[{_CN_DIGITS}\d]+[幅个座处块条家所]$", stem):
        return  # 三幅地块 counts parcels named before it
    # A thing built in phases (结构绿地一期) is a particular one even with a plain name.
    phased = re.match(_PHASE, text[end:]) is not None
    if entity_type in _NEEDS_PROPER and not phased and not has_proper_part(stem):
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


# A statistic of the town that is not in the vocabulary (粮食生产总量1.4万吨, 规模以上工业企业
# 利润总额5亿元, 村集体经营性收入…): a noun phrase ending in a measure word, followed by a
# figure or by its growth (生猪出栏比上年增长15%). Measure words are those of statistical
# tables: amounts (产值, 收入, 总额, 利润, 投资, 增加值, 销售额, 税收…), areas (面积, and 种植规模
# / 养殖规模, the planted or stocked extent), outputs, livestock, population and rates.
_MEASURE_WORDS = (
    "利润总额",
    "产值",
    "收入",
    "总额",
    "利润",
    "投资",
    "增加值",
    "销售额",
    "营业额",
    "税收",
    "总值",
    "零售额",
    "支出",
    "面积",
    "种植规模",
    "养殖规模",
    "造林",
    "产量",
    "总产",
    "总量",
    "存栏",
    "出栏",
    "人口",
    "覆盖率",
    "处理率",
    "达标率",
    "参保率",
    "合格率",
    # The export delivery value of industry (出口交货值), a column of every industrial table.
    "交货值",
    # Sums of trade by their kind (电子商务交易额, 网上成交额, 外贸额): amounts as 销售额 is.
    "交易额",
    "成交额",
    "贸易额",
    # Profit and tax together (实现利税), the older reports' figure of a town's firms.
    "利税",
    # 营收, the short form of 营业收入 (规上工业营收增长15%).
    "营收",
    # Volumes of transport and energy that bulletins give by weight, trips or kWh
    # (港口货物吞吐量, 客运量, 发电量, 销售量).
    "吞吐量",
    "货运量",
    "客运量",
    "发电量",
    "销售量",
    "交易量",
    # The income gained per head (农民人均增收500元), the poverty-relief reports' measure
    # of rural income; only per head, since 带动农户增收 is an action's effect.
    "人均增收",
    # Foreign capital by any wording (实际到账外资, 利用外资): stated in dollars or yuan.
    "外资",
    # Days counted by the environment bulletins (空气质量优良天数 in 天).
    "优良天数",
)
# Verbs of reaching a level: the figure after them is the level reached (达到, 突破), held
# (控制在, 保持在, 稳定在) or moved to (增加到, 缩减到, 扩大至…), in either direction.
_REACHING = (
    # 均在/均达: each unit of the town reaches the level (村级集体经济年收入均在20万元以上).
    r"完成|达到了?|达|为|共计|总计|累计|累积|实现|稳定在|保持在|控制在|突破|超过|均在|均达到?|均超过|"
    r"(?:提高|提升|增加|增长|上升|扩大|发展|下降|降低|减少|缩减|缩小|回落)(?:到|至)|增至|降至|减至|由|从|预计"
)
# A round magnitude passed is written without a digit: 突破百亿元, 超亿元, 过亿斤.
_ROUND_PASSED = r"(?:突破|超过|超|过|逾)[百千]?(?:亿|万)(?=[元斤吨]|大关)"
_FIGURE_VERB = rf"(?:绝对额)?(?:已经|已|分别)?(?:(?:{_REACHING})?(?:约|近|超|逾)?\s*[-−]?\d|{_ROUND_PASSED})"
# A growth after the name: with its basis (同比增长…), or a percentage alone (技改投资增长20%,
# 数字经济核心产业增加值增长12%): reports give many measures by their growth only.
_GROWTH_AFTER = (
    r"(?:(?:同比|比上年|较上年|比去年|较去年)(?:同期)?(?:增长|下降|减少|提高|增加|增速)\s*[-−]?\d"
    r"|(?:分别)?(?:增长|增速|增幅|下降|递增|增加)(?:达到|达|为)?\s*[-−]?\d+(?:\.\d+)?\s*[%％])"
)
# A rate of the town (贫困发生率, 自然增长率, 计划生育率…): any name ending in 率 given as a
# percentage or a per-mille figure.
_RATE_FIGURE = re.compile(r"(?P<name>[\u4e00-\u9fff]{1,12}?率)(?=(?:已经|已)?(?:" + _REACHING + r")?\s*\d+(?:\.\d+)?\s*[%％‰])")
_SUBJECT_FIGURE = re.compile(
    rf"(?P<name>[\u4e00-\u9fff]{{0,16}}?(?:{'|'.join(_MEASURE_WORDS)}))(?={_FIGURE_VERB}|{_GROWTH_AFTER})"
)
# A statistic's name holds no figure and no sentence mark: scanning left for its start
# stops at these too (OCR'd and PDF text ends sentences with a half-width '.').
_NAME_STOP = _STOP_CHARS | set("0123456789.．")
# Words before a statistic's name that say where or when, or that it was done, not what.
_FIGURE_LEAD = re.compile(
    r"^(?:全镇|全乡|全街道|街道|我街道|本街道|全区|全县|我镇|我乡|本镇|全年|今年|去年|当年|上半年|前三季度|其中|预计|完成|实现|落实|共|累计|"
    r"现有|全面|已|新增|年度|年|月份|月|\d{4}年|\d{1,2}[-—至]\d{1,2}月份?|的)+"
)
# A figure after these is done or spent, not measured: 投入资金, 争取资金, 发放…
# …and so is an increment a works brings (增加全乡花农和各村集体的经济收入共计100万元): not the level.
_ACTIONS = re.compile(r"^(?:投入|争取|发放|筹集|拨付|兑现|落实|申报|引进|带动|帮助|新建|建成|改造|完成|实施|恢复|追加|增加)")
# A figure projected for a project once built (建成后年销售收入预计超2000万元) is the
# project's, not the town's.
_PROJECTED = re.compile(
    r"(?:(?:建成|投产|达产|投用|运营)后[^，。；]{0,6}|(?:建成|投产|达产|投用)[，,]年?|(?:引进|落户|签约)[^，。；]{1,20}[，,]年)$"
)
_WHOLE_TOWN = re.compile(r"全镇|全乡|全街道|我镇|我乡|本镇")
# Measure words that make a whole name on their own after 实现/完成/年: outputs and
# incomes. A bare 投资 or 面积 is the size of works, not a statistic (see below).
_BARE_MEASURES = frozenset({"产值", "收入", "产量", "税收", "利税", "总产"})
_WORKS_CLAUSE = re.compile(r"^(?:全镇|全乡|我镇|我乡|共|累计|已)?(?:建成|新建|打造|改造|建设|新增|引进|实施)")


def _clause_before(text: str, start: int) -> str:
    """The clause before the one ``start`` is in (between the two clause marks before it)."""
    marks = [i for i in range(start - 1, -1, -1) if text[i] in "，,；;。"]
    if not marks or text[marks[0]] == "。":
        return ""
    begin = marks[1] + 1 if len(marks) > 1 else 0
    return text[begin : marks[0]]


# A figure of one firm (某某分公司追加投资2103万元) is the firm's, not a statistic of the town.
_FIRM = re.compile(r"公司|集团|厂")


# Rates of a service's own work (养老金发放率, 申办通过率, 办结率, 满意率) measure an office's
# performance, not the town; a bare 增长率 or 比率 has no subject.
# The rate at which projects started or were finished (12个区重点项目开工率达91.6%) measures
# the progress of works, as counts of works do: no statistic of the town.
_SERVICE_RATE = re.compile(
    r"(?:发放|通过|办结|完成|满意|到位|兑现|签约|回复|受理|办理|知晓|上线|录入|核查|开工|竣工|复工|开复工)率$|^(?:增长|比)率$"
    # The share of firms or groups with a party organisation (组织覆盖率) measures party work.
    r"|组织覆盖率$"
)
# 收购烟叶27万斤, 可收菜油70万斤: the crop bought or harvested, by weight, is its output.
_HARVESTED = re.compile(
    r"(?:收购|收获|可收|采收)(?P<crop>[\u4e00-\u9fff]{1,4}?)(?=(?:达到|达|共|约)?\d[\d.]*\s*(?:万|余|多)*(?:万担|担|万斤|斤|万吨|吨|万公斤|公斤))"
)
# A figure of works being built (建成…示范点面积6000亩, 工程总投资454万元) is the works'.
_WORKS_BEFORE = re.compile(r"(?:建成|新建|打造|改造|建设)[^，。；]{0,12}$")
# …and so is the investment of one named project (杜河村南沟广场提升改造项目投资40万元; 目前项目已
# 完成实际投资1500万元) or of the town in one works (上戈镇投资50万元对…道路进行提升): only the
# projects taken together (重点项目完成投资, 在建项目总投资) give a statistic of the town.
_PROJECTS_TOGETHER = re.compile(r"(?:在建|重点|续建|新建|新开工)(?:项目|工程)")
_ONE_WORK = re.compile(
    r"^(?:工程|项目)总投资$"
    r"|(?<!重点)(?<!在建)(?<!续建)(?<!新建)(?<!以上)(?<!各类)(?<!产业)(?<!招商)(?:工程|项目)[^，。；]{0,6}?投资$"
    r"|^[\u4e00-\u9fff]{0,6}(?:镇|乡|街道|政府)(?:共|累计)?投资$"
    # …and of the firms a park took in (入驻7家企业总投资1.24亿元), as of projects signed.
    r"|^企业总投资$"
)

# 种植玉米6.9万亩, 发展优质水稻7996亩: the area planted with a crop is a statistic of the crop.
_PLANTED = re.compile(
    r"(?:种植|种|栽植|播种|发展)(?!面积)(?P<crop>[\u4e00-\u9fff]{1,6}?)(?:面积)?(?:达到|达|共|约|完成)?(?=\d[\d.]*\s*(?:万亩|亩|公顷))"
)

# Statistical lists give one measure for several subjects, naming the measure once:
# 猪存栏1.25万头、牛1180头、羊5420只; 种植玉米6.9万亩、经济作物3000亩. A list member is a
# short name, its figure and a unit of the same kind as the head's (heads, areas, weights).
_LIST_UNITS = {
    "存栏": "万头|头|万只|只|万羽|羽",
    "出栏": "万头|头|万只|只|万羽|羽",
    "面积": "万亩|亩|万公顷|公顷",
    "种植面积": "万亩|亩|万公顷|公顷",
    "种植规模": "万亩|亩|万公顷|公顷",
    "产量": "万吨|吨|万公斤|公斤|万斤|斤",
}
_NUM = r"\d+(?:\.\d+)?"


def _list_members(text: str, head_end: int, measure: str, found: list[_Found]) -> None:
    units = _LIST_UNITS.get(measure)
    if units is None:
        return
    figure = re.compile(rf"(?:达到|达|为|共|约)?{_NUM}\s*(?:余|多)?(?:{units})")
    member = re.compile(rf"、(?P<name>[\u4e00-\u9fff]{{1,6}}?)(?={figure.pattern})")
    if not (first := figure.match(text, head_end)):
        return
    pos = first.end()
    while m := member.match(text, pos):
        found.append(_Found("Indicator", m.start("name"), m.end("name"), m.group("name") + measure, "figure:list"))
        pos = figure.match(text, m.end("name")).end()  # type: ignore[union-attr]  # the member pattern ends with the figure


# 城镇、农村居民人均可支配收入分别增长5%、8%: qualifiers joined before one head noun name
# as many indicators, whose figures follow in order after 分别 (respectively). Only with
# 分别 in the clause: without it 城镇和农村 may qualify one figure of both.
_JOINED_QUALIFIER = re.compile(r"(?P<q>[\u4e00-\u9fff]{1,4})(?:、|和|与|及)$")


def _coordinated(text: str, found: list[_Found], names: dict[str, str]) -> None:
    """Mentions of the indicators that qualifiers coordinated with a known indicator's own
    qualifier name (城镇、农村居民人均可支配收入 names 城镇居民人均可支配收入 too), when the
    clause gives their figures respectively (分别)."""
    for f in [f for f in found if f.type == "Indicator" and f.rule == "gazetteer"]:
        clause_end = min([i for i in (text.find(c, f.end) for c in "，。；,;") if i >= 0] or [len(text)])
        if "分别" not in text[f.end : clause_end]:
            continue
        # 城乡居民人均可支配收入分别…: 城乡 is 城镇 and 农村 (the bulletins' two series).
        if (
            (both := re.search(r"城乡(?:常住)?$", text[: f.start]))
            and (town := names.get("城镇" + f.name))
            and (country := names.get("农村" + f.name))
        ):
            found.remove(f)
            found.append(_Found("Indicator", both.start(), both.start() + 2, town, "coordinated"))
            found.append(_Found("Indicator", both.start() + 2, f.end, country, "coordinated"))
            continue
        start = f.start
        while m := _JOINED_QUALIFIER.search(text, max(0, start - 5), start):
            q = m.group("q")
            # The known name's own qualifier is replaced by the joined one: 农村|居民人均…
            name = next(
                (names[q + text[f.start + k : f.end]] for k in range(1, 5) if q + text[f.start + k : f.end] in names), None
            )
            if name is None or any(g.start == m.start("q") and g.type == "Indicator" for g in found):
                break
            found.append(_Found("Indicator", m.start("q"), m.end("q"), name, "coordinated"))
            start = m.start("q")


def _name_start(text: str, start: int, end: int, limit: int, brackets: bool = False) -> int:
    """Where a statistic's name ending at ``end`` starts: after the nearest punctuation or
    figure on its left, at most ``limit`` characters back; with ``brackets``, a bracket
    inside the name is part of it (限额以上批发业（单位）销售额)."""
    while start > 0 and end - start < limit:
        if (
            brackets
            and text[start - 1] in "）)"
            and (opening := max(text.rfind("（", 0, start), text.rfind("(", 0, start))) > start - 8
        ):
            start = opening
            continue
        if text[start - 1] in _NAME_STOP:
            break
        start -= 1
    return start


# A stock of enterprises or farm businesses the town has (现有规模工业企业3家, 各类合作社已经
# 发展到63家, 规模牧业小区21个): statistical bulletins count them; 新增/引进 counts are
# actions, and are not read here.
_STOCK = re.compile(
    r"(?P<lead>现有|共有|全镇有|全乡有|拥有|已有)?(?P<name>(?:[\u4e00-\u9fff]{0,10}?)(?:企业|合作社|家庭农场|专业大户|市场主体|经营主体|"
    r"个体工商户|牧业小区|养殖小区|公司))(?P<total>总数|总量)?(?P<verb>已经发展到|发展到|达到|达|共)?(?=\d+(?:余|多)?(?:家|个|户))"
)


def _stocks(text: str, found: list[_Found]) -> None:
    for m in _STOCK.finditer(text):
        start = _name_start(text, m.start("name"), m.end("name"), 16)
        before = text[max(0, start - 4) : start]
        written = text[start : m.end("name")]  # with its lead (新增…): what it says was done
        name = written
        if lead := _FIGURE_LEAD.match(name):
            name, start = name[lead.end() :], start + lead.end()
        stock = (
            m.group("lead")
            or m.group("total")
            or m.group("verb") in ("已经发展到", "发展到")
            or (m.group("verb") and _WHOLE_TOWN.search(text[max(0, start - 4) : start]))
            # 新型农业经营主体达到200家: a level reached (达到) is the stock's, as 发展到 is.
            or m.group("verb") in ("达到",)
            # 规上工业企业达到56家: the firms of a statistical register are the town's own.
            or (m.group("verb") and re.search(r"规模以上|规上|[四五]上|限额以上|限上|高新技术|专精特新", name))
            or re.search(r"有[^，。；]{0,16}$", text[max(0, start - 20) : start])
        )
        name = re.sub(r"^.*的", "", name)  # 以养殖猪、羊为主的规模牧业小区: the kind, not its description
        start = m.end("name") - len(name)
        if not stock or re.search(r"新增|引进|新引进|培育|新发展", before + written) or len(name) < 2:
            continue
        # 规上企业总数达21家: the mention includes its 总数.
        found.append(
            _Found("Indicator", start, m.end("total") if m.group("total") else m.end("name"), name + "数", "figure:stock")
        )


def _subject_figures(text: str, found: list[_Found]) -> None:
    known_ends = {f.end for f in found if f.type == "Indicator"}
    for m in _PLANTED.finditer(text):
        if m.end("crop") not in known_ends:
            found.append(_Found("Indicator", m.start("crop"), m.end("crop"), m.group("crop") + "种植面积", "figure"))
            _list_members(text, m.end("crop"), "种植面积", found)
    for m in _HARVESTED.finditer(text):
        if m.end("crop") not in known_ends:
            found.append(_Found("Indicator", m.start("crop"), m.end("crop"), m.group("crop") + "收购量", "figure"))
    for m in _RATE_FIGURE.finditer(text):
        start = _name_start(text, m.start("name"), m.end(), 14)
        name = text[start : m.end()]
        if lead := _FIGURE_LEAD.match(name):
            start, name = start + lead.end(), name[lead.end() :]
        if m.end() not in known_ends and len(name) >= 4 and not _SERVICE_RATE.search(name):
            found.append(_Found("Indicator", start, m.end(), name, "figure"))
            known_ends.add(m.end())
    for m in _SUBJECT_FIGURE.finditer(text):
        start = _name_start(text, m.start("name"), m.end(), 22, brackets=True)
        name = text[start : m.end()]
        if start > 0 and text[start - 1].isdigit() and name[:1] in "个家项座条处名":  # 5个在建项目总投资
            start, name = start + 1, name[1:]
        lead = _FIGURE_LEAD.match(name)
        if lead:
            start, name = start + lead.end(), name[lead.end() :]
        # A bare output or income after 实现/完成 (…茶叶产业，实现产值5000万元; 年产量达8671吨)
        # is the measure of the subject the sentence is about, stated as its statistic.
        # Its subject is the clause before: when that clause builds works (建成…示范点面积
        # 6000亩，实现产值1560万元), the figure is the works' own.
        bare = bool(lead) and name in _BARE_MEASURES and not _WORKS_CLAUSE.match(_clause_before(text, start))
        if (
            (len(name) < 3 and not bare)
            or _ACTIONS.match(name)
            or _FIRM.search(name)
            or _PROJECTED.search(text[max(0, start - 12) : start])
            or re.search(r"(?:建成|投产|达产|投用|运营)后", name)
        ):
            continue
        # (…the works named before the projects taken together, 汉都新苑保障房建设共5个在建项目
        # 总投资完成12.7亿元, are those projects: their total stays a statistic.)
        if (_WORKS_BEFORE.search(text[max(0, start - 14) : start]) and not _PROJECTS_TOGETHER.match(name)) or _ONE_WORK.search(
            name
        ):
            continue
        # A bare 总面积/总投资 with no subject of its own is the size of the works just
        # named (修建文化广场9个，总面积达1.7万平方米), not a statistic of the town.
        if re.fullmatch(r"总?(?:面积|投资)", name) and not (lead and _WHOLE_TOWN.search(lead.group())):
            continue
        # A rate with no subject (累计接种疫苗11万人，覆盖率达到93.9%) is the rate of the
        # action just told, as a bare 增长率 is no measure (see _RATE_FIGURE's length).
        if name.endswith("率") and (len(name) < 4 or _SERVICE_RATE.search(name)):
            continue
        # The ground a site occupies or the floor it builds (占地面积约35亩, 建筑面积2万平方米)
        # is the size of one works, never a statistic of the town.
        if re.search(r"(?:占地|建筑|用地)面积$", name):
            continue
        # 集中人口6000人, 转移人口, 搬迁安置人口: people an action moved, not the population.
        if re.fullmatch(r"(?:集中|转移|搬迁|安置|易地搬迁|吸纳|带动)\w{0,2}人口", name):
            continue
        if m.end() not in known_ends:
            found.append(_Found("Indicator", start, m.end(), name, "figure"))
        measure = next((w for w in _LIST_UNITS if name.endswith(w)), None)
        if measure:
            _list_members(text, m.end(), measure, found)
    for f in list(found):
        if f.type == "Indicator" and f.rule == "gazetteer":
            measure = next((w for w in _LIST_UNITS if f.name.endswith(w)), None)
            if measure:
                _list_members(text, f.end, measure, found)
    _stocks(text, found)


def _station(text: str, m: re.Match, boundaries: AbstractSet[int], found: list[_Found], metro_context: bool) -> None:
    g = gazetteer()
    start = stem_start(text, m.start(), boundaries, max_len=10)
    stem = text[start : m.start()]
    if phase := re.match(_PHASE, stem):  # …号线二期呼兰路站: the phase is the line's
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
        bare = re.sub(rf"^{_PHASE}", "", stem[line_in.end() :])
    on_named_line = (
        bool(_LINE.search(text[clause_start + 1 : start] + stem) or _NAMED_LINE.search(text[clause_start + 1 : start] + stem))
        and 2 <= len(bare) <= 6
        and not re.search(r"服务|工作|驿|指导|消防|泵|充电|加油|公交|客运|中转|收购|检测|监测|气象|水文|沿线", bare)
    )
    if not stem or not (known or on_named_line or (road_like and metro_context)):
        # Not a metro station: a service point (服务站, 驿站) found by its own suffix.
        return
    # A line named just before the station: 19号线一二八纪念路站.
    named_line = None
    if line := _LINE.search(stem) or _NAMED_LINE.search(stem):
        cut = line.end()
        if phase := re.match(_PHASE, stem[cut:]):  # 18号线二期呼兰路站
            cut += phase.end()
        named_line = line.group(1) if not line.group(1).isdigit() else None
        stem = stem[cut:]
        start += cut
        if not stem:
            return
    # A section of the line before the station (南延伸段西渡站, 望城区段谷山站) is the line's.
    if (section := re.match(r"^[\u4e00-\u9fff]{1,6}?段(?=[\u4e00-\u9fff]{2})", stem)) and on_named_line:
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


_LIST = re.compile(
    r"((?:[^，。；：、“”（）\s]{2,14}、)+[^，。；：、“”（）\s]{2,14})"
    r"(?:等(?:一批|多家|\d+家|[一二三四五六七八九十]+家|\d+个|[一二三四五六七八九十两]+个)?|(?:\d+|[两二三四五六七八九十]+)家)"
    # What the firms are (龙头, 成熟, 数字化头部, 亿元以上, 新签约): a short description,
    # read by _firm_description.
    r"([\u4e00-\u9fff]{0,8}?)(?:\(yè\))?"
    # Farmers' co-operatives listed by name (A、B等农民专业合作组织10家) are firms too: a
    # report counts them with its enterprises. Sites that gloss characters with pinyin
    # (企業(yè)) keep the gloss inside the word.
    r"(企业|企業|公司|项目|品牌|门店|商户|合作组织|合作社)"
)


# Tags of single characters that only join or place words (后可 of 建成后可年产): no run of
# them is a coined name.
_FUNCTION_FLAGS = ("f", "v", "d", "p", "c", "u", "uj", "ul", "r", "y")
# Tags of words that act or describe (关停, 小): never a firm's own word however rare.
_NOT_NAME_FLAGS = ("v", "vn", "vd", "a", "ad", "an", "d", "p", "c", "u", "r")


@cache
def _place_names() -> frozenset[str]:
    """Names of counties and larger divisions, with and without their kind (宝山区, 宝山;
    宁波市, 宁波): the places a report names industries after. Towns are left out: their
    short names are often trade names too (金宇)."""
    names = set()
    for division in gazetteer().divisions.values():
        if division.level != "township":
            names.add(division.name)
            names.add(re.sub(r"(?:省|市|县|区|自治州|自治县|地区|盟|旗)$", "", division.name))
    return frozenset(n for n in names if len(n) >= 2)


def trade_name_head(name: str, strict: bool = False) -> bool:
    """Whether what stands before a firm's line of business holds a trade name (字号), the
    word that makes a firm's name its own: 金禾 (实业), 湖北森浤 (光学), 昱和 (服饰). A place
    before a line of business names the industry of that place (临港新材料, 宝山生物医药,
    滨海旅游, 海洋渔业), and a common word a kind (关停小化工厂, 土地股份合作社): no firm.

    >>> trade_name_head("金禾"), trade_name_head("湖北森浤"), trade_name_head("临港"), trade_name_head("海洋")
    (True, True, False, False)
    """
    freq, places = _tokenizer().FREQ, _place_names()
    tokens, placed = [], False
    for token in _pos_cut(name):
        # jieba tags some trade names ns (中普, 华洋): only a common place word (海洋, 滨海)
        # or a division's name is a place, and a division's name after the place of
        # registration is the trade name (江西宝丰).
        if token.word in places and not placed:
            placed = True
            continue
        if token.flag == "ns" and freq.get(token.word, 0) >= 100 and token.word not in places:
            continue
        tokens.append(token)
    rest = "".join(t.word for t in tokens)
    if not rest or rest in _GENERIC_STEMS or is_kind_of_firm(rest):
        return False
    # A coined name: characters jieba makes no word of (昱和, 号新), a bound morpheme (昱)
    # or a rare word (亿美); or a word the tagger reads as a proper name (金禾, 晶科). A
    # town's short name that is also a common noun (花园, 土地) is that noun here.
    singles = len(tokens) > 1 and all(len(t.word) == 1 and t.flag not in _FUNCTION_FLAGS for t in tokens)
    coined = singles or any(
        t.flag == "g" or (len(t.word) > 1 and freq.get(t.word, 0) < 50 and t.flag not in _NOT_NAME_FLAGS) for t in tokens
    )
    proper = any(t.flag in _PROPER_FLAGS or (len(t.word) > 1 and t.word not in freq) for t in tokens)
    # A word after the place of registration is the trade name whatever it means (江西丰收
    # 米业), and a town's name may be one (宏图, 金宇) — unless the caller is strict: a bare
    # name among firms' names must look like a name (not 滨江花园, 花园 being a town too).
    if not strict and ((placed and len(tokens) == 1) or any(t.word in _known_words() for t in tokens)):
        return True
    return coined or proper or bool(re.search(r"[A-Za-z0-9]", rest))


def _one_common_word(stem: str) -> bool:
    """Whether a name's stem is one common word of the language (燃气, 劳务, 保洁, 物业): a
    line of business, where a trade name is a coined or proper word (宏玉, 红狮水泥)."""
    tokens = list(_pos_cut(stem))
    return len(tokens) == 1 and tokens[0].flag in ("n", "vn", "v", "a", "an") and _tokenizer().FREQ.get(stem, 0) >= 30


def _a_common_noun(item: str) -> bool:
    """Whether a list's item is one common noun of jieba's dictionary of three characters or
    more (购物中心, 农贸市场): a kind of place or business, where a firm's name is a name."""
    tokens = list(_pos_cut(item))
    return (
        len(item) >= 3 and len(tokens) == 1 and tokens[0].flag == "n" and item in _tokenizer().FREQ and item not in _known_words()
    )


def _trade_core(item: str) -> str:
    """A firm's name without the lines of business it ends in (宝济药业 → 宝济)."""
    return _TRADES_AT_END.sub("", item) or item


def _firm_ending(item: str) -> bool:
    """Whether a list's item is a firm by its ending: a legal form or group (…公司, …集团),
    or a line of business after a trade name (宝济药业, not 舟山海洋科技 or 智能装备)."""
    if not item.endswith(_COMPANY_ENDINGS):
        return False
    ending = _TRADES_AT_END.search(item)
    return not ending or trade_name_head(item[: ending.start()])


_LIST_VERBS = (
    *("发展", "培育", "引进", "引進", "引导", "支持", "扶持", "推动", "依托", "带动", "壮大", "新增", "招引", "引入"),
    *("走访", "解决", "协调", "服务", "帮扶", "鼓励", "指导", "协助", "督促", "对接", "包联", "联系", "慰问", "调研"),
)


# What a description of firms is made of: qualities (成熟, 重大), kinds and sectors (头部,
# 数字化, 工业), counts and measures (亿元以上, 一批), project stages (新建, 签约). A verb
# (方面支持, 同志走访) makes it a clause about the list, not a description of firms in it.
_DESCRIPTION_FLAGS = ("a", "ad", "an", "b", "n", "nz", "vn", "m", "mq", "q", "f", "j", "l")
_STAGE_WORDS = ("签约", "在建", "新建", "续建", "在谈", "招商", "引进")


# Words for areas, fields and aspects: a list they describe (张江、临港等地区企业, 安全、
# 环保等重点领域企业, 用地、融资等方面) enumerates places or fields, not firms.
_AREA_WORDS = ("地区", "区域", "片区", "地方", "周边", "沿线", "领域", "行业", "方面", "环节", "门类")


def _firm_description(desc: str) -> bool:
    rest = re.sub("|".join(_STAGE_WORDS), "", desc)
    tokens = list(_pos_cut(rest)) if rest else []
    return all(t.flag in _DESCRIPTION_FLAGS for t in tokens) and not any(t.word in _AREA_WORDS for t in tokens)


def _a_place(item: str) -> bool:
    """Whether a list's item is the bare name of a county, city or province (宁波、舟山等企业
    speaks of the firms of those places)."""
    return item in _place_names()


def _scan(pattern: re.Pattern[str], text: str, *needles: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, or nothing when ``text`` holds none of ``needles``.

    Each needle list below is words every match of its pattern contains literally: most
    sentences hold none, and a substring test is far cheaper than a scan that tries every
    position (these patterns start with a run of 2 to 16 characters, so a scan backtracks
    at each one). The needles only skip scans that would find nothing: what is found is
    the same.
    """
    return pattern.finditer(text) if any(n in text for n in needles) else iter(())


# The kind words one of which ends every match of _LIST.
_LIST_KINDS = ("企业", "企業", "公司", "项目", "品牌", "门店", "商户", "合作组织", "合作社")


def _companies_in_lists(text: str, boundaries: AbstractSet[int], found: list[_Found]) -> None:
    for m in _scan(_LIST, text, "、") if any(k in text for k in _LIST_KINDS) else ():
        if m.group(2) and not _firm_description(m.group(2)):
            continue
        # 等品牌企业, 等连锁门店企业: the kind is the last word, 企业.
        head = "企业" if text.startswith(("企业", "企業", "公司"), m.end()) else m.group(3)
        if text.startswith("品牌", m.end()):
            continue  # 新宝杨黄瓜、永大菌菇等特色农业企业品牌: brands of produce, not firms
        if re.match(r"(?:集聚|聚集|集中|入驻|进驻|落户)的", text[m.end() :]):
            continue  # 万得大厦、康缘智汇港等民营企业集聚的写字楼: the items are the buildings
        items_text = m.group(1)
        offset = m.start(1)
        items = []
        position = 0
        for item in items_text.split("、"):
            items.append((offset + position, item))
            position += len(item) + 1
        # The first item still carries the words before the list (引进科创宝): cut them.
        first_start, first = items[0]
        cut = stem_start(text, first_start + len(first), boundaries, max_len=len(first))
        # 建材工业园天欣、宏康…: a place named before the list is where its members are.
        typed = [first.rfind(sfx) + len(sfx) for sfx, _, _ in _suffixes() if len(sfx) >= 2 and sfx in first[:-1]]
        if typed and max(typed) < len(first) - 1:
            cut = max(cut, first_start + max(typed))
        # A cut that leaves one character split a name at a boundary word (文和友 at 和).
        if first_start + len(first) - cut >= 2:
            items[0] = (cut, text[cut : first_start + len(first)])
        # A verb the tokenizer glued to the first name (发展大荆湖渔业) is not part of it.
        # Strip them one after another (协调解决宏发纺织 → 宏发纺织).
        verbs = sorted({*_LIST_VERBS, *(w for w in _boundary_words() if len(w) > 1)}, key=len, reverse=True)
        while lead := next((w for w in verbs if items[0][1].startswith(w) and len(items[0][1]) - len(w) >= 2), ""):
            items[0] = (items[0][0] + len(lead), items[0][1][len(lead) :])
        # 甲、乙等9家企业 read as a bare count (乙等 + 9家): the 等 is not part of the name.
        last_start, last = items[-1]
        items[-1] = (last_start, last[:-1] if last.endswith("等") and len(last) > 3 else last)
        # 和, 及, 与 join two names where both sides are names (永盛铸造及天成机械), not
        # inside one (昱和服饰, 和润风电).
        joined = []
        for start, item in items:
            join = re.search(r"(?<=[\u4e00-\u9fff]{2})[和及与](?=[\u4e00-\u9fff]{2})", item)
            if join and item[: join.start()] not in _GENERIC_STEMS and item[join.end() :] not in _GENERIC_STEMS:
                joined += [(start, item[: join.start()]), (start + join.end(), item[join.end() :])]
            else:
                joined.append((start, item))
        items = joined
        # Brands, shops and merchants are firms only when they are brought in (引进A、B等
        # 品牌); 扩大A、B等品牌影响力 speaks of events or campaigns.
        if head in ("品牌", "门店", "商户") and not re.search(
            r"(?:引进|招引|引入|入驻|落户|集聚|开设|新开)[^，。；]{0,4}$", text[max(0, m.start(1) - 8) : m.start(1) + 4]
        ):
            continue
        if head in ("品牌", "门店", "商户") and not _mostly_names([item for _, item in items]):
            continue  # 引进奶茶、咖啡、烘焙等品牌: kinds of shop
        # Under a kind of firm, a list of kinds of business (带动餐饮、住宿、零售等企业, 种植、
        # 养殖、加工等合作社, 砖瓦厂、石灰厂等企业) names sectors, not firms: at least half the
        # items must be names.
        # A line of business among them (对化工、印染等高耗能企业) marks a list of sectors;
        # the first item is left out, as a cut at a boundary word may leave a line of
        # business alone there (服饰 of 扶持昱和服饰).
        if head != "项目" and (
            sum(has_proper_part(_trade_core(item)) for _, item in items) * 2 < len(items)
            or any(is_kind_of_firm(item) for _, item in items[1:])
        ):
            continue
        # A list of 项目 names companies when its items look like companies, else projects.
        # 智能装备、新型光伏等项目 are industries: a description before the line of business
        # names no firm.
        firms_listed = any(_firm_ending(item) for _, item in items)
        for start, item in items:
            # In a list of 项目 each item is what it is named: a firm's name (宏达科技), or a
            # bare trade name among firms' names (安徽佑顺 beside 赛纬电子), is the firm
            # behind its project; other names (滨江花园, 城北安置房) are the projects.
            firm = _firm_ending(item) or (
                firms_listed and trade_name_head(item, strict=True) and not _NOT_FIRM_WORDS.search(item)
            )
            kind = "Company" if head != "项目" or firm else "Project"
            # Under 等企业 the kind word says what the members are, whatever a word inside
            # them suggests (绿地缤纷荟 holds 绿地): only a name ending in another kind's
            # suffix (X产业园) is not a firm.
            other_kind = _ends_typed(item) if kind == "Company" and head in ("企业", "企業", "公司") else _typed_by_suffix(item)
            if not item or item in _GENERIC_STEMS or other_kind or re.search(_PHASE, item) or _a_place(item):
                continue
            if item.endswith(("企业", "企業")):
                continue  # 规上工业企业、限上商贸企业等: kinds of firm, listed
            if item.endswith(("社区", "村", "镇", "乡", "街道", "居委会")):
                continue  # a community or village visited with the firms is no firm
            if kind == "Company" and _a_common_noun(item):
                continue  # 晋陵集团、购物中心等重点企业: a shopping centre is a kind of place
            if kind == "Company" and is_kind_of_firm(item):
                continue  # a line of business alone (服饰, cut from 昱和服饰 at 和) is no name
            if kind == "Project" and not has_proper_part(item):
                continue
            found.append(_Found(kind, start, start + len(item), item, "list"))
    # Buildings and parks listed as 载体 or 楼宇 are industrial parks, whatever their suffix.
    for m in (
        re.finditer(
            r"((?:[^，。；：、“”（）\s]{2,14}、)+[^，。；：、“”（）\s]{2,14})等(?:一批)?(?:新建|产业|优质|重点|商务)*(?:载体|楼宇)",
            text,
        )
        if "、" in text and ("载体" in text or "楼宇" in text)
        else ()
    ):
        position = m.start(1)
        for item in m.group(1).split("、"):
            cut = stem_start(text, position + len(item), boundaries, max_len=len(item))
            if cut < position + len(item) and has_proper_part(text[cut : position + len(item)]):
                found.append(_Found("IndustrialPark", cut, position + len(item), text[cut : position + len(item)], "list"))
            position += len(item) + 1
    _legal_names(text, boundaries, found)
    _named_in_brackets(text, boundaries, found)
    _firms_by_title(text, boundaries, found)
    _listed_firms(text, found)
    # A single name with a distinctive company ending: 宝济药业, 郑明集团.
    _trade_names(text, boundaries, found)
    # 宏玉公司, 红狮水泥公司: a trade name with 公司 (分公司) or 实业 is a firm, as is one with
    # the endings of pharmaceutical and holding firms.
    for m in re.finditer(r"(?:有限公司|实业公司|分公司|公司|实业|集团|药业|制药|生物)", text):
        if m.group() == "公司" and text.startswith(("有限", "分"), max(0, m.start() - 2)):
            continue
        start = stem_start(text, m.start(), boundaries, max_len=8)
        stem = text[start : m.start()]
        # A verb jieba joined to the name's first word (联合国资集团: 联合国) is cut.
        lead_words = (*_boundary_words(), *_LIST_VERBS)
        lead = next((w for w in lead_words if len(w) > 1 and stem.startswith(w) and len(stem) - len(w) >= 2), "")
        stem, start = stem[len(lead) :], start + len(lead)
        if is_kind_of_firm(re.sub(r"^[省市区县镇乡]", "", stem)):
            continue  # 区城投公司, 市国资集团: the state firm of a district, named by its kind
        if stem.startswith(("各", "全", "本", "该", "每", "我")):
            continue  # 各村公司, 本公司: a determiner before 公司 speaks of firms, names none
        if m.group().endswith("公司") and _one_common_word(stem):
            continue  # 燃气公司, 劳务公司, 保洁公司: a line of business before 公司 is a kind
        # A longer name is a firm's when its tail is lines of business (宁波舜宇光电科技公司).
        core = re.sub(rf"(?:{_TRADES_ALT})+$", "", stem)
        short = 2 <= len(stem) <= 5 and not stem.endswith(tuple(_GENERIC_STEMS))
        long = (
            len(stem) >= 6 and 2 <= len(core) <= 6 and core != stem and trade_name_head(core) and not _NOT_FIRM_WORDS.search(core)
        )
        if (
            (short or long)
            and not is_kind_of_firm(stem)
            and not _typed_by_suffix(stem)
            and re.fullmatch(r"[\u4e00-\u9fffA-Za-z]+", stem)
            and not text.startswith(("产业", "企业", "医药", "园", "谷", "创新"), m.end())
        ):
            found.append(_Found("Company", start, m.end(), stem + m.group(), "suffix"))
    # 号新制衣厂, 周小玲食品廠: a name, a line of business and 厂 is a factory, a firm; the
    # line alone (水泥厂, 食品厂) is a kind, and 污水处理厂 has no line of business.
    for m in re.finditer(r"[厂廠]", text):
        start = stem_start(text, m.start(), boundaries, max_len=10)
        stem = text[start : m.start()]
        trade = next((t for t in _TRADES_LONGEST_FIRST if stem.endswith(t)), None)
        name = stem[: -len(trade)] if trade else ""
        lead = next((w for w in sorted(_boundary_words(), key=len, reverse=True) if len(w) > 1 and name.startswith(w)), "")
        name, start = name[len(lead) :], start + len(lead)
        if (
            trade
            and 2 <= len(name) <= 5
            and trade_name_head(name)
            and not _NOT_FIRM_WORDS.search(name)
            and not _typed_by_suffix(name + trade)
        ):
            found.append(_Found("Company", start, m.end(), text[start : m.end()], "suffix"))


# A firm's registered name ends in its legal form; the place of registration may stand in
# brackets before it or after the trade name: 安徽奥丰汽车配件有限公司,
# 某某（上海）生物科技有限公司, 某某科技（苏州）有限公司.
# (责任公司: the legal form said without 有限, as township texts often write it)
_LEGAL_FORM = re.compile(r"(?:股份有限公司|有限责任公司|集团有限公司|有限公司|责任公司|合伙企业（有限合伙）|合作社)")
_REGISTERED_PLACE = re.compile(r"[（(][\u4e00-\u9fff]{2,4}[）)]$")


# Verbs that set up or run co-operatives, before their names (领办, 创办, 组建 合作社).
_COOP_VERBS = (*_LIST_VERBS, "通过", "推动", "组建", "成立", "领办", "创办", "新建", "规范")


def _common_nouns(core: str) -> bool:
    """Whether a co-operative's name before its business words is common nouns and verbs
    only (土地股份, 茶叶, 领办产业): a kind of co-operative. A trade name may be an
    auspicious adjective (宏远, 兴旺) and still a name."""
    freq = _tokenizer().FREQ
    tokens = list(_pos_cut(core))
    return all(t.flag in ("n", "vn", "v", "ns", "s", "f") and freq.get(t.word, 0) >= 100 for t in tokens)


def _business_core(stem: str) -> str:
    """What stands before a name's business words (青禾种植专业 → 青禾种植; 土地股份 → 土地)."""
    rest = stem
    words = sorted(_BUSINESS_WORDS, key=len, reverse=True)
    while word := next((w for w in words if rest.endswith(w) and rest != w), None):
        rest = rest[: -len(word)]
    return rest


def _legal_names(text: str, boundaries: AbstractSet[int], found: list[_Found]) -> None:
    for m in _LEGAL_FORM.finditer(text):
        end = m.start()
        start = stem_start(text, end, boundaries, max_len=20)
        if m.group() == "合作社":
            # 合作社 alone is a kind (发展合作社63家), and so is 茶叶专业合作社, a crop and
            # the legal form; 青禾种植专业合作社 and 兴玉果业农民专出合作社 (as typed) are
            # names: a proper name stands before the business words.
            # The verbs before it are cut one after another (领办创办土地股份合作社).
            while lead := next((w for w in _COOP_VERBS if text.startswith(w, start) and end - start - len(w) >= 2), ""):
                start += len(lead)
            stem = text[start:end]
            if len(stem) < 3 or is_kind_of_firm(stem) or _a_crop_or_trade(stem) or _common_nouns(_business_core(stem)):
                continue
        # A bracketed place inside the name (某某（上海）…有限公司) is part of it: walk over it.
        while start > 0 and (bracket := _REGISTERED_PLACE.search(text[max(0, start - 6) : start])):
            start = stem_start(text, start - len(bracket.group()), boundaries, max_len=16)
        stem = text[start:end]
        if (
            len(re.sub(r"[（(][^）)]*[）)]", "", stem)) < 2
            or is_kind_of_firm(stem)
            or not re.search(r"[\u4e00-\u9fffA-Za-z]", stem)
        ):
            continue
        found.append(_Found("Company", start, m.end(), stem + m.group(), "suffix"))


# Firms named as the winners of a firm's title, quoted or with the verbs of winning that
# _FIRM_TITLE below does not take (“光明畜业”、“安锋养殖”已获市级农业产业化龙头企业称号;
# 宏达科技获得省级专精特新企业称号): only firms are so ranked, whatever their names end in.
_WON_TITLES = ("龙头企业", "高新技术企业", "专精特新", "小巨人企业", "瞪羚企业", "科技型中小企业", "单项冠军")
_WON_FIRM_TITLE = re.compile(
    r"(?P<items>(?:“?[\u4e00-\u9fffA-Za-z]{2,16}”?、)*“?[\u4e00-\u9fffA-Za-z]{2,16}”?)"
    r"(?:已|均|分别|先后|成功|相继)?(?:获得|获评|荣获|获|被评为|被认定为|认定为|入选|成为)"
    r"[^，。；]{0,14}?(?:龙头企业|高新技术企业|专精特新|小巨人企业|瞪羚企业|科技型中小企业|单项冠军)"
    # (…龙头企业示范村, …企业集聚区: a title of a place, won by villages and towns, not firms)
    r"(?![^，。；、]{0,6}?(?:村|社区|镇|乡|街道|园区|集聚区|基地)(?:[，。；、]|$))"
)


def _firms_by_title(text: str, boundaries: AbstractSet[int], found: list[_Found]) -> None:
    """>>> found = []; _firms_by_title("其中，“光明畜业”、“安锋养殖”已获市级农业化龙头企业称号", frozenset(), found)
    >>> [f.name for f in found]
    ['光明畜业', '安锋养殖']
    """
    for m in _scan(_WON_FIRM_TITLE, text, *_WON_TITLES):
        position = m.start("items")
        items = m.group("items").split("、")
        for index, item in enumerate(items):
            start, name = position, item
            position += len(item) + 1
            if name.startswith("“") and name.endswith("”"):
                start, name = start + 1, name[1:-1]
            elif index == 0:
                cut = stem_start(text, start + len(name), boundaries, max_len=len(name))
                start, name = cut, text[cut : start + len(name)]
            elif "“" in name or "”" in name:
                continue
            if (
                len(name) < 3
                # 63家企业荣获…: a count of firms, cut before 获 of 荣获, names none
                or re.search(r"企业|企業|[家荣]$", name)
                or re.search(r"(?:村|社区|镇|乡|街道)$", name)  # a place ranked, not a firm
                or is_kind_of_firm(name)
                or _a_place(name)
                or not has_proper_part(_trade_core(name))
                or _typed_by_suffix(name)
            ):
                continue
            found.append(_Found("Company", start, start + len(name), name, "title"))


# Names listed in brackets after a kind and a count: 新引进企业2家（甲科技、乙物流）,
# 签约项目3个（A、B、C）. The kind says what they are.
_BRACKETED_LIST = re.compile(
    r"(?P<kind>企业|公司|品牌|商户|门店|项目)(?:[\d一二三四五六七八九十两]+[家个项户])?[（(](?P<items>[^（）()]{2,120})[）)]"
)


def _named_in_brackets(text: str, boundaries: AbstractSet[int], found: list[_Found]) -> None:
    for m in _BRACKETED_LIST.finditer(text):
        items = re.split(r"[、，,和及]", m.group("items"))
        if len(items) < 1 or any(len(i) > 24 for i in items):
            continue
        position = m.start("items")
        for item in items:
            start, end = position, position + len(item)
            position = end + 1
            item = item.strip()
            if not (2 <= len(item) <= 24) or item in _GENERIC_STEMS or re.search(r"\d|等$|^其中|^单位$|^含", item):
                continue
            # 工业项目2个（中孚胶粘、洪福冷链）: names of firms (a trade name and its line of
            # business) in a count of projects are the firms behind them; other names
            # (滨江花园) are the projects.
            firm_like = item.endswith(_COMPANY_ENDINGS) or item.endswith(_TRADES)
            kind = "Project" if m.group("kind") == "项目" and not firm_like else "Company"
            if kind == "Company" and _typed_by_suffix(item) and not item.endswith(_COMPANY_ENDINGS):
                continue
            found.append(_Found(kind, start, end, item, "list"))


# A trade name with its line of business is read as a firm where the text has it act as
# one — built, producing, settling, signing — or deal with the government as a partner.
# 挂牌 is a firm's listing on an exchange (新三板挂牌, 区域股权市场挂牌), which county and town
# reports count among their firms' milestones beside 上市: only a firm is listed.
_FIRM_ACTS = r"(?:建成投产|顺利投产|投产|达产|落户|签约|入驻|开工|完成主体建设|完成主体|扩产|技改|上市|挂牌)"
# Words one of which every match of _FIRM_ACTS contains (建成投产 holds 投产).
_FIRM_ACT_WORDS = ("投产", "达产", "落户", "签约", "入驻", "开工", "完成主体", "扩产", "技改", "上市", "挂牌")
_TRADE_NAME = rf"[\u4e00-\u9fff]{{2,4}}?(?:{_TRADES_ALT})"
_ACTING_FIRMS = re.compile(
    rf"(?P<names>{_TRADE_NAME}(?:[、和与及]{_TRADE_NAME})*)(?={_FIRM_ACTS}|项目(?:快速|顺利)?{_FIRM_ACTS})"
)
_PARTNER = re.compile(r"与(?P<name>[\u4e00-\u9fff]{2,8}?)(?:成功)?(?:签约|签订|达成合作|开展合作)")
# Two parties that reach an agreement (推动宏涛塑业与西安某商业达成合作): the first, a trade
# name with its line of business, is a firm as much as its partner.
# The firm a town builds an industry around (以绿源农业为龙头) is named as its head.
_HEAD_FIRM = re.compile(rf"以(?P<name>{_TRADE_NAME})为(?:龙头|依托|引领|主体|核心)")
_PARTIES = re.compile(rf"(?P<name>{_TRADE_NAME})与[\u4e00-\u9fff]{{2,8}}?(?:成功)?(?:签约|签订|达成合作|开展合作)")


_BUSINESS_WORDS = (
    *_TRADES,
    "基金管理",
    "基金",
    "管理",
    "投资",
    "咨询",
    "服务",
    "专业",
    "农民专业",
    "股份经济",
    "经济",
    "发展",
    "建设",
    "开发",
    "运营",
    "国有",
    "民营",
    "外资",
    "合资",
    "国资",  # 国资集团, 城投公司: a district's state-owned investment firm, named by its kind
    "城投",
    "平台",  # 平台公司: a local government's financing vehicle, a kind of state firm
    "强村",  # 强村公司: the joint firm villages set up for their collective income, a kind
    "股份",  # 股份合作社, 股份经济合作社: the form of a co-operative, not its name
    "文化",
    "体育",
    "健康",
    "休闲",
    "教育",
    "养老",
)


def _a_crop_or_trade(stem: str) -> bool:
    """Whether what stands before a co-operative's business words is one common word, a
    crop, a trade or a verb (茶叶专业, 养殖专业, 领办产业), not a name (宏远果业农民专业, 百济花团)."""
    rest = stem
    words = sorted((*_BUSINESS_WORDS, "产业"), key=len, reverse=True)
    while word := next((w for w in words if rest.endswith(w) and rest != w), None):
        rest = rest[: -len(word)]
    tokens = list(_pos_cut(rest))
    return len(tokens) == 1 and tokens[0].flag in ("n", "v", "vn") and not has_proper_part(rest)


def is_kind_of_firm(stem: str) -> bool:
    """Whether a firm's name before its ending is only lines of business (基金管理公司,
    农业专业合作社): a kind of firm, not one firm.

    >>> is_kind_of_firm("基金管理"), is_kind_of_firm("农业专业"), is_kind_of_firm("宏玉")
    (True, True, False)
    """
    rest = stem
    while rest:
        word = next((w for w in sorted(_BUSINESS_WORDS, key=len, reverse=True) if rest.endswith(w)), None)
        if word is None:
            return rest in _GENERIC_STEMS
        rest = rest[: -len(word)]
    return True


# A firm is what a town brings in or signs with: a trade name right after 引进/签约/招引
# (成功签约宏图新材料项目, 引进华泰电子、金诚物流) is the firm's, and a trade name before
# its base (酷尔环保科技生产研发基地) owns it. A description (新能源汽车, 优质食品) has no
# name before its line of business.
_BROUGHT_IN = re.compile(
    rf"(?:引进|引進|签约|簽約|招引|引入)了?(?P<described>[^，,。；;]{{2,24}}的)?(?P<names>[\u4e00-\u9fff]{{2,7}}?(?:{_TRADES_ALT})+"
    rf"(?:、[\u4e00-\u9fff]{{2,6}}?(?:{_TRADES_ALT})+)*)(?=项目|等|[，,。；、]|$)"
)
# …and so is one before the capacity of its plant (X矿业年产100万吨采选项目): a project
# of a stated yearly output is named after the firm that builds it.
# At most three lines of business in a row (环保科技, 智能装备制造): unbounded, a long run of
# trade words made the search quadratic in its length.
_BROUGHT_IN_VERBS = ("引进", "引進", "签约", "簽約", "招引", "引入")
_OWNED_BASE_WORDS = ("基地", "中心", "年产", "年加工", "年处理")
_OWNED_BASE = re.compile(
    rf"(?P<names>[\u4e00-\u9fff]{{2,6}}?(?:{_TRADES_ALT}){{1,3}})(?=(?:生产研发|研发生产|生产|研发)(?:基地|中心)|年(?:产|加工|处理)\d)"
)


def _firm_name(stem: str) -> bool:
    trade = re.search(rf"(?:{_TRADES_ALT})+$", stem)
    name = stem[: trade.start()] if trade else stem
    return (
        len(name) >= 2
        and not name.endswith(tuple(_GENERIC_STEMS))  # 湘西特色农业, 一批高新科技 describe
        and not is_kind_of_firm(name)
        and not _NOT_FIRM_WORDS.search(name)
        and not _typed_by_suffix(stem)
        and trade_name_head(name)
    )


# A trade name alone before its plant's yearly capacity (衡川年产30亿平方米…项目, 郑研通用
# 年产10万套…) is the firm building it: an industry's output is the town's, stated after
# the town or a crop (全镇茶叶年产), never after a coined name.
_CAPACITY = re.compile(r"年(?:产|加工|处理)\d")


def _capacity_owners(text: str, boundaries: AbstractSet[int], found: list[_Found]) -> None:
    for m in _CAPACITY.finditer(text):
        start = stem_start(text, m.start(), boundaries, max_len=6)
        name = text[start : m.start()]
        lead = next((w for w in _boundary_words() if len(w) > 1 and name.startswith(w) and len(name) - len(w) >= 2), "")
        name, start = name[len(lead) :], start + len(lead)
        if (
            len(name) >= 2
            and re.fullmatch(r"[\u4e00-\u9fff]+", name)
            and trade_name_head(name, strict=True)
            and not _NOT_FIRM_WORDS.search(name)
            and not _typed_by_suffix(name)
        ):
            found.append(_Found("Company", start, m.start(), name, "trade"))


def _trade_names(text: str, boundaries: AbstractSet[int], found: list[_Found]) -> None:
    _capacity_owners(text, boundaries, found)
    for pattern, needles in ((_BROUGHT_IN, _BROUGHT_IN_VERBS), (_OWNED_BASE, _OWNED_BASE_WORDS)):
        for m in _scan(pattern, text, *needles):
            if pattern is _BROUGHT_IN and m.group("described") and text.startswith("项目", m.end()):
                continue  # 引进投资25亿元的X文旅项目: what is described is the project
            position = m.start("names")
            for item in m.group("names").split("、"):
                start = position
                position += len(item) + 1
                if pattern is _OWNED_BASE:
                    start = max(start, stem_start(text, start + len(item), boundaries, max_len=len(item)))
                    item = text[start : m.end("names")]
                    lead = next((w for w in _boundary_words() if len(w) > 1 and item.startswith(w)), "")
                    item, start = item[len(lead) :], start + len(lead)
                if _firm_name(item):
                    found.append(_Found("Company", start, start + len(item), item, "trade"))
    whole = re.compile(_TRADE_NAME + "$")
    for m in _scan(_ACTING_FIRMS, text, *_FIRM_ACT_WORDS):
        position = m.start("names")
        pieces = []
        for piece in m.group("names").split("、"):
            # 和/与/及 join two firms only where both sides are firm names (昱和服饰 is one).
            parts = re.split(r"[和与及]", piece, maxsplit=1)
            pieces += parts if len(parts) == 2 and all(whole.match(p) for p in parts) else [piece]
        for name in pieces:
            start = text.index(name, position)
            position = start + len(name)
            # The match may begin with the verb before the name (推动宏涛塑业): drop it.
            lead = next((w for w in sorted(_boundary_words(), key=len, reverse=True) if len(w) > 1 and name.startswith(w)), "")
            stem, start = name[len(lead) :], start + len(lead)
            trade = next((t for t in _TRADES_LONGEST_FIRST if stem.endswith(t)), None)
            if trade and len(stem) - len(trade) >= 2 and trade_name_head(stem[: -len(trade)]) and not _typed_by_suffix(stem):
                found.append(_Found("Company", start, start + len(stem), stem, "trade"))
    for m in _scan(_HEAD_FIRM, text, "以"):
        if _firm_name(m.group("name")):
            found.append(_Found("Company", m.start("name"), m.end("name"), m.group("name"), "trade"))
    for m in _scan(_PARTIES, text, "与"):
        name, start = m.group("name"), m.start("name")
        lead = next((w for w in sorted(_boundary_words(), key=len, reverse=True) if len(w) > 1 and name.startswith(w)), "")
        stem, start = name[len(lead) :], start + len(lead)
        trade = next((t for t in _TRADES_LONGEST_FIRST if stem.endswith(t)), "")
        if len(stem) - len(trade) >= 2 and trade_name_head(stem[: len(stem) - len(trade)]) and not _NOT_FIRM_WORDS.search(stem):
            found.append(_Found("Company", start, start + len(stem), stem, "trade"))
    for m in _scan(_PARTNER, text, "与"):
        name = m.group("name")
        if (
            not re.search(r"政府|部门|企业|单位|机构|组织|协会|学校|委员会|镇|乡|村|县|区|市|省|大学|学院|医院|银行", name)
            and name not in _GENERIC_STEMS
        ):
            found.append(_Found("Company", m.start("name"), m.end("name"), name, "trade"))


# A list of short names the report has settle, move in or start producing (牧原养猪、和润
# 风电、酷诗琪服饰落户我镇) names firms: in a work report only an investor 落户s or 入驻s,
# and an enumeration of three or more bare names before such a verb is the year's haul
# of investment. Names with another kind's suffix (X产业园, X项目) are left to it.
_SETTLED_LIST = re.compile(
    r"(?:^|(?<=[，,。；;：:]))(?P<items>(?:(?:(?!等)[\u4e00-\u9fff]){2,8}、){2,}(?:(?!等)[\u4e00-\u9fff]){2,8}?)"
    r"(?:等(?:一批)?(?:企业|项目|品牌|商户|门店))?(?:相继|先后|成功|顺利)?"
    r"(?:落户|入驻|签约落户|建成投产|投产|开业)"
)
# Names after a count of firms (新引进企业12家，包括甲电子、乙科技等) or right after the kind
# word (辖区企业甲电器、乙乳业实现…): the kind the report has just named says what they are.
_COUNTED_FIRMS = re.compile(
    r"(?:企业|公司|品牌)[\d一二三四五六七八九十两]+[家个][，,]?(?:包括|分别是|分别为|其中有|有|为)"
    r"(?P<items>(?:(?:(?!等)[\u4e00-\u9fff]){2,10}、)+(?:(?!等)[\u4e00-\u9fff]){2,10}?)(?=等|[。；;，,]|$)"
)
_APPOSED_FIRMS = re.compile(
    rf"(?:辖区|龙头|重点|骨干|规上)企业(?P<items>{_TRADE_NAME}(?:、{_TRADE_NAME})*)(?=[、]?(?:等|[\u4e00-\u9fff]))"
)
# A name that wins a title for firms (通翔弘光、富林环保分别上榜工信部企业名单, 旺成瓜蒌子获批
# 合肥市龙头企业, 中普石油荣登民营企业百强名单) is a firm's: the titles a report lists for its enterprises are given to
# firms only. 被认定为 is the official formula of the recognition of 高新技术企业 and
# 专精特新 firms (the provinces' lists are published as 认定名单), as common as 被评为.
_FIRM_TITLE = re.compile(
    r"(?:^|(?<=[，,。；;：:]))(?P<items>(?:[\u4e00-\u9fff]{2,8}、)*[\u4e00-\u9fff]{2,8}?)(?:分别|成功|先后|同时|均|也|还|又)?"
    r"(?:上榜|入选|获批|获评|荣登|荣获|被评为|被认定为)[^，。；]{0,14}?(?:企业|工厂)"
)
_NOT_FIRM_WORDS = re.compile(
    r"镇|乡|村|街道|社区|县|区|市|省|全|我|本|企业|单位|部门|项目|工程|基地|园|年|月|累计|新增|共有|其中"
)


def _mostly_names(items: list[str]) -> bool:
    """Whether more than half of a list's items are proper names (牧原养猪、和润风电; a
    brand jieba knows as a word, 安踏, may stand among them), not kinds of business
    (教育、医疗、养老; 奶茶、咖啡、烘焙)."""
    if any(is_kind_of_firm(item) for item in items):
        return False
    return sum(has_proper_part(item) for item in items) * 2 > len(items)


def _listed_firms(text: str, found: list[_Found]) -> None:
    for pattern, needles in (
        (_SETTLED_LIST, ("、",)),
        (_FIRM_TITLE, ("上榜", "入选", "获批", "获评", "荣登", "荣获", "被评为", "被认定为")),
        (_COUNTED_FIRMS, ("、",)),
        (_APPOSED_FIRMS, ("企业",)),
    ):
        for m in _scan(pattern, text, *needles):
            position = m.start("items")
            items = m.group("items").split("、")
            spans = []
            for item in items:
                spans.append((position, item))
                position += len(item) + 1
            if any(_NOT_FIRM_WORDS.search(item) or _ends_typed(item) or item in _GENERIC_STEMS for _, item in spans):
                continue
            if not _mostly_names([item for _, item in spans]):
                continue  # 教育、医疗、养老等项目落户, 电商、快递入驻: kinds of business, not firms
            for start, item in spans:
                found.append(_Found("Company", start, start + len(item), item, "list"))


def _typed_by_suffix(item: str) -> bool:
    return next(_long_suffixes()[1].iter(item), None) is not None


def _ends_typed(item: str) -> bool:
    return any(item.endswith(s) for s, t, _ in _suffixes() if t not in ("Company",) and len(s) >= 2)


def _initiatives_in_quotes(text: str, found: list[_Found]) -> None:
    for m in re.finditer(r"“([^“”]{2,24})”", text):
        quoted = m.group(1)
        after = text[m.end() : m.end() + 8]
        before = text[max(0, m.start() - 6) : m.start()]
        # Consecutive quotes in a list share what follows the last: “社区通”“社区云”等平台.
        tail = re.match(r"(?:[、和及与]?“[^“”]{1,24}”)*(?:等)?", text[m.end() :])
        assert tail is not None  # every part of the pattern is optional
        after_list = text[m.end() + tail.end() : m.end() + tail.end() + 8]
        # A quote followed by a head word names that programme (“三江英才”计划,
        # “美兰湖下午茶”专场活动); otherwise a verb that runs programmes must precede it.
        # Adjectival (…”的) and positioning (…”定位) quotes are slogans.
        head = bool(_HEAD_AFTER.match(after) or _HEAD_AFTER.match(after_list))
        ends = quoted.endswith(_INITIATIVE_ENDINGS)
        verb = before.endswith(_INITIATIVE_VERBS) or (
            bool(re.search(r"[、”]$", before)) and _quote_chain_has_verb(text, m.start())
        )
        slogan = (quoted.count("，") and not head) or (quoted.count("、") > 1 and not head) or after_list.startswith(_NOT_HEADS)
        if re.match(r"[一二三四五六七八九十两\d]+个", quoted):
            slogan = True  # numbered political formulas: “四个意识”, “两个维护”
        if slogan or not (head or ends or verb):
            continue
        if re.fullmatch(r"[\d.%]+", quoted):
            continue
        found.append(_Found("Initiative", m.start(1), m.end(1), quoted, "quote"))


_QUOTE_CHAIN = re.compile(r"(?:“[^“”]{1,24}”[、和及与]?)+$")


def _quote_chain_has_verb(text: str, quote_start: int) -> bool:
    """In “社区通”、“社区云”, the verb before the first quote governs the rest."""
    chain = _QUOTE_CHAIN.search(text, 0, quote_start)
    position = chain.start() if chain else quote_start
    return text[max(0, position - 6) : position].endswith(_INITIATIVE_VERBS)


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
            f.type in ("River", "Park", "IndustrialPark")
            and f.rule == "suffix"
            and re.match(r"(?:铁路|公路|大道|大桥|隧道|路|桥)", text[f.end : f.end + 2])
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
