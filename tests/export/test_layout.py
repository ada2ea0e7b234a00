"""The layout with the installed fonts: grid, paragraphs, numbering styles, sources, signature, fonts."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from export import geometry as g
from export.facts import typeset_facts
from export.layout import layout_report
from export.linebreak import NO_END, NO_START
from models.fields import get_field, iter_fields
from models.report import HEADING, NONE, YISHI, Item, Report, Section
from tests.export.sample import sample_report


@pytest.fixture(scope="module")
def sample_layout():
    return layout_report(sample_report())


def all_lines(layout, kinds=None):
    for page in layout.pages:
        for line in page.lines:
            if kinds is None or line.kind in kinds:
                yield page, line


def test_every_body_line_sits_on_a_grid_line(sample_layout):
    for page in sample_layout.pages:
        body = page.body_lines()
        assert len(body) <= g.LINES_PER_PAGE
        assert len({ln.grid for ln in body}) == len(body)
        for ln in body:
            assert ln.y_baseline == pytest.approx(g.grid_baseline(ln.grid))


def test_full_pages_hold_22_lines(sample_layout):
    pages = sample_layout.pages
    for page, nxt in zip(pages, pages[1:], strict=False):
        starts_with_heading = nxt.body_lines()[0].kind in ("heading1", "heading2")
        if not starts_with_heading:  # page 1 starts lower, after the title
            first = page.body_lines()[0].grid
            assert len(page.body_lines()) == 22 - first, page.number
            assert page.body_lines()[-1].grid == 21


def test_first_line_top_touches_the_top_of_the_block():
    layout = layout_report(Report(preamble="正文" * 10))
    first = layout.pages[0].body_lines()[0]
    assert first.grid == 0
    assert first.y_baseline + g.EM_ASCENT * 16 == pytest.approx(g.BLOCK_TOP)


def test_non_final_lines_are_flush_with_the_right_edge(sample_layout):
    for _, ln in all_lines(sample_layout, ("body", "heading1", "heading2")):
        assert ln.x_end <= g.BLOCK_RIGHT + 0.01
        if not ln.is_last_of_paragraph:
            assert ln.x_end == pytest.approx(g.BLOCK_RIGHT, abs=0.5)


def test_no_line_starts_or_ends_with_a_forbidden_mark(sample_layout):
    for _, ln in all_lines(sample_layout, ("body", "heading1", "heading2")):
        assert ln.text[0] not in NO_START, ln.text
        assert ln.text[-1] not in NO_END, ln.text


def test_headings_are_never_the_last_line_of_a_page():
    report = sample_report()
    # find a preamble length that puts the second heading on the last grid line, then check it moved
    for extra in range(0, 60):
        report.preamble = "按照要求，现就有关情况报告如下。" + "国" * (28 * extra)
        layout = layout_report(report)
        for page in layout.pages:
            body = page.body_lines()
            assert body[-1].kind not in ("heading1", "heading2") or page is layout.pages[-1]
        if extra > 8:
            break


def test_every_printed_character_maps_back_to_its_field(sample_layout):
    report = sample_report()
    printed: dict[str, list[int]] = {}
    for _, ln in all_lines(sample_layout):
        for gl in ln.glyphs:
            if gl.field is not None:
                assert get_field(report, gl.field)[gl.offset] == gl.char
                printed.setdefault(gl.field, []).append(gl.offset)
        for path, start, end in ln.source:
            assert 0 <= start < end <= len(get_field(report, path))
    for path, text in [*iter_fields(report), ("date", get_field(report, "date"))]:
        visible = [k for k, ch in enumerate(text) if not ch.isspace()]
        assert sorted(printed.get(path, [])) == visible, path


def test_generated_numbers_have_no_source(sample_layout):
    first_item = next(ln for _, ln in all_lines(sample_layout, ("body",)) if ln.text.startswith("一是"))
    assert [gl.field for gl in first_item.glyphs[:2]] == [None, None]
    assert all(gl.fake_bold for gl in first_item.glyphs[:13])  # 一是 + lead + generated 。
    assert first_item.glyphs[12].char == "。" and first_item.glyphs[12].field is None
    assert not first_item.glyphs[13].fake_bold
    heading = next(ln for _, ln in all_lines(sample_layout, ("heading1",)))
    assert heading.text == "一、履职情况" and heading.source == [("sections.0.heading", 0, 4)]


def test_indentation_typed_by_the_user_is_dropped():
    layout = layout_report(Report(preamble="\u3000\u3000 按照要求，报告如下：\n    第二段。"))
    lines = layout.pages[0].body_lines()
    assert [ln.text for ln in lines] == ["按照要求，报告如下：", "第二段。"]
    for ln in lines:
        assert ln.x_start == pytest.approx(g.BLOCK_LEFT + 2 * g.CELL)
    assert lines[0].source == [("preamble", 3, 13)]


def test_newlines_start_paragraphs_and_control_characters_are_dropped():
    text = "第一段\x00文字\x07。\r\n第二段\u200b文字。\n\n\n第三段。\x1b"
    layout = layout_report(Report(preamble=text))
    assert [ln.text for ln in layout.pages[0].body_lines()] == ["第一段文字。", "第二段文字。", "第三段。"]


def _section_report(numbering: str, run_on: bool = False) -> Report:
    items = [Item("加强政治建设", "聚焦两个维护。"), Item("强化理论武装。", "落实第一议题制度。")]
    return Report(sections=[Section("履职情况", numbering, run_on, "总体情况如下。", items)])


def test_yishi_items_are_paragraphs_of_their_own():
    layout = layout_report(_section_report(YISHI))
    texts = [ln.text for ln in layout.pages[0].body_lines()]
    assert texts == ["一、履职情况", "总体情况如下。", "一是加强政治建设。聚焦两个维护。", "二是强化理论武装。落实第一议题制度。"]


def test_yishi_run_on_puts_intro_and_items_in_one_paragraph():
    layout = layout_report(_section_report(YISHI, run_on=True))
    texts = [ln.text for ln in layout.pages[0].body_lines()]
    assert texts[1] == "总体情况如下。一是加强政治建设。聚焦两个维护。二是强"
    assert texts[2] == "化理论武装。落实第一议题制度。"


def test_heading_items_are_kai_sub_headings_with_body_paragraphs():
    fonts_layout = layout_report(_section_report(HEADING))
    lines = fonts_layout.pages[0].body_lines()
    assert [ln.text for ln in lines] == ["一、履职情况", "总体情况如下。", "（一）加强政治建设", "聚焦两个维护。",
                                         "（二）强化理论武装。", "落实第一议题制度。"]
    from export.fonts import get_fontset

    fonts = get_fontset()
    assert lines[0].role == "heading1" and lines[0].glyphs[2].font == fonts.font_for("heading1", "履").rl_name
    assert lines[2].role == "heading2" and lines[2].glyphs[3].font == fonts.font_for("heading2", "加").rl_name
    assert lines[3].glyphs[0].font == fonts.font_for("body", "聚").rl_name
    assert not any(gl.fake_bold for gl in lines[2].glyphs)


def test_none_items_are_paragraphs_opening_with_their_lead_in_bold():
    """无编号: no number, but the lead is still the paragraph's bold 要点句, as a Word file's bold opening
    sentence is imported into it (the round trip keeps the bold)."""
    layout = layout_report(_section_report(NONE))
    lines = layout.pages[0].body_lines()[2:]
    assert [ln.text for ln in lines] == ["加强政治建设。聚焦两个维护。", "强化理论武装。落实第一议题制度。"]
    for ln in lines:
        bold = "".join(gl.char for gl in ln.glyphs if gl.fake_bold or "Hei" in getattr(gl, "font", "")
                       or getattr(gl, "bold", False))
        assert bold.startswith(ln.text.split("。")[0]) and "聚焦" not in bold and "落实" not in bold


def test_title_is_centred_and_the_body_starts_after_one_empty_line():
    layout = layout_report(Report(title="关于履行全面从严治党责任情况的报告", preamble="正文。"))
    title = [ln for ln in layout.pages[0].lines if ln.kind == "title"]
    assert len(title) == 1
    left = title[0].x_start - g.BLOCK_LEFT
    right = g.BLOCK_RIGHT - title[0].x_end
    assert left == pytest.approx(right, abs=0.5)
    assert title[0].y_baseline + g.EM_ASCENT * 22 == pytest.approx(g.BLOCK_TOP)
    assert layout.pages[0].body_lines()[0].grid == 2


def test_long_title_lines_are_balanced_and_forced_breaks_kept():
    layout = layout_report(Report(title="中共济南市历城区委组织部关于2023年度履行全面从严治党主体责任情况的报告",
                                  preamble="正文。"))
    title = [ln for ln in layout.pages[0].lines if ln.kind == "title"]
    assert [ln.text for ln in title] == ["中共济南市历城区委组织部关于2023年度", "履行全面从严治党主体责任情况的报告"]
    assert title[0].y_baseline - title[1].y_baseline == pytest.approx(g.TITLE_PITCH)
    assert layout.pages[0].body_lines()[0].grid == 3
    forced = layout_report(Report(title="关于某某工作\n的报告", preamble="正文。"))
    assert [ln.text for ln in forced.pages[0].lines if ln.kind == "title"] == ["关于某某工作", "的报告"]


def test_signature_and_date_follow_the_no_seal_rule():
    report = Report(preamble="正文。", signature="中共某某区委组织部", date=dt.date(2026, 11, 26))
    lines = layout_report(report).pages[0].lines
    body = [ln for ln in lines if ln.kind == "body"][-1]
    sig = next(ln for ln in lines if ln.kind == "signature")
    date = next(ln for ln in lines if ln.kind == "date")
    assert sig.grid == body.grid + 2 and date.grid == sig.grid + 1
    # the date starts 2 cells right of the signature; whichever ends further right keeps 2 cells free
    assert date.x_start == pytest.approx(sig.x_start + 2 * g.CELL, abs=0.01)
    assert max(sig.x_end, date.x_end) == pytest.approx(g.BLOCK_RIGHT - 2 * g.CELL, abs=0.5)
    assert date.text == "2026年11月26日"
    long_sig = layout_report(Report(preamble="正文。", signature="中共某某市某某区委员会组织部",
                                    date=dt.date(2026, 1, 5))).pages[0].lines
    sig = next(ln for ln in long_sig if ln.kind == "signature")
    date = next(ln for ln in long_sig if ln.kind == "date")
    assert sig.x_end == pytest.approx(g.BLOCK_RIGHT - 2 * g.CELL, abs=0.5)
    assert date.x_start == pytest.approx(sig.x_start + 2 * g.CELL, abs=0.01)


def test_a_date_longer_than_the_signature_takes_the_right_indent():
    report = Report(preamble="正文。", signature="某某局", date=dt.date(2026, 11, 26))
    lines = layout_report(report).pages[0].lines
    sig = next(ln for ln in lines if ln.kind == "signature")
    date = next(ln for ln in lines if ln.kind == "date")
    assert date.x_end == pytest.approx(g.BLOCK_RIGHT - 2 * g.CELL, abs=0.5)
    assert sig.x_start == pytest.approx(date.x_start - 2 * g.CELL, abs=0.01)


def test_signature_is_never_alone_on_a_page():
    report = Report(preamble="国" * (26 + 28 * 21), signature="某某局", date=dt.date(2026, 1, 5))
    layout = layout_report(report)
    last = layout.pages[-1]
    assert any(ln.kind == "body" for ln in last.lines)
    assert [ln.kind for ln in last.body_lines()] == ["body", "signature", "date"]


def test_page_numbers_alternate_sides():
    layout = layout_report(Report(preamble="国" * 28 * 50))
    for page in layout.pages:
        folio = page.lines[-1]
        assert folio.kind == "pagenum" and folio.text == f"— {page.number} —"
        if page.number % 2:
            assert folio.x_end == pytest.approx(g.BLOCK_RIGHT - 14, abs=0.5)
        else:
            assert folio.x_start == pytest.approx(g.BLOCK_LEFT + 14, abs=0.01)
        assert folio.y_baseline + g.EM_ASCENT * 14 == pytest.approx(g.BLOCK_BOTTOM - 7 * g.MM)


def test_rare_characters_fall_back_or_are_reported():
    layout = layout_report(Report(preamble="朱镕基同志，𠮷祥。"))
    assert [(p.char, p.field, p.offset) for p in layout.missing] == [("𠮷", "preamble", 6)]
    # the official's words: no English Unicode name (“CJK UNIFIED IDEOGRAPH-20BB7”) in the export question
    assert any("“𠮷”（U+20BB7，扩展B区汉字）" in w for w in layout.warnings)
    assert not any(re.search("[A-Za-z]{4,}", w) for w in layout.warnings if "𠮷" in w)
    from export.fonts import get_fontset

    fonts = get_fontset()
    if fonts.face("body").has("镕"):
        assert not any(p.char == "镕" for p in layout.fallbacks)
    else:
        assert [p.char for p in layout.fallbacks] == ["镕"]
    facts = typeset_facts(Report(preamble="朱镕基同志，𠮷祥。"))
    assert facts.missing == layout.missing and facts.substitutions == layout.substitutions


def test_paragraph_ends_for_the_checks(sample_layout):
    facts = typeset_facts(sample_report())
    assert facts.pages == len(sample_layout.pages)
    last = facts.paragraph_ends[-1]
    assert last.field == "sections.2.items.3.body" and last.page == facts.pages
    text = get_field(sample_report(), last.field)
    assert text[last.start:last.end].strip() == "".join(
        ln.text for _, ln in all_lines(sample_layout) if ln.is_last_of_paragraph and ln.paragraph >= 0
        and ln.source and ln.source[-1] == (last.field, last.start, last.end))


_FUZZ = "国家发展改革，。、；：？！“”（）《》——……·%12.5GDP \u3000\t\n\r\x00\x07\u200b\ufeff<&>\\'\"𠮷镕ｘ"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(alphabet=_FUZZ, max_size=60), preamble=st.text(alphabet=_FUZZ, max_size=400),
       lead=st.text(alphabet=_FUZZ, max_size=30), body=st.text(alphabet=_FUZZ, max_size=200),
       numbering=st.sampled_from([YISHI, HEADING, NONE]), run_on=st.booleans(),
       signature=st.text(alphabet=_FUZZ, max_size=20))
def test_any_text_lays_out_inside_the_block(title, preamble, lead, body, numbering, run_on, signature):
    report = Report(title=title, preamble=preamble, signature=signature, date=dt.date(2026, 2, 3),
                    sections=[Section(lead, numbering, run_on, body, [Item(lead, body), Item(body, lead)])])
    layout = layout_report(report)
    assert layout.pages
    for page in layout.pages:
        grids = [ln.grid for ln in page.body_lines()]
        assert len(grids) == len(set(grids)) and all(0 <= k < 22 for k in grids)
        for ln in page.lines:
            assert ln.glyphs
            assert ln.x_start >= g.BLOCK_LEFT - 0.01 and ln.x_end <= g.BLOCK_RIGHT + 0.01, ln.text
            for gl in ln.glyphs:
                assert gl.char.isprintable() or gl.char == "\u3000"
                if gl.field is not None:
                    assert get_field(report, gl.field)[gl.offset] == gl.char


def test_locate_finds_the_field_under_a_click(sample_layout):
    from export.locate import locate

    line = next(ln for _, ln in all_lines(sample_layout, ("body",)) if ln.text.startswith("一是"))
    gl = line.glyphs[20]
    y_top = g.PAGE_HEIGHT - line.y_baseline - 4
    path, start, end = locate(sample_layout, 1, gl.x + 3, y_top)
    assert path == gl.field and start <= gl.offset < end
    assert locate(sample_layout, 1, 300, 5) is None  # the top margin
    assert locate(sample_layout, 99, 300, 300) is None


def test_facts_from_an_export_result_match_a_fresh_typesetting():
    from export.backends.pdf import render_pdf_bytes
    from export.facts import facts_from_result

    report = sample_report()
    _, result = render_pdf_bytes(report)
    assert facts_from_result(report, result) == typeset_facts(report)


def test_blank_items_and_headings_are_not_printed_and_numbers_stay_consecutive():
    report = Report(sections=[
        Section("", YISHI, False, "", [Item("", "")]),
        Section("存在问题", HEADING, False, "", [Item("", " "), Item("思想认识不到位", "正文。")]),
        Section("整改措施", YISHI, False, "", [Item("", ""), Item("加强学习", "正文。"), Item("", "\u3000")]),
    ])
    texts = [ln.text for ln in layout_report(report).pages[0].body_lines()]
    assert texts == ["一、存在问题", "（一）思想认识不到位", "正文。", "二、整改措施", "一是加强学习。正文。"]


def test_dash_pairs_are_joined_by_the_layout_for_every_back_end():
    """The bridge between the dashes of —— is a Rule of the page (PDF, OFD and the printer draw it alike)."""
    from export.layout import layout_report as lay_out

    layout = lay_out(Report(title="题", preamble="正文——破折号。"))
    page = layout.pages[0]
    dashes = [gl for ln in page.lines for gl in ln.glyphs if gl.char == "\u2014" and ln.kind != "pagenum"]
    assert len(dashes) == 2
    assert len(page.rules) == 1  # the open fonts .ci/setup installs leave side bearings on —
    for rule in page.rules:
        assert dashes[0].x < rule.x0 < rule.x1 < dashes[1].x + dashes[1].width
        assert 0 < rule.width < 2
