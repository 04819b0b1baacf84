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


def _subpatterns(op, av, lookarounds: bool) -> list:
    if op in _REPEATS:
        return [av[2]]
    if op == _c.SUBPATTERN:
        return [av[-1]]
    if op == _c.BRANCH:
        return list(av[1])
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [av[1]] if lookarounds else []
    return []


def _any(items, hit, lookarounds: bool) -> bool:
    """True when ``hit(op, av)`` holds for some node of the parse tree ``items``."""
    return any(
        hit(op, av) or any(_any(sub, hit, lookarounds) for sub in _subpatterns(op, av, lookarounds))
        for op, av in items
    )


def _long_repeat(op, av) -> bool:
    # a repeat of nothing cannot blow up
    return op in _REPEATS and _long(av[1]) and bool(list(av[2]))


def _contains_long_repeat(items) -> bool:
    # lookarounds are matched once per position, so a long repeat inside one is harmless
    return _any(items, _long_repeat, lookarounds=False)


def _find_nested(items) -> bool:
    return _any(items, lambda op, av: op in _REPEATS and _long(av[1]) and _contains_long_repeat(av[2]),
                lookarounds=True)


def backtracking_risk(pattern: str, flags: int = 0) -> str | None:
    """A sentence explaining the risk, or None when the pattern looks safe.

    Raises :class:`re.error` when the pattern is not a valid regular expression.
    """
    tree = _p.parse(pattern, flags)
    if _find_nested(tree):
        return ("a repetition inside another unbounded repetition can backtrack catastrophically "
                "on long lines; bound the outer one (e.g. {0,5}) or remove the nesting")
    return None
