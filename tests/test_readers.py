"""Every reader gives the same document model as the plain-text file it was made from.
The .docx, .html, GBK and PDF versions are generated here from the sample text."""

import html
import re

import pytest

from loaders import LoaderError, load

from .conftest import REPORTS

SAMPLE = "001_8d55160e06e9d7cd.txt"


def shape(report):
    """What must not depend on the file format."""
    return (
        report.town,
        report.district,
        report.date,
        report.title,
        [(p.kind, p.period, [(s.title, s.level) for s in p.sections], [t.text for t in p.sentences()]) for p in report.parts],
        sorted((f.number, f.text) for f in report.footnotes),
    )


def blocks(text: str) -> list[list[str]]:
    """The text's blocks (separated by blank lines), each a list of lines."""
    return [b.split("\n") for b in re.split(r"\n\s*\n", text.strip("\n")) if b.strip()]


@pytest.fixture(scope="module")
def sample_text():
    return (REPORTS / SAMPLE).read_text("utf-8")


def test_gbk_text_loads_like_utf8(tmp_path, sample_text):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(sample_text.encode("gb18030"))
    report = load(gbk)
    assert report.encoding == "gb18030"
    assert shape(report) == shape(load(REPORTS / SAMPLE))


def test_plain_gbk_is_detected(tmp_path):
    path = tmp_path / "gbk.txt"
    text = "政府工作报告\n\n——2023年1月5日在宝山区庙行镇第八届人民代表大会第三次会议上\n\n各位代表：\n\n一、2022年工作回顾\n\n完成道路建设。\n\n二、2023年工作安排\n\n推进学校建设。\n"
    path.write_bytes(text.encode("gbk"))
    report = load(path)
    assert report.encoding == "gb18030" and report.town == "庙行镇"


@pytest.mark.parametrize("encoding, name", [("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16")])
def test_byte_order_marks(tmp_path, sample_text, encoding, name):
    path = tmp_path / "bom.txt"
    path.write_bytes(sample_text.encode(encoding))
    report = load(path)
    assert report.encoding == name
    assert shape(report) == shape(load(REPORTS / SAMPLE))


def test_docx_loads_like_the_text(tmp_path, sample_text):
    import docx

    document = docx.Document()
    for block in blocks(sample_text):
        paragraph = document.add_paragraph()
        for i, line in enumerate(block):
            if i:
                paragraph.add_run().add_break()
            for piece in re.split(r"(\*\*.+?\*\*)", line):
                if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
                    paragraph.add_run(piece[2:-2]).bold = True
                elif piece:
                    paragraph.add_run(piece)
    path = tmp_path / "report.docx"
    document.save(path)
    report = load(path)
    assert report.format == "docx"
    assert shape(report) == shape(load(REPORTS / SAMPLE))


def test_docx_bold_lead_and_word_footnote(tmp_path):
    import docx

    document = docx.Document()
    for text in (
        "政府工作报告",
        "——2023年1月5日在宝山区庙行镇第八届人民代表大会第三次会议上",
        "各位代表：",
        "一、2022年工作回顾",
    ):
        document.add_paragraph(text)
    for _ in range(3):
        p = document.add_paragraph()
        p.add_run("载体空间加速拓展。").bold = True
        p.add_run("新建科技园一座")
        sup = p.add_run("1")
        sup.font.superscript = True
        p.add_run("。")
    document.add_paragraph("1 即长江软件园。")
    document.add_paragraph("二、2023年工作安排")
    document.add_paragraph("推进学校建设。")
    path = tmp_path / "bold.docx"
    document.save(path)
    review = load(path).part("review")
    assert [s.title for s in review.sections if s.level == 2] == ["载体空间加速拓展。"] * 3
    first = next(review.sentences())
    assert first.text == "新建科技园一座。" and first.footnotes[0].text == "即长江软件园。"


def test_html_loads_like_the_text(tmp_path, sample_text):
    def render(line: str) -> str:
        line = html.escape(line, quote=False)
        line = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", line)
        return line

    body = "\n".join("<p>" + "<br>".join(render(line) for line in block) + "</p>" for block in blocks(sample_text))
    path = tmp_path / "report.html"
    path.write_text(
        f"<!doctype html><html><head><meta charset='utf-8'><title>t</title><style>p{{}}</style></head><body>{body}</body></html>",
        "utf-8",
    )
    report = load(path)
    assert report.format == "html"
    assert shape(report) == shape(load(REPORTS / SAMPLE))


