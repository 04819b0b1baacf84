"""``scare-quote``: quotation marks around an ordinary word to sneer at it.

A scare quote is a short, lowercase quotation that nobody is credited with, right after a
determiner or possessive: their "investigation", the "experts", a "peaceful" protest. The
kind leaves alone:

- quotations in a sentence that reports speech or views (a partial quote: He called the
  plan "reckless"), see :func:`lint.text.voice.attributed`;
- words cited as words: the word "regime", a sign reading "closed", known as "the Hill";
- titles and names (capitalized), numbers, long quotations (more than ``max-words``);
- a quotation that repeats one quoted earlier in the draft (the reader knows its source).

Rules of this kind must not skip the ``quotes`` context: the finding *is* a quotation.
"""
from __future__ import annotations

import bisect
import re
from typing import Iterable

from ..document import Document
from ..findings import Finding
from ..rule import NUMBER, Param, ParamError, Rule
from ..text import matching, voice
from ..rule import LAZY_REGEXES
from ..text.lazyre import lazy

_DETERMINER = lazy(
    r"(?:^|[^\w'’-])(?:the|his|her|their|its|our|your|these|those|such|so-called|supposed|"
    r"alleged|self-styled|self-proclaimed|whose)\s*$",
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
_NEXT_QUOTE = lazy(r",?\s+(?:and|or|,)?\s*[\"“‘']")
_PREV_QUOTE = lazy(r"[\"”’'],?\s+(?:and|or)\s+$")
# Words after a quoted head noun ("the "experts" said", "their "investigation" of").
# Any other word after the quote makes it a modifier: the "lacklustre" performance, a
# partial quote of someone's evaluation, not a sneer.
_HEAD_NEXT = lazy(
    r"\s*(?:[.,;:!?)\]—–]|$|(?:and|or|but|of|in|on|at|to|for|with|by|from|as|that|which|who|whom|whose|is|are|was|"
    r"were|be|been|has|have|had|will|would|can|could|should|may|might|must|do|does|did|said|says|say|claim|"
    r"claims|claimed|insist|insists|insisted|than|into|about|over|under|after|before|during|while|when|where|"
    r"because|since|if|so|then|also|now|still|just|only|even|ever|never|not|were|got|get|gets|seem|seems|"
    r"seemed|turned|became|become|becomes|went|goes|go|came|comes|come|made|make|makes|found|find|finds|showed|"
    r"show|shows|told|tell|tells|want|wants|wanted|know|knows|knew|think|thinks|thought|keep|keeps|kept)\b)",
    re.I,
)
_CONTENT = lazy(r"[a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*)*")


class ScareQuote(Rule):
    """Quotation marks around a short ordinary word or phrase that no one is quoted as
    saying, which read as a sneer. The message may use ``{word}`` (the quoted words)."""

    kind = "scare-quote"
    params = {
        "max-words": Param(NUMBER, "longest quotation (in words) that can be a scare quote", default=3),
        "exceptions": Param(LAZY_REGEXES, "regexes; a hit overlapping one of their matches (in its sentence) is left alone", default=(), type="regex or list of regexes"),
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
            if _NAMED_NOUN.match(doc.prose, q.end, hi) or self._in_a_list(doc, q):
                continue
            if not _HEAD_NEXT.match(doc.prose, q.end, hi):
                continue  # a quoted modifier: the "lacklustre" performance
            if matching.excepted(doc, q.start, q.end, self.options["exceptions"]):
                continue
            if voice.attributed(doc, q.start, q.end) or self._quoted_earlier(doc, q.start, key) \
                    or self._speech_nearby(doc, lo, hi):
                continue
            yield self.finding(doc, q.start, q.end, suggestions=(content,), word=content)

    @staticmethod
    def _in_a_list(doc: Document, q) -> bool:
        """'a "head" and "handmaid"': quoted terms in a row are terms being introduced."""
        after = doc.prose[q.end:q.end + 8]
        before = doc.prose[max(0, q.start - 8):q.start]
        return bool(_NEXT_QUOTE.match(after) or _PREV_QUOTE.search(before))

    @staticmethod
    def _speech_nearby(doc: Document, lo: int, hi: int) -> bool:
        """A partial quote is often credited in the sentence before or after it."""
        i = bisect.bisect_right([s.start for s in doc.sentences], lo) - 1
        for j in (i - 1, i + 1):
            if 0 <= j < len(doc.sentences):
                s = doc.sentences[j]
                if voice.reports_speech(doc, s.start, s.end):
                    return True
        return False

    @staticmethod
    def _quoted_earlier(doc: Document, start: int, key: str) -> bool:
        for other in doc.quotes:
            if other.start >= start:
                break
            if key and key in doc.prose[other.start:other.end].lower():
                return True
        return False
