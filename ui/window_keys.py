"""The keyboard of the main window: menu shortcuts win over text fields, F10 and Alt open the menus, text zoom."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle, QWidget

# Ctrl+Z/Ctrl+Y are shared with the text fields' own undo: ui/editor/undo_router.py decides those.
FIELD_KEYS = {"undo", "redo"}
ZOOM_STEPS = (80, 90, 100, 110, 125, 140, 160, 180, 200)  # percent of the normal editor text


class KeyGuard(QObject):
    """An application event filter for one window.

    QLineEdit claims Ctrl+E, Ctrl+F, Ctrl+N, Ctrl+P … for Emacs-style editing on Linux, so the menu's
    shortcut never fired while the cursor was in a one-line field. Here every key that a menu entry
    uses is left to the menu, wherever the focus is in the window.
    """

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._alt_alone = False
        # Watching every event of the program in Python is not needed before the user can type: attached once
        # the window is painted, the window's building and first paint do not pass through here (each widget
        # Qt makes would be wrapped for Python, its class and enums set up: ~110 of them, ~15 ms).
        after_paint = getattr(window, "after_paint", None)
        if after_paint is not None:
            after_paint.add(self.attach)
        else:
            self.attach()
        # Windows' own style already opens the menu bar on Alt; elsewhere we do it.
        bar = window.menuBar()
        self.own_alt = not bar.style().styleHint(QStyle.StyleHint.SH_MenuBar_AltKeyNavigation, None, bar)

    def attach(self) -> None:
        QApplication.instance().installEventFilter(self)

    def detach(self) -> None:
        QApplication.instance().removeEventFilter(self)

    def _menu_keys(self) -> set[str]:
        keys = set()
        for name, act in self.window.menu_actions.items():
            if name not in FIELD_KEYS and act.isEnabled():
                keys.update(s.toString() for s in act.shortcuts())
        return keys

    def _ours(self, obj) -> bool:
        return isinstance(obj, QWidget) and obj.window() is self.window

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and self._ours(obj):
            combo = QKeySequence(event.keyCombination()).toString()
            if combo in self._menu_keys():
                event.ignore()  # not claimed by the field: the window's shortcut fires
                return True
            return False
        if kind == QEvent.Type.KeyPress and self._ours(obj):
            key = event.key()
            self._alt_alone = key == Qt.Key.Key_Alt and event.modifiers() == Qt.KeyboardModifier.AltModifier
            if key == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.open_menu()
                return True
        elif kind == QEvent.Type.KeyRelease and self._ours(obj):
            if event.key() == Qt.Key.Key_Alt and self._alt_alone and self.own_alt and not event.isAutoRepeat():
                self._alt_alone = False
                self.open_menu()
                return True
        elif kind in (QEvent.Type.MouseButtonPress, QEvent.Type.FocusOut):
            self._alt_alone = False
        return False

    def open_menu(self) -> None:
        """F10 or Alt alone: the first menu (文件) opens; arrows and the underlined letters go on from there."""
        bar = self.window.menuBar()
        first = next((a for a in bar.actions() if a.menu() is not None and a.isVisible()), None)
        if first is not None:
            bar.setFocus(Qt.FocusReason.ShortcutFocusReason)
            bar.setActiveAction(first)


class EditorZoom(QObject):
    """Ctrl+= / Ctrl+- / Ctrl+0 enlarge the editor's text (not the menus); the size is remembered."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.base = QFont(window.editor.font())
        value = window.settings.value("editor/zoom", 100)
        self.percent = int(value) if str(value).isdigit() and int(value) in ZOOM_STEPS else 100
        self.apply()

    def step(self, delta: int) -> None:
        if delta == 0:
            self.percent = 100
        else:
            i = ZOOM_STEPS.index(self.percent) + delta
            self.percent = ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, i))]
        self.window.settings.setValue("editor/zoom", self.percent)
        self.apply()
        self.window.statusBar().showMessage(self.tr("编辑区文字 %1%").replace("%1", str(self.percent)), 3000)

    def apply(self) -> None:
        editor = self.window.editor
        font = QFont(self.base)
        font.setPointSizeF(self.base.pointSizeF() * self.percent / 100)
        editor.setFont(font)
        # The title sets its own larger, bold font, which does not follow the editor's: scale it too.
        title_font = QFont(font)
        title_font.setPointSizeF(font.pointSizeF() * 1.2)
        title_font.setBold(True)
        editor.info.title.setFont(title_font)
