"""Open the database for the window: writable and locked if possible, else read-only with a reason."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from models.lock import DatabaseLock
from models.store import StorageEnvironmentError, Store


def can_write(path: Path) -> str:
    """Why ``path`` cannot be written ('' when it can); os.access, so root always may."""
    if path.exists() and not os.access(path, os.W_OK):
        return "此报告库文件是只读的，只能查看和导出，不能修改。"
    folder = path.parent if path.parent != Path("") else Path(".")
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        return "报告库所在的文件夹是只读的，只能查看和导出，不能修改。"
    return ""


def open_readonly(path: str | Path, reason: str) -> Store:
    store = Store(path, readonly=True)
    store.readonly_reason = store.readonly_reason or reason
    return store


def open_store(path: str | Path, *, lock: bool = True,
               write_check: Callable[[Path], str] = can_write) -> tuple[Store, bool]:
    """(store, readonly) for the window.

    Raises DatabaseDamagedError, DatabaseNewerError, or DatabaseLockedError (another window has
    it: the caller may offer ``open_readonly``). When the file or folder cannot be written, the
    store is opened read-only and ``store.readonly_reason`` says why, for a banner.
    ``write_check`` is injectable because tests run as root, whom file modes do not stop.
    """
    path = Path(path)
    if not path.exists():
        # First run: the user data folder may not exist yet.
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StorageEnvironmentError(f"无法创建报告库所在的文件夹 {path.parent}：{e.strerror}") from None
    reason = write_check(path)
    if reason:
        if not path.exists():
            raise StorageEnvironmentError(f"无法在只读的文件夹中新建报告库：{path}")
        store = open_readonly(path, reason)
        return store, True
    held = None
    if lock:
        held = DatabaseLock(path)
        try:
            held.acquire()
        except OSError:
            # Cannot even create the lock file: the folder is read-only after all.
            return open_readonly(path, "报告库所在的文件夹是只读的，只能查看和导出，不能修改。"), True
    try:
        store = Store(path)
    except StorageEnvironmentError:
        if held is not None:
            held.release()
        if not path.exists():
            raise
        # A read-only mount or medium: os.access said yes, SQLite could not write.
        return open_readonly(path, "无法写入此报告库（只读的磁盘或权限不足），只能查看和导出，不能修改。"), True
    except BaseException:
        if held is not None:
            held.release()
        raise
    store.lock = held
    return store, False
