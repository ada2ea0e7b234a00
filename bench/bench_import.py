"""Import speed: every corpus document, and a large report built on Word automatic numbering; prints figures.

Run: python bench/bench_import.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.importers.dispatch import read_report_file  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "import"


def timed(path: Path, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        read_report_file(path)
        times.append((time.perf_counter() - t) * 1000)
    return min(times), statistics.median(times)


def big_docx(folder: Path, sections: int = 30, items: int = 20) -> Path:
    sys.path.insert(0, str(CORPUS))
    import make_corpus as mc

    mc.HERE = folder
    body = [mc.p("2026年度工作总结")]
    for s in range(sections):
        body.append(mc.p(f"第{s + 1}方面工作", num=(1, 0)))
        for i in range(items):
            body.append(mc.p(f"做好第{i + 1}项任务。按计划推进，按期完成，群众满意。", num=(1, 1)))
            body.append(mc.p("具体做法是加强统筹、压实责任、强化督办，确保各项措施落到实处。"))
    body += [mc.p("某某单位"), mc.p("2026年12月31日")]
    mc.build("big", body, numbering=[mc.abstract(1, *mc.CN_LEVELS), mc.num(1, 1)])
    return folder / "big.docx"


def main() -> int:
    for path in sorted(CORPUS.iterdir()):
        if path.suffix in (".docx", ".doc", ".wps", ".txt"):
            best, med = timed(path, 20)
            print(f"{path.name:32s} best {best:6.1f} ms  median {med:6.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        big = big_docx(Path(tmp))
        report, summary = read_report_file(big)
        best, med = timed(big, 5)
        print(f"big.docx ({summary.sections} 部分, {summary.items} 条, {big.stat().st_size // 1024} KB): "
              f"best {best:.0f} ms, median {med:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
