"""从备份恢复: pick one of the automatic backups; the current file is kept aside before it is replaced."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from models.backup import KEEP_DAILY, backup_dir, list_backups, restore_backup
from models.store import DatabaseUntrustedError, Store, StoreError
from ui.dialogs.history_dialog import ask_question
from ui.widgets import restore_list, when

PATH_ROLE = Qt.ItemDataRole.UserRole


def read_summary(path: Path) -> tuple[int, str] | None:
    """(reports, newest 最后修改时间) of a database file, read-only; None if it cannot be read."""
    try:
        store = Store(path, readonly=True)
    except DatabaseUntrustedError:
        raise  # the caller says why it cannot be restored
    except StoreError:
        return None
    try:
        reports = store.list_reports()
        return len(reports), max((r.updated for r in reports), default="")
    finally:
        store.close()


def size_text(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


class BackupDialog(QDialog):
    """Lists backups of ``db_path``; 恢复 replaces the database after a confirmation.

    No Store may be open on the file while it is replaced: ``about_to_restore`` is emitted first
    (connect it directly to the window's store.close), then ``restored(aside_path)`` or
    ``restore_failed(message)``; reopen the database after either.
    """

    about_to_restore = Signal()
    restored = Signal(str)  # the copy of the replaced file, '' when there was none
    restore_failed = Signal(str)

    def __init__(self, db_path: str | Path, parent: QWidget | None = None, *,
                 confirm: Callable[[QWidget, str, str], bool] = ask_question,
                 error: Callable[[QWidget, str, str], None] | None = None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.confirm = confirm
        self.error = error or (lambda p, title, text: QMessageBox.critical(p, title, text))
        self.setWindowTitle(self.tr("从备份恢复"))
        self.resize(520, 400)
        note = QLabel(self.tr("天报每天自动备份一次报告库，保留最近 %1 天，存放在：\n%2").replace(
            "%1", str(KEEP_DAILY)).replace("%2", str(backup_dir(self.db_path))), self)
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note.setStyleSheet("color: #666;")
        self.list, self.empty, self.restore_button = restore_list(
            self, note, self.tr("还没有备份。天报每天第一次打开报告库时会备份一次。"), self.tr("恢复所选备份"))
        self.list.itemDoubleClicked.connect(lambda _it: self.restore_selected())
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for b in list_backups(self.db_path):
            it = QListWidgetItem(f"{b.label()}    {self._contents(b.path)}    {size_text(b.size)}")
            it.setData(PATH_ROLE, str(b.path))
            self.list.addItem(it)
        self.empty.setVisible(self.list.count() == 0)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.restore_button.setEnabled(self.list.currentRow() >= 0)

    def _contents(self, path: Path) -> str:
        """How many reports a backup holds, so the user can tell which one to pick; an empty one says so."""
        try:
            summary = read_summary(path)
        except DatabaseUntrustedError:
            return self.tr("（含有不明内容，不能恢复）")
        if summary is None:
            return self.tr("（无法读取）")
        count, _latest = summary
        return self.tr("%1 份报告").replace("%1", str(count)) if count else self.tr("（空备份，没有报告）")

    def _describe(self, path: Path) -> str:
        """“3 份报告，最后修改于 今天 10:42”: what a file holds, in the words of the question."""
        try:
            summary = read_summary(path)
        except DatabaseUntrustedError:
            return self.tr("含有不明内容，不能恢复")
        if summary is None:
            return self.tr("无法读取")
        count, latest = summary
        if not count:
            return self.tr("没有任何报告")
        return self.tr("%1 份报告，最后修改于 %2").replace("%1", str(count)).replace("%2", when(latest, precise=True))

    def selected_path(self) -> Path | None:
        it = self.list.currentItem()
        return None if it is None else Path(it.data(PATH_ROLE))

    def restore_selected(self) -> None:
        path = self.selected_path()
        if path is None:
            return
        label = self.list.currentItem().text().split("    ")[0]
        backup = read_summary(path)
        empty = backup is not None and backup[0] == 0
        question = self.tr("用备份替换现在的报告库？\n\n现在：%1\n备份“%2”：%3\n\n现在的报告库会先另存到备份文件夹（恢复前自动保留），不会丢失。"
                           ).replace("%1", self._describe(self.db_path)).replace("%2", label).replace(
                               "%3", self._describe(path))
        if empty:
            question = self.tr("注意：这是一份空备份，恢复后报告列表将是空的。") + "\n\n" + question
        if not self.confirm(self, self.tr("从备份恢复"), question, yes=self.tr("恢复"), no=self.tr("取消"),
                            risky=empty):
            return
        self.about_to_restore.emit()
        try:
            aside = restore_backup(path, self.db_path)
        except (StoreError, OSError) as e:
            message = str(e) if isinstance(e, StoreError) else self.tr("无法恢复：%1").replace("%1", e.strerror or str(e))
            self.error(self, self.tr("恢复失败"), message)
            self.restore_failed.emit(message)
            return
        self.restored.emit(str(aside or ""))
        self.accept()
