"""The window over a schema-valid file holding values no Tianbao writes: clear messages, never a traceback."""

from __future__ import annotations

import pytest

from tests.hostile_dbs import ODD_VALUES_SQL, odd_values_database


@pytest.mark.parametrize("name", sorted(ODD_VALUES_SQL))
def test_window_lists_opens_copies_and_deletes_odd_reports(qtbot, tmp_path, open_window, dialogs, name):
    from ui.dialogs.history_dialog import HistoryDialog
    from ui.dialogs.trash_dialog import TrashDialog

    path = odd_values_database(tmp_path, name)
    w = open_window(path)
    rids = [r.id for r in w.store.list_reports()] + [r.id for r in w.store.list_reports(deleted=True)]
    assert rids
    for rid in rids:
        w.open_report(rid)
        w.report_list.select(rid)
        w.copy_report()
        history = HistoryDialog(w.store, rid, w, confirm=dialogs.confirm, error=dialogs.error)
        qtbot.addWidget(history)
        history.reload()
    trash = TrashDialog(w.store, w.kind_names, w)
    qtbot.addWidget(trash)
    trash.reload()
    w.report_list.select(rids[0])
    w.delete_report()
    assert all("Traceback" not in e for e in dialogs.errors)


def test_paste_import_over_the_text_cap_says_so_and_cannot_be_accepted(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from models.importers.limits import MAX_PARAGRAPHS
    from ui.dialogs.paste_dialog import PasteImportDialog

    dlg = PasteImportDialog()
    qtbot.addWidget(dlg)
    dlg.edit.setPlainText("一是抓学习。\n" * (MAX_PARAGRAPHS + 5))
    dlg._parse()
    assert dlg.report is None and "不像一份报告" in dlg.summary.text()
    assert not dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dlg.edit.setPlainText("一、主要工作\n一是抓学习。")
    dlg._parse()
    assert dlg.report is not None


def test_open_other_file_and_the_start_up_database_both_pass_the_trust_check(qapp, tmp_path):
    from tests.hostile_dbs import good_database, untrusted_database
    from tests.hostile_files import fingerprint
    from ui.dialogs.open_errors import OPEN_OTHER, QUIT, open_with_recovery

    bad_folder = tmp_path / "usb"
    bad_folder.mkdir()
    bad = untrusted_database(bad_folder, "trigger-wipes-on-meta-write")
    before = fingerprint(bad_folder)
    good = good_database(tmp_path / "good.db")
    asked = []

    def ask(parent, title, text, choices):
        asked.append(title)
        return OPEN_OTHER if len(asked) == 1 else QUIT

    # Start-up on the foreign file: refused, explained; 打开其他文件 then opens a genuine one.
    store = open_with_recovery(bad, ask=ask, other=lambda _p: str(good))
    assert store is not None and store.path == good and asked == ["报告库含有不明内容"]
    store.close()
    # 打开其他文件 choosing the foreign file: refused the same way, nothing opened.
    asked.clear()
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database" * 100)
    assert open_with_recovery(damaged, ask=ask, other=lambda _p: str(bad)) is None
    assert asked == ["报告库已损坏", "报告库含有不明内容"]
    assert fingerprint(bad_folder) == before
