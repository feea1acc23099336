"""Part headings: where a report's review and plan begin, in the genre's many wordings.

A part heading is a short line, numbered or not, that names the period and the kind of
work: ``一、2022年工作回顾``, ``2022年工作回顾``, ``第一部分 过去五年工作回顾``,
``回望2023``, ``一年来的主要工作``, ``二、上半年工作完成情况``, ``二、2023年工作安排``,
``三、下半年工作打算``, ``今后五年的目标任务``. It is told from running text by its
length, its lack of sentence punctuation and its words (:data:`REVIEW_WORDS`,
:data:`PLAN_WORDS`).

Text copied from web pages often loses its line breaks: ``…提出意见。一、2022年工作回顾
刚刚过去的一年，…``. :func:`inline_breaks` finds such a heading (or the salutation
``各位代表``) inside a line, after a sentence end, and the line is read as if it were
broken there.

>>> part_heading("一、2022 年工作回顾")
('2022 年工作回顾', 'review')
>>> part_heading("回望2023")
('回望2023', 'review')
>>> part_heading("二、2023年主要工作")  # a year's main work after its review is the plan
('2023年主要工作', 'unknown')
>>> part_heading("（一）经济发展稳中有进") is None
True
>>> part_heading("一、2014年经济社会总体发展情况")
('2014年经济社会总体发展情况', 'review')
>>> part_heading("良寨乡2022年政府工作报告") is None
True
>>> part_heading("三、下一步工作"), part_heading("回首2023")
(('下一步工作', 'plan'), ('回首2023', 'review'))
>>> part_heading("下半年工作任务:"), part_heading("过去一年我们主要做了以下工作：")
(('下半年工作任务', 'plan'), None)
"""

from __future__ import annotations

import re

_CN = "一二三四五六七八九十"
# The practical works a town congress votes for the year, by the genre's names for them (民生实事,
# 民心工程, 十大民生工程, 惠民实事): shared by the rules that read a vote, its plan and its account.
WORKS_CATEGORY = "民生实事|民心工程|实事项目|民生工程|惠民实事"
# Words that make a heading a review: looking back, what was done.
REVIEW_WORDS = (
    "回顾",
    "回望",
    "总结",
    "一年来",
    "五年来",
    "过去一年",
    "过去五年",
    "过去的一年",
    "过去的五年",
    "取得的成绩",  # 取得的成绩, 工作成效: the standard wordings of a review heading (…年工作取得的成绩)
    "主要成绩",
    "工作成效",
    "完成情况",
    "情况",
    "工作进展",
    "今年以来",
    # what was achieved: 主要工作及成效, 2023年亮点工作 (the summaries of subdistricts)
    "成效",
    "亮点",
    # 回首2023, 2023年工作盘点: the looking back of summaries and news-style reports.
    "回首",
    "盘点",
)
# Words that make it a plan: what is to be done.
PLAN_WORDS = (
    "打算",
    "安排",
    "任务",
    "目标",
    "计划",
    "思路",
    "举措",
    "展望",
    "谋划",
    "今后",
    "未来",
    "重点工作",
    "总体要求",
    "工作重点",  # 工作重点/工作打算: standard wordings of a plan heading (…年工作重点, 下半年工作打算)
    "奋斗目标",
    "工作措施",
    "主要措施",
    # what is envisaged: 2024年工作设想, 2025年工作要点
    "设想",
    "要点",
    # 对新一届政府工作的建议: what a government ending its term proposes to the next.
    "工作建议",
    "工作的建议",
    # 三、下一步工作 (a summary's closing part, its plan).
    "下一步",
    "下步",
)
# 2025年工作部署, 下一步工作部署: 部署 names a plan only as the heading's head noun 工作部署.
# A bare 部署 is the review's commonest theme phrase (坚决贯彻落实上级决策部署, 认真落实县委部署).
_PLAN_DEPLOYMENT = re.compile(r"(?:\d{4}年|下一步|下步)?工作部署")
# A heading of either kind that needs its position to tell which (2023年主要工作).
NEUTRAL_WORDS = ("主要工作", "工作")

_NUMBERING = rf"(?:第[{_CN}]部分[、：:\s]*|[{_CN}]{{1,3}}[、.．]\s*|[{_CN}]{{1,3}}\s+)"
_SITE_LABEL = re.compile(r"^(?:信息名称|内容概述|标题|名称|文件名称|主题分类)")
_NUMBERED = re.compile(rf"^{_NUMBERING}(?P<title>.{{2,40}})$")
_UNNUMBERED = re.compile(r"^(?P<title>.{2,30})$")
_SENTENCE_PUNCT = re.compile(r"[。！？；，,;!?]")
# A period or time word that an unnumbered heading starts with or holds.
_PERIOD = re.compile(r"\d{4}\s*年|过去|今后|未来|上半年|下半年|今年|明年|一年来|五年来|回望|新的一年|\d{4}")


_PROGRESS_REPORT = re.compile(r"(?:完成|执行|落实|推进|进展)情况$")


