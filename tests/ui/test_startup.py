"""Start-up: the window shows the last report first; checking it and the proofreader's rules come after the
first paint, and nothing typed or found is lost on the way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from models.store import Store
from models.templates import load_templates
from ui.main_window import MainWindow
from ui.settings import make_settings

ROOT = Path(__file__).resolve().parents[2]

# A fresh interpreter starts the window as main.py does; on the event loop's first turn (the window shown)
# it notes what is on screen and which modules are loaded, then waits for the 检查 panel's first findings.
CHILD = """
import json, sys, threading
sys.path.insert(0, {root!r})
WATCHED = ("models.checks", "models.proofread.engine", "export.layout", "reportlab", "sqlite_utils",
           "ui.dialogs.trash_dialog", "ui.editor.frame_tab", "models.frame_checks", "models.textchecks")
on_main = set()  # watched modules first imported by the window's own thread (the preview's answer, unpickled
# on the worker pool's thread, may import the layout there at any moment: that is off the window's path)


class Watch:
    def find_spec(self, name, path=None, target=None):
        if name in WATCHED and threading.current_thread() is threading.main_thread():
            on_main.add(name)
        return None


sys.meta_path.insert(0, Watch())
from PySide6.QtCore import QTimer
import ui.app as app_mod

seen = {{}}
orig = app_mod.make_app

def make_app(argv=None):
    app = orig(argv)

    def shown():
        from PySide6.QtWidgets import QApplication
        w = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and hasattr(w, "editor"))
        seen["title"] = w.editor.info.title.text()
        seen["tabs"] = [w.editor.tabText(i) for i in range(w.editor.count())]
        seen["loaded_at_show"] = sorted(m for m in on_main if m in sys.modules)  # (find_spec alone imports nothing)
        seen["findings_at_show"] = len(w.docs.checks.findings)

        def poll():
            if w.docs.checks.settings is not None:
                seen["findings_later"] = [f.kind for f in w.docs.checks.findings]
                w.close()
            else:
                QTimer.singleShot(10, poll)

        poll()

    QTimer.singleShot(0, shown)
    return app

app_mod.make_app = make_app
if __name__ == "__main__":
    app_mod.run({db!r})
    print(json.dumps(seen, ensure_ascii=False))
"""


def _report_with_a_slip():
    report = next(t for t in load_templates() if t.kind == "congyan").new_report()
    report.title = "关于落实安全生产责任的报告"
    report.sections[0].items[0].body = "我们开展了排查,发现问题三项。"  # a half-width comma in Chinese text
    return report


def test_window_is_shown_with_the_report_before_it_is_checked(tmp_path):
    db = tmp_path / "start.db"
    store = Store(db)
    store.create(_report_with_a_slip())
    store.close()
    script = tmp_path / "start.py"
    script.write_text(CHILD.format(root=str(ROOT), db=str(db)), encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=ROOT, timeout=120,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["title"] == "关于落实安全生产责任的报告"
    assert len(seen["tabs"]) > 1 and seen["tabs"][0] == "基本信息"
    # Nothing of the checks, the layout or the command line's database library before the window is shown; nor
    # the 回收站 dialog, nor the 公文格式 tab of a report that does not show it.
    assert "公文格式" not in seen["tabs"]
    assert seen["loaded_at_show"] == []
    assert seen["findings_at_show"] == 0
    assert "halfwidth_punct" in seen["findings_later"]  # checked right after


def test_a_window_built_unseen_is_checked_once_shown(qtbot, db_path, dialogs):
    store = Store(db_path)
    store.create(_report_with_a_slip())
    w = MainWindow(store, make_settings(), dialogs)
    qtbot.addWidget(w)
    assert w.docs.checks.settings is None and w.docs.checks.findings == []
    assert w.docs.checks.header.text() == "正在检查…"  # not the empty panel's "打开报告后……"
    w.show()
    qtbot.waitUntil(lambda: any(f.kind == "halfwidth_punct" for f in w.docs.checks.findings))
    w.close()
    store.close()


def test_closing_before_the_first_paint_drops_the_deferred_check(qtbot, db_path, dialogs):
    store = Store(db_path)
    store.create(_report_with_a_slip())
    w = MainWindow(store, make_settings(), dialogs)
    qtbot.addWidget(w)
    assert w.after_paint._fallback.isActive()  # the check waits for the first paint (or the fallback)
    w.close()
    store.close()  # a deferred check would now fail on the closed database
    assert w.after_paint.cancelled and not w.after_paint._fallback.isActive()
    w.after_paint.add(lambda: store.proofread_settings())  # dropped, not run later on the closed store
    assert not w.after_paint._fallback.isActive() and w.after_paint._jobs == []


def test_section_forms_are_made_when_first_needed(qtbot, open_window, db_path):
    from bench.sample_report import sample_report
    from ui.editor.section_tab import SectionTab

    store = Store(db_path)
    report = sample_report()
    rid = store.create(report)
    store.close()
    w = open_window()
    editor = w.editor
    assert w.current_report().id == rid and editor.currentIndex() == 0
    tabs = editor.section_tabs()
    assert len(tabs) == 3 and not any(t.form_built for t in tabs)  # the window opened on 基本信息 only
    assert [editor.tabText(i) for i in range(1, 4)] == ["一、履职情况", "二、存在问题", "三、下步措施"]

    # Click-to-edit from 检查 into a tab never shown: its form and cards are made, the text selected.
    body = w.current_report().sections[2].items[1].body
    w.select_field("sections.2.items.1.body", 2, 6)
    tab = editor.currentWidget()
    assert isinstance(tab, SectionTab) and tab is tabs[2] and tab.form_built
    assert tab.card_for(1).body.textCursor().selectedText() == body[2:6]
    assert not tabs[1].form_built

    # A structural edit while a tab's form does not exist yet: numbering follows, undo puts it back.
    editor.add_section_after(w.current_report().sections[0])
    assert editor.tabText(3) == "三、存在问题" and not tabs[1].form_built
    w.undo()
    assert [editor.tabText(i) for i in range(1, 4)] == ["一、履职情况", "二、存在问题", "三、下步措施"]

    # Typing into a form made late is saved like any other.
    editor.setCurrentWidget(tabs[1])
    tabs[1].heading.setText("存在的主要问题")
    def saved_heading() -> str:
        reader = Store(db_path, readonly=True)
        try:
            return reader.load(rid).sections[1].heading
        finally:
            reader.close()

    qtbot.waitUntil(lambda: saved_heading() == "存在的主要问题")
    w.close()


def test_the_frame_tab_is_made_only_when_a_report_wants_it(qtbot, open_window, db_path):
    """A personal report opens without the 公文格式 tab ever being made; ticking 公文格式 makes it, holding this
    report's values, read-only if the window is; a later report with a frame shows its own values in it."""
    from bench.sample_report import sample_report
    from models.report import Letterhead

    store = Store(db_path)
    store.create(sample_report())
    store.close()
    w = open_window()
    editor = w.editor
    assert editor._frame is None and not editor.frame_shown()
    editor.info.frame_switch.setChecked(True)
    assert editor._frame is not None and editor.frame_shown() and editor.currentWidget() is editor.frame
    assert editor.tabText(1) == "公文格式" and editor.frame.report is editor.report

    unit = sample_report()
    unit.title = "关于某局2026年工作情况的报告"
    unit.letterhead = Letterhead(mark="中共XX区XX局党组文件", number="XX党组〔2026〕3号")
    w.add_report(unit)
    assert editor.frame_shown() and editor.frame.mark.text() == "中共XX区XX局党组文件"
    w.close()


