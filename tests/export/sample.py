"""The sample report of the seeds folder as a Report, and long reports made from it (tests and bench)."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from models.report import YISHI, Item, Report, Section, chinese_number

SHARED_SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_43bf3779fedf47ec.txt"
OWN_SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample_report.txt"  # ours, shorter (~2 pages)


def _sample_path() -> Path:
    """The seeds sample when ../shared is there (or $TIANBAO_SAMPLE names a file), else our own in tests/data."""
    named = os.environ.get("TIANBAO_SAMPLE")
    if named:
        return Path(named)
    return SHARED_SAMPLE if SHARED_SAMPLE.exists() else OWN_SAMPLE


SAMPLE = _sample_path()
TITLE = "关于履行全面从严治党责任情况的报告"
_HEADING = re.compile(r"^[一二三四五六七八九十]+、(.*)$")


def split_items(text: str) -> tuple[str, list[Item]]:
    """'intro一是lead。body二是…' -> intro, items; the generated 一是 and 。 reproduce the text exactly."""
    starts = []
    pos = 0
    n = 1
    while True:
        k = text.find(chinese_number(n) + "是", pos)
        if k < 0:
            break
        starts.append(k)
        pos = k + 2
        n += 1
    intro = text[: starts[0]] if starts else text
    items = []
    for i, k in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        chunk = text[k + len(chinese_number(i + 1)) + 1 : end]
        stop = chunk.find("。")
        items.append(Item(lead=chunk[:stop], body=chunk[stop + 1 :]))
    return intro, items


def sample_report(text: str | None = None) -> Report:
    """Preamble, then 履职情况 / 存在问题 / 下步措施 with run-on 一是 items (the last one has an intro)."""
    text = SAMPLE.read_text(encoding="utf-8") if text is None else text
    lines = [ln for ln in text.splitlines() if ln.strip()]
    report = Report(kind="blank", title=TITLE, preamble=lines[0], signature="中共某某区委组织部",
                    date=dt.date(2026, 11, 26))
    k = 1
    while k < len(lines):
        m = _HEADING.match(lines[k].strip())
        assert m, lines[k]
        intro, items = split_items(lines[k + 1])
        report.sections.append(Section(heading=m.group(1), numbering=YISHI, run_on=True, intro=intro, items=items))
        k += 2
    return report


def expected_text(text: str | None = None) -> str:
    """The sample as printed: title, body, signature, date; whitespace removed."""
    text = SAMPLE.read_text(encoding="utf-8") if text is None else text
    return re.sub(r"\s", "", TITLE + text + "中共某某区委组织部" + "2026年11月26日")


def long_report(pages: int) -> Report:
    """About ``pages`` pages: the sample's sections repeated (each copy ~4.4 pages)."""
    base = sample_report()
    report = Report(kind="blank", title=base.title, preamble=base.preamble, signature=base.signature,
                    date=base.date)
    copies = max(1, round(pages / 4.4))
    for _ in range(copies):
        for s in base.sections:
            report.sections.append(Section(heading=s.heading, numbering=s.numbering, run_on=s.run_on,
                                           intro=s.intro, items=[Item(i.lead, i.body) for i in s.items]))
    return report
