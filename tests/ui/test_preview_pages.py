"""The live preview draws only the pages on screen, draws more when scrolled to, and keeps unchanged pages."""

from __future__ import annotations

from tests.export.sample import long_report


def _typeset(qtbot, window):
    qtbot.waitUntil(lambda: window.docs.preview.result is not None and window.docs.typesetter.idle(), timeout=20000)


def test_only_the_pages_on_screen_are_drawn_and_scrolling_draws_the_rest(qtbot, window):
    window.add_report(long_report(20))
    window.show_preview()
    _typeset(qtbot, window)
    preview = window.docs.preview
    strip = preview.strip
    result = preview.result
    assert result.pages >= 8
    assert 0 < len(result.drawn) <= 4  # the first pages, not all of them
    assert not result.lines[-1]  # no click map for a page not drawn yet
    bar = preview.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    last_id = strip.page_ids[-1]
    qtbot.waitUntil(lambda: last_id in strip.docs, timeout=20000)
    qtbot.waitUntil(lambda: last_id in strip.painted, timeout=20000)
    assert preview.result.lines[-1]  # the last page can now be clicked to edit


def test_an_edit_near_the_end_keeps_the_first_page(qtbot, window):
    window.add_report(long_report(10))
    window.show_preview()
    _typeset(qtbot, window)
    before = list(window.docs.preview.result.page_ids)
    report = window.current_report()
    report.sections[-1].items[-1].body += "再补充一句。"
    window.editor.set_report(report)
    window.reportChanged.emit()
    qtbot.waitUntil(lambda: window.docs.preview.result.page_ids != before and window.docs.typesetter.idle(),
                    timeout=20000)
    after = window.docs.preview.result.page_ids
    assert after[0] == before[0]  # the first page did not change: same id, same picture
    assert after[-1] != before[-1]


def test_scrolling_through_keeps_pictures_only_near_the_screen(qtbot, window):
    window.add_report(long_report(20))
    window.show_preview()
    _typeset(qtbot, window)
    preview = window.docs.preview
    strip = preview.strip
    bar = preview.scroll.verticalScrollBar()
    first_id = strip.page_ids[0]
    qtbot.waitUntil(lambda: first_id in strip.painted, timeout=20000)
    assert 0 in strip._shown
    for value in range(0, bar.maximum() + 1, max(1, bar.pageStep())):  # page by page to the end
        bar.setValue(value)
        strip.repaint()
    bar.setValue(bar.maximum())
    last_id = strip.page_ids[-1]
    qtbot.waitUntil(lambda: last_id in strip.painted, timeout=20000)
    near = set(strip.visible_pages(2))
    assert set(strip._shown) <= near  # not every page scrolled past
    assert 0 not in strip._shown
    bar.setValue(0)  # scrolled back: the first page is rendered again
    qtbot.waitUntil(lambda: first_id in strip.painted, timeout=20000)


def test_a_worker_that_dies_mid_run_is_restarted_and_the_same_text_typeset_again(qtbot, window):
    """The preview says the typesetting process was restarted and shows the text without waiting for an edit."""
    import os
    import signal
    import sys

    import pytest

    from export import worker

    if sys.platform == "win32":
        pytest.skip("SIGKILL")
    window.add_report(long_report(143))
    window.show_preview()
    _typeset(qtbot, window)
    messages = []
    before = window.docs.preview.result
    window.docs.typesetter.failed.connect(messages.append)
    window.docs.typesetter.run_now(window.current_report())  # a run no later edit or pause would repeat
    assert window.docs.typesetter._busy
    os.kill(worker._executor().pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    qtbot.waitUntil(lambda: window.docs.preview.result is not before and window.docs.typesetter.idle(),
                    timeout=30000)  # typeset again by the new worker, no edit needed
    assert messages == ["排版进程意外退出，已重新启动，请稍候"]
    assert window.docs.preview.result.pages >= 100


def test_a_worker_that_cannot_start_says_so_and_the_preview_comes_once_it_can(qtbot, window, monkeypatch):
    from export import worker
    from ui.preview import typesetter as typesetting

    window.add_report(long_report(3))
    qtbot.waitUntil(window.docs.typesetter.idle, timeout=30000)
    typesetting._prefetched.clear()  # no answer from the worker the window started with
    worker._discard_pool(wait=True)
    monkeypatch.setattr(worker, "worker_command", lambda nice: ["/nonexistent/tianbao-python"])
    messages = []
    typesetter = window.docs.typesetter
    typesetter.failed.connect(messages.append)
    window.show_preview()
    typesetter.run_now(window.current_report())
    qtbot.waitUntil(lambda: bool(messages) and typesetter.idle(), timeout=10000)
    assert messages[-1].startswith("无法启动排版进程") and "导出PDF不受影响" in messages[-1]
    monkeypatch.undo()  # the install is repaired: the next run starts a worker and the page comes
    typesetter.run_now(window.current_report())
    qtbot.waitUntil(lambda: window.docs.preview.result is not None and typesetter.idle(), timeout=60000)
    assert window.docs.preview.result.pages >= 1
