"""OFD export speed: the sample and a long report, split into layout, font subsetting (per face) and the rest,
with the subsets made anew (first export of these characters) and read from the font cache (export again).

Run: python bench/bench_ofd.py   (prints figures; not part of the test suite)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.export.sample import long_report, sample_report  # noqa: E402


def best_of(fn, n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def _forget_subsets() -> None:
    from export.backends import ofd_fonts

    for file in ofd_fonts._cache_dir().glob("*.ttf"):
        file.unlink()


def measure(label: str, report, rounds: int) -> None:
    from export.backends.ofd import draw, export_ofd
    from export.backends.ofd_fonts import _subset, subset_font
    from export.layout import layout_report

    tmp = Path(tempfile.mkdtemp(prefix="tianbao-bench-ofd-"))
    export_ofd(report, tmp / "first.ofd")  # fonts registered, metrics read

    def cold() -> None:
        _forget_subsets()
        export_ofd(report, tmp / "r.ofd")

    total = best_of(cold, rounds)
    again = best_of(lambda: export_ofd(report, tmp / "r.ofd"), rounds)
    layout = layout_report(report)
    lay = best_of(lambda: layout_report(report), rounds)
    drawing = best_of(lambda: draw(layout, "标题", "署名"), rounds)
    used: dict[str, set[str]] = {}
    for page in layout.pages:
        for line in page.lines:
            for gl in line.glyphs:
                used.setdefault(gl.font, set()).add(gl.char)
    print(f"{label}: {len(layout.pages)} pages, OFD {os.path.getsize(tmp / 'r.ofd') / 1024:.0f} KB; "
          f"export {1000 * total:.0f} ms with new subsets, {1000 * again:.0f} ms again with the cached ones "
          f"(layout {1000 * lay:.0f} ms warm, drawing with cached subsets {1000 * drawing:.0f} ms)")
    subsets = 0.0
    for name, chars in used.items():
        face = layout.fonts.get(name)
        if face is None or not face.path:
            continue
        t = best_of(lambda face=face, chars=chars: _subset(face.path, face.index, chars), rounds)
        hit = best_of(lambda face=face, chars=chars: subset_font(face.path, face.index, chars), rounds)
        subsets += t
        size = len(subset_font(face.path, face.index, chars))
        print(f"  subset {face.family} ({Path(face.path).name}, {os.path.getsize(face.path) / 1e6:.1f} MB): "
              f"{len(chars)} characters -> {size / 1024:.0f} KB in {1000 * t:.0f} ms, from the cache {1000 * hit:.1f} ms")
    print(f"  making the subsets: {1000 * subsets:.0f} ms")


def main() -> None:
    rounds = 5
    measure("sample", sample_report(), rounds)
    measure("100-page report", long_report(100), 3)
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
