"""Reading and extraction in parallel give the store a serial build gives."""

import json

import pytest

from kg.build import build, extract_all
from kg.graph.store import Store
from kg.sinks.files import to_json
from kg.views.records import EXPORTS

from .conftest import REPORTS


def exports(store: Store) -> str:
    graph = store.load()
    return json.dumps({n: e(graph) for n, e in EXPORTS.items()}, ensure_ascii=False) + to_json(graph)


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("serial") / "store")
    build([REPORTS], store, workers=1)
    return exports(store)


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
