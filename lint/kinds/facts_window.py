"""``facts-window``: phrases true only in a window of time, used outside it.

"President-elect Trump" or "the incoming U.S. administration" after the inauguration,
"before officially taking office" when the person took office months ago, "incoming
Chancellor Friedrich Merz" when he already holds the office. Windows come from the
fact packs' ``phrases`` (tied to an office) and from the rule's own ``phrases``
(tied to whoever the sentence names).
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple

from ..document import Document
from ..facts.rulebase import FactRule
from ..findings import Finding
from ..regexgate import AnyOf
from ..rule import BOOLEAN, NUMBER, Param, ParamError, compile_regex
from ..text.lazyre import lazy


if TYPE_CHECKING:  # pragma: no cover
    from ..facts.analysis import Analysis
    from ..facts.model import Person, Term


def _an():
    from ..facts import analysis

    return analysis


def _when():
    from ..facts import when

    return when


def fmt_date(d):
    from ..facts.model import fmt_date as f

    return f(d)


class GenericPhrase(NamedTuple):
    pattern: re.Pattern
    title: str | None  # the person must hold (or be about to hold) an office with this title word
    tense: str  # any | present: the sentence must speak of the present or future
    near: str = "sentence"  # sentence | adjacent | sole: whose phrase it is (adjacent: "president-elect Trump";
    # sole: the one person the sentence names, when it names nobody else the packs may not know)


def _phrases(value: Any) -> tuple[GenericPhrase, ...]:
    if not isinstance(value, list):
        raise ParamError("expected a list of {pattern, title, tense, near}")
    out = []
    for item in value:
        if isinstance(item, str):
            item = {"pattern": item}
        if not isinstance(item, dict) or "pattern" not in item or set(item) - {"pattern", "title", "tense", "near"}:
            raise ParamError("each phrase is a regex or a mapping {pattern, title, tense, near}")
        tense = item.get("tense", "any")
        if tense not in ("any", "present"):
            raise ParamError("'tense' is 'any' or 'present'")
        near = item.get("near", "sentence")
        if near not in ("sentence", "adjacent", "sole"):
            raise ParamError("'near' is 'sentence', 'adjacent' or 'sole'")
        out.append(GenericPhrase(compile_regex(item["pattern"], re.I), item.get("title"), tense, near))
    return tuple(out)


_PRESENT = lazy(
    r"\b(?:will|won't|would|is|are|isn't|aren't|'s|expects?|is expected|are expected|plans?|intends?|hopes?|aims?|"
    r"wants?|is set|are set|is due|are due|is poised|is preparing|prepares|seeks?|vows?|pledges?|promises?|"
    r"has (?:vowed|pledged|promised|said|signalled|signaled)|says|tells|urges)\b",
    re.I,
)
_HAD = lazy(r"\bhad\b", re.I)
_CAPITALISED = lazy(r"(?<![\w’'-])[A-Z][\w’'.-]*")
_FUTURE_MODS = {"incoming", "elect", "designate", "future", "would-be", "presumptive"}


class WindowPhrase(FactRule):
    """Phrases true only in a window of time ("president-elect", "incoming
    administration", "before taking office") used outside it, judged against the
    person the sentence names."""

    kind = "facts-window"
    params = {
        "phrases": Param(_phrases, "generic phrases judged against the person the sentence names: regexes or "
                         "{pattern, title (a title word the person must hold), tense: any|present, "
                         "near: sentence|adjacent|sole (whose phrase it is)}", default=(),
                         type="list of regexes or {pattern, title, tense, near} mappings"),
        "fact-pack-phrases": Param(BOOLEAN, "also check the fact packs' window phrases", default=True),
        "modifiers": Param(BOOLEAN, "also check 'incoming <title> <person>' against the person's terms", default=True),
        "recent-days": Param(NUMBER, "generic phrases only concern terms that started at most this many days "
                             "before the article date (or start after it); copy is 'too early' only for a "
                             "window opening at most this many days after it", default=400),
    }

    def setup(self) -> None:
        self._generic_gate = AnyOf(ph.pattern for ph in self.options["phrases"])
        self._pack_gate: tuple[object, AnyOf] | None = None  # (fact base, its phrases' gate)

    def check(self, doc: Document) -> Iterable[Finding]:
        a = self.analysis(doc)
        done: list[tuple[int, int]] = []
        if self.options["fact-pack-phrases"]:
            for f in self._pack_phrases(doc, a):
                done.append((f.start, f.end))
                yield f
        for f in self._generic(doc, a, done):
            done.append((f.start, f.end))
            yield f
        if self.options["modifiers"]:
            for f in self._modifiers(doc, a, done):
                yield f

    # ------------------------------------------------------------------
    def _pack_phrases(self, doc: Document, a: Analysis) -> Iterable[Finding]:
        base = a.base
        if self._pack_gate is None or self._pack_gate[0] is not base:
            self._pack_gate = (base, AnyOf(rx for ph in base.phrases for rx in ph.patterns))
        if not self._pack_gate[1].found_in(doc):
            return
        for ph in base.phrases:
            office = base.offices.get(ph.office)
            if office is None:
                continue
            for rx in ph.patterns:
                for hit in rx.finditer(doc.prose):
                    s, e = hit.span()
                    if e <= s:
                        continue
                    people = [base.people[ph.person]] if ph.person else self._people_at(a, s, e, {office.id})
                    terms = [t for t in office.terms if not people or t.person in {p.id for p in people}]
                    f = self._judge(doc, a, s, e, terms, office.display)
                    if f is not None:
                        yield f

    def _generic(self, doc: Document, a: Analysis, done) -> Iterable[Finding]:
        base = a.base
        if not self._generic_gate.found_in(doc):
            return
        for ph in self.options["phrases"]:
            for hit in ph.pattern.finditer(doc.prose):
                s, e = hit.span()
                if e <= s or any(s < de and ds < e for ds, de in done):
                    continue
                if ph.tense == "present":
                    lo, hi = _an().sentence_span(doc, s)
                    sentence = doc.prose[lo:hi]
                    if not _PRESENT.search(sentence) or _HAD.search(sentence):
                        continue
                if ph.near == "adjacent":
                    people = self._people_adjacent(a, s, e)
                elif ph.near == "sole":
                    people = self._people_sole(a, s)
                else:
                    people = self._people_near(a, s)
                if not people:
                    continue
                terms: list[Term] = []
                for p in people:
                    for t in p.terms:
                        o = base.offices[t.office]
                        if ph.title and ph.title.lower() not in {x.lower() for x in o.short_titles}:
                            continue  # "President" is not "Vice President"
                        if t.start.lo < a.date - _dt.timedelta(days=self.options["recent-days"]):
                            continue
                        terms.append(t)
                if not terms:
                    continue
                label = base.offices[terms[0].office].display
                f = self._judge(doc, a, s, e, terms, label, need_transition=False)
                if f is not None:
                    yield f

    def _modifiers(self, doc: Document, a: Analysis, done) -> Iterable[Finding]:
        base, d = a.base, a.date
        for m in a.mentions:
            if m.modifier != "future" or m.modifier_word.lower() not in _FUTURE_MODS or m.modifier_start is None:
                continue
            if any(m.span_start < de and ds < m.end for ds, de in done):
                continue
            offices = _an().office_list(base, m)
            for o in offices:
                if base.holds(m.person.id, o.id, d) is True and not _an().past_context(doc, m.start):
                    term = next(t for t in m.person.terms if t.office == o.id and t.holds(d) is True)
                    times = _an().mentioned_times(doc, m.start, d) + _when().sentence_periods(doc, m.start, d)
                    times = [t for t in times if t[1] < d]
                    if times and any(term.start.lo > hi for _, hi in times):
                        continue
                    title = doc.text[m.title.start:m.end] if m.title else doc.text[m.start:m.end]
                    yield self.finding(
                        doc, m.span_start, m.end,
                        message=(f"'{{match}}': {m.person.name} has been {o.display} since {fmt_date(term.start)}; "
                                 f"'{m.modifier_word}' is out of date on {fmt_date(d)}"),
                        suggestions=(title,),
                    )
                    break

    # ------------------------------------------------------------------
    def _people_at(self, a: Analysis, s: int, e: int, offices: set[str]) -> list[Person]:
        """People named inside or right after a phrase match who held one of the offices."""
        out = []
        for m in a.mentions:
            if m.start >= s and m.start <= e + 2 and any(t.office in offices for t in m.person.terms):
                out.append(m.person)
        return out

    def _people_adjacent(self, a: Analysis, s: int, e: int) -> list[Person]:
        """The person the phrase is attached to: "president-elect Trump", "Trump, the president-elect"."""
        prose = a.doc.prose
        out = []
        for m in a.mentions:
            lo = m.title.start if m.title else m.start
            if e <= lo and re.fullmatch(r"[\s,]{0,3}", prose[e:lo]):
                out.append(m.person)
            elif m.end <= s and re.fullmatch(r",?\s*(?:the\s+|who\s+is\s+(?:the\s+)?|as\s+)?(?:[A-Z][\w.]*\s+)?", prose[m.end:s]):
                out.append(m.person)
        return out

    def _people_sole(self, a: Analysis, offset: int) -> list[Person]:
        """The one known person the sentence names, when no other capitalised word in it could
        be someone else ("Trump said Mamdani would act once he is sworn in" names two)."""
        from ..datetext import MONTHS, WEEKDAYS

        doc = a.doc
        lo, hi = _an().sentence_span(doc, offset)
        here = [m for m in a.mentions if lo <= m.start < hi]
        if len({m.person.id for m in here}) != 1:
            return []
        spans = [(m.span_start, m.end) for m in here]
        first = True
        for w in _CAPITALISED.finditer(doc.prose, lo, hi):
            if first:
                first = False
                continue  # the sentence's first word
            word = w.group()
            if any(s <= w.start() < e for s, e in spans) or word.lower().rstrip(".") in MONTHS \
                    or word.lower() in WEEKDAYS or word == "I" or not any(c.islower() for c in word):
                continue  # dates, and abbreviations ("U.S.", "NATO"), are nobody
            return []
        return [here[0].person]

    def _people_near(self, a: Analysis, offset: int) -> list[Person]:
        """People the sentence names (or, failing that, the previous sentence of the paragraph)."""
        doc = a.doc
        lo, hi = _an().sentence_span(doc, offset)
        found = [m.person for m in a.mentions if lo <= m.start < hi]
        if not found:
            block = doc.block_at(offset)
            prev = [m for m in a.mentions if m.start < lo and (block is None or m.start >= block.start)]
            if prev:
                last_sentence = _an().sentence_span(doc, prev[-1].start)
                found = [m.person for m in prev if m.start >= last_sentence[0]]
        return list(dict.fromkeys(found))

    def _judge(self, doc: Document, a: Analysis, s: int, e: int, terms: list[Term], label: str,
               need_transition: bool = True) -> Finding | None:
        d = a.date
        windows = []
        for t in terms:
            w = t.transition()
            if w is None:
                if need_transition:
                    continue
                w = (t.start.lo - _dt.timedelta(days=120), t.start.lo)
            windows.append((w, t))
        if not windows:
            return None
        if any(lo <= d < hi for (lo, hi), _ in windows):
            return None
        if any(t.start.lo > d for _, t in windows) and not any(t.transition() for _, t in windows):
            return None  # an upcoming term with no known election day: cannot tell
        if _an().past_context(doc, s) or re.search(r"then[-\s]*$", doc.prose[max(0, s - 6):s], re.I):
            return None
        times = _an().mentioned_times(doc, s, d) + _when().sentence_periods(doc, s, d)
        for tlo, thi in times:
            if any(lo <= thi and tlo < hi for (lo, hi), _ in windows):
                return None
        past = [(w, t) for w, t in windows if w[1] <= d]
        # Copy is "too early" only for a window that opens soon: "the incoming administration"
        # in 2019 is not about the election of 2024.
        horizon = _dt.timedelta(days=self.options["recent-days"])
        future = [(w, t) for w, t in windows if d < w[0] <= d + horizon]
        if past and future:
            last = max(past, key=lambda x: x[0][1])
            nxt = min(future, key=lambda x: x[0][0])
            if (nxt[0][0] - d) < (d - last[0][1]):
                past = []  # the next window is nearer: the copy is early, not late
        if past:
            (_, _), t = max(past, key=lambda x: x[0][1])
            person = a.base.people[t.person]
            office = a.base.offices[t.office]
            msg = (f"'{{match}}' is out of date on {fmt_date(d)}: {person.name} took office as "
                   f"{office.display} on {fmt_date(t.start)}")
        elif future:
            (lo, _), t = min(future, key=lambda x: x[0][0])
            person = a.base.people[t.person]
            msg = (f"'{{match}}' on {fmt_date(d)} is too early: {person.name} was not elected "
                   f"{a.base.offices[t.office].display} until {fmt_date(lo)}")
        else:
            return None
        return self.finding(doc, s, e, message=msg)
