"""At start-up, a database that cannot be opened gets a clear dialog and a way forward, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from models.backup import daily_backup, list_backups, set_aside_damaged
from models.lock import DatabaseLockedError
from models.opening import open_readonly, open_store
from models.store import DatabaseDamagedError, DatabaseNewerError, DatabaseUntrustedError, Store, StoreError

OPEN_BACKUP = "backup"
OPEN_OTHER = "other"
OPEN_READONLY = "readonly"
START_FRESH = "fresh"
QUIT = "quit"

LABELS = {OPEN_BACKUP: "打开备份", OPEN_OTHER: "打开其他文件", OPEN_READONLY: "只读打开",
          START_FRESH: "新建空报告库", QUIT: "退出"}
LOCKED_READONLY_REASON = "此报告库已在另一个天报窗口中打开，这里只能查看和导出，不能修改。"

Ask = Callable[[QWidget | None, str, str, list[tuple[str, str]]], str]


def choices_for(error: StoreError, db_path: str | Path) -> list[str]:
    """What the user may do next; 打开备份 only when there is a backup to open."""
    if isinstance(error, DatabaseLockedError):
        return [OPEN_READONLY, OPEN_OTHER, QUIT]
    first = [OPEN_BACKUP] if list_backups(db_path) else []
    # A damaged file can be set aside (kept, byte for byte) so that work can start again today.
    fresh = [START_FRESH] if isinstance(error, DatabaseDamagedError) else []
    return [*first, OPEN_OTHER, *fresh, QUIT]


def error_text(error: StoreError, db_path: str | Path) -> tuple[str, str]:
    """(title, text) of the dialog for ``error``."""
    path = Path(db_path)
    has_backup = bool(list_backups(path))
    if isinstance(error, DatabaseDamagedError):
        more = ("可以从自动备份恢复（损坏的文件会先另存到备份文件夹，不会删除），或打开其他报告库文件。"
                if has_backup else "没有找到自动备份。可以打开其他报告库文件，或新建空报告库（损坏的文件原样移到备份文件夹，"
                "可请技术人员帮助修复）。")
        return "报告库已损坏", f"{error}\n\n文件：{path}\n\n{more}"
    if isinstance(error, DatabaseNewerError):
        more = "也可以打开升级前的自动备份，或其他报告库文件。" if has_backup else "也可以打开其他报告库文件。"
        return "报告库来自较新版本", f"{error}\n\n文件：{path}\n\n{more}"
    if isinstance(error, DatabaseLockedError):
        return "报告库已打开", f"{error}\n\n文件：{path}"
    if isinstance(error, DatabaseUntrustedError):
        more = "可以打开自动备份，或其他报告库文件。" if has_backup else "可以打开其他报告库文件。"
        return "报告库含有不明内容", f"{error}\n\n文件：{path}\n\n{more}"
    return "无法打开报告库", f"{error}\n\n文件：{path}\n\n可以打开其他报告库文件。"


def ask_choice(parent: QWidget | None, title: str, text: str, choices: list[tuple[str, str]]) -> str:
    """A message box with one button per choice; closing it means the last choice (退出)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    buttons = {}
    for key, label in choices:
        role = QMessageBox.ButtonRole.RejectRole if key == QUIT else QMessageBox.ButtonRole.AcceptRole
        buttons[box.addButton(label, role)] = key
    box.setDefaultButton(next(iter(buttons)))
    box.exec()
    return buttons.get(box.clickedButton(), QUIT)


def present_open_error(error: StoreError, db_path: str | Path, parent: QWidget | None = None,
                       ask: Ask = ask_choice) -> str:
    """Show ``error`` and return the user's choice: OPEN_BACKUP, OPEN_OTHER, OPEN_READONLY or QUIT."""
    title, text = error_text(error, db_path)
    keys = choices_for(error, db_path)
    return ask(parent, title, text, [(k, LABELS[k]) for k in keys])


def choose_backup(parent: QWidget | None, db_path: Path) -> bool:
    """Run 从备份恢复 modally; True when a backup was restored into ``db_path``."""
    from ui.dialogs.backup_dialog import BackupDialog

    dlg = BackupDialog(db_path, parent)
    done: list[bool] = []
    dlg.restored.connect(lambda _aside: done.append(True))
    dlg.exec()
    return bool(done)


def choose_file(parent: QWidget | None) -> str | None:
    """Starts in the data folder, where report databases live (not the folder the program was started from)."""
    from models.paths import data_dir
    from ui.dialogs.file_dialog import ask_path

    folder = data_dir()
    return ask_path(parent, "打开报告库", str(folder if folder.is_dir() else Path.home()),
                    "天报报告库 (*.db);;所有文件 (*)", save=False)


def open_with_recovery(path: str | Path, parent: QWidget | None = None, *, ask: Ask = ask_choice,
                       backup: Callable[[QWidget | None, Path], bool] = choose_backup,
                       other: Callable[[QWidget | None], str | None] = choose_file,
                       tries: int = 20) -> Store | None:
    """The Store the window should show, after whatever the user chose; None means 退出.

    A writable store gets its daily backup here (a failed backup never blocks opening).
    """
    path = Path(path)
    for _ in range(tries):
        try:
            store, readonly = open_store(path)
        except StoreError as e:
            choice = present_open_error(e, path, parent, ask)
            if choice == OPEN_BACKUP:
                backup(parent, path)
            elif choice == OPEN_OTHER:
                chosen = other(parent)
                if chosen:
                    path = Path(chosen)
            elif choice == START_FRESH:
                try:
                    set_aside_damaged(path)
                except OSError:
                    pass  # could not move it: the next try says why again
            elif choice == OPEN_READONLY:
                try:
                    return open_readonly(path, LOCKED_READONLY_REASON)
                except StoreError:
                    continue  # asked again, with whatever stops it now
            else:
                return None
            continue
        if not readonly:
            try:
                daily_backup(store)
            except (OSError, StoreError):
                pass  # the report itself is safe; tomorrow's start-up tries again
        return store
    return None
