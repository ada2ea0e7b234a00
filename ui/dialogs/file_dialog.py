"""Open and save dialogs that speak Chinese throughout, dates included, on Linux too.

Qt's own file dialog (used on Linux desktops without a native one) takes its words from the qtbase
translation but writes dates in the system locale: under LANG=C, “2 12 2026”. A proxy model writes
the 修改日期 column as 2026/12/2 10:42. Native dialogs (Windows, GTK, DDE) ignore the proxy.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QIdentityProxyModel, QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QWidget

DATE_COLUMN = 3  # QFileSystemModel: name, size, type, date modified


class ChineseDates(QIdentityProxyModel):
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.column() == DATE_COLUMN:
            source = self.sourceModel()
            if isinstance(source, QFileSystemModel):
                when = source.lastModified(self.mapToSource(index))
                if when.isValid():
                    return QLocale(QLocale.Language.Chinese, QLocale.Country.China).toString(when, "yyyy/M/d HH:mm")
        return super().data(index, role)


def name_labels(dlg: QFileDialog, *, save: bool) -> None:
    """Chinese words on Qt's own dialog whatever the translation holds: Qt 6 writes “&Look in:” and
    “Files of &type:”, which the qtbase_zh_CN it ships has only in their old spellings (“Look in:”)."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("FileDialog", text)

    label = QFileDialog.DialogLabel
    dlg.setLabelText(label.LookIn, tr("查找范围(&L)："))
    dlg.setLabelText(label.FileName, tr("文件名(&N)："))
    dlg.setLabelText(label.FileType, tr("文件类型(&T)："))
    dlg.setLabelText(label.Accept, tr("保存(&S)") if save else tr("打开(&O)"))
    dlg.setLabelText(label.Reject, tr("取消"))


def ask_path(parent: QWidget | None, title: str, start: str, filters: str, *, save: bool) -> str | None:
    """The chosen file, or None; ``start`` is a folder or, for saving, a suggested file path."""
    dlg = QFileDialog(parent, title, start, filters)
    if save:
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
    dlg.setProxyModel(ChineseDates(dlg))
    name_labels(dlg, save=save)
    if dlg.exec() != QFileDialog.DialogCode.Accepted or not dlg.selectedFiles():
        return None
    return dlg.selectedFiles()[0]
