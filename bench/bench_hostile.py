"""Hostile-input bench: time and memory of every refusal, the trust check's cost at open; prints figures."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.exchange import ExchangeError  # noqa: E402
from models.importers.dispatch import read_report_file  # noqa: E402
from models.store import Store, _open_for_checks, check_schema, known_schemas  # noqa: E402
from tests.hostile_dbs import good_database  # noqa: E402
from tests.hostile_files import import_cases  # noqa: E402


def peak_mb() -> float:
    try:
        line = next(ln for ln in open("/proc/self/status") if ln.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024
    except (OSError, StopIteration):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = import_cases(folder / "in")
        times = []
        for case in cases:
            start = time.perf_counter()
            try:
                read_report_file(case.path)
            except ExchangeError:
                pass
            times.append((time.perf_counter() - start, case.name))
        times.sort(reverse=True)
        print(f"hostile import files: {len(cases)}, median {statistics.median(t for t, _ in times) * 1000:.1f} ms, "
              f"slowest {times[0][0] * 1000:.0f} ms ({times[0][1]}), {times[1][0] * 1000:.0f} ms ({times[1][1]})")
        print(f"peak resident memory after all of them: {peak_mb():.0f} MB")
        start = time.perf_counter()
        known_schemas.cache_clear()
        known_schemas()
        print(f"expected schemas derived from the migrations: {(time.perf_counter() - start) * 1000:.1f} ms (once)")
        db = good_database(folder / "t.db")
        runs = []
        for _ in range(50):
            conn = _open_for_checks(db)[0]
            start = time.perf_counter()
            check_schema(conn, db)
            runs.append(time.perf_counter() - start)
            conn.close()
        print(f"trust check per open: median {statistics.median(runs) * 1000:.2f} ms")
        opens = []
        for _ in range(20):
            start = time.perf_counter()
            Store(db).close()
            opens.append(time.perf_counter() - start)
        print(f"Store open (checks + migrations + probe write): median {statistics.median(opens) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
