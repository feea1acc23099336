"""Subgraph selection and every export format, each read back with the tool users use."""

from __future__ import annotations

import json
import subprocess
import zipfile

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KgError
from kg.graph.ontology import status_labels
from kg.graph.subgraph import close, required_links, select, unmet
from kg.output import write_files
from kg.sinks.files import to_admin_csv, to_cypher, to_graphml, to_json

from .conftest import ROOT


@pytest.fixture(scope="module")
def around_park(sample_graph):
    return select(sample_graph, around="智力产业园", hops=2)


def _labels(graph):
    from collections import Counter

    return Counter(d["label"] for _, d in graph.nodes(data=True))


def _types(graph):
    from collections import Counter

    return Counter(d["type"] for *_, d in graph.edges(data=True))


# --- selection ----------------------------------------------------------------------------


def test_around_an_alias_with_hops(sample_graph):
    one = select(sample_graph, around="智园", hops=1)  # an alias of 上海智力产业园
    park = [n for n, d in one.nodes(data=True) if d.get("name") == "上海智力产业园"]
    # The hops choose; their provenance (no hop further) is added, and only that.
    hopped = set(one) - set(one.graph["provenance"])
    assert park and all(nx.shortest_path_length(one.to_undirected(), park[0], n) <= 1 for n in hopped)
    assert close(sample_graph, hopped) == set(one) and one.graph["closed"]
    assert "Progress" in _labels(one) and "Sentence" in _labels(one)
    two = select(sample_graph, around="智园", hops=2)
    assert set(one) < set(two) and "Commitment" in _labels(two)


def test_filters_town_dates_text_and_types(sample_graph):
    town = select(sample_graph, town="高境镇")
    reports = {d["town"] for _, d in town.nodes(data=True) if d["label"] == "Report"}
    assert reports == {"高境镇"}
    assert all(d.get("town") in (None, "高境镇") for _, d in town.nodes(data=True) if d["label"] not in ("Report", "Town"))
    late = select(sample_graph, since="2024-01-01")
    assert {d["date"] for _, d in late.nodes(data=True) if d["label"] == "Report"} == {"2024-01-10", "2024-12-24"}
    bare = select(sample_graph, around="庙行镇", hops=2, with_text=False)
    assert not {"Part", "Section", "Sentence"} & set(_labels(bare)) and "Commitment" in _labels(bare)
    claims = select(sample_graph, around="智力产业园", hops=2, types=["Claim"])
    assert set(_labels(claims)) <= {"Commitment", "Progress", "IndicatorValue"} and claims.number_of_nodes() > 3
    assert "FOLLOWED_UP_BY" in _types(claims)  # relationships between kept nodes stay


def test_selection_errors(sample_graph):
    with pytest.raises(KgError, match="nothing named '不存在'"):
        select(sample_graph, around="不存在")
    with pytest.raises(KgError, match="no town named '火星镇'"):
        select(sample_graph, town="火星镇")
    with pytest.raises(KgError, match="unknown class 'Planet'"):
        select(sample_graph, types=["Planet"])
    # A date not as YYYY-MM-DD compared as text kept the wrong reports without a word.
    for bad in ("2024/01/01", "notadate", "2024-13-01", "2024"):
        with pytest.raises(KgError, match="is not a date as YYYY-MM-DD"):
            select(sample_graph, since=bad)
        with pytest.raises(KgError, match="--until"):
            select(sample_graph, until=bad)


def test_around_a_report_or_commitment_id(sample_graph):
    cid = next(n for n, d in sample_graph.nodes(data=True) if d["label"] == "Commitment" and d["status"] == "DELIVERED")
    sub = select(sample_graph, around=cid, hops=1)
    assert cid in sub and any(d["label"] == "Progress" for _, d in sub.nodes(data=True))


# --- formats, read back -------------------------------------------------------------------


def test_graphml_reads_back_in_networkx_and_igraph(around_park, tmp_path):
    import igraph

    path = tmp_path / "g.graphml"
    path.write_text(to_graphml(around_park), "utf-8")
    back = nx.read_graphml(path, force_multigraph=True)
    assert (back.number_of_nodes(), back.number_of_edges()) == (around_park.number_of_nodes(), around_park.number_of_edges())
    park = next(n for n, d in around_park.nodes(data=True) if d.get("name") == "上海智力产业园")
    assert back.nodes[park]["class"] == "IndustrialPark" and back.nodes[park]["label"] == "上海智力产业园"
    assert json.loads(back.nodes[park]["aliases"]) == around_park.nodes[park]["aliases"]
    assert {d["type"] for *_, d in back.edges(data=True)} == set(_types(around_park))
    g = igraph.Graph.Read_GraphML(str(path))
    assert (g.vcount(), g.ecount()) == (around_park.number_of_nodes(), around_park.number_of_edges())
    assert sorted(set(g.vs["class"])) == sorted(_labels(around_park))


