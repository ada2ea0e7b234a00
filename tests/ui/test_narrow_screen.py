"""The window on a 1024x768 screen: the editor keeps the width its forms need; nothing scrolls sideways."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.report import Attachment
from tests.ui.conftest import new_report
from ui.fit import PANEL_WIDTH, first_run_widths, lay_out_first_run

FREE_1024 = (1008, 728)  # what a maximized window gets of 1024x768


def _settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()


def _no_sideways_scrolling(qtbot, window) -> list[str]:
    """The tabs (and their pages) that would need a horizontal scroll bar as the window is now."""
    wide = []
    for i in range(window.editor.count()):
        window.editor.setCurrentIndex(i)
        tab = window.editor.currentWidget()
        try:  # a section tab makes its cards when first shown: the window lays out again after that
            qtbot.waitUntil(lambda tab=tab: tab.horizontalScrollBar().maximum() == 0, timeout=1000)
        except qtbot.TimeoutError:
            wide.append(window.editor.tabText(i))
    return wide


def test_first_run_gives_the_editor_room_at_1024(qtbot, window):
    report = new_report(qtbot, window, "congyan_unit")
    report.letterhead.signers = ["王明", "李华"]
    report.attachments = [Attachment("履行主体责任任务清单", "一、"), Attachment("问题整改台账", "")]
    window.editor.set_report(report)
    window.showNormal()
    window.resize(*FREE_1024)
    lay_out_first_run(window, window.docs.checks_dock)
    window.show_checks()
    _settle(qtbot)
    list_width, panel_width = first_run_widths(FREE_1024[0])
    assert panel_width < PANEL_WIDTH and window.docs.checks_dock.width() <= panel_width + 2
    assert window.report_list.width() <= list_width + 2
    assert window.editor.width() >= 460  # 440 px of 检查 and a 280 px list left it 278
    assert _no_sideways_scrolling(qtbot, window) == []


def test_a_wide_side_panel_cannot_squeeze_the_cards(qtbot, window):
    """Dragging 检查 wider stops where the editor's pages would have to scroll sideways."""
    new_report(qtbot, window, "congyan")
    window.showNormal()
    window.resize(*FREE_1024)
    window.show_checks()
    window.resizeDocks([window.docs.checks_dock], [900], Qt.Orientation.Horizontal)
    _settle(qtbot)
    assert window.docs.checks_dock.width() < 600
    assert _no_sideways_scrolling(qtbot, window) == []


def test_panels_can_be_narrow():
    """The report list's buttons and 检查's first words no longer hold them wide (276 and 385 px)."""
    from ui.check_panel import CheckPanel
    from ui.report_list import ReportList

    assert ReportList().minimumSizeHint().width() <= 240
    assert CheckPanel().minimumSizeHint().width() <= 300


def test_roomy_screens_keep_their_layout():
    assert first_run_widths(1350) == first_run_widths(1400) == (280, PANEL_WIDTH)


def test_a_page_wider_than_half_the_screen_scrolls_sideways_instead_of_widening_the_window(qtbot):
    """A large editor zoom on a small screen: the tab asks for at most half the screen, so the window never
    grows past the screen's edge (the form then scrolls sideways)."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QWidget

    from ui.fit import EDITOR_SCREEN_SHARE, FitScrollArea

    class Page(QWidget):
        need = 5000

        def minimumSizeHint(self):  # noqa: N802 - Qt override
            return QSize(self.need, 100)

    area = FitScrollArea()
    qtbot.addWidget(area)
    page = Page()
    area.setWidget(page)
    area.setWidgetResizable(True)
    screen = area.screen().availableGeometry().width()
    assert area.minimumSizeHint().width() <= int(screen * EDITOR_SCREEN_SHARE) + 1
    page.need = 300  # a form that fits still gets its whole width
    assert area.minimumSizeHint().width() >= 300


def test_the_corner_button_lists_every_part_by_its_whole_name(qtbot, window):
    """Seven parts at 1024 px: some tabs hide behind the bar's arrows; 全部 lists them all and shows the chosen one."""
    from PySide6.QtCore import Qt

    from models.report import Item, Report, Section

    heads = ["履行主体责任情况", "存在的主要问题", "问题产生的原因分析", "下一步工作打算", "加强作风建设情况",
             "落实意识形态工作责任制情况", "其他需要说明的事项"]
    window.add_report(Report(title="关于2026年度工作情况的报告",
                             sections=[Section(heading=h, items=[Item("抓落实", "正文。")]) for h in heads]))
    window.resize(1024, 740)
    editor = window.editor
    button = editor.cornerWidget(Qt.Corner.TopRightCorner)
    qtbot.waitUntil(button.isVisible)  # the tabs do not all fit
    assert button.text() == "全部"
    # its arrow beside the text, where the style's small menu mark was drawn over 部's corner
    assert button.arrowType() == Qt.ArrowType.DownArrow
    assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert button.width() >= button.fontMetrics().horizontalAdvance("全部") + 12
    button.menu().aboutToShow.emit()
    names = [a.text() for a in button.menu().actions()]
    assert names[0] == "基本信息" and names[-1] == "七、其他需要说明的事项" and len(names) == 8
    assert [a.isChecked() for a in button.menu().actions()].index(True) == editor.currentIndex()
    button.menu().actions()[6].trigger()
    assert editor.tabText(editor.currentIndex()) == "六、落实意识形态工作责任制情况"
    assert "本部分" in editor.tabToolTip(editor.currentIndex())
    while len(window.current_report().sections) > 2:  # few parts: every tab fits, no button
        editor.remove_section(window.current_report().sections[-1])
    qtbot.waitUntil(lambda: not button.isVisible())


def test_making_the_window_narrower_takes_width_from_the_panels_first(qtbot, window):
    """1400 px wide with 检查 at 440 px, then 1024x640: the editor kept ~370 px while 检查 kept its 440."""
    new_report(qtbot, window, "congyan_unit")
    window.showNormal()
    window.resize(1400, 900)
    window.show_checks()
    window.resizeDocks([window.docs.checks_dock], [PANEL_WIDTH], Qt.Orientation.Horizontal)
    window.splitter.setSizes([280, 1120])
    _settle(qtbot)
    assert window.docs.checks_dock.width() >= PANEL_WIDTH - 2
    window.resize(1024, 640)
    _settle(qtbot)
    list_width, panel_width = first_run_widths(1024)
    assert window.docs.checks_dock.width() <= panel_width + 2
    assert window.report_list.width() <= list_width + 2
    assert window.editor.width() >= 460
