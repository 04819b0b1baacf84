"""``consistency-event-dates``: one person's arrest, birth, death... given two dates."""
from __future__ import annotations

from typing import Iterable

from .. import claims
from ..document import Document
from ..findings import Finding
from ..rule import Rule

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def _date_text(d: claims.EventDate) -> str:
    return f"{_MONTHS[d.month - 1]} {d.day}" + (f", {d.year}" if d.year else "")


class ConsistencyEventDates(Rule):
    """A named person's arrest, birth, death, release... given two different dates in one
    draft. The message may use ``{event}``, ``{subject}``, ``{other}`` (the first
    date) and ``{line}`` (its line)."""

    kind = "consistency-event-dates"
    params: dict = {}

    def check(self, doc: Document) -> Iterable[Finding]:
        first: dict[tuple[str, str], claims.EventDate] = {}
        for d in claims.event_dates(doc):
            e = first.get(d.key)
            if e is None:
                first[d.key] = d
                continue
            if not e.same_day(d):
                yield self.finding(doc, d.start, d.end, event=d.event, subject=d.subject, other=_date_text(e),
                                   line=doc.line_col(e.start)[0])
