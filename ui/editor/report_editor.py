"""The right side: 基本信息, 公文格式 (when used) and one tab per section, in step with the Report and its undo stack."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QTextCursor, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QTabWidget, QTextEdit, QWidget

from models.fields import get_field, parse_field
from models.report import Report, Section, section_number
from ui.editor import commands
from ui.editor.frame_host import FrameHost
from ui.editor.here_commands import HereCommands
from ui.editor.info_tab import InfoTab
from ui.editor.section_tab import SectionTab
from ui.editor.undo_router import UndoRouter
from ui.widgets import tab_list_button

if TYPE_CHECKING:
    from ui.editor.frame_tab import FrameTab


def settle_layouts() -> None:
    """Run pending layouts now, so scrolling to a new or moved card uses its real position."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def _room(scroll) -> int:
    """How far from the view's top and bottom a place that is gone to should stay."""
    return max(40, scroll.viewport().height() // 3)


def index_of(seq: list, obj) -> int:
    """Position of ``obj`` itself (dataclasses compare equal by content, so list.index would not do)."""
    return next((i for i, x in enumerate(seq) if x is obj), -1)


class ReportEditor(HereCommands, FrameHost, QTabWidget):
    """Owns the tabs of one report; structural edits go through QUndoCommands on ``undo_stack``."""

    edited = Signal()  # any text or structure change of the report
    titleChanged = Signal(str)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.router = UndoRouter(undo_stack, self)
        self._undo_hint = ""  # a status-bar message offering Ctrl+Z, cleared once the stack moves
        undo_stack.indexChanged.connect(self._undo_moved)
        self.report: Report | None = None
        self.readonly = False
        self._tabs: dict[int, SectionTab] = {}
        self._syncing = False
        self.setDocumentMode(True)
        self.setMovable(True)
        self.info = InfoTab(self)
        self.addTab(self.info, self.tr("基本信息"))
        for w in (self.info.title, self.info.recipient, self.info.preamble, self.info.closing, self.info.signature):
            self.router.watch(w)
        self.info.edited.connect(self.edited)
        self._frame: FrameTab | None = None  # the 公文格式 tab, made when first needed (see frame)
        self.info.frameSwitched.connect(self._frame_switched)
        self._frame_wanted: set[int] = set()  # reports whose author ticked 公文格式 in this session (see FrameHost)
        self.info.titleChanged.connect(self.titleChanged)
        self.tabBar().tabMoved.connect(self._tab_moved)
        # Many parts on a narrow screen: tabs keep their whole names and the bar scrolls (eliding them all left
        # "一…二…三…"); the corner button lists every part by its whole name.
        self.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.setCornerWidget(tab_list_button(self), Qt.Corner.TopRightCorner)
        self.tabBar().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tabBar().customContextMenuRequested.connect(self._tab_menu)
        self.currentChanged.connect(self._focus_into_tab)

    def _focus_into_tab(self, _index: int) -> None:
        """Switched by keyboard (Ctrl+PgDown, Ctrl+Tab): the keyboard goes on in the new tab's first field.

        Qt leaves it on the scrolling page itself, where typing went nowhere. A mouse click on a tab keeps
        the page focused (the wheel and PgDown scroll it), and the field's text is never selected, so a
        keystroke cannot replace a heading.
        """
        page = self.currentWidget()
        if page is None or QApplication.focusWidget() is not page or QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            return
        self.land()

    def land(self) -> None:
        """Put the keyboard in the current tab's safe place: its first field (标题 or 部分标题), the cursor
        at the end and nothing selected, whichever tab it came from, so typing never replaces a heading."""
        page = self.currentWidget()
        if page is self.info:
            first = self.info.title
        elif self._is_frame(page):
            first = self.frame.first_field()
        else:
            first = getattr(page, "heading", None)
        if first is None:
            return
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(first, QLineEdit):
            first.deselect()
            first.end(False)
        elif hasattr(first, "moveCursor"):  # a text box; the 公文格式 tab may start with a check box
            first.moveCursor(QTextCursor.MoveOperation.End)

    def set_readonly(self, readonly: bool) -> None:
        """View only (the database is read-only or open in another window); call before set_report."""
        self.readonly = readonly
        self.info.set_readonly(readonly)
        if self._frame is not None:
            self._frame.set_readonly(readonly)
        self.setMovable(not readonly)

    def watch_text(self, widget) -> None:
        self.router.watch(widget)

    # -- loading ---------------------------------------------------------------

    def set_report(self, report: Report | None) -> None:
        """Show ``report``; the undo history belongs to the previous report and is dropped.

        Passing the report already shown (after changing its text in code, e.g. a 检查 fix) refreshes
        the widgets in place: same tab, same scroll position, undo history kept.
        """
        if report is not None and report is self.report:
            self.refresh_texts()
            return
        self.undo_stack.clear()
        self._syncing = True
        self.setCurrentIndex(0)
        for tab in self._tabs.values():
            self.removeTab(self.indexOf(tab))
            tab.deleteLater()
        self._tabs.clear()
        self._syncing = False
        self.report = report
        if self._frame is not None:
            self._frame.set_report(report)
        self.sync_frame()
        if report is not None:
            self.info.set_report(report)
            self.sync_sections()

    def refresh_texts(self) -> None:
        """Widgets catch up with text changed in the Report by code; structure too, if it changed."""
        self.info.set_report(self.report)
        if self._frame is not None:
            self._frame.set_report(self.report)
        self.sync_frame()
        self.sync_sections()
        for tab in self._tabs.values():
            tab.refresh_texts()
        self.edited.emit()

    def section_tab(self, section: Section) -> SectionTab:
        return self._tabs[id(section)]

    def section_tabs(self) -> list[SectionTab]:
        return [self._tabs[id(s)] for s in self.report.sections] if self.report else []

    # -- keeping tabs in step ----------------------------------------------------

    def sync_sections(self) -> None:
        """Make the tabs match report.sections: create, drop, reorder and relabel."""
        sections = self.report.sections if self.report else []
        wanted = {id(s) for s in sections}
        self._syncing = True
        try:
            for key, tab in list(self._tabs.items()):
                if key not in wanted:
                    self.removeTab(self.indexOf(tab))
                    tab.deleteLater()
                    del self._tabs[key]
            if self.indexOf(self.info) != 0:
                self.tabBar().moveTab(self.indexOf(self.info), 0)
            if self.frame_shown() and self.indexOf(self.frame) != 1:
                self.tabBar().moveTab(self.indexOf(self.frame), 1)
            first = self.first_section_index()
            for i, s in enumerate(sections):
                tab = self._tabs.get(id(s))
                if tab is None:
                    tab = SectionTab(s, self)
                    tab.edited.connect(lambda *_: self.edited.emit())
                    tab.headingChanged.connect(lambda t: self._relabel(t))
                    self._tabs[id(s)] = tab
                    self.insertTab(i + first, tab, "")
                elif self.indexOf(tab) != i + first:
                    self.tabBar().moveTab(self.indexOf(tab), i + first)
            for tab in self._tabs.values():
                self._relabel(tab)
        finally:
            self._syncing = False

    def _relabel(self, tab: SectionTab) -> None:
        i = index_of(self.report.sections, tab.section) if self.report else 0
        heading = tab.section.heading.strip() or self.tr("（未命名）")
        idx = self.indexOf(tab)
        self.setTabText(idx, section_number(i) + heading)
        self.setTabToolTip(idx, section_number(i) + heading + "\n" + self.tr("本部分 %n 字", "", tab.section.char_count()))

    def structure_changed(self, section: Section | None, item_index: int | None) -> None:
        """Called by every undo command after it changed the report."""
        self.sync_sections()
        for tab in self._tabs.values():
            tab.sync_items()
        if section is not None and id(section) in self._tabs:
            tab = self._tabs[id(section)]
            self.setCurrentWidget(tab)
            if item_index is not None and item_index >= 0:
                card = tab.card_for(item_index)
                if card is not None:
                    card.lead.setFocus(Qt.FocusReason.OtherFocusReason)
                    settle_layouts()
                    tab.ensureWidgetVisible(card, 0, 40)
            else:
                tab.heading.setFocus(Qt.FocusReason.OtherFocusReason)
        elif section is None and self.report is not None:
            # No section left to show: 基本信息, with the keyboard in it (not in the report list's search box).
            self.setCurrentWidget(self.info)
            self.info.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.edited.emit()

    def _tab_moved(self, src: int, dst: int) -> None:
        if self._syncing or self.report is None:
            return
        first = self.first_section_index()
        if src < first or dst < first:
            # 基本信息 and 公文格式 stay first; put the tabs back as the model has them.
            self.sync_sections()
            return
        self.push(commands.MoveSection(self, src - first, dst - first))

    # -- where the user is ---------------------------------------------------------

    def current_section(self) -> Section | None:
        w = self.currentWidget()
        return w.section if isinstance(w, SectionTab) else None

    def current_item_index(self) -> int | None:
        """Index of the item whose card holds the keyboard focus, in the current section tab."""
        tab = self.currentWidget()
        if not isinstance(tab, SectionTab):
            return None
        card = tab.card_of_widget(QApplication.focusWidget())
        return card.index if card is not None else None

    # -- structural edits (each one an undo command) -------------------------------------

    def push(self, command) -> None:
        if not self.readonly:
            self.undo_stack.push(command)

    def add_item(self, section: Section, index: int) -> None:
        self.push(commands.AddItem(self, section, index))

    def remove_item(self, section: Section, index: int) -> None:
        if 0 <= index < len(section.items):
            self.push(commands.RemoveItem(self, section, index))
            self._undo_hint = self.tr("已删除一条（Ctrl+Z 撤销）")
            self._hint(self._undo_hint)

    def _undo_moved(self, _index: int) -> None:
        """A message offering Ctrl+Z goes once the undo stack moves (undone, or another edit made)."""
        hint, self._undo_hint = self._undo_hint, ""
        window = self.window()
        if hint and hasattr(window, "statusBar"):
            try:
                if window.statusBar().currentMessage() == hint:
                    window.statusBar().clearMessage()
            except RuntimeError:  # the window is being closed
                pass

    def move_item(self, section: Section, src: int, dst: int) -> None:
        n = len(section.items)
        if 0 <= src < n and 0 <= dst < n and src != dst:
            self.push(commands.MoveItem(self, section, src, dst))

    def add_section_after(self, section: Section | None) -> None:
        sections = self.report.sections
        i = index_of(sections, section)
        index = i + 1 if i >= 0 else len(sections)
        self.push(commands.AddSection(self, index))

    def remove_section(self, section: Section) -> None:
        i = index_of(self.report.sections, section)
        if i >= 0:
            self.push(commands.RemoveSection(self, i))
            self._hint(self.tr("已删除一个部分（Ctrl+Z 撤销）"))

    def move_section_by(self, section: Section, delta: int) -> None:
        sections = self.report.sections
        src = index_of(sections, section)
        dst = src + delta
        if src >= 0 and 0 <= dst < len(sections):
            self.push(commands.MoveSection(self, src, dst))

    def _tab_menu(self, pos) -> None:
        index = self.tabBar().tabAt(pos)
        tab = self.widget(index)
        if not isinstance(tab, SectionTab) or self.readonly:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("前移"), lambda: self.move_section_by(tab.section, -1))
        menu.addAction(self.tr("后移"), lambda: self.move_section_by(tab.section, 1))
        menu.addSeparator()
        menu.addAction(self.tr("在之后添加部分"), lambda: self.add_section_after(tab.section))
        menu.addAction(self.tr("删除本部分"), lambda: self.remove_section(tab.section))
        menu.popup(self.tabBar().mapToGlobal(pos))

    # -- select_field ------------------------------------------------------------------

    def field_widget(self, path: str):
        """The widget that edits ``path`` (see models/fields.py), switching to its tab."""
        parts = parse_field(path)
        if parts[0] in ("letterhead", "record", "attachments"):
            self.show_frame()
            self.setCurrentWidget(self.frame)
            return self.frame, self.frame.field_widget(path)
        if len(parts) == 1:
            self.setCurrentWidget(self.info)
            return self.info, self.info.field_widget(parts[0])
        tab = self._tabs[id(self.report.sections[parts[1]])]
        self.setCurrentWidget(tab)
        tab.ensure_built()
        if len(parts) == 3:
            return tab, tab.field_widget(parts[2])
        card = tab.card_for(parts[3])
        return tab, card.field_widget(parts[4])

    def select_field(self, path: str, start: int, end: int) -> None:
        """Select characters start..end (code points, as models count) of ``path``'s widget."""
        scroll, w = self.field_widget(path)
        if w is None:
            raise KeyError(path)
        if path not in ("date", "record.date"):  # Qt counts UTF-16 units: 𠮷 is two of them
            from models.checks import utf16_range

            try:
                start, end = utf16_range(get_field(self.report, path), start, end)
            except (IndexError, KeyError, AttributeError):  # a 签发人 or 附件 still to add: its add button
                start = end = 0
        w.setFocus(Qt.FocusReason.OtherFocusReason)
        settle_layouts()
        if isinstance(w, QLineEdit):
            w.setSelection(start, max(0, end - start))
        elif isinstance(w, QTextEdit):
            cursor = w.textCursor()
            n = len(w.toPlainText())
            cursor.setPosition(min(start, n))
            cursor.setPosition(min(end, n), QTextCursor.MoveMode.KeepAnchor)
            w.setTextCursor(cursor)
            # Long bodies: bring the selected line itself into view, not just the box's top; a third of the view
            # around it, so the place is not left at the very edge with its card half hidden.
            rect = w.cursorRect()
            scroll.ensureVisible(*w.mapTo(scroll.widget(), rect.center()).toTuple(), 40, _room(scroll))
            return
        scroll.ensureWidgetVisible(w, 0, _room(scroll))

    def update_counts(self) -> None:
        tab = self.currentWidget()
        if isinstance(tab, SectionTab):
            tab.update_count()
            self._relabel(tab)
