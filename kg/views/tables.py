"""The tables the commands print, built to fit a terminal of 80 columns or more.

A table never cuts what a reader needs whole: dates, numbers and shares keep their
width (a column of them is at least as wide as its widest value), names are folded onto
a second line rather than shortened, and headers wrap at their spaces. Columns are
separated by one space, not boxes, so that nine columns of figures fit in 80. On a
wider terminal the text columns take the room.

Each function takes plain rows (what the library functions return) and gives a
:class:`rich.table.Table`; the CLI only prints them.

>>> table = status_table([{"town": "庙行镇", "date": "2023-01-05", "commitments": 39, "delivered_share": 0.2,
...     "DELIVERED": 2, "IN_PROGRESS": 8, "STALLED": 0, "NOT_REPORTED": 0, "AWAITING_FOLLOW_UP": 29}])
>>> "2023-01-05" in render(table, width=80) and "…" not in render(table, width=80)
True
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import groupby

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from kg.graph.ontology import status_names, statuses
from kg.ids import entity_name

# An unbreakable figure: a date, a number with its unit or sign, a share. Such a token is
# never wrapped or cut; CJK text and words with spaces may wrap.
_FIGURE = re.compile(r"[\x21-\x7e]+")
# Names longer than this fold onto a second line instead of widening their column: most
# township names are 3–5 characters (10 cells); 小溪塔街道 fits, 呼和浩特市新城区… folds.
_NAME_CELLS = 10


def new_table(title: str | None = None, *, lines: bool = False) -> Table:
    """A table in kg's style: a rule under the header, one space between columns."""
    # The box's column separator is the one space between columns (no padding besides).
    return Table(title=title, box=box.SIMPLE_HEAD, padding=(0, 0), show_edge=False, show_lines=lines, title_justify="left")


def _widest_figure(values: Iterable[str]) -> int:
    return max((cell_len(token) for v in values for token in _FIGURE.findall(v)), default=0)


def _plain_width(value: str) -> int:
    return max((cell_len(line) for line in Text.from_markup(value).plain.split("\n")), default=0)


def add_columns(table: Table, rows: Sequence[Sequence[str]], columns: Sequence[tuple[str, str]]) -> None:
    """Add columns (header, kind) and rows; kind is ``figure`` (right-aligned, kept
    whole), ``name`` (kept whole up to a township name's width, then folded) or
    ``text`` (wraps). Each column records the narrowest and the widest it may be, for
    :func:`fit`."""
    for i, (header, kind) in enumerate(columns):
        values = [row[i] for row in rows]
        # a header wraps at its spaces, never inside a word; a figure is never wrapped
        least = max(_widest_figure(values), max(cell_len(word) for word in header.split()), 1)
        if kind == "name":
            least = max(least, min(max((_plain_width(v) for v in values), default=0), _NAME_CELLS))
        table.add_column(header, justify="right" if kind == "figure" else "left", overflow="fold")
        column = table.columns[-1]
        column.min_width = least
        column.max_width = max(least, cell_len(header), *(_plain_width(v) for v in values))
    for row in rows:
        table.add_row(*row)


