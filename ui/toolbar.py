"""The toolbar: 新建, 导入, 检查, 打印预览, 导出, 打印 — the menu's own actions, with icons, hideable."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QToolBar

from ui.actions import TOOLBAR

# key -> (theme icon, Qt standard icon when the system has no icon theme, e.g. Windows 10)
ICONS = {
    "new": (QIcon.ThemeIcon.DocumentNew, QStyle.StandardPixmap.SP_FileIcon),
    "import": (QIcon.ThemeIcon.DocumentOpen, QStyle.StandardPixmap.SP_DialogOpenButton),
    "checks": (None, QStyle.StandardPixmap.SP_DialogApplyButton),
    "preview": (QIcon.ThemeIcon.DocumentPrintPreview, QStyle.StandardPixmap.SP_FileDialogContentsView),
    "export_pdf": (QIcon.ThemeIcon.DocumentSaveAs, QStyle.StandardPixmap.SP_DialogSaveButton),
    "print": (QIcon.ThemeIcon.DocumentPrint, None),
}
SHORT_LABELS = {"import": "导入"}  # the menu says 导入…


def printer_icon(size: int = 32) -> QIcon:
    """Qt has no standard printer icon: a plain one, drawn (no files to ship, crisp at any scale)."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 32
    p.setPen(QPen(QColor("#444"), 1.5 * s))
    p.setBrush(QColor("#ffffff"))
    p.drawRect(QRectF(9 * s, 3 * s, 14 * s, 9 * s))  # paper going in
    p.setBrush(QColor("#8a8f98"))
    p.drawRoundedRect(QRectF(3 * s, 11 * s, 26 * s, 12 * s), 2 * s, 2 * s)  # body
    p.setBrush(QColor("#ffffff"))
    p.drawRect(QRectF(9 * s, 19 * s, 14 * s, 10 * s))  # the printed sheet
    p.setPen(QPen(QColor("#666"), 1 * s))
    for y in (22.5, 25.5):
        p.drawLine(QPointF(11 * s, y * s), QPointF(21 * s, y * s))
    p.end()
    return QIcon(pix)


def icon_for(window, key: str) -> QIcon:
    theme, standard = ICONS[key]
    fallback = window.style().standardIcon(standard) if standard is not None else printer_icon()
    return QIcon.fromTheme(theme, fallback) if theme is not None else fallback


def build_toolbar(window) -> QToolBar:
    """The toolbar shares the menu's QActions, so enabling, shortcuts and read-only mode follow the menu."""
    bar = QToolBar(window.tr("工具栏"), window)
    bar.setObjectName("toolbar")  # saveState() remembers whether it is shown
    bar.setMovable(False)
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)  # words, not riddles
    for key in TOOLBAR:
        if key is None:
            bar.addSeparator()
            continue
        act = window.menu_actions[key]
        act.setIcon(icon_for(window, key))
        # The button's label is the action's icon text: kept when the action changes (a label set on the
        # button itself went back to the menu's text each time the action was enabled).
        act.setIconText(window.tr(SHORT_LABELS.get(key, act.text().rstrip("…"))))
        bar.addAction(act)
        button = bar.widgetForAction(act)
        shortcut = act.shortcut().toString()
        button.setToolTip(act.text().rstrip("…") + (f"（{shortcut}）" if shortcut else ""))
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    toggle = bar.toggleViewAction()
    toggle.setText(window.tr("显示工具栏"))
    window.menu_actions["toolbar"] = toggle
    return bar
