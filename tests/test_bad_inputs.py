"""The bad-input corpus (``tests/bad_inputs.py``) through ``kg build``: each case gives
one clear line naming the file and the reason, the other files still load, the exit
status tells whether anything failed, and a store that already held reports keeps them
exactly, without duplicates."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build, text_fingerprint
from kg.cli import main
from kg.graph.store import Store
from loaders import LoaderError, load

from . import bad_inputs
from .bad_inputs import BASE, CASES, COMPANION, INVISIBLE, VALID, Case

ROOT = Path(__file__).resolve().parent.parent
LEXICAL = {"Report", "Part", "Section", "Sentence", "Town", "District"}


def test_the_corpus_has_at_least_twenty_cases_each_with_an_outcome():
    assert len(CASES) >= 20
    assert len({c.name for c in CASES}) == len(CASES)
    assert all(c.outcome in {"loads", "fails", "duplicate"} for c in CASES)
    assert all(c.reason for c in CASES if c.outcome != "loads")


@pytest.fixture(scope="module")
def base_store(tmp_path_factory) -> Path:
    """A store that already holds two reports (003, 004) before the bad files come."""
    folder = tmp_path_factory.mktemp("base")
    for path in BASE:
        shutil.copy(path, folder)
    store = tmp_path_factory.mktemp("base-store") / "store"
    summary = build([folder], Store(store))
    assert summary.loaded == 2 and not summary.failed
    return store


def _fingerprints(graph) -> dict[str, str]:
    by_report: dict[str, list] = {}
    for _, d in graph.nodes(data=True):
        if d.get("label") == "Sentence":
            by_report.setdefault(d["report"], []).append((d["start"], d["text"]))
    return {r: text_fingerprint(rows) for r, rows in by_report.items()}


def _assert_kept_and_not_duplicated(before, after) -> None:
    """Every report, part, section, sentence and place of ``before`` is in ``after`` as
    it was; no report's text is stored twice."""
    for node, data in before.nodes(data=True):
        if data["label"] in LEXICAL:
            assert node in after and after.nodes[node] == data, f"{data['label']} {node} lost or changed"
    for start, end, key in before.edges(keys=True):
        if before.nodes[start]["label"] in LEXICAL and before.nodes[end]["label"] in LEXICAL:
            assert after.has_edge(start, end, key)
    fingerprints = list(_fingerprints(after).values())
    assert len(fingerprints) == len(set(fingerprints)), "the same report text is stored twice"


