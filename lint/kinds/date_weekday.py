"""``date-weekday``: a weekday that does not match its date ("Tuesday, Dec. 3, 2025")."""
from __future__ import annotations

import datetime as _dt
from typing import Iterable

from ..date_mentions import WEEKDAY_NAMES, dates_in, fmt_date
from ..document import Document
from ..findings import Finding
from ..rule import Rule


class DateWeekday(Rule):
    """A weekday written with a date it does not fall on ("Tuesday, Dec. 3, 2025", "Dec. 3
    (Tuesday)"); a date without a year is read in the year nearest the article's date.
    The message names the real weekday."""

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
