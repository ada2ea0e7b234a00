"""Daily backups beside the database (last 7 kept) and 从备份恢复 that keeps the current file aside."""

from __future__ import annotations

import datetime as _dt
import sqlite3

import pytest

from models.backup import backup_dir, daily_backup, list_backups, restore_backup
from models.report import Item, Report, Section
from models.store import DatabaseDamagedError, DatabaseNewerError, Store, integrity_check
from tests.models.test_migrations import make_newer

DAY = _dt.datetime(2026, 11, 26, 9, 30)


def sample(title: str) -> Report:
    return Report(title=title, sections=[Section(heading="履职情况", items=[Item("抓学习", "正文𠮷😀")])])


def titles(path) -> list[str]:
    store = Store(path, readonly=True)
    try:
        return sorted(r.title for r in store.list_reports())
    finally:
        store.close()


def test_daily_backup_once_a_day(db_path):
    store = Store(db_path)
    store.create(sample("第一份"))
    made = daily_backup(store, now=DAY)
    assert made == db_path.parent / "backups" / "tianbao-0001-2026-11-26.db"
    assert daily_backup(store, now=DAY + _dt.timedelta(hours=5)) is None
    store.create(sample("第二份"))  # not in today's backup: it was made before
    assert titles(made) == ["第一份"]
    conn = sqlite3.connect(made)
    assert integrity_check(conn) == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    conn.close()
    assert sorted(p.name for p in backup_dir(db_path).iterdir()) == ["tianbao-0001-2026-11-26.db"]


def test_backup_includes_uncheckpointed_wal(db_path):
    """The backup API reads through the open connection, WAL pages included."""
    store = Store(db_path)
    for k in range(20):
        store.create(sample(f"报告{k}"))
    assert (db_path.parent / (db_path.name + "-wal")).stat().st_size > 0
    made = daily_backup(db_path, now=DAY)  # from the path, while the store is still open
    assert len(titles(made)) == 20


def test_keeps_last_seven(db_path):
    store = Store(db_path)
    store.create(sample("x"))
    for d in range(10):
        daily_backup(store, now=DAY + _dt.timedelta(days=d))
    names = [b.path.name for b in list_backups(db_path)]
    assert names == [f"tianbao-{d + 1:04d}-2026-{(DAY + _dt.timedelta(days=d)):%m-%d}.db" for d in range(9, 2, -1)]
    assert list_backups(db_path)[0].label() == "2026-12-05 每日备份"


def test_list_backups_ignores_other_files(db_path):
    folder = backup_dir(db_path)
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("x")
    (folder / "tianbao-2026-13-99.db.tmp").write_text("x")
    assert list_backups(db_path) == []
    assert list_backups(db_path.parent / "elsewhere" / "t.db") == []


def test_restore_backup_keeps_current_aside(db_path):
    store = Store(db_path)
    store.create(sample("备份时就有"))
    backup = daily_backup(store, now=DAY)
    store.create(sample("备份后才写"))
    store.close()

    aside = restore_backup(backup, db_path, now=DAY + _dt.timedelta(hours=1))
    assert aside.name == "tianbao-before-restore-0002-20261126-103000.db"
    assert titles(db_path) == ["备份时就有"]
    assert titles(aside) == ["备份后才写", "备份时就有"]
    store = Store(db_path)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert integrity_check(store.db.conn) == "ok"
    store.create(sample("恢复后继续写"))
    store.close()
    assert titles(db_path) == ["备份时就有", "恢复后继续写"]
    kinds = [(b.before_restore, b.label()[:10]) for b in list_backups(db_path)]
    assert kinds == [(True, "2026-11-26"), (False, "2026-11-26")]
    # And the restore can itself be undone from the copy kept aside.
    restore_backup(aside, db_path, now=DAY + _dt.timedelta(hours=2))
    assert titles(db_path) == ["备份后才写", "备份时就有"]


def test_restore_over_a_damaged_database(db_path):
    store = Store(db_path)
    store.create(sample("好的"))
    backup = daily_backup(store, now=DAY)
    store.close()
    damaged = b"SQLite format 3\x00" + b"\x07" * 5000
    db_path.write_bytes(damaged)
    with pytest.raises(DatabaseDamagedError):
        Store(db_path)
    aside = restore_backup(backup, db_path, now=DAY)
    assert aside.read_bytes() == damaged  # the damaged file is kept byte for byte
    assert titles(db_path) == ["好的"]


def test_restore_into_missing_file(db_path):
    store = Store(db_path)
    store.create(sample("好的"))
    backup = daily_backup(store, now=DAY)
    store.close()
    for side in ("", "-wal", "-shm"):
        (db_path.parent / (db_path.name + side)).unlink(missing_ok=True)
    assert restore_backup(backup, db_path) is None
    assert titles(db_path) == ["好的"]


def test_damaged_or_newer_backup_is_refused_before_anything_changes(db_path, tmp_path):
    store = Store(db_path)
    store.create(sample("当前"))
    store.close()
    before = db_path.read_bytes()
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(DatabaseDamagedError):
        restore_backup(bad, db_path)
    newer = tmp_path / "newer.db"
    make_newer(newer, version=99)
    with pytest.raises(DatabaseNewerError):
        restore_backup(newer, db_path)
    assert db_path.read_bytes() == before
    assert list_backups(db_path) == []
