"""The embedded store: the graph on disk between commands.

One JSON file (``graph.json``, networkx node-link format) in the store folder (default
``./.kg``, or ``--store`` / ``KG_STORE``). Writes go to a temporary file in the same
folder that is then renamed over the old one, so an interrupted build leaves either the
old graph or the new one, never a half-written file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import networkx as nx

from .errors import KgError
from .graph import new_graph

STORE_FORMAT = "kg-store"
STORE_VERSION = 1
DEFAULT_STORE = ".kg"


def default_store_path() -> Path:
    return Path(os.environ.get("KG_STORE", DEFAULT_STORE))


class Store:
    """A graph persisted in a folder.

    >>> import tempfile; folder = tempfile.mkdtemp()
    >>> store = Store(folder)
    >>> g = store.load(); g.add_node("x", label="Town", id="x"); store.save(g)
    >>> list(Store(folder).load().nodes)
    ['x']
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()

    @property
    def graph_file(self) -> Path:
        return self.path / "graph.json"

    def exists(self) -> bool:
        return self.graph_file.exists()

    def load(self) -> nx.MultiDiGraph:
        """The stored graph, or an empty one when the store is new."""
        if not self.exists():
            return new_graph()
        try:
            payload = json.loads(self.graph_file.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KgError(f"{self.graph_file}: the store cannot be read ({exc}); rebuild it with 'kg build --store {self.path}'") from exc
        if payload.get("format") != STORE_FORMAT:
            raise KgError(f"{self.graph_file}: not a kg store")
        if payload.get("version") != STORE_VERSION:
            raise KgError(f"{self.graph_file}: store version {payload.get('version')} is not {STORE_VERSION}; rebuild it with 'kg build'")
        return nx.node_link_graph(payload["graph"], directed=True, multigraph=True, edges="edges", name="node")

    def save(self, graph: nx.MultiDiGraph) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        payload = {
            "format": STORE_FORMAT,
            "version": STORE_VERSION,
            "graph": nx.node_link_data(graph, edges="edges", name="node"),
        }
        fd, tmp = tempfile.mkstemp(prefix=".graph-", suffix=".json.tmp", dir=self.path)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(payload, out, ensure_ascii=False)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.graph_file)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
