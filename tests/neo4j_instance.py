"""A Neo4j server of the tests' own that they may kill: an instance of scripts/neo4j-local
named after the suite's (``$KG_TEST_INSTANCE-faults``), so that killing it never touches
the server the other tests, or another developer's suite, are using."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kg.sinks.connection import Connection

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j-local"
# The initial password of the instance: distinctive, so that a test can look for it in
# everything kg wrote (it takes effect when the instance is first created).
CANARY_PASSWORD = "Kg-canary-S3cret-5f0c9a7e21"


def instance_name() -> str:
    return os.environ.get("KG_TEST_FAULT_INSTANCE") or f"{os.environ.get('KG_TEST_INSTANCE', 'test')}-faults"


@dataclass
class Instance:
    name: str

    def run(self, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
        env = {**os.environ, "NEO4J_PASSWORD": CANARY_PASSWORD}
        return subprocess.run(
            [str(SCRIPT), "--instance", self.name, *args], capture_output=True, text=True, timeout=timeout, env=env, check=False
        )

    def start(self) -> subprocess.CompletedProcess:
        result = self.run("start")
        if result.returncode:
            raise RuntimeError(f"neo4j-local start failed: {result.stderr[-2000:]}")
        return result

    def env(self) -> dict[str, str]:
        out = self.run("env").stdout
        return {m.group(1): _unquote(m.group(2)) for m in re.finditer(r"^export (\w+)=(.*)$", out, re.MULTILINE)}

    def connection(self, **kwargs) -> Connection:
        env = self.env()
        return Connection(uri=env["NEO4J_URI"], user=env["NEO4J_USER"], password=env["NEO4J_PASSWORD"], **kwargs)

    @property
    def home(self) -> Path:
        status = self.run("status").stdout
        return Path(re.search(r"home (\S+?)\)?$", status.strip()).group(1))

    def pid(self) -> int:
        return int((self.home / "run" / "neo4j.pid").read_text().strip())


def _unquote(value: str) -> str:
    """A value as bash's printf %q wrote it (the passwords here need no quoting)."""
    return value.strip("'")
