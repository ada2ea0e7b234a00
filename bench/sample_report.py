"""The real sample report (shared/seeds) split by hand into preamble, sections and 一是 items."""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

from models.report import YISHI, Item, Report, Section, chinese_number

SAMPLE = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds" / "000_43bf3779fedf47ec.txt"
HEADING = re.compile(r"^[一二三四五六七八九十]+、(.+)$")


def split_items(text: str) -> tuple[str, list[Item]]:
    """Intro text before 一是, then one Item per 一是/二是… piece; lead runs to the first 。."""
    cuts = []
    pos = 0
    n = 1
    while True:
        i = text.find(chinese_number(n) + "是", pos)
        if i < 0:
            break
        cuts.append(i)
        pos = i + 1
        n += 1
    if not cuts:
        return text, []
    intro = text[: cuts[0]]
    items = []
    for k, start in enumerate(cuts):
        end = cuts[k + 1] if k + 1 < len(cuts) else len(text)
        piece = text[start + len(chinese_number(k + 1)) + 1 : end].strip()
        stop = piece.find("。")
        lead, body = (piece[: stop + 1], piece[stop + 1 :]) if stop >= 0 else (piece, "")
        items.append(Item(lead=lead, body=body))
    return intro, items


def sample_report(path: Path = SAMPLE) -> Report:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    report = Report(
        kind="congyan",
        title="关于2026年度履行全面从严治党\n责任情况的报告",
        preamble=lines[0],
        signature="中共××区委组织部",
        date=_dt.date(2026, 11, 26),
    )
    section = None
    for ln in lines[1:]:
        m = HEADING.match(ln)
        if m:
            section = Section(heading=m.group(1), numbering=YISHI, run_on=True)
            report.sections.append(section)
        elif section is not None:
            intro, items = split_items(ln)
            section.intro += intro
            section.items.extend(items)
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
    r = sample_report()
    for s in r.sections:
        print(s.heading, len(s.items), repr(s.intro[:30]))
        for it in s.items:
            print("   ", it.lead, len(it.body))
