"""A generator of hostile databases: what a USB stick, a restored backup or --db could hand Tianbao.

Schemas with triggers, views, extra tables or columns, lying versions; a WAL or a backup carrying a
trigger; damaged and special files; links planted beside a database; schema-valid files holding
values no Tianbao writes. Written on demand into a folder given by the test.
"""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

from tests.hostile_files import Case

# -- databases ------------------------------------------------------------------------------

def good_database(path: Path, title: str = "原有报告") -> Path:
    """A genuine Tianbao database with one report, closed (no WAL left)."""
    from models.report import Item, Report, Section
    from models.store import Store

    store = Store(path)
    store.create(Report(title=title, sections=[Section(heading="主要工作", items=[Item("一是抓学习。", "正文。")])]))
    store.close()
    return path


def _alter(path: Path, *sql: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for s in sql:
            conn.execute(s)
        conn.commit()
    finally:
        conn.close()


# name -> SQL run on a genuine database; every one of them must make it refused.
UNTRUSTED_SQL: dict[str, tuple[str, ...]] = {
    "trigger-wipes-on-meta-write": (
        "CREATE TRIGGER wipe AFTER INSERT ON meta BEGIN DELETE FROM reports; END",
        "CREATE TRIGGER wipe2 AFTER UPDATE ON meta BEGIN DELETE FROM reports; END",
        "CREATE TRIGGER wipe3 BEFORE DELETE ON meta BEGIN DELETE FROM reports; END"),
    "trigger-on-report-update": ("CREATE TRIGGER t AFTER UPDATE ON reports BEGIN DELETE FROM items; END",),
    "trigger-loops-for-ever": (  # 10^12 rows: it would not end this year
        "CREATE TABLE spin(n INTEGER)",
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1000) INSERT INTO spin SELECT x FROM c",
        "CREATE TRIGGER loop AFTER INSERT ON meta BEGIN "
        "INSERT INTO spin SELECT a.n FROM spin a, spin b, spin c, spin d; END"),
    "trigger-grows-file": (
        "CREATE TRIGGER grow AFTER INSERT ON meta BEGIN "
        "INSERT INTO snapshots(report_id, created, reason, data) SELECT id, '', '', randomblob(500000000) FROM reports; END",),
    "trigger-on-snapshot-insert": (
        "CREATE TRIGGER s AFTER INSERT ON snapshots BEGIN UPDATE reports SET title = 'x'; END",),
    "temp-named-trigger": ("CREATE TRIGGER \"temp\" AFTER INSERT ON items BEGIN DELETE FROM sections; END",),
    "view": ("CREATE VIEW v AS SELECT * FROM reports",),
    "view-recursive": ("CREATE VIEW spin AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                       "SELECT x FROM c",),
    "meta-replaced-by-view": (
        "ALTER TABLE meta RENAME TO meta_old",
        "CREATE VIEW meta AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
        "SELECT 'schema_version' AS key, '2' AS value FROM c"),
    "extra-table": ("CREATE TABLE notes(x TEXT)",),
    "extra-column": ("ALTER TABLE reports ADD COLUMN evil TEXT DEFAULT 'x'",),
    "extra-generated-column": ("ALTER TABLE items ADD COLUMN g TEXT GENERATED ALWAYS AS (upper(body)) VIRTUAL",),
    "extra-index": ("CREATE INDEX evil ON reports(title)",),
    "expression-index": ("CREATE INDEX evil ON reports(length(title) * 2)",),
    "partial-index": ("CREATE INDEX evil ON items(body) WHERE length(body) > 0",),
    "dropped-index": ("DROP INDEX items_section",),
    "dropped-table": ("DROP TABLE attachments",),
    "virtual-table": ("CREATE VIRTUAL TABLE search USING fts5(title)",),
    "version-lies-low": ("UPDATE meta SET value = '1' WHERE key = 'schema_version'",),
    "version-missing": ("DELETE FROM meta WHERE key = 'schema_version'",),
    "version-text": ("UPDATE meta SET value = 'two' WHERE key = 'schema_version'",),
    "migrations-forgotten": ("DELETE FROM _sqlite_migrations",),
    "migration-gap": ("DELETE FROM _sqlite_migrations WHERE name = 'm001_initial'",),
    "reports-rebuilt-with-check": (
        "PRAGMA foreign_keys=OFF", "ALTER TABLE reports RENAME TO r_old",
        "CREATE TABLE reports (id INTEGER PRIMARY KEY, kind TEXT, title TEXT CHECK (abs(-9223372036854775808)), "
        "preamble TEXT, closing TEXT, signature TEXT, date TEXT, page_limit INTEGER, created TEXT, updated TEXT, "
        "deleted_at TEXT, recipient TEXT, letterhead TEXT, record TEXT, seal INTEGER)",
        "DROP TABLE r_old"),
}


def untrusted_database(folder: Path, name: str) -> Path:
    path = good_database(folder / f"{name}.db")
    _alter(path, *UNTRUSTED_SQL[name])
    return path


def schema1_with_trigger(folder: Path, schema1: Path) -> Path:
    path = folder / "schema1-trigger.db"
    path.write_bytes(schema1.read_bytes())
    _alter(path, "CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM reports; END")
    return path


def wal_carrying_trigger(folder: Path) -> Path:
    """A clean main file whose -wal adds a trigger: the WAL is part of the database."""
    path = good_database(folder / "wal-trigger.db")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM reports; END")
    conn.commit()
    # Copy main file and WAL while the connection still holds them (closing would checkpoint).
    out = folder / "wal-carrier.db"
    out.write_bytes(path.read_bytes())
    Path(str(out) + "-wal").write_bytes(Path(str(path) + "-wal").read_bytes())
    conn.close()
    return out


def hot_journal(folder: Path, trigger: bool) -> Path:
    """A file copied mid-transaction with its rollback journal: rolling the journal back restores what the
    transaction had changed, here a dropped trigger (``trigger``) or an edited title."""
    src = good_database(folder / "src.db")
    conn = sqlite3.connect(src)
    if trigger:
        conn.execute("CREATE TRIGGER wipe AFTER INSERT ON meta BEGIN DELETE FROM reports; END")
        conn.commit()
    conn.close()
    conn = sqlite3.connect(src, isolation_level=None)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA cache_size=1")  # pages spill to the main file before the commit
    conn.execute("BEGIN")
    conn.execute("DROP TRIGGER wipe" if trigger else "UPDATE reports SET title = '半截的修改'")
    conn.execute("CREATE TABLE big(x)")
    conn.execute("INSERT INTO big SELECT randomblob(3000) FROM "
                 "(WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r LIMIT 300) SELECT i FROM r)")
    out = folder / ("journal-trigger.db" if trigger else "journal-plain.db")
    out.write_bytes(src.read_bytes())
    Path(str(out) + "-journal").write_bytes(Path(str(src) + "-journal").read_bytes())
    conn.execute("ROLLBACK")
    conn.close()
    for side in ("", "-journal", "-wal", "-shm"):
        Path(str(src) + side).unlink(missing_ok=True)
    return out


_ROWS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT {n}) {sql}"
# name -> SQL making a schema-valid file hold values no Tianbao writes.
ODD_VALUES_SQL: dict[str, tuple[str, ...]] = {
    "blob-title": ("UPDATE reports SET title = x'ff00fe'",),
    "number-title": ("UPDATE reports SET title = 12345",),
    "null-kind": ("PRAGMA ignore_check_constraints=1", "UPDATE reports SET kind = 5.5"),
    "bad-date": ("UPDATE reports SET date = '2026-99-99'",),
    "number-date": ("UPDATE reports SET date = 20261126",),
    "huge-page-limit": ("UPDATE reports SET page_limit = 9223372036854775807",),
    "text-page-limit": ("UPDATE reports SET page_limit = 'many'",),
    "bad-letterhead": ("UPDATE reports SET letterhead = '{not json'",),
    "deep-letterhead": ("UPDATE reports SET letterhead = '" + "[" * 100000 + "]" * 100000 + "'",),
    "list-record": ("UPDATE reports SET record = '[1,2]'",),
    "bad-numbering": ("UPDATE sections SET numbering = 'evil'",),
    "blob-body": ("UPDATE items SET body = randomblob(64)",),
    "bad-deleted-at": ("UPDATE reports SET deleted_at = 'yesterday'",),
    "bad-snapshot": ("INSERT INTO snapshots(report_id, created, reason, data) SELECT id, 'never', '保存', '{' FROM reports",),
    "orphan-items": ("PRAGMA foreign_keys=OFF", "INSERT INTO items(section_id, position) VALUES (999, 0)"),
    # red team, second round: frame columns of the wrong JSON types, rows no typing makes, snapshots
    "signers-dict": ("""UPDATE reports SET letterhead = '{"signers": {"a": 1}}'""",),
    "signers-string": ("""UPDATE reports SET letterhead = '{"signers": "张三"}'""",),
    "letterhead-string": ("""UPDATE reports SET letterhead = '"abc"'""",),
    "letterhead-1e999": ("UPDATE reports SET letterhead = '1e999'",),
    "letterhead-nan": ("""UPDATE reports SET letterhead = '{"mark": NaN}'""",),
    "letterhead-5000-digits": ("UPDATE reports SET letterhead = '" + "9" * 5000 + "'",),
    "letterhead-blob": ("UPDATE reports SET letterhead = x'00ff'",),
    "letterhead-surrogate": ("""UPDATE reports SET letterhead = '{"mark": "\\ud800"}'""",),
    "record-date-number": ("""UPDATE reports SET record = '{"date": 5}'""",),
    "record-cc-list": ("""UPDATE reports SET record = '{"cc": [1]}'""",),
    "seal-text": ("UPDATE reports SET seal = 'yes'",),
    "run-on-text": ("UPDATE sections SET run_on = 'false'",),
    "date-blob": ("UPDATE reports SET date = x'323032362d30312d3031'",),
    "duplicate-positions": ("INSERT INTO sections(report_id, position, heading) SELECT 1, 0, '重复' FROM reports",
                            "UPDATE items SET position = 0"),
    "extreme-positions": ("UPDATE sections SET position = -9223372036854775808",
                          "UPDATE items SET position = 9223372036854775807"),
    "controls-in-text": ("UPDATE items SET body = 'a' || char(0) || char(11) || char(65534) || 'b'",
                         """UPDATE reports SET letterhead = '{"mark": "\\u0000局\\uffff"}'"""),
    "snapshot-blob": ("INSERT INTO snapshots(report_id, created, reason, data) VALUES (1, '2026-01-01', '保存', x'00ff')",),
    "snapshot-list": ("INSERT INTO snapshots(report_id, created, reason, data) VALUES (1, '2026-01-01', '保存', '[1]')",),
    "snapshot-bad-fields": ("INSERT INTO snapshots(report_id, created, reason, data, chars, summary) "
                            "VALUES (1, x'ff', 5, '{}', 'x', x'ff')",),
    "million-items": (_ROWS.format(n=1_000_000, sql="INSERT INTO items(section_id, position, lead, body) "
                                   "SELECT (SELECT min(id) FROM sections), x, '一是', '正文' FROM c"),),
    "30000-items": (_ROWS.format(n=30_000, sql="INSERT INTO items(section_id, position, lead, body) "
                                 "SELECT (SELECT min(id) FROM sections), x, '一是', '正文' FROM c"),),
    "200000-attachments": (_ROWS.format(n=200_000, sql="INSERT INTO attachments(report_id, position, title) "
                                        "SELECT 1, x, '附件' FROM c"),),
    "15m-char-body": ("UPDATE items SET body = (SELECT group_concat('字', '') FROM ("
                      + _ROWS.format(n=15_000_000, sql="SELECT x FROM c") + "))",),
    "huge-snapshot": ("INSERT INTO snapshots(report_id, created, reason, data) VALUES "
                      "(1, '2026-01-01', '保存', zeroblob(100000000))",),
}


