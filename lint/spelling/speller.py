"""Candidates and ranking: what an unknown word was probably meant to be.

Candidates are the words whose skeleton key (:mod:`lint.spelling.keys`) is the word's
own key or one edit away from it, which covers one-letter slips, confused vowels and
doubled letters in one go, plus two-word splits ("alot" -> "a lot"). They are ranked by
a noisy-channel score: how likely the slip is (:func:`lint.spelling.distance.distance`)
against how common the intended word is.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .distance import distance, osa_bits, pattern
from .keys import CONSONANTS, fold, skeleton
from .lexicon import Lexicon

_FIRST = "abcdefghijklmnopqrstuvwx"
# How many frequency points (x10 Zipf) one unit of edit cost is worth. Tuned on
# codespell's misspelling list (Wikipedia's common misspellings), not on the eval sets.
COST_WEIGHT = 32.0
# Longer words can carry more slips and still be recognisable.
MAX_COST = 2.0
MAX_COST_LONG = 2.5
LONG = 8
# The cheapest edit (see distance.py); a word under another key needs a consonant edit.
MIN_COST = 0.45
MIN_COST_OTHER_KEY = 0.65
# Suggestions further than this (in edit-cost units) behind the best are not shown.
MARGIN = 1.0
# A run-together pair is scored as one edit on the rarer word, made a little rarer still.
SPLIT_PENALTY = 10


@dataclass(frozen=True)
class Candidate:
    word: str
    cost: float  # weighted edit cost (see distance.py)
    zipf: int  # x10 Zipf frequency of the word
    score: float  # lower is better


def key_neighbours(key: str) -> set[str]:
    """The key itself and every key one edit away (consonant alphabet after the first)."""
    out = {key}
    n = len(key)
    for i in range(n + 1):
        alphabet = _FIRST if i == 0 else CONSONANTS
        for c in alphabet:
            out.add(key[:i] + c + key[i:])  # insert
            if i < n:
                out.add(key[:i] + c + key[i + 1:])  # substitute
        if i < n:
            out.add(key[:i] + key[i + 1:])  # delete
        if i < n - 1:
            out.add(key[:i] + key[i + 1] + key[i] + key[i + 2:])  # swap
    # The first letter, when it is a vowel, is kept in the key; a dropped or added
    # leading vowel ("ccount" / "account") is the same key without it.
    out.discard("")
    return out


class Speller:
    """Suggestions for unknown words from a :class:`Lexicon`."""

    def __init__(self, lexicon: Lexicon, cost_weight: float = COST_WEIGHT, max_cost: float = MAX_COST) -> None:
        self.lexicon = lexicon
        self.cost_weight = cost_weight
        self.max_cost = max_cost
        self._memo: dict[str, list[Candidate]] = {}

    def candidates(self, word: str, limit: int = 5) -> list[Candidate]:
        """Ranked candidates for a lowercase word (best first), excluding the word itself.

        Only candidates within ``MARGIN`` of the best score are kept: they are the ones
        worth showing, and the bound lets the search skip most of the word list.
        """
        memo = self._memo.get(word)
        if memo is not None:
            return memo[:limit]
        w = fold(word)
        key = skeleton(w)
        lw = len(w)
        max_cost = (MAX_COST_LONG if lw >= LONG else self.max_cost) if lw > 3 else 1.0
        weight = self.cost_weight
        margin = MARGIN * weight
        group = self.lexicon.group
        # Words under the word's own key first (vowels and doubled letters: the usual
        # misspelling, and a good score early makes the bound below tight).
        same = [(z, o) for o, z in group(key) if abs(len(o) - lw) <= 2 and o != w]
        found: list[Candidate] = list(self._splits(w))
        best = min((c.score for c in found), default=float("inf"))
        letters = set(w)
        peq = pattern(w)
        seen: set[str] = {w}

        def scan(pool: list[tuple[int, str]], min_cost: float) -> None:
            nonlocal best
            for z, o in pool:
                bound = best + margin
                if MIN_COST * weight - z >= bound:
                    break  # the rest are rarer: none can come within the margin
                if o in seen:
                    continue
                seen.add(o)
                folded = o if o.isascii() else fold(o)
                # Cheap lower bounds before the real distance: each letter in one word and
                # not the other needs an edit (a substitution fixes two), so does each
                # letter of length difference, and so does each unweighted edit.
                floor = max(
                    min_cost,
                    MIN_COST * abs(len(folded) - lw),
                    MIN_COST * ((len(letters.symmetric_difference(folded)) + 1) // 2),
                )
                if floor > max_cost or floor * weight - z >= bound:
                    continue
                cap = min(max_cost, (bound + z) / weight)
                if MIN_COST * osa_bits(peq, lw, folded) > cap:
                    continue
                cost = distance(w, folded, cap)
                if cost > cap:
                    continue
                score = cost * weight - z
                found.append(Candidate(o, cost, z, score))
                if score < best:
                    best = score

        # Words under the word's own key first (vowels and doubled letters: the usual
        # misspelling), so that a good score found early bounds the wider search.
        scan(same, MIN_COST)
        # Each group is sorted by frequency: stop reading it where no word can still
        # come within the margin of the best score.
        zmin = MIN_COST_OTHER_KEY * weight - (best + margin)
        other: list[tuple[int, str]] = []
        for k in key_neighbours(key):
            if k == key:
                continue
            for o, z in group(k):
                if z <= zmin:
                    break
                if abs(len(o) - lw) <= 2:
                    other.append((z, o))
        other.sort(reverse=True)
        scan(other, MIN_COST_OTHER_KEY)
        found = sorted((c for c in found if c.score < best + margin), key=lambda c: (c.score, c.word))
        self._memo[word] = found
        return found[:limit]

    def _splits(self, w: str) -> list[Candidate]:
        """Two common words run together ("alot" -> "a lot"), each two letters or more or 'a'."""
        common = self.lexicon.common
        out = []
        for i in range(1, len(w)):
            zl = common.get(w[:i])
            if zl is None or (i < 2 and w[:i] != "a"):
                continue
            zr = common.get(w[i:])
            if zr is None or len(w) - i < 2:
                continue
            z = min(zl, zr) - SPLIT_PENALTY
            out.append(Candidate(f"{w[:i]} {w[i:]}", 1.0, z, self.cost_weight - z))
        return out

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        return [c.word for c in self.candidates(word, limit)]
