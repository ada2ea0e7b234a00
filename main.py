"""Tianbao 报告填报助手: parse the command line, open the store, start the window or run a sub-command."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


class CliError(Exception):
    """One clear line for stderr, then a non-zero exit."""


_ARGPARSE_WORDS = (
    ("the following arguments are required: ", "缺少参数："),
    ("unrecognized arguments: ", "无法识别的参数："),
    ("invalid choice: ", "没有这个命令："),
    ("expected one argument", "需要跟一个值"),
    ("(choose from ", "（可用："),
    ("argument ", "参数 "),
)


class _ChineseHelp(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse, but in Chinese: its help (用法、参数、选项) and a wrong command line in one sentence."""

    def __init__(self, *args, add_help: bool = True, parents=(), **kwargs):
        kwargs.setdefault("formatter_class", _ChineseHelp)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")
        for parent in parents:  # after the titles are Chinese, so a parent's options join ours (as argparse does)
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def error(self, message: str) -> None:  # type: ignore[override]
        for en, zh in _ARGPARSE_WORDS:
            message = message.replace(en, zh)
        self.exit(2, f"天报：命令行有误：{message}（用 {self.prog} -h 查看用法）\n")


def _open_store(args, *, readonly: bool = False):
    """list, dump, check and export open read-only: they never write, also on read-only media or a full disk."""
    from models.paths import default_db
    from models.store import Store

    path = Path(args.db) if args.db else default_db()
    if readonly and not path.exists():
        raise CliError(f"找不到数据库文件：{path}")
    store = Store(path, readonly=readonly)
    _OPENED.append(store)
    return store


_OPENED: list = []  # stores a sub-command opened: closed before the process leaves (see _leave)
_RAN: list = []  # the sub-command main() ran


def _leave(code: int) -> None:
    """End a sub-command without the interpreter's teardown (~40 ms of freeing what the OS frees anyway):
    every store is closed (the WAL folded back) and both streams flushed first. The window is not
    left this way: Qt and the preview's worker process clean up after themselves."""
    for store in _OPENED:
        store.close()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said anyway
            pass
    os._exit(code)


def _report_id(text: str) -> int:
    try:
        value = int(text) if len(text) <= 30 else None
    except ValueError:
        value = None
    if value is None:
        raise CliError(f"报告编号应为数字，而不是“{text[:30]}{'…' if len(text) > 30 else ''}”")
    if not 0 < value < 2 ** 63:  # SQLite's integers: a larger number is no report's
        raise CliError(f"没有编号为 {text} 的报告")
    return value


def cmd_list(args) -> int:
    from models.paths import default_db
    from models.templates import template_names

    path = Path(args.db) if args.db else default_db()
    # No file yet: no reports, and listing them creates nothing.
    rows = _open_store(args, readonly=True).list_reports() if path.exists() else []
    if args.json:
        print(json.dumps([{"id": r.id, "kind": r.kind, "title": r.title, "updated": r.updated} for r in rows],
                         ensure_ascii=False, indent=2))
        return 0
    names = template_names()
    for r in rows:
        title = r.title.replace("\n", " ") or "（无标题）"
        print(f"{r.id}\t{names.get(r.kind, r.kind)}\t{title}\t{r.updated}")
    return 0


def cmd_dump(args) -> int:
    from models.exchange import dump_file

    store = _open_store(args, readonly=True)
    report = store.load(_report_id(args.id))
    dump_file(report, args.output)
    return 0


def cmd_import(args) -> int:
    from models.importers.dispatch import read_report_file

    report, summary = read_report_file(args.file)
    store = _open_store(args)
    rid = store.create(report)
    for line in summary.lines() if hasattr(summary, "lines") else [summary]:  # what the window shows
        print(line, file=sys.stderr)
    print(rid)
    return 0


