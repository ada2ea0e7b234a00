"""复制为新报告 asks once: move the year on? turn last year's plans into this year's drafts? or cancel."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from models.report import Report
from ui.dialogs.carry_forward import done_section, plan_count, plan_section, years_in


@dataclass(frozen=True)
class CarryOptions:
    move_year: bool
    use_plans: bool


class CarryForwardDialog(QDialog):
    """Two choices and 复制/取消; Esc and the close button make no copy."""

    def __init__(self, old: Report, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("复制为新报告"))
        lay = QVBoxLayout(self)
        title = old.title.replace("\n", "") or self.tr("（无标题）")
        intro = QLabel(self.tr("以“%1”为底稿新建一份报告。复制过来的内容在“检查”中标为“沿用”，改过之后标记消失。")
                       .replace("%1", title), self)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        years = years_in(old)
        self.move_year = QCheckBox(self)
        if years:
            moved = "、".join(f"{y}年→{int(y) + 1}年" for y in years)
            self.move_year.setText(self.tr("标题、开头语、附件和发文字号中的年份后移一年（%1）").replace("%1", moved))
            self.move_year.setChecked(True)
        self.move_year.setVisible(bool(years))
        lay.addWidget(self.move_year)
        self.use_plans = QCheckBox(self)
        n = plan_count(old)
        if n:
            src, dst = plan_section(old), done_section(old)
            self.use_plans.setText(
                self.tr("把“%1”中的 %2 条内容作为“%3”的草稿（替换其中原有条目）")
                .replace("%1", src.heading).replace("%2", str(n)).replace("%3", dst.heading))
        self.use_plans.setVisible(bool(n))
        lay.addWidget(self.use_plans)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("复制"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(460)

    def options(self) -> CarryOptions:
        return CarryOptions(not self.move_year.isHidden() and self.move_year.isChecked(),
                            not self.use_plans.isHidden() and self.use_plans.isChecked())


def ask_carry_forward(parent: QWidget | None, old: Report) -> CarryOptions | None:
    dlg = CarryForwardDialog(old, parent)
    return dlg.options() if dlg.exec() == QDialog.DialogCode.Accepted else None
