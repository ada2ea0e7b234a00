"""One item of a section as a card: generated number, lead phrase, growing body, move/delete buttons."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QFont, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.report import HEADING, NONE, Item
from ui.widgets import CountLabel, GrowingTextEdit, OneLineEdit, chars

ITEM_MIME = "application/x-tianbao-item"


# Colours by palette, not style sheet: style sheets double the time to show 500 cards.
CARD_BACKGROUND = QColor("#fbfbfa")
HANDLE_COLOUR = QColor("#999999")


LEAD_MIN_CHARS = 7  # the lead phrase box shows at least this many characters


class DragHandle(QLabel):
    """The grip a card is dragged by; the drop target reads the card's position from the mime data."""

    def __init__(self, card: ItemCard):
        super().__init__("⠿", card)
        self._card = card
        self._press: QPoint | None = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.WindowText, HANDLE_COLOUR)
        self.setPalette(pal)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.setFont(font)
        self.setToolTip(self.tr("拖动以调整顺序"))

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._press is None or not self.isEnabled():
            return
        if (event.position().toPoint() - self._press).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        mime = QMimeData()
        mime.setData(ITEM_MIME, QByteArray(str(self._card.index).encode()))
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(self._card.grab().scaledToWidth(min(self._card.width(), 400)))
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._press = None


class ItemCard(QFrame):
    """Edits one Item in place; structural requests go up as signals."""

    addBelow = Signal(object)
    removeMe = Signal(object)
    moveBy = Signal(object, int)
    edited = Signal(object)

    def __init__(self, item: Item, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.index = -1  # set by the section tab's renumber()
        self.numbering = ""
        self.setObjectName("itemCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, CARD_BACKGROUND)
        self.setPalette(pal)
        self.handle = DragHandle(self)
        self.number = QLabel(self)
        bold = QFont(self.number.font())
        bold.setBold(True)
        self.number.setFont(bold)
        self.number.setMinimumWidth(self.number.fontMetrics().horizontalAdvance("（十二）") + 4)
        self.lead = OneLineEdit(item.lead, self)
        self.lead.setPlaceholderText(self.tr("引领句，如：突出管党治党主责主业。"))
        self.lead.setToolTip(self.tr("引领句（导出时加粗）"))
        self.lead.setAccessibleName(self.tr("引领句"))
        # Never squeezed below a readable phrase (a narrow window scrolls the cards sideways instead).
        self.lead.setMinimumWidth(self.lead.fontMetrics().horizontalAdvance("字") * LEAD_MIN_CHARS)
        self.body = GrowingTextEdit(self, min_lines=2)
        self.body.setPlainText(item.body)
        self.body.setPlaceholderText(self.tr("正文"))
        self.body.setAccessibleName(self.tr("正文"))
        self.count = CountLabel(self)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(6)
        top.addWidget(self.handle)
        top.addWidget(self.number)
        top.addWidget(self.lead, 1)
        top.addWidget(self.count)
        self.add_button, self.up_button, self.down_button, self.delete_button = (
            self._button(text, tip, slot, top) for text, tip, slot in (
                ("＋", self.tr("在下方添加条目（Ctrl+Enter）"), lambda: self.addBelow.emit(self)),
                ("↑", self.tr("上移（Alt+↑）"), lambda: self.moveBy.emit(self, -1)),
                ("↓", self.tr("下移（Alt+↓）"), lambda: self.moveBy.emit(self, 1)),
                ("✕", self.tr("删除条目（Ctrl+Shift+Delete，可撤销）"), lambda: self.removeMe.emit(self)),
            )
        )
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 8)
        lay.setSpacing(4)
        lay.addLayout(top)
        lay.addWidget(self.body)
        self.lead.textChanged.connect(self._lead_changed)
        self.lead.returnPressed.connect(self._to_body)  # Enter after the lead: on to its text
        self.body.textChanged.connect(self._body_changed)
        self._show_count()

    def _to_body(self) -> None:
        self.body.setFocus(Qt.FocusReason.OtherFocusReason)
        self.body.moveCursor(QTextCursor.MoveOperation.Start)

    def _button(self, text: str, tip: str, slot, row: QHBoxLayout) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setToolTip(tip)
        b.setAccessibleName(tip.split("（")[0])
        b.setAutoRaise(True)
        # Buttons stay out of the Tab chain: lead -> body -> next lead; shortcuts do the same.
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.clicked.connect(slot)
        row.addWidget(b)
        return b

    def set_readonly(self, readonly: bool) -> None:
        self.lead.setReadOnly(readonly)
        self.body.setReadOnly(readonly)
        self.handle.setEnabled(not readonly)
        for b in (self.add_button, self.up_button, self.down_button, self.delete_button):
            b.setVisible(not readonly)

    def set_number(self, index: int, text: str, numbering: str = "") -> None:
        if numbering != self.numbering:
            self.lead.setPlaceholderText(self._lead_hint(numbering))
        self.index = index
        self.numbering = numbering
        self.number.setText(text)
        self.number.setVisible(bool(text))

    def set_ends(self, first: bool, last: bool) -> None:
        """↑ on the first item and ↓ on the last would do nothing: they are greyed out."""
        self.up_button.setEnabled(not first)
        self.down_button.setEnabled(not last)

    def refresh_texts(self) -> None:
        if self.lead.text() != self.item.lead:
            self.lead.setText(self.item.lead)
        if self.body.toPlainText() != self.item.body:
            self.body.setPlainText(self.item.body)

    def _lead_hint(self, numbering: str) -> str:
        if numbering == HEADING:
            return self.tr("小标题，如：在政治建设方面")
        if numbering == NONE:
            return self.tr("段首句（可不填）")
        return self.tr("引领句，如：突出管党治党主责主业。")

    def _lead_changed(self, text: str) -> None:
        self.item.lead = text
        self._show_count()
        self.edited.emit(self)

    def _body_changed(self) -> None:
        self.item.body = self.body.toPlainText()
        self._show_count()
        self.edited.emit(self)

    def _show_count(self) -> None:
        self.count.show_count(chars(self.item.lead, self.item.body))

    def field_widget(self, name: str):
        return self.lead if name == "lead" else self.body
