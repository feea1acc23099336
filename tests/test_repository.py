"""The repository stands on its own and its servers are private by default: nothing in
it refers to files outside it, Docker's Neo4j listens on 127.0.0.1 only and has no
default password, and so does scripts/neo4j-local's."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Data files whose text is names and codes, not references.
DATA = ("loaders/data/", "kg/extraction/data/", "tests/corpus/real/")


def _tracked_text_files() -> list[Path]:
    try:
        names = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\n")
        files = [ROOT / n for n in names if n]
    except (OSError, subprocess.CalledProcessError):
        files = [p for p in ROOT.rglob("*") if p.is_file() and not {".git", ".venv"} & set(p.parts)]
    texts = []
    for path in files:
        relative = str(path.relative_to(ROOT))
        if relative.startswith(DATA) or not path.is_file():
            continue
        data = path.read_bytes()
        if b"\x00" not in data[:4096]:
            texts.append(path)
    return texts


def test_nothing_refers_to_files_outside_the_repository():
    outside = []
    names = {p.name for p in _tracked_text_files()}
    for path in _tracked_text_files():
        text = path.read_text("utf-8", errors="replace")
        relative = path.relative_to(ROOT)
        for match in re.finditer(r"(?:\.\./)+[\w.-][\w./-]*", text):
            target = (path.parent / match.group(0)).resolve()
            if not target.is_relative_to(ROOT):
                outside.append(f"{relative}: {match.group(0)}")
        for match in re.finditer(r"/work/(?:main|wt\d+|shared)\b\S*", text):
            outside.append(f"{relative}: {match.group(0)}")
        # A document named as a file must be one of the repository's.
        for match in re.finditer(r"\b([A-Z][A-Z_]+\.md)\b", text):
            if match.group(1) not in names:
                outside.append(f"{relative}: {match.group(1)}")
    assert not outside, "refers outside the repository:\n" + "\n".join(outside)


def test_docker_compose_listens_on_localhost_only_and_requires_a_password():
    compose = (ROOT / "docker-compose.yml").read_text("utf-8")
    ports = re.findall(r"^\s*-\s*\"?([^\"\n]+:\d+:\d+)\"?\s*$", compose, re.MULTILINE)
    assert ports and all(p.startswith("127.0.0.1:") for p in ports), ports
    [auth] = re.findall(r"NEO4J_AUTH:\s*(.+?)\s*$", compose, re.MULTILINE)
    # ${NEO4J_PASSWORD:?…} makes compose refuse to start without one; no literal default.
    assert re.fullmatch(r"neo4j/\$\{NEO4J_PASSWORD:\?[^}]*\}", auth), auth
    assert not re.search(r"NEO4J_PASSWORD:-", compose)


def test_neo4j_local_listens_on_localhost_and_keeps_its_password_private():
    script = (ROOT / "scripts" / "neo4j-local").read_text("utf-8")
    assert "server.default_listen_address=127.0.0.1" in script
    assert "umask 077" in script  # the instance's password file
    assert re.search(r"secrets\.token_urlsafe", script)  # generated, not a default
