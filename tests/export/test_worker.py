"""The preview's worker process (export/worker.py, export/workerproc.py): jobs and answers over its pipes."""

from __future__ import annotations

import os
import signal
import sys
import time

import pytest

from export.worker import Answer, Worker, WorkerBroken


def _shout_and_add(a: int, b: int) -> int:
    print("a line a job prints must not reach the answers' pipe")
    sys.stdout.flush()
    return a + b


def _fail(message: str) -> None:
    raise ValueError(message)


def _sleep(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


@pytest.fixture
def worker():
    w = Worker(nice=0)
    yield w
    w.stop(wait=True)


def test_jobs_are_answered_in_order_and_printing_does_not_garble_them(worker):
    answers = [worker.submit(_shout_and_add, i, 1) for i in range(20)]
    assert [a.result(timeout=60) for a in answers] == list(range(1, 21))
    assert worker.submit(os.getpid).result(timeout=60) == worker.pid != os.getpid()


def test_a_large_job_and_answer_cross_whole(worker):
    blob = bytes(range(256)) * 20_000  # 5 MB: far beyond a pipe's buffer, both ways
    assert worker.submit(bytes, blob).result(timeout=60) == blob


def test_an_error_in_a_job_is_that_jobs_answer_and_the_worker_goes_on(worker):
    with pytest.raises(ValueError, match="坏了"):
        worker.submit(_fail, "坏了").result(timeout=60)
    assert worker.submit(_shout_and_add, 2, 3).result(timeout=60) == 5


def test_callbacks_run_once_answered_or_at_once_if_already(worker):
    seen = []
    answer = worker.submit(_shout_and_add, 1, 1)
    answer.add_done_callback(lambda a: seen.append(a.result()))
    answer.result(timeout=60)
    answer.add_done_callback(lambda a: seen.append(a.result() * 10))
    assert seen == [2, 20] and answer.done()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_worker_fails_its_answers_and_refuses_new_jobs(worker):
    pending = worker.submit(_sleep, 30)
    os.kill(worker.pid, signal.SIGKILL)
    with pytest.raises(WorkerBroken):
        pending.result(timeout=30)
    deadline = time.monotonic() + 10
    while not worker.broken and time.monotonic() < deadline:
        time.sleep(0.01)
    with pytest.raises(WorkerBroken):
        worker.submit(_shout_and_add, 1, 2)


def test_stop_leaves_at_once_and_fails_what_is_pending():
    w = Worker(nice=0)
    w.submit(_sleep, 0).result(timeout=60)
    pending = w.submit(_sleep, 30)
    t = time.monotonic()
    w.stop(wait=True)
    assert time.monotonic() - t < 10  # not after the 30 s job
    assert w.proc.returncode is not None
    with pytest.raises(WorkerBroken):
        pending.result(timeout=1)


def test_an_answer_waited_for_too_long_says_so():
    with pytest.raises(TimeoutError):
        Answer().result(timeout=0.01)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to another process")
def test_ctrl_c_in_the_terminal_leaves_the_worker_working(worker):
    assert worker.submit(_shout_and_add, 1, 1).result(timeout=60) == 2  # it runs its loop
    os.kill(worker.pid, signal.SIGINT)
    time.sleep(0.2)
    assert worker.submit(_shout_and_add, 2, 2).result(timeout=60) == 4 and not worker.broken


def test_stray_output_before_the_first_answer_fails_the_jobs_instead_of_hanging():
    """Something printing to the worker's stdout before it serves (a site hook, a frozen build's import) garbles
    the answers' pipe: the jobs fail, the worker is ended, and nothing waits forever."""
    from export.worker import ROOT

    code = (f"print('hello from a site hook'); import sys; sys.path.insert(0, {str(ROOT)!r}); "
            "from export.workerproc import serve; serve(0)")
    w = Worker(command=[sys.executable, "-c", code])
    try:
        with pytest.raises(WorkerBroken):
            w.submit(_shout_and_add, 1, 1).result(timeout=30)
        assert w.broken and w.proc.wait(10) is not None
    finally:
        w.stop(wait=True)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_worker_that_died_by_itself_leaves_no_thread_behind(worker):
    worker.submit(_shout_and_add, 1, 1).result(timeout=60)
    os.kill(worker.pid, signal.SIGKILL)
    for thread in worker.threads:
        thread.join(10)
    assert not any(t.is_alive() for t in worker.threads)


def test_a_worker_that_cannot_start_does_not_stop_the_window_from_opening(monkeypatch):
    from export import worker as module

    module._discard_pool(wait=True)
    monkeypatch.setattr(module, "worker_command", lambda nice: ["/nonexistent/tianbao-python"])
    try:
        module.warm_up()  # no error: the window opens, its preview says what is wrong
        with pytest.raises(OSError):
            module._executor()
    finally:
        monkeypatch.undo()
        module._discard_pool(wait=True)