def fit(table: Table, width: int) -> Table:
    """Give each column its width for a terminal ``width`` columns wide: all columns as
    wide as their content when that fits; else every column its narrowest (figures and
    names whole), and the room left to the columns that wrap, in proportion to what
    they would need. Rich's own sizing may shrink a column below its widest figure and
    crop it at the terminal's edge; this never does, down to the narrowest total."""
    columns = table.columns
    room = width - (len(columns) - 1)  # one space between columns
    widest = [c.max_width or 1 for c in columns]
    least = [min(c.min_width or 1, w) for c, w in zip(columns, widest, strict=True)]
    if sum(widest) <= room:
        widths = widest
    else:
        widths = list(least)
        spare, wants = room - sum(least), [w - m for w, m in zip(widest, least, strict=True)]
        wanted = sum(wants)
        if spare > 0 and wanted > 0:
            shares = [spare * want // wanted for want in wants]
            widths = [w + s for w, s in zip(widths, shares, strict=True)]
            for i in sorted(range(len(columns)), key=lambda i: wants[i] - shares[i], reverse=True)[: spare - sum(shares)]:
                widths[i] += 1
    for column, w in zip(columns, widths, strict=True):
        column.width = w
    if table.title:
        # a title wraps to the table's width: a narrow table is widened to keep it on one line
        table.min_width = min(width, cell_len(str(table.title)))
    return table


def render(table: Table, width: int = 80) -> str:
    """The table as plain text at a terminal width (what ``kg`` prints, for tests)."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    print_table(table, console)
    return console.export_text()


def print_table(table: Table, console: Console | None = None) -> None:
    """Print a table fitted to the console's (the terminal's) width."""
    console = console or Console()
    console.print(fit(table, console.width))


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def figure(value: float | None, unit: str | None, growth: float | None) -> str:
    """A value with its unit and growth: ``73亿元 +5%``.

    >>> figure(73, "亿元", 5), figure(None, None, -2.5), figure(None, None, None), figure(1234567, "元", None)
    ('73亿元 +5%', '-2.5%', '-', '1234567元')
    """
    parts = [f"{number(value)}{unit or ''}"] if value is not None else []
    if growth is not None:
        parts.append(f"{'+' if growth >= 0 else ''}{number(growth)}%")
    return " ".join(parts) or "-"


def number(value: float) -> str:
    """A figure as the reports write it: every digit kept, no exponent, no trailing zeros.

    >>> number(1234567), number(123456.78), number(5.0), number(0.05)
    ('1234567', '123456.78', '5', '0.05')
    """
    text = f"{value:.6f}".rstrip("0").rstrip(".") if abs(value) < 1e15 else f"{value:.0f}"
    return text if text not in ("", "-0") else "0"


def reports_table(towns: dict[str, int], districts: dict[str, str], title: str) -> Table:
    """Reports loaded per town (``kg build``)."""
    table = new_table(title)
    rows = [[escape(town), escape(districts.get(town, "?")), str(count)] for town, count in sorted(towns.items())]
    add_columns(table, rows, [("Town", "name"), ("County", "name"), ("Reports", "figure")])
    return table


def status_table(rows: list[dict]) -> Table:
    """Commitments by status per town and report (``kg status``)."""
    names = status_names()
    table = new_table("Commitments by status (status of each promise in later reports)")
    # Two reports of one town and date (a copy cut short, another edition) are told apart
    # by their ids, which kg show and kg remove take.
    sessions = Counter((r["town"], r["date"]) for r in rows)
    body = [
        [
            escape(r["town"] or "?"),
            (r["date"] or "?") + (f" ({r['report'][:8]})" if sessions[(r["town"], r["date"])] > 1 else ""),
            str(r["commitments"]),
            *(str(r[s]) for s in statuses()),
            _share(r["delivered_share"]),
        ]
        for r in rows
    ]
    # "Total" and "Share" (of delivered) keep nine columns within 80
    add_columns(
        table,
        body,
        [
            ("Town", "name"),
            ("Report date", "figure"),
            ("Total", "figure"),
            *((names[s], "figure") for s in statuses()),
            ("Share", "figure"),
        ],
    )
    return table


def towns_table(towns: list[dict]) -> Table:
    """Commitments by status per town (``kg status`` on a store of many reports:
    :func:`kg.views.scorecard.town_summary`)."""
    names = status_names()
    table = new_table("Commitments by status per town (status of each promise in later reports)")
    body = [
        [
            escape(t["town"] or "?"),
            str(t["reports"]),
            str(t["commitments"]),
            *(str(t[s]) for s in statuses()),
            _share(t["delivered_share"]),
        ]
        for t in towns
    ]
    add_columns(
        table,
        body,
        [
            ("Town", "name"),
            ("Reports", "figure"),
            ("Total", "figure"),
            *((names[s], "figure") for s in statuses()),
            ("Share", "figure"),
        ],
    )
    return table


def town_targets_table(towns: list[dict]) -> Table:
    """Indicator targets per town: how many, how many a later actual measures, on track
    or behind by the latest, and growth the previous actual does not bear out."""
    table = new_table("Indicator targets per town (by the latest actual that measures each)")
    body = [
        [
            escape(t["town"] or "?"),
            str(t["reports"]),
            str(t["targets"]),
            str(t["measured"]),
            str(t["on_track"]),
            str(t["behind"]),
            str(t["inconsistent"]),
        ]
        for t in towns
        if t["targets"]
    ]
    add_columns(
        table,
        body,
        [
            ("Town", "name"),
            ("Reports", "figure"),
            ("Targets", "figure"),
            ("Measured", "figure"),
            ("On track", "figure"),
            ("Behind", "figure"),
            ("Growth inconsistent", "figure"),
        ],
    )
    return table


def targets_table(rows: list[dict]) -> Table:
    """Indicator targets against the actuals that measure them (``kg status``)."""
    table = new_table("Indicator targets and the actuals that measure them")
    body = []
    for row in rows:
        for t in row["indicators"]:
            target = figure(t["value"], t["unit"], t["growth_pct"]) + (" (力争)" if t["aspirational"] else "")
            check = {None: "-", True: "consistent", False: f"inconsistent: implies {t['implied_growth_pct']}%"}[
                t["growth_consistent"]
            ]
            for a in t["actuals"] or [None]:
                actual = f"{figure(a['value'], a['unit'], a['growth_pct'])} to {a['period_end']}" if a else "-"
                progress = (
                    "-"
                    if not a
                    else (
                        f"{_share(a['share'])} ({a['elapsed']:.0%} elapsed)"
                        + ("" if a["on_track"] is None else ", on track" if a["on_track"] else ", behind")
                    )
                )
                body.append(
                    [
                        escape(row["town"] or "?"),
                        row["date"] or "?",
                        escape((t["scope"] or "") + t["indicator"]),
                        escape(target),
                        escape(actual),
                        progress,
                        check,
                    ]
                )
    add_columns(
        table,
        body,
        [
            ("Town", "name"),
            ("Report date", "figure"),
            ("Indicator", "text"),
            ("Target", "text"),
            ("Actual", "text"),
            ("Progress", "text"),
            ("Growth check", "text"),
        ],
    )
    return table


def param_text(value: object) -> str:
    """A parameter's value as it is typed after ``--param key=``: Python's ``False`` or
    ``['a']`` is not what the command reads (kg.sinks.queries.parse_params reads JSON).

    >>> [param_text(v) for v in ("庙行镇", False, 2, ["18号线"])]
    ['庙行镇', 'false', '2', '["18号线"]']
    """
    import json

    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def queries_table(queries: Iterable, folder: str = "queries") -> Table:
    """The canned queries (``kg queries``): objects with name, description, examples,
    returns; ``folder`` is where their files are (inside the package once installed)."""
    table = new_table(f"Canned queries: kg query NAME --param key=value, or paste {folder}/NAME.cypher into Browser")
    body = [
        [q.name, escape(q.description), escape(", ".join(f"{k}={param_text(v)}" for k, v in q.examples.items())), q.returns]
        for q in queries
    ]
    add_columns(table, body, [("Name", "figure"), ("Description", "text"), ("Parameters (example)", "text"), ("Returns", "text")])
    for column in table.columns[:1]:
        column.justify = "left"
    return table


def rows_table(title: str, columns: list[str], rows: list[list[str]]) -> Table:
    """Rows of a query's result: every column wraps (their kinds are not known)."""
    table = new_table(title)
    add_columns(table, [[escape(v) for v in row] for row in rows], [(c, "text") for c in columns])
    return table


