"""The report list: 新建, search, 删除 to 回收站 and back, 复制为新报告 with last year's plans."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.report import Item
from models.store import Store
from tests.ui.conftest import new_report, template, type_text
from ui.settings import make_settings


def titles(w):
    lst = w.report_list.list
    return [lst.item(i).text() for i in range(lst.count())]


def test_new_uses_chosen_template(qtbot, window):
    assert window.stack.currentWidget() is window.empty
    report = new_report(qtbot, window, "duizhao")
    assert window.stack.currentWidget() is window.editor
    assert [window.editor.tabText(i) for i in range(window.editor.count())] == [
        "基本信息", "一、存在问题", "二、原因剖析", "三、整改措施"]
    assert window.editor.info.preamble.toPlainText() == template("duizhao").data["preamble"]
    tab = window.editor.widget(1)
    assert tab.card_for(0).number.text() == "（一）"
    assert titles(window) == ["民主生活会个人对照检查材料"]
    assert report.id is not None


def test_new_cancelled_changes_nothing(qtbot, window):
    window.dialogs.kind = "no-such-kind"
    qtbot.mouseClick(window.report_list.new_button, Qt.MouseButton.LeftButton)
    assert window.current_report() is None and titles(window) == []


def test_title_edit_updates_list(qtbot, window):
    new_report(qtbot, window)
    title = window.editor.info.title
    title.setFocus()
    title.selectAll()
    type_text(qtbot, title, "关于2026年度的报告")
    assert titles(window) == ["关于2026年度的报告"]
    assert "关于2026年度的报告" in window.windowTitle()


def test_search_filters_by_title(qtbot, window):
    new_report(qtbot, window, "congyan")
    new_report(qtbot, window, "shuzhi")
    new_report(qtbot, window, "zongjie")
    assert len(titles(window)) == 3
    qtbot.keyClick(window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.report_list.search
    type_text(qtbot, window.report_list.search, "述职")
    assert titles(window) == ["述职述廉报告"]
    window.report_list.search.clear()
    assert len(titles(window)) == 3


def test_delete_to_trash_and_restore(qtbot, window, db_path):
    a = new_report(qtbot, window, "congyan")
    b = new_report(qtbot, window, "shuzhi")
    assert window.current_report().id == b.id
    qtbot.mouseClick(window.report_list.delete_button, Qt.MouseButton.LeftButton)
    assert "回收站" in window.dialogs.asked[-1][1]
    assert titles(window) == ["关于履行全面从严治党责任情况的报告"]
    assert window.current_report().id == a.id
    window.show_trash()
    dlg = window.trash_dialog
    qtbot.waitExposed(dlg)
    assert dlg.list.count() == 1 and dlg.list.item(0).text() == "述职述廉报告"
    with qtbot.waitSignal(dlg.restored):
        qtbot.mouseClick(dlg.restore_button, Qt.MouseButton.LeftButton)
    assert dlg.list.count() == 0
    assert sorted(titles(window)) == sorted(["述职述廉报告", "关于履行全面从严治党责任情况的报告"])
    dlg.close()


def test_delete_declined_keeps_report(qtbot, window):
    new_report(qtbot, window)
    window.dialogs.confirm_answer = False
    qtbot.mouseClick(window.report_list.delete_button, Qt.MouseButton.LeftButton)
    assert len(titles(window)) == 1 and window.current_report() is not None


def test_copy_carries_plans_forward(qtbot, window, db_path):
    old = new_report(qtbot, window, "congyan")
    old.sections[0].items = [Item("去年履职一。", "内容一")]
    old.sections[2].items = [Item("进一步加强党的政治建设。", "深入推进教育培训计划。"),
                             Item("全面加强基层党组织建设。", "抓好换届后工作。")]
    window.editor.set_report(old)  # as if typed; the store gets it on the next save
    window.save_now()
    window.dialogs.confirm_answer = True
    qtbot.mouseClick(window.report_list.copy_button, Qt.MouseButton.LeftButton)
    assert "2 条" in window.dialogs.asked[-1][1]
    new = window.current_report()
    assert new.id != old.id
    assert [i.lead for i in new.sections[0].items] == ["进一步加强党的政治建设。", "全面加强基层党组织建设。"]
    assert [i.lead for i in new.sections[2].items] == ["进一步加强党的政治建设。", "全面加强基层党组织建设。"]
    assert new.date is None
    window.close()
    store = Store(db_path)
    assert store.load(old.id).sections[0].items[0].lead == "去年履职一。"
    assert store.load(new.id).sections[0].items[1].body == "抓好换届后工作。"
    store.close()


def test_copy_without_plans_keeps_items(qtbot, window):
    old = new_report(qtbot, window, "congyan")
    old.sections[0].items = [Item("去年履职一。", "内容一")]
    old.sections[2].items = [Item("措施一。", "")]
    window.editor.set_report(old)
    window.save_now()
    window.dialogs.confirm_answer = False
    qtbot.mouseClick(window.report_list.copy_button, Qt.MouseButton.LeftButton)
    assert [i.lead for i in window.current_report().sections[0].items] == ["去年履职一。"]


def test_last_report_and_geometry_remembered(qtbot, open_window, db_path):
    w = open_window()
    a = new_report(qtbot, w, "congyan")
    new_report(qtbot, w, "shuzhi")
    w.open_report(a.id)
    w.docs.preview_dock.hide()  # room for the splitter on the 800x600 offscreen screen
    w.docs.checks_dock.hide()
    w.layout().activate()  # the smaller minimum width takes effect before resizing
    w.resize(760, 560)
    w.splitter.setSizes([320, 430])
    sizes = w.splitter.sizes()
    w.close()
    w2 = open_window()
    assert w2.current_report().id == a.id
    assert (w2.width(), w2.height()) == (760, 560)
    assert w2.splitter.sizes() == sizes and sizes[0] >= 300
    assert w2.docs.preview_dock.isHidden() and w2.docs.checks_dock.isHidden()


def test_search_then_enter_picks_a_report_by_keyboard(qtbot, window):
    a = new_report(qtbot, window, "congyan")
    new_report(qtbot, window, "shuzhi")
    qtbot.keyClick(window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, window.report_list.search, "从严")
    qtbot.keyClick(window.report_list.search, Qt.Key.Key_Return)
    assert window.focusWidget() is window.report_list.list
    assert window.current_report().id == a.id


def test_a_window_that_filled_a_smaller_screen_fills_the_larger_one(qtbot, open_window):
    w = open_window()
    w.docs.preview_dock.hide()
    w.docs.checks_dock.hide()
    w.layout().activate()
    w.resize(700, 500)
    w.close()
    settings = make_settings()
    assert settings.value("window/screen")  # the screen size is remembered with the geometry
    settings.setValue("window/screen", "720x520")  # as if saved on a smaller screen: 700x500 filled it
    settings.sync()
    w2 = open_window()
    assert w2.isMaximized()
    w2.showNormal()
    w2.resize(700, 500)
    w2.close()
    settings.setValue("window/screen", "1600x1000")  # a window that did not fill its screen keeps its size
    settings.sync()
    w3 = open_window()
    assert not w3.isMaximized()


def test_the_list_keeps_the_time_of_the_last_edit_whole(qtbot, window):
    """On a narrow list the kind of report gives way (…), never the time it was last edited."""
    from PySide6.QtGui import QFontMetrics

    from ui.report_list import detail_parts

    fm = QFontMetrics(window.report_list.font())
    detail = "履行全面从严治党责任情况报告（个人）　今天 16:35"
    kind, stamp = detail_parts(detail, fm, fm.horizontalAdvance("履行全面从严　今天 16:35"))
    assert stamp == "今天 16:35" and kind.endswith("…") and kind.startswith("履行")
    assert detail_parts(detail, fm, 2000) == ("履行全面从严治党责任情况报告（个人）", "今天 16:35")
    assert detail_parts("今天 16:35", fm, 2000) == ("今天 16:35", "")


def test_a_report_opened_from_a_search_shows_where_the_words_are(qtbot, window):
    from models.report import Item

    a = new_report(qtbot, window, "congyan")
    a.sections[1].items = [Item("学习不够深入。", "个别支部落实三会一课不够规范。")]
    window.editor.set_report(a)
    window.save_now()
    new_report(qtbot, window, "shuzhi")
    qtbot.keyClick(window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, window.report_list.search, "三会一课")
    qtbot.keyClick(window.report_list.search, Qt.Key.Key_Return)
    assert window.current_report().id == a.id
    tab = window.editor.currentWidget()
    assert tab is window.editor.section_tabs()[1]  # the tab of the match, not 基本信息
    assert tab.card_for(0).body.textCursor().selectedText() == "三会一课"
    assert window.focusWidget() is window.report_list.list  # the keyboard stays in the list


def test_searching_again_in_the_open_report_goes_to_the_new_words(qtbot, window):
    from models.report import Item

    a = new_report(qtbot, window, "congyan")
    a.sections[0].items = [Item("加强警示教育。", "组织观看警示教育片。")]
    a.sections[1].items = [Item("理论武装不够。", "理论武装的系统性还不强。")]
    window.editor.set_report(a)
    window.save_now()
    qtbot.keyClick(window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, window.report_list.search, "警示教育")
    qtbot.keyClick(window.report_list.search, Qt.Key.Key_Return)
    assert window.editor.currentWidget() is window.editor.section_tabs()[0]
    window.report_list.search.clear()
    type_text(qtbot, window.report_list.search, "理论武装")
    qtbot.waitUntil(lambda: window.report_list.list.count() == 1)
    # The report is open already: Enter, or a click on it, goes to where the new words are.
    qtbot.keyClick(window.report_list.search, Qt.Key.Key_Return)
    tab = window.editor.currentWidget()
    assert tab is window.editor.section_tabs()[1]
    assert tab.card_for(0).lead.selectedText() == "理论武装"
    window.editor.setCurrentIndex(0)
    item = window.report_list.list.item(0)
    rect = window.report_list.list.visualItemRect(item)
    qtbot.mouseClick(window.report_list.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.currentWidget() is window.editor.section_tabs()[1]


def test_going_back_to_a_report_opens_the_tab_it_was_left_on(qtbot, window):
    a = new_report(qtbot, window, "congyan")
    window.editor.setCurrentIndex(2)
    b = new_report(qtbot, window, "shuzhi")
    assert window.current_report().id == b.id and window.editor.currentIndex() == 0
    window.open_report(a.id)
    assert window.editor.currentIndex() == 2
    window.open_report(b.id)
    assert window.editor.currentIndex() == 0


def test_the_status_bar_shows_the_open_reports_own_last_save(qtbot, window):
    a = new_report(qtbot, window, "congyan")
    window.save_now()
    window.store.db.execute("UPDATE reports SET updated = '2025-11-03T10:42:00' WHERE id = ?", [a.id])
    window.store.db.conn.commit()
    new_report(qtbot, window, "shuzhi")
    assert window.save_label.text().startswith("已保存 今天")  # the new report, saved as it was made
    window.open_report(a.id)
    assert window.save_label.text() == "已保存 2025年11月3日 10:42"
