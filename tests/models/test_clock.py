"""Backups and history with the time injected: a clock that goes back or jumps ahead loses nothing."""

from __future__ import annotations

import datetime as _dt
import random

from models import history
from models.backup import KEEP_DAILY, backup_dir, daily_backup, list_backups, restore_backup, set_aside_damaged
from models.report import Item, Report, Section
from models.store import SnapshotInfo, Store

DAY = _dt.datetime(2026, 12, 5, 9, 0)


def _store(db_path) -> Store:
    store = Store(db_path)
    store.create(Report(title="报告", sections=[Section(heading="一", items=[Item("一是。", "")])]))
    return store


def test_clock_gone_back_still_makes_and_keeps_todays_backup(db_path):
    store = _store(db_path)
    for d in range(KEEP_DAILY):
        assert daily_backup(store, now=DAY + _dt.timedelta(days=d)) is not None
    back = DAY - _dt.timedelta(days=30)  # the clock went back a month
    made = daily_backup(store, now=back)
    assert made is not None and made.exists()  # made, reported, and still there
    assert list_backups(db_path)[0].path == made  # the newest by sequence, whatever its date says
    assert len([b for b in list_backups(db_path) if not b.before_restore]) == KEEP_DAILY
    assert daily_backup(store, now=back + _dt.timedelta(hours=3)) is None  # once a day still holds
    store.close()


def test_clock_jumping_either_way_never_deletes_the_backup_just_made(db_path):
    store = _store(db_path)
    rng = random.Random(5)
    made_in_order = []
    for _ in range(40):
        now = DAY + _dt.timedelta(days=rng.randint(-400, 400), hours=rng.randint(0, 23))
        made = daily_backup(store, now=now)
        if made is not None:
            assert made.exists()
            made_in_order.append(made)
    daily = [b.path for b in list_backups(db_path) if not b.before_restore]
    assert daily == list(reversed(made_in_order))[:KEEP_DAILY]  # the newest by sequence are kept
    store.close()


def test_legacy_dated_names_are_pruned_before_sequenced_ones(db_path):
    store = _store(db_path)
    folder = backup_dir(db_path)
    folder.mkdir()
    legacy = [folder / f"tianbao-2099-01-{d:02d}.db" for d in range(1, 8)]  # dated in the future
    for p in legacy:
        p.write_bytes((db_path).read_bytes())
    made = daily_backup(store, now=DAY)
    assert made.exists() and made.name.startswith("tianbao-0001-")
    names = [b.path for b in list_backups(db_path)]
    assert names[0] == made and legacy[0] not in names and len(names) == KEEP_DAILY
    store.close()


def test_before_restore_copies_never_overwrite_each_other(db_path):
    store = _store(db_path)
    backup = daily_backup(store, now=DAY)
    store.close()
    frozen = DAY + _dt.timedelta(hours=1)  # the same second twice (or a clock that went back)
    first = restore_backup(backup, db_path, now=frozen)
    second = restore_backup(backup, db_path, now=frozen)
    assert first != second and first.exists() and second.exists()
    assert [b.path for b in list_backups(db_path)][:2] == [second, first]


def test_damaged_files_set_aside_in_the_same_second_are_both_kept(db_path):
    db_path.write_bytes(b"first damaged")
    one = set_aside_damaged(db_path, now=DAY)
    db_path.write_bytes(b"second damaged")
    two = set_aside_damaged(db_path, now=DAY)
    assert one != two and one.read_bytes() == b"first damaged" and two.read_bytes() == b"second damaged"


def _snap(sid: int, when: _dt.datetime, reason: str = history.REASON_PERIODIC) -> SnapshotInfo:
    return SnapshotInfo(sid, 1, when.isoformat(timespec="seconds"), reason, 10, "")


