"""Dates as news copy writes them: "Nov. 22, 2025", "22 November 2025", "2025-11-22".

Shared by the article-date resolver (datelines) and the date rules.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Iterable, Iterator, NamedTuple


if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
_MONTH = r"(?P<{g}>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|Jul(?:y|\.)?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
_WEEKDAY = r"(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*,?\s+)?"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:1[89]|20)\d\d)"

DATE_RE = re.compile(
    r"(?<![\w.])(?:"
    + _WEEKDAY
    + r"(?:"
    + _MONTH.format(g="m1") + r"\s+" + _DAY.format(g="d1") + r"(?:\s*,\s*" + _YEAR.format(g="y1") + r")?"
    + r"|(?:the\s+)?" + _DAY.format(g="d2") + r"(?:\s+of)?\s+" + _MONTH.format(g="m2") + r"(?:\s*,?\s*" + _YEAR.format(g="y2") + r")?"
    + r")|(?P<iso>(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)))(?![\w])"
)


class DateMention(NamedTuple):
    start: int
    end: int
    year: int | None
    month: int
    day: int
    weekday: int | None  # 0 = Monday
    weekday_span: tuple[int, int] | None

    def resolve(self, default_year: int | None) -> _dt.date | None:
        """The calendar date, or None when impossible (Feb. 30) or the year is unknown."""
        year = self.year or default_year
        if year is None:
            return None
        try:
            return _dt.date(year, self.month, self.day)
        except ValueError:
            return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> Iterator[DateMention]:
    end = len(text) if end is None else end
    return mentions(DATE_RE.finditer(text, start, end))


# The words (``\\w+`` runs, in lower case) a match of DATE_RE can start with besides those
# that start with a digit (a day, an ISO date's year): a weekday, a month as DATE_RE
# spells them ("Sept?(?:ember|\.)?" also spells "Sepember"), and "the". Each is followed by
# a space, a comma or a period, so the match's first word is one of them whole.
_FIRST_WORDS = frozenset(
    "the monday tuesday wednesday thursday friday saturday sunday jan january feb february mar march "
    "apr april may jun june jul july aug august sep sept september sepember oct october nov november "
    "dec december".split())


def date_matches(doc: "Document") -> list[re.Match]:
    """Every match of DATE_RE in the draft's prose, found once per document."""
    return doc.derived("date-matches", lambda: _date_matches(doc))


def _date_matches(doc: "Document") -> list[re.Match]:
    """``list(DATE_RE.finditer(doc.prose))``, the pattern tried only where a match can
    start: at a word (nothing word-like or a period before it) that is one of
    _FIRST_WORDS, or starts with a digit, looked up in the draft's word index (every
    word with other than ASCII letters and digits is tried: ``\\d`` takes other digits)."""
    from bisect import bisect_left

    from . import wordstarts

    index = wordstarts.word_starts(doc)
    keys, starts = index.keys, index.starts
    # The keys are sorted: those before "a" start with a digit (or an underscore).
    places = starts[:bisect_left(keys, "a")] + index.always
    for word in _FIRST_WORDS.intersection(index.distinct()):
        places += index.exactly(word)
    places.sort()
    prose = doc.prose
    match = DATE_RE.match
    out: list[re.Match] = []
    after = 0
    for p in places:
        if p < after:
            continue
        m = match(prose, p)
        if m is not None:
            # No match is empty: the next starts at or after this one's end, as in finditer.
            out.append(m)
            after = m.end()
    return out


def mentions(matches: Iterable[re.Match]) -> Iterator[DateMention]:
    """The dates that DATE_RE's matches stand for (impossible months and day 0 dropped)."""
    for m in matches:
        if m.group("iso"):
            year, month, day = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
        else:
            mname = m.group("m1") or m.group("m2")
            day = int(m.group("d1") or m.group("d2"))
            ytext = m.group("y1") or m.group("y2")
            year = int(ytext) if ytext else None
            month = MONTHS[mname.rstrip(".").lower()]
            if mname == "May" and m.group("d2") and not ytext:
                # "7 May" is fine, but "may" the verb is lower case and never matches.
                pass
        if not (1 <= month <= 12) or day == 0:
            continue
        wd = m.group("wd")
        yield DateMention(
            m.start(), m.end(), year, month, day,
            WEEKDAYS[wd.lower()] if wd else None,
            m.span("wd") if wd else None,
        )


def first_full_date(text: str, start: int = 0, end: int | None = None) -> _dt.date | None:
    """The first mention with a year that is a real calendar date."""
    for d in find_dates(text, start, end):
        if d.year is not None:
            resolved = d.resolve(None)
            if resolved is not None:
                return resolved
    return None
