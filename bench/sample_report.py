"""The sample report (shared/seeds, or tests/data without ../shared), read by the real importer, and big reports made from it."""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # also runnable as a script

from models.importers.structure import parse_text  # noqa: E402
from models.report import Item, Report  # noqa: E402
from tests.export.sample import SAMPLE  # noqa: E402  ../shared's seed, else our own in tests/data


def sample_report(path: Path = SAMPLE) -> Report:
    """The sample as an official would have it after importing: with a title, signature and date."""
    report, _summary = parse_text(path.read_text(encoding="utf-8"))
    report.kind = "congyan"
    report.title = "关于2026年度履行全面从严治党\n责任情况的报告"
    report.signature = "中共××区委组织部"
    report.date = _dt.date(2026, 11, 26)
    return report


def big_report(n_items: int = 500) -> Report:
    """The sample with its items repeated until there are ``n_items`` of them, for benchmarks."""
    report = sample_report()
    pool = [it for s in report.sections for it in s.items]
    per = n_items // len(report.sections)
    for si, s in enumerate(report.sections):
        count = per if si < len(report.sections) - 1 else n_items - per * (len(report.sections) - 1)
        s.items = [Item(lead=pool[k % len(pool)].lead, body=pool[k % len(pool)].body) for k in range(count)]
    return report


if __name__ == "__main__":
    for s in sample_report().sections:
        print(s.heading, len(s.items), repr(s.intro[:30]))
        for it in s.items:
            print("   ", it.lead, len(it.body))
