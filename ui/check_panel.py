"""The 检查 panel: findings refreshed as the author types; click one to jump to its text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from models.checks import run_checks
from ui.debounce import Debouncer

TEXT_DEBOUNCE_MS = 250
TEXT_MAX_WAIT_MS = 1500
_ICONS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}
FIXABLE_KIND = "halfwidth_punct"


class CheckPanel(QWidget):
    """Text checks run on a short timer; font, 孤字 and page checks arrive with typesetting facts."""

    activated = Signal(str, int, int)  # field path, start, end
    fixRequested = Signal(object)  # a Finding to fix
    fixAllRequested = Signal(str)  # a finding kind to fix everywhere

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.report = None
        self.facts = None
        self.readonly = False
        self.findings: list = []
        self._timer = Debouncer(TEXT_DEBOUNCE_MS, TEXT_MAX_WAIT_MS, self)
        self._timer.timeout.connect(self.refresh)

        self.header = QLabel(self.tr("尚未检查"))
        self.fix_all = QPushButton(self.tr("全部改为全角标点"))
        self.fix_all.setToolTip(self.tr("把中文里的半角逗号、分号、冒号、问号、叹号、括号和引号改为全角"))
        self.fix_all.clicked.connect(lambda: self.fixAllRequested.emit(FIXABLE_KIND))
        self.fix_all.hide()
        self.fix_one = QPushButton(self.tr("修正此处"))
        self.fix_one.clicked.connect(self._fix_current)
        self.fix_one.hide()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        # Reached by click or F7, not by Qt passing the keyboard on when a tab is switched (that
        # highlighted the first finding as if the author had picked it).
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setFocusProxy(self.list)  # F7: arrows walk the findings, Enter jumps to one
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)
        self.list.currentItemChanged.connect(self._current_changed)
        bar = QHBoxLayout()
        bar.addWidget(self.header, 1)
        bar.addWidget(self.fix_one)
        bar.addWidget(self.fix_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.list, 1)

    def set_readonly(self, readonly: bool) -> None:
        """A read-only database: findings still show, the fix buttons (which would change text) do not."""
        self.readonly = readonly
        self._fill()

    def set_report(self, report) -> None:
        """The report changed: re-check its text soon (typesetting facts come separately)."""
        self.report = report
        self._timer.poke()

    def set_facts(self, facts) -> None:
        self.facts = facts
        self.refresh()

    def refresh(self) -> None:
        self._timer.cancel()
        if self.report is None:
            self.findings = []
        else:
            self.findings = run_checks(self.report, self.facts)
        self._fill()

    def _fill(self) -> None:
        """Show the findings; while typing most are the same as before, so only changed rows are touched
        (rebuilding a few hundred rows with icons on every typesetting run stalled typing)."""
        shown = [self._finding(self.list.item(i)) for i in range(self.list.count())]
        if len(shown) == len(self.findings) and [f.severity for f in shown] == [f.severity for f in self.findings]:
            for i, (old, f) in enumerate(zip(shown, self.findings, strict=True)):
                if old != f:
                    item = self.list.item(i)
                    item.setText(f.describe())
                    item.setData(Qt.ItemDataRole.UserRole, f)
                    item.setToolTip(f.message)
        else:
            current = self.list.currentRow()
            self.list.clear()
            for f in self.findings:
                item = QListWidgetItem(self.style().standardIcon(_ICONS.get(f.severity, _ICONS["info"])), f.describe())
                item.setData(Qt.ItemDataRole.UserRole, f)
                item.setToolTip(f.message)
                self.list.addItem(item)
            if 0 <= current < self.list.count():
                self.list.setCurrentRow(current)
        n = len(self.findings)
        if self.report is None:
            self.header.setText(self.tr("打开报告后，这里列出待填写、标点等需要注意之处"))
        else:
            self.header.setText(self.tr("没有发现问题") if n == 0 else self.tr("发现 %n 处需要注意", "", n))
        self.fix_all.setVisible(not self.readonly and any(f.kind == FIXABLE_KIND for f in self.findings))

    def _finding(self, item: QListWidgetItem | None):
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _activate(self, item: QListWidgetItem) -> None:
        f = self._finding(item)
        if f is not None and f.field:
            self.activated.emit(f.field, f.start, f.end)

    def _current_changed(self, item, _previous=None) -> None:
        f = self._finding(item)
        self.fix_one.setVisible(not self.readonly and f is not None and f.fix is not None)

    def _fix_current(self) -> None:
        f = self._finding(self.list.currentItem())
        if f is not None and f.fix is not None:
            self.fixRequested.emit(f)
