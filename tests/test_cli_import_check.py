"""`main.py import` of .txt/.docx and `main.py check`, run as a user would: a real process and a real database."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import docx
import pytest

from tests.conftest import ROOT, SAMPLE


def _run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd or ROOT,
                          capture_output=True, text=True, timeout=60)


def _import(path, db) -> int:
    out = _run("import", str(path), "--db", str(db))
    assert out.returncode == 0, out.stderr
    return int(out.stdout.strip().splitlines()[-1])


def _one_chinese_error(out: subprocess.CompletedProcess, words: str) -> None:
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert words in lines[0] and re.search(r"[\u4e00-\u9fff]", lines[0])


def test_import_sample_txt_then_check(db_path):
    out = _run("import", str(SAMPLE), "--db", str(db_path))
    assert out.returncode == 0, out.stderr
    assert re.fullmatch(r"\d+", out.stdout.strip().splitlines()[-1])
    assert "3 部分 / 15 条" in out.stderr
    rid = out.stdout.strip().splitlines()[-1]

    from models.store import Store

    report = Store(db_path).load(int(rid))
    assert [len(s.items) for s in report.sections] == [6, 5, 4]

    out = _run("check", rid, "--db", str(db_path), "--json")
    assert out.returncode == 0, out.stderr
    findings = json.loads(out.stdout)
    placeholders = [f for f in findings if f["kind"] == "placeholder"]
    assert len(placeholders) == 12 and {f["text"] for f in placeholders} == {"X", "***"}
    assert {"field", "start", "end", "message", "severity", "fix", "place"} <= set(findings[0])
    # 孤字 come from the real layout through export.facts: the same places as an in-process typesetting
    from export.facts import typeset_facts

    ends = typeset_facts(report).paragraph_ends
    expected = [(e.field, e.start, e.end) for e in ends if 1 <= e.chars <= 2 and e.field.startswith("sections")]
    assert [(f["field"], f["start"], f["end"]) for f in findings if f["kind"] == "orphan"] == expected

    out = _run("check", rid, "--db", str(db_path))
    assert out.returncode == 0
    assert "第一部分第2条正文：“X件”中的“X”待填写数字" in out.stdout.splitlines()
    assert re.search(r"共 \d+ 处", out.stderr)


def _exported_text(path, db_path, pdf) -> str:
    """Import ``path``, export it with the CLI, read the PDF back: its text without page numbers or whitespace."""
    import pdfplumber

    rid = _import(path, db_path)
    out = _run("export", str(rid), "-o", str(pdf), "--db", str(db_path))
    assert out.returncode == 0, out.stderr
    with pdfplumber.open(pdf) as doc:
        text = "".join(page.extract_text() for page in doc.pages)
    return re.sub(r"\s+", "", re.sub(r"—\s*\d+\s*—", "", text))


def test_import_then_export_reproduces_the_sample(db_path, tmp_path):
    text = _exported_text(SAMPLE, db_path, tmp_path / "out.pdf")
    assert text == re.sub(r"\s+", "", SAMPLE.read_text(encoding="utf-8"))


def test_import_gb18030_and_docx(db_path, tmp_path):
    gb = tmp_path / "记事本.txt"
    gb.write_bytes("关于情况的报告\r\n一、情况\r\n一是好。二是也好。\r\n".encode("gb18030"))
    rid = _import(gb, db_path)
    d = docx.Document()
    for line in ("一、做法", "（一）抓学习", "学原文。", "（二）抓落实", "见成效。", "示范县委", "2026年11月26日"):
        d.add_paragraph(line)
    path = tmp_path / "草稿.docx"
    d.save(path)
    rid2 = _import(path, db_path)
    assert rid2 == rid + 1

    from models.store import Store

    store = Store(db_path)
    a, b = store.load(rid), store.load(rid2)
    assert a.title == "关于情况的报告" and [i.lead for i in a.sections[0].items] == ["好。", "也好。"]
    assert b.sections[0].numbering == "heading" and b.signature == "示范县委" and b.date.isoformat() == "2026-11-26"


def test_check_clean_report_exits_zero(db_path, tmp_path):
    txt = tmp_path / "r.txt"
    txt.write_text("关于情况的报告\n一、情况\n一是工作扎实。各项任务全部完成。\n二是作风过硬。群众普遍满意。\n示范县委\n2026年11月26日\n", encoding="utf-8")
    rid = _import(txt, db_path)
    out = _run("check", str(rid), "--db", str(db_path), "--json")
    assert out.returncode == 0, out.stderr
    assert [f for f in json.loads(out.stdout) if f["severity"] != "info"] == []


@pytest.mark.parametrize("name, content, words", [
    ("missing.txt", None, "找不到文件"),
    ("garbage.txt", bytes(range(256)) * 8, "不像文字"),
    ("broken.docx", b"PK\x03\x04 this is not a word file", "不是有效的 Word 文档"),
    ("report.pdf", b"%PDF-1.4", "不支持的文件类型"),
    ("empty.txt", b"", "空的"),
])
def test_import_errors(db_path, tmp_path, name, content, words):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    _one_chinese_error(_run("import", str(path), "--db", str(db_path)), words)
    if db_path.exists():  # a failed import adds nothing
        assert json.loads(_run("list", "--json", "--db", str(db_path)).stdout) == []


def test_check_errors(db_path, tmp_path):
    _import(SAMPLE, db_path)
    _one_chinese_error(_run("check", "abc", "--db", str(db_path)), "编号")
    out = _run("check", "999", "--db", str(db_path))
    assert out.returncode != 0 and "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_check_finds_a_real_orphan(db_path, tmp_path):
    txt = tmp_path / "r.txt"
    # the layout mends a 孤字 it can (the line above gives it a character); before "乙。" stands a 6-digit
    # number, which cannot be split or moved down without loosening its line too much: a real 孤字
    txt.write_text("关于情况的报告\n" + "甲" * 23 + "123456乙。\n一、情况\n一是工作扎实。各项任务全部完成。\n",
                   encoding="utf-8")
    rid = _import(txt, db_path)
    out = _run("check", str(rid), "--db", str(db_path), "--json")
    orphans = [f for f in json.loads(out.stdout) if f["kind"] == "orphan"]
    assert [(f["field"], f["text"]) for f in orphans] == [("preamble", "乙。")]
    assert "孤字" in orphans[0]["message"]


VARIED = """关于2026年度述职述廉情况的报告

