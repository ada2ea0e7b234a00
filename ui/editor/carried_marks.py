"""沿用 in the editor: fields still holding text 复制为新报告 carried over are tinted until they are edited."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from models.carried import carried_fields
from models.fields import item_field, section_field

MARK = QColor("#fff6d5")  # a pale yellow: “look at this again”, not an error


def _fields(editor):
    """(path, widget) of every content field whose widget exists now (cards are built as tabs are shown)."""
    info = editor.info
    yield "preamble", info.preamble
    yield "closing", info.closing
    for si, tab in enumerate(editor.section_tabs()):
        if not tab.form_built:  # made when first shown; marked then (show_marks follows the current tab)
            continue
        yield section_field(si, "intro"), tab.intro
        for ii, item in enumerate(tab.section.items):
            card = tab._cards.get(id(item))
            if card is not None:
                yield item_field(si, ii, "lead"), card.lead
                yield item_field(si, ii, "body"), card.body


def show_marks(editor) -> None:
    report = editor.report
    marked = set(carried_fields(report)) if report is not None else set()
    for path, widget in _fields(editor):
        want = path in marked
        if bool(widget.property("carried")) == want:
            continue
        widget.setProperty("carried", want)
        pal = widget.palette()
        parent = widget.parentWidget()
        base = parent.palette().color(QPalette.ColorRole.Base) if parent is not None else QColor("white")
        pal.setColor(QPalette.ColorRole.Base, MARK if want else base)
        widget.setPalette(pal)
