"""Every hostile import file (tests/hostile_files.py) ends in one clear Chinese message, fast, with nothing changed."""

from __future__ import annotations

import io
import json
import random
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from models.exchange import ExchangeError, dumps
from models.importers import limits
from models.importers.dispatch import read_report_file
from models.report import Item, Report, Section
from tests.conftest import ROOT
from tests.hostile_files import document_xml, docx_bytes, fingerprint, import_cases, paragraphs

CJK = re.compile(r"[\u4e00-\u9fff]")
SECONDS_PER_FILE = 10


def test_every_hostile_import_file_is_refused_cleanly(tmp_path):
    folder = tmp_path / "in"
    cases = import_cases(folder)
    assert len(cases) > 100
    before = fingerprint(folder)
    problems = []
    for case in cases:
        start = time.monotonic()
        try:
            read_report_file(case.path)
            if not case.harmless:
                problems.append(f"{case.name}: accepted")
        except ExchangeError as e:
            if not CJK.search(str(e)) or "Traceback" in str(e) or "\n" in str(e):
                problems.append(f"{case.name}: unclear message {e!r}")
        except BaseException as e:  # noqa: BLE001 - this is what the test looks for
            problems.append(f"{case.name}: {type(e).__name__}: {e}")
        if time.monotonic() - start > SECONDS_PER_FILE:
            problems.append(f"{case.name}: took {time.monotonic() - start:.1f} s")
    assert problems == []
    assert fingerprint(folder) == before  # every input byte for byte, FIFOs and links as they were
    assert not (tmp_path / "evil.xml").exists() and not (tmp_path.parent / "evil.xml").exists()


CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from models.exchange import ExchangeError
from models.importers.dispatch import read_report_file
from tests.hostile_files import import_cases
slowest = 0.0
for case in import_cases(Path(sys.argv[1])):
    start = time.monotonic()
    try:
        read_report_file(case.path)
    except ExchangeError:
        pass
    slowest = max(slowest, time.monotonic() - start)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # Linux keeps this across exec: the parent's size
try:
    peak = int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM:")).split()[1])  # this process only
except (OSError, StopIteration):
    pass
print(json.dumps({{"maxrss_kb": peak, "slowest": slowest}}))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="resource and FIFOs are POSIX")
def test_hostile_imports_in_bounded_memory_and_time(tmp_path):
    """In a child process: a hang fails by the timeout, memory by the peak resident size."""
    out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)), str(tmp_path / "in")],
                         capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-800:]
    figures = json.loads(out.stdout)
    assert figures["maxrss_kb"] < 400 * 1024, figures  # the caps refuse before inflating or reading
    assert figures["slowest"] < SECONDS_PER_FILE, figures


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)


def test_cli_import_of_hostile_files_exits_1_with_one_line_and_no_database(tmp_path):
    cases = {c.name: c for c in import_cases(tmp_path / "in")}
    db = tmp_path / "db" / "reports.db"
    for name in ("fifo.txt", "bomb-200mb.docx", "method-99.docx", "nested-100000.json", "euc-kr.txt",
                 "page-limit-true.json", "dev-zero.docx"):
        out = _cli("import", str(cases[name].path), "--db", str(db))
        assert out.returncode == 1, (name, out.stderr)
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("天报：") and "Traceback" not in out.stderr, (name, out.stderr)
        assert not db.exists()  # the file is read before the database is opened


# -- the caps do not refuse real reports ------------------------------------------------------------

def test_real_files_near_the_limits_still_import(tmp_path):
    lines = ["关于2026年度工作情况的报告", "一、主要工作"] + [f"抓好第{i}项工作，取得实效。" for i in range(1, 3000)]
    txt = tmp_path / "big.txt"
    txt.write_text("\n".join(lines), encoding="gbk")
    report, _ = read_report_file(txt)
    assert sum(len(s.items) for s in report.sections) > 2000
    docx = tmp_path / "big.docx"
    docx.write_bytes(docx_bytes(document_xml(paragraphs(*lines))))
    assert read_report_file(docx)[0].title == "关于2026年度工作情况的报告"
    data = tmp_path / "big.json"
    big = Report(title="标题", page_limit=limits_page(), sections=[
        Section(heading=f"部分{k}", run_on=True, items=[Item(f"一是{j}。", "正文" * 50) for j in range(50)])
        for k in range(40)])
    data.write_text(dumps(big), encoding="utf-8")
    back = read_report_file(data)[0]
    assert back.sections[3].run_on is True and back.page_limit == limits_page()


