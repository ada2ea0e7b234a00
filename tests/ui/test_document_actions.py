"""Export, print, import, 检查, preview and history, driven through the real window."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdf
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTextEdit

from models.importers.structure import parse_text
from tests.conftest import SAMPLE


def _sample(window):
    report, _ = parse_text(SAMPLE.read_text(encoding="utf-8"))
    report.title = "关于履行全面从严治党责任情况的报告"
    window.add_report(report)
    return window.current_report()


def _typeset(qtbot, window):
    """Until the preview shows the run and 检查 has its facts (they follow the page a moment later)."""
    qtbot.waitUntil(lambda: window.docs.preview.result is not None and window.docs.typesetter.idle()
                    and window.docs.checks.facts is window.docs.preview.result.facts, timeout=15000)


def _selected(widget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.selectedText()
    assert isinstance(widget, QTextEdit)
    return widget.textCursor().selectedText()


def test_export_asks_about_open_places_then_writes_the_pdf(qtbot, window, dialogs, tmp_path):
    _sample(window)
    target = tmp_path / "out" / "报告.pdf"
    target.parent.mkdir()
    dialogs.save_path = str(target.with_suffix(""))  # no suffix typed: .pdf is added
    dialogs.confirm_answer = False
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert not target.exists()
    question = dialogs.asked[-1][1]
    assert "还有 12 处待填写" in question and "仍要导出PDF吗" in question
    dialogs.confirm_answer = True
    assert window.docs.export_pdf() == target
    with pdfplumber.open(target) as pdf:
        assert len(pdf.pages) == 5
        text = "".join(p.extract_text() for p in pdf.pages)
    assert "一是扛牢管党治党政治责任。" in text.replace("\n", "")
    assert window.settings.value("export/folder") == str(target.parent)
    assert [s.reason for s in window.store.snapshots(window.current_report().id)][0] == "导出PDF"
    assert "打开所在文件夹" in window.docs.export_link.text() and window.docs.export_link.isVisible()


def test_export_to_an_impossible_place_says_why_and_writes_nothing(qtbot, window, dialogs, tmp_path):
    _sample(window)
    dialogs.save_path = str(tmp_path / "no-such-folder" / "x.pdf")
    assert window.docs.export_pdf() is None
    assert dialogs.errors and "保存位置不存在" in dialogs.errors[-1]
    assert not (tmp_path / "no-such-folder").exists()


def test_print_to_file_gives_a4_pages_at_full_size(qtbot, window, dialogs, tmp_path):
    _sample(window)
    dialogs.print_path = str(tmp_path / "printed.pdf")
    assert window.docs.print_report() == 5
    reader = pypdf.PdfReader(dialogs.print_path)
    assert len(reader.pages) == 5
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1.5 and abs(float(box.height) - 841.9) < 1.5


def test_import_gb18030_text_file_from_the_menu(qtbot, window, dialogs, tmp_path):
    path = tmp_path / "去年的报告.txt"
    path.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    dialogs.open_path = str(path)
    window.import_file()
    report = window.current_report()
    assert [s.heading for s in report.sections] == ["履职情况", "存在问题", "下步措施"]
    assert [len(s.items) for s in report.sections] == [6, 5, 4]
    assert "3 部分 / 15 条" in window.docs.notice.label.text() and window.docs.notice.label.isVisible()
    assert window.store.load(report.id).sections[2].intro.startswith("针对上述问题")


def test_import_of_a_broken_file_is_refused_clearly(qtbot, window, dialogs, tmp_path):
    path = tmp_path / "坏文件.docx"
    path.write_bytes(b"not a zip at all")
    dialogs.open_path = str(path)
    window.import_file()
    assert window.current_report() is None
    assert dialogs.errors and "Traceback" not in dialogs.errors[-1]


def test_paste_import_makes_a_new_report(qtbot, window, dialogs):
    dialogs.pasted = SAMPLE.read_text(encoding="utf-8")
    window.paste_import()
    assert [len(s.items) for s in window.current_report().sections] == [6, 5, 4]


def test_check_panel_lists_placeholders_and_jumps_to_them(qtbot, window):
    _sample(window)
    panel = window.docs.checks
    qtbot.waitUntil(lambda: panel.list.count() > 0)
    placeholders = [f for f in panel.findings if f.kind == "placeholder"]
    assert len(placeholders) == 12
    item = panel.item_for(placeholders[0])  # below its class's heading row
    rect = panel.list.visualItemRect(item)
    window.show_checks()
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    focused = QApplication.focusWidget()
    assert _selected(focused) in ("X", "***")


def test_fix_all_half_width_punctuation_from_the_panel(qtbot, window):
    report = _sample(window)
    assert "跟踪问效,确保" in report.sections[0].items[1].body
    panel = window.docs.checks
    qtbot.waitUntil(lambda: panel.fix_all.isVisible() or not panel.isVisible(), timeout=3000)
    panel.refresh()
    assert any(f.kind == "halfwidth_punct" for f in panel.findings)
    panel.fix_all.click()
    body = window.store.load(report.id).sections[0].items[1].body
    assert "跟踪问效，确保" in body and "跟踪问效,确保" not in body
    message = window.statusBar().currentMessage()  # most places changed are out of sight: how many, how back
    assert message.startswith("已改正 ") and "Ctrl+Z" in message


def test_preview_shows_the_pages_and_a_click_puts_the_cursor_there(qtbot, window):
    _sample(window)
    window.show_preview()
    _typeset(qtbot, window)
    preview = window.docs.preview
    assert preview.result.pages == 5 and preview.status.text() == "第 1 / 5 页"
    # The page being read, as the pages scroll by.
    bar = preview.scroll.verticalScrollBar()
    bar.setValue(preview.strip._page_rects()[3].top())
    assert preview.status.text() == "第 4 / 5 页"
    bar.setValue(0)
    facts = window.docs.checks.facts
    assert facts is not None and facts.pages == 5
    # Click into the 8th printed line on page 1: a line of the first item's body.
    strip = preview.strip
    rect = strip._page_rects()[0]
    line = preview.result.lines[0][7]
    scale = strip.dpi / 72.0
    y_top = 841.89 - (line.bottom + line.top) / 2
    x = (line.x_start + 100) * scale
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(rect.x() + round(x), rect.y() + round(y_top * scale)))
    item = window.current_report().sections[0].items[0]
    field = QApplication.focusWidget()
    assert field.toPlainText() == item.body
    cursor = field.textCursor()
    assert not cursor.hasSelection() and 0 < cursor.position() < len(item.body)  # typing inserts, replaces nothing


def test_ctrl_s_keeps_a_version_and_history_restores_it(qtbot, window, dialogs):
    report = _sample(window)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    snaps = window.store.snapshots(report.id)
    assert snaps and snaps[0].reason == "保存"
    report.sections[0].items[0].body = "改过的正文。"
    window.editor.set_report(report)
    window.autosave.schedule()
    window.autosave.flush()
    window.show_history()
    dlg = window.docs.history_dialog
    row = dlg.snapshots().index(next(s for s in dlg.snapshots() if s.reason == "保存"))
    dlg.list.setCurrentItem(dlg.list.topLevelItem(row))
    dlg.restore_selected()
    restored = window.current_report()
    assert restored.sections[0].items[0].body.startswith("始终把抓好党建作为分内之事")
    assert window.store.load(report.id).sections[0].items[0].body.startswith("始终把抓好党建")
    reasons = [s.reason for s in window.store.snapshots(report.id)]
    assert "恢复前" in reasons


def test_default_pdf_name_is_the_title_without_forbidden_characters():
    from models.report import Report
    from ui.document_actions import default_pdf_name

    assert default_pdf_name(Report(title="关于A/B:\n“试点”的报告")) == "关于A_B_“试点”的报告.pdf"
    assert default_pdf_name(Report()) == "报告.pdf"
    assert Path(default_pdf_name(Report(title="x" * 300))).stem == "x" * 80


def test_checks_and_preview_side_by_side(qtbot, window):
    _sample(window)
    window.resize(1300, 700)
    checks, preview = window.docs.checks_dock, window.docs.preview_dock
    assert window.tabifiedDockWidgets(checks) == [preview]  # one tab group at first
    window.show_checks()
    window.menu_actions["side_by_side"].trigger()
    assert window.menu_actions["side_by_side"].isChecked()
    assert window.tabifiedDockWidgets(checks) == []
    assert checks.isVisible() and preview.isVisible()
    assert not checks.geometry().intersects(preview.geometry())
    from PySide6.QtWidgets import QTabBar

    def dock_tabs():
        return [b for b in window.findChildren(QTabBar) if b.parent() is window and b.isVisible()]

    assert dock_tabs() == []  # no leftover tab bar over the preview
    window.menu_actions["side_by_side"].trigger()
    assert window.tabifiedDockWidgets(checks) == [preview]
    qtbot.waitUntil(lambda: len(dock_tabs()) == 1)  # the tab group shows its tabs again
