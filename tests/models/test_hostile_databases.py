"""A database is trusted only when its schema is what the migrations make; everything else is refused untouched."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import main
from models.backup import daily_backup, list_backups, restore_backup
from models.opening import open_store
from models.store import (
    DatabaseDamagedError,
    DatabaseUntrustedError,
    StorageEnvironmentError,
    Store,
    StoreError,
    known_schemas,
)
from tests.conftest import ROOT
from tests.hostile_dbs import (
    ODD_VALUES_SQL,
    UNTRUSTED_SQL,
    damaged_databases,
    good_database,
    hot_journal,
    odd_values_database,
    schema1_with_trigger,
    untrusted_database,
    wal_carrying_trigger,
)
from tests.hostile_files import fingerprint

# Cases whose SQL would hang or fill the disk if it ever ran: exercised only in a child with a timeout.
DANGEROUS = {"trigger-loops-for-ever", "trigger-grows-file"}
READ_COMMANDS = (["list"], ["list", "--json"], ["dump", "1", "-o", "{out}/r.json"], ["check", "1"],
                 ["export", "1", "-o", "{out}/r.pdf"])


def _no_write_allowed(folder: Path) -> dict:
    return fingerprint(folder)


def _cli_in_process(capsys, argv: list[str]) -> tuple[int, str]:
    code = main.main(argv)
    err = capsys.readouterr().err
    return code, err


@pytest.mark.parametrize("name", sorted(set(UNTRUSTED_SQL) - DANGEROUS))
def test_untrusted_schema_refused_everywhere_file_untouched(tmp_path, capsys, name):
    folder = tmp_path / "db"
    folder.mkdir()
    path = untrusted_database(folder, name)
    before = fingerprint(folder)
    for readonly in (False, True):
        with pytest.raises(DatabaseUntrustedError, match="不认识的内容"):
            Store(path, readonly=readonly)
    with pytest.raises(DatabaseUntrustedError):
        open_store(path)
    out = tmp_path / "out"
    out.mkdir()
    source = tmp_path / "in.json"
    source.write_text('{"format": "tianbao.report", "version": 2, "title": "导入"}', encoding="utf-8")
    for argv in [*READ_COMMANDS, ["import", str(source)]]:
        code, err = _cli_in_process(capsys, [a.format(out=out) for a in argv] + ["--db", str(path)])
        assert code == 1 and err.startswith("天报：") and "不认识的内容" in err, (argv, err)
    assert fingerprint(folder) == before  # byte for byte, and no -wal, -shm or .lock left behind
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("name", sorted(DANGEROUS))
def test_dangerous_triggers_never_run_from_the_command_line(tmp_path, name):
    folder = tmp_path / "db"
    folder.mkdir()
    path = untrusted_database(folder, name)
    before = fingerprint(folder)
    for argv in (["list"], ["import", str(ROOT / "README.md")], ["check", "1"]):
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), *argv, "--db", str(path)],
                             capture_output=True, text=True, timeout=60, cwd=ROOT)
        assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    assert fingerprint(folder) == before


def test_genuine_files_of_every_known_version_are_trusted(tmp_path):
    good_database(tmp_path / "now.db")
    Store(tmp_path / "now.db").close()
    Store(tmp_path / "now.db", readonly=True).close()
    schema1 = tmp_path / "schema1.db"
    schema1.write_bytes((ROOT / "tests" / "data" / "schema1.db").read_bytes())
    Store(schema1, readonly=True).close()
    Store(schema1).close()  # upgraded: still trusted afterwards
    Store(schema1, readonly=True).close()
    assert [k[1] for k in known_schemas()] == [None, "1", "2"][: len(known_schemas())] or len(known_schemas()) > 3


def test_schema1_file_with_a_trigger_refused(tmp_path):
    path = schema1_with_trigger(tmp_path, ROOT / "tests" / "data" / "schema1.db")
    data = path.read_bytes()
    for readonly in (False, True):
        with pytest.raises(DatabaseUntrustedError):
            Store(path, readonly=readonly)
    assert path.read_bytes() == data


def test_trigger_carried_in_the_wal_is_refused(tmp_path):
    folder = tmp_path / "db"
    folder.mkdir()
    path = wal_carrying_trigger(folder)
    for leftover in ("wal-trigger.db", "wal-trigger.db-wal", "wal-trigger.db-shm"):
        (folder / leftover).unlink(missing_ok=True)
    assert Path(str(path) + "-wal").stat().st_size > 0
    before = {k: v for k, v in fingerprint(folder).items() if not k.endswith("-shm")}
    for readonly in (False, True):
        with pytest.raises(DatabaseUntrustedError):
            Store(path, readonly=readonly)
    after = {k: v for k, v in fingerprint(folder).items() if not k.endswith("-shm")}
    assert after == before


def test_a_new_migration_is_known_without_editing_a_list(tmp_path, monkeypatch):
    """The expected schemas are derived by running the migrations: an m003 needs no list kept by hand."""
    from models import migrations as mig
    from models.store import trust

    def m003(db):  # a migration added later
        db.execute("CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT)")

    monkeypatch.setattr(mig.migrations, "_registered", [*mig.migrations._registered, ("m099_tags", m003)])
    trust.known_schemas.cache_clear()
    try:
        path = good_database(tmp_path / "t.db")  # made with m003 applied
        assert "tags" in {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
        Store(path).close()
        old = tmp_path / "old.db"
        old.write_bytes((ROOT / "tests" / "data" / "schema1.db").read_bytes())
        Store(old, readonly=True).close()  # version 1 still known
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE tags2 (x)")
        conn.commit()
        conn.close()
        with pytest.raises(DatabaseUntrustedError):
            Store(path, readonly=True)
    finally:
        monkeypatch.undo()
        trust.known_schemas.cache_clear()


def test_backup_carrying_a_trigger_cannot_be_restored(tmp_path):
    db = good_database(tmp_path / "reports.db", title="我的报告")
    store = Store(db)
    daily_backup(store)
    store.close()
    evil = list_backups(db)[0].path
    conn = sqlite3.connect(evil)
    conn.execute("CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM reports; END")
    conn.commit()
    conn.close()
    before = fingerprint(tmp_path)
    with pytest.raises(DatabaseUntrustedError):
        restore_backup(evil, db)
    assert fingerprint(tmp_path) == before  # no before-restore copy, the database as it was
    store = Store(db)
    assert [r.title for r in store.list_reports()] == ["我的报告"]
    store.close()


def test_damaged_and_special_files_refused_without_hanging(tmp_path, capsys):
    folder = tmp_path / "db"
    cases = damaged_databases(folder)
    before = fingerprint(folder)
    for case in cases:
        for readonly in (False, True):
            with pytest.raises((DatabaseDamagedError, StorageEnvironmentError)):
                Store(case.path, readonly=readonly)
        code, err = _cli_in_process(capsys, ["list", "--db", str(case.path)])
        assert code == 1 and err.startswith("天报：") and "\n" not in err.strip(), (case.name, err)
    assert fingerprint(folder) == before


@pytest.mark.parametrize("name", sorted(ODD_VALUES_SQL))
def test_values_no_tianbao_writes_never_crash_the_read_commands(tmp_path, capsys, name):
    folder = tmp_path / "db"
    folder.mkdir()
    path = odd_values_database(folder, name)
    before = fingerprint(folder)
    out = tmp_path / "out"
    out.mkdir()
    for argv in READ_COMMANDS:
        code, err = _cli_in_process(capsys, [a.format(out=out) for a in argv] + ["--db", str(path)])
        assert code in (0, 1), (argv, err)
        if code:
            assert err.startswith("天报：") and len(err.strip().splitlines()) == 1, (argv, err)
    assert fingerprint(folder) == before  # read commands never write
    store = Store(path)  # the window opens it; a broken report is refused alone
    try:
        for summary in store.list_reports():
            try:
                store.load(summary.id)
            except StoreError as e:
                assert "数据有误" in str(e) or "不像天报写入的数据" in str(e)
            for snap in store.snapshots(summary.id)[:3]:  # the history dialog
                try:
                    store.load_snapshot(snap.id)
                except StoreError as e:
                    assert "历史版本" in str(e)
        store.purge_trash()
    finally:
        store.close()


# -- read-only media and a full disk -----------------------------------------------------------

CHILD = r"""
import io, os, resource, signal, sys
from contextlib import redirect_stderr, redirect_stdout
sys.path.insert(0, {root!r})
import main
folder, db, mode = sys.argv[1], sys.argv[2], sys.argv[3]
commands = [["list"], ["check", "1"]] + ([["dump", "1", "-o", os.path.join({out!r}, "r.json")]] if mode == "nobody" else [])