def confusion_table(confusion: dict[str, dict[str, int]]) -> Table:
    """Automatic status (rows) against reviewed status (columns) (``kg review stats``)."""
    names = status_names()
    table = new_table("Automatic status (rows) against reviewed status (columns)")
    body = [[names[auto], *(str(confusion[auto].get(s, 0)) for s in statuses())] for auto in statuses() if auto in confusion]
    add_columns(table, body, [("automatic", "text"), *((names[s], "figure") for s in statuses())])
    return table


def timeline_table(rows: list[dict], claim_line) -> Table:
    """What the reports say about an entity, in date order (``kg trace``): one row per
    sentence, its mentions highlighted. A sentence that names the entity and some of its
    parts (一期、四期) is one mention of each: one line of the table, each claim led by the
    mention it is about — as rows of their own they read as the same sentence repeated
    once the highlight is lost (in a file, a pipe)."""
    table = new_table(lines=True)
    body = []
    for _, same in groupby(rows, key=lambda row: (row["report"], row["sentence"])):
        group = list(same)
        row = group[0]
        text = escape(row["text"])
        # The longest first: a part's name (上海智力产业园一期) holds the whole's.
        for surface in sorted({r["surface"] for r in group if r["surface"]}, key=len, reverse=True):
            if f"[bold yellow]{escape(surface)}" not in text and escape(surface) in text:
                text = text.replace(escape(surface), f"[bold yellow]{escape(surface)}[/bold yellow]", 1)
        for r in group:
            if r["footnote"]:
                text += f" [dim](in footnote {r['footnote']}: {escape(r['surface'])})[/dim]"
        several = len({r["entity"] for r in group}) > 1
        claims = [
            (f"{escape(entity_name(r['entity']))}: " if several else "") + claim_line(c) for r in group for c in r["claims"]
        ]
        body.append([row["date"] or "?", escape(row["town"] or "?"), row["part"], text, "\n".join(claims)])
    add_columns(table, body, [("Date", "figure"), ("Town", "name"), ("Part", "text"), ("Sentence", "text"), ("Claims", "text")])
    table.columns[0].justify = "left"
    return table
