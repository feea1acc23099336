from datetime import date
from pathlib import Path

import pytest

from loaders.metadata import read_metadata, split_place

from .conftest import SAMPLES


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_report_metadata(sample_reports, name):
    town, district, day, review, plan = SAMPLES[name]
    report = sample_reports[name]
    assert (report.town, report.district, report.city) == (town, district, "上海市")
    assert report.date.isoformat() == day
    assert report.title == "政府工作报告"
    assert report.session and report.session.startswith("第") and report.session.endswith("次会议")


def test_speaker_and_role_are_read_from_the_title_block(sample_reports):
    assert (sample_reports["004_ba4aa9962f5a29a2.txt"].speaker, sample_reports["004_ba4aa9962f5a29a2.txt"].speaker_role) == ("王毓铭", "党委副书记、镇长")
    assert (sample_reports["001_8d55160e06e9d7cd.txt"].speaker, sample_reports["001_8d55160e06e9d7cd.txt"].speaker_role) == ("朱峻峰", "镇长")
    assert sample_reports["002_273361674173251b.txt"].speaker == "孙兰"  # "孙 兰" in the file
    assert sample_reports["003_68189976bd792ce1.txt"].speaker is None  # the report names none


def test_place_is_read_from_the_government_when_the_title_block_lacks_it():
    meta = read_metadata(["政府工作报告", "（2024年1月8日）"], "各位代表：现在，我代表嘉定区马陆镇人民政府，向大会报告工作")
    assert (meta.city, meta.district, meta.town, meta.date) == ("上海市", "嘉定区", "马陆镇", date(2024, 1, 8))


@pytest.mark.parametrize(
    "place, expected",
    [
        ("上海市宝山区庙行镇", ("上海市", "宝山区", "庙行镇")),
        ("浦东新区川沙新镇", ("上海市", "浦东新区", "川沙新镇")),
        ("徐汇区田林街道", ("上海市", "徐汇区", "田林街道")),
        ("某某县某某乡", (None, "某某县", "某某乡")),
    ],
)
def test_split_place(place, expected):
    assert split_place(place) == expected


def test_metadata_never_comes_from_the_file_name(tmp_path, sample_reports):
    from loaders import load

    copy = tmp_path / "大场镇_2099.txt"
    copy.write_bytes(Path(sample_reports["003_68189976bd792ce1.txt"].source).read_bytes())
    report = load(copy)
    assert (report.town, report.date.isoformat()) == ("罗店镇", "2024-12-24")
