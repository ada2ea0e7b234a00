"""UI fixtures: a real Store on a temp file, a MainWindow whose dialogs answer from the test."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from models.store import Store
from models.templates import load_templates
from ui.main_window import MainWindow
from ui.settings import make_settings

# The offscreen platform plugin itself warns whenever a window's size limits change; xcb does not.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items):
    here = __file__.rsplit("/", 1)[0]
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


class FakeDialogs:
    """Answers the window's questions the way the test says; records what was asked."""

    def __init__(self):
        self.kind = "congyan"
        self.confirm_answer = True
        self.asked: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.choice = "quit"
        self.save_path: str | None = None
        self.open_path: str | None = None
        self.print_path: str | None = None
        self.pasted: str = ""
        self.text_answer: str | None = ""  # ask_text: None cancels
        self.carry: bool | None = True  # 复制为新报告: move the year; None cancels

    def choose_template(self, parent, templates, store=None):
        self.asked.append(("template", ""))
        self.templates = templates
        return next((t for t in templates if t.kind == self.kind or t.name == self.kind), None)

    def ask_text(self, parent, title, label, text=""):
        self.asked.append((title, label))
        self.suggested_text = text
        return self.text_answer

    def choose(self, parent, title, text, choices):
        self.asked.append((title, text))
        return self.choice if self.choice in [k for k, _ in choices] else choices[-1][0]

    def confirm(self, parent, title, text, details="", yes="", no="", risky=False):
        self.asked.append((title, text + ("\n" + details if details else "")))
        self.last_confirm = {"text": text, "details": details, "yes": yes, "no": no, "risky": risky}
        return self.confirm_answer

    def get_save_path(self, parent, title, suggested, filters):
        self.suggested = suggested
        return self.save_path

    def get_open_path(self, parent, title, filters):
        return self.open_path

    def print_setup(self, parent, printer):
        """Print to a PDF file instead of a printer, when the test names one."""
        if self.print_path is None:
            return False
        from PySide6.QtPrintSupport import QPrinter

        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(self.print_path)
        return True

    def paste_text(self, parent, text=""):
        from models.importers.structure import parse_text

        self.paste_prefilled = text
        text = self.pasted or text
        return parse_text(text)[0] if text else None

    def carry_forward(self, parent, old):
        """复制为新报告: cancelled when ``carry`` is None; plans used as confirm_answer says."""
        from ui.dialogs.carry_forward import plan_count
        from ui.dialogs.carry_forward_dialog import CarryOptions

        self.asked.append(("复制为新报告", f"{plan_count(old)} 条"))
        if self.carry is None:
            return None
        return CarryOptions(move_year=self.carry, use_plans=self.confirm_answer and bool(plan_count(old)))


    def error(self, parent, title, text):
        self.errors.append(text)

    def info(self, parent, title, text):
        self.asked.append((title, text))


@pytest.fixture
def dialogs():
    return FakeDialogs()


@pytest.fixture
def open_window(qtbot, db_path, dialogs):
    """Factory: a shown, active MainWindow over a fresh Store on ``db_path``."""
    stores = []

    def make(path=db_path) -> MainWindow:
        store = Store(path)
        stores.append(store)
        w = MainWindow(store, make_settings(), dialogs)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        w.activateWindow()
        qtbot.waitUntil(lambda: w.isActiveWindow())
        return w

    yield make
    for s in stores:
        s.close()


@pytest.fixture
def window(open_window):
    return open_window()


def new_report(qtbot, w: MainWindow, kind: str = "congyan"):
    w.dialogs.kind = kind
    qtbot.mouseClick(w.report_list.new_button, Qt.MouseButton.LeftButton)
    assert w.current_report() is not None and w.current_report().kind == kind
    return w.current_report()


def template(kind: str):
    return next(t for t in load_templates() if t.kind == kind)


def type_text(qtbot, widget, text: str) -> None:
    """Type like a person: ASCII as key clicks, Chinese as an input method commits it (QTest has no CJK keys)."""
    for part in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if part.isascii():
            qtbot.keyClicks(widget, part)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(part)
            QApplication.sendEvent(widget, event)
