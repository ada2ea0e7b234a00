"""检查 names a section that would print as a bare heading, and a click on it goes to that section's heading."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.report import Item, Report, Section


def test_a_bare_section_is_named_and_a_click_goes_there(qtbot, window):
    report = Report(title="关于2026年工作情况的报告", signature="某某局", date=_dt.date(2026, 12, 2), sections=[
        Section(heading="工作情况", items=[Item("抓学习", "坚持第一议题制度。")]),
        Section(heading="存在问题", items=[Item(), Item()]),
    ])
    window.add_report(report)
    panel = window.docs.checks
    window.show_checks()
    qtbot.waitUntil(lambda: any(f.field == "sections.1.heading" for f in panel.findings))
    bare = [f for f in panel.findings if f.field == "sections.1.heading"]
    assert [f.describe() for f in bare] == [
        "第二部分标题：“存在问题”只有标题没有内容，打印出来只有标题一行，请补写内容或删除本部分"]
    assert not [f for f in panel.findings if f.field.startswith("sections.1.items")]  # one finding, not three
    window.editor.setCurrentIndex(0)
    rect = panel.list.visualItemRect(panel.item_for(bare[0]))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    tab = window.editor.currentWidget()
    assert getattr(tab, "section", None) is window.current_report().sections[1]
    assert QApplication.focusWidget() is tab.heading
