"""Commitments, progress and their tracing: on invented report pairs for each status,
and against the hand-judged 庙行镇 pair (tests/devset)."""

import csv
from pathlib import Path

import pytest

from kg.extraction.clauses import clauses
from kg.extraction.milestones import deadline_of, highest_stage, quantity_of
from kg.tracing.trace import STATUSES

from .invented import build_reports, report

DEVSET = Path(__file__).parent / "devset" / "commitments" / "001_followed_by_000.tsv"


def commitments(graph, town=None):
    found = {}
    for node, data in graph.nodes(data=True):
        if data["label"] == "Commitment" and (town is None or graph.nodes[data["report"]]["town"] == town):
            about = [graph.nodes[e]["name"] for _, e, k in graph.out_edges(node, keys=True) if k == "ABOUT"]
            day = graph.nodes[data["report"]].get("date")
            found[(about[0] if about else data["object"], data["text"], day)] = data | {"node": node}
    return found


def status(graph, name, town=None, day=None):
    matches = [
        d
        for (obj, _, when), d in commitments(graph, town).items()
        if obj == name and when == (day or min(w for (o, _, w) in commitments(graph, town) if o == name))
    ]
    assert len(matches) == 1, (name, list(commitments(graph, town)))
    return matches[0]["status"]


PLAN_2023 = "完成星河路道路验收移交。推进翔韵公园建设，年内竣工。完成A-01地块的出让工作。启动梧桐湾学校建设。持续改进工作作风。"
REVIEW_2023 = "星河路完成道路验收移交。翔韵公园主体结构完工。A-01地块出让受市场影响推迟。地铁14号线星河路站主体结构完工。"


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pair")
    return build_reports(
        tmp,
        {
            "a.txt": report("马陆镇", "2023-01-10", ("2022年工作回顾", "全年完成各项任务。"), ("2023年工作安排", PLAN_2023)),
            "b.txt": report(
                "马陆镇", "2024-01-10", ("2023年工作回顾", REVIEW_2023), ("2024年工作安排", "推进翔韵公园建设，力争上半年竣工。")
            ),
            "c.txt": report("外冈镇", "2023-01-12", ("2022年工作回顾", "全年完成各项任务。"), ("2023年工作安排", PLAN_2023)),
            "d.txt": report(
                "外冈镇", "2023-07-20", ("上半年工作回顾", "上半年完成各项任务。"), ("下半年工作安排", "持续推进各项工作。")
            ),
        },
    )


def test_delivered_when_the_promised_stage_is_reported(pair):
    assert status(pair, "星河路", "马陆镇") == "DELIVERED"


def test_in_progress_when_work_falls_short_of_the_stage(pair):
    assert status(pair, "翔韵公园", "马陆镇") == "IN_PROGRESS"  # 主体完工, not 竣工


def test_stalled_when_a_delay_is_reported(pair):
    assert status(pair, "A-01地块", "马陆镇") == "STALLED"


def test_not_reported_when_a_full_year_follow_up_never_mentions_it(pair):
    assert status(pair, "梧桐湾学校", "马陆镇") == "NOT_REPORTED"


def test_awaiting_when_the_follow_up_covers_half_the_period(pair):
    for name in ("星河路", "翔韵公园", "A-01地块", "梧桐湾学校"):
        assert status(pair, name, "外冈镇") == "AWAITING_FOLLOW_UP"


def test_a_plan_with_no_later_report_awaits(pair):
    later = [
        d
        for d in commitments(pair, "马陆镇").values()
        if d["report"] == next(n for n, r in pair.nodes(data=True) if r["label"] == "Report" and r.get("date") == "2024-01-10")
    ]
    assert later and all(d["status"] == "AWAITING_FOLLOW_UP" for d in later)


def test_a_station_is_no_evidence_for_the_road_of_its_name(pair):
    node = next(d["node"] for (obj, _, _), d in commitments(pair, "马陆镇").items() if obj == "星河路")
    evidence = [pair.nodes[p]["text"] for _, p, k in pair.out_edges(node, keys=True) if k == "FOLLOWED_UP_BY"]
    assert evidence == ["星河路完成道路验收移交"]


