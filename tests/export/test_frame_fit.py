"""A 版头 too full for GB/T 9704's places (a long 发文字号, long or many 签发人, a long 发文机关标志) is still set
without anything printed over anything else, and the 检查 panel says what to shorten."""

from __future__ import annotations

import io

import docx

from export.backends.docx import render_docx_bytes
from export.facts import facts_from_layout
from export.layout import layout_report
from models.checks import run_checks
from models.frame_checks import FRAME
from tests.export.frame_sample import unit_report

LONG_NUMBER = "中共某某县某某局党组办公室机关党委纪检组〔2026〕123号"


def _report(number: str | None = None, signers: list[str] | None = None, mark: str | None = None):
    report = unit_report(attachments=0)
    if number is not None:
        report.letterhead.number = number
    if signers is not None:
        report.letterhead.signers = signers
    if mark is not None:
        report.letterhead.mark = mark
    return report


def _head(layout, kind: str):
    return [ln for ln in layout.pages[0].lines if ln.kind == kind]


def _notes(report, layout=None) -> dict[str, str]:
    layout = layout or layout_report(report)
    return {f.field: f.message for f in run_checks(report, facts_from_layout(layout)) if f.kind == FRAME
            and f.field.startswith("letterhead.") and ("排" in f.message or "太长" in f.message)}


def _overlaps(a, b) -> bool:
    """Two lines on one baseline whose inked spans cross."""
    if abs(a.y_baseline - b.y_baseline) > 1 or not a.glyphs or not b.glyphs:
        return False
    return a.glyphs[0].x < b.glyphs[-1].x + b.glyphs[-1].width and b.glyphs[0].x < a.glyphs[-1].x + a.glyphs[-1].width


def test_a_usual_head_sets_the_number_beside_the_signers_and_notes_nothing():
    report = _report(signers=["王建国", "李红梅", "赵志强"])
    layout = layout_report(report)
    number, signers = _head(layout, "number"), _head(layout, "signer")
    assert abs(number[0].y_baseline - signers[-1].y_baseline) < 1
    assert _notes(report, layout) == {}


def test_a_number_too_long_for_the_signers_line_goes_under_it_and_is_noted():
    report = _report(number=LONG_NUMBER, signers=["王建国", "李红梅", "赵志强"])
    layout = layout_report(report)
    number, signers = _head(layout, "number")[0], _head(layout, "signer")
    assert not any(_overlaps(number, s) for s in signers)  # it printed over the names before
    assert number.y_baseline < signers[-1].y_baseline - 1  # the next grid line down
    assert "".join(gl.char for gl in number.glyphs) == LONG_NUMBER
    assert "太长，与签发人排不进同一行" in _notes(report, layout)["letterhead.number"]
    # the red rule and the title move down with it
    usual = layout_report(_report(signers=["王建国", "李红梅", "赵志强"]))
    assert layout.pages[0].rules[0].y < usual.pages[0].rules[0].y
    # the note is about that text: once shortened, an older layout's note is dropped
    report.letterhead.number = "某党组〔2026〕1号"
    assert _notes(report, layout) == {}


def test_the_word_file_follows_the_layout_number_under_the_signers():
    report = _report(number=LONG_NUMBER, signers=["王建国", "李红梅", "赵志强"])
    texts = [p.text for p in docx.Document(io.BytesIO(render_docx_bytes(report)[0])).paragraphs]
    k = texts.index(LONG_NUMBER)  # a paragraph of its own, after both 签发人 lines
    assert "签发人：王建国" in texts[k - 2] and texts[k - 1].strip() == "赵志强"
    usual = [p.text for p in docx.Document(io.BytesIO(render_docx_bytes(
        _report(signers=["王建国", "李红梅", "赵志强"]))[0])).paragraphs]
    assert any(t.startswith(unit_report(attachments=0).letterhead.number) and t.endswith("赵志强") for t in usual)


def test_two_long_names_go_one_a_line_and_a_name_wider_than_the_block_is_noted():
    names = ["阿卜杜热合曼·艾买提江", "买买提明·阿不都热西提"]
    report = _report(signers=names)
    layout = layout_report(report)
    signers = _head(layout, "signer")
    assert len(signers) == 2  # side by side they ran past the 版心's left edge
    assert all(gl.x >= 28 * 72 / 25.4 - 0.5 for ln in signers for gl in ln.glyphs)
    assert "letterhead.signers.0" not in _notes(report, layout)
    report = _report(signers=["阿卜杜热合曼·艾买提江·买买提明·阿不都热西提·艾尼瓦尔", "李四"])
    assert "姓名太长" in _notes(report)["letterhead.signers.0"]


def test_many_signers_and_a_very_long_mark_are_noted():
    report = _report(signers=[f"张{i}某" for i in range(40)])
    assert "标题被挤出了首页" in _notes(report)["letterhead.signers.39"]
    assert _notes(_report(signers=[f"张{i}" for i in range(4)])) == {}
    long_mark = "中共某某县委组织部中共某某县委宣传部中共某某县委统战部某某县人力资源和社会保障局文件"
    assert "比正文还小" in _notes(_report(mark=long_mark))["letterhead.mark"]
    assert "letterhead.mark" not in _notes(_report(mark="中共某某县委办公室文件"))
    assert "0.1 毫米" in _notes(_report(mark="某" * 5000))["letterhead.mark"]
