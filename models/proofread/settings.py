"""An office's own rules (常用提法, 易错词) and ignored findings, and the file that shares them."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

FORMAT = "tianbao.proofread"
VERSION = 1
FORMULATION_KIND, CONFUSABLE_KIND = "formulation", "confusable"


class SettingsFileError(ValueError):
    """A rules file that cannot be imported; str() is one Chinese sentence."""


@dataclass(frozen=True)
class UserRule:
    kind: str  # formulation (加入常用提法: right as written) | confusable (加入易错词: wrong as written)
    text: str
    suggest: str = ""  # confusable: the right form, when one answer is right
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Ignore:
    """忽略此处 (report_id and field set) or 不再提示 (everywhere): a rule at a given text."""

    rule: str
    text: str
    field: str = ""
    report_id: int | None = None
    id: int | None = None

    def covers(self, rule: str, text: str, field_: str, report_id: int | None) -> bool:
        if self.rule != rule or self.text != text:
            return False
        return not self.field or (self.field == field_ and self.report_id == report_id)


@dataclass
class Settings:
    rules: list[UserRule] = field(default_factory=list)
    ignores: list[Ignore] = field(default_factory=list)
    report_id: int | None = None  # the report being checked, for 忽略此处

    def ignored(self, rule: str, text: str, field_: str) -> bool:
        return any(i.covers(rule, text, field_, self.report_id) for i in self.ignores)


def dump_settings(settings: Settings, path: str | Path) -> None:
    """Write the office's rules and its 不再提示 list (not the per-report 忽略此处) as a UTF-8 JSON file."""
    data = {
        "format": FORMAT, "version": VERSION,
        "rules": [{k: v for k, v in asdict(r).items() if k != "id"} for r in settings.rules],
        "ignores": [{"rule": i.rule, "text": i.text} for i in settings.ignores if not i.field],
    }
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def load_settings(path: str | Path) -> Settings:
    """Read a file written by dump_settings; anything else is refused with one clear sentence."""
    name = Path(path).name
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SettingsFileError(f"{name} 不是天报的校对规则文件。") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SettingsFileError(f"{name} 不是天报的校对规则文件。")
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise SettingsFileError(f"{name} 由更新版本的天报导出，请先升级天报。")
    try:
        rules = [UserRule(str(r["kind"]), str(r["text"]), str(r.get("suggest") or ""), str(r.get("note") or ""))
                 for r in data.get("rules", [])]
        ignores = [Ignore(str(i["rule"]), str(i["text"])) for i in data.get("ignores", [])]
    except (KeyError, TypeError, AttributeError):
        raise SettingsFileError(f"{name} 的内容不完整，没有导入。") from None
    if any(r.kind not in (FORMULATION_KIND, CONFUSABLE_KIND) or not r.text.strip() for r in rules):
        raise SettingsFileError(f"{name} 中有无法识别的规则，没有导入。")
    return Settings(rules, ignores)
