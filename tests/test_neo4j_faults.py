"""Neo4j faults with the real server: down, wrong password, SIGKILLed in the middle of a
push (then restarted by scripts/neo4j-local a second later, and pushed to again), and a
transient error in a transaction. The killing happens on a server of these tests' own
(``tests/neo4j_instance.py``)."""

from __future__ import annotations

import os
import signal
import socket
import time

import pytest
from click.testing import CliRunner

import kg.sinks.connection
from kg.cli import main
from kg.errors import KgError
from kg.graph.store import Store
from kg.sinks.connection import Connection
from kg.sinks.neo4j import database_census, push, wipe_database

from .neo4j_instance import Instance, instance_name

pytestmark = pytest.mark.neo4j


def _free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def _wipe(connection: Connection) -> None:
    driver = kg.sinks.connection.connect(connection)
    with driver.session() as session:
        wipe_database(session)
    driver.close()


@pytest.fixture(scope="module")
def fault_server(neo4j_connection):
    """The instance the tests may kill; stopped at the end."""
    instance = Instance(instance_name())
    instance.start()
    yield instance
    instance.run("stop")


@pytest.fixture
def sample_store(sample_graph, tmp_path) -> Store:
    store = Store(tmp_path / "store")
    store.save(sample_graph)
    return store


def test_push_to_a_server_that_is_down_is_one_line_with_the_uri_and_a_hint(sample_store):
    uri = f"bolt://127.0.0.1:{_free_port()}"
    result = CliRunner().invoke(main, ["push", "--store", str(sample_store.path), "--uri", uri, "--password", "x"])
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert line.startswith(f"kg: cannot connect to Neo4j at {uri}: is it running?")
    # What an installed kg has (scripts/ is only in a checkout).
    assert "kg files neo4j" in line and "--uri" in line


def _wait_until_logins_are_accepted(connection: Connection, seconds: float = 60) -> None:
    """After failed logins the server refuses every login for a few seconds."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            kg.sinks.connection.connect(connection).close()
            return
        except KgError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


def test_a_wrong_password_is_one_line_and_never_shown(fault_server, sample_store):
    """On the tests' own server: failed logins lock the user out for a while."""
    right = fault_server.connection()
    wrong = "Wrong-Pa55word-7c1d"
    try:
        for command in (
            ["push", "--store", str(sample_store.path)],
            ["query", "scorecard", "--param", "town=庙行镇"],
            ["export", "subgraph", "--from-neo4j", "--format", "json", "--store", str(sample_store.path)],
        ):
            result = CliRunner().invoke(main, [*command, "--uri", right.uri, "--password", wrong])
            assert result.exit_code == 1
            [line] = result.output.strip().splitlines()
            assert line.startswith(f"kg: Neo4j at {right.uri} refused user 'neo4j': wrong user or password")
            assert wrong not in result.output
    finally:
        _wait_until_logins_are_accepted(right)


@pytest.mark.parametrize("scheme", ["bolt", "neo4j", "bolt+s", "neo4j+ssc"])
def test_a_password_in_the_uri_is_never_shown(scheme):
    uri = f"{scheme}://neo4j:Uri-Secret-99@127.0.0.1:{_free_port()}"
    with pytest.raises(KgError) as info:
        kg.sinks.connection.connect(Connection(uri=uri, password="x"))
    assert "Uri-Secret-99" not in str(info.value)


# --- transient errors -----------------------------------------------------------------


class _WrappedSession:
    """The real session, with a shared ``state`` for a test to count what it did."""

    def __init__(self, session, state: dict):
        self._session, self._state = session, state

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._session.close()

    def __getattr__(self, name):
        return getattr(self._session, name)


class _FlakySession(_WrappedSession):
    """The real session, except that the first ``failures`` transaction functions raise
    the server's TransientError before they run: the driver must retry them."""

    def _flaky(self, work):
        from neo4j.exceptions import TransientError

        def run(tx, *args, **kwargs):
            self._state["calls"] += 1
            if self._state["raised"] < self._state["failures"]:
                self._state["raised"] += 1
                raise TransientError("injected: deadlock detected while trying to acquire locks")
            return work(tx, *args, **kwargs)

        return run

    def execute_write(self, work, *args, **kwargs):
        return self._session.execute_write(self._flaky(work), *args, **kwargs)

    def execute_read(self, work, *args, **kwargs):
        return self._session.execute_read(self._flaky(work), *args, **kwargs)


class _FlakyDriver:
    def __init__(self, driver, state: dict):
        self._driver, self._state = driver, state

    def session(self, **kwargs):
        return _FlakySession(self._driver.session(**kwargs), self._state)

    def __getattr__(self, name):
        return getattr(self._driver, name)


def _flaky_connect(monkeypatch, failures: int) -> dict:
    state = {"failures": failures, "raised": 0, "calls": 0}
    real = kg.sinks.connection.connect
    monkeypatch.setattr(kg.sinks.connection, "connect", lambda connection: _FlakyDriver(real(connection), state))
    return state


def test_a_transient_error_is_retried_and_the_push_is_as_a_clean_one(empty_neo4j, sample_graph, monkeypatch):
    push(sample_graph, empty_neo4j)
    clean = database_census(empty_neo4j)
    _wipe(empty_neo4j)
    state = _flaky_connect(monkeypatch, failures=3)
    summary = push(sample_graph, empty_neo4j, batch_size=500)
    monkeypatch.undo()
    assert state["raised"] == 3 and state["calls"] > 3
    assert summary.node_count == sample_graph.number_of_nodes()
    assert database_census(empty_neo4j) == clean


