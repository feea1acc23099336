"""Report text is text on kg's pages: a report (and a file name) holding ``<script>``,
``<img onerror=…>`` and ``javascript:`` links, shown by ``kg export subgraph --format
html`` and ``kg report`` in headless Chromium, shows them as text and runs none of them
(they would set ``window.__pwned`` or open a dialog)."""

from __future__ import annotations

import shutil

import pytest

from kg.build import build
from kg.graph.store import Store
from kg.graph.subgraph import select
from kg.views.graph_page import to_html
from kg.views.scorecard_page import to_report_html

from .conftest import REPORTS, TIMEOUT_MS

SCRIPT = "<script>window.__pwned = 'script'; alert('script')</script>"
IMG = "<img src=x onerror=\"window.__pwned = 'img'; alert('img')\">"
LINK = "<a href=\"javascript:window.__pwned = 'link'; alert('link')\">点此查看</a>"
SVG = "<svg onload=\"window.__pwned = 'svg'\"></svg>"
# A file name may hold anything but a slash: the report's source shows on the graph page.
FILE_NAME = "庙行镇 <img src=x onerror=\"window.__pwned='file'; alert('file')\"> 报告.txt"
HOSTILE_REPORT_LINES = (
    f"\n\n推进智力产业园三期建设{SCRIPT}，2023年底前完成主体结构。"
    f"\n\n完成共康路改造{IMG}，年内开工建设。"
    f"\n\n启动滨水步道建设，详见javascript:window.__pwned='text'，2023年底前建成。"
)


@pytest.fixture(scope="module")
def hostile_graph(tmp_path_factory):
    """A built graph of a report with markup in its plan and its file name; and, since the
    loader drops HTML tags from a text's sentences, the same markup written straight into
    a commitment's and its sentence's text and an entity's name and alias, as a graph read
    back from Neo4j (``--from-neo4j``) may hold them."""
    folder = tmp_path_factory.mktemp("xss-in")
    text = (REPORTS / "001_8d55160e06e9d7cd.txt").read_text("utf-8")
    plan = text.index("\n\n", text.index("二、2023"))
    (folder / FILE_NAME).write_text(text[:plan] + HOSTILE_REPORT_LINES + text[plan:], "utf-8")
    store = Store(tmp_path_factory.mktemp("xss") / "store")
    assert build([folder], store).loaded == 1
    graph = store.load()
    commitment = next(
        n for n, d in graph.nodes(data=True) if d["label"] == "Commitment" and "智力产业园三期" in d.get("text", "")
    )
    sentence = next(t for _, t, k in graph.out_edges(commitment, keys=True) if k == "STATED_IN")
    graph.nodes[commitment]["text"] += SCRIPT + LINK
    graph.nodes[sentence]["text"] += SCRIPT + IMG + LINK
    entity = next(t for _, t, k in graph.out_edges(commitment, keys=True) if k == "ABOUT")
    graph.nodes[entity]["name"] = "智力产业园" + SVG + IMG
    graph.nodes[entity]["aliases"] = [SCRIPT, LINK]
    return graph, commitment, sentence, entity


def _open(browser, path):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    context.set_default_timeout(TIMEOUT_MS)
    context.route(
        "**/*", lambda route: route.abort() if not route.request.url.startswith(("file:", "data:")) else route.continue_()
    )
    tab = context.new_page()
    dialogs, errors = [], []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.goto(path.as_uri())
    return tab, dialogs, errors


def _assert_nothing_ran(tab, dialogs, scripts: int) -> None:
    tab.wait_for_timeout(300)  # an onerror of a broken image fires after loading
    assert tab.evaluate("typeof window.__pwned") == "undefined"
    assert not dialogs
    assert tab.evaluate("document.scripts.length") == scripts  # only the page's own
    assert tab.evaluate('document.querySelectorAll(\'[onerror], [onload], a[href^="javascript:"], img[src="x"]\').length') == 0


