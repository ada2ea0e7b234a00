"""搜索 finds text in any field (SQLite FTS5, one character per token), kept in step on every save."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from models.report import Item, Report, Section
from models.store import Store

DATA = Path(__file__).resolve().parent.parent / "data"


def test_fts5_is_compiled_in():
    sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")


def test_search_finds_body_text_short_words_and_follows_edits(db_path):
    store = Store(db_path)
    try:
        a = Report(title="述职报告", sections=[Section("履职情况", items=[Item("抓党建。", "推进基层组织建设。")])])
        b = Report(title="工作总结", preamble="今年完成了档案数字化。")
        store.create(a)
        store.create(b)
        assert [r.id for r in store.list_reports("党建")] == [a.id]
        assert [r.id for r in store.list_reports("数字化")] == [b.id]
        assert [r.id for r in store.list_reports("工作")] == [b.id]  # titles too
        assert store.list_reports("建推") == []  # no phrase across fields
        a.sections[0].items[0].body = "推进档案整理。"
        store.save(a)
        assert {r.id for r in store.list_reports("档案")} == {a.id, b.id}
        assert store.list_reports("基层") == []
        assert store.list_reports('"*') == []  # FTS syntax in the query is plain text
    finally:
        store.close()


def test_upgraded_file_is_searchable(tmp_path):
    copy = tmp_path / "schema1.db"
    shutil.copyfile(DATA / "schema1.db", copy)
    store = Store(copy)
    try:
        report = store.load(store.list_reports()[0].id)
        body = next(i.body for s in report.sections for i in s.items if len(i.body) > 6)
        word = body[2:5]
        assert word not in report.title
        assert report.id in [r.id for r in store.list_reports(word)]
    finally:
        store.close()


def test_purged_reports_leave_the_index(db_path):
    import datetime as dt

    store = Store(db_path)
    try:
        rid = store.create(Report(title="旧报告", preamble="档案整理"))
        store.delete(rid)
        assert store.list_reports("档案") == []  # in the 回收站: not listed
        later = dt.datetime.now().astimezone() + dt.timedelta(days=40)
        assert store.purge_trash(now=later) == 1
        assert store.db.execute("SELECT count(*) FROM report_text").fetchone()[0] == 0
    finally:
        store.close()
