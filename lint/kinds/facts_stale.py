"""``facts-stale``: the article is dated after the fact packs it is judged against.

Not a finding: a correct name is not wrong because the packs are old. The rule raises a
run-level notice (:mod:`lint.notices`) when a draft dated after a pack's ``as_of`` names
someone that pack knows; the report says it once per run, whatever the number of drafts.
A date the user vouches for (``--facts-as-of``, config ``facts-as-of:``) moves the packs'
as-of date forward.
"""
from __future__ import annotations

from typing import Iterable

from ..document import Document
from ..facts.rulebase import FactRule
from ..findings import Finding
from ..notices import Notice


class StaleFacts(FactRule):
    """A run-level notice, not a finding: the article is dated after the fact packs it
    is judged against are current to (their ``as_of``)."""

    kind = "facts-stale"
    params: dict = {}

    def check(self, doc: Document) -> Iterable[Finding]:
        return ()

    def notices(self, doc: Document) -> Iterable[Notice]:
        d = self.date_of(doc)
        vouched = self.settings.facts_as_of
        if vouched is not None and d <= vouched:
            return ()
        base = self.base(doc)
        stale = base.stale_packs(d)
        if not stale:
            return ()
        relevant = []
        for m in self.analysis(doc).mentions:
            packs = {m.person.pack} | {base.offices[t.office].pack for t in m.person.terms}
            relevant.extend(p for p in stale if p.name in packs and p not in relevant)
        if not relevant:
            return ()
        subjects = tuple((p.name, p.as_of.isoformat()) for p in relevant)
        return (Notice("stale-facts", self.id, subjects, d),)
