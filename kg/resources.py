"""kg's own files, wherever kg is installed, and the one reader of its data files.

Everything kg reads besides the reports a user gives it is packaged with it and found
through :mod:`importlib.resources`, so that an installed wheel finds its files exactly as
a checkout does:

- the ontology, SHACL shapes, Neo4j schema and Browser style (``schema/`` in the
  repository, the package ``kg.schema`` once installed);
- the canned Cypher queries (``queries/``, ``kg.queries``);
- the sample reports (``data/reports/``, ``kg.samples``);
- the word lists and gazetteers of the stages that use them (``loaders/data/``,
  ``kg/extraction/data/``).

``schema/``, ``queries/`` and ``data/`` stay top-level folders of the repository (where a
reader of the project looks for them); ``pyproject.toml`` maps them to the packages above.

Data files are UTF-8 text: a line starting with ``#`` is a comment (each file says where
its entries come from), blank lines are skipped, fields are separated by tabs.

>>> rows = data_rows("kg.extraction", "milestones.tsv")
>>> all(len(row) >= 2 for row in rows)
True
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import platformdirs

from kg.errors import KgError


def package_dir(package: str) -> Path:
    """The folder of an installed package of kg's (a wheel installs into folders)."""
    root = resources.files(package)
    if not isinstance(root, Path):
        # kg's readers walk folders (glob, rglob); a zipped install cannot give them
        raise KgError(f"kg is installed as a zip archive ({root}); install it unpacked (pip install)")
    return root


def schema_dir() -> Path:
    """The ontology's folder: ``KG_SCHEMA_DIR`` if set (to try an edited ontology), else kg's own."""
    configured = os.environ.get("KG_SCHEMA_DIR")
    return Path(configured) if configured else package_dir("kg.schema")


def queries_dir() -> Path:
    """The canned queries' folder: ``KG_QUERIES_DIR`` if set, else kg's own."""
    configured = os.environ.get("KG_QUERIES_DIR")
    return Path(configured) if configured else package_dir("kg.queries")


def sample_reports_dir() -> Path:
    """The sample reports shipped with kg: the default input of ``kg build``."""
    return package_dir("kg.samples") / "reports"


# What ``kg files`` lists: name → (package, file within it, what it is). Messages name
# these (``kg files shapes``), not the repository's folders: an installed kg has no
# schema/ or docs/ beside it.
SHIPPED: dict[str, tuple[str, str, str]] = {
    "shapes": ("kg.schema", "shapes.ttl", "SHACL shapes an RDF export validates against"),
    "ontology": ("kg.schema", "kg.ttl", "the ontology (OWL), pyshacl's -e"),
    "neo4j-schema": ("kg.schema", "neo4j/schema.cypher", "constraints and indexes kg push creates"),
    "style": ("kg.schema", "neo4j/kg.grass", "Neo4j Browser style (drag it onto Browser)"),
    "queries": ("kg.queries", "", "the canned Cypher queries (kg queries)"),
    "samples": ("kg.samples", "reports", "the sample reports (kg build's default input)"),
    "neo4j": ("kg.docs", "NEO4J.md", "how to start a Neo4j for kg push and kg query"),
    "guarantees": ("kg.docs", "GUARANTEES.md", "what kg promises (bad input, secrets, Neo4j), and its tests"),
    "architecture": ("kg.docs", "ARCHITECTURE.md", "the packages and how data flows through them"),
    "scaling": ("kg.docs", "SCALING.md", "measured speed and memory at 1000 reports"),
}


def shipped_path(name: str) -> Path:
    """Where an installed kg keeps one of :data:`SHIPPED` (``kg files NAME``).

    >>> shipped_path("shapes").name, shipped_path("guarantees").exists()
    ('shapes.ttl', True)
    """
    package, inner, _ = SHIPPED[name]
    # The folders an edited ontology or query set is tried from, as kg itself reads them.
    root = {"kg.schema": schema_dir, "kg.queries": queries_dir}.get(package, lambda: package_dir(package))()
    return root / inner if inner else root


def data_path(package: str, name: str) -> Path:
    """A data file of a package's ``data/`` folder (``name`` may hold sub-folders)."""
    return package_dir(package) / "data" / name


def iter_data_rows(package: str, name: str, header: bool = False) -> Iterator[list[str]]:
    """The rows of a tab-separated data file (``.gz`` read as gzip), one at a time, with
    comments and blank lines left out, and the first row too when it names the columns
    (``header``). Fields are taken as written: no quoting (names hold quotes: “三旧”改造).
    """
    path = data_path(package, name)
    with gzip.open(path, "rt", encoding="utf-8") if name.endswith(".gz") else path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        rows = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        if header:
            next(rows, None)
        for row in rows:
            yield [field.strip() for field in row]


def data_rows(package: str, name: str, header: bool = False) -> list[list[str]]:
    """All rows of a tab-separated data file (see :func:`iter_data_rows`)."""
    return list(iter_data_rows(package, name, header))


def data_words(package: str, name: str) -> list[str]:
    """The words of a word-list file (whitespace-separated, in file order), comments left out."""
    return [word for row in data_rows(package, name) for field in row for word in field.split()]


def cache_dir() -> Path:
    """Where kg keeps what it derives from its data files: ``KG_CACHE_DIR`` if set, else
    the user's cache folder."""
    configured = os.environ.get("KG_CACHE_DIR")
    return Path(configured) if configured else Path(platformdirs.user_cache_dir("kg")) / "data"


def cached(name: str, key: bytes, make: Callable[[], Any]) -> Any:
    """``make()``, kept on disk (pickled) under ``name`` and a digest of ``key`` and the
    Python version: the first process pays for it, later ones load it. ``key`` must hold
    everything the value depends on (the data files' bytes or the words it is made of),
    so that a changed file is a new entry, never a stale one. A cache that cannot be read
    or written is ignored: the value is then made again, as it would be without one."""
    digest = hashlib.sha256(sys.version.encode() + b"\0" + key).hexdigest()[:24]
    path = cache_dir() / f"{name}-{digest}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        pass
    value = make()
    part: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written whole, then renamed: a process reading it never sees half a file.
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{name}-", delete=False) as handle:
            part = Path(handle.name)
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(part, path)
    except (OSError, pickle.PicklingError):
        if part is not None:
            part.unlink(missing_ok=True)
    return value


def data_digest(package: str, name: str) -> bytes:
    """The SHA-256 of a data file's bytes, to key what is cached from it."""
    return hashlib.sha256(data_path(package, name).read_bytes()).digest()
