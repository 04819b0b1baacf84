"""``facts-title``: "<title> <person>" when the person does not hold that office at the article date.

"Chancellor Angela Merkel" in 2025, "NATO Secretary-General Jens Stoltenberg" in 2025,
"Pope Leo XIV" in 2024. Left alone: "then-", "former", "ex-" and other qualifiers,
people who have died (a dead pope or president keeps the title in copy), and
sentences that place the claim in the past (a year the person held the office,
"at the time", "when she was"). A sentence's time wording ("on Friday", "earlier this
month", "in March", "two years ago", "on Dec. 3") is resolved from the article date
(:mod:`lint.facts.when`), and the title is right when the person held the office then.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..document import Document
from ..facts.rulebase import FactRule, held_during, holder_phrase, relation
from ..findings import Finding, Severity
from ..rule import BOOLEAN, Param


class TitleNotHeld(FactRule):
    """"<title> <person>" when the person does not hold that office at the article's
    date (a former or future holder, or someone who never held it)."""

    kind = "facts-title"
    params = {
        "never-held": Param(BOOLEAN, "also flag a full title before a known office-holder who never held that office",
                            default=True),
    }

    def check(self, doc: Document) -> Iterable[Finding]:
        from ..facts.analysis import historical_reference, mentioned_times, office_list, past_context

        a = self.analysis(doc)
        base = a.base
        d = a.date
        for m in a.mentions:
            if m.title is None or m.modifier not in (None, "current"):
                continue
            if m.kind == "misspelling":
                continue
            if m.person.dead_on(d) is not False:
                continue  # the dead keep their titles in copy; see facts-deceased
            offices = office_list(base, m)
            never = False
            if not offices:
                if not (self.options["never-held"] and m.title.entry.long and m.person.terms):
                    continue
                offices = [base.offices[o] for o in m.title.entry.long]
                if not all(base.holders(o.id, d) for o in offices):
                    continue
                never = True
            answers = [base.holds(m.person.id, o.id, d) for o in offices]
            if any(x is not False for x in answers):
                continue
            if not any(t.office in {o.id for o in offices} for t in m.person.terms) and not any(
                    base.holders(o.id, d) for o in offices):
                continue  # never held it, and nobody known to hold it: the packs may just lack the term
            held_before = relation(base, m.person, offices, d)[0] == "held"
            if past_context(doc, m.start):
                continue
            if held_before and (historical_reference(doc, m.title.start, m.end) or _had(doc, m.start)):
                continue  # "adviser to President Barack Obama", "President Obama was briefed"
            times = mentioned_times(doc, m.start, d) + _pointed(a, m.start)
            if times and held_during(m.person, offices, times):
                continue
            if held_before and not times and _scene(a, m.start, m.person, offices):
                continue  # "The borders were opened in 2015. Chancellor Angela Merkel defended ..."
            if any(d > p.as_of for p in base.packs if p.name in {o.pack for o in offices}) and not never:
                # after the data's date a new term may be missing: only report what the data shows
                rel, _ = relation(base, m.person, offices, d)
                if rel == "later":
                    continue
            yield self._finding(doc, a, m, offices, never)

    def _finding(self, doc, a, m, offices, never) -> Finding:
        from ..facts.model import fmt_date

        base, d = a.base, a.date
        name = m.person.name
        office = offices[0]
        rel, term = relation(base, m.person, offices, d)
        when = fmt_date(d)
        if never or rel == "never":
            what = f"{name} is not {_article(office.display)} {office.display}"
        elif rel == "held":
            if term.end is not None:
                what = f"{name} has not been {office.display} since {fmt_date(term.end)}"
            else:
                what = f"{name} is no longer {office.display} on {when}"
            office = base.offices[term.office]
        else:
            what = f"{name} did not become {office.display} until {fmt_date(term.start)}"
            office = base.offices[term.office]
        upcoming = [t for t in m.person.terms if t.office == office.id and t.not_started_on(d)]
        if rel == "held" and upcoming:
            nxt = min(upcoming, key=lambda t: t.start.lo)
            window = nxt.transition()
            if window and window[0] <= d:
                what += f" (elected again; takes office on {fmt_date(nxt.start)})"
            else:
                what += f" (takes office again on {fmt_date(nxt.start)})"
        holder = holder_phrase(base, office, d, exclude=m.person.id)
        msg = f"'{{match}}': {what}" + (f"; {holder}" if holder else "")
        suggestions = []
        title_text = doc.text[m.title.start:m.title.end]
        if rel == "held" and not never and not m.title.embedded:
            suggestions.append(f"former {title_text} {doc.text[m.start:m.end]}")
        for p in base.holders(office.id, d):
            if p.id != m.person.id:
                suggestions.append(f"{title_text} {p.name}")
        severity = Severity.WARNING if never or rel == "never" else None
        return self.finding(doc, m.title.start, m.end, message=msg, suggestions=suggestions, severity=severity)


def _pointed(a, offset: int) -> list:
    """The periods the sentence's time wording points to ("on Friday", "in March", "two years ago",
    "during the Obama administration")."""
    from ..facts.analysis import sentence_span
    from ..facts.eras import era_periods
    from ..facts.when import sentence_periods

    lo, hi = sentence_span(a.doc, offset)
    return sentence_periods(a.doc, offset, a.date) + era_periods(a, lo, hi)


def _scene(a, offset: int, person, offices) -> bool:
    """A past-tense sentence with no time of its own, in a paragraph that set the scene earlier
    in a time the person held the office: the title is the one held then."""
    from ..facts.analysis import sentence_span
    from ..facts.eras import era_periods
    from ..facts.rulebase import held_during
    from ..facts.when import periods, speaks_of_now

    doc = a.doc
    lo, hi = sentence_span(doc, offset)
    block = doc.block_at(offset)
    if block is None or block.start >= lo or speaks_of_now(doc.prose, lo, hi):
        return False
    before = [(p.lo, p.hi) for p in periods(doc.prose, block.start, lo, a.date)] + era_periods(a, block.start, lo)
    return bool(before) and held_during(person, offices, before)


def _had(doc: Document, offset: int) -> bool:
    """Past perfect in the sentence: the copy narrates an earlier time."""
    from ..facts.analysis import sentence_span

    lo, hi = sentence_span(doc, offset)
    return re.search(r"\bhad\b", doc.prose[lo:hi], re.I) is not None


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" and not word.lower().startswith(("u.", "uni", "eu")) else "a"
