"""Secrets: the Neo4j password comes from an option, the environment or a config file
readable only by its owner, and is never printed, logged, or written to the store, the
exports, the pages or the database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KgError
from kg.sinks.connection import connect, read_config, resolve_connection
from kg.sinks.queries import canned_queries

from .neo4j_instance import Instance, instance_name

ROOT = Path(__file__).resolve().parent.parent
CANARY = "Cfg-Canary-Pa55-0b7e1c"


def _config(folder: Path, mode: int, **settings: str) -> Path:
    path = folder / "kg.toml"
    path.write_text("[neo4j]\n" + "".join(f'{k} = "{v}"\n' for k, v in settings.items()), "utf-8")
    path.chmod(mode)
    return path


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_a_config_file_others_can_read_is_refused_in_one_line(tmp_path, mode):
    path = _config(tmp_path, mode, password=CANARY)
    store = tmp_path / "s"
    assert CliRunner().invoke(main, ["build", "--store", str(store)]).exit_code == 0
    result = CliRunner().invoke(main, ["push", "--store", str(store)], env={"KG_CONFIG": str(path), "NEO4J_PASSWORD": None})
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert line == (
        f"kg: {path}: the config file may hold a password but others can read it (mode {mode:o}); run chmod 600 {path}"
    )
    assert CANARY not in result.output


def test_a_config_file_readable_only_by_its_owner_gives_what_is_missing(tmp_path, monkeypatch):
    path = _config(tmp_path, 0o600, uri="bolt://db.invalid:7687", user="reader", password=CANARY)
    monkeypatch.setenv("KG_CONFIG", str(path))
    assert read_config() == {"uri": "bolt://db.invalid:7687", "user": "reader", "password": CANARY}
    from_file = resolve_connection()
    assert (from_file.uri, from_file.user, from_file.password) == ("bolt://db.invalid:7687", "reader", CANARY)
    # An option or the environment (click gives both as the argument) wins over the file.
    given = resolve_connection(uri="bolt://other:7687", password="given")
    assert (given.uri, given.user, given.password) == ("bolt://other:7687", "reader", "given")
    assert CANARY not in repr(from_file)


def test_no_config_file_is_no_settings(tmp_path, monkeypatch):
    monkeypatch.delenv("KG_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert read_config() == {}
    monkeypatch.setenv("KG_CONFIG", str(tmp_path / "missing.toml"))
    with pytest.raises(KgError, match="no such config file"):
        read_config()


def test_a_broken_config_file_is_named_without_its_content(tmp_path):
    path = tmp_path / "kg.toml"
    path.write_text(f'[neo4j]\npassword = "{CANARY}\n', "utf-8")
    path.chmod(0o600)
    with pytest.raises(KgError) as info:
        read_config(path)
    assert str(path) in str(info.value) and CANARY not in str(info.value) and "\n" not in str(info.value)
    path.write_text(f'[neo4j]\npasword = "{CANARY}"\n', "utf-8")
    with pytest.raises(KgError, match="unknown setting pasword") as info:
        read_config(path)
    assert CANARY not in str(info.value)


def test_the_password_is_not_shown_in_help_or_defaults():
    result = CliRunner().invoke(main, ["push", "--help"], env={"NEO4J_PASSWORD": CANARY})
    assert result.exit_code == 0 and CANARY not in result.output


# --- the whole round, with the tests' own server and its distinctive password ----------


@pytest.fixture(scope="module")
def canary_server(neo4j_connection):
    instance = Instance(instance_name())
    instance.start()
    yield instance.connection()
    instance.run("stop")


def _all_bytes(folder: Path, skip: set[Path]):
    for path in folder.rglob("*"):
        if path.is_file() and path not in skip:
            yield path, path.read_bytes()
            if path.suffix == ".zip":
                import zipfile

                with zipfile.ZipFile(path) as archive:
                    for name in archive.namelist():
                        yield path / name, archive.read(name)


@pytest.mark.neo4j
def test_build_push_query_export_report_never_print_log_or_write_the_password(canary_server, tmp_path):
    password = canary_server.password
    assert len(password) >= 16  # distinctive: it cannot appear by chance
    work = tmp_path / "work"
    work.mkdir()
    config = _config(tmp_path, 0o600, uri=canary_server.uri, user=canary_server.user, password=password)
    # Nothing from the developer's own settings: no NEO4J_*, no config file but the test's.
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_TEST_NEO4J", "KG_CONFIG"))}
    base_env |= {
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "KG_STORE": str(work / "store"),
        "PYTHONPATH": str(ROOT),
    }
    via_env = base_env | {"NEO4J_URI": canary_server.uri, "NEO4J_PASSWORD": password}
    via_option = ["--uri", canary_server.uri, "--password", password]
    via_config = base_env | {"KG_CONFIG": str(config)}
    outputs: list[str] = []

    def kg(*args: str, env: dict, ok: bool = True) -> None:
        result = subprocess.run(
            [sys.executable, "-m", "kg.cli", "--debug", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=work,
            timeout=600,
            check=False,
        )
        outputs.append(result.stdout + result.stderr)
        if ok:
            assert result.returncode == 0, (args, result.stderr[-3000:])

    kg("build", env=base_env)
    kg("push", env=via_env)
    kg("push", "--wipe", "--yes", *via_option, env=base_env)
    kg("push", env=via_config)
    for query in canned_queries():
        params = [f"--param={k}={v}" for k, v in query.examples.items()]
        kg("query", query.name, *params, env=via_config)
        kg("query", query.name, *params, "--json", *via_option, env=base_env)
    for name in ("reports", "entities", "commitments", "indicators"):
        kg("export", name, "-o", f"{name}.json", env=base_env)
    for fmt in ("graphml", "json", "cypher", "ttl", "jsonld", "html"):
        kg("export", "subgraph", "--format", fmt, "-o", f"graph.{fmt}", env=base_env)
        kg("export", "subgraph", "--from-neo4j", "--format", fmt, "-o", f"neo4j.{fmt}", env=via_config)
    kg("export", "subgraph", "--format", "csv", "-o", "csv-folder", env=base_env)
    kg("export", "subgraph", "--from-neo4j", "--format", "csv", "-o", "neo4j-csv.zip", env=via_env)
    kg("report", "-o", "scorecard.html", env=base_env)
    kg("report", "--town", "庙行镇", "-o", "-", env=base_env)
    kg("status", "--json", env=base_env)
    kg("trace", "呼兰路站", env=base_env)
    kg("queries", env=base_env)
    kg("review", "export", "-o", "sheet.csv", env=base_env)
    # A failure that names the server does not name the password either.
    kg("export", "subgraph", "--from-neo4j", "--format", "json", "--uri", "bolt://127.0.0.1:9", env=via_env, ok=False)

    assert not [o for o in outputs if password in o]
    written = list(_all_bytes(tmp_path, skip={config}))
    assert len(written) > 20 and any(p.name == "graph.json" for p, _ in written)
    leaked = [str(p) for p, data in written if password.encode() in data]
    assert not leaked, f"the password is in {leaked}"
    driver = connect(canary_server)
    with driver.session() as session:
        found = session.run(
            "MATCH (n) WHERE apoc.convert.toJson(properties(n)) CONTAINS $p RETURN count(n) AS c", p=password
        ).single()["c"]
        found += session.run(
            "MATCH ()-[r]->() WHERE apoc.convert.toJson(properties(r)) CONTAINS $p RETURN count(r) AS c", p=password
        ).single()["c"]
        assert session.run("MATCH (n) RETURN count(n) AS c").single()["c"] > 1000  # the graph is there
    driver.close()
    assert found == 0


@pytest.mark.neo4j
def test_the_driver_logs_no_password_even_at_debug_level(canary_server, sample_graph, caplog):
    import logging

    from kg.sinks.neo4j import push, read_graph

    with caplog.at_level(logging.DEBUG, logger="neo4j"):
        push(sample_graph, canary_server, batch_size=5000)
        read_graph(canary_server)
    assert "HELLO" in caplog.text or "LOGON" in caplog.text  # the login was logged...
    assert canary_server.password not in caplog.text  # ...without the password


@pytest.mark.neo4j
def test_neo4j_local_keeps_the_password_readable_only_by_its_owner(canary_server):
    instance = Instance(instance_name())
    state = instance.home / "kg-instance.env"
    assert state.stat().st_mode & 0o077 == 0
    status = instance.run("status")
    assert canary_server.password not in status.stdout + status.stderr
