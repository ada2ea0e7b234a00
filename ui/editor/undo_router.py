"""Routes Ctrl+Z between a text field's own undo and the structural QUndoStack, whichever happened last."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QLineEdit, QTextEdit


class UndoRouter(QObject):
    """Text fields keep Qt's own undo, but only for typing newer than the last add/delete/move."""

    def __init__(self, stack: QUndoStack, parent: QObject | None = None):
        super().__init__(parent)
        self.stack = stack
        self._clock = itertools.count(1)
        self._structure_time = 0
        self._edit_time: dict[int, int] = {}
        stack.indexChanged.connect(self._structure_changed)

    def _structure_changed(self, *_args) -> None:
        self._structure_time = next(self._clock)

    def watch(self, widget: QLineEdit | QTextEdit) -> None:
        widget.installEventFilter(self)
        key = id(widget)
        widget.textChanged.connect(lambda *_: self._edit_time.__setitem__(key, next(self._clock)))
        widget.destroyed.connect(lambda *_: self._edit_time.pop(key, None))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.ShortcutOverride:
            return False
        if event.matches(QKeySequence.StandardKey.Undo):
            own, structural = _own_available(obj, undo=True), self.stack.canUndo()
        elif event.matches(QKeySequence.StandardKey.Redo):
            own, structural = _own_available(obj, undo=False), self.stack.canRedo()
        else:
            return False
        newer_typing = self._edit_time.get(id(obj), 0) > self._structure_time
        if structural and not (own and newer_typing):
            # Leave the override unaccepted: the window's 撤销/重做 shortcut fires instead.
            event.ignore()
            return True
        return False


def _own_available(widget, *, undo: bool) -> bool:
    if isinstance(widget, QLineEdit):
        return widget.isUndoAvailable() if undo else widget.isRedoAvailable()
    if isinstance(widget, QTextEdit):
        doc = widget.document()
        return doc.isUndoAvailable() if undo else doc.isRedoAvailable()
    return False
