"""A generator of hostile files: what an attacker or an unlucky user could hand Tianbao.

Everything is written on demand into a folder given by the test (nothing binary is committed).
Files meant to be "too big" are sparse (truncate), so the suite needs no disk space for them.
Import cases (.txt, .docx, .json, special files) are here; crafted databases in tests/hostile_dbs.py.
"""

from __future__ import annotations

import io
import json
import os
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from models.importers import limits

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    special: bool = False  # FIFO, device, folder: not hashed
    harmless: bool = False  # may import: nothing in it can do harm (a name like ../../x is never used as a path)


def document_xml(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'


def paragraphs(*texts: str) -> str:
    return "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)


def docx_bytes(document: str | bytes, *, extra: dict[str, bytes] | None = None,
               content_types: str = CONTENT_TYPES, rels: str = RELS) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def patch_zip(data: bytes, *, method: int | None = None, flags: int | None = None) -> bytes:
    """Rewrite every local and central header's compression method and/or flag bits."""
    out = bytearray(data)
    for sig, method_at, flags_at in ((b"PK\x03\x04", 8, 6), (b"PK\x01\x02", 10, 8)):
        start = 0
        while (i := out.find(sig, start)) >= 0:
            if method is not None:
                out[i + method_at:i + method_at + 2] = struct.pack("<H", method)
            if flags is not None:
                out[i + flags_at:i + flags_at + 2] = struct.pack("<H", flags)
            start = i + 4
    return bytes(out)


def deflate_bomb(inflated: int, unit: bytes = b"<w:p/>", part: str = "word/document.xml") -> bytes:
    """A .docx whose document.xml inflates to ``inflated`` bytes, made without holding them in memory; ``part``:
    the main document's name, declared in [Content_Types].xml and .rels (it need not end in .xml)."""
    head = f'<?xml version="1.0"?><w:document {W}><w:body>'.encode()
    tail = b"</w:body></w:document>"
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunks = [comp.compress(head)]
    block = unit * (1 << 16)
    crc = zlib.crc32(head)
    left = inflated - len(head) - len(tail)
    while left > 0:
        piece = block[:left]
        chunks.append(comp.compress(piece))
        crc = zlib.crc32(piece, crc)
        left -= len(piece)
    chunks.append(comp.compress(tail))
    crc = zlib.crc32(tail, crc)
    chunks.append(comp.flush())
    raw = b"".join(chunks)
    # Build a small valid docx, then swap document.xml's data for the bomb via zipfile's own writer.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.replace("/word/document.xml", "/" + part))
        z.writestr("_rels/.rels", RELS.replace("word/document.xml", part))
        info = zipfile.ZipInfo(part)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size, info.compress_size, info.CRC = inflated, len(raw), crc
        z.fp.write(info.FileHeader(zip64=inflated > 0xFFFFFFFF))  # type: ignore[union-attr]
        info.header_offset = z.fp.tell() - len(info.FileHeader(zip64=inflated > 0xFFFFFFFF))  # type: ignore[union-attr]
        z.fp.write(raw)  # type: ignore[union-attr]
        z.filelist.append(info)
        z.NameToInfo[info.filename] = info
        z.start_dir = z.fp.tell()  # type: ignore[union-attr]
    return buf.getvalue()


def lying_sizes(data: bytes, declared: int) -> bytes:
    """Every entry claims to inflate to ``declared`` bytes in the central directory."""
    out = bytearray(data)
    start = 0
    while (i := out.find(b"PK\x01\x02", start)) >= 0:
        out[i + 24:i + 28] = struct.pack("<I", declared)
        start = i + 4
    return bytes(out)


def sparse(path: Path, size: int, head: bytes = b"") -> Path:
    with open(path, "wb") as f:
        f.write(head)
        f.truncate(size)
    return path


KOREAN = "안녕하세요. 이 보고서는 올해의 업무 성과를 정리한 것입니다. 첫째, 학습을 강화했습니다. 둘째, 사업을 추진했습니다."
JAPANESE = "今年の業務報告です。私たちは学習を強化し、プロジェクトを推進しました。来年も頑張ります。"


def import_cases(folder: Path) -> list[Case]:
    """Every hostile import file, written into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def put(name: str, data: bytes | str, harmless: bool = False) -> None:
        p = folder / name
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append(Case(name, p, harmless=harmless))

    rng = random.Random(9)
    # -- special files --------------------------------------------------------------------
    if hasattr(os, "mkfifo"):
        for suffix in (".txt", ".docx", ".json"):
            os.mkfifo(folder / f"fifo{suffix}")
            cases.append(Case(f"fifo{suffix}", folder / f"fifo{suffix}", special=True))
    for dev in ("/dev/zero", "/dev/urandom", "/dev/null"):
        if os.path.exists(dev):
            for suffix in (".txt", ".json", ".docx"):
                link = folder / f"dev-{Path(dev).name}{suffix}"
                link.symlink_to(dev)
                cases.append(Case(link.name, link, special=True))
    for suffix in (".txt", ".docx", ".json"):
        (folder / f"folder{suffix}").mkdir()
        cases.append(Case(f"folder{suffix}", folder / f"folder{suffix}", special=True))
    (folder / "dangling.txt").symlink_to(folder / "nowhere")
    cases.append(Case("dangling.txt", folder / "dangling.txt", special=True))
    # -- size caps (sparse: no disk used) ---------------------------------------------------
    for name, size in (("huge.txt", limits.MAX_TEXT_BYTES + 1), ("huge.json", limits.MAX_JSON_BYTES + 1),
                       ("huge.docx", limits.MAX_DOCX_BYTES + 1), ("200mb.txt", 200 * limits.MB)):
        sparse(folder / name, size, b"PK\x03\x04" if name.endswith(".docx") else "一是".encode())
        cases.append(Case(name, folder / name))
    # -- text -----------------------------------------------------------------------------
    put("euc-kr.txt", KOREAN.encode("euc-kr"))
    put("euc-jp.txt", JAPANESE.encode("euc-jp"))
    put("shift-jis.txt", JAPANESE.encode("shift-jis"))
    put("latin1.txt", ("Rapport annuel: résumé, façade, naïveté, über. " * 20).encode("latin-1"))
    put("cp1251.txt", ("Годовой отчёт о работе за год. " * 20).encode("cp1251"))
    put("random.txt", bytes(rng.randrange(256) for _ in range(5000)))
    put("png.txt", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2000)))
    put("nuls.txt", b"\x00" * 4096)
    put("controls.txt", bytes(range(1, 32)) * 100)
    put("bad-utf8-bom.txt", b"\xef\xbb\xbf" + "一是".encode() + b"\xff\xfe\xfd")
    put("bad-utf16-bom.txt", b"\xff\xfe" + b"\x00\xd8" + "一".encode("utf-16-le"))  # lone surrogate
    put("bad-utf32.txt", b"\xff\xfe\x00\x00" + b"\xff\xff\xff\xff" * 4)
    put("empty.txt", b"")
    put("blank.txt", b" \n\t\r\n   \n")
    put("too-many-lines.txt", "一是抓学习。\n" * (limits.MAX_PARAGRAPHS + 10))
    put("too-many-chars.txt", "字" * (limits.MAX_CHARS + 10))
    put("long-line.txt", "一" * (limits.MAX_CHARS + 1))
    # -- .docx ----------------------------------------------------------------------------
    good = docx_bytes(document_xml(paragraphs("关于工作的报告", "一、主要工作", "一是抓学习。")))
    for method in (1, 6, 9, 12, 14, 19, 93, 95, 98, 99, 77):  # shrink, implode, deflate64, bzip2, lzma, zstd, AES...
        put(f"method-{method}.docx", patch_zip(good, method=method))
    put("encrypted-flag.docx", patch_zip(good, flags=0x1))
    put("strong-encryption.docx", patch_zip(good, flags=0x41))
    put("lying-small-size.docx", lying_sizes(good, 10))
    put("lying-huge-size.docx", lying_sizes(good, 0xFFFFFFF0))
    corrupt = bytearray(good)
    at = corrupt.find(b"word/document.xml") + len("word/document.xml") + 4
    corrupt[at:at + 40] = bytes(rng.randrange(256) for _ in range(40))
    put("corrupt-deflate.docx", bytes(corrupt))
    put("truncated.docx", good[: len(good) // 2])
    put("no-central-directory.docx", good[: good.find(b"PK\x01\x02")])
    put("only-eocd.docx", b"PK\x05\x06" + b"\x00" * 18)
    put("eocd-points-away.docx", good[:-6] + struct.pack("<I", 0xFFFFFF00) + b"\x00\x00")
    put("bomb-200mb.docx", deflate_bomb(200 * limits.MB))
    put("bomb-8m-paragraphs.docx", deflate_bomb(8_000_000 * 6))
    put("bomb-under-xml-cap.docx", deflate_bomb(limits.MAX_XML_BYTES - 1024))
    # The main document under a name that does not end in .xml: the caps go by what a part holds.
    put("bomb-part-named-document.docx", deflate_bomb(8_000_000 * 6, part="word/document"))
    put("bomb-part-named-document.txt", deflate_bomb(8_000_000 * 6, part="word/document"))
    put("tags-part-named-bin.docx", deflate_bomb(6_000_000, unit=b"<a/>", part="word/document.bin"))
    put("many-entries.docx", docx_bytes(document_xml(paragraphs("一是。")),
                                        extra={f"junk/{i}.bin": b"" for i in range(limits.MAX_ZIP_ENTRIES + 5)}))
    put("unexpected-root.docx", docx_bytes('<?xml version="1.0"?><foo><bar/></foo>'))
    put("root-without-body.docx", docx_bytes(f'<?xml version="1.0"?><w:document {W}/>'))
    put("bad-xml.docx", docx_bytes("<w:document><w:body><w:p>not closed"))
    put("not-xml.docx", docx_bytes(b"\x00\x01\x02binary"))
    put("deep-xml.docx", docx_bytes(document_xml("<w:sdt><w:sdtContent>" * 5000 + "</w:sdtContent></w:sdt>" * 5000)))
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{"&lol{};".format(i - 1 if i > 1 else "") * 10}">' for i in range(1, 10))
              + f']><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    put("billion-laughs.docx", docx_bytes(laughs))
    put("external-entity.docx", docx_bytes(
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'))
    put("no-document-part.docx", docx_bytes(b"", rels=RELS.replace("word/document.xml", "word/missing.xml")))
    put("no-content-types.docx", _zip({"word/document.xml": document_xml(paragraphs("一是。")).encode()}))
    put("rels-loop.docx", docx_bytes(document_xml(paragraphs("一是。")), rels=RELS.replace("word/document.xml", "_rels/.rels")))
    put("path-traversal.docx", _zip({"../../evil.xml": b"<x/>", "[Content_Types].xml": CONTENT_TYPES.encode(),
                                     "_rels/.rels": RELS.encode(),
                                     "word/document.xml": document_xml(paragraphs("一是。")).encode()}),
        harmless=True)
    put("too-many-paragraphs.docx", docx_bytes(document_xml(paragraphs(*(["一是。"] * (limits.MAX_PARAGRAPHS + 10))))))
    put("ole.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    put("empty.docx", b"")
    put("text.docx", "这不是 Word 文档。".encode())
    put("zip-of-zip.docx", _zip({"inner.zip": good}))
    # -- .json ----------------------------------------------------------------------------
    base = {"format": "tianbao.report", "version": 2, "title": "标题", "sections": []}

    def js(name: str, **changes) -> None:
        put(name, json.dumps({**base, **changes}, ensure_ascii=False))

    put("nested-10000.json", "[" * 10000 + "]" * 10000)
    put("nested-100000.json", '{"a":' * 100000 + "1" + "}" * 100000)
    put("nested-in-field.json", json.dumps(base)[:-1] + ', "letterhead": ' + '{"x":' * 5000 + "1" + "}" * 5000 + "}")
    put("digits-5000.json", json.dumps(base)[:-1] + ', "page_limit": ' + "9" * 5000 + "}")
    put("digits-in-version.json", '{"format": "tianbao.report", "version": ' + "1" * 5000 + "}")
    put("float-huge.json", json.dumps(base)[:-1] + ', "page_limit": 1e400}')
    put("nan.json", json.dumps(base)[:-1] + ', "page_limit": NaN}')
    put("infinity.json", json.dumps(base)[:-1] + ', "page_limit": -Infinity}')
    js("page-limit-huge.json", page_limit=10 ** 30)
    js("page-limit-int64.json", page_limit=2 ** 63)
    js("page-limit-true.json", page_limit=True)
    js("page-limit-string.json", page_limit="3")
    js("page-limit-negative.json", page_limit=-1)
    js("version-true.json", version=True)
    js("version-string.json", version="2")
    js("version-float.json", version=2.0)
    js("version-future.json", version=99)
    js("format-missing.json", format=None)
    js("run-on-string.json", sections=[{"heading": "一", "run_on": "false", "items": []}])
    js("run-on-number.json", sections=[{"heading": "一", "run_on": 1, "items": []}])
    js("numbering-list.json", sections=[{"heading": "一", "numbering": ["yishi"], "items": []}])
    js("numbering-dict.json", sections=[{"heading": "一", "numbering": {}, "items": []}])
    js("title-number.json", title=5)
    js("title-list.json", title=["a"])
    js("kind-object.json", kind={"a": 1})
    js("sections-dict.json", sections={"a": 1})
    js("items-string.json", sections=[{"heading": "一", "items": "一是"}])
    js("item-list.json", sections=[{"heading": "一", "items": [["lead", "body"]]}])
    js("date-number.json", date=20261126)
    js("date-bad.json", date="2026-13-45")
    js("date-list.json", date=[2026, 11, 26])
    js("seal-string.json", seal="true")
    js("letterhead-list.json", letterhead=[1, 2])
    js("signers-mixed.json", letterhead={"signers": ["张三", 5]})
    js("record-date-number.json", record={"date": 5})
    js("attachments-dict.json", attachments={"a": 1})
    js("too-many-sections.json", sections=[{"heading": "一"}] * (limits.MAX_PARAGRAPHS + 5))
    js("too-many-chars.json", title="字" * (limits.MAX_CHARS + 5))
    js("too-many-signers.json", letterhead={"signers": ["张"] * (limits.MAX_PARAGRAPHS + 5)})
    js("huge-letterhead.json", letterhead={"mark": "局" * (limits.MAX_CHARS + 5)})
    put("million-objects.json", "[" + "{}," * ((limits.MAX_JSON_BYTES - 10) // 3) + "{}]")
    put("top-list.json", "[]")
    put("top-string.json", '"tianbao.report"')
    put("top-null.json", "null")
    put("empty.json", b"")
    put("truncated.json", json.dumps(base)[:20])
    put("utf16.json", json.dumps(base).encode("utf-16"))
    put("gbk.json", json.dumps({**base, "title": "标题"}, ensure_ascii=False).encode("gbk"))
    put("binary.json", bytes(rng.randrange(256) for _ in range(3000)))
    # -- unknown kinds ----------------------------------------------------------------------
    put("report.pdf", b"%PDF-1.7\n")
    put("noextension", "一是".encode())
    return cases


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def fingerprint(folder: Path) -> dict[str, bytes | str]:
    """Every entry of a folder (recursively): regular files by content, others by kind."""
    out: dict[str, bytes | str] = {}
    for p in sorted(folder.rglob("*")):
        rel = str(p.relative_to(folder))
        if p.is_symlink():
            out[rel] = "link:" + os.readlink(p)
        elif p.is_file():
            out[rel] = p.read_bytes() if p.stat().st_size < 64 * 1024 * 1024 else f"size:{p.stat().st_size}"
        else:
            out[rel] = "dir" if p.is_dir() else "special"
    return out
