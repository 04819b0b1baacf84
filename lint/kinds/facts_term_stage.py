"""``facts-term-stage``: claims about where a person stands in a term, judged against the term.

"Trump, in his first weeks in office, has signed ..." a year into the term; "Lee Jae-myung,
who is running for president," after he took office; "the outgoing Biden administration is
..." after the handover (in the present tense only). The first is judged only in the present
tense (a look back, "In his first weeks in office, Trump signed ...", is correct at any date),
the second only in the year after the person took office or between election and
inauguration, so an incumbent running again is never taken for a stale candidate.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Iterable

from ..text.lazyre import LazyPattern
from ..document import Document
from ..facts.rulebase import FactRule
from ..findings import Finding
from .. import wordstarts
from ..rule import NUMBER, Param

if TYPE_CHECKING:  # pragma: no cover
    from ..facts.analysis import Analysis
    from ..facts.model import Person, Term

_FIRST = LazyPattern(
    r"\b(?:in|during|over|within)\s+(?:his|her|their)\s+(?:very\s+)?first\s+(?:few\s+)?"
    r"(?P<unit>days|weeks|months|100\s+days|hundred\s+days)\s+"
    r"(?:(?:back\s+)?in\s+(?:office|power)|at\s+the\s+helm|on\s+the\s+job|"
    r"as\s+(?:president|prime\s+minister|chancellor|premier|pope|secretary-general|leader)|"
    r"of\s+(?:his|her|their)\s+(?:second\s+|third\s+|new\s+)?(?:term|presidency|premiership|chancellorship|"
    r"administration|papacy|tenure|government))\b",
    re.I,
)
_RUNNING = LazyPattern(
    r"\bwho\s+(?:is|['’]s)\s+(?:now\s+|still\s+|currently\s+)?(?:running|campaigning|standing|a\s+candidate)\s+for\s+"
    r"(?P<what>president|the\s+presidency|prime\s+minister|the\s+premiership|chancellor|the\s+chancellorship)\b"
    r"(?!\s+of\b)",
    re.I,
)
_OUTGOING = LazyPattern(r"\b[Oo]utgoing\s+(?P<name>[A-Z][\w’'-]+)\s+(?P<what>administration|government)\b")
# Days after the start of a term within which each wording can still be said of the present:
# generous, so only copy left over from the start of a term is reported.
_FIRST_LIMIT = {"days": 90, "weeks": 180, "months": 548, "100 days": 200, "hundred days": 200}
_PRESENT = LazyPattern(r"\b(?:is|are|has|have|says|remains|continues|will)\b|['’]s\s+(?:been|\w+ed)\b", re.I)
_PAST = LazyPattern(r"\b(?:was|were|had|did)\b", re.I)
_WHAT = {"president": "president", "the presidency": "president", "prime minister": "prime minister",
         "the premiership": "prime minister", "chancellor": "chancellor", "the chancellorship": "chancellor"}


class TermStage(FactRule):
    """Claims about where a person stands in a term ("in his first weeks in office",
    "who is running for president", "the outgoing administration") judged against the
    term's dates."""

    kind = "facts-term-stage"
    params = {
        "recent-days": Param(NUMBER, "'who is running for' is judged only when the person took office at most this "
                             "many days before the article date (or was elected and has not yet)", default=400),
    }

    def check(self, doc: Document) -> Iterable[Finding]:
        # Each pattern tried only at the words it can start with (its matches are those of
        # a scan of the whole prose). A union of the three cannot serve as a gate: two of
        # them name a group alike, so it would not compile and would let every draft through.
        firsts = list(wordstarts.finditer(doc, _FIRST))
        running = list(wordstarts.finditer(doc, _RUNNING))
        outgoing = list(wordstarts.finditer(doc, _OUTGOING))
        if not (firsts or running or outgoing):
            return
        a = self.analysis(doc)
        if not a.mentions:
            return
        for hit in firsts:
            f = self._first(doc, a, hit)
            if f is not None:
                yield f
        for hit in running:
            f = self._running(doc, a, hit)
            if f is not None:
                yield f
        for hit in outgoing:
            f = self._outgoing(doc, a, hit)
            if f is not None:
                yield f

    # ------------------------------------------------------------------
    def _first(self, doc: Document, a: "Analysis", hit) -> Finding | None:
        from ..facts.model import fmt_date
        from ..facts.when import periods

        d = a.date
        span = _present_sentence(doc, hit.start())
        if span is None:
            return None
        lo, hi = span
        person = _subject(a, hit.start(), hit.end())
        if person is None:
            return None
        start = _stint_start(person, d)
        if start is None:
            return None
        unit = " ".join(hit.group("unit").lower().split())
        limit = _dt.timedelta(days=_FIRST_LIMIT[unit])
        if d - start <= limit:
            return None
        if any(p.hi - start <= limit for p in periods(doc.prose, lo, hi, d)):
            return None  # "in January, in his first weeks in office": the sentence points back
        return self.finding(
            doc, hit.start(), hit.end(),
            message=(f"'{{match}}': {person.name} has been in office since {fmt_date(start)}, "
                     f"{(d - start).days} days before {fmt_date(d)}"),
        )

    def _running(self, doc: Document, a: "Analysis", hit) -> Finding | None:
        from ..facts.analysis import past_context, sentence_span
        from ..facts.model import fmt_date
        from ..facts.when import periods

        d = a.date
        before = [m for m in a.mentions if m.end <= hit.start() and _COMMA.fullmatch(doc.prose, m.end, hit.start())]
        if not before:
            return None
        m = before[-1]
        what = _WHAT[" ".join(hit.group("what").lower().split())]
        if past_context(doc, hit.start()):
            return None
        recent = d - _dt.timedelta(days=self.options["recent-days"])
        lo, hi = sentence_span(doc, hit.start())
        times = periods(doc.prose, lo, hi, d)
        for t in m.person.terms:
            office = a.base.offices[t.office]
            if what not in {s.lower() for s in office.short_titles} or t.acting:
                continue
            window = t.transition()
            decided = window[0] if window else t.start.lo
            if times and any(p.hi < decided for p in times):
                continue  # the sentence points to a time before the vote
            if t.holds(d) is True and t.start.lo >= recent:
                msg = f"{m.person.name} has been {office.display} since {fmt_date(t.start)}"
            elif window and window[0] <= d < window[1]:
                msg = f"{m.person.name} was elected {office.display} on {fmt_date(t.elected)}"
            else:
                continue
            return self.finding(doc, m.start, hit.end(),
                                message=f"'{{match}}': {msg}; the race is over on {fmt_date(d)}")
        return self._lost(doc, a, m, hit, what, times)

    def _lost(self, doc: Document, a: "Analysis", m, hit, what: str, times) -> Finding | None:
        """Someone else won the election for that office in the person's country in the last
        few months: the race the person was running in is over."""
        from ..facts.model import fmt_date

        d = a.date
        countries = {a.base.offices[t.office].country for t in m.person.terms} - {None}
        if not countries:
            return None
        for office in a.base.offices.values():
            if office.country not in countries or what not in {s.lower() for s in office.short_titles}:
                continue
            for t in office.terms:
                if t.elected is None or t.person == m.person.id or t.acting:
                    continue
                if not (t.elected.hi <= d < t.elected.lo + _LOST_DAYS):
                    continue
                if times and any(p.hi < t.elected.lo for p in times):
                    continue  # the sentence points to a time before the vote
                winner = a.base.people[t.person]
                return self.finding(
                    doc, m.start, hit.end(),
                    message=(f"'{{match}}': {winner.name} was elected {office.display} on {fmt_date(t.elected)}; "
                             f"the race is over on {fmt_date(d)}"))
        return None

    def _outgoing(self, doc: Document, a: "Analysis", hit) -> Finding | None:
        """"the outgoing Biden administration" after the handover."""
        from ..facts.model import fmt_date
        from ..facts.text import norm
        from ..facts.when import periods

        d = a.date
        span = _present_sentence(doc, hit.start())
        if span is None:
            return None  # "the outgoing Biden administration approved ...": a look back at the time
        lo, hi = span
        people = a.index.surname_index.get((norm(hit.group("name")),))
        if not people or len(people) != 1:
            return None
        person = a.base.people[next(iter(people))]
        heads = _GOVERNMENT_HEADS if hit.group("what") == "government" else {"president"}
        terms = [t for t in person.terms if heads & {x.lower() for x in a.base.offices[t.office].short_titles}
                 and not t.acting]
        if not terms or any(t.holds(d) is not False for t in terms):
            return None
        last = max(terms, key=lambda t: t.end_hi)
        if last.end is None or last.end.hi + _HANDOVER_GRACE > d:
            return None
        if any(p.lo < last.end.hi for p in periods(doc.prose, lo, hi, d)):
            return None  # the sentence points to a time before the handover
        office = a.base.offices[last.office]
        return self.finding(doc, hit.start(), hit.end(),
                            message=(f"'{{match}}': {person.name} left office as {office.display} on "
                                     f"{fmt_date(last.end)}; 'outgoing' is out of date on {fmt_date(d)}"))


