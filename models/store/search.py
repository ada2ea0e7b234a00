"""The SQL of full-text search (FTS5 table report_text, rowid = report id), kept in step by Store._write."""

from __future__ import annotations

from models.fields import iter_fields
from models.report import Report
from models.search_text import phrase, spaced


class SearchMixin:
    """Store methods for searching every field of every report."""

    _search_table: bool | None = None

    def _has_search(self) -> bool:
        """False for an older file opened read-only (never migrated): search then looks at titles only."""
        if self._search_table is None:
            self._search_table = self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='report_text'").fetchone() is not None
        return self._search_table

    def _index_text(self, report: Report) -> None:
        """Called inside _write's transaction."""
        if not self._has_search():
            return
        text = spaced(t for path, t in iter_fields(report) if path != "date")
        self.db.execute("DELETE FROM report_text WHERE rowid=?", [report.id])
        self.db.execute("INSERT INTO report_text(rowid, body) VALUES (?, ?)", [report.id, text])

    def _search_clause(self, search: str) -> tuple[str, list]:
        """A WHERE fragment for reports holding ``search`` in any field (the title also as typed)."""
        match = phrase(search)
        if not match or not self._has_search():
            return " AND instr(title, ?) > 0", [search]
        return (" AND (instr(title, ?) > 0 OR id IN (SELECT rowid FROM report_text WHERE report_text MATCH ?))",
                [search, match])
