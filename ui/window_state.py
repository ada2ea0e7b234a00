"""Where the window comes back: geometry, docks, splitter, last report, across screens of other sizes."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt

FILLED = 0.9  # a window this much of its screen was meant to fill the screen


def _size_text(size: QSize) -> str:
    return f"{size.width()}x{size.height()}"


def _parse(text) -> QSize | None:
    w, _, h = str(text or "").partition("x")
    return QSize(int(w), int(h)) if w.isdigit() and h.isdigit() else None


def restore_window(window) -> None:
    settings = window.settings
    # Docks first: whether they are shown sets the smallest width the geometry may have.
    docks = settings.value("window/docks")
    if isinstance(docks, QByteArray) and not docks.isEmpty():
        window.restoreState(docks)
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
        old, now = _parse(settings.value("window/screen")), _free(window)
        if old is not None and now is not None and now != old and not window.isMaximized():
            # Saved on another screen: a window that filled the old one fills this one, not a corner of it.
            size = window.size()
            if size.width() >= FILLED * old.width() and size.height() >= FILLED * old.height():
                window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    side = window.menu_actions.get("side_by_side")
    if side is not None and hasattr(window, "docs"):
        side.setChecked(not window.tabifiedDockWidgets(window.docs.checks_dock))
    state = settings.value("window/splitter")
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.splitter.restoreState(state)


def _free(window) -> QSize | None:
    screen = window.screen()
    return screen.availableGeometry().size() if screen is not None else None


def save_window(window) -> None:
    settings = window.settings
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", window.splitter.saveState())
    settings.setValue("window/docks", window.saveState())
    free = _free(window)
    if free is not None:
        settings.setValue("window/screen", _size_text(free))
