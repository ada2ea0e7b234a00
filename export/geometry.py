"""Every page measure of GB/T 9704 in one place, as named values ("styles as data").

Units are PDF points (1/72 inch); y grows upwards from the bottom of the page, as in PDF.
"""

from __future__ import annotations

MM = 72.0 / 25.4

# Paper: A4 portrait.
PAGE_WIDTH = 210 * MM
PAGE_HEIGHT = 297 * MM

# 版心 (text block): 天头 37 mm, 订口 28 mm, 156 x 225 mm.
MARGIN_TOP = 37 * MM
MARGIN_LEFT = 28 * MM
BLOCK_WIDTH = 156 * MM
BLOCK_HEIGHT = 225 * MM
BLOCK_LEFT = MARGIN_LEFT
BLOCK_RIGHT = MARGIN_LEFT + BLOCK_WIDTH
BLOCK_TOP = PAGE_HEIGHT - MARGIN_TOP
BLOCK_BOTTOM = BLOCK_TOP - BLOCK_HEIGHT

# The grid: 22 lines of 28 character cells.
LINES_PER_PAGE = 22
CELLS_PER_LINE = 28
LINE_PITCH = BLOCK_HEIGHT / LINES_PER_PAGE  # 28.99 pt
CELL = BLOCK_WIDTH / CELLS_PER_LINE  # 15.79 pt

# Sizes per role (2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt).
SIZES = {"title": 22.0, "body": 16.0, "heading1": 16.0, "heading2": 16.0, "pagenum": 14.0}
BODY_SIZE = SIZES["body"]

# Extra advance after every full-width character, per role: the body grid sets 16 pt glyphs on
# 15.79 pt cells, as Word's document grid does. The title is not on the grid.
TRACKING = {"title": 0.0, "body": CELL - BODY_SIZE, "heading1": CELL - BODY_SIZE,
            "heading2": CELL - BODY_SIZE, "pagenum": 0.0}

# The ideographic em box sits from -0.12 em to 0.88 em around the baseline (Adobe's convention,
# and the descent of the common Chinese fonts): "glyph tops touch the top of the 版心" puts the
# first em box top on BLOCK_TOP.
EM_ASCENT = 0.88

INDENT_CELLS = 2  # first line of every paragraph
TITLE_PITCH = 35.0  # common practice: title lines about 35 pt apart
TITLE_GAP_LINES = 1  # empty grid lines between the title and the body

# Signature and date (§7.3.5.2, no seal).
SIGNATURE_GAP_LINES = 1
SIGNATURE_RIGHT_CELLS = 2
DATE_OFFSET_CELLS = 2

# Page number "— N —": 14 pt, its line top 7 mm under the 版心, one character in from the edge.
PAGENUM_GAP = 7 * MM
PAGENUM_INSET = SIZES["pagenum"]  # "one character": one character of the page number's own size
PAGENUM_DASH = "\u2014"
PAGENUM_SPACE = 0.5  # em: the space on each side of the number is a half-width space whatever the font's own

# Fake bold (仿宋 has no bold face): fill plus a stroke of this width, per point of font size.
FAKE_BOLD_STROKE_PER_PT = 0.025  # 0.4 pt at 16 pt
# Roles drawn fake-bold when their official face is missing (方正小标宋 is far heavier than any open Song).
EMBOLDEN_WHEN_SUBSTITUTED = ("title",)
# Roles drawn fake-bold when they end up in the body's own face (no Hei face installed).
EMBOLDEN_WHEN_BODY_FACE = ("heading1",)

# Line breaking.
FIT_EPSILON = 0.01  # pt of rounding slack when asking whether a line fits
MAX_SQUEEZE_PER_GAP = 0.45  # pt a justified line may tighten per gap to pull in a closing mark
# Pull a closing mark onto a full line by setting punctuation half-width? Off: like Word's grid, we move
# the previous character down instead, so every glyph box stays inside the 版心 and on its cell.
COMPRESS_PUNCTUATION = False
# 标点挤压 of adjacent marks (”。 ）， （“): a mark is set half-width only if its ink lies within the half that
# stays, give or take this much of an em.
SQUEEZE_INK_SLACK = 0.02
# A closing mark set half-width before a character (not another mark) needs clear white after its ink, or it
# touches the next character: 、 and 。 (ink to 0.45-0.49 em in Song faces) never are, ，；： (to ~0.27) may be.
LONE_SQUEEZE_INK = 0.36
# A line that a long unbreakable unit (a URL, a phone number) would leave with more than this much free
# space pulls the unit in by setting its closing marks half-width, when that is enough.
LOOSE_LINE = 2 * CELL
# A paragraph's last line of this many glyphs or fewer is a 孤字 (models/checks.py reports it): the layout
# takes it into the line above when squeezing adjacent marks makes room, else moves the last unit of the
# line above (up to this many cells, ~0.6 pt more space a gap per cell) down to keep it company.
ORPHAN_GLYPHS = 2
ORPHAN_PUSH_CELLS = 2.1  # two characters, or a 4-digit number (32 pt)


def grid_baseline(line: int) -> float:
    """Baseline of grid line ``line`` (0-based) of any page."""
    return BLOCK_TOP - EM_ASCENT * BODY_SIZE - line * LINE_PITCH


def title_baseline(line: int) -> float:
    """Baseline of title line ``line`` (0-based) on the first page."""
    return BLOCK_TOP - EM_ASCENT * SIZES["title"] - line * TITLE_PITCH


