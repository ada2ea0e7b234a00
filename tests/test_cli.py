"""The command line: list, dump and import round-trip exactly; every error is one line, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.exchange import dump_file, load_file
from models.migrations import SCHEMA_VERSION
from models.report import HEADING, Item, Report, Section
from models.store import Store
from tests.conftest import ROOT
from tests.models.test_migrations import make_newer

ODD = "𠮷😀\u202e\u200fe\u0301\x00\x07\u2028"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=60)


def assert_clean_error(out: subprocess.CompletedProcess, *needles: str) -> None:
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("天报：")
    for n in needles:
        assert n in lines[0], lines[0]


def report(text: str = "") -> Report:
    import datetime as _dt

    return Report(
        kind="述职述廉报告", title="关于2026年度\n述职述廉的报告" + text, preamble="开头" + text,
        sections=[Section(heading="履职情况", run_on=True, intro="导语" + text,
                          items=[Item("抓学习" + text, "正文" + text), Item("", "")]),
                  Section(heading="存在问题" + text, numbering=HEADING, items=[])],
        closing="特此报告。", signature="署名" + text, date=_dt.date(2026, 11, 26), page_limit=3,
    )


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "cli.db"
    store = Store(path)
    store.create(report(ODD))
    store.close()
    return path


def test_list_text_and_json(db):
    out = run("list", "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert "关于2026年度 述职述廉的报告" in out.stdout
    rows = json.loads(run("list", "--db", str(db), "--json").stdout)
    assert [(r["id"], r["kind"]) for r in rows] == [(1, "述职述廉报告")]
    assert rows[0]["title"] == report(ODD).title


def test_list_empty_database(tmp_path):
    out = run("list", "--db", str(tmp_path / "new.db"), "--json")
    assert out.returncode == 0 and json.loads(out.stdout) == []


def test_dump_import_dump_is_identical(db, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert run("dump", "1", "-o", str(first), "--db", str(db)).returncode == 0
    imported = run("import", str(first), "--db", str(db))
    assert imported.returncode == 0, imported.stderr
    new_id = imported.stdout.strip().splitlines()[-1]
    assert new_id == "2"
    assert run("dump", new_id, "-o", str(second), "--db", str(db)).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    assert load_file(first).content_equal(report(ODD))
    data = json.loads(first.read_text(encoding="utf-8"))
    assert data["format"] == "tianbao.report" and data["version"] == 2 and data["date"] == "2026-11-26"


def test_import_into_another_database_round_trips(db, tmp_path):
    data = tmp_path / "a.json"
    run("dump", "1", "-o", str(data), "--db", str(db))
    other = tmp_path / "other.db"
    out = run("import", str(data), "--db", str(other))
    assert out.returncode == 0
    assert Store(other).load(int(out.stdout.split()[-1])).content_equal(report(ODD))


def test_dump_does_not_leave_partial_files(db, tmp_path):
    target = tmp_path / "a.json"
    run("dump", "1", "-o", str(target), "--db", str(db))
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


@pytest.mark.parametrize(
    "content, needle",
    [
        (b"{not json", "不是有效的报告数据文件"),
        (b"\xff\xfe\x00garbage", "不是有效的报告数据文件"),
        (b"[]", "不是天报报告数据文件"),
        (json.dumps({"format": "other.thing", "version": 1}).encode(), "不是天报报告数据文件"),
        (json.dumps({"format": "tianbao.report", "version": 3}).encode(), "版本为 3"),
        (json.dumps({"format": "tianbao.report", "version": "1"}).encode(), "版本号不正确"),
        (json.dumps({"format": "tianbao.report", "version": 1, "date": "2026-13-01"}).encode(), "日期"),
        (json.dumps({"format": "tianbao.report", "version": 1, "sections": {}}).encode(), "sections"),
        (json.dumps({"format": "tianbao.report", "version": 1, "title": 5}).encode(), "title"),
        (json.dumps({"format": "tianbao.report", "version": 1,
                     "sections": [{"numbering": "roman"}]}).encode(), "编号方式"),
    ],
)
def test_import_malformed_file(db, tmp_path, content, needle):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert_clean_error(run("import", str(path), "--db", str(db)), needle)
    assert len(Store(db).list_reports()) == 1


def test_import_missing_and_unreadable(db, tmp_path):
    assert_clean_error(run("import", str(tmp_path / "nope.json"), "--db", str(db)), "找不到文件")
    folder = tmp_path / "folder.json"
    folder.mkdir()
    assert_clean_error(run("import", str(folder), "--db", str(db)), "无法读取")
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    assert_clean_error(run("import", str(tmp_path / "x.pdf"), "--db", str(db)), "不支持的文件类型")
    assert_clean_error(run("import", str(tmp_path / "gone.pdf"), "--db", str(db)), "找不到文件")


def test_dump_unknown_id_and_bad_id(db, tmp_path):
    assert_clean_error(run("dump", "99", "-o", str(tmp_path / "x.json"), "--db", str(db)), "没有编号为 99 的报告")
    assert_clean_error(run("dump", "abc", "-o", str(tmp_path / "x.json"), "--db", str(db)), "报告编号应为数字")
    assert not (tmp_path / "x.json").exists()


def test_dump_to_unwritable_place(db, tmp_path):
    out = run("dump", "1", "-o", str(tmp_path / "no" / "such" / "x.json"), "--db", str(db))
    assert_clean_error(out)


def test_damaged_and_newer_database(tmp_path):
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"hello, not sqlite\n" * 100)
    assert_clean_error(run("list", "--db", str(damaged)), "已损坏")
    assert damaged.read_bytes() == b"hello, not sqlite\n" * 100
    newer = tmp_path / "newer.db"
    make_newer(newer, version=7)
    assert_clean_error(run("list", "--db", str(newer)), "数据格式 7", f"数据格式 {SCHEMA_VERSION}")


def test_dump_file_helper_matches_cli(db, tmp_path):
    """The CLI writes exactly what models.exchange writes."""
    path = tmp_path / "helper.json"
    dump_file(Store(db).load(1), path)
    cli = tmp_path / "cli.json"
    run("dump", "1", "-o", str(cli), "--db", str(db))
    assert path.read_bytes() == cli.read_bytes()


def test_output_in_a_gbk_console_never_fails(db_path):
    """Windows pipes use the ANSI code page (GBK); a title with 𠮷 (not in GBK) must not crash `list`."""
    store = Store(db_path)
    store.create(Report(title="关于𠮷祥村的报告"))
    store.close()
    env = dict(os.environ, PYTHONIOENCODING="gbk")
    out = subprocess.run([sys.executable, "main.py", "list", "--db", str(db_path)], cwd=ROOT,
                         capture_output=True, env=env)
    assert out.returncode == 0, out.stderr.decode("gbk", "replace")
    assert "关于?祥村的报告".encode("gbk") in out.stdout


@pytest.mark.parametrize("args, words", [
    (["export"], "缺少参数"),
    (["frobnicate"], "没有这个命令"),
    (["list", "--bogus"], "无法识别的参数"),
])
def test_a_wrong_command_line_is_answered_in_one_chinese_line(args, words):
    out = subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in out.stderr


def test_help_is_in_chinese_and_every_option_says_what_it_does():
    for args in (["-h"], *([c, "-h"] for c in ("list", "dump", "import", "export", "check", "rules", "fonts"))):
        out = run(*args)
        assert out.returncode == 0, out.stderr
        text = out.stdout
        assert text.startswith("用法：") and "选项" in text, text
        for english in ("usage:", "options:", "positional arguments", "show this help"):
            assert english not in text, (args, english)
        assert text.count("--db FILE ") <= 2  # once in 用法, once among 选项: the shared option is not listed twice
        lines = text.splitlines() + [""]
        for n, line in enumerate(lines[:-1]):
            if line.lstrip().startswith("-"):  # an option: its help in Chinese, on its line or the next
                said = line + (lines[n + 1] if lines[n + 1].startswith("      ") else "")
                assert any("\u4e00" <= ch <= "\u9fff" for ch in said), (args, line)


def test_rules_on_a_new_database_says_there_are_none(tmp_path):
    out = run("--db", str(tmp_path / "new.db"), "rules")
    assert out.returncode == 0 and out.stdout == ""
    assert "还没有本单位的校对规则" in out.stderr
