"""Tianbao's own cache, settings and lock files read back whatever is found there: a file cut short, of another
shape, a directory, a FIFO, a device, a huge file, a pickle that would run code. Each is taken as absent (the
cache is made again), never a traceback, never a wait, never code run."""

from __future__ import annotations

import json
import marshal
import os
import pickle
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from models import cachefile
from models.store import Store, trust
from tests.conftest import ROOT

POSIX = os.name == "posix"


def _bad_places(tmp_path: Path):
    """(name, make) pairs: each makes ``path`` something other than a good file."""
    def fifo(p):
        os.mkfifo(p)

    def devzero(p):
        p.symlink_to("/dev/zero")

    def huge(p):
        with open(p, "wb") as f:
            f.write(b"{")
            f.truncate(3 << 30)  # sparse: no disk used

    def directory(p):
        p.mkdir()

    out = [("directory", directory), ("huge", huge)]
    if POSIX:
        out += [("fifo", fifo), ("devzero", devzero)]
    return out


@pytest.mark.parametrize("kind", ["directory", "huge", "fifo", "devzero"])
def test_read_bytes_never_reads_or_waits_on_what_is_not_a_small_regular_file(tmp_path, kind):
    make = dict(_bad_places(tmp_path)).get(kind)
    if make is None:
        pytest.skip("no FIFOs or /dev/zero here")
    path = tmp_path / "x.json"
    make(path)
    assert cachefile.read_bytes(path, 1 << 20) is None  # a FIFO would block a plain open() forever
    assert cachefile.read_json(path, 1 << 20) is None


