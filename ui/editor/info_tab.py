"""The 基本信息 tab: title, 主送/称谓, signature, date, opening and closing paragraphs, page limit, 公文格式 switch."""

from __future__ import annotations

import datetime as _dt
from itertools import pairwise

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.report import Report, format_date
from ui.fit import FitScrollArea, wrapping_form
from ui.widgets import GrowingTextEdit, OneLineEdit


class InfoTab(FitScrollArea):
    """Edits the report's own fields in place."""

    edited = Signal()
    titleChanged = Signal(str)
    frameSwitched = Signal(bool)  # the 公文格式 switch, ticked or unticked by the author

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.report: Report | None = None
        self._loading = False
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        page = QWidget(self)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(16, 12, 16, 16)
        form = wrapping_form(QFormLayout())
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.title = GrowingTextEdit(page, min_lines=1)
        self.title.setPlaceholderText(self.tr("报告标题；按回车可强制换行"))
        self.title.setToolTip(self.tr("回车处即标题的换行处"))
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        title_font.setBold(True)
        self.title.setFont(title_font)
        title_hint = QLabel(self.tr("标题较长时，可在想断行的地方按回车；不按则自动排成两行。"), page)
        title_hint.setStyleSheet("color: #888;")
        title_hint.setWordWrap(True)
        title_box = QVBoxLayout()
        title_box.setSpacing(2)
        title_box.addWidget(self.title)
        title_box.addWidget(title_hint)
        self.recipient = OneLineEdit("", page)
        self.recipient.setPlaceholderText(self.tr("主送机关或称谓，如：中共XX区委；各位领导、同志们（可不填）"))
        self.recipient.setToolTip(self.tr("印在标题下空一行、顶格；末尾的冒号由程序加上，不必输入"))
        recipient_hint = QLabel(self.tr("印在标题下空一行、顶格；末尾的冒号由程序加上，不必输入。"), page)
        recipient_hint.setStyleSheet("color: #888;")
        recipient_hint.setWordWrap(True)
        recipient_box = QVBoxLayout()
        recipient_box.setSpacing(2)
        recipient_box.addWidget(self.recipient)
        recipient_box.addWidget(recipient_hint)
        self.signature = QLineEdit(page)
        self.signature.setPlaceholderText(self.tr("署名单位或个人"))
        self.has_date = QCheckBox(self.tr("写在落款处"), page)
        self.date = QDateEdit(page)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy年M月d日")  # as it is printed
        self.date.setDate(QDate.currentDate())
        self.date_text = QLabel(page)
        self.date_text.setStyleSheet("color: #555;")
        date_row = QHBoxLayout()
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.date)
        date_row.addStretch(1)
        date_box = QVBoxLayout()  # what is printed goes under the date: beside it the form was too wide at 1024 px
        date_box.setSpacing(2)
        date_box.addLayout(date_row)
        date_box.addWidget(self.date_text)
        self.preamble = GrowingTextEdit(page, min_lines=3)
        self.preamble.setPlaceholderText(self.tr("如：按照要求，现就有关情况报告如下："))
        self.closing = GrowingTextEdit(page, min_lines=2)
        self.closing.setPlaceholderText(self.tr("可选，如：以上报告，请予审议。"))
        self.page_limit = QSpinBox(page)
        self.page_limit.setRange(0, 999)
        self.page_limit.setSpecialValueText(self.tr("不限"))
        self.page_limit.setPrefix(self.tr("不超过 "))
        self.page_limit.setSuffix(self.tr(" 页"))
        self.page_limit.setToolTip(self.tr("检查时提醒超出的页数；0 为不限"))
        limit_row = QHBoxLayout()
        limit_row.addWidget(self.page_limit)
        limit_row.addStretch(1)
        self.frame_switch = QCheckBox(self.tr("使用版头、印章、附件和版记"), page)
        self.frame_switch.setToolTip(self.tr("单位报送上级的公文需要；个人的述职述廉报告、对照检查材料一般不用"))

        form.addRow(self.tr("标题"), title_box)
        form.addRow(self.tr("主送/称谓"), recipient_box)
        form.addRow(self.tr("开头语"), self.preamble)
        form.addRow(self.tr("结束语"), self.closing)
        form.addRow(self.tr("署名"), self.signature)
        form.addRow(self.tr("成文日期"), date_box)
        form.addRow(self.tr("页数限制"), limit_row)
        form.addRow(self.tr("公文格式"), self.frame_switch)
        outer.addLayout(form)
        outer.addStretch(1)
        self.setWidget(page)
        # Tab walks the fields in the order they are shown (creation order skipped 开头语 and 结束语).
        chain = (self.title, self.recipient, self.preamble, self.closing, self.signature, self.has_date, self.date,
                 self.page_limit, self.frame_switch)
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)

        self.title.textChanged.connect(self._title_changed)
        self.preamble.textChanged.connect(lambda: self._set("preamble", self.preamble.toPlainText()))
        self.closing.textChanged.connect(lambda: self._set("closing", self.closing.toPlainText()))
        self.recipient.textChanged.connect(lambda t: self._set("recipient", t))
        self.signature.textChanged.connect(lambda t: self._set("signature", t))
        self.has_date.toggled.connect(self._date_changed)
        self.date.dateChanged.connect(self._date_changed)
        self.page_limit.valueChanged.connect(lambda v: self._set("page_limit", v or None))
        self.frame_switch.toggled.connect(lambda on: None if self._loading else self.frameSwitched.emit(on))

    def set_readonly(self, readonly: bool) -> None:
        for w in (self.title, self.recipient, self.preamble, self.closing, self.signature):
            w.setReadOnly(readonly)
        for w in (self.has_date, self.date, self.page_limit):
            w.setEnabled(not readonly)

    def set_report(self, report: Report) -> None:
        """Show ``report``; fields already showing the right text keep their cursor."""
        self._loading = True
        another = report is not self.report
        self.report = report
        for box, text in ((self.title, report.title), (self.preamble, report.preamble),
                          (self.closing, report.closing)):
            if box.toPlainText() != text:
                box.setPlainText(text)
        for line, text in ((self.recipient, report.recipient), (self.signature, report.signature)):
            if line.text() != text:
                line.setText(text)
        self.has_date.setChecked(report.date is not None)
        if report.date is not None:
            self.date.setDate(QDate(report.date.year, report.date.month, report.date.day))
        elif another:  # ticking 写在落款处 then dates it today, not with the report shown before
            self.date.setDate(QDate.currentDate())
        self.date.setEnabled(report.date is not None and self.has_date.isEnabled())
        self.page_limit.setValue(report.page_limit or 0)
        self._show_date()
        self._loading = False

    def _set(self, name: str, value) -> None:
        if self._loading or self.report is None:
            return
        setattr(self.report, name, value)
        self.edited.emit()

    def _title_changed(self) -> None:
        text = self.title.toPlainText()
        self._set("title", text)
        if not self._loading:
            self.titleChanged.emit(text)

    def _date_changed(self, *_args) -> None:
        self.date.setEnabled(self.has_date.isChecked() and self.has_date.isEnabled())
        if not self._loading and self.report is not None:
            d = self.date.date()
            self.report.date = _dt.date(d.year(), d.month(), d.day()) if self.has_date.isChecked() else None
            self.edited.emit()
        self._show_date()

    def _show_date(self) -> None:
        if self.has_date.isChecked():
            d = self.date.date()
            self.date_text.setText(self.tr("打印为 ") + format_date(_dt.date(d.year(), d.month(), d.day())))
        else:
            self.date_text.setText(self.tr("（不写日期）"))

    def field_widget(self, name: str):
        return {
            "title": self.title, "recipient": self.recipient, "preamble": self.preamble, "closing": self.closing,
            "signature": self.signature, "date": self.date,
        }.get(name)

    def show_frame_switch(self, on: bool, can_change: bool, why: str) -> None:
        """The 公文格式 switch as the editor decided it: on, and whether the author may turn it off or on."""
        was_loading, self._loading = self._loading, True
        self.frame_switch.setChecked(on)
        self.frame_switch.setEnabled(can_change)
        self.frame_switch.setToolTip(why)
        self._loading = was_loading
