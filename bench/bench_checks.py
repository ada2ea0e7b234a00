"""How long the checks take: they run as the author types, so the sample must stay far below 20 ms.

Run: python bench/bench_checks.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sample_report import SAMPLE  # noqa: E402  (tests/data/samples, or TIANBAO_SAMPLE)
from models.checks import check_field, run_checks, summary  # noqa: E402
from models.importers.structure import parse_text, read_file, report_text  # noqa: E402
from models.report import Item, Report, Section  # noqa: E402


def best_ms(fn, repeat: int) -> tuple[float, float]:
    """(best, median) wall time in milliseconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return times[0], times[len(times) // 2]


def big_report(sample: Report, n_items: int) -> Report:
    """n_items items cycled from the sample's, in sections of 10."""
    items = [it for s in sample.sections for it in s.items]
    sections = []
    for k in range(0, n_items, 10):
        chunk = [Item(lead=items[(k + j) % len(items)].lead, body=items[(k + j) % len(items)].body)
                 for j in range(min(10, n_items - k))]
        sections.append(Section(heading=f"第{k // 10 + 1}部分", run_on=True, items=chunk))
    return Report(title="长报告", preamble=sample.preamble, sections=sections)


def main() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    sample, _ = read_file(SAMPLE)
    run_checks(sample)  # warm the regex cache
    best, med = best_ms(lambda: run_checks(sample), 200)
    found = run_checks(sample)
    print(f"sample ({sample.char_count()} chars, 15 items): run_checks best {best:.2f} ms, median {med:.2f} ms,"
          f" {len(found)} findings ({summary(found)})")
    best, med = best_ms(lambda: parse_text(text), 100)
    print(f"sample: parse_text best {best:.2f} ms, median {med:.2f} ms")
    body = sample.sections[0].items[2].body
    best, med = best_ms(lambda: check_field("sections.0.items.2.body", body), 500)
    print(f"one field ({len(body)} chars): check_field best {best:.3f} ms, median {med:.3f} ms")
    big = big_report(sample, 500)
    best, med = best_ms(lambda: run_checks(big), 20)
    print(f"500 items ({big.char_count()} chars): run_checks best {best:.1f} ms, median {med:.1f} ms,"
          f" {len(run_checks(big))} findings")
    big_text = report_text(big)
    best, med = best_ms(lambda: parse_text(big_text), 10)
    print(f"500 items: parse_text best {best:.1f} ms, median {med:.1f} ms")


if __name__ == "__main__":
    main()
