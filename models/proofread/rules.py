"""Proofreading rules as data: resources/proofread/*.tsv (one rule a row) and formulations.json.

A TSV row: id, class, find, suggest, before, after, not_before, not_after, reason, source.
``find`` is a literal, or a regular expression when written ``re:…``; the four context columns are
regular expressions tested just before / just after the match (empty: no condition). ``suggest`` is
given only when one answer is right (a regex rule may use \\1 … for its groups).
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "proofread"
COLUMNS = ("id", "class", "find", "suggest", "before", "after", "not_before", "not_after", "reason", "source")

# The classes of the proofreader, in the order the 检查 panel shows them.
CONFUSABLE = "易混词"
FORMULATION = "规范提法"
PUNCTUATION = "标点"
NUMBERS = "数字"
NUMBERING = "编号"
CONSISTENCY = "前后一致"
SRC_FIGURES = "公文写作规范：数据前后一致"
CLASSES = (FORMULATION, CONFUSABLE, PUNCTUATION, NUMBERS, NUMBERING, CONSISTENCY)

LOOK = 12  # characters of context a before/not_before condition can see


class RuleError(ValueError):
    """A rule file that cannot be read; str() names the file and row in Chinese."""


@dataclass(frozen=True)
class Rule:
    id: str
    cls: str
    find: str
    suggest: str | None = None
    reason: str = ""
    source: str = ""
    before: str = ""
    after: str = ""
    not_before: str = ""
    not_after: str = ""
    regex: bool = False
    pattern: re.Pattern = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", re.compile(self.find if self.regex else re.escape(self.find)))
        for condition in (self.before, self.after, self.not_before, self.not_after):
            re.compile(condition)


@dataclass(frozen=True)
class Formulation:
    """A 提法 that must be written exactly; near misses (a character missing, extra, changed or moved)."""

    form: str
    id: str
    reason: str = ""
    source: str = ""
    allow: tuple[str, ...] = ()  # near forms that are right in their own sense


def parse_rule(row: dict, where: str = "") -> Rule:
    find = (row.get("find") or "").strip()
    cls = (row.get("class") or "").strip()
    rid = (row.get("id") or "").strip()
    if not find or not rid or cls not in CLASSES:
        raise RuleError(f"{where}：规则缺少编号、查找内容或类别不对（{rid or find}）")
    regex = find.startswith("re:")
    try:
        return Rule(
            id=rid, cls=cls, find=find[3:] if regex else find, suggest=(row.get("suggest") or None),
            reason=(row.get("reason") or "").strip(), source=(row.get("source") or "").strip(),
            before=row.get("before") or "", after=row.get("after") or "",
            not_before=row.get("not_before") or "", not_after=row.get("not_after") or "", regex=regex,
        )
    except re.error as e:
        raise RuleError(f"{where}：规则 {rid} 的查找式写法有误（{e}）") from None


def read_tsv(path: Path) -> list[Rule]:
    rules = []
    with open(path, encoding="utf-8", newline="") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        for n, row in enumerate(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
            rules.append(parse_rule(row, f"{path.name} 第{n}行"))
    return rules


@lru_cache(maxsize=4)
def builtin_rules(folder: Path = RULES_DIR) -> tuple[Rule, ...]:
    """Every row of every .tsv file in resources/proofread, ids unique."""
    rules: list[Rule] = []
    for path in sorted(folder.glob("*.tsv")):
        rules.extend(read_tsv(path))
    seen: set[str] = set()
    for r in rules:
        if r.id in seen:
            raise RuleError(f"规则编号重复：{r.id}")
        seen.add(r.id)
    return tuple(rules)


@lru_cache(maxsize=4)
def quoted_terms(folder: Path = RULES_DIR) -> tuple[str, ...]:
    """Numbered short 提法 written in quotation marks (“四个意识”), for near misses inside quotes."""
    return tuple(json.loads((folder / "formulations.json").read_text(encoding="utf-8")).get("quoted", ()))


@lru_cache(maxsize=4)
def builtin_formulations(folder: Path = RULES_DIR) -> tuple[Formulation, ...]:
    data = json.loads((folder / "formulations.json").read_text(encoding="utf-8"))
    out = []
    for n, entry in enumerate(data["formulations"], 1):
        out.append(Formulation(entry["form"], entry.get("id") or f"tf{n:03d}", entry.get("reason", data["reason"]),
                               entry.get("source", data["source"]), tuple(entry.get("allow", ()))))
    return tuple(out)
