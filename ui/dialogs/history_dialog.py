"""历史版本: the snapshots of one report, a read-only preview, and 恢复此版本 (itself undoable)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from export.plaintext import printed_text
from models.store import SnapshotInfo, Store, StoreError
from models.textdiff import ONLY_NEW, SAME, diff_runs
from ui.widgets import restore_buttons, when

ID_ROLE = Qt.ItemDataRole.UserRole
CHANGED = "#fff0a8"  # differs from the current text
REMOVED = "#b3261e"  # the current text has more here


def snapshot_time(iso: str, today: _dt.date | None = None) -> str:
    """“今天 10:42:07” or “11月3日 10:42”: precise enough to tell versions of one day apart."""
    return when(iso, today, precise=True)


def ask_question(parent: QWidget, title: str, text: str, **labels: str) -> bool:
    """The window's own yes/no box (buttons named by ``labels``: yes=…, no=…)."""
    from ui.dialogs.base import Dialogs

    return Dialogs().confirm(parent, title, text, **labels)


def show_changes(view: QPlainTextEdit, version: str, current: str) -> None:
    """The version's own text, what differs from the current text on a yellow ground (what restoring changes);
    where the current text has words this version lacks, the character before them is underlined in red."""
    view.clear()
    cursor = view.textCursor()
    plain, back = QTextCharFormat(), QTextCharFormat()
    back.setBackground(QColor(CHANGED))
    for kind, text in diff_runs(version, current):
        if kind == ONLY_NEW:
            mark = QTextCursor(cursor)
            if mark.atBlockStart():  # added after a paragraph: mark that paragraph's last character
                mark.movePosition(QTextCursor.MoveOperation.Left)
            if mark.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor):
                gone = QTextCharFormat()
                gone.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                gone.setUnderlineColor(QColor(REMOVED))
                mark.mergeCharFormat(gone)
            continue
        cursor.insertText(text, plain if kind == SAME else back)
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    view.setTextCursor(cursor)


class HistoryDialog(QDialog):
    """Lists 历史版本 newest first; the window saves pending edits before opening it and reloads on ``restored``."""

    restored = Signal(int)

    def __init__(self, store: Store, report_id: int, parent: QWidget | None = None, *,
                 confirm: Callable[[QWidget, str, str], bool] = ask_question,
                 error: Callable[[QWidget, str, str], None] | None = None):
        super().__init__(parent)
        self.store = store
        self.report_id = report_id
        self.confirm = confirm
        self.error = error or (lambda p, title, text: QMessageBox.critical(p, title, text))
        self.setWindowTitle(self.tr("历史版本"))
        self.resize(900, 560)

        note = QLabel(self.tr("每次导出、按 Ctrl+S 以及编辑满十分钟时自动保存一个版本。恢复前的内容也会保存为一个版本，可以再恢复回来。")
                      + "\n" + self.tr("右侧与现在的内容对照：黄底是与现在不同的文字，红色下划线处现在多出了文字。"), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        self.list = QTreeWidget(self)
        self.list.setHeaderLabels([self.tr("时间"), self.tr("原因"), self.tr("字数"), self.tr("变化")])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        header = self.list.header()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText(self.tr("选择一个版本查看其内容"))
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.list)
        split.addWidget(self.preview)
        split.setSizes([520, 380])

        buttons, self.restore_button = restore_buttons(self, self.tr("恢复此版本"))
        self.list.currentItemChanged.connect(self._show_selected)

        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addWidget(split, 1)
        lay.addWidget(buttons)
        self.reload()

    def snapshots(self) -> list[SnapshotInfo]:
        return self.store.snapshots(self.report_id)

    def reload(self) -> None:
        self.list.clear()
        infos = self.snapshots()
        for k, s in enumerate(infos):
            row = QTreeWidgetItem([snapshot_time(s.created), s.reason, str(s.chars), s.summary])
            row.setData(0, ID_ROLE, s.id)
            row.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row.setToolTip(3, s.summary)
            if k == 0:
                row.setToolTip(0, self.tr("最新的版本"))
            self.list.addTopLevelItem(row)
        if infos:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        else:
            self.preview.setPlainText("")
            self.preview.setPlaceholderText(self.tr("这份报告还没有历史版本。导出或按 Ctrl+S 时会保存一个。"))
        self._update_button()

    def selected_id(self) -> int | None:
        row = self.list.currentItem()
        return None if row is None else row.data(0, ID_ROLE)

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.selected_id() is not None and not self.store.readonly)
        if self.store.readonly:
            self.restore_button.setToolTip(self.tr("报告库只读，不能恢复"))

    def _show_selected(self, *_args) -> None:
        sid = self.selected_id()
        self._update_button()
        if sid is None:
            return
        try:
            # as printed: the 公文 frame (版头, 主送, 附件, 版记) included, blank items left out
            show_changes(self.preview, printed_text(self.store.load_snapshot(sid)),
                         printed_text(self.store.load(self.report_id)))
        except StoreError as e:  # a version whose stored data cannot be read (foreign or damaged file)
            self.preview.setPlainText(str(e))

    def restore_selected(self) -> None:
        sid = self.selected_id()
        if sid is None or self.store.readonly:
            return
        row = self.list.currentItem()
        question = self.tr("用 %1 的版本替换报告现在的内容？\n\n现在的内容会先保存为一个历史版本，随时可以恢复回来。").replace(
            "%1", row.text(0))
        if not self.confirm(self, self.tr("恢复此版本"), question, yes=self.tr("恢复"), no=self.tr("取消")):
            return
        try:
            self.store.restore_snapshot(self.report_id, sid)
        except StoreError as e:
            self.error(self, self.tr("恢复失败"), str(e))
            return
        self.reload()
        self.restored.emit(self.report_id)
