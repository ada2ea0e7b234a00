"""The SQL of the user's own templates (table user_templates, schema 3)."""

from __future__ import annotations

import json
import sqlite3

from models.report import now_iso
from models.store.database import classify


class TemplatesMixin:
    """Store methods for 另存为模板 and the template list of 新建."""

    def user_templates(self) -> list[tuple[int, str, dict]]:
        """(id, name, data) oldest first; none in an older file opened read-only."""
        if not self._has_search():  # same migration: no table before schema 3
            return []
        return [(tid, name, json.loads(data)) for tid, name, data in
                self.db.execute("SELECT id, name, data FROM user_templates ORDER BY id")]

    def add_user_template(self, name: str, data: dict) -> int:
        now = now_iso()
        return self._template_write(
            "INSERT INTO user_templates(name, data, created, updated) VALUES (?,?,?,?)",
            [name, json.dumps(data, ensure_ascii=False), now, now])

    def rename_user_template(self, tid: int, name: str) -> None:
        self._template_write("UPDATE user_templates SET name=?, updated=? WHERE id=?", [name, now_iso(), tid])

    def delete_user_template(self, tid: int) -> None:
        self._template_write("DELETE FROM user_templates WHERE id=?", [tid])

    def _template_write(self, sql: str, params: list) -> int:
        try:
            with self.db.atomic():
                return self.db.execute(sql, params).lastrowid
        except sqlite3.Error as e:
            raise classify(e, self.path) from None
