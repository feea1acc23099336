"""Each normalisation rule, on small cases written for it."""

import pytest

from loaders.normalise import (
    fold_variants,
    is_traditional,
    normalise,
    remove_spaces,
    unify_punctuation,
    unify_width,
)
from loaders.textmap import MappedText


def run(rule, text):
    return rule(MappedText.from_original(text)).text


@pytest.mark.parametrize(
    "raw, expected", [("２０２３年", "2023年"), ("ＭＡＸ科技园", "MAX科技园"), ("增长５％", "增长5%"), ("a\u3000b", "a b")]
)
def test_width(raw, expected):
    assert run(unify_width, raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("现在,我代表罗店镇人民政府", "现在，我代表罗店镇人民政府"),
        ("各位代表:", "各位代表："),
        ("(一)更大力度", "（一）更大力度"),
        ("(2023年1月12日)", "（2023年1月12日）"),
        ('宝山"主阵地"战略', "宝山“主阵地”战略"),
        ("共1,000户", "共1,000户"),
        ("7.11亿元", "7.11亿元"),
        ("TOD (Transit Oriented)", "TOD (Transit Oriented)"),
    ],
)
def test_punctuation(raw, expected):
    assert run(unify_punctuation, raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("完成 2.25 亿元", "完成2.25亿元"),
        ("孙 兰", "孙兰"),
        ("落实各类稳增长 政策", "落实各类稳增长政策"),
        ("麦德龙 PLUS 店", "麦德龙PLUS店"),
        ("Transit  Oriented", "Transit Oriented"),
        ("1-11 月", "1-11月"),
    ],
)
def test_spaces(raw, expected):
    assert run(remove_spaces, raw) == expected


def test_normalise_keeps_the_original_offset_of_every_character():
    original = "全年预计完成一般公共预算收入7.11 亿元, 规上工业"
    result = normalise(MappedText.from_original(original))
    assert result.text == "全年预计完成一般公共预算收入7.11亿元，规上工业"
    for ch, offset in zip(result.text, result.offsets):
        assert ch == original[offset] or (ch, original[offset]) == ("，", ",")


def test_variants_fold_for_matching_only():
    assert fold_variants("蕰藻浜滨江") == "蕴藻浜滨江"
    assert len(fold_variants("蕰藻浜")) == 3


def test_texts_with_nothing_to_change_are_returned_as_they_are():
    """unify_width and fold_variants translate only a text holding a character to change:
    the others come back equal, and one character to change anywhere is still changed."""
    for text in ("全镇实现工业总产值8亿元", "", "ABC 123"):
        assert fold_variants(text) == text
    assert fold_variants("全镇" * 50 + "蕰") == "全镇" * 50 + "蕴"
    assert run(unify_width, "全年２０２３年") == "全年2023年"
    assert run(unify_width, "全年2023年") == "全年2023年"
    assert run(unify_width, "全年\u3000完成") == "全年 完成"


def test_traditional_text_is_told_by_its_chinese_characters_only():
    assert is_traditional("2023年 鞏固拓展脫貧攻堅成果，同鄉村振興有效銜接 ABC")
    assert not is_traditional("2023年 巩固拓展脱贫攻坚成果 ABC")
    assert not is_traditional("ABC 123")


def test_mapped_text_joins_and_deletions_keep_every_offset():
    original = "甲乙丙丁戊己庚辛"
    text = MappedText.from_original(original)
    joined = MappedText.join([text[0:2], text[5:8]])
    assert joined.text == "甲乙己庚辛" and joined.offsets == (0, 1, 5, 6, 7)
    kept = text.delete_spans([(1, 3), (2, 4), (7, 8), (5, 5)])
    assert kept.text == "甲戊己庚" and kept.offsets == (0, 4, 5, 6)
    assert MappedText.join([]).text == ""
