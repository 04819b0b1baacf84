"""``scare-quote``: quotation marks around an ordinary word to sneer at it.

A scare quote is a short, lowercase quotation that nobody is credited with, right after a
determiner or possessive: their "investigation", the "experts", a "peaceful" protest. The
kind leaves alone:

- quotations in a sentence that reports speech or views (a partial quote: He called the
  plan "reckless"), see :func:`lint.kinds.voice.attributed`;
- words cited as words: the word "regime", a sign reading "closed", known as "the Hill";
- titles and names (capitalized), numbers, long quotations (more than ``max-words``);
- a quotation that repeats one quoted earlier in the draft (the reader knows its source).

Rules of this kind must not skip the ``quotes`` context: the finding *is* a quotation.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..document import Document
from ..findings import Finding
from ..rule import NUMBER, Param, ParamError, Rule
from . import matching, voice
from .lazyre import LAZY_REGEXES, lazy

_DETERMINER = lazy(
    r"(?:^|[^\w'’-])(?:the|a|an|his|her|their|its|our|your|this|that|these|those|such|so-called|supposed|"
    r"alleged|self-styled|self-proclaimed|new|latest|whose)\s*$",
    re.I,
)
_CITED = lazy(
    r"(?:^|[^\w'’-])(?:word|words|term|terms|phrase|phrases|label|labels|slogan|slogans|name|names|nickname|motto|"
    r"hashtag|headline|title|caption|tag|tagline|catchphrase|expression|acronym|abbreviation|spelled|spelt|"
    r"called|calls|call|dubbed|named|nicknamed|titled|entitled|termed|labeled|labelled|branded|marked|reading|"
    r"reads|read|meaning|means|meant|say|says|said|saying|chanted|chanting|shouted|shouting|wrote|writes|"
    r"tweeted|posted|known\s+as|use|uses|used|using|coined|invoked|invoking|or)\s*$",
    re.I,
)
# A quoted modifier naming a kind of thing: the "red flag" law, a "wealth tax" plan.
_NAMED_NOUN = lazy(
    r"\s*(?:law|laws|bill|bills|act|policy|policies|program|programme|rule|rules|provision|order|section|list|zone|"
    r"system|plan|proposal|campaign|movement|strategy|initiative|doctrine|tax|status|category|label|designation|"
    r"clause|requirement|standard|test|scheme|option|model|approach|era|generation|culture|theory|method|project)\b",
    re.I,
)
_CONTENT = lazy(r"[a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*)*")


class ScareQuote(Rule):
    kind = "scare-quote"
    params = {
        "max-words": Param(NUMBER, "longest quotation (in words) that can be a scare quote", default=3),
        "exceptions": Param(LAZY_REGEXES, "regexes; a hit overlapping one of their matches (in its sentence) is left alone", default=()),
    }

    def setup(self) -> None:
        if self.options["max-words"] < 1:
            raise ParamError("'max-words' must be at least 1")

    def check(self, doc: Document) -> Iterable[Finding]:
        seen: set[str] = set()
        for q in doc.quotes:
            inner = doc.prose[q.start + 1:q.end - 1] if q.end - q.start > 2 else ""
            content = inner.strip().rstrip(".,;:!?").strip()
            key = content.lower()
            first_time = key not in seen
            seen.add(key)
            if not content or not _CONTENT.fullmatch(content):
                continue
            if len(content.split()) > self.options["max-words"]:
                continue
            if not first_time:
                continue
            if q.end > len(doc.prose) or doc.prose[q.end - 1:q.end] not in "\"”'’":
                continue  # unclosed: a quotation running on, not a scare quote
            lo, hi = voice.sentence_bounds(doc, q.start, q.end)
            before = doc.prose[max(lo, q.start - 40):q.start]
            det = _DETERMINER.search(before)
            if not det or _CITED.search(before, 0, det.start() + 1):
                continue
            if _NAMED_NOUN.match(doc.prose, q.end, hi):
                continue
            if matching.excepted(doc, q.start, q.end, self.options["exceptions"]):
                continue
            if voice.attributed(doc, q.start, q.end) or self._quoted_earlier(doc, q.start, key):
                continue
            yield self.finding(doc, q.start, q.end, suggestions=(content,), word=content)

    @staticmethod
    def _quoted_earlier(doc: Document, start: int, key: str) -> bool:
        for other in doc.quotes:
            if other.start >= start:
                break
            if key and key in doc.prose[other.start:other.end].lower():
                return True
        return False
