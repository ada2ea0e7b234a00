"""Named, ordered schema migrations; each runs in a transaction (sqlite-utils Migrations)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "tianbao"
migrations = Migrations(MIGRATION_SET)

# Bumped by every migration that changes the schema; a file whose
# schema_version is higher was written by a newer Tianbao and is refused.
SCHEMA_VERSION = 3


@migrations(name="m001_initial")
def m001_initial(db: Database) -> None:
    # IF NOT EXISTS: the first migration adopts a database whose tables were
    # made before migrations were recorded, keeping its rows.
    db.execute(
        """CREATE TABLE IF NOT EXISTS reports (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL DEFAULT 'blank',
            title TEXT NOT NULL DEFAULT '',
            preamble TEXT NOT NULL DEFAULT '',
            closing TEXT NOT NULL DEFAULT '',
            signature TEXT NOT NULL DEFAULT '',
            date TEXT,
            page_limit INTEGER,
            created TEXT NOT NULL DEFAULT '',
            updated TEXT NOT NULL DEFAULT '',
            deleted_at TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE IF NOT EXISTS sections (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            heading TEXT NOT NULL DEFAULT '',
            numbering TEXT NOT NULL DEFAULT 'yishi',
            run_on INTEGER NOT NULL DEFAULT 0,
            intro TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        """CREATE TABLE IF NOT EXISTS items (
            id INTEGER PRIMARY KEY,
            section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            lead TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        """CREATE TABLE IF NOT EXISTS snapshots (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            created TEXT NOT NULL,
            reason TEXT NOT NULL,
            data TEXT NOT NULL,
            chars INTEGER NOT NULL DEFAULT 0,
            summary TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("CREATE INDEX IF NOT EXISTS sections_report ON sections(report_id, position)")
    db.execute("CREATE INDEX IF NOT EXISTS items_section ON items(section_id, position)")
    db.execute("CREATE INDEX IF NOT EXISTS snapshots_report ON snapshots(report_id, created)")
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '1')")


@migrations(name="m002_frame")
def m002_frame(db: Database) -> None:
    """The official-document frame: 主送, 版头, 版记, seal layout, attachments."""
    db.execute("ALTER TABLE reports ADD COLUMN recipient TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE reports ADD COLUMN letterhead TEXT")  # JSON object or NULL
    db.execute("ALTER TABLE reports ADD COLUMN record TEXT")  # JSON object or NULL
    db.execute("ALTER TABLE reports ADD COLUMN seal INTEGER NOT NULL DEFAULT 0")
    db.execute(
        """CREATE TABLE attachments (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX attachments_report ON attachments(report_id, position)")
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '2')")


# Named m004: m003_search_templates is being written on another branch at the same time. Until the two
# meet, this one is the third and writes schema version 3; at the merge it goes after m003 and writes '4'.
@migrations(name="m004_proofread")
def m004_proofread(db: Database) -> None:
    """The office's own proofreading rules (常用提法, 易错词) and ignored findings (忽略此处, 不再提示)."""
    db.execute(
        """CREATE TABLE proofread_rules (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            suggest TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL DEFAULT '',
            UNIQUE (kind, text)
        )"""
    )
    db.execute(
        """CREATE TABLE proofread_ignores (
            id INTEGER PRIMARY KEY,
            rule TEXT NOT NULL,
            text TEXT NOT NULL,
            field TEXT NOT NULL DEFAULT '',
            report_id INTEGER REFERENCES reports(id) ON DELETE CASCADE,
            created TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX proofread_ignores_report ON proofread_ignores(report_id)")
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '3')")


def known_names() -> set[str]:
    return {m.name for m in migrations._migrations}
