"""What 导入 says of a path it cannot read as a report: the reason, not a made-up file type."""

from __future__ import annotations

import pytest

from models.exchange import ExchangeError
from models.importers.dispatch import read_report_file


def _refusal(path) -> str:
    with pytest.raises(ExchangeError) as e:
        read_report_file(path)
    return str(e.value)


def test_a_folder_is_called_a_folder(tmp_path):
    folder = tmp_path / "去年材料"
    folder.mkdir()
    message = _refusal(folder)
    assert "文件夹" in message and "文件类型" not in message


def test_a_missing_file_without_extension_is_missing(tmp_path):
    message = _refusal(tmp_path / "述职报告")
    assert message.startswith("找不到文件") and "文件类型" not in message


def test_a_file_without_extension_is_said_to_have_none(tmp_path):
    path = tmp_path / "述职报告"
    path.write_text("关于情况的报告\n一、情况\n", encoding="utf-8")
    message = _refusal(path)
    assert "没有扩展名" in message and "“述职报告”" not in message
    assert path.read_text(encoding="utf-8") == "关于情况的报告\n一、情况\n"


def test_an_unsupported_type_names_its_extension(tmp_path):
    path = tmp_path / "报告.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert _refusal(path) == "不支持的文件类型“.pdf”，可导入 .txt、.docx、.doc、.wps 或 .json"
