"""The store's connection: sqlite-utils' execute and atomic on plain sqlite3, sqlite-utils itself on demand.

Importing sqlite_utils also imports its command line (click, dateutil, pluggy): ~45 ms at every start
of the window and of `main.py export`, which only read reports and write a row or two. Those two calls
behave exactly as sqlite-utils 4's Database.execute and Database.atomic; anything else (table_names,
the migrations) builds a real sqlite_utils.Database on the same connection when first asked.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Generator

_TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE")


def _opens_no_transaction(sql: str) -> bool:
    """A transaction-control statement (the store never puts comments before one)."""
    return sql.lstrip(" \t\r\n;\ufeff")[:9].upper().startswith(_TRANSACTION_CONTROL)


class Db:
    """sqlite-utils' Database as the store uses it: ``conn``, ``execute``, ``atomic``; the rest lazily."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._full = None

    def execute(self, sql: str, parameters=None) -> sqlite3.Cursor:
        """Run one statement; a write outside a transaction is committed at once (as in sqlite-utils)."""
        was_in_transaction = self.conn.in_transaction
        try:
            cursor = self.conn.execute(sql, parameters) if parameters is not None else self.conn.execute(sql)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")  # never leave an implicit transaction capturing later writes
            raise
        if (not was_in_transaction and self.conn.in_transaction and cursor.description is None
                and not _opens_no_transaction(sql)):
            self.conn.execute("COMMIT")
        return cursor

    @contextlib.contextmanager
    def atomic(self) -> Generator[Db, None, None]:
        """One transaction; nested blocks are savepoints."""
        if self.conn.in_transaction:
            savepoint = f"sqlite_utils_{os.urandom(16).hex()}"
            self.conn.execute(f"SAVEPOINT {savepoint};")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint};")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint};")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint};")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    def full(self):
        """A sqlite_utils.Database on this very connection (imported here, on first need)."""
        if self._full is None:
            from sqlite_utils import Database

            self._full = Database(self.conn)
        return self._full

    def __getattr__(self, name: str):
        if name.startswith("_"):  # never for our own attributes (a copy made without __init__)
            raise AttributeError(name)
        return getattr(self.full(), name)
