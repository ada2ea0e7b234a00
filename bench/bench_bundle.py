"""Cold start-up of the one-folder build versus the venv, and .deb install time (run after build-linux.sh).

Each figure is the median of N runs of a fresh process, interleaved bundle/venv in the same run:
  window: start, open the database, show the window, close it (TIANBAO_QUIT_AFTER_MS=0), exit
  export: `export` of the sample report to PDF
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = ROOT / "build" / "dist" / "tianbao" / "tianbao"
VENV = [str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "main.py")]
SAMPLE = ROOT / "tests" / "data" / "samples" / "congyan_2026.txt"
N = int(os.environ.get("N", "5"))


def timed(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=300)
    return time.perf_counter() - t0


def main() -> int:
    if not EXE.exists():
        print("先运行 bash packaging/build-linux.sh", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp())
    env = {"HOME": str(tmp), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    db = tmp / "b.db"
    subprocess.run([*VENV, "import", str(SAMPLE), "--db", str(db)], env=env, check=True, capture_output=True)
    rows: dict[str, dict[str, list[float]]] = {label: {"window": [], "export": []} for label in ("bundle", "venv")}
    for _ in range(N):
        for label, base in (("bundle", [str(EXE)]), ("venv", VENV)):
            rows[label]["window"].append(timed([*base, "--db", str(db)], dict(env, TIANBAO_QUIT_AFTER_MS="0")))
            rows[label]["export"].append(timed([*base, "export", "1", "-o", str(tmp / "o.pdf"), "--db", str(db)], env))
    size = sum(f.stat().st_size for f in EXE.parent.rglob("*") if f.is_file())
    print(f"bundle folder: {size / 2**20:.0f} MiB; runs per figure: {N}")
    for what in ("window", "export"):
        b = statistics.median(rows["bundle"][what])
        v = statistics.median(rows["venv"][what])
        print(f"{what:7s} bundle {b * 1000:6.0f} ms  venv {v * 1000:6.0f} ms  ratio {b / v:.2f}")
    debs = sorted((ROOT / "build").glob("tianbao_*_amd64.deb"))
    if debs and os.geteuid() == 0:
        subprocess.run(["dpkg", "-r", "tianbao"], capture_output=True)
        t = timed(["dpkg", "-i", str(debs[-1])], dict(os.environ))
        print(f".deb install {t:.1f} s ({debs[-1].stat().st_size / 2**20:.0f} MiB)")
        subprocess.run(["dpkg", "-r", "tianbao"], capture_output=True, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
