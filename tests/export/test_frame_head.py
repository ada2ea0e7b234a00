"""The 版头 and 主送 of a unit's report, read back from the PDF with pdfplumber and measured in mm."""

from __future__ import annotations

import dataclasses

import pytest

from export import geometry as g
from export.layout import layout_report
from tests.export.frame_sample import (
    MARK,
    NUMBER,
    em_bottom,
    em_top,
    mm,
    red,
    render,
    row_with,
    rows,
    span,
    unit_report,
)

TOL = 0.5  # mm
BLOCK_TOP = 37.0
BLOCK_LEFT = 28.0
BLOCK_RIGHT = 28.0 + 156.0
CELL = 156.0 / 28
PITCH = 225.0 / 22


@pytest.fixture(scope="module")
def unit():
    pdf, result = render(unit_report(attachments=0))
    yield pdf, result
    pdf.close()


def _font(layout, text: str) -> str:
    """The font the layout drew the first glyph of ``text`` with (on any page)."""
    for page in layout.pages:
        for line in page.lines:
            k = line.text.find(text)
            if k >= 0:
                return line.glyphs[k].font
    raise AssertionError(text)


def test_copy_number_is_hei_flush_left_on_the_first_line(unit):
    pdf, result = unit
    chars = row_with(pdf.pages[0], "000012")
    assert em_top(chars[0]) == pytest.approx(BLOCK_TOP, abs=TOL)
    assert mm(chars[0]["x0"]) == pytest.approx(BLOCK_LEFT, abs=TOL)
    assert chars[0]["size"] == 16
    assert _font(result.layout, "000012") == _font(result.layout, "一、")  # 黑体, as the level-1 heading


def test_secrecy_and_urgency_stack_in_order_under_the_copy_number():
    report = unit_report(attachments=0)
    report.letterhead.secrecy = "秘密★1年"
    report.letterhead.urgency = "特急"
    pdf, _ = render(report)
    with pdf:
        page = pdf.pages[0]
        tops = [em_top(row_with(page, t)[0]) for t in ("000012", "秘密", "特急")]
    assert tops == pytest.approx([BLOCK_TOP, BLOCK_TOP + PITCH, BLOCK_TOP + 2 * PITCH], abs=TOL)


def test_mark_is_red_centred_35mm_under_the_block_top_and_fits_one_line(unit):
    pdf, _ = unit
    chars = row_with(pdf.pages[0], MARK)
    assert "".join(c["text"] for c in chars) == MARK
    assert all(red(c) for c in chars)
    assert em_top(chars[0]) == pytest.approx(BLOCK_TOP + 35, abs=TOL)
    left, right = mm(chars[0]["x0"]), mm(chars[-1]["x1"])
    assert (left + right) / 2 == pytest.approx(BLOCK_LEFT + 78, abs=TOL)
    assert left >= BLOCK_LEFT - TOL and right <= BLOCK_RIGHT + TOL
    assert mm(chars[0]["size"]) <= 22 + 1e-6
    assert not any(red(c) for c in pdf.pages[0].chars if c not in chars)  # nothing else is red


def test_a_short_mark_is_capped_at_22mm_high():
    report = unit_report(attachments=0)
    report.letterhead.mark = "青溪县文件"
    pdf, _ = render(report)
    with pdf:
        chars = row_with(pdf.pages[0], "青溪县文件")
    assert mm(chars[0]["size"]) == pytest.approx(22, abs=0.01)
    assert em_top(chars[0]) == pytest.approx(BLOCK_TOP + 35, abs=TOL)
    assert (mm(chars[0]["x0"]) + mm(chars[-1]["x1"])) / 2 == pytest.approx(BLOCK_LEFT + 78, abs=TOL)


def test_number_and_signer_share_a_line_one_character_in_from_each_side(unit):
    pdf, result = unit
    page = pdf.pages[0]
    number = row_with(page, NUMBER)
    both = "".join(c["text"] for c in number)
    assert both.startswith(NUMBER) and both.endswith("签发人：王建国")
    assert mm(number[0]["x0"]) == pytest.approx(BLOCK_LEFT + CELL, abs=TOL)
    name = span(number, "王建国")
    assert mm(name[-1]["x1"]) == pytest.approx(BLOCK_RIGHT - CELL, abs=TOL)
    # two empty grid lines between the mark's bottom and the 发文字号
    mark = row_with(page, MARK)
    white = em_top(number[0]) - em_bottom(mark[0])
    assert 2 * PITCH - TOL <= white < 3 * PITCH
    # 签发人：in 仿宋 (the body's face), the name in 楷体 (the level-2 heading's face)
    fonts = result.layout.fonts
    label_font = _font(result.layout, "签发人")
    name_font = _font(result.layout, "王建国")
    assert label_font == _font(result.layout, "根据")
    assert name_font == result.layout.pages[0].lines[0].glyphs[0].font or name_font in fonts
    from export.fonts import get_fontset

    assert name_font == get_fontset().font_for("heading2", "王").rl_name
    assert span(number, "签发人")[0]["fontname"] != name[0]["fontname"]


def test_several_signers_two_a_line_the_number_on_the_last_line():
    pdf, _ = render(unit_report(attachments=0, signers=3))
    with pdf:
        page = pdf.pages[0]
        first = row_with(page, "签发人")
        second = row_with(page, "赵志强")
        number = row_with(page, NUMBER)
    assert "".join(c["text"] for c in first).endswith("签发人：王建国李红梅")
    assert NUMBER not in "".join(c["text"] for c in first)
    assert number == second  # the 发文字号 sits on the last signer line
    assert em_top(second[0]) - em_top(first[0]) == pytest.approx(PITCH, abs=TOL)
    assert mm(span(second, "赵志强")[0]["x0"]) == pytest.approx(mm(span(first, "王建国")[0]["x0"]), abs=0.05)
    assert mm(span(first, "李红梅")[-1]["x1"]) == pytest.approx(BLOCK_RIGHT - CELL, abs=TOL)


