"""Migrations: a fresh file, adopting a pre-migration file, refusing a newer one untouched, old files open."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from models import APP_VERSION
from models.migrations import SCHEMA_VERSION, known_names
from models.report import Attachment, Report
from models.store import DatabaseNewerError, Store

DATA = Path(__file__).resolve().parent.parent / "data"


def fingerprint(path: Path) -> tuple:
    """Bytes, size and mtime of a file and its WAL companions."""
    out = []
    for side in ("", "-wal", "-shm", "-journal"):
        p = Path(str(path) + side)
        if p.exists():
            st = p.stat()
            out.append((side, hashlib.sha256(p.read_bytes()).hexdigest(), st.st_size, st.st_mtime_ns))
        else:
            out.append((side, None))
    return tuple(out)


def applied(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set='tianbao'")}
    finally:
        conn.close()


def test_fresh_database(db_path):
    store = Store(db_path)
    assert store.schema_version() == SCHEMA_VERSION
    tables = set(store.db.table_names())
    assert {"reports", "sections", "items", "snapshots", "meta"} <= tables
    store.close()
    assert applied(db_path) == known_names()


def test_reopen_applies_nothing_twice(db_path):
    Store(db_path).close()
    before = applied(db_path)
    Store(db_path).close()
    assert applied(db_path) == before


def test_adopt_pre_migration_database(db_path):
    """Tables made by hand before migrations were recorded: rows kept, migrations recorded."""
    conn = sqlite3.connect(db_path)
    conn.executescript(
        """
        CREATE TABLE reports (id INTEGER PRIMARY KEY, kind TEXT NOT NULL DEFAULT 'blank',
            title TEXT NOT NULL DEFAULT '', preamble TEXT NOT NULL DEFAULT '', closing TEXT NOT NULL DEFAULT '',
            signature TEXT NOT NULL DEFAULT '', date TEXT, page_limit INTEGER, created TEXT NOT NULL DEFAULT '',
            updated TEXT NOT NULL DEFAULT '', deleted_at TEXT);
        CREATE TABLE sections (id INTEGER PRIMARY KEY, report_id INTEGER NOT NULL REFERENCES reports(id)
            ON DELETE CASCADE, position INTEGER NOT NULL, heading TEXT NOT NULL DEFAULT '',
            numbering TEXT NOT NULL DEFAULT 'yishi', run_on INTEGER NOT NULL DEFAULT 0, intro TEXT NOT NULL DEFAULT '');
        CREATE TABLE items (id INTEGER PRIMARY KEY, section_id INTEGER NOT NULL REFERENCES sections(id)
            ON DELETE CASCADE, position INTEGER NOT NULL, lead TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '');
        INSERT INTO reports(id, kind, title, preamble, date, created, updated)
            VALUES (7, 'blank', '旧报告', '旧开头语', '2025-12-01', '2025-12-01T09:00:00+08:00', '2025-12-01T09:00:00+08:00');
        INSERT INTO sections(id, report_id, position, heading) VALUES (3, 7, 0, '履职情况');
        INSERT INTO items(id, section_id, position, lead, body) VALUES (11, 3, 0, '抓学习', '旧正文𠮷');
        """
    )
    conn.commit()
    conn.close()
    store = Store(db_path)
    report = store.load(7)
    assert report.title == "旧报告" and report.preamble == "旧开头语"
    assert report.sections[0].items[0].body == "旧正文𠮷" and report.sections[0].items[0].id == 11
    assert store.schema_version() == SCHEMA_VERSION
    assert "snapshots" in store.db.table_names()
    store.close()
    assert applied(db_path) == known_names()


def make_newer(db_path: Path, *, version: int | None = None, migration: str | None = None) -> None:
    store = Store(db_path)
    store.create(Report(title="新版本写的"))
    store.close()
    conn = sqlite3.connect(db_path)
    if version is not None:
        conn.execute("UPDATE meta SET value=? WHERE key='schema_version'", [str(version)])
        conn.execute("UPDATE meta SET value='9.9.0' WHERE key='written_by'")
    if migration is not None:
        conn.execute(
            "INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES ('tianbao', ?, '2030-01-01')",
            [migration],
        )
    conn.commit()
    conn.close()
    for side in ("-wal", "-shm"):
        assert not Path(str(db_path) + side).exists()


@pytest.mark.parametrize("readonly", [False, True])
def test_refuse_newer_schema_version_untouched(db_path, readonly):
    make_newer(db_path, version=SCHEMA_VERSION + 1)
    before = fingerprint(db_path)
    time.sleep(0.01)
    with pytest.raises(DatabaseNewerError) as err:
        Store(db_path, readonly=readonly)
    message = str(err.value)
    assert f"数据格式 {SCHEMA_VERSION + 1}" in message and "9.9.0" in message
    assert f"数据格式 {SCHEMA_VERSION}）" in message and APP_VERSION in message
    assert "升级" in message
    assert fingerprint(db_path) == before


def test_refuse_unknown_migration_untouched(db_path):
    make_newer(db_path, migration="m099_from_the_future")
    before = fingerprint(db_path)
    with pytest.raises(DatabaseNewerError, match=f"当前程序为 {APP_VERSION}"):
        Store(db_path)
    assert fingerprint(db_path) == before


def test_refuse_newer_with_leftover_wal_untouched(db_path, tmp_path):
    """A newer file with an un-checkpointed WAL: checking it must not checkpoint into it."""
    make_newer(db_path, version=SCHEMA_VERSION + 5)
    # Leave a WAL behind, as a crash of the newer program would.
    src = tmp_path / "writer.py"
    src.write_text(
        "import sqlite3, os, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "c.execute('PRAGMA journal_mode=WAL')\n"
        "c.execute(\"INSERT INTO meta(key, value) VALUES ('x', 'y')\")\n"
        "c.commit()\n"
        "os._exit(0)\n"
    )
    import subprocess
    import sys

    subprocess.run([sys.executable, str(src), str(db_path)], check=True)
    assert os.path.getsize(str(db_path) + "-wal") > 0
    before = fingerprint(db_path)[:2]  # the file and its WAL (the -shm index may be rebuilt)
    with pytest.raises(DatabaseNewerError):
        Store(db_path)
    assert fingerprint(db_path)[:2] == before


def test_schema1_file_opens(tmp_path):
    """A file written by schema 1 (tests/data/schema1.db) opens with every word, and upgrades in a copy."""
    copy = tmp_path / "schema1.db"
    shutil.copyfile(DATA / "schema1.db", copy)
    store = Store(copy)
    reports = store.list_reports()
    assert [r.title for r in reports] == ["关于2026年度履行全面从严治党责任情况的报告"]
    report = store.load(reports[0].id)
    assert report.sections[0].items[0].body == "坚持第一议题制度。𠮷😀"
    assert report.sections[1].intro == "对照要求，仍有差距。" and report.page_limit == 6
    assert [r.title for r in store.list_reports(deleted=True)] == ["已删除的报告"]
    assert len(store.snapshots(report.id)) == 1
    assert store.schema_version() == SCHEMA_VERSION
    # Upgraded to the frame: empty at first, then every new field is stored in the old file.
    assert report.recipient == "" and report.attachments == [] and report.letterhead is None
    assert report.record is None and report.seal is False
    report.recipient = "区委"
    report.attachments.append(Attachment("附件标题", "附件正文"))
    store.save(report)
    store.close()
    again = Store(copy)
    assert again.load(report.id).content_equal(report)
    again.close()


def test_schema1_file_opens_readonly_untouched(tmp_path):
    copy = tmp_path / "schema1.db"
    shutil.copyfile(DATA / "schema1.db", copy)
    before = fingerprint(copy)[0]
    store = Store(copy, readonly=True)
    assert len(store.list_reports()) == 1
    report = store.load(store.list_reports()[0].id)  # no frame columns in schema 1: an empty frame
    assert report.sections[0].items[0].body == "坚持第一议题制度。𠮷😀"
    assert report.recipient == "" and report.attachments == [] and report.letterhead is None
    store.close()
    assert fingerprint(copy)[0] == before
