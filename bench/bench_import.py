"""The bulk path into Neo4j, timed: ``kg export subgraph --format csv`` of a store, then
``neo4j-admin database import full`` of those files into a scratch instance (stopped
first; its database is overwritten), then the server started and the schema's
constraints and indexes built over the imported graph — what a push does besides its
MERGEs. Compare with a full push of the same store (``bench/run.py --neo4j``).

    .venv/bin/python bench/bench_import.py /tmp/b/s-large [--instance bench-import]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j-local"


def import_args(folder: Path) -> list[str]:
    """The ``--nodes``/``--relationships``/delimiter options of the export's import.sh,
    with the files' paths made absolute."""
    command = (folder / "import.sh").read_text("utf-8")
    lines = [a.strip().rstrip("\\").strip() for a in command.splitlines() if a.strip().startswith("--")]
    args = [a.replace("'", "") for line in lines for a in line.split()]
    return [
        a.split("=", 1)[0] + "=" + str(folder / a.split("=", 1)[1]) if a.startswith(("--nodes=", "--relationships=")) else a
        for a in args
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("store", type=Path)
    parser.add_argument("--instance", default="bench-import", help="scratch instance of scripts/neo4j-local (overwritten)")
    args = parser.parse_args()
    instance = ["--instance", args.instance]
    folder = Path(tempfile.mkdtemp(prefix="kg-import-"))
    try:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", "from kg.cli import main; main()", "export", "subgraph", "--format", "csv", "--store",
             str(args.store), "-o", str(folder / "csv")],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )  # fmt: skip
        exported = time.perf_counter() - start
        csv_folder = folder / "csv"
        size = sum(p.stat().st_size for p in csv_folder.iterdir())
        subprocess.run([str(SCRIPT), *instance, "stop"], check=True, capture_output=True)
        start = time.perf_counter()
        done = subprocess.run(
            [str(SCRIPT), *instance, "admin", "database", "import", "full", "neo4j", "--overwrite-destination",
             *import_args(csv_folder)],
            capture_output=True,
            text=True,
            cwd=folder,
        )  # fmt: skip
        imported = time.perf_counter() - start
        if done.returncode:
            raise SystemExit(done.stdout[-2000:] + done.stderr[-2000:])
        subprocess.run([str(SCRIPT), *instance, "start"], check=True, capture_output=True)
        env = subprocess.run([str(SCRIPT), *instance, "env"], check=True, capture_output=True, text=True).stdout
        values = dict(line.removeprefix("export ").split("=", 1) for line in env.splitlines())

        from kg.sinks.connection import Connection, neo4j_session
        from kg.sinks.neo4j import _ensure_schema, database_counts

        connection = Connection(uri=values["NEO4J_URI"], user="neo4j", password=values["NEO4J_PASSWORD"].strip("'"))
        start = time.perf_counter()
        with neo4j_session(connection, "schema") as session:
            _ensure_schema(session)
            session.run("CALL db.awaitIndexes(3600)").consume()
        indexed = time.perf_counter() - start
        nodes, rels = database_counts(connection)
        print(
            json.dumps(
                {
                    "export_s": round(exported, 1),
                    "csv_mb": round(size / 1e6, 1),
                    "import_s": round(imported, 1),
                    "schema_s": round(indexed, 1),
                    "nodes": nodes,
                    "relationships": rels,
                    "rows_per_s_import": round((nodes + rels) / imported),
                    "rows_per_s_total": round((nodes + rels) / (exported + imported + indexed)),
                }
            ),
            flush=True,
        )
    finally:
        subprocess.run([str(SCRIPT), *instance, "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
