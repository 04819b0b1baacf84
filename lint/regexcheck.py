"""Refuse regular expressions that can backtrack catastrophically.

Python's ``re`` tries every way a pattern can match before it gives up, so a pack pattern
such as ``(\\w+\\s?)*$`` or ``(a|aa)+$`` can run for hours on one long line. Patterns are
checked when a pack is loaded, for the shapes behind almost every such hang:

- a repetition that may run long inside another one (``(a+)+``);
- a repetition that may run long over alternatives that can match the same text
  (``(a|aa)+``, ``(\\w|\\d)*``), or over an alternative that matches nothing;
- a back-reference inside a repetition that may run long.

Each can be rewritten: bound the outer count (``{0,5}``) or make the alternatives disjoint.
Slower but not catastrophic shapes (two repetitions side by side over the same characters,
quadratic in the line) are left to the time budget. This check is a first line; the engine's per-document time budget
(:mod:`lint.engine.timebudget`) stops whatever slips through.

There is no public parser for Python's regular expressions: this reads ``re``'s own parse
tree (``re._parser``), the one ``re.compile`` builds.
"""
from __future__ import annotations

from typing import Iterable

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

LONG = 10  # a repeat allowed more times than this counts as "may run long"
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
# possessive repeats and atomic groups never backtrack into themselves
_POSSESSIVE = {getattr(_c, "POSSESSIVE_REPEAT", object())}
_ATOMIC = getattr(_c, "ATOMIC_GROUP", object())
ANY = "any"


def _long(max_count: int) -> bool:
    return max_count == _c.MAXREPEAT or max_count > LONG


def _subpatterns(op, av, lookarounds: bool) -> list:
    if op in _REPEATS or op in _POSSESSIVE:
        return [av[2]]
    if op == _c.SUBPATTERN:
        return [av[-1]]
    if op == _ATOMIC:
        return [av]
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


# ------------------------------------------------------------------ first characters
# What a piece of pattern can start with, as a small set: literal characters, the
# categories "word", "digit" and "space", or ANY. Negated sets count as ANY: the check
# may then refuse a safe pattern, never pass an unsafe one.
def _in_set(items) -> frozenset:
    out: set = set()
    for op, av in items:
        if op == _c.NEGATE:
            return frozenset({ANY})
        if op == _c.LITERAL:
            out.add(chr(av).lower())
        elif op == _c.RANGE:
            lo, hi = av
            if hi - lo > 300:
                return frozenset({ANY})
            out.update(chr(x).lower() for x in range(lo, hi + 1))
        elif op == _c.CATEGORY:
            name = str(av).lower()
            if "not" in name:
                return frozenset({ANY})
            out.add("digit" if "digit" in name else "space" if "space" in name else "word" if "word" in name else ANY)
        else:
            return frozenset({ANY})
    return frozenset(out)


def _first(items) -> tuple[frozenset, bool]:
    """(what ``items`` can start with, whether it can match the empty string)."""
    out: set = set()
    for op, av in items:
        first, nullable = _first_item(op, av)
        out |= first
        if not nullable:
            return frozenset(out), False
    return frozenset(out), True


def _first_item(op, av) -> tuple[frozenset, bool]:
    if op == _c.LITERAL:
        return frozenset({chr(av).lower()}), False
    if op == _c.IN:
        return _in_set(av), False
    if op in (_c.NOT_LITERAL, _c.ANY):
        return frozenset({ANY}), False
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset(), True
    if op == _c.SUBPATTERN:
        return _first(av[-1])
    if op == _ATOMIC:
        return _first(av)
    if op == _c.BRANCH:
        out: set = set()
        nullable = False
        for alt in av[1]:
            f, n = _first(alt)
            out |= f
            nullable = nullable or n
        return frozenset(out), nullable
    if op in _REPEATS or op in _POSSESSIVE:
        f, n = _first(av[2])
        return f, n or av[0] == 0
    if op == _c.GROUPREF:
        return frozenset({ANY}), True
    return frozenset({ANY}), True  # anything unknown: assume the worst


_CATS = {"word", "digit", "space"}


def _in_category(ch: str, cat: str) -> bool:
    if cat == "digit":
        return ch.isdigit()
    if cat == "space":
        return ch.isspace()
    return ch.isalnum() or ch == "_"


def _overlap(a: frozenset, b: frozenset) -> bool:
    """Whether some character can start both (approximated: may say yes wrongly, never no wrongly)."""
    if not a or not b:
        return False
    if ANY in a or ANY in b or a & b:
        return True
    ca, cb = a & _CATS, b & _CATS
    if ca and cb and (ca & cb or {"word", "digit"} <= (ca | cb)):
        return True
    return any(_in_category(ch, cat) for cat in ca for ch in b - _CATS) or any(
        _in_category(ch, cat) for cat in cb for ch in a - _CATS)


# ------------------------------------------------------------------ the shapes
def _body(av) -> list:
    """A repeat's body with plain groups unwrapped."""
    items = list(av[2])
    while len(items) == 1 and items[0][0] == _c.SUBPATTERN:
        items = list(items[0][1][-1])
    return items


def _ambiguous_alternatives(items: list) -> bool:
    """A choice in the repeated body whose alternatives can match the same text, or nothing.

    ``re`` moves a prefix the alternatives share out of the choice (``a|aa`` is parsed as
    ``a(?:|a)``), so a choice anywhere along the body counts, not only one that is the body.
    """
    for op, av in items:
        if op != _c.BRANCH:
            continue
        alts = [_first(alt) for alt in av[1]]
        if any(nullable for _f, nullable in alts):
            return True
        if any(_overlap(alts[i][0], alts[j][0]) for i in range(len(alts)) for j in range(i + 1, len(alts))):
            return True
    return False


def _has_backref(items) -> bool:
    return _any(items, lambda op, av: op == _c.GROUPREF, lookarounds=True)


def _repeat_risk(op, av) -> str | None:
    if op not in _REPEATS or not _long(av[1]):
        return None
    if _contains_long_repeat(av[2]):
        return ("a repetition inside another unbounded repetition can backtrack catastrophically "
                "on long lines; bound the outer one (e.g. {0,5}) or remove the nesting")
    if _ambiguous_alternatives(_body(av)):
        return ("an unbounded repetition over alternatives that can match the same text (or nothing) "
                "can backtrack catastrophically; make the alternatives disjoint or bound the repetition")
    if _has_backref(av[2]):
        return "a back-reference inside an unbounded repetition can backtrack catastrophically; bound the repetition"
    return None


def _walk(items, found: list[str]) -> None:
    for op, av in items:
        risk = _repeat_risk(op, av)
        if risk:
            found.append(risk)
            return
        for sub in _subpatterns(op, av, lookarounds=True):
            _walk(sub, found)
            if found:
                return


def backtracking_risk(pattern: str, flags: int = 0) -> str | None:
    """A sentence explaining the risk, or None when the pattern looks safe.

    Raises :class:`re.error` when the pattern is not a valid regular expression.
    """
    found: list[str] = []
    _walk(_p.parse(pattern, flags), found)
    return found[0] if found else None


def risky(patterns: Iterable[str]) -> list[tuple[str, str]]:
    """``(pattern, reason)`` for each risky pattern (for tools and tests)."""
    out = []
    for p in patterns:
        r = backtracking_risk(p)
        if r:
            out.append((p, r))
    return out
