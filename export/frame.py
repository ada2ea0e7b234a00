"""The official-document frame around the body: 版头 and 主送 on the first page, 附件说明, the signature
laid out for a seal, the 附件 pages and the 版记 on the last even page (GB/T 9704 §7.2-§7.5, §8).

paginate() calls a Frame at three points (open, close, numbered); every measure is in geometry.
"""

from __future__ import annotations

from export import geometry as g
from export.layout import RED, Line, Measurer, Page, Rule, glyphs_for, source_spans
from export.linebreak import Atom, break_paragraph
from export.paragraphs import Char, _Builder, chars_of, generated
from export.record import place_record

FRAME_KINDS = ("copy_no", "secrecy", "urgency", "mark", "number", "signer", "recipient", "attachment_note",
               "attachment_head", "attachment_title", "record_cc", "record_issue")


class Frame:
    """What a report adds around its body; a report without frame fields lays out exactly as before."""

    def __init__(self, report, m: Measurer, *, taoda: bool = False, paragraphs: int = 0) -> None:
        self.report = report
        self.m = m
        self.taoda = taoda  # 套打: the red 发文机关标志 and rule are pre-printed, everything else stays put
        self.unnumbered: set[int] = set()
        self.paragraphs = paragraphs  # body paragraphs before the attachments', whose numbers continue the count
        self.fit: list[tuple[str, str, str]] = []  # (field, its text, message): what the frame could not set well

    # -- setting short parts -----------------------------------------------------------------

    def atoms(self, chars: list[Char], size: float) -> list[Atom]:
        return [self.m.atom(c.ch, c.role, size, c.bold, c.field, c.offset) for c in chars]

    def natural(self, atoms: list[Atom], x0: float, size: float, color=None):
        from export.paginate import _natural

        glyphs = _natural(self.m, atoms, x0)
        for gl in glyphs:
            gl.size = size
            gl.color = color
        return glyphs

    @staticmethod
    def extent(atoms: list[Atom]) -> float:
        from export.paginate import _extent

        return _extent(atoms)

    def wrapped(self, atoms: list[Atom], x0: float, right: float, size: float, kind: str,
                role: str = "body") -> list[Line]:
        """A part wrapped between x0 and ``right``, every line starting at x0 (justified but the last)."""
        out = []
        for sl in break_paragraph(atoms, right - x0, right - x0):
            glyphs = glyphs_for(atoms, sl.indices, sl.xs, sl.widths, x0, sl.shifted)
            for gl in glyphs:
                gl.size = size
            out.append(Line(role, kind, 0.0, x0, glyphs, source_spans(glyphs), sl.last))
        return out

    def line(self, glyphs, role: str, kind: str, y: float, grid: int | None = None) -> Line:
        x0 = glyphs[0].x if glyphs else g.BLOCK_LEFT
        return Line(role, kind, y, x0, glyphs, source_spans(glyphs), grid=grid)

    # -- first page ---------------------------------------------------------------------------

    def open(self, pager, title: list[Line]) -> None:
        """版头 above the title (which moves down under the red rule), then the 主送 line."""
        lh = self.report.letterhead
        page = pager.pages[0]
        if lh is not None:
            head, rules, title_line = self.letterhead(lh)
            for ln in title:
                ln.y_baseline -= title_line * g.LINE_PITCH
            page.lines[:0] = head
            page.rules.extend(rules)
            pager.g = title_line + (g.body_start_line(len(title)) if title else 0)
        self.recipient(pager)

    def letterhead(self, lh) -> tuple[list[Line], list[Rule], int]:
        """(lines, rules, grid line of the title's top) of the 版头."""
        lines: list[Line] = []
        row = 0
        for name in g.HEAD_FIELDS:
            chars = chars_of(getattr(lh, name), "heading1", f"letterhead.{name}")
            if chars:
                glyphs = self.natural(self.atoms(chars, g.BODY_SIZE), g.BLOCK_LEFT, g.BODY_SIZE)
                lines.append(self.line(glyphs, "heading1", name, g.grid_baseline(row)))
                row += 1
        mark = chars_of(lh.mark, "title", "letterhead.mark")
        size = self.mark_size(mark)
        if mark and size < g.MARK_MIN_HEIGHT:
            self.fit.append(("letterhead.mark", lh.mark,
                             f"共 {len(mark)} 个字，排成一行字高只有 {max(size / g.MM, 0.1):.1f} 毫米，"
                             "比正文还小；请精简（联合行文可只列主办机关）"))
        if mark and not self.taoda:
            atoms = self.atoms(mark, size)
            x0 = g.BLOCK_LEFT + (g.BLOCK_WIDTH - self.extent(atoms)) / 2
            y = g.BLOCK_TOP - g.MARK_TOP - g.EM_ASCENT * size
            lines.append(self.line(self.natural(atoms, x0, size, RED), "title", "mark", y))
        first = g.first_line_below(g.MARK_TOP + size) + g.MARK_GAP_LINES
        signer_lines, rows = self.signers(lh, first)
        number_line = first + max(rows, 1) - 1
        number = chars_of(lh.number, "body", "letterhead.number")
        if number:
            atoms = self.atoms(number, g.BODY_SIZE)
            if rows:  # upward: flush left, one character in, on the last 签发人 line
                x0 = g.BLOCK_LEFT + g.NUMBER_INSET_CELLS * g.CELL
                beside = signer_lines[-1].glyphs
                if beside and x0 + self.extent(atoms) + g.CELL > beside[0].x:
                    number_line += 1  # it would run into the 签发人: a line of its own under them, never over them
                    self.fit.append(("letterhead.number", lh.number,
                                     "太长，与签发人排不进同一行，只好排在签发人下一行；"
                                     "请缩短发文字号或签发人（GB/T 9704 要求二者同行）"))
            else:
                x0 = g.BLOCK_LEFT + (g.BLOCK_WIDTH - self.extent(atoms)) / 2
            lines.append(self.line(self.natural(atoms, x0, g.BODY_SIZE), "body", "number",
                                   g.grid_baseline(number_line)))
        lines.extend(signer_lines)
        rule_top = g.line_top(number_line) - g.BODY_SIZE - g.RED_RULE_GAP
        rules = []
        if not self.taoda:
            y = rule_top - g.RED_RULE_WIDTH / 2
            rules.append(Rule(g.BLOCK_LEFT, g.BLOCK_RIGHT, y, g.RED_RULE_WIDTH, RED))
        title_line = g.first_line_below(g.BLOCK_TOP - rule_top + g.RED_RULE_WIDTH) + g.HEAD_TITLE_GAP_LINES
        if rows and title_line > g.HEAD_MAX_LINES:
            last = max(k for k, s in enumerate(lh.signers) if s.strip())
            self.fit.append((f"letterhead.signers.{last}", lh.signers[last],
                             f"签发人共排了 {rows} 行，" + ("标题被挤出了首页" if title_line >= g.LINES_PER_PAGE else
                                                         f"版头占去首页大半（标题从第 {title_line + 1} 行起）")
                             + "；请核对签发人"))
        return lines, rules, title_line

    def mark_size(self, mark: list[Char]) -> float:
        """The largest size at which the 发文机关标志 fits one line, up to 22 mm high."""
        per_pt = 0.0
        for c in mark:
            _face, adv, cell, _missing, _squeeze = self.m.lookup("title", c.ch)
            per_pt += 1.0 if cell else adv
        if per_pt <= 0:
            return g.MARK_MAX_HEIGHT
        return min(g.MARK_MAX_HEIGHT, g.MARK_MAX_WIDTH / per_pt)

    def signers(self, lh, first: int) -> tuple[list[Line], int]:
        """签发人：names, flush right one character in; two names a line, wraps under the first name."""
        names = [(k, chars_of(s, "heading2", f"letterhead.signers.{k}")) for k, s in enumerate(lh.signers)]
        names = [(k, c) for k, c in names if c]
        if not names:
            return [], 0
        label = self.atoms(generated(g.SIGNER_LABEL, "body"), g.BODY_SIZE)
        label_w = self.extent(label) + g.TRACKING["body"]
        room = g.BLOCK_WIDTH - 2 * g.NUMBER_INSET_CELLS * g.CELL
        for per in (g.SIGNERS_PER_LINE, 1):  # one name a line when two side by side run past the 版心
            rows = [names[i:i + per] for i in range(0, len(names), per)]
            atoms = [[self.atoms(c, g.BODY_SIZE) for _k, c in row] for row in rows]
            cols = [max(self.extent(r[c]) for r in atoms if c < len(r)) for c in range(min(per, len(names)))]
            total = label_w + sum(cols) + g.CELL * (len(cols) - 1)
            if total <= room:
                break
        else:
            k, _c = max(names, key=lambda kc: len(kc[1]))
            self.fit.append((f"letterhead.signers.{k}", lh.signers[k], "姓名太长，超出了版心；请核对"))
        x_label = g.BLOCK_RIGHT - g.NUMBER_INSET_CELLS * g.CELL - total
        lines = []
        for r, row in enumerate(atoms):
            y = g.grid_baseline(first + r)
            glyphs = self.natural(label, x_label, g.BODY_SIZE) if r == 0 else []
            x = x_label + label_w
            for c, name in enumerate(row):
                glyphs += self.natural(name, x, g.BODY_SIZE)
                x += cols[c] + g.CELL
            lines.append(self.line(glyphs, "body", "signer", y))
        return lines, len(rows)

    def recipient(self, pager) -> None:
        """主送机关 / 称谓 flush left (wrapped lines too), with its colon; the body follows on the next line."""
        text = self.report.recipient
        b = _Builder()
        b.start("body")
        b.text("recipient", text, "body")
        b.end()
        if not b.paragraphs:
            return
        last = b.paragraphs[-1]
        if last.chars[-1].ch not in g.RECIPIENT_TYPED_COLONS:
            last.chars.append(Char(g.RECIPIENT_COLON, "body", False, None, 0))
        for para in b.paragraphs:
            for ln in self.wrapped(self.m.atoms(para.chars), g.BLOCK_LEFT, g.BLOCK_RIGHT, g.BODY_SIZE, "recipient"):
                pager.place(ln)

    # -- after the body -----------------------------------------------------------------------

    def close(self, pager, signature: list[Line], place_signature) -> None:
        """附件说明, the signature (for a seal if asked), the 附件 pages, then the 版记."""
        gap = g.SEAL_GAP_LINES if self.report.seal else g.SIGNATURE_GAP_LINES
        if self.report.seal:
            signature = self.seal_lines(signature)
        note = self.attachment_note()
        if note:
            # the 附件说明 stays in one piece, and on the signature's page: a page of its own for the
            # signature (and the seal) would carry over one line of it, or split it
            block = g.ATTACHMENT_NOTE_GAP_LINES + len(note) + (gap + len(signature) if signature else 0)
            if pager.room() < block and pager.g > 0 and block - g.ATTACHMENT_NOTE_GAP_LINES <= g.LINES_PER_PAGE:
                pager.new_page()
            elif pager.g > 0:
                pager.g += g.ATTACHMENT_NOTE_GAP_LINES
            for ln in note:
                pager.place(ln)
        place_signature(pager, signature, gap)
        for n, att in enumerate(self.report.attachments):
            self.attachment(pager, n, att)
        place_record(self, pager)

    def attachment_note(self) -> list[Line]:
        """附件：name, or 附件：1. name … 2. name, names (and their wraps) aligned."""
        atts = self.report.attachments
        if not atts:
            return []
        label = self.atoms(generated(g.ATTACHMENT_LABEL, "body"), g.BODY_SIZE)
        x_label = g.BLOCK_LEFT + g.INDENT_CELLS * g.CELL
        x_num = x_label + self.extent(label) + g.TRACKING["body"]
        several = len(atts) > 1
        numbers = [self.atoms(generated(f"{n + 1}.", "body"), g.BODY_SIZE) for n in range(len(atts))]
        num_w = max(self.extent(a) for a in numbers) + g.ATTACHMENT_NUMBER_GAP * g.BODY_SIZE if several else 0.0
        lines: list[Line] = []
        for n, att in enumerate(atts):
            chars = chars_of(att.title, "body", f"attachments.{n}.title")
            while chars and chars[-1].ch in g.ATTACHMENT_NAME_END:
                chars.pop()  # no punctuation after an attachment's name
            name = self.atoms(chars, g.BODY_SIZE)
            part = self.wrapped(name, x_num + num_w, g.BLOCK_RIGHT, g.BODY_SIZE, "attachment_note") if name \
                else [Line("body", "attachment_note", 0.0, x_num, [], [])]
            first = part[0]
            lead = []
            if n == 0:
                lead += self.natural(label, x_label, g.BODY_SIZE)
            if several:
                lead += self.natural(numbers[n], x_num, g.BODY_SIZE)
            first.glyphs[:0] = lead
            first.x_start = first.glyphs[0].x if first.glyphs else x_num
            lines.extend(part)
        return lines

    def seal_lines(self, lines: list[Line]) -> list[Line]:
        """§7.3.5.1: the date 4 characters in from the right, the signature centred over the date."""
        date = next((ln for ln in lines if ln.kind == "date"), None)
        right = g.BLOCK_RIGHT - g.SEAL_DATE_RIGHT_CELLS * g.CELL
        if date is not None:
            _shift(date, right - date.x_end)
            centre = (date.x_start + date.x_end) / 2
        else:
            centre = right - max((ln.x_end - ln.x_start for ln in lines), default=0.0) / 2
        for ln in lines:
            if ln.kind == "signature":
                _shift(ln, max(g.BLOCK_LEFT, centre - (ln.x_end - ln.x_start) / 2) - ln.x_start)
        return lines

    def attachment(self, pager, n: int, att) -> None:
        """A new page: 附件N (黑体) on the first line, the title centred on the third, the body under it."""
        from export.paginate import body_lines, title_lines

        pager.new_page()
        page = pager.pages[-1]
        several = len(self.report.attachments) > 1
        head = generated(g.ATTACHMENT_HEAD + (str(n + 1) if several else ""), "heading1")
        glyphs = self.natural(self.atoms(head, g.BODY_SIZE), g.BLOCK_LEFT, g.BODY_SIZE)
        pager.place(self.line(glyphs, "heading1", "attachment_head", 0.0))
        t = _Builder()
        t.start("title")
        t.text(f"attachments.{n}.title", att.title, "title")
        t.end()
        tlines = title_lines(self.m, t.paragraphs)
        for ln in tlines:
            ln.kind = "attachment_title"
            ln.y_baseline -= g.ATTACHMENT_TITLE_LINE * g.LINE_PITCH
        page.lines.extend(tlines)
        pager.g = g.ATTACHMENT_TITLE_LINE + (g.body_start_line(len(tlines)) if tlines else 1)
        b = _Builder()
        b.start("body")
        b.text(f"attachments.{n}.body", att.body, "body")
        b.end()
        for para in b.paragraphs:
            for ln in body_lines(self.m, self.paragraphs, para):
                pager.place(ln)
            self.paragraphs += 1

    def numbered(self, page: Page) -> bool:
        return page.number not in self.unnumbered


def _shift(line: Line, dx: float) -> None:
    line.x_start += dx
    for gl in line.glyphs:
        gl.x += dx
