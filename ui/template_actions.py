"""另存为模板 and the template list of 新建: built-in templates plus the user's own from the database."""

from __future__ import annotations

from PySide6.QtCore import QObject

from models.store import StoreError
from models.templates import load_templates
from models.user_templates import template_data, user_template


class TemplateActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.w = window

    def all(self) -> list:
        """Built-in templates first, then the user's own (新建 lists them together)."""
        try:
            own = [user_template(*row) for row in self.w.store.user_templates()]
        except StoreError:
            own = []
        return load_templates() + own

    def save_as(self) -> int | None:
        """文件 > 另存为模板…: the open report's structure, headings, fixed sentences and frame."""
        report = self.w.current_report()
        if report is None or self.w.readonly or not self.w.autosave.flush():
            return None
        suggested = self.w.kind_names.get(report.kind, "") or report.title.replace("\n", "")
        name = self.w.dialogs.ask_text(
            self.w, self.tr("另存为模板"),
            self.tr("模板名称（新建报告时在列表中显示）：\n模板保留各部分标题、编号方式、开头语、结束语、署名和公文格式，不含条目正文。"),
            suggested)
        if not name or not name.strip():
            return None
        try:
            tid = self.w.store.add_user_template(name.strip(), template_data(report))
        except StoreError as e:
            self.w.dialogs.error(self.w, self.tr("另存为模板"), str(e))
            return None
        self.w.statusBar().showMessage(
            self.tr("已保存模板“%1”，新建报告时可以选用").replace("%1", name.strip()), 8000)
        return tid
