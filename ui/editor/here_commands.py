"""The editor's menu commands that act where the keyboard focus is: the item or section the author is in."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import Qt
from shiboken6 import isValid


class HereCommands:
    """Methods of ReportEditor behind 添加条目, 删除条目, 上移/下移, the section commands and Ctrl+PgUp/PgDown;
    expects current_section(), current_item_index(), the structural edits and the 公文格式 tab (FrameHost)."""

    def _hint(self, text: str) -> None:
        """A shortcut that has nothing to act on says why in the status bar, instead of doing nothing silently."""
        window = self.window()
        if hasattr(window, "statusBar") and self.report is not None and not self.readonly:
            window.statusBar().showMessage(text, 6000)

    def add_item_here(self) -> None:
        if self._is_frame(self.currentWidget()) and self.frame.act_here("add"):
            return
        s = self.current_section()
        if s is None:
            self._hint(self.tr("条目要加在某个部分中：请先切换到“一、”“二、”等部分的标签页（Ctrl+PgDown）"))
            return
        i = self.current_item_index()
        self.add_item(s, len(s.items) if i is None else i + 1)

    def remove_item_here(self) -> None:
        if self._is_frame(self.currentWidget()) and self.frame.act_here("remove"):
            return
        s, i = self.current_section(), self.current_item_index()
        if s is not None and i is not None:
            self.remove_item(s, i)
        else:
            self._hint(self.tr("请先在要删除的条目中单击，再按 Ctrl+Shift+Delete"))

    def move_item_here(self, delta: int) -> None:
        if self._is_frame(self.currentWidget()) and self.frame.act_here("move", delta):
            return
        s, i = self.current_section(), self.current_item_index()
        if s is not None and i is not None:
            with _keyboard_stays():
                self.move_item(s, i, i + delta)
        else:
            self._hint(self.tr("请先在要移动的条目中单击，再按 Alt+↑ 或 Alt+↓"))

    def add_section_here(self) -> None:
        if self.report is not None:
            self.add_section_after(self.current_section())

    def remove_section_here(self) -> None:
        s = self.current_section()
        if s is not None:
            self.remove_section(s)

    def move_section_here(self, delta: int) -> None:
        s = self.current_section()
        if s is None:
            self._hint(self.tr("请先切换到要移动的部分的标签页"))
            return
        with _keyboard_stays():
            self.move_section_by(s, delta)

    def step_tab(self, delta: int) -> None:
        """Ctrl+PgUp/PgDown: the next tab, the keyboard in its safe place (see land)."""
        self.setCurrentIndex((self.currentIndex() + delta) % self.count())
        self.land()


@contextmanager
def _keyboard_stays():
    """Moving an item or a section by keyboard: the keyboard stays in the field it was in (the body being
    written, not the moved item's lead), with its cursor where it was."""
    from PySide6.QtWidgets import QApplication, QLineEdit, QTextEdit

    w = QApplication.focusWidget()
    cursor = w.cursorPosition() if isinstance(w, QLineEdit) else w.textCursor() if isinstance(w, QTextEdit) else None
    yield
    if w is None or cursor is None or not isValid(w) or not w.isVisible():
        return
    w.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(w, QLineEdit):
        w.setCursorPosition(cursor)
    else:
        w.setTextCursor(cursor)
        w.ensureCursorVisible()
