from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"

# The sample reports and what a reader of them can check by eye.
SAMPLES = {
    "000_dd07b67f804f2d67.txt": ("庙行镇", "宝山区", "2023-07-26", ("2023-01-01", "2023-06-30"), ("2023-07-01", "2023-12-31")),
    "001_8d55160e06e9d7cd.txt": ("庙行镇", "宝山区", "2023-01-05", ("2022-01-01", "2022-12-31"), ("2023-01-01", "2023-12-31")),
    "002_273361674173251b.txt": ("大场镇", "宝山区", "2023-01-12", ("2022-01-01", "2022-12-31"), ("2023-01-01", "2023-12-31")),
    "003_68189976bd792ce1.txt": ("罗店镇", "宝山区", "2024-12-24", ("2024-01-01", "2024-12-31"), ("2025-01-01", "2025-12-31")),
    "004_ba4aa9962f5a29a2.txt": ("高境镇", "宝山区", "2024-01-10", ("2023-01-01", "2023-12-31"), ("2024-01-01", "2024-12-31")),
}


@pytest.fixture(scope="session")
def sample_reports():
    from loaders import load

    return {name: load(REPORTS / name) for name in SAMPLES}


@pytest.fixture(scope="session")
def sample_graph(tmp_path_factory):
    """The graph of the five sample reports, built once (tests must not change it)."""
    from kg.build import build
    from kg.graph.store import Store

    built = Store(tmp_path_factory.mktemp("sample") / "store")
    build(None, built)
    return built.load()


@pytest.fixture
def store(tmp_path):
    from kg.graph.store import Store

    return Store(tmp_path / "store")


@pytest.fixture(scope="session")
def neo4j_connection():
    """The test Neo4j server (scripts/test and .ci/run start one and set these)."""
    uri = os.environ.get("KG_TEST_NEO4J_URI")
    if not uri:
        pytest.skip("no Neo4j configured: set KG_TEST_NEO4J_URI/USER/PASSWORD or run scripts/test")
    from kg.sinks.connection import Connection

    return Connection(
        uri=uri,
        user=os.environ.get("KG_TEST_NEO4J_USER", "neo4j"),
        password=os.environ.get("KG_TEST_NEO4J_PASSWORD"),
    )


@pytest.fixture
def empty_neo4j(neo4j_connection):
    """The test database, emptied (it is the test instance's own, never a user's)."""
    from kg.sinks.connection import connect
    from kg.sinks.neo4j import wipe_database

    driver = connect(neo4j_connection)
    with driver.session() as session:
        wipe_database(session)
    driver.close()
    return neo4j_connection


# --- Headless Chromium (browser tests) -------------------------------------------------

# Without the network flags Chromium keeps reaching for Google's hosts, which this
# machine's closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 30_000


def missing_browser(what: str):
    if os.environ.get("KG_TEST_REQUIRE_BROWSER"):
        pytest.fail(f"{what} (KG_TEST_REQUIRE_BROWSER is set)")
    pytest.skip(what)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    folder = Path(os.environ.get("KG_TEST_ARTIFACTS", ROOT / "test-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def chromium() -> str:
    found = os.environ.get("KG_TEST_CHROMIUM") or shutil.which("chromium")
    if not found or not Path(found).exists():
        missing_browser("no Chromium: install Debian's chromium or set KG_TEST_CHROMIUM")
    return found


@pytest.fixture(scope="module")
def browser(chromium):
    """Debian's Chromium, headless, driven by Playwright (which downloads no browser)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
