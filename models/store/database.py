"""The database file itself: connecting, checking, classifying errors, copying."""

from __future__ import annotations

import datetime as _dt
import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

TRASH_DAYS = 30
BUSY_TIMEOUT_MS = 5000


class StoreError(Exception):
    """An error the user must be told about; str() is a Chinese sentence."""


class DatabaseNewerError(StoreError):
    pass


class DatabaseDamagedError(StoreError):
    pass


class DatabaseBusyError(StoreError):
    pass


class StorageEnvironmentError(StoreError):
    """Disk full, read-only, I/O failure: the machine's fault, not a bug."""


class ReportNotFound(StoreError):
    pass


class DatabaseUntrustedError(StoreError):
    """The file's schema holds something this version of Tianbao did not make (a trigger, a view...)."""


def classify(exc: sqlite3.Error, path: str | Path = "") -> StoreError:
    """Turn a sqlite3 error caused by the environment into a StoreError; re-raise bugs."""
    msg = str(exc).lower()
    name = Path(path).name if path else "数据库"
    if "not a database" in msg or "malformed" in msg or "file is encrypted" in msg:
        return DatabaseDamagedError(f"{name} 已损坏或不是天报的数据文件，程序没有改动它。")
    if "not authorized" in msg:
        # Only the authorizer of models.store.trust says this: SQL stored in the file tried to run.
        return DatabaseUntrustedError(f"{name} 含有天报不认识的内容（触发器或视图），为安全起见，天报没有执行它。")
    if "locked" in msg or "busy" in msg:
        return DatabaseBusyError(f"{name} 正被另一个程序占用，请稍后再试。")
    if "readonly" in msg or "read-only" in msg:
        return StorageEnvironmentError(f"{name} 是只读的，无法保存修改。")
    if "full" in msg:
        return StorageEnvironmentError("磁盘空间已满，无法保存。请清理磁盘后再试，已输入的内容仍在窗口中。")
    if "unable to open" in msg or "disk i/o" in msg or "cannot open" in msg:
        return StorageEnvironmentError(f"无法读写 {name}，请检查文件位置和权限。")
    raise exc


def classify_open(exc: sqlite3.Error, path: str | Path = "") -> StoreError:
    """Like classify, but while opening any other database error means the file is not one of ours."""
    try:
        return classify(exc, path)
    except sqlite3.Error:
        if isinstance(exc, (sqlite3.ProgrammingError, sqlite3.InterfaceError)):
            raise
        return _damaged(Path(path) if path else Path("数据库"))


