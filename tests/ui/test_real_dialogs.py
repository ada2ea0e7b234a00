"""The real Dialogs object (tests elsewhere use FakeDialogs): where the file dialogs start."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from ui.dialogs import Dialogs
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
