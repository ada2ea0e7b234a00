"""Damaged, read-only and doubly-opened databases: clear errors, and the file is never written to."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from models.lock import DatabaseLock, DatabaseLockedError, LockInfo, lock_path
from models.opening import open_readonly, open_store
from models.report import Item, Report, Section
from models.store import DatabaseDamagedError, StorageEnvironmentError, Store
from tests.conftest import ROOT


def digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def make_db(path: Path, reports: int = 30) -> None:
    store = Store(path)
    for k in range(reports):
        store.create(Report(title=f"报告{k}", sections=[
            Section(heading="履职情况", items=[Item("抓学习", "正文" * 400) for _ in range(5)])]))
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def damaged_variants(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.db"
    make_db(good)
    data = good.read_bytes()
    variants = {
        "random": os.urandom(len(data)),
        "random_small": os.urandom(37),
        "empty": b"",
        "text": "这是一个文本文件，不是数据库。\n".encode() * 50,
        "header_only": data[:100],
        "truncated_half": data[: len(data) // 2],
        "truncated_page": data[: len(data) - 4096],
        "truncated_odd": data[: len(data) - 1000],
        "zeroed_root_pages": data[:4096] + b"\0" * 8192 + data[4096 + 8192:],
    }
    out = {}
    for name, raw in variants.items():
        p = tmp_path / f"{name}.db"
        p.write_bytes(raw)
        out[name] = p
    return out


@pytest.mark.parametrize("readonly", [False, True])
def test_damaged_files_refused_and_untouched(tmp_path, readonly):
    for name, path in damaged_variants(tmp_path).items():
        before = digest(path)
        with pytest.raises(DatabaseDamagedError, match="已损坏或不是天报的数据文件") as err:
            Store(path, readonly=readonly)
        assert path.name in str(err.value), name
        assert digest(path) == before, name
        assert not Path(str(path) + "-wal").exists() and not Path(str(path) + "-journal").exists(), name


def test_damaged_refused_by_open_store_untouched_no_lock_left(tmp_path):
    path = damaged_variants(tmp_path)["truncated_half"]
    before = digest(path)
    with pytest.raises(DatabaseDamagedError):
        open_store(path)
    assert digest(path) == before
    assert not lock_path(path).exists()


def test_good_file_still_opens(tmp_path):
    make_db(tmp_path / "good.db")
    assert len(Store(tmp_path / "good.db").list_reports()) == 30


def test_missing_file_readonly(tmp_path):
    with pytest.raises(StorageEnvironmentError, match="找不到"):
        Store(tmp_path / "nope.db", readonly=True)


# -- read-only files and folders ------------------------------------------------

CHILD = r"""
import json, os, sys
sys.path.insert(0, {root!r})
from models.opening import open_store
from models.store import Store, StoreError
from models.report import Report
path = sys.argv[1]
import sqlite3, tempfile
from sqlite_utils import Database
Database(sqlite3.connect(":memory:"))  # load lazy imports (plugins) while files are still readable
if os.getuid() == 0:  # root ignores file modes: drop to nobody once everything is imported
    os.setgid(65534); os.setuid(65534)
out = {{}}
store, readonly = open_store(path)
out["readonly"] = readonly
out["reason"] = store.readonly_reason
out["titles"] = [r.title for r in store.list_reports()]
out["body"] = store.load(store.list_reports()[0].id).sections[0].items[0].body[:4]
try:
    r = store.load(store.list_reports()[0].id); r.title = "改"; store.save(r); out["saved"] = True
except StoreError as e:
    out["saved"] = str(e)
try:
    Store(path)
    out["writable_store"] = "opened"
except StoreError as e:
    out["writable_store"] = type(e).__name__
print(json.dumps(out, ensure_ascii=False))
"""


def run_as_unprivileged(path: Path) -> dict:
    script = CHILD.format(root=str(ROOT))
    out = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.fixture
def public_dir():
    """A folder outside pytest's private tmp tree, so the unprivileged child can reach it."""
    d = Path(tempfile.mkdtemp(prefix="tianbao-ro-"))
    d.chmod(0o755)
    yield d
    d.chmod(0o755)
    for p in d.iterdir():
        p.unlink()
    d.rmdir()


@pytest.mark.parametrize("folder_mode", [0o555, 0o777])
def test_readonly_file_opens_readonly(public_dir, folder_mode):
    """A WAL database the user may not write (file 0444), in a read-only or a writable folder."""
    path = public_dir / "tianbao.db"
    make_db(path, reports=2)
    path.chmod(0o444)
    before = digest(path)
    public_dir.chmod(folder_mode)
    result = run_as_unprivileged(path)
    assert result["readonly"] is True
    assert "只读" in result["reason"] and "不能修改" in result["reason"]
    assert sorted(result["titles"]) == ["报告0", "报告1"] and result["body"] == "正文正文"
    assert result["saved"] != True and "只读" in result["saved"]  # noqa: E712
    assert result["writable_store"] == "StorageEnvironmentError"
    assert digest(path) == before