def run(argv):
    err = io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(err):
        code = main.main([*argv, "--db", db])
    return code, err.getvalue().strip().replace("\n", " | ")

for argv in commands:  # as root first: every lazily imported module is loaded while it is readable
    run(argv)
if mode == "nobody" and os.getuid() == 0:
    os.setgid(65534); os.setuid(65534)
if mode == "full":  # every write that grows a file fails, as on a full disk
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
for argv in commands:
    code, err = run(argv)
    print(argv[0], code, err)
"""


@pytest.fixture
def public_dir():
    import shutil
    import tempfile

    d = Path(tempfile.mkdtemp(prefix="tianbao-ro-"))
    d.chmod(0o755)
    yield d
    d.chmod(0o755)
    for p in d.iterdir():
        p.chmod(0o644)
    shutil.rmtree(d)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX")
@pytest.mark.parametrize("mode", ["nobody", "full"])
@pytest.mark.parametrize("wal", [False, True])
def test_read_commands_work_on_read_only_media_and_a_full_disk(public_dir, mode, wal):
    db = good_database(public_dir / "tianbao.db")
    if wal:  # a window left its WAL behind (killed): the newest text is in it
        keep = sqlite3.connect(db)
        keep.execute("PRAGMA wal_autocheckpoint=0")
        keep.execute("UPDATE reports SET title='最新标题'")
        keep.commit()
        copy = {s: Path(str(db) + s).read_bytes() for s in ("", "-wal")}
        keep.close()
        for s, data in copy.items():
            Path(str(db) + s).write_bytes(data)
        Path(str(db) + "-shm").unlink(missing_ok=True)
    db.chmod(0o444)
    for side in ("-wal",):
        if Path(str(db) + side).exists():
            Path(str(db) + side).chmod(0o444)
    public_dir.chmod(0o555)

    def files() -> dict:  # -shm is SQLite's shared-memory index of the WAL, not the database: reading makes it
        return {k: v for k, v in fingerprint(public_dir).items() if not k.endswith("-shm")}

    before = files()
    out_dir = Path(public_dir.parent / (public_dir.name + "-out"))
    out_dir.mkdir()
    out_dir.chmod(0o777)
    script = CHILD.replace("{root!r}", repr(str(ROOT))).replace("{out!r}", repr(str(out_dir)))
    out = subprocess.run([sys.executable, "-c", script, str(public_dir), str(db), mode],
                         capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr
    for line in out.stdout.splitlines():
        command, code, err = line.split(" ", 2)
        assert code == "0", line
        assert "权限" not in err and "只读" not in err and "磁盘空间" not in err, line
    assert files() == before
    if mode == "nobody":
        assert (out_dir / "r.json").exists()
    import shutil

    shutil.rmtree(out_dir)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symlinks")
def test_links_planted_beside_a_database_never_make_us_write_through_them(tmp_path):
    from tests.hostile_dbs import planted_side_files

    victim = tmp_path / "important.docx"
    victim.write_bytes(b"the user's own file " * 100)
    folder = tmp_path / "usb"
    cases = planted_side_files(folder, victim)
    before = fingerprint(folder)
    for case in cases:
        with pytest.raises(StoreError):
            store, _readonly = open_store(case.path)
            store.close()
        assert victim.read_bytes() == b"the user's own file " * 100, case.name
    assert fingerprint(folder) == before


def _respell_migrations_table(path: Path, columns: str) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(f"""
        ALTER TABLE _sqlite_migrations RENAME TO old_migrations;
        CREATE TABLE _sqlite_migrations ({columns});
        INSERT INTO _sqlite_migrations(id, migration_set, name, applied_at)
            SELECT id, migration_set, name, applied_at FROM old_migrations;
        DROP TABLE old_migrations;
        CREATE UNIQUE INDEX another_name ON _sqlite_migrations (migration_set, name);
    """)
    conn.close()


def test_another_sqlite_utils_spelling_of_its_own_table_is_trusted_anything_more_is_not(tmp_path):
    plain = good_database(tmp_path / "plain.db")
    _respell_migrations_table(plain, "id INTEGER PRIMARY KEY, migration_set TEXT, name TEXT, applied_at TEXT")
    Store(plain).close()
    extra = good_database(tmp_path / "extra.db")
    _respell_migrations_table(extra, "id INTEGER PRIMARY KEY, migration_set TEXT, name TEXT, applied_at TEXT, "
                                     "note TEXT DEFAULT (hex(randomblob(9)))")
    data = extra.read_bytes()
    with pytest.raises(DatabaseUntrustedError):
        Store(extra)
    assert extra.read_bytes() == data


def test_expected_schemas_are_cached_so_opening_needs_no_sqlite_utils(tmp_path):
    """The first open derives the schemas (with sqlite-utils) and keeps them; a later start only reads them."""
    import os
    import subprocess
    import sys

    path = good_database(tmp_path / "c.db")
    env = dict(os.environ, TIANBAO_CACHE_DIR=str(tmp_path / "cache"))
    code = ("import sys; from models.store import Store; Store(sys.argv[1], readonly=True).close(); "
            "print('sqlite_utils' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=60) for _ in range(2)]
    assert [r.stdout.strip() for r in runs] == ["True", "False"], [r.stderr for r in runs]
    assert (tmp_path / "cache" / "known-schemas.json").exists()


def test_a_hot_journal_is_rolled_back_in_a_copy_before_the_checks(tmp_path):
    """The journal brings a trigger back: refused, and neither the file nor its journal changed (SQLite would
    have rolled the journal back into the file on opening it, before any check)."""
    folder = tmp_path / "db"
    folder.mkdir()
    path = hot_journal(folder, trigger=True)
    assert "wipe" not in path.read_bytes().decode("latin-1")  # the main file alone looks clean
    before = fingerprint(folder)
    for readonly in (True, False):
        with pytest.raises(DatabaseUntrustedError, match="不认识的内容"):
            Store(path, readonly=readonly)
        assert fingerprint(folder) == before


def test_a_harmless_hot_journal_is_rolled_back_as_sqlite_would(tmp_path):
    folder = tmp_path / "db"
    folder.mkdir()
    path = hot_journal(folder, trigger=False)
    before = fingerprint(folder)
    ro = Store(path, readonly=True)
    try:  # the half-done edit is not shown: read-only sees the rolled-back database too
        assert [r.title for r in ro.list_reports()] == ["原有报告"]
    finally:
        ro.close()
    assert fingerprint(folder) == before
    rw = Store(path)
    try:
        assert [r.title for r in rw.list_reports()] == ["原有报告"]
    finally:
        rw.close()
    assert not Path(str(path) + "-journal").exists()


def test_only_a_plain_journal_of_a_journals_size_is_copied(tmp_path):
    """Rolled back in a copy only when it is a regular file no larger than a journal of its database can be: a
    1 GB sparse journal would have been copied in full to the temp folder, a device read without end."""
    from models.store.database import _plain_journal

    path = good_database(tmp_path / "g.db")
    journal = Path(str(path) + "-journal")
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + bytes(504))
    assert _plain_journal(journal, path)
    with open(journal, "wb") as f:
        f.truncate(1024 * 1024 * 1024)
    assert not _plain_journal(journal, path)
    journal.unlink()
    if os.path.exists("/dev/zero"):
        journal.symlink_to("/dev/zero")
        assert not _plain_journal(journal, path)
        with pytest.raises(DatabaseUntrustedError):  # and a link beside the database is refused anyway
            Store(path, readonly=True)
