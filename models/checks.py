"""Everything a reviewer would send a report back for, as findings with a place and, when possible, a fix.

run_checks() runs as the author types, so it only scans text (no layout); the typesetting facts
(fonts, 孤字, page count) come from export via models.facts when the caller has them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from models import frame_checks
from models import textchecks as tc
from models.carried_check import carried_findings
from models.facts import TypesetFacts
from models.fields import get_field, item_field, iter_fields, parse_field, section_field, set_field
from models.importers.structure import cn_to_int
from models.proofread import proofread
from models.proofread.settings import Settings
from models.report import HEADING, NONE, YISHI, Report, chinese_number

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)

# kind -> (severity, words for summary(): "还有 8 处待填写")
KINDS: dict[str, tuple[str, str]] = {
    "font_missing": (ERROR, "个字无法打印"),
    "placeholder": (WARNING, "处待填写"),
    "empty": (WARNING, "处内容空缺"),
    "halfwidth_punct": (WARNING, "处标点问题"),
    "unpaired": (WARNING, "处标点问题"),
    "missing_stop": (WARNING, "处标点问题"),
    "hand_numbering": (WARNING, "处编号问题"),
    "too_long": (WARNING, "页数超出限制"),
    "orphan": (INFO, "处孤字"),
    "font_fallback": (INFO, "个字使用备用字体"),
    "carried": (WARNING, "处沿用原报告内容"),
    "proofread": (WARNING, "处校对问题"),
}

# Short names for the 检查 panel's groups and filters.
KIND_LABELS = {
    "placeholder": "待填写", "font_missing": "缺字", "font_fallback": "备用字体", "halfwidth_punct": "半角标点",
    "unpaired": "标点不成对", "missing_stop": "段末标点", "empty": "内容空缺", "hand_numbering": "编号", "orphan": "孤字", "too_long": "页数超限",
    "carried": "沿用",
    "proofread": "校对",
}
# The 检查 panel groups findings by category: the proofreader's classes, and these for the other kinds.
KIND_CATEGORIES = {"halfwidth_punct": "标点", "unpaired": "标点", "missing_stop": "标点", "hand_numbering": "编号"}
SEVERITY_LABELS = {ERROR: "错误", WARNING: "警告", INFO: "提示"}
KINDS.update(frame_checks.KINDS)  # 版头, 主送, 附件, 版记: models/frame_checks.py
KIND_LABELS.update(frame_checks.LABELS)

_TOO_LONG = KINDS["too_long"][1]

_TOP_NAMES = {"title": "标题", "preamble": "开头语", "closing": "结束语", "signature": "署名", "date": "成文日期",
              "recipient": "主送"}
_SECTION_NAMES = {"heading": "标题", "intro": "开头段"}
_ITEM_NAMES = {"lead": "引领句", "body": "正文"}  # the words of the window and README


def place_name(path: str) -> str:
    """Field path -> the words an official uses: sections.0.items.2.body -> 第一部分第3条正文."""
    if not path:
        return "全文"
    parts = parse_field(path)
    if (frame := frame_checks.place_name(parts)) is not None:
        return frame
    if len(parts) == 1:
        return _TOP_NAMES.get(parts[0], path)
    section = f"第{chinese_number(parts[1] + 1)}部分"
    if len(parts) == 3:
        return section + _SECTION_NAMES.get(parts[2], parts[2])
    return f"{section}第{parts[3] + 1}条{_ITEM_NAMES.get(parts[4], parts[4])}"


@dataclass
class Finding:
    kind: str  # a key of KINDS
    severity: str  # error | warning | info
    field: str  # a models.fields path; "" for the whole report
    start: int  # character range in that field's text
    end: int
    message: str  # Chinese, without the place
    fix: str | None = None  # replacement text for [start, end) as a one-click fix
    text: str = ""  # the text of the range when found, so a stale fix is refused
    category: str = ""  # the group in the 检查 panel: a proofreading class (易混词, 数字…) or the kind's label
    rule: str = ""  # proofreading rule id (yh001, resources/proofread/…), or the kind
    reason: str = ""  # one line: why (shown on hover)
    source: str = ""  # the standard and section, or the usage note, the rule comes from

    def __post_init__(self) -> None:
        if not self.category:
            self.category = KIND_CATEGORIES.get(self.kind) or KIND_LABELS.get(self.kind, self.kind)
        if not self.rule:
            self.rule = self.kind

    @property
    def place(self) -> str:
        return place_name(self.field)

    def describe(self) -> str:
        """One line for a list or the command line: 第一部分第3条正文：“X个”中的“X”待填写数字."""
        return f"{self.place}：{self.message}"

    def to_dict(self) -> dict:
        return asdict(self) | {"place": self.place}


def utf16_range(text: str, start: int, end: int) -> tuple[int, int]:
    """A finding's range (Python code points) in UTF-16 units, as Qt's text cursors count (𠮷 is 2)."""
    def units(n: int) -> int:
        return n + sum(1 for ch in text[:n] if ord(ch) > 0xFFFF)

    return units(start), units(end)


def run_checks(report: Report, facts: TypesetFacts | None = None, settings: Settings | None = None) -> list[Finding]:
    """All findings in reading order; font, 孤字 and page checks only when ``facts`` is given.

    ``settings``: the office's own proofreading rules and ignored findings (models.proofread.settings).
    Thread-safe: one check at a time (the window warms the checks up on a thread at start-up while it may check
    on its own; the proofreader's caches are shared).
    """
    with _RUN_LOCK:
        return _run_checks(report, facts, settings)


_RUN_LOCK = threading.Lock()


def _run_checks(report: Report, facts: TypesetFacts | None, settings: Settings | None) -> list[Finding]:
    found: list[Finding] = []
    for path, text in iter_fields(report):
        if text:
            _text_checks(found, path, text)
    frame_checks.run(found, report, _add)
    _empty_checks(found, report)
    _numbering_checks(found, report)
    if settings is not None and settings.ignores:
        found = [f for f in found if not settings.ignored(f.rule, f.text, f.field)]
    for slip in proofread(report, settings):
        text = get_field(report, slip.field)
        found.append(Finding("proofread", WARNING, slip.field, slip.start, slip.end, slip.message, slip.fix,
                             text[slip.start:slip.end], slip.cls, slip.rule, slip.reason, slip.source))
    found.extend(carried_findings(report))
    if facts is not None:
        _facts_checks(found, report, facts)
    order = {path: n for n, (path, _) in enumerate(iter_fields(report))}
    order["date"] = len(order)
    unique: dict[tuple, Finding] = {}
    for f in found:  # one finding per place and kind: the first, which carries the fix when there is one
        unique.setdefault((f.kind, f.field, f.start, f.end), f)
    # A hand-typed number is to be deleted: no second, conflicting advice about its punctuation (“1、” -> “1.”).
    numbers = {(f.field, f.start, f.end) for f in unique.values() if f.kind == "hand_numbering"}
    kept = [f for f in unique.values() if f.kind == "hand_numbering" or f.end <= f.start
            or not any(field == f.field and a <= f.start and f.end <= b for field, a, b in numbers)]
    return sorted(kept, key=lambda f: (order.get(f.field, -1), f.start, f.end))


def _add(found: list[Finding], kind: str, path: str, hit: tc.Hit, text: str, severity: str | None = None) -> None:
    found.append(Finding(kind, severity or KINDS[kind][0], path, hit.start, hit.end, hit.message, hit.fix,
                         text[hit.start:hit.end]))


def check_field(path: str, text: str) -> list[Finding]:
    """The text-only findings of one field: cheap enough to run on every keystroke in that field."""
    found: list[Finding] = []
    _text_checks(found, path, text)
    found.sort(key=lambda f: (f.start, f.end))
    return found


_RUNNING_TEXT = ("preamble", "closing", "intro", "body")  # fields of sentences (not titles, names)


def _text_checks(found: list[Finding], path: str, text: str) -> None:
    for hit in tc.placeholders(text):
        _add(found, "placeholder", path, hit, text)
    for hit in tc.halfwidth(text):
        _add(found, "halfwidth_punct", path, hit, text)
    for hit in tc.unpaired(text):
        _add(found, "unpaired", path, hit, text)
    if path.rsplit(".", 1)[-1] in _RUNNING_TEXT and not path.startswith("attachments"):  # 附件: often lists
        for hit in tc.missing_stops(text, 2 if path == "closing" else 16):  # 特此报告 → 特此报告。
            _add(found, "missing_stop", path, hit, text)


def _empty_checks(found: list[Finding], report: Report) -> None:
    def empty(path: str, message: str, severity: str = WARNING) -> None:
        text = get_field(report, path)
        found.append(Finding("empty", severity, path, 0, len(text), message, None, text))

    if not report.title.strip():
        empty("title", "未填写")
    if not report.signature.strip():
        empty("signature", "未填写")
    if report.date is None:
        if report.letterhead is not None:  # a 公文 must carry its 成文日期 (GB/T 9704 §7.3.5)
            empty("date", "未填写")
        else:  # the author left it out on purpose (写在落款处 unticked): a note, not a warning
            empty("date", "不写（如需写明日期，在基本信息中勾选“写在落款处”）", INFO)
    for si, s in enumerate(report.sections):
        heading = section_field(si, "heading")
        blank = [not it.lead.strip() and not it.body.strip() for it in s.items]
        if not s.intro.strip() and all(blank):  # blank items are not printed: the heading would stand alone
            if s.heading.strip():
                empty(heading, f"“{s.heading.strip()}”只有标题没有内容，打印出来只有标题一行，请补写内容或删除本部分")
            else:
                empty(heading, "这一部分没有标题也没有内容，不会打印")
            continue  # its blank items are this one finding
        if not s.heading.strip():
            empty(heading, "未填写")
        for ii, it in enumerate(s.items):
            lead, body = it.lead.strip(), it.body.strip()
            if blank[ii]:
                empty(item_field(si, ii, "body"), "这一条是空的")
            elif s.numbering != NONE and not lead:
                empty(item_field(si, ii, "lead"), "未填写引领句")
            elif s.numbering != NONE and not body:
                empty(item_field(si, ii, "body"), "只有引领句，没有正文", INFO)


def _numbering_checks(found: list[Finding], report: Report) -> None:
    for si, s in enumerate(report.sections):
        path = section_field(si, "heading")
        if (hit := tc.number_at_start(s.heading)) is not None:
            _add(found, "hand_numbering", path, hit, s.heading)
        texts = [(section_field(si, "intro"), s.intro)]
        for ii, it in enumerate(s.items):
            lead_path, body_path = item_field(si, ii, "lead"), item_field(si, ii, "body")
            texts += [(lead_path, it.lead), (body_path, it.body)]
            if s.numbering == NONE:
                continue
            if it.lead.strip():
                if (hit := tc.number_at_start(it.lead)) is not None:
                    _add(found, "hand_numbering", lead_path, hit, it.lead)
                if (hit := _own_style_at_start(it.body, s.numbering)) is not None:
                    number = it.body[hit.start:hit.end].strip()
                    hit = hit._replace(message=f"正文开头的“{number}”像是下一条的编号，请把它拆成新的一条", fix=None)
                    _add(found, "hand_numbering", body_path, hit, it.body)
            else:
                hit = tc.number_at_start(it.body) if s.numbering == YISHI else _own_style_at_start(it.body, HEADING)
                if hit is not None:
                    _add(found, "hand_numbering", body_path, hit, it.body)
            _numbered_lines(found, body_path, it.body, s.numbering)
        _sequence_checks(found, texts)
    for path in ("preamble", "closing"):
        _sequence_checks(found, [(path, getattr(report, path))])


def _numbered_lines(found: list[Finding], path: str, body: str, numbering: str) -> None:
    """A line inside a body that opens with the section's own kind of number (四是, （三）): an item left inside
    the one before, as when a document skipped 三是 and the import could not take 四是 for the next item."""
    at = body.find("\n")
    while at >= 0:
        start = at + 1
        hit = _own_style_at_start(body[start:start + 24], numbering)  # a number is short: no copy of the rest
        number = body[start + hit.start:start + hit.end].strip() if hit is not None else ""
        # （1） under （一） is the next level down (GB/T 9704 7.3.3), not another item.
        if hit is not None and (numbering == YISHI or re.fullmatch(r"[（(][一二三四五六七八九十]+[）)]", number)):
            _add(found, "hand_numbering", path, tc.Hit(start + hit.start, start + hit.end,
                 f"正文中这一行以“{number}”开头，像是另一条：请在此处拆成新的一条（编号由程序生成）"), body)
        at = body.find("\n", start)


def _own_style_at_start(text: str, numbering: str) -> tc.Hit | None:
    """一是 at the start of a yishi body, （一） at the start of a heading body: numbers the app generates."""
    hit = tc.number_at_start(text)
    if hit is None:
        return None
    number = text[hit.start:hit.end].strip()
    own = number.endswith("是") if numbering == YISHI else number.startswith(("（", "("))
    return hit if own else None


def _sequence_checks(found: list[Finding], texts: Iterable[tuple[str, str]]) -> None:
    """一是, 二是, 四是 typed in free text: flag the number that breaks the count."""
    expected: dict[str, int] = {}
    for path, text in texts:
        last: dict[str, int] = {}  # in this field: 一是……；一是…… is a repeated number, not a new list
        for kind, n, start, end, marker in tc.sequence_markers(text, cn_to_int):
            if n == 1:
                if last.get(kind) == 1:
                    found.append(Finding("hand_numbering", WARNING, path, start, end,
                                         f"编号重复：前面已有“{marker}”，按顺序应为“{_second_marker(marker)}”", None, marker))
                    expected[kind] = last[kind] = 3
                    continue
                expected[kind] = 2
                last[kind] = 1
                continue
            last[kind] = n
            want = expected.get(kind)
            if want is None:
                continue
            if n != want:
                arabic = kind.endswith("arabic")
                wanted = marker.replace(str(n) if arabic else _cn(n), str(want) if arabic else _cn(want), 1)
                found.append(Finding("hand_numbering", WARNING, path, start, end,
                                     f"编号不连续：这里是“{marker}”，按顺序应为“{wanted}”", None, marker))
            expected[kind] = n + 1


def _second_marker(marker: str) -> str:
    return marker.replace("1", "2", 1) if any(c.isdigit() for c in marker) else marker.replace("一", "二", 1)


def _cn(n: int) -> str:
    return chinese_number(n) if 0 < n < 100 else str(n)


def _current(report: Report, path: str) -> str | None:
    """The field's text, or None when facts from an older layout name a field that no longer exists."""
    try:
        return get_field(report, path)
    except (IndexError, KeyError, AttributeError):
        return None


def _facts_checks(found: list[Finding], report: Report, facts: TypesetFacts) -> None:
    """Font, 孤字 and page findings; places that no longer match the text (stale facts) are skipped."""
    for place in facts.missing:
        if (_current(report, place.field) or "")[place.offset:place.offset + 1] == place.char:
            found.append(Finding("font_missing", ERROR, place.field, place.offset, place.offset + 1,
                                 f"“{place.char}”（U+{ord(place.char):04X}）" + (
                                     f"只有已安装的 {place.found_in} 有，但它不能嵌入PDF（可在“字体设置”中转换），打印出来会缺字"
                                     if place.found_in else "所有已安装的字体都没有，打印出来会缺字"),
                                 None, place.char))
    for place in facts.fallbacks:
        if (_current(report, place.field) or "")[place.offset:place.offset + 1] == place.char:
            found.append(Finding("font_fallback", INFO, place.field, place.offset, place.offset + 1,
                                 f"“{place.char}”用备用字体 {place.font} 打印，字形可能与正文不一致", None, place.char))
    for end in facts.paragraph_ends:
        if not 1 <= end.chars <= 2 or end.field in ("title", "signature", "date", ""):
            continue
        text = _current(report, end.field)
        if text is None or end.end > len(text):
            continue
        if end.start == 0 and len(text.strip()) <= 2:
            continue  # a paragraph that is only one or two characters long is not a 孤字
        found.append(Finding("orphan", INFO, end.field, end.start, end.end,
                             f"第 {end.page} 页：段落最后一行只有 {end.chars} 个字（孤字），可删改几个字使其并入上一行",
                             None, text[end.start:end.end]))
    for note in facts.fit:
        if _current(report, note.field) == note.text:
            found.append(Finding(frame_checks.FRAME, WARNING, note.field, 0, len(note.text), note.message, None, note.text))
    if report.page_limit and facts.pages > report.page_limit:
        found.append(Finding("too_long", WARNING, "", 0, 0,
                             f"共 {facts.pages} 页，超过了设定的 {report.page_limit} 页"))


def apply_fix(report: Report, finding: Finding) -> bool:
    """Apply one finding's fix; False when it has none or the text has changed since it was found."""
    if finding.fix is None or not finding.field or finding.field == "date":
        return False
    text = get_field(report, finding.field)
    if text[finding.start:finding.end] != finding.text:
        return False
    set_field(report, finding.field, text[:finding.start] + finding.fix + text[finding.end:])
    return True


def apply_all_fixes(report: Report, kind: str, settings: Settings | None = None) -> int:
    """Apply every fix of one kind (e.g. all half-width punctuation); returns how many were applied."""
    done = 0
    for _ in range(5):  # a fixed mark can turn its neighbour's context Chinese: repeat until nothing is left
        fixable = [f for f in run_checks(report, None, settings) if kind in (f.kind, f.category) and f.fix is not None]
        if not fixable:
            break
        for f in sorted(fixable, key=lambda f: (f.field, -f.start)):  # right to left keeps ranges valid
            done += apply_fix(report, f)
    return done


def summary(findings: Iterable[Finding], *, include_info: bool = False) -> str:
    """还有 8 处待填写，2 处标点问题 — for the question asked before export; '' when nothing is left."""
    counts: dict[str, int] = {}
    for f in findings:
        if f.severity == INFO and not include_info:
            continue
        words = KINDS.get(f.kind, (WARNING, "处问题"))[1]
        counts[words] = counts.get(words, 0) + 1
    if not counts:
        return ""
    order = list(dict.fromkeys(words for _, words in KINDS.values()))
    parts = [f"{counts[w]} {w}" if w != _TOO_LONG else "页数超出限制" for w in order if w in counts]
    return "还有 " + "，".join(parts)
