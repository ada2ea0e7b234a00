"""The measurements bench/run.py makes, each in a fresh process: `python bench/run_children.py NAME ARGS...`.

Each prints one JSON object on its last line. ROOT (the code measured) is the first argument, so the
same children can measure an older checkout (git archive) for before/after figures.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time


def _root(path: str) -> None:
    sys.path.insert(0, path)
    os.chdir(path)


def _emit(**figures) -> None:
    """Write the figures where bench/run.py reads them ($BENCH_OUT), else print them."""
    out = os.environ.get("BENCH_OUT")
    if out:
        with open(out, "w", encoding="utf-8") as f:
            f.write(json.dumps(figures))
    else:
        print(json.dumps(figures), flush=True)


def _rss_mb(pid: int | str = "self") -> float:
    try:
        for line in open(f"/proc/{pid}/status", encoding="ascii"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _report(kind: str):
    from tests.export.sample import long_report, sample_report

    return sample_report() if kind == "sample" else long_report(int(kind))


# -- start-up ----------------------------------------------------------------------------------------

def _show_and_leave(app, w) -> None:
    """Show ``w``; on the event loop's first turn note the time and leave."""
    from PySide6.QtCore import QTimer

    def shown():
        _emit(shown_at=time.time())
        os._exit(0)

    QTimer.singleShot(0, shown)
    w.show()
    app.exec()


def bare_window() -> None:
    """A bare PySide6 window: process start to the window shown."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    w.resize(1400, 900)

    _show_and_leave(app, w)


def plain_window(text_file: str) -> None:
    """The floor of a window like ours: the same kinds of widgets holding the sample's text, a Chinese UI font,
    no Tianbao code (no store, no editor classes, no worker): process start to the window shown."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import (
        QApplication,
        QDateEdit,
        QDockWidget,
        QFormLayout,
        QLabel,
        QLineEdit,
        QListWidget,
        QMainWindow,
        QPlainTextEdit,
        QPushButton,
        QScrollArea,
        QSplitter,
        QTabWidget,
        QToolBar,
        QVBoxLayout,
        QWidget,
    )

    text = json.loads(open(text_file, encoding="utf-8").read())
    app = QApplication(sys.argv[:1])
    family = next((f for f in ("Noto Sans CJK SC", "WenQuanYi Micro Hei") if f in set(QFontDatabase.families())), None)
    if family:
        font = QFont(app.font())
        font.setFamilies([family])
        app.setFont(font)
    w = QMainWindow()
    w.resize(1400, 900)
    for m in ("文件", "编辑", "报告", "检查", "视图", "帮助"):
        menu = w.menuBar().addMenu(m)
        for a in range(8):
            menu.addAction(f"{m}{a}")
    bar = QToolBar()
    w.addToolBar(bar)
    for a in ("新建", "导入", "导出PDF", "打印", "撤销", "重做", "检查", "预览", "保存"):
        bar.addAction(a)
    left = QWidget()
    lay = QVBoxLayout(left)
    lay.addWidget(QLineEdit())
    reports = QListWidget()
    reports.addItem(text["title"])
    lay.addWidget(reports)
    for b in ("新建", "复制为新报告", "删除"):
        lay.addWidget(QPushButton(b))
    tabs = QTabWidget()
    info = QWidget()
    form = QFormLayout(info)
    form.addRow("标题", QLineEdit(text["title"]))
    form.addRow("开头", QPlainTextEdit(text["preamble"]))
    form.addRow("落款", QLineEdit(text["signature"]))
    form.addRow("日期", QDateEdit())
    page = QScrollArea()
    page.setWidget(info)
    page.setWidgetResizable(True)
    tabs.addTab(page, "基本信息")
    for heading in text["headings"]:
        tabs.addTab(QWidget(), heading)
    split = QSplitter()
    split.addWidget(left)
    split.addWidget(tabs)
    w.setCentralWidget(split)
    docks = []
    for title, widget in (("检查", QListWidget()), ("打印预览", QScrollArea())):
        dock = QDockWidget(title)
        dock.setWidget(widget)
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        docks.append(dock)
    w.tabifyDockWidget(*docks)
    w.statusBar().addPermanentWidget(QLabel("全文 0 字"))

    _show_and_leave(app, w)


