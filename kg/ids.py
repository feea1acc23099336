"""Node ids: every id of the graph is built here, from what the node stands for.

An id is stable across builds (the same report, sentence or name gives the same id), so
that a rebuild, an incremental push and a reviewer's sheet keep referring to the same
nodes. Ids read as paths, widest first:

>>> report_id("8d55160e06e9d7cd" + "0" * 48)
'8d55160e06e9d7cd'
>>> lexical_id("8d55160e06e9d7cd", "s", 120)
'8d55160e06e9d7cd:s120'
>>> claim_id("8d55160e06e9d7cd:s120", "c", 0), indicator_value_id("8d55160e06e9d7cd:s120", 1)
('8d55160e06e9d7cd:s120:c0', '8d55160e06e9d7cd:s120:i1')
>>> district_id("上海市", "宝山区"), town_id("上海市", "宝山区", "庙行镇")
('district:上海市/宝山区', 'town:上海市/宝山区/庙行镇')
>>> entity_id("Park", "上海市/宝山区/庙行镇", "结构绿地")
'park:上海市/宝山区/庙行镇/结构绿地'

A place a report does not tell is ``?`` (nothing defaults to a city):

>>> town_id(None, None, "白鹤镇")
'town:?/?/白鹤镇'
"""

from __future__ import annotations


def report_id(sha256: str) -> str:
    """A report: the first 16 hex digits of its file's SHA-256 (collisions need 2**32 reports)."""
    return sha256[:16]


def lexical_id(report: str, kind: str, start: int) -> str:
    """A part (``p``), section (``sec``) or sentence (``s``) of a report: where it starts."""
    return f"{report}:{kind}{start}"


def claim_id(sentence: str, prefix: str, index: int) -> str:
    """The ``index``-th commitment (``c``) or progress statement (``p``) of a sentence."""
    return f"{sentence}:{prefix}{index}"


def indicator_value_id(sentence: str, index: int) -> str:
    """The ``index``-th indicator value of a sentence."""
    return f"{sentence}:i{index}"


def district_id(city: str | None, district: str) -> str:
    """A county-level unit, within its city (or ``?``)."""
    return f"district:{city or '?'}/{district}"


def town_id(city: str | None, district: str | None, town: str) -> str:
    """A town, township or subdistrict, within its city and county (or ``?``)."""
    return f"town:{city or '?'}/{district or '?'}/{town}"


def entity_id(entity_type: str, scope: str, name: str) -> str:
    """Any other entity: its class, the scope it is resolved in (a city or a town, see
    :mod:`kg.extraction.resolve`) and its canonical name."""
    return f"{entity_type.lower()}:{scope}/{name}"


def entity_name(entity: str) -> str:
    """The canonical name an :func:`entity_id` ends in (a name with "/" in it loses what
    comes before its last "/", which only a caption may do).

    >>> entity_name("industrialpark:上海市/宝山区/庙行镇/上海智力产业园四期")
    '上海智力产业园四期'
    """
    return entity.rsplit("/", 1)[-1].split(":", 1)[-1]
