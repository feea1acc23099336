"""Text folding shared by the evaluation scripts (independent of kg): annotations quote
reports as found, kg reads them normalised, so both sides are compared folded."""

from __future__ import annotations

import re
from functools import cache

# Pinyin a page printed after characters as a reading aid: 鎮(zhèn).
READING_AID = re.compile(r"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


@cache
def _converter():
    try:
        import opencc
    except ImportError:
        return None
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """The text in simplified characters (unchanged when OpenCC is not installed), without
    reading aids."""
    text = READING_AID.sub("", text)
    converter = _converter()
    return converter.convert(text) if converter else text
