"""Read a .docx as Word prints it: automatic numbers in front, text boxes once, revisions accepted.

One Line per paragraph in reading order (table cells cell by cell, text boxes where they are anchored).
Headers, footers, comments, footnotes and deleted text stay out; inserted text stays in; hidden text
(w:vanish) is not printed, so it stays out too.
"""

from __future__ import annotations

from pathlib import Path

from models.exchange import ExchangeError
from models.importers.limits import MAX_CHARS, ImportLimitError
from models.importers.lines import ADDED_STOP, ADDED_STOP_BOOKMARK, Line
from models.importers.numbering import Numbering, W
from models.importers.sources import ParseError, open_docx
from models.importers.styleinherit import styles_setting

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = frozenset({"pPr", "rPr", "del", "moveFrom", "instrText", "delText", "delInstrText", "rt",
                   "footnoteReference", "endnoteReference", "commentReference", "annotationRef",
                   "fldData", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr"})
_BLOCKS = ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")


def _tag(el) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def _on(el) -> bool:
    return el is not None and el.get(W + "val") not in ("0", "false", "off")


def _part_root(document, reltype_suffix: str):
    for rel in document.part.rels.values():
        if rel.reltype.endswith(reltype_suffix) and not rel.is_external:
            part = rel.target_part
            element = getattr(part, "element", None)
            if element is not None:
                return element
            from lxml import etree

            # a part python-docx does not know (a numbering or styles part under a generic content type):
            # parsed as python-docx parses its own, never loading a DTD, an external entity or the network
            parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
            return etree.fromstring(part.blob, parser)
    return None


def read_docx_lines(path: str | Path) -> list[Line]:
    """The printed paragraphs of a .docx, numbers included, as Lines with a few formatting hints."""
    from lxml.etree import XMLSyntaxError

    document = open_docx(path)
    try:
        styles = _part_root(document, "/styles")
        numbering = Numbering(_part_root(document, "/numbering"), styles)
        reader = _Reader(numbering, _bold_styles(styles))
        reader.blocks(document.element.body, in_table=False)
    except ExchangeError:
        raise  # a limit, with its own message
    except (ValueError, KeyError, IndexError, XMLSyntaxError):
        raise ParseError(f"文件 {Path(path).name} 中的编号或样式定义已损坏，无法读取；"
                         "请用 Word 或 WPS 打开后另存为 .docx 再导入") from None
    reader.flush_pending()
    return reader.lines


class _Reader:
    def __init__(self, numbering: Numbering, bold_styles: frozenset[str] = frozenset()):
        self.numbering = numbering
        self.bold_styles = bold_styles  # paragraph styles that set their text bold (标题 1 and the like)
        self.lines: list[Line] = []
        self.pending: Line | None = None  # a paragraph whose mark was deleted: it joins the next one

    def flush_pending(self) -> None:
        if self.pending is not None:
            self.lines.append(self.pending)
            self.pending = None

    def blocks(self, parent, in_table: bool) -> None:
        for child in parent.iterchildren():
            tag = _tag(child)
            if tag == "p":
                self.paragraph(child, in_table)
            elif tag in _BLOCKS:
                self.blocks(child, in_table or tag == "tbl")
            elif tag == "AlternateContent":
                self.blocks(_chosen(child), in_table)

    def paragraph(self, p, in_table: bool) -> None:
        ppr = p.find(W + "pPr")
        rpr = ppr.find(W + "rPr") if ppr is not None else None
        mark_deleted = rpr is not None and (rpr.find(W + "del") is not None or rpr.find(W + "moveFrom") is not None)
        parts: list[str] = []
        boxes: list[Line] = []
        style = ppr.find(W + "pStyle") if ppr is not None else None
        style_id = style.get(W + "val") if style is not None else self.numbering.default_style
        hints = {"red": False, "size": 0.0, "bold_end": 0, "plain": False, "style_bold": style_id in self.bold_styles}
        self._runs(p, parts, boxes, hints)
        text = "".join(parts)
        bold_lead = text[:hints["bold_end"]] if hints["plain"] else ""
        if mark_deleted:
            # Accepted, a deleted paragraph mark joins this text to the next paragraph, which keeps its own
            # properties (and number); a paragraph deleted whole leaves nothing, not even its number.
            if text.strip() or boxes:
                joined = (self.pending.text if self.pending else "") + text
                if len(joined) > MAX_CHARS:  # a forged run of deleted marks: no quadratic joining
                    raise ImportLimitError(f"文件中的一段文字超过 {MAX_CHARS:,} 字，不像一份报告，没有导入")
                self.pending = Line(joined, red=hints["red"] or bool(self.pending and self.pending.red))
                self.lines.extend(boxes)
            return
        label = self.numbering.label(p)
        before = not text.strip() or bool(boxes and boxes[0].before_text)
        if self.pending is not None:
            text, self.pending = self.pending.text + text, None
        line = Line(label + text, red=hints["red"], size=hints["size"], center=_centered(p), in_table=in_table,
                    numbered=bool(label), bold_lead=label + bold_lead if bold_lead else "",
                    bold=not hints["plain"] and hints["bold_end"] > 0)
        if before:
            self.lines.extend(boxes)
        self.lines.append(line)
        if not before:
            self.lines.extend(boxes)

    def _runs(self, el, parts: list[str], boxes: list[Line], hints: dict) -> None:
        for child in el.iterchildren():
            tag = _tag(child)
            if tag == "r":
                rpr = child.find(W + "rPr")
                if rpr is not None:
                    if _on(rpr.find(W + "vanish")) or _on(rpr.find(W + "specVanish")):
                        continue
                    if any((t.text or "").strip() for t in child.iter(W + "t")):  # not the run's own .text (an xpath)
                        _hint(rpr, hints)
                before = len(parts)
                self._runs(child, parts, boxes, hints)
                if not hints["plain"] and "".join(parts[before:]).strip():
                    if _bold(rpr, hints["style_bold"]):  # still in the bold opening of the paragraph
                        hints["bold_end"] = _length(parts, hints)
                    elif hints["bold_end"]:
                        hints["plain"] = True
                    else:
                        hints["plain"], hints["bold_end"] = True, 0
            elif tag == "t":
                text = (child.text or "").replace(ADDED_STOP, "\ufffd")
                if hints.pop("added_stop", False) and text.startswith("。"):
                    text = ADDED_STOP + text[1:]  # the 。 Tianbao's export added after a lead (lines.py)
                parts.append(text)
            elif tag == "bookmarkStart" and (child.get(W + "name") or "").startswith(ADDED_STOP_BOOKMARK):
                hints["added_stop"] = True
            elif tag in ("tab", "ptab"):
                parts.append("\t")
            elif tag in ("br", "cr"):
                parts.append("\n")
            elif tag == "noBreakHyphen":
                parts.append("-")
            elif tag == "sym":
                _symbol(child, parts)
            elif tag == "AlternateContent":
                self._runs(_chosen(child), parts, boxes, hints)
            elif tag == "textpath" and (child.get("string") or "").strip():  # VML WordArt (old 红头)
                art = Line(child.get("string").strip(), red=_vml_red(child.getparent()))
                art.before_text = not _has_text(parts, hints)
                boxes.append(art)
            elif tag == "txbxContent":
                sub = _Reader(self.numbering, self.bold_styles)
                sub.blocks(child, in_table=False)
                sub.flush_pending()
                if sub.lines:
                    sub.lines[0].before_text = not _has_text(parts, hints)
                boxes.extend(sub.lines)
            elif tag and tag not in _SKIP:
                self._runs(child, parts, boxes, hints)


def _length(parts: list[str], hints: dict) -> int:
    """len("".join(parts)), counted on from where the last call left off (parts only grow): joining them
    anew for every bold run was quadratic in a paragraph of thousands of runs."""
    n, seen = hints.get("_length", (0, 0))
    n += sum(len(p) for p in parts[seen:])
    hints["_length"] = (n, len(parts))
    return n


def _has_text(parts: list[str], hints: dict) -> bool:
    """Whether anything but spaces has been read into ``parts`` yet, counted on as _length does."""
    found, seen = hints.get("_has_text", (False, 0))
    found = found or any(p.strip() for p in parts[seen:])
    hints["_has_text"] = (found, len(parts))
    return found


def _bold(rpr, by_style: bool = False) -> bool:
    """Bold set on the run itself, by the 加粗 (Strong) character style, or else by the paragraph's style."""
    if rpr is None:
        return by_style
    style = rpr.find(W + "rStyle")
    return _on(rpr.find(W + "b")) if rpr.find(W + "b") is not None else (
        style is not None and style.get(W + "val") in ("Strong", "加粗")) or by_style


def _bold_styles(styles) -> frozenset[str]:
    """The paragraph styles whose text is bold (w:b in their w:rPr, or in a style they are based on)."""
    if styles is None:
        return frozenset()
    own: dict[str, bool | None] = {}
    based: dict[str, str | None] = {}
    for st in styles.iter(W + "style"):
        sid = st.get(W + "styleId")
        if st.get(W + "type") != "paragraph" or not sid:
            continue
        b = st.find(f"{W}rPr/{W}b")
        own[sid] = None if b is None else _on(b)
        base = st.find(W + "basedOn")
        based[sid] = base.get(W + "val") if base is not None else None
    return styles_setting(own, based)


def _chosen(alternate):
    """mc:AlternateContent: the first mc:Choice (what Word shows), or mc:Fallback when there is no Choice."""
    for child in alternate.iterchildren():
        if child.tag in (MC + "Choice", MC + "Fallback"):
            return child
    return alternate.makeelement(MC + "Fallback")


def _centered(p) -> bool:
    ppr = p.find(W + "pPr")
    jc = ppr.find(W + "jc") if ppr is not None else None
    return jc is not None and jc.get(W + "val") == "center"


def _hint(rpr, hints: dict) -> None:
    """Red text and large type mark a 发文机关标志; the colour is read as Word stores it (hex RGB)."""
    color = rpr.find(W + "color")
    if color is not None:
        val = (color.get(W + "val") or "").lower()
        if len(val) == 6:
            try:
                r, g, b = int(val[:2], 16), int(val[2:4], 16), int(val[4:], 16)
            except ValueError:
                r = g = b = 0
            if r >= 0xB0 and g <= 0x60 and b <= 0x60:
                hints["red"] = True
    for name in ("sz", "szCs"):
        sz = rpr.find(W + name)
        if sz is not None and (sz.get(W + "val") or "").isdigit():
            hints["size"] = max(hints["size"], int(sz.get(W + "val")) / 2)


def _symbol(sym, parts: list[str]) -> None:
    """w:sym from an ordinary font is a character; Symbol/Wingdings private codes are not text we can keep."""
    font = (sym.get(W + "font") or "").lower()
    code = sym.get(W + "char") or ""
    try:
        value = int(code, 16)
    except ValueError:
        return
    if "symbol" in font or "wingdings" in font or "webdings" in font or 0xF000 <= value <= 0xF0FF:
        return
    if value < 0x20 or 0x7F <= value < 0xA0 or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
        return  # a control character, half of a surrogate pair or no character at all: nothing to keep
    parts.append(chr(value))


def _vml_red(shape) -> bool:
    """A VML shape filled red (fillcolor="red" / "#FF0000"), as old WordArt 红头 are."""
    color = (shape.get("fillcolor") or "").lower().lstrip("#") if shape is not None else ""
    if color in ("red", "f00"):
        return True
    try:
        return len(color) >= 6 and int(color[:2], 16) >= 0xB0 and int(color[2:4], 16) <= 0x60
    except ValueError:
        return False
