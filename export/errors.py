"""Errors of exporting that the user must be told about in Chinese."""


class ExportError(Exception):
    """str() is one clear Chinese sentence; the target file is untouched."""