def window(db: str) -> None:
    """Tianbao's window: process start to shown with the last report open, then to the preview's first page."""
    from export.worker import warm_up

    warm_up()  # as main.py does before the window's imports
    from PySide6.QtCore import QEvent, QObject, QTimer

    import ui.app as app_mod

    figures: dict = {}
    orig = app_mod.make_app

    def make_app(argv=None):
        app = orig(argv)

        def shown():
            from PySide6.QtWidgets import QApplication

            w = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and hasattr(w, "editor"))
            figures["shown_at"] = time.time()
            t_shown = time.perf_counter()
            w.show_preview()
            strip = w.docs.preview.strip

            class Painted(QObject):
                def eventFilter(self, obj, event):  # noqa: N802
                    if obj is strip and event.type() == QEvent.Type.Paint and w.docs.preview.result is not None:
                        QTimer.singleShot(0, done)
                    return False

            def done():
                if "preview" not in figures:
                    figures["preview"] = time.perf_counter() - t_shown
                    _emit(**figures)
                    os._exit(0)

            flt = Painted(strip)
            strip.installEventFilter(flt)
            w._bench_filter = flt

        QTimer.singleShot(0, shown)
        return app

    app_mod.make_app = make_app
    app_mod.run(db)


# -- export --------------------------------------------------------------------------------------------

