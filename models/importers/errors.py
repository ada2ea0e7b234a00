"""The one place that turns any failure while reading an import file into one clear Chinese sentence.

Every importer (.txt, .docx, .json, and readers added later) runs inside ``import_errors``; the
window and the command line then only ever see ExchangeError (the CLI exits with 1).
"""

from __future__ import annotations

import contextlib
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from models.exchange import ExchangeError


class ParseError(ExchangeError):
    """A file that cannot be read as report text; the message is for the user."""


class ImportFailure(ParseError):
    """A file that could not be imported for a reason no reader named; str() is the sentence for the user."""


def message_for(exc: BaseException, path: str | Path) -> str:
    """The sentence for ``exc`` raised while importing ``path``."""
    name = Path(path).name or str(path)
    if isinstance(exc, ExchangeError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return f"文件 {name} 太大，内存不足以读取，没有导入"
    if isinstance(exc, RecursionError):
        return f"文件 {name} 的内容嵌套层次过深，不像一份报告，没有导入"
    if isinstance(exc, RuntimeError) and "encrypted" in str(exc).lower():
        return f"文件 {name} 设置了密码或经过加密，请另存为不加密的文件后再导入"
    if isinstance(exc, NotImplementedError) and "compression" in str(exc).lower():
        return f"文件 {name} 使用了不支持的压缩方式，可能已损坏；请用 Word 或 WPS 打开后另存为 .docx 再导入"
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError)):
        return f"文件 {name} 不是有效的 Word 文档（.docx），可能已损坏；请用 Word 或 WPS 打开后另存为 .docx 再导入"
    if _is_xml_error(exc):
        return f"文件 {name} 中的文档内容（XML）有误，可能已损坏；请用 Word 或 WPS 打开后另存为 .docx 再导入"
    if isinstance(exc, UnicodeError):
        return f"无法识别文件 {name} 的文字编码，请另存为“UTF-8”编码后再导入"
    if isinstance(exc, OSError):
        return f"无法读取文件 {name}：{exc.strerror or exc}"
    return f"文件 {name} 的内容不符合可导入的格式，可能已损坏，没有导入"


def _is_xml_error(exc: BaseException) -> bool:
    try:
        from lxml.etree import LxmlError
    except ImportError:  # pragma: no cover
        return False
    return isinstance(exc, LxmlError)


@contextlib.contextmanager
def import_errors(path: str | Path) -> Iterator[None]:
    """Let only ExchangeError out: anything else raised inside becomes ImportFailure with a clear message."""
    try:
        yield
    except ExchangeError:
        raise
    except Exception as e:  # noqa: BLE001 - the point of this module
        raise ImportFailure(message_for(e, path)) from None
