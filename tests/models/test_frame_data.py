"""The official-document frame as data: every field round-trips through the store, the exchange file and history."""

from __future__ import annotations

import datetime as _dt
import json

import pytest

from models.exchange import ExchangeError, dumps, report_from_data
from models.fields import get_field, iter_fields, set_field
from models.history import copy_content
from models.report import Attachment, Letterhead, Record, Report, Section
from models.store import Store


def framed() -> Report:
    return Report(
        kind="congyan_unit", title="关于2026年度履行全面从严治党主体责任情况的报告",
        sections=[Section(heading="履职情况")], signature="中共XX区XX局党组", date=_dt.date(2026, 12, 1),
        recipient="中共XX区委",
        attachments=[Attachment("2026年度党风廉政建设工作台账", "一、……"), Attachment("问题清单", "")],
        letterhead=Letterhead(mark="中共XX区XX局党组文件", number="XX党组〔2026〕12号",
                              signers=["张某某", "李某"], copy_no="000123", secrecy="", urgency="特急"),
        record=Record(cc="区纪委监委，区委组织部。", issuer="中共XX区XX局办公室", date=_dt.date(2026, 12, 8)),
        seal=True,
    )


def test_store_round_trip_of_every_frame_field(tmp_path):
    store = Store(tmp_path / "t.db")
    report = framed()
    rid = store.create(report)
    loaded = store.load(rid)
    assert loaded.content_equal(report)
    assert loaded.letterhead.signers == ["张某某", "李某"] and loaded.record.date == _dt.date(2026, 12, 8)
    assert [a.title for a in loaded.attachments] == ["2026年度党风廉政建设工作台账", "问题清单"]
    # Reorder, remove and clear: the rows follow.
    loaded.attachments.reverse()
    loaded.attachments.pop()
    loaded.letterhead = None
    loaded.record = None
    loaded.seal = False
    store.save(loaded)
    again = store.load(rid)
    assert again.content_equal(loaded) and [a.title for a in again.attachments] == ["问题清单"]
    assert store.db.execute("SELECT count(*) FROM attachments").fetchone()[0] == 1
    store.close()


def test_exchange_version_2_keys_and_round_trip():
    data = json.loads(dumps(framed()))
    assert data["version"] == 2
    assert data["recipient"] == "中共XX区委"
    assert data["attachments"][0] == {"title": "2026年度党风廉政建设工作台账", "body": "一、……"}
    assert data["letterhead"] == {"mark": "中共XX区XX局党组文件", "number": "XX党组〔2026〕12号",
                                  "signers": ["张某某", "李某"], "copy_no": "000123", "secrecy": "", "urgency": "特急"}
    assert data["record"] == {"cc": "区纪委监委，区委组织部。", "issuer": "中共XX区XX局办公室", "date": "2026-12-08"}
    assert data["seal"] is True
    assert report_from_data(data).content_equal(framed())


def test_version_1_file_imports_with_an_empty_frame():
    v1 = {"format": "tianbao.report", "version": 1, "title": "述职述廉报告", "sections": [{"heading": "履职情况"}]}
    report = report_from_data(v1)
    assert report.title == "述职述廉报告" and report.recipient == ""
    assert report.attachments == [] and report.letterhead is None and report.record is None and report.seal is False


@pytest.mark.parametrize("patch, needle", [
    ({"seal": "false"}, "seal"),
    ({"attachments": {"title": "x"}}, "attachments"),
    ({"attachments": ["x"]}, "附件1"),
    ({"letterhead": {"signers": "张三"}}, "signers"),
    ({"letterhead": "中共文件"}, "letterhead"),
    ({"record": {"date": "12月8日"}}, "印发"),
    ({"recipient": 5}, "recipient"),
])
def test_wrong_frame_types_are_refused(patch, needle):
    data = json.loads(dumps(framed()))
    data.update(patch)
    with pytest.raises(ExchangeError, match=needle):
        report_from_data(data)


def test_frame_fields_have_paths_for_checks_and_the_window():
    report = framed()
    paths = dict(iter_fields(report))
    assert paths["recipient"] == "中共XX区委"
    assert paths["letterhead.number"] == "XX党组〔2026〕12号" and paths["letterhead.signers.1"] == "李某"
    assert paths["attachments.1.title"] == "问题清单" and paths["record.cc"] == "区纪委监委，区委组织部。"
    for path, text in paths.items():
        assert get_field(report, path) == text
        set_field(report, path, text + "改")
        assert get_field(report, path) == text + "改"


def test_history_restore_copies_the_frame():
    target = Report(title="旧")
    copy_content(framed(), target)
    assert target.content_equal(framed())
    assert target.attachments[0].id is None
