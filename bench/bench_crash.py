"""Crash bench: SIGKILL an editing Tianbao store many times; prints trials, edits acknowledged, edits lost."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.models.crash_harness import run_trials  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--trials", type=int, default=500)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--max-delay", type=float, default=0.15, help="longest wait before a kill, seconds")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="tianbao-crash-") as d:
        db = Path(d) / "tianbao.db"
        start = time.monotonic()
        stats = run_trials(db, args.trials, seed=args.seed, max_delay=args.max_delay)
        elapsed = time.monotonic() - start
        size = db.stat().st_size if db.exists() else 0
    print(f"trials (SIGKILLs):          {stats.trials}")
    print(f"edits acknowledged:         {stats.acknowledged}")
    print(f"edits lost:                 {stats.lost}")
    print(f"kills during save, kept:    {stats.in_flight_kept}")
    print(f"integrity_check failures:   {len(stats.integrity_failures)}")
    print(f"database size at the end:   {size / 1e6:.2f} MB")
    print(f"time:                       {elapsed:.1f} s")
    for line in stats.mismatches + stats.integrity_failures:
        print("  " + line)
    return 0 if stats.lost == 0 and not stats.integrity_failures else 1


if __name__ == "__main__":
    sys.exit(main())
