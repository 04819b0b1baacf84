"""``facts-former``: "former <title> <person>" while the person holds that office at the article date.

Also "the late <person>" while the person is alive.
"""
from __future__ import annotations

from typing import Iterable

from ..document import Document
from ..facts.rulebase import FactRule, not_held_during
from ..findings import Finding

_FORMER = {"former", "ex", "onetime", "one", "erstwhile", "previous", "deposed", "ousted", "toppled", "retired"}


class FormerIncumbent(FactRule):
    """"former <title> <person>" while the person holds that office at the article's
    date, and "the late <person>" for someone alive."""

    kind = "facts-former"
    params: dict = {}

    def check(self, doc: Document) -> Iterable[Finding]:
        from ..facts.analysis import mentioned_times, office_list, past_context
        from ..facts.model import fmt_date
        from ..facts.when import sentence_periods

        a = self.analysis(doc)
        base = a.base
        d = a.date
        for m in a.mentions:
            if m.modifier != "past" or m.modifier_start is None:
                continue
            mod = m.modifier_word.lower()
            if mod == "late":
                alive = m.person.dead_on(d) is False and (m.person.died is not None or d <= self._as_of(a, m))
                if alive:
                    yield self.finding(
                        doc, m.span_start, m.end,
                        message=f"'{{match}}': {m.person.name} is alive on {fmt_date(d)}; 'late' describes someone who has died",
                        suggestions=(doc.text[m.title.start if m.title else m.start:m.end],),
                    )
                continue
            if mod not in _FORMER:
                continue
            offices = office_list(base, m)
            if not offices:
                continue
            holding = [o for o in offices if base.holds(m.person.id, o.id, d) is True]
            if not holding:
                continue
            if past_context(doc, m.start):
                continue
            times = [t for t in mentioned_times(doc, m.start, d) + sentence_periods(doc, m.start, d) if t[1] < d]
            if times and not_held_during(m.person, holding, times):
                continue  # "In 2022, former President Donald Trump said ..."
            office = holding[0]
            term = next(t for t in m.person.terms if t.office == office.id and t.holds(d) is True)
            start = m.title.start if m.title else m.start
            rest = doc.text[start:m.end]
            yield self.finding(
                doc, m.span_start, m.end,
                message=(f"'{{match}}': {m.person.name} is the {office.display} on {fmt_date(d)} "
                         f"(in office since {fmt_date(term.start)}), not a former one"),
                suggestions=(rest,),
            )

    @staticmethod
    def _as_of(a, m) -> "object":
        from datetime import date

        packs = [p for p in a.base.packs if p.name == m.person.pack]
        return packs[0].as_of if packs else date.max
