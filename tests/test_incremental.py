"""Incremental derivation: any sequence of adding, replacing and removing reports leaves
the store a build of the same files from scratch makes, export for export."""

import copy
import json
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg.build
import kg.build.extract
import kg.build.first
from kg.build import build, remove
from kg.errors import KgError
from kg.graph.store import Store
from kg.sinks.files import to_json
from kg.views.records import EXPORTS

from .conftest import REPORTS

SAMPLES = sorted(p.name for p in REPORTS.glob("*.txt"))
# Copies of two reports about other towns of the district: the same names recur in a
# second town, the way a corpus of many towns has them.
RENAMED = {
    "101_yanghang.txt": ("001_8d55160e06e9d7cd.txt", "庙行镇", "杨行镇"),
    "102_gucun.txt": ("002_273361674173251b.txt", "大场镇", "顾村镇"),
}
FILES = SAMPLES + sorted(RENAMED)


def original(name: str) -> str:
    if name in RENAMED:
        source, old, new = RENAMED[name]
        return (REPORTS / source).read_text("utf-8").replace(old, new)
    return (REPORTS / name).read_text("utf-8")


def version(name: str, v: int) -> str:
    """The file's text as first published (0) or revised (1, 2): a changed file."""
    text = original(name)
    if v == 0:
        return text
    changed = text.replace("建成", "建好", 1) if v == 1 else text.replace("推进", "加快", 1)
    return changed if changed != text else text + "\n" * v


_extracted: dict[tuple[str, str], kg.build.Extracted] = {}


def cached_extract(path):
    # Reading and mention finding are per report and deterministic: memoised, so the
    # test spends its time on derivation, which is what it checks.
    key = (str(path), Path(path).read_text("utf-8"))
    if key not in _extracted:
        _extracted[key] = real_extract(path)
    return copy.deepcopy(_extracted[key])


real_extract = kg.build.extract.extract_report


def exports(store: Store) -> str:
    graph = store.load()
    out = {name: export(graph) for name, export in EXPORTS.items()}
    return json.dumps(out, ensure_ascii=False, indent=1) + "\n" + to_json(graph)


def stored_rows(store: Store) -> dict[str, list]:
    """Every row of every table (a blob by its digest and size): a build that writes only
    part of the store must leave the index tables the read commands use, which the
    exports above do not read, as a build from scratch does."""
    with sqlite3.connect(store.db_file) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {
            table: sorted(
                conn.execute(
                    "SELECT report, layer, digest, size FROM layers" if table == "layers" else f"SELECT * FROM {table}"
                ).fetchall(),
                key=repr,
            )
            for table in tables
        }


def from_scratch(files: dict[str, int], folder: Path) -> tuple[str, dict[str, list]]:
    store = Store(folder / "scratch")
    if files:
        build([folder / "files" / name for name in sorted(files)], store, workers=1)
    else:
        store.save(store.load())
    return exports(store), stored_rows(store)


operations = st.lists(
    st.tuples(st.sampled_from(["add", "replace", "remove"]), st.sampled_from(FILES)),
    min_size=1,
    max_size=5,
)


@pytest.fixture(autouse=True)
def memoised_extraction(monkeypatch):
    monkeypatch.setattr(kg.build.extract, "extract_report", cached_extract)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.sets(st.sampled_from(FILES), min_size=1, max_size=4), ops=operations)
def test_any_sequence_of_changes_equals_a_build_from_scratch(first, ops):
    folder = Path(tempfile.mkdtemp())
    try:
        (folder / "files").mkdir()
        current: dict[str, int] = {}
        store = Store(folder / "store")
        for name in sorted(first):
            (folder / "files" / name).write_text(version(name, 0), "utf-8")
            current[name] = 0
        build([folder / "files" / name for name in sorted(first)], store, workers=1)
        for op, name in ops:
            path = folder / "files" / name
            if op == "remove":
                if name in current:
                    remove([str(path)], store)
                    del current[name]
                    path.unlink()
                continue
            if op == "replace" and name in current:
                current[name] = (current[name] + 1) % 3
            else:
                current.setdefault(name, 0)
            path.write_text(version(name, current[name]), "utf-8")
            build([path], store, workers=1)
        expected_exports, expected_rows = from_scratch(current, folder)
        assert exports(store) == expected_exports
        assert stored_rows(store) == expected_rows
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_adding_a_report_derives_only_its_town_again(tmp_path):
    store = Store(tmp_path / "s")
    build([REPORTS / name for name in SAMPLES], store, workers=1)
    summary = build([REPORTS / "003_68189976bd792ce1.txt"], store, workers=1)
    assert summary.rederived_towns == 1  # 罗店镇: its report replaced by itself


