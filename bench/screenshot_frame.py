"""Screenshots of 基本信息 and 公文格式 for a unit's report at 1366x768; prints the PNG paths.

Run: xvfb-run -s "-screen 0 1366x768x24" python bench/screenshot_frame.py [OUT_DIR]
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def unit_report():
    """A 党组's 主体责任 report to the 区委 with the whole frame, in our own words."""
    from models.report import Attachment, Item, Letterhead, Record
    from models.templates import load_templates

    report = next(t for t in load_templates() if t.kind == "congyan_unit").new_report()
    report.title = "中共示范区农业农村局党组关于2026年度履行全面从严治党主体责任情况的报告"
    report.recipient = "中共示范区委"
    report.signature = "中共示范区农业农村局党组"
    report.date = dt.date(2026, 12, 1)
    report.sections[0].items = [
        Item("压紧压实主体责任。", "局党组召开专题会议4次，研究部署全面从严治党工作，制定责任清单（见附件1）。"),
        Item("抓好日常监督。", "对高标准农田建设项目开展专项检查，发现问题12个，已整改10个（见附件2《问题整改台账》）。"),
    ]
    report.letterhead = Letterhead(mark="中共示范区农业农村局党组文件", number="示农党组〔2026〕12号",
                                   signers=["王明", "李华"], copy_no="000012", urgency="")
    report.record = Record(cc="区纪委监委，区委组织部。", issuer="示范区农业农村局办公室", date=dt.date(2026, 12, 2))
    report.attachments = [
        Attachment("2026年度落实全面从严治党主体责任任务清单", "一、党组书记第一责任人职责\n（一）每季度听取一次班子成员履职情况汇报。"),
        Attachment("问题整改台账", "序号、问题、整改措施、责任人、完成时限。"),
    ]
    return report


def main(argv: list[str]) -> int:
    from bench.screenshot import shot_folders

    out, tmp = shot_folders(argv)

    from PySide6.QtWidgets import QApplication

    from models.store import Store
    from ui.app import make_app
    from ui.main_window import MainWindow

    app = make_app()
    store = Store(tmp / "shot.db")
    rid = store.create(unit_report())
    window = MainWindow(store)
    window.showMaximized()

    def settle():
        for _ in range(10):
            app.processEvents()

    settle()
    window.open_report(rid)
    window.show_checks()
    settle()
    paths = []
    window.editor.setCurrentIndex(0)
    settle()
    paths.append(out / "screenshot-frame-info.png")
    window.grab().save(str(paths[-1]))
    window.editor.setCurrentWidget(window.editor.frame)
    settle()
    paths.append(out / "screenshot-frame.png")
    window.grab().save(str(paths[-1]))
    bar = window.editor.frame.verticalScrollBar()
    bar.setValue(bar.maximum())
    settle()
    paths.append(out / "screenshot-frame-end.png")
    window.grab().save(str(paths[-1]))
    # The same report with the slips an official makes, in the 检查 panel.
    report = window.current_report()
    report.letterhead.number = "示农党组[2026]第05号"
    report.recipient = "中共示范区委："
    report.record.cc = "区纪委监委、区委组织部"
    report.attachments[1].title = "附件2：问题整改台账。"
    window.editor.set_report(report)
    window.reportChanged.emit()
    window.docs.checks.refresh()
    window.editor.setCurrentWidget(window.editor.frame)
    window.editor.frame.verticalScrollBar().setValue(0)
    settle()
    paths.append(out / "screenshot-frame-checks.png")
    window.grab().save(str(paths[-1]))
    # A personal report: the 称谓 preset and the 公文格式 switch, off.
    from models.templates import load_templates

    personal = next(t for t in load_templates() if t.kind == "shuzhi").new_report()
    personal.title = "2026年度述职述廉报告"
    personal.signature = "王明"
    window.open_report(store.create(personal))
    window.editor.setCurrentIndex(0)
    settle()
    paths.append(out / "screenshot-frame-personal.png")
    window.grab().save(str(paths[-1]))
    window.autosave.discard()
    window.close()
    store.close()
    QApplication.processEvents()
    for p in paths:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
