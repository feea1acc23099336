"""Errors kg reports to its users: one line, naming what failed and why."""


class KgError(Exception):
    """A failure to show the user as is (the CLI prints it and exits non-zero)."""
