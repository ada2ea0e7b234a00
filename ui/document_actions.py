"""Everything around the typesetter for the main window: preview, 检查, export, print, import, history, backups."""

from __future__ import annotations

import datetime as _dt
import gc
import html
import time
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QLabel

from models import history
from models.checks import apply_all_fixes, apply_fix, run_checks, summary
from models.store import StoreError
from ui.check_panel import CheckPanel
from ui.preview.preview_panel import PreviewPanel
from ui.preview.typesetter import Typesetter

SNAPSHOT_TICK_MS = 60_000
PANEL_WIDTH = 440
TYPING_CREDIT_S = 5.0  # editing time credited per settled burst of typing, at most


class _WaitCursor:
    def __enter__(self):
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc):
        QGuiApplication.restoreOverrideCursor()


def default_pdf_name(report) -> str:
    """<title>.pdf with characters Windows forbids in file names replaced."""
    title = "".join(report.title.split()) or "报告"
    for ch in '\\/:*?"<>|':
        title = title.replace(ch, "_")
    return title[:80] + ".pdf"


class DocumentActions(QObject):
    """Owns the preview and 检查 docks and the steps that turn the open report into paper."""

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.typesetter = Typesetter(self)
        self.preview = PreviewPanel()
        self.preview.setObjectName("preview")
        self.checks = CheckPanel()
        self.checks.setObjectName("checks")
        self.checks.set_readonly(window.readonly)
        self.checks_dock = window.add_panel(self.checks, self.tr("检查"))
        self.preview_dock = window.add_panel(self.preview, self.tr("打印预览"))  # as in the menu (F8)
        window.tabifyDockWidget(self.checks_dock, self.preview_dock)
        self.checks_dock.raise_()
        # A first-run width at which a page reads; a saved dock state overrides it.
        window.resizeDocks([self.checks_dock], [PANEL_WIDTH], Qt.Orientation.Horizontal)
        self.export_link = QLabel(window)
        self.export_link.setTextFormat(Qt.TextFormat.RichText)
        self.export_link.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.export_link.hide()
        window.statusBar().addWidget(self.export_link)

        self.typesetter.started.connect(self.preview.show_busy)
        self.typesetter.ready.connect(self._typeset)
        self.typesetter.failed.connect(self.preview.show_failure)
        self.typesetter.pagesReady.connect(self.preview.add_pages)
        self.typesetter.visible = self.preview.visible_pages
        self.preview.needPages.connect(self.typesetter.render)
        # The preview follows each edit at once (the worker is another process); counts and 检查's text
        # checks keep the window's short pause (reportChanged), which then finds the text already laid out.
        window.editor.edited.connect(self._edited)
        self.preview.locate.connect(window.select_field)
        self.checks.activated.connect(window.select_field)
        self.checks.fixRequested.connect(self.fix_one)
        self.checks.fixAllRequested.connect(self.fix_all)
        window.reportChanged.connect(self._report_changed)
        window.reportOpened.connect(self._report_opened)

        # 历史版本 every 10 minutes of editing: credit time to bursts of typing.
        self.editing_seconds = 0.0
        self.last_snapshot: _dt.datetime | None = None
        self._last_edit = 0.0
        window.editor.edited.connect(self._credit_editing)
        self.snapshot_timer = QTimer(self, interval=SNAPSHOT_TICK_MS)
        self.snapshot_timer.timeout.connect(self._periodic_snapshot)
        self.snapshot_timer.start()

    # -- live preview and checks ------------------------------------------------------

    def show_panel(self, dock) -> None:
        dock.show()
        dock.raise_()
        dock.widget().setFocus()

    def _report_opened(self) -> None:
        """Another report is shown: check it and typeset it now, not after a typing pause."""
        self.editing_seconds = 0.0
        self.last_snapshot = None
        self.export_link.hide()
        report = self.w.current_report()
        self.checks.facts = None
        self.checks.report = report
        self.checks.refresh()
        if report is not None:
            self.typesetter.run_now(report)
        # The window and the report's cards are long-lived: keep the cyclic collector from walking them
        # again and again while the author types (a full pass over a 143-page report stalled typing).
        gc.freeze()

    def _edited(self) -> None:
        report = self.w.current_report()
        if report is not None:
            self.typesetter.schedule(report)

    def _report_changed(self) -> None:
        report = self.w.current_report()
        self.checks.set_report(report)
        if report is not None:
            self.typesetter.schedule(report)

    def _typeset(self, result) -> None:
        self.preview.show_result(result)
        self.checks.set_facts(result.facts)

    def _apply_to_report(self, change) -> None:
        """Change the open report's text (a fix), then show and save it like typing would."""
        report = self.w.current_report()
        if report is None or self.w.readonly:
            return
        if not self.w.autosave.flush():
            return
        change(report)
        self.w.editor.set_report(report)
        self.w.autosave.flush(force=True)
        self.w.reportChanged.emit()

    def fix_one(self, finding) -> None:
        self._apply_to_report(lambda r: apply_fix(r, finding))

    def fix_all(self, kind: str) -> None:
        self._apply_to_report(lambda r: apply_all_fixes(r, kind))

    # -- export and print --------------------------------------------------------------

    def _render_checked(self, verb: str):
        """(pdf bytes, ExportResult) after the author has seen what is still open, or None."""
        from export.backends.pdf import render_pdf_bytes
        from export.errors import ExportError
        from export.facts import facts_from_result

        report = self.w.current_report()
        if report is None:
            return None
        self.w.autosave.flush()
        try:
            with _WaitCursor():
                data, result = render_pdf_bytes(report)
        except ExportError as e:
            self.w.dialogs.error(self.w, verb, str(e))
            return None
        findings = run_checks(report, facts_from_result(report, result))
        text = summary(findings)
        # Font substitutions are the same on every export from this PC: one line, the list folded away.
        fonts = [s for s in result.warnings if s in set(result.layout.substitutions)]
        lines = ([text + self.tr("。")] if text else []) + [s for s in result.warnings if s not in fonts]
        if fonts:
            lines.append(self.tr("本机缺少部分公文字体，已用相近字体代替（点“显示详情”查看）。"))
        if lines:
            question = "\n\n".join(lines) + "\n\n" + self.tr("仍要%1吗？").replace("%1", verb)
            if not self.w.dialogs.confirm(self.w, verb, question, details="\n".join(fonts),
                                          yes=verb, no=self.tr("返回修改")):
                return None
        return data, result

    def export_pdf(self) -> Path | None:
        """导出PDF: check, ask where (default <title>.pdf in the last folder), write atomically, snapshot."""
        from export.backends.pdf import write_pdf
        from export.errors import ExportError

        rendered = self._render_checked(self.tr("导出PDF"))
        if rendered is None:
            return None
        data, result = rendered
        report = self.w.current_report()
        folder = self.w.settings.value("export/folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())  # 文档, not the bare home folder
        suggested = str(Path(folder) / default_pdf_name(report))
        path = self.w.dialogs.get_save_path(self.w, self.tr("导出PDF"), suggested, self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            write_pdf(data, target)
        except ExportError as e:
            self.w.dialogs.error(self.w, self.tr("导出PDF"), str(e))
            return None
        self.w.settings.setValue("export/folder", str(target.parent))
        self.snapshot(history.REASON_EXPORT)
        # A long title must not push 打开所在文件夹 off the status bar at 1366 px: shorten the middle.
        name = self.export_link.fontMetrics().elidedText(target.name, Qt.TextElideMode.ElideMiddle, 360)
        self.export_link.setToolTip(str(target))
        self.export_link.setText(
            self.tr("已导出 %1 页：%2").replace("%1", str(result.pages)).replace("%2", html.escape(name))
            + f'  <a href="{QUrl.fromLocalFile(str(target.parent)).toString()}">' + self.tr("打开所在文件夹") + "</a>"
        )
        self.export_link.show()
        return target

    def print_report(self) -> int:
        """打印: the same pages as the PDF, at 100 % on A4."""
        from ui.preview.pdf_pages import PdfPages
        from ui.preview.printing import make_printer, print_pdf

        rendered = self._render_checked(self.tr("打印"))
        if rendered is None:
            return 0
        data, result = rendered
        printer = make_printer()
        printer.setDocName(default_pdf_name(self.w.current_report())[:-4])  # the print queue and 打印到文件 name
        printer.setFromTo(1, result.pages)
        if not self.w.dialogs.print_setup(self.w, printer):
            return 0
        pages = PdfPages(data, self)
        try:
            with _WaitCursor():
                printed = print_pdf(pages, printer)
        finally:
            pages.deleteLater()
        # Printing is silent otherwise: say that it happened, or that the printer could not be started.
        if printed:
            self.w.statusBar().showMessage(self.tr("已发送 %1 页到打印机 %2").replace("%1", str(printed))
                                           .replace("%2", printer.printerName() or printer.outputFileName()), 8000)
        else:
            self.w.dialogs.error(self.w, self.tr("打印"), self.tr("无法开始打印，请检查打印机是否已连接并开机。"))
        return printed

    # -- import ----------------------------------------------------------------------

    def import_file(self) -> None:
        """导入: .txt (UTF-8 or GB18030), .docx or a .json data file becomes a new report."""
        from models.exchange import ExchangeError
        from models.importers.dispatch import read_report_file

        path = self.w.dialogs.get_open_path(
            self.w, self.tr("导入报告"), self.tr("报告文件 (*.docx *.txt *.json);;所有文件 (*)")
        )
        if not path:
            return
        try:
            with _WaitCursor():
                report, info = read_report_file(path)
        except ExchangeError as e:
            self.w.dialogs.error(self.w, self.tr("导入报告"), str(e))
            return
        self.w.add_report(report)
        self.w.statusBar().showMessage(str(info), 8000)

    def paste_import(self) -> None:
        report = self.w.dialogs.paste_text(self.w)
        if report is not None:
            self.w.add_report(report)

    # -- history and backups -------------------------------------------------------------

    def snapshot(self, reason: str) -> None:
        report = self.w.current_report()
        if report is None or report.id is None or self.w.readonly:
            return
        try:
            self.w.store.snapshot(report.id, reason)
        except StoreError as e:
            self.w.statusBar().showMessage(self.tr("未能保存历史版本：") + str(e), 8000)
            return
        self.last_snapshot = _dt.datetime.now()
        self.editing_seconds = 0.0

    def _credit_editing(self) -> None:
        now = time.monotonic()
        if self._last_edit:
            self.editing_seconds += min(now - self._last_edit, TYPING_CREDIT_S)
        self._last_edit = now

    def _periodic_snapshot(self) -> None:
        if history.should_snapshot(self.last_snapshot, _dt.datetime.now(), self.editing_seconds):
            if self.w.autosave.flush():
                self.snapshot(history.REASON_PERIODIC)

    def show_history(self) -> None:
        from ui.dialogs.history_dialog import HistoryDialog

        report = self.w.current_report()
        if report is None or report.id is None or not self.w.autosave.flush():
            return
        dlg = HistoryDialog(self.w.store, report.id, self.w, confirm=self.w.dialogs.confirm, error=self.w.dialogs.error)
        dlg.restored.connect(self._restored)
        self.history_dialog = dlg
        dlg.open()

    def _restored(self, report_id: int) -> None:
        self.w.autosave.discard()
        self.w.editor.set_report(None)
        self.w.reload_list(report_id)
        self.w.open_report(report_id)
        self.w.statusBar().showMessage(self.tr("已恢复历史版本；恢复前的内容也已留存，可再次恢复"), 8000)

    def restore_backup(self) -> None:
        from ui.dialogs.backup_dialog import BackupDialog

        if self.w.readonly or not self.w.autosave.flush():
            return
        dlg = BackupDialog(self.w.store.path, self.w, confirm=self.w.dialogs.confirm, error=self.w.dialogs.error)
        dlg.about_to_restore.connect(self._close_store)
        dlg.restored.connect(self._reopen_store)
        dlg.restore_failed.connect(lambda _m: self._reopen_store(""))
        self.backup_dialog = dlg
        dlg.open()

    def _close_store(self) -> None:
        self.w.autosave.flush()
        self.w.autosave.discard()
        self.w.editor.set_report(None)
        self.w.store.close()

    def _reopen_store(self, aside: str) -> None:
        from models.opening import open_store

        try:
            self.w.store, _readonly = open_store(self.w.store.path)
        except StoreError as e:
            self.w.dialogs.error(self.w, self.tr("从备份恢复"), str(e))
            return
        self.w.reload_list()
        ids = self.w.report_list.ids()
        self.w.open_report(ids[0] if ids else None)
        if aside:
            self.w.statusBar().showMessage(self.tr("已从备份恢复；恢复前的文件保存在 ") + aside, 10000)
