"""Candidates and ranking: what an unknown word was probably meant to be.

Candidates are the words whose skeleton key (:mod:`lint.spelling.keys`) is the word's
own key or one edit away from it, which covers one-letter slips, confused vowels and
doubled letters in one go, plus two-word splits ("alot" -> "a lot"). They are ranked by
a noisy-channel score: how likely the slip is (:func:`lint.spelling.distance.distance`)
against how common the intended word is.
"""
from __future__ import annotations

from operator import itemgetter
from typing import Callable, NamedTuple

from .distance import distance, indel_costs, osa_bits, osa_c, pattern
from .keys import CONSONANTS, fold, skeleton
from .lexicon import COMMON_ZIPF, FREQUENT_ZIPF, Lexicon

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
MARGIN = 0.5
# At most this many weighted distances per pass: the survivors are in order of their
# lower bound, and the winner is almost always among the first few.
BUDGET = 12
# A run-together pair is scored as one edit on the rarer word, made a little rarer still.
SPLIT_PENALTY = 10
# Letters a one-edit near-miss may add or change (words in the list also hold these).
_EDIT_ALPHABET = "abcdefghijklmnopqrstuvwxyz'-"
# After this many near-miss screens in one process, build the deletion index that answers
# each in a dozen lookups instead of a few hundred. It costs about 0.1 s, as much as
# ~400 screens without it: a one-page draft (a dozen screens) never builds it, and a run
# over many drafts builds it early.
NEAR_INDEX_AFTER = 250
# ... that index holds the common words only (most screens ask about them); the index of
# every frequent word costs ~0.07 s, as much as ~1,000 screens of rarer words by lookups.
NEAR_RARE_INDEX_AFTER = 1000
# After this many searches in one process (each compares the word with some fifty
# others), the unweighted distances come from rapidfuzz (:func:`distance.osa_c`), whose
# import costs about as much as a thousand comparisons in Python.
OSA_C_AFTER = 20
# Candidate lists remembered per speller before the memo starts afresh.
MEMO_SIZE = 50_000


class Candidate(NamedTuple):
    word: str
    cost: float  # weighted edit cost (see distance.py)
    zipf: int  # x10 Zipf frequency of the word
    score: float  # lower is better


_BITS = {ch: 1 << i for i, ch in enumerate("abcdefghijklmnopqrstuvwxyz")}


def letter_mask(word: str) -> int:
    """The set of letters of a word as bits (other characters share one bit)."""
    m = 0
    for ch in set(word):
        m |= _BITS.get(ch, 1 << 26)
    return m


