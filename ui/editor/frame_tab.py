"""The 公文格式 tab: 版头, 印章, 附件 and 版记 of a unit's report sent up as an official document (GB/T 9704).

Shown for unit kinds (templates with "unit": true) and for any report that already has a frame; a personal
report shows it when its author ticks 公文格式 in 基本信息. Fields edit the Report in place like 基本信息;
the lists, and turning the 版头 or 版记 on and off, are undo commands (ui/editor/frame_commands.py).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.report import Attachment, Letterhead, Record, Report, format_date
from ui.editor import frame_commands as fc
from ui.editor.frame_lists import AttachmentList, SignerList
from ui.editor.frame_nav import FrameNavigation
from ui.fit import FitScrollArea, wrapping_form
from ui.widgets import OneLineEdit

SECRECY_CHOICES = ("", "秘密", "机密", "绝密")
URGENCY_CHOICES = ("", "加急", "特急")


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #777;")
    return label


def _form() -> QFormLayout:
    form = wrapping_form(QFormLayout())
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setHorizontalSpacing(10)
    form.setVerticalSpacing(8)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


class FrameTab(FrameNavigation, FitScrollArea):
    """Edits report.letterhead, seal, attachments and record in place."""

    edited = Signal()

    def __init__(self, editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.report: Report | None = None
        self._loading = False
        self._kept: dict[str, object] = {}  # the 版头 / 版记 last shown, brought back when ticked again
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        page = QWidget(self)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(16, 12, 16, 16)
        outer.setSpacing(12)
        outer.addWidget(self._letterhead_box(page))
        outer.addWidget(self._seal_box(page))
        outer.addWidget(self._attachment_box(page))
        outer.addWidget(self._record_box(page))
        outer.addStretch(1)
        self.setWidget(page)
        # 版头 and 版记 are two forms: their label columns as wide as each other, so the fields line up.
        labels = [f.labelForField(f.itemAt(i, QFormLayout.ItemRole.FieldRole).widget()
                                  or f.itemAt(i, QFormLayout.ItemRole.FieldRole).layout())
                  for f in page.findChildren(QFormLayout) for i in range(f.rowCount())
                  if f.itemAt(i, QFormLayout.ItemRole.FieldRole) is not None]
        labels = [lab for lab in labels if lab is not None]
        widest = max((lab.sizeHint().width() for lab in labels), default=0)
        for lab in labels:
            lab.setMinimumWidth(widest)
            lab.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for w in self.text_widgets():
            editor.watch_text(w)
        self.attachment_list.cardMade.connect(lambda c: (editor.watch_text(c.title), editor.watch_text(c.body)))
        self.signer_list.rowMade.connect(lambda row: editor.watch_text(row.name))

    # -- building ------------------------------------------------------------------

    def _letterhead_box(self, page: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("版头"), page)
        box.setCheckable(True)
        box.setToolTip(self.tr("勾选后首页印版头和红色分隔线；不勾选则从标题开始印"))
        self.letterhead_box = box
        form = _form()
        self.mark = OneLineEdit("", box)
        self.mark.setPlaceholderText(self.tr("如：中共XX区XX局党组文件（红色居中印出）"))
        self.number = OneLineEdit("", box)
        self.number.setPlaceholderText(self.tr("如：XX党组〔2026〕12号"))
        self.number.setToolTip(self.tr("年份用六角括号〔〕，序号不加“第”、不编虚位（不写 05号）"))
        self.bracket = QToolButton(box)
        self.bracket.setText("〔〕")
        self.bracket.setToolTip(self.tr("在光标处插入六角括号和今年的年份，如〔2026〕；已写了年份时，把它的括号改为六角括号"))
        self.bracket.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.bracket.clicked.connect(self._insert_year)
        number_row = QHBoxLayout()
        number_row.setSpacing(4)
        number_row.addWidget(self.number, 1)
        number_row.addWidget(self.bracket)
        self.signer_list = SignerList(box)
        self.copy_no = OneLineEdit("", box)
        self.copy_no.setPlaceholderText(self.tr("6位数字"))
        self.copy_no.setMaximumWidth(self.copy_no.fontMetrics().horizontalAdvance("0000000000") + 16)
        self.secrecy = self._combo(box, SECRECY_CHOICES, self.tr("如：机密★1年"), 9)
        self.urgency = self._combo(box, URGENCY_CHOICES, "", 4)
        self.secrecy.setToolTip(self.tr("密级和保密期限，如：机密★1年；不涉密时留空"))
        self.urgency.setToolTip(self.tr("紧急程度：特急或加急；不紧急时留空"))
        extra = QHBoxLayout()
        extra.setSpacing(6)
        extra.addWidget(self.secrecy)
        extra.addSpacing(10)
        extra.addWidget(QLabel(self.tr("紧急程度"), box))
        extra.addWidget(self.urgency)
        extra.addStretch(1)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_no)
        copy_row.addStretch(1)
        form.addRow(self.tr("发文机关标志"), self.mark)
        form.addRow(self.tr("发文字号"), number_row)
        form.addRow(self.tr("签发人"), self.signer_list)
        form.addRow(self.tr("份号"), copy_row)
        form.addRow(self.tr("密级"), extra)
        lay = QVBoxLayout(box)
        lay.addLayout(form)
        lay.addWidget(_hint(self.tr("份号、密级、紧急程度不需要时留空。"), box))
        self.mark.textChanged.connect(lambda t: self._set_letterhead("mark", t))
        self.number.textChanged.connect(lambda t: self._set_letterhead("number", t))
        self.copy_no.textChanged.connect(lambda t: self._set_letterhead("copy_no", t))
        self.secrecy.editTextChanged.connect(lambda t: self._set_letterhead("secrecy", t))
        self.urgency.editTextChanged.connect(lambda t: self._set_letterhead("urgency", t))
        self.signer_list.edited.connect(self._changed)
        sl = self.signer_list
        sl.add.connect(lambda i: self._signers_command(fc.InsertInList, self.tr("添加签发人"), i, ""))
        sl.remove.connect(lambda i: self._signers_command(fc.RemoveFromList, self.tr("删除签发人"), i))
        sl.move.connect(lambda a, b: self._signers_command(fc.MoveInList, self.tr("移动签发人"), a, b))
        box.toggled.connect(lambda on: self._toggle("letterhead", on))
        return box

    def _combo(self, parent: QWidget, choices: tuple[str, ...], placeholder: str, chars: int) -> QComboBox:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.addItems(list(choices))
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.lineEdit().setPlaceholderText(placeholder or self.tr("无"))
        combo.setMinimumContentsLength(chars)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _seal_box(self, page: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("落款"), page)
        self.seal = QCheckBox(self.tr("加盖印章：成文日期和署名按印章位置排"), box)
        self.seal.setToolTip(self.tr("成文日期右空四字，署名在日期上方居中，留出盖章的位置"))
        lay = QVBoxLayout(box)
        lay.addWidget(self.seal)
        lay.addWidget(_hint(self.tr("署名和成文日期在“基本信息”中填写。"), box))
        self.seal.toggled.connect(self._seal_changed)
        return box

    def _attachment_box(self, page: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("附件"), page)
        self.attachment_list = AttachmentList(box)
        lay = QVBoxLayout(box)
        lay.addWidget(_hint(self.tr("每个附件从新的一页开始，首行印“附件1”；正文后的附件说明按附件标题自动生成，"
                                    "标题后不加标点。"), box))
        lay.addWidget(self.attachment_list)
        al = self.attachment_list
        al.edited.connect(self._changed)
        al.add.connect(lambda i: self._attachments_command(fc.InsertInList, self.tr("添加附件"), i, Attachment()))
        al.remove.connect(lambda i: self._attachments_command(fc.RemoveFromList, self.tr("删除附件"), i))
        al.move.connect(lambda a, b: self._attachments_command(fc.MoveInList, self.tr("移动附件"), a, b))
        return box

    def _record_box(self, page: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("版记"), page)
        box.setCheckable(True)
        box.setToolTip(self.tr("勾选后在最后一页（偶数页）底部印版记"))
        self.record_box = box
        form = _form()
        self.cc = OneLineEdit("", box)
        self.cc.setPlaceholderText(self.tr("如：区纪委监委，区委组织部。（机关间用逗号，最后用句号）"))
        self.issuer = OneLineEdit("", box)
        self.issuer.setPlaceholderText(self.tr("如：XX区XX局办公室"))
        self.has_issue_date = QCheckBox(self.tr("写在版记"), box)
        self.issue_date = QDateEdit(box)
        self.issue_date.setCalendarPopup(True)
        self.issue_date.setDisplayFormat("yyyy年M月d日")  # as it is printed
        self.issue_date.setDate(QDate.currentDate())
        self.issue_date_text = QLabel(box)
        self.issue_date_text.setStyleSheet("color: #555;")
        date_row = QHBoxLayout()
        date_row.addWidget(self.has_issue_date)
        date_row.addWidget(self.issue_date)
        date_row.addStretch(1)
        date_box = QVBoxLayout()  # what is printed goes under the date, as in 基本信息
        date_box.setSpacing(2)
        date_box.addLayout(date_row)
        date_box.addWidget(self.issue_date_text)
        form.addRow(self.tr("抄送"), self.cc)
        form.addRow(self.tr("印发机关"), self.issuer)
        form.addRow(self.tr("印发日期"), date_box)
        lay = QVBoxLayout(box)
        lay.addLayout(form)
        self.cc.textChanged.connect(lambda t: self._set_record("cc", t))
        self.issuer.textChanged.connect(lambda t: self._set_record("issuer", t))
        self.has_issue_date.toggled.connect(self._issue_date_changed)
        self.issue_date.dateChanged.connect(self._issue_date_changed)
        box.toggled.connect(lambda on: self._toggle("record", on))
        return box

    def text_widgets(self) -> list:
        return [self.mark, self.number, self.copy_no, self.secrecy.lineEdit(), self.urgency.lineEdit(),
                self.cc, self.issuer]

    def first_field(self) -> QWidget:
        return self.mark if self.letterhead_box.isChecked() else self.seal

    # -- loading ---------------------------------------------------------------------

    def set_report(self, report: Report | None) -> None:
        """Show ``report``'s frame; fields already showing the right text keep their cursor."""
        if report is not self.report:
            self._kept.clear()
        self.report = report
        if report is None:
            return
        self._loading = True
        try:
            lh = report.letterhead or self._kept.get("letterhead") or Letterhead()
            if report.letterhead is not None:
                self._kept["letterhead"] = report.letterhead
            self.letterhead_box.setChecked(report.letterhead is not None)
            for w, text in ((self.mark, lh.mark), (self.number, lh.number), (self.copy_no, lh.copy_no)):
                if w.text() != text:
                    w.setText(text)
            for combo, text in ((self.secrecy, lh.secrecy), (self.urgency, lh.urgency)):
                if combo.currentText() != text:
                    combo.setEditText(text)
            self.signer_list.set_signers(lh.signers)
            self.seal.setChecked(report.seal)
            self.attachment_list.set_attachments(report.attachments)
            rec = report.record or self._kept.get("record") or Record()
            if report.record is not None:
                self._kept["record"] = report.record
            self.record_box.setChecked(report.record is not None)
            for w, text in ((self.cc, rec.cc), (self.issuer, rec.issuer)):
                if w.text() != text:
                    w.setText(text)
            self.has_issue_date.setChecked(rec.date is not None)
            if rec.date is not None:
                self.issue_date.setDate(QDate(rec.date.year, rec.date.month, rec.date.day))
            self._show_issue_date()
        finally:
            self._loading = False

    def set_readonly(self, readonly: bool) -> None:
        for w in self.text_widgets():
            w.setReadOnly(readonly)
        for w in (self.seal, self.has_issue_date, self.issue_date, self.secrecy, self.urgency, self.bracket):
            w.setEnabled(not readonly)
        self.signer_list.set_readonly(readonly)
        self.attachment_list.set_readonly(readonly)

    # -- edits -----------------------------------------------------------------------

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _set_letterhead(self, name: str, value: str) -> None:
        if self._loading or self.report is None or self.report.letterhead is None:
            return
        setattr(self.report.letterhead, name, value)
        self.edited.emit()

    def _set_record(self, name: str, value) -> None:
        if self._loading or self.report is None or self.report.record is None:
            return
        setattr(self.report.record, name, value)
        self.edited.emit()

    def _seal_changed(self, on: bool) -> None:
        if not self._loading and self.report is not None:
            self.report.seal = on
            self.edited.emit()

    def _issue_date_changed(self, *_args) -> None:
        self.issue_date.setEnabled(self.has_issue_date.isChecked())
        if not self._loading:
            d = self.issue_date.date()
            self._set_record("date", _dt.date(d.year(), d.month(), d.day()) if self.has_issue_date.isChecked() else None)
        self._show_issue_date()

    def _show_issue_date(self) -> None:
        if self.has_issue_date.isChecked():
            d = self.issue_date.date()
            self.issue_date_text.setText(self.tr("打印为 ") + format_date(_dt.date(d.year(), d.month(), d.day()))
                                         + self.tr("印发"))
        else:
            self.issue_date_text.setText(self.tr("（不写日期）"))
        self.issue_date.setEnabled(self.has_issue_date.isChecked() and self.record_box.isChecked())

    def _insert_year(self) -> None:
        if self.number.isReadOnly() or not self.letterhead_box.isChecked():
            return
        from models.frame_checks import year_in_number  # the checks' module: ~20 ms, not at start-up

        self.number.setFocus(Qt.FocusReason.OtherFocusReason)
        found = year_in_number(self.number.text())
        if found is None:
            self.number.insert(f"〔{_dt.date.today().year}〕")
            return
        start, end, right = found  # a year is there already ([2026], （2026）): its brackets are put right
        self.number.setSelection(start, end - start)
        if self.number.selectedText() != right:
            self.number.insert(right)  # replaces the selection: one Ctrl+Z brings the old one back
        self.number.setCursorPosition(start + len(right))

    def _toggle(self, attr: str, on: bool) -> None:
        """Ticking the 版头 or 版记 box: an undo command, so unticking by mistake loses nothing."""
        if self._loading or self.report is None:
            return
        if self.editor.readonly:  # view only: the box goes back as the report has it
            self.set_report(self.report)
            return
        if on:
            kept = self._kept.get(attr)
            value = kept if kept is not None else (Letterhead() if attr == "letterhead" else Record())
            if attr == "letterhead" and kept is None:
                value = dataclasses.replace(value, signers=[""])
            text = self.tr("使用版头") if attr == "letterhead" else self.tr("使用版记")
        else:
            value, text = None, (self.tr("不用版头") if attr == "letterhead" else self.tr("不用版记"))
        self.editor.push(fc.SetPart(self.editor, text, attr, value))

    def _signers_command(self, command, text: str, *args) -> None:
        lh = self.report.letterhead if self.report is not None else None
        if lh is not None:
            self.editor.push(command(self.editor, text, lh.signers, "letterhead.signers", *args))

    def _attachments_command(self, command, text: str, *args) -> None:
        if self.report is not None:
            self.editor.push(command(self.editor, text, self.report.attachments, "attachments", *args))
