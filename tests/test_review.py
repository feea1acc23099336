"""Human review of statuses: the CSV round trip, overrides surviving rebuilds, agreement."""

import csv

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import main
from kg.errors import KgError
from kg.graph.store import Store
from kg.tracing.review import (
    COLUMNS,
    cohen_kappa,
    export_sheet,
    import_sheet,
    review_stats,
)

from .invented import report

PLAN = "完成星河路道路验收移交。推进翔韵公园建设，年内竣工。启动梧桐湾学校建设。"
REVIEW = "星河路完成道路验收移交。翔韵公园主体结构完工。"


@pytest.fixture
def reports(tmp_path):
    files = {
        "a.txt": report("马陆镇", "2023-01-10", ("2022年工作回顾", "全年完成各项任务。"), ("2023年工作安排", PLAN)),
        "b.txt": report("马陆镇", "2024-01-10", ("2023年工作回顾", REVIEW), ("2024年工作安排", "持续推进各项工作。")),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, "utf-8")
    return [tmp_path / name for name in files]


@pytest.fixture
def built(reports, tmp_path):
    store = Store(tmp_path / "store")
    build(reports, store)
    return store


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def write(path, rows, encoding="utf-8-sig"):
    with open(path, "w", encoding=encoding, newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def by_object(rows, name):
    (row,) = [r for r in rows if r["object"] == name]
    return row


def test_the_sheet_has_a_row_per_commitment_with_the_tracers_reasons(built, tmp_path):
    graph = built.load()
    count = export_sheet(graph, tmp_path / "sheet.csv")
    rows = read(tmp_path / "sheet.csv")
    assert count == len(rows) == sum(1 for _, d in graph.nodes(data=True) if d["label"] == "Commitment")
    assert list(rows[0]) == list(COLUMNS)
    road = by_object(rows, "星河路")
    assert road["status_auto"] == "DELIVERED" and "星河路完成道路验收移交" in road["evidence"]
    assert road["evidence_sentences"] and road["reviewed_status"] == "" and road["review_comment"] == ""


def test_overrides_survive_a_rebuild_beside_the_automatic_status(built, reports, tmp_path):
    graph = built.load()
    export_sheet(graph, tmp_path / "sheet.csv")
    rows = read(tmp_path / "sheet.csv")
    park = by_object(rows, "翔韵公园")
    assert park["status_auto"] == "IN_PROGRESS"
    park.update(reviewed_status="delivered", review_comment="竣工 in a later news item")
    write(tmp_path / "filled.csv", rows)
    assert import_sheet(graph, tmp_path / "filled.csv") == 1
    built.save(graph)

    build(reports, built)  # the same reports again
    build(reports[:1], built)  # and one of them alone
    node = built.load().nodes[park["commitment"]]
    assert (node["status"], node["status_auto"], node["reviewed"]) == ("DELIVERED", "IN_PROGRESS", True)
    assert node["review_comment"] == "竣工 in a later news item"
    # Re-exported, the sheet shows the stored review.
    export_sheet(built.load(), tmp_path / "again.csv")
    assert by_object(read(tmp_path / "again.csv"), "翔韵公园")["reviewed_status"] == "DELIVERED"


def test_a_blank_row_keeps_a_stored_review_unless_replaced(built, tmp_path):
    graph = built.load()
    export_sheet(graph, tmp_path / "sheet.csv")
    rows = read(tmp_path / "sheet.csv")
    by_object(rows, "星河路")["reviewed_status"] = "IN_PROGRESS"
    write(tmp_path / "first.csv", rows)
    import_sheet(graph, tmp_path / "first.csv")
    export_sheet(built.load(), tmp_path / "blank.csv")  # a sheet with no reviews in it
    import_sheet(graph, tmp_path / "blank.csv")
    road = by_object(read(tmp_path / "first.csv"), "星河路")["commitment"]
    assert graph.nodes[road]["reviewed"] is True
    import_sheet(graph, tmp_path / "blank.csv", replace=True)
    assert graph.nodes[road]["reviewed"] is False and graph.nodes[road]["status"] == "DELIVERED"


@pytest.mark.parametrize(
    "change, message",
    [
        ({"reviewed_status": "DONE"}, "line 2: 'DONE' is not a status"),
        ({"reviewed_status": "DELIVERED", "commitment": "nope:c0"}, "line 2: no commitment 'nope:c0' in the store"),
    ],
)
def test_a_bad_row_stores_nothing(built, tmp_path, change, message):
    graph = built.load()
    export_sheet(graph, tmp_path / "sheet.csv")
    rows = read(tmp_path / "sheet.csv")
    rows[1]["reviewed_status"] = "STALLED"  # a good row after the bad one
    rows[0].update(change)
    write(tmp_path / "bad.csv", rows)
    with pytest.raises(KgError, match=message):
        import_sheet(graph, tmp_path / "bad.csv")
    assert not graph.graph.get("reviews")
    assert not any(d.get("reviewed") for _, d in graph.nodes(data=True))


def test_not_a_sheet(built, tmp_path):
    graph = built.load()
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "other.csv").write_text("a,b\n1,2\n", "utf-8")
    with pytest.raises(KgError, match="empty.csv: empty file"):
        import_sheet(graph, tmp_path / "empty.csv")
    with pytest.raises(KgError, match="other.csv: not a review sheet .missing column commitment, reviewed_status"):
        import_sheet(graph, tmp_path / "other.csv")


