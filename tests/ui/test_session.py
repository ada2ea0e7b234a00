"""A person's session: create from a template, type, reorder, delete and undo, close, reopen, find it all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.store import Store
from tests.ui.conftest import new_report, type_text

CTRL, ALT, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier


def numbers(tab) -> list[str]:
    return [c.number.text() for c in tab.cards.cards()]


def leads(tab) -> list[str]:
    return [c.lead.text() for c in tab.cards.cards()]


def test_full_session(qtbot, window, db_path):
    w = window
    new_report(qtbot, w, "congyan")
    info = w.editor.info
    assert w.editor.tabText(1) == "一、履职情况" and w.editor.tabText(3) == "三、下步措施"

    info.title.setFocus()
    info.title.selectAll()
    type_text(qtbot, info.title, "关于2026年度履行全面从严治党")
    qtbot.keyClick(info.title, Qt.Key.Key_Return)
    type_text(qtbot, info.title, "责任情况的报告")
    assert w.current_report().title == "关于2026年度履行全面从严治党\n责任情况的报告"
    info.signature.setFocus()
    type_text(qtbot, info.signature, "中共某区委组织部")

    qtbot.keyClick(info.signature, Qt.Key.Key_PageDown, CTRL)
    tab = w.editor.currentWidget()
    assert w.editor.currentIndex() == 1
    first = tab.cards.cards()[0]
    first.lead.setFocus()
    type_text(qtbot, first.lead, "扛牢管党治党政治责任。")
    first.body.setFocus()
    type_text(qtbot, first.body, "始终把抓好党建作为分内之事。")
    qtbot.keyClick(first.body, Qt.Key.Key_Return, CTRL)
    assert numbers(tab) == ["一是", "二是"]
    type_text(qtbot, QApplication.focusWidget(), "把牢政治方向。")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Enter, CTRL)
    type_text(qtbot, QApplication.focusWidget(), "强化理论武装。")
    assert leads(tab) == ["扛牢管党治党政治责任。", "把牢政治方向。", "强化理论武装。"]

    # Alt+Down on the first card: it becomes 二是, the numbers stay in order.
    tab.cards.cards()[0].lead.setFocus()
    qtbot.keyClick(tab.cards.cards()[0].lead, Qt.Key.Key_Down, ALT)
    assert leads(tab) == ["把牢政治方向。", "扛牢管党治党政治责任。", "强化理论武装。"]
    assert numbers(tab) == ["一是", "二是", "三是"]
    assert QApplication.focusWidget() is tab.cards.cards()[1].lead
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up, ALT)
    assert leads(tab)[0] == "扛牢管党治党政治责任。"

    # Delete the first item with its button, then Ctrl+Z brings back its text.
    qtbot.mouseClick(tab.cards.cards()[0].delete_button, Qt.MouseButton.LeftButton)
    assert leads(tab) == ["把牢政治方向。", "强化理论武装。"]
    assert numbers(tab) == ["一是", "二是"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert leads(tab) == ["扛牢管党治党政治责任。", "把牢政治方向。", "强化理论武装。"]
    assert tab.cards.cards()[0].body.toPlainText() == "始终把抓好党建作为分内之事。"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL | SHIFT)
    assert len(tab.cards.cards()) == 2
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert len(tab.cards.cards()) == 3

    # Renaming a section renames its tab.
    tab.heading.setFocus()
    tab.heading.selectAll()
    type_text(qtbot, tab.heading, "主要工作情况")
    assert w.editor.tabText(1) == "一、主要工作情况"

    rid = w.current_report().id
    w.close()
    store = Store(db_path)
    r = store.load(rid)
    store.close()
    assert r.title == "关于2026年度履行全面从严治党\n责任情况的报告"
    assert r.signature == "中共某区委组织部"
    assert r.sections[0].heading == "主要工作情况"
    assert [i.lead for i in r.sections[0].items] == ["扛牢管党治党政治责任。", "把牢政治方向。", "强化理论武装。"]
    assert r.sections[0].items[0].body == "始终把抓好党建作为分内之事。"
    assert [s.heading for s in r.sections[1:]] == ["存在问题", "下步措施"]


def test_undo_redo_after_saves_keeps_every_row(qtbot, window, db_path):
    """Deleted rows' ids can be reused by SQLite; undo re-inserts items as new rows, never over others."""
    from models.report import Item

    report = new_report(qtbot, window)
    section = report.sections[0]
    section.items = [Item("甲。", "一"), Item("乙。", "二")]
    window.editor.set_report(report)
    window.save_now()
    editor = window.editor
    editor.remove_item(section, 1)
    window.save_now()
    editor.add_item(section, 1)
    section.items[1].lead = "丙。"
    window.save_now()
    window.undo()
    window.save_now()
    window.undo()
    window.save_now()
    window.redo()
    window.redo()
    section.items[1].lead = "丁。"
    window.save_now()
    store = Store(db_path)
    assert [i.lead for i in store.load(report.id).sections[0].items] == ["甲。", "丁。"]
    window.undo()
    window.undo()
    window.save_now()
    assert [i.lead for i in store.load(report.id).sections[0].items] == ["甲。", "乙。"]
    store.close()
