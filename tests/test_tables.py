"""Every table kg prints fits an 80-column terminal without cutting a date, a number or a
name, and uses the room of a wider one."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from kg.extraction.entities import find_entities
from kg.sinks.queries import canned_queries
from kg.tracing.review import review_stats
from kg.views.scorecard import scorecard, town_summary
from kg.views.tables import (
    confusion_table,
    queries_table,
    render,
    reports_table,
    rows_table,
    status_table,
    targets_table,
    timeline_table,
    town_targets_table,
    towns_table,
)
from kg.views.timeline import claim_line, timeline

_FIGURES = re.compile(r"\d{4}-\d{2}-\d{2}|[+-]?\d+(?:\.\d+)?%?")


def _tables(graph):
    rows = scorecard(graph)
    [entity] = find_entities(graph, "呼兰路站")[:1]
    stats = review_stats(graph)
    confusion = stats["confusion"] or {"AWAITING_FOLLOW_UP": {"AWAITING_FOLLOW_UP": 12, "DELIVERED": 3}}
    return {
        "reports": reports_table(
            {"庙行镇": 2, "小溪塔街道": 1, "呼和浩特市新城区保合少镇": 1},
            {"庙行镇": "宝山区", "小溪塔街道": "夷陵区", "呼和浩特市新城区保合少镇": "新城区"},
            "Reports",
        ),
        "status": status_table(rows),
        "targets": targets_table(rows),
        "towns": towns_table(town_summary(rows)),
        "town_targets": town_targets_table(town_summary(rows)),
        "queries": queries_table(canned_queries()),
        "rows": rows_table("scorecard", ["town", "date", "delivered"], [["庙行镇", "2023-01-05", "2"]]),
        "confusion": confusion_table(confusion),
        "timeline": timeline_table(timeline(graph, entity), claim_line),
    }


@pytest.fixture(scope="module")
def tables(sample_graph):
    return _tables(sample_graph)


def _cells(table) -> list[str]:
    return [re.sub(r"\[/?[a-z ]+\]", "", str(cell)) for column in table.columns for cell in column._cells]


@pytest.mark.parametrize(
    "name", ["reports", "status", "targets", "towns", "town_targets", "queries", "rows", "confusion", "timeline"]
)
def test_a_table_fits_80_columns_and_cuts_nothing(tables, name):
    table = tables[name]
    text = render(table, width=80)
    lines = text.splitlines()
    assert max(len_cells(line) for line in lines) <= 80
    assert "…" not in text
    # what wraps or folds is still all there: every character of every cell is printed
    wanted = Counter(ch for cell in _cells(table) for ch in cell if not ch.isspace())
    assert not wanted - Counter(ch for ch in text if not ch.isspace()), name
    for cell in _cells(table):
        for figure in _FIGURES.findall(cell):
            # a figure (a date, a number, a share) is never split across lines
            assert any(figure in line for line in lines), (name, figure)


def len_cells(line: str) -> int:
    from rich.cells import cell_len

    return cell_len(line)


def test_dates_and_names_of_the_scorecard_are_whole_at_80(tables):
    text = render(tables["status"], width=80)
    for date in ("2023-01-05", "2023-07-26", "2024-12-24"):
        assert date in text
    for town in ("庙行镇", "大场镇", "罗店镇", "高境镇"):
        assert town in text
    for header in ("delivered", "stalled", "Share"):
        assert header in text


def test_a_wider_terminal_gives_the_text_more_room(tables):
    narrow, wide = render(tables["targets"], width=80), render(tables["targets"], width=160)
    assert len(wide.splitlines()) < len(narrow.splitlines())
    assert "社会消费品零售总额" in wide  # not folded when there is room


def test_a_short_table_keeps_its_title_on_one_line():
    table = reports_table({"庙行镇": 2}, {"庙行镇": "宝山区"}, "Reports loaded into ./.kg")
    assert "Reports loaded into ./.kg" in render(table, width=80)
