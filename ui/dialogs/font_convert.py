"""OpenType/CFF fonts (思源, Noto CJK, Fandol) converted to TrueType in the background, with progress and cancel.

A converted copy goes to the cache folder, where the font index finds it under the original names
(export/fontconvert.py); about a minute for a full CJK face, so never during an export.
"""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from export import fontconvert, fontindex


class Cancelled(Exception):
    pass


class ConvertWorker(QThread):
    """Converts the given faces one after the other; ``cancel()`` stops at the next progress step."""

    progress = Signal(str, int, int)  # face name, glyphs done, glyphs in all
    converted = Signal(list)  # paths written (also when cancelled: the faces finished before)
    failed = Signal(str)

    def __init__(self, faces, parent=None):
        super().__init__(parent)
        self.faces = list(faces)
        self._cancel = False
        self.cancelled = False

    def cancel(self) -> None:
        self._cancel = True

    def run(self) -> None:  # the worker thread: no widgets here, only signals
        done = []
        try:
            for info in self.faces:
                name = info.zh or info.en

                def step(n, total, name=name):
                    if self._cancel:
                        raise Cancelled
                    self.progress.emit(name, n, total)

                done.append(str(fontconvert.convert(info, step)))
        except Cancelled:
            self.cancelled = True
        except (OSError, ValueError, KeyError, AssertionError) as e:
            self.failed.emit(f"字体转换失败：{e}")
        self.converted.emit(done)


def pending_faces() -> list:
    """Installed CFF Chinese faces without a TrueType copy yet."""
    return fontconvert.convertible(fontindex.load_index().faces)


def start_conversion(parent: QWidget, on_done) -> ConvertWorker | None:
    """Convert the pending faces with a progress dialog (取消 stops); ``on_done(paths)`` afterwards."""
    faces = pending_faces()
    if not faces:
        return None
    worker = ConvertWorker(faces, parent)
    dialog = QProgressDialog(parent.tr("正在转换字体…"), parent.tr("取消"), 0, 100, parent)
    dialog.setWindowTitle(parent.tr("转换字体"))
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(worker.cancel)

    def progress(name: str, n: int, total: int) -> None:
        dialog.setLabelText(parent.tr("正在把 %1 转换为 TrueType（约需一分钟）…").replace("%1", name))
        dialog.setValue(int(100 * n / max(total, 1)))

    def finished(paths: list) -> None:
        dialog.close()
        on_done(paths, worker.cancelled)

    worker.progress.connect(progress)
    worker.converted.connect(finished)
    worker.finished.connect(worker.deleteLater)
    worker.progress_dialog = dialog
    worker.start()
    return worker