def test_the_graph_page_shows_markup_as_text_and_runs_none_of_it(browser, hostile_graph, tmp_path, artifacts):
    graph, commitment, sentence, entity = hostile_graph
    report = graph.nodes[sentence]["report"]
    # The report (with its file name) is further away: added to what --around gives.
    sub = graph.subgraph(set(select(graph, around=commitment, hops=2).nodes) | {report}).copy()
    assert {commitment, sentence, entity, report} <= set(sub.nodes)
    page = tmp_path / "graph.html"
    page.write_text(to_html(sub, title=f"kg: {SCRIPT}"), "utf-8")
    tab, dialogs, errors = _open(browser, page)
    tab.wait_for_function("document.body.dataset.drawn === 'true'")
    assert SCRIPT in tab.title()
    scripts = tab.evaluate("document.scripts.length")
    assert scripts == 3  # vis-network, the data, the page's code
    shown = {}
    for node in (commitment, sentence, entity, report):
        # Click the node where the canvas drew it: the side panel shows its properties and quotes.
        tab.evaluate(f"window.kgNetwork.focus({node!r}, {{scale: 1.0, animation: false}})")
        box = tab.locator("#graph canvas").bounding_box()
        point = tab.evaluate(f"window.kgNetwork.canvasToDOM(window.kgNetwork.getPositions([{node!r}])[{node!r}])")
        tab.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
        tab.wait_for_timeout(400)  # the tooltip (the node's title) shows on hover
        tab.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
        tab.wait_for_function(f"document.querySelector('#panel').innerText.includes({graph.nodes[node]['label']!r})")
        shown[node] = tab.inner_text("#panel")
        _assert_nothing_ran(tab, dialogs, scripts)
    assert SCRIPT in shown[commitment] and LINK in shown[commitment]
    assert IMG in shown[sentence]
    assert SVG in shown[entity] and SCRIPT in shown[entity]
    assert FILE_NAME in shown[report]
    tab.fill("#search", "智力产业园")  # the search lists names and aliases
    tab.dispatch_event("#search", "change")
    _assert_nothing_ran(tab, dialogs, scripts)
    tab.screenshot(path=artifacts / "graph-page-markup-as-text.png")
    assert not errors


def test_the_scorecard_page_shows_markup_as_text_and_runs_none_of_it(browser, hostile_graph, tmp_path, artifacts):
    graph = hostile_graph[0]
    page = tmp_path / "report.html"
    page.write_text(to_report_html(graph, "庙行镇"), "utf-8")
    tab, dialogs, errors = _open(browser, page)
    scripts = tab.evaluate("document.scripts.length")
    _assert_nothing_ran(tab, dialogs, scripts)
    row = tab.locator("table.commitments tr", has_text="智力产业园三期")
    assert SCRIPT in row.first.inner_text() and LINK in row.first.inner_text()
    tab.screenshot(path=artifacts / "scorecard-markup-as-text.png", full_page=True)
    assert not errors


def test_the_loader_keeps_no_markup_of_a_text_report(hostile_graph):
    """Behind the pages: a text report's HTML remnants are not part of its sentences."""
    graph, *_ = hostile_graph
    texts = [d["text"] for _, d in graph.nodes(data=True) if d["label"] == "Sentence" and "共康路改造" in d["text"]]
    assert texts and all("<img" not in t for t in texts)


def test_an_html_report_loses_its_scripts(tmp_path):
    from loaders import load

    shutil.copy(REPORTS / "001_8d55160e06e9d7cd.txt", tmp_path)
    text = (REPORTS / "001_8d55160e06e9d7cd.txt").read_text("utf-8")
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n") if p.strip())
    page = tmp_path / "r.html"
    page.write_text(f"<html><body>{SCRIPT}{paragraphs}<p>{IMG}{LINK}</p></body></html>", "utf-8")
    report = load(page)
    assert all("<" not in s.text and "pwned" not in s.text for s in report.sentences())
