"""export/backends: one writer per file format, all from the same report and Layout."""

from __future__ import annotations

from pathlib import Path

# extension -> (what the user calls it, "module:function" writing it)
FORMATS = {
    ".pdf": ("PDF", "export.backends.pdf:export_pdf"),
    ".docx": ("Word文档", "export.backends.docx:export_docx"),
    ".ofd": ("OFD", "export.backends.ofd:export_ofd"),
}


def exporter_for(path) -> tuple[str, object]:
    """(format name, export(report, path) function) by the file's extension; no extension means PDF."""
    import importlib

    from export.errors import ExportError

    suffix = Path(path).suffix.lower() or ".pdf"
    if suffix not in FORMATS:
        raise ExportError(f"不支持导出为“{suffix}”文件，可导出 .pdf、.docx（Word、WPS）或 .ofd")
    kind, target = FORMATS[suffix]
    module, _, func = target.partition(":")
    return kind, getattr(importlib.import_module(module), func)
