"""GB/T 15834 checks that need a scan rather than a pattern: colon scopes and nested marks."""

from __future__ import annotations

import re

from models.proofread.matcher import SEP, Doc, Slip
from models.proofread.rules import PUNCTUATION

_SENTENCE_END = re.compile(r"[。！？\n" + SEP + "]")
_OPEN = {"（": "）", "〔": "〕", "［": "］", "【": "】", "“": "”", "‘": "’", "《": "》", "〈": "〉"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_MARKS = re.compile("[" + re.escape("".join(_OPEN) + "".join(_CLOSE) + "：") + "]")
# 会议时间：……；会议地点：…… — a new short label after ； or ， starts a new colon's scope.
_LABEL = re.compile(r"[，；,;][\s\u3000]*[\u4e00-\u9fff]{1,6}：$")
_SPACE = re.compile("[ \u3000\u00a0]+")
_CJK = re.compile("[\u4e00-\u9fff\u3001-\u3011\uff01-\uff1f“”‘’]")
# Names spaced to line up (王  伟) and a byline or two parallel phrases on one line (局长　王某某; 坚持稳中求进
# 狠抓工作落实) are a custom in titles, headings, leads and the signature; running text has no spaces.
_NO_SPACE_CHECK = ("signature", "letterhead.", "record.", "title", "recipient")
_NO_SPACE_FIELD_END = (".heading", ".lead", ".title")
_SRC_SPACE = "GB/T 15834-2011 第5章（标点符号的位置和书写形式）；公文写作规范：汉字之间不留空格"
_SRC_COLON = "GB/T 15834-2011 4.7（冒号）、附录B（冒号套用）"
_SRC_PAREN = "GB/T 15834-2011 4.9（括号）、附录B（括号套用）"
_SRC_QUOTE = "GB/T 15834-2011 4.8（引号：引号里面再用引号）"
_SRC_BOOK = "GB/T 15834-2011 4.15（书名号：书名号里面再用书名号）"


def check(doc: Doc) -> list[Slip]:
    out: list[Slip] = []
    text = doc.text
    title = dict(doc.fields).get("title", "").rstrip()
    for path, heading in doc.fields:
        if path.startswith("sections.") and path.endswith(".heading") and heading.rstrip()[-1:] in ("。", "；", "，"):
            i = doc.starts[[p for p, _ in doc.fields].index(path)] + len(heading.rstrip()) - 1
            out.append(doc.slip(i, i + 1, "bd29", PUNCTUATION, f"部分标题末尾的“{doc.text[i]}”应删去", "",
                                "单独成行的标题末尾不用标点符号", "GB/T 9704-2012 7.3.3（结构层次序数）；公文写作规范"))
    if title and title[-1] in "。，；：！、":
        i = doc.starts[[p for p, _ in doc.fields].index("title")] + len(title) - 1
        out.append(doc.slip(i, i + 1, "bd28", PUNCTUATION, f"标题末尾的“{title[-1]}”应删去", "",
                            "公文标题末尾不用标点符号", "公文写作规范（标题末尾不加标点）；GB/T 9704-2012 7.3.1（标题）"))
    _spaces(doc, out)
    _single_quotes(doc, out)
    if not _MARKS.search(text):
        return out
    for m in re.finditer(r"[^。！？\n" + SEP + "]+", text):
        sentence_start = m.start()
        _scan(doc, out, m.group(), sentence_start)
    return [s for s in out if s is not None]


def _scan(doc: Doc, out: list, sentence: str, base: int) -> None:
    stack: list[str] = []
    colon_at = -1
    quotes: dict[int, int] | None = None  # where each “ closes, found once for the sentence when first needed
    for m in _MARKS.finditer(sentence):
        ch, i = m.group(), m.start()
        if ch == "：":
            if i > 0 and i + 1 < len(sentence) and sentence[i - 1].isdigit() and sentence[i + 1].isdigit():
                continue  # 9：30
            if stack:
                continue  # a colon inside quotes or brackets belongs to what is quoted
            if colon_at >= 0 and not _LABEL.search(sentence, colon_at + 1, i + 1):
                out.append(doc.slip(base + i, base + i + 1, "bd21", PUNCTUATION,
                                    "冒号范围内又用了冒号：一个冒号管到句末，里面不能再用冒号",
                                    None, "一个冒号的提示范围一直到句末，其中不能再套用冒号，可改为逗号或分句", _SRC_COLON))
            colon_at = i
        elif ch in _OPEN:
            if ch in "（〔［" and stack and stack[-1] not in "《〈":  # a title keeps its own （试行）
                outer = next((c for c in reversed(stack) if c in "（〔［【"), None)
                if outer == ch:
                    out.append(doc.slip(base + i, base + i + 1, "bd22", PUNCTUATION, "括号内又套用了同一种括号",
                                        None, "同一形式的括号不套用；需要套用时，里面用圆括号（），外面用六角括号〔〕",
                                        _SRC_PAREN))
                elif outer == "（" and ch in "〔［":
                    out.append(doc.slip(base + i, base + i + 1, "bd23", PUNCTUATION, "括号套用的层次颠倒",
                                        None, "括号套用时，里面用圆括号（），外面用六角括号〔〕或方括号［］", _SRC_PAREN))
            elif ch == "“" and "“" in stack:
                if quotes is None:
                    quotes = _pairs(sentence, "“", "”")
                j = quotes.get(i, -1)
                fix_end = j + 1 if j >= 0 else i + 1
                out.append(doc.slip(base + i, base + i + 1, "bd24", PUNCTUATION, "双引号里又用了双引号，里面一层应改用单引号‘’",
                                    "‘", "引号里面还要用引号时，外面一层用双引号，里面一层用单引号", _SRC_QUOTE))
                if j >= 0:
                    out.append(doc.slip(base + j, base + fix_end, "bd24", PUNCTUATION,
                                        "双引号里又用了双引号，里面一层应改用单引号‘’",
                                        "’", "引号里面还要用引号时，外面一层用双引号，里面一层用单引号", _SRC_QUOTE))
                stack.append("“")
                continue
            elif ch == "“" and stack and stack[-1] == "‘":
                out.append(doc.slip(base + i, base + i + 1, "bd25", PUNCTUATION, "引号套用的层次颠倒：外面用双引号，里面用单引号",
                                    None, "引号里面还要用引号时，外面一层用双引号，里面一层用单引号", _SRC_QUOTE))
            elif ch == "《" and "《" in stack:
                out.append(doc.slip(base + i, base + i + 1, "bd26", PUNCTUATION, "书名号里又用了书名号，里面一层应改用单书名号〈〉",
                                    None, "书名号里面还要用书名号时，外面一层用双书名号，里面一层用单书名号", _SRC_BOOK))
            stack.append(ch)
        else:  # a closing mark
            want = _CLOSE[ch]
            if want in stack:
                if stack[-1] != want and stack[-1] in "（《〔［【":
                    out.append(doc.slip(base + i, base + i + 1, "bd27", PUNCTUATION,
                                        f"“{ch}”与前面的“{stack[-1]}”交叉，应先用“{_OPEN[stack[-1]]}”收住里面一层",
                                        None, "成对的标点里外套用时，先开的后收，不能交叉", _SRC_PAREN))
                while stack and stack.pop() != want:
                    pass


def _pairs(sentence: str, open_: str, close: str) -> dict[int, int]:
    """Where each ``open_`` closes (nested pairs counted), in one pass: looking ahead from every one of
    thousands of opening marks was quadratic."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for j, c in enumerate(sentence):
        if c == open_:
            stack.append(j)
        elif c == close and stack:
            pairs[stack.pop()] = j
    return pairs


def _spaces(doc: Doc, out: list) -> None:
    """A space between two Chinese characters (全面从严治党 向纵深), or between Chinese and a number (截至 10月)."""
    for (path, text), base in zip(doc.fields, doc.starts, strict=True):
        if path.startswith(_NO_SPACE_CHECK) or path.endswith(_NO_SPACE_FIELD_END) or (" " not in text and "\u3000" not in text and "\u00a0" not in text):
            continue
        for m in _SPACE.finditer(text):
            left, right = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
            if not left or not right or left == "\n" or right == "\n":
                continue
            if _CJK.match(left) and (_CJK.match(right) or right.isdigit()) or left.isdigit() and _CJK.match(right) \
                    and _digits_after_chinese(text, m.start()):
                out.append(doc.slip(base + m.start(), base + m.end(), "bd30", PUNCTUATION, "汉字之间多了空格", "",
                                    "正文中汉字之间、汉字与数字之间不留空格（排版由程序完成）", _SRC_SPACE))


def _digits_after_chinese(text: str, end: int) -> bool:
    i = end
    while i > 0 and (text[i - 1].isdigit() or text[i - 1] == "."):
        i -= 1
    return i == 0 or text[i - 1] == "\n" or bool(_CJK.match(text[i - 1]))  # 2026 年 at a paragraph's start too


def _single_quotes(doc: Doc, out: list) -> None:
    """‘一岗双责’ outside any “”: single quotes are for a quotation inside a quotation only."""
    for (_path, text), base in zip(doc.fields, doc.starts, strict=True):
        if "‘" not in text:
            continue
        depth = 0
        for i, ch in enumerate(text):
            if ch == "“":
                depth += 1
            elif ch == "”":
                depth = max(0, depth - 1)
            elif ch == "‘" and depth == 0:
                end = text.find("’", i + 1, i + 31)  # a short quotation: looked for nearby only (linear)
                stop = end + 1 if end > i else i + 1
                out.append(doc.slip(base + i, base + stop, "bd32", PUNCTUATION,
                                    "引号先用双引号“”，单引号只用在双引号里面", None,
                                    "引号里面还要用引号时，外面用双引号，里面用单引号", _SRC_QUOTE))
