"""The one error the loader raises: a file it cannot turn into a report, and why."""

from __future__ import annotations

from pathlib import Path


class LoaderError(Exception):
    """A report file that cannot be loaded. ``str(error)`` is one line naming the file
    and the reason, fit to show a user as is."""

    def __init__(self, source: str | Path, reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        self.details: str | None = None  # a traceback, when the cause was a bug (shown by --debug)
        super().__init__(f"{self.source}: {reason}")
