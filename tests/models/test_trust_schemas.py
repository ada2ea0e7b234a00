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
