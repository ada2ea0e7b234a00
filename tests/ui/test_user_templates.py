"""另存为模板: the user's own templates in the database, listed in 新建, renamed, removed, shared as files."""

from __future__ import annotations

import json

import pytest

from models.exchange import ExchangeError
from models.report import Item
from models.user_templates import load_template_file
from tests.ui.conftest import new_report
from ui.dialogs.template_dialog import TemplateDialog


def _own_report(qtbot, window):
    report = new_report(qtbot, window, "congyan")
    report.preamble = "根据区委统一部署，现将本单位情况报告如下："
    report.recipient = "区委组织部"
    report.signature = "某某街道党工委"
    report.sections[0].heading = "主要做法"
    report.sections[0].numbering = "heading"
    report.sections[0].items = [Item("抓学习。", "全年学习12次。"), Item("抓落实。", "落实了各项任务。")]
    window.editor.set_report(report)
    window.save_now()
    return report


def test_save_as_template_and_start_a_new_report_from_it(qtbot, window):
    report = _own_report(qtbot, window)
    window.dialogs.text_answer = "街道述职模板"
    window.menu_actions["save_template"].trigger()
    assert "已保存模板" in window.statusBar().currentMessage()
    assert [name for _id, name, _d in window.store.user_templates()] == ["街道述职模板"]
    window.dialogs.kind = "街道述职模板"
    window.new_report()
    assert "街道述职模板" in [t.name for t in window.dialogs.templates]
    new = window.current_report()
    assert new.id != report.id and new.kind == "congyan"
    assert [s.heading for s in new.sections] == [s.heading for s in report.sections]
    assert new.sections[0].numbering == "heading" and len(new.sections[0].items) == 2
    assert all(not i.body and not i.lead for s in new.sections for i in s.items)  # no last year's text
    assert (new.preamble, new.recipient, new.signature) == (report.preamble, report.recipient, report.signature)


def test_cancelled_name_saves_nothing(qtbot, window):
    _own_report(qtbot, window)
    window.dialogs.text_answer = None
    window.templates.save_as()
    assert window.store.user_templates() == []


def test_rename_delete_export_import_in_the_new_report_dialog(qtbot, window, tmp_path):
    _own_report(qtbot, window)
    window.dialogs.text_answer = "我的模板甲"
    window.templates.save_as()
    dlg = TemplateDialog(window.templates.all(), window, store=window.store, dialogs=window.dialogs)
    qtbot.addWidget(dlg)
    dlg.list.setCurrentRow(0)
    assert not dlg.rename_button.isEnabled()  # built-in templates are not the user's to change
    dlg.list.setCurrentRow(dlg.list.count() - 1)
    assert dlg.rename_button.isEnabled() and dlg.chosen().name == "我的模板甲"
    window.dialogs.text_answer = "我的模板乙"
    dlg.rename()
    assert [n for _i, n, _d in window.store.user_templates()] == ["我的模板乙"]
    assert dlg.chosen().name == "我的模板乙"
    window.dialogs.save_path = str(tmp_path / "模板.json")
    dlg.export()
    name, data = load_template_file(tmp_path / "模板.json")
    assert name == "我的模板乙" and data["recipient"] == "区委组织部"
    window.dialogs.confirm_answer = True
    dlg.delete()
    assert window.store.user_templates() == []
    window.dialogs.open_path = str(tmp_path / "模板.json")
    dlg.import_file()
    assert [n for _i, n, _d in window.store.user_templates()] == ["我的模板乙"]
    assert dlg.chosen().name == "我的模板乙"
    bad = tmp_path / "坏.json"
    bad.write_text(json.dumps({"format": "tianbao.report"}), encoding="utf-8")
    window.dialogs.open_path = str(bad)
    dlg.import_file()
    assert window.dialogs.errors[-1] == "这不是天报的模板文件"
    assert len(window.store.user_templates()) == 1


@pytest.mark.parametrize("content, message", [
    (b"\xff\xfe", "不是有效的模板文件（不是 UTF-8 编码）"),
    (json.dumps({"format": "tianbao.template", "version": 99, "name": "x", "template": {}}).encode(), "较新版本"),
    (json.dumps({"format": "tianbao.template", "version": 1, "name": "x",
                 "template": {"sections": "不是列表"}}).encode(), ""),
])
def test_refused_template_files(tmp_path, content, message):
    path = tmp_path / "t.json"
    path.write_bytes(content)
    with pytest.raises(ExchangeError) as e:
        load_template_file(path)
    assert message in str(e.value)


def test_a_template_name_already_in_the_list_is_not_taken_twice(qtbot, window):
    report = new_report(qtbot, window, "congyan")
    builtin = window.kind_names[report.kind]
    answers = iter([builtin, "本单位从严治党模板"])
    prompts = []

    def ask_text(parent, title, label, text=""):
        prompts.append((label, text))
        return next(answers)

    window.dialogs.ask_text = ask_text
    window.templates.save_as()
    assert prompts[0][1] == f"{builtin}（我的）"  # the suggestion is not the built-in template's own name
    assert prompts[1][0].startswith(f"已有名为“{builtin}”的模板") and prompts[1][1] == f"{builtin}（我的）"
    assert [name for _id, name, _d in window.store.user_templates()] == ["本单位从严治党模板"]
