"""Undoable edits of the official-document frame: attachments and 签发人 added, removed, moved; 版头/版记 on and off.

Each command changes the Report, then asks the editor to show the change (editor.frame_changed), like the
item commands in ui/editor/commands.py.
"""

from __future__ import annotations

from ui.editor.commands import EditorCommand, fresh


class InsertInList(EditorCommand):
    """Insert ``value`` into a list of the frame (report.attachments, letterhead.signers) at ``index``.

    ``path`` names the list's entries: "attachments" -> attachments.N.title, "letterhead.signers" -> …signers.N.
    """

    def __init__(self, editor, text: str, items: list, path: str, index: int, value):
        super().__init__(editor, text)
        self.items, self.path, self.index, self.value = items, path, index, value

    def redo(self) -> None:
        self.items.insert(self.index, fresh(self.value))
        self.editor.frame_changed(self.path, self.index)

    def undo(self) -> None:
        del self.items[self.index]
        self.editor.frame_changed(self.path, min(self.index, len(self.items) - 1))


class RemoveFromList(EditorCommand):
    def __init__(self, editor, text: str, items: list, path: str, index: int):
        super().__init__(editor, text)
        self.items, self.path, self.index = items, path, index
        self.value = items[index]

    def redo(self) -> None:
        del self.items[self.index]
        self.editor.frame_changed(self.path, min(self.index, len(self.items) - 1))

    def undo(self) -> None:
        self.items.insert(self.index, fresh(self.value))
        self.editor.frame_changed(self.path, self.index)


class MoveInList(EditorCommand):
    def __init__(self, editor, text: str, items: list, path: str, src: int, dst: int):
        super().__init__(editor, text)
        self.items, self.path, self.src, self.dst = items, path, src, dst

    def _move(self, a: int, b: int) -> None:
        self.items.insert(b, self.items.pop(a))
        self.editor.frame_changed(self.path, b)

    def redo(self) -> None:
        self._move(self.src, self.dst)

    def undo(self) -> None:
        self._move(self.dst, self.src)


class SetPart(EditorCommand):
    """Turn the 版头 (report.letterhead) or the 版记 (report.record) on or off; off keeps the text for undo."""

    def __init__(self, editor, text: str, attr: str, value):
        super().__init__(editor, text)
        self.attr, self.value = attr, value
        self.old = getattr(editor.report, attr)

    def redo(self) -> None:
        setattr(self.report, self.attr, self.value)
        self.editor.frame_changed(self.attr, None)

    def undo(self) -> None:
        setattr(self.report, self.attr, self.old)
        self.editor.frame_changed(self.attr, None)
