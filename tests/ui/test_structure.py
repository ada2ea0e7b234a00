"""Sections and items: add, remove, move, rename, numbering, undo; keyboard shortcuts; select_field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from models.report import Item
from tests.ui.conftest import new_report, type_text

CTRL, ALT, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier


def tab_labels(w):
    return [w.editor.tabText(i) for i in range(w.editor.count())]


def filled(w, n=3):
    """A report whose first section has n typed items, shown in its tab."""
    report = new_report(w.qtbot, w)
    report.sections[0].items = [Item(f"第{k + 1}条。", f"内容{k + 1}") for k in range(n)]
    w.editor.set_report(report)
    w.editor.setCurrentIndex(1)
    return report, w.editor.currentWidget()


def test_ctrl_n_opens_template_chooser(qtbot, window):
    qtbot.keyClick(window.report_list.list, Qt.Key.Key_N, CTRL)
    assert window.dialogs.asked == [("template", "")]
    assert window.current_report().kind == "congyan"


def test_ctrl_pageup_pagedown_switch_tabs_from_a_text_box(qtbot, window):
    new_report(qtbot, window)
    body = window.editor.info.preamble
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_PageDown, CTRL)
    assert window.editor.currentIndex() == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, CTRL)
    assert window.editor.currentIndex() == 2
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, CTRL)
    assert window.editor.currentIndex() == 1


def test_shortcuts_in_body_and_numbers(qtbot, window):
    window.qtbot = qtbot
    report, tab = filled(window)
    body = tab.card_for(2).body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    at = body.textCursor().position()
    qtbot.keyClick(body, Qt.Key.Key_Up, ALT)
    assert [i.lead for i in report.sections[0].items] == ["第1条。", "第3条。", "第2条。"]
    assert [c.number.text() for c in tab.cards.cards()] == ["一是", "二是", "三是"]
    assert tab.cards.cards()[1].lead.text() == "第3条。"
    # The keyboard stays in the body being written, cursor and all (it jumped to the moved item's lead).
    moved = tab.cards.cards()[1].body
    assert QApplication.focusWidget() is moved and moved.textCursor().position() == at
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete, CTRL | SHIFT)
    assert [i.lead for i in report.sections[0].items] == ["第1条。", "第2条。"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert [i.lead for i in report.sections[0].items] == ["第1条。", "第3条。", "第2条。"]
    # Up from the first item and down from the last do nothing.
    first = tab.card_for(0).lead
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Up, ALT)
    assert report.sections[0].items[0].lead == "第1条。"


def test_text_undo_stays_with_the_field(qtbot, window):
    window.qtbot = qtbot
    report, tab = filled(window)
    tab.add_button.click()  # structural edit first
    lead = tab.card_for(3).lead
    lead.setFocus()
    type_text(qtbot, lead, "新的一条")
    qtbot.keyClick(lead, Qt.Key.Key_Z, CTRL)
    # Typing came after the add: Ctrl+Z undoes the typing, the item stays.
    assert len(report.sections[0].items) == 4 and lead.text() == ""
    qtbot.keyClick(lead, Qt.Key.Key_Z, CTRL)
    assert len(report.sections[0].items) == 3


def test_numbering_styles(qtbot, window):
    window.qtbot = qtbot
    report, tab = filled(window)
    tab.numbering.setCurrentIndex(2)
    assert [c.number.text() for c in tab.cards.cards()] == ["（一）", "（二）", "（三）"]
    assert report.sections[0].numbering == "heading"
    tab.numbering.setCurrentIndex(1)
    assert (report.sections[0].numbering, report.sections[0].run_on) == ("yishi", True)
    tab.numbering.setCurrentIndex(3)
    assert not any(c.number.isVisible() for c in tab.cards.cards())


def test_sections_add_move_remove_undo(qtbot, window):
    window.qtbot = qtbot
    report, tab = filled(window)
    tab.section_buttons["add"].click()
    assert tab_labels(window) == ["基本信息", "一、履职情况", "二、（未命名）", "三、存在问题", "四、下步措施"]
    new_tab = window.editor.currentWidget()
    assert QApplication.focusWidget() is new_tab.heading
    type_text(qtbot, new_tab.heading, "廉洁自律")
    assert tab_labels(window)[2] == "二、廉洁自律"
    new_tab.section_buttons["right"].click()
    assert [s.heading for s in report.sections] == ["履职情况", "存在问题", "廉洁自律", "下步措施"]
    assert tab_labels(window) == ["基本信息", "一、履职情况", "二、存在问题", "三、廉洁自律", "四、下步措施"]
    window.editor.remove_section_here()
    assert [s.heading for s in report.sections] == ["履职情况", "存在问题", "下步措施"]
    assert tab_labels(window) == ["基本信息", "一、履职情况", "二、存在问题", "三、下步措施"]
    window.undo()
    assert tab_labels(window)[3] == "三、廉洁自律"
    window.undo()  # the move
    window.undo()  # the add
    assert [s.heading for s in report.sections] == ["履职情况", "存在问题", "下步措施"]
    window.redo()
    assert len(report.sections) == 4 and report.sections[1].heading == "廉洁自律"


def test_dragging_a_tab_moves_the_section(qtbot, window):
    window.qtbot = qtbot
    report, _ = filled(window)
    window.editor.tabBar().moveTab(3, 1)
    assert [s.heading for s in report.sections] == ["下步措施", "履职情况", "存在问题"]
    assert tab_labels(window) == ["基本信息", "一、下步措施", "二、履职情况", "三、存在问题"]
    window.undo()
    assert [s.heading for s in report.sections] == ["履职情况", "存在问题", "下步措施"]
    assert tab_labels(window) == ["基本信息", "一、履职情况", "二、存在问题", "三、下步措施"]
    window.editor.tabBar().moveTab(2, 0)  # 基本信息 stays first
    assert window.editor.tabText(0) == "基本信息"
    assert [s.heading for s in report.sections] == ["履职情况", "存在问题", "下步措施"]


def test_drop_reorders_items(qtbot, window):
    window.qtbot = qtbot
    report, tab = filled(window, 4)
    with qtbot.waitSignal(tab.cards.dropped):
        tab.cards.dropped.emit(0, 2)
    assert [i.lead for i in report.sections[0].items] == ["第2条。", "第3条。", "第1条。", "第4条。"]
    cards = tab.cards.cards()
    qtbot.waitUntil(lambda: cards[-1].geometry().top() > 0)  # laid out, as when a person drags
    assert tab.cards.index_at(cards[1].geometry().top() + 2) == 1
    assert tab.cards.index_at(cards[-1].geometry().bottom() + 50) == 4


def test_counts_per_item_section_and_report(qtbot, window):
    window.qtbot = qtbot
    report, tab = filled(window, 2)
    lead = tab.card_for(0).lead
    lead.setFocus()
    type_text(qtbot, lead, "加强 建设")
    assert tab.card_for(0).count.text() == f"{report.sections[0].items[0].char_count()} 字"
    with qtbot.waitSignal(window.reportChanged, timeout=2000):
        pass
    assert tab.count.text() == f"本部分 {report.sections[0].char_count()} 字"
    assert window.count_label.text() == f"全文 {report.char_count()} 字"


def test_select_field_goes_to_the_text(qtbot, window):
    window.qtbot = qtbot
    report, tab = filled(window, 30)
    report.sections[0].items[25].body = "督促班子成员落实“一岗双责”。"
    tab.card_for(25).body.setPlainText(report.sections[0].items[25].body)
    window.editor.setCurrentIndex(0)
    window.select_field("sections.0.items.25.body", 8, 14)
    assert window.editor.currentIndex() == 1
    body = tab.card_for(25).body
    assert QApplication.focusWidget() is body
    assert body.textCursor().selectedText() == "“一岗双责”"
    window.select_field("title", 2, 4)
    assert window.editor.currentIndex() == 0
    assert window.editor.info.title.textCursor().selectedText() == report.title[2:4]
    window.select_field("sections.2.heading", 0, 2)
    assert window.editor.currentIndex() == 3
    assert window.editor.currentWidget().heading.selectedText() == "下步"
    window.select_field("signature", 0, 0)
    assert QApplication.focusWidget() is window.editor.info.signature


def test_dropping_a_card_moves_it(qtbot, window):
    from PySide6.QtCore import QByteArray, QMimeData, QPointF
    from PySide6.QtGui import QDragMoveEvent, QDropEvent

    from ui.editor.item_card import ITEM_MIME

    window.qtbot = qtbot
    report, tab = filled(window, 4)
    cards = tab.cards.cards()
    qtbot.waitUntil(lambda: cards[-1].geometry().top() > 0)
    mime = QMimeData()
    mime.setData(ITEM_MIME, QByteArray(b"0"))
    below_third = QPointF(10, cards[2].geometry().bottom() + 2)
    event = QDropEvent(below_third, Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    # Qt delivers drag events only to the target of a live drag, so hand them to the handlers directly.
    # QDragMoveEvent takes a QPoint in PySide6 6.11 (6.12 also a QPointF).
    move = QDragMoveEvent(below_third.toPoint(), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
    tab.cards.dragMoveEvent(move)
    line = tab.cards.indicator
    assert line.isVisible()
    assert cards[2].mapTo(tab.cards, cards[2].rect().bottomLeft()).y() < line.geometry().center().y()
    assert line.geometry().center().y() < cards[3].mapTo(tab.cards, cards[3].rect().topLeft()).y()
    tab.cards.dropEvent(event)
    assert not line.isVisible()
    assert [i.lead for i in report.sections[0].items] == ["第2条。", "第3条。", "第1条。", "第4条。"]
    assert [c.number.text() for c in tab.cards.cards()] == ["一是", "二是", "三是", "四是"]
    window.undo()
    assert report.sections[0].items[0].lead == "第1条。"


def test_template_dialog_lists_templates(qtbot):
    from models.templates import load_templates
    from ui.dialogs.template_dialog import TemplateDialog

    templates = load_templates()
    dlg = TemplateDialog(templates)
    qtbot.addWidget(dlg)
    assert dlg.list.count() == len(templates)
    assert dlg.chosen().kind == "congyan"
    dlg.list.setCurrentRow(3)
    assert dlg.chosen() is templates[3]
    # Wide enough for the longest description (cut off at the old 560 px), as far as the screen allows.
    longest = max(dlg.list.fontMetrics().horizontalAdvance(t.description) for t in templates)
    cap = int(dlg.screen().availableGeometry().width() * 0.9)
    assert longest + 80 > 560
    assert dlg.width() >= min(longest + 80, cap) > 560


def test_tab_key_walks_the_cards_in_order(qtbot, window):
    window.qtbot = qtbot
    report, tab = filled(window, 2)
    tab.add_button.click()  # a third card, added at the end
    tab.intro.setFocus()
    seen = []
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    c = tab.cards.cards()
    assert seen == [c[0].lead, c[0].body, c[1].lead, c[1].body, c[2].lead, c[2].body, tab.add_button]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is c[2].body
    c[0].lead.setFocus()
    qtbot.keyClick(c[0].lead, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is tab.intro


def test_many_cards_stay_in_order_across_chunks(qtbot, window):
    window.qtbot = qtbot
    report, tab = filled(window, 60)
    qtbot.waitUntil(lambda: tab.built)
    items = report.sections[0].items

    def check():
        cards = tab.cards.cards()
        assert len(cards) == len(items)
        assert all(c.item is it for c, it in zip(cards, items, strict=True))
        assert [i for i, c in enumerate(cards) if not c.isVisibleTo(tab)] == []
        assert [c.number.text() for c in cards[:3]] == ["一是", "二是", "三是"]

    window.editor.move_item(report.sections[0], 0, 59)
    assert items[59].lead == "第1条。"
    check()
    window.editor.remove_item(report.sections[0], 30)
    check()
    window.editor.add_item(report.sections[0], 0)
    check()
    for _ in range(3):
        window.undo()
    check()
    assert [i.lead for i in items] == [f"第{k + 1}条。" for k in range(60)]
    window.select_field("sections.0.items.59.lead", 0, 1)
    qtbot.waitUntil(lambda: not tab.card_for(59).lead.visibleRegion().isEmpty())


def test_text_changed_by_code_refreshes_in_place(qtbot, window):
    window.qtbot = qtbot
    report, tab = filled(window, 3)
    window.editor.setCurrentIndex(2)
    window.editor.remove_item(report.sections[1], 0)  # something to undo
    report.sections[1].heading = "存在的问题"
    report.title = "新标题"
    window.editor.set_report(report)  # what a 检查 fix does after changing the text
    assert window.editor.currentIndex() == 2
    assert window.editor.tabText(2) == "二、存在的问题"
    assert window.editor.info.title.toPlainText() == "新标题"
    assert window.undo_stack.canUndo()
    report.sections[0].items[1].body = "改正后的内容"
    window.editor.set_report(report)
    assert tab.card_for(1).body.toPlainText() == "改正后的内容"


def test_menu_entries_follow_report_and_features(qtbot, window):
    acts = window.menu_actions
    assert not acts["export_pdf"].isEnabled() and not acts["add_item"].isEnabled()
    assert acts["new"].isEnabled() and acts["trash"].isEnabled()
    assert not acts["print"].isEnabled() and not acts["checks"].isEnabled()  # no report open yet
    assert acts["import"].isEnabled() and acts["paste_import"].isEnabled()
    new_report(qtbot, window)
    assert acts["export_pdf"].isEnabled() and acts["add_item"].isEnabled()
    assert acts["print"].isEnabled() and acts["preview"].isEnabled() and acts["history"].isEnabled()


def test_up_on_the_first_item_and_down_on_the_last_are_greyed(qtbot, window):
    window.qtbot = qtbot
    report, tab = filled(window, 3)
    first, middle, last = (tab.card_for(i) for i in range(3))
    assert (first.up_button.isEnabled(), first.down_button.isEnabled()) == (False, True)
    assert (middle.up_button.isEnabled(), middle.down_button.isEnabled()) == (True, True)
    assert (last.up_button.isEnabled(), last.down_button.isEnabled()) == (True, False)
    window.editor.add_item(report.sections[0], 3)  # a new last item: the old last one can move down now
    assert last.down_button.isEnabled() and not tab.card_for(3).down_button.isEnabled()
    window.editor.move_item(report.sections[0], 0, 1)  # the first item moves: its ↑ wakes, the new first's sleeps
    assert first.up_button.isEnabled() and not middle.up_button.isEnabled()
