"""The .docx grid read back with python-docx: cells of Tianbao's width, a 版心 of 28 of them, Word's and
LibreOffice's grids holding 28, and the East-Asian settings the line breaks rely on."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from export import geometry as g
from export.backends.docx import export_docx
from tests.export.handover import plain_report

GRID_STYLES = ("公文正文", "公文一级标题", "公文二级标题", "主送机关", "署名", "成文日期", "附件说明")
NATURAL_STYLES = ("公文标题", "发文机关标志", "版记", "页码")


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("grid") / "grid.docx"
    export_docx(plain_report(), path)
    return docx.Document(str(path))


def _twips(length) -> float:
    return length / 635  # EMU -> twips


def _text_width_tw(doc) -> float:
    s = doc.sections[0]
    return _twips(s.page_width - s.left_margin - s.right_margin)


def _spacing(style) -> int:
    return int(style.element.rPr.find(qn("w:spacing")).get(qn("w:val")))


def test_full_width_cells_are_tianbaos_cells_and_the_text_width_is_28_of_them(doc):
    """16 pt glyphs set 0.2 pt tight: 15.8 pt, Tianbao's 15.79 pt cell in whole twips; 28 fill the line exactly."""
    for name in GRID_STYLES:
        pitch_tw = 20 * g.BODY_SIZE + _spacing(doc.styles[name])
        assert abs(pitch_tw / 20 - g.CELL) < 0.025, name  # within half a twip of Tianbao's cell
        assert _text_width_tw(doc) == g.CELLS_PER_LINE * pitch_tw, name
    for name in NATURAL_STYLES:
        assert _spacing(doc.styles[name]) == 0, name
    s = doc.sections[0]
    assert abs(s.left_margin.mm - 28) < 0.02  # GB/T 9704's 订口 untouched
    assert abs(s.right_margin.mm - 26) < 0.1  # the right margin gives the 0.07 mm


def test_words_grid_holds_28_cells_of_the_same_pitch(doc):
    """Word: pitch = default size + charSpace/4096 pt; 28 of them fit the text width, 29 do not."""
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    pitch = g.BODY_SIZE + int(grid.get(qn("w:charSpace"))) / 4096
    width = _text_width_tw(doc) / 20
    assert 28 * pitch <= width < 29 * pitch
    assert abs(pitch - g.CELL) < 0.025


def _libreoffice_grid_width_mm100(char_space: int, size_pt: float) -> int:
    """LibreOffice's .docx import (writerfilter SectionPropertyMap): the grid cell in 1/100 mm, each part rounded."""
    def mm100(twips: float) -> int:
        return round(twips * 127 / 72)

    main = (char_space & ~0xFFF) // 0x1000
    fraction = ((char_space & 0xFFF) * 20) // 0xFFF
    return mm100(round(size_pt * 20)) + mm100(main * 20) + mm100(fraction)


def test_libreoffices_grid_also_holds_28_cells(doc):
    """LibreOffice narrows the body to whole grid cells: with charSpace 1 lower (-821) its cell would be 15.73 pt
    and 28 of Tianbao's cells no longer fit; with the text width 4 twips short it would hold only 27."""
    cs = int(doc.sections[0]._sectPr.find(qn("w:docGrid")).get(qn("w:charSpace")))
    cell_tw = _libreoffice_grid_width_mm100(cs, g.BODY_SIZE) * 72 / 127
    assert 28 * round(cell_tw) <= _text_width_tw(doc)
    assert _libreoffice_grid_width_mm100(cs - 1, g.BODY_SIZE) < _libreoffice_grid_width_mm100(cs, g.BODY_SIZE)


def test_grid_paragraphs_reach_a_fraction_of_a_point_past_the_right_margin(doc):
    """For LibreOffice's narrower body and run ends; 12-15 twips, never a visible amount, and not on the title."""
    for name in GRID_STYLES:
        right = int(doc.styles[name].element.pPr.find(qn("w:ind")).get(qn("w:right")))
        assert -15 <= right <= -12, name
    for name in NATURAL_STYLES:
        ind = doc.styles[name].element.pPr.find(qn("w:ind"))
        assert ind is None or ind.get(qn("w:right")) is None, name
    body = doc.styles["公文正文"].element.pPr.find(qn("w:ind"))
    assert int(body.get(qn("w:firstLine"))) == 2 * round(20 * g.CELL)  # two cells, in twips


def test_east_asian_settings_of_the_normal_style(doc):
    """No hanging punctuation, no autospace between Chinese and digits, no grid snap, no right-indent adjustment;
    punctuation not compressed (Tianbao moves the character before a closing mark down instead)."""
    ppr = doc.styles["Normal"].element.pPr
    for tag in ("w:overflowPunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:snapToGrid", "w:adjustRightInd",
                "w:widowControl"):
        assert ppr.find(qn(tag)).get(qn("w:val")) == "0", tag
    control = doc.settings.element.find(qn("w:characterSpacingControl"))
    assert control.get(qn("w:val")) == "doNotCompress"


def test_custom_first_and_last_characters_are_tianbaos(doc):
    """Word's 中文版式 自定义 lists carry Tianbao's 避头尾 sets: 》 and …… never start a line, （ never ends one."""
    from export.linebreak import NO_END, NO_START

    settings = doc.settings.element
    before = settings.find(qn("w:noLineBreaksBefore"))
    after = settings.find(qn("w:noLineBreaksAfter"))
    assert before.get(qn("w:lang")) == after.get(qn("w:lang")) == "zh-CN"
    assert set(before.get(qn("w:val"))) == NO_START and {"》", "…", "—", "”"} <= NO_START
    assert set(after.get(qn("w:val"))) == NO_END and "（" in NO_END
    order = [child.tag.rsplit("}", 1)[-1] for child in settings]
    assert order.index("characterSpacingControl") < order.index("noLineBreaksAfter") < order.index("noLineBreaksBefore")
