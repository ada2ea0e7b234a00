"""The expected schemas, made on one database a migration at a time, are those of each prefix made afresh."""

from __future__ import annotations

from sqlite_utils import Database

from models.migrations import migrations
from models.store import trust


def _afresh() -> list[tuple]:
    names = migrations.names()
    out = []
    for k in range(len(names) + 1):
        db = Database(memory=True)
        if k:
            migrations.apply(db, stop_before=names[k] if k < len(names) else None)
        row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() if "meta" in db.table_names() else None
        out.append((tuple(names[:k]), row[0] if row else None, trust.schema_of(db.conn)))
        db.conn.close()
    return out


def test_schemas_made_incrementally_equal_each_prefix_made_afresh():
    made = trust._computed_schemas()
    assert list(made) == _afresh()
    assert len(made) == len(migrations.names()) + 1 and len({m[2] for m in made}) == len(made)


def test_a_cut_short_schema_cache_is_made_again(tmp_path, monkeypatch):
    """The cache is renamed into place unsynced: one cut short by a crash is not read, and is written anew."""
    monkeypatch.setenv("TIANBAO_CACHE_DIR", str(tmp_path / "cache"))
    cache = tmp_path / "cache" / "known-schemas.json"
    trust.known_schemas.cache_clear()
    try:
        made = trust.known_schemas()
        whole = cache.read_bytes()
        cache.write_bytes(whole[: len(whole) // 2])
        trust.known_schemas.cache_clear()
        assert trust.known_schemas() == made
        assert cache.read_bytes() == whole and not list(cache.parent.glob("*.tmp"))
    finally:
        trust.known_schemas.cache_clear()


def test_schemas_are_made_without_looking_up_sqlite_utils_plugins():
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = ("import sqlite_utils.plugins as p; from models.store import trust; known = trust._computed_schemas();"
            "print(len(known), p._plugins_loaded)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60)
    count, loaded = out.stdout.split()
    assert int(count) > 1 and loaded == "False"


def test_the_cache_key_follows_our_migrations(monkeypatch):
    """A cache made with other migrations is not read: the key changes with their code (not their file names)."""
    key = trust._schemas_key()
    assert key == trust._schemas_key()
    registered = list(migrations._registered)
    name, fn = registered[-1]

    def changed(db):  # the same name, other code
        return fn(db) or None

    monkeypatch.setattr(migrations, "_registered", registered[:-1] + [(name, changed)])
    assert trust._schemas_key() != key
