"""复制为新报告: last year's report as this year's draft, its 下步措施 becoming 履职情况 drafts."""

from __future__ import annotations

import dataclasses
import re

from models.carried import mark_carried
from models.report import Report, Section

PLAN_WORDS = ("措施", "打算", "方向")
YEAR = re.compile(r"(?<!\d)(20\d\d)(?=年)")
DONE_WORDS = ("履职", "情况", "成效", "工作")


def plan_section(report: Report) -> Section | None:
    """The last section about next year's plans (下步措施, 今后打算, 努力方向), if it has text."""
    for s in reversed(report.sections[1:]):
        if any(w in s.heading for w in PLAN_WORDS) and any(i.lead.strip() or i.body.strip() for i in s.items):
            return s
    return None


def done_section(report: Report) -> Section | None:
    """Where this year's work is reported: the first section, preferably one named like 履职情况."""
    for s in report.sections:
        if any(w in s.heading for w in DONE_WORDS) and not any(w in s.heading for w in PLAN_WORDS):
            return s
    return report.sections[0] if report.sections else None


def next_year_title(title: str) -> str:
    """“关于2025年度……” becomes “关于2026年度……”: annual reports are copied a year on."""
    return YEAR.sub(lambda m: str(int(m.group(1)) + 1), title)


def years_in(report: Report) -> list[str]:
    """The years 复制为新报告 would move on, from the title, the preamble, the 附件 titles (“2025年”) and the
    发文字号 (〔2025〕), in order."""
    found = [y for text in (report.title, report.preamble, *(a.title for a in report.attachments))
             for y in YEAR.findall(text)]
    from models.frame_checks import year_in_number  # with the checks' text rules: not before the window is shown

    number = year_in_number(report.letterhead.number) if report.letterhead is not None else None
    if number is not None:
        found.append(number[2][1:-1])  # 〔2026〕
    return list(dict.fromkeys(found))


def carry_forward(old: Report, use_plans: bool, move_year: bool = True) -> Report:
    """A copy of ``old`` without its dates (成文日期, 印发日期) and with a 发文字号 to fill in; ``move_year``:
    the years of title, preamble, 附件 titles and 发文字号 a year on; ``use_plans``: its plans replace the 履职情况
    items. Every carried text is marked 沿用 until edited."""
    new = old.copy()
    new.date = None
    if new.record is not None:
        new.record.date = None
    if new.letterhead is not None and new.letterhead.number.strip():
        from models.frame_checks import fresh_number

        new.letterhead.number = fresh_number(new.letterhead.number, 1 if move_year else 0)
    if move_year:
        new.title = next_year_title(old.title)
        new.preamble = next_year_title(old.preamble)
        for a in new.attachments:
            a.title = next_year_title(a.title)
    if use_plans:
        src, dst = plan_section(new), done_section(new)
        if src is not None and dst is not None and src is not dst:
            dst.items = [dataclasses.replace(i, id=None) for i in src.items if i.lead.strip() or i.body.strip()]
    mark_carried(new)
    return new


def plan_count(report: Report) -> int:
    s = plan_section(report)
    return 0 if s is None else sum(1 for i in s.items if i.lead.strip() or i.body.strip())

