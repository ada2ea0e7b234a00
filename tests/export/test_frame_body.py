"""附件说明, the signature laid out for a seal, and the 附件 pages, read back from the PDF."""

from __future__ import annotations

import pytest

from export import geometry as g
from export.layout import layout_report
from models.report import Attachment
from tests.export.frame_sample import em_top, mm, numbered_pages, render, row_with, rows, span, unit_report

TOL = 0.5  # mm
BLOCK_TOP = 37.0
BLOCK_LEFT = 28.0
BLOCK_RIGHT = 28.0 + 156.0
CELL = 156.0 / 28
PITCH = 225.0 / 22

LONG_NAME = "青溪县农业农村局2026年度党风廉政建设责任制落实情况及重点任务推进情况汇总表"


def _kinds(layout, kind):
    return [(page.number, ln) for page in layout.pages for ln in page.lines if ln.kind == kind]


def test_no_attachments_no_note_and_no_attachment_pages():
    lay = layout_report(unit_report(attachments=0, record=False))
    assert not _kinds(lay, "attachment_note") and not _kinds(lay, "attachment_head")
    assert "附件" not in "".join(ln.text for page in lay.pages for ln in page.lines)


def test_one_attachment_note_is_unnumbered_two_characters_in_one_line_after_the_body():
    pdf, result = render(unit_report(attachments=1, record=False))
    with pdf:
        (number, note), = _kinds(result.layout, "attachment_note")
        page = pdf.pages[number - 1]
        chars = row_with(page, "附件：")
        assert "".join(c["text"] for c in chars) == "附件：2026年度党风廉政建设责任清单落实情况统计表"
        assert mm(chars[0]["x0"]) == pytest.approx(BLOCK_LEFT + 2 * CELL, abs=TOL)
        ys = [y for y, _r in rows(page)]
        k = ys.index(next(y for y, r in rows(page) if r[0]["text"] == "附"))
        assert ys[k] - ys[k - 1] == pytest.approx(2 * PITCH, abs=TOL)  # one empty line after the body
        signature = row_with(page, "中共青溪县农业农村局党组")
        assert em_top(signature[0]) - em_top(chars[0]) == pytest.approx(2 * PITCH, abs=TOL)
        # the 附件 page: its head says 附件 without a number when there is only one
        assert "附件" == "".join(c["text"] for c in row_with(pdf.pages[number], "附件"))


def test_punctuation_typed_after_a_name_is_not_printed_in_the_note():
    report = unit_report(attachments=2, record=False)
    report.attachments[0].title += "。"
    report.attachments[1].title += "；"
    lay = layout_report(report)
    notes = [ln.text for _n, ln in _kinds(lay, "attachment_note")]
    assert notes == ["附件：1.2026年度党风廉政建设责任清单落实情况统计表", "2.专项检查发现问题及整改情况"]
    heads = [ln.text for _n, ln in _kinds(lay, "attachment_title")]
    assert heads[-1] == "专项检查发现问题及整改情况；"  # the attachment's own title prints as typed


def test_three_attachments_are_numbered_and_wrapped_names_align_with_the_name_above():
    report = unit_report(attachments=3, record=False)
    report.attachments[1].title = LONG_NAME
    pdf, result = render(report)
    with pdf:
        notes = _kinds(result.layout, "attachment_note")
        page = pdf.pages[notes[0][0] - 1]
        lines = [r for _y, r in rows(page) if r[0]["size"] == 16 and em_top(r[0]) >= em_top(row_with(page, "附件：")[0])]
        texts = ["".join(c["text"] for c in r) for r in lines]
        assert texts[0].startswith("附件：1.2026年度")
        assert texts[1].startswith("2.青溪县") and texts[3].startswith("3.下一步")
        assert not texts[2][0].isdigit()  # the wrapped part of the long name
        first_name = span(lines[0], "2026")[0]
        assert mm(lines[1][0]["x0"]) == pytest.approx(mm(span(lines[0], "1.")[0]["x0"]), abs=0.05)  # 2. under 1.
        assert mm(span(lines[1], "青")[0]["x0"]) == pytest.approx(mm(first_name["x0"]), abs=0.05)
        assert mm(lines[2][0]["x0"]) == pytest.approx(mm(first_name["x0"]), abs=0.05)  # the wrap aligns
        assert mm(lines[1][-1]["x1"]) == pytest.approx(BLOCK_RIGHT, abs=TOL)  # a full line is justified
    fields = [s[0] for _n, ln in notes for s in ln.source]
    assert fields == ["attachments.0.title", "attachments.1.title", "attachments.1.title", "attachments.2.title"]


