"""The report list's commands for the main window: 新建, 复制为新报告, 删除 (to the 回收站) and the 回收站 itself."""

from __future__ import annotations

from models.report import Report
from models.store import StoreError
from ui.dialogs.carry_forward import carry_forward


class ReportCommands:
    """Mixed into MainWindow: uses its store, dialogs, report list, editor and autosave."""

    def new_report(self) -> None:
        if self.readonly:
            return
        template = self.dialogs.choose_template(self, self.templates.all(), store=self.store)
        if template is not None:
            self.add_report(template.new_report())

    def copy_report(self) -> None:
        """复制为新报告: the selected report as a new draft, offering its plans as 履职情况 drafts."""
        rid = self.report_list.current_id()
        if rid is None or self.readonly or not self.autosave.flush():
            return
        try:
            old = self.store.load(rid)
        except StoreError as e:
            self.dialogs.error(self, self.tr("复制为新报告"), str(e))
            return
        options = self.dialogs.carry_forward(self, old)
        if options is not None:  # Esc, 取消 and the close button make no copy
            self.add_report(carry_forward(old, options.use_plans, options.move_year))

    def add_report(self, report: Report) -> int | None:
        """Store ``report`` as a new report and open it (新建, 复制, and the import hook use this); its id."""
        if not self.autosave.flush():
            return None
        try:
            rid = self.store.create(report)
        except StoreError as e:
            self.dialogs.error(self, self.tr("新建报告"), str(e))
            return None
        self.report_list.search.blockSignals(True)
        self.report_list.search.clear()
        self.report_list.search.blockSignals(False)
        self.reload_list(rid)
        self.open_report(rid)
        self.editor.setCurrentIndex(0)
        self.editor.info.title.setFocus()
        self.editor.info.title.selectAll()  # the template's title is a suggestion: typing replaces it
        return rid

    def delete_report(self) -> None:
        rid = self.report_list.current_id()
        if rid is None or self.readonly:
            return
        try:
            title = self.store.load(rid).title.replace("\n", "") or self.tr("（无标题）")
        except StoreError:  # a report whose data cannot be read may still be put in the 回收站
            title = self.tr("（无法读取的报告）")
        if not self.dialogs.confirm(self, self.tr("删除报告"),
                                    self.tr("把“%1”移到回收站？之后可以在 报告 > 回收站 中恢复。").replace("%1", title),
                                    yes=self.tr("移到回收站"), no=self.tr("取消")):
            return
        if self.trash_report(rid):
            self.statusBar().showMessage(
                self.tr("已把“%1”移到回收站（报告 > 回收站，Ctrl+Shift+T 可恢复）").replace("%1", title), 10000)

    def trash_report(self, rid: int) -> bool:
        """Move report ``rid`` to the 回收站 without asking (删除 asks first; 撤销导入 needs no question)."""
        if not self.autosave.flush():
            return False
        try:
            self.store.delete(rid)
        except StoreError as e:
            self.dialogs.error(self, self.tr("删除报告"), str(e))
            return False
        ids = self.report_list.ids()
        pos = ids.index(rid) if rid in ids else 0
        rest = [i for i in ids if i != rid]
        nxt = rest[min(pos, len(rest) - 1)] if rest else None
        if self.editor.report is not None and self.editor.report.id == rid:
            self.autosave.discard()
            self.editor.set_report(None)
        self.reload_list(nxt)
        self.open_report(nxt)
        return True

    def show_trash(self) -> None:
        if not self.readonly:
            from ui.dialogs.trash_dialog import open_trash

            self.trash_dialog = open_trash(self)
