"""How long the proofreader takes: it runs with 检查 as the author types. Target: the sample under 50 ms,
time linear in length. "cold" reads every field; "typing" re-reads the one field that changed (the rest
comes from the per-field cache), which is what a refresh of the 检查 panel costs.

Run: python bench/bench_proofread.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import models.proofread.engine as pr  # noqa: E402
from bench.sample_report import big_report, sample_report  # noqa: E402
from models.checks import run_checks  # noqa: E402
from models.proofread.rules import builtin_formulations, builtin_rules  # noqa: E402


def best_ms(fn, repeat: int, setup=lambda: None) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        setup()
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return times[0], times[len(times) // 2]


def main() -> None:
    t = time.perf_counter()
    pr.proofread(sample_report())  # loads and compiles the rule files once
    print(f"first call (load {len(builtin_rules())} rules, {len(builtin_formulations())} formulations): "
          f"{(time.perf_counter() - t) * 1000:.1f} ms")
    sample = sample_report()
    best, med = best_ms(lambda: pr.proofread(sample), 30, pr._CACHE.clear)
    print(f"sample ({sample.char_count()} chars), cold: proofread best {best:.1f} ms, median {med:.1f} ms; "
          f"{len(pr.proofread(sample))} slips")
    best, med = best_ms(lambda: run_checks(sample), 30, pr._CACHE.clear)
    print(f"sample, cold: run_checks (all checks) best {best:.1f} ms, median {med:.1f} ms")
    for n in (50, 150, 500):
        big = big_report(n)
        chars = big.char_count()
        best, med = best_ms(lambda b=big: pr.proofread(b), 5, pr._CACHE.clear)
        print(f"{n} items ({chars} chars), cold: proofread best {best:.1f} ms, median {med:.1f} ms, "
              f"{best / chars * 1000:.2f} ms per 1000 chars")
        item = big.sections[0].items[0]
        pr.proofread(big)

        def type_one(it=item) -> None:
            it.body += "字"

        best, med = best_ms(lambda b=big: pr.proofread(b), 10, type_one)
        print(f"{n} items, typing (one field changed): proofread best {best:.1f} ms, median {med:.1f} ms")


if __name__ == "__main__":
    main()
