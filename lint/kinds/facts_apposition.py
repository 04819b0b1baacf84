"""``facts-apposition``: a title after a name that the person does not hold at the time meant.

"Olaf Scholz, the German chancellor, said on Friday" after May 6, 2025; "Merz, who leads
the government," before he took office; "Donald Trump, the former president," while he
holds the office again. ("X, the incoming chancellor," and "X, the president-elect," are the
window phrases of ``facts-window``.)
The time meant is the one the sentence points to ("in March", "two years ago", "on Dec. 3"),
else the article's date. Left alone: "then", past tense in the clause ("who was"), phrases
that do not end where the title does ("the chancellor until May"), sentences and paragraphs
that place the claim in the past, and the dead.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..document import Document
from ..facts.rulebase import FactRule, held_during, holder_phrase, not_held_during, relation
from ..findings import Finding
from ..text.lazyre import LazyPattern

# "former leaders including Angela Merkel, the German chancellor, ...": the aside names the old office
_FORMER_BEFORE = LazyPattern(r"\b(?:former|ex-|erstwhile|onetime|one-time|then|past)\b[^.;:!?]*\Z", re.I)
# Where the clause of the title ends: what follows is about someone or something else.
_CLAUSE_BREAK = LazyPattern(r"[;—–]|\s-\s|,\s+(?:and|but|while|whereas)\s|\s(?:but|while|whereas)\s")
_FORMER = {"former", "ex", "onetime", "erstwhile", "previous", "deposed", "ousted", "toppled", "retired"}


class TitleAfterName(FactRule):
    """A title after a name ("X, the German chancellor,", "X, who leads the government,")
    that the person does not hold at the time meant, judged against the fact packs."""

    kind = "facts-apposition"
    params: dict = {}

    def check(self, doc: Document) -> Iterable[Finding]:
        from ..facts.apposition import post_titles

        a = self.analysis(doc)
        if not a.mentions:
            return
        for pt in post_titles(a):
            m = pt.mention
            if m.person.dead_on(a.date) is not False or pt.modifier == "other":
                continue
            if pt.modifier in (None, "current"):
                f = self._not_held(doc, a, pt)
            elif pt.modifier == "past" and pt.modifier_word.lower() in _FORMER:
                f = self._former(doc, a, pt)
            else:
                f = None
            if f is not None:
                yield f

    # ------------------------------------------------------------------
    def _times(self, doc: Document, a, offset: int, paragraph: bool = False):
        from ..facts.analysis import mentioned_times, sentence_span
        from ..facts.eras import era_periods
        from ..facts.when import periods

        lo, hi = sentence_span(doc, offset)
        out = list(mentioned_times(doc, offset, a.date))
        out += [(p.lo, p.hi) for p in periods(doc.prose, lo, hi, a.date)] + era_periods(a, lo, hi)
        if paragraph and not out:
            # no time in the sentence: a year given earlier in the paragraph sets the scene
            block = doc.block_at(offset)
            if block is not None:
                out += [(p.lo, p.hi) for p in periods(doc.prose, block.start, lo, a.date)]
                out += era_periods(a, block.start, lo)
        return out

    def _not_held(self, doc: Document, a, pt) -> Finding | None:
        from ..facts.analysis import historical_reference, past_context, sentence_span
        from ..facts.model import fmt_date
        from ..facts.when import speaks_of_now

        m, base, d = pt.mention, a.base, a.date
        offices = list(pt.offices)
        if any(base.holds(m.person.id, o.id, d) is not False for o in offices):
            return None
        lo, hi = sentence_span(doc, m.start)
        if past_context(doc, m.start) or _FORMER_BEFORE.search(doc.prose, lo, m.span_start):
            return None
        times = self._times(doc, a, m.start, paragraph=True)
        if times and held_during(m.person, offices, times):
            return None
        rel, term = relation(base, m.person, offices, d)
        sentence = doc.prose[lo:hi]
        if rel == "held":
            if re.search(r"\bhad\b", sentence, re.I) or historical_reference(doc, m.span_start, m.start):
                return None  # "drafted under Joe Biden, the U.S. president, ..."
            clause_end = _CLAUSE_BREAK.search(doc.prose, pt.end, hi)
            if not speaks_of_now(doc.prose, lo, clause_end.start() if clause_end else hi):
                # past tense, no recent day: a look back ("Merz defeated Olaf Scholz, the chancellor.",
                # "Rishi Sunak, the prime minister, called the election for July 4.")
                return None
        if any(d > p.as_of for p in base.packs if p.name in {o.pack for o in offices}) and rel == "later":
            return None
        office = base.offices[term.office] if term else offices[0]
        if rel == "held":
            what = (f"{m.person.name} has not been {office.display} since {fmt_date(term.end)}" if term.end
                    else f"{m.person.name} is no longer {office.display} on {fmt_date(d)}")
        elif rel == "later":
            what = f"{m.person.name} did not become {office.display} until {fmt_date(term.start)}"
        else:
            return None
        holder = holder_phrase(base, office, d, exclude=m.person.id)
        suggestions = []
        if rel == "held" and pt.form == "apposition" and pt.modifier is None and pt.title_start > pt.start:
            # "Olaf Scholz, the German chancellor" -> "Olaf Scholz, the former German chancellor"
            t = pt.title_start
            suggestions.append(f"{doc.text[m.start:t]}former {doc.text[t:pt.end]}")
        return self.finding(doc, m.start, pt.end, message=f"'{{match}}': {what}" + (f"; {holder}" if holder else ""),
                            suggestions=suggestions)

    def _former(self, doc: Document, a, pt) -> Finding | None:
        from ..facts.analysis import past_context
        from ..facts.model import fmt_date

        m, base, d = pt.mention, a.base, a.date
        holding = [o for o in pt.offices if base.holds(m.person.id, o.id, d) is True]
        if not holding or past_context(doc, m.start):
            return None
        times = [t for t in self._times(doc, a, m.start) if t[1] < d]
        if times and not_held_during(m.person, holding, times):
            return None
        office = holding[0]
        term = next(t for t in m.person.terms if t.office == office.id and t.holds(d) is True)
        text = doc.text[m.start:pt.end]
        fixed = re.sub(rf"\b{re.escape(pt.modifier_word)}[\s-]+", "", text, count=1)
        return self.finding(
            doc, m.start, pt.end,
            message=(f"'{{match}}': {m.person.name} is the {office.display} on {fmt_date(d)} "
                     f"(in office since {fmt_date(term.start)}), not a former one"),
            suggestions=[fixed] if fixed != text else [],
        )
