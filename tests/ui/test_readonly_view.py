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
