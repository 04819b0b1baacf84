"""``date-impossible``: a date that does not exist ("Nov. 31", "Feb. 29, 2025")."""
from __future__ import annotations

import calendar
import datetime as _dt
from typing import Iterable

from ..date_mentions import MONTH_NAMES, dates_in, fmt_date
from ..document import Document
from ..findings import Finding
from ..rule import Rule


class DateImpossible(Rule):
    """A date that does not exist: a day past the end of its month, or Feb. 29 outside a
    leap year. A month followed by a count ("In February 30 people were arrested", "March
    35 protesters") is left alone. The message says why the date cannot be."""

    kind = "date-impossible"
    params: dict = {}
    uses_message = False

    def check(self, doc: Document) -> Iterable[Finding]:
        article = doc.date or _dt.date.today()
        for d in dates_in(doc):
            if d.day > 31 and d.year is None and not d.iso:
                continue  # "March 35 protesters": a count
            if d.looks_like_count():
                continue
            real, year, inferred = d.resolve(article)
            if real is not None:
                continue
            month = MONTH_NAMES[d.month - 1]
            last = calendar.monthrange(year, d.month)[1]
            if d.month == 2 and d.day == 29:
                why = f"{year} is not a leap year" + (f" (year inferred from the article date, {fmt_date(article)})" if inferred else "")
                sugg = (f"Feb. 28, {year}" if not inferred else "Feb. 28", "March 1")
            else:
                why = f"{month} has {last} days"
                sugg = ()
            yield self.finding(doc, d.start, d.end, message=f"'{{match}}' is not a date: {why}", suggestions=sugg)
