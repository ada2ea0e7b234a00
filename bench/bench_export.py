"""Export speed: warm in-process sample, cold `main.py export`, and 25/50/100-page reports (linearity).

Run: python bench/bench_export.py   (prints figures; not part of the test suite)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.export.sample import long_report, sample_report  # noqa: E402


def best_of(fn, n: int, clock=time.perf_counter) -> float:
    times = []
    for _ in range(n):
        t = clock()
        fn()
        times.append(clock() - t)
    return min(times)


def main() -> None:
    from export.backends.pdf import export_pdf, render_pdf_bytes
    from export.layout import layout_report

    tmp = Path(tempfile.mkdtemp(prefix="tianbao-bench-"))
    report = sample_report()
    t = time.perf_counter()
    result = export_pdf(report, tmp / "first.pdf")
    print(f"first export in this process (fonts registered): {1000 * (time.perf_counter() - t):.0f} ms, "
          f"{result.pages} pages")
    warm = best_of(lambda: export_pdf(report, tmp / "sample.pdf"), 10)
    lay = best_of(lambda: layout_report(report), 10)
    render = best_of(lambda: render_pdf_bytes(report), 10)
    cpu = best_of(lambda: export_pdf(report, tmp / "sample.pdf"), 10, time.process_time)
    print(f"warm export of the sample: {1000 * warm:.1f} ms wall, {1000 * cpu:.1f} ms CPU "
          f"(layout {1000 * lay:.1f} ms, layout+draw {1000 * render:.1f} ms)   [limit 100 ms]")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")

    from models.store import Store

    db = tmp / "reports.db"
    store = Store(db)
    rid = store.create(report)
    store.close()
    env = dict(os.environ)
    cold = []
    for _ in range(3):
        t = time.perf_counter()
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(rid), "-o", str(tmp / "cli.pdf"),
                              "--db", str(db)], cwd=ROOT, env=env, capture_output=True, text=True)
        cold.append(time.perf_counter() - t)
        assert out.returncode == 0, out.stderr
    print(f"cold `python main.py export`: best {min(cold):.2f} s, runs {', '.join(f'{c:.2f}' for c in cold)}"
          "   [limit 1.0 s]")

    figures = {}
    for pages in (25, 50, 100):
        big = long_report(pages)
        res = export_pdf(big, tmp / f"long{pages}.pdf")
        secs = best_of(lambda big=big, pages=pages: export_pdf(big, tmp / f"long{pages}.pdf"), 2)
        figures[pages] = (res.pages, secs)
        print(f"{res.pages:4d} pages: {secs:.2f} s ({1000 * secs / res.pages:.1f} ms/page)")
    (p25, t25), (p100, t100) = figures[25], figures[100]
    print(f"100 pages vs 25 pages: time x{t100 / t25:.2f} for pages x{p100 / p25:.2f}   [limit 4 s, linear]")


if __name__ == "__main__":
    main()
