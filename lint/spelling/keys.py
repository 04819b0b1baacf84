"""The skeleton key that groups words which are easy to confuse.

The lexicon file is sorted and grouped by this key, so that finding the spelling
candidates for a word means looking up a few hundred short keys instead of building
an index of millions of deletions when newslint starts. Misspellings mostly get vowels
and doubled letters wrong, which the key ignores; a wrong, missing or swapped consonant
is one edit of the key. Shared by the data builder (tools/) and the runtime, so both
must agree: change it and rebuild the data.
"""
from __future__ import annotations

import unicodedata
from itertools import groupby
from operator import itemgetter

# c, k and q sound alike; z and s are the usual -ise/-ize and -yse/-yze confusion.
_MAP = str.maketrans({"c": "k", "q": "k", "z": "s", "'": None, "’": None, "-": None, ".": None})
_VOWELS = str.maketrans("", "", "aeiouy")
_FIRST = itemgetter(0)  # of groupby's (letter, run) pairs


def fold(word: str) -> str:
    """Lowercase without diacritics: 'Zürich' -> 'zurich'."""
    word = word.lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def skeleton(word: str) -> str:
    """Key of a (lowercase, folded) word: first letter, then its consonants, runs collapsed."""
    w = word.replace("ph", "f").translate(_MAP)
    if not w:
        return ""
    # groupby collapses runs ("bookkeeper" -> "bkpr") faster than a regex on short words.
    return "".join(map(_FIRST, groupby(w[0] + w[1:].translate(_VOWELS))))


CONSONANTS = "bdfghjklmnprstvwx"