def floor(pdf: str, chars_file: str, faces_file: str) -> None:
    """reportlab drawing the same characters with the same fonts (loaded as fast as reportlab can: from the
    parse cache), 28 to a line and 22 lines to a page, no layout, no store, no font choice."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    from export.rlcache import load_ttfont

    faces = json.load(open(faces_file, encoding="utf-8"))
    text = open(chars_file, encoding="utf-8").read()
    for name, path, index, key in faces:
        pdfmetrics.registerFont(load_ttfont(name, path, index, key))
    c = Canvas(pdf, pagesize=(595.28, 841.89), initialFontName=faces[0][0])
    lines = [text[k:k + 28] for k in range(0, len(text), 28)]
    for p in range(0, len(lines), 22):
        c.setFont(faces[0][0], 16)
        for n, line in enumerate(lines[p:p + 22]):
            c.drawString(79.4, 700 - n * 28.9, line)
        c.showPage()
    c.save()
    _emit(pages=len(lines) // 22 + 1)
    os._exit(0)


def warm_export(kind: str, out: str, repeat: str) -> None:
    """In-process: the second and later exports of the same report (fonts registered, caches warm)."""
    from export.backends.pdf import export_pdf

    report = _report(kind)
    export_pdf(report, out)
    times = []
    for _ in range(int(repeat)):
        t = time.perf_counter()
        export_pdf(report, out)
        times.append(time.perf_counter() - t)
    _emit(warm=statistics.median(times))


# -- layout ---------------------------------------------------------------------------------------------

def _shaped(shape: str, pages: int):
    from models.report import NONE, YISHI, Item, Report, Section
    from tests.export.sample import sample_report

    base = sample_report()
    pool = [it for s in base.sections for it in s.items]
    report = Report(kind="blank", title=base.title, preamble=base.preamble, signature=base.signature, date=base.date)
    chars = pages * 600
    if shape == "long":  # few very long paragraphs: three run-on sections
        per = chars // 3
        for k in range(3):
            items, n, c = [], 0, 0
            while c < per:
                it = pool[n % len(pool)]
                items.append(Item(it.lead, it.body))
                c += len(it.lead) + len(it.body) + 3
                n += 1
            report.sections.append(Section(heading=f"第{k + 1}部分", numbering=YISHI, run_on=True, items=items))
    else:  # many short paragraphs: ~60 characters each
        text = "".join(it.lead + "。" + it.body for it in pool)
        items = [Item("", text[(k * 60) % (len(text) - 60):(k * 60) % (len(text) - 60) + 60])
                 for k in range(chars * 11 // 15 // 60)]  # 60 characters fill ~3.3 of 4.5 lines (indent, last line)
        report.sections.append(Section(heading="情况", numbering=NONE, items=items))
    return report


def layout(shape: str, pages: str) -> None:
    from export.layout import layout_report

    layout_report(_report("sample"))  # fonts chosen and measured once, as in any run
    report = _shaped(shape, int(pages))
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu, t = time.process_time(), time.perf_counter()
    lay = layout_report(report)
    secs, cpu = time.perf_counter() - t, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    _emit(seconds=secs, pages=len(lay.pages), per_page_ms=1000 * secs / len(lay.pages), peak_mb=peak, before_mb=base,
          cpu_per_page_ms=1000 * cpu / len(lay.pages))


# -- the preview while typing ---------------------------------------------------------------------------

def preview(kind: str, edits: str, typing_seconds: str) -> None:
    """Edit the first item's body ``edits`` times (one keystroke, then wait): time to the updated page
    painted; then type steadily for a while: the event loop's worst stall; then memory of both processes."""
    import tempfile
    from pathlib import Path

    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    from export.worker import _executor
    from models.store import Store
    from ui.app import make_app
    from ui.main_window import MainWindow

    tmp = Path(tempfile.mkdtemp(prefix="tianbao-run-"))
    app = make_app()
    store = Store(tmp / "bench.db")
    rid = store.create(_report(kind))
    w = MainWindow(store)
    w.resize(1400, 900)
    w.show()
    w.open_report(rid)
    w.show_preview()
    w.editor.setCurrentIndex(1)
    tab = w.editor.currentWidget()
    tab.ensure_built()
    body = tab.card_for(0).body
    body.setFocus()
    strip = w.docs.preview.strip
    state = {"want": None, "painted": None}

    def fresh() -> bool:
        """The pages on screen painted with their pictures of the new run (not the previous picture)."""
        result = w.docs.preview.result
        if not hasattr(strip, "painted"):  # an older preview: it paints the new run's pages synchronously
            return True
        ids = [result.page_ids[i] for i in strip.visible_pages(0) if i < len(result.page_ids)]
        return all(pid in strip.painted for pid in ids)

    class Painted(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if obj is strip and event.type() == QEvent.Type.Paint and state["want"] is not None \
                    and w.docs.preview.result is state["want"]:
                QTimer.singleShot(0, lambda: state["painted"] is None and fresh()
                                  and state.update(painted=time.perf_counter()))
            return False

    flt = Painted(strip)
    strip.installEventFilter(flt)
    w.docs.typesetter.ready.connect(lambda result: state.update(want=result))

    def wait(pred, limit=30.0):
        end = time.perf_counter() + limit
        while not pred() and time.perf_counter() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            time.sleep(0.001)

    wait(lambda: w.docs.preview.result is not None and w.docs.typesetter.idle())
    wait(lambda: False, 0.5)
    lat = []
    for _ in range(int(edits)):
        state.update(want=None, painted=None)
        body.moveCursor(body.textCursor().MoveOperation.End)
        t = time.perf_counter()
        body.insertPlainText("改")
        wait(lambda: state["painted"] is not None)
        if state["painted"] is not None:
            lat.append(state["painted"] - t)
        wait(lambda: False, 0.15)

    stalls: list[float] = []
    last = [time.perf_counter()]

    def beat():
        now = time.perf_counter()
        stalls.append(now - last[0] - 0.010)
        last[0] = now

    heartbeat = QTimer(interval=10)
    heartbeat.timeout.connect(beat)
    typist = QTimer(interval=120)
    typist.timeout.connect(lambda: body.insertPlainText("改"))
    loop = QEventLoop()
    QTimer.singleShot(int(float(typing_seconds) * 1000), loop.quit)
    heartbeat.start()
    typist.start()
    loop.exec()
    typist.stop()
    heartbeat.stop()
    wait(lambda: w.docs.typesetter.idle(), 20)
    worker = _rss_mb(_executor().pid)
    _emit(latency_median=statistics.median(lat) if lat else None, latency_max=max(lat) if lat else None,
          latency_min=min(lat) if lat else None, stall_worst=max(stalls) if stalls else None,
          rss_window=_rss_mb(), rss_worker=worker, pages=w.docs.preview.result.pages)
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    _root(sys.argv[1])
    globals()[sys.argv[2]](*sys.argv[3:])
