"""``speech-verb``: a loaded verb of saying, flagged only when its subject is a speaker.

"The senator slammed the bill" is a speech verb; "the storm slammed into the coast" and
"she slammed the door" are not. The kind looks for a speaker just before the verb (a
pronoun, a capitalized name or title, a party tag, a noun for people or organisations,
allowing adverbs and one appositive in between: see :mod:`lint.text.voice`), or an
inverted reporting clause after it ("..., claimed Smith."). Optionally:

- ``complement``: the verb must be followed by one of these (a "that" clause, a clause,
  the end of the sentence) so "claimed responsibility" and "conceded the race" pass;
- ``passive``: also flag "was slammed by critics" when the agent is a speaker;
- ``exceptions``: other senses ("ripped through", "slammed into").
"""
from __future__ import annotations

import re
from typing import Iterable

from ..document import Document
from ..findings import Finding
from ..rule import BOOLEAN, MAPPING, Param, Rule
from .. import wordstarts
from ..text import matching, voice
from ..rule import LAZY_REGEXES, checked, rule_alternation
from ..text.lazyre import lazy

_PASSIVE_AUX = lazy(r"\b(?:was|were|been|being|be|is|are|get|got|gets|getting)\s+(?:\w+ly\s+)?$", re.I)
_BY_SPEAKER = lazy(
    rf"\s+by\s+(?:(?:the|a|an|his|her|their|its|some|many|several|fellow|other)\s+)?(?:[\w-]+\s+)?"
    rf"(?:(?i:{voice.SPEAKER_NOUNS})(?i:e?s)?\b|[A-Z][\w'’.-]+|(?i:everyone|everybody|many|some|others)\b)",
    re.X,
)
# A second verb sharing the sentence's subject: "X attacked the plan and blasted ...".
_LINKED = lazy(r"(?:,\s*|\s)(?:and|but|then|yet|before|after|while|by|when|without|in)\s+(?:[a-z]+ly\s+)?$", re.I)
_LINKED_FINITE = lazy(r"(?:,\s*|\s)(?:and|but|then|yet)\s+(?:(?:also|later|then|[a-z]+ly)\s+)?$", re.I)
# An infinitive after a verb of trying or wanting: "Klobuchar attempted to slam ...".
_CONTROL = lazy(
    r"\b(?:attempt(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|s(?:ought|eeks?|eeking)|want(?:s|ed|ing)?|vow(?:s|ed)?|"
    r"went\s+on|goes\s+on|continu(?:e|es|ed)|rush(?:es|ed)?|(?:was|were|is|are)\s+quick|took\s+to\s+[\w-]+|"
    r"appear(?:s|ed)?|seem(?:s|ed)?|decid(?:e|es|ed)|cho(?:se|oses)|mov(?:e|es|ed)|plan(?:s|ned)?|beg(?:an|ins?)|"
    r"start(?:s|ed)?|us(?:e|es|ed)\s+(?:[\w'’-]+\s+){1,3})\s+to\s+$",
    re.I,
)
# A gerund with a possessive subject: "Trump's constant blasting of ...".
_POSSESSIVE = lazy(
    r"(?:\b(?:his|her|their)|(?<![\w'’.-])(?!(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday)['’])"
    r"[A-Z][\w'’.-]*['’]s?)\s+(?:[a-z-]+\s+)?$"
)
_PROGRESSIVE = lazy(r"\s(?:is|are|was|were|been|be|am)\s+(?:(?:also|still|now|[a-z]+ly)\s+)?$", re.I)
_IZE = lazy(r"(?<=\w)iz(?=(?:e|ed|es|ing)\b)")
# What follows a plural noun, not a verb of saying.
_NOUN_NEXT = lazy(
    r"\s+(?:in|of|were|was|have|had|killed|injured|wounded|rocked|hit|shook|which|who|are|near|outside|across)\b",
    re.I,
)
_IRREGULAR_PAST = frozenset({"tore", "hit", "lashed"})
_DETERMINER_BEFORE = lazy(r"\b(?:the|a|an|this|that|these|those|its|his|her|their)\s+$", re.I)
# A name inside a prepositional phrase is not the verb's subject: "an ad built around the
# Ukraine claims" is a noun. ("of", "from", "for" are left out: "a member of the Senate
# claims that ..." has the verb.)
_PREP_DETERMINER_BEFORE = lazy(
    r"\b(?:with|over|about|around|against|into|behind|despite|amid|regarding|concerning|on)\s+"
    r"(?:the|these|those)\s+$", re.I)
