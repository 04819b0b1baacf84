"""The dates written in a draft, found once for the date rule kinds, and how a date
without a year is read.

A date written without a year is read in the year that puts it nearest the article's
date ("Dec. 3" in a draft dated Nov. 22, 2025 is Dec. 3, 2025; in one dated Jan. 5,
2026 it is Dec. 3, 2025 too). A bare "February 30" followed by a lower-case word
("In February 30 people were arrested") is a count, not a date, and is left alone.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re

from .datetext import MONTHS, WEEKDAYS, date_matches
from .document import Document

WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]
# Also "Dec. 3 (Tuesday)" and "Tuesday (Dec. 3)".
_PAREN_WEEKDAY = re.compile(r"\s*\((Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\)")
_WEEKDAY_PAREN = re.compile(r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*\(\s*$")


class DateMention:
    """One date in the copy, with what the checks need."""

    def __init__(self, m: re.Match, prose: str) -> None:
        self.m = m
        self.start, self.end = m.span()
        self.iso = bool(m.group("iso"))
        if self.iso:
            self.year, self.month, self.day = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
            self.month_group = None
        else:
            g = "m1" if m.group("m1") else "m2"
            self.month_group = g
            self.day_first = g == "m2"
            mname = m.group(g)
            self.month = MONTHS[mname.rstrip(".").lower()]
            self.day = int(m.group("d1") or m.group("d2"))
            y = m.group("y1") or m.group("y2")
            self.year = int(y) if y else None
        wd = m.group("wd")
        self.weekday = WEEKDAYS[wd.lower()] if wd else None
        self.weekday_span = m.span("wd") if wd else None
        if self.weekday is None:
            after = _PAREN_WEEKDAY.match(prose, self.end)
            before = _WEEKDAY_PAREN.search(prose, max(0, self.start - 14), self.start)
            if after:
                self.weekday, self.weekday_span = WEEKDAYS[after.group(1).lower()], after.span(1)
            elif before:
                self.weekday, self.weekday_span = WEEKDAYS[before.group(1).lower()], before.span(1)
        self.prose = prose

    @property
    def text(self) -> str:
        return self.m.group()

    def looks_like_count(self) -> bool:
        """ "In February 30 people ...": a month followed by a number that counts something."""
        if self.iso or self.year is not None or self.weekday is not None:
            return False
        if self.month_group == "m1" and self.m.group("m1").endswith("."):
            return False
        if re.match(r"(?:st|nd|rd|th)\b", self.prose[self.end - 2:self.end]):
            return False
        nxt = re.match(r"\s+([A-Za-z]+)", self.prose[self.end:self.end + 30])
        return bool(nxt and nxt.group(1)[:1].islower() and nxt.group(1).lower() not in ("and", "or", "to", "through", "at", "in"))

    def resolve(self, article: _dt.date) -> tuple[_dt.date | None, int, bool]:
        """``(date or None when impossible, year used, year inferred)``."""
        if self.year is not None:
            try:
                return _dt.date(self.year, self.month, self.day), self.year, False
            except ValueError:
                return None, self.year, False
        year = nearest_year(self.month, self.day, article)
        try:
            return _dt.date(year, self.month, self.day), year, True
        except ValueError:
            return None, year, True


def fmt_date(d: _dt.date) -> str:
    from .facts.model import fmt_date as f

    return f(d)


def nearest_year(month: int, day: int, article: _dt.date) -> int:
    """The year that puts month/day nearest the article date (Feb. 29 counts as Feb. 28)."""
    best = None
    for y in (article.year - 1, article.year, article.year + 1):
        d = min(day, calendar.monthrange(y, month)[1])
        delta = abs((_dt.date(y, month, d) - article).days)
        if best is None or delta < best[0]:
            best = (delta, y)
    return best[1]


def dates_in(doc: Document) -> list[DateMention]:
    """The draft's dates, found once for all the date rules."""
    return doc.derived("date-rule-dates", lambda: _dates_in(doc))


def _dates_in(doc: Document) -> list[DateMention]:
    out = []
    for m in date_matches(doc):
        d = DateMention(m, doc.prose)
        if d.month < 1 or d.month > 12 or d.day == 0:
            continue
        out.append(d)
    return out
