"""Report kinds are data files in resources/templates; adding a kind needs no code."""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from models.exchange import frame_from_data, sections_from_data
from models.report import Report

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "resources" / "templates"


@dataclass(frozen=True)
class Template:
    kind: str
    name: str
    description: str
    data: dict

    @property
    def unit(self) -> bool:
        """A unit's report, sent up as an official document: the 公文格式 tab shows by default."""
        return bool(self.data.get("unit", False))

    def new_report(self, today: _dt.date | None = None) -> Report:
        """A report from the template; the frame keys are those of the exchange file (version 2).

        {year} in any text is the year of issue (the 发文字号's 〔2026〕); {report_year} the year reported on,
        the past one until the end of June (年度 reports are written in December and January). A unit's
        document is dated today (成文日期 written under the signature); a person's report is left undated.
        """
        today = today or _dt.date.today()
        d = _years(self.data, today)
        report = Report(
            kind=self.kind,
            title=d.get("title", ""),
            preamble=d.get("preamble", ""),
            sections=sections_from_data(d.get("sections", [])),
            closing=d.get("closing", ""),
            signature=d.get("signature", ""),
            date=today if self.unit else None,  # a unit's document carries its 成文日期 (GB/T 9704 7.3.5)
        )
        frame_from_data(d, report)
        return report


def _years(data, today: _dt.date):
    report_year = today.year if today.month > 6 else today.year - 1
    if isinstance(data, str):
        return data.replace("{year}", str(today.year)).replace("{report_year}", str(report_year)).replace(
            "{next_year}", str(report_year + 1))
    if isinstance(data, list):
        return [_years(x, today) for x in data]
    if isinstance(data, dict):
        return {k: _years(v, today) for k, v in data.items()}
    return data


def load_templates(folder: Path = TEMPLATE_DIR) -> list[Template]:
    """Every template file in ``folder``, in file-name order."""
    out = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append(Template(data["kind"], data["name"], data.get("description", ""), data))
    return out


def template_names() -> dict[str, str]:
    """kind -> display name, for showing a report's kind."""
    return {t.kind: t.name for t in load_templates()}


def unit_kinds(folder: Path = TEMPLATE_DIR) -> frozenset[str]:
    """The kinds whose reports are a unit's official documents (the template says "unit": true)."""
    return _unit_kinds(folder)


@lru_cache(maxsize=4)
def _unit_kinds(folder: Path) -> frozenset[str]:
    return frozenset(t.kind for t in load_templates(folder) if t.unit)


def guess_kind(report: Report, templates: list[Template] | None = None) -> str:
    """The template whose section headings the report shares most (two at least), else "blank".

    An imported 履职情况 / 存在问题 / 下步措施 report is then listed as what it is.
    """
    headings = {s.heading.strip() for s in report.sections if s.heading.strip()}
    templates = templates if templates is not None else load_templates()
    best, best_shared = "blank", 1
    for t in templates:
        sections = _years(t.data.get("sections", []), _dt.date.today())
        shared = len(headings & {s.get("heading", "") for s in sections})
        if shared > best_shared:
            best, best_shared = t.kind, shared
    if best == "blank":  # headings of its own: the title still says what kind of report it is
        by_title = kind_from_title(report.title)
        if by_title in {t.kind for t in templates}:
            best = by_title
    return best


def kind_from_title(title: str) -> str:
    """The built-in kind a report's title names (述职述廉报告, …对照检查材料, …工作总结), else "blank"."""
    t = re.sub(r"\s", "", title)
    if "述职" in t:
        return "shuzhi"
    if re.search("对照检查|检视剖析|剖析材料|发言提纲", t):
        return "duizhao"
    if "从严治党" in t:
        return "congyan_unit" if re.search("主体责任|党组|党委|党总支|党支部", t) else "congyan"
    if "总结" in t:
        return "zongjie" if "个人" in t or "的报告" not in t else "zongjie_unit"
    return "blank"
