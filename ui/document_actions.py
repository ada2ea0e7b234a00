"""Everything around the typesetter for the main window: preview, 检查, export, print, import, history, backups."""

from __future__ import annotations

import datetime as _dt
import gc
import time

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QTabBar

from models import history
from models.store import StoreError
from ui.check_panel import CheckPanel
from ui.editor.carried_marks import show_marks
from ui.editor.commands import ChangeTexts, changed_texts
from ui.export_actions import ExportActions, WaitCursor, default_pdf_name  # noqa: F401 (re-exported)
from ui.fit import PANEL_WIDTH, lay_out_first_run
from ui.memory import release_memory
from ui.preview.preview_panel import PreviewPanel
from ui.preview.typesetter import Typesetter
from ui.proofread_actions import ProofreadActions
from ui.startup import after_first_page, warm_checks

SNAPSHOT_TICK_MS = 60_000
FACTS_DELAY_MS = 50  # after a typesetting result, before 检查 takes its facts: the page is painted and
# a key pressed meanwhile is served first (a shorter wait ran the checks straight after the paint)
SIDE_BY_SIDE_MIN_WIDTH = 1600  # window px from which 检查 and 预览 stand beside each other, not stacked
TYPING_CREDIT_S = 5.0  # editing time credited per settled burst of typing, at most



