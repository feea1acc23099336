"""The HTML subgraph and the scorecard report, opened from file URLs in headless Chromium
with the network refused: the graph canvas draws nodes, search and the side panel work,
the report shows the town and its status counts. Screenshots go to ``test-artifacts/``."""

from __future__ import annotations

from kg.graph.subgraph import select
from kg.views.graph_page import page_data, to_html
from kg.views.scorecard import scorecard
from kg.views.scorecard_page import to_report_html

from .conftest import TIMEOUT_MS


def _open(browser, path):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    context.set_default_timeout(TIMEOUT_MS)
    outside = []
    context.route(
        "**/*",
        lambda route: (
            (outside.append(route.request.url), route.abort())
            if not route.request.url.startswith(("file:", "data:"))
            else route.continue_()
        ),
    )
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.goto(path.as_uri())
    return tab, outside, errors


def test_subgraph_page_draws_searches_and_shows_sources(browser, sample_graph, tmp_path, artifacts):
    sub = select(sample_graph, around="智力产业园", hops=1)
    page = tmp_path / "subgraph.html"
    page.write_text(to_html(sub, title="kg: 智力产业园"), "utf-8")
    tab, outside, errors = _open(browser, page)
    tab.wait_for_function("document.body.dataset.drawn === 'true'")
    drawn = tab.evaluate("Object.keys(window.kgNetwork.getPositions()).length")
    assert drawn == sub.number_of_nodes()
    # Something was painted on the canvas: not every pixel is the background.
    painted = tab.evaluate("""() => { const c = document.querySelector('#graph canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 3] && (d[i] < 240 || d[i + 1] < 240)) n++; return n; }""")
    assert painted > 1000
    tab.fill("#search", "智园")
    tab.dispatch_event("#search", "change")
    tab.locator("#panel h2").wait_for()
    assert tab.inner_text("#panel h2") == "上海智力产业园"
    assert "智力产业园" in tab.inner_text("#panel blockquote")
    assert "庙行镇 2023-" in tab.locator("#panel cite").first.inner_text()  # the quote names its report
    assert tab.locator("#legend span").count() >= 3
    tab.screenshot(path=artifacts / "subgraph-page.png")
    assert not outside and not errors


def test_every_node_is_drawn_in_its_class_colour(browser, sample_graph, tmp_path):
    # vis-network gives each `group` a palette colour of its own, and it took over from a
    # node's own colour for some nodes (Sentences drawn red, the colour of "stalled"): the
    # page must draw what its legend says.
    sub = select(sample_graph, around="智力产业园", hops=2)
    page = tmp_path / "subgraph.html"
    page.write_text(to_html(sub, title="kg: 智力产业园"), "utf-8")
    tab, outside, errors = _open(browser, page)
    tab.wait_for_function("document.body.dataset.rendered === 'true'")
    drawn = tab.evaluate("""() => Object.fromEntries(Object.entries(window.kgNetwork.body.nodes)
        .map(([id, n]) => [id, n.options.color.background]))""")
    wanted = {n["id"]: n["color"]["background"] for n in page_data(sub)["nodes"]}
    wrong = {i: (drawn.get(i), c) for i, c in wanted.items() if drawn.get(i) != c}
    assert not wrong, f"{len(wrong)} of {len(wanted)} nodes in another colour, e.g. {list(wrong.items())[:3]}"
    assert not outside and not errors


def test_scorecard_report_shows_the_town_and_its_counts(browser, sample_graph, tmp_path, artifacts):
    page = tmp_path / "report.html"
    page.write_text(to_report_html(sample_graph, "庙行镇"), "utf-8")
    tab, outside, errors = _open(browser, page)
    assert "庙行镇" in tab.inner_text("h1")
    for row in scorecard(sample_graph, "庙行镇"):
        shown = tab.locator(f'tr[data-report="{row["report"]}"]')
        for status in ("DELIVERED", "IN_PROGRESS", "AWAITING_FOLLOW_UP"):
            assert int(shown.locator(f'td[data-status="{status}"]').inner_text()) == row[status]
        segments = shown.locator(".seg")
        assert sum(int(s.get_attribute("data-count")) for s in segments.all()) == row["commitments"]
    chart = tab.locator("figure.chart svg").first
    assert chart.bounding_box()["height"] > 100 and "社会消费品零售总额" in chart.inner_html()
    assert tab.locator('tr[data-status="DELIVERED"] blockquote').count() >= 1  # evidence quoted
    tab.screenshot(path=artifacts / "scorecard-report.png", full_page=True)
    assert not outside and not errors