_LOST_DAYS = _dt.timedelta(days=120)  # after this, "running for president" may be the next race
_GOVERNMENT_HEADS = {"prime minister", "chancellor", "premier", "taoiseach", "federal chancellor"}
_HANDOVER_GRACE = _dt.timedelta(days=14)  # copy may still say "outgoing" in the days after the handover
_BEFORE_PHRASE = LazyPattern(r"(?:,|\s+(?:is|remains|has\s+been))\s*\Z")
_AFTER_PHRASE = LazyPattern(r",\s*\Z")
_COMMA = LazyPattern(r",\s+")


def _subject(a: "Analysis", start: int, end: int) -> "Person | None":
    """Whose term "in his first weeks in office" is about: the known person right before it
    ("Trump, in his first weeks ...", "Starmer is in his first days ...") or right after it
    ("In his first weeks in office, Trump ..."). Anyone else in the sentence may not be "his"."""
    prose = a.doc.prose
    for m in a.mentions:
        if m.end <= start and _BEFORE_PHRASE.match(prose, m.end, start) and start - m.end < 16:
            return m.person
        lo = m.title.start if m.title else m.start
        if lo >= end and _AFTER_PHRASE.match(prose, end, lo) and lo - end < 4:
            return m.person
    return None


def _stint_start(person: "Person", d: _dt.date) -> _dt.date | None:
    """When the person's current time in office began: the latest term that holds on ``d``, traced
    back through terms of the same office that ran on without a break (a re-election)."""
    current: list[Term] = [t for t in person.terms if t.holds(d) is True and not t.acting]
    if not current:
        return None
    t = max(current, key=lambda t: t.start.lo)
    start = t.start.lo
    same = sorted((x for x in person.terms if x.office == t.office), key=lambda x: x.start.lo)
    changed = True
    while changed:
        changed = False
        for x in same:
            if x.end is not None and x.start.lo < start and x.end.hi >= start:
                start, changed = x.start.lo, True
    return start


def _present_sentence(doc: Document, at: int) -> tuple[int, int] | None:
    """The span of the sentence at ``at`` when it speaks in the present tense and is not set in
    the past; None otherwise (a stage of a term is judged only as a claim about now)."""
    from ..facts.analysis import past_context, sentence_span

    lo, hi = sentence_span(doc, at)
    sentence = doc.prose[lo:hi]
    if not _PRESENT.search(sentence) or _PAST.search(sentence) or past_context(doc, at):
        return None
    return lo, hi
