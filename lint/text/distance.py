"""The unweighted edit distance newslint uses to compare names and words.

:func:`osa` is the optimal string alignment distance: insertions, deletions and
substitutions cost one, and so does swapping two neighbouring letters ("Stzrok" for
"Strzok"), as long as no letter is edited twice. (It is often loosely called
Damerau-Levenshtein; the true Damerau-Levenshtein distance allows further edits of a
swapped pair and can be smaller.)

Short runs use the small dynamic programme below. Importing rapidfuzz (MIT) costs more
than a one-page draft's few dozen comparisons, so it is imported only once a run has
made :data:`RAPIDFUZZ_AFTER` comparisons; from then on its C implementation, which gives
the same answers (a test checks), does the work hundreds of times faster.
"""
from __future__ import annotations

from typing import Callable

#: Comparisons made in pure Python before switching to rapidfuzz.
RAPIDFUZZ_AFTER = 500


def osa_python(a: str, b: str, limit: int | None = None) -> int:
    """:func:`osa` as a dynamic programme over two rows, stopping early past ``limit``."""
    if a == b:
        return 0
    la, lb = len(a), len(b)
    if limit is not None and abs(la - lb) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        best = i
        ai = a[i - 1]
        for j in range(1, lb + 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai != b[j - 1]))
            if i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            if v < best:
                best = v
        if limit is not None and best > limit:
            return limit + 1  # every later row is at least this far
        prev2, prev = prev, cur
    d = prev[lb]
    return d if limit is None or d <= limit else limit + 1


def _rapidfuzz() -> Callable[..., int] | None:
    try:
        from rapidfuzz.distance import OSA
    except ImportError:  # pragma: no cover - a dependency, but never required
        return None
    rf = OSA.distance

    def osa_rapidfuzz(a: str, b: str, limit: int | None = None) -> int:
        return rf(a, b) if limit is None else rf(a, b, score_cutoff=limit)

    return osa_rapidfuzz


_calls = 0


def _counting(a: str, b: str, limit: int | None = None) -> int:
    global _calls, _impl
    _calls += 1
    if _calls > RAPIDFUZZ_AFTER:
        _impl = _rapidfuzz() or osa_python  # decided once per process
    return osa_python(a, b, limit)


_impl: Callable[..., int] = _counting


def osa(a: str, b: str, limit: int | None = None) -> int:
    """Optimal string alignment distance between ``a`` and ``b``.

    With ``limit``: the distance when it is at most ``limit``, else ``limit + 1`` (the
    computation stops as soon as that is certain).
    """
    return _impl(a, b, limit)
