"""Every document of tests/data/import comes in as its expected exchange file says, character for character."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from models.exchange import load_file
from models.importers.dispatch import read_report_file
from models.importers.sources import ParseError
from models.report import format_date, item_number, section_number

CORPUS = Path(__file__).resolve().parents[1] / "data" / "import"
SOURCES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".docx", ".doc", ".wps", ".txt"))


def printed(report) -> str:
    """Every character the report prints, in page order, generated numbers and labels included, no spaces."""
    out: list[str] = []
    lh = report.letterhead
    if lh:
        out += [lh.copy_no, lh.secrecy, lh.urgency, lh.mark, lh.number]
        out += ["签发人：" + s for s in lh.signers]
    out += [report.title, report.recipient + "：" if report.recipient else "", report.preamble]
    for si, s in enumerate(report.sections):
        out += [section_number(si) + s.heading, s.intro]
        out += [item_number(s.numbering, ii) + it.lead + it.body for ii, it in enumerate(s.items)]
    out.append(report.closing)
    if report.attachments and any(a.title for a in report.attachments):
        out.append("附件：" + "".join(f"{n}.{a.title}" for n, a in enumerate(report.attachments, 1) if a.title))
    out += [report.signature, format_date(report.date)]
    out += [f"附件{n}{a.title}{a.body}" for n, a in enumerate(report.attachments, 1)]
    if report.record:
        out += ["抄送：" + report.record.cc if report.record.cc else "", report.record.issuer,
                format_date(report.record.date) + "印发" if report.record.date else ""]
    return re.sub(r"\s+", "", "".join(out))


def test_the_corpus_covers_every_source_kind():
    kinds = {p.suffix for p in SOURCES}
    assert kinds == {".docx", ".doc", ".wps", ".txt"}
    assert len(SOURCES) >= 18


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_document_imports_as_expected(source):
    report, summary = read_report_file(source)
    expected = load_file(source.with_suffix(".json"))
    assert report.title == expected.title
    assert report.recipient == expected.recipient
    assert [s.heading for s in report.sections] == [s.heading for s in expected.sections]
    assert [(s.numbering, s.run_on) for s in report.sections] == [(s.numbering, s.run_on) for s in expected.sections]
    assert [len(s.items) for s in report.sections] == [len(s.items) for s in expected.sections]
    assert [[i.lead for i in s.items] for s in report.sections] == [[i.lead for i in s.items] for s in expected.sections]
    assert (report.signature, report.date) == (expected.signature, expected.date)
    assert report.closing == expected.closing
    assert report.letterhead == expected.letterhead
    assert report.record == expected.record
    assert [(a.title, a.body) for a in report.attachments] == [(a.title, a.body) for a in expected.attachments]
    assert printed(report) == printed(expected)  # nothing dropped, nothing doubled, nothing moved
    expected.kind = report.kind  # guessed from the headings; not part of what the file says
    assert report.content_equal(expected)
    assert f"{summary.sections} 部分 / {summary.items} 条" in summary.lines()[0]


def test_summary_names_what_went_where():
    report, summary = read_report_file(CORPUS / "letterhead.docx")
    text = "\n".join(summary.lines())
    assert "3 部分 / 6 条" in text and "主送：中共某某县委" in text
    assert "版头" in text and "版记" in text and "结束语" in text
    report, summary = read_report_file(CORPUS / "auto_numbering.docx")
    assert "Word 自动编号 9 处" in "\n".join(summary.lines())


def test_a_text_box_is_read_once():
    report, _ = read_report_file(CORPUS / "textbox_letterhead.docx")
    assert printed(report).count("中共某某县某某局党组文件") == 1


def test_unplaced_note_after_the_date_is_kept_and_named():
    from models.importers.structure import parse_text

    report, summary = parse_text("一、情况\n正文。\n某某局\n2026年11月26日\n（此件公开发布）")
    assert report.attachments[-1].body == "（此件公开发布）"
    assert "（此件公开发布）" in summary.unplaced[0]
    assert report.date is not None


def _with_fib_flags(tmp_path, flags_or: int) -> Path:
    import olefile

    path = tmp_path / "locked.doc"
    shutil.copy(CORPUS / "auto_numbering_97.doc", path)
    ole = olefile.OleFileIO(str(path), write_mode=True)
    word = bytearray(ole.openstream("WordDocument").read())
    word[0x0A] |= flags_or & 0xFF
    word[0x0B] |= flags_or >> 8
    ole.write_stream("WordDocument", bytes(word))
    ole.close()
    return path


def test_an_encrypted_doc_is_refused_and_left_alone(tmp_path):
    path = _with_fib_flags(tmp_path, 0x0100)
    before = path.read_bytes()
    with pytest.raises(ParseError, match="设置了打开密码.*另存为"):
        read_report_file(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("name, content, message", [
    ("picture.doc", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "不是能读取的 Word 或 WPS 文档.*另存为"),
    ("letter.wps", b"{\\rtf1\\ansi hello}", "RTF 格式"),
    ("cut.doc", (CORPUS / "auto_numbering_97.doc").read_bytes()[:3000], "旧版 Word 文档.*已损坏"),
    ("empty.doc", b"", "空的|不是能读取的 Word"),
])
def test_files_that_are_not_word_documents(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ParseError, match=message):
        read_report_file(path)
    assert path.read_bytes() == content


def test_a_doc_renamed_docx_is_still_read(tmp_path):
    path = tmp_path / "renamed.docx"
    shutil.copy(CORPUS / "letterhead_97.doc", path)
    report, _ = read_report_file(path)
    assert report.letterhead.number == "某党组〔2026〕12号"


def test_a_sentence_citing_a_document_number_is_not_a_letterhead():
    from models.importers.structure import parse_text

    report, _ = parse_text("关于2026年工作的报告\n根据某发〔2026〕5号文件要求\n一、情况\n一是好。\n某某局\n2026年1月2日")
    assert report.letterhead is None
    assert report.title == "关于2026年工作的报告" and report.preamble == "根据某发〔2026〕5号文件要求"


def test_a_title_ending_in_wenjian_is_still_the_title():
    from models.importers.structure import parse_text

    report, _ = parse_text("关于认真学习上级文件\n一、情况\n一是好。")
    assert report.letterhead is None and report.title == "关于认真学习上级文件"


def test_signers_wrapped_two_a_line_with_the_number_on_the_last_line():
    """GB/T 9704 §7.2.4: 签发人 two names a line, later names under the first, the 发文字号 on the last line."""
    from models.importers.structure import parse_text

    text = ("中共某某区某某局委员会文件\n签发人：张某某 李某某\n赵某 钱某某\n某局党〔2026〕12号  孙某某\n"
            "关于2026年工作的报告\n一、情况\n一是好。")
    report, _ = parse_text(text)
    assert report.letterhead.number == "某局党〔2026〕12号"
    assert report.letterhead.signers == ["张某某", "李某某", "赵某", "钱某某", "孙某某"]
    assert report.letterhead.mark == "中共某某区某某局委员会文件" and report.title == "关于2026年工作的报告"
