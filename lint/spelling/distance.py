"""A weighted edit distance that models how people mistype and misspell.

Plain Levenshtein distance treats "seperate" -> "separate" (a vowel confused) like
"seperate" -> "sewerate"; people do not. Costs here are lower for the slips that make
up most real misspellings: a vowel for a vowel, a letter doubled or undoubled, two
letters swapped, a neighbouring key, letters that sound alike.
"""
from __future__ import annotations

import functools
from typing import Callable

VOWELS = frozenset("aeiouy")

# QWERTY neighbours (same row and diagonals): the slip of a finger.
_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
_NEIGHBOURS: dict[str, set[str]] = {}
for _r, _row in enumerate(_ROWS):
    for _i, _ch in enumerate(_row):
        near = _NEIGHBOURS.setdefault(_ch, set())
        for _j in (_i - 1, _i + 1):
            if 0 <= _j < len(_row):
                near.add(_row[_j])
        for _rr in (_r - 1, _r + 1):
            if 0 <= _rr < len(_ROWS):
                for _j in (_i - 1, _i, _i + 1):
                    if 0 <= _j < len(_ROWS[_rr]):
                        near.add(_ROWS[_rr][_j])

# Letters that stand for the same sound in some English words: the slip of the ear.
_SOUND_ALIKE = ["ck", "cs", "sz", "kq", "gj", "iy", "fv", "mn", "dt", "bp", "xs", "ck", "wv"]

SUB_VOWEL = 0.55
SUB_SOUND = 0.7
SUB_KEY = 0.75
SUB = 1.0
INDEL_DOUBLE = 0.45  # "acommodate" <-> "accommodate"
INDEL_VOWEL = 0.8
INDEL = 1.0
SWAP = 0.65


def _build_sub() -> dict[tuple[str, str], float]:
    table: dict[tuple[str, str], float] = {}
    letters = "abcdefghijklmnopqrstuvwxyz"
    for a in letters:
        for b in letters:
            if a == b:
                continue
            cost = SUB
            if a in _NEIGHBOURS.get(b, ()):
                cost = min(cost, SUB_KEY)
            if a + b in _SOUND_ALIKE or b + a in _SOUND_ALIKE:
                cost = min(cost, SUB_SOUND)
            if a in VOWELS and b in VOWELS:
                cost = min(cost, SUB_VOWEL)
            table[a, b] = cost
    return table


_SUB = _build_sub()


def _indel(s: str, i: int) -> float:
    """Cost of inserting or deleting ``s[i]`` (relative to its neighbours in ``s``)."""
    ch = s[i]
    if (i > 0 and s[i - 1] == ch) or (i + 1 < len(s) and s[i + 1] == ch):
        return INDEL_DOUBLE
    if ch in VOWELS:
        return INDEL_VOWEL
    return INDEL


def indel_costs(s: str) -> list[float]:
    """Cost of inserting or deleting each letter of ``s`` (see :func:`_indel`)."""
    return [_indel(s, i) for i in range(len(s))]


_INDEL_MEMO: dict[str, list[float]] = {}


def distance(a: str, b: str, limit: float = 3.0, a_costs: list[float] | None = None) -> float:
    """Weighted optimal-string-alignment distance from ``a`` (typed) to ``b`` (intended).

    Returns a value above ``limit`` as soon as the distance must exceed it. ``a_costs``
    (from :func:`indel_costs`) saves recomputing them when one word meets many.
    """
    # Common prefix and suffix cost nothing; most candidate pairs differ in a few letters.
    # Keep one shared letter on each side so doubled-letter costs see their neighbour.
    la0, lb0 = len(a), len(b)
    m = min(la0, lb0)
    n = 0
    while n < m and a[n] == b[n]:
        n += 1
    n = max(n - 1, 0)
    e = 0
    while e < m - n and a[la0 - 1 - e] == b[lb0 - 1 - e]:
        e += 1
    e = max(e - 1, 0)
    if a_costs is None:
        a_costs = indel_costs(a)
    b_costs = _INDEL_MEMO.get(b)
    if b_costs is None:
        b_costs = indel_costs(b)
        if len(_INDEL_MEMO) < 200_000:
            _INDEL_MEMO[b] = b_costs
    del_a = a_costs[n:la0 - e]
    ins_b = b_costs[n:lb0 - e]
    a, b = a[n:la0 - e], b[n:lb0 - e]
    la, lb = len(a), len(b)
    if la == 0 or lb == 0:
        return sum(del_a) + sum(ins_b)
    sub = _SUB
    prev2: list[float] | None = None
    prev = [0.0] * (lb + 1)
    acc = 0.0
    for j in range(lb):
        acc += ins_b[j]
        prev[j + 1] = acc
    prev_low = 0.0
    for i in range(1, la + 1):
        ca = a[i - 1]
        da = del_a[i - 1]
        cur = [prev[0] + da] + [0.0] * lb
        low = cur[0]
        left = cur[0]
        for j in range(1, lb + 1):
            cb = b[j - 1]
            best = prev[j - 1] if ca == cb else prev[j - 1] + sub.get((ca, cb), SUB)
            d = prev[j] + da
            if d < best:
                best = d
            d = left + ins_b[j - 1]
            if d < best:
                best = d
            if prev2 is not None and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                d = prev2[j - 2] + SWAP
                if d < best:
                    best = d
            cur[j] = left = best
            if best < low:
                low = best
        # Stop when no cell of this row can lead under the limit; a swap reaches back
        # one more row, so that row's minimum counts too.
        if low > limit and prev_low + SWAP > limit:
            return limit + 1.0
        prev_low = low
        prev2, prev = prev, cur
    return prev[lb]


def pattern(a: str) -> dict[str, int]:
    """Bit masks of where each letter occurs in ``a``, for :func:`osa_bits`."""
    peq: dict[str, int] = {}
    for i, ch in enumerate(a):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    return peq


def osa_bits(peq: dict[str, int], m: int, b: str) -> int:
    """Unweighted optimal-string-alignment distance between a pattern of length ``m``
    (see :func:`pattern`) and ``b``, bit-parallel (Myers 1999 with Hyyrö's transposition
    term): a few integer operations per letter of ``b``, about six times faster than the
    weighted dynamic programme, so it screens candidates before :func:`distance`.
    """
    if m == 0:
        return len(b)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    vp, vn, d0, last = mask, 0, 0, 0
    score = m
    for ch in b:
        eq = peq.get(ch, 0)
        tr = (((~d0) & eq) << 1) & last
        d0 = ((((eq & vp) + vp) ^ vp) | eq | vn | tr) & mask
        hp = vn | ~(d0 | vp)
        hn = d0 & vp
        if hp & high:
            score += 1
        elif hn & high:
            score -= 1
        hp = ((hp << 1) | 1) & mask
        hn = (hn << 1) & mask
        vp = hn | (~(d0 | hp) & mask)
        vn = d0 & hp
        last = eq
    return score


@functools.lru_cache(maxsize=1)
def osa_c() -> Callable[[str, str], int] | None:
    """The distance :func:`osa_bits` computes, from rapidfuzz's C implementation (a
    dependency; the two agree, tests/test_spelling.py checks), or None without it. About
    fifty times faster per pair, but importing it costs ~15 ms: callers switch to it once
    a run has made enough comparisons to be worth that."""
    try:
        from rapidfuzz.distance import OSA
    except ImportError:  # pragma: no cover - a dependency, but never required
        return None
    return OSA.distance
