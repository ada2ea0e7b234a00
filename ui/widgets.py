"""Small widgets and wording shared by the window and its dialogs."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.report import count_chars

LINE_HEIGHT = 135  # percent


def when(iso: str, today: _dt.date | None = None, *, precise: bool = False) -> str:
    """“今天 10:42”, “11月3日”, “2025年11月3日”: how recent something is, briefly.

    ``precise`` adds the time to older dates and seconds to today's, to tell versions of one day apart.
    """
    if not iso:
        return ""
    try:
        t = _dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):  # a time no Tianbao wrote (foreign file): show it as it is
        return str(iso)[:40]
    today = today or _dt.date.today()
    if t.date() == today:
        return f"今天 {t:%H:%M:%S}" if precise else f"今天 {t:%H:%M}"
    day = f"{t.month}月{t.day}日" if t.year == today.year else f"{t.year}年{t.month}月{t.day}日"
    return f"{day} {t:%H:%M}" if precise else day


def fit_to_screen(widget: QWidget, width: int, height: int) -> bool:
    """Resize to width x height but never past the screen's free area (1366x768 office PCs); True if clipped."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    free = screen.availableGeometry() if screen is not None else None
    if free is None or free.isEmpty():
        widget.resize(width, height)
        return False
    # Leave room for the window frame and title bar the system draws around it.
    w, h = min(width, free.width() - 16), min(height, free.height() - 40)
    widget.resize(w, h)
    return (w, h) != (width, height)


class EmptyPage(QWidget):
    """What the editor side shows with no report open: the two ways to begin."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        label = QLabel(self.tr("还没有打开的报告。\n点击“新建报告”从模板开始填写，或“导入”去年的 Word 文档或文本文件。"), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)  # never what sets the window's narrowest width
        label.setStyleSheet("color: #666;")
        self.new_button = QPushButton(self.tr("新建报告…"), self)
        self.new_button.setToolTip(self.tr("从模板新建报告（Ctrl+N）"))
        self.new_button.setAutoDefault(True)  # Enter presses it (outside dialogs buttons only take Space)
        self.import_button = QPushButton(self.tr("导入…"), self)
        self.import_button.setToolTip(self.tr("读入 .docx、.txt 或天报数据文件（Ctrl+O）"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.new_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        lay.addWidget(label)
        lay.addSpacing(8)
        lay.addLayout(row)
        lay.addStretch(2)


class OneLineEdit(QLineEdit):
    """A one-line field (the lead phrase): line breaks pasted into it are dropped, not kept as paragraphs. When
    its text is wider than the box (a long lead phrase in a narrow window), hovering shows the whole text."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self._tip = ""
        self.setCursorPosition(0)  # a long text shows its beginning, not its tail
        self.textChanged.connect(self._join_lines)
        self.textChanged.connect(self._update_tip)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        if not self.hasFocus():
            self.setCursorPosition(0)  # filled in by the program: show where the text begins

    def setToolTip(self, tip: str) -> None:  # noqa: N802 - Qt override
        self._tip = tip
        self._update_tip()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._update_tip()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the editor's zoom: the same text is wider or narrower
            self._update_tip()

    def _update_tip(self, *_args) -> None:
        text = self.text()
        hidden = bool(text) and self.fontMetrics().horizontalAdvance(text) > self.contentsRect().width() - 8
        super().setToolTip("\n".join(t for t in (self._tip, text if hidden else "") if t))

    def _join_lines(self, text: str) -> None:
        if "\n" not in text and "\r" not in text:
            return
        clean = text.replace("\r", "").replace("\n", "")
        pos = self.cursorPosition() - (len(text) - len(clean))
        self.setText(clean)
        self.setCursorPosition(max(0, pos))


def restore_buttons(dialog: QDialog, label: str) -> tuple[QDialogButtonBox, QPushButton]:
    """The button row of a 恢复 dialog (回收站, 历史版本, 从备份恢复): the restore action and 关闭."""
    buttons = QDialogButtonBox(dialog)
    restore = QPushButton(label, dialog)
    buttons.addButton(restore, QDialogButtonBox.ButtonRole.ActionRole)
    close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
    close.setText(dialog.tr("关闭"))
    buttons.rejected.connect(dialog.reject)
    restore.clicked.connect(dialog.restore_selected)
    return buttons, restore


