"""The scorecard as one self-contained HTML page per town (or for all towns): delivery
status bars per report, the commitments with status and evidence quotes, indicator
targets against actuals as charts (matplotlib, drawn into the page as SVG), and the
silent promises. Nothing is fetched when the page opens.

The charts keep their text as text (SVG ``<text>``), set in a CJK font that this machine
has (:func:`cjk_font`), so Chinese renders in the page with the reader's fonts.
"""

from __future__ import annotations

import contextlib
import html
import io
from collections import defaultdict
from functools import cache

import networkx as nx

from kg import __version__
from kg.errors import KgError
from kg.graph.ontology import status_labels, status_names, statuses
from kg.views.records import export_commitments
from kg.views.scorecard import scorecard
from kg.views.style import grass_rules

STATUSES = statuses()

# Fonts with the Chinese glyphs, best first; any one present is enough.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "Noto Sans CJK JP",
    "Arial Unicode MS",
)
# 已兑现 delivered, …: the statuses' labels in the ontology, Chinese then English
STATUS_NAMES = {s: f"{status_names('zh')[s]} {status_names()[s]}" for s in STATUSES}


def status_colour(status: str) -> str:
    return grass_rules()[("node", status_labels()[status])]["color"]


@cache
def cjk_font() -> str | None:
    """The first of :data:`CJK_FONTS` installed here whose file has the glyphs of 兑现."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    installed = {f.name: f.fname for f in font_manager.fontManager.ttflist}
    if not any(name in installed for name in CJK_FONTS):
        # matplotlib writes its list of the system's fonts once per user and never sees a
        # font installed after that (apt-get install fonts-noto-cjk after a first chart):
        # the system's font files are looked at again, and the CJK ones added.
        for path in font_manager.findSystemFonts():
            if "CJK" in path or "cjk" in path:
                with contextlib.suppress(Exception):  # a file matplotlib cannot read is no font for it
                    font_manager.fontManager.addfont(path)
        installed = {f.name: f.fname for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            font = FT2Font(installed[name])
            if all(font.get_char_index(ord(ch)) for ch in "兑现庙行镇"):
                return name
    return None


def _chart(targets: list[dict], title: str) -> str:
    """Share of each target reached by its latest actual, against the share of the
    period gone by then: an SVG string."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    font = cjk_font()
    rows = [(t, t["actuals"][-1]) for t in targets if t["actuals"] and t["actuals"][-1].get("share") is not None]
    if not rows:
        return ""
    with matplotlib.rc_context(
        {"svg.fonttype": "none", "font.family": "sans-serif", "font.sans-serif": ([font] if font else []) + ["DejaVu Sans"]}
    ):
        fig, ax = plt.subplots(figsize=(7.5, 0.55 * len(rows) + 1.2))
        labels = [f"{t['scope'] or ''}{t['indicator']}" for t, _ in rows]
        shares = [a["share"] for _, a in rows]
        colours = ["#57A773" if a.get("on_track") else "#D1495B" for _, a in rows]
        y = range(len(rows))
        ax.barh(y, shares, color=colours, height=0.55)
        for i, (_, a) in enumerate(rows):
            if a.get("elapsed") is not None:
                ax.plot([a["elapsed"]] * 2, [i - 0.38, i + 0.38], color="#222", linewidth=2)
            ax.text(a["share"] + 0.01, i, f"{a['share']:.0%}", va="center", fontsize=9)
        ax.set_yticks(list(y), labels)
        ax.invert_yaxis()
        ax.set_xlim(0, max(1.05, max(shares) + 0.12))
        ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax.set_title(title, fontsize=11)
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        ax.legend(
            handles=[
                Patch(color="#57A773", label="进度达标 on track"),
                Patch(color="#D1495B", label="落后 behind"),
                Line2D([], [], color="#222", linewidth=2, label="时间进度 share of period gone"),
            ],
            loc="lower right",
            fontsize=8,
            frameon=False,
        )
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg")
        plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def _status_bar(row: dict) -> str:
    total = row["commitments"] or 1
    parts = "".join(
        f'<span class="seg" style="width:{100 * row[s] / total:.2f}%;background:{status_colour(s)}" '
        f'title="{html.escape(STATUS_NAMES[s])}: {row[s]}" data-status="{s}" data-count="{row[s]}"></span>'
        for s in STATUSES
        if row[s]
    )
    return f'<div class="bar" aria-label="status of {row["commitments"]} commitments">{parts}</div>'


