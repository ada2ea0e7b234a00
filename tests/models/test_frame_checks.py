"""Checks of the official-document frame: each slip is found, the right text is not, and one-click fixes work."""

from __future__ import annotations

import datetime as dt

import pytest

from models.checks import KIND_LABELS, apply_all_fixes, apply_fix, run_checks
from models.frame_checks import number_hits
from models.report import Attachment, Item, Letterhead, Record, Report, Section


def framed(**kw) -> Report:
    """A unit's report with a complete, correct frame: no frame finding at all."""
    base = dict(
        kind="congyan_unit", title="关于2026年度履行全面从严治党主体责任情况的报告", signature="中共示范区农业局党组",
        date=dt.date(2026, 12, 1), recipient="中共示范区委",
        sections=[Section(heading="履职情况", items=[Item("压实主体责任。", "详见附件1《责任清单》和附件2。")])],
        attachments=[Attachment("责任清单", "一、党组书记"), Attachment("问题整改台账", "二、")],
        letterhead=Letterhead(mark="中共示范区农业局党组文件", number="示农党组〔2026〕12号", signers=["王明"],
                              copy_no="000012", urgency="加急"),
        record=Record(cc="区纪委监委，区委组织部。", issuer="中共示范区农业局办公室", date=dt.date(2026, 12, 2)),
    )
    base.update(kw)
    return Report(**base)


def frame_findings(report: Report) -> list:
    return [f for f in run_checks(report) if f.kind == "frame"]


def fix_all(report: Report) -> Report:
    apply_all_fixes(report, "frame")
    return report


def test_a_correct_frame_has_no_finding_and_the_kind_is_registered():
    assert frame_findings(framed()) == []
    assert KIND_LABELS["frame"] == "公文格式"
    personal = Report(title="述职述廉报告", signature="王明", date=dt.date(2026, 12, 1),
                      sections=[Section(heading="履职", items=[Item("学习。", "认真学习。")])])
    assert frame_findings(personal) == []


@pytest.mark.parametrize("typed, fixed", [
    ("示农党组[2026]12号", "示农党组〔2026〕12号"),
    ("示农党组【2026】12号", "示农党组〔2026〕12号"),
    ("示农党组(2026)12号", "示农党组〔2026〕12号"),
    ("示农党组（2026）12号", "示农党组〔2026〕12号"),
    ("示农党组［2026］12号", "示农党组〔2026〕12号"),
    ("示农党组﹝2026﹞12号", "示农党组〔2026〕12号"),
    ("示农党组〔２０２６〕12号", "示农党组〔2026〕12号"),
    ("示农党组〔2026〕05号", "示农党组〔2026〕5号"),
    ("示农党组〔2026〕第12号", "示农党组〔2026〕12号"),
    ("示农党组[2026]第005号", "示农党组〔2026〕5号"),
    ("示农党组〔2026〕12", "示农党组〔2026〕12号"),
])
def test_document_number_slips_are_found_and_fixed(typed, fixed):
    report = framed(letterhead=Letterhead(mark="示范", number=typed, signers=["王明"]))
    found = frame_findings(report)
    assert found and all(f.field == "letterhead.number" for f in found)
    assert report.letterhead.number == typed
    assert fix_all(report).letterhead.number == fixed
    assert frame_findings(report) == []


@pytest.mark.parametrize("good", ["示农党组〔2026〕12号", "示农党组〔2026〕1号", "示农党组〔2026〕100号", "示农发〔2026〕10号"])
def test_standard_document_numbers_pass(good):
    assert number_hits(good) == []


def test_a_number_without_bracketed_year_is_reported_without_a_guess():
    [hit] = number_hits("示农党组2026年12号")
    assert hit.fix is None and "六角括号" in hit.message


def test_letterhead_without_signer():
    for signers in ([], [""], ["  "]):
        report = framed(letterhead=Letterhead(mark="示范", number="示农党组〔2026〕12号", signers=signers))
        [f] = frame_findings(report)
        assert f.field == "letterhead.signers.0" and "签发人" in f.message and f.fix is None
        assert f.place == "版头签发人"
    assert frame_findings(framed(letterhead=None)) == []  # no 版头, no 签发人 needed


def test_copy_number_is_six_digits():
    report = framed(letterhead=Letterhead(mark="示范", number="示农党组〔2026〕12号", signers=["王明"], copy_no="12"))
    [f] = frame_findings(report)
    assert f.field == "letterhead.copy_no" and f.fix == "000012"
    assert fix_all(report).letterhead.copy_no == "000012"
    report.letterhead.copy_no = "第一份"
    [f] = frame_findings(report)
    assert f.fix is None


def test_recipient_with_typed_colon_is_doubled_and_only_that_is_said():
    for typed in ("中共示范区委：", "中共示范区委:", "中共示范区委： "):
        report = framed(recipient=typed)
        found = [f for f in run_checks(report) if f.field == "recipient"]
        assert [f.kind for f in found] == ["frame"], typed  # not also "半角冒号应改为全角"
        assert "重复" in found[0].message and found[0].place == "主送机关"
        assert apply_fix(report, found[0]) and report.recipient == "中共示范区委"
    assert frame_findings(framed(recipient="中共示范区委")) == []


