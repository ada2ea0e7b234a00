"""Screenshots of the window filled with the real sample report; prints the PNG paths.

Run: QT_QPA_PLATFORM=offscreen python bench/screenshot.py [OUT_DIR]   (or under Xvfb with DISPLAY set)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def shot_folders(argv: list[str]) -> tuple[Path, Path]:
    """(folder for the PNGs, a temp folder for the data): the real user folders are never touched."""
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="tianbao-shot-"))
    for var in ("TIANBAO_DATA_DIR", "TIANBAO_CONFIG_DIR", "TIANBAO_CACHE_DIR"):
        os.environ.setdefault(var, str(tmp / var.lower()))
    return out, tmp


def main(argv: list[str]) -> int:
    out, tmp = shot_folders(argv)

    from PySide6.QtWidgets import QApplication

    from bench.sample_report import sample_report
    from models.store import Store
    from ui.app import make_app
    from ui.main_window import MainWindow

    app = make_app()
    store = Store(tmp / "shot.db")
    old = sample_report()
    old.title = "关于2025年度履行全面从严治党责任情况的报告"
    store.create(old)
    store.create(sample_report())
    window = MainWindow(store)
    free = window.screen().availableGeometry()
    window.resize(min(1400, free.width()), min(900, free.height()))  # 1366x768 under Xvfb, as office PCs
    window.show()
    window.splitter.setSizes([280, 1100])

    def settle():
        for _ in range(5):
            app.processEvents()

    def typeset():
        """Wait for the background typesetter, so the preview and 检查 panels show real results."""
        import time

        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            app.processEvents()
            if (window.docs.preview.result is not None and window.docs.typesetter.idle()
                    and not window.docs.first_check_pending):
                break
            time.sleep(0.02)
        settle()

    typeset()  # and the first check, which follows the first paint
    paths = []
    window.editor.setCurrentIndex(0)
    settle()
    paths.append(out / "screenshot-info.png")
    window.grab().save(str(paths[-1]))
    window.editor.setCurrentIndex(1)
    settle()
    tab = window.editor.currentWidget()
    tab.cards.cards()[1].lead.setFocus()
    typeset()
    window.show_preview()
    settle()
    paths.append(out / "screenshot.png")
    window.grab().save(str(paths[-1]))
    window.show_checks()
    settle()
    paths.append(out / "screenshot-checks.png")
    window.grab().save(str(paths[-1]))
    window.docs.toggle_side_by_side()  # 检查与预览并排
    settle()
    paths.append(out / "screenshot-side.png")
    window.grab().save(str(paths[-1]))
    window.docs.toggle_side_by_side()
    paths += extra_shots(window, store, out, settle)
    window.autosave.flush()
    window.close()
    store.close()
    QApplication.processEvents()
    for p in paths:
        print(p)
    return 0


def extra_shots(window, store, out: Path, settle) -> list[Path]:
    """The dialogs issue 13 changed: 复制为新报告, 历史版本 with its marks."""
    from ui.dialogs.carry_forward_dialog import CarryForwardDialog
    from ui.dialogs.history_dialog import HistoryDialog

    paths = []

    def shoot(dialog, name: str) -> None:
        """Show ``dialog``, save its picture as screenshot-NAME.png and close it."""
        dialog.show()
        settle()
        paths.append(out / f"screenshot-{name}.png")
        dialog.grab().save(str(paths[-1]))
        dialog.close()

    first = store.list_reports()[-1].id
    shoot(CarryForwardDialog(store.load(first), window), "copy")
    report = store.load(first)
    store.snapshot(first, "保存")
    report.sections[0].items[0].body = report.sections[0].items[0].body.replace("认真", "切实", 1) + "今年新增一项。"
    store.save(report)
    shoot(HistoryDialog(store, first, window), "history")
    from ui.dialogs.font_dialog import FontSettingsDialog

    shoot(FontSettingsDialog(store.load(first), window), "fonts")
    from models.templates import load_templates
    from models.user_templates import template_data, user_template
    from ui.dialogs.base import Dialogs
    from ui.dialogs.template_dialog import TemplateDialog

    store.add_user_template("我的述职报告模板", template_data(store.load(first)))
    templates = load_templates() + [user_template(*row) for row in store.user_templates()]
    tdlg = TemplateDialog(templates, window, store=store, dialogs=Dialogs())
    tdlg.list.setCurrentRow(len(templates) - 1)
    shoot(tdlg, "templates")
    from ui.dialogs.carry_forward import carry_forward

    rid = store.create(carry_forward(store.load(first), False, True))  # 复制为新报告: 沿用 in 检查
    window.reload_list(rid)
    window.open_report(rid)
    window.editor.setCurrentIndex(1)
    window.show_checks()
    settle()
    paths.append(out / "screenshot-carried.png")
    window.grab().save(str(paths[-1]))
    paths.append(backup_question(window, store, out, settle))
    return paths


def backup_question(window, store, out: Path, settle) -> Path:
    """从备份恢复's question: what replaces what (reports, last change)."""
    from PySide6.QtWidgets import QMessageBox

    from models.backup import daily_backup
    from ui.dialogs.backup_dialog import BackupDialog

    daily_backup(store)
    path = out / "screenshot-backup.png"

    def show(parent, title, text, yes="", no="", risky=False, details=""):
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Yes
                          | QMessageBox.StandardButton.No, parent)
        box.button(QMessageBox.StandardButton.Yes).setText(yes)
        box.button(QMessageBox.StandardButton.No).setText(no)
        box.show()
        settle()
        box.grab().save(str(path))
        box.close()
        return False

    dlg = BackupDialog(store.path, window, confirm=show)
    dlg.restore_selected()
    dlg.close()
    return path


if __name__ == "__main__":
    sys.exit(main(sys.argv))
