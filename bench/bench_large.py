"""Large-report bench: a 500-item (~200-page) report through the store; prints times and peak memory."""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.backup import daily_backup  # noqa: E402
from models.report import Item, Report, Section  # noqa: E402
from models.store import Store, _open_for_checks, quick_check  # noqa: E402

PHRASES = ["坚持以习近平新时代中国特色社会主义思想为指导，", "认真落实全面从严治党主体责任，", "扎实推进党风廉政建设，",
           "持续深化作风建设，", "严格执行中央八项规定精神，", "推动各项工作落地见效。"]


def big_report(items: int, chars_per_item: int, rng: random.Random) -> Report:
    def body() -> str:
        out = ""
        while len(out) < chars_per_item:
            out += rng.choice(PHRASES)
        return out[:chars_per_item]

    per = items // 5
    return Report(
        title="关于2026年度履行全面从严治党责任情况的报告", preamble="按照要求，现报告如下：",
        sections=[Section(heading=f"第{k + 1}部分", items=[Item(f"抓落实{n}", body()) for n in range(per)])
                  for k in range(5)],
        signature="中共XX委员会",
    )


def timed(fn, repeat: int) -> tuple[float, float]:
    """(median, max) milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def maxrss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / 1024 if sys.platform == "darwin" else rss / 1024


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--items", type=int, default=500)
    p.add_argument("--chars", type=int, default=250, help="characters per item body (500 x 250 = ~200 pages)")
    p.add_argument("--repeat", type=int, default=20)
    args = p.parse_args()
    rng = random.Random(1)
    rss0 = maxrss_mb()
    with tempfile.TemporaryDirectory(prefix="tianbao-large-") as d:
        db = Path(d) / "tianbao.db"
        store = Store(db)
        report = big_report(args.items, args.chars, rng)
        chars = report.char_count()
        print(f"report: {args.items} items, {chars} characters (~{chars / (22 * 28):.0f} pages of 22 x 28)")
        start = time.perf_counter()
        rid = store.create(report)
        print(f"create (first save, all rows):   {(time.perf_counter() - start) * 1000:8.1f} ms")

        def edit_and_save():
            it = rng.choice(rng.choice(report.sections).items)
            it.body += "改"
            store.save(report)

        def move_and_save():
            s = rng.choice(report.sections)
            s.items.insert(0, s.items.pop())
            store.save(report)

        for name, fn in (
            ("save, nothing changed", lambda: store.save(report)),
            ("save after typing in one item", edit_and_save),
            ("save after moving an item", move_and_save),
            ("load", lambda: store.load(rid)),
            ("snapshot (with change summary)", lambda: (edit_and_save(), store.snapshot(rid, "定时保存"))),
        ):
            med, worst = timed(fn, args.repeat)
            print(f"{name + ':':33s}{med:8.1f} ms median, {worst:7.1f} ms worst")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = db.stat().st_size
        med, worst = timed(lambda: Store(db, readonly=True).close(), args.repeat)
        print(f"database file: {size / 1e6:.2f} MB")
        print(f"{'open read-only (incl. checks):':33s}{med:8.1f} ms median")

        def check():
            conn = _open_for_checks(db)[0]
            quick_check(conn)
            conn.close()

        med, _ = timed(check, args.repeat)
        print(f"{'PRAGMA quick_check:':33s}{med:8.1f} ms median")
        start = time.perf_counter()
        daily_backup(store)
        print(f"{'daily backup (backup API):':33s}{(time.perf_counter() - start) * 1000:8.1f} ms")
        store.close()
    print(f"peak memory (maxrss): {maxrss_mb():.0f} MB (interpreter and imports alone: {rss0:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
