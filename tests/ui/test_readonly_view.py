"""A read-only database: nothing on screen offers to change text (the 检查 fix buttons, the title says 只读)."""

from __future__ import annotations

from bench.sample_report import sample_report
from models.opening import open_readonly
from models.store import Store
from ui.main_window import MainWindow
from ui.settings import make_settings


def test_read_only_window_offers_no_fixes(qtbot, db_path, dialogs):
    store = Store(db_path)
    store.create(sample_report())  # has half-width punctuation: 全部改为全角标点 would show
    store.close()
    ro = open_readonly(db_path, "报告库所在的文件夹是只读的，只能查看和导出，不能修改。")
    w = MainWindow(ro, make_settings(), dialogs)
    qtbot.addWidget(w)
    w.show()
    panel = w.docs.checks
    panel.refresh()
    assert any(f.fix is not None for f in panel.findings)
    assert not panel.fix_all.isVisible()
    panel.list.setCurrentRow(next(i for i, f in enumerate(panel.findings) if f.fix is not None))
    assert not panel.fix_one.isVisible()
    assert "只读" in w.windowTitle()
    w.close()
    ro.close()


def test_empty_window_offers_new_and_import(qtbot, window, dialogs, tmp_path):
    assert window.stack.currentWidget() is window.empty
    src = tmp_path / "去年.txt"
    src.write_text("按照要求，现报告如下：\n一、履职情况\n一是抓学习。内容。\n", encoding="utf-8")
    dialogs.open_path = str(src)
    window.empty.import_button.click()
    assert window.current_report() is not None and window.current_report().sections[0].heading == "履职情况"


def test_read_only_empty_window_offers_nothing_to_create(qtbot, db_path, dialogs):
    Store(db_path).close()
    ro = open_readonly(db_path, "只读")
    w = MainWindow(ro, make_settings(), dialogs)
    qtbot.addWidget(w)
    w.show()
    assert w.stack.currentWidget() is w.empty
    assert not w.empty.new_button.isVisible() and not w.empty.import_button.isVisible()
    w.close()
    ro.close()


def test_empty_window_enter_starts_a_report(qtbot, window):
    from PySide6.QtCore import Qt

    assert window.empty.new_button.hasFocus()
    qtbot.keyClick(window.empty.new_button, Qt.Key.Key_Return)
    assert window.current_report() is not None


def test_checks_start_with_no_finding_highlighted(qtbot, window):
    from tests.ui.conftest import new_report

    new_report(qtbot, window, "congyan")
    panel = window.docs.checks  # shown from the start; F7 would put the keyboard (and a highlight) there
    panel.refresh()
    assert panel.findings
    assert panel.list.selectedItems() == [] and not panel.fix_one.isVisible()


def test_restored_report_is_shown_and_an_empty_trash_says_so(qtbot, window):
    from tests.ui.conftest import new_report

    a = new_report(qtbot, window, "congyan")
    b = new_report(qtbot, window, "shuzhi")
    window.delete_report()
    assert window.current_report().id == a.id
    window.show_trash()
    dlg = window.trash_dialog
    assert not dlg.empty.isVisible() or dlg.list.count() == 1
    with qtbot.waitSignal(dlg.restored):
        dlg.restore_button.click()
    assert window.current_report().id == b.id
    assert "已从回收站恢复“述职述廉报告”" == window.statusBar().currentMessage()
    assert dlg.list.count() == 0 and dlg.empty.isVisibleTo(dlg)
    dlg.close()
