"""User rules and ignores kept in the real database, shared as a file, read by the checks and the CLI."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys

from models.checks import run_checks
from models.migrations import SCHEMA_VERSION
from models.proofread.settings import CONFUSABLE_KIND, FORMULATION_KIND, Ignore, UserRule, load_settings
from models.report import NONE, Item, Report, Section
from models.store import Store
from tests.conftest import ROOT


def _report() -> Report:
    return Report(title="2026年工作总结", date=dt.date(2026, 12, 1), signature="临江市审计局",
                  sections=[Section("工作情况", NONE, items=[Item("", "其它工作同步推进，服务效能不断提升。")])])


def test_rules_and_ignores_survive_reopening(tmp_path):
    path = tmp_path / "t.db"
    store = Store(path)
    rid = store.create(_report())
    assert store.schema_version() == SCHEMA_VERSION
    assert store.add_user_rule(UserRule(CONFUSABLE_KIND, "服务效能", "服务效率"))
    assert not store.add_user_rule(UserRule(CONFUSABLE_KIND, "服务效能", "服务效率"))  # once
    store.add_ignore(Ignore("yh003", "其它", "sections.0.items.0.body", rid))
    store.close()
    store = Store(path)
    report = store.load(rid)
    found = {f.rule for f in run_checks(report, None, store.proofread_settings(rid))}
    assert "user1" in found and "yh003" not in found
    assert "yh003" in {f.rule for f in run_checks(report, None, store.proofread_settings(rid + 1))}
    store.delete(rid)  # the report's 忽略此处 goes with it when purged
    store.purge_trash(days=-1)
    assert store.proofread_settings(rid).ignores == []
    store.close()


def test_cli_check_json_and_rules_file(tmp_path):
    path = tmp_path / "t.db"
    store = Store(path)
    rid = store.create(_report())
    store.add_user_rule(UserRule(FORMULATION_KIND, "乡村振兴五大行动计划"))
    store.add_ignore(Ignore("yh003", "其它"))
    store.close()

    def run(*args):
        return subprocess.run([sys.executable, "main.py", *args, "--db", str(path)], cwd=ROOT,
                              capture_output=True, text=True, encoding="utf-8")

    out = run("check", str(rid), "--json")
    assert out.returncode == 0, out.stderr
    assert not [f for f in json.loads(out.stdout) if f["rule"] == "yh003"]  # 不再提示 holds on the command line
    shared = tmp_path / "本单位校对规则.json"
    assert run("rules", "--export", str(shared)).returncode == 0
    assert [r.text for r in load_settings(shared).rules] == ["乡村振兴五大行动计划"]

    other = tmp_path / "other.db"
    Store(other).close()
    out = subprocess.run([sys.executable, "main.py", "rules", "--import", str(shared), "--db", str(other)],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert out.returncode == 0 and "已导入 1 条校对规则、1 条不再提示" in out.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("不是规则", encoding="utf-8")
    out = subprocess.run([sys.executable, "main.py", "rules", "--import", str(bad), "--db", str(other)],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert out.returncode == 1 and "bad.json 不是有效的校对规则文件" in out.stderr and "Traceback" not in out.stderr
    assert bad.read_text(encoding="utf-8") == "不是规则"
    store = Store(other)
    assert [r.text for r in store.proofread_settings().rules] == ["乡村振兴五大行动计划"]
    store.close()


def test_check_json_names_class_and_rule(tmp_path):
    path = tmp_path / "t.db"
    store = Store(path)
    rid = store.create(_report())
    store.close()
    out = subprocess.run([sys.executable, "main.py", "check", str(rid), "--json", "--db", str(path)], cwd=ROOT,
                         capture_output=True, text=True, encoding="utf-8")
    found = [f for f in json.loads(out.stdout) if f["kind"] == "proofread"]
    assert [(f["category"], f["rule"], f["text"], f["fix"]) for f in found] == [("易混词", "yh003", "其它", "其他")]
    assert found[0]["reason"] and found[0]["source"]


def test_older_schema_upgrades_and_keeps_reports(tmp_path):
    path = tmp_path / "old.db"
    store = Store(path)
    rid = store.create(_report())
    store.close()
    conn = sqlite3.connect(path)  # make it a schema-3 file: drop what m004_proofread made
    conn.execute("DROP TABLE proofread_rules")
    conn.execute("DROP TABLE proofread_ignores")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name='m004_proofread'")
    conn.execute("UPDATE meta SET value='3' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    store = Store(path, readonly=True)
    assert store.proofread_settings().rules == []  # read-only older file: no rules, no error
    store.close()
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION and store.load(rid).title == "2026年工作总结"
    assert store.add_user_rule(UserRule(CONFUSABLE_KIND, "效能"))
    store.close()
