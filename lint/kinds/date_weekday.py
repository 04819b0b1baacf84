"""``date-weekday``: a weekday that does not match its date ("Tuesday, Dec. 3, 2025")."""
from __future__ import annotations

import datetime as _dt
from typing import Iterable

from ..date_mentions import WEEKDAY_NAMES, dates_in, fmt_date
from ..document import Document
from ..findings import Finding
from ..rule import Rule


# A date this far from the article either way may be last year's or next year's: when the
# guessed year is wrong and the other one fits the weekday, the copy is not at fault.
_AMBIGUOUS_DAYS = 240


def _fits_other_year(month: int, day: int, weekday: int, year: int, article: _dt.date) -> bool:
    for other in (year - 1, year + 1):
        try:
            alt = _dt.date(other, month, day)
        except ValueError:
            continue
        if alt.weekday() == weekday and abs((alt - article).days) <= _AMBIGUOUS_DAYS:
            return True
    return False


class DateWeekday(Rule):
    """A weekday written with a date it does not fall on ("Tuesday, Dec. 3, 2025", "Dec. 3
    (Tuesday)"); a date without a year is read in the year nearest the article's date,
    unless it lies months away either way and the weekday fits the other year. The message
    names the real weekday."""

    kind = "date-weekday"
    params: dict = {}
    uses_message = False

    def check(self, doc: Document) -> Iterable[Finding]:
        article = doc.date or _dt.date.today()
        for d in dates_in(doc):
            if d.weekday is None:
                continue
            real, year, inferred = d.resolve(article)
            if real is None or real.weekday() == d.weekday:
                continue
            if inferred and _fits_other_year(d.month, d.day, d.weekday, year, article):
                continue
            written = WEEKDAY_NAMES[d.weekday]
            actual = WEEKDAY_NAMES[real.weekday()]
            start = min(d.start, d.weekday_span[0])
            end = max(d.end, d.weekday_span[1])
            text = doc.text[start:end]
            wd_text = doc.text[d.weekday_span[0]:d.weekday_span[1]]
            fixed = text.replace(wd_text, actual, 1)
            note = f" (year {year} inferred from the article date, {fmt_date(article)})" if inferred else ""
            yield self.finding(
                doc, start, end,
                message=f"'{{match}}': {fmt_date(real)} is a {actual}, not a {written}{note}",
                suggestions=(fixed,),
            )
