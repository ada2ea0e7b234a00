"""Menus and shortcuts of the main window, declared as data and wired to MainWindow methods."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

# (key, label, shortcut, method, enabled at start) per menu; None = separator. The method is a
# MainWindow attribute path, optionally with one integer argument: "editor.step_tab:-1".
# Features other modules provide (export, print, import, history, checks, backups) start disabled:
# the lead enables window.menu_actions[key] once the hook method does something.
MENUS = {
    "文件(&F)": [
        ("new", "新建…", "Ctrl+N", "new_report", True),
        ("copy", "复制为新报告…", "Ctrl+Shift+N", "copy_report", True),
        ("save_template", "另存为模板…", "", "templates.save_as", True),
        None,
        ("import", "导入…", "Ctrl+O", "import_file", False),
        ("paste_import", "粘贴导入…", "Ctrl+Shift+V", "paste_import", False),
        None,
        ("export_pdf", "导出PDF…", "Ctrl+E", "export_pdf", False),
        ("export_docx", "导出Word文档…", "", "export_docx", False),
        ("export_ofd", "导出OFD…", "", "export_ofd", False),
        ("print", "打印…", "Ctrl+P", "print_report", False),
        ("taoda", "套打（不印红色版头）", "", "docs.taoda_toggled", True),
        None,
        ("save", "立即保存", "Ctrl+S", "save_now", True),
        None,
        ("quit", "退出", "Ctrl+Q", "close", True),
    ],
    "编辑(&E)": [
        ("undo", "撤销", "Ctrl+Z", "undo", False),
        ("redo", "重做", "Ctrl+Shift+Z", "redo", False),
        None,
        ("add_item", "添加条目", "Ctrl+Enter", "editor.add_item_here", True),
        ("remove_item", "删除条目", "Ctrl+Shift+Delete", "editor.remove_item_here", True),
        ("item_up", "上移条目", "Alt+Up", "editor.move_item_here:-1", True),
        ("item_down", "下移条目", "Alt+Down", "editor.move_item_here:1", True),
        None,
        ("add_section", "添加部分", "Ctrl+Shift+Return", "editor.add_section_here", True),
        ("remove_section", "删除部分", "Ctrl+Shift+Backspace", "editor.remove_section_here", True),
        ("section_left", "部分前移", "Ctrl+Shift+PgUp", "editor.move_section_here:-1", True),
        ("section_right", "部分后移", "Ctrl+Shift+PgDown", "editor.move_section_here:1", True),
        None,
        ("find", "搜索报告", "Ctrl+F", "focus_search", True),
        ("prev_tab", "上一个标签页", "Ctrl+PgUp", "editor.step_tab:-1", True),
        ("next_tab", "下一个标签页", "Ctrl+PgDown", "editor.step_tab:1", True),
        None,
        ("zoom_in", "放大文字", "Ctrl+=", "zoom.step:1", True),
        ("zoom_out", "缩小文字", "Ctrl+-", "zoom.step:-1", True),
        ("zoom_reset", "文字原大", "Ctrl+0", "zoom.step:0", True),
    ],
    "报告(&R)": [
        ("checks", "检查", "F7", "show_checks", False),
        ("preview", "打印预览", "F8", "show_preview", False),
        ("side_by_side", "检查与预览并排", "Shift+F8", "docs.toggle_side_by_side", True),
        ("fonts", "字体设置…", "", "docs.show_font_settings", True),
        ("history", "历史版本…", "Ctrl+H", "show_history", False),
        None,
        ("add_formulation", "选中文字加入常用提法", "", "docs.proof.add_formulation", True),
        ("add_confusable", "选中文字加入易错词…", "", "docs.proof.add_confusable", True),
        ("manage_rules", "校对规则…", "", "docs.proof.manage_rules", True),
        ("export_rules", "导出校对规则…", "", "docs.proof.export_rules", True),
        ("import_rules", "导入校对规则…", "", "docs.proof.import_rules", True),
        None,
        ("trash", "回收站…", "Ctrl+Shift+T", "show_trash", True),
        ("restore_backup", "从备份恢复…", "Ctrl+Shift+B", "restore_backup", False),
    ],
    "帮助(&H)": [
        ("shortcuts", "快捷键一览", "F1", "show_shortcuts", True),
        ("about", "关于天报", "", "show_about", True),
    ],
}

# The toolbar (ui/toolbar.py): the same actions as the menu; None = separator.
TOOLBAR = ["new", "import", None, "checks", "preview", None, "export_pdf", "print"]

# Shortcuts the window answers wherever the focus is (also when it sits in a text field).
EXTRA_SHORTCUTS = {"add_item": ["Ctrl+Return"], "redo": ["Ctrl+Y"], "zoom_in": ["Ctrl++"]}  # Ctrl+Y: redo as in Word and WPS

# Actions that need an open report.
NEEDS_REPORT = {"copy", "export_pdf", "export_docx", "export_ofd", "save_template", "print", "add_item", "remove_item",
                "item_up", "item_down", "add_section", "remove_section", "section_left", "section_right", "history", "checks", "preview",
                "add_formulation", "add_confusable"}
# Actions that change the database: off when it is open read-only.
WRITES = {"new", "copy", "import", "paste_import", "save", "trash", "restore_backup", "add_item", "remove_item", "item_up",
          "item_down", "add_section", "remove_section", "section_left", "section_right", "add_formulation",
          "add_confusable", "import_rules"}
# Features whose hook methods other modules fill; MainWindow.enable_feature(key) switches them on.
HOOKED = {"import", "paste_import", "export_pdf", "export_docx", "export_ofd", "print", "checks", "preview", "history",
          "restore_backup"}
# Check-box entries: 套打 (export and print onto paper with the red 版头 pre-printed).
CHECKABLE = {"taoda"}
# Enabled by the undo stack itself.
SELF_MANAGED = {"undo", "redo", "toolbar"}


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
            # Parsed as written (PortableText): the default, NativeText, goes by the key names on screen, and those
            # name Return and the keypad's Enter alike (resources/i18n/keys_zh_CN.ts): one action would get the same key twice.
            keys = [QKeySequence(s, QKeySequence.SequenceFormat.PortableText)
                    for s in [shortcut, *EXTRA_SHORTCUTS.get(key, [])] if s]
            if keys:
                act.setShortcuts(keys)
            act.setEnabled(enabled)
            act.setCheckable(key in CHECKABLE)
            act.triggered.connect(lambda _checked=False, m=method: call(window, m))
            menu.addAction(act)
            actions[key] = act
    return actions


# Keys that are not menu entries, for 快捷键一览.
OTHER_KEYS = [
    ("在引领句中按回车", "转到该条正文"),
    ("Tab / Shift+Tab", "在各栏之间前后移动"),
    ("Esc", "关闭对话框，不做改动"),
]


def _keys(shortcuts: list[str]) -> str:
    """The keys as the menus show them (resources/i18n/keys_zh_CN.ts names them as on the keycaps)."""
    from PySide6.QtGui import QKeySequence

    shown = []
    for key in shortcuts:
        text = QKeySequence(key, QKeySequence.SequenceFormat.PortableText).toString(
            QKeySequence.SequenceFormat.NativeText)
        if text not in shown:  # Ctrl+Return and Ctrl+Enter are the same key to the official
            shown.append(text)
    return " 或 ".join(shown)


def shortcut_text() -> str:
    """帮助 > 快捷键一览: every menu entry that has a key, by menu, from MENUS itself (never out of date)."""
    out = []
    for title, entries in MENUS.items():
        rows = [f"  {label.rstrip('…')}：{_keys([shortcut, *EXTRA_SHORTCUTS.get(key, [])])}"
                for key, label, shortcut, _m, _on in (e for e in entries if e is not None) if shortcut]
        if rows:
            out += [title.split("(")[0], *rows]
    out += ["其他", *(f"  {what}：{does}" for what, does in OTHER_KEYS)]
    return "\n".join(out)


def follow_undo_stack(window, stack) -> None:
    """撤销/重做 are on only when there is something to undo, and say what: 撤销“删除条目”."""
    for key, can, text, verb in (("undo", stack.canUndoChanged, stack.undoTextChanged, "撤销"),
                                 ("redo", stack.canRedoChanged, stack.redoTextChanged, "重做")):
        act = window.menu_actions[key]
        can.connect(act.setEnabled)
        text.connect(lambda t, a=act, v=verb: a.setText(window.tr(v) + (f"“{t}”" if t else "")))
