"""Report kinds are data: the shipped templates, and a new kind added by dropping in a file."""

import datetime as dt
import json

import pytest

from models.checks import run_checks
from models.exchange import report_from_data, report_to_data
from models.fields import iter_fields
from models.report import NUMBERING_STYLES, Letterhead, Record, Report, Section
from models.templates import TEMPLATE_DIR, guess_kind, load_templates, unit_kinds

ISSUE_KINDS = {
    "congyan": ["履职情况", "存在问题", "下步措施"],
    "duizhao": ["存在问题", "原因剖析", "整改措施"],
}


def test_shipped_templates():
    templates = {t.kind: t for t in load_templates()}
    assert {"blank", "congyan", "shuzhi", "duizhao", "zongjie"} <= set(templates)
    for kind, headings in ISSUE_KINDS.items():
        assert [s.heading for s in templates[kind].new_report().sections] == headings
    congyan = templates["congyan"].new_report()
    assert congyan.preamble == "按照要求，现就履行全面从严治党责任情况报告如下："
    for t in templates.values():
        report = t.new_report()
        assert report.kind == t.kind and t.name
        assert all(s.numbering in NUMBERING_STYLES for s in report.sections)


def test_a_new_kind_is_a_data_file(tmp_path):
    for path in TEMPLATE_DIR.glob("*.json"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "50_diaoyan.json").write_text(json.dumps({
        "kind": "diaoyan", "name": "调研报告", "preamble": "根据安排，现将调研情况报告如下：",
        "sections": [{"heading": "基本情况", "numbering": "none"}, {"heading": "对策建议", "numbering": "heading"}],
    }, ensure_ascii=False), encoding="utf-8")
    templates = load_templates(tmp_path)
    assert templates[-1].kind == "diaoyan"
    data = report_to_data(templates[-1].new_report())
    assert [s["heading"] for s in data["sections"]] == ["基本情况", "对策建议"]
    assert data["kind"] == "diaoyan"


def test_unit_templates_produce_the_official_document_frame():
    templates = {t.kind: t for t in load_templates()}
    assert unit_kinds() == {"congyan_unit", "zongjie_unit"}
    unit = templates["congyan_unit"].new_report(today=dt.date(2026, 12, 2))
    assert templates["congyan_unit"].unit and "单位" in templates["congyan_unit"].name
    assert unit.recipient == "中共XX区委" and unit.signature == "中共XX区XX局党组" and unit.seal
    assert unit.letterhead == Letterhead(mark="中共XX区XX局党组文件", number="XX党组〔2026〕X号", signers=["XXX"])
    assert unit.record == Record(cc="区纪委监委。", issuer="XX区XX局办公室", date=None)
    assert unit.closing == "特此报告。" and unit.title == "中共XX区XX局党组关于2026年度履行全面从严治党主体责任情况的报告"
    assert unit.date == dt.date(2026, 12, 2)  # a unit's document is dated; 检查 does not start with 成文日期未填写
    assert not any(f.field == "date" for f in run_checks(unit))
    summary = templates["zongjie_unit"].new_report()
    assert summary.letterhead is not None and summary.record is not None and summary.recipient == "XX区人民政府"
    # The frame is filled exactly as an exchange file would be: the template keys are the file's keys.
    for kind in ("congyan_unit", "zongjie_unit"):
        report = templates[kind].new_report()
        assert report_from_data(report_to_data(report)).content_equal(report)
        # Only placeholders are left to fill in: the frame itself is written as the standard wants.
        assert {f.kind for f in run_checks(report)} <= {"placeholder", "empty"}


def test_personal_templates_have_no_frame_and_their_customary_salutation():
    templates = {t.kind: t for t in load_templates()}
    for kind in ("blank", "congyan", "shuzhi", "duizhao", "zongjie"):
        report = templates[kind].new_report()
        assert not templates[kind].unit
        assert report.letterhead is None and report.record is None and not report.seal and not report.attachments
        assert report.date is None  # a person's report is dated when the author chooses to
    # 述职述廉 is delivered at the 述职述廉 meeting: the text carries the 称谓 (the layout adds the ：).
    assert templates["shuzhi"].new_report().recipient == "各位领导、同志们"
    for kind in ("blank", "congyan", "duizhao", "zongjie"):
        assert templates[kind].new_report().recipient == ""


def test_a_template_file_may_carry_the_frame(tmp_path):
    (tmp_path / "60_qingshi.json").write_text(json.dumps({
        "kind": "qingshi", "name": "请示", "unit": True, "recipient": "区人民政府",
        "sections": [{"heading": "事由"}],
        "attachments": [{"title": "经费测算表", "body": ""}],
        "letterhead": {"mark": "示范区农业局文件", "number": "示农〔2026〕3号", "signers": ["王明"]},
    }, ensure_ascii=False), encoding="utf-8")
    [t] = load_templates(tmp_path)
    report = t.new_report()
    assert unit_kinds(tmp_path) == {"qingshi"}
    assert [a.title for a in report.attachments] == ["经费测算表"] and report.letterhead.signers == ["王明"]
    assert report.record is None and report.seal is False


def test_template_years_follow_the_calendar():
    """A 年度 report written in January is about last year; its 发文字号 carries the year of issue."""
    summary = next(t for t in load_templates() if t.kind == "zongjie_unit")
    january = summary.new_report(today=dt.date(2027, 1, 10))
    assert january.title == "XX区XX局关于2026年工作总结和2027年工作打算的报告"
    assert january.letterhead.number == "XX发〔2027〕X号"
    assert [s.heading for s in january.sections][::2] == ["2026年主要工作及成效", "2027年工作打算"]
    december = summary.new_report(today=dt.date(2026, 12, 2))
    assert december.title == january.title and december.letterhead.number == "XX发〔2026〕X号"
    assert not any("{" in text for _, text in iter_fields(december))


@pytest.mark.parametrize(("title", "kind"), [
    ("2025年度述职述廉报告", "shuzhi"),
    ("述 职 述 廉 报 告", "shuzhi"),
    ("王某某同志2025年度民主生活会个人对照检查材料", "duizhao"),
    ("专题民主生活会个人检视剖析材料", "duizhao"),
    ("关于履行全面从严治党责任情况的报告", "congyan"),
    ("中共某某县审计局党组关于2025年度履行全面从严治党主体责任情况的报告", "congyan_unit"),
    ("2025年度个人工作总结", "zongjie"),
    ("某某区统计局关于2025年工作总结和2026年工作打算的报告", "zongjie_unit"),
    ("关于开展安全生产大检查的通知", "blank"),
])
def test_an_imported_report_with_headings_of_its_own_gets_its_kind_from_the_title(title, kind):
    report = Report(title=title, sections=[Section("主要做法"), Section("几点体会")])
    assert guess_kind(report) == kind


def test_shared_headings_outweigh_the_title():
    report = Report(title="2025年度述职述廉报告", sections=[Section("履职情况"), Section("存在问题"), Section("下步措施")])
    assert guess_kind(report) == guess_kind(Report(sections=report.sections))
