"""Read the text of a Word 97-2003 binary document (.doc; WPS writes .wps the same way) without Word.

The OLE2 container (olefile) holds the WordDocument stream, whose FIB says where the piece table (CLX) is in
the table stream; the pieces map character positions to 8-bit (cp1252) or UTF-16 text. Only the main story
(the first ccpText characters) is read: footnotes, headers, footers, comments come after it. Text boxes live in
their own story and are put back at their anchors. Field codes are dropped, field results kept. Automatic
list numbers are computed from the list tables (models/importers/docnumbers.py).
"""

from __future__ import annotations

import bisect
import struct
from pathlib import Path

from models.importers.limits import MAX_CHARS, MAX_PARAGRAPHS, ImportLimitError
from models.importers.lines import Line
from models.importers.sources import ParseError

_RESAVE = "请用 Word 或 WPS 打开后“另存为”.docx 格式再导入"
MAX_PIECES = 100_000  # pieces of the text (a fast-saved, much edited report has a few thousand)
MAX_RAW_CHARS = 4 * MAX_CHARS  # main text and text boxes with field codes, before the codes are dropped


def _u16(b: bytes, o: int) -> int:
    return struct.unpack_from("<H", b, o)[0]


def _u32(b: bytes, o: int) -> int:
    return struct.unpack_from("<I", b, o)[0]


def _fc_lcb(word: bytes, index: int) -> tuple[int, int]:
    """The index-th (fc, lcb) pair of FibRgFcLcb97."""
    csw = _u16(word, 0x20)
    base = 0x22 + csw * 2
    cslw = _u16(word, base)
    base += 2 + cslw * 4 + 2
    o = base + index * 8
    if o + 8 > len(word):
        return 0, 0
    return _u32(word, o), _u32(word, o + 4)


def _ccp(word: bytes) -> list[int]:
    """ccpText, ccpFtn, ccpHdd, ccpMcr (reserved, 0), ccpAtn, ccpEdn, ccpTxbx, ccpHdrTxbx from FibRgLw97."""
    csw = _u16(word, 0x20)
    base = 0x22 + csw * 2 + 2
    return [_u32(word, base + 4 * i) for i in range(3, 11)]


