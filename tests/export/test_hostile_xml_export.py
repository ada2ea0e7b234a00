"""Text no XML file may hold (C0 controls, U+FFFE/U+FFFF) and very long titles: .docx and OFD exports still
succeed with files that parse, the pages laid out as for the PDF; a title of any length is broken in linear time."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zipfile

import docx
from lxml import etree

from export.backends.docx import export_docx
from export.backends.ofd import export_ofd
from export.backends.pdf import export_pdf
from export.xmltext import xml_text
from models.report import Attachment, Item, Letterhead, Record, Report, Section
from tests.conftest import ROOT

BAD = "\x00\x01\x0b\x0c\x1b\ufffe\uffff\u202e\u200f\U0001F600"


def hostile_report() -> Report:
    return Report(title="关于工作的报告" + BAD, preamble="开头" + BAD, recipient="各部门" + BAD, closing="特此报告" + BAD,
                  signature="某局" + BAD, date=dt.date(2026, 1, 1),
                  sections=[Section(heading="主要工作" + BAD, items=[Item("一是抓学习" + BAD, "认真学习" + BAD)])],
                  attachments=[Attachment("附件" + BAD, "附件正文" + BAD)],
                  letterhead=Letterhead(mark="某局文件" + BAD, number="某〔2026〕1号" + BAD, signers=["张三" + BAD],
                                        copy_no="000001" + BAD, secrecy="秘密" + BAD, urgency="特急" + BAD),
                  record=Record(cc="某处" + BAD, issuer="某办公室" + BAD, date=dt.date(2026, 1, 2)))


def test_xml_text_keeps_length_and_layout_meaning():
    assert xml_text("一\x00二\x0b三\ufffe") == "一\u200b二\n三\ufffd"
    assert xml_text("中文 text") == "中文 text"


def test_docx_and_ofd_of_controls_in_every_field_are_valid_xml(tmp_path):
    report = hostile_report()
    pages = export_pdf(report, tmp_path / "r.pdf", deterministic=True).pages
    assert export_docx(report, tmp_path / "r.docx").pages == pages  # was a ValueError traceback
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs)
    assert "关于工作的报告" in text and "认真学习" in text and "\x00" not in text
    assert export_ofd(report, tmp_path / "r.ofd").pages == pages  # was a file with \x00 in OFD.xml
    with zipfile.ZipFile(tmp_path / "r.ofd") as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                etree.fromstring(z.read(name))  # every part parses (an OFD reader would refuse it otherwise)


def test_docx_of_a_title_longer_than_the_package_allows(tmp_path):
    report = Report(title="关于" + "很长" * 130 + "的报告", sections=[Section(heading="一", items=[Item("一是", "正文")])])
    export_docx(report, tmp_path / "r.docx")  # core properties hold 255 characters: was a ValueError traceback
    assert len(docx.Document(str(tmp_path / "r.docx")).core_properties.title) == 255


CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from export.facts import typeset_facts
from models.report import Item, Report, Section
from export.errors import ExportError
for title in ("a" * 60000, "字" * 60000, "关于" * 30000):
    try:
        typeset_facts(Report(title=title, sections=[Section(heading="一", items=[Item("一是", "正文")])]))
        raise SystemExit("a title of many pages was laid out (below the page's edge)")
    except ExportError as e:
        assert "超过一页" in str(e), e
typeset_facts(Report(title="标题", sections=[Section(heading="一", items=[Item("一是", "a" * 150000)])]))
print("ok")
"""


def test_a_title_of_60000_characters_is_laid_out_without_quadratic_work():
    """One unbreakable word of 60,000 letters tried one line count after another (each a full pass): hung.
    A body word of 150,000 letters was summed again for every line it filled (minutes)."""
    out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT))], capture_output=True, text=True,
                         timeout=90)
    assert out.stdout.strip() == "ok", out.stderr[-800:]


def test_a_report_beyond_the_caps_is_refused_by_the_layout_not_run_out_of_memory(tmp_path):
    """A database can hold more than an import brings; every export and the checks stop with one sentence."""
    import pytest

    from export.errors import ExportError
    from export.facts import typeset_facts

    many = Report(title="标题", sections=[Section(heading="一", items=[Item("一是", "正文")] * 101_000)])
    long = Report(title="标题", sections=[Section(heading="一", items=[Item("一是", "字" * 1_600_000)])])
    for report in (many, long):
        for run in (lambda r: typeset_facts(r), lambda r: export_pdf(r, tmp_path / "r.pdf"),
                    lambda r: export_docx(r, tmp_path / "r.docx"), lambda r: export_ofd(r, tmp_path / "r.ofd")):
            with pytest.raises(ExportError, match="超出天报能排版的范围"):
                run(report)
    assert not list(tmp_path.glob("r.*"))  # no partial file


def test_a_title_longer_than_the_first_page_is_refused_not_drawn_below_its_edge(tmp_path):
    """250,000 characters pasted into the title were drawn as 12,500 lines on page 1: invisible on paper."""
    import pytest

    from export.errors import ExportError
    from export.geometry import max_title_lines

    fits = Report(title="字" * 15 * max_title_lines(), sections=[Section(heading="一", items=[Item("一是", "正文")])])
    assert export_pdf(fits, tmp_path / "fits.pdf").pages >= 1
    over = Report(title="字" * 400, sections=[Section(heading="一", items=[Item("一是", "正文")])])
    with pytest.raises(ExportError, match="超过一页"):
        export_pdf(over, tmp_path / "over.pdf")
    assert not (tmp_path / "over.pdf").exists()


DOCX_CHILD = """
import sys
sys.path.insert(0, {root!r})
from export.backends.docx import render_docx_bytes
from models.report import Attachment, Item, Letterhead, Report, Section
render_docx_bytes(Report(title="标题", sections=[Section(heading="一", items=[Item("一是", "正文")])],
                         attachments=[Attachment(f"附件{{i}}", "") for i in range(8000)],
                         letterhead=Letterhead(mark="某局文件", signers=[f"签{{i}}" for i in range(4000)])))
print("ok")
"""


def test_docx_of_thousands_of_attachments_and_signers_in_linear_time():
    """python-docx's add_paragraph rescans the body each time: 19,000 attachments took minutes (quadratic)."""
    out = subprocess.run([sys.executable, "-c", DOCX_CHILD.format(root=str(ROOT))], capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.strip() == "ok", out.stderr[-800:]
