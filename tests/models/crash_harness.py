"""Parent side of the crash test: SIGKILL the editing child at random moments and check what survived."""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from models.store import Store, integrity_check
from tests.models.crash_child import REPORT_ID, content_sha

CHILD = Path(__file__).resolve().parent / "crash_child.py"


@dataclass
class CrashStats:
    trials: int = 0
    acknowledged: int = 0  # edits whose save() had returned before the kill
    lost: int = 0  # acknowledged edits missing after reopening (must be 0)
    in_flight_kept: int = 0  # kills during save() whose edit had committed anyway
    integrity_failures: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)


def _lines(stream, out: queue.Queue) -> None:
    for line in stream:
        out.put(line.split())
    out.put(None)


def _expect(q: queue.Queue, word: str, timeout: float = 30) -> list[str]:
    deadline = time.monotonic() + timeout
    while True:
        msg = q.get(timeout=max(0.01, deadline - time.monotonic()))
        if msg is None:
            raise RuntimeError("crash child ended early")
        if msg[0] == word:
            return msg


def current_sha(db: Path) -> str | None:
    store = Store(db)
    try:
        return content_sha(store.load(REPORT_ID))
    except Exception as e:  # noqa: BLE001 - ReportNotFound before the first save is expected
        from models.store import ReportNotFound

        if isinstance(e, ReportNotFound):
            return None
        raise
    finally:
        store.close()


def run_trials(db: Path, trials: int, seed: int = 1, max_delay: float = 0.06) -> CrashStats:
    """Fork an editing worker per trial, kill it after a random delay, reopen and compare."""
    rng = random.Random(seed)
    stats = CrashStats()
    server = subprocess.Popen([sys.executable, str(CHILD), str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, encoding="utf-8")
    q: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(server.stdout, q), daemon=True).start()
    try:
        _expect(q, "READY")
        expected = None  # sha of the state every acknowledged edit so far adds up to
        seq = 0
        for trial in range(trials):
            server.stdin.write(f"GO {rng.randrange(1 << 30)} {seq}\n")
            server.stdin.flush()
            pid = int(_expect(q, "PID")[1])
            tried = None
            # Most kills land while editing; one in five may land during start-up (opening, lock, migrations).
            wait_for_edits = rng.random() < 0.8
            done = False
            while wait_for_edits:
                msg = q.get(timeout=30)
                if msg is None:
                    raise RuntimeError("crash child ended early")
                if msg[0] == "TRY":
                    tried, seq = msg[2], int(msg[1])
                    break
                if msg[0] == "DONE":
                    done = True
                    break
            time.sleep(rng.uniform(0, max_delay))
            os.kill(pid, signal.SIGKILL)
            while not done:
                msg = q.get(timeout=30)
                if msg is None:
                    raise RuntimeError("crash child ended early")
                if msg[0] == "TRY":
                    tried = msg[2]
                    seq = int(msg[1])
                elif msg[0] == "ACK":
                    expected, tried = msg[2], None
                    stats.acknowledged += 1
                elif msg[0] == "DONE":
                    if os.WIFEXITED(int(msg[2])):
                        raise RuntimeError("crash worker failed on its own (see stderr)")
                    break
            stats.trials += 1
            check = "ok"
            if db.exists():  # (a kill before the first save leaves no file at all)
                conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
                check = integrity_check(conn)
                conn.close()
            if check != "ok":
                stats.integrity_failures.append(f"trial {trial}: {check}")
            found = current_sha(db)
            if found == expected:
                continue
            if tried is not None and found == tried:
                stats.in_flight_kept += 1
                expected = tried
                continue
            stats.lost += 1
            stats.mismatches.append(f"trial {trial}: found {found}, acknowledged {expected}, in flight {tried}")
            expected = found
    finally:
        server.stdin.close()
        server.wait(timeout=30)
    return stats
