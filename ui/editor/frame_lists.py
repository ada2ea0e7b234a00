"""The two lists of the 公文格式 tab: 签发人 (one name a row) and 附件 (a card each: title and body).

Rows and cards edit the Report in place; adding, removing and moving go up as signals, and the tab turns
them into undo commands (ui/editor/frame_commands.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.report import Attachment
from ui.widgets import CountLabel, GrowingTextEdit, OneLineEdit

CARD_BACKGROUND = QColor("#fbfbfa")


def _tool(parent: QWidget, text: str, tip: str, layout: QHBoxLayout) -> QToolButton:
    b = QToolButton(parent)
    b.setText(text)
    b.setToolTip(tip)
    b.setAutoRaise(True)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab walks the text fields, not four buttons per row
    layout.addWidget(b)
    return b


class _Row(QWidget):
    """Up, down and delete buttons shared by a 签发人 row and an 附件 card."""

    moveBy = Signal(object, int)
    removeMe = Signal(object)

    def _buttons(self, layout: QHBoxLayout, what: str) -> None:
        self.up_button = _tool(self, "↑", self.tr("上移") + what, layout)
        self.down_button = _tool(self, "↓", self.tr("下移") + what, layout)
        self.delete_button = _tool(self, "✕", self.tr("删除") + what + self.tr("（可撤销，Ctrl+Z）"), layout)
        self.up_button.clicked.connect(lambda: self.moveBy.emit(self, -1))
        self.down_button.clicked.connect(lambda: self.moveBy.emit(self, 1))
        self.delete_button.clicked.connect(lambda: self.removeMe.emit(self))

    def set_position(self, index: int, count: int) -> None:
        self.index = index
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(index < count - 1)


class SignerRow(_Row):
    edited = Signal(object, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = -1
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.name = OneLineEdit("", self)
        self.name.setPlaceholderText(self.tr("签发人姓名"))
        self.name.setAccessibleName(self.tr("签发人"))
        self.name.setMaximumWidth(self.name.fontMetrics().horizontalAdvance("签发人姓名签发人") + 24)
        lay.addWidget(self.name)
        self._buttons(lay, self.tr("签发人"))
        lay.addStretch(1)
        self.name.textChanged.connect(lambda t: self.edited.emit(self, t))


class SignerList(QWidget):
    """签发人: several signers go on several lines of the 版头, the 发文字号 on the last one's line."""

    add = Signal(int)
    remove = Signal(int)
    move = Signal(int, int)
    edited = Signal()
    rowMade = Signal(object)  # a new SignerRow, for the undo router

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.signers: list[str] = []
        self.rows: list[SignerRow] = []
        self._loading = False
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.lay.setSpacing(4)
        self.add_button = QPushButton(self.tr("＋ 添加签发人"), self)
        self.add_button.setToolTip(self.tr("上报的公文须注明签发人；联合上报时每位签发人一行"))
        self.add_button.clicked.connect(lambda: self.add.emit(len(self.signers)))
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        self.lay.addLayout(row)

    def set_signers(self, signers: list[str]) -> None:
        """Show ``signers`` (the Letterhead's own list, edited in place); rows showing the right name keep their cursor."""
        self.signers = signers
        self._loading = True
        while len(self.rows) < len(signers):
            row = SignerRow(self)
            row.edited.connect(self._edited)
            row.moveBy.connect(lambda r, d: self.move.emit(r.index, r.index + d))
            row.removeMe.connect(lambda r: self.remove.emit(r.index))
            self.lay.insertWidget(len(self.rows), row)
            self.rows.append(row)
            self.rowMade.emit(row)
        while len(self.rows) > len(signers):
            row = self.rows.pop()
            row.hide()
            row.deleteLater()
        for i, (row, name) in enumerate(zip(self.rows, signers, strict=True)):
            row.set_position(i, len(signers))
            if row.name.text() != name:
                row.name.setText(name)
        self._loading = False

    def _edited(self, row: SignerRow, text: str) -> None:
        if self._loading or not 0 <= row.index < len(self.signers):
            return
        self.signers[row.index] = text
        self.edited.emit()

    def set_readonly(self, readonly: bool) -> None:
        self.add_button.setVisible(not readonly)
        for row in self.rows:
            row.name.setReadOnly(readonly)
            for b in (row.up_button, row.down_button, row.delete_button):
                b.setVisible(not readonly)


