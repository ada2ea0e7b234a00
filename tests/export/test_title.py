"""The title block as a reader sees it: the white under the title, centring on the printed ink."""

from __future__ import annotations

import pytest

from export import geometry as g
from export.fonts import get_fontset
from export.layout import layout_report, squeeze_side
from models.report import Report

TITLE_SIZE = g.SIZES["title"]


def _title_and_first_body(title: str):
    layout = layout_report(Report(title=title, preamble="正文。" * 40, signature="某某区委", date=None))
    page = layout.pages[0]
    return [ln for ln in page.lines if ln.kind == "title"], page.body_lines()[0]


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_one_empty_line_of_white_under_a_title_of_any_length(n):
    title, first = _title_and_first_body("\n".join(["关于某某工作情况的报告"] * n))
    assert len(title) == n
    title_bottom = title[-1].y_baseline - (1 - g.EM_ASCENT) * TITLE_SIZE
    body_top = first.y_baseline + g.EM_ASCENT * g.BODY_SIZE
    white = title_bottom - body_top
    # about one grid line, never two: a 3-line title used to leave 53 pt (1.8 lines)
    assert 0.6 * g.LINE_PITCH <= white <= 1.3 * g.LINE_PITCH, white


def test_a_three_line_title_leaves_room_for_the_body_on_line_4():
    title, first = _title_and_first_body(
        "中共某某市某某区委员会关于2026年度履行全面从严治党主体责任情况和下一步工作打算的报告")
    assert len(title) == 3
    assert first.grid == 4


def test_title_lines_are_centred_on_their_ink_not_on_blank_halves_of_marks():
    layout = layout_report(Report(title="关于“十四五”规划《实施方案》\n（2026—2030年）执行情况的报告\n关于某某工作的报告",
                                  preamble="正文。"))
    title = [ln for ln in layout.pages[0].lines if ln.kind == "title"]
    first, second, plain = title
    centre = (g.BLOCK_LEFT + g.BLOCK_RIGHT) / 2

    def ink_centre(ln):
        left = ln.glyphs[0].x + (ln.glyphs[0].size / 2 if ln.glyphs[0].char == "（" else 0.0)
        right = ln.x_end - (ln.glyphs[-1].size / 2 if ln.glyphs[-1].char == "》" else 0.0)
        return (left + right) / 2

    assert (plain.x_start + plain.x_end) / 2 == pytest.approx(centre, abs=0.5)
    face = get_fontset().face("title")
    if squeeze_side(face, "（") != "R" or squeeze_side(face, "》") not in ("L", "P"):
        pytest.skip("the title face does not ink （ on the right and 》 on the left, as GB fonts do")
    assert ink_centre(first) == pytest.approx(centre, abs=0.5)
    assert ink_centre(second) == pytest.approx(centre, abs=0.5)
    for ln in title:
        assert g.BLOCK_LEFT - 0.01 <= ln.x_start and ln.x_end <= g.BLOCK_RIGHT + 0.01


@pytest.mark.parametrize("title, lines", [
    # a 6-character line over a 14-character one is a stub, not a trapezoid
    ("关于2026年度朱镕基同志讲话精神学习情况的报告", ["关于2026年度朱镕基同志", "讲话精神学习情况的报告"]),
    ("中共某某市某某区委员会关于2026年度履行全面从严治党主体责任情况和下一步工作打算的报告",
     ["中共某某市某某区委员会关于2026年度", "履行全面从严治党主体责任情况", "和下一步工作打算的报告"]),
])
def test_long_titles_break_into_balanced_lines(title, lines):
    layout = layout_report(Report(title=title, preamble="正文。"))
    assert [ln.text for ln in layout.pages[0].lines if ln.kind == "title"] == lines


def test_a_number_and_its_unit_stay_on_one_title_line():
    from export.titlebreak import BREAK_ANYWHERE, break_penalty

    text = "中共某某市某某区委员会关于2026年度履行"
    assert break_penalty(text, text.index("年")) > BREAK_ANYWHERE  # worse than a break inside any word
    assert break_penalty(text, text.index("履")) <= 1.0


@pytest.mark.parametrize("title, whole", [
    ("关于2026年度履行全面从严治党主体责任情况的报告", "全面从严治党"),
    ("中共某某县委关于落实党风廉政建设主体责任和监督责任情况的报告", "党风廉政建设"),
    ("关于召开2026年度民主生活会对照检查材料的情况报告", "民主生活会"),
])
def test_set_phrases_of_report_titles_are_never_broken_inside(title, whole):
    layout = layout_report(Report(title=title, preamble="正文。"))
    lines = [ln.text for ln in layout.pages[0].lines if ln.kind == "title"]
    assert len(lines) >= 2 and "".join(lines) == title
    assert any(whole in ln for ln in lines), lines
