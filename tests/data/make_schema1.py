"""Regenerate schema1.db: a database written by schema version 1, kept so later versions must open it."""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from models.report import HEADING, Item, Report, Section  # noqa: E402
from models.store import Store  # noqa: E402

TITLE = "关于2026年度履行全面从严治党责任情况的报告"


def make(path: Path) -> None:
    for side in ("", "-wal", "-shm"):
        Path(str(path) + side).unlink(missing_ok=True)
    store = Store(path)
    report = Report(
        kind="全面从严治党责任报告", title=TITLE, preamble="按照要求，现就履行全面从严治党责任情况报告如下：",
        sections=[
            Section(heading="履职情况", run_on=True, items=[Item("抓学习", "坚持第一议题制度。𠮷😀"), Item("抓落实", "")]),
            Section(heading="存在问题", numbering=HEADING, intro="对照要求，仍有差距。", items=[Item("学习不够深入", "……")]),
        ],
        closing="特此报告。", signature="中共XX委员会", date=_dt.date(2026, 11, 26), page_limit=6,
    )
    rid = store.create(report)
    store.snapshot(rid, "保存")
    deleted = store.create(Report(title="已删除的报告"))
    store.delete(deleted)
    # Fold the WAL into the file so the committed copy is one self-contained file.
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    for side in ("-wal", "-shm"):
        Path(str(path) + side).unlink(missing_ok=True)


if __name__ == "__main__":
    make(HERE / "schema1.db")
    print(HERE / "schema1.db")
