"""历史版本, 从备份恢复 and the start-up error dialog, driven like a person would (dialog answers injected)."""

from __future__ import annotations

import datetime as _dt

import pytest
from PySide6.QtCore import Qt

from models.backup import daily_backup, list_backups
from models.lock import DatabaseLockedError
from models.opening import open_store
from models.report import Item, Report, Section
from models.store import DatabaseDamagedError, DatabaseNewerError, Store
from ui.dialogs.backup_dialog import BackupDialog
from ui.dialogs.history_dialog import HistoryDialog, snapshot_time
from ui.dialogs.open_errors import (
    OPEN_BACKUP,
    OPEN_OTHER,
    OPEN_READONLY,
    QUIT,
    START_FRESH,
    choices_for,
    open_with_recovery,
    present_open_error,
)


def sample(title: str = "关于2026年度履职情况的报告") -> Report:
    return Report(title=title, preamble="按照要求，现报告如下：", sections=[
        Section(heading="履职情况", items=[Item("抓学习", "坚持第一议题制度。"), Item("抓落实", "逐项推进。")]),
        Section(heading="存在问题", items=[Item("学习不够深入", "……")]),
    ])


class Answers:
    def __init__(self, answer=True):
        self.answer = answer
        self.asked: list[str] = []
        self.errors: list[str] = []

    def confirm(self, parent, title, text, yes="", no="", risky=False):
        self.asked.append(text)
        self.labels = (yes, no)
        self.risky = risky
        return self.answer

    def error(self, parent, title, text):
        self.errors.append(text)


@pytest.fixture
def history(qtbot, db_path):
    store = Store(db_path)
    report = sample()
    rid = store.create(report)
    store.snapshot(rid, "保存")
    report.sections[0].items[1].body = "逐项推进，按期完成。" * 5
    report.sections[1].items.append(Item("新问题", "作风不够扎实"))
    store.save(report)
    store.snapshot(rid, "导出PDF")
    answers = Answers()
    dlg = HistoryDialog(store, rid, confirm=answers.confirm, error=answers.error)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    yield dlg, store, rid, answers
    store.close()


def test_history_lists_snapshots_with_summary(history):
    dlg, store, rid, _ = history
    assert dlg.list.topLevelItemCount() == 2
    newest = dlg.list.topLevelItem(0)
    assert newest.text(1) == "导出PDF"
    assert newest.text(0).startswith("今天 ")
    assert int(newest.text(2)) == store.load(rid).char_count()
    assert newest.text(3) == "修改了第一部分第2条，第二部分新增1条（字数 +54）"
    assert dlg.list.topLevelItem(1).text(3).startswith("首个版本")
    assert "逐项推进，按期完成。" in dlg.preview.toPlainText()  # the newest is shown at once
    assert dlg.preview.isReadOnly()


def test_history_preview_follows_selection(history, qtbot):
    dlg, *_ = history
    dlg.list.setCurrentItem(dlg.list.topLevelItem(1))
    text = dlg.preview.toPlainText()
    assert "一、履职情况" in text and "二是抓落实。逐项推进。" in text and "按期完成" not in text


def test_history_shows_a_version_as_printed(qtbot, db_path):
    """The 公文 frame of a version is shown with its text; a blank item is not a bare 二是."""
    from models.report import Attachment, Letterhead, Record

    store = Store(db_path)
    report = sample()
    report.recipient = "区委组织部"
    report.signature, report.date = "某某局", _dt.date(2026, 12, 2)
    report.letterhead = Letterhead(mark="某某局文件", number="某局〔2026〕3号")
    report.attachments = [Attachment("履职清单", "第一项")]
    report.record = Record(cc="区政府办公室", issuer="某某局办公室", date=_dt.date(2026, 12, 3))
    report.sections[0].items.insert(1, Item("", ""))
    report.sections[1].items.append(Item("  ", "\n"))
    rid = store.create(report)
    store.snapshot(rid, "保存")
    dlg = HistoryDialog(store, rid)
    qtbot.addWidget(dlg)
    lines = dlg.preview.toPlainText().splitlines()
    for line in ("某某局文件", "某局〔2026〕3号", "区委组织部：", "附件：履职清单", "某某局", "2026年12月2日",
                 "附件", "抄送：区政府办公室", "某某局办公室　　2026年12月3日印发"):
        assert line in lines
    assert lines.index("某某局文件") < lines.index(report.title) < lines.index("区委组织部：") \
        < lines.index("按照要求，现报告如下：")
    assert "二是抓落实。逐项推进。" in lines and "三是" not in "".join(lines)
    assert "二是" not in "".join(lines[lines.index("二、存在问题"):])
    store.close()


