"""Working by keyboard: Tab follows what is on screen, undo never leaves the keyboard in the search box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import new_report


def test_tab_walks_basic_information_top_to_bottom(qtbot, window):
    new_report(qtbot, window, "congyan")
    info = window.editor.info
    info.title.setFocus()
    qtbot.waitUntil(lambda: info.title.hasFocus())
    seen = []
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen[:5] == [info.recipient, info.preamble, info.closing, info.signature, info.has_date]


def test_undoing_an_added_section_returns_to_the_section_before(qtbot, window):
    new_report(qtbot, window, "congyan")
    window.editor.setCurrentIndex(2)
    tab = window.editor.currentWidget()
    tab.heading.setFocus()
    qtbot.keyClick(tab.heading, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.count() == 5 and window.editor.currentIndex() == 3
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.count() == 4
    assert window.editor.currentWidget() is tab
    assert QApplication.focusWidget() is tab.heading


def test_item_shortcuts_outside_a_section_say_why(qtbot, window):
    new_report(qtbot, window, "congyan")
    window.editor.setCurrentIndex(0)
    window.editor.info.title.setFocus()
    qtbot.waitUntil(lambda: window.editor.info.title.hasFocus())
    qtbot.keyClick(window.editor.info.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "请先切换到" in window.statusBar().currentMessage()
    assert len(window.current_report().sections[0].items) == 1
    window.editor.setCurrentIndex(1)
    tab = window.editor.currentWidget()
    tab.heading.setFocus()
    qtbot.waitUntil(lambda: tab.heading.hasFocus())
    qtbot.keyClick(tab.heading, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert "要移动的条目" in window.statusBar().currentMessage()


def test_ctrl_y_redoes_as_in_word(qtbot, window):
    new_report(qtbot, window, "congyan")
    window.editor.setCurrentIndex(1)
    tab = window.editor.currentWidget()
    section = window.current_report().sections[0]
    window.editor.add_item(section, 1)
    window.undo()
    assert len(section.items) == 1
    tab.heading.setFocus()
    qtbot.waitUntil(lambda: tab.heading.hasFocus())
    qtbot.keyClick(tab.heading, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(section.items) == 2


def test_switching_tabs_by_keyboard_lands_in_the_first_field(qtbot, window):
    new_report(qtbot, window, "congyan")
    window.docs.checks.refresh()
    info = window.editor.info
    info.title.setFocus()
    qtbot.waitUntil(lambda: info.title.hasFocus())
    qtbot.keyClick(info.title, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    tab = window.editor.currentWidget()
    assert window.editor.currentIndex() == 1
    assert QApplication.focusWidget() is tab.heading
    assert tab.heading.selectedText() == ""  # a keystroke adds to the heading, never replaces it
    # Qt did not pass the keyboard through the 检查 list on the way (it highlighted the first finding).
    assert window.docs.checks.list.selectedItems() == []


def test_f7_and_f8_put_the_keyboard_in_the_panel(qtbot, window):
    new_report(qtbot, window, "congyan")
    window.docs.checks.refresh()
    qtbot.keyClick(window.editor.info.title, Qt.Key.Key_F7)
    assert QApplication.focusWidget() is window.docs.checks.list
    panel = window.docs.checks

    def current():
        return panel.list.currentItem().data(Qt.ItemDataRole.UserRole)

    assert current() is panel.findings[0]  # the first finding, under its class's heading row
    assert panel.list.currentItem().isSelected()  # highlighted, so the arrows start from something seen
    qtbot.keyClick(window.docs.checks.list, Qt.Key.Key_Down)
    assert current() is panel.findings[1]
    qtbot.keyClick(window.docs.checks.list, Qt.Key.Key_F8)
    assert QApplication.focusWidget() is window.docs.preview.scroll


def test_delete_key_in_the_report_list_asks_then_moves_to_trash(qtbot, window):
    new_report(qtbot, window, "congyan")
    window.report_list.list.setFocus()
    qtbot.waitUntil(lambda: window.report_list.list.hasFocus())
    window.dialogs.confirm_answer = False
    qtbot.keyClick(window.report_list.list, Qt.Key.Key_Delete)
    assert window.dialogs.last_confirm["yes"] == "移到回收站"
    assert window.report_list.ids() != []
    window.dialogs.confirm_answer = True
    qtbot.keyClick(window.report_list.list, Qt.Key.Key_Delete)
    assert window.report_list.ids() == []


def test_new_report_title_is_selected_so_typing_replaces_the_suggestion(qtbot, window):
    from tests.ui.conftest import type_text

    new_report(qtbot, window, "shuzhi")
    title = window.editor.info.title
    assert title.hasFocus() and title.textCursor().selectedText() == "述职述廉报告"
    type_text(qtbot, title, "2026年度述职述廉报告")
    assert window.current_report().title == "2026年度述职述廉报告"


def test_sections_move_by_keyboard(qtbot, window):
    new_report(qtbot, window, "congyan")
    window.editor.setCurrentIndex(3)
    tab = window.editor.currentWidget()
    tab.heading.setFocus()
    qtbot.waitUntil(lambda: tab.heading.hasFocus())
    qtbot.keyClick(tab.heading, Qt.Key.Key_PageUp,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [s.heading for s in window.current_report().sections] == ["履职情况", "下步措施", "存在问题"]
    assert window.editor.currentWidget() is tab and window.editor.tabText(2) == "二、下步措施"
    assert QApplication.focusWidget() is tab.heading
    window.undo()
    assert [s.heading for s in window.current_report().sections] == ["履职情况", "存在问题", "下步措施"]