def open_link(url: str) -> None:
    """The folder an export went to, in the system's file manager."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl(url))

class DocumentActions(ExportActions, QObject):
    """Owns the preview and 检查 docks and the steps that turn the open report into paper."""

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.typesetter = Typesetter(self)
        self.first_check_pending = False  # the report opened at start-up is checked after the first paint
        self._facts = None  # the newest typesetting facts, waiting for 检查 (_apply_facts)
        self.preview = PreviewPanel()
        self.preview.setObjectName("preview")
        self.checks = CheckPanel()
        self.checks.setObjectName("checks")
        self.checks.set_readonly(window.readonly)
        self.proof = ProofreadActions(window, self.checks)
        self.checks_dock = window.add_panel(self.checks, self.tr("检查"))
        self.preview_dock = window.add_panel(self.preview, self.tr("打印预览"))  # as in the menu (F8)
        window.tabifyDockWidget(self.checks_dock, self.preview_dock)
        self.checks_dock.raise_()
        window.menu_actions["side_by_side"].setCheckable(True)
        # A first-run width at which a page reads; a saved dock state overrides it.
        lay_out_first_run(window, self.checks_dock)  # narrower on a 1024 px screen, where the editor needs it
        self.export_link = QLabel(window)
        self.export_link.setTextFormat(Qt.TextFormat.RichText)
        self.export_link.linkActivated.connect(open_link)
        self.export_link.hide()
        window.statusBar().addWidget(self.export_link)
        from ui.import_notice import ImportNotice, PasteOffer

        self.notice = ImportNotice(window)
        self.paste_offer = PasteOffer(window, self.paste_import)

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
        self.checks.findingsChanged.connect(self._mark_preview)
        self.checks_dock.toggleViewAction().toggled.connect(self._mark_preview)
        self.checks.fixRequested.connect(self.fix_one)
        self.checks.fixAllRequested.connect(self.fix_all)
        window.reportChanged.connect(self._report_changed)
        window.reportOpened.connect(self._report_opened)
        window.reportChanged.connect(lambda: show_marks(window.editor))  # 沿用 tint follows the text
        window.editor.currentChanged.connect(lambda _i: show_marks(window.editor))

        # 历史版本 every 10 minutes of editing: credit time to bursts of typing.
        self.editing_seconds = 0.0
        self.last_snapshot: _dt.datetime | None = None
        self._last_edit = 0.0
        window.editor.edited.connect(self._credit_editing)
        self.snapshot_timer = QTimer(self, interval=SNAPSHOT_TICK_MS)
        self.snapshot_timer.timeout.connect(self._periodic_snapshot)
        self.snapshot_timer.start()

    # -- live preview and checks ------------------------------------------------------

    def toggle_side_by_side(self) -> None:
        """报告 > 检查与预览并排: both panels at once (the list of findings beside the page), or one tab again."""
        act = self.w.menu_actions["side_by_side"]
        side = bool(self.w.tabifiedDockWidgets(self.checks_dock))
        if side:
            # Beside each other on a wide screen; on 1366 px the editor needs the width: one above the other.
            wide = self.w.width() >= SIDE_BY_SIDE_MIN_WIDTH
            orient = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
            # splitDockWidget only adds another tab while the first dock sits in a tab group: take it out first.
            area = self.w.dockWidgetArea(self.checks_dock)
            for dock in (self.checks_dock, self.preview_dock):
                self.w.removeDockWidget(dock)
            self.w.addDockWidget(area, self.checks_dock)
            self.w.addDockWidget(area, self.preview_dock, orient)
            # Qt leaves the tab bar of the old group on screen, over the preview: hide it (Qt shows it again
            # when the docks are tabbed anew).
            for bar in self.w.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
                bar.hide()
            self.checks_dock.show()
            self.preview_dock.show()
            if wide:
                self.w.resizeDocks([self.checks_dock, self.preview_dock], [PANEL_WIDTH * 3 // 4, PANEL_WIDTH], orient)
            else:
                h = self.w.height()
                self.w.resizeDocks([self.checks_dock, self.preview_dock], [h * 2 // 5, h * 3 // 5], orient)
        else:
            self.w.tabifyDockWidget(self.checks_dock, self.preview_dock)
            self.preview_dock.raise_()
        act.setChecked(side)
        self.w.settings.setValue("window/side_by_side", side)

    def show_font_settings(self) -> None:
        """报告 > 字体设置…: after 确定 the open report is typeset again in the chosen faces."""
        from ui.dialogs.font_dialog import FontSettingsDialog

        dlg = FontSettingsDialog(self.w.current_report(), self.w)
        dlg.accepted.connect(self._fonts_changed)
        self.font_dialog = dlg
        dlg.open()

    def _fonts_changed(self) -> None:
        report = self.w.current_report()
        if report is not None:
            self.checks.facts = None
            self.typesetter.run_now(report)
        self.w.statusBar().showMessage(self.tr("字体设置已保存，导出、预览和打印都将使用所选字体"), 8000)

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
        self._facts = None  # facts of the report shown before are not this one's
        self.checks.report = report
        self.first_check_pending = not self.w.isVisible()
        self.checks.hold = self.first_check_pending  # no check in the worker before the first page is drawn
        if self.first_check_pending:
            # The window is being built (start-up): it is shown first, then checked (the first check
            # compiles the proofreader's rules, ~65 ms, on a thread), before the user could read the panel.
            self.w.after_paint.add(lambda: after_first_page(self.preview, self.typesetter,
                                                            lambda: warm_checks(self._check_opened)))
            if report is not None:
                self.checks.show_pending()
        else:
            self.proof.reload()  # the office's rules and this report's ignores; checks now
        if report is not None:
            self.typesetter.run_now(report)
        # The window and the report's cards are long-lived: keep the cyclic collector from walking them
        # again and again while the author types (a full pass over a 143-page report stalled typing).
        gc.freeze()

    def _check_opened(self) -> None:
        if self.first_check_pending and not self.w.after_paint.cancelled:
            self.first_check_pending = False
            self.checks.hold = False
            self.proof.reload()
            self.checks.warm_worker()
            release_memory()  # start-up's work is done: its modules are imported, its rules compiled

    def _edited(self) -> None:
        report = self.w.current_report()
        if report is not None:
            self.typesetter.schedule(report)

    def _report_changed(self) -> None:
        report = self.w.current_report()
        self.paste_offer.check(report)
        self._facts = None
        self.checks.set_report(report)
        if report is not None:
            self.typesetter.schedule(report)

    def _mark_preview(self) -> None:
        """While 检查 is open (even behind the preview's tab), its findings are marked on the pages."""
        shown = self.checks_dock.toggleViewAction().isChecked()
        self.preview.set_marks(self.checks.findings if shown else [])

    def _typeset(self, result) -> None:
        self.preview.show_result(result)
        if self.first_check_pending:  # start-up: kept for the first check, not checked here ahead of it
            self.checks.facts = result.facts
            return
        # 检查 with the new facts a moment later, as a task of its own: the page is painted first, and keys
        # and timers due meanwhile are served between the two (~35 ms of checks and ~15 ms of rendering on a
        # 143-page report stalled typing for ~50 ms as one task).
        self._facts = result.facts
        QTimer.singleShot(FACTS_DELAY_MS, self._apply_facts)

    def _apply_facts(self) -> None:
        facts, self._facts = self._facts, None
        if facts is not None:  # several results in one turn: only the newest facts are checked
            self.checks.set_facts(facts)
            release_memory()  # what the run and the check freed (under 1 ms)

    def _apply_to_report(self, change, text: str) -> bool:
        """Change the open report's text (a fix) as one step of 撤销 named ``text``, then show and save it."""
        report = self.w.current_report()
        if report is None or self.w.readonly:
            return False
        if not self.w.autosave.flush():
            return False
        before, after = changed_texts(report, change)
        if not after:
            return False  # nothing changed (the text moved on since it was checked)
        self.w.undo_stack.push(ChangeTexts(self.w.editor, text, before, after))
        self.w.autosave.flush(force=True)
        self.w.reportChanged.emit()
        self.checks.refresh()  # the fixed finding leaves the list at once, not after a typing pause
        return True

    def fix_one(self, finding) -> None:
        from models.checks import apply_fix

        self._apply_to_report(lambda r: apply_fix(r, finding), self.tr("检查修改"))

    def fix_all(self, kind: str) -> None:
        from models.checks import apply_all_fixes

        done = []
        if self._apply_to_report(lambda r: done.append(apply_all_fixes(r, kind, self.checks.settings)),
                                 self.tr("检查全部修改")) and done[0]:
            # Many places changed at once, most of them out of sight: say how many, and how to take it back.
            self.w.statusBar().showMessage(
                self.tr("已改正 %1 处（Ctrl+Z 撤销）").replace("%1", str(done[0])), 8000)

    # -- import ----------------------------------------------------------------------

    def import_file(self) -> None:
        """导入: .txt (UTF-8 or GB18030), .docx, .doc/.wps or a .json data file becomes a new report."""
        from models.exchange import ExchangeError
        from models.importers.dispatch import read_report_file

        path = self.w.dialogs.get_open_path(
            self.w, self.tr("导入报告"),
            self.tr("报告文件 (*.docx *.doc *.wps *.txt *.json);;所有文件 (*)"),
        )
        if not path:
            return
        try:
            with WaitCursor():
                report, info = read_report_file(path)
        except ExchangeError as e:
            self.w.dialogs.error(self.w, self.tr("导入报告"), str(e))
            return
        rid = self.w.add_report(report)
        if rid is not None:
            lines = info.lines() if hasattr(info, "lines") else [str(info)]
            self.notice.show(rid, lines)

    def paste_import(self, text: str = "") -> None:
        """粘贴导入 (prefilled with ``text`` when offered for a whole document pasted into one field)."""
        from models.importers.summary import describe

        report = self.w.dialogs.paste_text(self.w, text) if text else self.w.dialogs.paste_text(self.w)
        if report is None:
            return
        rid = self.w.add_report(report)
        if rid is not None:
            self.notice.show(rid, describe(report).lines())

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
