"""The 检查 panel: findings grouped by class with a count each, refreshed as the author types; click one
to jump to its text, hover for the reason and its source, fix where one answer is right, or ignore."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from models.proofread import CLASSES
from ui.check_runner import BackgroundChecks
from ui.debounce import Debouncer

TEXT_DEBOUNCE_MS = 250
TEXT_MAX_WAIT_MS = 1500
_ICONS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}
FIXABLE_KIND = "halfwidth_punct"
# Group order: what must be filled first, then the proofreader's classes, then layout hints.
_GROUP_ORDER = ("缺字", "待填写", "内容空缺", "页数超限", *CLASSES, "孤字", "备用字体")


def grouped(findings: list) -> list:
    """Findings by class in the panel's order (errors' classes first), reading order within a class."""
    from models.checks import ERROR

    first_error = {f.category for f in findings if f.severity == ERROR}

    def rank(f) -> tuple:
        order = _GROUP_ORDER.index(f.category) if f.category in _GROUP_ORDER else len(_GROUP_ORDER)
        return (f.category not in first_error, order, f.category)

    return sorted(findings, key=rank)  # stable: reading order is kept within a class


class CheckPanel(QWidget):
    """Text checks run on a short timer; font, 孤字 and page checks arrive with typesetting facts."""

    activated = Signal(str, int, int)  # field path, start, end
    fixRequested = Signal(object)  # a Finding to fix
    fixAllRequested = Signal(str)  # a finding kind to fix everywhere
    ignoreRequested = Signal(object, bool)  # a Finding; True: 不再提示 (everywhere), False: 忽略此处
    findingsChanged = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.report = None
        self.facts = None
        self.settings = None  # models.proofread.settings.Settings of the open report, or None
        self.readonly = False
        self.findings: list = []
        self._timer = Debouncer(TEXT_DEBOUNCE_MS, TEXT_MAX_WAIT_MS, self)
        self._timer.timeout.connect(self.refresh_soon)
        self._runner = BackgroundChecks(self)  # while typing, the checks run in the typesetting worker
        self._runner.done.connect(self._checked)
        self._asked: dict[int, object] = {}  # request number → the report it was made for
        self._shown = 0  # the newest request whose findings are shown (a check on this thread counts as newest)
        self.hold = False  # True until the report opened at start-up is first checked (ui/document_actions.py)

        self.header = QLabel(self.tr("尚未检查"))
        self.header.setWordWrap(True)  # its longest words (no report open) held the panel 385 px wide
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setStyleSheet("color: #555;")
        self.counts.hide()
        self.fix_all = QPushButton(self.tr("全部改为全角标点"))
        self.fix_all.setToolTip(self.tr("把中文里的半角逗号、分号、冒号、问号、叹号、括号和引号改为全角"))
        self.fix_all.clicked.connect(lambda: self.fixAllRequested.emit(FIXABLE_KIND))
        self.fix_all.hide()
        self.fix_one = QPushButton(self.tr("修正此处"))
        self.fix_one.clicked.connect(self._fix_current)
        self.fix_one.hide()
        self.ignore_here = QPushButton(self.tr("忽略此处"))
        self.ignore_here.setToolTip(self.tr("这一处不再提示（只对本报告的这段文字）"))
        self.ignore_here.clicked.connect(lambda: self._ignore_current(False))
        self.ignore_always = QPushButton(self.tr("不再提示"))
        self.ignore_always.setToolTip(self.tr("所有报告中同样的写法都不再按这条规则提示"))
        self.ignore_always.clicked.connect(lambda: self._ignore_current(True))
        for b in (self.ignore_here, self.ignore_always):
            b.hide()
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
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        bar = QHBoxLayout()
        bar.addWidget(self.header, 1)
        bar.addWidget(self.fix_all)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for b in (self.fix_one, self.ignore_here, self.ignore_always):
            actions.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.counts)
        layout.addWidget(self.list, 1)
        layout.addLayout(actions)

    def set_readonly(self, readonly: bool) -> None:
        """A read-only database: findings still show, the buttons that would change something do not."""
        self.readonly = readonly
        self._fill()

    def set_report(self, report) -> None:
        """The report changed: re-check its text soon (typesetting facts come separately)."""
        self.report = report
        self._timer.poke()

    def show_pending(self) -> None:
        """A report is open but not checked yet (start-up checks after the window is shown): say so."""
        self.header.setText(self.tr("正在检查…"))

    def set_facts(self, facts) -> None:
        """Typesetting facts of the newest run (孤字, fonts, pages): checked with the text, off this thread."""
        self.facts = facts
        self.refresh_soon()

    def set_settings(self, settings) -> None:
        """The office's proofreading rules and ignores (from the store) changed: check again now."""
        self.settings = settings
        self.refresh()

    def refresh_soon(self) -> None:
        """Check in the typesetting worker (typing, new facts); the findings replace the shown ones when they
        arrive."""
        self._timer.cancel()
        if self.report is None:
            self.refresh()
            return
        if self.hold:
            return  # start-up: the first check comes after the first page, with the office's rules
        seq = self._runner.run(self.report, self.facts, self.settings)
        if seq:
            self._asked = {n: r for n, r in self._asked.items() if n > self._shown}
            self._asked[seq] = self.report

    def warm_worker(self) -> None:
        self._runner.warm()

    def _checked(self, seq: int, findings) -> None:
        report = self._asked.pop(seq, None)
        if seq <= self._shown or report is not self.report:
            return  # a newer check is shown, or another report is open now
        if findings is None:  # the worker could not: check here, where an error is reported as usual
            self.refresh()
            return
        self._shown = seq
        self.findings = grouped(findings)
        self._fill()
        self.findingsChanged.emit()

    def refresh(self) -> None:
        """Check now, on this thread (a fix applied, rules changed, a report opened)."""
        self._timer.cancel()
        self._runner.forget()
        self._shown = self._runner.last_request()
        if self.report is None:
            self.findings = []
        else:
            from models.checks import run_checks  # imported on the first check, after the window is shown

            self.findings = grouped(run_checks(self.report, self.facts, self.settings))
        self._fill()
        self.findingsChanged.emit()

    def item_for(self, finding) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) is finding:
                return self.list.item(row)
        return None

    def _fill(self) -> None:
        """Show the findings grouped by class; while typing most are the same as before, so when the rows
        keep their shape only the changed ones are touched (rebuilding a few hundred rows with icons on every
        typesetting run stalled typing)."""
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.category] = counts.get(f.category, 0) + 1
        shape: list[tuple] = []
        group = None
        for f in self.findings:
            if f.category != group:
                group = f.category
                shape.append(("group", group, counts[group]))
            shape.append(("finding", f.severity))
        if shape == getattr(self, "_shape", None) and self.list.count() == len(shape):
            rows = (i for i, key in enumerate(shape) if key[0] == "finding")
            for i, f in zip(rows, self.findings, strict=True):
                item = self.list.item(i)
                if item.data(Qt.ItemDataRole.UserRole) != f:
                    item.setText(f.describe())
                    item.setToolTip(self._tooltip(f))
                item.setData(Qt.ItemDataRole.UserRole, f)  # the current object: item_for() finds it by identity
        else:
            current = self._finding(self.list.currentItem())
            self.list.clear()
            group = None
            for f in self.findings:
                if f.category != group:
                    group = f.category
                    self.list.addItem(self._group_item(group, counts[group]))
                item = QListWidgetItem(self.style().standardIcon(_ICONS.get(f.severity, _ICONS["info"])), f.describe())
                item.setData(Qt.ItemDataRole.UserRole, f)
                item.setToolTip(self._tooltip(f))
                self.list.addItem(item)
                if current is not None and (f.field, f.start, f.rule) == (current.field, current.start, current.rule):
                    self.list.setCurrentItem(item)
            self._shape = shape
        n = len(self.findings)
        if self.report is None:
            self.header.setText(self.tr("打开报告后，这里列出待填写、用词、标点、数字等需要注意之处"))
        else:
            self.header.setText(self.tr("没有发现问题") if n == 0 else self.tr("发现 %n 处需要注意", "", n))
        self.counts.setText("　".join(f"{c} {k}" for c, k in ((c, counts[c]) for c in dict.fromkeys(
            f.category for f in self.findings))))
        self.counts.setVisible(bool(counts))
        self.fix_all.setVisible(not self.readonly and any(f.kind == FIXABLE_KIND for f in self.findings))
        self._current_changed(self.list.currentItem())

    def _tooltip(self, f) -> str:
        """The message, the one-line reason and the standard or usage note it comes from."""
        lines = [f.message]
        if f.reason and f.reason not in f.message:
            lines.append(f.reason)
        if f.source:
            lines.append(self.tr("依据：") + f.source)
        return "\n".join(lines)

    def _group_item(self, category: str, count: int) -> QListWidgetItem:
        item = QListWidgetItem(f"{category}（{count}）")
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: not selectable, skipped by the arrow keys
        item.setForeground(QBrush(QColor("#333")))
        item.setBackground(QBrush(QColor("#e8ebf0")))
        return item

    def _finding(self, item: QListWidgetItem | None):
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _activate(self, item: QListWidgetItem) -> None:
        f = self._finding(item)
        if f is not None and f.field:
            self.activated.emit(f.field, f.start, f.end)

    def take_keyboard(self) -> None:
        """F7: the keyboard into the list with a finding highlighted (the first, if none was), so the arrows
        start from something visible; Enter goes to it."""
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        row = self.list.currentRow()
        if row < 0 or self._finding(self.list.item(row)) is None:  # Qt's own choice on focus: current, unselected
            row = next((i for i in range(self.list.count()) if self._finding(self.list.item(i)) is not None), -1)
        if row >= 0 and not self.list.item(row).isSelected():
            self.list.setCurrentRow(row)  # selected as well: highlighted

    def _current_changed(self, item, _previous=None) -> None:
        f = self._finding(item)
        self.fix_one.setVisible(not self.readonly and f is not None and f.fix is not None)
        if f is not None and f.fix is not None:
            self.fix_one.setText(self.tr("删去") if f.fix == "" else self.tr("改为“%1”").replace("%1", f.fix))
        can_ignore = not self.readonly and f is not None and _ignorable(f)
        self.ignore_here.setVisible(can_ignore)
        self.ignore_always.setVisible(can_ignore)

    def _fix_current(self) -> None:
        f = self._finding(self.list.currentItem())
        if f is not None and f.fix is not None:
            self.fixRequested.emit(f)

    def _ignore_current(self, always: bool) -> None:
        f = self._finding(self.list.currentItem())
        if f is not None and _ignorable(f):
            self.ignoreRequested.emit(f, always)

    def _context_menu(self, pos) -> None:
        item = self.list.itemAt(pos)
        f = self._finding(item)
        if f is None or self.readonly:
            return
        self.list.setCurrentItem(item)
        menu = QMenu(self)
        if f.fix is not None:
            menu.addAction(self.fix_one.text(), self._fix_current)
        if _ignorable(f):
            menu.addAction(self.tr("忽略此处"), lambda: self._ignore_current(False))
            menu.addAction(self.tr("不再提示"), lambda: self._ignore_current(True))
        if not menu.isEmpty():
            menu.exec(self.list.viewport().mapToGlobal(pos))


def _ignorable(f) -> bool:
    """The proofreader's findings and punctuation or numbering notes can be ignored; 待填写 and 缺字 cannot."""
    return bool(f.field) and f.kind in ("proofread", "halfwidth_punct", "unpaired", "missing_stop", "hand_numbering")