def test_transient_errors_are_retried_only_for_a_bounded_time(empty_neo4j, sample_graph, monkeypatch):
    state = _flaky_connect(monkeypatch, failures=10**9)
    bounded = Connection(uri=empty_neo4j.uri, user=empty_neo4j.user, password=empty_neo4j.password, retry_seconds=2)
    started = time.monotonic()
    with pytest.raises(KgError) as info:
        push(sample_graph, bounded)
    elapsed = time.monotonic() - started
    assert elapsed < 30, f"gave up after {elapsed:.0f}s"
    assert state["raised"] > 1  # retried, not failed at once
    message = str(info.value)
    assert "\n" not in message and "TransientError" in message and "push again" in message


class _CommittedThenRetriedSession(_WrappedSession):
    """The real session, except that every write transaction, once committed, is run
    again: what the driver does when the connection is lost while committing, and the
    first attempt may have committed after all."""

    def execute_write(self, work, *args, **kwargs):
        self._session.execute_write(work, *args, **kwargs)
        self._state["again"] += 1
        return self._session.execute_write(work, *args, **kwargs)


def test_a_transaction_run_again_after_it_committed_writes_nothing_twice(empty_neo4j, sample_graph, monkeypatch):
    """A first push into an empty database writes with CREATE; a transaction the driver
    runs a second time merges, or each of its relationships would be there twice."""
    push(sample_graph, empty_neo4j)
    clean = database_census(empty_neo4j)
    _wipe(empty_neo4j)
    state = {"again": 0}
    real = kg.sinks.connection.connect

    class Driver(_FlakyDriver):
        def session(self, **kwargs):
            return _CommittedThenRetriedSession(self._driver.session(**kwargs), self._state)

    monkeypatch.setattr(kg.sinks.connection, "connect", lambda connection: Driver(real(connection), state))
    push(sample_graph, empty_neo4j, batch_size=500)
    monkeypatch.undo()
    assert state["again"] > 5
    assert database_census(empty_neo4j) == clean


def test_a_push_into_a_database_holding_part_of_the_graph_is_as_a_clean_one(empty_neo4j, sample_graph):
    """Labels and types the database already holds are merged, the others created: the
    result is the clean push's either way."""
    push(sample_graph, empty_neo4j)
    clean = database_census(empty_neo4j)
    _wipe(empty_neo4j)
    # Reports, towns and sentences with the relationships among them: some labels and
    # types present (with some of their rows), the others empty.
    kept = {n for n, d in sample_graph.nodes(data=True) if d["label"] in {"Report", "Town", "Sentence", "District"}}
    part = sample_graph.subgraph(kept).copy()
    sentences = sorted(n for n in part if part.nodes[n]["label"] == "Sentence")
    part.remove_nodes_from(sentences[::2])
    push(part, empty_neo4j)
    assert database_census(empty_neo4j) != clean
    push(sample_graph, empty_neo4j)
    assert database_census(empty_neo4j) == clean


# --- a crash in the middle of a push ----------------------------------------------------


def test_sigkill_in_the_middle_of_a_push_then_restart_and_push_again_converges(fault_server, sample_graph, sample_store):
    connection = fault_server.connection(retry_seconds=1)
    push(sample_graph, connection, wipe=True)
    clean = database_census(connection)
    assert sum(clean.labels.values()) > 0
    _wipe(connection)

    total = sample_graph.number_of_nodes() + sample_graph.number_of_edges()
    pid = fault_server.pid()
    written = {"rows": 0, "killed_at": None}

    def progress(rows: int) -> None:
        written["rows"] += rows
        if written["killed_at"] is None and written["rows"] > 0.4 * total:
            os.kill(pid, signal.SIGKILL)
            written["killed_at"] = time.monotonic()

    with pytest.raises(KgError) as info:
        push(sample_graph, connection, batch_size=25, progress=progress)
    message = str(info.value)
    assert written["killed_at"] is not None
    assert "\n" not in message and message.startswith(f"push to Neo4j at {connection.uri} failed")

    # A second after the kill the dying pid may still answer kill -0: neither status nor
    # start may take that for a running server.
    time.sleep(max(0.0, 1 - (time.monotonic() - written["killed_at"])))
    status = fault_server.run("status")
    assert status.returncode == 3 and not status.stdout.startswith("running:"), status.stdout
    started = fault_server.start()
    assert "already running" not in started.stderr and "is up" in started.stderr, started.stderr
    assert fault_server.run("status").stdout.startswith("running:")

    connection = fault_server.connection()  # the port may have changed
    partial = database_census(connection)
    assert partial != clean  # the crash left a part of the graph
    env = {"NEO4J_URI": connection.uri, "NEO4J_USER": connection.user, "NEO4J_PASSWORD": connection.password}
    result = CliRunner().invoke(main, ["push", "--store", str(sample_store.path), "--batch-size", "200"], env=env)
    assert result.exit_code == 0, result.output
    assert database_census(connection) == clean


def test_start_cleans_a_stale_pid_file_and_status_tells_a_dead_pid_from_a_server(fault_server):
    fault_server.start()
    pid_file = fault_server.home / "run" / "neo4j.pid"
    assert fault_server.run("stop").returncode == 0
    # A pid file left behind naming a process that is gone (the test's own, finished child).
    import subprocess

    gone = subprocess.Popen(["true"])
    gone.wait()
    pid_file.write_text(f"{gone.pid}\n")
    status = fault_server.run("status")
    assert status.returncode == 3 and status.stdout.startswith("not running:")
    assert not pid_file.exists() or pid_file.read_text().strip() != str(gone.pid)
    pid_file.write_text(f"{gone.pid}\n")
    started = fault_server.start()
    assert "is up" in started.stderr, started.stderr
    assert fault_server.run("status").stdout.startswith("running:")
