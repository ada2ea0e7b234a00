"""How long the proofreader takes: it runs with 检查 as the author types. Target: the sample under 50 ms,
time linear in length.

Run: python bench/bench_proofread.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sample_report import big_report, sample_report  # noqa: E402
from models.checks import run_checks  # noqa: E402
from models.proofread import proofread  # noqa: E402
from models.proofread.rules import builtin_formulations, builtin_rules  # noqa: E402


def best_ms(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return times[0], times[len(times) // 2]


def main() -> None:
    t = time.perf_counter()
    proofread(sample_report())  # loads and compiles the rule files once
    print(f"first call (load {len(builtin_rules())} rules, {len(builtin_formulations())} formulations): "
          f"{(time.perf_counter() - t) * 1000:.1f} ms")
    sample = sample_report()
    best, med = best_ms(lambda: proofread(sample), 50)
    print(f"sample ({sample.char_count()} chars): proofread best {best:.1f} ms, median {med:.1f} ms; "
          f"{len(proofread(sample))} slips")
    best, med = best_ms(lambda: run_checks(sample), 50)
    print(f"sample: run_checks (all checks) best {best:.1f} ms, median {med:.1f} ms")
    for n in (50, 150, 500):
        big = big_report(n)
        best, med = best_ms(lambda b=big: proofread(b), 5)
        chars = big.char_count()
        print(f"{n} items ({chars} chars): proofread best {best:.1f} ms, median {med:.1f} ms, "
              f"{best / chars * 1000:.2f} ms per 1000 chars")


if __name__ == "__main__":
    main()
