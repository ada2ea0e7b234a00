"""Names and 提法 that are wrong only from a given year on (resources/proofread/since/*.tsv): a 国土资源局 in a 2026
report, 学习贯彻党的十九大精神 after the 二十大. Said about the past (原国土资源局; 2017年，县国土资源局……) they are right."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from models.proofread.matcher import SEP, Doc, RuleSet, Slip, around
from models.proofread.rules import RULES_DIR, RuleError, parse_rule

_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)年")
LOOK_BACK = 200
_SENTENCE_START = re.compile(r"[。！？；\n" + SEP + "]")


@lru_cache(maxsize=4)
def dated_rules(folder: Path = RULES_DIR / "since") -> tuple[tuple[int, object], ...]:
    """(since, Rule) for every row of since/*.tsv."""
    out = []
    for path in sorted(folder.glob("*.tsv")):
        with open(path, encoding="utf-8", newline="") as f:
            lines = (line for line in f if line.strip() and not line.startswith("#"))
            for n, row in enumerate(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
                since = (row.get("since") or "").strip()
                if not since.isdigit():
                    raise RuleError(f"{path.name} 第{n}行：起算年份应为数字")
                out.append((int(since), parse_rule(row, f"{path.name} 第{n}行")))
    return tuple(out)


@lru_cache(maxsize=16)
def _rules_for(year: int) -> RuleSet | None:
    rules = [r for since, r in dated_rules() if year >= since]
    return RuleSet(rules) if rules else None


def check(doc: Doc, year: int | None) -> list[Slip]:
    if year is None:
        return []
    rules = _rules_for(year)
    if rules is None:
        return []
    since = {r.id: s for s, r in dated_rules()}
    texts = dict(doc.fields)
    out = []
    for slip in rules.run(doc):
        text = texts.get(slip.field, "")
        years = [int(y) for y in _YEAR.findall(around(text, slip.start, _SENTENCE_START, 0, LOOK_BACK))]
        if any(y < since[slip.rule] for y in years):
            continue  # 2017年，县国土资源局……: about the past
        out.append(slip)
    return out
