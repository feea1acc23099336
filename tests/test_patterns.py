"""kg compiles its patterns once: a build hands no pattern string to ``re`` per sentence.

A string passed to ``re.search``/``re.sub``/… goes through ``re._compile`` on every call,
and once kg has more distinct patterns than ``re``'s cache holds, they are compiled again
and again (issue 16: 355,000 calls in a 100-report build). Every pattern of kg is a
module-level compiled pattern, or comes from a cached builder when it is assembled from a
word list or a name; so a second build of the same reports calls ``re._compile`` from kg's
code not at all. A count, not a time."""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

from kg.build import build
from kg.graph.store import Store

from .conftest import REPORTS, ROOT

_OURS = tuple(str(ROOT / part) for part in ("kg", "loaders"))


def _compiles_from_kg(run) -> collections.Counter:
    """Calls of ``re._compile`` made by kg's own code (not by libraries) while ``run`` runs,
    by file and line."""
    calls: collections.Counter = collections.Counter()
    original = re._compile  # type: ignore[attr-defined]

    def counting(pattern, flags):
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename == re.__file__:
            frame = frame.f_back
        if frame is not None and frame.f_code.co_filename.startswith(_OURS):
            calls[f"{Path(frame.f_code.co_filename).relative_to(ROOT)}:{frame.f_lineno}"] += 1
        return original(pattern, flags)

    re._compile = counting  # type: ignore[attr-defined]
    try:
        run()
    finally:
        re._compile = original  # type: ignore[attr-defined]
    return calls


def test_a_build_compiles_no_pattern_per_sentence(tmp_path):
    files = sorted(REPORTS.glob("*.txt"))[:2]
    build(files, Store(tmp_path / "first"), workers=1)  # imports kg and fills the cached builders
    calls = _compiles_from_kg(lambda: build(files, Store(tmp_path / "second"), workers=1))
    assert not calls, f"patterns compiled per call (module-level re.compile or a cached builder instead): {dict(calls)}"
