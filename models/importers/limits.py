"""What an imported file may be: a regular file of bounded size; a .docx checked before inflating.

The numbers are chosen from what a real report is: a 100-page report is about 60,000 characters,
1,500 paragraphs, a 0.5 MB .txt, a .docx of a few MB (photos included) whose XML inflates to a
few MB. Everything above the caps is refused with a message naming the cap, before it is read
into memory. README states the same numbers.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

from models.exchange import MAX_PAGE_LIMIT  # noqa: F401 - re-exported
from models.importers.errors import ParseError

MB = 1024 * 1024
MAX_TEXT_BYTES = 4 * MB  # .txt (300,000 characters are at most 1.2 MB in any encoding)
MAX_JSON_BYTES = 4 * MB  # .json data file (even with every character escaped as \uXXXX)
MAX_DOCX_BYTES = 50 * MB  # .docx as stored (photos count)
MAX_ZIP_ENTRIES = 2000  # parts in a .docx (a typical one has 10 to 60)
MAX_INFLATED_BYTES = 100 * MB  # all parts of a .docx together, inflated
MAX_XML_BYTES = 32 * MB  # the XML parts of a .docx together, inflated
MAX_XML_TAGS = 1_000_000  # XML elements in a .docx (about 30 per paragraph)
MAX_CHARS = 300_000  # characters of report text (about 500 pages of GB/T 9704; export takes ~5 s)
MAX_PARAGRAPHS = 20_000  # non-empty paragraphs, or sections plus items of a data file
MAX_JSON_DEPTH = 32  # nesting of a data file (the format itself needs 5)
MAX_JSON_BRACKETS = 100_000  # { and [ in a data file (one per section or item, and a few more)
# MAX_PAGE_LIMIT (10,000, page_limit of a data file) lives in models.exchange, which checks it.
STORED_FACTOR = 5  # a stored report (and the layout) may be this many times the import caps
MAX_INT_DIGITS = 15  # digits of any number in a data file

_ALLOWED_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


class ImportLimitError(ParseError):
    """A file refused before it was read: not a regular file, too big, or a .docx that is not safe to inflate."""


def _mb(n: int) -> str:
    return f"{n // MB} MB"


def open_regular(path: str | Path):
    """Open ``path`` for reading only if it is a regular file; a FIFO, device or folder is refused at once.

    O_NONBLOCK keeps open() from waiting for a FIFO's writer; fstat after open, so the file checked
    is the file read.
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ImportLimitError(f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise ImportLimitError(f"无法读取“{path}”：这是文件夹，不是文件") from None
    except OSError as e:
        raise ImportLimitError(f"无法读取文件 {path.name}：{e.strerror or e}") from None
    try:
        mode = os.fstat(fd).st_mode
    except OSError as e:
        os.close(fd)
        raise ImportLimitError(f"无法读取文件 {path.name}：{e.strerror or e}") from None
    if stat.S_ISDIR(mode):
        os.close(fd)
        raise ImportLimitError(f"无法读取“{path}”：这是文件夹，不是文件")
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise ImportLimitError(f"无法读取“{path.name}”：这不是普通文件（可能是设备或管道），没有导入")
    return os.fdopen(fd, "rb")


def read_bounded(path: str | Path, limit: int, what: str = "文件") -> bytes:
    """The whole file if it is a regular file of at most ``limit`` bytes; never reads more than limit + 1."""
    path = Path(path)
    with open_regular(path) as f:
        size = os.fstat(f.fileno()).st_size
        if size > limit:
            raise ImportLimitError(too_big(path, what, limit))
        try:
            data = f.read(limit + 1)
        except OSError as e:
            raise ImportLimitError(f"无法读取文件 {path.name}：{e.strerror or e}") from None
    if len(data) > limit:  # the file grew while it was read
        raise ImportLimitError(too_big(path, what, limit))
    return data


def too_big(path: Path, what: str, limit: int) -> str:
    return f"{what} {path.name} 超过 {_mb(limit)}，不像一份报告，没有导入（天报可导入的{what}最大 {_mb(limit)}）"


def check_text_size(text: str, name: str = "", *, paragraphs: bool = True) -> None:
    """Refuse text longer than MAX_CHARS characters or (``paragraphs``) with more than MAX_PARAGRAPHS non-empty
    paragraphs. A data file counts its sections and items instead: line breaks inside a field are the author's."""
    label = f"文件 {name} " if name else "内容"
    if len(text) > MAX_CHARS:
        raise ImportLimitError(f"{label}超过 {MAX_CHARS:,} 字，不像一份报告，没有导入")
    if paragraphs and text.count("\n") > MAX_PARAGRAPHS:
        paragraphs = sum(1 for line in text.split("\n") if line.strip())
        if paragraphs > MAX_PARAGRAPHS:
            raise ImportLimitError(f"{label}超过 {MAX_PARAGRAPHS:,} 段，不像一份报告，没有导入")


def _broken_docx(name: str) -> str:
    return (f"文件 {name} 不是有效的 Word 文档（.docx），可能已损坏；"
            "请用 Word 或 WPS 打开后另存为 .docx 再导入")


def check_zip(zf: zipfile.ZipFile, name: str) -> None:
    """Check a .docx's central directory before inflating anything: methods, encryption, count, sizes."""
    infos = zf.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise ImportLimitError(f"文件 {name} 含有 {len(infos)} 个部件（最多 {MAX_ZIP_ENTRIES} 个），不像一份 Word 文档，没有导入")
    total = xml = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ImportLimitError(f"文件 {name} 设置了密码或经过加密，请用 Word 或 WPS 打开后另存为不加密的 .docx 再导入")
        if info.compress_type not in _ALLOWED_METHODS:
            raise ImportLimitError(f"文件 {name} 使用了 Word 文档不用的压缩方式，可能已损坏；"
                                   "请用 Word 或 WPS 打开后另存为 .docx 再导入")
        total += info.file_size
        if info.filename.lower().endswith((".xml", ".rels")):
            xml += info.file_size
    if total > MAX_INFLATED_BYTES:
        raise ImportLimitError(f"文件 {name} 解压后超过 {_mb(MAX_INFLATED_BYTES)}，不像一份报告，没有导入")
    if xml > MAX_XML_BYTES:
        raise ImportLimitError(f"文件 {name} 的文字部分解压后超过 {_mb(MAX_XML_BYTES)}，不像一份报告，没有导入")


def read_member(zf: zipfile.ZipFile, member: str | zipfile.ZipInfo, limit: int = MAX_XML_BYTES) -> bytes:
    """One part of a checked zip, inflating at most ``limit`` bytes (declared sizes may lie)."""
    with zf.open(member) as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise ImportLimitError(f"Word 文档的部件解压后超过 {_mb(limit)}，没有导入")
    return data


def _looks_like_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Does the part start like XML (after a byte order mark, spaces, UTF-16's zero bytes)? Pictures never do."""
    with zf.open(info) as f:
        head = f.read(64)
    return head.replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").startswith(b"<")


def open_docx_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """A ZipFile over ``data`` whose central directory passed check_zip and whose XML is not a bomb.

    Every XML part is inflated once (bounded) to count its elements, so a parser behind this never
    builds more than MAX_XML_TAGS elements.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - zipfile raises many kinds on crafted headers
        raise ImportLimitError(_broken_docx(name)) from None
    try:
        check_zip(zf, name)
        tags = inflated = 0
        for info in zf.infolist():
            # By content, not by name: [Content_Types].xml can declare any part name (word/document, s.dat) XML.
            if info.filename.lower().endswith((".xml", ".rels")) or _looks_like_xml(zf, info):
                data = read_member(zf, info)
                inflated += len(data)
                tags += data.count(b"<")
                if inflated > MAX_XML_BYTES:
                    raise ImportLimitError(f"文件 {name} 的文字部分解压后超过 {_mb(MAX_XML_BYTES)}，不像一份报告，没有导入")
                if tags > MAX_XML_TAGS:
                    raise ImportLimitError(f"文件 {name} 的内容超过 {MAX_XML_TAGS:,} 个排版元素，不像一份报告，没有导入")
    except ImportLimitError:
        zf.close()
        raise
    except Exception:  # noqa: BLE001 - corrupt deflate streams, bad CRCs, truncated entries
        zf.close()
        raise ImportLimitError(_broken_docx(name)) from None
    return zf