def cmd_export(args) -> int:
    from export.backends import exporter_for
    from export.fontwalk import prefetch

    kind, export = exporter_for(args.output)  # .pdf, .docx or .ofd; anything else is refused before any work
    prefetch()  # the font list is read while the store opens
    store = _open_store(args, readonly=True)  # a read-only command never writes the database
    report = store.load(_report_id(args.id))
    result = export(report, args.output, taoda=args.taoda)
    for w in result.warnings:
        print(f"提示：{w}", file=sys.stderr)
    print(f"已导出 {result.pages} 页（{kind}）：{args.output}", file=sys.stderr)
    return 0


def cmd_check(args) -> int:
    from export.facts import typeset_facts
    from models.checks import run_checks

    store = _open_store(args, readonly=True)
    report = store.load(_report_id(args.id))
    findings = run_checks(report, typeset_facts(report), store.proofread_settings(report.id))
    if args.json:
        print(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        for f in findings:
            print(f.describe())
        print(f"共 {len(findings)} 处", file=sys.stderr)
    return 0


def cmd_rules(args) -> int:
    from models.proofread.settings import SettingsFileError, dump_settings, load_settings

    store = _open_store(args)
    if args.import_file:
        try:
            added = store.import_proofread(load_settings(args.import_file))
        except SettingsFileError as e:
            raise CliError(str(e)) from None
        print(f"已导入 {added[0]} 条校对规则、{added[1]} 条不再提示", file=sys.stderr)
    if args.export_file:
        try:
            dump_settings(store.proofread_settings(), args.export_file)
        except SettingsFileError as e:
            raise CliError(str(e)) from None
        print(f"已导出校对规则：{args.export_file}", file=sys.stderr)
    if not args.import_file and not args.export_file:
        settings = store.proofread_settings()
        for r in settings.rules:
            print(("常用提法" if r.kind == "formulation" else "易错词") + f"\t{r.text}" + (f"\t→ {r.suggest}" if r.suggest else ""))
        for i in settings.ignores:
            print(f"不再提示\t{i.rule}\t{i.text}")
        if not settings.rules and not settings.ignores:
            print("还没有本单位的校对规则（在窗口中选中文字加入，或用 --import 导入规则文件）", file=sys.stderr)
    return 0


def cmd_fonts(args) -> int:
    from export.fonts import ROLE_LABELS, ROLES, get_fontset

    if args.convert:
        from export.fontconvert import convert_pending

        def progress(name: str, done: int, total: int) -> None:
            print(f"\r正在转换 {name}：{done}/{total}", end="", file=sys.stderr, flush=True)

        convert_pending(progress)
        print(file=sys.stderr)
    fonts = get_fontset(refresh=args.rescan or args.convert)
    for role in ROLES:
        chain = fonts.chain(role)
        rest = "、".join(f.family for f in chain[1:4])
        print(f"{ROLE_LABELS[role]}\t{fonts.face(role).family}" + (f"\t（补字：{rest}…）" if rest else ""))
    for line in fonts.substitutions:
        print(f"提示：{line}", file=sys.stderr)
    if fonts.convertible:
        print("可转换后使用的字体（运行 fonts --convert）：" + "、".join(fonts.convertible), file=sys.stderr)
    return 0


def cmd_window(args) -> int:
    from ui.app import run

    return run(args.db)


def build_parser() -> argparse.ArgumentParser:
    db = ChineseArgumentParser(add_help=False)
    db.add_argument("--db", metavar="FILE", default=argparse.SUPPRESS, help="报告数据库文件（默认在用户数据文件夹）")
    p = ChineseArgumentParser(prog="tianbao", description="报告填报助手：填写结构化报告，导出符合 GB/T 9704 的 PDF")
    p.add_argument("--db", metavar="FILE", default=None, help="报告数据库文件（默认在用户数据文件夹）")
    sub = p.add_subparsers(dest="command", metavar="命令", parser_class=ChineseArgumentParser)
    s = sub.add_parser("list", parents=[db], help="列出报告")
    s.add_argument("--json", action="store_true", help="以 JSON 输出")
    s.set_defaults(func=cmd_list)
    s = sub.add_parser("dump", parents=[db], help="把报告写成数据文件（.json）")
    s.add_argument("id", help="报告编号（list 列出）")
    s.add_argument("-o", "--output", required=True, metavar="FILE.json", help="写入的数据文件")
    s.set_defaults(func=cmd_dump)
    s = sub.add_parser("import", parents=[db], help="导入 .json、.txt、.docx、.doc 或 .wps，新建报告并输出其编号")
    s.add_argument("file", help="要导入的文件")
    s.set_defaults(func=cmd_import)
    s = sub.add_parser("export", parents=[db], help="导出 PDF、Word 文档（.docx）或 OFD，按文件扩展名选择")
    s.add_argument("id", help="报告编号（list 列出）")
    s.add_argument("-o", "--output", required=True, metavar="OUT.pdf|.docx|.ofd", help="导出的文件，扩展名决定格式")
    s.add_argument("--taoda", action="store_true", help="套打：不印红色发文机关标志和分隔线，其余位置不变（PDF、OFD）")
    s.set_defaults(func=cmd_export)
    s = sub.add_parser("check", parents=[db], help="检查报告中待填写、标点等问题")
    s.add_argument("id", help="报告编号（list 列出）")
    s.add_argument("--json", action="store_true", help="以 JSON 输出（含类别和规则编号）")
    s.set_defaults(func=cmd_check)
    s = sub.add_parser("rules", parents=[db], help="列出本单位的校对规则；--export/--import 导出或导入规则文件")
    s.add_argument("--export", dest="export_file", metavar="FILE.json", help="把规则导出为文件")
    s.add_argument("--import", dest="import_file", metavar="FILE.json", help="从文件导入规则")
    s.set_defaults(func=cmd_rules)
    s = sub.add_parser("fonts", parents=[db], help="显示各部分所用字体；--rescan 重新扫描，--convert 转换 OpenType(CFF) 中文字体")
    s.add_argument("--rescan", action="store_true", help="重新扫描已安装的字体")
    s.add_argument("--convert", action="store_true", help="转换 OpenType(CFF) 中文字体后使用")
    s.set_defaults(func=cmd_fonts)
    p.set_defaults(func=cmd_window)
    return p


def _tolerant_output() -> None:
    """A Windows console or pipe in GBK cannot encode every character (𠮷): print a ? rather than fail."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def main(argv: list[str] | None = None) -> int:
    _tolerant_output()
    args = build_parser().parse_args(argv)
    if args.func is cmd_window:
        # The preview's worker first, before the window's imports (PySide6 alone ~80 ms): its own start-up
        # (the layout, reportlab, the fonts) then runs beside them, and the first page is ready sooner.
        from export.worker import warm_up

        warm_up()
    from models.exchange import ExchangeError
    from models.store import StoreError

    errors: tuple[type[BaseException], ...] = (CliError, StoreError, ExchangeError)
    try:
        from export.errors import ExportError

        errors += (ExportError,)
    except ImportError:
        pass
    _RAN.append(args.func)
    try:
        return args.func(args)
    except errors as e:
        print(f"天报：{e}", file=sys.stderr)
        return 1
    except OSError as e:
        from models.oserrors import os_reason

        print(f"天报：{e.filename or ''} {os_reason(e, writing=False)}".strip(), file=sys.stderr)
        return 1
    except MemoryError:  # a last guard: the caps should refuse first
        print("天报：内存不足，无法完成；文件未被改动", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def launch() -> None:
    """Entry point of `python main.py`, the frozen build and the installed `tianbao` commands."""
    if getattr(sys, "frozen", False) and sys.argv[1:2] == ["--preview-worker"]:  # export.worker.WORKER_FLAG
        from export.workerproc import serve  # the frozen build's preview worker: its own executable again

        serve(int(sys.argv[2]) if sys.argv[2:3] and sys.argv[2].isdigit() else 0)
    code = main()
    if _RAN and _RAN[-1] is not cmd_window:
        _leave(code)  # a sub-command: files flushed and closed, no interpreter teardown
    sys.exit(code)


if __name__ == "__main__":
    launch()
