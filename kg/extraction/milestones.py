"""What a clause states about time and amount: the highest stage of the project ladder it
names (:mod:`kg.extraction.stages`), the stages a review clause reports reached or only
worked towards (启动…准备 is the stage below), its deadline within the part's period (年内,
6月底前), its first counted amount (2个驿站, cn2an for Chinese numerals) and the phases it
names (二、三期)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

import cn2an

from kg.extraction.stages import Stage, ladder, stage_of

_TOWARDS = re.compile(r"启动|推进|推动|加快|开展|准备|即将|正在|参与|配合|着手|开始|筹备|争取|力争|加速")


_DONE_BEFORE = re.compile(r"完成|实现|建成|已|顺利|正式|全面|基本")


_TOWARDS_AFTER = re.compile(r"^[^，；。]{0,4}(?:准备|前期|有序推进|推进中|进行中)")


_DEADLINE = re.compile(
    r"(?P<year>年内|今年内|本年内|年底前|年底|年末|全年)|(?P<half>上半年|下半年)"
    r"|(?P<month>\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:底|末)?(?:前|之前|以前)?"
)


_QUANTITY = re.compile(
    r"(?P<n>\d+(?:\.\d+)?|[零一二两三四五六七八九十百千万]+)\s*"
    r"(?P<unit>万平方米|平方米|公顷|万元|亿元|公里|千米|人次|个|座|台|家|所|条|处|幅|项|户|套|亩|米|张|场|间|栋|幢|辆|批|期)"
)


_PHASES = re.compile(r"((?:[一二三四五六七八九十\d]+、)*[一二三四五六七八九十\d]+)期")


# The claim rules ask a clause's stages several times (its promise, its progress, its
# objects): the answers are kept per text, bounded.
@lru_cache(maxsize=8192)
def highest_stage(text: str) -> Stage | None:
    """The highest stage of the ladder a text names.

    >>> highest_stage("结构绿地一期及L-04地块实现竣工并完成验收").milestone
    '验收'
    >>> highest_stage("持续改进工作作风") is None
    True
    """
    ranks = [rank + (1 if towards else 0) for rank, towards in reached_stages(text)]
    return stage_of(max(ranks)) if ranks else None


# (规划对解放桥巷片区等老旧小区实施改造: "plans to renovate", the verb before its object)
_PLAN_TO_BUILD = re.compile(r"(?:新建|建设|修建|建成|实施|布局|对[^，；。]{1,20}?(?:实施|进行))")
_NOUN_OF_STAGE = re.compile(r"(?:情况|状况|水平|管理|模式|主体|单位|机制|成本|效益|服务)")
_ADJECTIVE_SUFFIX = re.compile(r"[性率度型式]")


def _is_stage_word(text: str, m: re.Match) -> bool:
    """A stage keyword, not part of an adjective or a measure (开放性, 开工率)."""
    if m.group() == "规划" and _PLAN_TO_BUILD.match(text[m.end() :]):
        return False  # 规划新建菜市场: "plans to build", the verb, not a plan to draw up
    if _NOUN_OF_STAGE.match(text[m.end() :]):
        return False  # 楼宇运营情况, 施工管理: a noun of the stage, not the stage reached
    return not _ADJECTIVE_SUFFIX.match(text[m.end() : m.end() + 1])


_PHASE_ENUMERATION = re.compile(r"(?<=[一二三四五六七八九十\d])、(?=[一二三四五六七八九十\d]+期)")
_PREPARATION_AFTER = re.compile(r"^[^，；。]{0,2}准备")


def reached_stages(text: str) -> list[tuple[int, bool]]:
    """Each stage a review clause reports, as (rank reached, only worked towards).

    >>> reached_stages("启动15-03地块净地准备")
    [(2, True)]
    >>> reached_stages("滨江1号驿站主体结构完工，2号驿站完成土建竣工")
    [(5, False), (6, False)]
    """
    return list(_reached_stages(text))


@lru_cache(maxsize=8192)
def _reached_stages(text: str) -> tuple[tuple[int, bool], ...]:
    found: list[tuple[int, int, int, bool]] = []  # (start, end, rank, towards)
    # 一、二期 names phases of one works, not two items of a list: the stage reaches over it.
    text = _PHASE_ENUMERATION.sub("·", text)
    for stage in ladder():
        for m in stage.pattern.finditer(text):
            if not _is_stage_word(text, m):
                continue
            towards = _last_verb_is_towards(text[: m.start()]) or bool(_TOWARDS_AFTER.match(text[m.end() :]))
            if m.group() == "施工" and not _PREPARATION_AFTER.match(text[m.end() :]):
                towards = False  # 施工有序推进: building has started, which is the stage
            found.append((m.start(), m.end(), stage.rank, towards))
    # A longer keyword wins over the stages it contains (主体结构完工 is not also 完工).
    kept = [f for f in found if not any(o[0] <= f[0] and f[1] <= o[1] and (o[1] - o[0]) > (f[1] - f[0]) for o in found)]
    kept.sort()
    merged: list[tuple[int, int, int, bool]] = []
    for f in kept:
        if merged and f[0] < merged[-1][1]:  # overlapping matches: keep the higher stage
            if f[2] > merged[-1][2]:
                merged[-1] = f
            continue
        merged.append(f)
    return tuple((rank - 1 if towards else rank, towards) for _, _, rank, towards in merged)


def _last_verb_is_towards(before: str) -> bool:
    """Whether the nearest verb before a stage keyword only works towards it (启动…净地,
    参与推进…方案制定) rather than reports it done (完成…批复)."""
    towards = [m.end() for m in _TOWARDS.finditer(before)]
    done = [m.end() for m in _DONE_BEFORE.finditer(before)]
    return bool(towards) and (not done or max(towards) > max(done))


@lru_cache(maxsize=1024)
def _first_deadline(text: str) -> re.Match[str] | None:
    # Each clause of a sentence asks for the sentence's deadline: searched once per text.
    # Every deadline holds 年 or 月: a text with neither is not scanned position by position.
    return _DEADLINE.search(text) if "年" in text or "月" in text else None


def deadline_of(text: str, period_start: date, period_end: date) -> tuple[date, str | None]:
    """The deadline a text states, within the part's period, else the period's end.

    >>> deadline_of("力争6月底前完成", date(2023, 1, 1), date(2023, 12, 31))
    (datetime.date(2023, 6, 30), '6月底前')
    >>> deadline_of("推进建设", date(2023, 7, 1), date(2023, 12, 31))
    (datetime.date(2023, 12, 31), None)
    """
    m = _first_deadline(text)
    if not m:
        return period_end, None
    year = period_start.year
    if m.group("year"):
        return date(year, 12, 31), m.group()
    if m.group("half"):
        return (date(year, 6, 30) if m.group("half") == "上半年" else date(year, 12, 31)), m.group()
    month = int(cn2an.cn2an(m.group("month"), "smart"))
    if not 1 <= month <= 12:
        return period_end, None
    end = date(year, 12, 31) if month == 12 else date(year, month + 1, 1) - timedelta(days=1)
    return end, m.group()


def quantity_of(text: str) -> tuple[float | None, str | None]:
    """The first counted amount in a text.

    >>> quantity_of("高质量完成滨江沿岸2个驿站建设")
    (2.0, '个')
    >>> quantity_of("完成三幅地块的出让")
    (3.0, '幅')
    >>> quantity_of("推动一批优质项目落地")
    (None, None)
    """
    for m in _QUANTITY.finditer(text):
        number = m.group("n")
        if m.group("unit") == "期":
            continue  # 一期 is a phase, not an amount
        if m.group("unit") == "批" and number == "一":
            continue  # 一批 (a number of) counts nothing
        if text[m.end() : m.end() + 1] in tuple("路街村桥河巷湾港"):
            continue  # 二张路: a name, not two of something
        try:
            value = float(cn2an.cn2an(number, "smart")) if not number[0].isdigit() else float(number)
        except (ValueError, KeyError):
            continue
        return value, m.group("unit")
    return None, None


def phases_of(text: str) -> set[str]:
    """Phase numbers a text names: ``二、三期`` → {'二', '三'}."""
    found: set[str] = set()
    for m in _PHASES.finditer(text):
        found.update(m.group(1).split("、"))
    return found
