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
    from models.exchange import write_atomic
    from models.oserrors import os_reason

    try:
        write_atomic(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    except OSError as e:
        why = "这是一个文件夹，请另选文件名" if Path(path).is_dir() else os_reason(e, path)
        raise SettingsFileError(f"无法保存校对规则文件 {path}：{why}") from None


MAX_RULES_BYTES = 16 * 1024 * 1024  # a rules file: tens of thousands of rules at most
MAX_RULES_BRACKETS = 400_000


def load_settings(path: str | Path) -> Settings:
    """Read a file written by dump_settings; anything else is refused with one clear sentence."""
    from models.exchange import ExchangeError, read_json, valid_unicode

    name = Path(path).name
    try:  # a FIFO, a device or a huge file is refused before it is read
        data = read_json(path, "校对规则文件", MAX_RULES_BYTES, MAX_RULES_BRACKETS)
    except ExchangeError as e:
        raise SettingsFileError(str(e)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SettingsFileError(f"{name} 不是天报的校对规则文件。")
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise SettingsFileError(f"{name} 由更新版本的天报导出，请先升级天报。")
    try:
        rules = [UserRule(*(valid_unicode(str(v)) for v in (r["kind"], r["text"], r.get("suggest") or "",
                                                            r.get("note") or "")))
                 for r in data.get("rules", [])]
        ignores = [Ignore(valid_unicode(str(i["rule"])), valid_unicode(str(i["text"]))) for i in data.get("ignores", [])]
    except (KeyError, TypeError, AttributeError):
        raise SettingsFileError(f"{name} 的内容不完整，没有导入。") from None
    if any(r.kind not in (FORMULATION_KIND, CONFUSABLE_KIND) or not r.text.strip() for r in rules):
        raise SettingsFileError(f"{name} 中有无法识别的规则，没有导入。")
    return Settings(rules, ignores)
