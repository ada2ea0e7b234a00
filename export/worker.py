"""The preview's worker process, which runs export/preview.py's jobs: started once, as early as the program
knows it will show the window.

No Qt and no multiprocessing here: main.py starts the worker before PySide6 is imported, and the window's
typesetter (ui/preview/typesetter.py) sends its jobs to it. The worker is one child process
(export/workerproc.py) reading jobs from its stdin and answering on its stdout. Starting it costs the window
~2 ms; a multiprocessing pool cost ~20 ms of the window's start-up (its imports, semaphores, a management
thread and a second Python process, the resource tracker, all while the window's modules were imported).
The worker leaves when its stdin ends: when the window's process exits or dies, however it ends.
"""

from __future__ import annotations

import atexit
import itertools
import pickle
import queue
import struct
import sys
import threading
from collections.abc import Callable
from pathlib import Path

# The worker yields the processor to the window: while both want it (the worker loading fonts as the window is
# built, typesetting while the author types) the window gets about three quarters of it; on a free core this
# changes nothing. Measured on a shared 2-CPU VM: 5 and 10 start the window alike; 10 also slows the worker
# against other programs.
WORKER_NICE = 5
WORKER_FLAG = "--preview-worker"  # a frozen build runs its own executable as the worker (main.launch)
FRAME = struct.Struct("<Q")  # each message: its length, then a pickle
MAX_FRAME = 1 << 31  # no answer is near 2 GB: a larger length is not an answer (stray output on the pipe)
ROOT = Path(__file__).resolve().parent.parent


class WorkerBroken(RuntimeError):
    """The worker process is gone (crashed, killed, or stopped) before it answered."""


class Answer:
    """A job's answer to come: the part of ``concurrent.futures.Future`` the window uses (importing that module
    and logging took ~7 ms of the start-up)."""

    def __init__(self) -> None:
        self._settled = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[Answer], None]] = []
        self._value = None
        self._error: BaseException | None = None

    def done(self) -> bool:
        return self._settled.is_set()

    def result(self, timeout: float | None = None):
        if not self._settled.wait(timeout):
            raise TimeoutError("排版进程未在规定时间内应答")
        if self._error is not None:
            raise self._error
        return self._value

    def add_done_callback(self, fn: Callable[[Answer], None]) -> None:
        """Call ``fn(self)`` once answered: on the worker's reading thread, or at once if already answered."""
        with self._lock:
            if not self._settled.is_set():
                self._callbacks.append(fn)
                return
        fn(self)

    def settle(self, value=None, error: BaseException | None = None) -> None:
        with self._lock:
            if self._settled.is_set():
                return
            self._value, self._error = value, error
            self._settled.set()
            callbacks, self._callbacks = self._callbacks, []
        for fn in callbacks:
            try:
                fn(self)
            except Exception:  # noqa: BLE001 - as concurrent.futures does: one bad callback does not stop the rest
                import traceback

                traceback.print_exc()


