"""Small invented reports for tests: a town's report with one review and one plan part."""

from kg.build import build
from kg.graph.store import Store


def report(town: str, day: str, review: tuple[str, str], plan: tuple[str, str] | None) -> str:
    year, month, date_ = day.split("-")
    text = f"政府工作报告\n——{year}年{int(month)}月{int(date_)}日在嘉定区{town}第八届人民代表大会第五次会议上\n\n各位代表：\n\n"
    text += f"一、{review[0]}\n\n（一）重点工作\n{review[1]}\n\n"
    if plan:
        text += f"二、{plan[0]}\n\n（一）重点工作\n{plan[1]}\n"
    return text


def build_reports(tmp_path, texts: dict[str, str]):
    for name, text in texts.items():
        (tmp_path / name).write_text(text, "utf-8")
    store = Store(tmp_path / "store")
    summary = build([tmp_path / name for name in texts], store)
    assert not summary.errors, summary.errors
    return store.load()
