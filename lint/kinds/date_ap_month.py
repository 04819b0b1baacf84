"""``date-ap-month``: AP style for a month written before a day ("Jan. 5", "March 3")."""
from __future__ import annotations

from typing import Iterable

from ..date_mentions import dates_in
from ..document import Document
from ..findings import Finding
from ..rule import BOOLEAN, Param, Rule

# AP style: Jan., Feb., Aug., Sept., Oct., Nov., Dec. with a day; March, April, May, June, July spelled out.
_AP = {1: "Jan.", 2: "Feb.", 3: "March", 4: "April", 5: "May", 6: "June", 7: "July", 8: "Aug.", 9: "Sept.",
       10: "Oct.", 11: "Nov.", 12: "Dec."}


class DateMonthStyle(Rule):
    """A month before a day written other than AP style has it (Jan., Feb., Aug., Sept.,
    Oct., Nov., Dec. abbreviated; March to July spelled out); months in capitals (headline
    caps) are left alone. The message names the AP form, and ``--fix`` may apply it."""

    kind = "date-ap-month"
    params = {
        "en-gb": Param(BOOLEAN, "also check drafts configured as British or other non-US English", default=False),
    }
    uses_message = False

    def check(self, doc: Document) -> Iterable[Finding]:
        if self.settings.language not in (None, "en-US") and not self.options["en-gb"]:
            return
        for d in dates_in(doc):
            if d.iso or d.month_group != "m1" or d.looks_like_count():
                continue
            s, e = d.m.span("m1")
            written = doc.text[s:e]
            want = _AP[d.month]
            if written == want:
                continue
            if written.isupper():
                continue  # headline caps
            yield self.finding(
                doc, s, e,
                message=f"AP style writes '{want}' before a day, not '{{match}}'",
                suggestions=(want,), fix=want,
            )
