"""标点挤压: adjacent full-width marks lose the blank half between them, lines stay justified to the edge."""

from __future__ import annotations

import pdfplumber
import pytest

from export import geometry as g
from export.backends.pdf import export_pdf
from export.layout import layout_report
from export.linebreak import Atom, break_paragraph, squeeze_pairs
from models.report import Report
from tests.export.test_pdf import body_rows, printed_lines

SIZE = 16.0
TRACK = g.CELL - SIZE
# Pairs that leave a visible hole when set at full width: ”。 ）， ’。” ”“ ）“ 。“ ”—— （“ 》《
TEXT = ("同志落实“一岗双责”。每季度召开会议，开展镇街党（工）委书记述职评议（含“书记抓基层”）。"
        "他说：“要把‘小切口’做成‘大文章’。”我们做到了“停车难”“入学难”问题有人管，"
        "印发《实施方案》《考核办法》等文件。他强调：“对违规的要‘零容忍’！”——掷地有声。") * 4


def _atom(ch: str, squeeze: str = "") -> Atom:
    cell = not ch.isascii()
    return Atom(ch, SIZE if cell else SIZE / 2, cell, TRACK if cell else 0.0, None, squeeze)


def test_a_closing_mark_before_another_mark_is_set_half_width():
    atoms = [_atom("实"), _atom("”", "P"), _atom("。", "P"), _atom("每"), _atom("（", "R"), _atom("“", "R"),
             _atom("书")]
    left, right = squeeze_pairs(atoms, list(range(len(atoms))))
    assert left == {1} and right == {5}


def test_marks_the_font_centres_are_never_squeezed():
    atoms = [_atom("国"), _atom("）", "M"), _atom("，", "L"), _atom("国"), _atom("（", "M"), _atom("“", "R"),
             _atom("国")]
    left, right = squeeze_pairs(atoms, list(range(len(atoms))))
    assert left == set() and right == set()


def test_squeezed_lines_keep_their_content_and_reach_the_edge():
    text = "国" * 20 + "“国国”。" + "国" * 30
    atoms = [_atom(ch, "P" if ch in "”。" else "R" if ch == "“" else "") for ch in text]
    lines = break_paragraph(atoms, g.BLOCK_WIDTH, g.BLOCK_WIDTH)
    first = lines[0]
    assert len(first.indices) == 28  # the break is the one full width gives
    assert first.compressed == {23}
    assert first.xs[-1] + first.widths[-1] == pytest.approx(g.BLOCK_WIDTH, abs=0.01)


@pytest.fixture(scope="module")
def punct_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("punct") / "punct.pdf"
    result = export_pdf(Report(title="关于“十四五”规划《实施方案》（2026—2030年）执行情况的报告", preamble=TEXT),
                        path, deterministic=True)
    return path, result.layout


def _pairs(rows, a: str, b: str):
    for _y, _s, chars in rows:
        for c, d in zip(chars, chars[1:], strict=False):
            if c["text"] == a and d["text"] == b:
                yield c, d


def test_adjacent_marks_print_half_a_cell_apart(punct_pdf):
    path, layout = punct_pdf
    if not any(gl.char == "”" and gl.width < SIZE * 0.75 for p in layout.pages for ln in p.lines
               for gl in ln.glyphs):
        pytest.skip("the installed body font centres its marks")
    with pdfplumber.open(path) as pdf:
        rows = [row for page in pdf.pages for row in body_rows(page)]
    checked = 0
    for a, b in (("”", "。"), ("）", "，"), ("”", "“"), ("》", "《"), ("’", "。")):
        for c, d in _pairs(rows, a, b):
            assert d["x0"] - c["x0"] < 0.75 * g.CELL, a + b  # was a full cell (plus justification)
            checked += 1
    assert checked >= 10


def test_squeezed_lines_are_still_justified_and_inside_the_block(punct_pdf):
    path, layout = punct_pdf
    with pdfplumber.open(path) as pdf:
        for line, chars in printed_lines(pdf, layout):
            assert chars[0]["x0"] >= g.BLOCK_LEFT - 0.01
            assert chars[-1]["x1"] <= g.BLOCK_RIGHT + 0.5
            if not line.is_last_of_paragraph:
                assert chars[-1]["x1"] == pytest.approx(g.BLOCK_RIGHT, abs=0.5)
            xs = [c["x0"] for c in chars]
            assert xs == sorted(xs)  # a squeezed mark never jumps over its neighbour


def test_the_title_is_squeezed_and_centred_on_what_it_prints(punct_pdf):
    _path, layout = punct_pdf
    title = [ln for ln in layout.pages[0].lines if ln.kind == "title"]
    for ln in title:
        assert g.BLOCK_LEFT - 0.01 <= ln.x_start and ln.x_end <= g.BLOCK_RIGHT + 0.01
        for a, b in zip(ln.glyphs, ln.glyphs[1:], strict=False):
            if a.char + b.char in ("》（", "”规"):
                assert b.x - a.x < (0.75 if a.char + b.char == "》（" else 1.01) * a.size