def test_history_restore_emits_and_is_undoable(history, qtbot):
    dlg, store, rid, answers = history
    dlg.list.setCurrentItem(dlg.list.topLevelItem(1))
    with qtbot.waitSignal(dlg.restored) as signal:
        qtbot.mouseClick(dlg.restore_button, Qt.MouseButton.LeftButton)
    assert signal.args == [rid]
    assert "现在的内容会先保存为一个历史版本" in answers.asked[0]
    assert answers.labels == ("恢复", "取消")
    assert store.load(rid).content_equal(sample())
    reasons = [dlg.list.topLevelItem(k).text(1) for k in range(dlg.list.topLevelItemCount())]
    assert reasons[0].startswith("已恢复自 ") and "恢复前" not in reasons  # 恢复前 equals the latest one
    # Undo: restore the version before the restore.
    dlg.list.setCurrentItem(dlg.list.topLevelItem(1))
    qtbot.mouseClick(dlg.restore_button, Qt.MouseButton.LeftButton)
    assert store.load(rid).sections[1].items[-1].lead == "新问题"


def test_history_restore_declined_changes_nothing(history, qtbot):
    dlg, store, rid, answers = history
    answers.answer = False
    before = store.load(rid)
    dlg.list.setCurrentItem(dlg.list.topLevelItem(1))
    with qtbot.assertNotEmitted(dlg.restored):
        qtbot.mouseClick(dlg.restore_button, Qt.MouseButton.LeftButton)
    assert store.load(rid).content_equal(before) and len(store.snapshots(rid)) == 2


def test_history_empty_and_readonly(qtbot, db_path):
    store = Store(db_path)
    rid = store.create(sample())
    store.close()
    ro = Store(db_path, readonly=True)
    dlg = HistoryDialog(ro, rid)
    qtbot.addWidget(dlg)
    assert dlg.list.topLevelItemCount() == 0 and not dlg.restore_button.isEnabled()
    assert "还没有历史版本" in dlg.preview.placeholderText()
    ro.close()


def test_snapshot_time_words():
    today = _dt.date(2026, 11, 26)
    assert snapshot_time("2026-11-26T10:42:07+08:00", today) == "今天 10:42:07"
    assert snapshot_time("2026-03-05T09:01:00+08:00", today) == "3月5日 09:01"
    assert snapshot_time("2025-03-05T09:01:00+08:00", today) == "2025年3月5日 09:01"


# -- 从备份恢复 ------------------------------------------------------------------

def backed_up(db_path, days: int = 3) -> None:
    store = Store(db_path)
    for d in range(days):
        store.create(sample(f"第{d + 1}天的报告"))
        daily_backup(store, now=_dt.datetime(2026, 11, 20 + d, 9))
    store.create(sample("今天的报告"))
    store.close()


