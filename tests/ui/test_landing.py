"""Ctrl+PgDown always lands in the tab's first field, cursor at the end, nothing selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import new_report, type_text


def _ctrl_pgdown(qtbot):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)


def test_from_basic_information_and_from_a_section_the_same_safe_place(qtbot, window):
    new_report(qtbot, window, "congyan")
    ed = window.editor
    ed.setCurrentIndex(0)
    ed.info.signature.setFocus()
    qtbot.waitUntil(ed.info.signature.hasFocus)
    _ctrl_pgdown(qtbot)
    first = ed.currentWidget()
    assert QApplication.focusWidget() is first.heading and not first.heading.hasSelectedText()
    assert first.heading.cursorPosition() == len(first.heading.text())
    first.card_for(0).lead.setFocus()
    qtbot.waitUntil(first.card_for(0).lead.hasFocus)
    _ctrl_pgdown(qtbot)
    second = ed.currentWidget()
    assert second is not first
    assert QApplication.focusWidget() is second.heading and not second.heading.hasSelectedText()
    heading = second.heading.text()
    type_text(qtbot, second.heading, "X")
    assert second.heading.text() == heading + "X"  # appended, never replaced


def test_enter_in_a_lead_moves_to_its_body(qtbot, window):
    new_report(qtbot, window, "congyan")
    window.editor.setCurrentIndex(1)
    card = window.editor.currentWidget().card_for(0)
    card.lead.setFocus()
    qtbot.waitUntil(card.lead.hasFocus)
    qtbot.keyClick(card.lead, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is card.body
    assert card.body.textCursor().position() == 0


def test_a_click_in_the_preview_puts_the_cursor_at_the_character(qtbot, window):
    from models.report import Item

    report = new_report(qtbot, window, "congyan")
    report.sections[0].items = [Item("抓好主责。", "认真落实全面从严治党主体责任，推动各项工作落地见效。")]
    window.editor.set_report(report)
    window.docs.typesetter.run_now(report)

    def body_lines():
        result = window.docs.preview.result
        return [ln for page in (result.lines if result else []) for ln in page
                if any(f.endswith("items.0.body") for _, _, f, _ in ln.glyphs)]

    qtbot.waitUntil(lambda: bool(body_lines()), timeout=30000)
    result = window.docs.preview.result
    line = body_lines()[0]
    x0, x1, path, offset = next(gl for gl in line.glyphs if gl[2].endswith("items.0.body") and gl[3] >= 5)
    page = next(n for n, p in enumerate(result.lines, 1) if line in p)
    from export import geometry as g

    y_top = g.PAGE_HEIGHT - (line.bottom + line.top) / 2
    window.docs.preview._on_click(page, x0 + (x1 - x0) * 0.25, y_top)
    body = window.editor.currentWidget().card_for(0).body
    assert QApplication.focusWidget() is body
    cursor = body.textCursor()
    assert not cursor.hasSelection() and cursor.position() == offset
    window.docs.preview._on_click(page, x0 + (x1 - x0) * 0.75, y_top)
    assert body.textCursor().position() == offset + 1