def test_node_link_json_reads_back(around_park):
    back = nx.node_link_graph(json.loads(to_json(around_park)), edges="edges")
    assert (back.number_of_nodes(), back.number_of_edges()) == (around_park.number_of_nodes(), around_park.number_of_edges())
    for node, data in around_park.nodes(data=True):
        assert back.nodes[node] | {"id": node} == data  # the id is the node-link key
    assert to_json(around_park) == to_json(around_park.copy())  # stable


def test_admin_csv_headers(around_park, tmp_path):
    files = to_admin_csv(around_park)
    header = files["nodes_Commitment.csv"].splitlines()[0].split(",")
    assert header[0] == "id:ID" and header[-1] == ":LABEL" and "aliases:string[]" not in header
    assert files["relationships_ABOUT.csv"].splitlines()[0].startswith(":START_ID,:END_ID")
    assert "Commitment;" in files["nodes_Commitment.csv"]  # the status label beside the class
    write_files(files, tmp_path / "out.zip", force=False)
    assert set(zipfile.ZipFile(tmp_path / "out.zip").namelist()) == set(files)


def test_cypher_literals_escape():
    from kg.sinks.files import cypher_literal

    assert cypher_literal("a'b\\c\nd") == "'a\\'b\\\\c\\nd'"
    assert cypher_literal({"odd key": [1, 2.5, True]}) == "{`odd key`: [1, 2.5, true]}"


def test_export_subgraph_command_conventions(sample_graph, store, tmp_path):
    from kg.build import build

    build(None, store)
    runner = CliRunner()
    args = ["export", "subgraph", "--store", str(store.path), "--around", "智力产业园"]
    shown = runner.invoke(main, [*args, "--format", "json", "-o", "-"])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["nodes"]
    out = tmp_path / "g.graphml"
    assert runner.invoke(main, [*args, "--format", "graphml", "-o", str(out)]).exit_code == 0
    again = runner.invoke(main, [*args, "--format", "graphml", "-o", str(out)])
    assert again.exit_code == 1 and "exists; use --force" in again.output
    assert runner.invoke(main, [*args, "--format", "graphml", "-o", str(out), "--force"]).exit_code == 0
    csv_to_stdout = runner.invoke(main, [*args, "--format", "csv"])
    assert csv_to_stdout.exit_code == 1 and "csv is several files" in csv_to_stdout.output
    missing = runner.invoke(main, [*args[:-1], "不存在", "--format", "json"])
    assert missing.exit_code == 1 and "nothing named '不存在'" in missing.output
    bad_date = runner.invoke(main, [*args, "--format", "json", "--since", "2024/01/01"])
    assert bad_date.exit_code == 1 and "--since: '2024/01/01' is not a date as YYYY-MM-DD" in bad_date.output


def _csv_rows(text: str) -> tuple[list[str], list[list[str]]]:
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], sorted(rows[1:])


def test_whole_store_csv_is_streamed_with_the_graphs_rows(store, tmp_path):
    """``kg export subgraph --format csv`` of a whole store streams its rows (no graph):
    the same files, headers and rows as the graph's writer, in another order."""
    from kg.build import build

    build(None, store)
    expected = to_admin_csv(store.load())
    runner = CliRunner()
    folder, archive = tmp_path / "csv", tmp_path / "csv.zip"
    for out in (folder, archive):
        done = runner.invoke(main, ["export", "subgraph", "--store", str(store.path), "--format", "csv", "-o", str(out)])
        assert done.exit_code == 0, done.output
    with zipfile.ZipFile(archive) as zipped:
        assert sorted(zipped.namelist()) == sorted(expected)
        assert all(zipped.read(name).decode("utf-8") == (folder / name).read_text("utf-8") for name in expected)
    assert sorted(p.name for p in folder.iterdir()) == sorted(expected)
    for name, text in expected.items():
        got = (folder / name).read_text("utf-8")
        assert (got == text) if name == "import.sh" else (_csv_rows(got) == _csv_rows(text)), name
    graph = store.load()
    assert f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} relationships" in done.stderr


