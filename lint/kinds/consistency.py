"""``consistency``: one thing written two ways in one draft.

``check`` chooses what to compare:

- ``counts``: the same count given two ways ("31 prisoners were freed" ... "the 30
  prisoners"). Counts are compared only for the same thing and the same event, with
  their qualifiers ("at least 25" agrees with 31, not with 23), and never across
  sentences about a changing figure or another period ("up from", "last year").
- ``event-dates``: a named person's arrest, birth, death, release... given two dates.
- ``spelling-variants``: American and British spellings mixed ("color" ... "colour").
- ``names``: a name that is not in the fact base spelled two ways
  ("Tsikhanouskaya" ... "Tsikhanovskaya"). Known people are the fact rules' job.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from pathlib import Path
from typing import Iterable

from .. import claims
from ..document import Document
from ..findings import Finding
from ..rule import STRING, Param, ParamError, Rule
from ..text.matching import match_case
from ..text.lazyre import lazy

CHECKS = ("counts", "event-dates", "spelling-variants", "names")
_WORD = lazy(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_LOWER_WORD = lazy(r"(?<![A-Za-z’'])[a-z]+(?:['’][a-z]+)?")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


# Pairs in the variant list that say nothing about a draft's spelling: British forms that
# are standard American too (surprise, dialogue, judgement), and unrelated words that
# happen to pair up (outer/outré, timbers/timbres).
_NEUTRAL = frozenset("""
    surprise surprises surprised surprising surprisingly dialogue dialogues catalogue catalogues catalogued
    synagogue synagogues prologue prologues epilogue epilogues monologue monologues demagogue demagogues
    travelogue travelogues pedagogue pedagogues analogue analogues acknowledgement acknowledgements
    judgement judgements ageing axe outer outre timbre timbres timbers ombre omber lustring lustering
    accoutring accoutering routeing routing licensed licensing license licenses meter meters jail jails
