"""Named, ordered schema migrations; each runs in a transaction (sqlite-utils Migrations)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "tianbao"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' record of applied migrations


class _Migrations:
    """sqlite-utils Migrations, made only when one is pending: opening an up-to-date file imports nothing."""

    def __init__(self, name: str):
        self.name = name
        self._registered: list[tuple[str, object]] = []  # (name, function) in order

    def __call__(self, *, name: str):
        def inner(fn):
            self._registered.append((name, fn))
            return fn

        return inner

    def names(self) -> list[str]:
        return [n for n, _fn in self._registered]

    def pending(self, conn) -> bool:
        """True when some registered migration is not recorded in the file (read with plain sqlite3)."""
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", [MIGRATIONS_TABLE]).fetchone() is None:
            return True
        done = {r[0] for r in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set=?", [self.name])}
        return any(n not in done for n in self.names())

    def apply(self, db, *, stop_before: str | None = None) -> None:
        """Apply pending migrations, each in a transaction (sqlite-utils Migrations.apply); ``stop_before``
        names the first one not to apply (the schema trust check builds each older schema this way)."""
        if stop_before is None and not self.pending(db.conn):
            return
        from sqlite_utils.migrations import Migrations

        real = Migrations(self.name)
        for name, fn in self._registered:
            real(name=name)(fn)
        target = db.full() if hasattr(db, "full") else db
        if stop_before is None:
            real.apply(target)
        else:
            real.apply(target, stop_before=stop_before)


migrations = _Migrations(MIGRATION_SET)

# Bumped by every migration that changes the schema; a file whose
# schema_version is higher was written by a newer Tianbao and is refused.
SCHEMA_VERSION = 4


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


@migrations(name="m003_search_templates")
def m003_search_templates(db: Database) -> None:
    """Full-text search of every field, 沿用 marks, and the user's own templates."""
    from models.search_text import spaced

    db.execute("ALTER TABLE reports ADD COLUMN carried TEXT")  # JSON {field path: carried text} or NULL
    # rowid = reports.id; kept in step by Store._write in Python (no triggers: see the schema trust check).
    db.execute("CREATE VIRTUAL TABLE report_text USING fts5(body)")
    db.execute(
        """CREATE TABLE user_templates (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            data TEXT NOT NULL,
            created TEXT NOT NULL DEFAULT '',
            updated TEXT NOT NULL DEFAULT ''
        )"""
    )
    for rid, *top in db.execute(
        "SELECT id, title, recipient, preamble, closing, signature FROM reports"
    ).fetchall():
        parts = list(top)
        for sid, heading, intro in db.execute(
            "SELECT id, heading, intro FROM sections WHERE report_id=? ORDER BY position", [rid]
        ).fetchall():
            parts += [heading, intro]
            for lead, body in db.execute("SELECT lead, body FROM items WHERE section_id=? ORDER BY position", [sid]):
                parts += [lead, body]
        parts += [t for row in db.execute("SELECT title, body FROM attachments WHERE report_id=?", [rid]) for t in row]
        db.execute("INSERT INTO report_text(rowid, body) VALUES (?, ?)", [rid, spaced(parts)])
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '3')")


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
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '4')")


def known_names() -> set[str]:
    return set(migrations.names())
