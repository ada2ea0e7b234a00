"""检查 stays linear in the length of what it reads, whatever the text repeats: a run of thousands of line
breaks, question marks, opening quotes or numerals once took a minute (a regex or a look-around from every
character). Measured as the ratio of two sizes in the same run, with a wide margin: linear is about 8 here,
the quadratic passes were 60 and more."""

from __future__ import annotations

import time

import pytest

from models.checks import run_checks
from models.proofread.rules import builtin_rules
from models.report import Item, Report, Section

UNITS = ["\n", "?", "!", ";", "“", "一", "1", "十", "（", "(", "\"", " ", "。", "1.", "一是", "、", "“甲", "X",
         "张晓明同志、", "第三纪检监察组", "1,2345", "％%", "国土资源局", "‘",
         "巡察反馈的16个问题已全部整改。尚有2个仍在整改。", "全县18个乡镇。16个乡镇中仍有6个。", "张建明带头，局长张建民",
         "1人，其中", "干部1人，其中党员1人、", "全县1个乡镇中有", "开会三次，召开12次", "2025年，"]


def _seconds(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _report(body: str) -> Report:
    return Report(kind="congyan", title="关于2026年度的报告", preamble=body,
                  sections=[Section("履职情况", items=[Item("抓学习。", body)])])


@pytest.mark.parametrize("unit", UNITS)
def test_checking_a_long_run_of_one_mark_is_linear(unit):
    small, large = _report(unit * (1500 // len(unit))), _report(unit * (12000 // len(unit)))
    ratio = _seconds(lambda: run_checks(large)) / max(_seconds(lambda: run_checks(small)), 1e-4)
    assert ratio < 30, f"{unit!r}: 8× the text took {ratio:.0f}× the time"


def test_one_figure_written_many_ways_is_compared_in_linear_time():
    """召开党组会议1次，召开党组会议2次…: each figure's clause is read locally, not by a scan to the end."""
    def body(n: int) -> str:
        return "".join(f"全年召开党组会议{i}次，" for i in range(n))

    small, large = _report(body(500)), _report(body(4000))
    ratio = _seconds(lambda: run_checks(large)) / max(_seconds(lambda: run_checks(small)), 1e-4)
    assert ratio < 30, f"8× the figures took {ratio:.0f}× the time"


def test_every_builtin_rule_is_linear_on_runs_of_digits_and_numerals():
    slow = []
    for rule in builtin_rules():
        for unit in ("1", "一", "十", "两", "1.", "。", "\n", "%"):
            def scan(n, rule=rule, unit=unit):
                return lambda: list(rule.pattern.finditer(unit * n))
            ratio = _seconds(scan(16000), 1) / max(_seconds(scan(2000), 1), 2e-4)
            if ratio > 30:
                slow.append((rule.id, unit, round(ratio)))
    assert slow == []
