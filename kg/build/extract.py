"""The per-report work of a build, needing no store: reading a file and finding its
mentions (:func:`extract_report`), serially, in a process pool or on a Dask cluster."""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.extraction.mentions import initialise as initialise_mentions
from kg.extraction.mentions import report_mentions
from loaders import SUFFIXES, LoaderError, Report, iter_report_paths, load


@dataclass
class Extracted:
    """One file read: its report and raw mentions, or why it could not be loaded."""

    path: str
    report: Report | None = None
    mentions: list[dict] | None = None
    # (source, reason): a LoaderError itself does not survive pickling to a worker and back.
    failure: tuple[str, str] | None = None
    details: str | None = None  # the traceback of an error in kg, for --debug

    @property
    def error(self) -> LoaderError | None:
        if not self.failure:
            return None
        error = LoaderError(*self.failure)
        if self.details:
            error.details = self.details
        return error


def extract_report(path: str | Path) -> Extracted:
    """Read one file and find its mentions: the per-report work, needing no store. An
    unexpected exception (a bug) is that file's error, with its traceback kept."""
    try:
        report = load(path)
        mentions = [m.as_dict() for m in report_mentions(report)]
    except LoaderError as error:
        return Extracted(str(path), failure=(error.source, error.reason))
    except Exception as exc:
        message = " ".join(str(exc).split())
        return Extracted(
            str(path),
            failure=(str(path), f"could not be loaded: {type(exc).__name__}: {message} (an error in kg; --debug shows where)"),
            details=traceback.format_exc(),
        )
    return Extracted(str(path), report, mentions)


def shared_source(path: str | Path, roots: Iterable[str | Path]) -> str:
    """What a report's ``source`` says of its file in the graph and every export: its
    path relative to the folder among ``roots`` (the paths the build was given) that
    holds it, or its name when it was given itself. A file's absolute path names the
    user's folders, which an export shared must not; its name alone would not tell apart
    two towns' ``2023.txt`` in folders of their own. The first root that holds the file
    decides, in the order given.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); (d / "a").mkdir(); (d / "a" / "r.txt").write_text("x")
    1
    >>> shared_source(d / "a" / "r.txt", [d]), shared_source(d / "a" / "r.txt", [d / "a" / "r.txt"])
    ('a/r.txt', 'r.txt')
    """
    # The path as found under the root first: a file linked into the folder is named by
    # its link (what the user sees there and gives to kg remove), not by its target.
    # Then both resolved, for a root named through a link; realpath, not resolve: a root
    # that is a loop of links (named as a failure of its own) must not stop the others.
    found = Path(os.path.abspath(path))
    resolved = Path(os.path.realpath(path))
    for root in roots:
        for file, top in ((found, Path(os.path.abspath(root))), (resolved, Path(os.path.realpath(root)))):
            if top == file:
                return found.name
            if file.is_relative_to(top):
                return file.relative_to(top).as_posix()
    return found.name


def default_workers() -> int:
    return os.cpu_count() or 1


def extract_all(
    paths: Iterable[str | Path],
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Callable[[Path], None] | None = None,
) -> list[Extracted]:
    """:func:`extract_report` for every file under ``paths``, in file order, serially
    (``workers=1``), in a pool of ``workers`` processes (default: every core), or on the
    Dask cluster at ``scheduler``."""
    files, empty = report_files(paths)
    return empty + list(iter_files(files, workers, scheduler, progress))


def report_files(paths: Iterable[str | Path]) -> tuple[list[str], list[Extracted]]:
    """The report files under ``paths``, and a failure for each folder holding none."""
    files: list[str] = []
    empty: list[Extracted] = []
    for item in paths:
        found = [str(p) for p in iter_report_paths([item])]
        if not found and Path(item).is_dir():
            empty.append(
                Extracted(
                    str(item), failure=(str(item), f"no report files in this folder (expected {', '.join(sorted(SUFFIXES))})")
                )
            )
        files += found
    return files, empty


def iter_extracted(
    paths: Iterable[str | Path],
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Callable[[Path], None] | None = None,
) -> Iterator[Extracted]:
    """:func:`extract_all`, one file at a time as each is done, in file order: a caller
    that keeps less of each than its document model never holds every model at once."""
    files, empty = report_files(paths)
    yield from empty
    yield from iter_files(files, workers, scheduler, progress)


def process_pool(workers: int | None, tasks: int) -> ProcessPoolExecutor | None:
    """A pool of ``workers`` processes (default: every core) for ``tasks`` tasks at most
    at once, or None when one process does as well (one worker, or one task)."""
    workers = default_workers() if workers is None else workers
    if workers <= 1 or tasks <= 1:
        return None
    context = multiprocessing.get_context()
    if context.get_start_method() == "fork":
        # Forked workers inherit what the parent loaded: mention finding's initialisation
        # (jieba with kg's words, which the claims use too) is paid once, not once per worker.
        initialise_mentions()
    return ProcessPoolExecutor(max_workers=min(workers, tasks), mp_context=context)


def iter_files(
    files: list[str],
    workers: int | None,
    scheduler: str | None,
    progress: Callable[[Path], None] | None,
    pool: ProcessPoolExecutor | None = None,
) -> Iterator[Extracted]:
    """:func:`extract_report` of each of ``files``, in their order: on the Dask cluster at
    ``scheduler``, in ``pool`` (kept open for the caller's further work), in a pool of
    ``workers`` made for the files, or serially."""
    if scheduler:
        yield from _extract_on_dask(files, scheduler, progress)
        return
    if pool is not None:
        yield from _extract_in(pool, files, progress)
        return
    own = process_pool(workers, len(files))
    if own is None:
        for f in files:
            yield extract_report(f)
            if progress is not None:
                progress(Path(f))
        return
    with own:
        yield from _extract_in(own, files, progress)


def _extract_in(pool: ProcessPoolExecutor, files: list[str], progress: Callable[[Path], None] | None) -> Iterator[Extracted]:
    # map keeps file order, so the result never depends on which worker was faster.
    for item in pool.map(extract_report, files, chunksize=1):
        yield item
        if progress is not None:
            progress(Path(item.path))


def _extract_on_dask(files: list[str], scheduler: str, progress: Callable[[Path], None] | None) -> list[Extracted]:
    try:
        from dask.distributed import Client, as_completed
    except ImportError as exc:
        raise KgError("--scheduler needs dask.distributed: pip install 'kg[dask]'") from exc
    try:
        client = Client(scheduler, timeout=30)
    except (OSError, TimeoutError) as exc:
        raise KgError(f"no Dask scheduler at {scheduler} ({exc})") from exc
    try:
        futures = client.map(extract_report, files, pure=False)
        for future in as_completed(futures):
            if progress is not None:
                progress(Path(future.result().path))
        return client.gather(futures)
    finally:
        client.close()
