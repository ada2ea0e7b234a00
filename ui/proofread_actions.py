"""The proofreader's window side: the office's rules from the store, ignores from the 检查 panel,
选中文字 → 加入常用提法 / 加入易错词, and the rules file shared within an office."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from models.proofread.settings import (
    CONFUSABLE_KIND,
    FORMULATION_KIND,
    Ignore,
    SettingsFileError,
    UserRule,
    dump_settings,
    load_settings,
)
from models.store import StoreError

_FILTER = "天报校对规则 (*.json)"


class ProofreadActions(QObject):
    def __init__(self, window, checks):
        super().__init__(window)
        self.w = window
        self.checks = checks
        checks.ignoreRequested.connect(self.ignore)

    def reload(self) -> None:
        """Give the panel the store's rules and the open report's ignores."""
        report = self.w.current_report()
        try:
            settings = self.w.store.proofread_settings(report.id if report is not None else None)
        except StoreError:
            settings = None
        self.checks.set_settings(settings)

    def ignore(self, finding, always: bool) -> None:
        report = self.w.current_report()
        if report is None or self.w.readonly:
            return
        rule = finding.rule
        entry = Ignore(rule, finding.text) if always else Ignore(rule, finding.text, finding.field, report.id)
        if self._write(lambda: self.w.store.add_ignore(entry)):
            self.reload()
            self.w.statusBar().showMessage(self.tr("所有报告中的“%1”不再按此提示").replace("%1", finding.text) if always
                                           else self.tr("已忽略此处“%1”").replace("%1", finding.text), 5000)

    def selected_text(self) -> str:
        w = QApplication.focusWidget()
        if isinstance(w, QLineEdit):
            return w.selectedText().strip()
        if isinstance(w, (QPlainTextEdit, QTextEdit)):
            return w.textCursor().selectedText().replace("\u2029", "").strip()
        return ""

    def add_formulation(self) -> None:
        """报告 > 加入常用提法: the selected words are right as written; near misses are reported."""
        text = self._selection(self.tr("加入常用提法"))
        if text and self._write(lambda: self.w.store.add_user_rule(UserRule(FORMULATION_KIND, text))):
            self.reload()
            self.w.statusBar().showMessage(self.tr("已加入常用提法“%1”").replace("%1", text), 5000)

    def add_confusable(self) -> None:
        """报告 > 加入易错词…: the selected words are a slip; the right form is asked for (may stay empty)."""
        title = self.tr("加入易错词")
        text = self._selection(title)
        if not text:
            return
        right = self.w.dialogs.ask_text(self.w, title, self.tr("“%1”的正确写法（只有一种正确写法时填写，可一键修正）：")
                                        .replace("%1", text))
        if right is None:
            return
        rule = UserRule(CONFUSABLE_KIND, text, right.strip())
        if self._write(lambda: self.w.store.add_user_rule(rule)):
            self.reload()
            self.w.statusBar().showMessage(self.tr("已加入易错词“%1”").replace("%1", text), 5000)

    def manage_rules(self) -> None:
        """报告 > 校对规则…: see and remove the office's rules and ignores."""
        from ui.dialogs.proofread_rules import ProofreadRulesDialog

        dlg = ProofreadRulesDialog(self.w.store, self.w)
        dlg.delete_button.setEnabled(dlg.delete_button.isEnabled() and not self.w.readonly)
        dlg.changed.connect(self.reload)
        self.dialog = dlg  # tests reach it; exec() below blocks until it closes
        dlg.exec()

    def export_rules(self) -> None:
        path = self.w.dialogs.get_save_path(self.w, self.tr("导出校对规则"), self.tr("本单位校对规则.json"), _FILTER)
        if not path:
            return
        try:
            dump_settings(self.w.store.proofread_settings(), path)
        except SettingsFileError as e:
            self.w.dialogs.error(self.w, self.tr("导出校对规则"), str(e))
            return
        self.w.statusBar().showMessage(self.tr("已导出校对规则：%1").replace("%1", path), 5000)

    def import_rules(self) -> None:
        title = self.tr("导入校对规则")
        path = self.w.dialogs.get_open_path(self.w, title, _FILTER)
        if not path:
            return
        try:
            settings = load_settings(path)
        except (SettingsFileError, OSError) as e:
            self.w.dialogs.error(self.w, title, str(e) if isinstance(e, SettingsFileError) else
                                 self.tr("无法读取 %1").replace("%1", path))
            return
        added = []
        if self._write(lambda: added.append(self.w.store.import_proofread(settings))):
            self.reload()
            rules, ignores = added[0]
            self.w.dialogs.info(self.w, title, self.tr("已导入 %1 条校对规则、%2 条不再提示。")
                                .replace("%1", str(rules)).replace("%2", str(ignores)))

    def _selection(self, title: str) -> str:
        text = self.selected_text()
        if not text:
            self.w.dialogs.info(self.w, title, self.tr("请先在报告中选中要加入的文字。"))
        elif "\n" in text or len(text) > 60:
            self.w.dialogs.info(self.w, title, self.tr("请选中一个词或一句提法（不超过60个字，不跨段落）。"))
            return ""
        return text

    def _write(self, change) -> bool:
        try:
            change()
            return True
        except StoreError as e:
            self.w.dialogs.error(self.w, self.tr("校对规则"), str(e))
            return False
