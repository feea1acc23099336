"""Normalisation rules for the running text of a report.

Each rule works on a :class:`~loaders.textmap.MappedText` and keeps every remaining
character's original offset. The rules, in the order :func:`normalise` applies them:

1. **Width**: full-width digits and Latin letters become ASCII (``２０２３`` → ``2023``);
   the ideographic space and no-break space become ordinary spaces.
2. **Punctuation**: ASCII punctuation next to Chinese text becomes its full-width form
   (``,`` → ``，``, ``:`` → ``：``, ``;`` → ``；``, ``?``/``!``); a pair of ASCII
   brackets whose content holds Chinese becomes ``（…）``; straight double quotes in a
   paragraph with Chinese become ``“…”`` by alternation. A ``.`` is never changed (it
   is a decimal point more often than not).
0. **Reading aids**: pinyin printed after characters (``鎮(zhèn)``) is removed.
3. **Spaces**: white space is removed unless it separates two ASCII letters or digits
   (``2.25 亿元`` → ``2.25亿元``, ``孙 兰`` → ``孙兰``, but ``Transit Oriented`` keeps
   its space, collapsed to one).

Variant characters (蕰→蕴 and the like, from ``data/variants.tsv``) are *not* changed in
the text: :func:`fold_variants` gives a parallel string for matching. A report written in
traditional characters (:func:`is_traditional`) is read in simplified ones
(:func:`simplified`, one character for one, so offsets still point into the original).
"""

from __future__ import annotations

import operator
import re
import unicodedata
from functools import cache

from kg.resources import data_rows
from loaders.textmap import MappedText

_TO_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_WHITESPACE = {" ", "\t", "\n", "\r", "\f", "\v", "\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", "\u200b"}


