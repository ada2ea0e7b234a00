"""The window on a small office screen (1366x768): nothing sticks out of the screen or scrolls sideways."""

from __future__ import annotations

from models.report import Attachment
from tests.ui.conftest import new_report


def test_first_start_fits_the_screen(window):
    free = window.screen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height()


def test_section_tab_fits_a_narrow_editor(qtbot, window):
    """With the list and the 检查 dock beside it the editor is ~470 px wide at 1366x768: no sideways scrolling."""
    new_report(qtbot, window, "congyan")
    window.editor.setCurrentIndex(1)
    tab = window.editor.currentWidget()
    assert tab.widget().minimumSizeHint().width() <= 420
    assert window.editor.info.widget().minimumSizeHint().width() <= 470


def test_frame_tab_fits_a_narrow_editor(qtbot, window):
    """The 公文格式 tab too: 版头 with two 签发人, two attachments, 版记."""
    report = new_report(qtbot, window, "congyan_unit")
    report.letterhead.signers = ["王明", "李华"]
    report.attachments = [Attachment("履行主体责任任务清单", "一、"), Attachment("问题整改台账", "")]
    window.editor.set_report(report)
    window.editor.setCurrentWidget(window.editor.frame)
    assert window.editor.frame.widget().minimumSizeHint().width() <= 470
    assert window.editor.info.widget().minimumSizeHint().width() <= 470