def worker_command(nice: int) -> list[str]:
    """How to start the worker: the frozen build's own executable with WORKER_FLAG, else this Python."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG, str(nice)]
    from subprocess import _args_from_interpreter_flags  # the parent's -X and -O options, as multiprocessing

    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from export.workerproc import serve; serve({nice})"
    return [sys.executable, *_args_from_interpreter_flags(), "-c", code]


class Worker:
    """One worker process: ``submit(fn, *args)`` returns an Answer; jobs run one at a time, in order.

    Two daemon threads: one hands the jobs over (the window never waits for the pipe), one reads the answers
    and settles them (their callbacks run there, as a pool's did on its own thread)."""

    def __init__(self, nice: int = WORKER_NICE, command: list[str] | None = None) -> None:
        import subprocess

        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # Windows: no console window for the worker
        # A windowed build has no stderr to share: the worker's own goes nowhere rather than to a dead pipe.
        errors = subprocess.DEVNULL if sys.stderr is None else None
        self.proc = subprocess.Popen(command or worker_command(nice), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=errors, bufsize=0, creationflags=flags)
        self.pid = self.proc.pid
        self._lock = threading.Lock()
        self._answers: dict[int, Answer] = {}
        self._ids = itertools.count()
        self._outbox: queue.SimpleQueue = queue.SimpleQueue()
        self.broken = False
        self.threads = (threading.Thread(target=self._hand_over, name="tianbao-worker-jobs", daemon=True),
                        threading.Thread(target=self._read_answers, name="tianbao-worker-answers", daemon=True))
        for thread in self.threads:
            thread.start()

    def submit(self, fn: Callable, *args) -> Answer:
        data = pickle.dumps((fn, args), protocol=pickle.HIGHEST_PROTOCOL)
        answer = Answer()
        with self._lock:
            if self.broken:
                raise WorkerBroken("排版进程已退出")
            job = next(self._ids)
            self._answers[job] = answer
            self._outbox.put((job, data))
        return answer

    def stop(self, wait: bool = False, timeout: float = 10.0) -> None:
        """No more jobs: the worker leaves at once, even mid-job (what it writes, font caches, is written whole or
        not at all); answers still to come fail with WorkerBroken. ``wait``: until it has left (killed after
        ``timeout`` seconds)."""
        self._fail_all("排版进程已停止")
        self._outbox.put(None)
        if wait:
            import subprocess

            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def _hand_over(self) -> None:
        pipe = self.proc.stdin
        try:
            while (item := self._outbox.get()) is not None:
                job, data = item
                _write_all(pipe, header(job, data) + data)
        except OSError:
            self._fail_all("排版进程意外退出")
        finally:
            try:
                pipe.close()
            except OSError:
                pass

    def _read_answers(self) -> None:
        pipe = self.proc.stdout
        try:
            while True:
                size = FRAME.unpack(_read_exact(pipe, FRAME.size))[0]
                if not FRAME.size <= size <= MAX_FRAME:
                    raise ValueError("not an answer")  # something else wrote to the worker's stdout
                body = _read_exact(pipe, size)
                job = FRAME.unpack_from(body)[0]
                with self._lock:
                    answer = self._answers.pop(job, None)
                try:
                    ok, value = pickle.loads(memoryview(body)[FRAME.size:])
                except Exception as e:  # noqa: BLE001 - an answer that cannot be read is that job's failure
                    ok, value = False, RuntimeError(f"{e.__class__.__name__}: {e}")
                if answer is not None:
                    answer.settle(value) if ok else answer.settle(error=value)
        except (EOFError, OSError):
            pass  # the worker is gone
        except Exception:  # noqa: BLE001 - a garbled pipe: this worker cannot be trusted with another job
            self.proc.kill()
        self._fail_all("排版进程意外退出")
        self._outbox.put(None)  # the job thread closes the pipe and ends too
        try:
            self.proc.wait(5)  # reaped: no zombie left behind
        except Exception:  # noqa: BLE001 - only tidying
            pass

    def _fail_all(self, message: str) -> None:
        with self._lock:
            self.broken = True
            pending, self._answers = list(self._answers.values()), {}
        for answer in pending:
            answer.settle(error=WorkerBroken(message))


def header(job: int, data: bytes) -> bytes:
    """The start of a message about ``job`` carrying the pickle ``data``: its length, then the job number."""
    return FRAME.pack(len(data) + FRAME.size) + FRAME.pack(job)


def _write_all(pipe, data: bytes) -> None:
    """A raw pipe may take part of a large write (a signal arriving mid-write): write the rest too."""
    view = memoryview(data)
    while view:
        written = pipe.write(view)
        view = view[written or 0:]


def _read_exact(pipe, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = pipe.read(left)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


_worker: Worker | None = None
_worker_lock = threading.RLock()


def _executor() -> Worker:
    """The one worker process of this program, started on first use (again after it died) and shared by every
    window."""
    global _worker
    with _worker_lock:
        if _worker is None or _worker.broken:
            if _worker is not None:
                _worker.stop()  # died by itself: its job thread and pipe end too
            _worker = Worker(WORKER_NICE)
            # Its first job: imports, fonts and a warm-up run, which ends by forgetting its own layout, so it
            # must not come after a real run (render_pages would then find no run to draw from).
            from export import preview_job

            _worker.submit(preview_job, "prepare")
        return _worker


def _discard_pool(wait: bool = False) -> None:
    """Stop the worker (it leaves at once); ``wait`` until it has."""
    global _worker
    with _worker_lock:
        worker, _worker = _worker, None
    if worker is not None:
        worker.stop(wait=wait)


def warm_up() -> None:
    """Start the worker before it is needed, so the first preview does not wait for its start-up: it
    imports the layout and reportlab and loads the fonts while the window is being built. If it cannot be
    started the window opens all the same; the preview's first run tries again and says what is wrong."""
    try:
        _executor()
    except (OSError, RuntimeError):
        pass


atexit.register(_discard_pool)  # the worker stops with the program (a no-op if it never started)

