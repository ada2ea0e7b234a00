"""The left panel: reports newest first, search by title, 新建 / 复制为新报告 / 删除."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from models.store import ReportSummary
from ui.fit import snug
from ui.widgets import when

ID_ROLE = Qt.ItemDataRole.UserRole
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2


def display_title(title: str) -> str:
    return title.replace("\n", "") or "（无标题）"


class TwoLineDelegate(QStyledItemDelegate):
    """Title on the first line, kind and last edit in small grey on the second."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt override
        fm = option.fontMetrics
        return QSize(200, int(fm.height() * 2.4) + 10)

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, detail = opt.text, index.data(DETAIL_ROLE) or ""
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        r = opt.rect.adjusted(8, 5, -8, -5)
        painter.save()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        fm = opt.fontMetrics
        top = QRect(r.left(), r.top(), r.width(), fm.height())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(title, Qt.TextElideMode.ElideRight, r.width()))
        small = QFont(opt.font)
        small.setPointSizeF(max(opt.font.pointSizeF() * 0.85, 7.0))
        painter.setFont(small)
        painter.setPen(opt.palette.color(role) if selected else QColor("#888"))
        bottom = QRect(r.left(), top.bottom() + 3, r.width(), r.bottom() - top.bottom() - 3)
        kind, stamp = detail_parts(detail, QFontMetrics(small), bottom.width())
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, kind)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, stamp)
        painter.restore()


def detail_parts(detail: str, fm: QFontMetrics, width: int) -> tuple[str, str]:
    """(kind as it fits, time of the last edit): the time stays whole at the right; a long kind gives way (…)."""
    kind, gap, stamp = detail.rpartition("　")
    if not gap:
        return fm.elidedText(detail, Qt.TextElideMode.ElideRight, width), ""
    return fm.elidedText(kind, Qt.TextElideMode.ElideRight, width - fm.horizontalAdvance(gap + stamp)), stamp


class ReportList(QWidget):
    """Lists reports; the window decides what the buttons do."""

    reportSelected = Signal(int)
    newRequested = Signal()
    copyRequested = Signal()
    deleteRequested = Signal()
    searchChanged = Signal(str)
    matchWanted = Signal()  # the report already open was picked again: go to the current search's first match

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索报告全文（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.new_button = QPushButton(self.tr("新建"), self)
        self.new_button.setToolTip(self.tr("从模板新建报告（Ctrl+N）"))
        self.copy_button = QPushButton(self.tr("复制为新报告"), self)
        self.copy_button.setToolTip(self.tr("以所选报告为底稿新建，如用去年的报告写今年的"))
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.delete_button.setToolTip(self.tr("移到回收站，可以恢复（在列表中按 Delete）"))
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(lambda: self.delete_button.isEnabled() and self.deleteRequested.emit())
        snug(self.new_button, self.copy_button, self.delete_button)  # the list may be narrow on a 1024 px screen
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.delete_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 4, 8)
        lay.setSpacing(6)
        self.no_match = QLabel(self)
        self.no_match.setWordWrap(True)
        self.no_match.setStyleSheet("color: #888;")
        self.no_match.hide()
        lay.addWidget(self.search)
        lay.addWidget(self.no_match)
        lay.addWidget(self.list, 1)
        lay.addLayout(buttons)
        self._names: dict[str, str] = {}
        self.search.textChanged.connect(self.searchChanged)
        self.search.returnPressed.connect(self._search_done)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemClicked.connect(lambda _it: self.search.text().strip() and self.matchWanted.emit())
        self.new_button.clicked.connect(self.newRequested)
        self.copy_button.clicked.connect(self.copyRequested)
        self.delete_button.clicked.connect(self.deleteRequested)

    def set_kind_names(self, names: dict[str, str]) -> None:
        self._names = names

    def fill(self, reports: list[ReportSummary], select: int | None) -> None:
        """Show ``reports`` and select ``select`` without announcing it as a new choice."""
        self.list.blockSignals(True)
        self.list.clear()
        for r in reports:
            it = QListWidgetItem(display_title(r.title))
            it.setData(ID_ROLE, r.id)
            it.setData(KIND_ROLE, r.kind)
            it.setData(DETAIL_ROLE, f"{self._names.get(r.kind, r.kind)}　{when(r.updated)}")
            it.setToolTip(r.title)
            self.list.addItem(it)
            if r.id == select:
                self.list.setCurrentItem(it)
        self.list.blockSignals(False)
        self._update_buttons()
        words = self.search.text().strip()
        if words:
            self.no_match.setText(self.tr("没有标题含“%1”的报告").replace("%1", words))
        else:  # the first start: say where to begin
            self.no_match.setText(self.tr("还没有报告。点下方“新建”从模板开始写，"
                                          "或用“导入”带入已有的 Word 或文本文件。"))
        self.no_match.setVisible(not reports)

    def ids(self) -> list[int]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def current_id(self) -> int | None:
        it = self.list.currentItem()
        return it.data(ID_ROLE) if it is not None else None

    def select(self, report_id: int | None) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentItem(None)
        for i in range(self.list.count()):
            if self.list.item(i).data(ID_ROLE) == report_id:
                self.list.setCurrentRow(i)
        self.list.blockSignals(False)
        self._update_buttons()

    def set_title(self, report_id: int, title: str) -> None:
        for i in range(self.list.count()):
            it = self.list.item(i)
            if it.data(ID_ROLE) == report_id:
                it.setText(display_title(title))
                it.setToolTip(title)

    def set_updated(self, report_id: int, updated: str) -> None:
        for i in range(self.list.count()):
            it = self.list.item(i)
            if it.data(ID_ROLE) == report_id:
                kind = it.data(KIND_ROLE)
                it.setData(DETAIL_ROLE, f"{self._names.get(kind, kind)}　{when(updated)}")

    def _search_done(self) -> None:
        """Enter in the search box goes on to the list, so the keyboard alone can pick a report."""
        if self.list.count():
            if self.list.currentRow() < 0:
                self.list.setCurrentRow(0)
            else:
                self.matchWanted.emit()  # the report open matches this search too: show where
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _current_changed(self, current, _previous) -> None:
        self._update_buttons()
        if current is not None:
            self.reportSelected.emit(current.data(ID_ROLE))

    def _update_buttons(self) -> None:
        has = self.list.currentItem() is not None
        self.copy_button.setEnabled(has)
        self.delete_button.setEnabled(has)
