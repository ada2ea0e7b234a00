"""Shapes of real files that the third import corpus (tests/data/import/make_corpus3.py) showed the importer
reading wrong, each checked on its own: page numbers typed as text, reports in 第一部分/第二部分, headings that
are only bold (by the runs or by the paragraph style), bold leads of numbered items, a table just above the
signature, an 附件 line above a signature on the date's line."""

from __future__ import annotations

from models.importers.lines import Line
from models.importers.structure import parse_lines, parse_text


def test_page_numbers_typed_between_paragraphs_are_left_out_and_named():
    text = ("某某局2025年工作总结\n一、主要工作\n1.抓好造林。完成造林一万亩。\n- 1 -\n2.抓好防火。未发生火灾。\n"
            "－2－\n二、存在问题\n队伍力量薄弱。\n第 3 页 共 3 页\n某某局\n2026年1月5日")
    report, summary = parse_text(text)
    assert [i.body for i in report.sections[0].items] == ["完成造林一万亩。", "未发生火灾。"]
    assert report.sections[1].items[0].body == "队伍力量薄弱。"
    assert report.signature == "某某局"
    assert any("“- 1 -”等 3 行" in n and "页码" in n for n in summary.notes)


def test_a_sentence_naming_a_page_and_a_table_cell_number_stay():
    lines = [Line("某某局2025年工作总结"), Line("一、主要工作"), Line("详见第3页。"), Line("- 1 -", in_table=True)]
    report, summary = parse_lines(lines)
    assert [i.body for i in report.sections[0].items] == ["详见第3页。", "- 1 -"]
    assert not any("页码" in n for n in summary.notes)


def test_a_report_in_parts_has_one_section_a_part():
    text = ("某某街道2025年工作总结和2026年工作打算\n全年完成目标任务。\n第一部分　2025年工作回顾\n（一）经济稳中有进。投资八亿元。\n"
            "一、这一行在部分里面。\n第二部分：2026年工作打算\n（一）抓项目。开工十个。\n某某街道办事处\n2026年1月5日")
    report, summary = parse_text(text)
    assert [s.heading for s in report.sections] == ["2025年工作回顾", "2026年工作打算"]
    assert report.sections[0].items[0].body == "投资八亿元。\n一、这一行在部分里面。"
    assert any("第一部分" in n for n in summary.notes)


def test_a_single_mention_of_a_first_part_is_text():
    report, _ = parse_text("关于某某工作的报告\n一、情况\n第一部分　内容见上。\n二、打算\n一是抓落实。")
    assert [s.heading for s in report.sections] == ["情况", "打算"]
    assert report.sections[0].items[0].body == "第一部分　内容见上。"


def _bold_report(*heads: str) -> list[Line]:
    out = [Line("个人对照检查材料", bold=True), Line("现将对照检查情况报告如下。")]
    for h in heads:
        out += [Line(h, bold=True), Line("1．学习有差距。学得不深。"), Line("2．作风有差距。调研不够。")]
    return out + [Line("张某某"), Line("2026年1月5日")]


def test_short_bold_paragraphs_without_numbers_are_the_headings():
    report, summary = parse_lines(_bold_report("存在的主要问题", "下一步整改措施"))
    assert report.title == "个人对照检查材料" and report.preamble == "现将对照检查情况报告如下。"
    assert [s.heading for s in report.sections] == ["存在的主要问题", "下一步整改措施"]
    assert [i.lead for i in report.sections[1].items] == ["1．学习有差距。", "2．作风有差距。"]
    assert any("加粗段落“存在的主要问题”等 2 处" in n for n in summary.notes)


def test_one_bold_paragraph_or_numbered_headings_keep_their_meaning():
    report, _ = parse_lines(_bold_report("存在的主要问题"))
    assert report.sections[0].heading == "" and "存在的主要问题" in report.preamble
    lines = [Line("工作总结"), Line("一、成绩"), Line("抓学习", bold=True), Line("学得好。"), Line("二、不足"),
             Line("抓落实", bold=True), Line("落实不够。")]
    report, _ = parse_lines(lines)
    assert [s.heading for s in report.sections] == ["成绩", "不足"]


