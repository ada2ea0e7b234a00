"""Every question the window asks the user goes through one object, so tests can answer instead."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Dialogs:
    """Real dialogs; tests replace ``MainWindow.dialogs`` with an object that has the same methods."""

    def choose_template(self, parent: QWidget, templates: list):
        """The template the user picked for a new report, or None."""
        from ui.dialogs.template_dialog import TemplateDialog

        dlg = TemplateDialog(templates, parent)
        return dlg.chosen() if dlg.exec() else None

    def choose(self, parent: QWidget | None, title: str, text: str, choices: list[tuple[str, str]]) -> str:
        """One button per (key, label); returns the key (the last choice when the box is closed)."""
        from ui.dialogs.open_errors import ask_choice

        return ask_choice(parent, title, text, choices)

    def confirm(self, parent: QWidget, title: str, text: str, details: str = "", yes: str = "", no: str = "",
                risky: bool = False) -> bool:
        """A yes/no question; ``details`` folds away behind a button, ``yes``/``no`` name what the buttons do.

        ``risky``: answering yes loses something, so Enter means no.
        """
        box = QMessageBox(QMessageBox.Icon.Warning if risky else QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        box.setDefaultButton(QMessageBox.StandardButton.No if risky else QMessageBox.StandardButton.Yes)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        if yes:
            box.button(QMessageBox.StandardButton.Yes).setText(yes)
        if no:
            box.button(QMessageBox.StandardButton.No).setText(no)
        if details:
            box.setDetailedText(details)
        return box.exec() == QMessageBox.StandardButton.Yes

    def get_save_path(self, parent: QWidget, title: str, suggested: str, filters: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None

    def get_open_path(self, parent: QWidget, title: str, filters: str) -> str | None:
        """Starts where the last file came from, else in 文档 (not the program's own folder)."""
        from ui.settings import make_settings

        settings = make_settings()
        folder = settings.value("import/folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getOpenFileName(parent, title, str(folder or ""), filters)
        if path:
            settings.setValue("import/folder", str(Path(path).parent))
        return path or None

    def ask_text(self, parent: QWidget, title: str, label: str, text: str = "") -> str | None:
        """One line of text from the user; None when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        value, ok = QInputDialog.getText(parent, title, label, text=text)
        return value if ok else None

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def print_setup(self, parent: QWidget, printer) -> bool:
        """The system print dialog for ``printer``; True to print."""
        from PySide6.QtPrintSupport import QPrintDialog

        return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted

    def paste_text(self, parent: QWidget):
        """粘贴导入: the report parsed from pasted text, or None."""
        from ui.dialogs.paste_dialog import PasteImportDialog

        dlg = PasteImportDialog(parent)
        return dlg.report if dlg.exec() else None
