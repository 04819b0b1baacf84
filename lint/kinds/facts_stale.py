"""``facts-stale``: the article is dated after the fact packs it is judged against.

One notice per draft, at the first known name, when a pack whose people the draft
names is current to a date before the article's: offices may have changed hands since.
"""
from __future__ import annotations

from typing import Iterable

from ..document import Document
from ..facts.rulebase import FactRule
from ..findings import Finding


class StaleFacts(FactRule):
    kind = "facts-stale"
    params: dict = {}

    def check(self, doc: Document) -> Iterable[Finding]:
        from ..facts.model import fmt_date

        base = self.base(doc)
        d = self.date_of(doc)
        stale = base.stale_packs(d)
        if not stale:
            return
        a = self.analysis(doc)
        relevant = []
        first = None
        for m in a.mentions:
            packs = {m.person.pack} | {base.offices[t.office].pack for t in m.person.terms}
            hit = [p for p in stale if p.name in packs]
            if hit:
                first = first or m
                relevant.extend(x for x in hit if x not in relevant)
        if first is None:
            return
        which = ", ".join(f"{p.name} (current to {fmt_date(p.as_of)})" for p in relevant)
        yield self.finding(
            doc, first.start, first.end,
            message=(f"the article is dated {fmt_date(d)}, after the facts it is checked against: {which}; "
                     "offices may have changed hands since"),
        )
