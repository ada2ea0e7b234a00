"""All SQL lives in this package: the database file, reports and trash, history versions."""

from models.store.database import (
    TRASH_DAYS,
    DatabaseBusyError,
    DatabaseDamagedError,
    DatabaseNewerError,
    ReportNotFound,
    ReportSummary,
    SnapshotInfo,
    StorageEnvironmentError,
    StoreError,
    _open_for_checks,
    check_header,
    classify,
    copy_database,
    integrity_check,
    overwrite_database,
    quick_check,
)
from models.store.reports import Store

__all__ = [
    "TRASH_DAYS", "DatabaseBusyError", "DatabaseDamagedError", "DatabaseNewerError", "ReportNotFound",
    "ReportSummary", "SnapshotInfo", "StorageEnvironmentError", "StoreError", "Store", "_open_for_checks",
    "check_header", "classify", "copy_database", "integrity_check", "overwrite_database", "quick_check",
]
