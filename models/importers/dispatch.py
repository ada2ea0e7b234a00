"""Read a file of any supported kind into a new report."""

from __future__ import annotations

from pathlib import Path

from models.exchange import ExchangeError, load_file
from models.importers.errors import import_errors
from models.report import Report


def read_report_file(path: str | Path) -> tuple[Report, str]:
    """(report, summary line) from a .json data file, .txt or .docx."""
    suffix = Path(path).suffix.lower()
    with import_errors(path):  # only ExchangeError leaves, with one clear sentence
        if suffix == ".json":
            report = load_file(path)
            return report, f"已读取报告数据文件：{len(report.sections)} 个部分"
        if suffix in (".txt", ".docx"):
            from models.importers import structure as parse

            return parse.read_file(path)
    raise ExchangeError(f"不支持的文件类型“{suffix or Path(path).name}”，可导入 .txt、.docx 或 .json")
