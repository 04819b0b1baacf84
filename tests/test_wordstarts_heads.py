"""Multi-word heads: a pattern tried only where its first words (and the words after them)
stand finds exactly what ``regex.finditer`` and ``regex.search`` find.

tests/test_wordstarts.py holds the single-word cases and every shipped pattern on every
rule example; these add the cases a head of several words meets: a later word that is
non-ASCII or folds only under IGNORECASE ("ſtate", the Kelvin sign), curly apostrophes
inside a head, CRLF line ends, line breaks between the words, and matches at the very
start and end of the text.
"""
import re

import pytest

from lint import document, wordstarts

TEXTS = [
    "the state of the union",
    "The State said the ſtate was THE STATE; the  state; the\nstate; the\r\nstate.",
    "The \u212aiev office and the kiev office and the Kyiv office.",
    "They don't know. They don’t know. They DON'T KNOW and don t know.",
    "Read more\r\nRead  more\r\nread more: spread more news\r\n",
    "best of all, the best, the  best; thebest; the-best; The Best",
    "the truth is the truth, and the truth-is a slogan; THE TRUTH IS.",
    "İstanbul and the İstanbul office; the istanbul office; the ıstanbul office",
    "state",
    "the state",
    "",
]

PATTERNS = [
    (r"\bthe\s+state\b", re.I),
    (r"\bthe\s+(?:kiev|kyiv)\s+office\b", re.I),
    (r"\bdon['’]t\s+know\b", re.I),
    (r"(?<!\w)read\s+more", re.I),
    (r"^read\s+more", re.I | re.M),
    (r"\b(?:the\s+)?best\b", re.I),
    (r"\bthe\s+truth\s+is\b", re.I),
    (r"\bthe\s+(?:istanbul|state)\s+office\b", re.I),
    (r"\bThe\s+State\b", 0),
]


def spans(it):
    return [m.span() for m in it]


@pytest.mark.parametrize("pattern,flags", PATTERNS)
def test_multi_word_heads_find_what_finditer_finds(pattern, flags):
    rx = re.compile(pattern, flags)
    for text in TEXTS:
        d = document.parse(text, "t.md", "markdown")
        assert spans(wordstarts.finditer(d, rx)) == spans(rx.finditer(d.prose)), (pattern, text)


@pytest.mark.parametrize("pattern,flags", PATTERNS)
def test_may_match_in_never_says_no_where_search_finds_a_match(pattern, flags):
    rx = re.compile(pattern, flags)
    for text in TEXTS:
        d = document.parse(text, "t.md", "markdown")
        n = len(d.prose)
        for lo in range(0, n + 1, 3):
            for hi in (lo + 4, lo + 15, n):
                hi = min(hi, n)
                m = rx.search(d.prose, lo, hi)
                if m is not None and m.start() < hi:
                    assert wordstarts.may_match_in(d, rx, lo, hi), (pattern, text, lo, hi)


def test_a_pattern_that_may_match_the_empty_string_has_no_heads():
    assert wordstarts.heads(re.compile(r"(?<!\w)(?:read|)\s*more", re.I)) is None


def test_gap_characters_are_never_word_characters_in_any_case():
    """A head's words are the draft's next words only if what the pattern puts between
    them can never be a word character, under IGNORECASE too."""
    import sys

    word = re.compile(r"\w", re.I)
    lowers = {ch.lower() for ch in wordstarts._GAP_CHARS}
    uppers = {ch.upper() for ch in wordstarts._GAP_CHARS}
    for ch in wordstarts._GAP_CHARS:
        assert not word.match(ch), repr(ch)
    # nor is any character that IGNORECASE could equate with one of them
    for cp in range(sys.maxunicode + 1):
        other = chr(cp)
        if other.lower() in lowers or other.upper() in uppers:
            assert not word.match(other), repr(other)
