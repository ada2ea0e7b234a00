"""字体设置: the user's faces reach every user of export.fonts.get_fontset (CLI, preview, print, checks)."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from export.backends.pdf import render_pdf_bytes
from export.fontchoices import LATIN, load_choices, save_choices
from export.fontindex import load_index
from export.fonts import get_fontset
from models.report import Item, Report, Section


def _faces():
    """Two usable Chinese faces and one Latin face of this machine, or skip."""
    faces = [f for f in load_index().faces if f.usable]
    chinese = [f for f in faces if f.gb2312 >= 6000]
    latin = [f for f in faces if not f.cjk and f.regular and f.codepoints > 200]
    if len(chinese) < 2 or not latin:
        pytest.skip("needs two Chinese and one Latin TrueType face installed")
    return chinese, latin[0]


def _report() -> Report:
    return Report(title="关于2026年度工作的报告", signature="某单位",
                  sections=[Section("履职情况", items=[Item("抓学习。", "全年学习12次。")])])


def test_chosen_body_face_and_latin_face_are_used(tmp_path):
    chinese, latin = _faces()
    auto = get_fontset().face("body")
    other = next(f for f in chinese if f.path != auto.path)
    choices = {"body": {"path": other.path, "index": other.index}, LATIN: {"path": latin.path, "index": 0}}
    fs = get_fontset(overrides=choices)
    assert fs.face("body").path == other.path and fs.chosen["body"].path == other.path
    assert fs.font_for("body", "7").path == latin.path
    assert fs.font_for("body", "党").path == other.path
    assert not any(s.startswith("正文：") for s in fs.substitutions)  # chosen, not substituted behind the user's back


def test_saved_choices_drive_a_plain_export(tmp_path):
    chinese, latin = _faces()
    auto = get_fontset().face("body")
    other = next(f for f in chinese if f.path != auto.path)
    assert load_choices() == {}
    before, _ = render_pdf_bytes(_report())
    save_choices({"body": {"path": other.path, "index": other.index}, LATIN: {"path": latin.path, "index": 0}})
    assert load_choices()["body"]["path"] == other.path
    data, result = render_pdf_bytes(_report())  # no fonts passed: as the CLI, the preview and print do
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = pdf.pages[0].chars
        body = next(c for c in chars if c["text"] == "全")
        digit = next(c for c in chars if c["text"] == "1")
    glyphs = {gl.char: gl for page in result.layout.pages for ln in page.lines for gl in ln.glyphs}
    assert result.layout.fonts[glyphs["全"].font].path == other.path
    assert result.layout.fonts[glyphs["1"].font].path == latin.path
    with pdfplumber.open(io.BytesIO(before)) as pdf:
        chars = pdf.pages[0].chars
        assert next(c for c in chars if c["text"] == "全")["fontname"] != body["fontname"]
        assert next(c for c in chars if c["text"] == "1")["fontname"] != digit["fontname"]


def test_a_vanished_file_falls_back_and_says_so(tmp_path):
    fs = get_fontset(overrides={"body": {"path": str(tmp_path / "gone.ttf"), "index": 0}})
    assert fs.face("body") == get_fontset(overrides={}).face("body")
    assert any("所选字体文件找不到" in s for s in fs.substitutions)


def test_broken_choices_file_is_ignored(tmp_path):
    from export.fontchoices import choices_path

    choices_path().parent.mkdir(parents=True, exist_ok=True)
    choices_path().write_text("{不是JSON", encoding="utf-8")
    assert load_choices() == {}
    assert get_fontset().face("body") is not None
