"""The ``kg`` command line: thin wrappers over the library functions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from loaders import iter_report_paths

from . import __version__
from .build import build as build_store
from .build import sample_reports_dir
from .errors import KgError
from .exports import EXPORTS
from .show import find_report, outline
from .store import DEFAULT_STORE, Store

err_console = Console(stderr=True)


class KgGroup(click.Group):
    """Shows a KgError as one line on stderr and exits 1, instead of a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as error:
            click.echo(f"kg: {error}", err=True)
            sys.exit(1)


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
def main() -> None:
    """kg: a knowledge graph of projects, places and commitments in Chinese local
    government work reports (政府工作报告)."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@store_option
def build(paths: tuple[Path, ...], store: Path) -> None:
    """Load reports (files or folders; default: the bundled sample reports) into the store.

    A file that cannot be loaded is reported on one line; the others still load, and
    the exit status is 1.
    """
    targets = list(paths) or [sample_reports_dir()]
    files = list(iter_report_paths(targets))
    if not files:
        raise KgError(f"no report files found in {', '.join(map(str, targets))}")
    with _progress("Loading reports") as bar:
        task = bar.add_task("load", total=len(files))
        summary = build_store(files, Store(store), progress=lambda _: bar.advance(task))
    for error in summary.errors:
        click.echo(f"kg: {error}", err=True)
    for source, kept in summary.duplicates:
        click.echo(f"kg: {source}: same content as report {kept}, loaded once", err=True)

    table = Table(title=f"Reports loaded into {store}")
    table.add_column("Town")
    table.add_column("District")
    table.add_column("Reports", justify="right")
    for town, count in sorted(summary.towns.items()):
        table.add_row(town, summary.districts.get(town, "?"), str(count))
    Console().print(table)
    districts = sorted(set(summary.districts.values()))
    click.echo(
        f"{summary.loaded} reports across {len(summary.towns)} towns of {'、'.join(districts) or '-'}"
        f" ({summary.reports_in_store} in the store"
        + (f"; {len(summary.errors)} failed)" if summary.errors else ")")
    )
    if summary.failed:
        sys.exit(1)


def _open_store(path: Path) -> Store:
    """The store at ``path``; a clear error if nothing was built there yet."""
    store = Store(path)
    if not store.exists():
        raise KgError(f"no store at {path}: run 'kg build' first")
    return store


def _write_output(text: str, output: str, force: bool) -> None:
    if output == "-":
        click.echo(text, nl=False)
        return
    path = Path(output)
    if path.exists() and not force:
        raise KgError(f"{path} exists; use --force to overwrite it")
    path.write_text(text, "utf-8")
    click.echo(f"wrote {path}", err=True)


@main.group()
def export() -> None:
    """Export reports, entities, commitments or indicators."""


def _export_command(name: str):
    @export.command(name=name, help=f"Export the {name} in the store (JSON, as DESIGN.md fixes it).")
    @click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
    @click.option("-o", "--output", default="-", show_default=True, help="File to write, or - for stdout.")
    @click.option("--force", is_flag=True, help="Overwrite an existing file.")
    @store_option
    def command(fmt: str, output: str, force: bool, store: Path) -> None:
        s = _open_store(store)
        rows = EXPORTS[name](s.load())
        _write_output(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", output, force)

    return command


for _name in EXPORTS:
    _export_command(_name)


@export.command()
@click.option("--format", "fmt", type=click.Choice(["ttl", "jsonld"]), required=True,
              help="ttl (Turtle) or jsonld: RDF in the ontology's terms, with PROV-O provenance.")
@click.option("-o", "--output", default="-", show_default=True, help="File to write, or - for stdout.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@store_option
def subgraph(fmt: str, output: str, force: bool, store: Path) -> None:
    """Export the graph in the store as RDF (for now the whole graph).

    The RDF validates against schema/shapes.ttl:
    pyshacl -s schema/shapes.ttl -e schema/kg.ttl graph.ttl
    """
    from .rdf import serialize

    _write_output(serialize(_open_store(store).load(), fmt), output, force)


@main.command()
@click.option("--uri", envvar="NEO4J_URI", default="bolt://localhost:7687", show_default=True, help="Bolt URI (or NEO4J_URI).")
@click.option("--user", envvar="NEO4J_USER", default="neo4j", show_default=True, help="User (or NEO4J_USER).")
@click.option("--password", envvar="NEO4J_PASSWORD", default=None, show_default=False, help="Password (or NEO4J_PASSWORD; never printed).")
@click.option("--database", envvar="NEO4J_DATABASE", default=None, help="Database (default: the server's default).")
@click.option("--batch-size", default=1000, show_default=True, type=click.IntRange(1, 100_000))
@store_option
def push(uri: str, user: str, password: str | None, database: str | None, batch_size: int, store: Path) -> None:
    """Write the graph in the store to Neo4j (constraints first, then batched MERGEs)."""
    from .neo4j_sink import Connection, database_counts
    from .neo4j_sink import push as push_graph

    s = _open_store(store)
    graph = s.load()
    connection = Connection(uri=uri, user=user, password=password, database=database)
    with _progress("Pushing to Neo4j") as bar:
        task = bar.add_task("push", total=graph.number_of_nodes() + graph.number_of_edges())
        summary = push_graph(graph, connection, batch_size=batch_size, progress=lambda n: bar.advance(task, n))
    nodes, rels = database_counts(connection)
    click.echo(
        f"pushed {summary.node_count} nodes and {summary.relationship_count} relationships to {uri} "
        f"({summary.constraints} constraints and indexes ensured); the database holds {nodes} nodes and {rels} relationships"
    )


@main.command()
@click.option("--town", default=None, help="Only this town (e.g. 庙行镇).")
@click.option("--json", "as_json", is_flag=True, help="Print the scorecard as JSON.")
@store_option
def status(town: str | None, as_json: bool, store: Path) -> None:
    """Delivery scorecard: per town and report, commitments by status."""
    from .status import scorecard
    from .trace import STATUSES

    rows = scorecard(_open_store(store).load(), town)
    if town and not rows:
        raise KgError(f"no commitments of a town named '{town}' in the store")
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(title="Commitments by status (status of each promise in later reports)")
    for column in ("Town", "Report date", "Commitments", *STATUSES, "Delivered share"):
        table.add_column(column, justify="left" if column in ("Town", "Report date") else "right")
    for row in rows:
        share = "-" if row["delivered_share"] is None else f"{row['delivered_share']:.0%}"
        table.add_row(row["town"] or "?", row["date"] or "?", str(row["commitments"]),
                      *(str(row[s]) for s in STATUSES), share)
    Console().print(table)


@main.command()
@click.argument("report")
@click.option("--sentences", is_flag=True, help="List every sentence, with its footnotes.")
@store_option
def show(report: str, sentences: bool, store: Path) -> None:
    """Print a report's parts and sections (REPORT: an id, an id prefix or a file name)."""
    s = _open_store(store)
    graph = s.load()
    click.echo(outline(graph, find_report(graph, report), sentences=sentences), nl=False)


