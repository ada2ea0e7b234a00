"""All SQL lives in this package: the database file, reports and trash, history versions."""

from models.store.database import (
    TRASH_DAYS,
    DatabaseBusyError,
    DatabaseDamagedError,
    DatabaseNewerError,
    DatabaseUntrustedError,
    ReportNotFound,
    ReportSummary,
    SnapshotInfo,
    StorageEnvironmentError,
    StoreError,
    _open_for_checks,
    check_header,
    check_regular,
    classify,
    copy_database,
    integrity_check,
    overwrite_database,
    quick_check,
)
from models.store.reports import Store
from models.store.trust import check_schema, harden, known_schemas

__all__ = [
    "TRASH_DAYS", "DatabaseBusyError", "DatabaseDamagedError", "DatabaseNewerError", "DatabaseUntrustedError", "ReportNotFound",
    "ReportSummary", "SnapshotInfo", "StorageEnvironmentError", "StoreError", "Store", "_open_for_checks",
    "check_header", "check_regular", "classify", "copy_database", "integrity_check", "overwrite_database", "quick_check",
    "check_schema", "harden", "known_schemas",
]
