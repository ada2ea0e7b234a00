"""Read a file of any supported kind into a new report."""

from __future__ import annotations

import re
from pathlib import Path

from models.exchange import ExchangeError, load_file
from models.importers import limits
from models.importers.errors import import_errors
from models.importers.summary import ParseSummary
from models.report import Report

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_KINDS = ".txt、.docx、.doc、.wps 或 .json"
_DOCUMENTS = (".txt", ".text", ".docx", ".doc", ".wps", ".docm", ".dot", ".dotx", ".wpt")


def read_report_file(path: str | Path) -> tuple[Report, ParseSummary | str]:
    """(report, summary) from a .json data file, .txt, .docx, .doc or .wps; str(summary) is one line."""
    suffix = Path(path).suffix.lower()
    with import_errors(path):  # only ExchangeError leaves, with one clear sentence
        if suffix == ".json":
            report = load_file(path)
            return report, f"已读取报告数据文件：{len(report.sections)} 个部分"
        if suffix in _DOCUMENTS:
            return read_document(path)
    raise ExchangeError(_not_importable(Path(path), suffix))


def _not_importable(path: Path, suffix: str) -> str:
    """Why ``path`` is not read: missing and folders said as such (a folder was “不支持的文件类型“wk””)."""
    if not path.exists():
        return f"找不到文件：{path}"
    if path.is_dir():
        return f"无法读取“{path}”：这是文件夹，不是文件"
    if not suffix:
        return f"文件 {path.name} 没有扩展名，无法判断类型，可导入 {_KINDS}"
    return f"不支持的文件类型“{suffix}”，可导入 {_KINDS}"


_STRAY = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")  # controls (not tab, line break), lone surrogates


def _printable(line):
    """A line without the control characters and half surrogate pairs a Word file can carry (w:sym, fields):
    nothing a report prints, and a lone surrogate cannot even be stored."""
    if not _STRAY.search(line.text):
        return line
    from dataclasses import replace

    return replace(line, text=_STRAY.sub(lambda m: "\ufffd" if m.group() >= "\ud800" else "", line.text))


def read_document(path: str | Path) -> tuple[Report, ParseSummary]:
    """A document's text by what the file is (not only its name), then its structure."""
    from models.importers.lines import plain_lines
    from models.importers.sources import ParseError, read_text_file
    from models.importers.structure import parse_lines

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in _DOCUMENTS:
        raise ParseError(f"不支持的文件类型“{suffix or path.name}”，可导入 .txt、.docx、.doc 或 .wps")
    with limits.open_regular(path) as f:  # a FIFO, device or folder is refused here, before any read
        head = f.read(8)
    if head.startswith(_OLE):
        from models.importers.doc import read_doc_lines

        lines, source = read_doc_lines(path), "Word 97-2003 文档"
    elif head.startswith(b"PK\x03\x04") or suffix in (".docx", ".docm", ".dotx"):
        from models.importers.docx import read_docx_lines

        lines, source = read_docx_lines(path), "Word 文档"
    elif head.startswith(b"{\\rtf"):
        raise ParseError(f"文件 {path.name} 是 RTF 格式（扩展名不符），请用 Word 或 WPS 打开后另存为 .docx 再导入")
    elif suffix in (".doc", ".wps", ".dot", ".wpt"):
        raise ParseError(f"文件 {path.name} 不是能读取的 Word 或 WPS 文档（可能是早期 WPS 格式，或改了扩展名的"
                         "其他文件），请用 Word 或 WPS 打开后另存为 .docx 再导入")
    else:
        lines, source = plain_lines(read_text_file(path)), "文本文件"
    lines = [_printable(ln) for ln in lines]
    if not any(ln.text.strip() for ln in lines):
        raise ParseError(f"文件 {path.name} 中没有文字")
    limits.check_text_size("\n".join(ln.text for ln in lines), path.name)
    report, summary = parse_lines(lines)
    summary.source = source
    return report, summary
