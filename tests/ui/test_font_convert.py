"""CFF fonts are converted in the background from 字体设置, with progress and cancel."""

from __future__ import annotations

import shutil

from export import fontconvert
from export.fontindex import gb2312_hanzi, load_index
from tests.export.test_fonts import KAI, _fake_cff_cjk, needs_debian_fonts
from ui.dialogs.font_convert import ConvertWorker, pending_faces
from ui.dialogs.font_dialog import FontSettingsDialog

HANZI = "".join(chr(c) for c in sorted(gb2312_hanzi())[:1100])  # enough to count as a Chinese font


@needs_debian_fonts
def test_convert_button_converts_with_progress(qtbot, font_dir):
    shutil.copy(KAI, font_dir)
    _fake_cff_cjk(font_dir / "NotoSerifCJK.otf", "Noto Serif CJK SC", HANZI)
    assert [f.en for f in pending_faces()] == ["Noto Serif CJK SC"]
    dlg = FontSettingsDialog(None)
    qtbot.addWidget(dlg)
    assert not dlg.convert_button.isHidden() and "Noto Serif CJK SC" in dlg.convert_note.text()
    dlg.convert()
    with qtbot.waitSignal(dlg.worker.finished, timeout=30000):
        pass
    qtbot.waitUntil(lambda: "已转换 1 个字体" in dlg.convert_note.text())
    assert pending_faces() == []
    assert any(f.usable and f.en == "Noto Serif CJK SC" for f in load_index().faces)


@needs_debian_fonts
def test_cancel_writes_nothing(qtbot, font_dir):
    _fake_cff_cjk(font_dir / "NotoSerifCJK.otf", "Noto Serif CJK SC", HANZI)
    faces = pending_faces()
    worker = ConvertWorker(faces)
    worker.cancel()  # before the first glyph: the progress step stops it
    with qtbot.waitSignal(worker.converted, timeout=30000) as done:
        worker.start()
    worker.wait()
    assert done.args == [[]] and worker.cancelled
    assert not fontconvert.converted_path(faces[0]).exists()