def test_read_json_takes_only_small_utf8_json(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('{"a": [1, 2]}', encoding="utf-8")
    assert cachefile.read_json(path, 100) == {"a": [1, 2]}
    assert cachefile.read_json(path, 5) is None  # larger than the limit
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    assert cachefile.read_json(path, 1 << 20) is None  # nested past the recursion limit
    path.write_bytes('{"a": "\u6211"}'.encode("gbk"))
    assert cachefile.read_json(path, 100) is None
    assert cachefile.read_json(tmp_path / "missing.json", 100) is None


def test_json_shape():
    shape = {"pid": int, "names": [str], "v": (str, type(None))}
    assert cachefile.json_shape({"pid": 3, "names": ["a"], "v": None, "extra": 1}, shape)
    assert not cachefile.json_shape({"pid": True, "names": [], "v": None}, shape)  # a bool is not an int
    assert not cachefile.json_shape({"pid": 3, "names": ["a", 1], "v": "x"}, shape)
    assert not cachefile.json_shape({"pid": 3, "names": []}, shape)
    assert not cachefile.json_shape([], shape)
    assert cachefile.json_shape({"a": 1.5, "b": 2}, {str: float}) and not cachefile.json_shape({"a": "1"}, {str: float})


# -- the known-schemas cache ---------------------------------------------------------------------

def _schemas_cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("TIANBAO_CACHE_DIR", str(tmp_path / "cache"))
    trust.known_schemas.cache_clear()
    trust.known_schemas()
    return tmp_path / "cache" / "known-schemas.json"


def _good_db(tmp_path) -> Path:
    path = tmp_path / "r.db"
    Store(path).close()
    return path


def _shapes(whole: dict):
    key = whole["key"]
    first = whole["schemas"][-1]
    yield "a list", []
    yield "key only", {"key": key}
    yield "schemas not a list", {"key": key, "schemas": 5}
    yield "an entry of two", {"key": key, "schemas": [[[], None]]}
    yield "names not strings", {"key": key, "schemas": [[[1], None, []]]}
    yield "rows of numbers", {"key": key, "schemas": [[first[0], first[1], [[1.5, None, "x", "y"]]]]}
    yield "no schemas", {"key": key, "schemas": []}
    yield "right shape, wrong content", {"key": key, "schemas": [[first[0], first[1], first[2][:-1]]]}
    yield "nested deep", "[" * 50_000 + "]" * 50_000


@pytest.mark.parametrize("case", range(9))
def test_a_schema_cache_of_any_shape_is_made_again_and_the_database_opens(tmp_path, monkeypatch, case):
    cache = _schemas_cache(tmp_path, monkeypatch)
    whole = json.loads(cache.read_text(encoding="utf-8"))
    db = _good_db(tmp_path)
    name, bad = list(_shapes(whole))[case]
    cache.write_text(bad if isinstance(bad, str) else json.dumps(bad), encoding="utf-8")
    trust.known_schemas.cache_clear()
    try:
        Store(db, readonly=True).close()  # AttributeError ('list' has no 'get') or "not ours" before
        Store(db).close()
    finally:
        trust.known_schemas.cache_clear()


@pytest.mark.parametrize("kind", ["directory", "huge", "fifo", "devzero"])
def test_a_schema_cache_that_is_not_a_file_is_passed_by(tmp_path, monkeypatch, kind):
    cache = _schemas_cache(tmp_path, monkeypatch)
    db = _good_db(tmp_path)
    make = dict(_bad_places(tmp_path)).get(kind)
    if make is None:
        pytest.skip("no FIFOs or /dev/zero here")
    cache.unlink()
    make(cache)
    trust.known_schemas.cache_clear()
    try:
        Store(db, readonly=True).close()
    finally:
        trust.known_schemas.cache_clear()


def test_a_hostile_database_is_still_refused_when_the_cache_is_stale(tmp_path, monkeypatch):
    """The refusal is checked against the migrations themselves, so it does not depend on the cache either way."""
    from models.store import DatabaseUntrustedError

    cache = _schemas_cache(tmp_path, monkeypatch)
    db = _good_db(tmp_path)
    conn = sqlite3.connect(db)
    conn.execute("CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM reports; END")
    conn.commit()
    conn.close()
    whole = json.loads(cache.read_text(encoding="utf-8"))
    whole["schemas"][-1][2] = whole["schemas"][-1][2][:-1]
    cache.write_text(json.dumps(whole), encoding="utf-8")
    trust.known_schemas.cache_clear()
    try:
        with pytest.raises(DatabaseUntrustedError, match="触发器"):
            Store(db, readonly=True)
        assert not cache.exists() or json.loads(cache.read_text(encoding="utf-8")) != whole  # not kept
    finally:
        trust.known_schemas.cache_clear()


def test_the_window_opens_with_a_schema_cache_of_another_shape(tmp_path, monkeypatch):
    """The window left with a traceback before: known_schemas called .get on a list."""
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "known-schemas.json").write_text("[]", encoding="utf-8")
    env = dict(os.environ, TIANBAO_CACHE_DIR=str(cache), QT_QPA_PLATFORM="offscreen")
    code = ("import sys; from PySide6.QtCore import QTimer; import ui.app as a; o = a.make_app\n"
            "def m(argv=None):\n app = o(argv); QTimer.singleShot(300, lambda: (print('SHOWN', flush=True), app.quit()))"
            "; return app\n"
            "a.make_app = m; a.run(sys.argv[1])")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "w.db")], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    assert "SHOWN" in out.stdout and "Traceback" not in out.stderr, out.stderr[-2000:]


# -- the lock note ---------------------------------------------------------------------------------

def test_a_lock_note_of_any_shape_names_no_holder(tmp_path):
    from models.lock import read_info

    note = tmp_path / "r.db.lock"
    for bad in ("[]", '{"pid": 1e400, "host": "h", "time": "t"}', '{"pid": 99999999999999999999, "host": "h", '
                '"time": "t"}', '{"pid": true, "host": "h", "time": "t"}', '{"pid": 5, "host": 3, "time": "t"}'):
        note.write_text(bad, encoding="utf-8")
        assert read_info(note) is None, bad
    note.write_text('{"pid": 5, "host": "h", "time": "t"}', encoding="utf-8")
    assert read_info(note).pid == 5
    note.unlink()
    for _name, make in _bad_places(tmp_path):
        make(note)
        assert read_info(note) is None
        note.unlink() if not note.is_dir() or note.is_symlink() else note.rmdir()


def test_a_folder_where_the_lock_file_goes_is_named_as_the_reason(tmp_path):
    from models.lock import DatabaseLock
    from models.store.database import StorageEnvironmentError

    (tmp_path / "r.db.lock").mkdir()
    with pytest.raises(StorageEnvironmentError, match="r.db.lock 不是天报的锁文件（是文件夹"):
        DatabaseLock(tmp_path / "r.db").acquire()


# -- backups ---------------------------------------------------------------------------------------

