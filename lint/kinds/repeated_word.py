"""``repeated-word``: a word written twice in a row ("the the", "to to")."""
from __future__ import annotations

import re
from itertools import compress, islice
from operator import eq
from typing import Iterator

from ..text.lazyre import lazy
from ..document import Document
from ..findings import Finding
from ..rule import Rule

_REPEAT = lazy(r"(?<![\w'’-])([A-Za-z]+)([ \t]+|[ \t]*\n[ \t]*)(\1)(?![\w'’-])", re.I)
# Doubled on purpose: "what it is is", "I had had enough", "he said that that was".
_REPEAT_OK = frozenset({"had", "that", "is", "do", "bye", "no", "yes", "ha", "so", "very", "knock", "chop",
                        "tut", "boo", "hip", "dum", "bang", "beep", "pom", "la", "ta", "tsk", "night", "bla",
                        "blah", "hush", "yada", "wait", "go", "far", "now", "there", "well", "oh", "ah"})
# Doubled by mistake more than anything else: the fix is safe.
_SAFE_REPEAT = frozenset({"the", "a", "an", "of", "to", "in", "and", "on", "at", "for", "with", "by",
                          "from", "was", "were", "be", "it", "this", "their", "his", "her", "its", "as"})
# The word just before or just after a doubled pair: three in a row ("OMG OMG OMG", "USA! USA
# USA") is a chant or emphasis written on purpose, not an editing slip.
_WORD_BEFORE = lazy(r"([A-Za-z]+)[^\w\n]{0,3}$")
_WORD_AFTER = lazy(r"[^\w\n]{0,3}([A-Za-z]+)")
# The letters other than A-Z and a-z that ``[A-Za-z]`` matches when case is ignored (checked
# against every code point in tests/test_scan_shortcuts.py).
_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")
# A free relative clause and its sentence share a verb: "whatever happens happens".
_FREE_RELATIVE = frozenset({"whatever", "whoever", "whichever", "whomever", "wherever", "whenever"})


class RepeatedWord(Rule):
    """A word written twice in a row. "had had", "that that" and other pairs doubled on
    purpose, and capitalized pairs ("Boutros Boutros-Ghali", "Sirhan Sirhan") are left
    alone. The message may use ``{word}``; ``--fix`` deletes a doubled small word."""

    kind = "repeated-word"
    params: dict = {}

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        for m in repeats(doc):
            first, second = m.group(1), m.group(3)
            lower = first.lower()
            if lower in _REPEAT_OK or (first[:1].isupper() and second[:1].isupper() and first != first.upper()):
                continue
            # Both words must be text as written (not two words left by removed markup).
            if doc.text[m.start():m.end()].replace("\n", " ") != prose[m.start():m.end()].replace("\n", " "):
                continue
            before = _WORD_BEFORE.search(prose, max(0, m.start() - 40), m.start())
            word_before = before.group(1).lower() if before else ""
            after = _WORD_AFTER.match(prose, m.end(), min(len(prose), m.end() + 40))
            if word_before == lower or (after and after.group(1).lower() == lower):
                continue  # three in a row: see _WORD_BEFORE
            if word_before in _FREE_RELATIVE and lower not in _SAFE_REPEAT \
                    and not before.group(0)[len(before.group(1)):].strip():
                continue  # "whatever happens happens", "whoever wins wins": the verb of each clause
            start, end = m.end(1), m.end(3)
            fix = "" if lower in _SAFE_REPEAT else None
            yield self.finding(doc, start, end, suggestions=("",), fix=fix, word=first)


def repeats(doc: Document) -> Iterator[re.Match]:
    """The matches of ``_REPEAT.finditer(doc.prose)``, found by trying the pattern only on
    the pairs of neighbouring words (``\\w+`` runs, read off the draft's word index) that
    can hold one.

    A match's two words are whole ``\\w+`` runs (a word character, an apostrophe or a
    hyphen on either side of one stops it, and only spaces stand between them), one right
    after the other, so the pattern is tried on a pair of neighbouring runs, and only on a
    pair that can hold one: two runs equal but for case, or a pair with a run holding one
    of the few other letters case-insensitive matching takes for an ASCII one (:data:`_FOLDS`:
    "ſ", "K"). Each try reads from the first run to one character past the second (what the
    closing lookahead looks at): no other match can start there, so a match found there is
    a match of the whole prose; the pairs are tried in order, from the end of the last
    match on, as ``finditer`` moves on.
    """
    from .. import wordstarts

    index = wordstarts.word_starts(doc)
    words, places, odd = index.words, index.places, index.odd
    n = len(words)
    if n < 2:
        return
    tried = list(compress(range(n - 1), map(eq, words, islice(words, 1, None))))
    if odd and _FOLDS.search("".join(odd.values())):
        folded = [i for i, text in odd.items() if _FOLDS.search(text)]
        tried = sorted({*tried, *folded, *(i - 1 for i in folded)} - {-1, n - 1})
    prose = doc.prose
    search = _REPEAT.search
    after = 0
    for i in tried:
        start = places[i]
        if start < after:
            continue  # inside the last match's second word, or before it: no match starts here
        end = places[i + 1] + len(odd.get(i + 1) or words[i + 1])
        m = search(prose, start, end + 1)
        if m is not None:
            yield m
            after = m.end()
