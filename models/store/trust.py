"""A database is trusted only when its schema is exactly what this version's migrations make.

A file handed over on a USB stick, restored from a backup or chosen with --db may carry a
trigger, a view or an extra table that SQLite would run the moment Tianbao writes to it. Before
anything writes, its tables, indexes, triggers and views (normalised SQL from sqlite_master) are
compared with the schema the migrations create for the file's recorded schema version, derived by
applying each prefix of the migration list to an in-memory database — never a hand-kept list.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from pathlib import Path

from models.store.database import DatabaseUntrustedError

# sqlite_master rows SQLite itself may add to a file of ours (ANALYZE, AUTOINCREMENT): no code runs in them.
_INTERNAL_TABLES = {
    "sqlite_stat1": "create table sqlite_stat1(tbl,idx,stat)",
    "sqlite_stat4": "create table sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)",
    "sqlite_sequence": "create table sqlite_sequence(name,seq)",
}

_TOKEN = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|\s+|[A-Za-z0-9_]+|.""", re.S)
_SIMPLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def untrusted_message(path: str | Path, found: str = "") -> str:
    name = Path(path).name if path else "数据库"
    what = f"（{found}）" if found else ""
    return (f"{name} 含有天报不认识的内容{what}，可能被其他程序改动过或不是天报的报告库。"
            "为安全起见，天报不打开它，文件未被改动。")


def normalise_sql(sql: str | None) -> str | None:
    """The SQL with layout, keyword case and identifier quoting removed; string literals kept exactly."""
    if sql is None:
        return None
    out: list[str] = []
    for tok in _TOKEN.findall(sql):
        if tok.isspace():
            continue
        if tok[0] == "'":
            out.append(tok)
            continue
        if tok[0] in "\"`[":
            inner = tok[1:-1].replace('""', '"') if tok[0] == '"' else tok[1:-1]
            tok = inner if _SIMPLE.match(inner) else '"' + inner.replace('"', '""') + '"'
        out.append(tok.lower() if tok[0] != '"' else tok)
    # Spaces only between two words: "create table t(x)" == "CREATE TABLE t ( x )".
    text = ""
    for tok in out:
        if text and (text[-1].isalnum() or text[-1] == "_") and (tok[0].isalnum() or tok[0] == "_"):
            text += " "
        text += tok
    return text


Schema = frozenset  # of (type, name, tbl_name, normalised sql)

# sqlite-utils makes its _sqlite_migrations table itself; another 4.x release may spell it differently.
# Any plain spelling is accepted (columns with a type, a unique index): nothing in it can run.
_MIGRATIONS_TABLE = re.compile(
    r"create table _sqlite_migrations\((?:id integer primary key|migration_set text|name text|applied_at text)"
    r"(?:,(?:id integer primary key|migration_set text|name text|applied_at text))*\)\Z")
_MIGRATIONS_INDEX = re.compile(r"create unique index \w+ on _sqlite_migrations\(migration_set,name\)\Z")
MIGRATIONS_ROW = ("table", "_sqlite_migrations", "_sqlite_migrations", "<sqlite-utils>")


def schema_of(conn: sqlite3.Connection) -> Schema:
    """The file's schema as comparable rows; SQLite's own statistics tables are left out when genuine."""
    rows = set()
    for typ, name, tbl, sql in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"):
        norm = normalise_sql(sql)
        if typ == "table" and name in _INTERNAL_TABLES and norm == _INTERNAL_TABLES[name]:
            continue
        if typ == "table" and name == "_sqlite_migrations" and norm and _MIGRATIONS_TABLE.match(norm):
            rows.add(MIGRATIONS_ROW)
            continue
        if typ == "index" and tbl == "_sqlite_migrations" and norm and _MIGRATIONS_INDEX.match(norm):
            rows.add(("index", "<sqlite-utils>", tbl, "<sqlite-utils>"))
            continue
        rows.add((typ, name, tbl, norm))
    return frozenset(rows)


SCHEMAS_CACHE_LIMIT = 1 << 20  # ~10 KB written; anything near this size is not ours