def odd_values_database(folder: Path, name: str) -> Path:
    path = good_database(folder / f"odd-{name}.db")
    _alter(path, *ODD_VALUES_SQL[name])
    return path


def damaged_databases(folder: Path) -> list[Case]:
    """Files named .db that are not databases at all, or not regular files."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(3)
    good = good_database(folder / "source.db").read_bytes()
    made = {
        "zero.db": b"",
        "text.db": "这不是数据库".encode(),
        "header-only.db": good[:100],
        "truncated.db": good[: len(good) // 2 + 7],
        "scrambled.db": good[:100] + bytes(rng.randrange(256) for _ in range(len(good) - 100)),
        "bad-page-size.db": good[:16] + b"\x00\x07" + good[18:],
        "future-format.db": good[:44] + b"\x00\x00\x00\x09" + good[48:],
        "bad-encoding.db": good[:56] + b"\x00\x00\x00\x07" + good[60:],
    }
    cases = []
    for name, data in made.items():
        (folder / name).write_bytes(data)
        cases.append(Case(name, folder / name))
    (folder / "source.db").unlink()
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "fifo.db")
        cases.append(Case("fifo.db", folder / "fifo.db", special=True))
    if os.path.exists("/dev/zero"):
        (folder / "zero-device.db").symlink_to("/dev/zero")
        cases.append(Case("zero-device.db", folder / "zero-device.db", special=True))
    (folder / "folder.db").mkdir()
    cases.append(Case("folder.db", folder / "folder.db", special=True))
    return cases


def planted_side_files(folder: Path, victim: Path) -> list[Case]:
    """Genuine databases beside which a foreign folder planted a link (or FIFO) where SQLite or the lock write."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = []
    for side in (".lock", "-wal", "-journal", "-shm"):
        path = good_database(folder / f"planted{side.replace('.', '_')}.db")
        Path(str(path) + side).symlink_to(victim)
        cases.append(Case(f"link{side}", path))
    if hasattr(os, "mkfifo"):
        path = good_database(folder / "planted-fifo-lock.db")
        os.mkfifo(str(path) + ".lock")
        cases.append(Case("fifo.lock", path))
    return cases
