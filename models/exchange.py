"""The tianbao.report JSON data file: the exchange format between PCs."""

from __future__ import annotations

import datetime as _dt
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from models.report import NUMBERING_STYLES, Attachment, Item, Letterhead, Record, Report, Section

FORMAT = "tianbao.report"
MAX_PAGE_LIMIT = 10_000  # = models.importers.limits.MAX_PAGE_LIMIT (imported there: limits imports this module)
VERSION = 2  # 2 adds the official-document frame: recipient, attachments, letterhead, record, seal


class ExchangeError(ValueError):
    """A data file that cannot be read as a report; the message is for the user."""


def report_to_data(report: Report) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "kind": report.kind,
        "title": report.title,
        "preamble": report.preamble,
        "sections": [
            {
                "heading": s.heading,
                "numbering": s.numbering,
                "run_on": s.run_on,
                "intro": s.intro,
                "items": [{"lead": i.lead, "body": i.body} for i in s.items],
            }
            for s in report.sections
        ],
        "closing": report.closing,
        "signature": report.signature,
        "date": report.date.isoformat() if report.date else None,
        "page_limit": report.page_limit,
        "recipient": report.recipient,
        "attachments": [{"title": a.title, "body": a.body} for a in report.attachments],
        "letterhead": None if report.letterhead is None else {
            "mark": report.letterhead.mark,
            "number": report.letterhead.number,
            "signers": list(report.letterhead.signers),
            "copy_no": report.letterhead.copy_no,
            "secrecy": report.letterhead.secrecy,
            "urgency": report.letterhead.urgency,
        },
        "record": None if report.record is None else {
            "cc": report.record.cc,
            "issuer": report.record.issuer,
            "date": report.record.date.isoformat() if report.record.date else None,
        },
        "seal": report.seal,
    }


def _date(raw: Any, where: str) -> _dt.date | None:
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str):
        raise ExchangeError(f"{where}日期应为文字，如 2026-11-26")
    try:
        return _dt.date.fromisoformat(raw)
    except ValueError:
        raise ExchangeError(f"{where}日期“{raw}”格式不正确，应为 2026-11-26 的形式") from None


def _object(data: dict, key: str) -> dict | None:
    v = data.get(key)
    if v is None:
        return None
    if not isinstance(v, dict):
        raise ExchangeError(f"“{key}”格式不正确")
    return v


def frame_from_data(data: dict, report: Report) -> None:
    """Fill the official-document frame (exchange version 2) from parsed JSON into ``report``."""
    report.recipient = _text(data, "recipient", "")
    raw = data.get("attachments", [])
    if not isinstance(raw, list):
        raise ExchangeError("“attachments”应为列表")
    for n, a in enumerate(raw, 1):
        if not isinstance(a, dict):
            raise ExchangeError(f"附件{n}格式不正确")
        report.attachments.append(Attachment(title=_text(a, "title", f"附件{n}"), body=_text(a, "body", f"附件{n}")))
    lh = _object(data, "letterhead")
    if lh is not None:
        signers = lh.get("signers", [])
        if not isinstance(signers, list) or not all(isinstance(x, str) for x in signers):
            raise ExchangeError("版头的“signers”应为文字列表")
        report.letterhead = Letterhead(
            mark=_text(lh, "mark", "版头"), number=_text(lh, "number", "版头"),
            signers=[valid_unicode(x) for x in signers], copy_no=_text(lh, "copy_no", "版头"),
            secrecy=_text(lh, "secrecy", "版头"), urgency=_text(lh, "urgency", "版头"),
        )
    rec = _object(data, "record")
    if rec is not None:
        report.record = Record(cc=_text(rec, "cc", "版记"), issuer=_text(rec, "issuer", "版记"),
                               date=_date(rec.get("date"), "版记的印发"))
    seal = data.get("seal", False)
    if seal is None:
        seal = False
    if not isinstance(seal, bool):
        raise ExchangeError("“seal”应为 true 或 false")
    report.seal = seal


def _bool(d: dict, key: str, where: str) -> bool:
    """Strict: a JSON true/false; the string "false" is not read as true, nor 0/1 as a choice."""
    v = d.get(key, False)
    if v is None:
        return False
    if not isinstance(v, bool):
        raise ExchangeError(f"{where}的“{key}”应为 true 或 false")
    return v


