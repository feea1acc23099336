"""``kg build`` and ``kg remove``: load report files into the embedded store, or take
them out of it.

Reading, structure and mention finding are per report (:func:`kg.build.extract.extract_report`) and run
in a process pool (``workers``) or on a Dask cluster (``scheduler``), before the store's
lock is taken — except for the first build of a store, which takes the lock first and
then goes a town at a time so as never to hold the whole graph (:mod:`kg.build.first`). Derivation is incremental: a build or removal re-derives what depends on
the reports it touched — entity resolution runs over the stored mentions (cheap next to
finding them), and claims, indicator values with their pairing, and tracing are
re-derived for the towns whose reports, or whose entities, changed (a town's claims and
tracing depend on nothing outside its own reports and the entities they mention). A
store built in any order of builds and removals holds what a build of the same files
from scratch holds.

>>> summary = build(["data/reports"], Store(tempfile.mkdtemp()))  # doctest: +SKIP
>>> summary.loaded, sorted(summary.towns)  # doctest: +SKIP
(5, ['大场镇', '庙行镇', '罗店镇', '高境镇'])
"""

from kg.build.derive import DERIVED_LABELS, derive, town_graph
from kg.build.duplicates import text_fingerprint
from kg.build.extract import Extracted, default_workers, extract_all, extract_report, iter_extracted
from kg.build.incremental import build, find_reports, remove
from kg.build.summary import BuildSummary
from kg.resources import sample_reports_dir

__all__ = [
    "DERIVED_LABELS",
    "BuildSummary",
    "Extracted",
    "build",
    "default_workers",
    "derive",
    "extract_all",
    "extract_report",
    "find_reports",
    "iter_extracted",
    "remove",
    "sample_reports_dir",
    "text_fingerprint",
    "town_graph",
]
