"""The .docx read back with python-docx: page, grid, styles, fonts, footers, runs, frame, and the round trip."""

from __future__ import annotations

import itertools
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from export import geometry as g
from export.backends.docx import export_docx
from models.importers.dispatch import read_report_file
from models.report import Item
from tests.export.handover import framed_report, plain_report


@pytest.fixture(scope="module")
def plain_docx(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "报告.docx"
    export_docx(plain_report(), path)
    return path


def _eastasia(style) -> str:
    return style.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def test_page_margins_and_document_grid(plain_docx):
    d = docx.Document(str(plain_docx))
    s = d.sections[0]
    assert round(s.page_width.mm) == 210 and round(s.page_height.mm) == 297
    assert (round(s.top_margin.mm), round(s.left_margin.mm), round(s.right_margin.mm), round(s.bottom_margin.mm)) \
        == (37, 28, 26, 35)
    grid = s._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    pitch, space = int(grid.get(qn("w:linePitch"))), int(grid.get(qn("w:charSpace")))
    height = (s.page_height - s.top_margin - s.bottom_margin) / 635  # EMU -> twips
    width = (s.page_width - s.left_margin - s.right_margin) / 12700  # EMU -> pt
    assert int(height // pitch) == 22  # 22 lines fit, 23 do not
    cell = g.BODY_SIZE + space / 4096
    assert int(width // cell) == 28
    # the footer's line ends 7 mm + one page-number height under the 版心
    assert abs(s.footer_distance.pt - (g.BLOCK_BOTTOM - g.PAGENUM_GAP - 14)) < 0.1


def test_real_styles_with_official_east_asian_fonts_and_no_theme_fonts(plain_docx):
    d = docx.Document(str(plain_docx))
    want = {"公文标题": "方正小标宋简体", "公文正文": "仿宋_GB2312", "公文一级标题": "黑体", "公文二级标题": "楷体_GB2312",
            "署名": "仿宋_GB2312", "成文日期": "仿宋_GB2312", "附件标注": "黑体", "版记": "仿宋_GB2312", "页码": "宋体"}
    for name, font in want.items():
        style = d.styles[name]
        assert _eastasia(style) == font, name
        assert style.element.rPr.find(qn("w:rFonts")).get(qn("w:ascii")) == font  # digits and Latin too
    assert d.styles["公文标题"].font.size == Pt(22) and d.styles["公文正文"].font.size == Pt(16)
    with zipfile.ZipFile(plain_docx) as z:
        styles = z.read("word/styles.xml").decode()
    assert "Theme=" not in styles  # asciiTheme, eastAsiaTheme…: WPS lists them as missing fonts
    used = {p.style.name for p in d.paragraphs}
    assert {"公文标题", "公文正文", "公文一级标题", "公文二级标题", "署名", "成文日期"} <= used


def test_page_numbers_are_page_fields_in_odd_and_even_footers(plain_docx):
    d = docx.Document(str(plain_docx))
    assert d.settings.odd_and_even_pages_header_footer
    s = d.sections[0]
    for footer, side in ((s.footer, "right"), (s.even_page_footer, "left")):
        p = footer.paragraphs[0]
        xml = p._p.xml
        assert "PAGE" in "".join(t.text for t in p._p.iter(qn("w:instrText")))
        assert xml.count("fldCharType") == 3
        assert p.text.startswith("— ") and p.text.endswith(" —")
        assert p.style.name == "页码"
        indent = p.paragraph_format.right_indent if side == "right" else p.paragraph_format.left_indent
        assert abs(indent.pt - 14) < 0.1  # one character of the page number's size in from the edge
        assert p.alignment == (2 if side == "right" else 0)


def test_bold_lead_runs_and_run_on_items_in_one_paragraph(plain_docx):
    d = docx.Document(str(plain_docx))
    texts = [p.text for p in d.paragraphs]
    run_on = next(p for p in d.paragraphs if p.text.startswith("一年来"))
    assert "一是加强理论学习。" in run_on.text and "二是严格组织生活。" in run_on.text
    # a lead may be cut into runs where a line ends (docx_lines: per-line spacing), never into regular type
    bold = ["".join(r.text for r in group) for is_bold, group in itertools.groupby(run_on.runs, lambda r: r.bold)
            if is_bold]
    assert bold == ["一是加强理论学习。", "二是严格组织生活。"]
    item = next(p for p in d.paragraphs if p.text.startswith("一是学用结合"))
    lead = "".join(r.text for r in itertools.takewhile(lambda r: r.bold, item.runs))
    assert lead == "一是学用结合还不够紧密。"
    assert "一、主要工作" in texts and "（一）抓实政治建设。" in texts
    assert next(p for p in d.paragraphs if p.text == "（一）抓实政治建设。").style.name == "公文二级标题"


def test_signature_and_date_are_placed_by_indents_not_spaces(plain_docx):
    d = docx.Document(str(plain_docx))
    sig = next(p for p in d.paragraphs if p.style.name == "署名")
    date = next(p for p in d.paragraphs if p.style.name == "成文日期")
    assert " " not in sig.text + date.text and "\u3000" not in sig.text + date.text
    assert abs(sig.paragraph_format.right_indent.pt - 2 * g.CELL) < 1  # §7.3.5.2: two characters from the right
    # The date by its right end too, as Tianbao's page has it: wider digits on another PC grow it leftwards.
    assert date.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT or date.style.paragraph_format.alignment == \
        docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert date.paragraph_format.right_indent is not None and not date.paragraph_format.left_indent
    assert date.text == "2026年11月26日"


def test_round_trip_through_the_importer_gives_back_the_same_report(plain_docx):
    back, _summary = read_report_file(plain_docx)
    original = plain_report()
    assert back.content_equal(original), (back, original)


@pytest.mark.parametrize("run_on", [True, False])
def test_a_lead_typed_without_a_full_stop_comes_back_without_the_printed_one(tmp_path, run_on):
    """The 。 the export adds after such a lead is printed (bold, like the lead) and not imported back."""
    original = plain_report()
    original.sections[0].run_on = run_on
    original.sections[0].items[0].lead = "加强理论学习"  # no 。: the export adds one
    original.sections[0].items.append(Item(lead="抓好宣传思想工作", body=""))  # an item that is only a lead
    original.sections[1].items[1].body = "个别制度落实不够经常。还有一个句号。"
    path = tmp_path / "报告.docx"
    export_docx(original, path)
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "一是加强理论学习。全年" in text and "是抓好宣传思想工作。" in text
    back, _summary = read_report_file(path)
    assert back.content_equal(original), (back, original)


def test_the_frame_is_written_from_the_report(tmp_path):
    path = tmp_path / "文件.docx"
    export_docx(framed_report(), path)
    d = docx.Document(str(path))
    mark = next(p for p in d.paragraphs if p.style.name == "发文机关标志")
    assert mark.text == "中共某某区某某局委员会文件" and mark.runs[0].font.color.rgb == docx.shared.RGBColor(255, 0, 0)
    number = next(p for p in d.paragraphs if p.style.name == "发文字号")
    assert number.text == "某局党〔2026〕12号\t签发人：张某某"
    assert 'w:color="FF0000"' in number._p.xml  # the red rule under it
    assert next(p for p in d.paragraphs if p.style.name == "主送机关").text == "区委组织部："
    notes = [p.text for p in d.paragraphs if p.style.name == "附件说明"]
    assert notes == ["附件：1.2026年度学习计划完成情况表", "2.2027年度工作要点"]
    labels = [p for p in d.paragraphs if p.style.name == "附件标注"]
    assert [p.text for p in labels] == ["附件1", "附件2"]
    assert all(p.paragraph_format.page_break_before for p in labels)
    table = d.tables[-1]
    assert [c.text for row in table.rows for c in row.cells] == [
        "抄送：区纪委监委", "中共某某区某某局委员会办公室\t2026年12月8日印发"]  # as typed, as in the PDF
    spacer = table._tbl.getprevious()  # an empty paragraph pushes the 版记 to the foot of the 版心
    assert spacer.xpath("string(.)") == "" and int(spacer.pPr.spacing.get(qn("w:line"))) > 10000
    assert d.core_properties.title == framed_report().title
    assert d.core_properties.author == "中共某某区某某局机关委员会"
    assert d.core_properties.created.year >= 2026 and "python-docx" not in d.core_properties.comments


def test_round_trip_of_a_framed_report_gives_back_every_field(tmp_path):
    """Nothing added: the 抄送 printed as typed (the PDF does not add its 。 either), 签发人 two a line."""
    original = framed_report()
    original.letterhead.signers = ["张某某", "李某某", "王某某"]
    path = tmp_path / "文件.docx"
    export_docx(original, path)
    back, _summary = read_report_file(path)
    assert back.content_equal(original), (back, original)


def test_font_table_names_windows_substitutes_for_the_official_fonts(plain_docx):
    """A PC without 仿宋_GB2312 shows 仿宋 (w:altName), not whatever Word or WPS pick."""
    with zipfile.ZipFile(plain_docx) as z:
        table = z.read("word/fontTable.xml").decode()
    for name, alt in (("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"), ("方正小标宋简体", "宋体")):
        assert f'<w:font w:name="{name}"><w:altName w:val="{alt}"/>' in table
    assert "Calibri" not in table


def test_full_width_characters_are_set_tight_and_digits_keep_their_width(plain_docx):
    """28 cells of 15.79 pt: only full-width characters are tightened, as Tianbao's cells are; 12 and 2026 are not."""
    d = docx.Document(str(plain_docx))
    assert int(d.styles["公文正文"].element.rPr.find(qn("w:spacing")).get(qn("w:val"))) < 0
    run_on = next(p for p in d.paragraphs if p.text.startswith("一年来"))
    digits = next(r for r in run_on.runs if r.text == "12")
    assert digits._r.rPr.find(qn("w:spacing")).get(qn("w:val")) == "0"
    assert "".join(r.text for r in run_on.runs) == run_on.text
    assert d.styles["公文标题"].element.rPr.find(qn("w:spacing")).get(qn("w:val")) == "0"


def test_a_long_title_breaks_where_tianbao_breaks_it_without_a_typed_break(tmp_path):
    from export.layout import layout_report

    report = plain_report()
    report.title = "关于进一步加强和改进新时代机关党的建设推动全面从严治党向纵深发展的实施意见"
    lines = [ln for ln in layout_report(report).pages[0].lines if ln.kind == "title"]
    assert len(lines) >= 2
    path = tmp_path / "t.docx"
    export_docx(report, path)
    title = docx.Document(str(path)).paragraphs[0]
    assert title.text == report.title and "<w:br" not in title._p.xml  # one paragraph: edits re-flow, import reads it
    fmt = title.paragraph_format
    assert abs(fmt.left_indent.pt - fmt.right_indent.pt) < 0.1
    widest = max(ln.x_end - ln.x_start for ln in lines)
    assert widest < g.BLOCK_WIDTH - 2 * fmt.left_indent.pt < widest + 22  # room for Tianbao's lines, not a char more


def test_the_red_rule_border_takes_nothing_from_the_grid_and_the_record_rows_are_grid_lines(tmp_path):
    """Word and WPS add a bottom border's gap and width to its paragraph: the title's space before gives them back,
    so the text under the 版头 sits on Tianbao's grid lines (a full first page spilled onto a third, stranding the
    版记); the 版记's rows are one grid line each, as in the PDF."""
    from export.backends.docx_styles import LINE_PITCH_TW

    path = tmp_path / "文件.docx"
    export_docx(framed_report(), path)
    d = docx.Document(str(path))
    number = next(p for p in d.paragraphs if p.style.name == "发文字号")
    border = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    taken = int(border.get(qn("w:space"))) * 20 + int(border.get(qn("w:sz"))) * 20 / 8  # twips
    title = next(p for p in d.paragraphs if p.style.name == "公文标题")
    before = title.paragraph_format.space_before.twips
    assert before + taken == pytest.approx(g.HEAD_TITLE_GAP_LINES * LINE_PITCH_TW, abs=2)
    rows = d.tables[-1]._tbl.findall(qn("w:tr"))
    assert [int(r.find(qn("w:trPr")).find(qn("w:trHeight")).get(qn("w:val"))) for r in rows] == [LINE_PITCH_TW] * 2


def test_no_template_leftovers_a_receiver_would_see(plain_docx):
    """No blank thumbnail, no "Microsoft Macintosh Word", East Asian theme language Chinese, not Japanese."""
    from models import APP_VERSION

    with zipfile.ZipFile(plain_docx) as z:
        names = z.namelist()
        app = z.read("docProps/app.xml").decode()
        settings = z.read("word/settings.xml").decode()
    assert not any("thumbnail" in n for n in names)
    assert f"<Application>天报 报告填报助手 {APP_VERSION}</Application>" in app and "Macintosh" not in app
    assert 'w:eastAsia="zh-CN"' in settings and "ja-JP" not in settings and "savePreviewPicture" not in settings
    assert "<Pages>1</Pages>" not in app  # the report's own page count
