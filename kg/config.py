"""Neo4j connection settings: options, then the environment, then a config file.

The config file (``$KG_CONFIG``, else ``$XDG_CONFIG_HOME/kg/config.toml``, else
``~/.config/kg/config.toml``) is TOML::

    [neo4j]
    uri = "bolt://127.0.0.1:7687"
    user = "neo4j"
    password = "…"
    database = "neo4j"

It may hold a password, so kg refuses a file that its group or others may read, or that
another user owns (one line naming the file and the fix), and never echoes its content.
"""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path

from .errors import KgError
from .neo4j_sink import DEFAULT_URI, Connection

KEYS = ("uri", "user", "password", "database")


def config_path() -> Path:
    if os.environ.get("KG_CONFIG"):
        return Path(os.environ["KG_CONFIG"])
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "kg" / "config.toml"


def read_config(path: Path | None = None) -> dict[str, str]:
    """The ``[neo4j]`` settings of the config file; empty when there is none (unless it
    was named explicitly, by ``path`` or ``KG_CONFIG``)."""
    explicit = path is not None or bool(os.environ.get("KG_CONFIG"))
    path = path or config_path()
    try:
        info = path.stat()
    except FileNotFoundError:
        if explicit:
            raise KgError(f"{path}: no such config file (KG_CONFIG names it)") from None
        return {}
    except OSError as exc:
        raise KgError(f"{path}: cannot read the config file: {exc.strerror or exc}") from exc
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o077:
        raise KgError(f"{path}: the config file may hold a password but others can read it (mode {mode:o}); "
                      f"run chmod 600 {path}")
    if info.st_uid != os.getuid():
        raise KgError(f"{path}: the config file belongs to another user; kg only reads a config file of yours")
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise KgError(f"{path}: cannot read the config file ({type(exc).__name__})") from exc
    except tomllib.TOMLDecodeError as exc:
        # The parser's message names a line and column, never the text there.
        raise KgError(f"{path}: not valid TOML ({exc})") from exc
    section = data.get("neo4j", {})
    if not isinstance(section, dict):
        raise KgError(f"{path}: [neo4j] must be a table of {', '.join(KEYS)}")
    unknown = sorted(set(section) - set(KEYS))
    if unknown:
        raise KgError(f"{path}: unknown setting {', '.join(unknown)} in [neo4j] (known: {', '.join(KEYS)})")
    if not all(isinstance(v, str) for v in section.values()):
        raise KgError(f"{path}: every setting in [neo4j] must be a string")
    return dict(section)


def resolve_connection(uri: str | None = None, user: str | None = None, password: str | None = None,
                       database: str | None = None) -> Connection:
    """The connection from what the options and the environment gave (``None`` where
    they gave nothing), completed from the config file, then the defaults. The config
    file is only read when something is missing."""
    given = {"uri": uri, "user": user, "password": password, "database": database}
    if any(v is None for k, v in given.items() if k != "database"):
        for key, value in read_config().items():
            if given[key] is None:
                given[key] = value
    return Connection(uri=given["uri"] or DEFAULT_URI, user=given["user"] or "neo4j", password=given["password"],
                      database=given["database"] or None)