def test_remove_by_id_prefix_name_or_path(tmp_path):
    store = Store(tmp_path / "s")
    build([REPORTS / name for name in SAMPLES], store, workers=1)
    first = next(r["id"] for r in EXPORTS["reports"](store.load()) if r["source"].endswith("000_dd07b67f804f2d67.txt"))
    assert remove([first[:6]], store).removed == [first]
    summary = remove(["002_273361674173251b.txt", str(REPORTS / "003_68189976bd792ce1.txt")], store)
    assert summary.reports_in_store == 2
    assert {r["town"] for r in EXPORTS["reports"](store.load())} == {"庙行镇", "高境镇"}
    with pytest.raises(KgError, match="no report 'nothing' in the store"):
        remove(["nothing"], store)
    # the name without its suffix, as kg show takes it; an empty key names no report
    assert remove(["001_8d55160e06e9d7cd"], store).reports_in_store == 1
    with pytest.raises(KgError, match="no report '' in the store"):
        remove([""], store)


def _derived_rows(store: Store) -> tuple[list, int]:
    with sqlite3.connect(store.db_file) as conn:
        layers = sorted(conn.execute("SELECT report, layer FROM layers").fetchall())
        claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    return layers, claims


def test_a_copy_with_other_line_ends_leaves_the_stored_report_whole(tmp_path):
    # The copy is a duplicate, but its town's reports were loaded to find that out and
    # were written back without their claims (found in review).
    store = Store(tmp_path / "s")
    build([REPORTS / "001_8d55160e06e9d7cd.txt"], store, workers=1)
    before = (_derived_rows(store), exports(store))
    assert before[0][1] > 0
    copy_ = tmp_path / "copy" / "001.txt"
    copy_.parent.mkdir()
    # (other line ends: the memoised extraction of this module reads files as UTF-8)
    copy_.write_bytes((REPORTS / "001_8d55160e06e9d7cd.txt").read_text("utf-8").replace("\n", "\r\n").encode("utf-8"))
    summary = build([copy_], store, workers=1)
    assert summary.duplicates and summary.loaded == 0
    assert (_derived_rows(store), exports(store)) == before


def test_a_town_of_the_same_name_elsewhere_leaves_the_stored_one_whole(tmp_path):
    # Same town name and date in another district: the stored report's town is loaded
    # (it might be the same report) and must keep its derived layers.
    files = tmp_path / "files"
    files.mkdir()
    other = files / "elsewhere.txt"
    other.write_text(original("001_8d55160e06e9d7cd.txt").replace("宝山区", "嘉定区").replace("建成", "建好", 1), "utf-8")
    store = Store(tmp_path / "s")
    build([REPORTS / "001_8d55160e06e9d7cd.txt"], store, workers=1)
    build([other], store, workers=1)
    scratch = Store(tmp_path / "scratch")
    build([REPORTS / "001_8d55160e06e9d7cd.txt", other], scratch, workers=1)
    assert exports(store) == exports(scratch)
    assert stored_rows(store) == stored_rows(scratch)


def test_a_first_build_holds_one_towns_layers_at_a_time(tmp_path, monkeypatch):
    # Every report's sentences in memory at once took a 1000-report first build to 1.6 GB.
    held = []
    real_town_graph = kg.build.first.town_graph

    def spy(graph, report_ids, by_report):
        held.append(({d["report"] for _, d in graph.nodes(data=True) if d.get("label") == "Sentence"}, set(report_ids)))
        return real_town_graph(graph, report_ids, by_report)

    monkeypatch.setattr(kg.build.first, "town_graph", spy)
    files = tmp_path / "files"
    files.mkdir()
    for name in FILES:
        (files / name).write_text(original(name), "utf-8")
    summary = build([files], Store(tmp_path / "s"), workers=1)
    assert summary.rederived_towns == len(held) == 6
    assert all(sentences == town for sentences, town in held)


def test_a_first_build_equals_a_build_a_report_at_a_time(tmp_path):
    files = tmp_path / "files"
    files.mkdir()
    for name in FILES:
        (files / name).write_text(original(name), "utf-8")
    # The same report with other line ends, and a folder of no reports: a duplicate and an error.
    (files / "copy.txt").write_bytes(original(SAMPLES[1]).replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "none").mkdir()
    at_once = Store(tmp_path / "at-once")
    summary = build([files, tmp_path / "none"], at_once, workers=1)
    assert summary.loaded == len(FILES) and len(summary.duplicates) == 1 and len(summary.errors) == 1
    one_by_one = Store(tmp_path / "one-by-one")
    for path in sorted(files.iterdir()):
        build([path], one_by_one, workers=1)
    assert exports(at_once) == exports(one_by_one)
    assert stored_rows(at_once) == stored_rows(one_by_one)
