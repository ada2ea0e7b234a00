"""printed_text: a report's printed words in page order, frame included, blank items left out."""

from __future__ import annotations

import datetime as _dt

from hypothesis import given, settings
from hypothesis import strategies as st

from export.plaintext import printed_text
from models.report import HEADING, NONE, YISHI, Attachment, Item, Letterhead, Record, Report, Section


def test_frame_parts_in_page_order():
    report = Report(title="关于某事的请示", recipient="市政府：", preamble="现请示如下：", signature="某某局",
                    date=_dt.date(2026, 3, 9),
                    sections=[Section(heading="基本情况", numbering=HEADING,
                                      items=[Item("", ""), Item("工作进展", "已完成。")])],
                    letterhead=Letterhead(mark="某某局文件", number="某局〔2026〕5号", signers=["张三", "李四"],
                                          urgency="特急"),
                    attachments=[Attachment("名单。", "甲"), Attachment("预算表", "")],
                    record=Record(issuer="某某局办公室", date=_dt.date(2026, 3, 10)))
    assert printed_text(report).splitlines() == [
        "特急", "某某局文件", "某局〔2026〕5号", "签发人：张三　李四", "",
        "关于某事的请示", "市政府：", "现请示如下：", "一、基本情况", "（一）工作进展", "已完成。", "",
        "附件：1.名单", "　　　2.预算表", "某某局", "2026年3月9日", "",
        "附件1", "名单。", "甲", "",
        "附件2", "预算表", "",
        "某某局办公室　　2026年3月10日印发",
    ]


def test_plain_report_and_empty_report():
    report = Report(title="报告", sections=[Section(heading="", items=[Item("抓学习", "")]),
                                            Section(heading="问题", items=[Item(" ", "")])])
    assert printed_text(report) == "报告\n一是抓学习。\n一、问题\n"
    assert printed_text(Report()) == ""


_TEXT = st.text(st.sampled_from(list("一是抓学习。，　 \t\n\r\u200b\u00a0\x0bA1：\u2028\U00020BB7\ue000")), max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_TEXT, _TEXT), max_size=4), _TEXT, _TEXT, st.sampled_from([YISHI, HEADING, NONE]),
       st.booleans())
def test_the_same_words_as_the_layout_draws(items, preamble, heading, numbering, run_on):
    """The plain text keeps exactly the characters the layout's Chars hold, paragraph by paragraph."""
    from export.paragraphs import build_paragraphs
    from export.plaintext import _text

    report = Report(title=heading + "报告", preamble=preamble, closing=preamble, sections=[
        Section(heading=heading, numbering=numbering, run_on=run_on, intro=preamble,
                items=[Item(lead, body) for lead, body in items])])
    drawn = [["".join(c.ch for c in p.chars) for p in part] for part in build_paragraphs(report)]
    kept = [[_text(p) for p in part] for part in build_paragraphs(report)]
    assert kept == drawn