按照市委组织部要求，现将本人履职情况报告如下：
一、履职尽责情况
（一）加强政治建设
坚持把政治建设摆在首位，全年组织专题学习12次。
（二）推动重点工作。围绕中心工作，统筹推进各项任务。
二、廉洁自律情况
严格遵守中央八项规定精神。主要做到：一是管住自己；二是管好身边人；三是守住底线。
三、今后努力方向
1.加强理论学习。每月集中学习一次。
2.改进工作作风。深入基层调查研究。
特此报告。

示范县委组织部
2026年11月26日
"""


def test_varied_report_exports_its_own_text(db_path, tmp_path):
    src = tmp_path / "varied.txt"
    src.write_text(VARIED, encoding="utf-8")
    assert _exported_text(src, db_path, tmp_path / "varied.pdf") == re.sub(r"\s+", "", VARIED)


def test_import_of_a_word_97_document_prints_the_summary(db_path):
    corpus = ROOT / "tests" / "data" / "import"
    out = _run("import", str(corpus / "letterhead_97.doc"), "--db", str(db_path))
    assert out.returncode == 0, out.stderr
    assert "3 部分 / 6 条（来自Word 97-2003 文档）" in out.stderr
    assert "主送：中共某某县委" in out.stderr and "版头" in out.stderr and "版记" in out.stderr
    from models.store import Store

    report = Store(db_path).load(int(out.stdout.strip().splitlines()[-1]))
    assert report.record.issuer == "某某县某某局办公室"


def test_import_of_an_encrypted_file_leaves_the_database_alone(db_path, tmp_path):
    path = tmp_path / "加密.doc"
    data = (ROOT / "tests" / "data" / "import" / "auto_numbering_97.doc").read_bytes()
    path.write_bytes(data[:512] + b"\x00" * 10)  # an OLE header and nothing readable
    out = _run("import", str(path), "--db", str(db_path))
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "另存为" in lines[0] and "Traceback" not in out.stderr
    assert _run("list", "--db", str(db_path)).stdout.strip() == ""


DUMP_CHILD = r"""
import resource, signal, sys
sys.path.insert(0, {root!r})
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
import main
sys.exit(main.main(["--db", sys.argv[1], "dump", "1", "-o", sys.argv[2]]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_dump_that_cannot_be_written_says_so_in_chinese_and_keeps_the_old_file(tmp_path):
    from models.report import Item, Report, Section
    from models.store import Store

    db = tmp_path / "r.db"
    store = Store(db)
    store.create(Report(title="标题", sections=[Section(heading="一", items=[Item("一是", "字" * 3000)])]))
    store.close()
    old = tmp_path / "old.json"
    old.write_text("原有内容", encoding="utf-8")
    cases = {"full": (str(old), "无法保存报告数据文件"), "folder": (str(tmp_path), "这是一个文件夹"),
             "missing": (str(tmp_path / "no" / "x.json"), "不存在")}
    for name, (target, words) in cases.items():
        out = subprocess.run([sys.executable, "-c", DUMP_CHILD.format(root=str(ROOT)), str(db), target],
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 1, (name, out.stderr)
        assert out.stderr.startswith("天报：") and words in out.stderr and "Traceback" not in out.stderr, out.stderr
        assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert old.read_text(encoding="utf-8") == "原有内容"