def _text(d: dict, key: str, where: str) -> str:
    v = d.get(key, "")
    if v is None:
        return ""
    if not isinstance(v, str):
        raise ExchangeError(f"{where}的“{key}”应为文字" if where else f"“{key}”应为文字")
    return valid_unicode(v)


def valid_unicode(text: str) -> str:
    """JSON escapes can carry lone surrogates (\\ud800), which no file or database can store: use U+FFFD."""
    try:
        text.encode("utf-8")  # in C: fails exactly on surrogates
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def sections_from_data(data: Any, where: str = "") -> list[Section]:
    if not isinstance(data, list):
        raise ExchangeError(f"{where}“sections”应为列表")
    sections = []
    for n, s in enumerate(data, 1):
        w = f"第{n}部分"
        if not isinstance(s, dict):
            raise ExchangeError(f"{w}格式不正确")
        numbering = s.get("numbering", "yishi")
        if not isinstance(numbering, str) or numbering not in NUMBERING_STYLES:
            raise ExchangeError(f"{w}的编号方式“{numbering}”无法识别")
        items_data = s.get("items", [])
        if not isinstance(items_data, list):
            raise ExchangeError(f"{w}的“items”应为列表")
        items = []
        for m, i in enumerate(items_data, 1):
            if not isinstance(i, dict):
                raise ExchangeError(f"{w}第{m}条格式不正确")
            items.append(Item(lead=_text(i, "lead", f"{w}第{m}条"), body=_text(i, "body", f"{w}第{m}条")))
        sections.append(
            Section(
                heading=_text(s, "heading", w),
                numbering=numbering,
                run_on=_bool(s, "run_on", w),
                intro=_text(s, "intro", w),
                items=items,
            )
        )
    return sections


def report_from_data(data: Any) -> Report:
    """Build a report from parsed JSON, refusing anything that is not our format."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExchangeError("不是天报报告数据文件（缺少 format: tianbao.report）")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ExchangeError("报告数据文件的版本号不正确")
    if version > VERSION:
        raise ExchangeError(f"报告数据文件版本为 {version}，本程序只支持到版本 {VERSION}，请升级天报")
    date = _date(data.get("date"), "")
    page_limit = data.get("page_limit")
    if page_limit is not None and (isinstance(page_limit, bool) or not isinstance(page_limit, int)
                                   or not 1 <= page_limit <= MAX_PAGE_LIMIT):
        raise ExchangeError(f"页数上限应为 1 到 {MAX_PAGE_LIMIT} 之间的整数")
    report = Report(
        kind=_text(data, "kind", "") or "blank",
        title=_text(data, "title", ""),
        preamble=_text(data, "preamble", ""),
        sections=sections_from_data(data.get("sections", [])),
        closing=_text(data, "closing", ""),
        signature=_text(data, "signature", ""),
        date=date,
        page_limit=page_limit,
    )
    frame_from_data(data, report)
    return report


def dumps(report: Report) -> str:
    return json.dumps(report_to_data(report), ensure_ascii=False, indent=2) + "\n"


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write via a temp file in the same folder and rename: never a half file. The file gets the permissions a
    plainly saved one would (a file replaced keeps its own): a temp file is readable by its owner only, and an
    exported PDF is meant to be sent on."""
    path = Path(path)
    mode = _file_mode(path)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            if mode is not None:
                os.fchmod(f.fileno(), mode)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _file_mode(path: Path) -> int | None:
    """The mode for ``path``: its own if it exists, else what the umask leaves of rw-rw-rw- (None on Windows)."""
    if os.name != "posix":
        return None
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        pass
    umask = 0o022
    try:  # read, not set: os.umask() would change it for every thread for a moment
        with open("/proc/self/status", encoding="ascii") as status:
            umask = next((int(line.split()[1], 8) for line in status if line.startswith("Umask:")), umask)
    except (OSError, ValueError):
        pass
    return 0o666 & ~umask


def dump_file(report: Report, path: str | os.PathLike) -> None:
    """Write a data file atomically; an OSError becomes one Chinese sentence (a full disk said it in English)."""
    from models.oserrors import os_reason

    path = Path(path)
    try:
        write_atomic(path, dumps(report).encode("utf-8"))
    except OSError as e:
        why = "这是一个文件夹，请另选文件名" if path.is_dir() else os_reason(e, path)
        raise ExchangeError(f"无法保存报告数据文件 {path}：{why}（原有文件未改动）") from None