@main.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the mentions as JSON.")
@store_option
def trace(name: str, as_json: bool, store: Path) -> None:
    """Everything the reports say about an entity (NAME: a name or alias), in time order."""
    from .entities import find_entities, mentions_of

    s = _open_store(store)
    graph = s.load()
    found = find_entities(graph, name)
    if not found:
        raise KgError(f"no entity named '{name}' in the store (try a shorter name or an alias)")
    rows = [row for entity in found for row in mentions_of(graph, entity)]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    console = Console()
    for entity in found:
        data = graph.nodes[entity]
        aliases = "、".join(data.get("aliases", []))
        console.print(f"[bold]{data['name']}[/bold] ({data['label']}{', ' + data['town'] if data.get('town') else ''})"
                      + (f" — also {aliases}" if aliases else ""))
    table = Table(show_lines=False)
    for column in ("Date", "Town", "Part", "Sentence"):
        table.add_column(column)
    for row in rows:
        text = row["text"].replace(row["surface"] or "\0", f"[bold yellow]{row['surface']}[/bold yellow]", 1)
        if row["footnote"]:
            text += f" [dim](in footnote {row['footnote']}: {row['surface']})[/dim]"
        table.add_row(row["date"] or "?", row["town"] or "?", row["part"], text)
    console.print(table)
    click.echo(f"{len(rows)} mentions in {len({r['report'] for r in rows})} reports")