class AttachmentCard(_Row):
    """One attachment: 附件N (generated from its position), its title and its body."""

    edited = Signal(object)

    def __init__(self, attachment: Attachment, parent: QWidget | None = None):
        super().__init__(parent)
        self.attachment = attachment
        self.index = -1
        self._loading = False
        frame = QFrame(self)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setAutoFillBackground(True)
        pal = frame.palette()
        pal.setColor(QPalette.ColorRole.Window, CARD_BACKGROUND)
        frame.setPalette(pal)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        lay = QVBoxLayout(frame)
        lay.setContentsMargins(8, 6, 8, 8)
        lay.setSpacing(4)
        top = QHBoxLayout()
        top.setSpacing(6)
        self.number = QLabel(frame)
        bold = QFont(self.number.font())
        bold.setBold(True)
        self.number.setFont(bold)
        self.number.setMinimumWidth(self.number.fontMetrics().horizontalAdvance("附件10") + 4)
        self.title = OneLineEdit(attachment.title, frame)
        self.title.setPlaceholderText(self.tr("附件标题，如：2026年度落实主体责任任务清单（不加标点）"))
        self.title.setAccessibleName(self.tr("附件标题"))
        self.count = CountLabel(frame)
        top.addWidget(self.number)
        top.addWidget(self.title, 1)
        top.addWidget(self.count)
        self._buttons(top, self.tr("附件"))
        self.body = GrowingTextEdit(frame, min_lines=3)
        self.body.setPlainText(attachment.body)
        self.body.setPlaceholderText(self.tr("附件正文（从新的一页开始印，页码接正文）"))
        self.body.setAccessibleName(self.tr("附件正文"))
        lay.addLayout(top)
        lay.addWidget(self.body)
        self.title.textChanged.connect(self._title_changed)
        self.title.returnPressed.connect(self._to_body)  # Enter after the title: on to its text, as in an item
        self.body.textChanged.connect(self._body_changed)
        self._count()

    def set_position(self, index: int, count: int) -> None:
        super().set_position(index, count)
        self.number.setText(self.tr("附件") + str(index + 1))

    def _title_changed(self, text: str) -> None:
        if not self._loading:
            self.attachment.title = text
            self._count()
            self.edited.emit(self)

    def _to_body(self) -> None:
        self.body.setFocus(Qt.FocusReason.OtherFocusReason)
        self.body.moveCursor(QTextCursor.MoveOperation.Start)

    def _body_changed(self) -> None:
        if not self._loading:
            self.attachment.body = self.body.toPlainText()
            self._count()
            self.edited.emit(self)

    def _count(self) -> None:
        self.count.show_count(self.attachment.char_count())

    def refresh_texts(self) -> None:
        self._loading = True
        if self.title.text() != self.attachment.title:
            self.title.setText(self.attachment.title)
        if self.body.toPlainText() != self.attachment.body:
            self.body.setPlainText(self.attachment.body)
        self._count()
        self._loading = False

    def set_readonly(self, readonly: bool) -> None:
        self.title.setReadOnly(readonly)
        self.body.setReadOnly(readonly)
        for b in (self.up_button, self.down_button, self.delete_button):
            b.setVisible(not readonly)


class AttachmentList(QWidget):
    """The attachments in order; cards are reused by attachment, so moving one keeps its cursor."""

    add = Signal(int)
    remove = Signal(int)
    move = Signal(int, int)
    edited = Signal()
    cardMade = Signal(object)  # a new AttachmentCard, for the undo router

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.attachments: list[Attachment] = []
        self.cards: dict[int, AttachmentCard] = {}
        self.readonly = False
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.lay.setSpacing(8)
        self.add_button = QPushButton(self.tr("＋ 添加附件"), self)
        self.add_button.setToolTip(self.tr("在末尾添加附件；正文后的“附件：1. ……”说明按附件标题自动生成"))
        self.add_button.clicked.connect(lambda: self.add.emit(len(self.attachments)))
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        self.lay.addLayout(row)

    def ordered(self) -> list[AttachmentCard]:
        return [self.cards[id(a)] for a in self.attachments if id(a) in self.cards]

    def set_attachments(self, attachments: list[Attachment]) -> None:
        """Make the cards match ``attachments``: reuse, create, drop, reorder, renumber."""
        self.attachments = attachments
        wanted = []
        for a in attachments:
            card = self.cards.get(id(a))
            if card is None or card.attachment is not a:
                card = AttachmentCard(a, self)
                card.edited.connect(lambda *_: self.edited.emit())
                card.moveBy.connect(lambda c, d: self.move.emit(c.index, c.index + d))
                card.removeMe.connect(lambda c: self.remove.emit(c.index))
                card.set_readonly(self.readonly)
                self.cards[id(a)] = card
                self.cardMade.emit(card)
            wanted.append(card)
        keep = {id(c) for c in wanted}
        for key, card in list(self.cards.items()):
            if id(card) not in keep:
                del self.cards[key]
                card.hide()
                card.deleteLater()
        for i, card in enumerate(wanted):
            if self.lay.indexOf(card) != i:
                self.lay.removeWidget(card)
                self.lay.insertWidget(i, card)
            card.set_position(i, len(wanted))
            card.refresh_texts()

    def set_readonly(self, readonly: bool) -> None:
        self.readonly = readonly
        self.add_button.setVisible(not readonly)
        for card in self.cards.values():
            card.set_readonly(readonly)
