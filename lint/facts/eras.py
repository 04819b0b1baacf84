"""Past eras named after a known person: "during the Obama administration", "the Merkel years".

The days such wording points to come from the fact base (the person's finished terms),
not from the calendar, so they live apart from :mod:`lint.facts.when`. Only terms that
had ended by the article date count: "the Trump administration" in 2025 is the present,
which the article date already stands for.
"""
from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from .text import norm
from ..text.lazyre import lazy

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Analysis

_ERA = lazy(
    r"\b(?P<name>[A-Z][\w’'-]+?)(?:['’]s)?\s+"
    r"(?P<what>administration|presidency|premiership|chancellorship|government|era|years|tenure|papacy|cabinet)\b"
)
# Which offices an era word is about (by short title); the others mean any office.
_TITLES = {"administration": {"president"}, "presidency": {"president"}, "premiership": {"prime minister", "premier"},
           "chancellorship": {"chancellor", "federal chancellor"}, "papacy": {"pope"}}


def era_periods(a: "Analysis", lo: int, hi: int) -> list[tuple[_dt.date, _dt.date]]:
    """The finished terms of the known people whose eras ``prose[lo:hi]`` names."""
    prose = a.doc.prose
    out: list[tuple[_dt.date, _dt.date]] = []
    for m in _ERA.finditer(prose, lo, hi):
        people = a.index.surname_index.get((norm(m.group("name")),))
        if not people or len(people) != 1:
            continue
        person = a.base.people[next(iter(people))]
        wanted = _TITLES.get(m.group("what"))
        for t in person.terms:
            office = a.base.offices[t.office]
            if wanted and not wanted & {s.lower() for s in office.short_titles}:
                continue
            if t.end is not None and t.end.hi <= a.date:
                out.append((t.start.lo, t.end.hi))
    return out
