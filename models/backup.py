"""Daily copies of the database in a backups folder beside it, and 从备份恢复."""

from __future__ import annotations

import datetime as _dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from models.store import DatabaseDamagedError, Store, classify, copy_database, overwrite_database

KEEP_DAILY = 7
# Names carry a sequence number shared by both kinds (legacy names without one count as 0): order and
# pruning follow the sequence, never the clock, which may have gone back or jumped ahead.
_DAILY = re.compile(r"^tianbao-(?:(\d{4,})-)?(\d{4})-(\d{2})-(\d{2})\.db$")
_BEFORE = re.compile(r"^tianbao-before-restore-(?:(\d{4,})-)?(\d{8})-(\d{6})\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    when: _dt.datetime  # the day of a daily backup (midnight), or the moment of a before-restore copy
    size: int
    before_restore: bool
    seq: int = 0  # 0: a name from before sequence numbers

    def label(self) -> str:
        if self.before_restore:
            return f"{self.when:%Y-%m-%d %H:%M:%S} 恢复前自动保留"
        return f"{self.when:%Y-%m-%d} 每日备份"


def backup_dir(db_path: str | Path) -> Path:
    return Path(db_path).parent / "backups"


def _parse(path: Path) -> BackupInfo | None:
    try:
        m = _DAILY.match(path.name)
        if m:
            when = _dt.datetime(int(m[2]), int(m[3]), int(m[4]))
            return BackupInfo(path, when, path.stat().st_size, False, int(m[1] or 0))
        m = _BEFORE.match(path.name)
        if m:
            when = _dt.datetime.strptime(m[2] + m[3], "%Y%m%d%H%M%S")
            return BackupInfo(path, when, path.stat().st_size, True, int(m[1] or 0))
    except (ValueError, OSError):
        pass  # 2026-13-99, or gone meanwhile: not one of ours
    return None


def list_backups(db_path: str | Path) -> list[BackupInfo]:
    """Backups of ``db_path``, newest first by sequence (legacy names by their time, after)."""
    folder = backup_dir(db_path)
    try:
        if not folder.is_dir():
            return []
        found = [b for b in (_parse(p) for p in folder.iterdir() if p.is_file()) if b is not None]
    except OSError:
        return []
    return sorted(found, key=lambda b: (b.seq, b.when), reverse=True)


def next_sequence(db_path: str | Path) -> int:
    """One more than the highest sequence number of any name in the backups folder (links and leftovers too,
    so a new backup never writes through a name someone placed there)."""
    highest = 0
    try:
        for p in backup_dir(db_path).iterdir():
            m = _DAILY.match(p.name) or _BEFORE.match(p.name)
            if m and m[1]:
                highest = max(highest, int(m[1]))
    except OSError:
        pass
    return highest + 1


def daily_backup(store_or_path: Store | str | Path, now: _dt.datetime | None = None,
                 keep: int = KEEP_DAILY) -> Path | None:
    """Copy the database to backups/tianbao-<seq>-YYYY-MM-DD.db once a day; keeps the newest ``keep``.

    "Once a day" compares with the newest daily backup's date only, so a clock that went back still
    gets a backup; pruning goes by sequence, so the backup just made is never the one deleted.
    Returns the new file, or None when the newest backup is already of today.
    """
    now = now or _dt.datetime.now()
    if isinstance(store_or_path, Store):
        db_path, source = store_or_path.path, store_or_path.db.conn
    else:
        db_path = source = Path(store_or_path)
    folder = backup_dir(db_path)
    daily = [b for b in list_backups(db_path) if not b.before_restore]
    if daily and daily[0].when.date() == now.date():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"tianbao-{next_sequence(db_path):04d}-{now:%Y-%m-%d}.db"
    try:
        copy_database(source, target)
    except sqlite3.Error as e:
        raise classify(e, db_path) from None
    daily = [b for b in list_backups(db_path) if not b.before_restore]
    for old in daily[keep:]:
        if old.path != target:
            old.path.unlink(missing_ok=True)
    return target


def restore_backup(backup_path: str | Path, db_path: str | Path, now: _dt.datetime | None = None) -> Path | None:
    """Make ``db_path`` hold the backup's reports; the current file is first kept aside.

    Close every Store on ``db_path`` first. Returns the copy of the file as it was before
    (backups/tianbao-before-restore-<time>.db), or None when there was no file.
    The backup is checked (damage, newer version) before anything changes.
    """
    backup_path, db_path = Path(backup_path), Path(db_path)
    Store(backup_path, readonly=True).close()  # raises DatabaseDamagedError / DatabaseNewerError
    now = now or _dt.datetime.now()
    aside = None
    if db_path.exists():
        folder = backup_dir(db_path)
        folder.mkdir(parents=True, exist_ok=True)
        aside = folder / f"tianbao-before-restore-{next_sequence(db_path):04d}-{now:%Y%m%d-%H%M%S}.db"
        try:
            copy_database(db_path, aside)
        except (DatabaseDamagedError, OSError, sqlite3.Error):
            # A damaged file cannot be read page by page: keep its raw bytes (and WAL) instead.
            shutil.copy2(db_path, aside)
            wal = Path(str(db_path) + "-wal")
            if wal.exists():
                shutil.copy2(wal, Path(str(aside) + "-wal"))
    overwrite_database(backup_path, db_path)
    return aside


def set_aside_damaged(db_path: str | Path, now: _dt.datetime | None = None) -> Path:
    """Move a damaged database (and its -wal/-shm) into the backups folder, byte for byte; returns its new path.

    Nothing is deleted: the file can still be sent to someone who can repair it, and a new, empty
    database can be created in its place.
    """
    db_path = Path(db_path)
    now = now or _dt.datetime.now()
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    aside = folder / f"tianbao-damaged-{now:%Y%m%d-%H%M%S}.db"
    n = 1
    while any(Path(str(aside) + s).exists() for s in ("", "-wal", "-shm")):  # same second, or the clock went back
        n += 1
        aside = folder / f"tianbao-damaged-{now:%Y%m%d-%H%M%S}-{n}.db"
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(db_path) + suffix)
        if src.exists():
            os.replace(src, Path(str(aside) + suffix))
    return aside
