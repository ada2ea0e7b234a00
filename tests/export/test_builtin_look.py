"""With no Chinese font installed (reportlab's built-in STSong-Light only), the page still reads right."""

from __future__ import annotations

import pdfplumber
import pypdf
import pytest

from export import geometry as g
from export.backends.pdf import export_pdf
from export.fonts import resolve
from export.layout import layout_report
from tests.export.sample import sample_report


@pytest.fixture(scope="module")
def builtin_layout():
    return layout_report(sample_report(), fonts=resolve([]))


def test_headings_stand_out_from_the_body_when_all_roles_share_one_face(builtin_layout):
    headings = [ln for p in builtin_layout.pages for ln in p.lines if ln.kind == "heading1"]
    assert headings
    for ln in headings:
        assert all(gl.fake_bold for gl in ln.glyphs), ln.text
    plain = [gl for p in builtin_layout.pages for ln in p.body_lines() if ln.kind == "body" for gl in ln.glyphs
             if gl.field == "preamble"]
    assert plain and not any(gl.fake_bold for gl in plain)


def test_page_numbers_keep_a_half_width_space_around_the_number(builtin_layout, tmp_path):
    for page in builtin_layout.pages:
        folio = page.lines[-1]
        assert folio.kind == "pagenum"
        dash, space, digit = folio.glyphs[0], folio.glyphs[1], folio.glyphs[2]
        assert space.char == " "
        assert digit.x - (dash.x + dash.width) == pytest.approx(0.5 * g.SIZES["pagenum"], abs=0.01)
    path = tmp_path / "builtin.pdf"
    export_pdf(sample_report(), path, deterministic=True, fonts=resolve([]))
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            chars = [c for c in page.chars if round(c["size"]) == 14]
            assert "".join(c["text"] for c in chars).replace(" ", "") == f"—{n}—"
            digits = [c for c in chars if c["text"].isdigit()]
            assert digits[0]["x0"] - chars[0]["x1"] > 0.45 * 14  # not "—1—"
    content = pypdf.PdfReader(path).pages[0].get_contents().get_data()
    assert b"2 Tr" in content
