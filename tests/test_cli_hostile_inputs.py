"""Hostile inputs beyond the import corpus: rules and template files are read as carefully as reports (a device,
a FIFO, a huge, deep or odd file is refused at once in one Chinese sentence), a file that cannot be written says
why in Chinese, and odd numbers, symbols, schema versions and report ids get a sentence, never a traceback."""

from __future__ import annotations

import json
import os
import time

import pytest

from models.exchange import ExchangeError
from models.proofread.settings import SettingsFileError, load_settings
from models.user_templates import load_template_file
from tests.test_cli import assert_clean_error, run

HEAD = '{"format": "tianbao.proofread", "version": 1, '


def rules_file(tmp_path, body: str, name: str = "rules.json"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.skipif(os.name != "posix", reason="devices and FIFOs")
def test_a_device_or_a_fifo_named_like_a_rules_file_is_refused_at_once(tmp_path):
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    for path in (zero, fifo):
        t = time.perf_counter()
        with pytest.raises(SettingsFileError):
            load_settings(path)
        with pytest.raises(ExchangeError):
            load_template_file(path)
        assert time.perf_counter() - t < 5  # /dev/zero was read without end, a FIFO waited for ever


def test_a_huge_rules_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.json"
    with open(path, "wb") as f:
        f.truncate(64 * 1024 * 1024)  # sparse: nothing written, 64 MB long
    with pytest.raises(SettingsFileError, match="超过"):
        load_settings(path)


@pytest.mark.parametrize("body", [
    "[" * 100_000,  # Python's parser recursed until it failed
    HEAD + '"rules": [{"kind": "formulation", "text": 1' + "0" * 5000 + '}]}',  # int() refused 5,000 digits
])
def test_deep_or_overlong_rules_files_get_one_sentence(tmp_path, body):
    with pytest.raises(SettingsFileError):
        load_settings(rules_file(tmp_path, body))


def test_a_lone_surrogate_in_a_rule_is_stored_as_a_replacement_character(tmp_path):
    path = rules_file(tmp_path, HEAD + '"rules": [{"kind": "formulation", "text": "两个\\ud800维护"}], '
                                       '"ignores": [{"rule": "yh001", "text": "\\udfff"}]}')
    settings = load_settings(path)
    assert settings.rules[0].text == "两个\ufffd维护" and settings.ignores[0].text == "\ufffd"
    db = path.parent / "t.db"
    out = run("--db", str(db), "rules", "--import", str(path))  # the database accepts what was read
    assert out.returncode == 0, out.stderr


def test_rules_files_that_cannot_be_read_or_written_say_why_in_chinese(tmp_path):
    db = str(tmp_path / "t.db")
    folder = tmp_path / "folder.json"
    folder.mkdir()
    assert_clean_error(run("--db", db, "rules", "--import", str(folder)), "文件夹")
    assert_clean_error(run("--db", db, "rules", "--export", str(tmp_path / "missing" / "r.json")), "不存在")
    assert_clean_error(run("--db", db, "rules", "--export", str(folder)), "文件夹")
    plain = tmp_path / "plain.txt"
    plain.write_text("x", encoding="utf-8")
    assert_clean_error(run("--db", db, "rules", "--export", str(plain / "r.json")), "不是文件夹")
    long_name = str(tmp_path / ("长" * 100 + ".json"))
    assert_clean_error(run("--db", db, "rules", "--export", long_name), "文件名过长")
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_a_template_file_with_deep_nesting_is_refused(tmp_path):
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"format": "x"}) [:-1] + ', "a": ' + "[" * 50_000 + "]" * 50_000 + "}",
                    encoding="utf-8")
    with pytest.raises(ExchangeError):
        load_template_file(path)


# -- found by a second hostile sweep: each once ended in a Python traceback ------------------------------

def test_a_five_thousand_digit_number_before_qian_is_checked(tmp_path):
    db = str(tmp_path / "t.db")
    text = tmp_path / "a.txt"
    text.write_text("关于工作的报告\n一、主要工作\n一是服务群众" + "1" * 5000 + "千人次。\n", encoding="utf-8")
    assert run("--db", db, "import", str(text)).returncode == 0
    out = run("--db", db, "check", "1")
    assert out.returncode == 0 and "Traceback" not in out.stderr


def test_a_word_symbol_that_is_half_a_surrogate_pair_or_a_control_is_dropped(tmp_path):
    from models.importers.dispatch import read_report_file
    from tests.hostile_files import document_xml, docx_bytes, paragraphs

    body = ('<w:p><w:r><w:t>一是抓学习</w:t><w:sym w:font="宋体" w:char="D800"/><w:sym w:char="0000"/>'
            '<w:sym w:char="001B"/><w:sym w:font="宋体" w:char="2605"/><w:t>。</w:t></w:r></w:p>')
    path = tmp_path / "b.docx"
    path.write_bytes(docx_bytes(document_xml(paragraphs("关于工作的报告", "一、主要工作") + body)))
    report = read_report_file(path)[0]
    assert report.sections[0].items[0].lead + report.sections[0].items[0].body == "抓学习★。"
    assert run("--db", str(tmp_path / "t.db"), "import", str(path)).returncode == 0


@pytest.mark.parametrize("version", ["²", "1" * 5000, "٣"])
def test_a_schema_version_that_is_no_number_is_refused_in_chinese(tmp_path, version):
    import sqlite3

    from tests.hostile_dbs import good_database
    from tests.hostile_files import fingerprint

    db = good_database(tmp_path / "db" / "c.db")
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [version])
    conn.commit()
    conn.close()
    before = fingerprint(db.parent)
    for args in (["list"], ["check", "1"]):
        out = run("--db", str(db), *args)
        assert "Traceback" not in out.stderr and out.stderr.startswith("天报：")
    assert fingerprint(db.parent) == before


def test_an_sqlite_file_with_nothing_in_it_reads_as_an_empty_report_database(tmp_path):
    import sqlite3

    from tests.hostile_files import fingerprint

    db = tmp_path / "db" / "e.db"
    db.parent.mkdir()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE x(a)")
    conn.execute("DROP TABLE x")
    conn.commit()
    conn.close()
    before = fingerprint(db.parent)
    out = run("--db", str(db), "list")
    assert out.returncode == 0 and out.stderr == "" and out.stdout.strip() == ""
    assert_clean_error(run("--db", str(db), "check", "1"), "没有编号为 1 的报告")
    assert fingerprint(db.parent) == before  # read-only commands leave it as it was


@pytest.mark.parametrize("rid", ["99999999999999999999", "0", "-3", "1" * 5000])
def test_report_numbers_no_report_can_have_are_answered_in_chinese(tmp_path, rid):
    from tests.hostile_dbs import good_database

    db = good_database(tmp_path / "f.db")
    for command in (["check", "--", rid], ["dump", "-o", str(tmp_path / "o.json"), "--", rid]):
        assert_clean_error(run("--db", str(db), *command), "报告")
