"""The period a part covers, read from its heading and the report date.

``一、2022 年工作回顾`` covers 2022; ``一、上半年工作回顾`` the first half of the
report's year; ``二、下半年工作打算`` the second half; ``二、2025年目标任务和重点工作``
2025. When a heading names no year, a review covers the year that ends before the report
is delivered (a report of January 2023 reviews 2022; one of December 2024 reviews 2024)
and a plan the year that follows it; ``过去五年`` / ``今后五年`` cover five years.
"""

from __future__ import annotations

import re
from datetime import date

from .model import Period

_YEAR = re.compile(r"(\d{4})\s*年")
_YEARS_SPAN = re.compile(r"(?:过去|今后|未来)([一二三四五六七八九十两\d]+)年")
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

REVIEW_WORDS = ("回顾", "工作总结", "主要工作", "工作情况")
PLAN_WORDS = ("打算", "安排", "任务", "目标", "计划", "重点工作", "工作思路", "主要举措", "展望")


def part_kind(heading: str) -> str:
    """``review``, ``plan`` or ``other`` from a part heading's words."""
    if any(word in heading for word in REVIEW_WORDS):
        return "review"
    if any(word in heading for word in PLAN_WORDS):
        return "plan"
    return "other"


def _year_range(first: int, last: int) -> Period:
    return Period(date(first, 1, 1), date(last, 12, 31))


def part_period(kind: str, heading: str, report_date: date | None) -> Period | None:
    """The period a review or plan part covers, or None when it cannot be told.

    >>> part_period("review", "一、上半年工作回顾", date(2023, 7, 26))
    Period(start=datetime.date(2023, 1, 1), end=datetime.date(2023, 6, 30))
    >>> part_period("plan", "二、2024 年主要任务", date(2024, 1, 10)).end
    datetime.date(2024, 12, 31)
    """
    if kind not in {"review", "plan"}:
        return None
    years = [int(y) for y in _YEAR.findall(heading)]
    span = _YEARS_SPAN.search(heading)
    count = 1
    if span:
        token = span.group(1)
        count = int(token) if token.isdigit() else _CN_DIGITS.get(token, 1)
    if years:
        year = years[0]
        if len(years) > 1:
            return _year_range(min(years), max(years))
    elif report_date is not None:
        if "上半年" in heading or "下半年" in heading:
            year = report_date.year
        elif kind == "review":
            year = report_date.year if report_date.month >= 10 else report_date.year - 1
        else:
            year = report_date.year + 1 if report_date.month >= 10 else report_date.year
    else:
        return None
    if "上半年" in heading:
        return Period(date(year, 1, 1), date(year, 6, 30))
    if "下半年" in heading:
        return Period(date(year, 7, 1), date(year, 12, 31))
    if count > 1:
        return _year_range(year - count + 1, year) if kind == "review" else _year_range(year, year + count - 1)
    return _year_range(year, year)