def limits_page() -> int:
    from models.exchange import MAX_PAGE_LIMIT

    return MAX_PAGE_LIMIT


def test_korean_and_chinese_in_utf8_import_but_euc_kr_does_not(tmp_path):
    from tests.hostile_files import KOREAN

    ok = tmp_path / "utf8.txt"
    ok.write_text("一、总结\n" + KOREAN, encoding="utf-8")
    read_report_file(ok)
    gbk = tmp_path / "gbk.txt"
    gbk.write_text("一、主要工作\n一是坚持学习，推进各项工作落实。二是抓好制度建设。", encoding="gbk")
    read_report_file(gbk)
    bad = tmp_path / "euckr.txt"
    bad.write_bytes(KOREAN.encode("euc-kr"))
    with pytest.raises(ExchangeError, match="编码"):
        read_report_file(bad)


# -- fuzzing -------------------------------------------------------------------------------------------

def _mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        at = rng.randrange(len(out) + 1) if out else 0
        if op == 0 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif op == 1:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif op == 2:
            del out[at:at + rng.randint(1, 64)]
        elif op == 3 and out:
            chunk = out[at:at + rng.randint(1, 256)]
            out[at:at] = chunk * rng.randint(1, 50)
        elif op == 4:
            out = out[:at]
        else:
            out[at:at] = rng.choice([b"{", b"[", b"\"", b"\\u", b"<w:p>", b"\x00", b"\xff", b"1e999", b"-", b"PK\x03\x04"])
    return bytes(out)


def _seeds() -> dict[str, list[bytes]]:
    text = "关于工作的报告\n一、主要工作\n一是抓学习。二是抓落实。\n二、下步打算\n（一）加强学习\n特此报告。\n2026年11月26日\n"
    report = Report(title="标题", sections=[Section(heading="一", items=[Item("一是。", "正文")])])
    xml = document_xml(paragraphs(*text.splitlines()))
    return {
        ".txt": [text.encode("utf-8"), text.encode("gbk"), text.encode("utf-16")],
        ".json": [dumps(report).encode("utf-8")],
        ".docx": [docx_bytes(xml)],
        ".xml": [xml.encode("utf-8")],  # mutated, then zipped into a valid container
    }


FUZZ_CASES = 400
FUZZ_SECONDS = 40


def test_fuzzed_imports_raise_only_the_projects_error(tmp_path):
    """A seeded mutator (reproducible): any exception but ExchangeError, or a slow file, fails."""
    rng = random.Random(20261202)
    seeds = _seeds()
    start = time.monotonic()
    problems = []
    for n in range(FUZZ_CASES):
        kind = rng.choice(list(seeds))
        data = _mutate(rng.choice(seeds[kind]), rng)
        suffix = kind
        if kind == ".xml":
            data, suffix = docx_bytes(data), ".docx"
        path = tmp_path / f"f{n}{suffix}"
        path.write_bytes(data)
        t0 = time.monotonic()
        try:
            read_report_file(path)
        except ExchangeError as e:
            assert str(e)
        except BaseException as e:  # noqa: BLE001
            problems.append(f"{path.name}: {type(e).__name__}: {e}")
        if time.monotonic() - t0 > 5:
            problems.append(f"{path.name}: slow")
        assert path.read_bytes() == data
        path.unlink()
        if time.monotonic() - start > FUZZ_SECONDS:
            break
    assert problems == []


def test_zip_limits_are_checked_from_the_central_directory_before_inflating():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:p/>" * (limits.MAX_XML_BYTES // 6 + 10))
    data = buf.getvalue()
    assert len(data) < 1024 * 1024
    with pytest.raises(limits.ImportLimitError, match="32 MB"):
        limits.open_docx_zip(data, "x.docx")
    ok = docx_bytes(document_xml(paragraphs("一是。")))
    with limits.open_docx_zip(ok, "ok.docx") as z:
        assert limits.read_member(z, "word/document.xml").startswith(b"<?xml")


def test_fifo_is_refused_at_once_not_waited_on(tmp_path):
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    start = time.monotonic()
    with pytest.raises(ExchangeError, match="不是普通文件"):
        read_report_file(fifo)
    assert time.monotonic() - start < 2
    assert Path(fifo).exists()
