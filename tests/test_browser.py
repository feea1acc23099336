"""End to end in Neo4j Browser, the way a researcher uses it: headless Chromium (Debian's
``chromium``), driven by Playwright, opens the Browser that the test server serves,
connects, drops ``schema/neo4j/kg.grass`` on the window, runs canned queries pasted from
``queries/`` and reads what is shown. Screenshots go to ``test-artifacts/`` (or
``KG_TEST_ARTIFACTS``).

Needs the test server (``KG_TEST_NEO4J_BROWSER_URL``, set by ``scripts/test``) and a
Chromium (``KG_TEST_CHROMIUM``, else ``chromium`` on PATH). Without them these tests
skip, unless ``KG_TEST_REQUIRE_BROWSER`` is set (``.ci/run`` sets it): then they fail.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from kg.graph.ontology import schema_file, status_labels
from kg.sinks.connection import connect
from kg.sinks.neo4j import push, wipe_database
from kg.sinks.queries import get_query
from kg.views.scorecard import scorecard

from .conftest import CHROMIUM_ARGS, TIMEOUT_MS, missing_browser

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def page(neo4j_connection, sample_graph, chromium):
    """Browser, connected to the test server holding the sample graph, styled with kg.grass."""
    url = os.environ.get("KG_TEST_NEO4J_BROWSER_URL")
    if not url:
        missing_browser("no Neo4j Browser URL: run scripts/test (it sets KG_TEST_NEO4J_BROWSER_URL)")
    sync_api = pytest.importorskip("playwright.sync_api")
    driver = connect(neo4j_connection)
    with driver.session() as session:
        wipe_database(session)
    driver.close()
    push(sample_graph, neo4j_connection)

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        context.set_default_timeout(TIMEOUT_MS)
        tab = context.new_page()
        tab.goto(url)
        host_port = neo4j_connection.uri.split("://", 1)[1]
        tab.get_by_test_id("bolt-scheme-select").select_option("bolt://")
        tab.get_by_test_id("boltaddress").fill(host_port)
        tab.get_by_test_id("username").fill(neo4j_connection.user)
        tab.get_by_test_id("password").fill(neo4j_connection.password or "")
        tab.get_by_test_id("connect").click()
        tab.get_by_text("You are connected as user").wait_for()
        _drop_file(tab, schema_file().parent / "kg.grass")
        yield tab
        browser.close()


def _drop_file(tab, path: Path) -> None:
    """What dragging a file onto the Browser window does."""
    transfer = tab.evaluate_handle(
        "([name, text]) => { const t = new DataTransfer(); t.items.add(new File([text], name, {type: 'text/plain'})); return t; }",
        [path.name, path.read_text("utf-8")],
    )
    for event in ("dragenter", "dragover", "drop"):
        tab.get_by_test_id("main").dispatch_event(event, {"dataTransfer": transfer})


def _run(tab, text: str):
    """Paste ``text`` into the editor, run it, and return the frame it opens."""
    frames = tab.get_by_test_id("frame")
    before = frames.count()
    tab.evaluate("text => navigator.clipboard.writeText(text)", text)
    tab.get_by_test_id("activeEditor").click()
    tab.keyboard.press("Control+A")
    tab.keyboard.press("Control+V")
    tab.get_by_test_id("editor-Run").click()
    tab.wait_for_function("n => document.querySelectorAll('[data-testid=frame]').length > n", arg=before)
    return frames.first  # the newest frame is on top


def _run_canned(tab, name: str):
    """As the README says: run the file's ``:param`` lines, then paste the query."""
    lines = get_query(name).path.read_text("utf-8").splitlines()
    params = [line for line in lines if line.startswith(":param")]
    for line in params:
        _run(tab, line).get_by_text("See").first.wait_for()
    return _run(tab, "\n".join(line for line in lines if not line.startswith(":param")))


def _grass_colours() -> dict[str, str]:
    grass = (schema_file().parent / "kg.grass").read_text("utf-8")
    return {m[1]: m[2].upper() for m in re.finditer(r"^node\.(\w+) \{[^}]*?^\s*color: (#[0-9A-Fa-f]{6});", grass, re.M)}


def test_scorecard_shows_the_town_with_the_figures_of_kg_status(page, sample_graph, artifacts):
    frame = _run_canned(page, "scorecard")
    frame.get_by_role("cell", name="庙行镇").first.wait_for()
    page.screenshot(path=artifacts / "browser-scorecard.png")
    rows = [[cell.strip() for cell in row.locator("td").all_inner_texts()] for row in frame.locator("tbody tr").all()]
    header = [h.strip() for h in frame.locator("thead th").all_inner_texts()]
    shown = [dict(zip(header, row)) for row in rows]
    expected = scorecard(sample_graph, town="庙行镇")
    assert [r["report_date"].strip('"') for r in shown] == [e["date"] for e in expected if e["commitments"]]
    for row, want in zip(shown, [e for e in expected if e["commitments"]]):
        assert row["town"].strip('"') == "庙行镇"
        assert int(row["commitments"]) == want["commitments"]
        assert int(row["DELIVERED"]) == want["DELIVERED"]
        assert int(row["AWAITING_FOLLOW_UP"]) == want["AWAITING_FOLLOW_UP"]


def test_trace_entity_draws_commitments_in_their_status_colours(page, sample_graph, artifacts):
    frame = _run_canned(page, "trace-entity")
    circles = frame.locator("svg g.node circle.b-outline")
    circles.first.wait_for()
    page.wait_for_timeout(1500)  # let the force layout settle before the picture
    page.screenshot(path=artifacts / "browser-trace-entity.png")
    fills = {fill.upper() for fill in (c.get_attribute("fill") for c in circles.all())}
    colours = _grass_colours()
    park = {n for n, d in sample_graph.nodes(data=True) if d.get("name") == "智力产业园" or "智力产业园" in d.get("aliases", ())}
    park |= {part for part, whole, d in sample_graph.edges(data=True) if d["type"] == "PART_OF" and whole in park}
    promised = {
        sample_graph.nodes[claim]["status"]
        for claim, entity, d in sample_graph.edges(data=True)
        if d["type"] == "ABOUT" and entity in park and sample_graph.nodes[claim]["label"] == "Commitment"
    }
    assert promised, "the sample's promises about 智力产业园"
    assert {colours[status_labels()[s]] for s in promised} <= fills
    assert colours["Progress"] in fills and colours["IndustrialPark"] in fills
