"""历史版本: one-line change summaries, skipping identical snapshots, undoable restores, the 10-minute policy."""

from __future__ import annotations

import copy
import datetime as _dt

import pytest

from models.history import should_snapshot, summarize_change
from models.report import Item, Report, Section
from models.store import ReportNotFound, Store


def base() -> Report:
    return Report(
        title="标题", preamble="按照要求",
        sections=[
            Section(heading="履职情况", items=[Item("一", "甲"), Item("二", "乙"), Item("三", "丙")]),
            Section(heading="存在问题", items=[Item("问题", "不足")]),
        ],
    )


def test_summary_first_version():
    assert summarize_change(None, base()) == f"首个版本，共{base().char_count()}字"


def test_summary_no_change():
    assert summarize_change(base(), base()) == "无变化"


def test_summary_item_edited_and_added():
    new = base()
    new.sections[1].items.append(Item("新问题", "新内容"))
    new.sections[0].items[2].body = "丙" * 121
    assert summarize_change(base(), new) == "修改了第一部分第3条，第二部分新增1条（字数 +126）"


def test_summary_fields_and_removed_items():
    new = base()
    new.title = "新标题"
    del new.sections[0].items[0]
    new.sections.append(Section(heading="下步措施"))
    line = summarize_change(base(), new)
    assert line.startswith("修改了标题，第一部分删除1条，新增1个部分")


def test_summary_many_changes_are_cut_with_deng():
    new = base()
    new.title, new.preamble, new.closing, new.signature = "a", "b", "c", "d"
    assert summarize_change(base(), new).startswith("修改了标题，修改了开头语，修改了结尾段等")


def test_summary_only_whitespace():
    new = base()
    new.preamble = "按照要求 "
    assert summarize_change(base(), new) == "修改了开头语"


@pytest.mark.parametrize(
    "ago, editing, expected",
    [
        (None, 0, False),
        (None, 599, False),
        (None, 600, True),
        (300, 600, False),  # 600 s of editing, but the last snapshot was only 5 minutes ago
        (601, 600, True),
        (3600, 30, False),  # an idle hour is not editing
    ],
)
def test_should_snapshot(ago, editing, expected):
    now = _dt.datetime(2026, 11, 26, 10, 0)
    last = None if ago is None else now - _dt.timedelta(seconds=ago)
    assert should_snapshot(last, now, editing) is expected


def test_identical_snapshot_is_not_stored(db_path):
    store = Store(db_path)
    rid = store.create(base())
    first = store.snapshot(rid, "保存")
    assert store.snapshot(rid, "导出PDF") == first
    assert len(store.snapshots(rid)) == 1
    report = store.load(rid)
    report.title = "变了"
    store.save(report)
    assert store.snapshot(rid, "保存") != first
    assert [s.summary for s in store.snapshots(rid)][0] == "修改了标题"


def test_restore_snapshot_keeps_id_and_is_undoable(db_path):
    store = Store(db_path)
    report = base()
    rid = store.create(report)
    original = store.snapshot(rid, "保存")
    edited = copy.deepcopy(store.load(rid))
    edited.sections[0].items[1].body = "乙改过了，多了许多字"
    edited.sections.pop()
    store.save(edited)

    restored = store.restore_snapshot(rid, original)
    assert restored.id == rid and restored.content_equal(base())
    assert store.load(rid).content_equal(base())
    assert [r.id for r in store.list_reports()] == [rid]
    infos = store.snapshots(rid)
    assert [s.reason for s in infos][:2][1] == "恢复前"
    assert infos[0].reason.startswith("已恢复自 ") and infos[0].reason.endswith("的版本")
    assert "第一部分第2条" in infos[0].summary and "新增1个部分" in infos[0].summary

    # Undo the restore: restore the 恢复前 snapshot.
    store.restore_snapshot(rid, infos[1].id)
    assert store.load(rid).content_equal(edited)


def test_restore_foreign_snapshot_refused(db_path):
    store = Store(db_path)
    a = store.create(base())
    b = store.create(Report(title="另一份"))
    snap = store.snapshot(b, "保存")
    with pytest.raises(ReportNotFound):
        store.restore_snapshot(a, snap)
    assert store.load(a).content_equal(base())


def test_snapshot_info_fields(db_path):
    store = Store(db_path)
    rid = store.create(base())
    sid = store.snapshot(rid, "保存")
    info = store.snapshots(rid)[0]
    assert (info.id, info.report_id, info.reason, info.chars) == (sid, rid, "保存", base().char_count())
    assert store.load_snapshot(sid).content_equal(base())


def test_prune_keeps_recent_exports_restores_and_last_of_each_day():
    from models.history import snapshots_to_prune
    from models.store import SnapshotInfo

    now = _dt.datetime(2026, 11, 26, 12, 0).astimezone()

    def snap(sid, days_ago, hour, reason="定时保存"):
        t = (now - _dt.timedelta(days=days_ago)).replace(hour=hour)
        return SnapshotInfo(sid, 1, t.isoformat(timespec="seconds"), reason, 10, "")

    snaps = [
        snap(1, 10, 9), snap(2, 10, 10), snap(3, 10, 11),  # an old day: only the last (3) stays
        snap(4, 9, 9, "导出PDF"), snap(5, 9, 10),  # exports stay; 5 is that day's last
        snap(6, 8, 9, "恢复前"), snap(7, 8, 10, "已恢复自 11-10 09:00 的版本"), snap(8, 8, 8),
        snap(9, 1, 9), snap(10, 1, 10), snap(11, 0, 11),  # recent: all stay
    ]
    assert snapshots_to_prune(snaps, now, keep_recent=0) == [1, 2]
    assert snapshots_to_prune(snaps, now, keep_recent=10) == []  # the newest by sequence are never thinned


def test_store_prune_snapshots(db_path):
    store = Store(db_path)
    rid = store.create(base())
    report = store.load(rid)
    for k in range(5):
        report.title = f"标题{k}"
        store.save(report)
        store.snapshot(rid, "定时保存")
    assert store.prune_snapshots(rid) == 0  # all recent
    later = _dt.datetime.now().astimezone() + _dt.timedelta(days=10)
    assert store.prune_snapshots(rid, now=later) == 0  # the newest KEEP_RECENT by sequence stay
    assert store.prune_snapshots(rid, now=later, keep_recent=0) == 4
    assert [s.summary for s in store.snapshots(rid)] == ["修改了标题"]
