"""The main window: wiring of report list, editor, autosave, menus and settings; no SQL, no layout logic."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models import APP_VERSION, history
from models.report import Report
from models.store import Store, StoreError
from models.templates import template_names
from ui.actions import HOOKED, NEEDS_REPORT, SELF_MANAGED, WRITES, build_menus, follow_undo_stack
from ui.debounce import Debouncer
from ui.dialogs.base import Dialogs
from ui.document_actions import DocumentActions
from ui.editor.autosave import Autosaver
from ui.editor.report_editor import ReportEditor
from ui.fit import ListShrinks, keep_editor_room
from ui.memory import drop_module_sources
from ui.preview.typesetter import prefetch
from ui.report_commands import ReportCommands
from ui.report_list import ReportList
from ui.settings import make_settings
from ui.startup import AfterFirstPaint, preload_pdfium
from ui.template_actions import TemplateActions
from ui.toolbar import build_toolbar
from ui.widgets import EmptyPage, fit_to_screen, when
from ui.window_keys import EditorZoom, KeyGuard
from ui.window_state import restore_window, save_window

if TYPE_CHECKING:
    from ui.dialogs.trash_dialog import TrashDialog

CHANGE_DELAY_MS = 300
CHANGE_MAX_WAIT_MS = 1000  # counts, 检查 and preview follow a typist who never pauses


class MainWindow(ReportCommands, QMainWindow):
    """One window over one Store; the open report is edited in place and autosaved."""

    reportChanged = Signal()  # after edits, debounced; panels (检查, 预览) listen
    reportOpened = Signal()  # another report (or none) is now shown

    def __init__(self, store: Store, settings: QSettings | None = None, dialogs: Dialogs | None = None):
        super().__init__()
        drop_module_sources()  # ~10 MB of module sources read at import by PySide's hook
        self.store = store
        self.settings = settings if settings is not None else make_settings()
        self.dialogs = dialogs or Dialogs()
        self._first = self._last_report()
        if self._first is not None:
            prefetch(self._first)  # typeset in the worker while the rest of the window is built
        self.kind_names = template_names()
        self.trash_dialog: TrashDialog | None = None
        self._tab_of: dict[int, int] = {}  # report id -> the tab it was left on, this session
        self.setWindowTitle(self._title(None))
        self.after_paint = AfterFirstPaint(self)  # start-up work the first screen does not need
        self.after_paint.add(preload_pdfium)
        if fit_to_screen(self, 1400, 900):
            self.setWindowState(Qt.WindowState.WindowMaximized)  # first run on a small screen; saved geometry wins

        self.undo_stack = QUndoStack(self)
        self.report_list = ReportList(self)
        self.report_list.set_kind_names(self.kind_names)
        self.editor = ReportEditor(self.undo_stack, self)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fdecea; color: #8a1c1c; padding: 6px 10px; border: 1px solid #f5c2c0;")
        self.banner.hide()
        self.empty = EmptyPage(self)
        self.empty.new_button.clicked.connect(self.new_report)
        self.empty.import_button.clicked.connect(self.import_file)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.editor)
        right = QWidget(self)
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(0, 0, 0, 0)
        rlay.setSpacing(0)
        rlay.addWidget(self.banner)
        rlay.addWidget(self.stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        ListShrinks(self.splitter)
        self.splitter.addWidget(self.report_list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 920])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.count_label = QLabel(self)
        self.count_label.setStyleSheet("color: #888;")
        self.save_label = QLabel(self)
        self.save_label.setStyleSheet("color: #888;")
        self.statusBar().addPermanentWidget(self.save_label)
        self.statusBar().addPermanentWidget(self.count_label)

        self.menu_actions = build_menus(self)
        self.keys = KeyGuard(self)
        self.templates = TemplateActions(self)
        self.toolbar = build_toolbar(self)
        next(a.menu() for a in self.menuBar().actions() if a.text().startswith(self.tr("报告"))).addAction(
            self.menu_actions["toolbar"])  # 报告 > 显示工具栏
        self.zoom = EditorZoom(self)
        self.autosave = Autosaver(self._save, self)
        self.autosave.saved.connect(self._saved)
        self.autosave.failed.connect(self._save_failed)
        self.change_timer = Debouncer(CHANGE_DELAY_MS, CHANGE_MAX_WAIT_MS, self)
        self.change_timer.timeout.connect(self._changed_settled)

        self.report_list.reportSelected.connect(self.open_report)
        self.report_list.newRequested.connect(self.new_report)
        self.report_list.copyRequested.connect(self.copy_report)
        self.report_list.deleteRequested.connect(self.delete_report)
        self.report_list.searchChanged.connect(lambda _t: self.reload_list())
        self.report_list.matchWanted.connect(lambda: self.editor.report is not None and self._show_match(self.editor.report))
        self.editor.edited.connect(self._edited)
        self.editor.titleChanged.connect(self._title_edited)
        self.editor.currentChanged.connect(lambda _i: self.autosave.flush())
        follow_undo_stack(self, self.undo_stack)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._watching_focus = True

        self.readonly = bool(getattr(store, "readonly", False))
        if self.readonly:
            self.editor.set_readonly(True)
            reason = getattr(store, "readonly_reason", "") or self.tr("报告库以只读方式打开，只能查看和导出，不能修改。")
            self.banner.setText(reason)
            self.banner.show()
            for w in (self.report_list.new_button, self.report_list.copy_button, self.report_list.delete_button,
                      self.empty.new_button, self.empty.import_button):
                w.setVisible(False)
        self._available = {k for k in self.menu_actions if k not in HOOKED}
        self.docs = DocumentActions(self)
        self._available.update(HOOKED)
        self._restore_settings()

    # -- public hooks for panels ---------------------------------------------------

    def current_report(self) -> Report | None:
        return self.editor.report

    def select_field(self, field_path: str, start: int, end: int) -> None:
        """Show the widget of ``field_path`` (models/fields.py) and select characters start..end."""
        self.editor.select_field(field_path, start, end)

    def add_panel(self, widget: QWidget, title: str,
                  area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea) -> QDockWidget:
        """Dock a panel (检查, 预览) at the side of the window."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{widget.objectName() or title}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def enable_feature(self, *keys: str) -> None:
        """Switch on menu entries whose hook now works ("export_pdf", "print", "checks", …)."""
        self._available.update(keys)
        self.update_actions()

    def update_actions(self) -> None:
        """Menu entries on or off by what is available, whether a report is open, and read-only mode."""
        has_report = self.editor.report is not None
        for key, act in self.menu_actions.items():
            if key in SELF_MANAGED:
                continue
            on = key in self._available and (has_report or key not in NEEDS_REPORT)
            act.setEnabled(on and not (self.readonly and key in WRITES))

    # Paper, import, history and backups live in DocumentActions; these are the menu's entry points.
    def import_file(self) -> None:
        """文件 > 导入…: read .json/.txt/.docx/.doc/.wps as a new report."""
        self.docs.import_file()

    def paste_import(self) -> None:
        self.docs.paste_import()

    def export_pdf(self) -> None:
        """文件 > 导出PDF… (Ctrl+E)."""
        self.docs.export_pdf()

    def export_docx(self) -> None:
        """文件 > 导出Word文档…: the same report as a .docx on the grid, for Word and WPS."""
        self.docs.export_as(".docx")

    def export_ofd(self) -> None:
        """文件 > 导出OFD…: the PDF's pages as OFD (GB/T 33190) for 信创 readers and archives."""
        self.docs.export_as(".ofd")

    def print_report(self) -> None:
        """文件 > 打印… (Ctrl+P)."""
        self.docs.print_report()

    def show_checks(self) -> None:
        self.docs.show_panel(self.docs.checks_dock)
        self.docs.checks.take_keyboard()

    def show_preview(self) -> None:
        self.docs.show_panel(self.docs.preview_dock)

    def show_history(self) -> None:
        self.docs.show_history()

    def restore_backup(self) -> None:
        self.docs.restore_backup()

    # -- the report list -----------------------------------------------------------

    def reload_list(self, select: int | None = None) -> None:
        current = self.editor.report.id if self.editor.report else None
        reports = self.store.list_reports(self.report_list.search.text().strip())
        self.report_list.fill(reports, select if select is not None else current)

    def open_report(self, report_id: int | None) -> bool:
        """Show another report; the current one is saved first and stays if that fails."""
        current = self.editor.report
        if current is not None and current.id == report_id:
            return True
        if not self.autosave.flush():
            self.report_list.select(current.id if current else None)
            return False
        if current is not None and current.id is not None:
            self._tab_of[current.id] = self.editor.currentIndex()  # back to this tab when it is opened again
        report, first, self._first = None, self._first, None
        if first is not None and first.id == report_id:
            report = first  # read a moment ago, for prefetch
        elif report_id is not None:
            try:
                report = self.store.load(report_id)
            except StoreError as e:
                self.dialogs.error(self, self.tr("打开报告"), str(e))
        self.autosave.discard()
        self.editor.set_report(report)
        if report is not None and 0 < self._tab_of.get(report.id, 0) < self.editor.count():
            self.editor.setCurrentIndex(self._tab_of[report.id])
        self.stack.setCurrentWidget(self.editor if report else self.empty)
        if report is None and not self.readonly and not self.report_list.search.text():
            self.empty.new_button.setFocus()  # Enter starts the first report
        self.report_list.select(report.id if report else None)
        self.update_actions()
        self.setWindowTitle(self._title(report))
        self._show_count()
        if report is not None:
            self.settings.setValue("report/last", report.id)
            self._show_match(report)
            # This report's own last save, not the time the one shown before was saved.
            self.save_label.setText(self.tr("已保存 ") + when(report.updated, precise=True) if report.updated else "")
        self.reportOpened.emit()
        self.reportChanged.emit()
        return report is not None

    def _show_match(self, report: Report) -> None:
        """Opened from a search: the tab and place of the first match, selected; the keyboard stays in the list."""
        from models.fields import iter_fields

        words = self.report_list.search.text().strip()
        if not words:
            return
        for path, text in iter_fields(report):
            at = text.find(words) if path != "date" and isinstance(text, str) else -1
            if at >= 0:
                keep = QApplication.focusWidget()
                try:
                    self.select_field(path, at, at + len(words))
                except KeyError:
                    return
                if keep is not None and self.report_list.isAncestorOf(keep):
                    # Back to the list as a popup would take it: a one-line field (引领句, 标题) keeps its selection
                    # shown (Qt clears it on other reasons).
                    keep.setFocus(Qt.FocusReason.PopupFocusReason)
                return

    def _title(self, report: Report | None) -> str:
        # Ends with the application's display name (ui/app.py), so Qt does not add it a second time.
        base = self.tr("天报 报告填报助手")
        ro = self.tr("（只读）") if getattr(self, "readonly", False) else ""
        if report is None:
            return ro + base if ro else base
        return f"{ro}{report.title.replace(chr(10), '') or self.tr('（无标题）')} — {base}"

    def focus_search(self) -> None:
        self.report_list.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.report_list.search.selectAll()

    def show_shortcuts(self) -> None:
        from ui.actions import shortcut_text

        self.dialogs.info(self, self.tr("快捷键一览"), shortcut_text())

    def show_about(self) -> None:
        self.dialogs.info(self, self.tr("关于天报"), self.tr(
            "天报 报告填报助手 %1\n填写结构化报告，导出符合 GB/T 9704-2012 的 PDF。\n\n报告库文件（备份或拷贝时用）：\n%2")
            .replace("%1", APP_VERSION).replace("%2", str(self.store.path)))

    # -- editing commands -------------------------------------------------------------

    def undo(self) -> None:
        self.undo_stack.undo()

    def redo(self) -> None:
        self.undo_stack.redo()

    # -- saving -----------------------------------------------------------------------

    def _save(self) -> None:
        if self.editor.report is not None and not self.readonly:
            self.store.save(self.editor.report)

    def save_now(self) -> None:
        """Ctrl+S: commit at once and say so."""
        if self.autosave.flush(force=True):
            self.docs.snapshot(history.REASON_SAVE)
            self.statusBar().showMessage(self.tr("已保存 ") + self.save_label.property("time"), 5000)

    def _saved(self, time: str) -> None:
        if not self.readonly:
            self.banner.hide()
        report = self.editor.report
        if report is not None and report.id is not None:
            self.report_list.set_updated(report.id, report.updated)
        self.save_label.setProperty("time", time)
        self.save_label.setText(self.tr("已自动保存 ") + time)

    def _save_failed(self, message: str) -> None:
        self.banner.setText(self.tr("保存失败：%1 输入的内容仍在窗口中，再次修改或按 Ctrl+S 时会重试。").replace("%1", message))
        self.banner.show()
        self.statusBar().showMessage(self.tr("保存失败"), 5000)

    def _edited(self) -> None:
        self.autosave.schedule()
        self.change_timer.poke()

    def _title_edited(self, title: str) -> None:
        report = self.editor.report
        if report is not None and report.id is not None:
            self.report_list.set_title(report.id, title)
            self.setWindowTitle(self._title(report))

    def _changed_settled(self) -> None:
        self.editor.update_counts()
        self._show_count()
        self.reportChanged.emit()

    def _show_count(self) -> None:
        report = self.editor.report
        self.count_label.setText(self.tr("全文 %1 字").replace("%1", str(report.char_count())) if report else "")

    def _focus_changed(self, _old, _new) -> None:
        if self.autosave.dirty:
            self.autosave.flush()

    # -- settings and closing ------------------------------------------------------------

    def _last_id(self, ids: list[int]) -> int | None:
        """The report the window opens with: the one open when it was last closed, else the newest."""
        last = self.settings.value("report/last")
        last_id = int(last) if last not in (None, "") and str(last).isdigit() else None
        return last_id if last_id in ids else (ids[0] if ids else None)

    def _last_report(self) -> Report | None:
        """The report the window will open with, read before the window is built (for prefetch), or None."""
        try:
            rid = self._last_id([r.id for r in self.store.list_reports()])
            return self.store.load(rid) if rid is not None else None
        except StoreError:
            return None  # open_report says what is wrong with it

    def _restore_settings(self) -> None:
        restore_window(self)
        self.reload_list()
        self.open_report(self._last_id(self.report_list.ids()))

    def save_settings(self) -> None:
        save_window(self)
        report = self.editor.report
        self.settings.setValue("report/last", report.id if report else "")
        self.settings.sync()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.isVisible() and 0 < self.width() < event.oldSize().width():
            # Once the new width has reached the splitter and the dock area (they are laid out after this).
            old = event.oldSize().width()
            QTimer.singleShot(0, self, lambda: keep_editor_room(self, (self.docs.checks_dock, self.docs.preview_dock), old))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.autosave.flush() and not self.dialogs.confirm(
            self, self.tr("保存失败"), self.tr("最近的修改没能保存。仍然关闭将丢失这些修改，确定关闭吗？"),
            yes=self.tr("仍然关闭"), no=self.tr("返回窗口"), risky=True,
        ):
            event.ignore()
            return
        self.save_settings()
        self.after_paint.cancel()
        self.docs.typesetter.shutdown()
        self.keys.detach()
        if self._watching_focus:
            self._watching_focus = False
            QApplication.instance().focusChanged.disconnect(self._focus_changed)
        super().closeEvent(event)