def test_readonly_folder_writable_file_needs_immutable(public_dir):
    """File 0666 but folder 0555: SQLite cannot create -shm, the immutable fallback still reads it."""
    path = public_dir / "tianbao.db"
    make_db(path, reports=1)
    path.chmod(0o666)
    public_dir.chmod(0o555)
    result = run_as_unprivileged(path)
    assert result["readonly"] is True and "文件夹是只读的" in result["reason"]
    assert result["titles"] == ["报告0"]


def test_write_check_is_injectable(db_path):
    make_db(db_path, reports=1)
    store, readonly = open_store(db_path, write_check=lambda p: "测试：只读")
    assert readonly and store.readonly and store.readonly_reason == "测试：只读"
    assert store.list_reports()[0].title == "报告0"
    assert not lock_path(db_path).exists()


def test_open_readonly_for_a_second_window(db_path):
    store, readonly = open_store(db_path)
    assert not readonly and lock_path(db_path).exists()
    viewer = open_readonly(db_path, "此报告库已在另一个天报窗口中打开，本窗口只读。")
    store.create(Report(title="写入"))
    assert [r.title for r in viewer.list_reports()] == ["写入"]  # sees the writer's commits
    viewer.close()
    store.close()
    assert not lock_path(db_path).exists()


# -- a second Tianbao on the same database ---------------------------------------

HOLDER = r"""
import sys, time
sys.path.insert(0, {root!r})
from models.opening import open_store
store, readonly = open_store(sys.argv[1])
print("HELD", flush=True)
sys.stdin.readline()
store.close()
print("RELEASED", flush=True)
"""


def start_holder(db_path: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER.format(root=str(ROOT)), str(db_path)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "HELD"
    return proc


def test_second_process_is_refused_then_admitted_after_close(db_path):
    Store(db_path).close()
    holder = start_holder(db_path)
    try:
        with pytest.raises(DatabaseLockedError) as err:
            open_store(db_path)
        msg = str(err.value)
        assert "此报告库已在另一个天报窗口中打开" in msg and f"进程 {holder.pid}" in msg
        assert socket.gethostname() in msg
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "RELEASED"
    finally:
        holder.kill()
        holder.wait()
    store, readonly = open_store(db_path)
    assert not readonly
    store.close()


def test_lock_of_a_killed_process_is_stale(db_path):
    Store(db_path).close()
    holder = start_holder(db_path)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    info = json.loads(lock_path(db_path).read_text())
    assert info["pid"] == holder.pid  # the file is still there...
    store, readonly = open_store(db_path)  # ...but the OS lock died with the process
    assert not readonly
    assert json.loads(lock_path(db_path).read_text())["pid"] == os.getpid()
    store.close()


def test_two_locks_in_one_process_conflict(db_path):
    first = DatabaseLock(db_path)
    first.acquire()
    with pytest.raises(DatabaseLockedError):
        DatabaseLock(db_path).acquire()
    first.release()
    with DatabaseLock(db_path) as again:
        assert again.held


def test_fallback_without_os_locks(db_path):
    """Where the file system has no locks, a dead pid of this machine means stale, another machine's means held."""
    lock = DatabaseLock(db_path)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock.path.write_text(json.dumps({"pid": dead.pid, "host": socket.gethostname(), "time": "2026-11-26T08:00:00"}))
    assert lock._fallback_check() is True
    lock.path.write_text(json.dumps({"pid": os.getppid(), "host": socket.gethostname(), "time": "x"}))
    assert lock._fallback_check() is False
    lock.path.write_text(json.dumps({"pid": dead.pid, "host": "other-pc", "time": "x"}))
    assert lock._fallback_check() is False
    lock.path.write_text("garbage")
    assert lock._fallback_check() is True


def test_lock_info_describe():
    assert LockInfo(12, "pc", "2026-11-26T08:00:00+08:00").describe() == "计算机 pc，进程 12，2026-11-26 08:00 起"


def test_readonly_folder_with_pending_wal_shows_newest(public_dir):
    """A writer died leaving its last edits in -wal; a read-only folder still shows them."""
    path = public_dir / "tianbao.db"
    make_db(path, reports=1)
    writer = (
        f"import os, sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from models.store import Store\nfrom models.report import Item, Report, Section\n"
        "s = Store(sys.argv[1])\n"
        "s.create(Report(title='只在WAL里', sections=[Section(items=[Item('抓', '最新正文')])]))\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", writer, str(path)], check=True)
    assert Path(str(path) + "-wal").stat().st_size > 0
    for p in public_dir.iterdir():
        p.chmod(0o644)
    public_dir.chmod(0o555)
    result = run_as_unprivileged(path)
    assert result["readonly"] is True
    assert result["titles"][0] == "只在WAL里" and result["body"] == "最新正文"
