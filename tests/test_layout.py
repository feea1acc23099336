"""The layout is a contract: the layers of pyproject.toml's import-linter contracts hold,
no module imports another in a cycle, and the packaged file list matches the tree
(tests/test_repository.py checks that nothing refers outside the repository)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import networkx as nx

ROOT = Path(__file__).resolve().parent.parent


def test_no_module_imports_another_in_a_cycle():
    imports = grimp.build_graph("kg", "loaders")
    graph = nx.DiGraph((m, i) for m in imports.modules for i in imports.find_modules_directly_imported_by(m))
    cycles = list(nx.simple_cycles(graph))
    assert not cycles, cycles[:5]


def test_the_layers_hold():
    result = subprocess.run([str(Path(sys.executable).parent / "lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout


def test_every_package_of_the_tree_is_packaged():
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    in_tree = {".".join(p.parent.relative_to(ROOT).parts) for top in ("kg", "loaders") for p in (ROOT / top).rglob("__init__.py")}
    assert in_tree <= listed, in_tree - listed
    mapped = setuptools["package-dir"]
    assert {name: folder for name, folder in mapped.items()} == {
        "kg.schema": "schema",
        "kg.queries": "queries",
        "kg.samples": "data",
        "kg.docs": "docs",
    }
    for folder in mapped.values():
        assert (ROOT / folder / "__init__.py").exists(), folder