def test_pdf_loads_like_the_text(tmp_path, sample_text):
    """A typeset PDF (wrapped lines, page breaks inside paragraphs, footnotes at the
    foot of the page, page numbers) reads back into the same model as the text."""
    from .make_pdf import typeset

    report = load(typeset(sample_text, tmp_path / "report.pdf"))
    text_report = load(REPORTS / SAMPLE)
    assert report.format == "pdf"
    assert shape(report) == shape(text_report)
    cited = lambda r: sorted((f.number, s.text) for s in r.sentences() for f in s.footnotes)  # noqa: E731
    assert cited(report) == cited(text_report) and len(cited(report)) == 5
    assert "- 2 -" not in report.original


@pytest.mark.parametrize("sample", ["000_dd07b67f804f2d67.txt", "002_273361674173251b.txt", "003_68189976bd792ce1.txt"])
def test_pdf_of_other_samples(tmp_path, sample):
    """The typesetter has no bold Chinese face and no glyph for the middle dot, so the
    comparison is with the text as such a PDF can carry it."""
    from .make_pdf import typeset

    text = (REPORTS / sample).read_text("utf-8").replace("**", "").replace("·", "")
    plain = tmp_path / "plain.txt"
    plain.write_text(text, "utf-8")
    assert shape(load(typeset(text, tmp_path / "report.pdf"))) == shape(load(plain))


def test_pdf_wrapped_line_joins(tmp_path):
    from .make_pdf import typeset

    body = "完成J-07A地块出让，满意率100%，推进Transit Oriented Development模式。" * 3
    text = f"政府工作报告\n\n——2023年1月5日在宝山区庙行镇第八届人民代表大会第三次会议上\n\n各位代表：\n\n一、2022年工作回顾\n\n{body}\n\n二、2023年工作安排\n\n推进学校建设。\n"
    report = load(typeset(text, tmp_path / "r.pdf"))
    review = "".join(s.text for s in report.part("review").sentences())
    assert review == body


def test_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 400, 600, fill=1)  # stands in for a scanned page image
    pdf.showPage()
    pdf.save()
    with pytest.raises(LoaderError, match="no text layer"):
        load(path)


def test_html_headings_and_sup_tags(tmp_path):
    path = tmp_path / "r.html"
    path.write_text(
        "<html><body><h1>政府工作报告</h1><p>——2023年1月12日在宝山区大场镇第六届人民代表大会第三次会议上</p>"
        "<p>各位代表：</p><h2>一、2022年主要工作回顾</h2><p>建立“1+5+X”<sup>1</sup>疫情应急处置架构。</p>"
        "<p><sup>1</sup> 1+5+X：应急处置工作专班。</p><h2>二、2023 年工作目标和主要任务</h2><p>完成道路建设。</p>"
        "<script>var x = '一、2022年工作回顾';</script></body></html>",
        "utf-8",
    )
    report = load(path)
    sentence = next(report.part("review").sentences())
    assert sentence.text == "建立“1+5+X”疫情应急处置架构。"
    assert sentence.footnotes[0].text == "1+5+X：应急处置工作专班。"
    assert report.part("plan").period.start.year == 2023


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 8, "binary data"),
        ("notice.txt", "关于开展检查的通知\n\n请按时报送。\n".encode(), "not a work report"),
        ("table.xlsx", b"x,y\n1,2\n", "unsupported file type"),
        ("fake.docx", b"just text", "not a valid .docx"),
        ("fake.pdf", b"just text", "not a valid PDF"),
        ("broken.pdf", b"%PDF-1.4\n%%EOF garbage", "PDF"),
        ("archive.txt", b"PK\x03\x04" + b"\x00" * 40, "zip archive"),
    ],
)
def test_bad_files_raise_one_clear_line(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoaderError) as info:
        load(path)
    message = str(info.value)
    assert message.startswith(str(path)) and reason in message and "\n" not in message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(LoaderError, match="cannot read"):
        load(tmp_path / "missing.txt")
    with pytest.raises(LoaderError, match="is a folder"):
        load(tmp_path)


def test_too_large(tmp_path, monkeypatch):
    import loaders.read

    monkeypatch.setattr(loaders.read, "MAX_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(LoaderError, match="file too large"):
        load(path)


def test_html_text_between_paragraphs_is_a_block_but_a_menu_is_not(tmp_path):
    # A post editor sets its headings as bare text between the <p>s (回顾2021); a menu's links
    # sit in containers with no paragraph.
    path = tmp_path / "post.html"
    path.write_text(
        "<html><body><div><a>首页</a> <a>新闻</a></div><div><p>回首过去的2021年，横市镇经济健康发展。</p> 回顾2021 "
        "<p>全年种植烟叶9031亩。</p> 展望2022 <p>2022年，横市镇将力争一般公共预算收入增长20%以上。</p></div></body></html>",
        "utf-8",
    )
    report = load(path)
    assert [(p.kind, p.heading) for p in report.parts if p.kind != "front"] == [("review", "回顾2021"), ("plan", "展望2022")]
    assert "首页" not in report.original
