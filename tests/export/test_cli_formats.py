"""`main.py export ID -o FILE` picks the format by the extension and says which."""

from __future__ import annotations

import zipfile

import docx

from models.store import Store
from tests.export.handover import plain_report
from tests.export.test_cli import run_cli


def test_export_chooses_the_format_by_extension(db_path, tmp_path):
    store = Store(db_path)
    rid = store.create(plain_report())
    store.close()
    for name, kind in (("报告.docx", "Word文档"), ("报告.ofd", "OFD")):
        out = tmp_path / name
        proc = run_cli("export", str(rid), "-o", str(out), "--db", str(db_path))
        assert proc.returncode == 0, proc.stderr
        assert f"（{kind}）" in proc.stderr and "已导出" in proc.stderr
    assert docx.Document(str(tmp_path / "报告.docx")).paragraphs[0].text == plain_report().title
    with zipfile.ZipFile(tmp_path / "报告.ofd") as z:
        assert "OFD.xml" in z.namelist()


def test_an_unknown_extension_is_refused_and_nothing_is_written(db_path, tmp_path):
    store = Store(db_path)
    rid = store.create(plain_report())
    store.close()
    out = tmp_path / "报告.doc"
    proc = run_cli("export", str(rid), "-o", str(out), "--db", str(db_path))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "不支持导出为“.doc”文件" in proc.stderr and not out.exists()
