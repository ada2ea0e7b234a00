"""Shapes of real files the corpus documents (tests/data/import, make_corpus3.py) showed the importer, each
checked on its own."""

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
