"""Hostile input: arbitrary Unicode in every field round-trips exactly through the store and the data file."""

from __future__ import annotations

import atexit
import datetime as _dt
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.exchange import dump_file, dumps, load_file, report_from_data
from models.report import NUMBERING_STYLES, Item, Report, Section
from models.store import Store

SPECIALS = [
    "\x00", "\x01", "\x07", "\x1b", "\x7f", "\u0085", "\t", "\r\n", "\r", "\u2028", "\u2029",
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2069",  # bidi marks and overrides
    "\u0301", "\u0323", "\u20dd", "\u1100\u1161",  # combining marks, conjoining jamo
    "😀", "👨‍👩‍👧‍👦", "🇨🇳", "\U000e0001", "𠮷", "𪚥", "\U0010fffd",  # emoji, ZWJ, flags, tags, non-BMP
    "\ufeff", "\ufffe", "\uffff", "\ufffd", "\u00a0", "\u3000", "\u200b",
    "一是", "（一）", "X", "***", "\"", "\\", "<b>", "&amp;", "%s", "{}",
]

# Any Unicode scalar value (surrogates cannot exist in UTF-8 files or SQLite TEXT), mixed with the nasty ones.
chars = st.characters(codec="utf-8")
texts = st.lists(st.one_of(st.text(chars, max_size=8), st.sampled_from(SPECIALS)), max_size=12).map("".join)


@st.composite
def reports(draw, max_sections: int = 4, max_items: int = 6) -> Report:
    sections = [
        Section(
            heading=draw(texts), numbering=draw(st.sampled_from(NUMBERING_STYLES)), run_on=draw(st.booleans()),
            intro=draw(texts),
            items=[Item(draw(texts), draw(texts)) for _ in range(draw(st.integers(0, max_items)))],
        )
        for _ in range(draw(st.integers(0, max_sections)))
    ]
    return Report(
        kind=draw(st.one_of(st.just("blank"), texts.filter(bool))), title=draw(texts), preamble=draw(texts),
        sections=sections, closing=draw(texts), signature=draw(texts),
        date=draw(st.one_of(st.none(), st.dates(_dt.date(1, 1, 1), _dt.date(9999, 12, 31)))),
        page_limit=draw(st.one_of(st.none(), st.integers(1, 10_000))),
    )


def fields(r: Report) -> tuple:
    """Every stored field, compared exactly (not only content_equal)."""
    return (r.kind, r.title, r.preamble, r.closing, r.signature, r.date, r.page_limit,
            [(s.heading, s.numbering, s.run_on, s.intro, [(i.lead, i.body) for i in s.items]) for s in r.sections])


_DB: list[Path] = []


def shared_db() -> Path:
    """One database for all examples of the run: creating a fresh file per example is the slow part."""
    if not _DB:
        folder = tempfile.mkdtemp(prefix="tianbao-hostile-")
        atexit.register(shutil.rmtree, folder, True)
        _DB.append(Path(folder) / "t.db")
    return _DB[0]


def store_round_trip(report: Report) -> Report:
    """Create, close, reopen, load: what comes back is what the next session would see."""
    store = Store(shared_db())
    rid = store.create(report)
    store.close()
    store = Store(shared_db(), readonly=True)
    try:
        return store.load(rid)
    finally:
        store.close()


def file_round_trip(report: Report) -> tuple[Report, str]:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "r.json"
        dump_file(report, path)
        back = load_file(path)
        return back, path.read_text(encoding="utf-8")


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BIG = settings(max_examples=4, deadline=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])


@FAST
@given(reports())
def test_store_round_trips_exactly(report):
    expected = fields(report)
    back = store_round_trip(report)
    assert fields(back) == expected


@FAST
@given(reports())
def test_data_file_round_trips_exactly(report):
    back, text = file_round_trip(report)
    assert fields(back) == fields(report)
    assert dumps(back) == text  # dump -> load -> dump is byte-identical
    assert report_from_data(json.loads(text)).content_equal(report)


@settings(FAST, max_examples=30)
@given(reports(), reports())
def test_resaving_over_other_content(first, second):
    """Saving a completely different report over an existing one leaves exactly the new content."""
    store = Store(shared_db())
    try:
        rid = store.create(first)
        loaded = store.load(rid)
        loaded.kind, loaded.title, loaded.preamble = second.kind, second.title, second.preamble
        loaded.closing, loaded.signature, loaded.date = second.closing, second.signature, second.date
        loaded.page_limit = second.page_limit
        loaded.sections = second.copy().sections
        store.save(loaded)
        assert fields(store.load(rid)) == fields(second)
    finally:
        store.close()


@BIG
@given(st.text(chars, min_size=1, max_size=40), st.sampled_from(SPECIALS))
def test_hundred_thousand_character_body(seed, special):
    body = ((seed + special) * (100_000 // (len(seed) + len(special)) + 1))[:100_000]
    report = Report(title=special, sections=[Section(heading="长", items=[Item(special, body)])], preamble=body[:5000])
    assert fields(store_round_trip(report)) == fields(report)
    assert fields(file_round_trip(report)[0]) == fields(report)


@BIG
@given(st.lists(texts, min_size=1, max_size=40), st.integers(1, 97))
def test_five_hundred_items(pool, step):
    """500 items built from a drawn pool of hostile texts (drawing 1,000 texts directly is far too slow)."""
    n = len(pool)
    items = [Item(pool[i % n], pool[(i * step + 3) % n] + str(i)) for i in range(500)]
    report = Report(sections=[Section(heading=f"第{k}部分", items=items[k * 100:(k + 1) * 100]) for k in range(5)])
    assert fields(store_round_trip(report)) == fields(report)
    assert fields(file_round_trip(report)[0]) == fields(report)


def test_lone_surrogates_in_a_data_file_become_replacement_characters(tmp_path):
    """JSON escapes can smuggle lone surrogates; they are replaced, not allowed to crash the store."""
    path = tmp_path / "s.json"
    path.write_text('{"format": "tianbao.report", "version": 1, "title": "a\\ud800b\\ud83d\\ude00",'
                    ' "sections": [{"items": [{"lead": "\\udc00", "body": "ok"}]}]}', encoding="utf-8")
    report = load_file(path)
    assert report.title == "a\ufffdb😀" and report.sections[0].items[0].lead == "\ufffd"
    assert fields(store_round_trip(report)) == fields(report)


@FAST
@given(st.text(st.characters(codec="utf-8")))
def test_count_chars_is_every_non_whitespace_character(text):
    from models.report import count_chars

    assert count_chars(text) == sum(1 for ch in text if not ch.isspace())
