"""The proofreader in the window: grouped findings with counts, reasons on hover, fixes, ignores kept in
the database, rules from selected text, the rules file, and marks on the preview pages."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from models.report import NONE, Item, Report, Section

BODY = "截止目前，已完成各项任务。其它工作同步推进，约300余人参加培训。学习《党章》、《准则》。推进乡村振兴五大计划行动。"


def _open(window) -> Report:
    report = Report(kind="zongjie", title="2026年工作总结", date=dt.date(2026, 12, 1), signature="临江市审计局",
                    sections=[Section("工作情况", NONE, items=[Item("", BODY)])])
    window.add_report(report)
    panel = window.docs.checks
    panel.refresh()
    return window.current_report()


def _rows(panel) -> list[str]:
    return [panel.list.item(r).text() for r in range(panel.list.count())]


def _finding_row(panel, rule: str):
    f = next(f for f in panel.findings if f.rule == rule)
    return f, panel.item_for(f)


def test_findings_grouped_by_class_with_counts_and_reasons(qtbot, window):
    _open(window)
    panel = window.docs.checks
    rows = _rows(panel)
    assert "易混词（2）" in rows and "数字（1）" in rows and "标点（1）" in rows
    heading = panel.list.item(rows.index("易混词（2）"))
    assert not heading.flags() & Qt.ItemFlag.ItemIsSelectable
    # each group's findings follow its heading
    at = rows.index("易混词（2）")
    assert "“截止”应为“截至”" in rows[at + 1] and "“其它”应为“其他”" in rows[at + 2]
    assert panel.counts.text() == "易混词 2　标点 1　数字 1"
    f, item = _finding_row(panel, "yh001")
    assert "依据：《现代汉语词典》" in item.toolTip() and "截至" in item.toolTip()


def test_one_click_fix_only_where_one_answer_is_right(qtbot, window):
    report = _open(window)
    panel = window.docs.checks
    window.show_checks()
    _f, item = _finding_row(panel, "sz02")  # 约300余: two ways to mend it, so no fix button
    panel.list.setCurrentItem(item)
    assert not panel.fix_one.isVisible() and panel.ignore_here.isVisible()
    _f, item = _finding_row(panel, "yh001")
    panel.list.setCurrentItem(item)
    assert panel.fix_one.isVisible() and panel.fix_one.text() == "改为“截至”"
    panel.fix_one.click()
    assert window.store.load(report.id).sections[0].items[0].body.startswith("截至目前")
    panel.refresh()
    assert "yh001" not in {f.rule for f in panel.findings}


def test_a_fix_is_one_step_of_undo_and_redo_and_each_is_saved(qtbot, window):
    report = _open(window)
    panel = window.docs.checks
    window.show_checks()
    _f, item = _finding_row(panel, "yh001")
    panel.list.setCurrentItem(item)
    panel.fix_one.click()
    body = lambda: window.store.load(report.id).sections[0].items[0].body  # noqa: E731
    assert body().startswith("截至目前")
    assert window.menu_actions["undo"].isEnabled() and "检查修改" in window.menu_actions["undo"].text()
    window.undo()
    assert window.current_report().sections[0].items[0].body.startswith("截止目前")
    window.autosave.flush()
    assert body().startswith("截止目前")  # the undone fix is saved too
    window.redo()
    window.autosave.flush()
    assert body().startswith("截至目前")


def test_fix_all_is_one_step_of_undo(qtbot, window):
    report = _open(window)
    item = window.current_report().sections[0].items[0]
    item.body = before = "任务完成,效果良好;群众满意."
    window.editor.refresh_texts()
    window.docs.fix_all("halfwidth_punct")
    assert item.body == "任务完成，效果良好；群众满意。"
    window.undo()
    window.autosave.flush()
    assert window.store.load(report.id).sections[0].items[0].body == before


def test_ignore_here_and_never_again_are_kept_in_the_database(qtbot, window, open_window, db_path):
    report = _open(window)
    panel = window.docs.checks
    window.show_checks()
    _f, item = _finding_row(panel, "yh003")
    panel.list.setCurrentItem(item)
    panel.ignore_here.click()
    assert "yh003" not in {f.rule for f in panel.findings}
    _f, item = _finding_row(panel, "bd01")
    panel.list.setCurrentItem(item)
    panel.ignore_always.click()
    assert "bd01" not in {f.rule for f in panel.findings}
    settings = window.store.proofread_settings(report.id)
    assert [(i.rule, i.text, bool(i.field)) for i in settings.ignores] == [("yh003", "其它", True), ("bd01", "、", False)]
    other = Report(kind="zongjie", title="另一份总结", sections=[Section("情况", NONE, items=[Item("", BODY)])])
    window.add_report(other)
    panel.refresh()
    rules = {f.rule for f in panel.findings}
    assert "yh003" in rules and "bd01" not in rules  # 忽略此处 stays with its report; 不再提示 holds everywhere


def test_selected_text_becomes_a_formulation_or_a_confusable(qtbot, window, dialogs):
    report = _open(window)
    panel = window.docs.checks
    body = report.sections[0].items[0].body
    i = body.index("已完成")
    window.select_field("sections.0.items.0.body", i, i + 3)
    dialogs.text_answer = "业已完成"
    window.menu_actions["add_confusable"].trigger()
    found = {f.rule: f for f in panel.findings}
    assert found["user1"].fix == "业已完成" and found["user1"].category == "易混词"
    window.select_field("sections.0.items.0.body", 0, 0)
    window.menu_actions["add_formulation"].trigger()
    assert dialogs.asked[-1][1] == "请先在报告中选中要加入的文字。"
    report = window.current_report()
    report.sections[0].items[0].body += "乡村振兴五大行动计划全面实施。"
    window.editor.set_report(report)
    j = report.sections[0].items[0].body.index("乡村振兴五大行动计划")
    window.select_field("sections.0.items.0.body", j, j + len("乡村振兴五大行动计划"))
    window.menu_actions["add_formulation"].trigger()
    near = [f for f in panel.findings if f.rule == "userf1"]
    assert [(f.text, f.fix) for f in near] == [("乡村振兴五大计划行动", "乡村振兴五大行动计划")]


def test_rules_file_export_and_import(qtbot, window, dialogs, tmp_path):
    _open(window)
    window.store.add_ignore(__import__("models.proofread.settings", fromlist=["Ignore"]).Ignore("yh003", "其它"))
    path = tmp_path / "规则.json"
    dialogs.save_path = str(path)
    window.menu_actions["export_rules"].trigger()
    assert path.exists()
    bad = tmp_path / "坏.json"
    bad.write_text("{", encoding="utf-8")
    dialogs.open_path = str(bad)
    window.menu_actions["import_rules"].trigger()
    assert dialogs.errors[-1].startswith("文件 坏.json 不是有效的校对规则文件")
    dialogs.open_path = str(path)
    window.menu_actions["import_rules"].trigger()
    assert dialogs.asked[-1][1] == "已导入 0 条校对规则、0 条不再提示。"  # already there: nothing doubled


def test_preview_marks_findings_while_checks_is_open(qtbot, window):
    _open(window)
    qtbot.waitUntil(lambda: window.docs.preview.result is not None and window.docs.typesetter.idle(), timeout=15000)
    strip = window.docs.preview.strip
    qtbot.waitUntil(lambda: "sections.0.items.0.body" in strip.marks)
    assert (0, 2) in strip.marks["sections.0.items.0.body"]  # 截止
    window.docs.checks_dock.toggleViewAction().trigger()  # 检查 closed: no marks
    assert strip.marks == {}
    window.docs.checks_dock.toggleViewAction().trigger()
    assert strip.marks


def test_rules_dialog_lists_and_deletes(qtbot, window):
    from models.proofread.settings import CONFUSABLE_KIND, Ignore, UserRule
    from ui.dialogs.proofread_rules import ProofreadRulesDialog

    report = _open(window)
    window.store.add_user_rule(UserRule(CONFUSABLE_KIND, "服务效能", "服务效率"))
    window.store.add_ignore(Ignore("yh003", "其它", "sections.0.items.0.body", report.id))
    dlg = ProofreadRulesDialog(window.store, window)
    qtbot.addWidget(dlg)
    rows = [dlg.list.item(r).text() for r in range(dlg.list.count())]
    assert rows == ["易错词：服务效能 → 服务效率", "忽略此处：“其它”——公文统一用“其他”，指人指物均可"]
    dlg.list.setCurrentRow(1)
    dlg.delete_button.click()
    assert window.store.proofread_settings(report.id).ignores == []
    assert [dlg.list.item(r).text() for r in range(dlg.list.count())] == ["易错词：服务效能 → 服务效率"]


def test_checks_while_typing_run_off_the_windows_thread(qtbot, window):
    """A pause in typing (or new typesetting facts) checks a snapshot in the typesetting worker's process: the
    call returns at once and the findings arrive later, the same as a check on the window's thread; an answer
    for a report no longer open, or older than what is shown, is dropped."""
    import threading

    import models.checks as checks_module

    report = _open(window)
    panel = window.docs.checks
    before = [f.describe() for f in panel.findings]
    threads: list[str] = []
    real = checks_module._run_checks

    def noting(*args):  # the real checks, noting which thread of this process ran them (the worker's own
        # checks are not seen here: an empty list, or the warm-up's thread, is the expected outcome)
        threads.append(threading.current_thread().name)
        return real(*args)

    checks_module._run_checks = noting
    try:
        report.sections[0].items[0].body += "全年召开会议十二次，研讨12次，学习15次，培训20次。"
        panel.refresh_soon()
        assert [f.describe() for f in panel.findings] == before  # nothing checked on this thread yet
        qtbot.waitUntil(lambda: any("十二" in f.text for f in panel.findings), timeout=10_000)
        assert threading.main_thread().name not in threads  # checked in the worker's process, not here
        from ui.check_panel import grouped

        here = grouped(checks_module.run_checks(report, panel.facts, panel.settings))
        assert [f.describe() for f in panel.findings] == [f.describe() for f in here]

    finally:
        checks_module._run_checks = real

    from ui.check_panel import CheckPanel

    alone = CheckPanel()
    qtbot.addWidget(alone)
    alone.report = report
    alone.refresh_soon()
    alone.report = Report(title="另一份报告")  # another report opened before the answer came
    qtbot.waitUntil(lambda: not alone._runner.busy(), timeout=10_000)
    qtbot.wait(50)
    assert alone.findings == []
    alone.report = report
    alone.refresh_soon()
    alone.refresh()  # a check on this thread after the request: the request's answer is older, and dropped
    shown = list(alone.findings)
    assert shown
    alone.findings = []
    qtbot.waitUntil(lambda: not alone._runner.busy(), timeout=10_000)
    qtbot.wait(50)
    assert alone.findings == []


def test_checks_while_typing_keep_the_newest_text_the_offices_rules_and_the_facts(qtbot):
    """Requests made while one is out: the newest text's findings appear. A typing pause checks with the office's
    rules and ignores and with the typesetting facts, as a check on the window's thread does; the same snapshot
    is not checked twice; while the start-up check is pending, nothing goes to the worker."""
    from export.facts import typeset_facts
    from models.checks import run_checks
    from models.proofread.settings import CONFUSABLE_KIND, Ignore, Settings, UserRule
    from ui.check_panel import CheckPanel

    panel = CheckPanel()
    qtbot.addWidget(panel)
    report = Report(kind="zongjie", title="2026年工作总结", date=dt.date(2026, 12, 1), signature="临江市审计局",
                    sections=[Section("工作情况", NONE, items=[Item("", BODY)] + [Item("", "各项工作有序推进。" * 40)] * 4)],
                    page_limit=1)
    panel.settings = Settings([UserRule(CONFUSABLE_KIND, "服务效能", "服务效率")], [Ignore("yh003", "其它")])
    panel.facts = typeset_facts(report)
    with_facts = {f.kind for f in run_checks(report, panel.facts)} - {f.kind for f in run_checks(report)}
    assert with_facts  # the pages run over the limit: a finding only the facts give
    panel.report = report
    panel.refresh_soon()
    report.sections[0].items[0].body = BODY + "强化服务效能。"  # typed while the first check is out
    panel.refresh_soon()
    report.sections[0].items[0].body = BODY + "强化服务效能，一如继往。"
    panel.refresh_soon()  # replaces the waiting one
    qtbot.waitUntil(lambda: any(f.text == "一如继往" for f in panel.findings), timeout=15_000)
    found = {f.rule for f in panel.findings}
    assert "user1" in found and "yh003" not in found  # the office's rule applied, its ignore kept
    here = {(f.rule, f.field, f.start) for f in run_checks(report, panel.facts, panel.settings)}
    assert {(f.rule, f.field, f.start) for f in panel.findings} == here  # facts' findings (empty signature…) too
    assert with_facts <= {f.kind for f in panel.findings}

    assert panel._runner.run(report, panel.facts, panel.settings) == 0  # this very snapshot was asked for already
    panel.hold = True
    report.sections[0].items[0].body = BODY
    asked = panel._runner.last_request()
    panel.refresh_soon()
    assert panel._runner.last_request() == asked  # held: nothing sent
