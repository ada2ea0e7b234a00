"""导出PDF/Word文档/OFD and 打印 for the main window: the pre-export summary, the save dialog, the printer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from models import history
from ui.dialogs.base import start_folder


class WaitCursor:
    """The busy cursor while the report is typeset for export or print."""

    def __enter__(self):
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc):
        QGuiApplication.restoreOverrideCursor()


def default_pdf_name(report, suffix: str = ".pdf") -> str:
    """<title>.pdf (or .docx, .ofd) with characters Windows forbids in file names replaced."""
    title = "".join(report.title.split()) or "报告"
    for ch in '\\/:*?"<>|':
        title = title.replace(ch, "_")
    return title[:80] + suffix


# extension -> (menu verb, file dialog filter, "module:function" rendering (bytes, ExportResult), format name)
EXPORTS = {
    ".pdf": ("导出PDF", "PDF 文件 (*.pdf)", "export.backends.pdf:render_pdf_bytes", "PDF"),
    ".docx": ("导出Word文档", "Word 文档 (*.docx)", "export.backends.docx:render_docx_bytes", "Word文档"),
    ".ofd": ("导出OFD", "OFD 文件 (*.ofd)", "export.backends.ofd:render_ofd_bytes", "OFD"),
}


class ExportActions:
    """Mixed into DocumentActions (a QObject owning ``self.w``, the main window)."""

    # -- export and print --------------------------------------------------------------

    def _render_checked(self, verb: str, render=None):
        """(file bytes, ExportResult) after the author has seen what is still open, or None."""
        from export.backends.pdf import render_pdf_bytes
        from export.errors import ExportError

        render = render or render_pdf_bytes
        from export.facts import facts_from_result

        report = self.w.current_report()
        if report is None:
            return None
        self.w.autosave.flush()
        try:
            with WaitCursor():
                data, result = render(report, taoda=self.taoda())
        except ExportError as e:
            self.w.dialogs.error(self.w, verb, str(e))
            return None
        from models.checks import run_checks, summary

        findings = run_checks(report, facts_from_result(report, result), self.checks.settings)
        text = summary(findings)
        # Font substitutions are the same on every export from this PC: one line, the list folded away.
        fonts = [s for s in result.warnings if s in set(result.layout.substitutions)]
        lines = ([text + self.tr("（各处见“显示详情…”）。")] if text else []) + [s for s in result.warnings
                                                                     if s not in fonts]
        # Once the author has answered 仍要 for this report, the very same findings are not asked again on the
        # next export (PDF, then Word, then OFD): the status bar repeats them instead.
        seen = (report.id, tuple(lines))
        if fonts:
            lines.append(self.tr("本机缺少部分公文字体，已用相近字体代替（点“显示详情…”查看）。"))
        if lines:
            answered = getattr(self, "_answered", None)
            if answered is not None and answered[0] == seen and set(fonts) <= answered[1]:
                self.w.statusBar().showMessage(lines[0] + self.tr("（已确认）"), 8000)
                return data, result
            question = "\n\n".join(lines) + "\n\n" + self.tr("仍要%1吗？").replace("%1", verb)
            if not self.w.dialogs.confirm(self.w, verb, question, details=self._details(findings, fonts),
                                          yes=verb, no=self.tr("返回修改")):
                return None
            self._answered = (seen, set(fonts))
        return data, result

    def _details(self, findings, fonts: list[str], most: int = 60) -> str:
        """显示详情…: each place still to fix, as 检查 names it, then the fonts used in place of missing ones."""
        from models.checks import INFO

        places = [f.describe() for f in findings if f.severity != INFO]
        parts = []
        if places:
            more = len(places) - most
            parts.append("\n".join(places[:most]) + (self.tr("\n……另有 %1 处，见“检查”").replace("%1", str(more))
                                                    if more > 0 else ""))
        if fonts:
            parts.append("\n".join(fonts))
        return "\n\n".join(parts)

    def taoda(self) -> bool:
        """文件 > 套打 is checked: 导出PDF and 打印 leave out the red 版头 (the paper has it)."""
        act = self.w.menu_actions.get("taoda")
        return bool(act is not None and act.isChecked())

    def taoda_toggled(self) -> None:
        self.w.statusBar().showMessage(self.tr("套打：导出PDF和打印不含红色发文机关标志和分隔线，其余位置不变")
                                       if self.taoda() else self.tr("已取消套打：导出PDF和打印含红色版头"), 8000)

    def export_pdf(self) -> Path | None:
        return self.export_as(".pdf")

    def export_as(self, suffix: str) -> Path | None:
        """导出PDF/Word文档/OFD: check, ask where (default <title>.pdf in the last folder), write atomically,
        snapshot."""
        import importlib

        from export.backends.pdf import write_file
        from export.errors import ExportError

        verb, pattern, target_fn, kind = EXPORTS[suffix]
        module, _, func = target_fn.partition(":")
        rendered = self._render_checked(self.tr(verb), getattr(importlib.import_module(module), func))
        if rendered is None:
            return None
        data, result = rendered
        report = self.w.current_report()
        folder = start_folder(self.w.settings.value("export/folder"))  # else 文档, else home
        suggested = str(Path(folder) / default_pdf_name(report, suffix))
        path = self.w.dialogs.get_save_path(self.w, self.tr(verb), suggested, self.tr(pattern))
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        try:
            write_file(data, target, kind)
        except ExportError as e:
            self.w.dialogs.error(self.w, self.tr(verb), str(e))
            return None
        self.w.settings.setValue("export/folder", str(target.parent))
        self.snapshot(history.REASON_EXPORT)
        from html import escape

        from PySide6.QtCore import QUrl

        # A long title must not push 打开所在文件夹 off the status bar at 1366 px: shorten the middle.
        name = self.export_link.fontMetrics().elidedText(target.name, Qt.TextElideMode.ElideMiddle, 360)
        self.export_link.setToolTip(str(target))
        self.export_link.setText(
            self.tr("已导出 %1 页：%2").replace("%1", str(result.pages)).replace("%2", escape(name))
            + f'  <a href="{QUrl.fromLocalFile(str(target.parent)).toString()}">' + self.tr("打开所在文件夹") + "</a>"
        )
        self.export_link.show()
        self.notice.hide()  # one message at a time: what was imported is old news now
        return target

    def print_report(self) -> int:
        """打印: the layout itself as text and lines, at 100 % on A4, the system dialog's range and copies."""
        from ui.preview.printing import make_printer, print_layout

        rendered = self._render_checked(self.tr("打印"))
        if rendered is None:
            return 0
        _data, result = rendered
        report = self.w.current_report()
        # An official document (版头 or 版记) is laid out for both sides of the sheet, blank pages included.
        printer = make_printer(two_sided=report.letterhead is not None or report.record is not None)
        printer.setDocName(default_pdf_name(report)[:-4])  # the print queue and 打印到文件 name
        printer.setFromTo(1, result.pages)
        if not self.w.dialogs.print_setup(self.w, printer):
            return 0
        with WaitCursor():
            printed = print_layout(result.layout, printer)
        # Printing is silent otherwise: say that it happened, or that the printer could not be started.
        if printed:
            self.w.statusBar().showMessage(self.tr("已发送 %1 页到打印机 %2").replace("%1", str(printed))
                                           .replace("%2", printer.printerName() or printer.outputFileName()), 8000)
        else:
            self.w.dialogs.error(self.w, self.tr("打印"), self.tr("无法开始打印，请检查打印机是否已连接并开机。"))
        return printed