def test_a_numbered_items_bold_lead_ends_at_its_colon():
    lines = [Line("发言提纲"), Line("一、查摆的问题"),
             Line("（1）在学习方面：学得不够。有时以干代学。", bold_lead="（1）在学习方面："),
             Line("（2）在履职方面：韧劲不足。", bold_lead="（2）在履职方面："),
             Line("二、努力方向"), Line("一是在学习上：每月一篇体会。", bold_lead="一是在学习上："),
             Line("二是狠抓落实：建立台账。")]
    report, _ = parse_lines(lines)
    assert [(i.lead, i.body) for i in report.sections[0].items] == [
        ("（1）在学习方面：", "学得不够。有时以干代学。"), ("（2）在履职方面：", "韧劲不足。")]
    assert [(i.lead, i.body) for i in report.sections[1].items] == [
        ("在学习上：", "每月一篇体会。"), ("狠抓落实：建立台账。", "")]  # not bold: up to the 。 as before


def test_a_tables_last_cell_is_not_a_signature_line():
    lines = [Line("发言提纲"), Line("一、整改清单"), Line("任务见下表。"), Line("问题", in_table=True),
             Line("时限", in_table=True), Line("学习不够", in_table=True), Line("长期坚持", in_table=True),
             Line("发言人：赵某某"), Line("2026年1月5日")]
    report, _ = parse_lines(lines)
    assert report.signature == "发言人：赵某某"
    assert report.sections[0].items[-1].body == "长期坚持"
    signed = [Line("总结"), Line("一、情况"), Line("好。"), Line("某某局", in_table=True), Line("局长：周某", in_table=True),
              Line("2026年1月5日", in_table=True)]
    assert parse_lines(signed)[0].signature == "某某局\n局长：周某"  # signature and date laid out in one table


def test_a_bold_header_row_of_a_table_is_not_a_heading():
    lines = [Line("述职报告"), Line("现报告如下。"), Line("项目", bold=True, in_table=True), Line("数量", bold=True, in_table=True),
             Line("审计", in_table=True), Line("30个", in_table=True), Line("以上述职，请评议。")]
    report, _ = parse_lines(lines)
    assert report.sections == [] and report.preamble == "现报告如下。\n项目\n数量\n审计\n30个"


def test_headings_bold_by_their_paragraph_style_without_numbers(tmp_path):
    import docx

    from models.importers.dispatch import read_report_file

    d = docx.Document()  # python-docx's 标题 1 (Heading 1) is bold by its style; its runs say nothing
    d.add_paragraph("2025年度述职报告")
    d.add_paragraph("现将履职情况报告如下。")
    for heading, text in (("履职情况", "一是抓学习。学得深。"), ("廉洁情况", "严守规定。")):
        d.add_paragraph(heading, style="Heading 1")
        d.add_paragraph(text)
    d.add_paragraph("2026年1月5日")
    d.save(tmp_path / "述职.docx")
    report, _ = read_report_file(tmp_path / "述职.docx")
    assert [s.heading for s in report.sections] == ["履职情况", "廉洁情况"]


def test_a_body_typed_all_in_bold_has_no_bold_headings():
    lines = [Line(t, bold=True) for t in ("述职报告", "现报告如下。", "履职情况", "抓学习。", "廉洁情况", "守规定。", "以上述职，请评议。")]
    report, _ = parse_lines(lines)
    assert report.sections == []


def test_an_attachment_note_above_a_signature_sharing_the_dates_line():
    text = ("关于本人述职述廉情况的报告\n县委组织部：\n一、履职情况\n推进重点项目。\n附件：个人有关事项报告表\n"
            "述职人：吴某某　　　　2026年1月5日")
    report, _ = parse_text(text)
    assert report.signature == "述职人：吴某某" and report.date is not None
    assert [a.title for a in report.attachments] == ["个人有关事项报告表"]
    report, _ = parse_text("关于工作的报告\n一、情况\n好。\n附件：台账\n2026年1月5日")
    assert report.signature == "" and [a.title for a in report.attachments] == ["台账"]


def test_a_second_copy_number_under_a_letterhead_is_kept():
    """Found by test_parse's every-character property: the second 份号 overwrote the first and was lost."""
    report, _ = parse_text("某某县某某局文件\n000012\n000013\n")
    assert report.letterhead.copy_no == "000012" and report.preamble == "000013"