def test_exhortations_are_not_commitments(pair):
    assert not any("工作作风" in text for _, text, _ in commitments(pair))


def test_a_repeated_promise_is_a_recommitment(pair):
    node = next(
        d["node"] for (obj, _, day), d in commitments(pair, "马陆镇").items() if obj == "翔韵公园" and day == "2023-01-10"
    )
    repeats = [pair.nodes[c] for _, c, k in pair.out_edges(node, keys=True) if k == "RECOMMITTED_AS"]
    assert [r["deadline"] for r in repeats] == ["2024-06-30"]


def test_one_commitment_per_object_of_an_enumeration(tmp_path):
    graph = build_reports(
        tmp_path,
        {
            "a.txt": report(
                "马陆镇",
                "2023-01-10",
                ("2022年工作回顾", "全年完成各项任务。"),
                ("2023年工作安排", "完成J-07A、F-07、15-03三幅地块的出让工作。大康路、一二八纪念路、共康路完成道路验收移交。"),
            )
        },
    )
    objects = {obj for obj, _, _ in commitments(graph)}
    assert {"J-07A地块", "F-07地块", "15-03地块", "大康路", "一二八纪念路", "共康路"} <= objects
    assert {d["milestone"] for d in commitments(graph).values()} == {"土地", "验收"}


def test_clause_tools():
    assert [c.text for c in clauses("配套建设全面冲刺，L-07幼儿园投入使用。")] == ["配套建设全面冲刺", "L-07幼儿园投入使用"]
    assert highest_stage("主体结构完工").milestone == "主体完工"
    assert highest_stage("提升服务开放性") is None  # an adjective, not the stage 开放
    assert quantity_of("力争全年完工12台") == (12.0, "台")
    assert quantity_of("建成两座泵站") == (2.0, "座")
    from datetime import date

    assert deadline_of("年底前完成", date(2023, 1, 1), date(2023, 12, 31))[0] == date(2023, 12, 31)


def test_every_sample_plan_without_a_later_report_awaits(sample_graph):
    for _, data in sample_graph.nodes(data=True):
        if data["label"] == "Commitment" and sample_graph.nodes[data["report"]].get("date") != "2023-01-05":
            assert data["status"] == "AWAITING_FOLLOW_UP", data["text"]
        if data["label"] == "Commitment":
            assert data["status"] in STATUSES


def _gold():
    with open(DEVSET, encoding="utf-8") as handle:
        rows = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(rows, delimiter="\t"))


def evaluate_against_gold(graph) -> tuple[float, float, list[str]]:
    """(status agreement, evidence accuracy, disagreements) on the hand-judged pair."""
    plan_report = next(n for n, d in graph.nodes(data=True) if d["label"] == "Report" and d.get("date") == "2023-01-05")
    rows = _gold()
    agree, with_evidence, right_evidence, problems = 0, 0, 0, []
    for row in rows:
        with_evidence += bool(row["evidence"])
        found = []
        for node, data in graph.nodes(data=True):
            if data["label"] != "Commitment" or data["report"] != plan_report:
                continue
            if row["sentence"] not in graph.nodes[data["sentence"]]["text"]:
                continue
            names = {data["object"]}
            for _, e, k in graph.out_edges(node, keys=True):
                if k == "ABOUT":
                    names |= {graph.nodes[e]["name"], *graph.nodes[e].get("aliases", [])}
            if row["object"] in names:
                found.append((node, data))
        if not found:
            problems.append(f"missed: {row['object']} ({row['sentence']})")
            continue
        node, data = found[0]
        if data["status"] == row["status"]:
            agree += 1
        else:
            problems.append(f"{row['object']}: {data['status']} (gold {row['status']})")
        if row["evidence"]:
            # The evidence is right when a cited progress statement's sentence holds the gold words.
            cited = [
                graph.nodes[graph.nodes[p]["sentence"]]["text"]
                for _, p, k in graph.out_edges(node, keys=True)
                if k == "FOLLOWED_UP_BY"
            ]
            if any(row["evidence"] in text for text in cited):
                right_evidence += 1
            else:
                problems.append(f"{row['object']}: evidence {cited} (gold {row['evidence']})")
    return agree / len(rows), right_evidence / with_evidence, problems


