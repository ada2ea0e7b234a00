"""复制为新报告 rules: which section holds the plans, which one receives them, the year in the title."""

from __future__ import annotations

from models.report import Item, Report, Section
from ui.dialogs.carry_forward import carry_forward, done_section, next_year_title, plan_count, plan_section


def report() -> Report:
    return Report(
        title="关于2025年度履行全面从严治党责任情况的报告",
        sections=[
            Section("履职情况", items=[Item("去年一。", "甲")]),
            Section("存在问题", items=[Item("问题一。", "乙")]),
            Section("下步措施", items=[Item("措施一。", "丙"), Item("", ""), Item("措施二。", "丁")]),
        ],
    )


def test_plans_found_and_counted_without_empty_items():
    r = report()
    assert plan_section(r) is r.sections[2] and done_section(r) is r.sections[0]
    assert plan_count(r) == 2


def test_carry_forward_with_and_without_plans():
    r = report()
    new = carry_forward(r, True)
    assert [i.lead for i in new.sections[0].items] == ["措施一。", "措施二。"]
    assert all(i.id is None for s in new.sections for i in s.items)
    assert [i.lead for i in r.sections[0].items] == ["去年一。"]  # the old report is untouched
    assert [i.lead for i in carry_forward(r, False).sections[0].items] == ["去年一。"]


def test_other_templates_plans():
    r = Report(sections=[Section("履职尽责情况"), Section("今后努力方向", items=[Item("一", "")])])
    assert plan_section(r) is r.sections[1] and done_section(r) is r.sections[0]
    assert plan_section(Report(sections=[Section("下步措施", items=[Item("一", "")])])) is None


def test_year_moves_on():
    assert next_year_title("关于2025年度履职情况的报告") == "关于2026年度履职情况的报告"
    assert next_year_title("2025年工作总结") == "2026年工作总结"
    assert next_year_title("述职述廉报告") == "述职述廉报告"
    assert next_year_title("第12025年") == "第12025年"
