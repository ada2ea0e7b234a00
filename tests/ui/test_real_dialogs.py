"""The real Dialogs object (tests elsewhere use FakeDialogs): where the file dialogs start."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from ui.dialogs.base import Dialogs
from ui.settings import make_settings


def _answer_file_dialog(seen: list, path: str | None) -> None:
    """Wait for the modal file dialog, note its folder, then pick ``path`` or cancel."""
    dlg = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()), None)
    if dlg is None:
        QTimer.singleShot(50, lambda: _answer_file_dialog(seen, path))
        return
    seen.append(dlg.directory().absolutePath())
    if path is None:
        dlg.reject()
    else:
        dlg.selectFile(path)
        dlg.accept()


def test_import_dialog_starts_in_the_last_import_folder(qtbot, tmp_path):
    src = tmp_path / "去年" / "报告.txt"
    src.parent.mkdir()
    src.write_text("一、履职情况\n", encoding="utf-8")
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer_file_dialog(seen, str(src)))
    assert Dialogs().get_open_path(None, "导入报告", "报告文件 (*.txt)") == str(src)
    assert seen and seen[0] != str(tmp_path / "去年")  # the first time: 文档, not this folder
    assert make_settings().value("import/folder") == str(src.parent)
    QTimer.singleShot(0, lambda: _answer_file_dialog(seen, None))
    assert Dialogs().get_open_path(None, "导入报告", "报告文件 (*.txt)") is None
    assert seen[1] == str(src.parent)


def _press_enter_in_box(answers: list) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
    if box is None:
        QTimer.singleShot(50, lambda: _press_enter_in_box(answers))
        return
    answers.append([b.text() for b in box.buttons()])
    QTest.keyClick(box, Qt.Key.Key_Return)


def test_enter_means_yes_unless_yes_loses_something(qapp):
    seen: list = []
    QTimer.singleShot(0, lambda: _press_enter_in_box(seen))
    assert Dialogs().confirm(None, "删除报告", "移到回收站？", yes="移到回收站", no="取消") is True
    QTimer.singleShot(0, lambda: _press_enter_in_box(seen))
    assert Dialogs().confirm(None, "保存失败", "仍然关闭将丢失修改", yes="仍然关闭", no="返回窗口", risky=True) is False
    assert set(seen[0]) == {"移到回收站", "取消"} and set(seen[1]) == {"仍然关闭", "返回窗口"}


def test_open_other_database_starts_in_the_data_folder(qtbot):
    from models.paths import data_dir
    from ui.dialogs.open_errors import choose_file

    data_dir().mkdir(parents=True, exist_ok=True)
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer_file_dialog(seen, None))
    assert choose_file(None) is None
    assert seen == [str(data_dir())]


def _read_dialog(seen: list, name: str) -> None:
    """Wait until the dialog lists ``name``; note its folder and the text of its 修改日期 cell; cancel."""
    from PySide6.QtWidgets import QTreeView

    dlg = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()), None)
    view = dlg.findChild(QTreeView) if dlg is not None else None
    model = view.model() if view is not None else None
    row = None
    if model is not None:
        root = view.rootIndex()
        row = next((r for r in range(model.rowCount(root)) if model.index(r, 0, root).data() == name), None)
    if row is None:
        QTimer.singleShot(20, lambda: _read_dialog(seen, name))
        return
    seen.append((dlg.directory().absolutePath(), model.index(row, 3, view.rootIndex()).data()))
    dlg.reject()


def test_file_dialog_dates_are_chinese(qtbot, tmp_path):
    import datetime as _dt
    import os

    folder = tmp_path / "去年"
    folder.mkdir()
    src = folder / "报告.txt"
    src.write_text("一、履职情况\n", encoding="utf-8")
    stamp = _dt.datetime(2026, 12, 2, 10, 42).timestamp()
    os.utime(src, (stamp, stamp))
    make_settings().setValue("import/folder", str(folder))
    seen: list = []
    QTimer.singleShot(0, lambda: _read_dialog(seen, "报告.txt"))
    assert Dialogs().get_open_path(None, "导入报告", "报告文件 (*.txt)") is None
    assert seen[0] == (str(folder), "2026/12/2 10:42")


def test_without_a_documents_folder_dialogs_start_at_home(tmp_path, monkeypatch):
    """Qt's own dialog falls back to home by itself; the native Windows one starts in the current folder,
    the program's. So the window never passes a folder that does not exist."""
    from ui.dialogs.base import start_folder

    home = tmp_path / "user"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    assert start_folder(str(tmp_path / "gone")) == str(home)
    (home / "Documents").mkdir()
    assert start_folder(None, "") == str(home / "Documents")
    assert start_folder(str(tmp_path)) == str(tmp_path)


def test_details_button_speaks_chinese_with_a_chinese_ellipsis(qtbot):
    """Qt's own 显示详情... (three ASCII dots, or Show Details... untranslated) reads 显示详情…/隐藏详情…."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox, QTextEdit

    from ui.dialogs.base import question_box

    box = question_box(None, "导出PDF", "有 2 个字无法打印，仍要导出吗？", details="“𠮷”\n“䶮”", yes="导出", no="取消")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    (button,) = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole]
    details = box.findChild(QTextEdit)
    assert button.text() == "显示详情…" and not details.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.text() == "隐藏详情…" and details.isVisible() and "𠮷" in details.toPlainText()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.text() == "显示详情…" and not details.isVisible()
    plain = question_box(None, "删除", "删除这份报告？")
    qtbot.addWidget(plain)
    assert [plain.buttonRole(b) for b in plain.buttons()].count(QMessageBox.ButtonRole.ActionRole) == 0


def _read_labels(seen: list) -> None:
    """Wait for the file dialog; note the words on its labels and buttons; cancel."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    dlg = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()), None)
    if dlg is None:
        QTimer.singleShot(20, lambda: _read_labels(seen))
        return
    try:
        seen.extend(w.text() for kind in (QLabel, QAbstractButton) for w in dlg.findChildren(kind)
                    if w.isVisible() and w.text())
    finally:
        dlg.reject()


@pytest.mark.parametrize("save", [False, True])
def test_file_dialog_labels_are_chinese(qtbot, tmp_path, save):
    """Qt 6's “&Look in:” and “Files of &type:” are not in the qtbase_zh_CN it ships: they showed in English."""
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _read_labels(seen))
    if save:
        assert Dialogs().get_save_path(None, "导出PDF", str(tmp_path / "报告.pdf"), "PDF 文件 (*.pdf)") is None
    else:
        assert Dialogs().get_open_path(None, "导入报告", "报告文件 (*.txt)") is None
    assert "查找范围(&L)：" in seen and "文件类型(&T)：" in seen and "取消" in seen
    assert ("保存(&S)" if save else "打开(&O)") in seen
    english = [t for t in seen if re.search("[A-Za-z]", re.sub(r"\(&[A-Z]\)", "", t))]
    assert english == []