def _lines_naming(output: str, path: Path) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(f"kg: {path}: ")]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_each_bad_input_beside_a_good_one_into_an_existing_store(case: Case, base_store, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(base_store, store)
    before = Store(store).load()
    folder = tmp_path / "in"
    folder.mkdir()
    paths = case.make(folder)
    companion = tmp_path / "good" / COMPANION.name
    companion.parent.mkdir()
    shutil.copy(COMPANION, companion)

    result = CliRunner().invoke(main, ["build", *map(str, paths), str(companion), "--store", str(store)])

    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    named = case.named(folder) if case.named else paths[0]
    lines = _lines_naming(result.output, named)
    if case.outcome == "fails":
        assert result.exit_code == 1
        assert len(lines) == 1 and case.reason in lines[0], result.output
    else:
        assert result.exit_code == 0, result.output
        if case.reason:
            assert len(lines) == 1 and case.reason in lines[0], result.output
        else:
            assert not lines, result.output
    after = Store(store).load()
    _assert_kept_and_not_duplicated(before, after)
    towns = sorted(d.get("town") for _, d in after.nodes(data=True) if d.get("label") == "Report")
    expected = sorted(["罗店镇", "高境镇", "大场镇"] + ([case.town] if case.town else []))
    assert towns == expected


def test_a_second_build_of_the_same_inputs_changes_nothing(base_store, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(base_store, store)
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(VALID, folder)
    (folder / "empty.txt").write_bytes(b"")
    build([folder], Store(store))
    first = Store(store).load()
    summary = build([folder], Store(store))
    assert summary.failed and summary.loaded == 1
    second = Store(store).load()
    assert sorted(first.nodes) == sorted(second.nodes)
    assert sorted(first.edges(keys=True)) == sorted(second.edges(keys=True))


def test_the_whole_corpus_in_one_real_kg_build(tmp_path):
    """The real command over every case at once: one line per bad file, no traceback,
    exit status 1, each report text loaded once."""
    paths: dict[str, list[Path]] = {}
    for case in CASES:
        folder = tmp_path / "corpus" / case.name
        folder.mkdir(parents=True)
        paths[case.name] = case.make(folder)
    store = tmp_path / "store"
    command = [sys.executable, "-m", "kg.cli", "build", *(str(p) for ps in paths.values() for p in ps), "--store", str(store)]
    result = subprocess.run(
        command,
        check=False,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    for case in CASES:
        folder = tmp_path / "corpus" / case.name
        named = case.named(folder) if case.named else paths[case.name][0]
        lines = _lines_naming(result.stderr, named)
        if case.outcome == "fails" or case.reason:
            assert len(lines) == 1, (case.name, result.stderr)
            if case.outcome == "fails":
                assert case.reason in lines[0]
    # The same text in several encodings and copies is loaded once.
    graph = Store(store).load()
    fingerprints = list(_fingerprints(graph).values())
    assert len(fingerprints) == len(set(fingerprints))
    reports = [d for _, d in graph.nodes(data=True) if d.get("label") == "Report"]
    assert {d["town"] for d in reports} == {"庙行镇"}
    # Every line the build printed about a file is one line: "kg: PATH: reason".
    assert all(line.startswith("kg: ") for line in result.stderr.splitlines() if line.strip())


def test_debug_shows_the_traceback_of_an_unexpected_error_and_the_rest_still_loads(tmp_path, monkeypatch):
    import loaders

    real = loaders.build_report

    def broken(report):
        if "broken" in report.source:
            raise ZeroDivisionError("a bug")
        return real(report)

    monkeypatch.setattr(loaders, "build_report", broken)
    shutil.copy(VALID, tmp_path / "broken.txt")
    shutil.copy(COMPANION, tmp_path / "good.txt")
    plain = CliRunner().invoke(main, ["build", str(tmp_path), "--store", str(tmp_path / "s1")])
    assert plain.exit_code == 1
    assert "Traceback" not in plain.output
    [line] = _lines_naming(plain.output, tmp_path / "broken.txt")
    assert "ZeroDivisionError: a bug" in line and "--debug" in line
    assert "1 report across 1 town " in plain.output
    debug = CliRunner().invoke(main, ["--debug", "build", str(tmp_path), "--store", str(tmp_path / "s2")])
    assert debug.exit_code == 1
    assert "Traceback" in debug.output and "ZeroDivisionError" in debug.output


def test_an_unexpected_error_outside_loading_is_one_line_unless_debug(tmp_path, monkeypatch):
    import kg.build

    def broken(*args, **kwargs):
        raise RuntimeError("the store\nexploded")

    # kg build calls the library function kg.build.build (imported when the command runs)
    monkeypatch.setattr(kg.build, "build", broken)
    shutil.copy(VALID, tmp_path)
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        "kg: unexpected error: RuntimeError: the store exploded (run kg --debug … for the traceback)"
    )
    debug = CliRunner().invoke(main, ["--debug", "build", str(tmp_path), "--store", str(tmp_path / "s")])
    assert isinstance(debug.exception, RuntimeError)


# --- what "loads" means for the odd encodings and characters ---------------------------


@pytest.mark.parametrize(
    "name", ["gb18030", "gb18030-bom", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "invisible-characters"]
)
def test_odd_encodings_and_invisible_characters_give_the_clean_reports_text(name, tmp_path, sample_reports):
    [path] = next(c for c in CASES if c.name == name).make(tmp_path)
    report = load(path)
    clean = sample_reports[VALID.name]
    assert report.original == clean.original
    assert [s.text for s in report.sentences()] == [s.text for s in clean.sentences()]
    # The offsets point into the visible text: each sentence is quoted as published.
    assert [report.quote(s) for s in report.sentences()] == [clean.quote(s) for s in clean.sentences()]
    assert not any(ch in report.original for ch in INVISIBLE)


def test_gbk_loads_like_the_same_text_in_utf8(tmp_path):
    [path] = next(c for c in CASES if c.name == "gbk").make(tmp_path)
    same = tmp_path / "utf8.txt"
    same.write_text(bad_inputs.gbk_safe(bad_inputs.valid_text()), "utf-8")
    assert [s.text for s in load(path).sentences()] == [s.text for s in load(same).sentences()]


def test_invisible_characters_inside_a_heading_and_a_name_do_not_hide_them(tmp_path, sample_reports):
    [path] = next(c for c in CASES if c.name == "invisible-characters").make(tmp_path)
    report = load(path)
    assert [p.kind for p in report.parts] == [p.kind for p in sample_reports[VALID.name].parts]
    assert report.town == "庙行镇"


# --- memory stays bounded --------------------------------------------------------------


def test_a_50_mb_text_file_is_refused_without_being_read(tmp_path):
    big = tmp_path / "big.txt"
    bad_inputs.write_big(big)
    assert big.stat().st_size == bad_inputs.BIG_BYTES
    tracemalloc.start()
    try:
        with pytest.raises(LoaderError, match="file too large"):
            load(big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000  # bytes: the file was never read into memory


_RSS = """
import resource, sys
from kg.build import build
from kg.graph.store import Store
summary = build(sys.argv[2:], Store(sys.argv[1]))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, summary.loaded, len(summary.errors))
"""


def _peak_rss_kb(store: Path, *paths: Path) -> tuple[int, int, int]:
    out = subprocess.run(
        [sys.executable, "-c", _RSS, str(store), *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=600,
    ).stdout.split()
    return int(out[0]), int(out[1]), int(out[2])


def test_building_with_a_50_mb_file_costs_no_more_memory_than_without_it(tmp_path):
    big = tmp_path / "big.txt"
    bad_inputs.write_big(big)
    good = tmp_path / VALID.name
    shutil.copy(VALID, good)
    without, loaded, errors = _peak_rss_kb(tmp_path / "s1", good)
    assert (loaded, errors) == (1, 0)
    with_big, loaded, errors = _peak_rss_kb(tmp_path / "s2", good, big)
    assert (loaded, errors) == (1, 1)
    assert with_big - without < 20 * 1024, f"peak RSS {without} kB without the big file, {with_big} kB with it"
    assert with_big < 2 * 1024 * 1024  # a generous absolute bound: 2 GB


# --- an unreadable file -----------------------------------------------------------------


# The interpreter and the libraries may live where only root can read (a home folder):
# the child loads everything a build needs, by building a sample report while still root,
# and only then becomes nobody and runs the command.
_AS_NOBODY = """
import contextlib, io, os, sys, tempfile
from kg.build import sample_reports_dir
from kg.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    main(["build", str(sample_reports_dir() / "001_8d55160e06e9d7cd.txt"), "--store", tempfile.mkdtemp()],
         standalone_mode=False)
os.setgroups([]); os.setgid(65534); os.setuid(65534)
main(sys.argv[1:], prog_name="kg")
"""


def test_an_unreadable_file_is_named_and_the_rest_load(tmp_path):
    """chmod 000 does not stop root, so as root the build runs in a child that has
    dropped to the user nobody."""
    import tempfile

    # Outside pytest's own temporary folder, which only root may enter.
    folder = Path(tempfile.mkdtemp(prefix="kg-unreadable-"))
    try:
        folder.chmod(0o777)
        secret = folder / "locked report.txt"
        shutil.copy(VALID, secret)
        secret.chmod(0o000)
        good = folder / COMPANION.name
        shutil.copy(COMPANION, good)
        good.chmod(0o644)
        # One worker: as nobody, the child cannot import the interpreter's own modules
        # (they live under root's home here), and a process pool imports some late. The
        # pool itself is tested in test_parallel.
        args = ["build", str(secret), str(good), "--store", str(folder / "store"), "--workers", "1"]
        env = {**os.environ, "HOME": str(folder), "PYTHONPATH": str(ROOT)}
        if os.geteuid() == 0:
            probe = subprocess.run(
                [sys.executable, "-c", "import os; os.setgid(65534); os.setuid(65534)"],
                capture_output=True,
                env=env,
                cwd=folder,
                check=False,
            )
            if probe.returncode:
                pytest.skip(f"running as root and cannot drop to nobody to test permissions: {probe.stderr[-200:]!r}")
            command = [sys.executable, "-c", _AS_NOBODY, *args]
        else:
            command = [sys.executable, "-m", "kg.cli", *args]
        result = subprocess.run(command, check=False, capture_output=True, text=True, env=env, cwd=folder, timeout=300)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        [line] = _lines_naming(result.stderr, secret)
        assert "cannot read: Permission denied" in line
        assert "1 report across 1 town " in result.stdout
    finally:
        shutil.rmtree(folder, ignore_errors=True)
