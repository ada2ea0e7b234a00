"""Headings keep their text: 一、 followed by （一） never ends a page without the text they head."""

from __future__ import annotations

from export.layout import layout_report
from models.report import HEADING, Item, Report, Section

FILLER = "坚持以人民为中心的发展思想，持续改善民生福祉，推动各项工作取得新成效。" * 20


def test_a_heading_followed_by_a_sub_heading_never_ends_a_page():
    checked = 0
    for k in range(100, 700, 9):  # slide the headings over the page end, one position after another
        report = Report(title="关于某某工作情况的报告", preamble=FILLER[:k],
                        sections=[Section(heading="主要工作", numbering=HEADING,
                                          items=[Item("经济运行稳中向好", FILLER[:90])])])
        layout = layout_report(report)
        for page in layout.pages:
            body = page.body_lines()
            assert body[-1].kind not in ("heading1", "heading2"), (k, page.number, body[-1].text)
        heading = next(ln for p in layout.pages for ln in p.body_lines() if ln.kind == "heading1")
        sub = next(ln for p in layout.pages for ln in p.body_lines() if ln.kind == "heading2")
        assert sub.grid == heading.grid + 1  # same page, the next line
        checked += 1
    assert checked > 50


def test_the_signature_carrying_a_line_over_takes_its_heading_along():
    import datetime as dt

    from models.report import YISHI

    for k in range(380, 520, 7):  # the last item's one line at the page foot, no room for the signature
        report = Report(title="关于某某工作情况的报告", preamble=FILLER[:k],
                        sections=[Section(heading="下步打算", numbering=YISHI, items=[Item("持续用力", "抓好落实。")])],
                        signature="某某区委组织部", date=dt.date(2026, 11, 26))
        layout = layout_report(report)
        for page in layout.pages:
            text = [ln for ln in page.body_lines() if ln.kind not in ("signature", "date")]
            assert text and text[-1].kind not in ("heading1", "heading2"), (k, page.number, text[-1].text)
        assert layout.pages[-1].body_lines()[0].kind != "signature"