def test_backup_dialog_lists_and_restores(qtbot, db_path):
    backed_up(db_path)
    answers = Answers()
    dlg = BackupDialog(db_path, confirm=answers.confirm, error=answers.error)
    qtbot.addWidget(dlg)
    assert [dlg.list.item(k).text().split("    ")[0] for k in range(dlg.list.count())] == [
        "2026-11-22 每日备份", "2026-11-21 每日备份", "2026-11-20 每日备份"]
    assert not dlg.empty.isVisible()
    dlg.list.setCurrentRow(2)
    events = []
    dlg.about_to_restore.connect(lambda: events.append("closing"))
    with qtbot.waitSignal(dlg.restored) as signal:
        qtbot.mouseClick(dlg.restore_button, Qt.MouseButton.LeftButton)
    assert events == ["closing"]
    assert "tianbao-before-restore-" in signal.args[0]
    assert "2026-11-20 每日备份" in answers.asked[0] and "不会丢失" in answers.asked[0]
    assert answers.labels == ("恢复", "取消")
    store = Store(db_path)
    assert [r.title for r in store.list_reports()] == ["第1天的报告"]
    store.close()
    assert any(b.before_restore for b in list_backups(db_path))


def test_backup_question_says_what_replaces_what_and_marks_an_empty_backup(qtbot, db_path):
    store = Store(db_path)
    daily_backup(store, now=_dt.datetime(2026, 11, 20, 9))  # before any report: an empty backup
    for title in ("甲", "乙", "丙"):
        store.create(sample(title))
    store.close()
    answers = Answers(answer=False)
    dlg = BackupDialog(db_path, confirm=answers.confirm, error=answers.error)
    qtbot.addWidget(dlg)
    assert "空备份" in dlg.list.item(0).text()
    qtbot.mouseClick(dlg.restore_button, Qt.MouseButton.LeftButton)
    question = answers.asked[0]
    assert "空备份" in question and "没有任何报告" in question
    assert "3 份报告" in question and "最后修改于" in question
    assert answers.risky  # Enter does not restore an empty backup


def test_backup_dialog_declined_and_empty(qtbot, db_path):
    Store(db_path).close()
    dlg = BackupDialog(db_path)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.list.count() == 0 and dlg.empty.isVisible() and not dlg.restore_button.isEnabled()
    backed_up(db_path, 1)
    before = db_path.read_bytes()
    answers = Answers(answer=False)
    dlg = BackupDialog(db_path, confirm=answers.confirm)
    qtbot.addWidget(dlg)
    with qtbot.assertNotEmitted(dlg.about_to_restore):
        qtbot.mouseClick(dlg.restore_button, Qt.MouseButton.LeftButton)
    assert db_path.read_bytes() == before


def test_backup_dialog_reports_a_damaged_backup(qtbot, db_path):
    backed_up(db_path, 1)
    list_backups(db_path)[0].path.write_bytes(b"garbage" * 1000)
    answers = Answers()
    dlg = BackupDialog(db_path, confirm=answers.confirm, error=answers.error)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.restore_failed):
        qtbot.mouseClick(dlg.restore_button, Qt.MouseButton.LeftButton)
    assert "已损坏" in answers.errors[0]
    assert [r.title for r in Store(db_path).list_reports()][0] == "今天的报告"


# -- start-up errors ----------------------------------------------------------------

class Asker:
    def __init__(self, *answers):
        self.answers = list(answers)
        self.shown: list[tuple[str, str, list]] = []

    def __call__(self, parent, title, text, choices):
        self.shown.append((title, text, [label for _, label in choices]))
        return self.answers.pop(0)


def damage(path):
    path.write_bytes(b"SQLite format 3\x00" + b"\x01" * 3000)


def test_damaged_offers_backup_other_quit(db_path):
    backed_up(db_path, 1)
    damage(db_path)
    ask = Asker(QUIT)
    with pytest.raises(DatabaseDamagedError) as err:
        open_store(db_path)
    assert present_open_error(err.value, db_path, ask=ask) == QUIT
    title, text, labels = ask.shown[0]
    assert title == "报告库已损坏" and labels == ["打开备份", "打开其他文件", "新建空报告库", "退出"]
    assert "损坏的文件会先另存" in text and str(db_path) in text


def test_choices_without_backups_and_when_locked(db_path):
    assert choices_for(DatabaseDamagedError("x"), db_path) == [OPEN_OTHER, START_FRESH, QUIT]
    assert choices_for(DatabaseNewerError("x"), db_path) == [OPEN_OTHER, QUIT]
    assert choices_for(DatabaseLockedError("x"), db_path) == [OPEN_READONLY, OPEN_OTHER, QUIT]