def test_tracer_agrees_with_the_hand_judged_pair(sample_graph):
    agreement, evidence, problems = evaluate_against_gold(sample_graph)
    print(f"status agreement {agreement:.2f}, evidence {evidence:.2f}", *problems, sep="\n  ")
    assert len(_gold()) >= 20
    # No worse than the tracer was before the extraction of issue 15 (30 of 32, 10 of 11).
    assert agreement >= 30 / 32, problems
    assert evidence >= 10 / 11, problems


def plan_commitments(tmp_path, plan):
    graph = build_reports(
        tmp_path, {"a.txt": report("马陆镇", "2023-01-10", ("2022年工作回顾", "全年完成各项任务。"), ("2023年工作安排", plan))}
    )
    return {d["object"]: d for _, d in graph.nodes(data=True) if d["label"] == "Commitment"}


def test_the_works_on_a_place_are_the_object_not_the_place(tmp_path):
    found = plan_commitments(
        tmp_path,
        "协调推进星河路、翔云路管网疏通工作。全面实施东湖泾滨水公共空间贯通项目。"
        "L-05幼儿园投入使用。推动智慧产业园一期、二期建设。",
    )
    assert {"星河路管网", "翔云路管网", "东湖泾滨水公共空间贯通项目", "L-05幼儿园"} <= set(found)
    assert {"智慧产业园一期", "智慧产业园二期"} <= set(found)
    assert found["L-05幼儿园"]["milestone"] == "投用"


def test_a_promise_to_build_with_no_stage_is_read_as_started_and_traced_to_done(tmp_path):
    found = plan_commitments(tmp_path, "推进翔韵公园建设。继续开展“老吾老”计划。争创马陆镇爱国拥军模范镇。")
    park = found["翔韵公园"]
    assert (park["milestone"], park["stage_stated"]) == ("开工", False)
    assert found["“老吾老”计划"].get("milestone") is None
    assert any(d.get("milestone") is None and "模范镇" in obj for obj, d in found.items())


def test_works_promised_with_no_stage_are_delivered_only_when_done(tmp_path):
    graph = build_reports(
        tmp_path,
        {
            "plan.txt": report(
                "马陆镇",
                "2023-01-10",
                ("2022年工作回顾", "全年完成各项任务。"),
                ("2023年工作安排", "推进翔韵公园建设。推进星辰学校建设。"),
            ),
            "review.txt": report(
                "马陆镇",
                "2024-01-10",
                ("2023年工作回顾", "翔韵公园开工建设。星辰学校建成投用。"),
                ("2024年工作安排", "持续推进各项工作。"),
            ),
        },
    )
    assert status(graph, "翔韵公园", day="2023-01-10") == "IN_PROGRESS"  # started is not done
    assert status(graph, "星辰学校", day="2023-01-10") == "DELIVERED"


def test_campaigns_mechanisms_slogans_and_brands_are_no_commitments(tmp_path):
    found = plan_commitments(
        tmp_path,
        "持续推进农村房屋租赁管理专项行动。贯彻落实“四责协同”机制。落实“一岗双责”。"
        "升级打造“五色花”特色职业指导站品牌。加强应急救援队伍建设。"
        "推进社区长者食堂、社区助餐点等为老服务设施扩面提质。",
    )
    assert not found, found


def test_an_aim_after_a_promise_is_no_stage_of_it(tmp_path):
    found = plan_commitments(tmp_path, "完成A-01、B-02两幅地块的出让工作，加快投产见效。")
    assert {d["milestone"] for d in found.values()} == {"土地"}
