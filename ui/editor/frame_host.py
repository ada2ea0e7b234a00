"""The editor's side of the 公文格式 tab: when it shows, where it sits, and how its undo commands come back.

A mixin of ReportEditor (ui/editor/report_editor.py), kept apart so that module stays small: the tab sits
right after 基本信息 while the report is a unit kind, already has a frame, or its author ticked 公文格式.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from models.report import Report
from models.templates import unit_kinds

if TYPE_CHECKING:
    from ui.editor.frame_tab import FrameTab


def _key(report: Report) -> int:
    """The report's database id (a Python id could be reused by the next report opened)."""
    return report.id if report.id is not None else id(report)


def _settle() -> None:
    """Run pending layouts, so the entry an undo command focuses is scrolled to at its real place."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


class FrameHost:
    """Methods of ReportEditor about the 公文格式 tab; expects self.frame (made when first asked for), self._frame
    (None until then), self.info, self.report, self._frame_wanted."""

    @property
    def frame(self) -> FrameTab:
        """The 公文格式 tab, made when first wanted (~8 ms of the window's start-up otherwise): a tab only while
        shown (see sync_frame)."""
        if self._frame is None:
            from ui.editor.frame_tab import FrameTab  # with its module: a report without the frame never needs it

            frame = FrameTab(self)
            frame.hide()
            frame.set_readonly(self.readonly)
            frame.set_report(self.report)
            frame.edited.connect(self._frame_edited)
            self._frame = frame
        return self._frame

    def _is_frame(self, page) -> bool:
        return self._frame is not None and page is self._frame

    def frame_shown(self) -> bool:
        return self._frame is not None and self.indexOf(self._frame) >= 0

    def first_section_index(self) -> int:
        return 2 if self.frame_shown() else 1

    def _frame_reason(self) -> tuple[bool, bool, str]:
        """(shown, may the author switch it, why) for the open report."""
        r = self.report
        if r is None:
            return False, False, ""
        if r.kind in unit_kinds():
            return True, False, self.tr("单位报送上级的公文，始终使用公文格式")
        if r.uses_frame():
            return True, False, self.tr("本报告已有版头、版记、印章或附件；在“公文格式”中清除后才能关闭")
        wanted = _key(r) in self._frame_wanted
        return wanted, not self.readonly, self.tr("单位报送上级的公文需要；个人的述职述廉报告、对照检查材料一般不用")

    def sync_frame(self) -> None:
        """Show or hide the 公文格式 tab (right after 基本信息) as the report and the switch want."""
        shown, can_change, why = self._frame_reason()
        self.info.show_frame_switch(shown, can_change, why)
        if shown == self.frame_shown():
            return
        self._syncing = True
        try:
            if shown:
                self.insertTab(1, self.frame, self.tr("公文格式"))
                self.setTabToolTip(1, self.tr("版头、印章、附件和版记（GB/T 9704）"))
            else:
                if self.currentWidget() is self.frame:
                    self.setCurrentWidget(self.info)
                self.removeTab(self.indexOf(self.frame))
                self.frame.hide()
        finally:
            self._syncing = False

    def show_frame(self) -> None:
        """Make sure the 公文格式 tab is there (a finding or a click in the preview leads into it)."""
        if self.report is not None and not self.frame_shown():
            self._frame_wanted.add(_key(self.report))
            self.sync_frame()

    def _frame_switched(self, on: bool) -> None:
        if self.report is None:
            return
        if on:
            self._frame_wanted.add(_key(self.report))
        else:
            self._frame_wanted.discard(_key(self.report))
        self.sync_frame()
        if on:
            self.setCurrentWidget(self.frame)

    def _frame_edited(self) -> None:
        self.sync_frame()  # a seal or an attachment makes the switch stay on
        self.edited.emit()

    def frame_changed(self, path: str, index: int | None) -> None:
        """Called by every frame undo command after it changed the report."""
        self.frame.set_report(self.report)
        self.show_frame()
        self.sync_frame()
        self.setCurrentWidget(self.frame)
        _settle()
        self.frame.focus_entry(path, index)
        self.edited.emit()
