"""The SQL of reports and the 回收站: one SQLite file holds every report of a user."""
from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
from pathlib import Path

from models import APP_VERSION
from models.carried import prune_carried
from models.exchange import ExchangeError, frame_from_data, report_from_data, report_to_data
from models.migrations import MIGRATION_SET, SCHEMA_VERSION, known_names, migrations
from models.report import Attachment, Item, Report, Section, now_iso
from models.store.connection import Db
from models.store.database import (
    BUSY_TIMEOUT_MS,
    TRASH_DAYS,
    DatabaseDamagedError,
    DatabaseNewerError,
    ReportNotFound,
    ReportSummary,
    StorageEnvironmentError,
    _as_text,
    _connect,
    _damaged,
    _open_for_checks,
    _parsed_before,
    check_header,
    check_regular,
    classify,
    classify_open,
    quick_check,
)
from models.store.rules import ProofreadRulesMixin
from models.store.search import SearchMixin
from models.store.sizes import too_big
from models.store.snapshots import SnapshotsMixin
from models.store.templates import TemplatesMixin
from models.store.trust import check_schema, harden


class Store(SnapshotsMixin, SearchMixin, TemplatesMixin, ProofreadRulesMixin):
    """A report database; every write is one short transaction."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        self.readonly_reason = ""  # for the window's banner; set when opened read-only
        self.lock = None  # a models.lock.DatabaseLock released by close(), set by open_store()
        self._frame_columns: bool | None = None
        try:
            if not readonly and not self.path.exists():
                self._create_new()
            if not self.path.exists():
                raise StorageEnvironmentError(f"找不到数据库文件：{self.path}")
            check_regular(self.path)
            # Every check runs on a read-only connection, so a damaged, newer or foreign file is
            # never written to, not even by a WAL checkpoint on close; no SQL stored in it runs.
            check_header(self.path)
            conn, stale = _open_for_checks(self.path)
            try:
                harden(conn)
                if not quick_check(conn):
                    raise _damaged(self.path)
                self._refuse_newer(Db(conn))
                check_schema(conn, self.path)
            except BaseException:
                conn.close()
                raise
            if readonly:
                if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                    # An SQLite file with nothing in it yet (opened read-write it would get the tables): read
                    # as the empty report database it is, from tables made in memory.
                    conn.close()
                    conn = sqlite3.connect(":memory:")
                    migrations.apply(Db(conn))
                self.db = Db(conn)
                if stale:
                    self.readonly_reason = "文件所在的文件夹是只读的，只能查看和导出，不能修改。"
                    wal = Path(str(self.path) + "-wal")
                    if wal.exists() and wal.stat().st_size > 0:
                        # immutable=1 cannot read the WAL: say so rather than show old text silently.
                        self.readonly_reason += "最近的修改尚未并入主文件，这里显示的可能不是最新内容。"
                return
            conn.close()
            self.db = Db(_connect(self.path, False))
            harden(self.db.conn)
            self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA journal_mode=WAL")
            # Per connection: every commit reaches the disk before save() returns.
            self.db.execute("PRAGMA synchronous=FULL")
            migrations.apply(self.db)
            # Always written: this is also the probe that finds a file SQLite may read but not write.
            self._set_meta("written_by", APP_VERSION)
        except sqlite3.Error as e:
            raise classify_open(e, self.path) from None
        except OSError as e:
            raise StorageEnvironmentError(f"无法打开 {self.path}：{e.strerror}") from None

    # -- opening -------------------------------------------------------------

    def _create_new(self) -> None:
        """Make the schema in a temp file and rename it into place: a crash never leaves an empty file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.new-{os.getpid()}")
        for side in ("", "-journal", "-wal", "-shm"):
            Path(str(tmp) + side).unlink(missing_ok=True)
        db = Db(_connect(tmp, False))
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

    def _refuse_newer(self, db: Db) -> None:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        found = None
        if "meta" in tables:
            row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            text = str(row[0]) if row else ""
            # ASCII digits only, and few of them: '²' is a digit to isdigit(), 5,000 digits too many for int()
            found = int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None
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
            clause, extra = self._search_clause(search)
            where += clause
            params += extra
        rows = self.db.execute(
            f"SELECT id, kind, title, updated, deleted_at FROM reports WHERE {where} "
            "ORDER BY updated DESC, id DESC",
            params,
        ).fetchall()
        return [ReportSummary(r[0], _as_text(r[1]), _as_text(r[2]), _as_text(r[3]),
                              None if r[4] is None else _as_text(r[4])) for r in rows]

    def load(self, report_id: int) -> Report:
        """The report as stored; values no Tianbao writes (a BLOB title, a bad date) refuse it, never crash."""
        try:
            over = too_big(self.db.conn, report_id, self._has_frame())
            if over:
                raise DatabaseDamagedError(f"{self.path.name} 中编号为 {report_id} 的报告{over}，不像天报写入的数据，"
                                           "无法打开；文件未被改动。")
            report = self._load(report_id)
            report_from_data(report_to_data(report))  # the data file's strict types check every field
        except (ExchangeError, ValueError, TypeError, AttributeError, KeyError, RecursionError):
            raise DatabaseDamagedError(f"{self.path.name} 中编号为 {report_id} 的报告数据有误，无法打开；"
                                       "文件未被改动。") from None
        except sqlite3.Error as e:
            raise classify_open(e, self.path) from None
        return report

    def _load(self, report_id: int) -> Report:
        row = self.db.execute(
            "SELECT id, kind, title, preamble, closing, signature, date, page_limit, created, updated, "
            f"{self._frame_sql()} FROM reports WHERE id=?",
            [report_id],
        ).fetchone()
        if row is None:
            raise ReportNotFound(f"没有编号为 {report_id} 的报告")
        rid, kind, title, preamble, closing, signature, date, page_limit, created, updated = row[:10]
        report = Report(
            kind=kind, title=title, preamble=preamble, closing=closing, signature=signature,
            date=_dt.date.fromisoformat(date) if date else None, page_limit=page_limit,
            created=created, updated=updated, id=rid,
        )
        recipient, letterhead, record, seal, carried = row[10:]
        report.carried = json.loads(carried) if carried else {}
        frame_from_data({"recipient": recipient, "seal": bool(seal),
                         "letterhead": json.loads(letterhead) if letterhead else None,
                         "record": json.loads(record) if record else None}, report)
        if self._has_frame():
            for aid, title, body in self.db.execute(
                "SELECT id, title, body FROM attachments WHERE report_id=? ORDER BY position", [report_id]
            ):
                report.attachments.append(Attachment(title=title, body=body, id=aid))
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

    def _frame_sql(self) -> str:
        if not self._has_frame():
            return _NO_FRAME_SQL
        # A schema-2 file opened read-only has the frame but not yet the 沿用 marks.
        return _FRAME_SQL if self._has_search() else _FRAME_SQL.replace("carried", "NULL")

    def _has_frame(self) -> bool:
        """False only for a schema-1 file opened read-only (never upgraded): it has no frame columns yet."""
        if self._frame_columns is None:
            cols = {r[1] for r in self.db.execute("PRAGMA table_info(reports)")}
            self._frame_columns = "recipient" in cols
        return self._frame_columns

    def exists(self, report_id: int) -> bool:
        return self.db.execute("SELECT 1 FROM reports WHERE id=?", [report_id]).fetchone() is not None

    def create(self, report: Report) -> int:
        """Store ``report`` as a new report; sets and returns its id."""
        report.id = None
        for s in report.sections:
            s.id = None
            for i in s.items:
                i.id = None
        for a in report.attachments:
            a.id = None
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
        prune_carried(report)
        fields = [
            report.kind, report.title, report.preamble, report.closing, report.signature,
            report.date.isoformat() if report.date else None, report.page_limit,
            *_frame_columns(report),
        ]
        if report.id is None or not self.exists(report.id):
            cur = ex(
                "INSERT INTO reports(kind, title, preamble, closing, signature, date, page_limit, "
                "recipient, letterhead, record, seal, carried, created, updated, id) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [*fields, report.created or now, now, report.id],
            )
            report.id = cur.lastrowid
            report.created = report.created or now
        else:
            ex(
                "UPDATE reports SET kind=?, title=?, preamble=?, closing=?, signature=?, date=?, "
                "page_limit=?, recipient=?, letterhead=?, record=?, seal=?, carried=?, updated=? WHERE id=?",
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
        self._write_attachments(report)
        self._index_text(report)

    def _write_attachments(self, report: Report) -> None:
        ex = self.db.execute
        old = {r[0]: r[1:] for r in ex("SELECT id, position, title, body FROM attachments WHERE report_id=?",
                                        [report.id])}
        for pos, a in enumerate(report.attachments):
            if a.id in old:
                if old.pop(a.id) != (pos, a.title, a.body):
                    ex("UPDATE attachments SET position=?, title=?, body=? WHERE id=?", [pos, a.title, a.body, a.id])
            else:
                a.id = ex("INSERT INTO attachments(report_id, position, title, body) VALUES (?,?,?,?)",
                          [report.id, pos, a.title, a.body]).lastrowid
        for aid in old:
            ex("DELETE FROM attachments WHERE id=?", [aid])

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
            if _parsed_before(r[1], cutoff)
        ]
        for rid in old:
            self._exec_write("DELETE FROM reports WHERE id=?", [rid])
            if self._has_search():  # the search index is no table of reports: no cascade
                self._exec_write("DELETE FROM report_text WHERE rowid=?", [rid])
        return len(old)

    def _exec_write(self, sql: str, params: list) -> None:
        try:
            with self.db.atomic():
                self.db.execute(sql, params)
        except sqlite3.Error as e:
            raise classify(e, self.path) from None


_FRAME_SQL = "recipient, letterhead, record, seal, carried"
_NO_FRAME_SQL = "'', NULL, NULL, 0, NULL"


def _frame_columns(report: Report) -> list:
    """recipient, letterhead JSON, record JSON, seal: the frame as the reports table stores it."""
    data = report_to_data(report)
    return [
        report.recipient,
        json.dumps(data["letterhead"], ensure_ascii=False) if report.letterhead else None,
        json.dumps(data["record"], ensure_ascii=False) if report.record else None,
        int(report.seal),
        json.dumps(report.carried, ensure_ascii=False) if report.carried else None,
    ]