def test_open_with_recovery_restores_a_backup(db_path):
    backed_up(db_path, 2)
    damage(db_path)
    damaged = db_path.read_bytes()

    def restore_newest(parent, path):
        from models.backup import restore_backup

        restore_backup(list_backups(path)[0].path, path)
        return True

    store = open_with_recovery(db_path, ask=Asker(OPEN_BACKUP), backup=restore_newest)
    assert store is not None and not store.readonly
    assert sorted(r.title for r in store.list_reports()) == ["第1天的报告", "第2天的报告"]
    store.close()
    kept = [b for b in list_backups(db_path) if b.before_restore]
    assert kept and kept[0].path.read_bytes() == damaged  # the damaged file was never thrown away


def test_damaged_without_backup_can_start_fresh_keeping_the_damaged_file(db_path):
    damage(db_path)
    damaged = db_path.read_bytes()
    ask = Asker(START_FRESH)
    store = open_with_recovery(db_path, ask=ask)
    assert store is not None and not store.readonly and store.list_reports() == []
    store.close()
    assert "新建空报告库" in ask.shown[0][1]
    [aside] = (db_path.parent / "backups").glob("tianbao-damaged-*.db")
    assert aside.read_bytes() == damaged  # kept byte for byte, for someone who can repair it
    assert all(not b.path.name.startswith("tianbao-damaged") for b in list_backups(db_path))


def test_open_with_recovery_other_file_then_quit(db_path, tmp_path):
    damage(db_path)
    other = tmp_path / "other.db"
    Store(other).close()
    store = open_with_recovery(db_path, ask=Asker(OPEN_OTHER), other=lambda parent: str(other))
    assert store is not None and store.path == other
    store.close()
    assert open_with_recovery(db_path, ask=Asker(QUIT)) is None


def test_open_with_recovery_locked_offers_readonly(db_path):
    first, _ = open_store(db_path)
    first.create(sample())
    ask = Asker(OPEN_READONLY)
    store = open_with_recovery(db_path, ask=ask)
    assert ask.shown[0][0] == "报告库已打开" and "此报告库已在另一个天报窗口中打开" in ask.shown[0][1]
    assert store.readonly and "另一个天报窗口" in store.readonly_reason
    assert len(store.list_reports()) == 1
    store.close()
    first.close()


def test_open_with_recovery_makes_the_daily_backup(db_path):
    store = open_with_recovery(db_path, ask=Asker())
    assert [b.before_restore for b in list_backups(db_path)] == [False]
    store.close()


def test_history_preview_marks_what_differs_from_now(history, qtbot):
    from PySide6.QtGui import QColor

    from ui.dialogs.history_dialog import CHANGED, REMOVED

    dlg, *_ = history
    dlg.list.setCurrentItem(dlg.list.topLevelItem(1))  # the older version: before 按期完成 and the new item
    marked, underlined = [], []
    block = dlg.preview.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            if fmt.background().color() == QColor(CHANGED):
                marked.append(frag.text())
            if fmt.underlineColor() == QColor(REMOVED) and fmt.fontUnderline():
                underlined.append(frag.text())
            it += 1
        block = block.next()
    assert not marked  # the older version has nothing the current text lacks …
    assert underlined == ["进", "…"]  # … but the current text has more after these characters
    store = dlg.store
    report = store.load(dlg.report_id)
    report.sections[0].items[0].body = "坚持第二议题制度。"
    store.save(report)
    dlg.list.setCurrentItem(dlg.list.topLevelItem(1))
    dlg.list.setCurrentItem(dlg.list.topLevelItem(0))
    marked = [f for f in _fragments(dlg.preview) if f[1].background().color() == QColor(CHANGED)]
    assert [t for t, _ in marked] == ["一"]  # only the changed character, not its paragraph


def _fragments(view):
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            yield it.fragment().text(), it.fragment().charFormat()
            it += 1
        block = block.next()