def is_cjk(ch: str) -> bool:
    """A Chinese character or full-width Chinese punctuation."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2FFFF
        or 0xF900 <= code <= 0xFAFF
        or 0x3000 < code <= 0x303F  # CJK punctuation (not the ideographic space)
        or 0xFF01 <= code <= 0xFF0F
        or 0xFF1A <= code <= 0xFF20
        or code in (0x201C, 0x201D, 0x2018, 0x2019, 0x2014, 0x2026, 0x00B7)
    )


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _width_table() -> dict[int, str]:
    table = {ord(ch): " " for ch in _WHITESPACE if ch != "\n"}
    for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B), 0xFF05, 0xFF0B, 0xFF0D, 0xFF0E, 0xFF0F]:
        table[code] = unicodedata.normalize("NFKC", chr(code))  # ％ ＋ － ． ／ belong to numbers
    return table


_WIDTH = _width_table()
# str.translate looks every character up in a dict; finding whether any character is to
# change is a tenth of that, and most paragraphs hold none.
_TO_WIDEN = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_WIDTH)) + "]")


def unify_width(text: MappedText) -> MappedText:
    # Every replacement is one character for one, so the offsets stay as they are.
    return MappedText(text.text.translate(_WIDTH) if _TO_WIDEN.search(text.text) else text.text, text.offsets)


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] in _WHITESPACE:
        j += step
    return text[j] if 0 <= j < len(text) else ""


def unify_punctuation(text: MappedText) -> MappedText:
    s = text.text
    has_cjk = any(is_cjk(c) for c in s)
    brackets = _chinese_bracket_positions(s)
    quote_count = 0
    chars = list(s)
    # Only these characters change: visit them alone rather than every character.
    for m in _PUNCTUATION_TO_UNIFY.finditer(s):
        i, ch = m.start(), m.group()
        if ch in _TO_FULL_WIDTH:
            before, after = _neighbour(s, i, -1), _neighbour(s, i, 1)
            # "1,000" and "1:2" stay: digits on both sides are a number, not prose.
            if (
                (before and is_cjk(before))
                or (after and is_cjk(after))
                or (has_cjk and not (before.isdigit() and after.isdigit()) and ch != ":")
            ):
                chars[i] = _TO_FULL_WIDTH[ch]
        elif ch in "()" and i in brackets:
            chars[i] = "（" if ch == "(" else "）"
        elif ch == '"' and has_cjk:
            chars[i] = "“" if quote_count % 2 == 0 else "”"
            quote_count += 1
    return MappedText("".join(chars), text.offsets)


_PUNCTUATION_TO_UNIFY = re.compile("[" + re.escape("".join(_TO_FULL_WIDTH)) + '()"]')
_HALF_WIDTH_BRACKETS = re.compile("[()]")


def _chinese_bracket_positions(s: str) -> set[int]:
    positions: set[int] = set()
    stack: list[int] = []
    for m in _HALF_WIDTH_BRACKETS.finditer(s):
        i, ch = m.start(), m.group()
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            start = stack.pop()
            inner = s[start + 1 : i]
            before = _neighbour(s, start, -1)
            if any(is_cjk(c) for c in inner) or (before and is_cjk(before)):
                positions.update((start, i))
    return positions


_WHITESPACE_RUN = re.compile("[" + re.escape("".join(_WHITESPACE)) + "]+")


def remove_spaces(text: MappedText) -> MappedText:
    s = text.text
    deletions = []
    for run in _WHITESPACE_RUN.finditer(s):
        before = s[run.start() - 1] if run.start() else ""
        after = s[run.end()] if run.end() < len(s) else ""
        if before and after and _is_ascii_alnum(before) and _is_ascii_alnum(after):
            deletions.append((run.start() + 1, run.end()))  # keep one space between Latin words and numbers
        else:
            deletions.append((run.start(), run.end()))
    if not deletions:
        return text
    kept = MappedText.join(
        text[start:end] for start, end in zip([0] + [d[1] for d in deletions], [d[0] for d in deletions] + [len(s)])
    )
    # The kept space of a run may be a tab or ideographic space: it reads as " ".
    return MappedText(_WHITESPACE_RUN.sub(" ", kept.text), kept.offsets)


# Pinyin a web page's reading aid printed after each character: 鎮(zhèn), 總結(jié). A
# bracket of Latin letters with a tone mark right after a Chinese character is never prose.
_RUBY = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


def remove_ruby(text: MappedText) -> MappedText:
    spans = [(m.start(), m.end()) for m in _RUBY.finditer(text.text)]
    return text.delete_spans(spans) if spans else text


def normalise(text: MappedText) -> MappedText:
    """All running-text rules, in order (see the module docstring)."""
    return remove_spaces(unify_punctuation(unify_width(remove_ruby(text))))


@cache
def _t2s():
    import opencc  # OpenCC's phrase tables: 乾隆 stays, 乾燥 becomes 干燥

    return opencc.OpenCC("t2s")


_CJK_RUN = re.compile("[\u4e00-\u9fff]+")


def is_traditional(text: str) -> bool:
    """Whether a text is written in traditional characters (a site's 繁體 version of a
    report): more than one Chinese character in twenty changes under OpenCC's t2s.

    >>> is_traditional("鞏固拓展脫貧攻堅成果同鄉村振興有效銜接"), is_traditional("巩固拓展脱贫攻坚成果")
    (True, False)
    """
    # (runs of characters found and compared in C: a loop over the characters was a
    # twentieth of reading a report)
    sample = "".join(_CJK_RUN.findall(text, 0, 20000))
    if not sample:
        return False
    converted = _t2s().convert(sample)
    changed = sum(map(operator.ne, sample, converted)) if len(converted) == len(sample) else len(sample)
    return changed * 20 > len(sample)


def simplified(text: str) -> str:
    """The text in simplified characters, one character for one, so that every offset
    into it is an offset into the original (a phrase OpenCC would convert to a different
    length is converted character by character).

    >>> simplified("沙地鎮2023年上半年工作總結")
    '沙地镇2023年上半年工作总结'
    """
    converter = _t2s()
    out = []
    for line in text.split("\n"):
        converted = converter.convert(line)
        if len(converted) != len(line):
            converted = "".join(c if len(c := converter.convert(ch)) == 1 else ch for ch in line)
        out.append(converted)
    return "\n".join(out)


@cache
def variant_table() -> dict[str, str]:
    return {variant: standard for variant, standard, *_ in data_rows("loaders", "variants.tsv", header=True)}


def fold_variants(text: str) -> str:
    """Text for matching: variant characters replaced by their standard form.
    The result has the same length as ``text``.

    >>> fold_variants("蕰藻浜")
    '蕴藻浜'
    """
    return text.translate(_variant_translation()) if _variant_chars().search(text) else text


@cache
def _variant_translation() -> dict[int, str]:
    # str.translate does in C what a lookup per character did in Python (fold_variants
    # runs on every sentence of every report).
    return str.maketrans({variant: standard for variant, standard in variant_table().items() if len(variant) == 1})


@cache
def _variant_chars() -> re.Pattern[str]:
    # Few sentences hold a variant: a search for one is a tenth of translating the text.
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_variant_translation())) + "]")
