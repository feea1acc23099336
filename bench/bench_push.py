"""Neo4j push throughput on a large synthetic graph, as a ratio against a naive per-row
``MERGE`` loop measured in the same run on a sample of the same rows.

The graph is generated in the ontology's terms (reports → parts → sections → sentences,
entities, claims, MENTIONS/ABOUT/STATED_IN…): by default 200,000+ nodes and 500,000+
relationships. Run it against a scratch database (it wipes it):

    scripts/neo4j-local --instance bench start
    eval "$(scripts/neo4j-local --instance bench env)"
    .venv/bin/python bench/bench_push.py [--scale 1.0] [--sample 3000]
"""

from __future__ import annotations

import argparse
import random
import time

import networkx as nx

from kg.graph.model import add_edge, add_node, new_graph
from kg.graph.model import flat_properties as _properties
from kg.sinks.connection import Connection, connect
from kg.sinks.neo4j import database_counts, push, wipe_database

ENTITY_LABELS = ("Road", "Park", "Parcel", "Project", "Company", "Initiative", "Facility")


def synthetic_graph(scale: float = 1.0, seed: int = 7) -> nx.MultiDiGraph:
    """Reports of towns, each with parts, sections and sentences; entities mentioned by
    sentences; commitments and progress stated in sentences and about entities."""
    rng = random.Random(seed)
    g = new_graph()
    towns = [f"town:上海市/宝山区/镇{i}" for i in range(40)]
    for town in towns:
        add_node(g, town, "Town", name=town.rsplit("/", 1)[1], aliases=[])
    entities = []
    for i in range(int(25_000 * scale)):
        label = ENTITY_LABELS[i % len(ENTITY_LABELS)]
        eid = f"{label.lower()}:{i}"
        add_node(g, eid, label, name=f"实体{i}", aliases=[f"别名{i}"])
        entities.append(eid)
    reports = int(400 * scale)
    for r in range(reports):
        rid = f"r{r:05d}"
        add_node(g, rid, "Report", title=f"报告{r}", town=f"镇{r % 40}", date=f"{2000 + r // 40}-01-10")
        add_edge(g, rid, towns[r % 40], "REPORTS_ON")
        for p, kind in enumerate(("review", "plan")):
            pid = f"{rid}:p{p}"
            add_node(g, pid, "Part", report=rid, kind=kind, order=p)
            add_edge(g, rid, pid, "HAS_PART")
            for s in range(6):
                sid = f"{pid}:s{s}"
                add_node(g, sid, "Section", report=rid, part=pid, title=f"第{s}节", level=1)
                add_edge(g, pid, sid, "HAS_SECTION")
                for n in range(30):
                    nid = f"{sid}:t{n}"
                    add_node(
                        g,
                        nid,
                        "Sentence",
                        report=rid,
                        section=sid,
                        text=f"第{n}句：推进实体建设。",
                        start=n * 20,
                        end=n * 20 + 19,
                    )
                    add_edge(g, sid, nid, "HAS_SENTENCE")
                    for e in rng.sample(entities, 3 if n % 3 == 0 else 2):
                        add_edge(g, nid, e, "MENTIONS", text="实体", start=0, end=2)
                    if n % 5 == 0:
                        cid = f"{nid}:c0"
                        add_node(
                            g,
                            cid,
                            "Commitment" if kind == "plan" else "Progress",
                            report=rid,
                            sentence=nid,
                            text="推进实体建设",
                            status="AWAITING_FOLLOW_UP",
                            status_auto="AWAITING_FOLLOW_UP",
                        )
                        add_edge(g, cid, nid, "STATED_IN")
                        add_edge(g, cid, rng.choice(entities), "ABOUT")
    return g


def naive_push(graph: nx.MultiDiGraph, connection: Connection, nodes: list, edges: list) -> None:
    """One MERGE per row, each its own transaction: the baseline."""
    driver = connect(connection)
    with driver.session(database=connection.database) as session:
        for node in nodes:
            data = graph.nodes[node]
            session.run(
                f"MERGE (n:`{data['label']}` {{id: $id}}) SET n = $props", id=node, props=_properties(data) | {"id": node}
            ).consume()
        for start, end, key in edges:
            data = graph.edges[start, end, key]
            session.run(
                f"MATCH (a:`{graph.nodes[start]['label']}` {{id: $a}}) MATCH (b:`{graph.nodes[end]['label']}` {{id: $b}}) "
                f"MERGE (a)-[r:`{key}`]->(b) SET r = $props",
                a=start,
                b=end,
                props=_properties(data),
            ).consume()
    driver.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0, help="1.0: about 210,000 nodes and 520,000 relationships")
    parser.add_argument("--sample", type=int, default=3000, help="rows (nodes, and as many relationships) for the naive loop")
    args = parser.parse_args()
    connection = Connection.from_env()

    started = time.perf_counter()
    graph = synthetic_graph(args.scale)
    n_nodes, n_rels = graph.number_of_nodes(), graph.number_of_edges()
    print(f"synthetic graph: {n_nodes:,} nodes, {n_rels:,} relationships (generated in {time.perf_counter() - started:.1f}s)")

    driver = connect(connection)
    with driver.session(database=connection.database) as session:
        wipe_database(session)
    driver.close()
    start = time.perf_counter()
    push(graph, connection)
    batched = time.perf_counter() - start
    assert database_counts(connection) == (n_nodes, n_rels)
    print(
        f"batched push: {batched:.1f}s — {n_nodes / batched:,.0f} nodes/s, {n_rels / batched:,.0f} relationships/s, "
        f"{(n_nodes + n_rels) / batched:,.0f} rows/s"
    )

    # The baseline on a sample of the same rows (the sentences' sample and their edges),
    # into an emptied database holding only the nodes the sample's edges need.
    rng = random.Random(1)
    sample_nodes = rng.sample(list(graph.nodes), args.sample)
    sample_edges = rng.sample(list(graph.edges(keys=True)), args.sample)
    start = time.perf_counter()
    naive_push(graph, connection, sample_nodes, sample_edges)
    naive = time.perf_counter() - start
    naive_rate = (len(sample_nodes) + len(sample_edges)) / naive
    batched_rate = (n_nodes + n_rels) / batched
    print(
        f"naive per-row MERGE on {len(sample_nodes):,} nodes + {len(sample_edges):,} relationships: {naive:.1f}s — "
        f"{naive_rate:,.0f} rows/s"
    )
    print(f"ratio (batched rows/s ÷ naive rows/s): {batched_rate / naive_rate:.1f}×")


if __name__ == "__main__":
    main()
