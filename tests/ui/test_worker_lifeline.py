"""The preview's worker leaves when the window's process dies without cleanup."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# A stand-in for the window's process: starts the real preview worker the way the window does, writes the
# worker's pid, then dies without running any cleanup.
CHILD = """
import os, signal, sys
from ui.preview import typesetter
pool = typesetter._executor()
worker = pool.submit(os.getpid).result(timeout=60)
assert worker == pool.pid
with open(sys.argv[2], "w") as out:
    out.write(f"{worker}")
if sys.argv[1] == "kill":
    os.kill(os.getpid(), signal.SIGKILL)
os._exit(1)
"""

pytestmark = pytest.mark.skipif(not Path("/proc/self").exists(), reason="reads process states from /proc")


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting for its reaper counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.parametrize("death", ["kill", "exit"])
def test_worker_leaves_when_the_window_dies(death, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    pid_file, log = tmp_path / "pids", tmp_path / "stderr"
    # Output to files, not pipes: an orphaned worker holding the pipes would keep the test waiting.
    with open(log, "w") as err:
        child = subprocess.run([sys.executable, "-c", CHILD, death, str(pid_file)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=err, timeout=120)
    assert pid_file.exists(), log.read_text()
    pids = [int(p) for p in pid_file.read_text().split()]
    assert child.returncode != 0  # it died; nothing shut the pool down
    try:
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [p for p in pids if _alive(p)], "the worker outlived its window"
    finally:
        for pid in pids:  # never leave an orphan behind, even when the test fails
            if _alive(pid):
                os.kill(pid, 9)

