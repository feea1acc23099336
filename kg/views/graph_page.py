"""A (sub)graph as one self-contained, interactive HTML page: vis-network (the copy that
the ``pyvis`` package ships, inlined, so nothing is fetched when the page opens), colours
and captions from Browser's style sheet, a legend, a search by name or alias, and a side
panel with the chosen node's properties and the sentences it comes from.
"""

from __future__ import annotations

import html
import json
from importlib.resources import files

import networkx as nx

from kg import __version__
from kg.errors import KgError
from kg.graph.model import flat_properties
from kg.graph.ontology import labels_under
from kg.views.style import node_style, relationship_colour

VIS_VERSION = "9.1.2"
MAX_QUOTES = 8
# Relationships whose name is worth reading on the canvas; the rest show it on hover.
LABELLED_RELATIONSHIPS = {"FOLLOWED_UP_BY", "RECOMMITTED_AS", "MEASURED_BY", "ABOUT", "PART_OF"}


CLAIM_CLASSES = frozenset(labels_under("Claim"))  # their sentence is what they are STATED_IN


def _legend_name(data: dict) -> str:
    if data["label"] == "Commitment" and data.get("status"):
        return f"Commitment: {data['status']}"
    return data["label"]


def _vis_asset(name: str) -> str:
    try:
        return (files("pyvis") / "lib" / f"vis-{VIS_VERSION}" / name).read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise KgError(f"the HTML page needs vis-network {VIS_VERSION} from the pyvis package: pip install pyvis ({exc})") from exc


def _quotes(graph: nx.MultiDiGraph, node: str, data: dict) -> list[dict]:
    """The sentences a node comes from, as far as the graph holds them: an entity's
    mentions, a claim's sentence; with their report's town and date."""
    sentences = []
    if data["label"] in CLAIM_CLASSES:
        sentences = [t for _, t, k in graph.out_edges(node, keys=True) if k == "STATED_IN"]
    elif data["label"] == "Sentence":
        sentences = [node]
    else:
        sentences = [s for s, _, k in graph.in_edges(node, keys=True) if k == "MENTIONS"]
    index = graph.graph.get("report_index", {})

    def report_of(report_id):
        return graph.nodes[report_id] if report_id in graph else index.get(report_id, {})

    quotes = []
    for sentence in sorted(set(sentences))[:MAX_QUOTES]:
        s = graph.nodes[sentence]
        report = report_of(s.get("report"))
        quotes.append({"text": s.get("text", ""), "town": report.get("town"), "date": report.get("date")})
    if not quotes and data.get("text") and data["label"] != "Sentence":
        report = report_of(data.get("report"))
        quotes.append({"text": data["text"], "town": report.get("town"), "date": report.get("date")})
    return quotes


def page_data(graph: nx.MultiDiGraph) -> dict:
    """What the page draws: vis-network nodes and edges, and per node its properties
    and quotes."""
    nodes, details = [], {}
    for node, data in sorted(graph.nodes(data=True)):
        style = node_style(data)
        caption = style.caption if len(style.caption) <= 18 else style.caption[:17] + "…"
        nodes.append(
            {
                "id": node,
                "label": caption,
                # Not vis-network's `group`: vis gives each group a palette colour that took
                # over from the node's own colour for some nodes.
                "cls": data["label"],
                "title": style.caption,
                "color": {"background": style.color, "border": style.border},
                "font": {"color": "#222"},
                "names": [str(x) for x in [data.get("name"), *(data.get("aliases") or [])] if x],
                "search": " ".join([style.caption, *map(str, data.get("aliases") or [])]),
            }
        )
        details[node] = {
            "class": data["label"],
            "caption": style.caption,
            "properties": flat_properties(data),
            "quotes": _quotes(graph, node, data),
        }
    edges = [
        {
            "from": start,
            "to": end,
            "title": key,
            "arrows": "to",
            "color": {"color": relationship_colour(key)},
            "font": {"size": 9, "color": "#666"},
            **({"label": key} if key in LABELLED_RELATIONSHIPS else {}),
        }
        for start, end, key in sorted(graph.edges(keys=True))
    ]
    legend = sorted({(_legend_name(d), node_style(d).color) for _, d in graph.nodes(data=True)})
    return {"nodes": nodes, "edges": edges, "details": details, "legend": legend}


def to_html(graph: nx.MultiDiGraph, title: str = "kg subgraph") -> str:
    """The page, as one string of HTML."""
    data = json.dumps(page_data(graph), ensure_ascii=False).replace("</", "<\\/")
    return _TEMPLATE.format(
        title=html.escape(title),
        version=__version__,
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        vis_css=_vis_asset("vis-network.css"),
        vis_js=_vis_asset("vis-network.min.js").replace("</script", "<\\/script"),
        data=data,
        physics="true" if graph.number_of_nodes() <= 1500 else "false",
    )