def _badge(status: str) -> str:
    return f'<span class="badge" style="background:{status_colour(status)}">{html.escape(STATUS_NAMES[status])}</span>'


def town_section(graph: nx.MultiDiGraph, town: str) -> str:
    esc = html.escape
    rows = scorecard(graph, town)
    dates = {r["report"]: r["date"] for r in rows}
    commitments = [c for c in export_commitments(graph) if c["report"] in dates]
    out = [f'<section class="town" id="t-{esc(town)}" data-town="{esc(town)}"><h2>{esc(town)}</h2>']
    out.append(
        '<h3>兑现情况 Delivery by report</h3><table class="scores"><thead><tr><th>报告 Report</th><th>承诺 Commitments</th>'
        "<th>状态 Status</th>"
        + "".join(f"<th>{esc(STATUS_NAMES[s].split()[0])}</th>" for s in STATUSES)
        + "<th>兑现率 Delivered share</th></tr></thead><tbody>"
    )
    for r in rows:
        share = "—" if r["delivered_share"] is None else f"{r['delivered_share']:.0%}"
        out.append(
            f'<tr data-report="{esc(r["report"])}"><td>{esc(r["date"] or "")}</td><td class="n">{r["commitments"]}</td>'
            f"<td>{_status_bar(r)}</td>"
            + "".join(f'<td class="n" data-status="{s}">{r[s]}</td>' for s in STATUSES)
            + f'<td class="n">{share}</td></tr>'
        )
    out.append("</tbody></table>")
    out.append('<p class="legend">' + " ".join(_badge(s) for s in STATUSES) + "</p>")

    charts = [_chart(r["indicators"], f"{town} {r['date']} 报告的目标完成进度 targets reached") for r in rows if r["indicators"]]
    targets = [(r, t) for r in rows for t in r["indicators"]]
    if targets:
        out.append("<h3>指标目标与实际 Indicator targets and actuals</h3>")
        out.extend(f'<figure class="chart">{c}</figure>' for c in charts if c)
        out.append(
            '<table class="indicators"><thead><tr><th>报告 Report</th><th>指标 Indicator</th><th>目标 Target</th>'
            "<th>实际 Actual</th><th>完成 Reached</th><th>时间进度 Elapsed</th><th>增速核对 Growth check</th></tr></thead><tbody>"
        )
        for r, t in targets:
            a = t["actuals"][-1] if t["actuals"] else None
            target = "，".join(
                x
                for x in (
                    f"{t['value']}{t['unit'] or ''}" if t["value"] is not None else "",
                    f"增长{t['growth_pct']}%" if t["growth_pct"] is not None else "",
                )
                if x
            )
            actual = f"{a['value']}{a['unit'] or ''}（至{a['period_end']}）" if a else "—"
            check = (
                ""
                if t["growth_consistent"] is None
                else ("一致 consistent" if t["growth_consistent"] else f"不一致：隐含 {t['implied_growth_pct']}% inconsistent")
            )
            out.append(
                f"<tr><td>{esc(r['date'] or '')}</td><td>{esc((t['scope'] or '') + t['indicator'])}</td><td>{esc(target)}</td>"
                f"<td>{esc(actual)}</td><td class='n'>{'' if not a or a['share'] is None else format(a['share'], '.0%')}</td>"
                f"<td class='n'>{'' if not a or a['elapsed'] is None else format(a['elapsed'], '.0%')}</td><td>{esc(check)}</td></tr>"
            )
        out.append("</tbody></table>")

    out.append("<h3>承诺 Commitments</h3>")
    by_report = defaultdict(list)
    for c in commitments:
        by_report[c["report"]].append(c)
    for report, items in sorted(by_report.items(), key=lambda kv: dates[kv[0]] or ""):
        out.append(
            f"<details open><summary>{esc(dates[report] or report)} 报告：{len(items)} 项承诺</summary>"
            '<table class="commitments"><thead><tr><th>状态 Status</th><th>承诺 Commitment</th><th>期限 Deadline</th>'
            "<th>证据 Evidence</th></tr></thead><tbody>"
        )
        for c in items:
            quotes = "".join(
                f"<blockquote>{esc(e['text'])}<cite>{esc(graph.nodes[e['report']].get('date') or '')}"
                f"{' · 复核 reviewed' if c['reviewed'] else ''}</cite></blockquote>"
                for e in c["evidence"][:3]
            )
            out.append(
                f'<tr data-status="{c["status"]}"><td>{_badge(c["status"])}</td><td>{esc(c["text"] or "")}'
                f'<div class="section">{esc(c["section"] or "")}{" · 对象 " + esc(c["object"]) if c["object"] else ""}</div></td><td>{esc(c["deadline"] or "")}</td><td>{quotes}</td></tr>'
            )
        out.append("</tbody></table></details>")

    silent = [c for c in commitments if c["status"] == "NOT_REPORTED"]
    waiting = [c for c in commitments if c["status"] == "AWAITING_FOLLOW_UP"]
    out.append(
        f"<h3>沉默的承诺 Silent promises</h3><p>{len(silent)} 项在后续报告覆盖的整个期间内未被提及（NOT_REPORTED）；"
        f"{len(waiting)} 项尚待后续报告（AWAITING_FOLLOW_UP）。</p>"
    )
    if silent:
        out.append(
            '<ul class="silent">'
            + "".join(
                f"<li>{esc(c['text'] or '')} <span class='muted'>{esc(dates[c['report']] or '')}</span></li>" for c in silent
            )
            + "</ul>"
        )
    out.append("</section>")
    return "\n".join(out)


