"""回收站: deleted reports, restorable until they are purged."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidgetItem,
    QWidget,
)

from models.store import TRASH_DAYS, Store
from ui.report_list import DETAIL_ROLE, ID_ROLE, TwoLineDelegate, display_title
from ui.widgets import restore_list, when


class TrashDialog(QDialog):
    """Lists the 回收站; 恢复 puts the selected report back in the list."""

    restored = Signal(int)

    def __init__(self, store: Store, names: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.names = names
        self.setWindowTitle(self.tr("回收站"))
        self.resize(480, 400)
        note = QLabel(self.tr("删除的报告保留 %1 天，期间可以恢复。").replace("%1", str(TRASH_DAYS)), self)
        note.setStyleSheet("color: #666;")
        self.list, self.empty, self.restore_button = restore_list(self, note, self.tr("回收站是空的。"), self.tr("恢复"))
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for r in self.store.list_reports(deleted=True):
            it = QListWidgetItem(display_title(r.title))
            it.setData(ID_ROLE, r.id)
            it.setData(DETAIL_ROLE, self.tr("删除于 ") + when(r.deleted_at or ""))
            self.list.addItem(it)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.restore_button.setEnabled(self.list.currentRow() >= 0)
        self.empty.setVisible(self.list.count() == 0)

    def restore_selected(self) -> None:
        it = self.list.currentItem()
        if it is None:
            return
        rid = it.data(ID_ROLE)
        self.store.restore(rid)
        self.reload()
        self.restored.emit(rid)


def open_trash(window) -> TrashDialog:
    """报告 > 回收站 of ``window`` (MainWindow): a restored report is shown at once, so the author sees where it went."""

    def restored(report_id: int) -> None:
        window.reload_list(report_id)
        window.open_report(report_id)
        if window.editor.report is not None:
            title = display_title(window.editor.report.title)
            window.statusBar().showMessage(dlg.tr("已从回收站恢复“%1”").replace("%1", title), 6000)

    dlg = TrashDialog(window.store, window.kind_names, window)
    dlg.restored.connect(restored)
    dlg.open()
    return dlg
