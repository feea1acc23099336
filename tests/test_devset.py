"""The entity extractor meets its targets on the hand-annotated development set
(tests/devset), measured by the kg-independent script that users run."""

import json
import subprocess
import sys
from pathlib import Path

from kg.build import build
from kg.graph.store import Store
from kg.views.records import export_entities, export_reports

ROOT = Path(__file__).resolve().parent.parent


def test_entity_precision_and_recall_targets(tmp_path):
    store = Store(tmp_path / "store")
    build(None, store)
    graph = store.load()
    (tmp_path / "reports.json").write_text(json.dumps(export_reports(graph), ensure_ascii=False), "utf-8")
    (tmp_path / "entities.json").write_text(json.dumps(export_entities(graph), ensure_ascii=False), "utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "evaluate_entities.py"),
            str(tmp_path / "reports.json"),
            str(tmp_path / "entities.json"),
            "--misses",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "MISSED" not in result.stdout