@functools.lru_cache(maxsize=1)
def known_schemas() -> tuple[tuple[tuple[str, ...], str | None, Schema], ...]:
    """(applied migration names, schema_version in meta, schema) after each prefix of the migration list.

    Computed by running the migrations on in-memory databases, so a migration added later (m003...)
    is known here without anyone editing a list. The result is kept in the cache folder, keyed by the
    migrations' source, sqlite-utils' and SQLite's versions: later starts read it instead of importing
    sqlite-utils (~50 ms of every start of the window and the command line).
    """
    import json

    from models import cachefile, paths

    key = _schemas_key()
    cache = paths.cache_dir() / "known-schemas.json"
    cached = _cached_schemas(cachefile.read_json(cache, SCHEMAS_CACHE_LIMIT), key)
    if cached is not None:
        return cached
    known = _computed_schemas()
    try:
        import os

        # Renamed into place, not synced to the disk (3-15 ms): a cache lost or cut short by a crash is
        # not read (its key or its JSON fails) and is computed again.
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(f".{cache.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"key": key, "schemas": [[list(n), v, sorted(list(r) for r in rows)]
                                                          for n, v, rows in known]}, ensure_ascii=False),
                       encoding="utf-8")
        os.replace(tmp, cache)
    except OSError:
        pass  # a read-only cache folder: computed again next time
    return known


def _cached_schemas(data, key: str):
    """known_schemas() as the cache file holds them, or None: not read, made by other code, or of another shape
    (a value of the right shape but wrong content is caught by check_schema, which never refuses on it alone)."""
    from models.cachefile import json_shape

    if not (isinstance(data, dict) and data.get("key") == key and json_shape(data.get("schemas"), [list])
            and data["schemas"]):
        return None
    known = []
    for entry in data["schemas"]:
        if len(entry) != 3 or not (json_shape(entry[0], [str]) and json_shape(entry[1], (str, type(None)))
                                   and json_shape(entry[2], [[(str, type(None))]])):
            return None
        names, version, rows = entry
        known.append((tuple(names), version, frozenset(tuple(r) for r in rows)))
    return tuple(known)


def _schemas_key() -> str:
    """What the expected schemas depend on: our migrations, sqlite-utils' Migrations, SQLite itself.

    Two checksums, not a cryptographic hash: the key only tells a cache made by other code from ours (a cache
    folder someone can write to could hold anything anyway), and hashlib's OpenSSL import was ~2.5 ms of every
    start of the window."""
    import importlib.util
    import marshal
    import zlib

    from models import migrations as ours

    parts = [name.encode() + marshal.dumps(fn.__code__)  # their code, not their file: a frozen build has no .py
             for name, fn in ours.migrations._registered]
    spec = importlib.util.find_spec("sqlite_utils")  # found, not imported
    if spec is not None and spec.origin:
        theirs = Path(spec.origin).with_name("migrations.py")
        st = theirs.stat() if theirs.exists() else None
        parts.append(f"{theirs}:{st.st_size if st else 0}:{st.st_mtime_ns if st else 0}".encode())
    parts.append(sqlite3.sqlite_version.encode())
    data = b"\0".join(parts)
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def _computed_schemas() -> tuple[tuple[tuple[str, ...], str | None, Schema], ...]:
    from sqlite_utils import Database

    from models.migrations import migrations

    names = migrations.names()
    known = []
    # One database, one more migration at a time: each prefix's schema on the way. No sqlite-utils plugins:
    # looking them up scans every installed package's entry points (~11 ms), and none may shape our schema.
    db = Database(memory=True, execute_plugins=False)
    try:
        for k in range(len(names) + 1):
            if k == len(names):
                migrations.apply(db)
            elif k:
                migrations.apply(db, stop_before=names[k])
            row = None
            if "meta" in db.table_names():
                row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            known.append((tuple(names[:k]), row[0] if row else None, schema_of(db.conn)))
    finally:
        db.conn.close()
    return tuple(known)


def _table_sql(schema: Schema, name: str) -> str | None:
    return next((sql for typ, n, _t, sql in schema if typ == "table" and n == name), None)


