import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from kg import __version__
from kg.cli import main

from .conftest import REPORTS, SAMPLES


def run(*args, **kwargs):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False, **kwargs)
    return result


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_help_lists_only_working_commands():
    result = run("--help")
    commands = {line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line.strip()}
    assert commands == {
        "build",
        "export",
        "files",
        "push",
        "queries",
        "query",
        "remove",
        "report",
        "review",
        "show",
        "status",
        "trace",
    }


def test_build_prints_the_summary(tmp_path):
    result = run("build", "--store", str(tmp_path / "s"))
    assert result.exit_code == 0, result.output
    assert "5 reports across 4 towns of 宝山区" in result.output
    for town in ("庙行镇", "大场镇", "罗店镇", "高境镇"):
        assert town in result.output


def test_store_from_the_environment(tmp_path):
    result = run("build", env={"KG_STORE": str(tmp_path / "env-store")})
    assert result.exit_code == 0
    assert (tmp_path / "env-store" / "kg.sqlite").exists()


def test_export_reports_json_follows_the_contract(tmp_path):
    store = str(tmp_path / "s")
    run("build", "--store", store)
    result = run("export", "reports", "--format", "json", "--store", store)
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert [r["date"] for r in rows] == ["2023-07-26", "2023-01-05", "2023-01-12", "2024-12-24", "2024-01-10"]
    for row in rows:
        # The contract's fields, and the place and publishing facts kg adds to them.
        assert set(row) == {
            "id",
            "title",
            "town",
            "district",
            "date",
            "review",
            "plan",
            "source",
            "sha256",
            "city",
            "province",
            "place_code",
            "published",
            "warnings",
        }
        name = row["source"].rsplit("/", 1)[-1]
        town, district, day, review, plan = SAMPLES[name]
        assert (row["town"], row["district"], row["date"]) == (town, district, day)
        assert (row["city"], row["province"], row["published"], row["warnings"]) == ("上海市", "上海市", None, [])
        assert row["place_code"].startswith("310113")
        assert row["review"] == {"start": review[0], "end": review[1]}
        assert row["plan"] == {"start": plan[0], "end": plan[1]}


def test_export_to_a_file_refuses_to_overwrite(tmp_path):
    store = str(tmp_path / "s")
    run("build", "--store", store)
    out = tmp_path / "reports.json"
    assert run("export", "reports", "--store", store, "-o", str(out)).exit_code == 0
    assert len(json.loads(out.read_text())) == 5
    again = run("export", "reports", "--store", store, "-o", str(out))
    assert again.exit_code == 1 and "exists" in again.output
    assert run("export", "reports", "--store", store, "-o", str(out), "--force").exit_code == 0


def test_export_without_a_store_says_so(tmp_path):
    result = run("export", "reports", "--store", str(tmp_path / "none"))
    assert result.exit_code == 1 and "run 'kg build' first" in result.output


