"""Every scaling figure of kg, each with its baseline measured in the same run, on the
recombined corpus of ``bench/corpus.py`` (see docs/SCALING.md for the targets).

    .venv/bin/python bench/run.py --quick          # 20 and 100 reports, a few minutes
    .venv/bin/python bench/run.py                  # 100 and 1000 reports
    .venv/bin/python bench/run.py --neo4j          # also push and canned queries (NEO4J_URI…; wipes that database)
    .venv/bin/python bench/run.py --add-only       # only the full build of 1000 and adding the 1001st

Builds run as subprocesses (``resource.getrusage`` gives each its own peak memory).
Figures: build throughput against plain ``jieba.cut`` over the same text (default
workers and one worker), large vs small corpus build time, peak memory, store size,
adding one report as a share of a full build, ``kg status`` / ``kg trace`` / ``kg export
commitments`` on the large store, and with ``--neo4j``: an incremental push after adding
one report as a share of a full push, the full push against a per-row MERGE loop on a
sample, and the canned queries' medians.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate  # noqa: E402

_BUILD = """
import json, resource, sys, time
from kg.build import build
from kg.graph.store import Store
files, store, workers = json.loads(sys.argv[1])
t = time.perf_counter()
s = build(files, Store(store), workers=workers)
elapsed = time.perf_counter() - t
usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
peak = max(u.ru_maxrss for u in usage)
cpu = sum(u.ru_utime + u.ru_stime for u in usage)
print(json.dumps({"seconds": elapsed, "cpu": cpu, "peak_kb": peak, "loaded": s.loaded, "towns": s.rederived_towns}))
"""


def run_build(files: list[Path], store: Path, workers: int | None) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _BUILD, json.dumps([[str(f) for f in files], str(store), workers])],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def jieba_seconds(files: list[Path]) -> float:
    import jieba

    jieba.initialize()
    texts = [f.read_text("utf-8") for f in files]
    start = time.perf_counter()
    for text in texts:
        for _ in jieba.cut(text):
            pass
    return time.perf_counter() - start


def store_bytes(store: Path) -> int:
    return sum(p.stat().st_size for p in store.iterdir() if p.name.startswith("kg.sqlite"))


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_cli(*args: str, rounds: int = 3) -> tuple[float, float]:
    """Median wall and CPU (user+sys) seconds of a kg command in a fresh process."""
    samples, cpu = [], []
    for _ in range(rounds):
        start, cpu_start = time.perf_counter(), _children_cpu()
        subprocess.run(
            [sys.executable, "-c", "from kg.cli import main; main()", *args], check=True, capture_output=True, cwd=ROOT
        )
        samples.append(time.perf_counter() - start)
        cpu.append(_children_cpu() - cpu_start)
    return statistics.median(samples), statistics.median(cpu)


def timed_call(func, rounds: int = 3) -> tuple[float, float]:
    """Median wall and CPU seconds of an in-process call."""
    samples, cpu = [], []
    for _ in range(rounds):
        start, cpu_start = time.perf_counter(), time.process_time()
        func()
        samples.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu_start)
    return statistics.median(samples), statistics.median(cpu)


def line(name: str, value: str, target: str, met: bool | None) -> None:
    verdict = "" if met is None else ("met" if met else "MISSED")
    print(f"{name:<58} {value:>22}   target {target:<14} {verdict}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="20 and 100 reports instead of 100 and 1000")
    parser.add_argument("--neo4j", action="store_true", help="push and query figures (NEO4J_URI/USER/PASSWORD; wipes it)")
    parser.add_argument(
        "--neo4j-only", action="store_true", help="only the push and query figures, on the stores an earlier run left in --work"
    )
    parser.add_argument(
        "--add-only", action="store_true", help="only the large build and adding one report to it (the ratio and its CPU)"
    )
    parser.add_argument("--work", type=Path, default=None, help="folder for corpora and stores (default: a temporary one)")
    parser.add_argument(
        "--push-rounds", type=int, default=3, help="full pushes (each into an emptied database) against the per-row loop"
    )
    args = parser.parse_args()
    small_n, large_n = (20, 100) if args.quick else (100, 1000)
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    cores = os.cpu_count()
    if args.neo4j_only:
        push_figures(work / "s-large", work / "s-large-before-add", large_n, args.push_rounds)
        return
    print(f"kg bench: {small_n} and {large_n} reports, {cores} cores, work folder {work}", flush=True)
    # On a shared machine the load says how far wall times are from CPU times.
    print("load average (1, 5, 15 min): {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()), flush=True)

    corpus = work / f"corpus-{large_n + 1}"
    if not corpus.exists():
        generate(large_n + 1, corpus)
    files = sorted(corpus.glob("*.txt"))
    small, large, extra = files[:small_n], files[:large_n], files[large_n]
    chars = sum(len(f.read_text("utf-8")) for f in large)
    print(f"corpus: {large_n} reports, {chars:,} characters (small: {small_n})", flush=True)

    def fresh(name: str) -> Path:
        path = work / name
        shutil.rmtree(path, ignore_errors=True)
        return path

    if args.add_only:
        add_figures(large, extra, fresh("s-large"), work / "s-large-before-add", large_n)
        return
    jieba_small = jieba_seconds(small)
    default_small = run_build(small, fresh("s-small-default"), None)
    one_small = run_build(small, fresh("s-small-one"), 1)
    line(
        f"build throughput, default workers ({cores}), {small_n} reports",
        f"{jieba_small / default_small['seconds']:.2f}× jieba.cut",
        "≥ 1.0×",
        jieba_small / default_small["seconds"] >= 1.0,
    )
    print(
        f"    jieba.cut {jieba_small:.1f}s, build {default_small['seconds']:.1f}s (CPU {default_small['cpu']:.1f}s)", flush=True
    )
    line(
        f"build throughput, 1 worker, {small_n} reports",
        f"{jieba_small / one_small['seconds']:.2f}× jieba.cut",
        "≥ 0.5×",
        jieba_small / one_small["seconds"] >= 0.5,
    )
    print(f"    build {one_small['seconds']:.1f}s (CPU {one_small['cpu']:.1f}s)", flush=True)

    large_store = fresh("s-large")
    big = run_build(large, large_store, None)
    ratio = big["seconds"] / default_small["seconds"]
    line(f"build time {large_n} vs {small_n} reports", f"{ratio:.2f}× ({big['seconds']:.0f}s)", "≤ 10.5×", ratio <= 10.5)
    print(f"    CPU {big['cpu']:.0f}s vs {default_small['cpu']:.1f}s", flush=True)
    line(f"peak memory of the {large_n}-report build", f"{big['peak_kb'] / 1024:.0f} MB", "≤ 1 GB", big["peak_kb"] <= 1024 * 1024)
    size = store_bytes(large_store)
    line(f"store size, {large_n} reports", f"{size / 1e6:.1f} MB", "≤ 150 MB", size <= 150e6)

    before_add = work / "s-large-before-add"
    measure_add(big, extra, large_store, before_add, large_n)

    from kg.build import find_reports  # noqa: F401  (import cost paid here, not in the timings)
    from kg.graph.store import Store, commitments_text, kept_traces, scorecard_rows
    from kg.views.timeline import kept_timeline

    store = Store(large_store)
    name = "智力产业园"
    baseline, baseline_cpu = timed_cli("--version")
    for label, cli, call in (
        ("kg status", ("status", "--store", str(large_store)), lambda: scorecard_rows(store)),
        (
            f"kg trace {name}",
            ("trace", name, "--json", "--store", str(large_store)),
            lambda: [kept_timeline(name, [e for e, _ in found], kept) for found, kept in [kept_traces(store, name)]],
        ),
        (
            "kg export commitments",
            ("export", "commitments", "--store", str(large_store)),
            lambda: commitments_text(store),
        ),
    ):
        (wall, wall_cpu), (inside, inside_cpu) = timed_cli(*cli), timed_call(call)
        line(f"{label} on {large_n} reports (command; in-process)", f"{wall:.2f}s; {inside:.2f}s", "≤ 1 s", wall <= 1.0)
        print(f"    CPU {wall_cpu:.2f}s; {inside_cpu:.2f}s", flush=True)
    print(f"    python start-up and kg import alone (kg --version): {baseline:.2f}s (CPU {baseline_cpu:.2f}s)", flush=True)
    print("load average (1, 5, 15 min): {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()), flush=True)

    if args.neo4j:
        push_figures(large_store, before_add, large_n, args.push_rounds)


def add_figures(large: list[Path], extra: Path, large_store: Path, before_add: Path, large_n: int) -> None:
    """The full build of the large corpus and adding one report to it, measured in one run;
    the add's store is copied first, so that the add can be timed again (or profiled)."""
    big = run_build(large, large_store, None)
    print(f"    full build {big['seconds']:.1f}s (CPU {big['cpu']:.1f}s)", flush=True)
    measure_add(big, extra, large_store, before_add, large_n)
    print("load average (1, 5, 15 min): {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()), flush=True)


def measure_add(big: dict, extra: Path, large_store: Path, before_add: Path, large_n: int) -> None:
    """Add one report to the built large store and print its share of the full build ``big``;
    the store before the add is kept in ``before_add`` (the push figures and a profile start there)."""
    shutil.rmtree(before_add, ignore_errors=True)
    shutil.copytree(large_store, before_add)
    added = run_build([extra], large_store, None)
    share = added["seconds"] / big["seconds"]
    line(
        f"adding one report to the {large_n}-report store", f"{share * 100:.1f}% ({added['seconds']:.1f}s)", "≤ 5%", share <= 0.05
    )
    print(
        f"    towns derived again: {added['towns']}; CPU {added['cpu']:.1f}s vs {big['cpu']:.0f}s "
        f"({added['cpu'] / big['cpu'] * 100:.1f}%)",
        flush=True,
    )


def push_figures(large_store: Path, before_add: Path, large_n: int, rounds: int = 3) -> None:
    import random

    from bench_push import naive_push

    from kg.graph.store import Store
    from kg.sinks.connection import Connection, connect
    from kg.sinks.neo4j import push, push_store, wipe_database
    from kg.sinks.queries import canned_queries, run_query

    connection = Connection.from_env()
    driver = connect(connection)
    with driver.session(database=connection.database) as session:
        wipe_database(session)
    driver.close()
    old_graph, old_digests = Store(before_add).load_with_digests()
    start = time.perf_counter()
    push(
        old_graph, connection, incremental=True, digests=old_digests
    )  # nothing recorded yet: a full push, which records the hashes
    full = time.perf_counter() - start
    new_graph, new_digests = Store(large_store).load_with_digests()  # as kg push reads the store
    start = time.perf_counter()
    summary = push(new_graph, connection, incremental=True, digests=new_digests)
    incremental = time.perf_counter() - start
    line(
        f"push after adding one report vs a full push ({large_n} reports)",
        f"{incremental / full * 100:.1f}% ({incremental:.1f}s)",
        "≤ 5%",
        incremental / full <= 0.05,
    )
    print(
        f"    full push {full:.1f}s; incremental pushed {summary.node_count} nodes, {summary.relationship_count} relationships",
        flush=True,
    )
    # What kg push --incremental does, reading the store included: back to the earlier
    # store's record first (the same rows written back), then the added report again.
    push_store(Store(before_add), connection, incremental=True)
    start = time.perf_counter()
    push_store(Store(large_store), connection, incremental=True)
    command = time.perf_counter() - start
    print(
        f"    from the store (kg push --incremental, reading included): {command:.1f}s = {command / full * 100:.1f}% "
        f"(load {os.getloadavg()[0]:.1f})",
        flush=True,
    )
    rng = random.Random(1)
    sample_nodes = rng.sample(list(new_graph.nodes), 1500)
    sample_edges = rng.sample(list(new_graph.edges(keys=True)), 1500)

    def naive_rate() -> float:
        start = time.perf_counter()
        naive_push(new_graph, connection, sample_nodes, sample_edges)
        return 3000 / (time.perf_counter() - start)

    # The machine is shared: each round is a full push into an emptied database and the
    # per-row loop right after it, and the ratio is the median round's.
    ratios = [(old_graph.number_of_nodes() + old_graph.number_of_edges()) / full / naive_rate()]
    print(f"    round 1: {ratios[-1]:.1f}× (the full push above; load {os.getloadavg()[0]:.1f})", flush=True)
    for round_ in range(2, rounds + 1):
        driver = connect(connection)
        with driver.session(database=connection.database) as session:
            wipe_database(session)
        driver.close()
        start = time.perf_counter()
        push(new_graph, connection)
        seconds = time.perf_counter() - start
        ratios.append((new_graph.number_of_nodes() + new_graph.number_of_edges()) / seconds / naive_rate())
        print(f"    round {round_}: {ratios[-1]:.1f}× (full push {seconds:.1f}s; load {os.getloadavg()[0]:.1f})", flush=True)
    ratio = statistics.median(ratios)
    line("full push vs per-row MERGE loop (rows/s, median round)", f"{ratio:.1f}×", "≥ 20×", ratio >= 20)

    # The sample loop wrote the same properties the push had: the database still mirrors the store.
    def median_ms(query, params: dict) -> float:
        samples = []
        for _ in range(5):
            start = time.perf_counter()
            run_query(connection, query, params)
            samples.append(time.perf_counter() - start)
        return statistics.median(samples) * 1e3

    for query in canned_queries():
        median = median_ms(query, dict(query.examples))
        line(f"canned query {query.name} (median of 5)", f"{median:.0f} ms", "< 200 ms", median < 200)
        # An answer's optional parts (metro-and-places' paths) on request: measured, no target.
        switches = [p for p in query.optional if query.examples[p] is False]
        if switches:
            print(
                f"    with {', '.join(switches)}: {median_ms(query, dict(query.examples) | dict.fromkeys(switches, True)):.0f} ms"
            )
    print(f"    load average {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