def test_snapshots_made_after_the_clock_went_back_are_not_thinned_early():
    real = _dt.datetime(2026, 12, 5, 9, 0).astimezone()
    snaps = [_snap(i, real + _dt.timedelta(minutes=10 * i)) for i in range(1, 11)]
    wrong = real - _dt.timedelta(days=20)  # then the clock went back 20 days
    snaps += [_snap(10 + i, wrong + _dt.timedelta(minutes=10 * i)) for i in range(1, 11)]
    # The next day the clock is right again: the 10 newest snapshots look 19 days old.
    fixed = real + _dt.timedelta(days=1)
    assert history.snapshots_to_prune(snaps, fixed) == []  # yesterday's work survives its wrong dates
    # Only beyond the newest by sequence does thinning go by the (wrong) dates: there, the last of the day stays.
    assert history.snapshots_to_prune(snaps, fixed, keep_recent=5) == [11, 12, 13, 14]
    assert history.snapshots_to_prune(snaps, wrong) == []  # seen from the wrong clock: nothing is old


def test_a_clock_jump_ahead_thins_only_beyond_the_newest_by_sequence():
    now = _dt.datetime(2026, 12, 5, 9, 0).astimezone()
    snaps = [_snap(i, now + _dt.timedelta(minutes=10 * i)) for i in range(1, 61)]
    far = now + _dt.timedelta(days=3650)
    doomed = history.snapshots_to_prune(snaps, far)
    kept = set(range(1, 61)) - set(doomed)
    assert set(range(61 - history.KEEP_RECENT, 61)) <= kept
    assert len(doomed) == 60 - history.KEEP_RECENT - 1  # the older ones of that day, but for its last


def test_unreadable_times_are_kept_not_crashed_on():
    now = _dt.datetime(2026, 12, 5).astimezone()
    snaps = [SnapshotInfo(1, 1, "never", "定时保存", 1, ""), SnapshotInfo(2, 1, "", "定时保存", 1, ""),
             _snap(3, now - _dt.timedelta(days=30)).__class__(3, 1, "2026-01-01T00:00:00", "定时保存", 1, "")]
    assert history.snapshots_to_prune(snaps, now, keep_recent=0) == []


def test_periodic_snapshots_do_not_stop_when_the_clock_goes_back():
    last = _dt.datetime(2026, 12, 5, 12, 0)
    earlier = last - _dt.timedelta(hours=5)
    assert history.should_snapshot(last, earlier, editing_seconds=history.SNAPSHOT_EVERY_SECONDS)
    assert not history.should_snapshot(last, last + _dt.timedelta(minutes=3), editing_seconds=history.SNAPSHOT_EVERY_SECONDS)
    assert not history.should_snapshot(last, earlier, editing_seconds=10)
    aware = last.astimezone()
    assert history.should_snapshot(aware, last + _dt.timedelta(hours=1), editing_seconds=history.SNAPSHOT_EVERY_SECONDS)


def test_store_snapshots_with_times_going_back_keep_the_newest(db_path):
    store = _store(db_path)
    rid = store.list_reports()[0].id
    report = store.load(rid)
    for k in range(5):
        report.title = f"标题{k}"
        store.save(report)
        store.snapshot(rid, history.REASON_PERIODIC)
    newest = store.snapshots(rid)[0].id
    store.db.execute("UPDATE snapshots SET created = '2020-01-01T00:00:00+00:00' WHERE id = ?", [newest])
    store.db.conn.commit()
    assert store.prune_snapshots(rid, now=_dt.datetime(2026, 12, 5).astimezone()) == 0
    assert store.snapshots(rid)[0].id == newest
    store.db.execute("UPDATE reports SET deleted_at = 'not a time'")
    store.db.conn.commit()
    assert store.purge_trash(now=_dt.datetime(2030, 1, 1).astimezone()) == 0
    store.close()


def test_a_dangling_link_with_the_next_backup_name_is_never_written_through(db_path, tmp_path):
    store = _store(db_path)
    folder = backup_dir(db_path)
    folder.mkdir()
    target = tmp_path / "elsewhere.db"
    (folder / "tianbao-0001-2026-12-05.db").symlink_to(target)  # dangling: not listed as a backup
    made = daily_backup(store, now=DAY)
    assert made.name.startswith("tianbao-0002-") and not target.exists()
    store.close()
