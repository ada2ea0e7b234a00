"""The column of item cards of a section tab: chunked layout for big sections, drop target for reordering."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from ui.editor.item_card import ITEM_MIME, ItemCard

CHUNK = 25  # cards per inner layout
CARD_SPACING = 8


class CardList(QWidget):
    """The column of cards, in chunks so adding one card relays out a chunk, not all 500; accepts drops."""

    dropped = Signal(int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.lay.setSpacing(CARD_SPACING)
        self._chunks: list[QWidget] = []
        self._chunk_cards: list[list[ItemCard]] = []
        self.indicator = QFrame(self)
        self.indicator.setFrameShape(QFrame.Shape.HLine)
        pal = self.indicator.palette()
        pal.setColor(QPalette.ColorRole.WindowText, QColor("#2a6fdb"))
        self.indicator.setPalette(pal)
        self.indicator.setLineWidth(3)
        self.indicator.hide()

    def cards(self) -> list[ItemCard]:
        return [c for group in self._chunk_cards for c in group]

    def set_cards(self, wanted: list[ItemCard]) -> None:
        """Lay out ``wanted`` in order, touching only the chunks whose cards changed."""
        groups = [wanted[i : i + CHUNK] for i in range(0, len(wanted), CHUNK)]
        while len(self._chunks) < len(groups):
            chunk = QWidget(self)
            lay = QVBoxLayout(chunk)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(CARD_SPACING)
            self.lay.addWidget(chunk)
            chunk.show()  # now, not on the layout's queued show: its cards count as visible at once
            self._chunks.append(chunk)
            self._chunk_cards.append([])
        for k, group in enumerate(groups):
            old = self._chunk_cards[k]
            if [id(c) for c in old] == [id(c) for c in group]:
                continue
            lay = self._chunks[k].layout()
            if [id(c) for c in group[: len(old)]] == [id(c) for c in old]:
                start = len(old)
            else:
                start = 0
                while lay.count():
                    lay.takeAt(0)
            for card in group[start:]:
                moved = card.parentWidget() is not self._chunks[k]
                lay.addWidget(card)
                if moved or card.isHidden():
                    card.show()
            self._chunk_cards[k] = list(group)
        while len(self._chunks) > len(groups):
            chunk = self._chunks.pop()
            self._chunk_cards.pop()
            chunk.hide()
            chunk.deleteLater()  # its cards are gone already, or were moved to other chunks above

    def index_at(self, y: float) -> int:
        """Position a card dropped at height ``y`` ends up at."""
        cards = self.cards()
        for i, card in enumerate(cards):
            if y < card.mapTo(self, QPoint(0, card.height() // 2)).y():
                return i
        return len(cards)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        source = event.source()
        if event.mimeData().hasFormat(ITEM_MIME) and source is not None and source.parent() in self.cards():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        event.acceptProposedAction()
        self._show_indicator(self.index_at(event.position().y()))
        self._autoscroll(event.position().y())

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.indicator.hide()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.indicator.hide()
        src = int(bytes(event.mimeData().data(ITEM_MIME)).decode())
        dst = self.index_at(event.position().y())
        # Dropping below itself means one place less once the card is taken out.
        if dst > src:
            dst -= 1
        event.acceptProposedAction()
        if dst != src:
            self.dropped.emit(src, dst)

    def _show_indicator(self, index: int) -> None:
        """A line where the dragged card would land."""
        cards = self.cards()
        if not cards:
            return
        if index < len(cards):
            y = cards[index].mapTo(self, QPoint(0, 0)).y() - CARD_SPACING // 2
        else:
            last = cards[-1]
            y = last.mapTo(self, QPoint(0, last.height())).y() + CARD_SPACING // 2
        self.indicator.setGeometry(0, y - 1, self.width(), 3)
        self.indicator.show()
        self.indicator.raise_()

    def _autoscroll(self, y: float) -> None:
        """Near the top or bottom of the visible part, scroll, so a card can travel far."""
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is None:
            return
        top = self.mapTo(area.viewport(), QPoint(0, int(y))).y()
        bar = area.verticalScrollBar()
        margin = 40
        if top < margin:
            bar.setValue(bar.value() - 20)
        elif top > area.viewport().height() - margin:
            bar.setValue(bar.value() + 20)
