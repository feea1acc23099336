"""Clauses: a sentence of a report cut at ，；： outside “quotes” and （brackets）, each
with its offsets in the sentence, the unit a claim quotes. Quoted speech that holds clauses
of its own (a secretary's words in “…”) is cut as running text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Where a clause ends: outside “quotes” and （brackets）.
_CLAUSE_END = "，；：,;:"


_CLAUSE_MARKS = re.compile("[" + re.escape("“（(《【”）)》】" + _CLAUSE_END) + "]")


@dataclass(frozen=True)
class Clause:
    text: str
    start: int
    end: int


def clauses(sentence: str) -> list[Clause]:
    """The clauses of a sentence, with their offsets in it.

    A comma inside quotes separates no clauses (推进“乐学、优学”社区建设 is one):

    >>> [c.text for c in clauses("配套道路全面完工，中心幼儿园投入使用，推进“乐学、优学”社区建设。")]
    ['配套道路全面完工', '中心幼儿园投入使用', '推进“乐学、优学”社区建设']
    """
    return list(_clauses(sentence))


# The claims cut a sentence in turn for its claims, its lists and its described works:
# cut once (a Clause is frozen, and each caller gets a list of its own).
@lru_cache(maxsize=4096)
def _clauses(sentence: str) -> tuple[Clause, ...]:
    out, depth, start = [], 0, 0
    speech = _speech_spans(sentence)
    # Only brackets, quotes and clause marks change anything: visit them alone.
    for m in _CLAUSE_MARKS.finditer(sentence):
        i, ch = m.start(), m.group()
        if speech and any(a <= i < b for a, b in speech):
            if ch in _CLAUSE_END:
                out.append((start, i))
                start = i + 1
            continue
        if ch in "“（(《【":
            depth += 1
        elif ch in "”）)》】":
            depth = max(0, depth - 1)
        elif ch in _CLAUSE_END and depth == 0:
            out.append((start, i))
            start = i + 1
    out.append((start, len(sentence.rstrip("。！？!?"))))
    result = []
    for s, e in out:
        text = sentence[s:e]
        stripped = text.strip()
        if stripped:
            s += len(text) - len(text.lstrip())
            result.append(Clause(stripped, s, s + len(stripped)))
    return tuple(result)


_LONG_QUOTE = re.compile(r"“([^“”]{30,})”")
_CLAUSE_PUNCTUATION = re.compile(r"[，；,;]")


def _speech_spans(sentence: str) -> list[tuple[int, int]]:
    """Quoted speech (a party secretary's words given in “…”): quotes that hold clauses
    of their own are not a name and do not hold the clauses together.

    >>> _speech_spans("“新的一年，我镇将坚持以党的二十大精神统揽全局，推动各项工作提速增效、进位争先。”1月16日，书记表示")
    [(0, 41)]
    """
    spans = []
    for m in _LONG_QUOTE.finditer(sentence):
        if _CLAUSE_PUNCTUATION.search(m.group(1)):
            spans.append((m.start(), m.end()))
    return spans
