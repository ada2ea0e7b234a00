"""Rules and template files are read as carefully as reports: a device, a FIFO, a huge, deep or odd file is
refused at once in one Chinese sentence, and a file that cannot be written says why in Chinese too."""

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
