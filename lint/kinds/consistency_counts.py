"""``consistency-counts``: the same count given two ways in one draft."""
from __future__ import annotations

from typing import Iterable

from .. import claims
from ..document import Document
from ..findings import Finding
from ..rule import Rule


class ConsistencyCounts(Rule):
    """The same count given two ways ("31 prisoners were freed" ... "the 30 prisoners").
    Counts are compared only for the same thing and the same event, with their qualifiers
    ("at least 25" agrees with 31, not with 23), and never across sentences about a
    changing figure or another period ("up from", "last year"). The message may use
    ``{other}`` (the first count) and ``{line}`` (its line)."""

    kind = "consistency-counts"
    params: dict = {}

    def check(self, doc: Document) -> Iterable[Finding]:
        seen: list[claims.Count] = []
        for c in claims.counts(doc):
            if c.revisable:
                continue
            for e in seen:
                if e.noun != c.noun or e.agrees(c) or doc.sentence_at(e.start) == doc.sentence_at(c.start):
                    continue
                if not _same_set(e, c) or not _close(e, c):
                    continue
                yield self.finding(doc, c.start, c.end, other=e.text, line=doc.line_col(e.start)[0])
                break
            seen.append(c)


def _same_set(a: claims.Count, b: claims.Count) -> bool:
    """Whether two counts of the same noun count the same set of things.

    Yes for the same event ("31 prisoners were freed" ... "30 prisoners were released"), and
    for a definite reference back ("the 30 prisoners") to a count with an event or to
    another definite one; otherwise they may be different sets.
    """
    if a.event is not None and a.event == b.event:
        return True
    if a.event is None and b.event is None:
        return a.definite and b.definite
    plain = a if a.event is None else b if b.event is None else None
    return plain is not None and plain.definite


def _close(a: claims.Count, b: claims.Count) -> bool:
    """A restated figure that is off is close to the first (31 and 30); a figure many times
    another (17 deaths this week, 11,300 in the last outbreak) counts something else."""
    lower, upper = (a, b) if a.high < b.low else (b, a)
    return lower.high > 0 and upper.low / lower.high <= 2.0
