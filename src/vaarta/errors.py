"""Exceptions vaarta raises. Expected outcomes (a duplicate, a page that is not Hindi, an empty
file) are :class:`vaarta.model.Rejection` values, not exceptions; exceptions are for bad
configuration and bugs, and say what happened, where, and how to fix it.

::

    VaartaError
    ├── StoreError (RuntimeError)         the database cannot be opened or written
    │   └── MigrationError                the schema is newer than this vaarta
    ├── UsageError (ValueError)           a bad option or argument
    └── ResourceError (FileNotFoundError) a packaged model or data file is missing
"""

from __future__ import annotations


class VaartaError(Exception):
    """Base of every vaarta exception."""


class StoreError(VaartaError, RuntimeError):
    def __init__(self, message: str, *, location: str = "") -> None:
        super().__init__(f"{location}: {message}" if location else message)
        self.location = location


class MigrationError(StoreError):
    pass


class UsageError(VaartaError, ValueError):
    pass


class ResourceError(VaartaError, FileNotFoundError):
    pass
