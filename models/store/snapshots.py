"""The SQL of 历史版本: snapshots of a report kept in the same file."""
from __future__ import annotations

import datetime as _dt
import json
import sqlite3

from models import history
from models.exchange import report_from_data, report_to_data
from models.report import Report, now_iso
from models.store.database import (
    DatabaseDamagedError,
    ReportNotFound,
    SnapshotInfo,
    _as_text,
    classify,
)
from models.store.sizes import MAX_STORED_CHARS

MAX_SNAPSHOT_CHARS = 8 * MAX_STORED_CHARS  # the JSON of the largest report that opens, escapes included


class SnapshotsMixin:
    """History versions of reports; mixed into Store, which owns ``self.db``."""

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
            try:
                previous = report_from_data(json.loads(latest[1])) if latest else None
            except (ValueError, TypeError, RecursionError):
                previous = None  # an unreadable older version: describe this one as if first
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

    def prune_snapshots(self, report_id: int, now: _dt.datetime | None = None, keep_recent: int | None = None) -> int:
        """Thin old snapshots (see history.snapshots_to_prune); returns how many were removed."""
        now = now or _dt.datetime.now().astimezone()
        doomed = history.snapshots_to_prune(self.snapshots(report_id), now, keep_recent=keep_recent)
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
        return [SnapshotInfo(r[0], r[1], _as_text(r[2]), _as_text(r[3]), r[4] if isinstance(r[4], int) else 0,
                             _as_text(r[5])) for r in rows]

    def load_snapshot(self, snapshot_id: int) -> Report:
        size = self.db.execute("SELECT length(data) FROM snapshots WHERE id=?", [snapshot_id]).fetchone()
        if size is None:
            raise ReportNotFound(f"没有编号为 {snapshot_id} 的历史版本")
        if (size[0] or 0) > MAX_SNAPSHOT_CHARS:  # counted before it is read: a crafted 500 MB blob
            raise DatabaseDamagedError(f"历史版本 {snapshot_id} 过大，不像天报写入的数据，无法读取")
        row = self.db.execute("SELECT data FROM snapshots WHERE id=?", [snapshot_id]).fetchone()
        try:
            return report_from_data(json.loads(row[0]))
        except (ValueError, TypeError, RecursionError):  # ExchangeError and JSONDecodeError are ValueErrors
            raise DatabaseDamagedError(f"历史版本 {snapshot_id} 的数据有误，无法读取") from None
