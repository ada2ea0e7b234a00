"""Every question the window asks the user goes through one object, so tests can answer instead."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QTextEdit, QWidget

if TYPE_CHECKING:  # imported where a box is shown: the window opens without making Qt's message box types
    from PySide6.QtWidgets import QMessageBox


def start_folder(*candidates) -> str:
    """The first of ``candidates`` that exists, else 文档, else the home folder.

    QFileDialog opens a folder that does not exist in the program's own folder instead: on a fresh
    Kylin or UOS account without a 文档 folder the user landed among the program's files.
    """
    from PySide6.QtCore import QStandardPaths

    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for folder in (*candidates, docs):
        if folder and Path(str(folder)).is_dir():
            return str(folder)
    return str(Path.home())


def question_box(parent: QWidget | None, title: str, text: str, details: str = "", yes: str = "", no: str = "",
                 risky: bool = False) -> QMessageBox:
    """The box Dialogs.confirm shows, not yet shown."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning if risky else QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No if risky else QMessageBox.StandardButton.Yes)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    if yes:
        box.button(QMessageBox.StandardButton.Yes).setText(yes)
    if no:
        box.button(QMessageBox.StandardButton.No).setText(no)
    if details:
        set_details(box, details)
    return box


def set_details(box: QMessageBox, details: str) -> None:
    """Details that fold away behind a button named 显示详情…/隐藏详情… (Qt's own words end in three ASCII dots)."""
    before = box.findChildren(QPushButton)
    box.setDetailedText(details)
    added = [b for b in box.findChildren(QPushButton) if not any(b is old for old in before)]
    if len(added) != 1:  # a Qt that makes its button another way (or already had one): its own words stay
        return
    button = added[0]
    show = QCoreApplication.translate("Dialogs", "显示详情…")
    hide = QCoreApplication.translate("Dialogs", "隐藏详情…")
    details_view = box.findChild(QTextEdit)

    def name() -> None:
        button.setText(hide if details_view is not None and details_view.isVisibleTo(box) else show)

    name()
    # Qt names the button again on each click (connected before this): name it after, from what is shown.
    button.clicked.connect(name)


class Dialogs:
    """Real dialogs; tests replace ``MainWindow.dialogs`` with an object that has the same methods."""

    def choose_template(self, parent: QWidget, templates: list, store=None):
        """The template the user picked for a new report, or None; with ``store`` the user's own
        templates can be renamed, removed, exported and imported there."""
        from ui.dialogs.template_dialog import TemplateDialog

        dlg = TemplateDialog(templates, parent, store=store, dialogs=self)
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
        from PySide6.QtWidgets import QMessageBox

        return question_box(parent, title, text, details, yes, no, risky).exec() == QMessageBox.StandardButton.Yes

    def get_save_path(self, parent: QWidget, title: str, suggested: str, filters: str) -> str | None:
        from ui.dialogs.file_dialog import ask_path

        folder = Path(suggested).parent
        start = suggested if folder.is_dir() else str(Path(start_folder()) / Path(suggested).name)
        return ask_path(parent, title, start, filters, save=True)

    def get_open_path(self, parent: QWidget, title: str, filters: str) -> str | None:
        """Starts where the last file came from, else in 文档 (not the program's own folder)."""
        from ui.settings import make_settings

        settings = make_settings()
        folder = start_folder(settings.value("import/folder"))
        from ui.dialogs.file_dialog import ask_path

        path = ask_path(parent, title, folder, filters, save=False)
        if path:
            settings.setValue("import/folder", str(Path(path).parent))
        return path or None

    def carry_forward(self, parent: QWidget, old):
        """复制为新报告's options (move the year, use the plans), or None when cancelled."""
        from ui.dialogs.carry_forward_dialog import ask_carry_forward

        return ask_carry_forward(parent, old)

    def ask_text(self, parent: QWidget, title: str, label: str, text: str = "") -> str | None:
        """One line of text from the user, or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
        return value if ok else None

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, title, text)

    def print_setup(self, parent: QWidget, printer) -> bool:
        """The system print dialog for ``printer``; True to print."""
        from PySide6.QtPrintSupport import QPrintDialog

        return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted

    def paste_text(self, parent: QWidget, text: str = ""):
        """粘贴导入: the report parsed from pasted text (``text`` already in the box), or None."""
        from ui.dialogs.paste_dialog import PasteImportDialog

        dlg = PasteImportDialog(parent)
        if text:
            dlg.edit.setPlainText(text)
        return dlg.report if dlg.exec() else None