def read_json(path: str | os.PathLike, what: str, limit: int | None = None, brackets: int | None = None) -> Any:
    """A file Tianbao exchanges (report data, template, proofreading rules): a regular file of at most ``limit``
    bytes, strict UTF-8 JSON with bounded nesting and numbers. ExchangeError or ImportLimitError say why not."""
    from models.importers import limits

    name = Path(path).name
    raw = limits.read_bounded(path, limit or limits.MAX_JSON_BYTES, what)
    brackets = brackets or limits.MAX_JSON_BRACKETS
    if raw.count(b"{") + raw.count(b"[") > brackets:  # before parsing: millions of tiny objects
        raise ExchangeError(f"文件 {name} 的结构过于复杂（超过 {brackets:,} 个对象或列表），不是天报的{what}，没有导入")
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_int=_int, parse_float=_float, parse_constant=_constant)
    except UnicodeDecodeError:
        raise ExchangeError(f"文件 {name} 不是有效的{what}（不是 UTF-8 编码）") from None
    except json.JSONDecodeError as e:
        raise ExchangeError(f"文件 {name} 不是有效的{what}（第 {e.lineno} 行第 {e.colno} 列格式有误）") from None
    except RecursionError:
        raise ExchangeError(f"文件 {name} 的内容嵌套层次过深，不是天报的{what}") from None
    if _depth(data) > limits.MAX_JSON_DEPTH:
        raise ExchangeError(f"文件 {name} 的内容嵌套超过 {limits.MAX_JSON_DEPTH} 层，不是天报的{what}")
    return data


def load_file(path: str | os.PathLike) -> Report:
    """A data file: a regular file of at most MAX_JSON_BYTES, strict JSON, bounded nesting and numbers."""
    from models.importers import limits

    name = Path(path).name
    data = read_json(path, "报告数据文件")
    report = report_from_data(data)
    limits.check_text_size(_all_text(report), name, paragraphs=False)  # what Tianbao saved comes back in
    if paragraph_count(report) > limits.MAX_PARAGRAPHS:
        raise ExchangeError(f"文件 {name} 超过 {limits.MAX_PARAGRAPHS:,} 个部分和条目，不像一份报告，没有导入")
    return report


def paragraph_count(report: Report) -> int:
    """Sections, items, attachments and signers: what the caps on paragraphs count."""
    signers = len(report.letterhead.signers) if report.letterhead is not None else 0
    return sum(1 + len(s.items) for s in report.sections) + len(report.attachments) + signers


def oversize(report: Report, factor: int = 1) -> str:
    """'' when the report is within ``factor`` times the caps of a data file (MAX_CHARS, MAX_PARAGRAPHS), else
    what is over. The layout allows what a database may hold (models/store/sizes.py: five times)."""
    from models.importers import limits

    if paragraph_count(report) > factor * limits.MAX_PARAGRAPHS:
        return f"超过 {factor * limits.MAX_PARAGRAPHS:,} 个部分和条目"
    if sum(map(len, _all_parts(report))) > factor * limits.MAX_CHARS:
        return f"超过 {factor * limits.MAX_CHARS:,} 字"
    return ""


def _int(text: str) -> int:
    from models.importers.limits import MAX_INT_DIGITS

    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ExchangeError(f"文件中的数字过长（超过 {MAX_INT_DIGITS} 位）")
    return int(text)


def _float(text: str) -> float:
    if len(text) > 40:
        raise ExchangeError("文件中的数字过长")
    return float(text)


def _constant(text: str) -> float:
    raise ExchangeError(f"文件中不能有 {text}")


def _depth(data: Any) -> int:
    """Nesting depth of parsed JSON, without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        node, d = stack.pop()
        deepest = max(deepest, d)
        if isinstance(node, dict):
            stack.extend((v, d + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, d + 1) for v in node)
    return deepest


def _all_text(report: Report) -> str:
    return "\n".join(_all_parts(report))


def _all_parts(report: Report) -> list[str]:
    parts = [report.title, report.preamble, report.closing, report.signature, report.recipient]
    for s in report.sections:
        parts += [s.heading, s.intro, *(i.lead + i.body for i in s.items)]
    parts += [a.title + a.body for a in report.attachments]
    if report.letterhead is not None:
        lh = report.letterhead
        parts += [lh.mark, lh.number, lh.copy_no, lh.secrecy, lh.urgency, *lh.signers]
    if report.record is not None:
        parts += [report.record.cc, report.record.issuer]
    return parts
