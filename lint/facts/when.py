"""Time wording in a sentence resolved to the days it points to, from the article's date.

"on Friday", "earlier this month", "in March", "last year", "next year", "two years ago",
"in 2019", "on Dec. 3": each names a period, and a claim about who held an office is
judged over that period rather than at the article's date. Wording that cannot be
worked out from the article date alone ("at the time", "years later") is not returned;
callers fall back to the article date, or to their own markers of the past.

Resolution follows the conventions of news copy: a weekday without a date is the last
such day on or before the article date (the next one when the sentence speaks of the
future), a month without a year is the last such month (the next one for the future),
and a day without a year likewise (the last one, or the next one for the future).
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from typing import TYPE_CHECKING, NamedTuple

from ..datetext import MONTHS, WEEKDAYS, find_dates
from ..text.lazyre import lazy

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Document

_D = _dt.timedelta


class Period(NamedTuple):
    """A span of wording and the days it points to (``lo`` to ``hi``, both included)."""

    start: int
    end: int
    lo: _dt.date
    hi: _dt.date


_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None}
_MONTH_NAMES = (r"January|February|March|April|May|June|July|August|September|October|November|December|"
                r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.")
_WEEKDAY_NAMES = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

# One pattern for every relative wording, so a sentence is scanned once.
_WORDING = lazy(
    r"\b(?:"
    r"(?P<ago>(?i:(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<unit>day|week|month|year|decade)s?\s+ago))"
    r"|(?P<rel>(?i:(?P<which>this|last|next|earlier\s+this|later\s+this|early\s+this|late\s+last|early\s+last|"
    r"late\s+this|earlier\s+last)\s+(?P<span>week|weekend|month|year|spring|summer|autumn|fall|winter)))"
    r"|(?P<day>(?i:today|tonight|yesterday|tomorrow|this\s+morning|this\s+afternoon|this\s+evening|last\s+night))"
    r"|(?P<recent>(?i:in\s+recent\s+(?:days|weeks|months)|over\s+the\s+(?:past|last)\s+(?:few\s+)?"
    r"(?:days|weeks|month|months)|at\s+the\s+weekend|over\s+the\s+weekend))"
    r"|(?P<wdprefix>(?i:last|next|this|on)\s+)?(?P<wd>" + _WEEKDAY_NAMES + r")(?:['’]s)?(?!\s*,?\s*(?:"
    + _MONTH_NAMES + r")\s*\d)"
    r"|(?P<mprefix>(?i:in|last|next|this|since|by|until|early|late|mid|earlier\s+in|later\s+in)[\s-]+)?"
    r"(?:(?i:early|late|mid)[\s-]+)?(?P<month>" + _MONTH_NAMES + r")(?:\s+(?:of\s+)?(?P<myear>(?:19|20)\d\d))?"
    r"(?![\w.]?\s*\d{1,2}\b)"
    r"|(?P<decade>(?i:(?:in\s+)?the\s+(?:(?:19|20)\d0)s))"
    r")",
)
# A present-tense verb or a recent day: the words are about now, not a look back.
_NOW = lazy(
    r"\b(?:is|are|says|say|has|have|will|won't|wants|urges|warns|plans|hopes|insists|remains|"
    r"today|tonight|yesterday|this (?:week|weekend|month|morning|afternoon|evening)|last (?:week|weekend|night)|"
    r"(?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|earlier this (?:week|month)|"
    r"now|currently)\b",
)
_YEAR = lazy(r"(?<![\w$£€.,-])((?:19|20)\d\d)(?![\w%-]|,\d)")
_FUTURE = lazy(
    r"\b(?:will|won['’]t|shall|is\s+to|are\s+to|is\s+due|are\s+due|is\s+set\s+to|are\s+set\s+to|plans?\s+to|"
    r"is\s+expected\s+to|are\s+expected\s+to|is\s+scheduled|are\s+scheduled|is\s+going\s+to|are\s+going\s+to|"
    r"upcoming|next)\b",
    re.I,
)


def speaks_of_now(text: str, lo: int = 0, hi: int | None = None) -> bool:
    """``text[lo:hi]`` has a present-tense verb or a recent day ("says", "on Friday", "last week")."""
    return _NOW.search(text, lo, len(text) if hi is None else hi) is not None


def future_tense(text: str) -> bool:
    """The sentence speaks of the future ("will", "is due to", "next")."""
    return _FUTURE.search(text) is not None


def _month_range(year: int, month: int) -> tuple[_dt.date, _dt.date]:
    return _dt.date(year, month, 1), _dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: _dt.date, n: int) -> _dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return _dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _years_back(d: _dt.date, n: int) -> _dt.date:
    try:
        return d.replace(year=d.year - n)
    except ValueError:  # Feb. 29
        return d.replace(year=d.year - n, day=28)


def _season(year: int, name: str) -> tuple[_dt.date, _dt.date]:
    a, b = _SEASONS[name]
    if a > b:  # winter runs over the new year
        return _dt.date(year, a, 1), _month_range(year + 1, b)[1]
    return _dt.date(year, a, 1), _month_range(year, b)[1]


def _relative(which: str, span: str, d: _dt.date) -> tuple[_dt.date, _dt.date] | None:
    which = " ".join(which.lower().split())
    last = which.endswith("last")
    nxt = which == "next"
    if span == "week" or span == "weekend":
        monday = d - _D(days=d.weekday())
        if last:
            monday -= _D(days=7)
        elif nxt:
            monday += _D(days=7)
        if span == "weekend":
            return monday + _D(days=5), monday + _D(days=6)
        if which == "earlier this":
            return monday, d
        if which == "later this":
            return d, monday + _D(days=6)
        return monday, monday + _D(days=6)
    if span == "month":
        first = _add_months(d.replace(day=1), -1 if last else 1 if nxt else 0)
        lo, hi = _month_range(first.year, first.month)
        if which == "earlier this":
            return lo, d
        if which == "later this":
            return d, hi
        return lo, hi
    if span == "year":
        y = d.year - 1 if last else d.year + 1 if nxt else d.year
        lo, hi = _dt.date(y, 1, 1), _dt.date(y, 12, 31)
        if which == "earlier this":
            return lo, d
        if which == "later this":
            return d, hi
        return lo, hi
    if span in _SEASONS:
        # "last summer": the most recent one that has ended; "this summer": the current year's
        this = _season(d.year if span != "winter" or d.month >= 12 else d.year - 1, span)
        if last:
            return this if this[1] < d else _season(this[0].year - 1, span)
        if nxt:
            return this if this[0] > d else _season(this[0].year + 1, span)
        return this
    return None


def _weekday(prefix: str, wd: int, d: _dt.date, future: bool) -> tuple[_dt.date, _dt.date]:
    prefix = prefix.strip().lower()
    back = (d.weekday() - wd) % 7
    if prefix == "next" or (future and prefix != "last"):
        ahead = (wd - d.weekday()) % 7
        day = d + _D(days=ahead)
        return day, day
    if prefix == "last":
        day = d - _D(days=back or 7)
        return day, day
    day = d - _D(days=back)
    return day, day


def _month(prefix: str, month: int, year: int | None, d: _dt.date, future: bool) -> tuple[_dt.date, _dt.date]:
    prefix = " ".join(prefix.lower().replace("-", " ").split())
    if year is not None:
        return _month_range(year, month)
    if prefix.startswith("next") or (future and not prefix.startswith("last")):
        y = d.year if month >= d.month else d.year + 1
    elif prefix.startswith("last"):
        y = d.year if month < d.month else d.year - 1
    else:
        y = d.year if month <= d.month else d.year - 1
    lo, hi = _month_range(y, month)
    if prefix.startswith("since"):
        return lo, d
    return lo, hi


def periods(text: str, lo: int, hi: int, article: _dt.date) -> list[Period]:
    """The periods the wording in ``text[lo:hi]`` (usually one sentence) points to."""
    d = article
    future = future_tense(text[lo:hi])
    out: list[Period] = []
    taken: list[tuple[int, int]] = []
    for x in find_dates(text, lo, hi):
        if x.year is not None:
            day = x.resolve(None)
            if day is not None:
                out.append(Period(x.start, x.end, day, day))
        else:
            # "on Dec. 3": the last such day, or the next one when the sentence speaks of the future
            days = [x.resolve(y) for y in (d.year - 1, d.year, d.year + 1)]
            days = [y for y in days if y is not None and (y >= d if future else y <= d)]
            if days:
                day = min(days, key=lambda y: abs((y - d).days))
                out.append(Period(x.start, x.end, day, day))
        taken.append((x.start, x.end))
    for m in _WORDING.finditer(text, lo, hi):
        if any(s <= m.start() < e for s, e in taken):
            continue
        span = _one(m, d, future)
        if span is not None:
            out.append(Period(m.start(), m.end(), *span))
            taken.append((m.start(), m.end()))
    for m in _YEAR.finditer(text, lo, hi):
        if any(s <= m.start() < e for s, e in taken):
            continue
        y = int(m.group(1))
        if 1900 <= y <= d.year + 5:
            out.append(Period(m.start(), m.end(), _dt.date(y, 1, 1), _dt.date(y, 12, 31)))
    out.sort()
    return out


def _one(m: re.Match, d: _dt.date, future: bool) -> tuple[_dt.date, _dt.date] | None:
    if m.group("ago"):
        n = _NUM.get(m.group("n").lower()) if not m.group("n").isdigit() else int(m.group("n"))
        if not n:
            return None
        unit = m.group("unit").lower()
        if unit == "day":
            day = d - _D(days=n)
            return day, day
        if unit == "week":
            day = d - _D(days=7 * n)
            return day - _D(days=3), day + _D(days=3)
        if unit == "month":
            day = _add_months(d, -n)
            return day - _D(days=15), day + _D(days=15)
        years = n * (10 if unit == "decade" else 1)
        day = _years_back(d, years)
        slack = _D(days=182 if unit == "year" else 730)
        return day - slack, day + slack
    if m.group("rel"):
        return _relative(m.group("which"), m.group("span").lower(), d)
    if m.group("day"):
        w = " ".join(m.group("day").lower().split())
        day = d - _D(days=1) if w == "yesterday" else d + _D(days=1) if w == "tomorrow" else d
        if w == "last night":
            day = d - _D(days=1)
        return day, day
    if m.group("recent"):
        w = m.group("recent").lower()
        if "weekend" in w:
            return _relative("last" if d.weekday() < 5 else "this", "weekend", d)
        back = 14 if "days" in w else 60 if "weeks" in w else 183
        return d - _D(days=back), d
    if m.group("wd"):
        return _weekday(m.group("wdprefix") or "", WEEKDAYS[m.group("wd").lower()], d, future)
    if m.group("month"):
        name = m.group("month")
        if name == "May" and not (m.group("mprefix") or m.group("myear")):
            return None  # "May" alone is too often the name or the verb
        if not (m.group("mprefix") or m.group("myear")):
            return None  # "March" alone may be a name or a noun ("the March on Rome")
        month = MONTHS[name.rstrip(".").lower()]
        year = int(m.group("myear")) if m.group("myear") else None
        return _month(m.group("mprefix") or "", month, year, d, future)
    if m.group("decade"):
        y = int(re.search(r"\d{4}", m.group("decade")).group())
        return _dt.date(y, 1, 1), _dt.date(y + 9, 12, 31)
    return None


def sentence_periods(doc: "Document", offset: int, article: _dt.date) -> list[tuple[_dt.date, _dt.date]]:
    """The periods the wording of the sentence at ``offset`` points to, as ``(lo, hi)`` pairs."""
    from .analysis import sentence_span

    lo, hi = sentence_span(doc, offset)
    return [(p.lo, p.hi) for p in periods(doc.prose, lo, hi, article)]
