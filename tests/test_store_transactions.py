"""The store as a database: a killed build leaves the old store whole, concurrent builds
wait for each other, and read commands see one consistent state."""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

from kg.build import build
from kg.graph.store import Store
from kg.views.records import EXPORTS

from .conftest import REPORTS

FIRST, SECOND, THIRD = "001_8d55160e06e9d7cd.txt", "002_273361674173251b.txt", "004_ba4aa9962f5a29a2.txt"


def snapshot(store: Store) -> str:
    graph = store.load()
    exports = {name: export(graph) for name, export in EXPORTS.items()}
    return json.dumps([exports, sorted(graph.nodes), sorted(graph.edges(keys=True))], ensure_ascii=False, sort_keys=True)


def kg_build(store_path, *files, env=None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "from kg.cli import main; main()", "build", "--store", str(store_path), *map(str, files)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    """A store holding one report (the old state) and the state after adding a second."""
    root = tmp_path_factory.mktemp("states")
    old = Store(root / "old")
    build([REPORTS / FIRST], old)
    new = Store(root / "new")
    shutil.copytree(old.path, new.path)
    build([REPORTS / SECOND], new)
    return old, snapshot(old), snapshot(new)


def _wal(path) -> int:
    # SQLite deletes the write-ahead log when the last connection closes, so it can vanish
    # between a check and a stat: ask once and take a missing file as an empty log.
    try:
        return (path / "kg.sqlite-wal").stat().st_size
    except FileNotFoundError:
        return 0


def test_a_build_killed_at_any_moment_leaves_the_old_or_the_new_store(states, tmp_path):
    old, old_state, new_state = states
    rng = random.Random(16)
    seen = []
    # Some kills land while the transaction writes (the write-ahead log grows), the
    # others at random moments of the whole build.
    for attempt in range(8):
        target = tmp_path / f"s{attempt}"
        shutil.copytree(old.path, target)
        process = kg_build(target, REPORTS / SECOND)
        if attempt % 2 == 0:
            deadline = time.monotonic() + 120
            while _wal(target) == 0 and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.0005)
            time.sleep(rng.uniform(0, 0.02))
        else:
            time.sleep(rng.uniform(0.2, 4.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        state = snapshot(Store(target))
        assert state in (old_state, new_state), f"attempt {attempt}: the store is neither the old nor the new one"
        seen.append("new" if state == new_state else "old")
        # A later build completes the interrupted one.
        assert kg_build(target, REPORTS / SECOND).wait() == 0
        assert snapshot(Store(target)) == new_state
    assert "old" in seen


def test_two_builds_at_once_wait_for_each_other(tmp_path):
    target = tmp_path / "shared"
    first, second = kg_build(target, REPORTS / FIRST, REPORTS / SECOND), kg_build(target, REPORTS / THIRD)
    assert first.wait() == 0, first.stderr.read()
    assert second.wait() == 0, second.stderr.read()
    serial = Store(tmp_path / "serial")
    build([REPORTS / FIRST, REPORTS / SECOND, REPORTS / THIRD], serial)
    assert snapshot(Store(target)) == snapshot(serial)


def test_a_build_that_cannot_get_the_store_stops_with_one_line(tmp_path):
    store = Store(tmp_path / "busy")
    build([REPORTS / FIRST], store)
    before = snapshot(store)
    with store.writing():  # another writer holds the lock
        process = kg_build(store.path, REPORTS / SECOND, env={"KG_STORE_TIMEOUT": "1"})
        _, err = process.communicate(timeout=120)
    assert process.returncode == 1
    assert err.strip().splitlines()[-1].startswith(f"kg: {store.path}: the store is busy")
    assert len([line for line in err.splitlines() if "busy" in line]) == 1
    assert snapshot(store) == before


def test_readers_see_the_last_finished_write_while_a_build_writes(tmp_path):
    store = Store(tmp_path / "s")
    build([REPORTS / FIRST], store)
    before = snapshot(store)
    with store.writing() as tx:
        graph = tx.load()
        graph.add_node("x", label="Town", id="x", name="x")
        tx.save(graph)
        assert snapshot(store) == before  # not committed yet
    assert "x" in store.load()