def _recorded(conn: sqlite3.Connection, schema: Schema, reference: Schema) -> tuple[tuple[str, ...], str | None]:
    """The migrations the file says were applied and its schema_version, read only from genuine tables."""
    from models.migrations import MIGRATION_SET

    applied: tuple[str, ...] = ()
    version = None
    if MIGRATIONS_ROW in schema:
        applied = tuple(r[0] for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set=? ORDER BY rowid", [MIGRATION_SET]))
    meta_sql = _table_sql(schema, "meta")
    if meta_sql is not None and meta_sql == _table_sql(reference, "meta"):
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        version = row[0] if row else None
    return applied, version


def _describe(extra: set) -> str:
    kinds = {"trigger": "触发器", "view": "视图", "table": "数据表", "index": "索引"}
    found = sorted({kinds.get(typ, typ) for typ, *_ in extra})
    return "多出或改动了" + "、".join(found) if found else ""


def check_schema(conn: sqlite3.Connection, path: str | Path = "") -> None:
    """Raise DatabaseUntrustedError unless the schema is exactly one this version's migrations make.

    Reads sqlite_master, and the meta and _sqlite_migrations tables only when their own definition
    is ours: no user-defined SQL (trigger, view, default) is evaluated by the check itself.
    """
    schema = schema_of(conn)
    known = known_schemas()
    reason = _untrusted(conn, schema, known)
    if reason is not None:
        fresh = _computed_schemas()  # the verdict "not ours" never rests on the cache alone
        if fresh != known:
            _forget_schemas_cache()
            reason = _untrusted(conn, schema, fresh)
    if reason is not None:
        raise DatabaseUntrustedError(untrusted_message(path, reason))


def _untrusted(conn: sqlite3.Connection, schema: Schema, known) -> str | None:
    """Why ``schema`` is none of ``known`` (for untrusted_message), or None when it is one of them."""
    if not schema:
        return None  # an empty SQLite file: the migrations build everything in it
    applied, version = _recorded(conn, schema, known[-1][2])
    if not applied and version is None and len(known) > 1 and schema <= known[1][2]:
        return None  # tables made before migrations were recorded: the first migration adopts them
    for names, known_version, expected in known:
        if set(applied) == set(names) and len(applied) == len(names) and version == known_version:
            if schema == expected:
                return None
            return _describe(set(schema) - expected) or "缺少天报的数据表"
    return _describe(set(schema) - known[-1][2])


def _forget_schemas_cache() -> None:
    """A cache that disagrees with the migrations (another program's write, a bad disk): made again."""
    from models import paths

    known_schemas.cache_clear()
    try:
        (paths.cache_dir() / "known-schemas.json").unlink()
    except OSError:
        pass


# -- connection hardening ---------------------------------------------------------------------

_SQLITE_OK, _SQLITE_DENY = 0, 1
_SQLITE_ATTACH, _SQLITE_DETACH = 24, 25


def _authorizer(action: int, arg1, arg2, dbname, source) -> int:
    """Deny any SQL run on behalf of a trigger or view (source is its name), and ATTACH."""
    if source is not None or action in (_SQLITE_ATTACH, _SQLITE_DETACH):
        return _SQLITE_DENY
    return _SQLITE_OK


def harden(conn: sqlite3.Connection) -> list[str]:
    """Make a connection refuse SQL stored in the file; returns what this sqlite3 module allowed.

    Everywhere: PRAGMA trusted_schema=OFF (no functions with side effects from the schema),
    cell_size_check, and an authorizer that denies anything a trigger or view would do (even one
    added after the schema check). Python 3.12+ also: SQLITE_DBCONFIG_DEFENSIVE and
    SQLITE_DBCONFIG_TRUSTED_SCHEMA off. Python 3.11's sqlite3 has no setconfig, so those are skipped
    there (the PRAGMA and the authorizer cover the same ground).
    """
    done = []
    conn.execute("PRAGMA trusted_schema=OFF")
    done.append("trusted_schema=OFF")
    conn.execute("PRAGMA cell_size_check=ON")
    conn.set_authorizer(_authorizer)
    done.append("authorizer")
    setconfig = getattr(conn, "setconfig", None)
    if setconfig is not None:
        for name, value in (("SQLITE_DBCONFIG_DEFENSIVE", True), ("SQLITE_DBCONFIG_TRUSTED_SCHEMA", False)):
            op = getattr(sqlite3, name, None)
            if op is None:
                continue
            try:
                setconfig(op, value)
                done.append(name)
            except sqlite3.Error:
                pass
    return done