_PREV_WORD = lazy(r"([\w'’.-]+)\s+$")
_AUX_BEFORE = lazy(r"\b(?:was|were|been|being|be|is|are|am)\s+$", re.I)


class SpeechVerb(Rule):
    """A loaded verb of saying ("admitted", "claimed", "insisted"), flagged only when its
    subject is a speaker, with a neutral verb suggested in the same form. The message may
    use ``{match}`` and ``{suggestion}``."""

    kind = "speech-verb"
    params = {
        "verbs": Param(MAPPING, "mapping of verb (all its forms, as a regex) to neutral alternative(s)", required=True),
        "complement": Param(LAZY_REGEXES, "when given, what follows the verb must start with one of these", default=(), type="regex or list of regexes"),
        "passive": Param(BOOLEAN, "also flag 'was <verb> by <speaker>'", default=False),
        "exceptions": Param(LAZY_REGEXES, "regexes; a hit overlapping one of their matches (in its sentence) is left alone", default=(), type="regex or list of regexes"),
        "skip-attributed": Param(BOOLEAN, "leave the verb alone in a sentence that reports someone else's account ('court papers say he lied')", default=False),
    }

    def setup(self) -> None:
        parts: list[str] = []
        self._repls: list[tuple[str, ...]] = []
        for verb, repl in self.options["verbs"].items():
            checked(verb, re.IGNORECASE)
            parts.append(f"(?P<v{len(parts)}>{verb})")
            self._repls.append((repl,) if isinstance(repl, str) else tuple(str(r) for r in repl))
        self._regex = rule_alternation(rf"(?<![\w'’-])(?:{'|'.join(parts)})(?![\w'’-])",
                                       [rf"(?<![\w'’-]){p}(?![\w'’-])" for p in parts], re.IGNORECASE)
        self._complement = [lazy(p.pattern, p.flags) for p in self.options["complement"]]
        self._exceptions = tuple(lazy(p.pattern, p.flags) for p in self.options["exceptions"])
        british = str(getattr(self.settings, "language", "")).lower().startswith("en-gb")
        self._british = british

    def check(self, doc: Document) -> Iterable[Finding]:
        for m in wordstarts.finditer(doc, self._regex):
            start, end = m.span()
            if matching.excepted(doc, start, end, self._exceptions):
                continue
            lo, hi = voice.sentence_bounds(doc, start, end)
            if doc.prose[start].isupper() and doc.prose[lo:start].strip() \
                    and doc.prose[lo:start].rstrip()[-1:] not in "\"“‘'(:—–" \
                    and not voice.is_title_case_heading(doc, start):
                continue  # capitalized mid-sentence: a name ("the Hammers"), not a verb
            if self._noun_use(doc, start, end, hi):
                continue
            before = doc.prose[max(lo, start - 40):start]
            gerund = doc.prose[start:end].split()[0].lower().endswith("ing")
            if _AUX_BEFORE.search(before) and not gerund:
                # Passive: "was slammed by critics" (agent a speaker) or nothing.
                if not (self.options["passive"] and _PASSIVE_AUX.search(before) and _BY_SPEAKER.match(doc.prose, end, hi)):
                    continue
            elif not self._has_speaker(doc, lo, start, end, hi, gerund):
                continue
            elif self._noun_compound(doc, lo, start, end):
                continue
            if self._complement and not self._has_complement(doc, end, hi) \
                    and not self._inverted(doc, lo, start, end, hi):
                continue
            if self.options["skip-attributed"] and voice.attributed(doc, start, end):
                continue
            text = doc.text[start:end]
            repls = self._repls[int(m.lastgroup[1:])] if m.lastgroup else ()
            if self._british:
                repls = tuple(_IZE.sub("is", r) for r in repls)
            yield self.finding(doc, start, end, suggestions=tuple(matching.match_case(r, text) for r in repls))

    def _has_speaker(self, doc: Document, lo: int, start: int, end: int, hi: int, gerund: bool) -> bool:
        if voice.speaker_before(doc, lo, start) or self._inverted(doc, lo, start, end, hi):
            return True
        window = max(lo, start - 80)
        if gerund:
            m = _PROGRESSIVE.search(doc.prose, window, start)
            if m and voice.speaker_before(doc, lo, m.start()):
                return True  # "the media is claiming"
            if _POSSESSIVE.search(doc.prose, window, start):
                return True
            if (_LINKED.search(doc.prose, window, start) or doc.prose[lo:start].rstrip().endswith(",")) \
                    and voice.speaker_opens(doc, lo, start):
                return True
            return False
        first = doc.prose[start:end].split()[0].lower()
        past = first.endswith(("ed", "d")) or first in _IRREGULAR_PAST
        if past and _LINKED_FINITE.search(doc.prose, window, start) and voice.speaker_opens(doc, lo, start):
            return True  # "and blasted ..." (a bare "and claims" may be a noun)
        m = _CONTROL.search(doc.prose, window, start)
        return bool(m) and voice.speaker_before(doc, lo, m.start())

    @staticmethod
    def _noun_use(doc: Document, start: int, end: int, hi: int) -> bool:
        """'the Mumbai blasts in 1993', 'the rips were repaired': a plural noun, not a verb."""
        first = doc.prose[start:end].split()[0].lower()
        if not first.endswith("s") or first.endswith("ss") or " " in doc.prose[start:end].strip():
            return False
        return bool(_NOUN_NEXT.match(doc.prose, end, hi))

    @staticmethod
    def _noun_compound(doc: Document, lo: int, start: int, end: int) -> bool:
        """'Trump claim', 'the Senate slam': a bare verb form after a singular name is a noun;
        so is a plural form after a name inside a prepositional phrase ('over the Ukraine claims')."""
        first = doc.prose[start:end].split()[0].lower()
        m = _PREV_WORD.search(doc.prose, max(lo, start - 60), start)
        if m and m.group(1)[:1].isupper() and first.endswith("s") and not first.endswith("ss") \
                and _PREP_DETERMINER_BEFORE.search(doc.prose, max(lo, m.start() - 30), m.start()):
            return True  # "with the Ukraine claims": a plural noun after a name used as a modifier
        if first.endswith(("s", "ed", "ing")) or first in _IRREGULAR_PAST:
            return False
        if not m:
            return False
        word = m.group(1)
        if not word[:1].isupper() or word in ("I", "We", "They", "You"):
            return False
        # "the Jones claim": a determiner before the name makes the name a modifier.
        if _DETERMINER_BEFORE.search(doc.prose, max(lo, m.start() - 20), m.start()):
            return True
        return not word.endswith("s")

    @staticmethod
    def _inverted(doc: Document, lo: int, start: int, end: int, hi: int) -> bool:
        """'"...," claimed Smith.' / '..., insisted the minister'."""
        before = doc.prose[lo:start].rstrip()
        return bool(before) and before[-1] in ",\"”'’—–" and voice.speaker_after(doc, end, hi)

    def _has_complement(self, doc: Document, end: int, hi: int) -> bool:
        rest = doc.prose[end:hi]
        if not rest.strip() or rest.lstrip()[:1] in ",.;:!?\"”)":
            return True  # end of the clause: "..., he claimed."
        return any(rx.match(doc.prose, end, hi) for rx in self._complement)
