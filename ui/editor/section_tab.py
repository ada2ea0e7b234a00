"""One section as a tab: heading, numbering style, intro and the item cards (built on first show)."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.report import HEADING, NONE, YISHI, Section, item_number
from ui.editor.card_list import CardList
from ui.editor.item_card import ItemCard
from ui.fit import FitScrollArea, wrapping_form
from ui.widgets import CountLabel, GrowingTextEdit

# Cards made at once when a tab is first shown; then more each event-loop turn until all exist.
FIRST_BATCH = 16
GROW_BUDGET_S = 0.04

# The fields and buttons made on first use (_build): a tab not yet shown costs no widgets, so the window opens
# on 基本信息 without building every section's form (~3 ms each).
_FORM = frozenset({"heading", "numbering", "intro", "count", "section_buttons", "cards", "add_button"})

# (numbering, run_on) choices of the combo box, in display order.
NUMBERING_CHOICES = ((YISHI, False), (YISHI, True), (HEADING, False), (NONE, False))


class SectionTab(FitScrollArea):
    """Edits a Section in place; structural requests go to the editor, which pushes undo commands."""

    edited = Signal(object)  # self
    headingChanged = Signal(object)

    def __init__(self, section: Section, editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.section = section
        self.editor = editor
        self._cards: dict[int, ItemCard] = {}
        self._built = False
        self._limit = 0
        self._grow_timer = QTimer(self)
        self._grow_timer.setSingleShot(True)
        self._grow_timer.setInterval(0)
        self._grow_timer.timeout.connect(self._grow)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self._form = False

    def __getattr__(self, name: str):
        """The form's widgets (heading, intro, cards …) are made when first asked for."""
        if name in _FORM and not self.__dict__.get("_form", True):
            self._build()
            return getattr(self, name)
        raise AttributeError(name)

    @property
    def form_built(self) -> bool:
        return self._form

    def _build(self) -> None:
        self._form = True
        section, editor = self.section, self.editor
        page = QWidget(self)
        page.setObjectName("sectionPage")
        outer = QVBoxLayout(page)
        outer.setContentsMargins(16, 12, 16, 16)
        outer.setSpacing(10)

        form = wrapping_form(QFormLayout())
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(8)
        self.heading = QLineEdit(section.heading, page)
        self.heading.setPlaceholderText(self.tr("如：履职情况（序号“一、”自动生成）"))
        self.numbering = QComboBox(page)
        for label in (self.tr("一是、二是……（每条分段）"), self.tr("一是、二是……（连排成一段）"),
                      self.tr("（一）（二）小标题"), self.tr("无编号")):
            self.numbering.addItem(label)
        self.numbering.setCurrentIndex(self._choice_index())
        self.intro = GrowingTextEdit(page, min_lines=1)
        self.intro.setPlainText(section.intro)
        self.intro.setPlaceholderText(self.tr("可选：条目前的引言段"))
        self.count = CountLabel(page)
        head_row = QHBoxLayout()
        head_row.setSpacing(8)
        head_row.addWidget(self.heading, 1)
        head_row.addWidget(self.count)
        form.addRow(self.tr("部分标题"), head_row)
        num_row = QHBoxLayout()
        num_row.addWidget(self.numbering)
        num_row.addStretch(1)
        # The section's own buttons get a row of their own and size to their text: beside the numbering
        # box they made the tab wider than the editor has room for at 1366x768 (it scrolled sideways).
        tools = QHBoxLayout()
        tools.setSpacing(4)
        tools.addStretch(1)
        self.section_buttons = {}
        for key, text, tip in (
            ("left", self.tr("前移"), self.tr("把本部分移到前面（Ctrl+Shift+PgUp）")),
            ("right", self.tr("后移"), self.tr("把本部分移到后面（Ctrl+Shift+PgDown）")),
            ("add", self.tr("添加部分"), self.tr("在本部分之后添加新部分（Ctrl+Shift+Enter）")),
            ("remove", self.tr("删除本部分"), self.tr("删除本部分（可撤销，Ctrl+Z）")),
        ):
            b = QToolButton(page)
            b.setText(text)
            b.setToolTip(tip)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            tools.addWidget(b)
            self.section_buttons[key] = b
        form.addRow(self.tr("编号方式"), num_row)
        form.addRow(self.tr("引言"), self.intro)
        outer.addLayout(tools)
        outer.addLayout(form)

        self.cards = CardList(page)
        outer.addWidget(self.cards)
        self.add_button = QPushButton(self.tr("＋ 添加条目"), page)
        self.add_button.setToolTip(self.tr("在末尾添加条目（Ctrl+Enter 在当前条目下方添加）"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        outer.addLayout(add_row)
        outer.addStretch(1)
        self.setWidget(page)

        self.heading.textChanged.connect(self._heading_changed)
        self.numbering.currentIndexChanged.connect(self._numbering_changed)
        self.intro.textChanged.connect(self._intro_changed)
        self.cards.dropped.connect(lambda s, d: editor.move_item(self.section, s, d))
        self.add_button.clicked.connect(lambda: editor.add_item(self.section, len(self.section.items)))
        b = self.section_buttons
        b["left"].clicked.connect(lambda: editor.move_section_by(self.section, -1))
        b["right"].clicked.connect(lambda: editor.move_section_by(self.section, 1))
        b["add"].clicked.connect(lambda: editor.add_section_after(self.section))
        b["remove"].clicked.connect(lambda: editor.remove_section(self.section))
        self.update_count()
        if editor.readonly:
            self.heading.setReadOnly(True)
            self.intro.setReadOnly(True)
            self.numbering.setEnabled(False)
            for w in (*self.section_buttons.values(), self.add_button):
                w.setVisible(False)
        editor.watch_text(self.heading)
        editor.watch_text(self.intro)

    # -- cards -----------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.ensure_built()
        super().showEvent(event)

    def ensure_built(self) -> None:
        """Cards are made the first time they are needed, a batch at a time, so a big report opens quickly."""
        if not self._form:
            self._build()
        if not self._built:
            self._built = True
            self._limit = FIRST_BATCH
            self.sync_items()

    @property
    def built(self) -> bool:
        return self._built and self._limit >= len(self.section.items)

    def _grow(self) -> None:
        """Make cards for about GROW_BUDGET_S, then lay them out: the window never freezes for long."""
        start = time.perf_counter()
        items = self.section.items
        n = self._limit
        while n < len(items) and (n - self._limit < 2 or time.perf_counter() - start < GROW_BUDGET_S):
            self._card(items[n])
            n += 1
        self._limit = n
        self.sync_items(counts=False)

    def sync_items(self, counts: bool = True) -> None:
        """Make the cards match section.items: reuse, create, drop, reorder, renumber."""
        if not self._form:
            return  # the form is made from the section as it is then
        if not self._built:
            self.update_count()
            return
        wanted = [self._card(it) for it in self.section.items[: self._limit]]
        keep = {id(c) for c in wanted}
        for key, card in list(self._cards.items()):
            if id(card) not in keep:
                del self._cards[key]
                card.hide()
                card.deleteLater()
        if [id(c) for c in self.cards.cards()] != [id(c) for c in wanted]:
            self.cards.setUpdatesEnabled(False)
            self.cards.set_cards(wanted)
            self.cards.setUpdatesEnabled(True)
        self.renumber()
        if counts:
            self.update_count()
        if self._limit < len(self.section.items):
            self._grow_timer.start()

    def _card(self, item) -> ItemCard:
        card = self._cards.get(id(item))
        if card is None or card.item is not item:
            card = ItemCard(item, self.cards)
            card.addBelow.connect(lambda c: self.editor.add_item(self.section, c.index + 1))
            card.removeMe.connect(lambda c: self.editor.remove_item(self.section, c.index))
            card.moveBy.connect(lambda c, d: self.editor.move_item(self.section, c.index, c.index + d))
            card.edited.connect(self._card_edited)
            if self.editor.readonly:
                card.set_readonly(True)
            self.editor.watch_text(card.lead)
            self.editor.watch_text(card.body)
            self._cards[id(item)] = card
        return card

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt override
        """Tab walks intro -> lead -> body -> next lead …; computed, because setTabOrder is slow for 500 cards."""
        target = self._tab_target(QApplication.focusWidget(), next)
        if target is None:
            return super().focusNextPrevChild(next)
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        self.ensureWidgetVisible(target, 0, 40)
        return True

    def _tab_target(self, w: QWidget | None, next: bool) -> QWidget | None:
        cards = self.cards.cards()
        if w is self.intro and next:
            return cards[0].lead if cards else self.add_button
        if w is self.add_button and not next:
            return cards[-1].body if cards else self.intro
        card = self.card_of_widget(w)
        if card is None or card not in cards:
            return None
        i = cards.index(card)
        if next:
            if w is card.lead:
                return card.body
            return cards[i + 1].lead if i + 1 < len(cards) else self.add_button
        if w is card.body:
            return card.lead
        return cards[i - 1].body if i > 0 else self.intro

    def renumber(self) -> None:
        numbering = self.section.numbering
        last = len(self.section.items) - 1
        for i, card in enumerate(self.cards.cards()):
            if card.index != i or card.numbering != numbering:
                card.set_number(i, item_number(numbering, i), numbering)
            card.set_ends(i == 0, i == last)

    def card_for(self, index: int) -> ItemCard | None:
        self.ensure_built()
        if index >= self._limit:
            self._limit = index + 1
            self.sync_items()
        if 0 <= index < len(self.section.items):
            return self._cards.get(id(self.section.items[index]))
        return None

    def card_of_widget(self, w: QWidget | None) -> ItemCard | None:
        while w is not None and w is not self:
            if isinstance(w, ItemCard):
                return w
            w = w.parentWidget()
        return None

    # -- header fields ---------------------------------------------------------

    def _choice_index(self) -> int:
        key = (self.section.numbering, self.section.run_on if self.section.numbering == YISHI else False)
        return NUMBERING_CHOICES.index(key) if key in NUMBERING_CHOICES else 0

    def _heading_changed(self, text: str) -> None:
        self.section.heading = text
        self.update_count()
        self.headingChanged.emit(self)
        self.edited.emit(self)

    def _numbering_changed(self, index: int) -> None:
        self.section.numbering, self.section.run_on = NUMBERING_CHOICES[index]
        self.renumber()
        self.edited.emit(self)

    def _intro_changed(self) -> None:
        self.section.intro = self.intro.toPlainText()
        self.update_count()
        self.edited.emit(self)

    def _card_edited(self, _card) -> None:
        self.edited.emit(self)

    def refresh_texts(self) -> None:
        """Show text the Report got from code (a fix), leaving unchanged fields and their cursors alone."""
        if not self._form:
            return
        s = self.section
        if self.heading.text() != s.heading:
            self.heading.setText(s.heading)
        if self.intro.toPlainText() != s.intro:
            self.intro.setPlainText(s.intro)
        if self.numbering.currentIndex() != self._choice_index():
            self.numbering.setCurrentIndex(self._choice_index())
        self.sync_items()
        for card in self.cards.cards():
            card.refresh_texts()

    def update_count(self) -> None:
        if not self._form:
            return
        self.count.show_count(self.section.char_count(), self.tr("本部分 "))

    def field_widget(self, name: str):
        return {"heading": self.heading, "intro": self.intro}.get(name)
