"""The Qt window; widgets read and write models, never SQL."""

from ui.qt_compat import guard_refcounts, unread_modules

# Before any window exists: PySide6 6.12 would otherwise abort a long session (see qt_compat).
guard_refcounts()
unread_modules()  # before the window's ~170 modules are imported
