"""Random text and random bytes: the loader loads them or raises its own clear error."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders import LoaderError, Report, load, load_text

# Text made of the pieces reports are made of, so that some examples get far into the
# structure rules, plus anything at all.
PIECES = st.sampled_from(
    [
        "政府工作报告",
        "——2023年1月5日在宝山区庙行镇第八届人民代表大会第三次会议上",
        "各位代表：",
        "一、2022 年工作回顾",
        "二、2023年工作安排",
        "（一）产业发展",
        "**重点项目落地开花。**",
        "完成 2.25 亿元；",
        "¹",
        "² 大康路站。",
        "3 ",
        "^[1]",
        "<sup>1</sup>",
        "[1]",
        "---",
        "\n",
        "\n\n",
        "。",
        "“",
        "”",
        "(",
        ")",
        "#",
        "各位代表，",
        "经济指标稳步回升。",
        " ",
    ]
)
REPORTISH = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=60).map("".join)


def _check(result):
    assert isinstance(result, Report)
    for sentence in result.sentences():
        assert len(sentence.offsets) == len(sentence.text) > 0
        assert all(0 <= o < len(result.original) for o in sentence.offsets)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(REPORTISH)
def test_random_text_loads_or_raises_a_loader_error(text):
    try:
        _check(load_text(text, source="random.txt"))
    except LoaderError as error:
        assert str(error).startswith("random.txt: ") and "\n" not in str(error)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".md", ".html", ".docx", ".pdf"]))
def test_random_bytes_load_or_raise_a_loader_error(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"random{suffix}"
        path.write_bytes(data)
        try:
            _check(load(path))
        except LoaderError as error:
            assert str(error).startswith(str(path)) and "\n" not in str(error)
