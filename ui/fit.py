"""The window on a narrow screen (1024x768 office PCs): the editor keeps the width its forms need, the side
panels give up theirs first, and buttons are no wider than their words."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QFormLayout, QScrollArea, QSplitter, QStyle

# Up to this window width the first-run layout of 1366x768 applies (list 280 px, 检查/预览 440 px); below it
# the panels take these shares of the width, never less than their own smallest width.
ROOMY_WIDTH = 1280
LIST_WIDTH, PANEL_WIDTH = 280, 440
LIST_SHARE, PANEL_SHARE = 0.22, 0.29
# The editor asks for its forms' width up to this share of the screen; wider forms (a large editor zoom on a
# small screen) scroll sideways rather than push the window past the screen's edge.
EDITOR_SCREEN_SHARE = 0.5


class FitScrollArea(QScrollArea):
    """A scroll area that is never narrower than the page it holds: the window gives it that width before
    a side panel takes more, so the page scrolls down, never sideways."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        page = self.widget()
        if page is None:
            return hint
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width = page.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            width = min(width, int(screen.availableGeometry().width() * EDITOR_SCREEN_SHARE))
        return QSize(max(hint.width(), width), hint.height())


def wrapping_form(form: QFormLayout) -> QFormLayout:
    """A form whose field goes under its label when the two do not fit side by side."""
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def snug(*buttons: QAbstractButton) -> None:
    """A button may shrink to its words (the style's 80 px minimum made a row of three 276 px wide);
    its natural width is unchanged."""
    for b in buttons:
        b.setMinimumWidth(b.fontMetrics().horizontalAdvance(b.text().replace("&", "")) + 20)


def first_run_widths(window_width: int) -> tuple[int, int]:
    """(report list, side panel) widths for a first start in a window this wide."""
    if window_width >= ROOMY_WIDTH:
        return LIST_WIDTH, PANEL_WIDTH
    return int(window_width * LIST_SHARE), int(window_width * PANEL_SHARE)


def keep_editor_room(window, docks, old_width: int) -> None:
    """The window was made narrower (a smaller screen, restored from maximised): the side panels give up width
    first, down to their first-run share, so the editor is not the one squeezed (the report list: ListShrinks)."""
    width = window.width()
    if old_width <= 0 or width >= old_width or width >= ROOMY_WIDTH:
        return
    panel_width = first_run_widths(width)[1]
    shown = [d for d in docks if d.isVisible() and not d.isFloating() and d.width() > panel_width]
    if shown:
        window.resizeDocks(shown, [panel_width] * len(shown), Qt.Orientation.Horizontal)


class ListShrinks(QObject):
    """The splitter of report list and editor is made narrower (the window was): the list, which otherwise keeps
    its width, gives back what it has beyond its first-run share of the window, so the editor is not the one
    squeezed. A filter, not the splitter's own resizeEvent: the sizes are set before the splitter shares out
    the new width (after it, the layout is still passing through in-between widths)."""

    def __init__(self, splitter: QSplitter):
        super().__init__(splitter)
        splitter.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and 0 < event.size().width() < event.oldSize().width():
            width = obj.window().width()
            sizes = obj.sizes()
            wanted = first_run_widths(width)[0]
            if width < ROOMY_WIDTH and len(sizes) == 2 and sizes[0] > wanted:
                obj.setSizes([wanted, sizes[0] + sizes[1] - wanted])
        return False


def lay_out_first_run(window, dock) -> None:
    """Give the report list and the side panel their first-run widths (a saved state overrides them)."""
    list_width, panel_width = first_run_widths(window.width())
    window.resizeDocks([dock], [panel_width], Qt.Orientation.Horizontal)
    window.splitter.setSizes([list_width, max(1, window.width() - list_width - panel_width)])