def test_a_sheet_saved_as_gbk_by_a_spreadsheet_program_is_read(built, tmp_path):
    graph = built.load()
    export_sheet(graph, tmp_path / "sheet.csv")
    rows = read(tmp_path / "sheet.csv")
    by_object(rows, "梧桐湾学校").update(reviewed_status="NOT_REPORTED", review_comment="年报未提及")
    write(tmp_path / "gbk.csv", rows, encoding="gb18030")
    import_sheet(graph, tmp_path / "gbk.csv")
    school = by_object(rows, "梧桐湾学校")["commitment"]
    assert graph.nodes[school]["review_comment"] == "年报未提及"


def test_cohen_kappa():
    # 4 items, 3 agree; marginals A: 2/4 vs 1/4, B: 2/4 vs 3/4 → pe = 0.5, kappa = 0.5.
    assert cohen_kappa(["A", "A", "B", "B"], ["A", "B", "B", "B"]) == pytest.approx(0.5)
    assert cohen_kappa(["A", "B"], ["B", "A"]) == pytest.approx(-1.0)
    assert cohen_kappa([], []) is None


def test_stats_compare_automatic_and_reviewed(built, tmp_path):
    graph = built.load()
    export_sheet(graph, tmp_path / "sheet.csv")
    rows = read(tmp_path / "sheet.csv")
    for row in rows:
        row["reviewed_status"] = row["status_auto"]
    by_object(rows, "翔韵公园")["reviewed_status"] = "DELIVERED"
    write(tmp_path / "filled.csv", rows)
    import_sheet(graph, tmp_path / "filled.csv")
    stats = review_stats(graph)
    n = len(rows)
    assert stats["reviewed"] == n and stats["agreement"] == pytest.approx((n - 1) / n, abs=1e-4)
    assert stats["confusion"]["IN_PROGRESS"] == {"DELIVERED": 1}
    auto = [r["status_auto"] for r in rows]
    assert stats["kappa"] == pytest.approx(cohen_kappa(auto, [r["reviewed_status"] for r in rows]), abs=1e-4)


def test_review_commands(built, tmp_path):
    runner = CliRunner()
    store = ["--store", str(built.path)]
    sheet = tmp_path / "sheet.csv"
    result = runner.invoke(main, ["review", "export", "-o", str(sheet), *store])
    assert result.exit_code == 0, result.output
    assert runner.invoke(main, ["review", "export", "-o", str(sheet), *store]).exit_code == 1  # exists
    rows = read(sheet)
    by_object(rows, "翔韵公园")["reviewed_status"] = "DELIVERED"
    write(sheet, rows)
    result = runner.invoke(main, ["review", "import", str(sheet), *store])
    assert result.exit_code == 0, result.output
    assert "stored 1 reviews" in result.output
    assert built.load().nodes[by_object(rows, "翔韵公园")["commitment"]]["status"] == "DELIVERED"
    result = runner.invoke(main, ["review", "stats", *store])
    assert result.exit_code == 0 and "agreement 0.0%" in result.output
    by_object(rows, "星河路")["reviewed_status"] = "MAYBE"
    write(sheet, rows)
    result = runner.invoke(main, ["review", "import", str(sheet), *store])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "'MAYBE' is not a status" in result.output
