"""What every fact rule kind shares: the lazily loaded fact base and the document analysis."""
from __future__ import annotations

import datetime as _dt
import time
from typing import TYPE_CHECKING

from ..rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Document
    from .analysis import Analysis, Mention
    from .model import FactBase, Office, Person, Term


class FactRule(Rule):
    """Base of the fact rule kinds. The fact base loads on the first ``check`` (not at setup),
    once per process, so runs that do not select a fact rule never read a fact pack."""

    default_skip = frozenset({"quotes"})
    #: fact findings name the person, the office and the dates: each kind words its own
    uses_message = False

    def base(self, doc: "Document | None" = None) -> FactBase:
        """The fact base; with ``doc``, looked up once per document for all fact rules
        (the lookup checks the packs on disk for changes, at most once a second)."""
        from . import fact_base, fact_pack_paths

        if doc is None:
            return fact_base(self.settings)
        paths = fact_pack_paths(self.settings)
        return doc.derived(("fact-base", paths), lambda: _recent_base(paths, self.settings))

    def analysis(self, doc: "Document") -> "Analysis":
        from .analysis import analyse

        return analyse(doc, self.base(doc))

    @staticmethod
    def date_of(doc: "Document") -> _dt.date:
        return doc.date or _dt.date.today()


#: Seconds for which the fact base found for one draft serves the next ones without checking
#: the packs on disk again: a run over many drafts stats every pack once a second, not once
#: a draft (a dozen stats cost about as much as linting a short draft's dates).
RECHECK_SECONDS = 1.0
_RECENT: dict[tuple[str, ...], tuple[float, "FactBase"]] = {}


def _recent_base(paths: tuple[str, ...], settings: object) -> "FactBase":
    from . import fact_base

    now = time.monotonic()
    got = _RECENT.get(paths)
    if got is not None and now - got[0] < RECHECK_SECONDS:
        return got[1]
    base = fact_base(settings)  # type: ignore[arg-type]
    _RECENT[paths] = (now, base)
    return base


def holder_phrase(base: FactBase, office: Office, d: _dt.date, exclude: str | None = None) -> str:
    """``"the U.S. president on Nov. 22, 2025, is Donald Trump (since Jan. 20, 2025)"``."""
    from .model import fmt_date

    terms = [t for t in base.holder_terms(office.id, d) if t.person != exclude]
    when = fmt_date(d)
    if not terms:
        if office.terms and office.terms[0].start.lo <= d and all(t.holds(d) is False for t in office.terms):
            # the packs may lack a holder they are not sure of: say what they record, not "vacant"
            return f"the fact packs record no {office.display} on {when}"
        return ""
    names = " and ".join(f"{base.people[t.person].name} (since {fmt_date(t.start)})" for t in terms)
    verb = "is" if len(terms) == 1 else "are"
    return f"the {office.display} on {when}, {verb} {names}"


def relation(base: FactBase, person: Person, offices: list[Office], d: _dt.date) -> tuple[str, Term | None]:
    """How a person stands to offices on a day: ``held`` (before d), ``later`` (only after d), ``never``."""
    terms = [t for t in person.terms if t.office in {o.id for o in offices}]
    past = [t for t in terms if t.ended_by(d)]
    future = [t for t in terms if t.not_started_on(d)]
    if past:
        return "held", max(past, key=lambda t: t.end_hi)
    if future:
        return "later", min(future, key=lambda t: t.start.lo)
    return "never", None


def held_during(person: Person, offices: list[Office], periods: list[tuple[_dt.date, _dt.date]]) -> bool:
    """The person held one of the offices at some point of one of the periods."""
    ids = {o.id for o in offices}
    for t in person.terms:
        if t.office not in ids:
            continue
        for lo, hi in periods:
            if t.start.lo <= hi and t.end_hi > lo:
                return True
    return False


def not_held_during(person: Person, offices: list[Office], periods: list[tuple[_dt.date, _dt.date]]) -> bool:
    """Some period lies at least partly outside all of the person's terms of these offices."""
    ids = {o.id for o in offices}
    terms = [t for t in person.terms if t.office in ids]
    for lo, hi in periods:
        if not any(t.start.hi <= lo and t.end_lo > hi for t in terms):
            return True
    return False


def mention_label(m: "Mention") -> str:
    return m.person.name