def part_kind(heading: str) -> str:
    """``review``, ``plan``, ``unknown`` (review or plan, told by position) or ``other``.

    >>> part_kind("上半年工作情况"), part_kind("下半年工作打算"), part_kind("加强政府自身建设")
    ('review', 'plan', 'other')
    >>> part_kind("年度目标任务完成情况")
    'review'
    """
    # A heading's last noun is its head: 年度目标任务完成情况 reports how the targets were
    # met — a review, though it names 目标任务 first.
    if _PROGRESS_REPORT.search(heading):
        return "review"
    review = min((heading.find(w) for w in REVIEW_WORDS if w in heading), default=-1)
    plan = min((heading.find(w) for w in PLAN_WORDS if w in heading), default=-1)
    if (deployment := _PLAN_DEPLOYMENT.search(heading)) and (plan < 0 or deployment.start() < plan):
        plan = deployment.start()
    if review >= 0 and (plan < 0 or review < plan):
        return "review"
    if plan >= 0:
        return "plan"
    if any(w in heading for w in NEUTRAL_WORDS) and _PERIOD.search(heading):
        return "unknown"
    return "other"


_REVIEW_AND_PLAN = re.compile(r"(?:总结|回顾)[及和与暨、](?:\S{0,12})(?:计划|打算|安排|规划|思路)")


def part_heading(line: str) -> tuple[str, str] | None:
    """(title, kind) when a normalised line is a part heading, else None."""
    line = line.strip()
    if "报告" in line:  # the report's own title (良寨乡2022年政府工作报告), never a part of it
        return None
    # A line naming both halves (2023年上半年工作总结及下半年工作计划) is the title; a
    # site's label (信息名称, 内容概述) marks a line of its table.
    if _REVIEW_AND_PLAN.search(line) or _SITE_LABEL.match(line):
        return None
    if m := _NUMBERED.match(line):
        title = m.group("title").strip()
        # A numbered line with a sentence inside is a list item of running text.
        if any(p in title[:-1] for p in "。！？；"):
            return None
        return title, part_kind(title)
    # Unnumbered, it must look like a title: no punctuation at all (过去一年我们主要做了以下
    # 工作： introduces a list; it is not a heading).
    if (m := _UNNUMBERED.match(line)) and not _SENTENCE_PUNCT.search(line) and line[-1] not in "：:。":
        kind = part_kind(line)
        if kind != "other" and _PERIOD.search(line):
            return line, kind
    # …but a short heading may end in a colon when what precedes it is a heading's noun
    # (2025年上半年工作回顾:, 下半年工作任务:), as news copies of a report set them; a clause
    # ending so (过去一年我们主要做了以下工作：) names no period and kind in its last noun.
    if (
        line[-1:] in "：:"
        and len(line) <= 17
        and not _SENTENCE_PUNCT.search(line)
        and _COLON_HEADING.search(line[:-1])
        and _PERIOD.search(line)
        and (kind := part_kind(line[:-1])) in ("review", "plan")
    ):
        return line[:-1], kind
    return None


_COLON_HEADING = re.compile(r"(?:工作回顾|工作总结|工作任务|工作打算|工作安排|工作计划|工作思路|目标任务)$")


# Inside a run-on line: a heading after a sentence end, followed directly by its body. It
# must end in a heading noun: 过去一年 alone opens sentences (过去一年是极不平凡的一年).
_HEADING_NOUNS = (
    "工作回顾",
    "回顾",
    "工作总结",
    "主要工作",
    "工作安排",
    "安排",
    "工作打算",
    "打算",
    "目标任务",
    "主要任务",
    "重点工作",
    "工作情况",
    "完成情况",
    "工作思路",
    "总体要求",
    "主要目标",
    "工作计划",
)
_NOUNS = "|".join(sorted(_HEADING_NOUNS, key=len, reverse=True))
_INLINE_HEADING = re.compile(
    rf"(?<=[。！？：:])\s*(?P<heading>(?:{_NUMBERING})?[^。！？；，,：:“”]{{0,16}}?(?:{_NOUNS})"
    rf"(?:[和及与][^。！？；，,]{{0,12}}?(?:{_NOUNS}))?)(?=[^。！？；，,：:、）)和及与])"
    # …的目标任务完成情况报告如下: the noun goes on, and 现将… announces the report itself.
    rf"(?!完成|情况|报告|如下|落实|执行)"
)
_INLINE_SALUTATION = re.compile(r"(?<=\S)(?=各位代表[：:，,])")


def inline_breaks(line: str) -> list[int]:
    """Positions inside ``line`` where a part heading, its body, or the salutation begins.

    >>> line = "请予审议。一、2022年工作回顾刚刚过去的一年，我们……"
    >>> [line[i:i + 4] for i in inline_breaks(line)]
    ['一、20', '刚刚过去']
    >>> inline_breaks("确保完成。过去一年是极不平凡的一年")
    []
    >>> inline_breaks("2023年白鹤镇政府工作报告各位代表:现在,我代表白鹤镇人民政府")
    [14]
    """
    breaks: list[int] = []
    for m in _INLINE_SALUTATION.finditer(line):
        if m.start() < 200:  # the title before the opening, not a later 各位代表 in the body
            breaks.append(m.start())
    for m in _INLINE_HEADING.finditer(line):
        heading = m.group("heading")
        # 现将/现就…报告如下 and 特此… are the formulas that announce the report itself.
        if part_heading(heading) is None or heading.lstrip().startswith(("现将", "现就", "特此")):
            continue
        start = m.start("heading")
        if start > 0:
            breaks.append(start)
        breaks.append(m.end("heading"))
    return sorted(set(b for b in breaks if 0 < b < len(line)))
