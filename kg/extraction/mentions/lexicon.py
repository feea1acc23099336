"""The words mention finding reads names with: jieba with kg's user words and its
part-of-speech tags, the type-bearing name suffixes (``data/entity_suffixes.tsv``), the
boundary words (``data/boundary_words.txt``), where a name's stem starts, and whether a
stem names something (:func:`has_proper_part`)."""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache, lru_cache

import ahocorasick

from kg.resources import cached, data_rows, data_words
from loaders.gazetteer import gazetteer, short_town_name

_CN_DIGITS = "一二三四五六七八九十两"


_PHASE = rf"[{_CN_DIGITS}\d]{{1,3}}期"


def spans_of(word: str, text: str) -> Iterator[tuple[int, int]]:
    """Where a literal word occurs in a text, left to right and not overlapping: the spans
    ``re.finditer(re.escape(word), text)`` gives, without compiling a pattern per word.

    >>> list(spans_of("村", "村村通到村"))
    [(0, 1), (1, 2), (4, 5)]
    >>> list(spans_of("", "ab"))
    [(0, 0), (1, 1), (2, 2)]
    """
    if not word:
        yield from ((i, i) for i in range(len(text) + 1))
        return
    start = text.find(word)
    while start >= 0:
        yield start, start + len(word)
        start = text.find(word, start + len(word))


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


def typed_place_end(first: str) -> int | None:
    """Where the last type-bearing suffix (two characters or more) that occurs in
    ``first`` short of its last character ends, taking each such suffix's last
    occurrence in the whole of ``first``; None when none occurs. The lists' rules cut
    the place named before a list's first item there (建材工业园天欣、宏康…). One pass of
    the suffix automaton, where testing each of the hundreds of suffixes was the
    slowest step of those rules: the same value as the test of every suffix."""
    found = {suffix for _, suffix in _long_suffixes()[0].iter(first[:-1])}
    return max((first.rfind(suffix) + len(suffix) for suffix in found), default=None)


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


def _import_jieba():
    """jieba, imported without pkg_resources: jieba opens its dictionaries through
    pkg_resources when it can be imported, and importing it costs about 0.3 s of every
    run (a tenth of adding one report to a large store besides the report's own work);
    without it jieba opens the same files by their path."""
    import sys

    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # an import of it fails
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    return jieba


@cache
def _tokenizer():
    """jieba with :func:`_user_words` at a high frequency. Adding 80,000 words takes a
    second; the word table they make is cached (kg.resources.cached), keyed by jieba's
    version, its dictionary and the words, and given to a fresh tokenizer as its own
    table, which is what jieba's initialisation does with jieba's cache."""
    import logging
    from pathlib import Path

    jieba = _import_jieba()
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


_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
_ROAD_LIKE = re.compile(r"[\u4e00-\u9fff]{2}(?:路|街|河|浜|泾|村|镇|湖|公园)")


@lru_cache(maxsize=65536)  # the same stems recur sentence after sentence, and tagging is slow
def has_proper_part(stem: str) -> bool:
    """Whether a name's stem names something rather than describes it: it holds a code
    or number, a word that jieba does not know or tags as a proper name, or a gazetteer
    name. 场北健康 and L-07 do; 普惠性 and 社区 do not."""
    if _LATIN_OR_DIGIT.search(stem):
        return True
    if stem in _GENERIC_MODIFIERS:
        return False
    if _ROAD_LIKE.search(stem):
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


@dataclass
class _Found:
    type: str
    start: int
    end: int
    name: str
    rule: str
    part_of: str | None = None
    part_of_type: str | None = None


def _scan(pattern: re.Pattern[str], text: str, *needles: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, or nothing when ``text`` holds none of ``needles``.

    Each needle list below is words every match of its pattern contains literally: most
    sentences hold none, and a substring test is far cheaper than a scan that tries every
    position (these patterns start with a run of 2 to 16 characters, so a scan backtracks
    at each one). The needles only skip scans that would find nothing: what is found is
    the same.
    """
    # (a loop, not any() over a generator: this test runs on every sentence for every rule)
    for needle in needles:
        if needle in text:
            return pattern.finditer(text)
    return iter(())


def _scan_before(pattern: re.Pattern[str], text: str, anchor: re.Pattern[str], run: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match is a run of ``run``'s
    characters (a list: 甲科技、乙物流) that reaches a place where ``anchor`` matches (获评…
    龙头企业), in time linear in the list's length rather than quadratic.

    A plain scan tries every position of a long list and reads on from each to the list's
    end before it fails: a sentence listing 800 firms took seconds. A match can only start
    in the run that holds an anchor, before the anchor, so only those positions are tried,
    in order, and a scan goes on after each match's end as ``finditer`` does: what is found
    is the same.
    """
    runs = [(m.start(), m.end()) for m in run.finditer(text)]
    run_starts = [start for start, _ in runs]
    windows: list[tuple[int, int]] = []
    for a in anchor.finditer(text):
        i = bisect.bisect_right(run_starts, a.start()) - 1
        if i < 0 or runs[i][1] <= a.start():
            continue
        start = runs[i][0]
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], a.start())
        else:
            windows.append((start, a.start()))
    position = 0
    for start, end in windows:
        at = max(start, position)
        while at < end:
            m = pattern.match(text, at)
            if m is None:
                at += 1
                continue
            yield m
            position = at = m.end()


def _scan_near(
    pattern: re.Pattern[str], text: str, anchor: re.Pattern[str], reach: int, *needles: str
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match starts at most ``reach``
    characters before a place where ``anchor`` matches (a lookahead, found at every
    position): only those positions are tried, in order, and the scan goes on after each
    match's end as ``finditer`` does, so what is found is the same.

    A name of up to 16 characters before a measure word (_SUBJECT_FIGURE) or a line of
    business (the trade-name rules) is tried at every length from every position; the
    anchor, what follows the name, is tried once at each.
    """
    if needles and not any(n in text for n in needles):
        return  # (as _scan: words every match holds, none of them in the text)
    untried = 0  # the first position not tried yet: finditer's own position
    for a in anchor.finditer(text):
        at = max(a.start() - reach, untried)
        while at <= a.start():
            m = pattern.match(text, at)
            if m is None:
                at += 1
            else:
                yield m
                at = m.end()
        untried = max(untried, at)


def _typed_by_suffix(item: str) -> bool:
    return next(_long_suffixes()[1].iter(item), None) is not None


def _ends_typed(item: str) -> bool:
    return any(item.endswith(s) for s, t, _ in _suffixes() if t not in ("Company",) and len(s) >= 2)
