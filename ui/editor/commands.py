"""Structural edits as QUndoCommands: they change the Report dataclass, then ask the editor to catch up."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from models.fields import iter_fields, set_field
from models.report import Item, Section


def fresh(obj):
    """Drop database ids of a re-inserted item, section or attachment: its old rows are gone and an id may be
    reused. Values without an id (a 签发人's name) come back as they are."""
    if hasattr(obj, "id"):
        obj.id = None
    for item in getattr(obj, "items", []):
        item.id = None
    return obj


class EditorCommand(QUndoCommand):
    """A structural edit of the report shown in ``editor``; subclasses change the Report, then the editor."""

    def __init__(self, editor, text: str):
        super().__init__(text)
        self.editor = editor

    @property
    def report(self):
        return self.editor.report


class AddItem(EditorCommand):
    def __init__(self, editor, section: Section, index: int, item: Item | None = None):
        super().__init__(editor, editor.tr("添加条目"))
        self.section, self.index, self.item = section, index, item or Item()

    def redo(self) -> None:
        self.section.items.insert(self.index, fresh(self.item))
        self.editor.structure_changed(self.section, self.index)

    def undo(self) -> None:
        del self.section.items[self.index]
        self.editor.structure_changed(self.section, min(self.index, len(self.section.items) - 1))


class RemoveItem(EditorCommand):
    def __init__(self, editor, section: Section, index: int):
        super().__init__(editor, editor.tr("删除条目"))
        self.section, self.index = section, index
        self.item = section.items[index]

    def redo(self) -> None:
        del self.section.items[self.index]
        self.editor.structure_changed(self.section, min(self.index, len(self.section.items) - 1))

    def undo(self) -> None:
        self.section.items.insert(self.index, fresh(self.item))
        self.editor.structure_changed(self.section, self.index)


class MoveItem(EditorCommand):
    def __init__(self, editor, section: Section, src: int, dst: int):
        super().__init__(editor, editor.tr("移动条目"))
        self.section, self.src, self.dst = section, src, dst

    def _move(self, a: int, b: int) -> None:
        items = self.section.items
        items.insert(b, items.pop(a))
        self.editor.structure_changed(self.section, b)

    def redo(self) -> None:
        self._move(self.src, self.dst)

    def undo(self) -> None:
        self._move(self.dst, self.src)


class AddSection(EditorCommand):
    def __init__(self, editor, index: int, section: Section | None = None):
        super().__init__(editor, editor.tr("添加部分"))
        self.index = index
        self.section = section or Section(items=[Item()])

    def redo(self) -> None:
        self.report.sections.insert(self.index, fresh(self.section))
        self.editor.structure_changed(self.section, None)

    def undo(self) -> None:
        del self.report.sections[self.index]
        sections = self.report.sections
        # Back to the section it was added after, not wherever Qt sends the focus of a removed tab.
        self.editor.structure_changed(sections[max(self.index - 1, 0)] if sections else None, None)


class RemoveSection(EditorCommand):
    def __init__(self, editor, index: int):
        super().__init__(editor, editor.tr("删除部分"))
        self.index = index
        self.section = editor.report.sections[index]

    def redo(self) -> None:
        del self.report.sections[self.index]
        sections = self.report.sections
        self.editor.structure_changed(sections[min(self.index, len(sections) - 1)] if sections else None, None)

    def undo(self) -> None:
        self.report.sections.insert(self.index, fresh(self.section))
        self.editor.structure_changed(self.section, None)


class MoveSection(EditorCommand):
    def __init__(self, editor, src: int, dst: int):
        super().__init__(editor, editor.tr("移动部分"))
        self.src, self.dst = src, dst

    def _move(self, a: int, b: int) -> None:
        sections = self.report.sections
        sections.insert(b, sections.pop(a))
        self.editor.structure_changed(sections[b], None)

    def redo(self) -> None:
        self._move(self.src, self.dst)

    def undo(self) -> None:
        self._move(self.dst, self.src)


class ChangeTexts(EditorCommand):
    """Texts changed by code (a 检查 fix): the fields it changed, before and after, so 撤销 puts them back."""

    def __init__(self, editor, text: str, before: dict[str, str], after: dict[str, str]):
        super().__init__(editor, text)
        self.before, self.after = before, after

    def _put(self, texts: dict[str, str]) -> None:
        for path, value in texts.items():
            set_field(self.report, path, value)
        self.editor.refresh_texts()
        self.editor.edited.emit()

    def redo(self) -> None:
        self._put(self.after)

    def undo(self) -> None:
        self._put(self.before)


def changed_texts(report, change) -> tuple[dict[str, str], dict[str, str]]:
    """Run ``change(report)``; the text fields it changed, as they were and as they are."""
    old = dict(iter_fields(report))
    change(report)
    new = dict(iter_fields(report))
    paths = [p for p in new if old.get(p) != new[p]]
    return {p: old.get(p, "") for p in paths}, {p: new[p] for p in paths}
