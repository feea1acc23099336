"""The ``kg`` command line: thin wrappers over the library functions."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

# What every command needs, and no more: the rest is imported by the commands that use
# it (rich, networkx, rdflib, the loaders and the views together took about a second,
# more than `kg export commitments` or `kg status` take to answer on 1000 reports).
from kg import __version__
from kg.errors import KgError
from kg.graph.store import (
    DEFAULT_STORE,
    Store,
    commitments_text,
    kept_traces,
    report_graph,
    scorecard_rows,
)
from kg.output import check_writable, json_text, write_text
from kg.sinks.formats import FORMATS, write_subgraph
from kg.views.records import EXPORTS

if TYPE_CHECKING:
    from rich.progress import Progress


class KgGroup(click.Group):
    """Shows a KgError as one line on stderr and exits 1, instead of a traceback; any
    other error too (a bug in kg, a library's surprise), unless ``kg --debug``."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as error:
            click.echo(f"kg: {error}", err=True)
            if _debug(ctx) and error.__cause__ is not None:
                import traceback

                traceback.print_exception(error.__cause__, file=sys.stderr)
            sys.exit(1)
        except (click.exceptions.ClickException, click.exceptions.Abort, click.exceptions.Exit):
            raise
        except BrokenPipeError as error:
            if not _stdout_reader_gone():
                # Another pipe broke (a subprocess, a socket): that is a failure to report.
                _unexpected(ctx, error)
            # The reader went away (kg trace X | head): nothing is wrong and nothing more can
            # be said to it. stdout goes to devnull so that Python's own flush at exit does
            # not raise again; 1 is what Python itself exits with on EPIPE.
            # (ValueError: no file descriptor behind stdout, as under a test runner)
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except Exception as error:  # shown in one line; --debug shows the traceback
            _unexpected(ctx, error)


def _unexpected(ctx: click.Context, error: Exception) -> NoReturn:
    """One line on stderr and exit 1; the traceback itself under ``kg --debug``."""
    if _debug(ctx):
        raise error
    click.echo(
        f"kg: unexpected error: {type(error).__name__}: {_one_line(str(error))} (run kg --debug … for the traceback)",
        err=True,
    )
    sys.exit(1)


def _stdout_reader_gone() -> bool:
    """Whether stdout is a pipe whose reading end is closed.

    A BrokenPipeError says only that some pipe broke; the kernel flags the writing end of a
    pipe with no reader as an error condition (POLLERR), which tells stdout's case apart
    from a broken pipe to a subprocess or a socket.
    """
    import select

    try:
        fd = sys.stdout.fileno()
        poller = select.poll()
        poller.register(fd, select.POLLOUT)
        return any(events & select.POLLERR for _, events in poller.poll(0))
    except (OSError, ValueError, AttributeError):  # no descriptor (a test runner's capture)
        return False


def _debug(ctx: click.Context) -> bool:
    return bool((ctx.obj or {}).get("debug"))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def store_option(func):
    return click.option(
        "--store",
        type=click.Path(file_okay=False, path_type=Path),
        envvar="KG_STORE",
        default=DEFAULT_STORE,
        show_default=True,
        help="Folder of the embedded store (or KG_STORE).",
    )(func)


def _progress(description: str) -> Progress:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    err_console = Console(stderr=True)
    return Progress(
        TextColumn(description),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("--debug", is_flag=True, envvar="KG_DEBUG", help="Show tracebacks of errors (or KG_DEBUG=1).")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """kg: a knowledge graph of projects, places and commitments in Chinese local
    government work reports (政府工作报告)."""
    ctx.ensure_object(dict)["debug"] = debug


@main.command()
# Not checked by click: an unreadable or missing path is named by the loader on its own
# line while the other paths still load.
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, readable=False))
@click.option(
    "--workers", type=click.IntRange(1, 256), default=None, help="Processes reading and extracting reports (default: every core)."
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Read and extract on the Dask cluster at ADDRESS (tcp://host:8786) instead.",
)
@store_option
def build(paths: tuple[Path, ...], workers: int | None, scheduler: str | None, store: Path) -> None:
    """Load reports (files or folders; default: the bundled sample reports) into the store.

    A file that cannot be loaded is reported on one line; the others still load, and
    the exit status is 1.
    """
    # Before the loaders are imported (most of a second, more on a busy machine): a typo
    # in every path given is told at once. A missing path among others is named by the
    # build, which still loads the rest.
    missing = [p for p in paths if not os.path.lexists(p)]
    if paths and len(missing) == len(paths):
        for path in missing:
            click.echo(f"kg: {path}: cannot read: No such file or directory", err=True)
        sys.exit(1)
    from kg.build import build as build_store
    from kg.resources import sample_reports_dir
    from kg.views.tables import print_table, reports_table
    from loaders import iter_report_paths

    targets = list(paths) or [sample_reports_dir()]
    files = list(iter_report_paths(targets))
    if not files:
        raise KgError(f"no report files found in {', '.join(map(str, targets))}")
    with _progress("Loading reports") as bar:
        task = bar.add_task("load", total=len(files))
        # The paths as given: a folder among them without reports is named as a failure.
        summary = build_store(targets, Store(store), progress=lambda _: bar.advance(task), workers=workers, scheduler=scheduler)
    debug = _debug(click.get_current_context())
    for error in summary.errors:
        click.echo(f"kg: {error}", err=True)
        if debug and error.details:
            click.echo(error.details, err=True, nl=False)
    for source, kept in summary.duplicates:
        click.echo(f"kg: {source}: same content as report {kept}, loaded once", err=True)
    for source, warning in summary.warnings:
        click.echo(f"kg: {source}: warning: {warning}", err=True)
    for source, old, new in summary.replaced:
        click.echo(f"kg: {source}: changed since it was loaded; report {old} replaced by {new}", err=True)

    if summary.loaded:  # no empty table under a title saying reports were loaded
        print_table(reports_table(summary.towns, summary.districts, f"Reports loaded into {store}"))
    click.echo(summary.describe())
    if summary.failed:
        sys.exit(1)


@main.command()
@click.argument("reports", nargs=-1, required=True)
@store_option
def remove(reports: tuple[str, ...], store: Path) -> None:
    """Take reports out of the store (REPORTS: ids, id prefixes, file paths or names);
    what depended on them is derived again."""
    from kg.build import remove as remove_reports

    summary = remove_reports(reports, _open_store(store))
    click.echo(
        f"removed {len(summary.removed)} reports ({summary.reports_in_store} in the store; "
        f"{summary.rederived_towns} towns derived again)"
    )


def _open_store(path: Path) -> Store:
    """The store at ``path``; a clear error if nothing was built there yet."""
    store = Store(path)
    if not store.exists():
        raise KgError(f"no store at {path}: run 'kg build' first")
    return store


def _check_output(output: str, force: bool) -> None:
    """An existing file refused before the work, not after it (- is stdout)."""
    if output != "-":
        check_writable(output, force)


def _write_output(text: str, output: str, force: bool) -> None:
    _tell(write_text(text, output, force))


def _tell(done: str) -> None:
    """What a command wrote, on stderr (stdout may be the output itself)."""
    if done:
        click.echo(done, err=True)


@main.group()
def export() -> None:
    """Export reports, entities, commitments or indicators."""


def _export_command(name: str):
    @export.command(name=name, help=f"Export the {name} in the store as JSON (each field is described in kg/views/records.py).")
    @click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
    @click.option("-o", "--output", default="-", show_default=True, help="File to write, or - for stdout.")
    @click.option("--force", is_flag=True, help="Overwrite an existing file.")
    @store_option
    def command(fmt: str, output: str, force: bool, store: Path) -> None:
        _check_output(output, force)
        s = _open_store(store)
        if name == "commitments":  # the store keeps its rows ready: a big store's are not rebuilt
            _write_output(commitments_text(s), output, force)
            return
        _write_output(json_text(EXPORTS[name](s.load())), output, force)

    return command


for _name in EXPORTS:
    _export_command(_name)


@main.command()
@click.option("--town", help="Only this town (default: every town with reports).")
@click.option("-o", "--output", default="-", show_default=True, help="HTML file to write, or - for stdout.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@store_option
def report(town: str | None, output: str, force: bool, store: Path) -> None:
    """Write the scorecard as a self-contained HTML page: status bars per report,
    commitments with evidence, indicator charts and silent promises."""
    from kg.views.scorecard_page import cjk_font, to_report_html

    _check_output(output, force)
    text = to_report_html(_open_store(store).load(), town)
    if cjk_font() is None:
        click.echo(
            "note: no CJK font found for the charts (e.g. apt-get install fonts-noto-cjk); "
            "their Chinese is left to the reader's browser",
            err=True,
        )
    _write_output(text, output, force)


def neo4j_options(func):
    # No defaults here: what the options and the environment leave out comes from the
    # config file (kg.sinks.connection), then from the defaults the help names.
    for option in reversed(
        (
            click.option(
                "--uri",
                envvar="NEO4J_URI",
                default=None,
                help="Bolt URI (or NEO4J_URI, or the config file; default bolt://localhost:7687).",
            ),
            click.option(
                "--user", envvar="NEO4J_USER", default=None, help="User (or NEO4J_USER, or the config file; default neo4j)."
            ),
            click.option(
                "--password",
                envvar="NEO4J_PASSWORD",
                default=None,
                show_default=False,
                help="Password (or NEO4J_PASSWORD, or the config file $KG_CONFIG / ~/.config/kg/config.toml, "
                "readable only by you; never printed).",
            ),
            click.option("--database", envvar="NEO4J_DATABASE", default=None, help="Database (default: the server's default)."),
        )
    ):
        func = option(func)
    return func


def _connection(uri: str | None, user: str | None, password: str | None, database: str | None):
    from kg.sinks.connection import resolve_connection

    return resolve_connection(uri=uri, user=user, password=password, database=database)


@export.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    required=True,
    help="; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()) + ".",
)
@click.option("--around", metavar="NAME", help="Start from an entity (name or alias), a town, a report id or a commitment id.")
@click.option("--hops", default=1, show_default=True, type=click.IntRange(0, 10), help="How far from --around.")
@click.option("--types", metavar="CLASS,...", help="Keep only these classes (e.g. Commitment,Progress,Park; or Entity, Claim).")
@click.option("--town", help="Only this town's reports and entities.")
@click.option("--since", metavar="DATE", help="Only reports dated on or after DATE (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Only reports dated on or before DATE.")
@click.option(
    "--with-text/--no-text", default=True, show_default=True, help="Include the lexical layer (parts, sections, sentences)."
)
@click.option("--from-neo4j", is_flag=True, help="Read the graph from Neo4j instead of the store.")
@neo4j_options
@click.option("-o", "--output", default="-", show_default=True, help="File to write, or - for stdout (csv: a folder or .zip).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@store_option
def subgraph(
    fmt: str,
    around: str | None,
    hops: int,
    types: str | None,
    town: str | None,
    since: str | None,
    until: str | None,
    with_text: bool,
    from_neo4j: bool,
    uri: str,
    user: str,
    password: str | None,
    database: str | None,
    output: str,
    force: bool,
    store: Path,
) -> None:
    """Export the graph, or the part of it the options choose, for other tools.

    What is chosen keeps its provenance (the sentences each entity and claim comes
    from, their sections, parts and reports), so the RDF validates against
    kg's shapes ('kg files' prints where an installed kg keeps them):

    \b
        pyshacl -s "$(kg files shapes)" -e "$(kg files ontology)" graph.ttl

    --no-text and --types leave provenance out on purpose: the export then says it
    is not closed (on stderr, and in the RDF) and does not validate.
    """
    from kg.graph.subgraph import check_date, select

    # Before the store is read: a typo is not worth a minute's load.
    check_date(since, "--since")
    check_date(until, "--until")
    _check_output(output, force)
    if fmt == "csv" and not from_neo4j and (around, types, town, since, until) == (None,) * 5 and with_text:
        # The whole store for neo4j-admin: streamed from its rows, as a graph of it is
        # most of the export's time and memory at a thousand reports.
        from kg.sinks.formats import write_store_csv

        done, nodes, relationships = write_store_csv(_open_store(store), output, force)
        click.echo(f"{nodes} nodes, {relationships} relationships", err=True)
        _tell(done)
        return
    if from_neo4j:
        from kg.sinks.neo4j import read_graph

        graph = read_graph(_connection(uri, user, password, database))
    else:
        graph = _open_store(store).load()
    chosen = select(
        graph,
        around=around,
        hops=hops,
        types=types.split(",") if types else None,
        town=town,
        since=since,
        until=until,
        with_text=with_text,
    )
    click.echo(f"{chosen.number_of_nodes()} nodes, {chosen.number_of_edges()} relationships", err=True)
    if not chosen.graph["closed"]:
        from kg.sinks.rdf import not_closed_note

        click.echo(not_closed_note(chosen.graph["lacking"]), err=True)
    _tell(write_subgraph(chosen, fmt, output, force, title=_title(around, town, since, until)))


def _title(around: str | None, town: str | None, since: str | None, until: str | None) -> str:
    parts = [p for p in (around, town, since and f"from {since}", until and f"until {until}") if p]
    return "kg: " + (" · ".join(parts) if parts else "the whole graph")


@main.command()
@neo4j_options
@click.option("--batch-size", default=1000, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--wipe", is_flag=True, help="Empty the whole database first (asks for confirmation).")
@click.option("--yes", is_flag=True, help="Do not ask before --wipe.")
@click.option(
    "--incremental",
    is_flag=True,
    help="Write only the reports and entities changed since the last incremental push (recorded in the database).",
)
@store_option
def push(
    uri: str,
    user: str,
    password: str | None,
    database: str | None,
    batch_size: int,
    wipe: bool,
    yes: bool,
    incremental: bool,
    store: Path,
) -> None:
    """Write the graph in the store to Neo4j (constraints first, then batched MERGEs);
    what the store no longer holds (a re-loaded report's old data) is removed."""
    from kg.sinks.connection import safe_uri
    from kg.sinks.neo4j import database_counts, push_store

    s = _open_store(store)
    connection = _connection(uri, user, password, database)
    uri = safe_uri(connection.uri)
    if wipe and not yes:
        click.confirm(f"Delete every node and relationship in the database at {uri} before pushing?", abort=True, err=True)
    with _progress("Pushing to Neo4j") as bar:
        task = bar.add_task("push", total=None)
        summary = push_store(
            s,
            connection,
            batch_size=batch_size,
            progress=lambda n: bar.advance(task, n),
            wipe=wipe,
            incremental=incremental,
            rows=lambda n: bar.update(task, total=n),
        )
    nodes, rels = database_counts(connection)
    removed = (
        f"; removed {summary.removed_nodes} stale nodes and {summary.removed_relationships} stale relationships"
        if summary.removed_nodes or summary.removed_relationships
        else ""
    )
    click.echo(
        f"pushed {summary.node_count} nodes and {summary.relationship_count} relationships to {uri} "
        f"({summary.constraints} constraints and indexes ensured{removed}); "
        f"the database holds {nodes} nodes and {rels} relationships"
    )


@main.command()
@click.argument("name")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the rows as JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print the rows as CSV.")
@neo4j_options
def query(
    name: str,
    params: tuple[str, ...],
    as_json: bool,
    as_csv: bool,
    uri: str,
    user: str,
    password: str | None,
    database: str | None,
) -> None:
    """Run a canned query from queries/ on Neo4j (see 'kg queries')."""
    import csv as csv_module

    from kg.sinks.queries import (
        caption,
        check_params,
        get_query,
        parse_params,
        run_query,
    )
    from kg.views.tables import print_table, rows_table

    canned = get_query(name)
    values = parse_params(list(params))
    check_params(canned, values)
    columns, rows = run_query(_connection(uri, user, password, database), canned, values)
    if as_json:
        click.echo(json_text(rows), nl=False)
    elif as_csv:
        writer = csv_module.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([caption(row[c]) for c in columns] for row in rows)
    else:
        print_table(
            rows_table(f"{canned.name}: {canned.description}", columns, [[caption(row[c]) for c in columns] for row in rows])
        )
        click.echo(f"{len(rows)} rows")


@main.command()
def queries() -> None:
    """List the canned queries with their descriptions and parameters."""
    from kg.resources import queries_dir
    from kg.sinks.queries import canned_queries
    from kg.views.tables import print_table, queries_table

    print_table(queries_table(canned_queries(), str(queries_dir())))


@main.command()
@click.argument("name", required=False)
def files(name: str | None) -> None:
    """Where kg's own files are, wherever it is installed: the SHACL shapes and ontology,
    the Neo4j schema and Browser style, the canned queries, the sample reports and the
    documents kg's messages name. NAME prints that one path alone, for the shell:

    \b
        pyshacl -s "$(kg files shapes)" -e "$(kg files ontology)" graph.ttl
    """
    from kg.resources import SHIPPED, shipped_path

    if name is not None:
        if name not in SHIPPED:
            raise KgError(f"no file named '{name}' ('kg files' lists them: {', '.join(SHIPPED)})")
        click.echo(shipped_path(name))
        return
    width = max(map(len, SHIPPED))
    for key, (_, _, what) in SHIPPED.items():
        click.echo(f"{key:<{width}}  {shipped_path(key)}\n{'':<{width}}  {what}")


# More report rows than this (a screenful) are summed per town unless --town or --all.
_STATUS_ROWS = 40


@main.command()
@click.option("--town", default=None, help="Only this town (e.g. 庙行镇).")
@click.option("--all", "every_report", is_flag=True, help="A row per report even when there are many (default: per town).")
@click.option("--json", "as_json", is_flag=True, help="Print the scorecard as JSON (a row per report).")
@store_option
def status(town: str | None, every_report: bool, as_json: bool, store: Path) -> None:
    """Delivery scorecard: per town and report, commitments by status, and indicator
    targets against the actuals of later reports. A store of more than 40 reports is
    summed per town (--town NAME: that town's reports; --all: every report)."""
    rows = scorecard_rows(_open_store(store), town)
    if town and not rows:
        raise KgError(f"no report of a town named '{town}' in the store")
    if as_json:
        click.echo(json_text(rows), nl=False)
        return
    from rich.console import Console

    from kg.views.scorecard import town_summary
    from kg.views.tables import print_table, status_table, targets_table, town_targets_table, towns_table

    console = Console()
    if len(rows) > _STATUS_ROWS and not town and not every_report:
        # A thousand rows are no overview, and drawing them took most of the command's time.
        towns = town_summary(rows)
        print_table(towns_table(towns), console)
        if any(t["targets"] for t in towns):
            print_table(town_targets_table(towns), console)
        click.echo(
            f"{len(rows)} reports in {len(towns)} towns: 'kg status --town NAME' lists a town's reports, --all every report"
        )
        return
    print_table(status_table(rows), console)
    targets = targets_table(rows)
    if targets.row_count:
        print_table(targets, console)


@main.group()
def review() -> None:
    """Human review of commitment statuses: export a sheet, import it filled, agreement."""


@review.command(name="export")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="CSV file to write.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@store_option
def review_export(output: Path, force: bool, store: Path) -> None:
    """Write one row per commitment, with empty reviewed_status and review_comment
    columns for a reviewer (filled where a review is already stored)."""
    from kg.graph.ontology import statuses
    from kg.tracing.review import export_sheet

    check_writable(output, force)  # before loading the store
    count = export_sheet(_open_store(store).load(), output, force)
    click.echo(
        f"wrote {count} commitments to {output}; fill reviewed_status ({', '.join(statuses())}) and import it with 'kg review import {output}'"
    )


@review.command(name="import")
@click.argument("sheet", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="The sheet is the whole set of reviews: drop stored reviews it does not repeat.")
@store_option
def review_import(sheet: Path, replace: bool, store: Path) -> None:
    """Store the reviewer's statuses of a filled sheet; they overrule the automatic ones
    in this and every later build. A bad row stores nothing."""
    from kg.tracing.review import import_sheet_into, review_stats

    count, graph = import_sheet_into(_open_store(store), sheet, replace=replace)
    stats = review_stats(graph)
    click.echo(f"stored {count} reviews from {sheet}; {stats['reviewed']} of {stats['commitments']} commitments are reviewed")


@review.command(name="stats")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
@store_option
def review_stats_command(as_json: bool, store: Path) -> None:
    """Agreement between automatic and reviewed statuses (share, Cohen's kappa)."""
    from kg.tracing.review import review_stats

    stats = review_stats(_open_store(store).load())
    if as_json:
        click.echo(json_text(stats), nl=False)
        return
    if not stats["reviewed"]:
        click.echo(f"no reviewed commitments (of {stats['commitments']}); see 'kg review export'")
        return
    from kg.views.tables import confusion_table, print_table

    kappa = "undefined (one status throughout)" if stats["kappa"] is None else f"{stats['kappa']:.3f}"
    click.echo(
        f"{stats['reviewed']} of {stats['commitments']} commitments reviewed; "
        f"agreement {stats['agreement']:.1%}; Cohen's kappa {kappa}"
    )
    print_table(confusion_table(stats["confusion"]))
    if stats["unmatched"]:
        click.echo(f"{len(stats['unmatched'])} stored reviews name commitments no longer extracted (kept)")


@main.command()
@click.argument("report")
@click.option("--sentences", is_flag=True, help="List every sentence, with its footnotes.")
@store_option
def show(report: str, sentences: bool, store: Path) -> None:
    """Print a report's parts and sections (REPORT: an id, an id prefix or a file name)."""
    from kg.views.outline import find_report, outline

    graph = report_graph(_open_store(store), report)
    click.echo(outline(graph, find_report(graph, report), sentences=sentences), nl=False)


@main.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the timeline as JSON.")
@store_option
def trace(name: str, as_json: bool, store: Path) -> None:
    """Everything the reports say about an entity (NAME: a name or alias), in time
    order: each mention, with the commitments (status, evidence), progress and
    indicator values stated there."""
    from kg.views.timeline import claim_line, kept_timeline

    # The rows kept for this command (kg.graph.store.kept_traces): a name found in 200
    # reports of a large store would otherwise decode 800 of its blobs.
    entities, kept = kept_traces(_open_store(store), name)
    rows = kept_timeline(name, [e for e, _ in entities], kept)
    if as_json:
        click.echo(json_text(rows), nl=False)
        return
    from rich.console import Console
    from rich.markup import escape

    from kg.views.tables import print_table, timeline_table

    console = Console()
    for _, data in entities:
        aliases = "、".join(data.get("aliases", []))
        # Names are text from the reports: escaped, so that "[bold]" in one is not markup.
        console.print(
            f"[bold]{escape(data['name'])}[/bold] ({data['label']}{', ' + escape(data['town']) if data.get('town') else ''})"
            + (f" — also {escape(aliases)}" if aliases else "")
        )
    print_table(timeline_table(rows, lambda claim: escape(claim_line(claim))), console)
    claims = [c for r in rows for c in r["claims"]]
    click.echo(
        f"{len(rows)} mentions in {len({r['report'] for r in rows})} reports; "
        f"{sum(c['kind'] == 'Commitment' for c in claims)} commitments, {sum(c['kind'] == 'Progress' for c in claims)} "
        f"progress statements, {sum(c['kind'] == 'IndicatorValue' for c in claims)} indicator values"
    )


if __name__ == "__main__":  # python -m kg.cli, for tests that run the command as a child
    main()
