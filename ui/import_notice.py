"""What an import understood, in the status bar, with one click to undo it; and the 粘贴导入 offer.

Both are small, non-modal status-bar links: the official keeps typing while they are shown.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel

from models.importers.pasted import pasted_document


class ImportNotice(QObject):
    """已导入 N 部分 / M 条 … 详情 · 撤销导入 (moves the new report to the 回收站)."""

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.report_id: int | None = None
        self.lines: list[str] = []
        self.label = QLabel(window)
        self.label.setObjectName("importNotice")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.linkActivated.connect(self._link)
        self.label.hide()
        window.statusBar().addWidget(self.label)
        window.reportOpened.connect(self._opened)
        # Once the official works on the imported report, 撤销导入 would throw that work in the 回收站: the offer
        # goes with the first edit (Ctrl+Z still undoes edits one by one).
        window.editor.edited.connect(self.hide)

    def show(self, report_id: int, lines: list[str]) -> None:
        from html import escape

        self.report_id, self.lines = report_id, list(lines)
        first = (self.lines[0] if self.lines else "").split("（来自")[0]  # the source is in 详情
        found = next((ln[4:] for ln in self.lines if ln.startswith("识别出：")), "")
        if any(ln.startswith("主送：") for ln in self.lines):
            found = "主送" + ("、" + found if found else "")
        text = self.tr("已导入：") + escape(first + ("，" + found if found else ""))
        unplaced = sum(1 for ln in self.lines if ln.startswith("未能归位："))
        if unplaced:
            text += self.tr("，%1 处未能归位").replace("%1", str(unplaced))
        text += f'  <a href="details">{self.tr("详情")}</a>  <a href="undo">{self.tr("撤销导入")}</a>'
        self.label.setText(text)
        self.label.setToolTip("\n".join(self.lines))
        self.label.show()

    def hide(self) -> None:
        self.report_id = None
        self.label.hide()

    def _opened(self) -> None:
        report = self.w.current_report()
        if report is None or report.id != self.report_id:
            self.hide()

    def _link(self, what: str) -> None:
        if what == "details":
            self.w.dialogs.info(self.w, self.tr("导入结果"), "\n".join(self.lines))
        elif what == "undo":
            self.undo()

    def undo(self) -> None:
        """Move the imported report to the 回收站: nothing is lost, the list is as before the import."""
        rid = self.report_id
        if rid is None:
            return
        self.hide()
        if self.w.trash_report(rid):
            self.w.statusBar().showMessage(self.tr("已撤销导入：新报告已移到回收站（报告 > 回收站 中可恢复）"), 8000)


class PasteOffer(QObject):
    """A whole document pasted into one field: offer 粘贴导入 in place, once per text."""

    def __init__(self, window, start):
        super().__init__(window)
        self.w = window
        self.start = start  # callable(text): the paste import, prefilled
        self.text = ""
        self.dismissed: set[int] = set()
        self.label = QLabel(window)
        self.label.setObjectName("pasteOffer")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setText(self.tr("这段文字像是一整篇报告：") + f'<a href="paste">{self.tr("粘贴导入为新报告…")}</a>'
                           f'  <a href="dismiss">{self.tr("不用")}</a>')
        self.label.linkActivated.connect(self._link)
        self.label.hide()
        window.statusBar().addWidget(self.label)

    def check(self, report) -> None:
        """Look at the report's free-text fields after an edit; show or hide the offer."""
        text = pasted_document(report) if report is not None and not self.w.readonly else ""
        if text and hash(text) not in self.dismissed:
            self.text = text
            self.label.show()
        else:
            self.label.hide()

    def _link(self, what: str) -> None:
        self.label.hide()
        if what == "paste":
            self.start(self.text)
        self.dismissed.add(hash(self.text))
