"""What a user is told about the files a store holds: every report in ``kg status``, a
warning for two reports of one town and session, and a ``source`` in every export that
names the file without the user's folders."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import main
from kg.graph.store import Store

from .conftest import REPORTS

FIRST, SECOND = "000_dd07b67f804f2d67.txt", "001_8d55160e06e9d7cd.txt"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def cut_copy(folder: Path) -> Path:
    """001 cut short before its plan: the same town and session date, no commitment and
    no indicator target (what a truncated download gives)."""
    text = (REPORTS / SECOND).read_text("utf-8")
    cut = folder / "001_cut.txt"
    cut.write_text(text[: text.index("二、2023 年工作安排")], "utf-8")
    return cut


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> tuple[Path, Path, object]:
    """A store of 000, 001 and a copy of 001 cut short, built from one folder."""
    root = tmp_path_factory.mktemp("mixed")
    folder = root / "in"
    folder.mkdir()
    for name in (FIRST, SECOND):
        shutil.copy(REPORTS / name, folder / name)
    cut_copy(folder)
    store = root / "store"
    summary = build([folder], Store(store), workers=1)
    return folder, store, summary


def test_status_lists_a_report_with_no_commitments(mixed):
    _, store, summary = mixed
    assert summary.loaded == 3
    rows = json.loads(run("status", "--store", str(store), "--json").output)
    assert len(rows) == 3
    cut = next(r for r in rows if r["commitments"] == 0)
    assert (cut["town"], cut["date"], cut["indicators"]) == ("庙行镇", "2023-01-05", [])
    table = CliRunner().invoke(main, ["status", "--store", str(store), "--all"], env={"COLUMNS": "200"}).output
    # The two reports of one town and date are told apart by their ids.
    assert table.count("2023-01-05 (") == 2 and f"({cut['report'][:8]})" in table


def test_a_second_report_of_one_town_and_session_is_one_warning_naming_both(mixed):
    _, _, summary = mixed
    [(source, warning)] = [(s, w) for s, w in summary.warnings if "session date" in w]
    assert source == "001_cut.txt"
    assert warning.startswith(f"same town and session date (庙行镇, 2023-01-05) as {SECOND}")
    assert "both are kept" in warning and "'kg remove 001_cut.txt'" in warning


def test_the_warning_of_a_later_build_and_nothing_twice(tmp_path):
    # The second report comes in a later build (the incremental path), by the command.
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(REPORTS / SECOND, folder / SECOND)
    store = str(tmp_path / "store")
    assert run("build", "--store", store, "--workers", "1", str(folder)).exit_code == 0
    cut = cut_copy(tmp_path)
    result = CliRunner().invoke(main, ["build", "--store", store, "--workers", "1", str(cut)])
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "session date" in line]
    assert len(warnings) == 1 and warnings[0].startswith("kg: 001_cut.txt: warning: same town and session date")
    assert SECOND in warnings[0]
    # Built again: each is loaded once, nothing is duplicated.
    again = CliRunner().invoke(main, ["build", "--store", store, "--workers", "1", str(folder), str(cut)])
    assert "(2 in the store)" in again.output
    assert "session date" not in again.stderr  # each was told of when it came
    assert len(json.loads(run("status", "--store", store, "--json").output)) == 2


def test_a_folder_built_again_warns_once_then_never(tmp_path):
    # Both in one folder: the first build warns once, a rebuild (every file loaded again,
    # the incremental path) not at all, nor once per report of the pair.
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(REPORTS / SECOND, folder / SECOND)
    cut_copy(folder)
    store = Store(tmp_path / "store")
    first = build([folder], store, workers=1)
    assert len([w for _, w in first.warnings if "session date" in w]) == 1
    again = build([folder], store, workers=1)
    assert again.reports_in_store == 2 and not [w for _, w in again.warnings if "session date" in w]


def test_an_exact_copy_is_no_second_report_and_no_warning(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(REPORTS / SECOND, folder / SECOND)
    shutil.copy(REPORTS / SECOND, folder / "copy.txt")
    summary = build([folder], Store(tmp_path / "store"), workers=1)
    assert summary.loaded == 1 and len(summary.duplicates) == 1
    assert not [w for _, w in summary.warnings if "session date" in w]


# --- source: the path relative to the build's input, never the user's folders ----------


@pytest.fixture(scope="module")
def nested(tmp_path_factory) -> tuple[Path, Path]:
    """One report at in/town/2023.txt, built from in/."""
    root = tmp_path_factory.mktemp("nested-home")
    (root / "in" / "town").mkdir(parents=True)
    shutil.copy(REPORTS / SECOND, root / "in" / "town" / "2023.txt")
    store = root / "store"
    build([root / "in"], Store(store), workers=1)
    return root, store


def test_every_export_names_the_file_relative_to_the_input(nested, tmp_path):
    root, store = nested
    [report] = json.loads(run("export", "reports", "--store", str(store)).output)
    assert report["source"] == "town/2023.txt"
    texts = [run("show", "--store", str(store), "town/2023.txt").output]
    for fmt in ("graphml", "json", "ttl", "jsonld", "cypher", "html"):
        result = run("export", "subgraph", "--store", str(store), "--format", fmt, "--around", report["id"], "--hops", "0")
        assert result.exit_code == 0, result.output
        texts.append(result.output)
    for csv in ("whole.zip", "part.zip"):
        extra = [] if csv == "whole.zip" else ["--around", report["id"], "--hops", "0"]
        assert (
            run("export", "subgraph", "--store", str(store), "--format", "csv", *extra, "-o", str(tmp_path / csv)).exit_code == 0
        )
        with zipfile.ZipFile(tmp_path / csv) as z:
            texts.append("".join(z.read(n).decode("utf-8") for n in z.namelist()))
    for text in texts:
        assert "town/2023.txt" in text
        assert str(root) not in text and "nested-home" not in text
    # The store keeps the absolute path beside the data, to tell a file changed in place.
    with sqlite3.connect(store / "kg.sqlite") as conn:
        [(column, data)] = conn.execute("SELECT source, data FROM reports").fetchall()
    assert column == str(root / "in" / "town" / "2023.txt") and str(root) not in data


def test_a_moved_folder_is_not_loaded_twice(tmp_path):
    (tmp_path / "a" / "town").mkdir(parents=True)
    shutil.copy(REPORTS / SECOND, tmp_path / "a" / "town" / "2023.txt")
    store = Store(tmp_path / "store")
    build([tmp_path / "a"], store, workers=1)
    (tmp_path / "a").rename(tmp_path / "b")
    summary = build([tmp_path / "b"], store, workers=1)
    assert summary.reports_in_store == 1 and not summary.warnings
    [report] = json.loads(run("export", "reports", "--store", str(store.path)).output)
    assert report["source"] == "town/2023.txt"
    # Known by its new place: a file changed there replaces it.
    moved = tmp_path / "b" / "town" / "2023.txt"
    moved.write_text(moved.read_text("utf-8") + "\n", "utf-8")  # another digest, the same text
    changed = build([moved], store, workers=1)
    assert changed.reports_in_store == 1 and len(changed.replaced) == 1


def test_one_name_in_two_folders_is_two_reports(tmp_path):
    # Not a file changed in place: the store tells them apart by their absolute paths.
    for town, name in (("x", FIRST), ("y", SECOND)):
        (tmp_path / town).mkdir()
        shutil.copy(REPORTS / name, tmp_path / town / "2023.txt")
    store = Store(tmp_path / "store")
    build([tmp_path / "x"], store, workers=1)
    second = build([tmp_path / "y"], store, workers=1)
    assert second.reports_in_store == 2 and not second.replaced
    sources = sorted(r["source"] for r in json.loads(run("export", "reports", "--store", str(store.path)).output))
    assert sources == ["2023.txt", "2023.txt"]


def test_a_file_changed_in_place_replaces_its_report_after_a_load_and_save(tmp_path):
    # Store.load gives no absolute path (no export may carry it); Store.save must keep the
    # stored one, or the changed file is taken for another and loaded beside the first.
    (tmp_path / "in" / "town").mkdir(parents=True)
    file = tmp_path / "in" / "town" / "2023.txt"
    shutil.copy(REPORTS / SECOND, file)
    store = Store(tmp_path / "store")
    build([tmp_path / "in"], store, workers=1)
    graph = store.load()
    store.save(graph)
    assert all("path" not in d for _, d in graph.nodes(data=True))  # the caller's graph as it was
    with sqlite3.connect(store.db_file) as conn:
        [(column,)] = conn.execute("SELECT source FROM reports").fetchall()
    assert column == str(file)
    file.write_text(file.read_text("utf-8") + "\n", "utf-8")
    changed = build([tmp_path / "in"], store, workers=1)
    assert changed.reports_in_store == 1 and len(changed.replaced) == 1


def test_a_linked_file_is_named_by_its_link(tmp_path):
    (tmp_path / "raw").mkdir()
    shutil.copy(REPORTS / SECOND, tmp_path / "raw" / "abc.txt")
    (tmp_path / "in" / "town").mkdir(parents=True)
    (tmp_path / "in" / "town" / "2023.txt").symlink_to(tmp_path / "raw" / "abc.txt")
    store = str(tmp_path / "store")
    assert run("build", "--store", store, "--workers", "1", str(tmp_path / "in")).exit_code == 0
    [report] = json.loads(run("export", "reports", "--store", store).output)
    assert report["source"] == "town/2023.txt"
    removed = run("remove", "--store", store, "town/2023.txt")
    assert removed.exit_code == 0, removed.output
    assert json.loads(run("status", "--store", store, "--json").output) == []


def test_a_store_of_version_5_says_to_rebuild(tmp_path):
    # Version 5 held each report's absolute path as its source and no scorecard row for a
    # report with no commitment: read as it is, exports would name the user's folders and
    # kg status would miss reports. One line asks for a rebuild instead.
    store = Store(tmp_path / "store")
    store.save(Store(tmp_path / "store").load())
    with sqlite3.connect(store.db_file) as conn:
        conn.execute("UPDATE meta SET value = '5' WHERE key = 'version'")
    result = CliRunner().invoke(main, ["status", "--store", str(store.path)])
    assert result.exit_code != 0
    [line] = result.output.strip().splitlines()
    assert "store version 5 is not 6; rebuild it with 'kg build" in line
