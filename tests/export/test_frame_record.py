"""The 版记 at the foot of the last, even page; blank and unnumbered pages (GB/T 9704 §7.4, §7.5)."""

from __future__ import annotations

import dataclasses

import pytest

from export import geometry as g
from export.layout import layout_report
from tests.export.frame_sample import mm, numbered_pages, render, row_with, span, unit_report

TOL = 0.5  # mm
BLOCK_LEFT = 28.0
BLOCK_RIGHT = 28.0 + 156.0
BLOCK_BOTTOM = 37.0 + 225.0  # from the page top
INSET = 14 / g.MM  # one 4号 character, in mm


def _ending(report) -> tuple[int, int]:
    """(pages, grid lines used on the last page) of the report laid out without its 版记."""
    lay = layout_report(dataclasses.replace(report, record=None))
    last = lay.pages[-1].body_lines()
    return len(lay.pages), (max(ln.grid for ln in last) + 1 if last else 0)


def _find(attachments: int, want) -> object:
    """The first unit report (growing its body item by item) whose text ends as ``want(pages, used)`` says."""
    for items in range(1, 60):
        report = unit_report(attachments=attachments, items=items)
        if want(*_ending(report)):
            return report
    raise AssertionError("no such report")


def _record_rules(page):
    return sorted((ln for ln in page.lines if tuple(ln["stroking_color"] or (0,)) in ((0,), (0, 0, 0))),
                  key=lambda ln: ln["top"])


def test_record_on_an_even_page_with_room_stays_there_at_the_foot():
    report = _find(0, lambda pages, used: pages % 2 == 0 and used + 1 <= g.LINES_PER_PAGE - 2)
    pages, _used = _ending(report)
    pdf, result = render(report)
    with pdf:
        assert len(pdf.pages) == pages  # nothing added
        page = pdf.pages[-1]
        top, middle, bottom = _record_rules(page)
        for rule in (top, middle, bottom):
            assert mm(rule["x0"]) == pytest.approx(BLOCK_LEFT, abs=TOL)
            assert mm(rule["x1"]) == pytest.approx(BLOCK_RIGHT, abs=TOL)
        assert mm(top["linewidth"]) == pytest.approx(0.35, abs=0.01)
        assert mm(middle["linewidth"]) == pytest.approx(0.25, abs=0.01)
        assert mm(bottom["linewidth"]) == pytest.approx(0.35, abs=0.01)
        assert mm(bottom["top"]) + mm(bottom["linewidth"]) / 2 == pytest.approx(BLOCK_BOTTOM, abs=TOL)
        cc = row_with(page, "抄送：")
        issue = row_with(page, "印发")
        assert mm(top["top"]) < mm(cc[0]["top"]) < mm(middle["top"]) < mm(issue[0]["top"]) < mm(bottom["top"])
        assert all(c["size"] == 14 for c in cc + issue)
        assert cc[0]["fontname"] == row_with(pdf.pages[0], "根据")[0]["fontname"]  # 仿宋, the body's face
        assert mm(cc[0]["x0"]) == pytest.approx(BLOCK_LEFT + INSET, abs=TOL)
        assert "".join(c["text"] for c in cc).endswith("组。")
        assert mm(issue[0]["x0"]) == pytest.approx(BLOCK_LEFT + INSET, abs=TOL)
        assert "".join(c["text"] for c in issue) == "青溪县农业农村局办公室2026年12月8日印发"
        assert mm(issue[-1]["x1"]) == pytest.approx(BLOCK_RIGHT - INSET, abs=TOL)
        assert numbered_pages(pdf) == list(range(1, pages + 1))  # the 版记 page keeps its number
    fields = {s[0] for ln in result.layout.pages[-1].lines for s in ln.source}
    assert {"record.cc", "record.issuer", "record.date"} <= fields


def test_text_ending_on_an_odd_page_puts_the_record_on_the_next_even_page():
    report = _find(1, lambda pages, used: pages % 2 == 1)
    pages, _used = _ending(report)
    pdf, result = render(report)
    with pdf:
        assert len(pdf.pages) == pages + 1 and len(pdf.pages) % 2 == 0
        last = pdf.pages[-1]
        assert [c["text"] for c in last.chars if c["size"] == 16] == []  # only the 版记 (and the number)
        assert len(_record_rules(last)) == 3
        assert not _record_rules(pdf.pages[-2])
        assert numbered_pages(pdf) == list(range(1, pages + 2))
    assert result.pages == pages + 1


def test_a_full_even_page_is_followed_by_a_blank_page_and_the_record_page_both_unnumbered():
    report = _find(0, lambda pages, used: pages % 2 == 0 and used + 1 > g.LINES_PER_PAGE - 2)
    pages, _used = _ending(report)
    pdf, result = render(report)
    with pdf:
        assert len(pdf.pages) == pages + 2
        blank, record = pdf.pages[-2], pdf.pages[-1]
        assert not blank.chars and not blank.lines
        assert len(_record_rules(record)) == 3
        assert numbered_pages(pdf) == list(range(1, pages + 1))
    assert result.pages == pages + 2


def test_a_long_cc_wraps_aligned_after_the_colon_and_the_record_grows_upwards():
    cc = "县纪委监委派驻第三纪检监察组，县委组织部，县委宣传部，县委政法委，县财政局，县审计局，县自然资源局，县水利局，县乡村振兴局。"
    report = _find(0, lambda pages, used: pages % 2 == 0 and used + 1 <= g.LINES_PER_PAGE - 3)
    report.record.cc = cc
    pdf, _result = render(report)
    with pdf:
        page = pdf.pages[-1]
        first = row_with(page, "抄送：")
        second = row_with(page, "乡村振兴局")
        assert mm(second[0]["x0"]) == pytest.approx(mm(span(first, "县纪委")[0]["x0"]), abs=0.05)
        assert mm(first[-1]["x1"]) == pytest.approx(BLOCK_RIGHT - INSET, abs=TOL)
        top, middle, bottom = _record_rules(page)
        assert mm(top["top"]) < mm(first[0]["top"]) < mm(second[0]["top"]) < mm(middle["top"])
        assert mm(bottom["top"]) + mm(bottom["linewidth"]) / 2 == pytest.approx(BLOCK_BOTTOM, abs=TOL)


def test_without_cc_two_thick_rules_only():
    report = _find(0, lambda pages, used: pages % 2 == 0 and used + 1 <= g.LINES_PER_PAGE - 2)
    report.record.cc = ""
    pdf, _ = render(report)
    with pdf:
        rules = _record_rules(pdf.pages[-1])
    assert [round(mm(r["linewidth"]), 2) for r in rules] == [0.35, 0.35]


def test_no_record_no_padding():
    report = _find(0, lambda pages, used: pages % 2 == 1)
    report.record = None
    pdf, _ = render(report)
    with pdf:
        assert len(pdf.pages) % 2 == 1
        assert not any(p.lines for p in pdf.pages[1:])
