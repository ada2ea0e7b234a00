"""Any text in the frame's fields lays out inside the 版心, on distinct grid lines, each character traced back."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from export import geometry as g
from export.layout import layout_report
from models.fields import get_field
from models.report import Attachment, Letterhead, Record, Report

_FUZZ = "青溪县农业局党组文件〔〕，。、；：“”（）——12号 \u3000\t\n\r\x00\u200b<&>\\'\"𠮷ｘ"
short = st.text(alphabet=_FUZZ, max_size=12)
longer = st.text(alphabet=_FUZZ, max_size=120)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mark=st.text(alphabet=_FUZZ, max_size=30), number=short, signers=st.lists(short, max_size=5),
       heads=st.tuples(short, short, short), recipient=longer, titles=st.lists(st.tuples(longer, longer), max_size=3),
       cc=longer, issuer=short, seal=st.booleans(), taoda=st.booleans(), body=st.text(alphabet=_FUZZ, max_size=600))
def test_any_frame_text_lays_out_inside_the_block(mark, number, signers, heads, recipient, titles, cc, issuer,
                                                  seal, taoda, body):
    report = Report(title="关于工作情况的报告", preamble=body, signature="青溪县农业局", date=dt.date(2026, 3, 4),
                    recipient=recipient, attachments=[Attachment(t, b) for t, b in titles],
                    letterhead=Letterhead(mark, number, signers, *heads),
                    record=Record(cc, issuer, dt.date(2026, 3, 5)), seal=seal)
    layout = layout_report(report, taoda=taoda)
    numbered = 0
    for page in layout.pages:
        grids = [ln.grid for ln in page.body_lines()]
        assert len(grids) == len(set(grids)) and all(0 <= k < g.LINES_PER_PAGE for k in grids)
        for ln in page.lines:
            if ln.kind in ("number", "signer"):  # short by nature: only kept on the paper
                assert 0 <= ln.x_start and ln.x_end <= g.PAGE_WIDTH, ln.text
            elif ln.glyphs:
                assert ln.x_start >= g.BLOCK_LEFT - 0.01 and ln.x_end <= g.BLOCK_RIGHT + 0.01, (ln.kind, ln.text)
            for gl in ln.glyphs:
                assert gl.char.isprintable() or gl.char == "\u3000"
                assert not (taoda and gl.color is not None)
                if gl.field is not None:
                    assert get_field(report, gl.field)[gl.offset] == gl.char
        numbered += any(ln.kind == "pagenum" for ln in page.lines)
        for rule in (r for r in page.rules if r.kind == "frame"):  # not the bridges inside ——
            assert rule.x0 == g.BLOCK_LEFT and rule.x1 == g.BLOCK_RIGHT and g.BLOCK_BOTTOM <= rule.y <= g.BLOCK_TOP
    assert len(layout.pages) % 2 == 0  # a 版记 always ends on an even page
