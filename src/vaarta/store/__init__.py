"""The store: one interface, SQLite now (embedded default), PostgreSQL for larger set-ups.

>>> from vaarta.store import open_store
>>> store = open_store("vaarta.db")             # or "postgresql://user@host/db"
"""

from __future__ import annotations

from .base import Store


def open_store(db: str, *, readonly: bool = False) -> Store:
    """Open (and migrate) the store at ``db``: a SQLite path or a ``postgresql://`` URL."""
    if db.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(db, readonly=readonly)
    from .sqlite import SqliteStore

    return SqliteStore(db, readonly=readonly)


__all__ = ["Store", "open_store"]