def test_report_command_conventions(store, tmp_path):
    from kg.build import build

    build(None, store)
    runner = CliRunner()
    out = tmp_path / "r.html"
    done = runner.invoke(main, ["report", "--store", str(store.path), "--town", "庙行镇", "-o", str(out)])
    assert done.exit_code == 0 and 'data-town="庙行镇"' in out.read_text("utf-8")
    again = runner.invoke(main, ["report", "--store", str(store.path), "-o", str(out)])
    assert again.exit_code == 1 and "exists; use --force" in again.output
    unknown = runner.invoke(main, ["report", "--store", str(store.path), "--town", "火星镇"])
    assert unknown.exit_code == 1 and "no reports of '火星镇'" in unknown.output


def test_rdf_of_a_subgraph_validates(sample_graph):
    pyshacl = pytest.importorskip("pyshacl")
    from kg.graph.ontology import ontology, shapes
    from kg.sinks.rdf import to_rdf

    sub = select(sample_graph, town="庙行镇", until="2023-01-31")
    conforms, _, report = pyshacl.validate(to_rdf(sub), shacl_graph=shapes(), ont_graph=ontology(), inference="none")
    assert conforms, report


def _validate_turtle(graph):
    """The graph's Turtle, read back and validated as ``pyshacl -s schema/shapes.ttl -e
    schema/kg.ttl`` does: (conforms, results graph, text)."""
    pyshacl = pytest.importorskip("pyshacl")
    from rdflib import Graph

    from kg.graph.ontology import ontology, shapes
    from kg.sinks.rdf import serialize

    data = Graph().parse(data=serialize(graph, "ttl"), format="turtle")
    return pyshacl.validate(data, shacl_graph=shapes(), ont_graph=ontology(), inference="none")


def _first(graph, label, **having):
    return next(
        n for n, d in sorted(graph.nodes(data=True)) if d["label"] == label and all(d.get(k) == v for k, v in having.items())
    )


AROUND = {  # what --around may name, each a different kind of node
    "park": lambda g: "智力产业园",
    "metro station": lambda g: "呼兰路站",
    "town": lambda g: "庙行镇",
    "commitment id": lambda g: _first(g, "Commitment", status="DELIVERED"),
    "report id": lambda g: _first(g, "Report", town="高境镇"),
}


@pytest.mark.parametrize("hops", [1, 2])
@pytest.mark.parametrize("kind", sorted(AROUND))
def test_the_turtle_of_any_subgraph_validates_against_the_shapes(sample_graph, kind, hops):
    sub = select(sample_graph, around=AROUND[kind](sample_graph), hops=hops)
    assert sub.graph["closed"] and not unmet(sample_graph, sub)
    conforms, _, report = _validate_turtle(sub)
    assert conforms, report
    # Every quote can be cited: each sentence with its section, part and report.
    for _, data in sub.nodes(data=True):
        if data["label"] == "Sentence":
            section = sub.nodes[data["section"]]
            assert data["report"] in sub and section["part"] in sub


@pytest.mark.parametrize("town", ["庙行镇", "大场镇", "高境镇"])
def test_the_turtle_of_a_town_subgraph_validates(sample_graph, town):
    sub = select(sample_graph, town=town)
    conforms, _, report = _validate_turtle(sub)
    assert sub.graph["closed"] and conforms, report
    # A metro station no report of the town speaks of is not the town's (it would have
    # no sentence to come from).
    assert all(
        any(sub.nodes[s]["label"] == "Sentence" for s in sub.predecessors(n))
        for n, d in sub.nodes(data=True)
        if d["label"] == "MetroStation"
    )


def test_the_closure_follows_the_shapes():
    links = required_links()
    assert {link.rel or link.key for link in links["Commitment"]} == {"STATED_IN", "report"}
    assert {link.rel or link.key for link in links["IndicatorValue"]} == {"STATED_IN", "report", "ABOUT", "previous_actual"}
    assert {link.key for link in links["Sentence"]} == {"report", "section"}
    assert {link.key for link in links["Section"]} == {"report", "part"}
    assert [link.rel for link in links["Report"]] == ["HAS_PART"]
    assert all(
        any(link.rel == "MENTIONS" and link.inward for link in links[label])
        for label in ("Park", "MetroStation", "Village", "Initiative")
    )
    assert links["Town"] == links["MetroLine"] == links["Indicator"] == ()


