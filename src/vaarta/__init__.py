"""vaarta — Hindi news into facts you can trust.

The library API is small::

    import vaarta
    record = vaarta.analyse_text("…हिंदी समाचार…", published="2021-12-13")
    record.to_json()["events"]

    with vaarta.open_store("vaarta.db") as store:
        vaarta.ingest(["articles/"], store)
        store.list_events(type="CONSULT", participant="पुतिन")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import analyse_text, ingest, open_store
from .model import Document, Entity, Event, Quote, Record, Rejection, TimeExpr

__all__ = [
    "Document",
    "Entity",
    "Event",
    "Quote",
    "Record",
    "Rejection",
    "TimeExpr",
    "analyse_text",
    "ingest",
    "open_store",
]
