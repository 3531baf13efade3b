"""Helpers for the crossdoc tests: epidemic reports built by hand."""

from __future__ import annotations

from vaarta.crossdoc import EventReport
from vaarta.model import Event, Span


def epidemic_report(
    art: str,
    text: str | None = None,
    loc: str = "Delhi",
    pub: str = "2020-04-01",
    date: str | None = None,
    killed: int | None = None,
    source: str | None = None,
) -> EventReport:
    """One DISASTER/epidemic report of article ``art`` at ``loc``, with ``text`` as its evidence text."""
    ev = Event(
        type="DISASTER",
        status="occurred",
        actors=(),
        recipients=(),
        evidence=(Span(0, 5),),
        mode="epidemic",
        location=loc,
        date=date,
        killed=killed,
    )
    return EventReport(art, 0, pub, source if source is not None else f"{art}.txt", ev, text)