def test_without_signers_the_number_is_centred():
    report = unit_report(attachments=0)
    report.letterhead.signers = []
    pdf, _ = render(report)
    with pdf:
        number = row_with(pdf.pages[0], NUMBER)
    assert "签" not in "".join(c["text"] for c in number)
    assert (mm(number[0]["x0"]) + mm(number[-1]["x1"])) / 2 == pytest.approx(BLOCK_LEFT + 78, abs=TOL)


def test_red_rule_4mm_under_the_number_as_wide_as_the_block(unit):
    pdf, _ = unit
    page = pdf.pages[0]
    number = row_with(page, NUMBER)
    (rule,) = [ln for ln in page.lines if tuple(ln["stroking_color"]) == (1, 0, 0)]
    assert mm(rule["x0"]) == pytest.approx(BLOCK_LEFT, abs=TOL)
    assert mm(rule["x1"]) == pytest.approx(BLOCK_RIGHT, abs=TOL)
    rule_top = mm(rule["top"]) - mm(rule["linewidth"]) / 2
    assert rule_top - em_bottom(number[0]) == pytest.approx(4, abs=TOL)
    assert rule["linewidth"] == pytest.approx(g.RED_RULE_WIDTH)


def test_title_two_empty_lines_under_the_rule_then_the_recipient_then_the_body(unit):
    pdf, result = unit
    page = pdf.pages[0]
    (rule,) = [ln for ln in page.lines if tuple(ln["stroking_color"]) == (1, 0, 0)]
    title = [r for _y, r in rows(page) if r[0]["size"] == 22][0]
    white = em_top(title[0]) - (mm(rule["top"]) + mm(rule["linewidth"]) / 2)
    assert 2 * PITCH - TOL <= white < 3 * PITCH
    recipient = row_with(page, "县委")
    assert "".join(c["text"] for c in recipient) == "县委："
    assert mm(recipient[0]["x0"]) == pytest.approx(BLOCK_LEFT, abs=TOL)  # flush left, no indent
    body = row_with(page, "根据县委")
    assert em_top(body[0]) - em_top(recipient[0]) == pytest.approx(PITCH, abs=TOL)  # the very next line
    last_title = [r for _y, r in rows(page) if r[0]["size"] == 22][-1]
    white = em_top(recipient[0]) - em_bottom(last_title[0])
    assert 0.5 * PITCH < white < 1.6 * PITCH  # one empty line under the title
    line = next(ln for ln in result.layout.pages[0].lines if ln.kind == "recipient")
    assert line.grid is not None and [s[0] for s in line.source] == ["recipient"]


def test_a_typed_colon_is_not_doubled_and_a_long_recipient_wraps_flush_left():
    report = unit_report(attachments=0, letterhead=False)
    report.recipient = "县委："
    (line,) = [ln for ln in layout_report(report).pages[0].lines if ln.kind == "recipient"]
    assert line.text == "县委：" and line.glyphs[-1].field == "recipient"
    report.recipient = ("县纪委监委、县委办公室、县委组织部、县委宣传部、县委统战部、县委政法委、县委网信办、"
                        "县委编办、县直机关工委、县委党校")
    lines = [ln for ln in layout_report(report).pages[0].lines if ln.kind == "recipient"]
    assert len(lines) == 3 and lines[-1].text.endswith("党校：")
    assert all(abs(ln.x_start - g.BLOCK_LEFT) < 0.01 for ln in lines)
    assert abs(lines[0].x_end - g.BLOCK_RIGHT) < 0.5  # a full line is justified to the right edge
    assert [ln.grid for ln in lines] == list(range(lines[0].grid, lines[0].grid + 3))
    colon = lines[-1].glyphs[-1]
    assert colon.char == "：" and colon.field is None  # generated, like 一是


def test_without_letterhead_the_title_keeps_its_place_and_nothing_is_red():
    report = unit_report(attachments=0, letterhead=False, record=False)
    pdf, result = render(report)
    plain = dataclasses.replace(report, recipient="")
    with pdf:
        page = pdf.pages[0]
        title = [c for c in page.chars if c["size"] == 22]
        assert em_top(title[0]) == pytest.approx(BLOCK_TOP, abs=TOL)
        assert not any(red(c) for p in pdf.pages for c in p.chars)
        assert not any(p.lines for p in pdf.pages)
        recipient = row_with(page, "县委：")
    # the 主送 takes the line where the body started before, and the body moves one line down
    before = next(ln for ln in layout_report(plain).pages[0].lines if ln.grid is not None)
    assert em_top(recipient[0]) == pytest.approx(mm(g.PAGE_HEIGHT - g.line_top(before.grid)), abs=TOL)


def test_every_frame_character_maps_back_to_its_field(unit):
    _pdf, result = unit
    from models.fields import get_field

    report = unit_report(attachments=0)
    seen = set()
    for page in result.layout.pages:
        for line in page.lines:
            for gl in line.glyphs:
                if gl.field is not None:
                    assert get_field(report, gl.field)[gl.offset] == gl.char, (gl.field, gl.offset)
                    seen.add(gl.field)
    assert {"letterhead.mark", "letterhead.number", "letterhead.signers.0", "letterhead.copy_no", "recipient",
            "record.cc", "record.issuer", "record.date"} <= seen
