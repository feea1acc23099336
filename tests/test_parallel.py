"""Reading, extraction and the towns' derivation in parallel give the store a serial
build gives."""

import json
import os
import sqlite3
from pathlib import Path

import pytest

import kg.build.first
from kg.build import build, extract_all
from kg.build.derive import town_rows
from kg.graph.store import Store
from kg.sinks.files import to_json
from kg.views.records import EXPORTS

from .conftest import REPORTS


def exports(store: Store) -> str:
    graph = store.load()
    return json.dumps({n: e(graph) for n, e in EXPORTS.items()}, ensure_ascii=False) + to_json(graph)


def stored_rows(store: Store) -> dict[str, list]:
    """Every row of every table: the order the towns' rows are written in must not
    depend on which worker finished first."""
    with sqlite3.connect(store.db_file) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {table: conn.execute(f"SELECT * FROM {table}").fetchall() for table in tables}


@pytest.fixture(scope="module")
def serial_store(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("serial") / "store")
    build([REPORTS], store, workers=1)
    return store


@pytest.fixture(scope="module")
def serial(serial_store):
    return exports(serial_store)


def town_rows_noting_its_process(sub, report_ids):
    # Runs in a forked worker: the parent learns of it from a file, not from memory.
    with open(os.environ["KG_TEST_DERIVED_IN"], "a") as out:
        out.write(f"{os.getpid()} {len(report_ids)}\n")
    return town_rows(sub, report_ids)


def test_the_towns_are_derived_in_the_pool_and_written_as_a_serial_run_writes_them(tmp_path, serial_store, monkeypatch):
    noted = tmp_path / "derived"
    monkeypatch.setenv("KG_TEST_DERIVED_IN", str(noted))
    monkeypatch.setattr(kg.build.first, "town_rows", town_rows_noting_its_process)
    store = Store(tmp_path / "pool")
    summary = build([REPORTS], store, workers=2)
    towns = [line.split() for line in Path(noted).read_text().splitlines()]
    # Four towns of five reports, none of them derived in the main process.
    assert summary.rederived_towns == len(towns) == 4
    assert sorted(int(n) for _, n in towns) == [1, 1, 1, 2]
    assert all(int(pid) != os.getpid() for pid, _ in towns)
    assert stored_rows(store) == stored_rows(serial_store)


def test_the_pool_is_forked_before_the_store_opens_for_writing(tmp_path, monkeypatch):
    # A forked child must not inherit an open SQLite connection: every worker is started
    # before the build's write transaction begins, none while it is open (review finding).
    import multiprocessing

    opened = []
    writing = Store.writing

    def noting(self, *args, **kwargs):
        opened.append(len(multiprocessing.active_children()))
        return writing(self, *args, **kwargs)

    monkeypatch.setattr(Store, "writing", noting)
    build([REPORTS], Store(tmp_path / "store"), workers=2)
    assert opened and opened[0] == 2


def test_a_process_pool_builds_what_a_serial_run_builds(tmp_path, serial):
    store = Store(tmp_path / "pool")
    seen = []
    summary = build([REPORTS], store, workers=2, progress=seen.append)
    assert summary.loaded == 5 and len(seen) == 5
    assert exports(store) == serial


def test_the_pool_keeps_file_order_and_names_bad_files(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    for name in ("000_dd07b67f804f2d67.txt", "003_68189976bd792ce1.txt"):
        (tmp_path / name).write_text((REPORTS / name).read_text("utf-8"), "utf-8")
    items = extract_all([tmp_path], workers=2)
    assert [item.path.rsplit("/", 1)[-1] for item in items] == [
        "000_dd07b67f804f2d67.txt",
        "003_68189976bd792ce1.txt",
        "empty.txt",
    ]
    assert str(items[2].error).endswith("empty.txt: empty file")
    assert items[0].mentions == extract_all([tmp_path / "000_dd07b67f804f2d67.txt"], workers=1)[0].mentions


def test_a_dask_cluster_builds_what_a_serial_run_builds(tmp_path, serial):
    from dask.distributed import LocalCluster  # a test dependency: kg[test] brings it

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        store = Store(tmp_path / "dask")
        summary = build([REPORTS], store, scheduler=cluster.scheduler_address)
    assert summary.loaded == 5
    assert exports(store) == serial