def test_a_report_without_pairs_lays_out_as_before():
    plain = layout_report(Report(preamble="党建引领基层治理推动高质量发展，" * 30))
    for page in plain.pages:
        for ln in page.body_lines():
            for a, b in zip(ln.glyphs, ln.glyphs[1:], strict=False):
                assert b.x - a.x > g.CELL - 0.5


LOOSE_TEXT = ("群众反映的问题主要集中在“停车难”等方面。一是建立台账；二是明确时限；三是跟踪问效！"
              "详见区政府门户网站（www.gov.cn）及“学习强国”平台。各单位要逐项自查（见附件1、附件2）；"
              "自查报告于12月31日前报送区纪委监委（联系电话：0571-12345678）。")


def _spacing(line) -> float:
    """Mean space between glyph boxes on a line, in pt (a grid line of 16 pt glyphs: -0.21)."""
    ink = sum(gl.width for gl in line.glyphs)
    return (line.x_end - line.x_start - ink) / max(len(line.glyphs) - 1, 1)


def test_a_long_unbreakable_unit_is_pulled_in_rather_than_leaving_a_loose_line():
    # 25 characters ahead put （www.gov.cn） just past the end of "…明确时限；三是跟踪问效！详见区政府门户网站",
    # which used to be spread by 4.3 pt a gap; setting its ；！ half-width takes the URL in.
    layout = layout_report(Report(preamble="国" * 25 + LOOSE_TEXT))
    lines = [ln for p in layout.pages for ln in p.body_lines()]
    assert "".join(ln.text for ln in lines) == "国" * 25 + LOOSE_TEXT
    url = next(ln for ln in lines if "www.gov.cn" in ln.text)
    assert "明确时限" in url.text
    assert _spacing(url) < 2.5
    for ln in lines:
        if not ln.is_last_of_paragraph:
            assert ln.x_end == pytest.approx(g.BLOCK_RIGHT, abs=0.01)
            assert ln.glyphs[-1].width == ln.glyphs[-1].size  # the last glyph is never squeezed


def test_loose_line_rescue_keeps_the_text_and_the_edges():
    for shift in range(0, 28, 3):
        layout = layout_report(Report(preamble="国" * shift + LOOSE_TEXT))
        lines = [ln for p in layout.pages for ln in p.body_lines()]
        assert "".join(ln.text for ln in lines) == "国" * shift + LOOSE_TEXT
        for ln in lines:
            assert ln.x_start >= g.BLOCK_LEFT - 0.01 and ln.x_end <= g.BLOCK_RIGHT + 0.01
            if not ln.is_last_of_paragraph:
                assert ln.x_end == pytest.approx(g.BLOCK_RIGHT, abs=0.01)


ORPHAN = "学用结合不紧，导致政治判断力、政治领悟力、政治执行力不够强。"  # 28 cells + 强。 on a line of its own


def _orphan_atoms(text: str) -> list[Atom]:
    kinds = {"，": "L", "；": "L", "、": "P", "。": "P"}
    return [_atom(ch, kinds.get(ch, "")) for ch in text]


def test_an_orphan_is_given_the_last_character_of_the_line_above():
    atoms = _orphan_atoms(ORPHAN)  # full width: "…政治执行力不够" + "强。" alone
    lines = break_paragraph(atoms, g.BLOCK_WIDTH, g.BLOCK_WIDTH)
    assert ["".join(atoms[k].ch for k in ln.indices) for ln in lines] == [ORPHAN[:-3], "够强。"]
    prev = lines[0]
    assert prev.xs[-1] + prev.widths[-1] == pytest.approx(g.BLOCK_WIDTH, abs=0.01)
    assert not prev.compressed  # a comma set half-width alone reads as a half-width comma typed by mistake


def test_an_orphan_is_taken_up_when_squeezing_adjacent_marks_makes_room():
    kinds = {"“": "R", "”": "P", "，": "L"}
    atoms = [_atom(ch, kinds.get(ch, "")) for ch in "“国国”，" * 8 + "国" * 20]
    lines = break_paragraph(atoms, g.BLOCK_WIDTH, g.BLOCK_WIDTH)  # unmended: 30 + 28 + 2 glyphs
    assert [len(ln.indices) for ln in lines] == [30, 30]
    assert lines[-1].compressed and all(atoms[k + 1].squeeze for k in lines[-1].compressed)  # pairs only


def test_marks_inked_to_their_middle_are_never_set_half_width_before_a_character():
    atoms = _orphan_atoms(ORPHAN)
    lines = break_paragraph(atoms, g.BLOCK_WIDTH, g.BLOCK_WIDTH)
    for ln in lines:
        assert not any(atoms[k].ch in "、。" for k in ln.compressed)


def test_an_orphan_in_a_report_is_taken_up():
    from export.facts import typeset_facts

    report = Report(preamble="国" * 12 + "坚持以人民为中心的发展思想，持续改善民生福祉，推动各项工作取得新成效。" * 2
                    + "推动12件民生实事全部按期完成，新增普惠性幼儿园学位2400个。")
    ends = typeset_facts(report).paragraph_ends  # full width would leave "个。" alone on the last line
    assert [e.chars for e in ends] == [6], ends  # "2400个。": the number comes down to keep it company
