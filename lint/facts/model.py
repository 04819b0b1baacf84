"""The fact base: people, offices, terms of office and window phrases, queried by date.

Dates in a fact pack are usually exact days. Imported data sometimes knows only the
year or the month (Wikidata precision 9 or 10), so every date here is a *range* of
possible days (:class:`FuzzyDate`). Queries answer ``True``, ``False`` or ``None``
(cannot tell): a rule only fires on a definite answer.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator, NamedTuple

_ONE_DAY = _dt.timedelta(days=1)
FOREVER = _dt.date.max


class FuzzyDate(NamedTuple):
    """A day known exactly (``lo == hi``) or only to the month or year."""

    lo: _dt.date
    hi: _dt.date
    text: str = ""

    @property
    def exact(self) -> bool:
        return self.lo == self.hi

    @classmethod
    def day(cls, d: _dt.date) -> "FuzzyDate":
        return cls(d, d, d.isoformat())

    @classmethod
    def parse(cls, value: object) -> "FuzzyDate":
        """``date``, ``"YYYY-MM-DD"``, ``"YYYY-MM"``, ``YYYY`` or ``"YYYY"``; raises ValueError."""
        if isinstance(value, _dt.datetime):
            value = value.date()
        if isinstance(value, _dt.date):
            return cls.day(value)
        if isinstance(value, bool):
            raise ValueError("expected a date")
        if isinstance(value, int):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError("expected a date as YYYY-MM-DD (or YYYY-MM / YYYY when only that is known)")
        s = value.strip()
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", s)
        if not m:
            raise ValueError(f"'{value}' is not a date as YYYY-MM-DD (or YYYY-MM / YYYY)")
        y = int(m.group(1))
        if m.group(3):
            return cls.day(_dt.date(y, int(m.group(2)), int(m.group(3))))
        if m.group(2):
            month = int(m.group(2))
            last = calendar.monthrange(y, month)[1]
            return cls(_dt.date(y, month, 1), _dt.date(y, month, last), s)
        return cls(_dt.date(y, 1, 1), _dt.date(y, 12, 31), s)

    def __str__(self) -> str:
        return self.text or self.lo.isoformat()


def fmt_date(d: _dt.date | FuzzyDate | None) -> str:
    """AP style: ``Jan. 20, 2025``; months with five letters or fewer spelled out."""
    if d is None:
        return "?"
    if isinstance(d, FuzzyDate):
        if d.exact:
            d = d.lo
        elif d.lo.month == d.hi.month:
            return f"{_AP_MONTHS[d.lo.month - 1]} {d.lo.year}".replace(".", "")
        else:
            return str(d.lo.year)
    return f"{_AP_MONTHS[d.month - 1]} {d.day}, {d.year}"


_AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


@dataclass(eq=False)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
    born: FuzzyDate | None = None
    died: FuzzyDate | None = None
    surnames: tuple[str, ...] = ()  # explicit ``surname`` key, if any
    wikidata: str | None = None
    pack: str = ""
    source: str = ""  # file:line
    terms: list["Term"] = field(default_factory=list, repr=False)

    def dead_on(self, d: _dt.date) -> bool | None:
        if self.died is None:
            return False
        if d > self.died.hi:
            return True
        if d <= self.died.lo:
            return False
        return None

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(eq=False)
class Office:
    id: str
    titles: tuple[str, ...]
    short_titles: tuple[str, ...] = ()
    single_holder: bool = True
    country: str | None = None
    label: str | None = None
    wikidata: str | None = None
    pack: str = ""
    source: str = ""
    terms: list["Term"] = field(default_factory=list, repr=False)

    @property
    def display(self) -> str:
        """How messages name the office: ``U.S. president``, ``NATO secretary-general``."""
        if self.label:
            return self.label
        title = self.titles[0] if self.titles else self.id
        # Lower-case the office words after a capitalised qualifier (AP: titles alone are lower case).
        words = title.split()
        out = []
        for i, w in enumerate(words):
            if i > 0 and w[:1].isupper() and all(part.lower() in _OFFICE_WORDS for part in w.split("-")):
                w = w.lower()
            out.append(w)
        if len(out) == 1:
            out[0] = out[0].lower()  # "Pope", "Patriarch": a title alone is lower case
        return " ".join(out)


_OFFICE_WORDS = {
    "president", "chancellor", "prime", "minister", "premier", "pope", "king", "queen", "emperor",
    "secretary", "secretary-general", "general", "vice", "vice-president", "press", "chief", "leader",
    "monarch", "chairperson", "chairman", "of", "state", "high", "representative", "crown", "prince",
    "federal", "envoy", "special", "spokesperson", "spokesman", "spokeswoman",
}


@dataclass(eq=False)
class Term:
    office: str
    person: str
    start: FuzzyDate
    end: FuzzyDate | None = None  # exclusive; None = open (still in office at as_of)
    end_unknown: bool = False  # ended, but when is not known
    elected: FuzzyDate | None = None
    acting: bool = False
    pack: str = ""
    source: str = ""
    as_of: _dt.date | None = None

    @property
    def end_lo(self) -> _dt.date:
        if self.end is not None:
            return self.end.lo
        if self.end_unknown:
            return self.start.hi + _ONE_DAY
        return FOREVER

    @property
    def end_hi(self) -> _dt.date:
        if self.end is not None:
            return self.end.hi
        if self.end_unknown:
            return self.as_of or FOREVER
        return FOREVER

    def holds(self, d: _dt.date) -> bool | None:
        """Whether the term covers day ``d``: True, False, or None when the data cannot tell."""
        if self.start.hi <= d < self.end_lo:
            return True
        if d < self.start.lo or d >= self.end_hi:
            return False
        return None

    def not_started_on(self, d: _dt.date) -> bool:
        """The term had definitely not started on ``d`` (``d`` falls before it)."""
        return d < self.start.lo

    def ended_by(self, d: _dt.date) -> bool:
        """The term had definitely ended by ``d`` (``d`` falls after it)."""
        return d >= self.end_hi

    def overlaps_year(self, year: int) -> bool:
        lo, hi = _dt.date(year, 1, 1), _dt.date(year, 12, 31)
        return self.start.lo <= hi and self.end_hi > lo

    def transition(self) -> tuple[_dt.date, _dt.date] | None:
        """The president-elect window ``[elected, start)``, when the election day is known."""
        if self.elected is None:
            return None
        return self.elected.lo, self.start.lo

    @property
    def open(self) -> bool:
        return self.end is None and not self.end_unknown


@dataclass(eq=False)
class Phrase:
    id: str
    office: str
    window: str
    patterns: tuple[re.Pattern, ...]
    person: str | None = None
    pack: str = ""
    source: str = ""


@dataclass(eq=False)
class FactPack:
    name: str
    path: str
    as_of: _dt.date
    description: str = ""
    sources: dict = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    phrases: list[Phrase] = field(default_factory=list)


class FactBase:
    """Every loaded fact pack, cross-referenced: people and offices by id, terms by both."""

    def __init__(self, packs: Iterable[FactPack]) -> None:
        self.packs: list[FactPack] = list(packs)
        self.people: dict[str, Person] = {}
        self.offices: dict[str, Office] = {}
        self.terms: list[Term] = []
        self.phrases: list[Phrase] = []
        for pack in self.packs:
            for p in pack.people:
                self.people.setdefault(p.id, p)
            for o in pack.offices:
                self.offices.setdefault(o.id, o)
        for pack in self.packs:
            for t in pack.terms:
                if t.person in self.people and t.office in self.offices:
                    self.terms.append(t)
                    self.people[t.person].terms.append(t)
                    self.offices[t.office].terms.append(t)
            self.phrases.extend(pack.phrases)
        for o in self.offices.values():
            o.terms.sort(key=lambda t: t.start.lo)
        for p in self.people.values():
            p.terms.sort(key=lambda t: t.start.lo)
        self._index = None

    # ------------------------------------------------------------------ queries
    @property
    def as_of(self) -> _dt.date | None:
        """The earliest ``as_of`` of the loaded packs (the base is current to that day)."""
        return min((p.as_of for p in self.packs), default=None)

    def stale_packs(self, d: _dt.date) -> list[FactPack]:
        return [p for p in self.packs if d > p.as_of]

    def holders(self, office: str, d: _dt.date) -> list[Person]:
        """Who definitely held ``office`` on day ``d`` (empty when vacant or unknown)."""
        o = self.offices.get(office)
        if o is None:
            return []
        return [self.people[t.person] for t in o.terms if t.holds(d) is True]

    def holder_terms(self, office: str, d: _dt.date) -> list[Term]:
        o = self.offices.get(office)
        return [t for t in o.terms if t.holds(d) is True] if o else []

    def holds(self, person: str, office: str, d: _dt.date) -> bool | None:
        """True/False, or None when a fuzzy date makes it undecidable."""
        answer: bool | None = False
        for t in self.terms_of(person, office):
            h = t.holds(d)
            if h is True:
                return True
            if h is None:
                answer = None
        return answer

    def terms_of(self, person: str, office: str | None = None) -> list[Term]:
        p = self.people.get(person)
        if p is None:
            return []
        return [t for t in p.terms if office is None or t.office == office]

    def offices_of(self, person: str) -> list[Office]:
        seen: dict[str, Office] = {}
        for t in self.terms_of(person):
            seen.setdefault(t.office, self.offices[t.office])
        return list(seen.values())

    def iter_forms(self) -> Iterator[tuple[Person, str, str]]:
        """``(person, form, kind)`` for every written form; kind is name, alias or misspelling."""
        for p in self.people.values():
            yield p, p.name, "name"
            for a in p.aliases:
                yield p, a, "alias"
            for m in p.misspellings:
                yield p, m, "misspelling"

    @property
    def index(self):
        """The compiled name and title index (built on first use)."""
        if self._index is None:
            from .index import NameIndex

            self._index = NameIndex(self)
        return self._index
