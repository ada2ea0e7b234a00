"""Turn a .txt or .docx file into plain text lines, refusing to guess an encoding wrongly."""

from __future__ import annotations

import codecs
import io
import unicodedata
import zipfile
from pathlib import Path

from models.importers import limits
from models.importers.errors import ParseError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_NOT_TEXT = "文件内容不像文字（可能是图片、压缩包或其他程序的文件），请另存为 .txt 或 .docx 后再导入"
_UNKNOWN = "无法识别文件的文字编码，请用记事本或 WPS 另存为“UTF-8”编码的 .txt 后再导入"


def decode_bytes(raw: bytes) -> str:
    """Decode a text file saved by Notepad, WPS or an editor: UTF-8 (BOM or not), UTF-16 with BOM, GB18030/GBK."""
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(codec)
            except UnicodeDecodeError:
                raise ParseError(f"文件标明为 {name} 编码，但内容有损坏，无法读取") from None
            return _clean(text)
    if b"\x00" in raw:
        return _clean(_utf16_without_bom(raw))
    try:
        return _clean(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        raise ParseError(_UNKNOWN) from None
    if not _plausible_chinese(text):
        raise ParseError(_UNKNOWN)
    return _clean(text)


def _utf16_without_bom(raw: bytes) -> str:
    """Some tools write UTF-16 without a BOM; accept it only when it decodes to sensible Chinese text."""
    if len(raw) % 2 == 0:
        for codec in ("utf-16-le", "utf-16-be"):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and _plausible_chinese(text) and any("\u4e00" <= ch <= "\u9fff" for ch in text):
                return text
    raise ParseError(_NOT_TEXT)


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes almost any bytes; real reports use mostly the common GB2312 characters.

    Korean in EUC-KR decodes to common GB2312 characters too, but only to those whose first byte
    is below 0xC9 (pinyin a to s): real Chinese text always has many above (是 在 一 有 中 这 作 展).
    Japanese in EUC-JP decodes to kana, which Chinese reports do not use.
    """
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return True
    common = high = hanzi = kana = 0
    for ch in wide:
        try:
            code = ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
        if "\u3040" <= ch <= "\u30ff":
            kana += 1
        elif "\u4e00" <= ch <= "\u9fff":
            hanzi += 1
            high += code[0] >= 0xC9
    if common < 0.9 * len(wide) or kana > 0.05 * len(wide):
        return False
    return hanzi < _SPREAD_MIN_HANZI or high >= _SPREAD_MIN_HIGH * hanzi


_SPREAD_MIN_HANZI = 16  # below this, too few characters to judge the spread
_SPREAD_MIN_HIGH = 0.08  # share of GB2312 characters from 0xC9 on; Chinese prose has 30 to 50 %


def _clean(text: str) -> str:
    """Refuse binary data that happens to decode; drop stray control characters, normalise line ends."""
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise ParseError(_NOT_TEXT)
    if controls:
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc" or ch in _ALLOWED_CONTROLS)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")


def _read_bytes(path: Path, limit: int = limits.MAX_TEXT_BYTES, what: str = "文本文件") -> bytes:
    """A regular file of at most ``limit`` bytes (a FIFO or device is refused, never waited on)."""
    return limits.read_bounded(path, limit, what)


def read_text_file(path: str | Path) -> str:
    """The decoded text of a .txt file."""
    path = Path(path)
    raw = _read_bytes(path)
    if not raw.strip():
        raise ParseError(f"文件 {path.name} 是空的，没有可导入的文字")
    text = decode_bytes(raw)
    limits.check_text_size(text, path.name)
    return text


def open_docx(path: str | Path):
    """A python-docx Document, or one clear message for a .doc, an encrypted or a damaged file."""
    path = Path(path)
    raw = _read_bytes(path, limits.MAX_DOCX_BYTES, "Word 文档")
    broken = f"文件 {path.name} 不是有效的 Word 文档（.docx），可能已损坏；请用 Word 或 WPS 打开后另存为 .docx 再导入"
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        if raw.startswith(b"\xd0\xcf\x11\xe0"):
            raise ParseError(f"文件 {path.name} 是旧版 Word 文档（.doc）或设置了打开密码，"
                             "请用 Word 或 WPS 打开后另存为不加密的 .docx 再导入")
        raise ParseError(broken)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    limits.open_docx_zip(raw, path.name).close()  # methods, encryption, sizes, element count: before inflating
    try:
        return docx.Document(io.BytesIO(raw))  # the bytes already read within the limits, not the file again
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, EOFError, XMLSyntaxError,
            AttributeError, TypeError):
        raise ParseError(broken) from None


def read_docx_text(path: str | Path) -> str:
    """Paragraph and table-cell text of a .docx in document order, one paragraph per line; images ignored."""
    from models.importers.docx import read_docx_lines

    return "\n".join(line.text for line in read_docx_lines(path))