class GrowingTextEdit(QTextEdit):
    """Plain text that grows with its content, so the tab scrolls instead of the box."""

    def __init__(self, parent: QWidget | None = None, min_lines: int = 2):
        super().__init__(parent)
        self._min_lines = min_lines
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setDocumentMargin(4)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._spaced()
        self._fit()

    def text(self) -> str:
        return self.toPlainText()

    def setPlainText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setPlainText(text)
        self._spaced()

    def _spaced(self) -> None:
        """Long Chinese paragraphs read better with air between lines; new paragraphs inherit it."""
        doc = self.document()
        doc.setUndoRedoEnabled(False)  # formatting is not an edit the user should undo
        fmt = QTextBlockFormat()
        fmt.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor = QTextCursor(doc)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(fmt)
        doc.setUndoRedoEnabled(True)

    def _wanted_height(self) -> int:
        line = self.fontMetrics().lineSpacing()
        # Proportional line height also pads below the last line; take that back off.
        slack = int(line * (LINE_HEIGHT - 100) / 100)
        doc_h = int(self.document().size().height() + 0.5) - slack
        min_h = int(line * LINE_HEIGHT / 100) * self._min_lines - slack + 2 * int(self.document().documentMargin())
        return max(doc_h, min_h) + 2 * self.frameWidth()

    def _fit(self, *_args) -> None:
        h = self._wanted_height()
        if h != self.height() or self.minimumHeight() != h:
            self.setFixedHeight(h)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # Both scroll bars are off, so the viewport fills the frame's inside: asking for viewport() itself would make
        # PySide create every QWidget subclass to find its type, ~8 ms of the window's start-up.
        self.document().setTextWidth(self.contentsRect().width())
        self._fit()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().sizeHint().width(), self._wanted_height())


class CountLabel(QLabel):
    """Unobtrusive grey character count: “123 字”."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        self.setFont(font)
        self.setObjectName("countLabel")
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.WindowText, QColor("#888"))
        self.setPalette(pal)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def show_count(self, n: int, prefix: str = "") -> None:
        self.setText(f"{prefix}{n} 字")


def chars(*texts: str) -> int:
    return sum(count_chars(t) for t in texts)


def restore_list(dialog: QDialog, note: QLabel, empty_text: str, label: str) -> tuple[QListWidget, QLabel, QPushButton]:
    """The frame of a list-and-restore dialog: note, list, a line for the empty case, restore/关闭 buttons."""
    items = QListWidget(dialog)
    empty = QLabel(empty_text, dialog)
    empty.setWordWrap(True)
    buttons, restore = restore_buttons(dialog, label)
    items.currentRowChanged.connect(lambda row: restore.setEnabled(row >= 0))
    lay = QVBoxLayout(dialog)
    lay.addWidget(note)
    lay.addWidget(items, 1)
    lay.addWidget(empty)
    lay.addWidget(buttons)
    return items, empty, restore


def tab_list_button(tabs: QTabWidget) -> QToolButton:
    """A 全部 button in the tab bar's corner listing every tab by its whole name; choosing one shows it (many
    parts on a narrow screen hide some tabs behind the bar's arrows)."""
    button = QToolButton(tabs)
    button.setText(tabs.tr("全部"))
    button.setToolTip(tabs.tr("转到某一部分"))
    button.setAutoRaise(True)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    # The arrow beside the text, not the style's small menu mark (drawn over 部's corner in a button this narrow).
    button.setArrowType(Qt.ArrowType.DownArrow)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
    menu = QMenu(button)

    def fill() -> None:
        menu.clear()
        for i in range(tabs.count()):
            act = menu.addAction(tabs.tabText(i).replace("&", "&&"))
            act.setCheckable(True)
            act.setChecked(i == tabs.currentIndex())
            act.triggered.connect(lambda _=False, i=i: tabs.setCurrentIndex(i))

    menu.aboutToShow.connect(fill)
    button.setMenu(menu)
    button._overflow = _Overflow(tabs, button)  # shown only while some tabs do not fit
    return button


class _Overflow(QObject):
    """Shows ``button`` while the tabs need more width than the tab widget has (beside the button)."""

    def __init__(self, tabs: QTabWidget, button: QToolButton):
        super().__init__(button)
        self.tabs, self.button = tabs, button
        tabs.installEventFilter(self)
        tabs.tabBar().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            need = self.tabs.tabBar().sizeHint().width() + self.button.sizeHint().width()
            self.button.setVisible(need > self.tabs.width())
        return False
