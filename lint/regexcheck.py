"""Refuse regular expressions that can backtrack catastrophically.

Python's ``re`` cannot be interrupted once a match starts, so a pack pattern such as
``(\\w+\\s?)*$`` could hang a pre-commit hook on one long line. Patterns are checked when a
pack is loaded: a repetition that may run long and contains another repetition that may
run long is the shape behind almost every such hang, and it can always be rewritten with a
bounded outer count (``{0,5}``) or without the nesting.
"""
from __future__ import annotations

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

LONG = 10  # a repeat allowed more times than this counts as "may run long"
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())


def _long(max_count: int) -> bool:
    return max_count == _c.MAXREPEAT or max_count > LONG


def _contains_long_repeat(items) -> bool:
    for op, av in items:
        if op in _REPEATS:
            lo, hi, sub = av
            if _long(hi) and _can_vary(sub):
                return True
            if _contains_long_repeat(sub):
                return True
        elif op == _c.SUBPATTERN:
            if _contains_long_repeat(av[-1]):
                return True
        elif op == _c.BRANCH:
            if any(_contains_long_repeat(b) for b in av[1]):
                return True
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            continue  # lookarounds are matched once per position
    return False


def _can_vary(items) -> bool:
    """True unless the subpattern is empty (a repeat of nothing cannot blow up)."""
    return bool(list(items))


def _find_nested(items) -> bool:
    for op, av in items:
        if op in _REPEATS:
            lo, hi, sub = av
            if _long(hi) and _contains_long_repeat(sub):
                return True
            if _find_nested(sub):
                return True
        elif op == _c.SUBPATTERN:
            if _find_nested(av[-1]):
                return True
        elif op == _c.BRANCH:
            if any(_find_nested(b) for b in av[1]):
                return True
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            if _find_nested(av[1]):
                return True
    return False


def backtracking_risk(pattern: str, flags: int = 0) -> str | None:
    """A sentence explaining the risk, or None when the pattern looks safe.

    Raises :class:`re.error` when the pattern is not a valid regular expression.
    """
    tree = _p.parse(pattern, flags)
    if _find_nested(tree):
        return ("a repetition inside another unbounded repetition can backtrack catastrophically "
                "on long lines; bound the outer one (e.g. {0,5}) or remove the nesting")
    return None
