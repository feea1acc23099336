"""Connecting to Neo4j: the settings (options, then the environment, then a config file),
the driver, and one session helper that every Neo4j sink uses.

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
import re
import stat
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import KgError

DEFAULT_URI = "bolt://localhost:7687"
RETRY_SECONDS = 60.0


def _retry_seconds() -> float:
    return float(os.environ.get("KG_NEO4J_RETRY_SECONDS", RETRY_SECONDS))


@dataclass
class Connection:
    uri: str = DEFAULT_URI
    user: str = "neo4j"
    password: str | None = field(default=None, repr=False)  # never shown
    database: str | None = None
    retry_seconds: float = field(default_factory=_retry_seconds)  # how long transient errors are retried

    @classmethod
    def from_env(cls, uri=None, user=None, password=None, database=None) -> Connection:
        return cls(
            uri=uri or os.environ.get("NEO4J_URI", DEFAULT_URI),
            user=user or os.environ.get("NEO4J_USER", "neo4j"),
            password=password if password is not None else os.environ.get("NEO4J_PASSWORD"),
            database=database or os.environ.get("NEO4J_DATABASE") or None,
        )


def safe_uri(uri: str) -> str:
    """The URI as it may be shown: without a password written into it (``bolt://u:p@h``).

    >>> safe_uri("neo4j://neo4j:secret@db.example:7687")
    'neo4j://neo4j:***@db.example:7687'
    """
    return re.sub(r"^([a-z][a-z0-9+.-]*://[^:/@]*):[^@/]*@", r"\1:***@", uri)


def one_line(text: object) -> str:
    return " ".join(str(text).split())


def connect(connection: Connection):
    """An open driver, checked to answer; a clear KgError when it does not."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import ConfigurationError

    uri = safe_uri(connection.uri)
    if connection.password is None:
        raise KgError(
            # The file's path, not a document of the repository: an installed kg has no docs/.
            f"no Neo4j password: pass --password, set NEO4J_PASSWORD or put it under [neo4j] in {config_path()}"
        )
    if safe_uri(connection.uri) != connection.uri:
        # The 6.x driver refuses a user and password in the URI, quoting the whole URI
        # in its message: say so without it.
        raise KgError(
            f"cannot use Neo4j at {uri}: a password in the URI is not supported; give it with "
            "--password, NEO4J_PASSWORD or the config file (and the user with --user)"
        )
    try:
        driver = GraphDatabase.driver(
            connection.uri, auth=(connection.user, connection.password), max_transaction_retry_time=connection.retry_seconds
        )
    except (ConfigurationError, ValueError) as exc:
        raise KgError(f"cannot use Neo4j at {uri}: {_redacted(exc, connection)}") from exc
    try:
        driver.verify_connectivity()
    except BaseException as exc:
        # The 6.x driver no longer closes a driver that is garbage-collected (it only
        # warns), so one that failed its check is closed here, whatever it raised.
        driver.close()
        error = _connect_error(exc, connection)
        if error is None:
            raise
        raise error from exc
    return driver


def _connect_error(exc: BaseException, connection: Connection) -> KgError | None:
    """The one line ``connect`` says for what ``verify_connectivity`` raised; None for
    what is not the driver's (a KeyboardInterrupt), which goes on as it was."""
    from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable

    uri = safe_uri(connection.uri)
    if isinstance(exc, Neo4jError) and exc.code == "Neo.ClientError.Security.AuthenticationRateLimit":
        return KgError(
            f"Neo4j at {uri} refused user '{connection.user}': wrong user or password too many times; "
            "the server refuses every login for a few seconds"
        )
    if isinstance(exc, AuthError):
        return KgError(f"Neo4j at {uri} refused user '{connection.user}': wrong user or password")
    if isinstance(exc, (ServiceUnavailable, OSError)):
        return KgError(
            # kg files neo4j: the document an installed kg has (scripts/ is the checkout's).
            f"cannot connect to Neo4j at {uri}: is it running? (how to start one: kg files neo4j; "
            f"or give --uri / NEO4J_URI; {type(exc).__name__})"
        )
    if isinstance(exc, (Neo4jError, DriverError)):  # an unsupported server, a database error
        return KgError(f"cannot use Neo4j at {uri}: {_redacted(exc, connection)}")
    return None


def _redacted(exc: BaseException, connection: Connection) -> str:
    """The driver's message in one line, without the password should it quote the URI."""
    return one_line(exc).replace(connection.uri, safe_uri(connection.uri))


@contextmanager
def neo4j_session(connection: Connection, doing: str, hint: str = "") -> Iterator[Any]:
    """A session on the connection's database; the driver is closed afterwards, and an
    error of the driver's becomes one line: ``{doing} at {uri} failed: …{hint}``.

    Every command that talks to Neo4j goes through here (push, census, read back,
    canned queries), so that each fails the same way and none leaks a driver.
    """
    driver = connect(connection)
    try:
        with driver.session(database=connection.database) as session:
            yield session
    except KgError:
        raise
    except Exception as exc:  # the driver's errors, shown in one line
        raise KgError(
            f"{doing} at {safe_uri(connection.uri)} failed: {type(exc).__name__}: {_redacted(exc, connection)}{hint}"
        ) from exc
    finally:
        driver.close()


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
        raise KgError(f"{path}: the config file may hold a password but others can read it (mode {mode:o}); run chmod 600 {path}")
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


def resolve_connection(
    uri: str | None = None, user: str | None = None, password: str | None = None, database: str | None = None
) -> Connection:
    """The connection from what the options and the environment gave (``None`` where
    they gave nothing), completed from the config file, then the defaults. The config
    file is only read when something is missing."""
    given = {"uri": uri, "user": user, "password": password, "database": database}
    if any(v is None for k, v in given.items() if k != "database"):
        for key, value in read_config().items():
            if given[key] is None:
                given[key] = value
    return Connection(
        uri=given["uri"] or DEFAULT_URI,
        user=given["user"] or "neo4j",
        password=given["password"],
        database=given["database"] or None,
    )
