"""新建: choose the kind of report; each template shows its name and what it contains."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.report_list import DETAIL_ROLE, TwoLineDelegate


class TemplateDialog(QDialog):
    """A list of templates; Enter or double-click takes the highlighted one."""

    def __init__(self, templates: list, parent: QWidget | None = None, *, store=None, dialogs=None):
        super().__init__(parent)
        self.templates = list(templates)
        self.store = store
        self.dialogs = dialogs
        self.setWindowTitle(self.tr("新建报告"))
        self.resize(560, 440)
        self.list = QListWidget(self)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self._fill()
        # The common case first: the first real template, not the blank one.
        self.list.setCurrentRow(1 if len(templates) > 1 and templates[0].kind == "blank" else 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("新建"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        lay = QVBoxLayout(self)
        label = QLabel(self.tr("选择报告类型："), self)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        lay.addWidget(label)
        lay.addWidget(self.list, 1)
        if store is not None and dialogs is not None and not getattr(store, "readonly", False):
            lay.addLayout(self._manage_row())
        lay.addWidget(buttons)
        self._fit_width()

    def _fit_width(self) -> None:
        """Wide enough for the longest description (they were cut off at 560 px), within the screen."""
        metrics = self.list.fontMetrics()
        longest = max((metrics.horizontalAdvance(t.description or "") for t in self.templates), default=0)
        screen = self.screen()
        cap = int(screen.availableGeometry().width() * 0.9) if screen is not None else 900
        self.resize(max(self.width(), min(longest + 80, cap)), self.height())

    def _fill(self, select: int | None = None) -> None:
        self.list.clear()
        for t in self.templates:
            it = QListWidgetItem(t.name)
            it.setData(DETAIL_ROLE, t.description)
            it.setToolTip(t.description)
            self.list.addItem(it)
        if select is not None:
            self.list.setCurrentRow(select)

    # -- the user's own templates ------------------------------------------------------

    def _manage_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.rename_button = QPushButton(self.tr("重命名…"), self)
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.export_button = QPushButton(self.tr("导出…"), self)
        self.import_button = QPushButton(self.tr("导入模板…"), self)
        for b, slot in ((self.rename_button, self.rename), (self.delete_button, self.delete),
                        (self.export_button, self.export), (self.import_button, self.import_file)):
            b.setAutoDefault(False)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        hint = QLabel(self.tr("“另存为模板”保存的模板可在此管理"), self)
        hint.setStyleSheet("color: #888;")
        row.addWidget(hint)
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self._update_buttons()
        return row

    def _own(self) -> tuple[int, object] | None:
        """(database id, template) of the highlighted user template, or None for a built-in one."""
        from models.user_templates import USER_KIND_PREFIX

        t = self.chosen()
        if t is None or not t.kind.startswith(USER_KIND_PREFIX):
            return None
        return int(t.kind[len(USER_KIND_PREFIX):]), t

    def _update_buttons(self) -> None:
        own = self._own() is not None
        for b in (self.rename_button, self.delete_button, self.export_button):
            b.setEnabled(own)

    def _reload(self, select_id: int | None = None) -> None:
        from models.templates import load_templates
        from models.user_templates import USER_KIND_PREFIX, user_template

        self.templates = load_templates() + [user_template(*row) for row in self.store.user_templates()]
        row = next((k for k, t in enumerate(self.templates) if t.kind == f"{USER_KIND_PREFIX}{select_id}"), 0)
        self._fill(row)
        self._update_buttons()

    def rename(self) -> None:
        own = self._own()
        if own is None:
            return
        tid, t = own
        name = self.dialogs.ask_text(self, self.tr("重命名模板"), self.tr("新的模板名称："), t.name)
        if name and name.strip():
            self._guarded(lambda: self.store.rename_user_template(tid, name.strip()), tid)

    def delete(self) -> None:
        own = self._own()
        if own is None:
            return
        tid, t = own
        if self.dialogs.confirm(self, self.tr("删除模板"), self.tr("删除模板“%1”？用它建立的报告不受影响。")
                                .replace("%1", t.name), yes=self.tr("删除"), no=self.tr("取消"), risky=True):
            self._guarded(lambda: self.store.delete_user_template(tid), None)

    def export(self) -> None:
        from models.exchange import ExchangeError
        from models.user_templates import dump_template
        from ui.dialogs.base import start_folder

        own = self._own()
        if own is None:
            return
        _tid, t = own
        path = self.dialogs.get_save_path(self, self.tr("导出模板"), f"{start_folder()}/{t.name}.tianbao-template.json",
                                          self.tr("天报模板 (*.json)"))
        if path:
            try:
                dump_template(t.name, t.data, path)
            except (ExchangeError, OSError) as e:
                self.dialogs.error(self, self.tr("导出模板"), str(e))

    def import_file(self) -> None:
        from models.exchange import ExchangeError
        from models.user_templates import load_template_file

        path = self.dialogs.get_open_path(self, self.tr("导入模板"), self.tr("天报模板 (*.json);;所有文件 (*)"))
        if not path:
            return
        try:
            name, data = load_template_file(path)
        except ExchangeError as e:
            self.dialogs.error(self, self.tr("导入模板"), str(e))
            return
        holder: list[int] = []
        self._guarded(lambda: holder.append(self.store.add_user_template(name, data)), None)
        if holder:
            self._reload(holder[0])

    def _guarded(self, change, select_id: int | None) -> None:
        from models.store import StoreError

        try:
            change()
        except StoreError as e:
            self.dialogs.error(self, self.tr("模板"), str(e))
            return
        self._reload(select_id)

    def chosen(self):
        row = self.list.currentRow()
        return self.templates[row] if 0 <= row < len(self.templates) else None
