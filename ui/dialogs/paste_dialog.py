"""粘贴导入: paste a report's text (from Word, WPS, a web page) and get a structured report."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from models.exchange import ExchangeError
from models.importers.limits import check_text_size
from models.importers.structure import parse_text


class PasteImportDialog(QDialog):
    """A plain-text box (rich text from Word is reduced to text) with a live summary of what was recognised."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("粘贴导入"))
        self.resize(720, 560)
        self.report = None
        self.edit = QPlainTextEdit()
        self.edit.setPlaceholderText(
            self.tr("把报告全文粘贴到这里（Ctrl+V）。\n一、二、三、开头的行识别为部分标题，一是、二是……识别为条目。")
        )
        self.summary = QLabel(self.tr("尚未粘贴内容"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导入为新报告"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self._parse)
        self.edit.textChanged.connect(self._timer.start)
        self._parse()

    def _parse(self) -> None:
        text = self.edit.toPlainText()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if not text.strip():
            self.report = None
            self.summary.setText(self.tr("尚未粘贴内容"))
            ok.setEnabled(False)
            return
        try:
            check_text_size(text)  # the same caps as a file import
            self.report, info = parse_text(text)
        except ExchangeError as e:
            self.report = None
            self.summary.setText(str(e))
            ok.setEnabled(False)
            return
        self.summary.setText(str(info))
        ok.setEnabled(True)

    def accept(self) -> None:
        self._parse()
        if self.report is not None:
            super().accept()
