"""The store keeps every field exactly, ids survive moves, and the 回收站 keeps reports for 30 days."""

from __future__ import annotations

import datetime as _dt
import sqlite3

import pytest

from models.report import HEADING, NONE, YISHI, Item, Report, Section
from models.store import ReportNotFound, Store

ODD = [
    "表情😀👨‍👩‍👧‍👦🇨🇳",  # emoji, ZWJ sequence, flag
    "𠮷野家𪚥",  # outside the BMP
    "\u202e右到左\u202c\u200f עברית \u200e",  # RTL override and marks
    "e\u0301\u0323 a\u030a 한\u1100\u1161",  # combining marks
    "含\x00空字符\x00",  # NUL inside TEXT: sqlite3 binds the full length
    "控制\x01\x07\x1b[31m\x7f\u0085\u2028\u2029",
    "  前后空格\t\n\r\n  ",
    "\ufeff\ufffe\uffff",
]


def full_report(text: str = "") -> Report:
    return Report(
        kind="述职述廉报告",
        title="关于2026年度" + text + "\n履行全面从严治党责任情况的报告",
        preamble="按照要求，" + text,
        sections=[
            Section(heading="履职情况" + text, numbering=YISHI, run_on=True, intro="导语" + text,
                    items=[Item("抓学习" + text, "正文" + text), Item("", ""), Item(text, text * 3)]),
            Section(heading="存在问题", numbering=HEADING, items=[Item("一方面", "……")]),
            Section(heading=text, numbering=NONE, intro="", items=[]),
        ],
        closing="特此报告。" + text,
        signature="中共XX委员会" + text,
        date=_dt.date(2026, 11, 26),
        page_limit=5,
    )


@pytest.mark.parametrize("text", ["", *ODD])
def test_round_trip_every_field(db_path, text):
    store = Store(db_path)
    report = full_report(text)
    rid = store.create(report)
    store.close()
    back = Store(db_path).load(rid)
    assert back.content_equal(report)
    assert back.title == report.title and back.sections[0].items[2].body == text * 3
    assert back.sections[0].run_on is True and back.date == _dt.date(2026, 11, 26)
    assert back.created and back.updated and back.id == rid


def test_all_odd_text_in_one_report(db_path):
    text = "".join(ODD)
    store = Store(db_path)
    rid = store.create(full_report(text))
    assert Store(db_path).load(rid).content_equal(full_report(text))


def test_nul_is_kept_by_sqlite3(db_path):
    """Decided: NUL is stored as typed. Python's sqlite3 binds str with its length, so TEXT keeps it."""
    store = Store(db_path)
    rid = store.create(Report(title="a\x00b"))
    assert store.load(rid).title == "a\x00b"


def test_empty_report_and_no_date(db_path):
    store = Store(db_path)
    rid = store.create(Report())
    back = store.load(rid)
    assert back.content_equal(Report()) and back.date is None and back.page_limit is None


def test_save_assigns_ids_and_keeps_them(db_path):
    store = Store(db_path)
    report = full_report()
    rid = store.create(report)
    ids = [(s.id, [i.id for i in s.items]) for s in report.sections]
    assert all(sid for sid, _ in ids)
    store.save(report)
    back = store.load(rid)
    assert [(s.id, [i.id for i in s.items]) for s in back.sections] == ids


def test_item_moved_between_sections_keeps_its_id(db_path):
    store = Store(db_path)
    report = full_report()
    rid = store.create(report)
    moved = report.sections[0].items.pop(0)
    report.sections[1].items.insert(0, moved)
    store.save(report)
    back = store.load(rid)
    assert back.sections[1].items[0].id == moved.id
    assert back.sections[1].items[0].lead == "抓学习"
    assert moved.id not in [i.id for i in back.sections[0].items]
    # ...and back again, to the end of the first section.
    back.sections[0].items.append(back.sections[1].items.pop(0))
    store.save(back)
    again = store.load(rid)
    assert again.sections[0].items[-1].id == moved.id


def test_reorder_sections_and_items(db_path):
    store = Store(db_path)
    report = full_report()
    rid = store.create(report)
    report.sections.reverse()
    report.sections[-1].items.reverse()
    store.save(report)
    assert store.load(rid).content_equal(report)


def test_removed_item_and_section_are_gone(db_path):
    store = Store(db_path)
    report = full_report()
    rid = store.create(report)
    del report.sections[0].items[1]
    del report.sections[2]
    store.save(report)
    back = store.load(rid)
    assert back.content_equal(report)
    assert len(back.sections) == 2 and len(back.sections[0].items) == 2


def test_unknown_report(db_path):
    with pytest.raises(ReportNotFound, match="没有编号为 99 的报告"):
        Store(db_path).load(99)


def test_list_newest_first_and_search(db_path):
    store = Store(db_path)
    a = store.create(Report(title="甲报告"))
    b = store.create(Report(title="乙报告"))
    store.db.execute("UPDATE reports SET updated='2020-01-01T00:00:00+00:00' WHERE id=?", [a])
    assert [r.id for r in store.list_reports()] == [b, a]
    assert [r.id for r in store.list_reports("甲")] == [a]


def test_delete_restore_and_purge_after_30_days(db_path):
    store = Store(db_path)
    keep = store.create(Report(title="保留"))
    gone = store.create(Report(title="删除"))
    recent = store.create(Report(title="刚删"))
    store.delete(gone)
    store.delete(recent)
    assert [r.id for r in store.list_reports()] == [keep]
    assert {r.id for r in store.list_reports(deleted=True)} == {gone, recent}
    store.restore(recent)
    assert {r.id for r in store.list_reports()} == {keep, recent}
    store.delete(recent)

    deleted_at = _dt.datetime.fromisoformat(store.list_reports(deleted=True)[0].deleted_at)
    assert store.purge_trash(now=deleted_at + _dt.timedelta(days=29, hours=23)) == 0
    store.db.execute("UPDATE reports SET deleted_at=? WHERE id=?",
                     [(deleted_at - _dt.timedelta(days=31)).isoformat(), gone])
    store.db.conn.commit()
    store.snapshot(gone, "保存")
    assert store.purge_trash(now=deleted_at) == 1
    assert {r.id for r in store.list_reports(deleted=True)} == {recent}
    with pytest.raises(ReportNotFound):
        store.load(gone)
    assert store.snapshots(gone) == []  # cascade
    # Restorable until then, with every word.
    store.restore(recent)
    assert store.load(recent).title == "刚删"


def test_pragmas_per_connection(db_path):
    store = Store(db_path)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    # A second, independent Store gets the same settings (synchronous is not stored in the file).
    other = Store(db_path)
    assert other.db.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_save_commits_before_returning(db_path):
    """What save() returned is visible to another connection at once: no open transaction left."""
    store = Store(db_path)
    report = full_report()
    rid = store.create(report)
    report.title = "改过的标题"
    store.save(report)
    assert not store.db.conn.in_transaction
    other = sqlite3.connect(db_path)
    assert other.execute("SELECT title FROM reports WHERE id=?", [rid]).fetchone()[0] == "改过的标题"
    other.close()
