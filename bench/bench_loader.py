"""Loader throughput on the sample reports, as a ratio against a baseline measured in the
same run (reading and decoding the same files), so that a noisy machine shows in both.

    .venv/bin/python bench/bench_loader.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from loaders import load

REPORTS = sorted((Path(__file__).resolve().parent.parent / "data" / "reports").glob("*.txt"))


def timed(func, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    size = sum(p.stat().st_size for p in REPORTS)
    baseline = timed(lambda: [p.read_bytes().decode("utf-8") for p in REPORTS], args.rounds)
    loader = timed(lambda: [load(p) for p in REPORTS], args.rounds)
    print(f"{len(REPORTS)} reports, {size / 1e6:.3f} MB")
    print(f"read+decode baseline: {baseline * 1e3:.2f} ms")
    print(f"loader: {loader * 1e3:.1f} ms = {size / 1e6 / loader:.2f} MB/s, {loader / baseline:.0f}x the baseline")


if __name__ == "__main__":
    main()