def max_title_lines() -> int:
    """Title lines whose baseline stays inside the 版心 of the first page (the title never continues)."""
    return int((BLOCK_TOP - EM_ASCENT * SIZES["title"] - BLOCK_BOTTOM) // TITLE_PITCH) + 1


def body_start_line(title_lines: int) -> int:
    """First grid line of the body after a title of ``title_lines`` lines and one empty line.

    The title is not on the grid (its lines are TITLE_PITCH apart), so "one empty line" is the grid
    line whose top leaves the white nearest to TITLE_GAP_LINES line pitches under the title's em box:
    a 3-line title ends 5 pt into grid line 3; counting that line as used would leave almost two
    empty lines (53 pt of white) where a 1- or 2-line title leaves 30-36 pt."""
    if title_lines == 0:
        return 0
    title_bottom = title_baseline(title_lines - 1) - (1 - EM_ASCENT) * SIZES["title"]
    want = TITLE_GAP_LINES * LINE_PITCH
    best, best_miss = 0, None
    for line in range(LINES_PER_PAGE):
        white = title_bottom - (BLOCK_TOP - line * LINE_PITCH)
        if white <= 0:
            continue
        miss = abs(white - want)
        if best_miss is None or miss < best_miss - FIT_EPSILON:
            best, best_miss = line, miss
    return best if best_miss is not None else LINES_PER_PAGE  # a title filling the page: body on the next


def pagenum_baseline() -> float:
    """Baseline of the page number: its em box top 7 mm under the 版心."""
    return BLOCK_BOTTOM - PAGENUM_GAP - EM_ASCENT * SIZES["pagenum"]


# ---- The official-document frame (GB/T 9704 §7.2, §7.3.2, §7.3.4, §7.3.5.1, §7.4, §7.5, §8) ----
# 版头: 份号, 密级和保密期限, 紧急程度 on the first lines of the 版心, 3号 黑体, flush left.
HEAD_FIELDS = ("copy_no", "secrecy", "urgency")
# 发文机关标志: red 小标宋, centred, its top edge 35 mm under the top of the 版心; as large as fits one
# line of the 版心, and no more than 22 mm high (common practice).
MARK_TOP = 35 * MM
MARK_MAX_HEIGHT = 22 * MM
MARK_MAX_WIDTH = BLOCK_WIDTH
MARK_GAP_LINES = 2  # empty grid lines between the 发文机关标志 and the 发文字号
NUMBER_INSET_CELLS = 1  # 发文字号 1 character in from the left, 签发人 1 character in from the right
SIGNER_LABEL = "签发人："
MARK_MIN_HEIGHT = BODY_SIZE  # a 发文机关标志 smaller than the body text (三号) is noted as too long
HEAD_MAX_LINES = 14  # grid lines the 版头 may take before the title (about 11 with one line of 签发人)
SIGNERS_PER_LINE = 2  # several 签发人: two names a line, further lines aligned under the first name
RED_RULE_GAP = 4 * MM  # from the bottom of the 发文字号 to the top of the red rule
RED_RULE_WIDTH = 1.5  # pt, about 0.5 mm (the standard leaves it open; common practice 1-2.25 pt)
HEAD_TITLE_GAP_LINES = 2  # empty grid lines between the red rule and the title
# 主送机关 / 称谓: flush left on the line after the title's empty line, ends with a full-width colon.
RECIPIENT_COLON = "："
RECIPIENT_TYPED_COLONS = "：:"  # a typed colon is printed as typed, never doubled
# 附件说明: one empty line after the body, 2 characters in; several attachments numbered 1. 2.
ATTACHMENT_NOTE_GAP_LINES = 1
ATTACHMENT_LABEL = "附件："
ATTACHMENT_NAME_END = frozenset("。，；、：.,;: \u3000")  # dropped after a name in the 附件说明
ATTACHMENT_NUMBER_GAP = 0.25  # em between "1." and the attachment's name
# Signature and date laid out for a seal (§7.3.5.1): the date 4 characters in from the right, the
# signature centred over it, two empty lines above so a 42 mm seal reaches within one line of the
# text without covering it.
SEAL_DATE_RIGHT_CELLS = 4
SEAL_GAP_LINES = 2
# 附件 pages: 附件N on the first grid line (3号 黑体, flush left), the title on the third.
ATTACHMENT_HEAD = "附件"
ATTACHMENT_TITLE_LINE = 2
# 版记: 4号 仿宋 rows of one grid line each at the foot of the last (even) page; rules as wide as the
# 版心, first and last 0.35 mm, the one between 抄送 and 印发 0.25 mm; the last rule's bottom on the
# bottom edge of the 版心.
RECORD_SIZE = 14.0
RECORD_INSET = RECORD_SIZE  # 1 character (of its own size) in from each side
RECORD_CC_LABEL = "抄送："
RECORD_ISSUED = "印发"
RECORD_THICK = 0.35 * MM
RECORD_THIN = 0.25 * MM
RECORD_GAP_LINES = 1  # at least one empty grid line between the text and the 版记


def line_top(line: int) -> float:
    """Top of grid line ``line`` (0-based) of any page."""
    return BLOCK_TOP - line * LINE_PITCH


def first_line_below(depth: float) -> int:
    """The first grid line whose top lies ``depth`` pt or more under the top of the 版心."""
    line = 0
    while BLOCK_TOP - line_top(line) < depth - FIT_EPSILON:
        line += 1
    return line
