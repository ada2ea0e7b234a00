"""Per-field import score over corpus documents, as issue 10 judges them: title, 主送, headings, numbering style,
item counts, leads, every printed character, signature/date. Prints one row per document and the totals.

Run: python bench/score_import.py [NAME ...]   (names without suffix; default: every document of the corpus)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.exchange import load_file  # noqa: E402
from models.importers.dispatch import read_report_file  # noqa: E402
from tests.models.test_import_corpus import printed  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "import"
FIELDS = ("title", "主送", "headings", "style", "counts", "leads", "chars", "sign/date")


def score(path: Path) -> dict[str, bool]:
    expected = load_file(path.with_suffix(".json"))
    try:
        got, _ = read_report_file(path)
    except Exception as exc:  # noqa: BLE001 - a refusal scores nothing
        print(f"  {path.name}: {exc}")
        return dict.fromkeys(FIELDS, False)
    return {
        "title": got.title == expected.title,
        "主送": got.recipient == expected.recipient,
        "headings": [s.heading for s in got.sections] == [s.heading for s in expected.sections],
        "style": [(s.numbering, s.run_on) for s in got.sections] == [(s.numbering, s.run_on) for s in expected.sections],
        "counts": [len(s.items) for s in got.sections] == [len(s.items) for s in expected.sections],
        "leads": [[i.lead for i in s.items] for s in got.sections] == [[i.lead for i in s.items]
                                                                       for s in expected.sections],
        "chars": printed(got) == printed(expected),
        "sign/date": (got.signature, got.date, got.closing) == (expected.signature, expected.date, expected.closing),
    }


def main(names: list[str]) -> None:
    sources = sorted(p for p in CORPUS.iterdir() if p.suffix in (".docx", ".doc", ".wps", ".txt")
                     and (not names or p.stem in names))
    totals = dict.fromkeys(FIELDS, 0)
    print(f"{'document':28}" + "".join(f"{f:>10}" for f in FIELDS))
    for path in sources:
        row = score(path)
        for f in FIELDS:
            totals[f] += row[f]
        print(f"{path.name:28}" + "".join(f"{'ok' if row[f] else 'WRONG':>10}" for f in FIELDS))
    print(f"{'total':28}" + "".join(f"{totals[f]:>7}/{len(sources):<2}" for f in FIELDS))
    print(f"fields right: {sum(totals.values())} of {len(FIELDS) * len(sources)}")


if __name__ == "__main__":
    main(sys.argv[1:])