""".split())
_ISE = lazy(r"(?:is|ys)(?:e|es|ed|ing|ation|ations|er|ers|able)$")


@functools.lru_cache(maxsize=1)
def variants() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """British -> (American, flags) and American -> (British, flags), from the spelling data.

    Flags: ``z`` an -ise/-ize pair (Oxford British spelling also uses -ize); ``a`` the
    American form is also a British word (licence/license), so it says nothing.
    """
    from .. import diskcache
    from ..packs import rules_dir

    path = Path(rules_dir()) / "spelling" / "variants.tsv"

    def build() -> tuple[dict, dict]:
        uk: dict[str, tuple[str, str]] = {}
        us: dict[str, tuple[str, str]] = {}
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError:
            return uk, us
        for line in lines:
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            british, american = parts[0].strip().lower(), parts[1].strip().lower()
            flags = parts[2].strip() if len(parts) > 2 else ""
            if british and american and british != american:
                uk.setdefault(british, (american, flags))
                us.setdefault(american, (british, flags))
        return uk, us

    return diskcache.derived("consistency-variants", (path, __file__), build, tuple)


@functools.lru_cache(maxsize=4096)
def _real_ize(ise: str, ize: str) -> bool:
    """True when the -ize form is an ordinary spelling (organize), not a rare one (expertize)."""
    from .. import claims

    lx = claims._lexicon()
    if lx is None:
        return True
    z_ise, z_ize = lx.zipf(ise), lx.zipf(ize)
    return z_ize is not None and (z_ise is None or z_ize >= z_ise - 12)


def _line(doc: Document, offset: int) -> int:
    return doc.line_col(offset)[0]


def _date_text(d: claims.EventDate) -> str:
    return f"{_MONTHS[d.month - 1]} {d.day}" + (f", {d.year}" if d.year else "")


class Consistency(Rule):
    kind = "consistency"
    params = {
        "check": Param(STRING, f"what to compare: {', '.join(CHECKS)}", required=True),
    }

    def setup(self) -> None:
        if self.options["check"] not in CHECKS:
            raise ParamError(f"'check' must be one of {', '.join(CHECKS)}")

    def check(self, doc: Document) -> Iterable[Finding]:
        return getattr(self, "_" + self.options["check"].replace("-", "_"))(doc)

    # ------------------------------------------------------------------ counts
    def _counts(self, doc: Document) -> Iterable[Finding]:
        seen: list[claims.Count] = []
        for c in claims.counts(doc):
            if c.revisable:
                continue
            for e in seen:
                if e.noun != c.noun or e.agrees(c) or doc.sentence_at(e.start) == doc.sentence_at(c.start):
                    continue
                if not _same_set(e, c) or not _close(e, c):
                    continue
                yield self.finding(doc, c.start, c.end, other=e.text, line=_line(doc, e.start))
                break
            seen.append(c)

    # ------------------------------------------------------------------ dates of events
    def _event_dates(self, doc: Document) -> Iterable[Finding]:
        first: dict[tuple[str, str], claims.EventDate] = {}
        for d in claims.event_dates(doc):
            e = first.get(d.key)
            if e is None:
                first[d.key] = d
                continue
            if not e.same_day(d):
                yield self.finding(doc, d.start, d.end, event=d.event, subject=d.subject, other=_date_text(e),
                                   line=_line(doc, e.start))

    # ------------------------------------------------------------------ US/UK spelling
    def _spelling_variants(self, doc: Document) -> Iterable[Finding]:
        if self.settings.language:
            # A configured variety says which side is wrong: spelling.variant reports
            # every word of the other one, so counting sides here would only repeat it.
            return
        uk, us = variants()
        if not uk:
            return
        # British-only forms (colour), -ise forms (organise: British), American-only forms
        # (color) and -ize forms (organize: American, and Oxford British too).
        present = {w.lower() for w in set(_WORD.findall(doc.prose))}
        if present.isdisjoint(uk) or present.isdisjoint(us):
            return  # one spelling or none: nothing mixed (the usual case, decided without a scan)
        groups: dict[str, list[tuple[int, int, str, str]]] = {"uk": [], "ise": [], "us": [], "ize": []}
        for m in _WORD.finditer(doc.prose):
            word = m.group()
            lower = word.lower()
            if lower in _NEUTRAL:
                continue
            if lower in uk:
                other, flags = uk[lower]
                if other in _NEUTRAL:
                    continue
                if "z" in flags:  # -ise (British) against -ize (American, and Oxford British)
                    if not _ISE.search(lower) or not _real_ize(lower, other):
                        continue  # judgement, ageing: Oxford spelling; expertise: no -ize form
                    group = "ise"
                else:
                    group = "uk"
            elif lower in us:
                other, flags = us[lower]
                if "a" in flags or other in _NEUTRAL:
                    continue  # also a British word (license the verb): says nothing
                if "z" in flags:
                    if not _ISE.search(other) or not _real_ize(other, lower):
                        continue
                    group = "ize"
                else:
                    group = "us"
            else:
                continue
            if word[0].isupper() and not _sentence_initial(doc, m.start()):
                continue  # a proper noun: Labour Party, Pearl Harbor, World Health Organization
            groups[group].append((m.start(), m.end(), word, other))
        reported: set[int] = set()
        british = groups["uk"] + groups["ise"]
        for side_a, side_b, labels in ((british, groups["us"], ("British", "American")),
                                       (groups["ise"], groups["ize"], ("-ise", "-ize"))):
            if not side_a or not side_b:
                continue
            if len(side_a) != len(side_b):
                a_is_minority = len(side_a) < len(side_b)
            else:  # a tie: American is taken for the draft's own (two spellings, one each)
                a_is_minority = True
            minority, majority = (side_a, side_b) if a_is_minority else (side_b, side_a)
            style, other_style = labels if a_is_minority else labels[::-1]
            examples = ", ".join(f"'{w}'" for w in sorted({w for _s, _e, w, _o in majority})[:3])
            for start, end, word, other in minority:
                if start in reported:
                    continue
                reported.add(start)
                yield self.finding(doc, start, end, suggestions=(match_case(other, word),), style=style,
                                   other_style=other_style, examples=examples)

    # ------------------------------------------------------------------ names
    def _names(self, doc: Document) -> Iterable[Finding]:
        words = claims.capitalised_words(doc)
        forms: dict[str, list[claims.Word]] = defaultdict(list)
        for w in words:
            if len(w.text) >= 5 and w.text not in claims._NOT_NAMES:
                forms[w.text].append(w)
        lowered = set(_LOWER_WORD.findall(doc.prose))
        names = [f for f, occ in forms.items()
                 if any(not w.initial for w in occ) and f.lower() not in lowered and f.lower() not in self.settings.vocabulary]
        by_letter: dict[str, list[str]] = defaultdict(list)
        for f in names:
            by_letter[f[0].lower()].append(f)
        flagged: set[str] = set()
        for group in by_letter.values():
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    if a in flagged or b in flagged or abs(len(a) - len(b)) > 2 or not claims.variant_pair(a, b):
                        continue
                    firsts_a = {w.first_name for w in forms[a] if w.first_name}
                    firsts_b = {w.first_name for w in forms[b] if w.first_name}
                    if firsts_a and firsts_b and not firsts_a & firsts_b:
                        continue  # two people: Andrew Johnson and Lisa Johnston
                    roles_a = {w.before_name for w in forms[a] if not w.initial}
                    roles_b = {w.before_name for w in forms[b] if not w.initial}
                    if len(roles_a) == len(roles_b) == 1 and roles_a != roles_b:
                        continue  # a first name and a surname: Sandro Magister, Cardinal Sandri
                    # A dictionary word near another is the spell checker's finding (or two words:
                    # Iceland, Ireland); names the word list does not know are where this helps.
                    if claims.dictionary_word(a) is not False or claims.dictionary_word(b) is not False:
                        continue
                    if claims.known_person_word(a, self.settings) or claims.known_person_word(b, self.settings):
                        continue
                    na, nb = len(forms[a]), len(forms[b])
                    if na > nb or (na == nb and forms[a][0].start < forms[b][0].start):
                        major, minor = a, b
                    else:
                        major, minor = b, a
                    flagged.add(minor)
                    line = _line(doc, forms[major][0].start)
                    for w in forms[minor]:
                        yield self.finding(doc, w.start, w.end, suggestions=(major,), other=major, line=line)


def _same_set(a: claims.Count, b: claims.Count) -> bool:
    """Whether two counts of the same noun count the same set of things.

    Yes for the same event ("31 prisoners were freed" ... "30 prisoners were released"), and
    for a definite reference back ("the 30 prisoners") to a count with an event or to
    another definite one; otherwise they may be different sets.
    """
    if a.event is not None and a.event == b.event:
        return True
    if a.event is None and b.event is None:
        return a.definite and b.definite
    plain = a if a.event is None else b if b.event is None else None
    return plain is not None and plain.definite


def _close(a: claims.Count, b: claims.Count) -> bool:
    """A restated figure that is off is close to the first (31 and 30); a figure many times
    another (17 deaths this week, 11,300 in the last outbreak) counts something else."""
    lower, upper = (a, b) if a.high < b.low else (b, a)
    return lower.high > 0 and upper.low / lower.high <= 2.0


def _sentence_initial(doc: Document, offset: int) -> bool:
    s = doc.sentence_at(offset)
    if s is None:
        return True
    return not any(c.isalnum() for c in doc.prose[s.start:offset])
