"""Layout -> PDF with the reportlab canvas: every glyph at its computed x, no reportlab markup ever."""

from __future__ import annotations

import errno
import io
from dataclasses import dataclass, field
from pathlib import Path

from export import geometry as g
from export.errors import ExportError
from export.layout import Glyph, Layout, Line, layout_report
from models.facts import CharPlace

CREATOR = "Tianbao"
PRODUCER = "Tianbao 报告填报助手 (ReportLab)"


@dataclass
class ExportResult:
    pages: int
    warnings: list[str] = field(default_factory=list)  # Chinese, for the user
    missing: list[CharPlace] = field(default_factory=list)  # characters no installed font has
    layout: Layout | None = None


def _runs(glyphs: list[Glyph]):
    """Group glyphs into runs one Tj can draw: same font, size and weight, one constant extra spacing."""
    run: list[Glyph] = []
    space = 0.0
    for gl in glyphs:
        if run:
            prev = run[-1]
            delta = gl.x - (prev.x + prev.advance)
            same = prev.font == gl.font and prev.size == gl.size and prev.fake_bold == gl.fake_bold \
                and prev.color == gl.color
            if same and not gl.missing and not prev.missing and (len(run) == 1 or abs(delta - space) < 1e-3):
                if len(run) == 1:
                    space = delta
                run.append(gl)
                continue
            yield run, (space if len(run) > 1 else 0.0)
        run = [gl]
        space = 0.0
    if run:
        yield run, (space if len(run) > 1 else 0.0)


def _draw_line(canvas, text, line: Line, state: dict) -> None:
    """Emit the line's text operators; TrueType runs are written directly (reportlab's generic path is
    several times slower), the built-in CID font goes through reportlab's text object."""
    code = text._code
    y = line.y_baseline
    for run, space in _runs(line.glyphs):
        first = run[0]
        if first.missing and first.font not in state["ttf"]:
            continue  # a CID font cannot even encode it: only the box marks the place
        if state.get("color", None) != first.color:  # fill and the fake-bold stroke: red for the 版头
            r, g_, b = first.color or (0.0, 0.0, 0.0)
            code.append(f"{r:g} {g_:g} {b:g} rg {r:g} {g_:g} {b:g} RG")
            state["color"] = first.color
        if state.get("space") != space:
            code.append(f"{space:.4f} Tc")
            state["space"] = space
        mode = 3 if first.missing else 2 if first.fake_bold else 0
        if state.get("mode") != mode:
            code.append(f"{mode} Tr")
            state["mode"] = mode
        chars = "".join(gl.char for gl in run)
        font = state["ttf"].get(first.font)
        if font is None:
            if state.get("tf") != (first.font, first.size):
                text.setFont(first.font, first.size)
                state["tf"] = (first.font, first.size)
            text.setTextOrigin(first.x, y)
            text.textOut(chars)
            continue
        # One Tj per font subset, each placed explicitly: some readers (pdfminer) drop the
        # character spacing after the last glyph of a string, which would shift the next chunk.
        k = 0
        for subset, chunk in font.splitString(chars, canvas._doc):
            code.append(f"1 0 0 1 {run[k].x:.3f} {y:.3f} Tm")
            tf = (first.font, subset, first.size)
            if state.get("tf") != tf:
                code.append(f"{font.getSubsetInternalName(subset, canvas._doc)} {first.size:g} Tf")
                state["tf"] = tf
            code.append(f"({canvas._escape(chunk)}) Tj")
            k += len(chunk)


def _draw_rules(canvas, rules) -> None:
    """The red rule under the 版头 and the 版记's rules, butt-ended, exactly as the layout placed them."""
    for rule in rules:
        canvas.saveState()
        canvas.setLineCap(0)
        canvas.setLineWidth(rule.width)
        canvas.setStrokeColorRGB(*(rule.color or (0.0, 0.0, 0.0)))
        canvas.line(rule.x0, rule.y, rule.x1, rule.y)
        canvas.restoreState()


def _draw_missing_marks(canvas, line: Line) -> None:
    """A thin box around a character no font has, so the paper shows where it is."""
    for gl in line.glyphs:
        if gl.missing:
            bottom = line.y_baseline - (1 - g.EM_ASCENT) * gl.size
            canvas.rect(gl.x, bottom, gl.width, gl.size, stroke=1, fill=0)


def _map_missing(layout: Layout) -> dict:
    """Give characters no font has a code (drawing .notdef, invisibly) so they still extract as typed.

    Returns the TrueType fonts by name, the only ones that can carry such a character."""
    from reportlab.pdfbase import pdfmetrics

    ttf = {name: font for name in layout.fonts
           if hasattr(getattr(font := pdfmetrics.getFont(name), "face", None), "charToGlyph")}
    wanted = {place.char for place in layout.missing}
    done: set[tuple[str, str]] = set()
    for page in layout.pages:  # one pass: every font that draws a missing character gets it (a scan of the
        for line in page.lines:  # whole layout per missing place was quadratic)
            for gl in line.glyphs:
                if gl.missing and gl.char in wanted and (gl.font, gl.char) not in done:
                    done.add((gl.font, gl.char))
                    face = getattr(pdfmetrics.getFont(gl.font), "face", None)
                    if face is not None and hasattr(face, "charToGlyph"):
                        face.charToGlyph.setdefault(ord(gl.char), 0)
    return ttf


