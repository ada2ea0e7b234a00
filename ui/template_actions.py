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
        taken = {t.name for t in self.all()}  # 新建 lists them together: one name, one template
        suggested = self.w.kind_names.get(report.kind, "") or report.title.replace("\n", "")
        suggested = _free_name(suggested, taken)
        prompt = self.tr("模板名称（新建报告时在列表中显示）：\n"
                         "模板保留各部分标题、编号方式、开头语、结束语、署名和公文格式，不含条目正文。")
        for _ask in range(20):  # asked again while the name is taken; 取消 ends it
            name = self.w.dialogs.ask_text(self.w, self.tr("另存为模板"), prompt, suggested)
            if not name or not name.strip():
                return None
            name = name.strip()
            if name not in taken:
                break
            suggested = _free_name(name, taken)
            prompt = self.tr("已有名为“%1”的模板，请换一个名称：").replace("%1", name)
        else:
            return None
        try:
            tid = self.w.store.add_user_template(name, template_data(report))
        except StoreError as e:
            self.w.dialogs.error(self.w, self.tr("另存为模板"), str(e))
            return None
        self.w.statusBar().showMessage(
            self.tr("已保存模板“%1”，新建报告时可以选用").replace("%1", name), 8000)
        return tid


def _free_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name（我的）``, ``name（我的2）``… the first not already a template's."""
    if name not in taken:
        return name
    base = name.removesuffix("（我的）")
    for n in range(1, 100):
        candidate = f"{base}（我的{n if n > 1 else ''}）"
        if candidate not in taken:
            return candidate
    return name