def to_report_html(graph: nx.MultiDiGraph, town: str | None = None) -> str:
    """The page for ``town``, or for every town with reports."""
    towns = sorted({d.get("town") for _, d in graph.nodes(data=True) if d.get("label") == "Report" and d.get("town")})
    if town is not None:
        if town not in towns:
            raise KgError(f"no reports of {town!r} in the store (towns: {'、'.join(towns) or 'none'})")
        towns = [town]
    if not towns:
        raise KgError("the store has no reports: run 'kg build' first")
    title = f"kg 承诺兑现记分卡 · {'、'.join(towns)}"
    body = "\n".join(town_section(graph, t) for t in towns)
    return _PAGE.format(
        title=html.escape(title),
        body=body,
        version=__version__,
        nav=" ".join(f'<a href="#t-{html.escape(t)}">{html.escape(t)}</a>' for t in towns),
    )


_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="generator" content="kg {version}">
<title>{title}</title>
<style>
  body {{ margin: 0 auto; max-width: 1100px; padding: 16px 24px 48px; color: #222;
         font: 14px/1.55 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }}
  h1 {{ font-size: 22px; }} h2 {{ font-size: 19px; border-bottom: 2px solid #E9C46A; padding-bottom: 4px; margin-top: 36px; }}
  h3 {{ font-size: 15px; margin-top: 22px; }}
  table {{ border-collapse: collapse; width: 100%; margin: 6px 0 12px; }}
  th, td {{ border-bottom: 1px solid #e4e4e4; padding: 5px 6px; text-align: left; vertical-align: top; }}
  th {{ background: #f6f6f6; font-weight: 600; font-size: 12px; }}
  td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
  .bar {{ display: flex; width: 260px; height: 14px; border-radius: 3px; overflow: hidden; background: #eee; }}
  .seg {{ display: block; height: 100%; }}
  .badge {{ display: inline-block; padding: 1px 7px; border-radius: 9px; color: #fff; font-size: 11px; white-space: nowrap; }}
  .legend .badge {{ margin-right: 6px; }}
  blockquote {{ margin: 2px 0 6px; padding: 2px 8px; border-left: 3px solid #57A773; background: #fafafa; font-size: 12px; }}
  cite {{ display: block; color: #777; font-size: 11px; font-style: normal; }}
  .section, .muted {{ color: #888; font-size: 11px; }}
  figure.chart {{ margin: 8px 0; }} figure.chart svg {{ max-width: 100%; height: auto; }}
  summary {{ cursor: pointer; font-weight: 600; margin: 8px 0; }}
  nav a {{ margin-right: 12px; }}
</style>
</head>
<body>
<h1>{title}</h1>
<nav>{nav}</nav>
<p class="muted">由 kg {version} 从政府工作报告生成：每项承诺的状态都有后续报告中的证据句。Generated by kg from government work reports.</p>
{body}
</body>
</html>
"""
