"""The toolbar: the menu's own six actions with icons and words; hidden, it stays hidden."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import new_report


def test_toolbar_has_the_six_actions_with_icons(qtbot, window):
    bar = window.toolbar
    acts = [a for a in bar.actions() if not a.isSeparator()]
    assert acts == [window.menu_actions[k] for k in ("new", "import", "checks", "preview", "export_pdf", "print")]
    assert all(not a.icon().isNull() for a in acts)
    labels = [bar.widgetForAction(a).text() for a in acts]
    assert labels == ["新建", "导入", "检查", "打印预览", "导出PDF", "打印"]
    assert bar.isVisible()
    assert not window.menu_actions["print"].isEnabled()  # no report open: as in the menu
    for key in ("export_docx", "export_ofd", "save_template"):  # nothing to export or save as a template yet
        assert not window.menu_actions[key].isEnabled()
    new_report(qtbot, window, "congyan")
    assert window.menu_actions["print"].isEnabled()
    assert window.menu_actions["export_docx"].isEnabled()
    # Enabling the actions did not put the menu's words back on the buttons.
    assert [bar.widgetForAction(a).text() for a in acts] == labels


def test_toolbar_button_starts_the_action(qtbot, window):
    new_report(qtbot, window, "congyan")
    button = window.toolbar.widgetForAction(window.menu_actions["export_pdf"])
    window.dialogs.confirm_answer = True
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.dialogs.suggested.endswith(".pdf")


def test_hidden_toolbar_stays_hidden(qtbot, open_window):
    w = open_window()
    w.menu_actions["toolbar"].trigger()
    assert not w.toolbar.isVisible()
    w.close()
    again = open_window()
    assert not again.toolbar.isVisible() and not again.menu_actions["toolbar"].isChecked()



def test_lead_box_keeps_a_readable_width(qtbot, window):
    """At 1024 px the item cards were squeezed until the lead phrase box showed two characters."""
    from ui.editor.item_card import LEAD_MIN_CHARS

    new_report(qtbot, window, "congyan")
    window.resize(1024, 700)
    window.editor.setCurrentIndex(1)  # a section tab makes its cards when shown
    cards = window.editor.currentWidget().cards.cards()
    assert cards
    char = cards[0].lead.fontMetrics().horizontalAdvance("字")
    assert all(c.lead.minimumWidth() >= LEAD_MIN_CHARS * char for c in cards)