_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="generator" content="kg {version}">
<title>{title}</title>
<style>{vis_css}</style>
<style>
  body {{ margin: 0; font: 14px/1.45 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #222; }}
  header {{ padding: 8px 14px; border-bottom: 1px solid #ddd; display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }}
  header h1 {{ font-size: 16px; margin: 0; }}
  header .counts {{ color: #666; }}
  #search {{ padding: 4px 8px; width: 16em; font: inherit; }}
  #legend span {{ display: inline-flex; align-items: center; margin-right: 10px; font-size: 12px; }}
  #legend i {{ width: 11px; height: 11px; border-radius: 50%; display: inline-block; margin-right: 4px; border: 1px solid #999; }}
  main {{ display: flex; height: calc(100vh - 58px); }}
  #graph {{ flex: 1; min-width: 0; }}
  #panel {{ width: 360px; border-left: 1px solid #ddd; padding: 10px 14px; overflow-y: auto; }}
  #panel h2 {{ font-size: 15px; margin: 4px 0 8px; }}
  #panel table {{ border-collapse: collapse; width: 100%; font-size: 12px; }}
  #panel td {{ border-top: 1px solid #eee; padding: 3px 4px; vertical-align: top; word-break: break-all; }}
  #panel td:first-child {{ color: #666; white-space: nowrap; }}
  blockquote {{ margin: 6px 0; padding: 4px 8px; border-left: 3px solid #E9C46A; background: #fafafa; }}
  blockquote cite {{ display: block; color: #777; font-size: 11px; font-style: normal; }}
  .muted {{ color: #888; }}
</style>
</head>
<body>
<header>
  <h1>{title}</h1><span class="counts"><span id="node-count">{nodes}</span> nodes, {edges} relationships</span>
  <input id="search" type="search" placeholder="搜索名称或别名 / search by name" list="names" aria-label="search">
  <datalist id="names"></datalist>
  <div id="legend"></div>
</header>
<main><div id="graph"></div><aside id="panel"><p class="muted">Click a node to see its properties and the sentences it comes from.</p></aside></main>
<script>{vis_js}</script>
<script id="kg-data" type="application/json">{data}</script>
<script>
(function () {{
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  const network = new vis.Network(document.getElementById("graph"), {{nodes, edges}}, {{
    nodes: {{shape: "dot", size: 14, borderWidth: 2}},
    edges: {{smooth: {{type: "continuous"}}, width: 1}},
    physics: {{enabled: {physics}, stabilization: {{iterations: 300}}, barnesHut: {{springLength: 120}}}},
    interaction: {{hover: true, tooltipDelay: 150}},
  }});
  window.kgNetwork = network;
  network.once("stabilizationIterationsDone", () => {{ network.fit(); document.body.dataset.drawn = "true"; }});
  network.once("afterDrawing", () => {{ document.body.dataset.rendered = "true"; }});
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({{"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}})[c]);
  const legend = document.getElementById("legend");
  legend.innerHTML = data.legend.map(([cls, colour]) => `<span><i style="background:${{colour}}"></i>${{esc(cls)}}</span>`).join("");
  const names = document.getElementById("names");
  names.innerHTML = data.nodes.map((n) => `<option value="${{esc(n.title)}}"></option>`).join("");
  function show(id) {{
    const d = data.details[id];
    const rows = Object.entries(d.properties).map(([k, v]) => `<tr><td>${{esc(k)}}</td><td>${{esc(Array.isArray(v) ? v.join("、") : v)}}</td></tr>`).join("");
    const quotes = d.quotes.map((q) => `<blockquote>${{esc(q.text)}}<cite>${{esc(q.town || "")}} ${{esc(q.date || "")}}</cite></blockquote>`).join("");
    document.getElementById("panel").innerHTML = `<h2>${{esc(d.caption)}}</h2><p class="muted">${{esc(d.class)}}</p>`
      + (quotes ? `<h3>Sources</h3>${{quotes}}` : "") + `<h3>Properties</h3><table>${{rows}}</table>`;
  }}
  network.on("click", (e) => {{ if (e.nodes.length) show(e.nodes[0]); }});
  document.getElementById("search").addEventListener("change", (e) => {{
    const q = e.target.value.trim();
    if (!q) return;
    // A name before a sentence that contains it: exact caption, name or alias, then entities, then anything.
    const lexical = new Set(["Sentence", "Section", "Part", "Report"]);
    const hit = data.nodes.find((n) => n.title === q) || data.nodes.find((n) => n.names.includes(q))
      || data.nodes.find((n) => !lexical.has(n.cls) && n.search.includes(q)) || data.nodes.find((n) => n.search.includes(q));
    if (!hit) return;
    network.selectNodes([hit.id]);
    network.focus(hit.id, {{scale: 1.2, animation: true}});
    show(hit.id);
  }});
}})();
</script>
</body>
</html>
"""