def draw(layout: Layout, title: str, *, deterministic: bool = False) -> bytes:
    """The PDF file as bytes; reportlab is imported here, only when a PDF is made."""
    from reportlab.pdfgen.canvas import Canvas

    from export.backends import rlfix
    from export.fonts import register_face

    rlfix.apply()
    for face in layout.fonts.values():
        register_face(face)
    ttf = _map_missing(layout)
    buf = io.BytesIO()
    # The initial font must be one of ours, or reportlab adds an unembedded Helvetica to every page.
    initial = next(iter(layout.fonts), None)
    canvas = Canvas(buf, pagesize=(g.PAGE_WIDTH, g.PAGE_HEIGHT), invariant=1 if deterministic else 0,
                    pageCompression=1, initialFontName=initial)
    canvas.setTitle(title)
    canvas.setAuthor("")
    canvas.setSubject("")
    canvas.setKeywords("")
    canvas.setCreator(CREATOR)
    canvas.setProducer(PRODUCER)
    for page in layout.pages:
        canvas.setLineWidth(g.FAKE_BOLD_STROKE_PER_PT * g.BODY_SIZE)
        text = canvas.beginText()
        state: dict = {"ttf": ttf}
        for line in page.lines:
            _draw_line(canvas, text, line, state)
        canvas.drawText(text)
        _draw_rules(canvas, page.rules)
        for line in page.lines:
            if any(gl.missing for gl in line.glyphs):
                canvas.setLineWidth(0.3)
                _draw_missing_marks(canvas, line)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _pdf_title(report) -> str:
    return " ".join(report.title.split()) or "报告"


def render_pdf_bytes(report, *, deterministic: bool = False, fonts=None,
                     taoda: bool = False) -> tuple[bytes, ExportResult]:
    """Lay out and draw in memory: the preview and printing use the very bytes export would write.

    ``taoda`` (套打): for paper with the red 版头 pre-printed, which is left out; nothing else moves."""
    from reportlab.pdfbase.ttfonts import TTFError

    layout = layout_report(report, fonts, taoda=taoda)
    try:
        data = draw(layout, _pdf_title(report), deterministic=deterministic)
    except (TTFError, OSError) as e:  # a font file changed, vanished or is damaged since it was indexed
        names = "、".join(sorted({getattr(f, "family", n) for n, f in layout.fonts.items()}))
        raise ExportError(f"读取或嵌入字体时出错（{names}）：{e}。请重新扫描字体后再试") from e
    result = ExportResult(len(layout.pages), list(layout.warnings), list(layout.missing), layout)
    return data, result


def _os_message(path: Path, e: OSError, kind: str = "PDF") -> str:
    if e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return f"磁盘空间不足，无法保存{kind}：{path}（原有文件未改动）"
    if isinstance(e, PermissionError) or e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reader = {"PDF": "PDF阅读器", "Word文档": "Word、WPS"}.get(kind, "阅读器")
        return f"无法写入{path}：没有写入权限，或文件正被其他程序（如{reader}）打开（原有文件未改动）"
    if isinstance(e, FileNotFoundError):
        return f"保存位置不存在：{path.parent}"
    if isinstance(e, IsADirectoryError):
        return f"{path} 是一个文件夹，请另选文件名"
    if e.errno == errno.EBUSY or getattr(e, "winerror", None) in (32, 33):
        return f"{path} 正被其他程序占用，请关闭后重试（原有文件未改动）"
    from models.oserrors import os_reason

    return f"无法保存{kind} {path}：{os_reason(e, path)}（原有文件未改动）"


def write_pdf(data: bytes, path) -> None:
    write_file(data, path, "PDF")


def write_file(data: bytes, path, kind: str) -> None:
    """Write an exported file's bytes atomically; an OSError becomes an ExportError, the old file stays intact."""
    from models.exchange import write_atomic

    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{target} 是一个文件夹，请另选文件名")
    try:
        write_atomic(target, data)
    except OSError as e:
        raise ExportError(_os_message(target, e, kind)) from e


def export_pdf(report, path, *, deterministic: bool = False, fonts=None, taoda: bool = False) -> ExportResult:
    """Lay out, draw and write: a failed export leaves no half file and the previous file intact."""
    data, result = render_pdf_bytes(report, deterministic=deterministic, fonts=fonts, taoda=taoda)
    write_pdf(data, path)
    return result
