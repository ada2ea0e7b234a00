"""The SQL of the proofreader's user rules (常用提法, 易错词) and ignores (忽略此处, 不再提示)."""
from __future__ import annotations

import sqlite3

from models.proofread.settings import Ignore, Settings, UserRule
from models.report import now_iso
from models.store.database import classify


class ProofreadRulesMixin:
    """Mixed into Store, which owns ``self.db`` and ``self.path``."""

    def _has_proofread_tables(self) -> bool:
        return self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='proofread_rules'").fetchone() is not None

    def proofread_settings(self, report_id: int | None = None) -> Settings:
        """The office's rules and every 不再提示, plus the 忽略此处 of ``report_id``."""
        if not self._has_proofread_tables():  # a file of an older schema, opened read-only
            return Settings(report_id=report_id)
        rules = [UserRule(kind, text, suggest, note, rid) for rid, kind, text, suggest, note in self.db.execute(
            "SELECT id, kind, text, suggest, note FROM proofread_rules ORDER BY id").fetchall()]
        ignores = [Ignore(rule, text, field, rep, iid) for iid, rule, text, field, rep in self.db.execute(
            "SELECT id, rule, text, field, report_id FROM proofread_ignores WHERE report_id IS NULL OR report_id=?"
            " ORDER BY id", [report_id]).fetchall()]
        return Settings(rules, ignores, report_id)

    def proofread_settings_all_ignores(self) -> list[Ignore]:
        """Every ignore of every report, for the 校对规则 dialog."""
        if not self._has_proofread_tables():
            return []
        return [Ignore(rule, text, field, rep, iid) for iid, rule, text, field, rep in self.db.execute(
            "SELECT id, rule, text, field, report_id FROM proofread_ignores ORDER BY id").fetchall()]

    def add_user_rule(self, rule: UserRule) -> bool:
        """Store one rule; False when the same 提法 or 易错词 is already there."""
        try:
            with self.db.atomic():
                cur = self.db.execute(
                    "INSERT OR IGNORE INTO proofread_rules(kind, text, suggest, note, created) VALUES (?, ?, ?, ?, ?)",
                    [rule.kind, rule.text, rule.suggest, rule.note, now_iso()])
                return cur.rowcount > 0
        except sqlite3.Error as e:
            raise classify(e, self.path) from None

    def delete_user_rule(self, rule_id: int) -> None:
        self._exec_write("DELETE FROM proofread_rules WHERE id=?", [rule_id])

    def add_ignore(self, ignore: Ignore) -> None:
        """忽略此处 (with field and report) or 不再提示 (without)."""
        self._exec_write(
            "INSERT INTO proofread_ignores(rule, text, field, report_id, created) VALUES (?, ?, ?, ?, ?)",
            [ignore.rule, ignore.text, ignore.field, ignore.report_id, now_iso()])

    def delete_ignore(self, ignore_id: int) -> None:
        self._exec_write("DELETE FROM proofread_ignores WHERE id=?", [ignore_id])

    def import_proofread(self, settings: Settings) -> tuple[int, int]:
        """Add a shared file's rules and 不再提示 to ours; (rules added, ignores added), duplicates skipped."""
        have = self.proofread_settings()
        known = {(i.rule, i.text) for i in have.ignores if not i.field}
        try:
            with self.db.atomic():
                rules = 0
                for r in settings.rules:
                    rules += self.db.execute(
                        "INSERT OR IGNORE INTO proofread_rules(kind, text, suggest, note, created) VALUES (?, ?, ?, ?, ?)",
                        [r.kind, r.text, r.suggest, r.note, now_iso()]).rowcount
                ignores = 0
                for i in settings.ignores:
                    if (i.rule, i.text) not in known:
                        known.add((i.rule, i.text))
                        self.db.execute("INSERT INTO proofread_ignores(rule, text, created) VALUES (?, ?, ?)",
                                        [i.rule, i.text, now_iso()])
                        ignores += 1
            return rules, ignores
        except sqlite3.Error as e:
            raise classify(e, self.path) from None
