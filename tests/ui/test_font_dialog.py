"""字体设置 in the window: six roles with what is in use; a choice is saved and typesets the preview."""

from __future__ import annotations

import pytest

from export.fontchoices import load_choices
from export.fonts import get_fontset
from tests.ui.conftest import new_report
from ui.dialogs.font_dialog import ROWS, FontSettingsDialog


def test_rows_show_the_faces_in_use(qtbot, window):
    report = new_report(qtbot, window, "congyan")
    dlg = FontSettingsDialog(report, window)
    qtbot.addWidget(dlg)
    auto = get_fontset().face("body")
    assert all(dlg.combos[r].currentIndex() == 0 for r in ROWS)
    assert dlg.combos["body"].currentText() == "自动：" + auto.family
    official, gb, own, file = dlg.info["body"]
    assert official.text() in ("规范字体", "代用字体")
    assert gb.text().endswith("/6763") and own.text().count("/") == 1
    assert file.text() == auto.path.rsplit("/", 1)[-1]
    assert dlg.combos["body"].itemText(dlg.combos["body"].count() - 1) == "选择字体文件…"


def test_choosing_a_face_saves_it_and_the_preview_uses_it(qtbot, window):
    report = new_report(qtbot, window, "congyan")
    auto = get_fontset().face("body")
    dlg = FontSettingsDialog(report, window)
    qtbot.addWidget(dlg)
    combo = dlg.combos["body"]
    other = next((i for i in range(1, combo.count() - 1) if combo.itemData(i)["path"] != auto.path), None)
    if other is None:
        pytest.skip("needs a second Chinese face")
    combo.setCurrentIndex(other)
    combo.activated.emit(other)
    chosen = combo.itemData(other)["path"]
    assert dlg.info["body"][3].text() == chosen.rsplit("/", 1)[-1]
    dlg.accept()
    assert load_choices()["body"]["path"] == chosen
    window.docs._fonts_changed()

    def body_font():
        result = window.docs.preview.result
        if result is None or not window.docs.typesetter.idle():
            return None
        return result

    qtbot.waitUntil(lambda: body_font() is not None, timeout=30000)
    assert get_fontset().face("body").path == chosen


def test_a_font_file_that_cannot_be_embedded_is_refused(qtbot, window, tmp_path):
    bad = tmp_path / "坏字体.ttf"
    bad.write_bytes(b"not a font")
    dlg = FontSettingsDialog(None, window, pick_file=lambda _p: str(bad))
    qtbot.addWidget(dlg)
    combo = dlg.combos["title"]
    combo.setCurrentIndex(combo.count() - 1)
    combo.activated.emit(combo.count() - 1)
    assert "title" not in dlg.choices and combo.currentIndex() == 0
    assert "不能嵌入" in dlg.info["title"][0].text()