def test_attachment_pages_start_fresh_with_the_head_and_the_title_on_the_third_line():
    pdf, result = render(unit_report(attachments=3, record=False))
    with pdf:
        heads = _kinds(result.layout, "attachment_head")
        assert [ln.text for _n, ln in heads] == ["附件1", "附件2", "附件3"]
        signature_page = _kinds(result.layout, "signature")[0][0]
        assert [n for n, _ln in heads] == [signature_page + 1, signature_page + 2, signature_page + 3]
        for n, (number, _ln) in enumerate(heads):
            page = pdf.pages[number - 1]
            head = row_with(page, f"附件{n + 1}")
            assert em_top(head[0]) == pytest.approx(BLOCK_TOP, abs=TOL)
            assert mm(head[0]["x0"]) == pytest.approx(BLOCK_LEFT, abs=TOL)
            assert head[0]["fontname"] == row_with(pdf.pages[0], "一、")[0]["fontname"]  # 黑体
            title = [r for _y, r in rows(page) if r[0]["size"] == 22][0]
            assert em_top(title[0]) == pytest.approx(BLOCK_TOP + 2 * PITCH, abs=TOL)  # the third line
            assert (mm(title[0]["x0"]) + mm(title[-1]["x1"])) / 2 == pytest.approx(BLOCK_LEFT + 78, abs=TOL)
            body = [r for _y, r in rows(page) if r[0]["size"] == 16][1]
            assert mm(body[0]["x0"]) == pytest.approx(BLOCK_LEFT + 2 * CELL, abs=TOL)  # as the main body
        assert numbered_pages(pdf) == list(range(1, len(pdf.pages) + 1))  # page numbers continue
    titles = _kinds(result.layout, "attachment_title")
    assert {s[0] for _n, ln in titles for s in ln.source} == {f"attachments.{k}.title" for k in range(3)}
    body = [ln for page in result.layout.pages for ln in page.lines if ln.source and
            ln.source[0][0].startswith("attachments.") and ln.source[0][0].endswith(".body")]
    assert body and all(ln.grid is not None and ln.paragraph >= 0 for ln in body)
    main = [ln.paragraph for page in result.layout.pages for ln in page.lines
            if ln.paragraph >= 0 and not ln.source[0][0].startswith("attachments.")]
    assert min(ln.paragraph for ln in body) == max(main) + 1  # the count continues, for the 孤字 check
    assert len({ln.paragraph for ln in body}) == 4  # 2 + 1 + 1 paragraphs in the three attachments


def test_an_attachment_body_runs_over_several_pages_on_the_grid():
    report = unit_report(attachments=1, record=False)
    report.attachments[0] = Attachment(title="情况说明", body="\n".join(["各项工作均按计划推进，群众满意度明显提升。" * 3] * 30))
    lay = layout_report(report)
    head = _kinds(lay, "attachment_head")[0][0]
    after = lay.pages[head:]
    assert after and all(len(p.body_lines()) == g.LINES_PER_PAGE for p in after[:-1])
    assert [ln.grid for ln in after[0].body_lines()][:2] == [0, 1]


def test_seal_layout_puts_the_date_four_characters_in_and_the_signature_centred_over_it():
    pdf, result = render(unit_report(attachments=0, record=False, seal=True))
    with pdf:
        (number, sig), = _kinds(result.layout, "signature")
        page = pdf.pages[number - 1]
        signature = row_with(page, "中共青溪县农业农村局党组")
        date = row_with(page, "2026年12月8日")
        assert mm(date[-1]["x1"]) == pytest.approx(BLOCK_RIGHT - 4 * CELL, abs=TOL)
        centre = (mm(date[0]["x0"]) + mm(date[-1]["x1"])) / 2
        assert (mm(signature[0]["x0"]) + mm(signature[-1]["x1"])) / 2 == pytest.approx(centre, abs=TOL)
        assert em_top(date[0]) - em_top(signature[0]) == pytest.approx(PITCH, abs=TOL)
        above = [r for _y, r in rows(page) if em_top(r[0]) < em_top(signature[0])][-1]
        assert em_top(signature[0]) - em_top(above[0]) == pytest.approx(3 * PITCH, abs=TOL)  # two empty lines


def test_without_seal_the_signature_keeps_the_plain_rule():
    lay = layout_report(unit_report(attachments=0, record=False))
    (_n, date), = _kinds(lay, "date")
    (_n, sig), = _kinds(lay, "signature")
    assert sig.x_end == pytest.approx(g.BLOCK_RIGHT - 2 * g.CELL, abs=0.5)
    assert date.x_start == pytest.approx(sig.x_start + 2 * g.CELL, abs=0.5)


@pytest.mark.parametrize("seal", [False, True])
def test_the_note_is_never_split_and_always_shares_the_signature_page(seal):
    moved = 0
    for items in range(1, 14):
        report = unit_report(attachments=3, record=False, items=items, seal=seal)
        report.attachments[1].title = LONG_NAME
        lay = layout_report(report)
        notes = _kinds(lay, "attachment_note")
        (sig_page, sig), = _kinds(lay, "signature")
        assert {n for n, _ln in notes} == {sig_page}, items
        grids = [ln.grid for _n, ln in notes]
        assert grids == list(range(grids[0], grids[0] + 4))
        assert sig.grid - grids[-1] == (3 if seal else 2)
        moved += grids[0] == 0
    assert moved  # some body lengths push the note onto the signature's new page