def key_neighbours(key: str) -> set[str]:
    """The key itself and every key one edit away (consonant alphabet after the first)."""
    out = {key}
    n = len(key)
    for i in range(n + 1):
        head, tail = key[:i], key[i:]
        alphabet = _FIRST if i == 0 else CONSONANTS
        out.update([head + c + tail for c in alphabet])  # insert
        if i < n:
            rest = key[i + 1:]
            out.update([head + c + rest for c in alphabet])  # substitute
            out.add(head + rest)  # delete
            if i < n - 1:
                out.add(head + key[i + 1] + key[i] + key[i + 2:])  # swap
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
        self._memo: dict[tuple, list[Candidate]] = {}
        self._entry_cache: dict[tuple[str, bool], list[tuple[int, str, str, int]]] = {}
        self._near_queries = 0
        self._rare_near_queries = 0  # of those, the ones about words under COMMON_ZIPF
        self._searches = 0
        #: The C implementation of :func:`osa_bits` once a run has searched enough to
        #: be worth importing it (see OSA_C_AFTER), else None.
        self.osa_c: Callable[[str, str], int] | None = None

    def candidates(self, word: str, limit: int = 5, max_cost: float | None = None, min_zipf: int = 0) -> list[Candidate]:
        """Ranked candidates for a lowercase word (best first), excluding the word itself.

        Only candidates within ``MARGIN`` of the best score are kept: they are the ones
        worth showing, and the bound lets the search skip most of the word list.
        ``max_cost`` and ``min_zipf`` narrow the search to close, common words (the
        question asked of names: "is this a slip on a common word?"), which is much faster.
        """
        memo_key = (word, max_cost, min_zipf)
        memo = self._memo.get(memo_key)
        if memo is not None:
            return memo[:limit]
        w = fold(word)
        key = skeleton(w)
        lw = len(w)
        self._searches += 1
        if self._searches == OSA_C_AFTER:
            self.osa_c = osa_c()
        c_osa = self.osa_c
        default_cost = (MAX_COST_LONG if lw >= LONG else self.max_cost) if lw > 3 else 1.0
        max_cost = default_cost if max_cost is None else min(max_cost, default_cost)
        weight = self.cost_weight
        margin = MARGIN * weight
        # Common words only: a much smaller index answers.
        use_common = min_zipf >= COMMON_ZIPF
        # Words under the word's own key first (vowels and doubled letters: the usual
        # misspelling, and a good score early makes the bound below tight).
        entries = self._entries
        same = [e for e in entries(key, use_common) if e[0] >= min_zipf and -3 < e[3] - lw < 3 and e[2] != w]
        found: list[Candidate] = list(self._splits(w)) if min_zipf == 0 else []
        best = min((c.score for c in found), default=float("inf"))
        wmask = letter_mask(w)
        peq = pattern(w)
        w_costs = indel_costs(w)
        ceiling_seen = float("inf")

        def scan(pool: list[tuple[int, str, str, int]], min_cost: float) -> None:
            nonlocal best, ceiling_seen
            # Pass 1, cheap: bounds from length and the unweighted distance. Every unweighted edit costs between MIN_COST and 1.0 weighted, so
            # each survivor gets a lower and an upper bound on its score; the best upper
            # bound tightens the search long before any weighted distance is computed.
            survivors: list[tuple[float, int, str, str]] = []
            ceiling = min(best, ceiling_seen)
            bound = ceiling + margin
            # Floors by length difference (0, 1, 2 letters), in score units.
            floors = [max(min_cost, MIN_COST * d) * weight for d in range(3)]
            for z, folded, o, length in pool:
                if MIN_COST * weight - z >= bound:
                    break  # the rest are rarer: none can come within the margin
                d = length - lw
                if floors[d if d >= 0 else -d] - z >= bound:
                    continue
                if c_osa is None:
                    # In Python the distance is costly: screen first by letters. Each letter
                    # in one word and not the other needs an edit (a substitution fixes two),
                    # so this floor never exceeds MIN_COST * edits and rules out only what
                    # the distance would.
                    floor = MIN_COST * (((letter_mask(folded) ^ wmask).bit_count() + 1) // 2)
                    if floor * weight - z >= bound or floor > max_cost:
                        continue
                    edits = osa_bits(peq, lw, folded)
                else:
                    edits = c_osa(w, folded)
                low = MIN_COST * edits
                if low < min_cost:
                    low = min_cost
                if low > max_cost or low * weight - z >= bound:
                    continue
                survivors.append((low * weight - z, z, o, folded))
                if edits <= max_cost and edits * weight - z < ceiling:
                    ceiling = edits * weight - z
                    bound = ceiling + margin
            ceiling_seen = min(ceiling_seen, ceiling)
            # Pass 2: weighted distances, most promising first, until none can come close.
            survivors.sort()
            for n, (low_score, z, o, folded) in enumerate(survivors):
                bound = min(best, ceiling) + margin
                if low_score >= bound or n >= BUDGET:
                    break
                cap = min(max_cost, (bound + z) / weight)
                cost = distance(w, folded, cap, w_costs)
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
        zmin = max(MIN_COST_OTHER_KEY * weight - (min(best, ceiling_seen) + margin), min_zipf - 1)
        other: list[tuple[int, str, str, int]] = []
        neighbours = key_neighbours(key)
        neighbours.discard(key)
        neighbours = self.lexicon.existing(neighbours, common=use_common)
        # Under another key, a word two letters longer or shorter needs three slips or
        # more: worth a look only in long words.
        span = 3 if lw >= LONG else 2
        for k in neighbours:
            for e in entries(k, use_common):
                if e[0] <= zmin:
                    break
                if -span < e[3] - lw < span:
                    other.append(e)
        other.sort(reverse=True)
        scan(other, MIN_COST_OTHER_KEY)
        found = sorted((c for c in found if c.score < best + margin and c.zipf >= min_zipf),
                       key=lambda c: (c.score, c.word))
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()  # a long run over many drafts must not grow without bound
        self._memo[memo_key] = found
        return found[:limit]

    def has_near(self, word: str, min_zipf: int, max_cost: float) -> bool | None:
        """Whether a word of x10 Zipf ``min_zipf`` or more is within ``max_cost`` of
        ``word`` (lowercase), found by looking up the word's one-letter edits in a plain
        dict instead of searching; None when this cannot tell (a cost that allows two
        edits, a frequency under the dict's floor).

        Most rare words in a draft are real words with no common word one slip away; this
        answers that in a few hundred dict lookups (the full search costs ~1 ms).
        """
        if max_cost >= 2 * MIN_COST or min_zipf < FREQUENT_ZIPF:
            return None  # two edits fit the cost, or the word sought is too rare for the dict
        w = fold(word)
        self._near_queries += 1
        index = None
        if self._near_queries > NEAR_INDEX_AFTER:
            # Many drafts: one lookup per deletion in an index built once. Most questions
            # are about common words, which the common words' smaller index answers; the
            # index of every frequent word is built only when many questions need it.
            if min_zipf >= COMMON_ZIPF:
                index = self.lexicon.near_index(COMMON_ZIPF)
            else:
                self._rare_near_queries += 1
                if self._rare_near_queries > NEAR_RARE_INDEX_AFTER:
                    index = self.lexicon.near_index()
        if index is not None:
            if index.get(w, 0) >= min_zipf:
                return True
            return any(index.get(w[:i] + w[i + 1:], 0) >= min_zipf for i in range(len(w)))
        frequent = self.lexicon.frequent()
        get = frequent.get
        # The same letters with other diacritics ("cafe" for "café") cost nothing; the
        # word's own frequency is below min_zipf, so a hit here is another word.
        if get(w, 0) >= min_zipf:
            return True
        n = len(w)
        for i in range(n):
            head, tail = w[:i], w[i + 1:]
            if get(head + tail, 0) >= min_zipf:  # a letter too many
                return True
            if i < n - 1 and get(head + w[i + 1] + w[i] + tail[1:], 0) >= min_zipf:  # swapped
                return True
            for c in _EDIT_ALPHABET:
                if c != w[i] and get(head + c + tail, 0) >= min_zipf:  # a wrong letter
                    return True
        for i in range(n + 1):
            head, tail = w[:i], w[i:]
            for c in _EDIT_ALPHABET:
                if get(head + c + tail, 0) >= min_zipf:  # a letter left out
                    return True
        return False

    def _entries(self, key: str, common: bool) -> list[tuple[int, str, str, int]]:
        """The words under a key as ``(zipf, folded, word, length)``, most frequent
        first, cached: what the search compares, computed once per word."""
        got = self._entry_cache.get((key, common))
        if got is None:
            if common:
                group = self.lexicon.common_group(key)
                words, zipfs = list(map(itemgetter(0), group)), list(map(itemgetter(1), group))
            else:
                words, zipfs = self.lexicon.group_columns(key)
            # Built with C-level calls: a run over many drafts builds tens of thousands.
            folded = words if "".join(words).isascii() else [o if o.isascii() else fold(o) for o in words]
            got = list(zip(zipfs, folded, words, map(len, folded)))
            self._entry_cache[key, common] = got
        return got

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