@pytest.mark.parametrize("options", [{"with_text": False}, {"types": ["Claim"]}])
def test_leaving_provenance_out_is_stated(sample_graph, options):
    from rdflib import RDF, RDFS, URIRef
    from rdflib.namespace import SH, VOID

    from kg.sinks.rdf import data_namespace, node_iri

    sub = select(sample_graph, around="智力产业园", hops=2, **options)
    assert not sub.graph["closed"] and sub.graph["lacking"]
    conforms, results, _ = _validate_turtle(sub)
    assert not conforms
    # What fails is what was left out, on the nodes said to lack it, and nothing else.
    lacking = {node_iri(n) for n in sub.graph["lacking"]}
    assert set(results.objects(None, SH.focusNode)) <= lacking
    paths = {str(p).rsplit("#", 1)[-1] for p in results.objects(None, SH.resultPath)}
    assert paths <= {"wasDerivedFrom", "qualifiedDerivation", "statedIn", "hasPart", "inReport", "about"}
    from rdflib import Graph

    from kg.sinks.rdf import serialize

    data = Graph().parse(data=serialize(sub, "ttl"), format="turtle")
    dataset = URIRef(data_namespace())
    assert (dataset, RDF.type, VOID.Dataset) in data
    assert "Not closed under provenance" in str(data.value(dataset, RDFS.comment))


def test_export_says_when_it_is_not_closed(store, tmp_path):
    from kg.build import build

    build(None, store)
    runner = CliRunner()
    args = ["export", "subgraph", "--store", str(store.path), "--around", "智力产业园", "--hops", "2", "--format", "ttl"]
    closed = runner.invoke(main, [*args, "-o", str(tmp_path / "a.ttl")])
    assert closed.exit_code == 0 and "Not closed" not in closed.output
    conforms, _, report = _validate_ttl_file(tmp_path / "a.ttl")
    assert conforms, report
    bare = runner.invoke(main, [*args, "--no-text", "-o", str(tmp_path / "b.ttl")])
    assert bare.exit_code == 0 and "Not closed under provenance" in bare.output


def _validate_ttl_file(path):
    pyshacl = pytest.importorskip("pyshacl")
    from kg.resources import schema_dir

    return pyshacl.validate(
        str(path), shacl_graph=str(schema_dir() / "shapes.ttl"), ont_graph=str(schema_dir() / "kg.ttl"), inference="none"
    )


def test_html_page_is_self_contained(around_park):
    from kg.views.graph_page import page_data, to_html

    page = to_html(around_park, title="智力产业园")
    assert "<script src" not in page and "<link" not in page and "http://" not in page.split("vis-network")[0]
    data = page_data(around_park)
    assert len(data["nodes"]) == around_park.number_of_nodes()
    park = next(n for n, d in around_park.nodes(data=True) if d.get("name") == "上海智力产业园")
    assert data["details"][park]["quotes"] and "智力产业园" in data["details"][park]["quotes"][0]["text"]


def test_report_page_for_a_town(sample_graph):
    from kg.views.scorecard import scorecard
    from kg.views.scorecard_page import cjk_font, to_report_html

    page = to_report_html(sample_graph, "庙行镇")
    assert page.count('data-town="庙行镇"') == 1 and "大场镇" not in page.split("<body>")[1].split("</nav>")[0]
    for row in scorecard(sample_graph, "庙行镇"):
        assert f'data-report="{row["report"]}"' in page
    assert page.count("<svg") >= 1 and "社会消费品零售总额" in page.split("<svg", 1)[1]  # text stays text in the chart
    assert cjk_font() is not None, "a CJK font for the charts (fonts-noto-cjk)"
    with pytest.raises(KgError, match="no reports of '火星镇'"):
        to_report_html(sample_graph, "火星镇")


# --- against the real Neo4j ---------------------------------------------------------------


