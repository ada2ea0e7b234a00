"""All SQL lives here: one SQLite file holds every report of a user."""

from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from models import APP_VERSION, history
from models.exchange import report_from_data, report_to_data
from models.migrations import MIGRATION_SET, SCHEMA_VERSION, known_names, migrations
from models.report import Item, Report, Section, now_iso

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


def classify(exc: sqlite3.Error, path: str | Path = "") -> StoreError:
    """Turn a sqlite3 error caused by the environment into a StoreError; re-raise bugs."""
    msg = str(exc).lower()
    name = Path(path).name if path else "数据库"
    if "not a database" in msg or "malformed" in msg or "file is encrypted" in msg:
        return DatabaseDamagedError(f"{name} 已损坏或不是天报的数据文件，程序没有改动它。")
    if "locked" in msg or "busy" in msg:
        return DatabaseBusyError(f"{name} 正被另一个程序占用，请稍后再试。")
    if "readonly" in msg or "read-only" in msg:
        return StorageEnvironmentError(f"{name} 是只读的，无法保存修改。")
    if "full" in msg:
        return StorageEnvironmentError("磁盘空间已满，无法保存。请清理磁盘后再试，已输入的内容仍在窗口中。")
    if "unable to open" in msg or "disk i/o" in msg or "cannot open" in msg:
        return StorageEnvironmentError(f"无法读写 {name}，请检查文件位置和权限。")
    raise exc


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
    """A read-only connection; immutable=1 when SQLite cannot create the -shm file (read-only folder)."""
    conn = _connect(path, True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn, False
    except sqlite3.OperationalError as e:
        conn.close()
        msg = str(e).lower()
        if "readonly" not in msg and "read-only" not in msg and "unable to open" not in msg:
            raise
    conn = _connect(path, True, immutable=True)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn, True


def _open_for_checks(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A connection that cannot change anything on disk, not even create -wal/-shm files.

    Without a WAL or journal beside the file, the file alone is the database: immutable=1 reads
    it without creating side files. Otherwise a plain read-only connection also reads the WAL.
    """
    if any(Path(str(path) + side).exists() for side in ("-wal", "-journal")):
        return _open_readonly(path)
    conn = _connect(path, True, immutable=True)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn, True


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


class Store:
    """A report database; every write is one short transaction."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        self.readonly_reason = ""  # for the window's banner; set when opened read-only
        self.lock = None  # a models.lock.DatabaseLock released by close(), set by open_store()
        try:
            if not readonly and not self.path.exists():
                self._create_new()
            if self.path.exists():
                # Every check runs on a read-only connection, so a damaged or newer
                # file is never written to, not even by a WAL checkpoint on close.
                check_header(self.path)
                conn = _open_for_checks(self.path)[0]
                try:
                    if not quick_check(conn):
                        raise _damaged(self.path)
                    self._refuse_newer(Database(conn))
                finally:
                    conn.close()
                if readonly:
                    conn, immutable = _open_readonly(self.path)
                    self.db = Database(conn)
                    if immutable:
                        self.readonly_reason = "文件所在的文件夹是只读的，只能查看和导出，不能修改。"
                        wal = Path(str(self.path) + "-wal")
                        if wal.exists() and wal.stat().st_size > 0:
                            # immutable=1 cannot read the WAL: say so rather than show old text silently.
                            self.readonly_reason += "最近的修改尚未并入主文件，这里显示的可能不是最新内容。"
                    return
            else:
                raise StorageEnvironmentError(f"找不到数据库文件：{self.path}")
            self.db = Database(_connect(self.path, False))
            self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA journal_mode=WAL")
            # Per connection: every commit reaches the disk before save() returns.
            self.db.execute("PRAGMA synchronous=FULL")
            migrations.apply(self.db)
            # Always written: this is also the probe that finds a file SQLite may read but not write.
            self._set_meta("written_by", APP_VERSION)
        except sqlite3.Error as e:
            raise classify(e, self.path) from None
        except OSError as e:
            raise StorageEnvironmentError(f"无法打开 {self.path}：{e.strerror}") from None

    # -- opening -------------------------------------------------------------

    def _create_new(self) -> None:
        """Make the schema in a temp file and rename it into place: a crash never leaves an empty file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.new-{os.getpid()}")
        for side in ("", "-journal", "-wal", "-shm"):
            Path(str(tmp) + side).unlink(missing_ok=True)
        db = Database(_connect(tmp, False))
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            migrations.apply(db)
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('written_by', ?)", [APP_VERSION])
            db.conn.commit()
        finally:
            db.conn.close()  # the last connection folds the WAL into the file and removes it
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        try:
            os.link(tmp, self.path)  # unlike rename, never replaces a file another process just made
        except FileExistsError:
            pass
        except OSError:
            if not self.path.exists():
                os.replace(tmp, self.path)
        for side in ("", "-journal", "-wal", "-shm"):
            Path(str(tmp) + side).unlink(missing_ok=True)

    def _refuse_newer(self, db: Database) -> None:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        found = None
        if "meta" in tables:
            row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            found = int(row[0]) if row and str(row[0]).isdigit() else None
        unknown = []
        if "_sqlite_migrations" in tables:
            unknown = [
                r[0]
                for r in db.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set=?", [MIGRATION_SET]
                )
                if r[0] not in known_names()
            ]
        if (found is not None and found > SCHEMA_VERSION) or unknown:
            writer = ""
            if "meta" in tables:
                row = db.execute("SELECT value FROM meta WHERE key='written_by'").fetchone()
                writer = row[0] if row else ""
            shown = found if found is not None and found > SCHEMA_VERSION else f"{SCHEMA_VERSION} 之后"
            raise DatabaseNewerError(
                f"{self.path.name} 由较新版本的天报{(' ' + writer) if writer else ''}"
                f"（数据格式 {shown}）保存，当前程序为 {APP_VERSION}"
                f"（数据格式 {SCHEMA_VERSION}），无法打开。请升级天报后再打开，文件未被改动。"
            )

    def _set_meta(self, key: str, value: str) -> None:
        with self.db.atomic():
            self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [key, value])

    def schema_version(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        try:
            self.db.conn.close()
        except sqlite3.Error:
            pass
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # -- reports -------------------------------------------------------------

    def list_reports(self, search: str = "", *, deleted: bool = False) -> list[ReportSummary]:
        """Reports newest first; ``deleted`` lists the 回收站 instead."""
        where = "deleted_at IS NOT NULL" if deleted else "deleted_at IS NULL"
        params: list = []
        if search:
            where += " AND instr(title, ?) > 0"
            params.append(search)
        rows = self.db.execute(
            f"SELECT id, kind, title, updated, deleted_at FROM reports WHERE {where} "
            "ORDER BY updated DESC, id DESC",
            params,
        ).fetchall()
        return [ReportSummary(*r) for r in rows]

    def load(self, report_id: int) -> Report:
        row = self.db.execute(
            "SELECT id, kind, title, preamble, closing, signature, date, page_limit, created, updated "
            "FROM reports WHERE id=?",
            [report_id],
        ).fetchone()
        if row is None:
            raise ReportNotFound(f"没有编号为 {report_id} 的报告")
        rid, kind, title, preamble, closing, signature, date, page_limit, created, updated = row
        report = Report(
            kind=kind, title=title, preamble=preamble, closing=closing, signature=signature,
            date=_dt.date.fromisoformat(date) if date else None, page_limit=page_limit,
            created=created, updated=updated, id=rid,
        )
        sections = {}
        for sid, heading, numbering, run_on, intro in self.db.execute(
            "SELECT id, heading, numbering, run_on, intro FROM sections WHERE report_id=? ORDER BY position",
            [report_id],
        ):
            s = Section(heading=heading, numbering=numbering, run_on=bool(run_on), intro=intro, id=sid)
            sections[sid] = s
            report.sections.append(s)
        for iid, sid, lead, body in self.db.execute(
            "SELECT items.id, section_id, lead, body FROM items JOIN sections ON sections.id = section_id "
            "WHERE report_id=? ORDER BY items.position",
            [report_id],
        ):
            sections[sid].items.append(Item(lead=lead, body=body, id=iid))
        return report

    def exists(self, report_id: int) -> bool:
        return self.db.execute("SELECT 1 FROM reports WHERE id=?", [report_id]).fetchone() is not None

    def create(self, report: Report) -> int:
        """Store ``report`` as a new report; sets and returns its id."""
        report.id = None
        for s in report.sections:
            s.id = None
            for i in s.items:
                i.id = None
        return self.save(report)

    def save(self, report: Report) -> int:
        """Write the whole report in one transaction; new sections and items get ids."""
        now = now_iso()
        try:
            with self.db.atomic():
                self._write(report, now)
        except sqlite3.Error as e:
            raise classify(e, self.path) from None
        return report.id  # type: ignore[return-value]

    def _write(self, report: Report, now: str) -> None:
        ex = self.db.execute
        fields = [
            report.kind, report.title, report.preamble, report.closing, report.signature,
            report.date.isoformat() if report.date else None, report.page_limit,
        ]
        if report.id is None or not self.exists(report.id):
            cur = ex(
                "INSERT INTO reports(kind, title, preamble, closing, signature, date, page_limit, created, updated, id) "
                "VALUES (?,?,?,?,?,?,?,?,?,?)",
                [*fields, report.created or now, now, report.id],
            )
            report.id = cur.lastrowid
            report.created = report.created or now
        else:
            ex(
                "UPDATE reports SET kind=?, title=?, preamble=?, closing=?, signature=?, date=?, "
                "page_limit=?, updated=? WHERE id=?",
                [*fields, now, report.id],
            )
        report.updated = now
        old_sections = {r[0] for r in ex("SELECT id FROM sections WHERE report_id=?", [report.id])}
        kept = set()
        for pos, s in enumerate(report.sections):
            values = [pos, s.heading, s.numbering, int(s.run_on), s.intro]
            if s.id in old_sections:
                ex("UPDATE sections SET position=?, heading=?, numbering=?, run_on=?, intro=? WHERE id=?",
                   [*values, s.id])
            else:
                s.id = ex(
                    "INSERT INTO sections(report_id, position, heading, numbering, run_on, intro) VALUES (?,?,?,?,?,?)",
                    [report.id, *values],
                ).lastrowid
            kept.add(s.id)
        kept_items: set[int] = set()
        for s in report.sections:
            kept_items |= self._write_items(s)
        # Stale rows go last, so an item moved between sections is kept.
        for iid, in ex(
            "SELECT items.id FROM items JOIN sections ON sections.id = section_id WHERE report_id=?", [report.id]
        ).fetchall():
            if iid not in kept_items:
                ex("DELETE FROM items WHERE id=?", [iid])
        for sid in old_sections - kept:
            ex("DELETE FROM sections WHERE id=?", [sid])

    def _write_items(self, s: Section) -> set[int]:
        ex = self.db.execute
        # An item may have moved here from another section of the same report.
        old = {r[0]: r[1:] for r in ex("SELECT id, position, lead, body FROM items WHERE section_id=?", [s.id])}
        kept = set()
        for pos, it in enumerate(s.items):
            if it.id in old:
                if old[it.id] != (pos, it.lead, it.body):
                    ex("UPDATE items SET position=?, lead=?, body=? WHERE id=?", [pos, it.lead, it.body, it.id])
            elif it.id is not None and ex("SELECT 1 FROM items WHERE id=?", [it.id]).fetchone():
                ex("UPDATE items SET section_id=?, position=?, lead=?, body=? WHERE id=?",
                   [s.id, pos, it.lead, it.body, it.id])
            else:
                it.id = ex(
                    "INSERT INTO items(section_id, position, lead, body) VALUES (?,?,?,?)",
                    [s.id, pos, it.lead, it.body],
                ).lastrowid
            kept.add(it.id)
        return kept

    # -- 回收站 ---------------------------------------------------------------

    def delete(self, report_id: int) -> None:
        """Move a report to the 回收站; it stays restorable for TRASH_DAYS days."""
        self._exec_write("UPDATE reports SET deleted_at=? WHERE id=?", [now_iso(), report_id])

    def restore(self, report_id: int) -> None:
        self._exec_write("UPDATE reports SET deleted_at=NULL WHERE id=?", [report_id])

    def purge_trash(self, days: int = TRASH_DAYS, now: _dt.datetime | None = None) -> int:
        """Remove reports deleted more than ``days`` ago; returns how many."""
        now = now or _dt.datetime.now().astimezone()
        cutoff = (now - _dt.timedelta(days=days)).isoformat(timespec="seconds")
        old = [
            r[0]
            for r in self.db.execute("SELECT id, deleted_at FROM reports WHERE deleted_at IS NOT NULL")
            if _dt.datetime.fromisoformat(r[1]) < _dt.datetime.fromisoformat(cutoff)
        ]
        for rid in old:
            self._exec_write("DELETE FROM reports WHERE id=?", [rid])
        return len(old)

    def _exec_write(self, sql: str, params: list) -> None:
        try:
            with self.db.atomic():
                self.db.execute(sql, params)
        except sqlite3.Error as e:
            raise classify(e, self.path) from None

    # -- 历史版本 -------------------------------------------------------------

    def snapshot(self, report_id: int, reason: str, summary: str = "") -> int:
        """Record the report as it is now; returns the snapshot id.

        A report identical to its latest snapshot is not stored again: the latest id is returned.
        Without ``summary``, the change against the latest snapshot is described in one line.
        """
        report = self.load(report_id)
        data = json.dumps(report_to_data(report), ensure_ascii=False)
        latest = self.db.execute(
            "SELECT id, data FROM snapshots WHERE report_id=? ORDER BY id DESC LIMIT 1", [report_id]
        ).fetchone()
        if latest is not None and latest[1] == data:
            return latest[0]
        if not summary:
            previous = report_from_data(json.loads(latest[1])) if latest else None
            summary = history.summarize_change(previous, report)
        try:
            with self.db.atomic():
                cur = self.db.execute(
                    "INSERT INTO snapshots(report_id, created, reason, data, chars, summary) VALUES (?,?,?,?,?,?)",
                    [report_id, now_iso(), reason, data, report.char_count(), summary],
                )
        except sqlite3.Error as e:
            raise classify(e, self.path) from None
        self.prune_snapshots(report_id)
        return cur.lastrowid  # type: ignore[return-value]

    def restore_snapshot(self, report_id: int, snapshot_id: int) -> Report:
        """Put a snapshot's text back into the report, keeping its id; undoable, as both sides are snapshots."""
        row = self.db.execute(
            "SELECT created FROM snapshots WHERE id=? AND report_id=?", [snapshot_id, report_id]
        ).fetchone()
        if row is None:
            raise ReportNotFound(f"报告 {report_id} 没有编号为 {snapshot_id} 的历史版本")
        old = self.load_snapshot(snapshot_id)
        try:
            with self.db.atomic():
                self.snapshot(report_id, history.REASON_BEFORE_RESTORE)
                report = self.load(report_id)
                history.copy_content(old, report)
                self.save(report)
                self.snapshot(report_id, history.restored_reason(row[0]))
        except sqlite3.Error as e:
            raise classify(e, self.path) from None
        return self.load(report_id)

    def prune_snapshots(self, report_id: int, now: _dt.datetime | None = None) -> int:
        """Thin old snapshots (see history.snapshots_to_prune); returns how many were removed."""
        now = now or _dt.datetime.now().astimezone()
        doomed = history.snapshots_to_prune(self.snapshots(report_id), now)
        if doomed:
            try:
                with self.db.atomic():
                    self.db.conn.executemany("DELETE FROM snapshots WHERE id=?", [(i,) for i in doomed])
            except sqlite3.Error as e:
                raise classify(e, self.path) from None
        return len(doomed)

    def snapshots(self, report_id: int) -> list[SnapshotInfo]:
        rows = self.db.execute(
            "SELECT id, report_id, created, reason, chars, summary FROM snapshots WHERE report_id=? "
            "ORDER BY id DESC",
            [report_id],
        ).fetchall()
        return [SnapshotInfo(*r) for r in rows]

    def load_snapshot(self, snapshot_id: int) -> Report:
        row = self.db.execute("SELECT data FROM snapshots WHERE id=?", [snapshot_id]).fetchone()
        if row is None:
            raise ReportNotFound(f"没有编号为 {snapshot_id} 的历史版本")
        return report_from_data(json.loads(row[0]))
