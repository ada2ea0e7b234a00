"""Menus and shortcuts of the main window, declared as data and wired to MainWindow methods."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

# (key, label, shortcut, method, enabled at start) per menu; None = separator. The method is a
# MainWindow attribute path, optionally with one integer argument: "editor.step_tab:-1".
# Features other modules provide (export, print, import, history, checks, backups) start disabled:
# the lead enables window.menu_actions[key] once the hook method does something.
MENUS = {
    "文件": [
        ("new", "新建…", "Ctrl+N", "new_report", True),
        ("copy", "复制为新报告…", "", "copy_report", True),
        None,
        ("import", "导入…", "Ctrl+O", "import_file", False),
        ("paste_import", "粘贴导入…", "Ctrl+Shift+V", "paste_import", False),
        ("export_pdf", "导出PDF…", "Ctrl+E", "export_pdf", False),
        ("print", "打印…", "Ctrl+P", "print_report", False),
        None,
        ("save", "立即保存", "Ctrl+S", "save_now", True),
        None,
        ("quit", "退出", "Ctrl+Q", "close", True),
    ],
    "编辑": [
        ("undo", "撤销", "Ctrl+Z", "undo", False),
        ("redo", "重做", "Ctrl+Shift+Z", "redo", False),
        None,
        ("add_item", "添加条目", "Ctrl+Enter", "editor.add_item_here", True),
        ("remove_item", "删除条目", "Ctrl+Shift+Delete", "editor.remove_item_here", True),
        ("item_up", "上移条目", "Alt+Up", "editor.move_item_here:-1", True),
        ("item_down", "下移条目", "Alt+Down", "editor.move_item_here:1", True),
        None,
        ("add_section", "添加部分", "Ctrl+Shift+Return", "editor.add_section_here", True),
        ("remove_section", "删除部分", "", "editor.remove_section_here", True),
        ("section_left", "部分前移", "Ctrl+Shift+PgUp", "editor.move_section_here:-1", True),
        ("section_right", "部分后移", "Ctrl+Shift+PgDown", "editor.move_section_here:1", True),
        None,
        ("find", "搜索报告", "Ctrl+F", "focus_search", True),
        ("prev_tab", "上一个标签页", "Ctrl+PgUp", "editor.step_tab:-1", True),
        ("next_tab", "下一个标签页", "Ctrl+PgDown", "editor.step_tab:1", True),
    ],
    "报告": [
        ("checks", "检查", "F7", "show_checks", False),
        ("preview", "打印预览", "F8", "show_preview", False),
        ("history", "历史版本…", "", "show_history", False),
        None,
        ("add_formulation", "选中文字加入常用提法", "", "docs.proof.add_formulation", True),
        ("add_confusable", "选中文字加入易错词…", "", "docs.proof.add_confusable", True),
        ("manage_rules", "校对规则…", "", "docs.proof.manage_rules", True),
        ("export_rules", "导出校对规则…", "", "docs.proof.export_rules", True),
        ("import_rules", "导入校对规则…", "", "docs.proof.import_rules", True),
        None,
        ("trash", "回收站…", "", "show_trash", True),
        ("restore_backup", "从备份恢复…", "", "restore_backup", False),
    ],
    "帮助": [
        ("about", "关于天报", "", "show_about", True),
    ],
}

# Shortcuts the window answers wherever the focus is (also when it sits in a text field).
EXTRA_SHORTCUTS = {"add_item": ["Ctrl+Return"], "redo": ["Ctrl+Y"]}  # Ctrl+Y: redo as in Word and WPS

# Actions that need an open report.
NEEDS_REPORT = {"copy", "export_pdf", "print", "add_item", "remove_item", "item_up", "item_down",
                "add_section", "remove_section", "section_left", "section_right", "history", "checks", "preview",
                "add_formulation", "add_confusable"}
# Actions that change the database: off when it is open read-only.
WRITES = {"new", "copy", "import", "paste_import", "save", "trash", "restore_backup", "add_item", "remove_item", "item_up",
          "item_down", "add_section", "remove_section", "section_left", "section_right", "add_formulation",
          "add_confusable", "import_rules"}
# Features whose hook methods other modules fill; MainWindow.enable_feature(key) switches them on.
HOOKED = {"import", "paste_import", "export_pdf", "print", "checks", "preview", "history", "restore_backup"}
# Enabled by the undo stack itself.
SELF_MANAGED = {"undo", "redo"}


def call(window, method: str) -> None:
    """Run "editor.step_tab:-1" as window.editor.step_tab(-1); looked up late so hooks can be replaced."""
    path, _, arg = method.partition(":")
    target = window
    for name in path.split("."):
        target = getattr(target, name)
    target(*([int(arg)] if arg else []))


def build_menus(window) -> dict[str, QAction]:
    """Create every QAction and its menu entry; returns them by key."""
    actions: dict[str, QAction] = {}
    bar = window.menuBar()
    for title, entries in MENUS.items():
        menu = bar.addMenu(window.tr(title))
        for entry in entries:
            if entry is None:
                menu.addSeparator()
                continue
            key, label, shortcut, method, enabled = entry
            act = QAction(window.tr(label), window)
            keys = [QKeySequence(s) for s in [shortcut, *EXTRA_SHORTCUTS.get(key, [])] if s]
            if keys:
                act.setShortcuts(keys)
            act.setEnabled(enabled)
            act.triggered.connect(lambda _checked=False, m=method: call(window, m))
            menu.addAction(act)
            actions[key] = act
    return actions


def follow_undo_stack(window, stack) -> None:
    """撤销/重做 are on only when there is something to undo, and say what: 撤销“删除条目”."""
    for key, can, text, verb in (("undo", stack.canUndoChanged, stack.undoTextChanged, "撤销"),
                                 ("redo", stack.canRedoChanged, stack.redoTextChanged, "重做")):
        act = window.menu_actions[key]
        can.connect(act.setEnabled)
        text.connect(lambda t, a=act, v=verb: a.setText(window.tr(v) + (f"“{t}”" if t else "")))
