"""``facts-deceased``: a person who had died by the article date described as acting now.

"Pope Francis said on Sunday" in November 2025 (he died April 21, 2025). Left alone:
"the late Pope Francis", dated references ("in 2019 Pope Francis said", "On March 2,
Francis ..." before the death), past perfect and sentences about the death itself.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Iterable

from typing import TYPE_CHECKING

from ..datetext import WEEKDAYS, find_dates
from ..document import Document
from ..facts.rulebase import FactRule
from ..findings import Finding
from ..text.lazyre import lazy

_DEATH = lazy(
    r"\b(?:died|dies|dying|death|deaths|dead|the late|funeral|funerals|burial|buried|posthumous(?:ly)?|memorial|"
    r"mourn(?:s|ed|ing|ers)?|obituary|tribute|tributes|legacy|passed away|passing|succeeded|successor|"
    r"assassinat\w*|killed|remembered|remembrance|honou?r(?:ed|ing)? the memory|anniversary|lifetime|"
    r"conclave|sede vacante|(?:lying|lay|lies) in state|requiem|eulog\w*|condolence\w*|would have|predecessor|grave|tomb)\b",
    re.I,
)
_HAD = lazy(r"\bhad\b|\bhad\s+been\b", re.I)
# A verb right after the name that puts the person in the present.
_PRESENT_VERB = lazy(
    r"\s*(?:,[^,]{1,80},\s*)?(?:also\s+|again\s+|now\s+|still\s+|on \w+\s+)?"
    r"(?:says|is|are|has|have|will|won't|wants|urges|calls|tells|plans|hopes|believes|thinks|argues|warns|"
    r"insists|visits|meets|leads|holds|remains|continues|appeals|asks|welcomes|condemns|praises|denies|"
    r"announces|expects|intends|seeks|opposes|supports|vows|pledges|prays|blesses|greets|receives|"
    r"addresses|writes|speaks|returns|travels|signs|wishes|demands|proposes|accepts|rejects)\b",
    re.I,
)
_RECENT = lazy(
    r"\b(?:today|tonight|yesterday|this (?:week|weekend|month|morning|afternoon|evening)|last (?:week|weekend|night)|"
    r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?(?! *,? *(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.? *\d)|"
    r"earlier this (?:week|month)|recently|hours? (?:ago|earlier)|days? ago|on Sunday)\b",
)


_AGENCY = lazy(
    r"(?:at the (?:request|invitation|urging|behest|initiative) of|requested by|brokered by|mediated by|"
    r"thanks to|with the help of|after (?:an? )?(?:appeal|plea|request|call|intervention)s? (?:from|by))"
    r"\s+(?:the\s+)?\Z",
    re.I,
)


if TYPE_CHECKING:  # pragma: no cover
    from ..facts.analysis import Mention


class DeceasedActing(FactRule):
    """A person who had died by the article's date described as acting now, with the
    date of death from the fact packs."""

    kind = "facts-deceased"
    params: dict = {}

    def check(self, doc: Document) -> Iterable[Finding]:
        from ..facts.analysis import sentence_span
        from ..facts.model import fmt_date

        a = self.analysis(doc)
        d = a.date
        reported_sentences: set[int] = set()
        for m in a.mentions:
            p = m.person
            if p.dead_on(d) is not True or p.died is None:
                continue
            if m.modifier == "past" or m.kind == "misspelling":
                continue
            lo, hi = sentence_span(doc, m.start)
            if lo in reported_sentences:
                continue
            reason = self._acting(doc, m, lo, hi, d, p.died.hi)
            if reason is None:
                continue
            reported_sentences.add(lo)
            start = m.title.start if m.title else m.start
            yield self.finding(
                doc, start, m.end,
                message=(f"'{{match}}': {p.name} died on {fmt_date(p.died)}, but the sentence "
                         f"describes {p.name} acting {reason}"),
            )

    def _acting(self, doc: Document, m: "Mention", lo: int, hi: int, d: _dt.date, died: _dt.date) -> str | None:
        from ..facts.analysis import mentioned_times, past_context
        from ..facts.model import fmt_date

        sentence = doc.prose[lo:hi]
        # Past perfect usually looks back before the death ("had met Pope Francis"), unless a
        # recent day pins it to this week ("had been raised ... during a call on Sunday").
        if _DEATH.search(sentence) or past_context(doc, m.start):
            return None
        if _HAD.search(sentence) and not _RECENT.search(sentence):
            return None
        # explicit dates decide
        dates = [x.resolve(None) for x in find_dates(doc.prose, lo, hi) if x.year is not None]
        dates = [x for x in dates if x is not None]
        if dates:
            after = [x for x in dates if x > died]
            return f"on {fmt_date(after[0])}" if after else None
        years = mentioned_times(doc, m.start, d)
        if years:
            if all(y_lo.year <= died.year for y_lo, _ in years):
                return None
        # undated: a date without a year, read in the article's year
        for x in find_dates(doc.prose, lo, hi):
            if x.year is None:
                day = x.resolve(d.year)
                if day is not None and day > d:
                    day = x.resolve(d.year - 1)
                if day is not None:
                    return f"on {fmt_date(day)}" if day > died else None
        tail = doc.prose[m.end:hi]
        if _PRESENT_VERB.match(tail):
            return "in the present"
        rec = _RECENT.search(sentence)
        start = m.title.start if m.title else m.start
        if rec is None and _AGENCY.search(doc.prose, max(0, start - 60), start):
            # "The prisoners were freed at the request of Pope Francis." after "on Saturday" in the paragraph
            block = doc.block_at(m.start)
            if block is not None:
                rec = _RECENT.search(doc.prose, block.start, block.end)
                if rec is not None and _DEATH.search(doc.prose, block.start, block.end):
                    rec = None
        if rec:
            word = rec.group().lower()
            day = _resolve_recent(word, d)
            if day is None or day > died:
                return f"recently ('{rec.group()}')"
        return None


def _resolve_recent(word: str, d: _dt.date) -> _dt.date | None:
    if "yesterday" in word:
        return d - _dt.timedelta(days=1)
    if word in ("today", "tonight") or word.startswith("this"):
        return d
    if word.startswith("last"):
        return d - _dt.timedelta(days=7)
    for name, wd in WEEKDAYS.items():
        if len(name) > 3 and name in word:
            back = (d.weekday() - wd) % 7
            return d - _dt.timedelta(days=back)
    return None

