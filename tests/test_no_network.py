"""The program never touches the network: a whole session under an audit hook that records any network call.

Audit hooks cannot be removed, so the session runs in a subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT

SESSION = r'''
import json, os, sys
sys.path.insert(0, ROOT)

NETWORK = {
    "socket.connect", "socket.connect_ex", "socket.getaddrinfo", "socket.gethostbyname",
    "socket.gethostbyname_ex", "socket.gethostbyaddr", "socket.getnameinfo", "socket.sendto",
    "socket.sendmsg", "socket.bind", "urllib.Request", "http.client.connect", "http.client.send",
    "ftplib.connect", "smtplib.connect", "poplib.connect", "imaplib.open", "nntplib.connect", "telnetlib.Telnet.open",
    "webbrowser.open",
}
calls = []


def hook(event, args):
    if event in NETWORK or (event == "socket.__new__" and args[1:2] and args[1] in (2, 10)):  # AF_INET/AF_INET6
        calls.append([event, repr(args)[:200]])
        raise RuntimeError(f"network call during a Tianbao session: {event}")


sys.addaudithook(hook)
done = []

import datetime as _dt
from pathlib import Path
from models.opening import open_store
from models.templates import load_templates
from models.backup import daily_backup
from models.report import Item

db = Path(sys.argv[1])
store, readonly = open_store(db)
daily_backup(store)
report = next(t for t in load_templates() if t.kind == "congyan").new_report()
report.title = "关于2026年度履行全面从严治党责任情况的报告"
report.date = _dt.date(2026, 11, 26)
rid = store.create(report)
report.sections[0].items.append(Item("抓学习", "坚持第一议题制度，全年开展集中学习12次。"))
store.save(report)
store.snapshot(rid, "保存")
done.append("store")

try:
    from export.backends.pdf import export_pdf, render_pdf_bytes
except ImportError:
    export_pdf = None
if export_pdf is not None:
    result = export_pdf(store.load(rid), db.parent / "out.pdf")
    assert result.pages >= 1 and (db.parent / "out.pdf").stat().st_size > 1000
    store.snapshot(rid, "导出PDF")
    done.append("export")

from PySide6.QtCore import QTimer
from ui.app import make_app
app = make_app([])
try:
    from ui.main_window import MainWindow
except ImportError:
    MainWindow = None
if MainWindow is not None:
    w = MainWindow(store)
    w.show()
    app.processEvents()
    w.open_report(rid)
    for _ in range(20):
        app.processEvents()
    w.save_now()
    done.append("window")
    import time
    deadline = time.monotonic() + 30
    while w.docs.preview.result is None and time.monotonic() < deadline:  # the live preview's worker process
        app.processEvents()
        time.sleep(0.02)
    assert w.docs.preview.result is not None and w.docs.preview.result.pages >= 1
    done.append("live preview")
    if export_pdf is not None:
        from ui.preview.pdf_pages import PdfPages
        data, result = render_pdf_bytes(store.load(rid))
        pages = PdfPages(data)
        image = pages.render(0, 40)  # the preview
        assert not image.isNull()
        done.append("preview")
        from PySide6.QtPrintSupport import QPrinter
        from ui.preview.printing import make_printer, print_layout
        printer = make_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(db.parent / "printed.pdf"))
        assert print_layout(result.layout, printer) >= 1
        done.append("print")
    w.close()
    app.processEvents()
store.close()
print(json.dumps({"calls": calls, "done": done}))
'''


def test_whole_session_makes_no_network_call(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIANBAO_DATA_DIR=str(tmp_path / "data"),
               TIANBAO_CONFIG_DIR=str(tmp_path / "config"), XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    code = f"ROOT = {str(ROOT)!r}\n" + SESSION
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "tianbao.db")], capture_output=True,
                         text=True, env=env, cwd=tmp_path, timeout=240)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["calls"] == []
    assert result["done"] == ["store", "export", "window", "live preview", "preview", "print"]
    print("network audit covered:", result["done"])


def test_the_hook_does_catch_a_connection(tmp_path):
    """The harness itself works: a real connection attempt is recorded and stopped."""
    code = f"ROOT = {str(ROOT)!r}\n" + SESSION.split("sys.addaudithook(hook)")[0] + (
        "sys.addaudithook(hook)\n"
        "import socket\n"
        "try:\n"
        "    socket.create_connection(('example.invalid', 80), timeout=1)\n"
        "except (RuntimeError, OSError):\n"
        "    pass\n"
        "print(json.dumps(calls))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)[0][0] in ("socket.getaddrinfo", "socket.connect")
