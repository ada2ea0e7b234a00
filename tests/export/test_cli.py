"""`python main.py export ID -o OUT.pdf` in a real process, against a real database."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pdfplumber

from models.store import Store
from tests.conftest import ROOT
from tests.export.sample import expected_text, sample_report


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=dict(os.environ),
                          capture_output=True, text=True, timeout=60)


def test_export_command_writes_the_pdf(db_path, tmp_path):
    store = Store(db_path)
    rid = store.create(sample_report())
    store.close()
    out = tmp_path / "报告.pdf"
    proc = run_cli("export", str(rid), "-o", str(out), "--db", str(db_path))
    assert proc.returncode == 0, proc.stderr
    assert "已导出 5 页" in proc.stderr
    assert "提示：" in proc.stderr or proc.stderr.count("\n") == 1  # substitutions, if any, on stderr
    with pdfplumber.open(out) as pdf:
        text = "".join(c["text"] for p in pdf.pages for c in p.chars if c["size"] != 14.0)
    assert re.sub(r"\s", "", text) == expected_text()


def test_export_command_fails_with_one_clear_line(db_path, tmp_path):
    store = Store(db_path)
    rid = store.create(sample_report())
    store.close()
    proc = run_cli("export", str(rid), "-o", str(tmp_path / "missing" / "x.pdf"), "--db", str(db_path))
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1].startswith("天报：保存位置不存在")
    assert "Traceback" not in proc.stderr