def test_a_letterhead_document_needs_a_recipient_but_a_personal_report_does_not():
    [f] = frame_findings(framed(recipient=""))
    assert f.field == "recipient" and "主送机关" in f.message
    assert frame_findings(framed(recipient="", letterhead=None)) == []


def test_attachment_titles():
    report = framed(attachments=[Attachment("", "正文"), Attachment("附件2：问题整改台账。", "")])
    found = frame_findings(report)
    assert [(f.field, f.text) for f in found] == [
        ("attachments.0.title", ""), ("attachments.1.title", "附件2："), ("attachments.1.title", "。")]
    assert found[0].place == "附件1标题" and "没有标题" in found[0].message
    fix_all(report)
    assert report.attachments[1].title == "问题整改台账"


def test_attachment_names_in_the_body_must_match():
    body = "详见附件1《责任清单》和附件2《问题台账》，另见附件3。"
    report = framed(sections=[Section(heading="履职情况", items=[Item("压实责任。", body)])])
    found = frame_findings(report)
    assert [(f.field, f.text) for f in found] == [
        ("sections.0.items.0.body", "问题台账"), ("sections.0.items.0.body", "附件3")]
    assert "问题整改台账" in found[0].message and "只有2个附件" in found[1].message
    ok = "详见附件1《责任清单》和附件2“问题整改台账”。"
    assert frame_findings(framed(sections=[Section(heading="情况", items=[Item("压实责任。", ok)])])) == []


def test_body_mentions_an_attachment_that_does_not_exist():
    report = framed(attachments=[], preamble="现将有关情况报告如下（附件：工作台账）：",
                    sections=[Section(heading="履职情况", items=[Item("压实责任。", "层层传导压力。")])])
    [f] = frame_findings(report)
    assert f.field == "preamble" and "还没有附件" in f.message


def test_carbon_copy_ends_with_a_full_stop():
    for typed, fixed in (("区纪委监委，区委组织部", "区纪委监委，区委组织部。"),
                         ("区纪委监委，区委组织部；", "区纪委监委，区委组织部。"),
                         ("抄送：区纪委监委，区委组织部。", "区纪委监委，区委组织部。"),
                         ("区纪委监委、区委组织部。", "区纪委监委，区委组织部。")):
        report = framed(record=Record(cc=typed, issuer="办公室"))
        assert frame_findings(report), typed
        for _ in range(3):  # one fix at a time, as the 修正此处 button does
            for f in frame_findings(report)[:1]:
                assert apply_fix(report, f)
        assert report.record.cc == fixed
    assert frame_findings(framed(record=Record(cc="", issuer="办公室"))) == []
    assert frame_findings(framed(record=None)) == []


def test_placeholders_in_frame_fields_name_their_place():
    report = framed(letterhead=Letterhead(mark="中共XX区XX局党组文件", number="XX党组〔2026〕X号", signers=["XXX"]))
    places = {f.place for f in run_checks(report) if f.kind == "placeholder"}
    assert places == {"版头发文机关标志", "版头发文字号", "版头签发人"}


def test_main_check_reports_frame_findings_by_place(tmp_path):
    """`main.py check` on an imported v2 data file: the frame's findings come with the official's place names."""
    import json
    import subprocess
    import sys

    from models.exchange import dump_file
    from tests.conftest import ROOT

    report = framed(recipient="中共示范区委：",
                    letterhead=Letterhead(mark="示范", number="示农党组[2026]第05号", signers=["王明"]))
    src, db = tmp_path / "report.json", tmp_path / "t.db"
    dump_file(report, src)

    def run(*args):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True,
                              text=True, timeout=60)

    imported = run("import", str(src), "--db", str(db))
    assert imported.returncode == 0, imported.stderr
    out = run("check", imported.stdout.strip().splitlines()[-1], "--db", str(db), "--json")
    assert out.returncode == 0, out.stderr
    frame = [f for f in json.loads(out.stdout) if f["kind"] == "frame"]
    assert {(f["place"], f["fix"]) for f in frame} == {
        ("版头发文字号", "〔2026〕"), ("版头发文字号", ""), ("主送机关", "")}
    assert len([f for f in frame if f["place"] == "版头发文字号"]) == 3  # brackets, 第, the zero


def test_years_and_dates_agree():
    """A report copied from last year keeps last year's 发文字号; a 印发日期 before the 成文日期 is a slip."""
    report = framed(letterhead=Letterhead(mark="示范", number="示农党组〔2025〕12号", signers=["王明"]))
    [f] = frame_findings(report)
    assert f.field == "letterhead.number" and f.text == "2025" and "2026" in f.message and f.fix is None
    assert frame_findings(framed(date=None, letterhead=Letterhead(mark="示范", number="示农党组〔2025〕12号",
                                                                   signers=["王明"]))) == []
    early = framed(record=Record(cc="区纪委监委。", issuer="办公室", date=dt.date(2026, 11, 30)))
    [f] = frame_findings(early)
    assert f.field == "record.date" and f.place == "版记印发日期" and "早于" in f.message
    same_day = framed(record=Record(cc="区纪委监委。", issuer="办公室", date=dt.date(2026, 12, 1)))
    assert frame_findings(same_day) == []
