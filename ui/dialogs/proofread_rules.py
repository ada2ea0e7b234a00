"""校对规则: the office's own 常用提法 and 易错词 and the 不再提示/忽略此处 entries, each removable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QListWidgetItem, QWidget

from models.proofread.rules import builtin_rules
from models.proofread.settings import FORMULATION_KIND
from ui.widgets import restore_list

_ENTRY = Qt.ItemDataRole.UserRole


class ProofreadRulesDialog(QDialog):
    """Lists what the office added to the proofreader; 删除 takes the selected entry out."""

    changed = Signal()

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("校对规则"))
        self.resize(520, 420)
        note = QLabel(self.tr("本单位加入的常用提法、易错词，以及设为“不再提示”“忽略此处”的写法。"
                              "选中文字后可在“报告”菜单中加入。"), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        self.list, self.empty, self.delete_button = restore_list(self, note, self.tr("还没有本单位的校对规则。"),
                                                                 self.tr("删除"))
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        settings = self.store.proofread_settings()
        for r in settings.rules:
            if r.kind == FORMULATION_KIND:
                text = self.tr("常用提法：%1").replace("%1", r.text)
            else:
                text = self.tr("易错词：%1").replace("%1", r.text) + (f" → {r.suggest}" if r.suggest else "")
            self._add(text, ("rule", r.id))
        reasons = {r.id: r.reason for r in builtin_rules()}
        for i in self.store.proofread_settings_all_ignores():
            where = self.tr("不再提示") if not i.field else self.tr("忽略此处")
            why = reasons.get(i.rule, "")
            self._add(f"{where}：“{i.text}”" + (f"——{why}" if why else ""), ("ignore", i.id))
        if self.list.count():
            self.list.setCurrentRow(0)
        self.delete_button.setEnabled(self.list.currentRow() >= 0)
        self.empty.setVisible(self.list.count() == 0)

    def _add(self, text: str, entry: tuple[str, int | None]) -> None:
        it = QListWidgetItem(text)
        it.setData(_ENTRY, entry)
        self.list.addItem(it)

    def restore_selected(self) -> None:
        """The dialog frame's action button: here it deletes the selected entry."""
        it = self.list.currentItem()
        if it is None:
            return
        kind, entry_id = it.data(_ENTRY)
        if kind == "rule":
            self.store.delete_user_rule(entry_id)
        else:
            self.store.delete_ignore(entry_id)
        self.reload()
        self.changed.emit()
