"""历史版本 policy and wording: what changed between two versions of a report, in one line (no SQL here)."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import difflib

from models.report import Report, chinese_number

REASON_BEFORE_RESTORE = "恢复前"
REASON_SAVE = "保存"  # Ctrl+S
REASON_EXPORT = "导出PDF"
REASON_PERIODIC = "定时保存"
SNAPSHOT_EVERY_SECONDS = 600  # a snapshot after each 10 minutes of editing
MAX_PARTS = 3  # more changes than this are summed up with 等
KEEP_ALL_DAYS = 3  # every snapshot of the last days is kept; before that, the last of each day
KEPT_REASONS = (REASON_EXPORT, REASON_BEFORE_RESTORE)  # what was handed in, and what a restore replaced
KEEP_RECENT = 30  # the newest snapshots by sequence are never thinned, whatever the clock says (5 hours of editing)


def restored_reason(snapshot_created: str) -> str:
    """The reason of the snapshot taken after a restore: names the version it came from."""
    try:
        when = _dt.datetime.fromisoformat(snapshot_created).strftime("%m-%d %H:%M")
    except ValueError:
        when = snapshot_created
    return f"已恢复自 {when} 的版本"


def should_snapshot(last_snapshot_time: _dt.datetime | None, now: _dt.datetime, editing_seconds: float) -> bool:
    """True when a periodic snapshot is due.

    ``editing_seconds`` is the time spent editing (typing) since the last snapshot; the UI adds
    to it while the user types and resets it after a snapshot. An idle window never snapshots;
    steady editing gives one snapshot per 10 minutes.
    """
    if editing_seconds < SNAPSHOT_EVERY_SECONDS:
        return False
    if last_snapshot_time is None:
        return True
    try:
        elapsed = (now - last_snapshot_time).total_seconds()
    except TypeError:  # one time with a zone, one without
        elapsed = (now.replace(tzinfo=None) - last_snapshot_time.replace(tzinfo=None)).total_seconds()
    # A clock that went back (elapsed < 0) must not stop snapshots until it catches up again.
    return elapsed < 0 or elapsed >= SNAPSHOT_EVERY_SECONDS


def copy_content(source: Report, target: Report) -> None:
    """Give ``target`` the text and structure of ``source``, keeping target's id and times (and its 沿用 marks,
    which describe the window's copy, not a version). Every other field is copied, so a field added to Report
    later is restored with the rest instead of being forgotten here."""
    fresh = source.copy()  # new lists and no database ids: the restored rows are written as new ones
    for f in dataclasses.fields(Report):
        if f.name not in _KEPT_BY_TARGET:
            setattr(target, f.name, getattr(fresh, f.name))


_KEPT_BY_TARGET = ("id", "created", "updated", "carried")


def _part(index: int) -> str:
    return f"第{chinese_number(index + 1)}部分"


_FIELDS = (("title", "标题"), ("preamble", "开头语"), ("closing", "结尾段"), ("signature", "署名"), ("date", "日期"),
           ("recipient", "主送"), ("letterhead", "版头"), ("record", "版记"), ("seal", "印章位置"),
           ("attachments", "附件"))


def _value(report: Report, attr: str):
    """A field as compared for the change summary: attachments by their text, not their database ids."""
    if attr == "attachments":
        return [(a.title, a.body) for a in report.attachments]
    return getattr(report, attr)


def _section_changes(n: int, old, new) -> list[str]:
    parts = []
    if old.heading != new.heading:
        parts.append(f"修改了{_part(n)}标题")
    if old.intro != new.intro:
        parts.append(f"修改了{_part(n)}导语")
    if (old.numbering, old.run_on) != (new.numbering, new.run_on):
        parts.append(f"修改了{_part(n)}编号方式")
    a = [(i.lead, i.body) for i in old.items]
    b = [(i.lead, i.body) for i in new.items]
    edited, added, removed = [], 0, 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "replace":
            common = min(i2 - i1, j2 - j1)
            edited.extend(range(j1 + 1, j1 + common + 1))
            added += (j2 - j1) - common
            removed += (i2 - i1) - common
        elif tag == "insert":
            added += j2 - j1
        elif tag == "delete":
            removed += i2 - i1
    if edited:
        listed = "、".join(str(k) for k in edited[:3]) + ("等" if len(edited) > 3 else "")
        parts.append(f"修改了{_part(n)}第{listed}条")
    if added:
        parts.append(f"{_part(n)}新增{added}条")
    if removed:
        parts.append(f"{_part(n)}删除{removed}条")
    return parts


def summarize_change(old: Report | None, new: Report) -> str:
    """One line such as 修改了第二部分第3条，第二部分新增1条（字数 +120）."""
    total = new.char_count()
    if old is None:
        return f"首个版本，共{total}字"
    parts = [f"修改了{label}" for attr, label in _FIELDS if _value(old, attr) != _value(new, attr)]
    if old.kind != new.kind:
        parts.append("修改了报告类型")
    for n in range(min(len(old.sections), len(new.sections))):
        parts.extend(_section_changes(n, old.sections[n], new.sections[n]))
    if len(new.sections) > len(old.sections):
        parts.append(f"新增{len(new.sections) - len(old.sections)}个部分")
    elif len(new.sections) < len(old.sections):
        parts.append(f"删除{len(old.sections) - len(new.sections)}个部分")
    delta = total - old.char_count()
    if not parts:
        return f"字数 {delta:+d}" if delta else "无变化"
    line = "，".join(parts[:MAX_PARTS]) + ("等" if len(parts) > MAX_PARTS else "")
    return line + (f"（字数 {delta:+d}）" if delta else "")


def snapshots_to_prune(snapshots: list, now: _dt.datetime, keep_all_days: int = KEEP_ALL_DAYS,
                       keep_recent: int | None = None) -> list[int]:
    """Ids of snapshots that thinning may remove, so 10-minute snapshots do not pile up for ever.

    Kept: the newest ``keep_recent`` by sequence (id), whatever their times say, so a clock that
    jumped either way never thins today's work; everything of the last ``keep_all_days`` days;
    every export, pre-restore version and restore; a snapshot whose time cannot be read; and the
    newest (by sequence) snapshot of each older day. ``snapshots`` are SnapshotInfo-like.
    """
    keep_recent = KEEP_RECENT if keep_recent is None else keep_recent
    ordered = sorted(snapshots, key=lambda s: s.id, reverse=True)
    protected = {s.id for s in ordered[:keep_recent]}
    cutoff = now - _dt.timedelta(days=keep_all_days)
    newest_of_day: dict[_dt.date, int] = {}
    old = []
    for s in ordered:
        when = _time(s.created)
        if when is None or s.id in protected or s.reason in KEPT_REASONS or s.reason.startswith("已恢复自"):
            continue
        if _naive(when, cutoff) >= _naive(cutoff, when):
            continue
        old.append(s)
        newest_of_day.setdefault(when.date(), s.id)  # ordered newest first
    keep = set(newest_of_day.values())
    return sorted(s.id for s in old if s.id not in keep)


def _time(text) -> _dt.datetime | None:
    try:
        return _dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def _naive(when: _dt.datetime, other: _dt.datetime) -> _dt.datetime:
    """``when`` comparable with ``other``: both keep their zones only if both have one."""
    return when.replace(tzinfo=None) if (when.tzinfo is None) != (other.tzinfo is None) else when
