"""The proofreader's engine: every class of rule run over the report's fields, user rules and ignores applied."""

from __future__ import annotations

from functools import lru_cache

from models.fields import iter_fields
from models.proofread import consistency, numbering, numbers, punctuation, since
from models.proofread.formulations import FormulationMatcher, quoted_near
from models.proofread.matcher import Doc, RuleSet, Slip
from models.proofread.rules import (
    CLASSES,
    CONFUSABLE,
    Formulation,
    Rule,
    builtin_formulations,
    builtin_rules,
    quoted_terms,
)
from models.proofread.settings import CONFUSABLE_KIND, FORMULATION_KIND, Settings
from models.report import Report

__all__ = ["CLASSES", "Slip", "Settings", "proofread"]

# Fields that are not prose: numbers and names there follow their own rules (发文字号, 份号, 签发人).
_SKIP = ("letterhead.", "record.", "signature")


@lru_cache(maxsize=1)
def _builtin() -> tuple[RuleSet, FormulationMatcher]:
    return RuleSet(builtin_rules()), FormulationMatcher(list(builtin_formulations()))


def _user(settings: Settings) -> tuple[RuleSet | None, FormulationMatcher | None, list[str]]:
    confusables = [Rule(f"user{n}", CONFUSABLE, r.text, r.suggest or None, reason=r.note or "本单位列为易错写法",
                        source="本单位自定义规则")
                   for n, r in enumerate([r for r in settings.rules if r.kind == CONFUSABLE_KIND], 1)]
    forms = [r.text for r in settings.rules if r.kind == FORMULATION_KIND]
    matcher = FormulationMatcher([Formulation(f, f"userf{n}", "与本单位常用提法的写法不一致", "本单位常用提法")
                                  for n, f in enumerate(forms, 1)])
    return (RuleSet(confusables) if confusables else None), (matcher if matcher.forms else None), forms


# Field-local slips by field path, with the text they are of: typing changes one field, so a refresh re-reads
# only that one. One text per field (every text typed into a field was kept: ~23 KB per keystroke in a long one).
_CACHE: dict[str, tuple[str, list[Slip]]] = {}
_CACHE_LIMIT = 20000


def _field_slips(doc: Doc) -> list[Slip]:
    """The checks that look at one field at a time: rule rows, formulations, punctuation, numbers."""
    rules, forms = _builtin()
    return (rules.run(doc) + forms.run(doc) + quoted_near(doc, quoted_terms())
            + punctuation.check(doc) + numbers.check(doc))


def _local(doc: Doc) -> list[Slip]:
    todo = [(p, t) for p, t in doc.fields if _CACHE.get(p, (None,))[0] != t]
    if todo:
        if len(_CACHE) + len(todo) > _CACHE_LIMIT:
            _CACHE.clear()  # then every field of this report is read again: none of it is cached now
            todo = list(dict.fromkeys(doc.fields))
        fresh: dict[str, list[Slip]] = {p: [] for p, _ in todo}
        for slip in _field_slips(Doc(todo)):
            fresh[slip.field].append(slip)
        for p, t in todo:
            _CACHE[p] = (t, fresh[p])
    return [s for p, _t in doc.fields for s in _CACHE[p][1]]


def proofread(report: Report, settings: Settings | None = None) -> list[Slip]:
    """Every proofreading slip of the report (not yet sorted), ignores applied."""
    doc = Doc((p, t) for p, t in iter_fields(report) if not p.startswith(_SKIP))
    slips = _local(doc)
    slips += numbering.check(report) + consistency.check(report, doc) + since.check(doc, consistency.report_year(report))
    if settings is not None:
        user_rules, user_forms, protected = _user(settings)
        if user_rules is not None:
            slips += user_rules.run(doc)
        if user_forms is not None:
            slips += user_forms.run(doc)
        if protected:
            slips = [s for s in slips if not _inside_protected(s, doc, protected)]
        slips = [s for s in slips if not settings.ignored(s.rule, _text(doc, s), s.field)]
    return _one_per_place(slips)


def _text(doc: Doc, s: Slip) -> str:
    return dict(doc.fields).get(s.field, "")[s.start:s.end]


def _inside_protected(s: Slip, doc: Doc, protected: list[str]) -> bool:
    """A slip inside a 常用提法 the office has declared right is no slip (except against that 提法 itself)."""
    if s.rule.startswith("userf"):
        return False
    text = dict(doc.fields).get(s.field, "")
    for form in protected:
        i = text.find(form)
        while i >= 0:
            if i <= s.start and s.end <= i + len(form):
                return True
            i = text.find(form, i + 1)
    return False


def _one_per_place(slips: list[Slip]) -> list[Slip]:
    """Two rules on the same characters: keep the one with a fix, else the first."""
    best: dict[tuple[str, int, int], Slip] = {}
    for s in slips:
        key = (s.field, s.start, s.end)
        if key not in best or (best[key].fix is None and s.fix is not None):
            best[key] = s
    return list(best.values())