def test_bad_files_are_named_the_others_load_and_the_exit_status_tells(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(REPORTS / "001_8d55160e06e9d7cd.txt", folder)
    shutil.copy(REPORTS / "001_8d55160e06e9d7cd.txt", folder / "copy.txt")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "notice.txt").write_text("关于开展安全检查的通知\n\n请各单位按时报送材料。\n", encoding="utf-8")
    result = run("build", str(folder), "--store", str(tmp_path / "s"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.endswith("empty.txt: empty file") for line in lines)
    assert any("binary.txt: binary data, not text" in line for line in lines)
    assert any("notice.txt: not a work report" in line for line in lines)
    assert any("copy.txt: same content as report" in line for line in lines)
    assert "1 report across 1 town " in result.output
    rows = json.loads(run("export", "reports", "--store", str(tmp_path / "s")).output)
    assert len(rows) == 1


def test_show_prints_parts_sections_and_sentences(tmp_path):
    store = str(tmp_path / "s")
    run("build", "--store", store)
    result = run("show", "001_8d55160e06e9d7cd", "--store", store, "--sentences")
    assert result.exit_code == 0
    assert "REVIEW: 一、2022年工作回顾  (2022-01-01..2022-12-31)" in result.output
    assert "PLAN: 二、2023年工作安排  (2023-01-01..2023-12-31)" in result.output
    assert "§ （三）基层治理力度持续加强，巩固服务群众“主阵地”" in result.output
    assert "↳ [1] 大康路站、呼兰路站、爱辉路站，场北车辆段。" in result.output
    assert run("show", "nope", "--store", store).exit_code == 1
    # a path names the report as it does for kg remove (one rule: kg.graph.model.names_report)
    by_path = run("show", str(REPORTS / "001_8d55160e06e9d7cd.txt"), "--store", store)
    assert by_path.exit_code == 0 and "PLAN: 二、2023年工作安排" in by_path.output


def test_export_entities_and_trace(tmp_path):
    store = str(tmp_path / "s")
    assert run("build", "--store", store).exit_code == 0
    result = run("export", "entities", "--store", store)
    assert result.exit_code == 0
    entities = json.loads(result.output)
    station = next(e for e in entities if e["name"] == "呼兰路站")
    assert station["type"] == "MetroStation" and station["mentions"]
    assert {"id", "name", "type", "aliases", "mentions"} <= set(station)
    assert all({"report", "sentence", "text"} <= set(m) for m in station["mentions"])

    result = run("trace", "智力产业园", "--store", store, "--json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert {r["date"] for r in rows} >= {"2023-01-05", "2023-07-26"}  # across reports, in date order
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)

    # Claims stated in a sentence are shown with it: a promise with its status and evidence.
    promise = next(c for r in rows for c in r["claims"] if c["kind"] == "Commitment")
    assert promise["status"] in ("IN_PROGRESS", "DELIVERED") and promise["evidence"]
    assert any(c["kind"] == "Progress" for r in rows for c in r["claims"])
    table = run("trace", "智园一期", "--store", store, env={"COLUMNS": "250"})
    assert "promise: 开工 by 2023-12-31 → IN_PROGRESS" in table.output and "progress:" in table.output
    # One line per sentence: a sentence naming the park's 一期 and 四期 was shown once per
    # part, the same text twice once the highlight was lost; its claims now say which part.
    whole = run("trace", "智力产业园", "--store", store, env={"COLUMNS": "250"}).output
    sentences = [line.split()[3] for line in whole.splitlines() if line.startswith("20")]
    assert len(sentences) == len(set(sentences)) < len(rows)
    assert "上海智力产业园一期: progress:" in whole and "上海智力产业园四期: progress:" in whole

    result = CliRunner().invoke(main, ["trace", "不存在的名字", "--store", store])
    assert result.exit_code == 1 and "no entity named" in result.output


def test_status_and_export_commitments(tmp_path):
    store = str(tmp_path / "s")
    run("build", "--store", store)
    rows = json.loads(run("status", "--json", "--store", store).output)
    assert {r["town"] for r in rows} == {"庙行镇", "大场镇", "罗店镇", "高境镇"}
    pair = next(r for r in rows if r["date"] == "2023-01-05")
    # L-07幼儿园 and 结构绿地二期 (a third, “15分钟生活圈”规划实践, was a planning slogan read as
    # a promise; the hand-judged pair in test_tracing is the measure of statuses).
    assert pair["DELIVERED"] >= 2 and pair["IN_PROGRESS"] >= 5
    assert all(r["AWAITING_FOLLOW_UP"] == r["commitments"] for r in rows if r["date"] != "2023-01-05")
    table = run("status", "--town", "庙行镇", "--store", store)
    assert table.exit_code == 0 and "庙行镇" in table.output
    assert run("status", "--town", "不存在镇", "--store", store).exit_code == 1
    commitments = json.loads(run("export", "commitments", "--store", store).output)
    keys = {
        "id",
        "report",
        "period",
        "section",
        "text",
        "entities",
        "milestone",
        "deadline",
        "status",
        "evidence",
        "recommitted_in",
    }
    assert commitments and all(keys <= set(c) for c in commitments)
    delivered = [c for c in commitments if c["status"] == "DELIVERED"]
    assert delivered and all(
        c["evidence"] and {"report", "sentence", "text", "score"} <= set(c["evidence"][0]) for c in delivered
    )


def test_status_and_export_indicators(tmp_path):
    store = str(tmp_path / "s")
    run("build", "--store", store)
    rows = json.loads(run("status", "--json", "--town", "庙行镇", "--store", store).output)
    targets = {t["indicator"]: t for r in rows for t in r["indicators"]}
    assert targets["固定资产投资"]["actuals"][0]["share"] == 0.52
    assert targets["社会消费品零售总额"]["growth_consistent"] is False
    table = run("status", "--town", "庙行镇", "--store", store, env={"COLUMNS": "250"}).output
    assert "Indicator targets" in table and "inconsistent: implies 0.0%" in table
    indicators = json.loads(run("export", "indicators", "--store", store).output)
    keys = {"id", "report", "name", "kind", "period", "value", "unit", "growth_pct", "text"}
    assert indicators and all(keys <= set(i) and i["kind"] in ("target", "actual") for i in indicators)
    assert {i["unit"] for i in indicators} >= {"亿元", "%"}


def test_status_of_many_reports_is_summed_per_town_and_lists_them_on_demand(tmp_path, monkeypatch):
    import kg.cli

    store = str(tmp_path / "s")
    run("build", "--store", store)
    rows = json.loads(run("status", "--json", "--store", store).output)
    monkeypatch.setattr(kg.cli, "_STATUS_ROWS", 3)  # five sample reports stand for a thousand
    summary = run("status", "--store", store, env={"COLUMNS": "80"}).output
    assert "per town" in summary and "5 reports in 4 towns" in summary and "2023-01-05" not in summary
    庙行 = next(line for line in summary.splitlines() if line.startswith("庙行镇"))
    both = [r for r in rows if r["town"] == "庙行镇"]
    # the town's line: its two reports, their commitments added up
    assert 庙行.split()[1:3] == ["2", str(sum(r["commitments"] for r in both))]
    assert "Indicator targets per town" in summary
    every = run("status", "--all", "--store", store, env={"COLUMNS": "80"}).output
    assert all(r["date"] in every for r in rows) and "per town" not in every
    one = run("status", "--town", "庙行镇", "--store", store, env={"COLUMNS": "80"}).output
    assert "2023-01-05" in one and "2023-07-26" in one and "per town" not in one


def test_a_reader_that_stops_early_is_no_error(tmp_path):
    # kg export commitments -o - | head: the pipe closes under kg, which reported an
    # "unexpected error" for it. The reader here closes before kg writes, so kg's writes
    # meet a closed pipe whatever the timing.
    import subprocess
    import sys

    store = str(tmp_path / "s")
    assert run("build", "--store", store).exit_code == 0
    kg = [sys.executable, "-c", "from kg.cli import main; main()"]
    command = [*kg, "export", "commitments", "--store", store, "-o", "-"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        errors = proc.stderr.read().decode()
    assert errors == "", errors
    assert proc.returncode == 1  # as Python itself exits on EPIPE


def test_a_broken_pipe_not_to_stdout_is_reported(monkeypatch):
    # Found in review: every BrokenPipeError was taken for the reader of stdout going
    # away and kg exited 1 without a word, though a pipe to a subprocess or a socket
    # breaking is a failure the user must hear of.
    import kg.sinks.queries

    def broken():
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(kg.sinks.queries, "canned_queries", broken)
    result = run("queries")
    assert result.exit_code == 1
    assert "kg: unexpected error: BrokenPipeError" in result.output


def test_stdout_reader_gone_tells_a_closed_reader_from_an_open_one():
    import subprocess
    import sys

    probe = "from kg.cli import _stdout_reader_gone as g; import sys; sys.stderr.write(str(g()))"
    for close in (False, True):
        with subprocess.Popen(
            [sys.executable, "-c", f"import time; time.sleep(0.5); {probe}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as proc:
            assert proc.stdout is not None and proc.stderr is not None
            if close:
                proc.stdout.close()
            said = proc.stderr.read().decode()
            if not close:
                proc.stdout.read()
        assert said == str(close), said


def test_an_existing_output_is_refused_before_the_work(tmp_path):
    # The export was made (a minute on a big store) and only then refused: the check comes
    # first, so even a store that is not there yet is not the error shown.
    out = tmp_path / "out.json"
    out.write_text("kept", "utf-8")
    missing_store = str(tmp_path / "none")
    for args in (
        ["export", "reports", "-o", str(out)],
        ["export", "subgraph", "--format", "json", "-o", str(out)],
        ["report", "-o", str(out)],
    ):
        result = CliRunner().invoke(main, [*args, "--store", missing_store])
        assert result.exit_code == 1 and "exists; use --force" in result.output, args
    assert out.read_text("utf-8") == "kept"


def test_a_missing_path_fails_before_the_loaders_load(tmp_path):
    # Run as a child: in this process the loaders are imported already.
    import subprocess
    import sys

    code = (
        "import sys; from kg.cli import main\n"
        "try:\n    main(['build', '--store', sys.argv[1], 'bad/missing.txt'])\n"
        "except SystemExit as e:\n"
        "    print('loaders' in sys.modules, 'kg.build' in sys.modules, e.code, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "s")], capture_output=True, text=True, cwd=tmp_path)
    lines = done.stderr.splitlines()
    assert lines == ["kg: bad/missing.txt: cannot read: No such file or directory", "False False 1"]
    assert done.stdout == "" and not (tmp_path / "s").exists()


def test_files_an_installed_kg_has_are_listed_and_exist():
    from kg.resources import SHIPPED

    listed = run("files")
    assert listed.exit_code == 0
    for name in SHIPPED:
        one = run("files", name)
        assert one.exit_code == 0 and Path(one.output.strip()).exists(), name
        assert one.output.strip() in listed.output
    assert run("files", "nope").exit_code == 1


def test_messages_name_no_file_of_the_checkout_only():
    # A wheel has no schema/, docs/ or scripts/ folder beside it: help and messages point
    # to 'kg files', which prints where the installed kg keeps them.
    import re

    from kg.sinks.formats import FORMATS

    texts = [run("export", "subgraph", "--help").output, *(f.description for f in FORMATS.values())]
    for text in texts:
        assert not re.search(r"(?<![\w/])(schema|docs|scripts)/", text), text
    assert 'pyshacl -s "$(kg files shapes)" -e "$(kg files ontology)"' in texts[0]
