"""Hostile text in every field: export either succeeds with every printable character extracting back, or stops clearly."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

import pdfplumber
from hypothesis import HealthCheck, given, settings

from export.backends.pdf import export_pdf
from export.errors import ExportError
from models.report import Report
from tests.models.test_hostile import reports


def all_text(report: Report) -> str:
    parts = [report.title, report.preamble, report.closing, report.signature]
    for s in report.sections:
        parts += [s.heading, s.intro] + [t for i in s.items for t in (i.lead, i.body)]
    return "".join(parts)


def expected_chars(text: str) -> set[str]:
    """Printable, visible characters, decomposed: extraction may compose e + U+0301 into é, or jamo into syllables."""
    return {d for c in text if c.isprintable() and not c.isspace() for d in unicodedata.normalize("NFD", c)}


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(max_sections=3, max_items=3))
def test_export_succeeds_and_extracts_back_or_stops_clearly(report):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "out.pdf"
        try:
            result = export_pdf(report, path, deterministic=True)
        except ExportError as e:
            message = str(e)
            assert message and any("\u4e00" <= ch <= "\u9fff" for ch in message), message
            assert not path.exists()  # no partial file
            return
        assert result.pages >= 1
        with pdfplumber.open(path) as pdf:
            extracted = "".join((p.extract_text(expand_ligatures=False) or "") for p in pdf.pages)
    found = set(unicodedata.normalize("NFD", extracted))
    absent = sorted(expected_chars(all_text(report)) - found)
    assert absent == [], [f"U+{ord(c):04X}" for c in absent]