def test_the_report_opened_at_start_is_typeset_before_the_window_is_built(qtbot, open_window, db_path, monkeypatch):
    """The window sends the report it opens with to the worker first thing (prefetch); the preview's first run
    takes that job's answer instead of sending the same text again."""
    import sys as _sys

    from bench.sample_report import sample_report
    from ui.preview import typesetter

    sent = []
    real = typesetter._executor

    class Recording:
        def submit(self, fn, name, *args):
            sent.append((name, _sys._getframe(1).f_code.co_name))
            return real().submit(fn, name, *args)

    monkeypatch.setattr(typesetter, "_executor", Recording)
    store = Store(db_path)
    store.create(sample_report())
    store.close()
    w = open_window()
    qtbot.waitUntil(lambda: w.docs.preview.result is not None, timeout=30_000)
    assert [s for s in sent if s[0] == "typeset_for_preview"] == [("typeset_for_preview", "prefetch")]
    assert w.docs.preview.result.pages >= 2 and typesetter._prefetched == {}

    # Edits are typeset as before, by the window's own runs.
    w.editor.info.title.setText("关于2026年度工作情况的报告")
    qtbot.waitUntil(lambda: ("typeset_for_preview", "_start") in sent, timeout=30_000)


def test_a_late_warm_up_never_forgets_the_first_real_run():
    """The worker's preparation (imports, fonts, a warm-up run that forgets its own layout) is the first job of
    every new worker: a second warm-up arriving after the window's prefetch must not wipe the real run, or
    pages scrolled to later would never be drawn."""
    import pickle

    from export import preview_job, worker
    from tests.export.sample import long_report

    worker._discard_pool(wait=True)
    try:
        blob = pickle.dumps(long_report(6), protocol=pickle.HIGHEST_PROTOCOL)
        first = worker._executor().submit(preview_job, "typeset_for_preview", blob, [0])  # as prefetch does
        worker.warm_up()  # a second warm-up, late
        result = first.result(timeout=120)
        last = result.pages - 1
        more = worker._executor().submit(preview_job, "render_pages", result.run, [last]).result(timeout=120)
        assert result.pages >= 5 and last in more.drawn
    finally:
        worker._discard_pool(wait=True)


def test_the_checks_warm_up_waits_for_the_previews_first_page(qtbot):
    """The warm-up's thread shares the interpreter lock with the window: it starts once the first page is on
    screen (or the preview is hidden, or the typesetter is slow), never alongside that page."""
    from ui.preview.preview_panel import PreviewPanel
    from ui.preview.typesetter import Typesetter
    from ui.startup import after_first_page

    preview = PreviewPanel()
    qtbot.addWidget(preview)
    typesetter = Typesetter()
    ran: list[str] = []
    after_first_page(preview, typesetter, lambda: ran.append("hidden"))
    assert ran == ["hidden"]  # nothing to wait for

    preview.show()
    qtbot.waitExposed(preview)
    after_first_page(preview, typesetter, lambda: ran.append("page"), limit_ms=60_000)
    qtbot.wait(50)
    assert ran == ["hidden"]
    typesetter.ready.emit(None)
    typesetter.failed.emit("again")  # a second answer runs nothing twice
    qtbot.waitUntil(lambda: ran == ["hidden", "page"])
    qtbot.wait(20)
    assert ran == ["hidden", "page"]

    after_first_page(preview, typesetter, lambda: ran.append("slow"), limit_ms=30)
    qtbot.waitUntil(lambda: ran[-1] == "slow", timeout=2000)