def check_regular(path: Path) -> None:
    """Refuse a folder, FIFO, device or socket before anything opens it (a FIFO would block for ever)."""
    import stat

    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise StorageEnvironmentError(f"找不到数据库文件：{path}") from None
    except OSError as e:
        raise StorageEnvironmentError(f"无法读取 {path.name}：{e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise StorageEnvironmentError(f"“{path}”是文件夹，不是报告库文件。")
    if not stat.S_ISREG(st.st_mode):
        raise DatabaseDamagedError(f"“{path}”不是普通文件（可能是设备或管道），不是天报的报告库，程序没有读取它。")
    # SQLite writes into -wal/-journal beside the file: a symlink there (a foreign folder may hold one)
    # would have it overwrite whatever file the link points to.
    for side in ("-wal", "-shm", "-journal"):
        other = Path(str(path) + side)
        if os.path.islink(other) or (other.exists() and not other.is_file()):
            raise DatabaseUntrustedError(
                f"报告库旁的 {other.name} 不是普通文件（是链接或特殊文件），为安全起见不打开此报告库，也没有改动任何文件。")


@dataclass(frozen=True)
class ReportSummary:
    id: int
    kind: str
    title: str
    updated: str
    deleted_at: str | None = None


@dataclass(frozen=True)
class SnapshotInfo:
    id: int
    report_id: int
    created: str
    reason: str
    chars: int
    summary: str


def _parsed_before(stamp, cutoff: str) -> bool:
    """Whether a stored time is before ``cutoff``; a time that cannot be read is never purged."""
    try:
        when, limit = _dt.datetime.fromisoformat(stamp), _dt.datetime.fromisoformat(cutoff)
        if (when.tzinfo is None) != (limit.tzinfo is None):
            when, limit = when.replace(tzinfo=None), limit.replace(tzinfo=None)
        return when < limit
    except (TypeError, ValueError):
        return False


def _as_text(value) -> str:
    """A list entry shows even when a foreign file holds a number or BLOB where text belongs."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def _connect(path: Path, readonly: bool, *, immutable: bool = False) -> sqlite3.Connection:
    if readonly:
        uri = path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)


def _damaged(path: Path) -> DatabaseDamagedError:
    return DatabaseDamagedError(f"{path.name} 已损坏或不是天报的数据文件，程序没有改动它。")


def check_header(path: Path) -> None:
    """Refuse an empty or non-SQLite file before sqlite3 touches it."""
    with open(path, "rb") as f:
        head = f.read(100)
    if head[:16] != b"SQLite format 3\x00" or len(head) < 100:
        raise _damaged(path)
    # A truncated file can pass quick_check (SQLite reads missing bytes as zeros inside text),
    # so compare its size with the page size and, when no WAL is pending, the page count.
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    size = path.stat().st_size
    if page_size < 512 or page_size & (page_size - 1) or size % page_size:
        raise _damaged(path)
    pages, changes, valid_for = (int.from_bytes(head[o:o + 4], "big") for o in (28, 24, 92))
    pending = any(Path(str(path) + side).exists() for side in ("-wal", "-journal"))
    if not pending and changes == valid_for and size < pages * page_size:
        raise _damaged(path)


def quick_check(conn: sqlite3.Connection) -> bool:
    """PRAGMA quick_check: catches truncated and scrambled files at open (about 2 ms per MB)."""
    rows = conn.execute("PRAGMA quick_check").fetchall()
    return rows == [("ok",)]


def integrity_check(conn: sqlite3.Connection) -> str:
    """The full PRAGMA integrity_check, for tests and diagnostics."""
    return "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check").fetchall())


def _open_readonly(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A read-only connection; immutable=1 when SQLite cannot use the -shm/-wal files.

    That happens in a read-only folder or mount, and on a full disk: reading must still work there.
    """
    conn = _connect(path, True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn, False
    except sqlite3.OperationalError as e:
        conn.close()
        msg = str(e).lower()
        if "locked" in msg or "busy" in msg:
            raise
    conn = _connect(path, True, immutable=True)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn, True


def _open_for_checks(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A connection that cannot change anything on disk, not even create -wal/-shm files.

    Without a WAL or journal beside the file, the file alone is the database: immutable=1 reads
    it without creating side files. Otherwise a plain read-only connection also reads the WAL.
    The flag is True only when a pending WAL could not be read (read-only folder, full disk).
    """
    journal = Path(str(path) + "-journal")
    if _plain_journal(journal, path):
        return _rolled_back_copy(path, journal), False
    if any(Path(str(path) + side).exists() for side in ("-wal", "-journal")):
        return _open_readonly(path)
    conn = _connect(path, True, immutable=True)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn, False


def _plain_journal(journal: Path, path: Path) -> bool:
    """A leftover rollback journal worth rolling back in a copy: a regular file with something in it, not larger
    than a journal of this database can be (a device or a huge file is left to SQLite's own read-only look)."""
    try:
        st = os.stat(journal)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and 0 < st.st_size <= 2 * os.stat(path).st_size + 64 * 1024 * 1024


def _rolled_back_copy(path: Path, journal: Path) -> sqlite3.Connection:
    """The database as SQLite will make it of ``path`` and its leftover rollback journal, in memory.

    Opening the file itself would roll the journal back into it before anything was checked (and a refused
    file must stay as it was): the rollback happens in a private copy, whose content is then held in memory.
    """
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="tianbao-check-") as tmp:
        copy = Path(tmp) / "copy.db"
        shutil.copyfile(path, copy)
        shutil.copyfile(journal, str(copy) + "-journal")
        disk = sqlite3.connect(str(copy))
        try:
            disk.execute("SELECT count(*) FROM sqlite_master").fetchone()  # SQLite rolls the journal back here
            memory = sqlite3.connect(":memory:")
            disk.backup(memory)
        finally:
            disk.close()
    return memory


def copy_database(source: str | Path | sqlite3.Connection, dest: str | Path) -> None:
    """Copy a database with SQLite's backup API (consistent even while it is in use) into ``dest``.

    ``dest`` is written via a temp file and a rename, so it is never half a file, and it is
    left in rollback-journal mode: one self-contained file.
    """
    dest = Path(dest)
    tmp = dest.with_name("." + dest.name + ".tmp")
    for leftover in (tmp, Path(str(tmp) + "-journal")):
        leftover.unlink(missing_ok=True)
    src = source if isinstance(source, sqlite3.Connection) else _open_readonly(Path(source))[0]
    try:
        out = sqlite3.connect(str(tmp))
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode=DELETE")
            if not quick_check(out):
                raise _damaged(dest)
        finally:
            out.close()
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, dest)
    finally:
        if src is not source:
            src.close()
        tmp.unlink(missing_ok=True)


def overwrite_database(source: str | Path, dest: str | Path) -> None:
    """Replace ``dest``'s content with ``source``'s through the backup API; no one may have ``dest`` open."""
    dest = Path(dest)
    src = _open_readonly(Path(source))[0]
    try:
        try:
            check_header(dest)
            out = sqlite3.connect(str(dest), timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                src.backup(out)
                out.execute("PRAGMA journal_mode=WAL")
            finally:
                out.close()
            return
        except (DatabaseDamagedError, sqlite3.DatabaseError, FileNotFoundError):
            pass
        # The current file is damaged beyond SQLite's reach: build a new one beside it and swap.
        copy_database(src, dest.with_name(dest.name + ".restoring"))
        for side in ("-wal", "-shm", "-journal"):
            Path(str(dest) + side).unlink(missing_ok=True)
        os.replace(dest.with_name(dest.name + ".restoring"), dest)
    finally:
        src.close()
