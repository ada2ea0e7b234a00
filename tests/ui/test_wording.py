"""The window speaks Chinese throughout and calls each thing by one name (报告, 部分, 条目, 引领句, 正文)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.conftest import new_report
from ui.app import setup_chinese


def test_qt_own_buttons_are_chinese(qapp):
    """QMessageBox 是/否, the file dialog and the text fields' context menu come from Qt's translation."""
    setup_chinese(qapp)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Yes)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().startswith("取消")
    assert box.button(QDialogButtonBox.StandardButton.Yes).text().startswith("是")


def test_item_fields_are_named_as_in_the_readme(qtbot, window):
    new_report(qtbot, window, "congyan")
    window.editor.setCurrentIndex(1)
    card = window.editor.currentWidget().cards.cards()[0]
    assert card.lead.accessibleName() == "引领句"
    assert card.body.accessibleName() == "正文" and card.body.placeholderText().startswith("正文")


def test_delete_question_names_its_buttons(qtbot, window):
    new_report(qtbot, window, "congyan")
    window.dialogs.confirm_answer = False
    window.delete_report()
    assert (window.dialogs.last_confirm["yes"], window.dialogs.last_confirm["no"]) == ("移到回收站", "取消")


def test_menu_names_say_what_moves(window):
    assert window.menu_actions["item_up"].text() == "上移条目"
    assert window.menu_actions["item_down"].text() == "下移条目"
    assert window.menu_actions["checks"].text() == "检查"  # a panel, not a dialog: no …


def test_date_is_called_chengwen_riqi_as_in_checks(qtbot, window):
    """检查 says 成文日期：未填写; the form row has the same name and shows the printed form."""
    from PySide6.QtWidgets import QFormLayout, QLabel

    new_report(qtbot, window, "congyan")
    info = window.editor.info
    form = info.widget().findChild(QFormLayout)
    labels = [form.itemAt(i, QFormLayout.ItemRole.LabelRole).widget().text() for i in range(form.rowCount())]
    assert "成文日期" in labels
    info.has_date.setChecked(True)
    assert info.date_text.text().startswith("打印为 ") and isinstance(info.date_text, QLabel)


def test_panels_are_titled_as_their_menu_entries(window):
    assert window.docs.preview_dock.windowTitle() == window.menu_actions["preview"].text() == "打印预览"
    assert window.docs.checks_dock.windowTitle() == window.menu_actions["checks"].text() == "检查"


def test_preview_says_its_zoom_and_that_lines_can_be_clicked(qtbot, window):
    panel = window.docs.preview
    assert "单击" in panel.strip.toolTip()
    panel._fit()
    before = panel.zoom_label.text()
    assert before.endswith("%")
    panel._zoom(1.2)
    after = panel.zoom_label.text()
    assert after.endswith("%") and int(after[:-1]) > int(before[:-1])


def test_undo_menu_says_what_it_undoes(qtbot, window):
    new_report(qtbot, window, "congyan")
    window.editor.setCurrentIndex(1)
    section = window.current_report().sections[0]
    window.editor.add_item(section, 1)
    assert window.menu_actions["undo"].text() == "撤销“添加条目”" and window.menu_actions["undo"].isEnabled()
    window.undo()
    assert window.menu_actions["redo"].text() == "重做“添加条目”"
    assert window.menu_actions["undo"].text() == "撤销" and not window.menu_actions["undo"].isEnabled()


def test_about_says_where_the_reports_are_kept(window, db_path):
    window.show_about()
    title, text = window.dialogs.asked[-1]
    assert title == "关于天报" and str(db_path) in text


def test_search_without_results_says_so(qtbot, window):
    new_report(qtbot, window, "congyan")
    lst = window.report_list
    lst.search.setText("述职")
    assert lst.list.count() == 0 and lst.no_match.isVisible() and "述职" in lst.no_match.text()
    lst.search.clear()
    assert lst.list.count() == 1 and not lst.no_match.isVisible()


def test_empty_list_says_where_to_begin(qtbot, window):
    """First start: the blank list says what to do instead of staying a white box."""
    lst = window.report_list
    assert lst.list.count() == 0 and lst.no_match.isVisible()
    assert "新建" in lst.no_match.text() and "导入" in lst.no_match.text()
    new_report(qtbot, window, "congyan")
    assert not lst.no_match.isVisible()


def test_deleting_an_item_says_how_to_take_it_back(qtbot, window):
    """A card vanishing under Ctrl+Shift+Delete said nothing; now the status bar offers Ctrl+Z."""
    report = new_report(qtbot, window, "congyan")
    window.editor.setCurrentIndex(1)
    tab = window.editor.currentWidget()
    before = len(report.sections[0].items)
    tab.cards.cards()[0].lead.setFocus()
    qtbot.waitUntil(lambda: window.editor.current_item_index() == 0)
    window.menu_actions["remove_item"].trigger()
    assert len(report.sections[0].items) == before - 1
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    window.undo()
    assert len(report.sections[0].items) == before


def test_an_undated_report_is_dated_today_when_ticked_not_with_the_last_one_shown(qtbot, window):
    import datetime as dt

    from models.report import Report

    dated = Report(title="关于某局2026年工作情况的报告", date=dt.date(2025, 12, 8))
    window.add_report(dated)
    assert window.editor.info.date_text.text() == "打印为 2025年12月8日"
    window.add_report(Report(title="关于2026年度工作总结"))
    info = window.editor.info
    info.has_date.setChecked(True)
    assert window.current_report().date == dt.date.today()
    assert info.date_text.text().endswith(f"{dt.date.today().month}月{dt.date.today().day}日")