class DocFile:
    """The text stream of a .doc, addressed by character position (CP)."""

    def __init__(self, path: Path):
        import olefile

        name = path.name
        from models.importers.limits import MAX_DOCX_BYTES, read_bounded

        raw = read_bounded(path, MAX_DOCX_BYTES, "Word 文档")  # regular files only, never more than the cap
        try:
            ole = olefile.OleFileIO(raw)
        except (OSError, ValueError, IndexError, struct.error) as e:
            if isinstance(e, OSError) and e.errno is not None:
                raise ParseError(f"无法读取文件 {name}：{e.strerror or e}") from None
            raise ParseError(f"文件 {name} 像是旧版 Word 文档（.doc/.wps），但已损坏，无法读取；{_RESAVE}") from None
        try:
            streams = {"/".join(s) for s in ole.listdir()}
            if "EncryptedPackage" in streams or "EncryptionInfo" in streams:
                raise ParseError(f"文件 {name} 设置了打开密码（已加密），无法读取；"
                                 f"请在 Word 或 WPS 中输入密码打开，取消密码后{_RESAVE}")
            if "WordDocument" not in streams:
                raise ParseError(f"文件 {name} 不是能读取的 Word 或 WPS 文字文档（可能是早期 WPS 格式、表格、演示文稿"
                                 f"或改了扩展名的其他文件）；{_RESAVE}")
            self.word = ole.openstream("WordDocument").read()
            word = self.word
            if len(word) < 0x200 or _u16(word, 0) != 0xA5EC:
                raise ParseError(f"文件 {name} 是早期版本的 Word 或 WPS 文档，无法直接读取；{_RESAVE}")
            flags = _u16(word, 0x0A)
            if flags & 0x0100 or flags & 0x8000:
                raise ParseError(f"文件 {name} 设置了打开密码（已加密），无法读取；"
                                 f"请在 Word 或 WPS 中输入密码打开，取消密码后{_RESAVE}")
            table_name = "1Table" if flags & 0x0200 else "0Table"
            if table_name not in streams:
                raise ParseError(f"文件 {name} 已损坏（缺少 {table_name}）；{_RESAVE}")
            self.table = ole.openstream(table_name).read()
        finally:
            ole.close()
        self.ccp = _ccp(self.word)
        self.pieces = self._pieces()
        self.starts = [a for a, _b, _fc, _c in self.pieces]

    def chars(self, start: int, end: int) -> int:
        """How many characters text(start, end) can return (what the pieces hold of that range)."""
        return sum(max(0, min(b, end) - max(a, start)) for a, b, _fc, _c in self.pieces)

    def fc_of(self, cp: int) -> int | None:
        """The byte offset in WordDocument of character ``cp``; None when no piece holds it."""
        k = bisect.bisect_right(self.starts, cp) - 1
        if k >= 0:
            a, b, fc, compressed = self.pieces[k]
            if a <= cp < b:
                return fc + (cp - a) * (1 if compressed else 2)
        return None

    def _pieces(self) -> list[tuple[int, int, int, bool]]:
        """(cp start, cp end, byte offset in WordDocument, compressed) from the CLX's PlcPcd."""
        fc, lcb = _fc_lcb(self.word, 33)
        clx = self.table[fc:fc + lcb]
        i = 0
        while i < len(clx) and clx[i] == 0x01:  # Prc: skip property modifiers
            size = struct.unpack_from("<h", clx, i + 1)[0]
            if size < 0:
                break
            i += 3 + size
        if i >= len(clx) or clx[i] != 0x02:
            raise ParseError("文件的文字索引（piece table）已损坏，无法读取；" + _RESAVE)
        size = _u32(clx, i + 1)
        plc = clx[i + 5:i + 5 + size]
        n = (min(size, len(plc)) - 4) // 12
        if n > MAX_PIECES:
            raise ImportLimitError(f"文件的文字索引有 {n:,} 段（最多 {MAX_PIECES:,} 段），不像一份报告，没有导入；{_RESAVE}")
        cps = [_u32(plc, 4 * k) for k in range(n + 1)]
        if any(cps[k] > cps[k + 1] for k in range(n)):  # [MS-DOC]: CPs only grow; overlapping pieces are forged
            raise ParseError("文件的文字索引（piece table）已损坏，无法读取；" + _RESAVE)
        out = []
        for k in range(n):
            pcd = 4 * (n + 1) + 8 * k
            fc_raw = _u32(plc, pcd + 2)
            compressed = bool(fc_raw & 0x40000000)
            fc_val = fc_raw & 0x3FFFFFFF
            out.append((cps[k], cps[k + 1], fc_val // 2 if compressed else fc_val, compressed))
        return out

    def text(self, start: int, end: int, printed: bool = False) -> str:
        """Characters [start, end) of the whole text stream; ``printed``: without deleted or hidden text, whose
        place is kept as NUL characters so that positions still count (they are dropped later)."""
        parts = []
        unprinted = self.unprinted() if printed else []
        first = max(bisect.bisect_right(self.starts, start) - 1, 0)  # pieces are sorted by CP (checked)
        for k in range(first, len(self.pieces)):
            a, b, fc, compressed = self.pieces[k]
            if a >= end:
                break
            lo, hi = max(a, start), min(b, end)
            if lo >= hi:
                continue
            width = 1 if compressed else 2
            raw = self.word[fc + width * (lo - a):fc + width * (hi - a)]
            text = raw.decode("cp1252" if compressed else "utf-16-le", errors="replace")
            if unprinted:
                first = fc + width * (lo - a)
                text = "".join("\x00" if _inside(unprinted, first + width * k) else ch for k, ch in enumerate(text))
            parts.append(text)
        return "".join(parts)

    def unprinted(self) -> list[tuple[int, int]]:
        """Sorted byte ranges of deleted revisions (sprmCFRMarkDel) and hidden text (sprmCFVanish)."""
        if not hasattr(self, "_unprinted"):
            self._unprinted = self._chpx_ranges((0x0800, 0x083C))
        return self._unprinted

    def bold(self, on: bool = True) -> list[tuple[int, int]]:
        """Sorted byte ranges of text set bold directly (sprmCFBold), or with ``on`` False set not bold."""
        return self._chpx_ranges((0x0835,), on)

    def _chpx_ranges(self, sprms: tuple[int, ...], on: bool = True) -> list[tuple[int, int]]:
        """Sorted byte ranges whose character properties (PlcBteChpx FKPs) switch one of ``sprms`` on (off)."""
        out = []
        fc, lcb = _fc_lcb(self.word, 12)
        for pn in fkp_pages(self.word, self.table, fc, lcb):
            page = self.word[pn * 512:pn * 512 + 512]
            if len(page) < 512:
                continue
            crun = page[511]
            for i in range(crun):
                a, b = struct.unpack_from("<II", page, 4 * i)
                off = page[4 * (crun + 1) + i] * 2
                if not off:
                    continue
                grpprl = page[off + 1:off + 1 + page[off]]
                if _toggled(grpprl, sprms, on):
                    out.append((a, b))
        return sorted(out)

    def mask(self, start: int, end: int, ranges: list[tuple[int, int]]) -> str:
        """One character per CP of [start, end): "1" inside the byte ``ranges``, else "0"."""
        parts = []
        for a, b, fc, compressed in self.pieces:
            lo, hi = max(a, start), min(b, end)
            if lo >= hi:
                continue
            width = 1 if compressed else 2
            at = fc + width * (lo - a)
            raw = self.word[at:fc + width * (hi - a)]
            for ch in raw.decode("cp1252" if compressed else "utf-16-le", errors="replace"):
                parts.append("1" if _inside(ranges, at) else "0")  # one flag per character, as text() decodes
                at += width * (2 if ord(ch) > 0xFFFF else 1)
        return "".join(parts)

    def textboxes(self) -> list[tuple[int, str]]:
        """(anchor CP in the main story, text) of each text box, in story order."""
        ccp_txbx = self.ccp[6]
        story = sum(self.ccp[:6])  # the text box story follows the main text, footnotes, headers, comments, endnotes
        return self._boxes(story, ccp_txbx, 56, 40) if ccp_txbx else []  # header text boxes stay out

    def _boxes(self, story: int, length: int, plc_index: int, spa_index: int) -> list[tuple[int, str]]:
        fc, lcb = _fc_lcb(self.word, plc_index)  # PlcftxbxTxt / PlcfHdrtxbxTxt
        plc = self.table[fc:fc + lcb]
        n = (len(plc) - 4) // 26  # CPs (4 bytes) and FTXBXS (22 bytes)
        if n > MAX_PARAGRAPHS:
            raise ImportLimitError(f"文件中的文本框超过 {MAX_PARAGRAPHS:,} 个，不像一份报告，没有导入")
        if n <= 0:
            return [(0, self.text(story, story + length))]
        cps = [_u32(plc, 4 * k) for k in range(n + 1)]
        lids = [_u32(plc, 4 * (n + 1) + 22 * k + 14) for k in range(n)]
        fc, lcb = _fc_lcb(self.word, spa_index)  # PlcSpaMom / PlcSpaHdr: the shapes and their anchors
        spa = self.table[fc:fc + lcb]
        m = (len(spa) - 4) // 30
        anchors = {}
        for k in range(max(m, 0)):
            anchors[_u32(spa, 4 * (m + 1) + 26 * k)] = _u32(spa, 4 * k)
        out, total = [], 0
        for k in range(n):
            if cps[k] >= cps[k + 1] or (k == n - 1 and lids[k] == 0):
                continue
            total += min(cps[k + 1], length) - min(cps[k], length)
            if total > MAX_RAW_CHARS:  # forged boxes that all hold the whole story
                raise ImportLimitError(f"文件中文本框的文字超过 {MAX_RAW_CHARS:,} 字，不像一份报告，没有导入")
            anchor = anchors.get(lids[k], 0)
            out.append((anchor if anchor < self.ccp[0] else 0, self.text(story + cps[k], story + cps[k + 1])))
        return out


MAX_FKP_PAGES = 20_000  # formatting pages (FKPs) of a bin table; a 500-page report has a few hundred


def fkp_pages(word: bytes, table: bytes, fc: int, lcb: int) -> list[int]:
    """The distinct FKP page numbers of a bin table (PlcBteChpx/PlcBtePapx) at table[fc:fc + lcb], in order.

    A forged table naming one full page 500,000 times made the reader walk 50 million runs; each page is read
    once, and a table naming more pages than a report has is refused.
    """
    n = (lcb - 4) // 8 if lcb >= 4 else 0
    n = min(n, max((len(table) - fc) // 8, 0))  # what the stream holds, not what the FIB claims
    pages = dict.fromkeys(_u32(table, fc + 4 * (n + 1) + 4 * k) & 0x3FFFFF for k in range(n))
    if len(pages) > MAX_FKP_PAGES:
        raise ImportLimitError(f"文件的格式索引超过 {MAX_FKP_PAGES:,} 页，不像一份报告，没有导入；{_RESAVE}")
    return list(pages)


def _inside(ranges: list[tuple[int, int]], fc: int) -> bool:
    i = bisect.bisect_right(ranges, (fc, 1 << 32)) - 1
    return i >= 0 and ranges[i][0] <= fc < ranges[i][1]


def _toggled(grpprl: bytes, sprms: tuple[int, ...], on: bool = True) -> bool:
    """True when the grpprl switches one of the boolean character properties ``sprms`` on (``on`` False: off)."""
    from models.importers.docnumbers import iter_sprms

    values = (b"\x01", b"\x81") if on else (b"\x00",)
    return any(sprm in sprms and operand[:1] in values for sprm, operand in iter_sprms(grpprl))


def _printed(raw: str, mask: str = "") -> tuple[str, str]:
    """Drop field codes (keep results), objects and marks; paragraph, cell and line ends become newlines.
    ``mask`` (one flag per character of ``raw``) is filtered the same way and returned beside the text."""
    out: list[str] = []
    kept: list[str] = []
    stack: list[bool] = []  # per open field: still in its code part
    if len(mask) != len(raw):
        mask = "0" * len(raw)
    for ch, flag in zip(raw, mask, strict=False):
        o = ord(ch)
        if o == 0x13:
            stack.append(True)
            continue
        if o == 0x14:
            if stack:
                stack[-1] = False
            continue
        if o == 0x15:
            if stack:
                stack.pop()
            continue
        if any(stack):
            continue
        if ch in "\r\x07\x0b\x0c\x0e":
            out.append("\n")
            flag = "7" if ch == "\x07" else flag  # a cell's end: its paragraph is in a table
        elif o == 0x1E:
            out.append("-")
        elif ch == "\xa0":
            out.append(" ")
        elif o < 0x20 and ch != "\t" or o == 0x1F:  # also NUL: deleted or hidden text
            continue  # pictures (0x01, 0x08), footnote and comment marks (0x02, 0x05)
        else:
            out.append(ch)
        kept.append(flag)
    return "".join(out), "".join(kept)


def _bold_lead(text: str, mask: str) -> str:
    """The bold text opening a line that goes on in regular type, or ''."""
    i = len(text) - len(text.lstrip())
    end = i
    while end < len(text) and (mask[end] in "13" or text[end].isspace()):
        end += 1
    if end == i or not text[end:].strip() or mask[i] not in "13":
        return ""
    return text[:end]


def read_doc_lines(path: str | Path) -> list[Line]:
    """The main text of a .doc/.wps as Lines, text boxes at their anchors, automatic numbers in front."""
    path = Path(path)
    try:
        doc = DocFile(path)
        ccp_text = doc.ccp[0]
        if doc.chars(0, ccp_text) + doc.chars(sum(doc.ccp[:6]), sum(doc.ccp[:7])) > MAX_RAW_CHARS:
            raise ImportLimitError(f"文件 {path.name} 的文字超过 {MAX_RAW_CHARS:,} 字（含域代码），不像一份报告，没有导入")
        raw = doc.text(0, ccp_text, printed=True)
        boxes = doc.textboxes()
        from models.importers.docnumbers import paragraph_labels

        labels = paragraph_labels(doc, raw)
        bold = doc.mask(0, ccp_text, doc.bold())
        from models.importers.docnumbers import centered_paragraphs

        flags = list(bold)  # per character: 1 bold, 2 in a centred paragraph, 3 both
        from models.importers.docstyles import bold_style_paragraphs

        styled = bold_style_paragraphs(doc, raw)
        unbold = doc.mask(0, ccp_text, doc.bold(on=False)) if styled else ""
        for a, b in styled:  # bold by the paragraph's style, unless a run says otherwise
            for k in range(a, min(b, len(flags))):
                flags[k] = "1" if unbold[k] == "0" else flags[k]
        for a, b in centered_paragraphs(doc, raw):
            for k in range(a, min(b, len(flags))):
                flags[k] = "3" if flags[k] == "1" else "2"
        bold = "".join(flags)
    except (struct.error, IndexError, KeyError, ValueError, OSError, EOFError) as e:
        if isinstance(e, ParseError):
            raise
        raise ParseError(f"文件 {path.name} 像是旧版 Word 文档（.doc/.wps），但已损坏或格式无法识别；{_RESAVE}") from None
    # Insert text boxes at their anchor (box text as paragraphs of their own) and numbers at paragraph starts.
    inserts: dict[int, list[str]] = {}
    for cp, text in boxes:
        inserts.setdefault(min(max(cp, 0), len(raw)), []).append("\r" + text.rstrip("\r") + "\r")
    for cp, label in labels.items():
        inserts.setdefault(cp, []).append(label)
    pieces, flags, last = [], [], 0
    for cp in sorted(inserts):
        pieces.append(raw[last:cp])
        flags.append(bold[last:cp])
        pieces.extend(inserts[cp])
        flags.extend("0" * len(x) for x in inserts[cp])
        last = cp
    pieces.append(raw[last:])
    flags.append(bold[last:])
    numbered = set(labels.values())
    lines = []
    text_all, mask_all = _printed("".join(pieces), "".join(flags))
    at = 0
    for text in text_all.split("\n"):
        mask, cell, at = mask_all[at:at + len(text)], mask_all[at + len(text):at + len(text) + 1], at + len(text) + 1
        label = max((lb for lb in numbered if lb and text.startswith(lb)), key=len, default="") if labels else ""
        lead = _bold_lead(text[len(label):], mask[len(label):])  # after an automatic number, set as Word sets it
        first = len(text) - len(text.lstrip())
        lines.append(Line(text, numbered=bool(label), bold_lead=label + lead if lead else "",
                          center=first < len(mask) and mask[first] in "23", in_table=cell == "7",
                          bold=bool(text.strip()) and all(m in "13" for ch, m in zip(text, mask, strict=False) if not ch.isspace())))
    return lines