@pytest.mark.neo4j
def test_cypher_script_runs_on_the_server(around_park, empty_neo4j):
    from kg.sinks.connection import connect
    from kg.sinks.neo4j import database_counts

    statements = [line[:-1] for line in to_cypher(around_park).splitlines() if line and not line.startswith("//")]
    driver = connect(empty_neo4j)
    with driver.session() as session:
        schema = [s for s in statements if s.startswith("CREATE ")]
        for _ in range(2):  # twice: MERGE changes nothing the second time
            for statement in schema:  # schema changes go in transactions of their own, as cypher-shell runs them
                session.run(statement).consume()
            with session.begin_transaction() as tx:
                for statement in statements[len(schema) :]:
                    tx.run(statement).consume()
        delivered = session.run("MATCH (c:Commitment) RETURN c.status AS status, labels(c) AS labels").data()
        park = session.run("MATCH (p:IndustrialPark {name: '上海智力产业园'}) RETURN p.aliases AS aliases").data()
    driver.close()
    assert database_counts(empty_neo4j) == (around_park.number_of_nodes(), around_park.number_of_edges())
    assert all(set(r["labels"]) == {"Commitment", status_labels()[r["status"]]} for r in delivered)
    assert park and sorted(park[0]["aliases"]) == sorted(
        next(d["aliases"] for _, d in around_park.nodes(data=True) if d.get("name") == "上海智力产业园")
    )


@pytest.mark.neo4j
def test_from_neo4j_reads_the_same_subgraph(sample_graph, empty_neo4j, store):
    from kg.sinks.neo4j import push, read_graph

    push(sample_graph, empty_neo4j)
    back = read_graph(empty_neo4j)
    assert (back.number_of_nodes(), back.number_of_edges()) == (sample_graph.number_of_nodes(), sample_graph.number_of_edges())
    here, there = select(sample_graph, around="智力产业园", hops=2), select(back, around="智力产业园", hops=2)
    assert set(here) == set(there) and set(here.edges(keys=True)) == set(there.edges(keys=True))


@pytest.mark.neo4j
def test_admin_csv_imports_with_the_real_neo4j_admin(sample_graph, tmp_path):
    """The whole sample graph through ``neo4j-admin database import`` into a fresh
    instance of the Maven-provisioned Neo4j; then counted over Bolt."""
    from kg.sinks.connection import Connection, connect

    folder = tmp_path / "csv"
    write_files(to_admin_csv(sample_graph), folder, force=True)
    script = ROOT / "scripts" / "neo4j-local"
    instance = ["--instance", "csv-import"]
    subprocess.run([str(script), *instance, "stop"], check=True, capture_output=True)
    command = (folder / "import.sh").read_text("utf-8")
    args = [a.strip().rstrip("\\").strip() for a in command.splitlines() if a.strip().startswith("--")]
    args = [a.replace("'", "") for line in args for a in line.split()]
    files = [
        a.split("=", 1)[0] + "=" + str(folder / a.split("=", 1)[1]) if a.startswith(("--nodes=", "--relationships=")) else a
        for a in args
    ]
    done = subprocess.run(
        [str(script), *instance, "admin", "database", "import", "full", "neo4j", "--overwrite-destination", *files],
        capture_output=True,
        text=True,
        cwd=folder,
    )  # its import.report lands there
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    try:
        subprocess.run([str(script), *instance, "start"], check=True, capture_output=True)
        env = subprocess.run([str(script), *instance, "env"], check=True, capture_output=True, text=True).stdout
        values = dict(line.removeprefix("export ").split("=", 1) for line in env.splitlines())
        driver = connect(Connection(uri=values["NEO4J_URI"], user="neo4j", password=values["NEO4J_PASSWORD"]))
        with driver.session() as session:
            labels = {r["label"]: r["n"] for r in session.run("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")}
            types = {r["type"]: r["n"] for r in session.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")}
            park = session.run("MATCH (p:IndustrialPark {name: '上海智力产业园'}) RETURN p.aliases AS aliases LIMIT 1").single()
            value = session.run(
                "MATCH (v:IndicatorValue {indicator: '固定资产投资', kind: 'actual'}) RETURN v.value AS value"
            ).data()
        driver.close()
    finally:
        subprocess.run([str(script), *instance, "stop"], capture_output=True)
    expected_labels = dict(_labels(sample_graph))
    for status, label in status_labels().items():
        n = sum(1 for _, d in sample_graph.nodes(data=True) if d["label"] == "Commitment" and d["status"] == status)
        if n:
            expected_labels[label] = n
    assert labels == expected_labels
    assert types == dict(_types(sample_graph))
    assert isinstance(park["aliases"], list) and "智园" in park["aliases"]
    assert all(isinstance(r["value"], float) for r in value) and value
