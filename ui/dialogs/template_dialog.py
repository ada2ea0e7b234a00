"""新建: choose the kind of report; each template shows its name and what it contains."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.report_list import DETAIL_ROLE, TwoLineDelegate


class TemplateDialog(QDialog):
    """A list of templates; Enter or double-click takes the highlighted one."""

    def __init__(self, templates: list, parent: QWidget | None = None):
        super().__init__(parent)
        self.templates = templates
        self.setWindowTitle(self.tr("新建报告"))
        self.resize(520, 420)
        self.list = QListWidget(self)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        for t in templates:
            it = QListWidgetItem(t.name)
            it.setData(DETAIL_ROLE, t.description)
            it.setToolTip(t.description)
            self.list.addItem(it)
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
        lay.addWidget(buttons)

    def chosen(self):
        row = self.list.currentRow()
        return self.templates[row] if 0 <= row < len(self.templates) else None