def test_a_long_sequence_number_in_the_backups_folder_does_not_hide_later_backups(tmp_path):
    import datetime as dt

    from models.backup import daily_backup, list_backups

    db = _good_db(tmp_path)
    folder = tmp_path / "backups"
    folder.mkdir()
    planted = folder / "tianbao-999999999-2020-01-01.db"
    planted.write_bytes(db.read_bytes())
    made = daily_backup(db, now=dt.datetime(2026, 12, 3, 9))
    assert made is not None and made.name == "tianbao-1000000000-2026-12-03.db"
    assert list_backups(db)[0].path == made  # a 10-digit number was not one of ours: it never showed
    assert daily_backup(db, now=dt.datetime(2026, 12, 3, 18)) is None  # and a second one the same day was made


# -- font caches -----------------------------------------------------------------------------------

def _export_with(tmp_path, spoil) -> subprocess.CompletedProcess:
    """`main.py export` of a one-section report with the session's fonts, after ``spoil(cache folder)``."""
    from models.report import Item, Report, Section

    cache = tmp_path / "cache"
    env = dict(os.environ, TIANBAO_CACHE_DIR=str(cache), TIANBAO_DATA_DIR=str(tmp_path / "data"))
    db = tmp_path / "data" / "tianbao.db"
    db.parent.mkdir(exist_ok=True)
    if not db.exists():
        store = Store(db)
        store.create(Report(title="关于工作情况的报告", preamble="现将有关情况报告如下。",
                            sections=[Section("履职情况", items=[Item("强化理论武装", "全年开展学习20次。")])]))
        store.close()
    pdf = tmp_path / "o.pdf"

    def run():
        pdf.unlink(missing_ok=True)
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "export", "1", "-o", str(pdf)], cwd=ROOT,
                              env=env, capture_output=True, text=True, timeout=120)

    first = run()
    assert first.returncode == 0, first.stderr
    spoil(cache)
    out = run()
    assert out.returncode == 0 and pdf.exists() and "Traceback" not in out.stderr, out.stderr[-2000:]
    return out


def test_font_caches_of_another_shape_are_made_again(tmp_path):
    def spoil(cache):
        index = cache / "fonts" / "index.json"
        doc = json.loads(index.read_text(encoding="utf-8"))
        for entry in doc["files"].values():
            for face in entry["faces"]:
                face["key"] = "../../escaped"  # would name a file outside the cache
                face["sc"] = face["gb2312"] = "many"  # compared with numbers when faces are ranked
        index.write_text(json.dumps(doc), encoding="utf-8")
        for f in (cache / "fonts" / "metrics").glob("*.bin"):
            f.write_bytes(marshal.dumps({-1: 1000, 0x4E00: "wide"}))
        for f in (cache / "fonts" / "ink").glob("*.bin"):
            f.write_bytes(marshal.dumps({"": "x", "。": (1, 2)}))

    _export_with(tmp_path, spoil)
    assert not list((tmp_path / "cache").glob("escaped*"))


def test_a_font_cache_pickle_cannot_run_code(tmp_path):
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    def spoil(cache):
        files = list((cache / "fonts" / "reportlab").glob("*.pickle"))
        for f in files:
            f.write_bytes(pickle.dumps(Evil()))
        assert files or True  # small fonts are not cached; the other spoilt files still count

    _export_with(tmp_path, spoil)
    assert not marker.exists()


def test_the_restricted_unpickler_refuses_other_classes_and_reads_our_own():
    from export import rlcache

    with pytest.raises(pickle.UnpicklingError):
        rlcache._Unpickler(__import__("io").BytesIO(pickle.dumps(os.system))).load()
    packed = rlcache._Packed("list", ("q", b"\0" * 8))
    assert rlcache._Unpickler(__import__("io").BytesIO(pickle.dumps(packed))).load().kind == "list"


@pytest.mark.skipif(not POSIX, reason="FIFOs and /dev/zero")
def test_font_cache_files_that_are_fifos_or_devices_are_passed_by(tmp_path):
    def spoil(cache):
        for i, f in enumerate(sorted((cache / "fonts").rglob("*.*"))):
            f.unlink()
            if i % 2:
                os.mkfifo(f)
            else:
                f.symlink_to("/dev/zero")

    _export_with(tmp_path, spoil)  # each read of a FIFO blocked the export for good before
