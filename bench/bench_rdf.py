"""``kg export subgraph --format ttl`` of the five sample reports: kg's Turtle writer
(:func:`kg.sinks.rdf.turtle`) against rdflib's own (``Graph.serialize(format="turtle")``)
on the same graph, in the same run, best of three CPU times each. The text must be the
same. Target: the writer at least twice as fast as rdflib's. The whole export (store,
selection, RDF, Turtle) is measured both ways too (it took 7.2 s of CPU, and 18 s wall on
a busy machine).

    .venv/bin/python bench/bench_rdf.py [STORE]   # default: the samples, built into a temporary store
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from kg.build import build
from kg.graph.store import Store
from kg.graph.subgraph import select
from kg.sinks.rdf import serialize, to_rdf, turtle


def best(runs: int, work) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.process_time()
        result = work()
        times.append(time.process_time() - start)
    return min(times), result


def main() -> None:
    if len(sys.argv) > 1:
        store = Store(Path(sys.argv[1]))
    else:
        store = Store(Path(tempfile.mkdtemp()) / "store")
        build(None, store, workers=1)
    graph = select(store.load())
    rdf = to_rdf(graph)
    old, old_text = best(3, lambda: rdf.serialize(format="turtle"))
    new, new_text = best(3, lambda: turtle(rdf))
    whole, _ = best(3, lambda: serialize(select(store.load()), "ttl"))
    before, _ = best(3, lambda: to_rdf(select(store.load())).serialize(format="turtle"))
    print(f"{len(rdf)} triples; the same text: {old_text == new_text}")
    print(f"rdflib's Turtle writer {old:.2f} s CPU, kg's {new:.2f} s: {old / new:.1f} times as fast")
    print(f"the whole export (load, select, RDF, Turtle) {whole:.2f} s CPU; with rdflib's writer {before:.2f} s")
    met = old_text == new_text and old / new >= 2
    print("target met" if met else "target NOT MET")


if __name__ == "__main__":
    main()
