"""One Tianbao window per database: a lock file beside it, held by an OS lock that dies with the process."""

from __future__ import annotations

import datetime as _dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from models.store import StorageEnvironmentError, StoreError

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl

_WIN_LOCK_OFFSET = 1 << 20  # lock a byte past the text so others can still read who holds it


class DatabaseLockedError(StoreError):
    """Another live Tianbao holds the database."""


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    time: str

    def describe(self) -> str:
        when = self.time
        try:
            when = _dt.datetime.fromisoformat(self.time).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            pass
        return f"计算机 {self.host}，进程 {self.pid}，{when} 起"


LOCK_NOTE_LIMIT = 64 * 1024  # the note we write is ~100 bytes


def lock_path(db_path: str | Path) -> Path:
    return Path(str(db_path) + ".lock")


def read_info(path: Path) -> LockInfo | None:
    from models.cachefile import json_shape, read_json

    data = read_json(path, LOCK_NOTE_LIMIT)  # a planted huge file, a FIFO or a device is not read
    if not json_shape(data, {"pid": int, "host": str, "time": str}) or not 0 < data["pid"] < 2 ** 31:
        return None
    return LockInfo(data["pid"], data["host"][:200], data["time"][:40])


def pid_alive(pid: int) -> bool:
    """Whether a process of this machine still runs (used only where OS locks are unavailable)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover
        return True  # cannot tell cheaply; stay safe
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _try_os_lock(fd: int) -> bool | None:
    """True: locked; False: someone else holds it; None: this file system has no locks."""
    try:
        if os.name == "nt":  # pragma: no cover
            os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except (BlockingIOError, PermissionError):
        return False
    except OSError as e:
        import errno

        if e.errno in (errno.EACCES, errno.EAGAIN, errno.EDEADLK):
            return False
        if e.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
            return None
        raise


def locked_message(info: LockInfo | None) -> str:
    who = f"（{info.describe()}）" if info else ""
    return (
        f"此报告库已在另一个天报窗口中打开{who}。请切换到那个窗口继续填写；"
        "若那个窗口已经关闭，请稍候片刻再试。也可以只读打开查看。"
    )


def _not_a_lock(path: Path) -> str:
    return (f"报告库旁的 {path.name} 不是天报的锁文件（是文件夹、链接或特殊文件），为安全起见不打开此报告库，"
            "也没有改动任何文件。请删除它后再试。")


class DatabaseLock:
    """Held for as long as a window edits the database; a crashed holder's lock frees itself."""

    def __init__(self, db_path: str | Path):
        self.path = lock_path(db_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise DatabaseLockedError naming the holder."""
        if self._fd is not None:
            return
        for _ in range(5):
            fd = self._open()
            got = _try_os_lock(fd)
            if got is None:
                got = self._fallback_check()
            if not got:
                os.close(fd)
                raise DatabaseLockedError(locked_message(read_info(self.path)))
            # The previous holder may have unlinked the file between our open and lock.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                self._fd = fd
                self._write_info()
                return
            os.close(fd)
        raise DatabaseLockedError(locked_message(None))

    def _open(self) -> int:
        """Open the lock file, never through a symlink or into a FIFO or device (a foreign folder may hold one:
        writing our pid would truncate whatever file it points to)."""
        import stat

        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0),
                         0o644)
        except OSError as e:
            if os.path.islink(self.path) or os.path.isdir(self.path):
                raise StorageEnvironmentError(_not_a_lock(self.path)) from None
            raise e
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise StorageEnvironmentError(_not_a_lock(self.path))
        return fd

    def _fallback_check(self) -> bool:
        """Without OS locks: free unless a live process of this machine wrote the file."""
        info = read_info(self.path)
        if info is None or info.pid == os.getpid():
            return True
        if info.host != _hostname():
            return False
        return not pid_alive(info.pid)

    def _write_info(self) -> None:
        assert self._fd is not None
        info = {"pid": os.getpid(), "host": _hostname(),
                "time": _dt.datetime.now().astimezone().isoformat(timespec="seconds")}
        data = json.dumps(info, ensure_ascii=False).encode("utf-8")
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.ftruncate(self._fd, 0)
        os.write(self._fd, data)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.unlink(self.path)
        except OSError:
            pass
        if os.name == "nt":  # pragma: no cover
            os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        os.close(fd)

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _hostname() -> str:
    """This computer's name, as socket.gethostname() gives it (importing socket was ~2 ms of every start)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket  # Windows

    return socket.gethostname()
